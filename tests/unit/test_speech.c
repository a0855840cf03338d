/*
 * test_speech.c: the normaliser against the tables in tests/speech/ (*.tsv),
 * through speech_block, the code path `podsynth script` uses, with the
 * shipped voices and lexicons; then the Chinese split, Speech Markdown
 * overrides and the lexicon's own rules.
 *
 * Table rows are "input<TAB>expected"; lines starting with '#' are
 * comments, and "#! key: value" lines set, for the rows after them:
 *   lang: zh          the episode language
 *   kind: quote       the block is a block quote
 *   kind: table       the input is a table's rows "cell | cell" (several
 *                     joined by " // ") under "#! header: A | B", read as
 *                     episode.c reads a table, "#! limit: N" rows at most
 *   mode: runs        expected is "voice: text | voice: text", not the text alone
 *   lex: WORD SAY     an extra lexicon entry (as an episode's front matter);
 *                     "SEVERAL WORDS" SAY for an entry of several words
 * A hint (core/text.h) is written as `script` shows it: "A<[['eI]]>", the
 * written form and, in angle brackets, what the engine is given.
 * An expected "ERROR" means speech_block must fail.
 * SPEECH_PRINT=1 prints "input<TAB>got" for every row instead of checking.
 */
#include <ctype.h>
#include <dirent.h>
#include <hunspell.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "show/lexicon.h"
#include "core/msg.h"
#include "publish/shownotes.h"
#include "script/speech.h"
#include "script/speech_int.h"
#include "core/table.h"
#include "core/util.h"
#include "show/voice.h"

