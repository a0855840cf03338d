/*
 * test_text.c: text.c, the text rules the stages share: UTF-8 decoding
 * (Unicode's Table 3-7 and its maximal subparts), character boundaries,
 * CJK classes, abbreviations and the sentence splitter.
 */
#include <stdlib.h>

#include "harness.h"
#include "core/text.h"
#include "core/util.h"

static void decode(const char *s, size_t n, size_t want_len, uint32_t want_cp, const char *what)
{
	uint32_t cp = 0;
	size_t l = text_decode(s, n, &cp);
	OK(l == want_len && cp == want_cp, "decode %s: %zu bytes, U+%04X (want %zu, U+%04X)", what,
	   l, (unsigned)cp, want_len, (unsigned)want_cp);
}

static void test_decode(void)
{
	decode("A", 1, 1, 'A', "ASCII");
	decode("\xc3\xa9", 2, 2, 0xE9, "two bytes");
	decode("\xe4\xb8\xad", 3, 3, 0x4E2D, "three bytes");
	decode("\xf0\x9f\x98\x80", 4, 4, 0x1F600, "four bytes");
	decode("\xc0\xaf", 2, 1, TEXT_BAD, "overlong C0 (never a lead byte)");
	decode("\xe0\x80\xaf", 3, 1, TEXT_BAD, "overlong E0 80: the lead alone is the subpart");
	decode("\xed\xa0\x80", 3, 1, TEXT_BAD, "a surrogate");
	decode("\xf4\x90\x80\x80", 4, 1, TEXT_BAD, "past U+10FFFF");
	decode("\xe4\xb8", 2, 2, TEXT_BAD, "truncated: the maximal subpart");
	decode("\xe4\xb8" "A", 3, 2, TEXT_BAD, "cut short by ASCII");
	decode("\x80", 1, 1, TEXT_BAD, "a lone continuation byte");
	uint32_t cp;
	INT_EQ(text_decode("", 0, &cp), 0, "decode of nothing uses nothing");
	INT_EQ(text_cp_at("\xff" "a", 2, 0, &cp), 1, "text_cp_at of a bad byte: one byte");
	INT_EQ(cp, 0xFFFD, "...read as U+FFFD");
	INT_EQ(utf8_decode("\xe4\xb8\xad", 3, &cp), 3, "util's utf8_decode is the same decoder");
	INT_EQ(utf8_decode("\xed\xa0\x80", 3, &cp), 0, "...and refuses what it refuses");
}

static void test_boundaries(void)
{
	const char *s = "a\xe4\xb8\xad" "b"; /* a 中 b */
	INT_EQ(text_cut(s, 0), 0, "cut at 0");
	INT_EQ(text_cut(s, 1), 1, "cut before the Han character");
	INT_EQ(text_cut(s, 2), 1, "cut inside it goes back to its start");
	INT_EQ(text_cut(s, 3), 1, "...from any byte of it");
	INT_EQ(text_cut(s, 4), 4, "cut after it");
	INT_EQ(text_prev(s, 4), 1, "the character ending at 4 starts at 1");
	INT_EQ(text_prev(s, 1), 0, "the one ending at 1 starts at 0");
	INT_EQ(text_prev(s, 5), 4, "the last one");
}

static void test_classes(void)
{
	OK(text_is_han(0x4E2D) && text_is_han(0x3007) && text_is_han(0x20000), "Han: 中, 〇, Extension B");
	OK(!text_is_han(0x3002) && !text_is_han('A') && !text_is_han(0x30A2), "not Han: 。, A, katakana");
	OK(text_is_cjk_punct(0x3002) && text_is_cjk_punct(0xFF0C) && !text_is_cjk_punct(0x3007),
	   "CJK punctuation: 。 and ，, not 〇");
	OK(text_is_cjk(0x30A2) && text_is_cjk(0xAC00) && text_is_cjk(0xFF01) && text_is_cjk(0x4E2D),
	   "CJK: kana, Hangul, full-width forms, Han");
	OK(!text_is_cjk('a') && !text_is_cjk(0xE9) && !text_is_cjk(0x2026), "not CJK: a, é, …");
	int cjk;
	OK(text_is_terminator(0x3002, &cjk) && cjk, "。 ends a sentence, CJK");
	OK(text_is_terminator(0x2026, &cjk) && !cjk, "… ends a sentence, not CJK");
	OK(!text_is_terminator(',', &cjk), ", does not");
	OK(text_is_closer(0x201D) && text_is_closer(0x300D) && !text_is_closer('('), "” and 」 close, ( does not");
}

