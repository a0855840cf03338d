/*
 * fuzz/espeak_probe.c: libespeak-ng 1.51 fuzzed through our own worker.
 * Text goes through the normaliser (speech_block, as `podsynth say` does)
 * and the synthesiser (synth_run, worker processes that survive
 * espeak-ng's aborts), to learn which inputs still abort espeak-ng and to
 * check that each costs no more spoken text than the smallest piece that
 * cannot be spoken.
 *
 *   espeak_probe [-j N] [-n COUNT] [-s SEED] [-r] [-v] [FILE...]
 *       probe: every line of each FILE (up to a TAB, '#' lines skipped) and
 *       COUNT generated inputs (kernel-like tokens, apostrophes, repeats,
 *       short inputs, Han script). Prints one line per input that lost
 *       words: "dropped N<TAB>input", then a summary; with -v the runs
 *       espeak-ng was given. -r gives the text to espeak-ng as it is,
 *       without the normaliser (to find what the normaliser must avoid).
 *   espeak_probe --check [-j N] FILE...
 *       regression check (tests/t-fuzz-espeak.sh): each FILE's whole text
 *       is one input. It is synthesised; the words of each lost input are
 *       then synthesised one by one to find those that cannot be spoken
 *       even alone; and the input without them is synthesised as the
 *       reference. Prints "ok - ..." / "not ok - ..." for: the audio was
 *       written; no more words were dropped than cannot be spoken alone;
 *       the audio is at least 85% as long as the reference (the rest of
 *       the sentence was spoken).
 *
 * In: voices/ and voices/kernel.lexicon of the source tree (PODSYNTH_TOP,
 * else the compiled-in FUZZ_TOP). Out: a report on standard output; the
 * exit status is 1 when a check failed. Scratch files go to a private
 * directory (FUZZ_TMPDIR, /dev/shm or TMPDIR) that is removed at exit.
 */
#include "fuzz.h"

#include <getopt.h>

#include "show/lexicon.h"
#include "synth/segcache.h"
#include "script/speech.h"
#include "synth/synth.h"
#include "show/voice.h"

struct input {
	char *text;            /* as written */
	char *label;           /* for messages */
	struct run *runs;      /* the normaliser's output */
	int nruns;
	struct segment seg;
	char *path;            /* its cache file */
	int dropped, failed;
	uint32_t nsamples;
};

static struct voiceset *vs;
static struct lexicon *lex;
static struct speech_ctx ctx;
static int njobs = 2, verbose, raw;
static unsigned long rng = 1;

static unsigned rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return n ? (unsigned)((rng >> 33) % n) : 0;
}

static void setup(void)
{
	fuzz_init();
	char *vdir = fuzz_top_path("voices");
	char *lpath = fuzz_top_path("voices/kernel.lexicon");
	lex = lexicon_new();
	if (voiceset_load(vdir, &vs) != 0 || lexicon_load(lex, lpath) != 0) {
		fprintf(fuzz_err, "espeak_probe: cannot load voices and lexicon from %s\n", vdir);
		exit(2);
	}
	free(vdir);
	free(lpath);
	ctx.voices = vs;
	ctx.lex = lex;
	ctx.file = "probe";
	ctx.host = voiceset_find(vs, "host");
	ctx.quote = voiceset_find(vs, "quote");
	/* The probe is of espeak-ng: when the show speaks with Flite, its
	   host and quote are the espeak-ng profiles it had before. */
	static struct voice es_host = {
		.name = "host", .espeak = "en-us", .variant = "m3", .lang = "en", .rate = 140,
		.pitch = 45, .range = 50,
	}, es_quote = {
		.name = "quote", .espeak = "en-gb", .variant = "f3", .lang = "en", .rate = 140,
		.pitch = 60, .range = 60,
	};
	if (ctx.host && ctx.host->engine != VOICE_ESPEAK)
		ctx.host = &es_host;
	if (ctx.quote && ctx.quote->engine != VOICE_ESPEAK)
		ctx.quote = &es_quote;
	ctx.zh = voiceset_find(vs, "zh");
	ctx.lang = "en";
	if (!ctx.host || !ctx.quote) {
		fprintf(fuzz_err, "espeak_probe: the voices host and quote are needed\n");
		exit(2);
	}
}

static void runs_free(struct run *r, int n)
{
	for (int i = 0; i < n; i++) {
		free(r[i].text);
		free(r[i].display);
	}
	free(r);
}

static void input_free(struct input *in)
{
	free(in->text);
	free(in->label);
	runs_free(in->runs, in->nruns);
	free(in->path);
	memset(in, 0, sizeof *in);
}

