/*
 * fuzz/episode.c: fuzz target for the parse and script stages and the show
 * notes: any bytes as an episode file (front matter + Markdown) through
 * episode_load and script_build, as `podsynth script` runs them, then
 * shownotes_html and shownotes_summary.
 *
 * In: the bytes, written to a scratch file named like an episode
 * (2026-01-01-fuzz.md, so that a missing date: still parses). The show is
 * the default channel, the shipped voices and voices/kernel.lexicon, loaded
 * once. Out: nothing; aborts when an output breaks its contract:
 *  - every run has a voice and spoken text that is valid UTF-8 without C0
 *    controls (what espeak-ng is given) but a well-formed hint's marks, and
 *    display text; the spoken words a person reads have none at all;
 *  - segment IDs are unique and script_find finds each;
 *  - building the script again gives the same IDs, cache keys and words
 *    (the segment cache depends on it);
 *  - the show notes and summary hold only characters XML allows.
 * Leaks are caught by LeakSanitizer (libFuzzer's -detect_leaks).
 */
#include "fuzz.h"

#include "show/channel.h"
#include "show/episode.h"
#include "show/lexicon.h"
#include "script/segment.h"
#include "publish/shownotes.h"
#include "core/xmltext.h"
#include "show/voice.h"

static struct channel *ch;
static struct voiceset *vs;
static struct lexicon *show_lex;
static char *lex_path;
static char *ep_path;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	char *nochan = fuzz_path("no-such-channel.yaml");
	char *vdir = fuzz_top_path("voices");
	lex_path = fuzz_top_path("voices/kernel.lexicon");
	ep_path = fuzz_path("2026-01-01-fuzz.md");
	show_lex = lexicon_new();
	if (channel_load(nochan, &ch) != 0 || voiceset_load(vdir, &vs) != 0 ||
	    lexicon_load(show_lex, lex_path) != 0) {
		fprintf(fuzz_err, "fuzz episode: cannot load the show (voices in %s)\n", vdir);
		exit(2);
	}
	free(nochan);
	free(vdir);
	return 0;
}

/* Every code point of s is valid UTF-8 and allowed in XML. */
static int xml_ok(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0 || !xmltext_char_ok(cp))
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static void check_script(struct script *s)
{
	for (int i = 0; i < s->nsegs; i++) {
		struct segment *seg = &s->segs[i];
		FUZZ_CHECK(seg->id[0] != '\0', "segment %d has no ID", i);
		FUZZ_CHECK(strlen(seg->key) == 32, "segment %s: key \"%s\"", seg->id, seg->key);
		FUZZ_CHECK(seg->source != NULL, "segment %s: no source", seg->id);
		for (int r = 0; r < seg->nruns; r++) {
			const struct run *run = &seg->runs[r];
			FUZZ_CHECK(run->voice != NULL, "segment %s run %d: no voice", seg->id, r);
			FUZZ_CHECK(run->text != NULL && run->display != NULL,
				   "segment %s run %d: no text", seg->id, r);
			FUZZ_CHECK(!fuzz_has_c0(run->text), "segment %s run %d: C0 control in \"%s\"",
				   seg->id, r, run->text);
			FUZZ_CHECK(fuzz_utf8_ok(run->text), "segment %s run %d: invalid UTF-8", seg->id, r);
			FUZZ_CHECK(run->pause_ms >= 0, "segment %s run %d: pause %d", seg->id, r,
				   run->pause_ms);
		}
		for (int k = 0; k < i; k++)
			FUZZ_CHECK(strcmp(s->segs[k].id, seg->id) != 0, "two segments with ID %s", seg->id);
		FUZZ_CHECK(script_find(s, seg->id) == seg, "script_find(%s)", seg->id);
		char *spoken = segment_spoken(seg);
		FUZZ_CHECK(!fuzz_any_c0(spoken), "segment %s: C0 control in its spoken words", seg->id);
		free(spoken);
		char *cp = segment_cache_path("cache", seg);
		free(cp);
	}
}

/* The engine's facts, as the project would hand them in: fixed, since only
 * the keys' agreement between two builds is checked. */
static const struct engine_facts eng = {"fuzz", 22050, "fuzz"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct episode *ep = NULL;
	struct script *s = NULL;
	struct lexicon *lex = NULL;

	fuzz_write(ep_path, data, size);
	if (episode_load(ep_path, ch, &ep) != 0)
		goto out;
	const struct lexicon *use = show_lex;
	if (ep->nlexicon > 0) {
		/* as project_episode: the episode's entries over the show's */
		lex = lexicon_new();
		lexicon_load(lex, lex_path);
		for (int i = 0; i < ep->nlexicon; i++)
			lexicon_add(lex, ep->lexicon[i].word, ep->lexicon[i].say);
		use = lex;
	}
	if (script_build(ep, ch, vs, use, &eng, &s) == 0) {
		check_script(s);
		struct script *again = NULL;
		FUZZ_CHECK(script_build(ep, ch, vs, use, &eng, &again) == 0, "a second build fails");
		FUZZ_CHECK(again->nsegs == s->nsegs, "a second build has %d segments, not %d",
			   again->nsegs, s->nsegs);
		for (int i = 0; i < s->nsegs; i++) {
			const struct segment *a = &s->segs[i], *b = &again->segs[i];
			FUZZ_CHECK(strcmp(a->id, b->id) == 0 && strcmp(a->key, b->key) == 0 &&
				   a->nruns == b->nruns, "segment %d differs when built again", i);
			for (int r = 0; r < a->nruns; r++)
				FUZZ_CHECK(strcmp(a->runs[r].text, b->runs[r].text) == 0 &&
					   a->runs[r].voice == b->runs[r].voice,
					   "segment %s run %d differs when built again", a->id, r);
		}
		script_free(&again);
	}

	char *html = shownotes_html(ep, ch->link);
	if (html) {
		FUZZ_CHECK(xml_ok(html), "show notes hold a character XML does not allow");
		free(html);
	}
	char *sum = shownotes_summary(ep, 300);
	FUZZ_CHECK(sum != NULL, "no summary");
	FUZZ_CHECK(xml_ok(sum), "summary holds a character XML does not allow");
	FUZZ_CHECK(strchr(sum, '\n') == NULL, "summary is more than one line");
	free(sum);
out:
	script_free(&s);
	episode_free(&ep);
	lexicon_free(&lex);
	return 0;
}
