/*
 * fuzz/normalise.c: fuzz target for the normaliser (speech.c, speech_en.c,
 * speech_zh.c, speech_num.c): text through speech_normalise and
 * speech_block, the code paths of `podsynth say` and `podsynth script`.
 *
 * In: one option byte, then the text. The text must be valid UTF-8 without
 * NUL, as episode.c and cmd_say.c guarantee (other inputs are rejected
 * early). Option bits: 0-1 the language (en, zh, de, en-GB), 2-3 the block
 * kind (heading, paragraph, quote, list item), 4 the host is the Mandarin
 * voice (a Chinese episode), 5 no lexicon. The shipped voices and
 * voices/kernel.lexicon are loaded once.
 * Out: nothing; aborts when the spoken text holds a C0 control character
 * (espeak-ng reads them as commands) outside a well-formed hint's marks or invalid UTF-8, or a run has no
 * voice.
 */
#include "fuzz.h"

#include "show/lexicon.h"
#include "script/speech.h"
#include "show/voice.h"

static struct voiceset *vs;
static struct lexicon *lex;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	char *vdir = fuzz_top_path("voices");
	char *lpath = fuzz_top_path("voices/kernel.lexicon");
	lex = lexicon_new();
	if (voiceset_load(vdir, &vs) != 0 || lexicon_load(lex, lpath) != 0) {
		fprintf(fuzz_err, "fuzz normalise: cannot load voices and lexicon from %s\n", vdir);
		exit(2);
	}
	free(vdir);
	free(lpath);
	return 0;
}

static void check_text(const char *what, const char *s)
{
	FUZZ_CHECK(s != NULL, "%s: NULL", what);
	FUZZ_CHECK(!fuzz_has_c0(s), "%s: C0 control character in \"%s\"", what, s);
	FUZZ_CHECK(fuzz_utf8_ok(s), "%s: invalid UTF-8 in \"%s\"", what, s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = {"en", "zh", "de", "en-GB"};
	static const enum block_kind kinds[] = {
		BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_QUOTE, BLOCK_LIST_ITEM,
	};
	size_t bad;
	if (size < 1)
		return 0;
	unsigned opt = data[0];
	const char *in = (const char *)data + 1;
	size_t n = size - 1;
	if (utf8_check(in, n, &bad) != 0)
		return -1;  /* not an input the normaliser can be given */
	char *text = xstrndup(in, n);

	struct speech_ctx ctx = {0};
	ctx.voices = vs;
	ctx.lex = (opt & 32) ? NULL : lex;
	ctx.file = "fuzz";
	ctx.lang = langs[opt & 3];
	ctx.host = voiceset_find(vs, (opt & 16) ? "zh" : "host");
	ctx.quote = voiceset_find(vs, "quote");
	ctx.zh = voiceset_find(vs, "zh");
	FUZZ_CHECK(ctx.host && ctx.quote && ctx.zh, "the shipped voices are host, quote and zh");

	char *spoken = speech_normalise(&ctx, text, ctx.lang);
	check_text("speech_normalise", spoken);
	free(spoken);

	struct block b = {0};
	b.kind = kinds[(opt >> 2) & 3];
	b.level = b.kind == BLOCK_HEADING ? 2 : 1;
	b.line = 1;
	b.section = -1;
	b.text = text;
	struct run *runs = NULL;
	int nruns = 0;
	if (speech_block(&ctx, &b, &runs, &nruns) == 0) {
		for (int i = 0; i < nruns; i++) {
			FUZZ_CHECK(runs[i].voice != NULL, "run %d has no voice", i);
			check_text("run text", runs[i].text);
			FUZZ_CHECK(runs[i].display != NULL, "run %d has no display text", i);
			FUZZ_CHECK(runs[i].pause_ms >= 0, "run %d: pause %d ms", i, runs[i].pause_ms);
		}
	}
	for (int i = 0; i < nruns; i++) {
		free(runs[i].text);
		free(runs[i].display);
	}
	free(runs);
	free(text);
	return 0;
}