static const char *top;
static struct voiceset *vs;

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.lexicon in dir, in name order; NULL entries on failure. */
static struct lexicon *load_lexicons(const char *dir)
{
	struct lexicon *lex = lexicon_new();
	DIR *d = opendir(dir);
	char *names[64];
	int n = 0;
	struct dirent *de;
	while (d && (de = readdir(d)) && n < 64) {
		size_t l = strlen(de->d_name);
		if (l > 8 && strcmp(de->d_name + l - 8, ".lexicon") == 0)
			names[n++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmpstr);
	for (int i = 0; i < n; i++) {
		char *p = path_join(dir, names[i]);
		if (lexicon_load(lex, p) != 0)
			printf("not ok - lexicon %s loads without errors\n", p), harness_failed++;
		free(p);
		free(names[i]);
	}
	return lex;
}

static struct speech_ctx make_ctx(const struct lexicon *lex, const char *lang)
{
	struct speech_ctx c = {0};
	c.voices = vs;
	c.lex = lex;
	c.file = "test";
	c.lang = lang;
	c.host = voiceset_find(vs, "host");
	c.quote = voiceset_find(vs, "quote");
	c.zh = voiceset_find(vs, "zh");
	return c;
}

static void free_runs(struct run *r, int n)
{
	for (int i = 0; i < n; i++) {
		free(r[i].text);
		free(r[i].display);
	}
	free(r);
}

/* Speaks text as one block; returns the joined text (mode 0) or the
 * voice-annotated runs (mode 1), or NULL on failure. The caller frees. */
static int speak_line = 1;   /* the line diagnostics name */

static char *speak(const struct speech_ctx *c, const char *text, enum block_kind kind, int mode,
		   struct run **out_runs, int *out_n)
{
	struct block b = {0};
	b.kind = kind;
	b.line = speak_line;
	b.text = (char *)text;
	struct run *runs = NULL;
	int n = 0;
	/* the row is the episode: its versions, as script_build finds them */
	struct speech_ctx cv = *c;
	struct buf versions = {0};
	speech_versions(&versions, text);
	cv.versions = versions.data;
	int rc = speech_block(&cv, &b, &runs, &n);
	buf_free(&versions);
	if (rc != 0) {
		free_runs(runs, n);
		return NULL;
	}
	struct buf o = {0};
	for (int i = 0; i < n; i++) {
		if (!runs[i].text[0] && !mode)
			continue;
		if (mode) {
			if (i)
				buf_puts(&o, " | ");
			if (runs[i].pause_ms)
				buf_printf(&o, "[%dms] ", runs[i].pause_ms);
			char *shown = text_form(runs[i].text, strlen(runs[i].text), TEXT_SHOWN);
			buf_printf(&o, "%s: %s", runs[i].voice->name, shown);
			free(shown);
		} else {
			if (o.len)
				buf_putc(&o, ' ');
			char *shown = text_form(runs[i].text, strlen(runs[i].text), TEXT_SHOWN);
			buf_puts(&o, shown);
			free(shown);
		}
	}
	if (out_runs) {
		*out_runs = runs;
		*out_n = n;
	} else {
		free_runs(runs, n);
	}
	return buf_detach(&o);
}

/* Cells of "a | b | c" into row (the caller frees them with free_row). */
static void split_row(const char *s, struct table_row *row)
{
	memset(row, 0, sizeof *row);
	for (const char *p = s;;) {
		const char *bar = strstr(p, " | ");
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		row->cells = xreallocarray(row->cells, (size_t)row->ncells + 1, sizeof *row->cells);
		row->cells[row->ncells++] = xstrndup(p, n);
		if (!bar)
			break;
		p = bar + 3;
	}
}

static void free_row(struct table_row *row)
{
	for (int i = 0; i < row->ncells; i++)
		free(row->cells[i]);
	free(row->cells);
}

/* What episode.c makes of a table: header cells and rows through table_speak. */
static char *table_text(const char *header, const char *rows_text, int limit)
{
	struct table_row head, rows[64];
	int n = 0, nread;
	split_row(header, &head);
	for (const char *p = rows_text; n < 64;) {
		const char *sep = strstr(p, " // ");
		char *one = xstrndup(p, sep ? (size_t)(sep - p) : strlen(p));
		split_row(one, &rows[n++]);
		free(one);
		if (!sep)
			break;
		p = sep + 4;
	}
	char *t = table_speak(header[0] ? &head : NULL, rows, n, limit, &nread);
	free_row(&head);
	for (int i = 0; i < n; i++)
		free_row(&rows[i]);
	return t;
}

static void run_table(const char *path, const struct lexicon *shared, int print, int *rows)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text) {
		printf("not ok - cannot read %s\n", path);
		harness_failed++;
		return;
	}
	char lang[16] = "en";
	int mode = 0;
	enum block_kind kind = BLOCK_PARAGRAPH;
	struct lexicon *extra = NULL;
	int lineno = 0;
	char header[512] = "";
	int limit = TABLE_ALL_ROWS;
	for (char *line = text, *nl; line && *line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		lineno++;
		if (strncmp(line, "#!", 2) == 0) {
			char *k = line + 2;
			while (*k == ' ')
				k++;
			if (strncmp(k, "lang:", 5) == 0)
				snprintf(lang, sizeof lang, "%s", k + 6);
			else if (strncmp(k, "mode:", 5) == 0)
				mode = strstr(k, "runs") != NULL;
			else if (strncmp(k, "kind:", 5) == 0)
				kind = strstr(k, "quote") ? BLOCK_QUOTE : strstr(k, "table") ? BLOCK_TABLE :
				       BLOCK_PARAGRAPH;
			else if (strncmp(k, "header:", 7) == 0)
				snprintf(header, sizeof header, "%s", k + 8);
			else if (strncmp(k, "limit:", 6) == 0)
				limit = atoi(k + 7);
			else if (strncmp(k, "lex:", 4) == 0) {
				char *w = k + 5, *sp = strchr(w, ' ');
				if (*w == '"' && strchr(w + 1, '"')) {   /* "several words" SAY */
					w++;
					sp = strchr(w, '"');
					*sp++ = 0;
				}
				if (!extra) {
					/* the shipped lexicons first, then the episode's entries */
					char *vd = path_join(top, "voices");
					extra = load_lexicons(vd);
					free(vd);
				}
				if (sp) {
					*sp = 0;
					lexicon_add(extra, w, sp + 1);
				}
			}
			continue;
		}
		if (!*line || line[0] == '#')
			continue;
		char *tab = strchr(line, '\t');
		if (!tab) {
			printf("not ok - %s:%d: no tab in row\n", path, lineno);
			harness_failed++;
			continue;
		}
		*tab = 0;
		const char *want = tab + 1;
		struct speech_ctx c = make_ctx(extra ? extra : shared, lang);
		c.file = path;
		speak_line = lineno;
		char *got;
		if (kind == BLOCK_TABLE) {
			/* "cell | cell" rows, several joined by " // ", under the #! header */
			char *said = table_text(header, line, limit);
			got = speak(&c, said, BLOCK_TABLE, mode, NULL, NULL);
			free(said);
		} else {
			got = speak(&c, line, kind, mode, NULL, NULL);
		}
		speak_line = 1;
		(*rows)++;
		if (print) {
			printf("%s\t%s\n", line, got ? got : "ERROR");
		} else if (strcmp(want, "ERROR") == 0) {
			OK(got == NULL, "%s:%d: \"%s\" is an error", path, lineno, line);
		} else {
			OK(got && strcmp(got, want) == 0, "%s:%d: \"%s\" -> \"%s\"%s%s%s", path, lineno, line, want,
			   got && strcmp(got, want) ? " (got \"" : "", got && strcmp(got, want) ? got : "",
			   got && strcmp(got, want) ? "\")" : "");
		}
		free(got);
	}
	lexicon_free(&extra);
	free(text);
}

