/*
 * fuzz/lexicon.c: fuzz target for the lexicon reader (lexicon.c) and the
 * normaliser's use of what it read: any bytes as a lexicon file through
 * lexicon_load, then every word of the file looked up (lexicon_lookup,
 * lexicon_match), and the file's own text, when it is valid UTF-8, spoken
 * with speech_normalise using the entries just read (pattern entries say
 * their '*' part normalised, which must terminate).
 *
 * In: the bytes, written to a scratch file. The shipped voices are loaded
 * once. Out: nothing; aborts when a match breaks its contract (the '*' part
 * inside the word) or spoken text holds a C0 control or invalid UTF-8.
 */
#include "fuzz.h"

#include "show/lexicon.h"
#include "script/speech.h"
#include "show/voice.h"

static struct voiceset *vs;
static char *lex_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	char *vdir = fuzz_top_path("voices");
	if (voiceset_load(vdir, &vs) != 0) {
		fprintf(fuzz_err, "fuzz lexicon: cannot load the voices in %s\n", vdir);
		exit(2);
	}
	free(vdir);
	lex_path = fuzz_path("fuzz.lexicon");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lexicon *lex = lexicon_new();
	fuzz_write(lex_path, data, size);
	lexicon_load(lex, lex_path);
	FUZZ_CHECK(lexicon_size(lex) >= 0, "lexicon_size");

	/* every word of the input, as the normaliser would look it up */
	char *text = xstrndup((const char *)data, size);  /* stops at a NUL */
	char *copy = xstrdup(text);
	for (char *save = NULL, *w = strtok_r(copy, " \t\r\n", &save); w;
	     w = strtok_r(NULL, " \t\r\n", &save)) {
		const char *star = NULL;
		size_t star_len = 0;
		const char *say = lexicon_lookup(lex, w);
		const char *m = lexicon_match(lex, w, &star, &star_len);
		FUZZ_CHECK(!say || m == say, "lookup and match disagree on \"%s\"", w);
		if (star) {
			FUZZ_CHECK(m != NULL, "a '*' part without a match for \"%s\"", w);
			FUZZ_CHECK(star >= w && star + star_len <= w + strlen(w) && star_len > 0,
				   "the '*' part is not inside \"%s\"", w);
		}
	}
	free(copy);

	size_t bad;
	if (size <= 4096 && utf8_check(text, strlen(text), &bad) == 0) {
		struct speech_ctx ctx = {0};
		ctx.voices = vs;
		ctx.lex = lex;
		ctx.file = "fuzz";
		ctx.lang = "en";
		ctx.host = voiceset_find(vs, "host");
		ctx.quote = voiceset_find(vs, "quote");
		ctx.zh = voiceset_find(vs, "zh");
		char *spoken = speech_normalise(&ctx, text, "en");
		FUZZ_CHECK(spoken && !fuzz_has_c0(spoken), "C0 control in spoken text");
		FUZZ_CHECK(fuzz_utf8_ok(spoken), "invalid UTF-8 in spoken text");
		free(spoken);
	}
	free(text);
	lexicon_free(&lex);
	return 0;
}