static void test_abbreviations(void)
{
	INT_EQ(text_abbreviation("e.g", 3), TEXT_ABBR_INNER, "e.g. is inner");
	INT_EQ(text_abbreviation("dr", 2), TEXT_ABBR_INNER, "Dr. is inner, in any case");
	INT_EQ(text_abbreviation("etc", 3), TEXT_ABBR_FINAL, "etc. may end a sentence");
	INT_EQ(text_abbreviation("Inc", 3), TEXT_ABBR_FINAL, "Inc. may end a sentence");
	INT_EQ(text_abbreviation("S", 1), TEXT_ABBR_INITIAL, "S. is an initial");
	INT_EQ(text_abbreviation("Mt", 2), TEXT_ABBR_INNER, "Mt. is inner (Mt. Everest)");
	INT_EQ(text_abbreviation("Vol", 3), TEXT_ABBR_INNER, "Vol. is inner (Vol. 3)");
	INT_EQ(text_abbreviation("Approx", 6), TEXT_ABBR_INNER, "Approx. is inner (Approx. 30 km)");
	INT_EQ(text_abbreviation("s", 1), TEXT_ABBR_NONE, "s. is not");
	INT_EQ(text_abbreviation("Linux", 5), TEXT_ABBR_NONE, "Linux. is no abbreviation");
}

/* The sentences of s, as "[first][second]". */
static char *split(const char *s, int flags)
{
	size_t *r;
	int n = text_sentences(s, strlen(s), flags, &r);
	struct buf b = {0};
	buf_puts(&b, "");
	for (int i = 0; i < n; i++)
		buf_printf(&b, "[%.*s]", (int)(r[2 * i + 1] - r[2 * i]), s + r[2 * i]);
	free(r);
	return buf_detach(&b);
}

static void sentences(const char *s, int flags, const char *want)
{
	char *got = split(s, flags);
	STR_EQ(got, want, s);
	free(got);
}

static void test_sentences(void)
{
	sentences("One. Two! Three? Four", 0, "[One.][Two!][Three?][Four]");
	sentences("  Leading and trailing space.  ", 0, "[Leading and trailing space.]");
	sentences("Version 6.3 is out. Next week", 0, "[Version 6.3 is out.][Next week]");
	sentences("Use a tool, e.g. perf. Then stop.", 0, "[Use a tool, e.g. perf.][Then stop.]");
	sentences("Talk to Dr. Smith now.", 0, "[Talk to Dr. Smith now.]");
	sentences("Fixes, docs etc. and more. Then", 0, "[Fixes, docs etc. and more.][Then]");
	sentences("Fixes, docs etc. Then more.", 0, "[Fixes, docs etc.][Then more.]");
	sentences("He said \"no.\" Then left.", 0, "[He said \"no.\"][Then left.]");
	sentences("Really?! Yes.", 0, "[Really?!][Yes.]");
	sentences("Wait\xe2\x80\xa6 what", 0, "[Wait\xe2\x80\xa6][what]");
	sentences("Andrew S. Tanenbaum wrote it.", 0, "[Andrew S.][Tanenbaum wrote it.]");
	sentences("\xe5\x8f\x91\xe5\xb8\x83\xe4\xba\x86\xe3\x80\x82\xe4\xb8\x8b\xe5\x91\xa8", 0,
		  "[\xe5\x8f\x91\xe5\xb8\x83\xe4\xba\x86\xe3\x80\x82][\xe4\xb8\x8b\xe5\x91\xa8]"); /* 发布了。下周 */
	sentences("\xe5\xa5\xbd\xe3\x80\x82\xe3\x80\x8d\xe5\x86\x8d", 0,
		  "[\xe5\xa5\xbd\xe3\x80\x82\xe3\x80\x8d][\xe5\x86\x8d]"); /* 好。」再: the closer goes with it */
	sentences("Say [[a. b]] now. Next", TEXT_PHONEMES, "[Say [[a. b]] now.][Next]");
	sentences("Say [[a. b]] now. Next", 0, "[Say [[a.][b]] now.][Next]");
	sentences("", 0, "");
	sentences("   ", 0, "");
	/* The splitter the transcript uses and the synthesiser's agree on text
	 * without phoneme input. */
	const char *t = "First, e.g. this. Second\xe2\x80\xa6 Third?\" Fourth.";
	char *a = split(t, 0), *b = split(t, TEXT_PHONEMES);
	STR_EQ(a, b, "with and without TEXT_PHONEMES, text without [[ ]] splits the same");
	free(a);
	free(b);
}

