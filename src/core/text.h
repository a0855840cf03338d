/*
 * text.h: the text rules every stage must agree on, in one place: decoding
 * UTF-8, cutting it at a character boundary, which characters are CJK, the
 * abbreviations whose full stop does not end a sentence, where a
 * sentence ends, and the spoken hints a run's words carry for the engine. The transcript matches written to spoken sentences, so its
 * splitter and the synthesiser's must be the same one: this one.
 *
 * In: UTF-8 byte strings with lengths (no NUL needed unless stated). Out:
 * code points, byte offsets, classifications, UTF-8 appended to a buffer.
 * No state, no allocation except text_sentences' and text_engine_blank's
 * results, text_form's copy and utf8_put's buffer. Below it only util.h (buffers, allocation); nothing here reports.
 */
#ifndef PODSYNTH_TEXT_H
#define PODSYNTH_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct buf; /* util.h */

/* What text_decode gives for bytes that are not well-formed UTF-8. */
#define TEXT_BAD UINT32_MAX

/*
 * Decodes the sequence at s (n > 0 bytes left), following Unicode's table
 * of well-formed byte sequences (Table 3-7: no overlong forms, surrogates
 * or code points past U+10FFFF). Returns the bytes used (at least 1); *cp
 * is the code point, or TEXT_BAD when those bytes are one maximal
 * ill-formed subsequence (to be replaced by one U+FFFD). 0 when n is 0.
 */
size_t text_decode(const char *s, size_t n, uint32_t *cp);
/* The code point at s[i] (i < n), U+FFFD for ill-formed bytes; returns its length. */
size_t text_cp_at(const char *s, size_t n, size_t i, uint32_t *cp);
/* The largest character boundary at or before n in s (s[n] must be readable when n > 0). */
size_t text_cut(const char *s, size_t n);
/* The start of the character that ends at byte i (i > 0): where to decode the one before. */
size_t text_prev(const char *s, size_t i);

/*
 * For callers that only need yes or no: utf8_decode decodes one code point
 * at s (n bytes left) with text_decode and returns its length, or 0 when
 * the bytes are not well-formed UTF-8.
 */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/*
 * 0 when s[0..n) is well-formed UTF-8 with no NUL, otherwise -1 and the
 * offset of the first bad byte in *bad (bad may be NULL).
 */
int utf8_check(const char *s, size_t n, size_t *bad);
/* Appends the UTF-8 encoding of cp to b. */
void utf8_put(struct buf *b, uint32_t cp);

/* Han ideographs (CJK Unified, Extension A and B, compatibility) and 〇. */
int text_is_han(uint32_t cp);
/* CJK and full-width punctuation: 、。「」【】，！？ and the like (not 〇). */
int text_is_cjk_punct(uint32_t cp);
/*
 * Any CJK character, where words are not separated by spaces: radicals,
 * kana, Han, Hangul, compatibility ideographs, full-width forms, the
 * supplementary ideographic planes.
 */
int text_is_cjk(uint32_t cp);
/* White space between sentences: ASCII space, tab, CR, LF, NBSP, ideographic space. */
int text_is_space(uint32_t cp);
/* . ! ? … and 。！？; *cjk is 1 for the CJK ones (which end a sentence with no space after). */
int text_is_terminator(uint32_t cp, int *cjk);
/* Closing quotes and brackets that belong to the sentence before them. */
int text_is_closer(uint32_t cp);

enum text_abbr {
	TEXT_ABBR_NONE = 0,
	TEXT_ABBR_INNER,    /* "e.g.", "Dr.": its full stop never ends a sentence */
	TEXT_ABBR_FINAL,    /* "etc.", "Inc.": ends one unless a lower-case word follows */
	TEXT_ABBR_INITIAL,  /* one capital letter, "S." in "Andrew S. Tanenbaum" */
};
/* Which kind of abbreviation word[0..n) (without its full stop) is; case-insensitive. */
enum text_abbr text_abbreviation(const char *word, size_t n);