/* Normalises text into in; 0, or -1 when the normaliser refuses it or nothing is said. */
static int input_init(struct input *in, const char *text, const char *label, int k)
{
	size_t bad;
	memset(in, 0, sizeof *in);
	if (utf8_check(text, strlen(text), &bad) != 0)
		return -1;
	in->text = xstrdup(text);
	in->label = xstrdup(label);
	struct block b = {0};
	b.kind = BLOCK_PARAGRAPH;
	b.line = 1;
	b.section = -1;
	b.text = in->text;
	int rc = 0;
	if (raw) {  /* straight to espeak-ng in the host voice, C0 controls aside */
		in->runs = xcalloc(1, sizeof *in->runs);
		in->runs[0].voice = ctx.host;
		in->runs[0].text = xstrdup(text);
		for (char *p = in->runs[0].text; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
		in->runs[0].display = xstrdup(text);
		in->nruns = 1;
	} else {
		rc = speech_block(&ctx, &b, &in->runs, &in->nruns);
	}
	int words = 0;
	for (int i = 0; i < in->nruns; i++)
		words += in->runs[i].text[strspn(in->runs[i].text, " ")] != '\0';
	if (rc != 0 || words == 0) {
		input_free(in);
		return -1;
	}
	in->path = xasprintf("%s/seg-%d.seg", fuzz_dir, k);
	return 0;
}

/* An input made of given runs (copied), for the per-word and reference checks. */
static void input_from_runs(struct input *in, const struct run *runs, int n, const char *label, int k)
{
	memset(in, 0, sizeof *in);
	in->text = xstrdup("");
	in->label = xstrdup(label);
	in->runs = xcalloc((size_t)(n ? n : 1), sizeof *in->runs);
	for (int i = 0; i < n; i++) {
		in->runs[i] = runs[i];
		in->runs[i].text = xstrdup(runs[i].text);
		in->runs[i].display = xstrdup(runs[i].display ? runs[i].display : runs[i].text);
	}
	in->nruns = n;
	in->path = xasprintf("%s/seg-%d.seg", fuzz_dir, k);
}

/* Synthesises every input, filling dropped, failed and nsamples. */
static void synth_all(struct input *in, int n)
{
	if (n == 0)
		return;
	struct synth_job *jobs = xcalloc((size_t)n, sizeof *jobs);
	for (int i = 0; i < n; i++) {
		struct segment *s = &in[i].seg;
		memset(s, 0, sizeof *s);
		snprintf(s->id, sizeof s->id, "p%d", i);
		s->kind = BLOCK_PARAGRAPH;
		s->line = 1;
		s->section = -1;
		s->source = in[i].text;
		s->runs = in[i].runs;
		s->nruns = in[i].nruns;
		jobs[i].seg = s;
		jobs[i].file = in[i].label;
		jobs[i].cache_path = in[i].path;
	}
	struct synth_opts o = {0};
	o.jobs = njobs;
	synth_run(jobs, n, &o);
	for (int i = 0; i < n; i++) {
		int rate = 0;
		in[i].dropped = jobs[i].dropped_words;
		in[i].failed = jobs[i].failed;
		in[i].nsamples = 0;
		if (!in[i].failed && segcache_probe(in[i].path, &rate, &in[i].nsamples) != SEGCACHE_OK)
			in[i].failed = 1;
		unlink(in[i].path);
	}
	free(jobs);
}

/* ---- generated inputs ---- */

static const char *const tokens[] = {
	"s'", "'s", "s's", "n't", "o'", "d'", "l'", "qu'", "y'all", "'", "''", "’", "‘", "“", "”",
	"\"", "`", "´", "ʼ", "x86_64", "v6.3-rc5-rt8", "v6.7", "RCU", "THP", "BPF", "io_uring",
	"CONFIG_", "CONFIG_PREEMPT_RT", "0x1f", "0xdeadbeef", "--", "-", "_", "...", "…", "(", ")",
	"[", "]", "{", "}", "#", "%", "&", "@", "/", "\\", "|", "~", "^", "*", "+", "=", "<", ">",
	"1.2.3", "2023", "3rd", "1st", "100%", "10ms", "5µs", "4KiB", "2^32", "1e9", "-1", "0", "00",
	"a", "A", "I", "é", "ß", "ñ", "ø", "内核", "补丁", "。", "，", "、", "₂", "½", "°C", "🙂",
	"·", "e\xcc\x81", "Ⅻ", "ﬁ", ",", ";", ":", "!", "?", ".", "the", "kernel", "patch", "Linus",
	"Torvalds", "merged", "git://", "https://lwn.net/Articles/1/", "foo.c", "./a.out", "$PATH",
	"a.b.c.d", "A-Z", "e.g.", "i.e.", "vs.", "Mr.", "Dr.", "St.", "No.", "iii", "IV", "XIV",
	"mm/", "fs/", "drivers/net/", "__init", "__user", "->", "=>", "::", "&&", "||", "!=", "<=",
	"x", "q", "z", "zz", "hmm", "aaaaaaaaaaaa", "bcdfghjklmnp", "s", "'s'", "s''", "'''",
};

/* A random input in b: a few tokens, sometimes glued, sometimes one repeated. */
static void gen(struct buf *b)
{
	buf_reset(b);
	unsigned mode = rnd(10);
	if (mode < 3) {
		/* one token repeated, glued or spaced: abort-prone in 1.51 */
		const char *t = tokens[rnd(ARRAY_LEN(tokens))];
		unsigned reps = 2 + rnd(mode == 0 ? 300 : 40);
		const char *sep = rnd(2) ? "" : rnd(2) ? " " : "-";
		if (rnd(2))
			buf_puts(b, "The ");
		for (unsigned i = 0; i < reps; i++) {
			if (i)
				buf_puts(b, sep);
			buf_puts(b, t);
		}
		if (rnd(2))
			buf_puts(b, " is here.");
	} else if (mode < 5) {
		/* short: one to three tokens */
		unsigned k = 1 + rnd(3);
		for (unsigned i = 0; i < k; i++) {
			if (i && rnd(2))
				buf_putc(b, ' ');
			buf_puts(b, tokens[rnd(ARRAY_LEN(tokens))]);
		}
	} else {
		unsigned k = 2 + rnd(14);
		for (unsigned i = 0; i < k; i++) {
			if (i && rnd(4))
				buf_putc(b, ' ');
			buf_puts(b, tokens[rnd(ARRAY_LEN(tokens))]);
		}
		if (rnd(2))
			buf_putc(b, '.');
	}
}

/* ---- probing ---- */

static void add_input(struct input **v, int *n, int *cap, const char *text, const char *label)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xreallocarray(*v, (size_t)*cap, sizeof **v);
	}
	if (input_init(&(*v)[*n], text, label, *n) == 0)
		(*n)++;
}