/* A Han run never goes to an English voice; Latin runs in a Chinese paragraph do. */
static void test_chinese_split(const struct lexicon *lex)
{
	static const char *const paras[] = {
		"RISC-V Linux 内核及周边技术动态第 45 期",
		"本周 Linux 6.4-rc1 发布，Linus Torvalds 说：“It is a fairly normal merge window”。",
		"异步 IO 方面，io_uring 新增了多项优化，性能提升 20%。",
		"时间：20230507，编辑：晓依，赞助：PLCT Lab, ISCAS",
		"Thomas Gleixner 提交了 PREEMPT_RT 的最后一批补丁。",
		"内存管理：Split ptdesc from struct page，v2 版本。",
	};
	struct speech_ctx c = make_ctx(lex, "zh");
	/* as segment.c sets it up for a Chinese episode: the host is the Mandarin voice */
	struct speech_ctx czh = c;
	czh.host = c.zh;
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < ARRAY_LEN(paras); i++) {
			struct run *runs;
			int n;
			char *got = speak(k ? &czh : &c, paras[i], BLOCK_PARAGRAPH, 1, &runs, &n);
			int bad = 0, latin_en = 0, han_zh = 0;
			for (int r = 0; got && r < n; r++) {
				int han = 0, latin = 0;
				const char *t = runs[r].text;
				for (size_t j = 0; t[j];) {
					uint32_t cp;
					int l = utf8_decode(t + j, strlen(t + j), &cp);
					if (l <= 0)
						break;
					han |= text_is_han(cp);
					latin |= cp < 0x80 && ((cp | 32) >= 'a' && (cp | 32) <= 'z');
					j += (size_t)l;
				}
				int zhv = strncmp(runs[r].voice->lang, "zh", 2) == 0;
				if (han && !zhv)
					bad = 1;
				if (han && zhv)
					han_zh = 1;
				if (latin && !zhv)
					latin_en = 1;
				if (latin && zhv)
					bad = 1;
			}
			OK(got && !bad && han_zh && latin_en,
			   "chinese split%s: Han to zh, Latin to English: \"%s\" -> %s",
			   k ? " (host is zh)" : "", paras[i], got ? got : "(error)");
			if (got)
				free_runs(runs, n);
			free(got);
		}
}