/* Spoken hints: the written form for people, the engine's part for the synthesiser. */
static void test_hints(void)
{
	/* "Plan A. Gleixner's [[x]]" with two hints */
	const char t[] = "Plan \x02" "A.\x1f[['eI]]\x03 said \x02Gleixner\x1f[[gl'aIksn3]]\x03, ok. [[h@]]";
	size_t n = strlen(t);
	char *w = text_form(t, n, TEXT_WRITTEN), *e = text_form(t, n, TEXT_ENGINE),
	     *s = text_form(t, n, TEXT_SHOWN);
	STR_EQ(w, "Plan A. said Gleixner, ok. [[h@]]", "the written form has no mark and no engine part");
	STR_EQ(e, "Plan [['eI]] said [[gl'aIksn3]], ok. [[h@]]", "the engine's form has no mark and no written part");
	STR_EQ(s, "Plan A.<[['eI]]> said Gleixner<[[gl'aIksn3]]>, ok. [[h@]]", "the shown form has both");
	OK(text_has_hint(t, n) && !text_has_hint(w, strlen(w)), "text_has_hint");
	INT_EQ((int)text_hint_end(t, 5, n), 5 + 12, "text_hint_end: past the closing mark");
	INT_EQ((int)text_hint_end(t, 4, n), 4, "text_hint_end: no hint starts at a space");
	free(w);
	free(e);
	free(s);

	char *b = xstrdup(t);
	size_t *sp = NULL;
	int k = text_engine_blank(b, n, &sp);
	INT_EQ(k, 2, "text_engine_blank finds both hints");
	INT_EQ((int)strlen(b), (int)n, "text_engine_blank keeps the length");
	STR_EQ(b, "Plan     [['eI]]  said           [[gl'aIksn3]] , ok. [[h@]]",
	       "text_engine_blank leaves the engine's part where it was");
	OK(k == 2 && sp[0] == 5 && sp[1] == 17 && b[sp[2]] == ' ' && t[sp[3] - 1] == '\x03',
	   "text_engine_blank gives each hint's range, marks included");
	free(sp);
	free(b);

	/* a hint holds no sentence's end: "A." inside one does not split */
	sentences("Plan \x02" "A.\x1f[['eI]]\x03 now. Next", 0, "[Plan \x02" "A.\x1f[['eI]]\x03 now.][Next]");
	/* a hint cut off (never made by the script) ends the text, safely */
	char *cut = text_form("x \x02" "A\x1f[[", 7, TEXT_WRITTEN);
	STR_EQ(cut, "x A", "a hint without its closing mark");
	free(cut);
}

int main(void)
{
	test_decode();
	test_boundaries();
	test_classes();
	test_abbreviations();
	test_sentences();
	test_hints();
	return harness_done();
}