enum {
	TEXT_PHONEMES = 1,  /* espeak-ng phoneme input [[...]] is kept whole */
};
/*
 * The end of the sentence that starts at st in t[0..n): after a terminator
 * (with the closing quotes, brackets and further terminators after it)
 * that is followed by white space, unless the word before it is an
 * abbreviation that does not end a sentence (TEXT_ABBR_INNER, or
 * TEXT_ABBR_FINAL before a lower-case word); right after a CJK
 * terminator; n when none. Initials do not count: "S. Tanenbaum" ends a
 * sentence, as espeak-ng reads it.
 */
size_t text_sentence_end(const char *t, size_t st, size_t n, int flags);
/*
 * Cuts t[0..n) into its sentences (text_sentence_end), white space trimmed
 * at both ends, none empty. Sets (*r)[2k], (*r)[2k+1] to the byte range of
 * sentence k and returns the count; the caller frees *r (NULL when 0).
 */
int text_sentences(const char *t, size_t n, int flags, size_t **r);

/*
 * Spoken hints. A run's text (script/run.h) is the words a person reads.
 * Where the engine must be told more than those words (a letter A, which
 * espeak-ng reads as the article; a lexicon entry written in phonemes),
 * the words carry a hint: TEXT_HINT_OPEN, the written form, TEXT_HINT_SAY,
 * what the engine is given, TEXT_HINT_CLOSE; "\x02A\x1f[['eI]]\x03" is
 * the letter A. The marks are C0 controls, which no input keeps (speech.c
 * removes them, lexicons refuse them), so no host can write one. Only the
 * synthesiser reads the engine's part (text_engine_blank); every reader
 * that shows text to a person asks for the written form (text_form). A
 * hint never holds a sentence's end or a place to split a piece.
 */
#define TEXT_HINT_OPEN '\x02'
#define TEXT_HINT_SAY '\x1f'
#define TEXT_HINT_CLOSE '\x03'
enum text_form {
	TEXT_WRITTEN,  /* the written form: what a person reads (script --plain, transcripts) */
	TEXT_ENGINE,   /* the engine's part alone: what the synthesiser says */
	TEXT_SHOWN,    /* both, "A<[['eI]]>", for proofreading (script, say -n, --explain) */
};
/* A hint: written[0..wn), what a person reads, with said for the engine; the caller frees. */
char *text_hint(const char *written, size_t wn, const char *said);
/* Past the hint that starts at t[i] (its closing mark included), or i when none does. */
size_t text_hint_end(const char *t, size_t i, size_t n);
/* Whether t[0..n) holds a hint. */
int text_has_hint(const char *t, size_t n);
/* t[0..n) with every hint in the given form; the caller frees. */
char *text_form(const char *t, size_t n, enum text_form form);
/*
 * What the engine is given, in place and keeping every byte offset: each
 * hint's marks and written form become spaces, its engine part stays where
 * it was. Sets (*spans)[2k], (*spans)[2k+1] to hint k's byte range (marks
 * included) when spans is not NULL (the caller frees) and returns the count.
 */
int text_engine_blank(char *t, size_t n, size_t **spans);

/*
 * The edit distance (insertions, deletions, substitutions, and swaps of
 * two neighbours) between a[0..an) and b[0..bn), counted in code points
 * (UTF-8: "小虹" is one edit from "小明"), ASCII letters compared without
 * case; capped at max + 1 (longer than 64 code points: max + 1).
 * For "did you mean" suggestions.
 */
int text_edit_distance(const char *a, size_t an, const char *b, size_t bn, int max);

/*
 * A copy of Markdown text s[0..n) (its length in *out_n; the caller frees)
 * where a tilde between two digits ("5~6 years", "10~20 ms") is escaped: a
 * range, never strike-through's mark; and a wildcard inside an identifier
 * ("upper_*_bits", "CONFIG_*") with the underscores beside it, never
 * emphasis. Not inside code spans or fenced code;
 * lines stay where they were. The episode's parser and the show notes both
 * read the body through it.
 */
/* s[i] is a tilde between two numbers ("5~6", "500ms~10s"): a range. */
int text_range_tilde(const char *s, size_t n, size_t i);
/* s[i] is a wildcard inside an identifier ("upper_*_bits", "CONFIG_*") or an underscore beside one. */
int text_ident_star(const char *s, size_t n, size_t i);
char *text_escape_range_tildes(const char *s, size_t n, size_t *out_n);

#endif