static void test_overrides(const struct lexicon *lex)
{
	struct speech_ctx c = make_ctx(lex, "en");
	struct run *runs;
	int n;
	char *got;

	got = speak(&c, "First. [500ms] Second.", BLOCK_PARAGRAPH, 1, &runs, &n);
	OK(got && n == 2 && runs[0].pause_ms == 0 && runs[1].pause_ms == 500,
	   "a [500ms] pause is the next run's pause_ms (%s)", got ? got : "(error)");
	if (got)
		free_runs(runs, n);
	free(got);

	got = speak(&c, "Wait [2s]", BLOCK_PARAGRAPH, 1, &runs, &n);
	OK(got && n == 2 && runs[1].pause_ms == 2000 && runs[1].text[0] == 0,
	   "a pause at the end is a silent run (%s)", got ? got : "(error)");
	if (got)
		free_runs(runs, n);
	free(got);

	got = speak(&c, "The (SoC)[sub:\"system on a chip\"] boots.", BLOCK_PARAGRAPH, 1, &runs, &n);
	int found = 0;
	for (int i = 0; got && i < n; i++)
		if (strcmp(runs[i].text, "system on a chip") == 0 && strcmp(runs[i].display, "SoC") == 0)
			found = 1;
	OK(found, "sub: spoken form said, written form displayed (%s)", got ? got : "(error)");
	if (got)
		free_runs(runs, n);
	free(got);

	got = speak(&c, "Jonathan said (this is fine)[voice:\"quote\"] today.", BLOCK_PARAGRAPH, 1, NULL, NULL);
	STR_EQ(got, "host: Jonathan said | quote: this is fine | host: today.", "voice: override");
	free(got);

	diag_set_quiet(1);
	int before = diag_count(DIAG_ERROR);
	got = speak(&c, "He said (hello)[voice:\"hots\"] there.", BLOCK_PARAGRAPH, 1, NULL, NULL);
	OK(got == NULL && diag_count(DIAG_ERROR) == before + 1, "an unknown voice is one error");
	free(got);

	got = speak(&c, "Some (ni hao)[lang:\"zh\"] words.", BLOCK_PARAGRAPH, 1, NULL, NULL);
	STR_EQ(got, "host: Some | zh: ni hao | host: words.", "lang: override goes to the zh voice");
	free(got);

	int warnings = diag_count(DIAG_WARNING);
	got = speak(&c, "A (text)[wobble:\"strong\"] word.", BLOCK_PARAGRAPH, 0, NULL, NULL);
	STR_EQ(got, "A text word.", "an unknown modifier is ignored and its text still spoken");
	OK(diag_count(DIAG_WARNING) == warnings + 1, "an unknown modifier is one warning");
	free(got);

	got = speak(&c, "Ctl\x01 char\x1b[0m here\x7f.", BLOCK_PARAGRAPH, 0, NULL, NULL);
	int ctl = 0;
	for (const char *p = got ? got : ""; *p; p++)
		ctl |= (unsigned char)*p < 0x20 || *p == 0x7f;
	OK(got && !ctl, "C0 control characters removed (%s)", got ? got : "(error)");
	free(got);

	/* quotations: the quote voice, and the written form keeps the marks */
	got = speak(&c, "Jonathan wrote, \xe2\x80\x9cIt has been a calm release\xe2\x80\x9d, as usual.",
		    BLOCK_PARAGRAPH, 1, &runs, &n);
	STR_EQ(got, "host: Jonathan wrote, | quote: It has been a calm release, | host: as usual.",
	       "a quotation is a run in the quote voice, the comma after it kept");
	OK(got && n == 3 && strcmp(runs[1].display, "\xe2\x80\x9cIt has been a calm release\xe2\x80\x9d,") == 0,
	   "the quotation's display keeps its marks (%s)", got && n > 1 ? runs[1].display : "");
	if (got)
		free_runs(runs, n);
	free(got);

	got = speak(&c, "The first sentence. The second one.", BLOCK_PARAGRAPH, 1, &runs, &n);
	OK(got && n == 2 && strcmp(runs[1].display, "The second one.") == 0,
	   "runs split at sentences, each with its written form (%s)", got ? got : "(error)");
	if (got)
		free_runs(runs, n);
	free(got);

	got = speak(&c, "A block quote speaks in the quote voice.", BLOCK_QUOTE, 1, NULL, NULL);
	STR_EQ(got, "quote: A block quote speaks in the quote voice.", "block quote voice");
	free(got);
}

/* speech_markup_scan's callback for test_markup_scanner: "KIND:element" for each. */
static int list_markup(const struct speech_markup *e, void *ud)
{
	static const char *const kinds[] = {"pause", "break", "insert", "modified", "unterminated"};
	struct buf *b = ud;
	buf_printf(b, "%s%s:%zu-%zu", b->len ? " " : "", kinds[e->kind], e->st, e->en);
	if (e->kind == SPEECH_MARKUP_PAUSE)
		buf_printf(b, "=%d", e->ms);
	if (e->kind == SPEECH_MARKUP_MODIFIED || e->kind == SPEECH_MARKUP_UNTERMINATED)
		buf_printf(b, "(%zu-%zu)", e->tst, e->ten);
	return 0;
}