static void read_lines(struct input **v, int *n, int *cap, const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	if (text == NULL) {
		fprintf(fuzz_err, "espeak_probe: cannot read %s\n", path);
		exit(2);
	}
	int line = 0;
	for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		line++;
		if (l[0] == '#' || l[0] == '\0')
			continue;
		char *tab = strchr(l, '\t');
		if (tab)
			*tab = '\0';
		char *label = xasprintf("%s:%d", path, line);
		add_input(v, n, cap, l, label);
		free(label);
	}
	free(text);
}

static int probe(int nfiles, char **files, int count)
{
	struct input *v = NULL;
	int n = 0, cap = 0;
	struct buf b = {0};
	for (int i = 0; i < nfiles; i++)
		read_lines(&v, &n, &cap, files[i]);
	for (int i = 0; i < count; i++) {
		gen(&b);
		char *label = xasprintf("gen-%d", i);
		add_input(&v, &n, &cap, b.data, label);
		free(label);
	}
	buf_free(&b);
	double t0 = now_seconds();
	synth_all(v, n);
	double secs = now_seconds() - t0;
	int lost = 0, failed = 0, words = 0;
	for (int i = 0; i < n; i++) {
		if (v[i].failed) {
			failed++;
			printf("failed\t%s\n", v[i].text);
		} else if (v[i].dropped) {
			lost++;
			words += v[i].dropped;
			printf("dropped %d\t%s\n", v[i].dropped, v[i].text);
			if (verbose)
				for (int r = 0; r < v[i].nruns; r++)
					printf("    %s: %s\n", v[i].runs[r].voice->name, v[i].runs[r].text);
		}
	}
	printf("espeak_probe: %d inputs in %.1f s: %d lost %d words, %d failed\n", n, secs, lost,
	       words, failed);
	for (int i = 0; i < n; i++)
		input_free(&v[i]);
	free(v);
	return failed ? 1 : 0;
}

/* ---- regression checks ---- */