static void scan_eq(const char *in, const char *want)
{
	struct buf b = {0};
	buf_puts(&b, "");
	speech_markup_scan(in, strlen(in), list_markup, &b);
	STR_EQ(b.data, want, in);
	buf_free(&b);
}

/* The one Speech Markdown scanner, on the forms that are easy to get wrong. */
static void test_markup_scanner(void)
{
	scan_eq("a [500ms] b", "pause:2-9=500");
	scan_eq("[1.5s][.5s][2s]", "pause:0-6=1500 pause:6-11=500 pause:11-15=2000");
	scan_eq("[1.2.3s] [500 ms] [5m] [1]", "");
	scan_eq("a [break: \"strong\"] b", "break:2-19");
	scan_eq("a [break:\"a]b\"]", "break:2-12");   /* a break ends at its first ] */
	scan_eq("x [audio:\"c/x.wav\"] y", "insert:2-19");
	scan_eq("x [audio:\"\"] y", "");
	scan_eq("(RCU)[characters] (n)[number;rate:\"slow\"]",
		"modified:0-17(1-4) modified:18-41(19-20)");
	scan_eq("(x)[whisperish] (y)[colour:\"red\"]", "modified:16-33(17-18)");
	scan_eq("(a (b)[sub:\"c\"] d", "modified:0-15(1-5)");
	scan_eq("(x)[sub:\"a]b\"]", "modified:0-14(1-2)");
	scan_eq("(x)[sub:\"open] (y)[sub:\"z\"]", "unterminated:0-27(1-2) modified:15-27(16-17)");
	scan_eq("(x) [sub:\"y\"] (z)", "");
	scan_eq("(x)", "");

	struct speech_modifier m;
	const char *l = "emphasis; rate:'80%' ,pitch:high";
	size_t pos = 0;
	int got = speech_markup_modifier(l, strlen(l), &pos, &m);
	OK(got == 1 && m.bare && m.keylen == 8 && m.vallen == 0, "a bare modifier");
	got = speech_markup_modifier(l, strlen(l), &pos, &m);
	OK(got == 1 && !m.bare && m.vallen == 3 && strncmp(m.val, "80%", 3) == 0, "a single-quoted value");
	got = speech_markup_modifier(l, strlen(l), &pos, &m);
	OK(got == 1 && m.vallen == 4 && strncmp(m.val, "high", 4) == 0, "an unquoted value");
	OK(speech_markup_modifier(l, strlen(l), &pos, &m) == 0, "then the end");
	pos = 0;
	OK(speech_markup_modifier("sub:\"x", 6, &pos, &m) == SPEECH_MOD_UNTERMINATED, "an unterminated value");
	pos = 0;
	OK(speech_markup_modifier("7", 1, &pos, &m) == SPEECH_MOD_BAD_KEY, "not a key");
}

/* s without its spaces, for comparing what two paths show; the caller frees. */
static char *no_spaces(const char *s)
{
	struct buf b = {0};
	buf_puts(&b, "");
	for (; *s; s++)
		if (*s != ' ')
			buf_putc(&b, *s);
	return buf_detach(&b);
}

/*
 * One grammar: for markup edge cases, the written text the runs keep for
 * the transcript is the text the show notes show (shownotes_unspeech), and
 * both come from the one markup scanner (speech_markup_at).
 */
static void test_markup_agrees(const struct lexicon *lex)
{
	static const char *const cases[] = {
		"A (RCU)[characters] lock.",
		"About (1,234)[number] items.",
		"Say (never)[emphasis;rate:\"x-slow\"] again.",
		"A (whispered)[whisper] word.",
		"A (SoC)[sub:'system on a chip'] vendor.",
		"A (slow)[rate:80%] word.",
		"A pause [break: \"strong\"] here.",
		"Wait [1.5s] then.",
		"Say [voice:\"quote\"] as written.",
		"A (text)[wobble:\"x\"] word.",
		"One (two (three)[sub:\"four\"] five.",
		"Wait [1.2.3s] here.",
	};
	struct speech_ctx c = make_ctx(lex, "en");
	diag_set_quiet(1);
	for (size_t k = 0; k < ARRAY_LEN(cases); k++) {
		struct run *runs = NULL;
		int n = 0;
		char *got = speak(&c, cases[k], BLOCK_PARAGRAPH, 1, &runs, &n);
		struct buf d = {0};
		buf_puts(&d, "");
		for (int i = 0; got && i < n; i++)
			buf_puts(&d, runs[i].display);
		char *shown = shownotes_unspeech(cases[k], strlen(cases[k]));
		char *a = no_spaces(d.data), *b = no_spaces(shown);
		OK(got && strcmp(a, b) == 0, "%s: the runs' written text \"%s\" is what the notes show \"%s\"",
		   cases[k], d.data, shown);
		free(a);
		free(b);
		free(shown);
		buf_free(&d);
		if (got)
			free_runs(runs, n);
		free(got);
	}
}

static void test_lexicon_rules(void)
{
	struct lexicon *lex = lexicon_new();
	lexicon_add(lex, "RCU", "R-C-U");
	lexicon_add(lex, "linux", "lin-ux");
	lexicon_add(lex, "Linux", "Linux");
	lexicon_add(lex, "CONFIG_*", "config *");
	STR_EQ(lexicon_lookup(lex, "RCU"), "R-C-U", "exact lookup");
	STR_EQ(lexicon_lookup(lex, "rcu"), "R-C-U", "lookup ignoring case");
	STR_EQ(lexicon_lookup(lex, "linux"), "lin-ux", "exact case wins");
	OK(lexicon_lookup(lex, "nope") == NULL, "no entry, NULL");
	lexicon_add(lex, "RCU", "arr see you");
	STR_EQ(lexicon_lookup(lex, "RCU"), "arr see you", "a later entry wins");
	const char *star;
	size_t sl;
	const char *say = lexicon_match(lex, "CONFIG_PREEMPT", &star, &sl);
	OK(say && star && sl == 7 && strncmp(star, "PREEMPT", 7) == 0, "pattern matches and gives the '*' part");
	INT_EQ(lexicon_size(lex), 4, "lexicon size");

	char *dir = xstrdup("/tmp/podsynth-lex.XXXXXX");
	if (mkdtemp(dir)) {
		char *p = path_join(dir, "bad.lexicon");
		const char *bad = "# comment\nok  fine\nlonely\nphon  [[abc\nfine2 also fine\n";
		write_file_atomic(p, bad, strlen(bad));
		struct lexicon *l2 = lexicon_new();
		diag_set_quiet(1);
		int before = diag_count(DIAG_ERROR);
		int rc = lexicon_load(l2, p);
		OK(rc == -1 && diag_count(DIAG_ERROR) == before + 2, "bad lexicon lines are errors (2)");
		OK(lexicon_lookup(l2, "ok") && lexicon_lookup(l2, "fine2"), "good lines around bad ones are kept");
		lexicon_free(&l2);
		OK(l2 == NULL, "lexicon_free clears the pointer");
		remove(p);
		free(p);
		rmdir(dir);
	}
	free(dir);
	lexicon_free(&lex);
}

/*
 * The en_US dictionary the program carries (scowl and hunspell.words, by
 * hunspell's rules of case) says what hunspell en_US itself says, on every
 * word of the speech tables in every case.
 */