static int check_one(const char *file, int k)
{
	size_t len;
	int bad = 0;
	char *text = read_file(file, &len);
	const char *name = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
	if (text == NULL) {
		printf("not ok - espeak %s: cannot read it\n", name);
		return 1;
	}
	while (len && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		text[--len] = '\0';
	struct input full;
	if (input_init(&full, text, file, k * 1000) != 0) {
		printf("not ok - espeak %s: the normaliser says nothing for it\n", name);
		free(text);
		return 1;
	}
	free(text);
	synth_all(&full, 1);
	if (full.failed) {
		printf("not ok - espeak %s: no audio written\n", name);
		input_free(&full);
		return 1;
	}
	printf("ok - espeak %s: audio written (%u samples, %d words dropped)\n", name,
	       full.nsamples, full.dropped);

	/* The words that cannot be spoken even alone. */
	struct input *alone = NULL;
	int nalone = 0, cap = 0, unspeakable = 0;
	if (full.dropped > 0) {
		for (int r = 0; r < full.nruns; r++) {
			char *copy = xstrdup(full.runs[r].text);
			for (char *save = NULL, *w = strtok_r(copy, " ", &save); w;
			     w = strtok_r(NULL, " ", &save)) {
				struct run one = full.runs[r];
				one.text = w;
				one.display = w;
				one.pause_ms = 0;
				if (nalone == cap) {
					cap = cap ? cap * 2 : 64;
					alone = xreallocarray(alone, (size_t)cap, sizeof *alone);
				}
				char *label = xasprintf("%s run %d word", name, r);
				input_from_runs(&alone[nalone], &one, 1, label, k * 1000 + 1 + nalone);
				nalone++;
				free(label);
			}
			free(copy);
		}
		synth_all(alone, nalone);
		for (int i = 0; i < nalone; i++)
			unspeakable += alone[i].failed ? 1 : alone[i].dropped;
	}
	if (full.dropped <= unspeakable) {
		printf("ok - espeak %s: dropped %d words, no more than the %d that cannot be "
		       "spoken alone\n", name, full.dropped, unspeakable);
	} else {
		printf("not ok - espeak %s: dropped %d words, but only %d cannot be spoken alone\n",
		       name, full.dropped, unspeakable);
		bad = 1;
	}

	/* The reference: the same runs without the unspeakable words. */
	struct run *rr = xcalloc((size_t)full.nruns, sizeof *rr);
	int nrr = 0, w = 0;
	for (int r = 0; r < full.nruns; r++) {
		struct buf t = {0};
		if (full.dropped > 0) {
			char *copy = xstrdup(full.runs[r].text);
			for (char *save = NULL, *word = strtok_r(copy, " ", &save); word;
			     word = strtok_r(NULL, " ", &save), w++) {
				if (alone[w].failed || alone[w].dropped)
					continue;
				if (t.len)
					buf_putc(&t, ' ');
				buf_puts(&t, word);
			}
			free(copy);
		} else {
			buf_puts(&t, full.runs[r].text);
		}
		if (t.len) {
			rr[nrr] = full.runs[r];
			rr[nrr].text = t.data;
			rr[nrr].display = t.data;
			nrr++;
		} else {
			buf_free(&t);
		}
	}
	struct input ref;
	input_from_runs(&ref, rr, nrr, "reference", k * 1000 + 999);
	for (int i = 0; i < nrr; i++)
		free(rr[i].text);
	free(rr);
	if (nrr > 0)
		synth_all(&ref, 1);
	if (nrr == 0 || ref.nsamples == 0) {
		printf("ok - espeak %s: nothing speakable is left (reference empty)\n", name);
	} else if ((double)full.nsamples >= 0.85 * ref.nsamples) {
		printf("ok - espeak %s: the rest is spoken (%u samples, reference %u)\n", name,
		       full.nsamples, ref.nsamples);
	} else {
		printf("not ok - espeak %s: the rest is not all spoken (%u samples, reference %u "
		       "without the unspeakable words)\n", name, full.nsamples, ref.nsamples);
		bad = 1;
	}
	input_free(&ref);
	for (int i = 0; i < nalone; i++)
		input_free(&alone[i]);
	free(alone);
	input_free(&full);
	return bad;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"check", no_argument, NULL, 'c'}, {NULL, 0, NULL, 0},
	};
	int check = 0, count = 0, c;
	while ((c = getopt_long(argc, argv, "j:n:rs:v", opts, NULL)) != -1) {
		switch (c) {
		case 'c': check = 1; break;
		case 'j': njobs = atoi(optarg) > 0 ? atoi(optarg) : 1; break;
		case 'n': count = atoi(optarg); break;
		case 'r': raw = 1; break;
		case 's': rng = strtoul(optarg, NULL, 10) * 2 + 1; break;
		case 'v': verbose = 1; break;
		default:
			fprintf(stderr, "usage: espeak_probe [-j N] [-n COUNT] [-s SEED] [-r] [-v] [FILE...]\n"
					"       espeak_probe --check [-j N] FILE...\n");
			return 2;
		}
	}
	setup();
	setvbuf(stdout, NULL, _IOLBF, 0);
	int rc = 0;
	if (check) {
		for (int i = optind; i < argc; i++)
			rc |= check_one(argv[i], i);
	} else {
		rc = probe(argc - optind, argv + optind, count);
	}
	lexicon_free(&lex);
	voiceset_free(&vs);
	return rc;
}