static void test_dict_agrees(const char *sdir)
{
	Hunhandle *h = Hunspell_create("/usr/share/hunspell/en_US.aff", "/usr/share/hunspell/en_US.dic");
	OK(h != NULL, "hunspell en_US loads (hunspell-en-us)");
	if (!h)
		return;
	DIR *d = opendir(sdir);
	struct dirent *de;
	int words = 0, differ = 0;
	while (d && (de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0)
			continue;
		char *p = path_join(sdir, de->d_name);
		size_t len;
		char *t = read_file(p, &len);
		free(p);
		for (size_t i = 0; t && i < len;) {
			size_t j = i;
			while (j < len && isalpha((unsigned char)t[j]))
				j++;
			if (j - i >= 2 && j - i < 40) {
				char w[3][40];
				for (int v = 0; v < 3; v++) {
					for (size_t k = i; k < j; k++)
						w[v][k - i] = v == 0 ? t[k] : v == 1 ? (char)toupper((unsigned char)t[k]) :
							(char)tolower((unsigned char)t[k]);
					w[v][j - i] = 0;
					int a = Hunspell_spell(h, w[v]) != 0, b = speech_dict_word(w[v], j - i);
					words++;
					if (a != b && differ++ < 5)
						printf("# %s: hunspell %d, podsynth %d\n", w[v], a, b);
				}
			}
			i = j == i ? j + 1 : j;
		}
		free(t);
	}
	if (d)
		closedir(d);
	OK(differ == 0 && words > 10000, "the dictionary agrees with hunspell en_US on %d words (%d differ)", words, differ);
	Hunspell_destroy(h);
}

static void test_numbers(void)
{
	static const struct { unsigned long long v; const char *card, *ord; } t[] = {
		{0, "zero", "zeroth"}, {7, "seven", "seventh"}, {12, "twelve", "twelfth"},
		{21, "twenty-one", "twenty-first"}, {40, "forty", "fortieth"},
		{113, "one hundred thirteen", "one hundred thirteenth"},
		{2570, "two thousand five hundred seventy", "two thousand five hundred seventieth"},
		{1000000, "one million", "one millionth"},
	};
	for (size_t i = 0; i < ARRAY_LEN(t); i++) {
		struct buf b = {0};
		num_cardinal(&b, t[i].v);
		STR_EQ(b.data, t[i].card, "cardinal");
		buf_reset(&b);
		num_ordinal(&b, t[i].v);
		STR_EQ(b.data, t[i].ord, "ordinal");
		buf_free(&b);
	}
	static const struct { unsigned v; const char *say; } y[] = {
		{1999, "nineteen ninety-nine"}, {2008, "two thousand eight"},
		{2023, "twenty twenty-three"}, {1900, "nineteen hundred"}, {1905, "nineteen oh five"},
	};
	for (size_t i = 0; i < ARRAY_LEN(y); i++) {
		struct buf b = {0};
		num_year(&b, y[i].v);
		STR_EQ(b.data, y[i].say, "year");
		buf_free(&b);
	}
}

int main(void)
{
	top = getenv("TOP");
	if (!top)
		top = ".";
	char *vdir = path_join(top, "voices");
	diag_set_quiet(1);
	if (voiceset_load(vdir, &vs) != 0 || !vs) {
		printf("not ok - voices load from %s\n", vdir);
		free(vdir);
		return 1;
	}
	struct lexicon *lex = load_lexicons(vdir);
	OK(lexicon_size(lex) >= 300, "the shipped lexicons have at least 300 entries (%d)", lexicon_size(lex));
	int print = getenv("SPEECH_PRINT") != NULL;
	const char *only = getenv("SPEECH_TABLE");

	char *sdir = path_join(top, "tests/speech");
	DIR *d = opendir(sdir);
	char *names[64];
	int nn = 0, rows = 0;
	struct dirent *de;
	while (d && (de = readdir(d)) && nn < 64) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".tsv") == 0 && (!only || strstr(de->d_name, only)))
			names[nn++] = xstrdup(de->d_name);
	}
	if (d)
		closedir(d);
	qsort(names, (size_t)nn, sizeof *names, cmpstr);
	for (int i = 0; i < nn; i++) {
		char *p = path_join(sdir, names[i]);
		run_table(p, lex, print, &rows);
		free(p);
		free(names[i]);
	}
	if (!print && !only) {
		OK(rows >= 200, "the speech tables have at least 200 rows (%d)", rows);
		test_chinese_split(lex);
		test_overrides(lex);
		test_markup_agrees(lex);
		test_markup_scanner();
		test_lexicon_rules();
		test_numbers();
		test_dict_agrees(sdir);
	}
	lexicon_free(&lex);
	voiceset_free(&vs);
	free(sdir);
	free(vdir);
	return harness_done();
}
