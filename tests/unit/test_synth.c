/*
 * test_synth.c: the synthesis stage (synth.c) with real espeak-ng workers:
 * audio and events of a small segment, pauses and gain, several jobs with
 * progress, output that does not depend on the number of workers, and the
 * crash and hang hooks (a piece that kills espeak-ng or spins past its
 * processor time limit is split and only the bad word is dropped), the
 * sleep hook (a piece that sleeps past its limit without the processor is
 * not split) and the block hook (a piece that blocks past the wall-clock
 * backstop fails its segment, uncached). Also checks that no worker is left as a
 * zombie and no descriptor leaks. Flite the same way: its 16 kHz audio,
 * word events at byte offsets and timed within 50 ms of where the audio
 * has them, its prosody knobs, a segment that mixes both engines, its
 * crash isolation, the phoneme mapping and its voice check. And workers
 * forked early (synth_pool_new), which stay small.
 */
#include "harness.h"
#include "core/msg.h"
#include "synth/segcache.h"
#include "script/segment.h"
#include "synth/synth.h"
#include "core/util.h"
#include "show/voice.h"
#include "synth/synth_int.h"   /* flite_map_phonemes */

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[] = "/tmp/podsynth-test-synth.XXXXXX";
static int ncache;
static struct engine_facts eng;  /* from synth_engine_open */

static struct voice v_host = {
	.name = "host", .espeak = "en-us", .lang = "en", .rate = 140, .pitch = 50, .range = 50,
};
static struct voice v_guest = {
	.name = "guest", .espeak = "en-us", .variant = "f2", .lang = "en",
	.rate = 150, .pitch = 60, .range = 40, .gain_db = -6.0,
};
static struct voice v_guest0 = {
	.name = "guest0", .espeak = "en-us", .variant = "f2", .lang = "en",
	.rate = 150, .pitch = 60, .range = 40, .gain_db = 0.0,
};
static struct voice v_gb = {  /* found by language, as the espeak-ng CLI does */
	.name = "quote", .espeak = "en-gb", .variant = "f3", .lang = "en", .rate = 140,
	.pitch = 60, .range = 60,
};
static struct voice v_gb_plain = {
	.name = "quote0", .espeak = "en-gb", .lang = "en", .rate = 140, .pitch = 60, .range = 60,
};
static struct voice v_badvariant = {
	.name = "badv", .espeak = "en-us", .variant = "nosuchvariant", .lang = "en",
	.rate = 140, .pitch = 50, .range = 50,
};
static struct voice v_bad = {
	.name = "bad", .espeak = "xx-no-such-voice", .lang = "en", .rate = 140,
	.pitch = 50, .range = 50,
};

static struct voice v_rms = {
	.name = "fhost", .engine = VOICE_FLITE, .fvoice = "cmu_us_rms", .lang = "en",
	.pitch = 50, .range = 50,
};
static struct voice v_rms_slow = {
	.name = "fslow", .engine = VOICE_FLITE, .fvoice = "cmu_us_rms", .lang = "en",
	.rate = 120, .pitch = 50, .range = 50,
};
static struct voice v_slt = {
	.name = "fcohost", .engine = VOICE_FLITE, .fvoice = "cmu_us_slt", .lang = "en",
	.pitch = 50, .range = 50,
};
static struct voice v_slt_high = {
	.name = "fhigh", .engine = VOICE_FLITE, .fvoice = "cmu_us_slt", .lang = "en",
	.pitch = 80, .range = 50,
};
static struct voice v_fbad = {
	.name = "fbad", .engine = VOICE_FLITE, .fvoice = "cmu_us_nosuch", .lang = "en",
	.pitch = 50, .range = 50,
};

/* A segment of up to 4 runs; text and voices are borrowed. */
struct tseg {
	struct segment seg;
	struct run runs[4];
	struct synth_job job;
	char *path;
};

static void tseg_init(struct tseg *t, int line)
{
	memset(t, 0, sizeof *t);
	t->seg.line = line;
	t->seg.kind = BLOCK_PARAGRAPH;
	t->seg.runs = t->runs;
	t->path = xasprintf("%s/c%d/seg%d.pcm", dir, ncache % 3, ncache);
	ncache++;
	t->job.seg = &t->seg;
	t->job.file = "episodes/test.md";
	t->job.cache_path = t->path;
}

static void tseg_run(struct tseg *t, const struct voice *v, const char *text, int pause_ms)
{
	struct run *r = &t->runs[t->seg.nruns++];
	r->voice = v;
	r->text = (char *)text;
	r->display = (char *)text;
	r->pause_ms = pause_ms;
}

static int synth(struct tseg **ts, int n, int workers, double timeout)
{
	struct synth_job *jobs = xcalloc((size_t)n, sizeof *jobs);
	for (int i = 0; i < n; i++)
		jobs[i] = ts[i]->job;
	struct synth_opts o = {.jobs = workers, .timeout = timeout};
	int r = synth_run(jobs, n, &o);
	for (int i = 0; i < n; i++)
		ts[i]->job = jobs[i];
	free(jobs);
	return r;
}

/* Whether the files at a and b both exist and hold the same bytes. */
static int same_bytes(const char *a, const char *b)
{
	size_t la = 0, lb = 0;
	char *x = read_file(a, &la), *y = read_file(b, &lb);
	int same = x && y && la == lb && memcmp(x, y, la) == 0;
	free(x);
	free(y);
	return same;
}

static int has_word(const struct seg_audio *a, uint32_t run, uint32_t pos)
{
	for (uint32_t i = 0; i < a->nevents; i++)
		if (a->events[i].type == SYNTH_EV_WORD && a->events[i].run == run &&
		    a->events[i].pos == pos)
			return 1;
	return 0;
}

static uint32_t off_of(const char *text, const char *word)
{
	const char *p = strstr(text, word);
	return p ? (uint32_t)(p - text) : 0xffffffffu;
}

static int count_type(const struct seg_audio *a, uint32_t type)
{
	int n = 0;
	for (uint32_t i = 0; i < a->nevents; i++)
		n += a->events[i].type == type;
	return n;
}

static int peak(const int16_t *s, uint32_t n)
{
	int m = 0;
	for (uint32_t i = 0; i < n; i++)
		if (abs(s[i]) > m)
			m = abs(s[i]);
	return m;
}

static int count_fds(void)
{
	int n = 0;
	DIR *d = opendir("/proc/self/fd");
	if (d == NULL)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

static int events_sane(const struct seg_audio *a, const struct segment *seg)
{
	uint32_t last = 0;
	for (uint32_t i = 0; i < a->nevents; i++) {
		const struct synth_event *e = &a->events[i];
		if (e->sample < last || e->sample > a->nsamples || e->run >= (uint32_t)seg->nruns)
			return 0;
		const char *t = seg->runs[e->run].text;
		if (e->pos + e->len > strlen(t))
			return 0;
		if (e->type == SYNTH_EV_WORD && e->len == 0)
			return 0;
		last = e->sample;
	}
	return 1;
}

static void test_basic(void)
{
	const char *t0 = "Hello there. This is a small test of the synthesiser.";
	const char *t1 = "And a second voice, with caf\xc3\xa9 and na\xc3\xafve words.";
	struct tseg a, ref, *ts[2] = {&a, &ref};
	tseg_init(&a, 7);
	tseg_run(&a, &v_host, t0, 0);
	tseg_run(&a, &v_guest, t1, 300);
	tseg_init(&ref, 9);  /* the second run alone, at 0 dB */
	tseg_run(&ref, &v_guest0, t1, 0);

	INT_EQ(synth(ts, 2, 2, 0), 0, "synth_run succeeds");
	INT_EQ(a.job.failed, 0, "job not failed");
	INT_EQ(a.job.dropped_words, 0, "no words dropped");
	struct seg_audio au = {0}, ar = {0};
	INT_EQ(segcache_read(a.path, &au), SEGCACHE_OK, "cache file written and valid");
	INT_EQ(segcache_read(ref.path, &ar), SEGCACHE_OK, "second cache file written");
	INT_EQ(au.rate, eng.rate, "rate is the one synth_engine_open learned");
	INT_EQ(au.rate, 22050, "espeak-ng rate");
	OK(au.nsamples > 22050 * 3 && au.nsamples < 22050 * 20,
	   "audio is a few seconds long (%.2f s)", au.nsamples / 22050.0);
	OK(peak(au.samples, au.nsamples) > 1000, "audio is not silent (peak %d)",
	   peak(au.samples, au.nsamples));
	OK(events_sane(&au, &a.seg), "events in order, inside the audio and the text");
	INT_EQ(count_type(&au, SYNTH_EV_RUN), 2, "one run event per run");
	OK(count_type(&au, SYNTH_EV_SENTENCE) >= 2, "sentence events (%d)",
	   count_type(&au, SYNTH_EV_SENTENCE));
	OK(count_type(&au, SYNTH_EV_WORD) >= 18, "word events (%d)", count_type(&au, SYNTH_EV_WORD));
	OK(au.nevents > 0 && au.events[0].type == SYNTH_EV_RUN && au.events[0].sample == 0 &&
	   au.events[0].run == 0, "first event is run 0 at sample 0");
	OK(has_word(&au, 0, 0) && has_word(&au, 0, off_of(t0, "small")) &&
	   has_word(&au, 0, off_of(t0, "synthesiser")), "word events at byte offsets in run 0");
	OK(has_word(&au, 1, off_of(t1, "na\xc3\xafve")) && has_word(&au, 1, off_of(t1, "words")),
	   "word events after multi-byte characters are byte offsets");
	int len_ok = 0;
	for (uint32_t i = 0; i < au.nevents; i++)
		if (au.events[i].type == SYNTH_EV_WORD && au.events[i].run == 1 &&
		    au.events[i].pos == off_of(t1, "na\xc3\xafve"))
			len_ok = au.events[i].len == strlen("na\xc3\xafve");
	OK(len_ok, "word length in bytes");

	/* Run 1 starts after its 300 ms pause, which is silence. */
	uint32_t run1 = 0, lastword0 = 0;
	for (uint32_t i = 0; i < au.nevents; i++) {
		if (au.events[i].type == SYNTH_EV_RUN && au.events[i].run == 1)
			run1 = au.events[i].sample;
		if (au.events[i].type == SYNTH_EV_WORD && au.events[i].run == 0)
			lastword0 = au.events[i].sample;
	}
	OK(run1 > lastword0 + 22050 * 3 / 10, "run 1 starts after run 0's words and the pause");
	OK(run1 >= 6615 && peak(au.samples + run1 - 6615, 6615) == 0,
	   "the 300 ms before run 1 are silent");
	/* Run 1 is the reference audio at -6 dB. */
	OK(au.nsamples - run1 == ar.nsamples, "run 1 has the reference's length (%u vs %u)",
	   au.nsamples - run1, ar.nsamples);
	if (au.nsamples - run1 == ar.nsamples) {
		double ratio = (double)peak(au.samples + run1, ar.nsamples) / peak(ar.samples, ar.nsamples);
		OK(fabs(ratio - 0.501) < 0.01, "gain -6 dB applied (ratio %.3f)", ratio);
	}
	seg_audio_clear(&au);
	seg_audio_clear(&ar);
	free(a.path);
	free(ref.path);
}

static int progress_calls, progress_last, progress_total;
static void progress(void *ud, int done, int total)
{
	(void)ud;
	if (done == progress_last + 1)
		progress_calls++;
	progress_last = done;
	progress_total = total;
}

/* Several jobs, and the same audio whatever the number of workers and order. */
static void test_many_and_determinism(void)
{
	static const char *texts[] = {
		"Linux six point three is out.",
		"The merge window is open for two weeks. Testing helps.",
		"[[h@l'oU]] world, in phonemes.",
		"   ",
		"One more, with a question?",
	};
	enum { N = 5 };
	struct tseg t[N], u[N], *ts[N], *us[N];
	for (int i = 0; i < N; i++) {
		tseg_init(&t[i], 10 + i);
		tseg_run(&t[i], &v_host, texts[i], i == 3 ? 250 : 0);
		ts[i] = &t[i];
		tseg_init(&u[i], 10 + i);
		tseg_run(&u[i], &v_host, texts[i], i == 3 ? 250 : 0);
		us[N - 1 - i] = &u[i];  /* reversed order */
	}
	struct synth_job jobs[N];
	for (int i = 0; i < N; i++)
		jobs[i] = ts[i]->job;
	struct synth_opts o = {.jobs = 1, .progress = progress};
	INT_EQ(synth_run(jobs, N, &o), 0, "five jobs with one worker");
	INT_EQ(progress_calls, N, "progress called once per job, counting up");
	INT_EQ(progress_total, N, "progress total");
	INT_EQ(synth(us, N, 2, 0), 0, "five jobs in reverse with two workers");
	int same = 0;
	for (int i = 0; i < N; i++) {
		struct seg_audio a = {0}, b = {0};
		if (segcache_read(t[i].path, &a) == SEGCACHE_OK &&
		    segcache_read(u[i].path, &b) == SEGCACHE_OK && a.nsamples == b.nsamples &&
		    a.nevents == b.nevents &&
		    memcmp(a.samples, b.samples, a.nsamples * sizeof *a.samples) == 0)
			same++;
		if (i == 3) {
			OK(a.nsamples == 22050 / 4 && peak(a.samples, a.nsamples) == 0 &&
			   a.nevents == 1 && a.events[0].type == SYNTH_EV_RUN,
			   "a blank run gives its pause and a run event (%u samples)", a.nsamples);
		}
		if (i == 2)
			OK(peak(a.samples, a.nsamples) > 1000, "phoneme input is spoken");
		seg_audio_clear(&a);
		seg_audio_clear(&b);
		free(t[i].path);
		free(u[i].path);
	}
	INT_EQ(same, N, "identical audio whatever the workers and order");
}

/*
 * A worker keeps one voice holder per espeak-ng voice, at most eight, and
 * ends the least recently used for a ninth (synth_worker.c): ten voices
 * spoken twice in turn by one worker make it fork every holder again in the
 * second round. Each piece must sound as when its voice is spoken alone,
 * by a worker of its own.
 */
static void test_many_voices(void)
{
	enum { NV = 10 };
	static const char *variants[NV] = {"m1", "m2", "m3", "m4", "m5",
					   "m6", "m7", "f1", "f2", "f4"};
	static const char *text = "Every voice sounds the same when its holder comes back.";
	struct voice v[NV];
	struct tseg t[2 * NV], u[NV], *ts[2 * NV];
	for (int i = 0; i < NV; i++) {
		v[i] = (struct voice){.name = "v", .espeak = "en-us", .variant = (char *)variants[i],
				      .lang = "en", .rate = 140, .pitch = 50, .range = 50};
		for (int r = 0; r < 2; r++) {
			tseg_init(&t[r * NV + i], 40 + r * NV + i);
			tseg_run(&t[r * NV + i], &v[i], text, 0);
			ts[r * NV + i] = &t[r * NV + i];
		}
	}
	INT_EQ(synth(ts, 2 * NV, 1, 0), 0, "ten voices twice in turn, one worker");
	int same = 0;
	for (int i = 0; i < NV; i++) {
		struct tseg *one = &u[i];
		tseg_init(one, 40 + i);
		tseg_run(one, &v[i], text, 0);
		if (synth(&one, 1, 1, 0) == 0 && same_bytes(one->path, t[i].path) &&
		    same_bytes(one->path, t[NV + i].path))
			same++;
		else
			printf("# en-us+%s differs from the same voice alone\n", variants[i]);
		free(one->path);
	}
	INT_EQ(same, NV, "each voice's pieces, before and after its holder was ended, as spoken alone");
	int distinct = !same_bytes(t[0].path, t[1].path);
	OK(distinct, "the variants sound different (m1 against m2)");
	for (int i = 0; i < 2 * NV; i++)
		free(t[i].path);
}

/* For the hang test: which cache files exist when the first job is done. */
static const char *order_first, *order_second;
static int order_ok = -1;
static void order_progress(void *ud, int done, int total)
{
	(void)ud;
	(void)total;
	if (done == 1)
		order_ok = file_exists(order_second) && !file_exists(order_first);
}

/* A segment whose third word kills (or stalls) espeak-ng. */
static void test_bad_word(const char *env, const char *word, double timeout,
			  const struct voice *v_host)
{
	char text[128], clean[128];
	snprintf(text, sizeof text, "alpha beta %s gamma. delta epsilon.", word);
	snprintf(clean, sizeof clean, "alpha beta gamma. delta epsilon.");
	struct tseg a, ref, other, *rs[1] = {&ref};
	tseg_init(&a, 42);
	tseg_run(&a, v_host, text, 0);
	tseg_init(&other, 44);  /* queued after the bad one */
	tseg_run(&other, v_host, "Meanwhile, another segment is spoken.", 0);
	tseg_init(&ref, 43);
	tseg_run(&ref, v_host, clean, 0);

	INT_EQ(synth(rs, 1, 2, 0), 0, "reference without the bad word");
	int warnings = diag_count(DIAG_WARNING);
	setenv(env, word, 1);
	double t0 = now_seconds();
	struct synth_job jobs[2] = {a.job, other.job};
	struct synth_opts o = {.jobs = 2, .timeout = timeout, .progress = order_progress};
	order_first = a.path;
	order_second = other.path;
	order_ok = -1;
	int r = synth_run(jobs, 2, &o);
	a.job = jobs[0];
	other.job = jobs[1];
	double took = now_seconds() - t0;
	unsetenv(env);
	INT_EQ(other.job.failed + other.job.dropped_words, 0, "the other segment is unharmed");
	if (timeout > 0)
		OK(order_ok == 1, "a stalled piece does not hold up the other worker");
	INT_EQ(r, 0, "synth_run succeeds despite the bad word");
	INT_EQ(a.job.failed, 0, "job not failed");
	INT_EQ(a.job.dropped_words, 1, "exactly one word dropped");
	INT_EQ(diag_count(DIAG_WARNING) - warnings, 1, "one warning");
	OK(took < 30, "done in reasonable time (%.1f s)", took);
	struct seg_audio au = {0}, ar = {0};
	INT_EQ(segcache_read(a.path, &au), SEGCACHE_OK, "cache file written");
	INT_EQ(segcache_read(ref.path, &ar), SEGCACHE_OK, "reference written");
	double ratio = ar.nsamples ? (double)au.nsamples / ar.nsamples : 0;
	/* (Flite begins and ends each piece with its own silence, about a
	   quarter second a piece: the split text is longer by that.) */
	double most = v_host->engine == VOICE_FLITE ? 1.6 : 1.25;
	OK(ratio > 0.8 && ratio < most, "audio about as long as without the word (%.2f)", ratio);
	static const char *words[] = {"alpha", "beta", "gamma", "delta", "epsilon"};
	int found = 0;
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		found += has_word(&au, 0, off_of(text, words[i]));
	INT_EQ(found, 5, "the other five words are spoken, at their positions");
	OK(!has_word(&au, 0, off_of(text, word)), "no event for the dropped word");
	OK(events_sane(&au, &a.seg), "events in order, inside the audio and the text");
	seg_audio_clear(&au);
	seg_audio_clear(&ar);
	free(a.path);
	free(ref.path);
	free(other.path);
}

static void test_errors(void)
{
	struct tseg a, b, *ts[2] = {&a, &b};
	tseg_init(&a, 50);
	tseg_run(&a, &v_bad, "This voice does not exist.", 0);
	tseg_init(&b, 51);
	tseg_run(&b, &v_host, "But this\x01 one does, with\x1b a control character.", 0);
	int errors = diag_count(DIAG_ERROR);
	INT_EQ(synth(ts, 2, 2, 0), -1, "an unknown espeak-ng voice fails the run");
	INT_EQ(a.job.failed, 1, "its job failed");
	OK(!file_exists(a.path), "nothing written for it");
	INT_EQ(diag_count(DIAG_ERROR) - errors, 1, "one error reported");
	INT_EQ(b.job.failed, 0, "the other job is fine");
	struct seg_audio au = {0};
	INT_EQ(segcache_read(b.path, &au), SEGCACHE_OK, "text with control characters is spoken");
	OK(has_word(&au, 0, off_of(b.runs[0].text, "character")), "positions kept around controls");
	seg_audio_clear(&au);
	free(a.path);
	free(b.path);
}

/* Voices by language ("en-gb") keep their variant; unknown variants fail. */
static void test_voices(void)
{
	const char *text = "A quotation in a British voice.";
	struct tseg a, b, c, *ts[3] = {&a, &b, &c};
	tseg_init(&a, 60);
	tseg_run(&a, &v_gb, text, 0);
	tseg_init(&b, 61);
	tseg_run(&b, &v_gb_plain, text, 0);
	tseg_init(&c, 62);
	tseg_run(&c, &v_badvariant, text, 0);
	INT_EQ(synth(ts, 3, 2, 0), -1, "a run with an unknown variant fails");
	INT_EQ(a.job.failed, 0, "en-gb+f3 is found (by language, then variant)");
	INT_EQ(b.job.failed, 0, "en-gb is found");
	INT_EQ(c.job.failed, 1, "en-us+nosuchvariant is an error, not silently ignored");
	struct seg_audio x = {0}, y = {0};
	segcache_read(a.path, &x);
	segcache_read(b.path, &y);
	OK(x.nsamples > 22050 && y.nsamples > 22050 &&
	   (x.nsamples != y.nsamples ||
	    memcmp(x.samples, y.samples, x.nsamples * sizeof *x.samples) != 0),
	   "the variant changes the sound (%u vs %u samples)", x.nsamples, y.nsamples);
	seg_audio_clear(&x);
	seg_audio_clear(&y);
	free(a.path);
	free(b.path);
	free(c.path);
}

/* The first sample of each stretch of sound after at least 80 ms of silence (10 ms frames under -40 dBFS). */
static int onsets(const struct seg_audio *a, uint32_t *out, int max)
{
	int n = 0, quiet = 0, fr = a->rate / 100;
	for (uint32_t s = 0; s + (uint32_t)fr <= a->nsamples && n < max; s += (uint32_t)fr) {
		double e = 0;
		for (int i = 0; i < fr; i++)
			e += (double)a->samples[s + i] * a->samples[s + i];
		int loud = sqrt(e / fr) > 328;  /* -40 dBFS */
		if (loud && quiet >= 8)
			out[n++] = s;
		quiet = loud ? 0 : quiet + 1;
	}
	return n;
}

static uint32_t word_sample(const struct seg_audio *a, uint32_t run, uint32_t pos)
{
	for (uint32_t i = 0; i < a->nevents; i++)
		if (a->events[i].type == SYNTH_EV_WORD && a->events[i].run == run &&
		    a->events[i].pos == pos)
			return a->events[i].sample;
	return 0xffffffffu;
}

/* The event of run 0 that starts at pos, or NULL. */
static const struct synth_event *word_at(const struct seg_audio *a, uint32_t pos)
{
	for (uint32_t i = 0; i < a->nevents; i++)
		if (a->events[i].type == SYNTH_EV_WORD && a->events[i].run == 0 && a->events[i].pos == pos)
			return &a->events[i];
	return NULL;
}

/*
 * Hints (core/text.h): each engine is given the engine's part of a hint and
 * nothing of its written form, so a run with hints sounds exactly as the
 * same text written for the engine alone; its word events span the whole
 * hint, where the written word is.
 */
static void test_hints(const struct voice *v, const char *what)
{
	const char *th = "Plan \x02" "A\x1f[['eI]]\x03 failed. Thomas \x02Gleixner\x1f[[gl'aIksn3]]\x03 wrote it.";
	const char *te = "Plan [['eI]] failed. Thomas [[gl'aIksn3]] wrote it.";
	struct tseg h, e, *ts[2] = {&h, &e};
	tseg_init(&h, 80);
	tseg_run(&h, v, th, 0);
	tseg_init(&e, 81);
	tseg_run(&e, v, te, 0);
	char *log = xasprintf("%s/params-hints", dir);
	setenv("PODSYNTH_TEST_PARAMS", log, 1);
	OK(synth(ts, 2, 1, 0) == 0, "%s hints: synth_run succeeds", what);
	unsetenv("PODSYNTH_TEST_PARAMS");
	struct seg_audio ah = {0}, ae = {0};
	OK(segcache_read(h.path, &ah) == SEGCACHE_OK, "%s hints: cache file written", what);
	OK(segcache_read(e.path, &ae) == SEGCACHE_OK, "%s hints: the engine's text alone, written", what);
	OK(ah.nsamples == ae.nsamples && ah.nsamples > 0 &&
	   memcmp(ah.samples, ae.samples, ah.nsamples * sizeof *ah.samples) == 0,
	   "%s hints: the same audio as the engine's part alone (%u, %u samples)", what, ah.nsamples, ae.nsamples);
	OK(events_sane(&ah, &h.seg), "%s hints: events in order, inside the audio and the text", what);
	const struct synth_event *a = word_at(&ah, off_of(th, "\x02" "A")),
				  *g = word_at(&ah, off_of(th, "\x02Gleixner"));
	OK(a && a->len == off_of(th, " failed") - off_of(th, "\x02" "A"),
	   "%s hints: the letter's word event spans its hint", what);
	OK(g && g->len == off_of(th, " wrote") - off_of(th, "\x02Gleixner"),
	   "%s hints: the lexicon word's event spans its hint", what);
	OK(has_word(&ah, 0, off_of(th, "failed")) && has_word(&ah, 0, off_of(th, "wrote")),
	   "%s hints: the words after a hint keep their offsets", what);
	size_t plen = 0;
	char *params = read_file(log, &plen);
	OK(params && strstr(params, "text=Plan    [['eI]]  failed. Thomas           [[gl'aIksn3]]  wrote it.\n") &&
	   !strchr(params, '\x02') && !strchr(params, '\x1f') && !strstr(params, "Gleixner"),
	   "%s hints: the engine is given the engine's part, blanks where the rest was", what);
	free(params);
	unlink(log);
	free(log);
	seg_audio_clear(&ah);
	seg_audio_clear(&ae);
	free(h.path);
	free(e.path);
}

static void test_flite(void)
{
	const char *t0 = "One. Alpha. Eleven. Thomas [[gl'aIksn3]] wrote it.";
	const char *t1 = "And espeak-ng says the rest.";
	struct tseg a, m, *ts[2] = {&a, &m};
	tseg_init(&a, 70);
	tseg_run(&a, &v_rms, t0, 0);
	tseg_init(&m, 71);  /* Flite, then espeak-ng, in one segment */
	tseg_run(&m, &v_rms, t0, 0);
	tseg_run(&m, &v_host, t1, 250);
	INT_EQ(synth(ts, 2, 2, 0), 0, "flite: synth_run succeeds");
	INT_EQ(a.job.failed + a.job.dropped_words, 0, "flite: nothing failed or dropped");
	struct seg_audio au = {0}, am = {0};
	INT_EQ(segcache_read(a.path, &au), SEGCACHE_OK, "flite: cache file written and valid");
	INT_EQ(au.rate, 16000, "flite: the voice's own rate");
	OK(au.nsamples > 16000 * 2 && au.nsamples < 16000 * 10, "flite: a few seconds (%.2f s)",
	   au.nsamples / 16000.0);
	OK(peak(au.samples, au.nsamples) > 1000, "flite: not silent");
	OK(events_sane(&au, &a.seg), "flite: events in order, inside the audio and the text");
	static const char *words[] = {"One", "Alpha", "Eleven", "Thomas", "[[", "wrote", "it"};
	int found = 0;
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		found += has_word(&au, 0, off_of(t0, words[i]));
	INT_EQ(found, 7, "flite: a word event at each word's byte offset, the phonemes' included");
	INT_EQ(count_type(&au, SYNTH_EV_WORD), 7, "flite: one word event per word");
	INT_EQ(count_type(&au, SYNTH_EV_SENTENCE), 4, "flite: one sentence event per sentence");
	int len_ok = 0;
	for (uint32_t i = 0; i < au.nevents; i++)
		if (au.events[i].type == SYNTH_EV_WORD && au.events[i].pos == off_of(t0, "[["))
			len_ok = au.events[i].len == strlen("[[gl'aIksn3]]");
	OK(len_ok, "flite: the phoneme word's event spans its [[...]]");
	/* Where the words start, found in the audio alone: after each pause. */
	uint32_t on[16];
	int non = onsets(&au, on, 16);
	static const char *after_pause[] = {"One", "Alpha", "Eleven", "Thomas"};
	for (size_t i = 0; i < ARRAY_LEN(after_pause); i++) {
		uint32_t e = word_sample(&au, 0, off_of(t0, after_pause[i]));
		int64_t best = INT64_MAX;
		for (int k = 0; k < non; k++)
			if (llabs((int64_t)on[k] - (int64_t)e) < llabs(best))
				best = (int64_t)on[k] - (int64_t)e;
		OK(llabs(best) * 1000 <= 50 * (int64_t)au.rate,
		   "flite: \"%s\" starts within 50 ms of the sound (%+.0f ms)", after_pause[i],
		   best * 1000.0 / au.rate);
	}

	INT_EQ(segcache_read(m.path, &am), SEGCACHE_OK, "mixed: cache file written");
	INT_EQ(am.rate, 22050, "mixed: kept at the higher rate (espeak-ng's)");
	OK(events_sane(&am, &m.seg), "mixed: events in order, inside the audio and the text");
	OK(has_word(&am, 0, off_of(t0, "Eleven")) && has_word(&am, 1, off_of(t1, "rest")),
	   "mixed: word events from both engines");
	uint32_t run1 = 0;
	for (uint32_t i = 0; i < am.nevents; i++)
		if (am.events[i].type == SYNTH_EV_RUN && am.events[i].run == 1)
			run1 = am.events[i].sample;
	uint32_t flite_at = (uint32_t)(((uint64_t)au.nsamples * 22050 + 8000) / 16000);
	INT_EQ(run1, flite_at + 22050 / 4, "mixed: run 1 starts after the resampled Flite audio and its pause");
	/* The Flite part, resampled, keeps its word times. */
	uint32_t e16 = word_sample(&au, 0, off_of(t0, "Eleven"));
	uint32_t e22 = word_sample(&am, 0, off_of(t0, "Eleven"));
	OK(fabs(e22 / 22050.0 - e16 / 16000.0) < 0.001, "mixed: word times kept through the resampling");
	OK(peak(am.samples, flite_at) > 1000, "mixed: the resampled Flite audio is there");
	seg_audio_clear(&au);
	seg_audio_clear(&am);
	free(a.path);
	free(m.path);
}

/* The prosody a run asks for reaches Flite: rate (duration stretch), pitch, volume. */
static void test_flite_prosody(void)
{
	const char *t = "The quick brown fox jumps over the lazy dog.";
	struct tseg a, slow, soft, high, low, *ts[5] = {&a, &slow, &soft, &high, &low};
	tseg_init(&a, 80);
	tseg_run(&a, &v_rms, t, 0);
	tseg_init(&slow, 81);
	tseg_run(&slow, &v_rms_slow, t, 0);
	tseg_init(&soft, 82);
	tseg_run(&soft, &v_rms, t, 0);
	soft.runs[0].pro.volume = -50;
	tseg_init(&high, 83);
	tseg_run(&high, &v_slt_high, t, 0);
	tseg_init(&low, 84);
	tseg_run(&low, &v_slt, t, 0);
	INT_EQ(synth(ts, 5, 2, 0), 0, "flite prosody: synth_run succeeds");
	struct seg_audio x[5] = {{0}};
	for (int i = 0; i < 5; i++)
		segcache_read(ts[i]->path, &x[i]);
	/* cmu_us_rms speaks 193 words a minute of its own; 120 asked for. */
	double stretch = (double)x[1].nsamples / x[0].nsamples;
	OK(stretch > 1.4 && stretch < 1.8, "flite prosody: rate 120 stretches the audio (x%.2f)", stretch);
	double vol = (double)peak(x[2].samples, x[2].nsamples) / peak(x[0].samples, x[0].nsamples);
	OK(x[2].nsamples == x[0].nsamples && fabs(vol - 0.5) < 0.01,
	   "flite prosody: volume -50%% halves the audio (x%.3f)", vol);
	OK(x[3].nsamples > 0 && (x[3].nsamples != x[4].nsamples ||
	   memcmp(x[3].samples, x[4].samples, x[3].nsamples * 2) != 0),
	   "flite prosody: pitch changes cmu_us_slt's sound");
	struct run r = {.voice = &v_rms, .pro = {.pitch = 10}};
	INT_EQ(synth_run_cannot(&r), SYNTH_CANNOT_PITCH, "cmu_us_rms cannot change its pitch");
	r.voice = &v_slt;
	INT_EQ(synth_run_cannot(&r), 0, "cmu_us_slt can");
	r.pro = (struct prosody){.whisper = 1, .range = 20};
	INT_EQ(synth_run_cannot(&r), SYNTH_CANNOT_WHISPER | SYNTH_CANNOT_RANGE,
	       "no Flite voice whispers or changes its range");
	r.voice = &v_host;
	INT_EQ(synth_run_cannot(&r), 0, "espeak-ng does all of it");
	for (int i = 0; i < 5; i++) {
		seg_audio_clear(&x[i]);
		free(ts[i]->path);
	}
}

/* espeak-ng phonemes as CMU phones, and the voice check. */
static void test_flite_check(void)
{
	static const struct {
		const char *es, *cmu;
	} map[] = {
		{"gl'aIksn3", "g l ay1 k s n er0"},
		{"d'eIm0n", "d ey1 m aa0 n"},
		{"k,0nfIg'eIS@n", "k aa2 n f ih0 g ey1 sh ah0 n"},
		{"tSi:z", "ch iy1 z"},
		{"'eI", "ey1"},   /* the letter A */
		{"", NULL},
		{"q", NULL},
	};
	for (size_t i = 0; i < ARRAY_LEN(map); i++) {
		char *got = flite_map_phonemes(map[i].es, strlen(map[i].es));
		if (map[i].cmu)
			OK(got && strcmp(got, map[i].cmu) == 0, "phonemes [[%s]] are \"%s\" (got \"%s\")",
			   map[i].es, map[i].cmu, got ? got : "(null)");
		else
			OK(got == NULL, "phonemes [[%s]] cannot be mapped", map[i].es);
		free(got);
	}
	struct voice vv[3] = {v_host, v_rms, v_fbad};
	vv[2].file = "voices/fbad.voice";
	vv[2].voice_line = 2;
	struct voiceset vs = {.v = vv, .n = 3};
	struct engine_facts e = {0};
	int errors = diag_count(DIAG_ERROR);
	INT_EQ(synth_engine_open(&vs, NULL, &e), -1, "an unknown Flite voice fails the check");
	INT_EQ(diag_count(DIAG_ERROR) - errors, 1, "one error, for it");
	STR_EQ(e.flite_version ? e.flite_version : "", "2.2", "Flite's version is a fact");
	vs.n = 2;
	INT_EQ(synth_engine_open(&vs, NULL, &e), 0, "cmu_us_rms is there");
}

static void rm_tree(const char *d)
{
	DIR *dd = opendir(d);
	if (dd == NULL)
		return;
	struct dirent *e;
	while ((e = readdir(dd))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = path_join(d, e->d_name);
		if (unlink(p) != 0)
			rm_tree(p);
		free(p);
	}
	closedir(dd);
	rmdir(d);
}

/*
 * The piece time limit is processor time: a piece that sleeps twice its
 * limit without using the processor (as a piece does that waits for a
 * processor on a loaded machine) is not split, and its segment's bytes are
 * the same as when it does not sleep. A child that blocks for good is
 * caught by the wall-clock backstop: its segment fails, nothing is cached
 * (never the split audio), and the other segment is unharmed.
 */
static void test_cpu_limit(void)
{
	const char *text = "alpha beta SLEEPY gamma. delta epsilon.";
	struct tseg ref, slow, *rs[1] = {&ref}, *ss[1] = {&slow};
	tseg_init(&ref, 50);
	tseg_run(&ref, &v_host, text, 0);
	tseg_init(&slow, 51);
	tseg_run(&slow, &v_host, text, 0);
	INT_EQ(synth(rs, 1, 1, 1.0), 0, "reference, without the sleep");
	int warnings = diag_count(DIAG_WARNING);
	setenv("PODSYNTH_TEST_SLEEP", "SLEEPY", 1);
	double t0 = now_seconds();
	INT_EQ(synth(ss, 1, 1, 1.0), 0, "a piece that sleeps 2 s on a 1 s processor limit");
	double took = now_seconds() - t0;
	unsetenv("PODSYNTH_TEST_SLEEP");
	OK(took >= 2.0, "...it did sleep (%.1f s)", took);
	INT_EQ(slow.job.dropped_words + slow.job.failed, 0, "...is not split: no word dropped");
	INT_EQ(diag_count(DIAG_WARNING) - warnings, 0, "...and no warning");
	OK(same_bytes(ref.path, slow.path), "...its cache file is byte-identical to the reference");

	struct tseg blk, other;
	tseg_init(&blk, 52);
	tseg_run(&blk, &v_host, "alpha beta BLOCKME gamma.", 0);
	tseg_init(&other, 53);
	tseg_run(&other, &v_host, "Meanwhile, another segment is spoken.", 0);
	int errors = diag_count(DIAG_ERROR);
	warnings = diag_count(DIAG_WARNING);
	setenv("PODSYNTH_TEST_BLOCK", "BLOCKME", 1);
	setenv("PODSYNTH_STALL_TIMEOUT", "4", 1);  /* (room for valgrind) */
	struct synth_job jobs[2] = {blk.job, other.job};
	struct synth_opts o = {.jobs = 2, .timeout = 1.0};
	int r = synth_run(jobs, 2, &o);
	unsetenv("PODSYNTH_TEST_BLOCK");
	unsetenv("PODSYNTH_STALL_TIMEOUT");
	INT_EQ(r, -1, "a blocked piece: synth_run fails");
	INT_EQ(jobs[0].failed, 1, "...its job failed");
	INT_EQ(jobs[0].dropped_words, 0, "...without splitting it or dropping words");
	OK(access(blk.path, F_OK) != 0, "...and nothing cached for it");
	INT_EQ(diag_count(DIAG_ERROR) - errors, 1, "...one error");
	INT_EQ(diag_count(DIAG_WARNING) - warnings, 0, "...no warning");
	INT_EQ(jobs[1].failed + jobs[1].dropped_words, 0, "...the other segment is unharmed");
	OK(access(other.path, F_OK) == 0, "...and cached");
	free(ref.path);
	free(slow.path);
	free(blk.path);
	free(other.path);
}

/*
 * A piece child killed from outside (SIGKILL here; the OOM killer, an
 * operator) says nothing about its text: its segment fails, nothing is
 * cached (never the split audio), the other segment is unharmed, and the
 * next run speaks it whole, byte for byte as a clean one. A child killed
 * part-way through its answer fails the same way at once, not at the
 * wall-clock backstop.
 */
static void test_killed(const char *hook, int id)
{
	const char *text = "alpha beta KILLME gamma. delta epsilon.";
	struct tseg ref, k, other, *rs[1] = {&ref}, *ks[1] = {&k};
	tseg_init(&ref, id);
	tseg_run(&ref, &v_host, text, 0);
	OK(synth(rs, 1, 1, 1.0) == 0, "%s: the reference, without the hook", hook);
	tseg_init(&k, id + 1);
	tseg_run(&k, &v_host, text, 0);
	tseg_init(&other, id + 2);
	tseg_run(&other, &v_host, "Meanwhile, another segment is spoken.", 0);
	int errors = diag_count(DIAG_ERROR);
	int warnings = diag_count(DIAG_WARNING);
	setenv(hook, "KILLME", 1);
	setenv("PODSYNTH_STALL_TIMEOUT", "60", 1);
	struct synth_job jobs[2] = {k.job, other.job};
	struct synth_opts o = {.jobs = 2, .timeout = 5.0};
	double t0 = now_seconds();
	int r = synth_run(jobs, 2, &o);
	double took = now_seconds() - t0;
	unsetenv(hook);
	unsetenv("PODSYNTH_STALL_TIMEOUT");
	OK(r == -1, "%s: a killed piece child: synth_run fails (%d)", hook, r);
	INT_EQ(jobs[0].failed, 1, "...its job failed");
	INT_EQ(jobs[0].dropped_words, 0, "...without splitting it or dropping words");
	OK(access(k.path, F_OK) != 0, "...and nothing cached for it");
	INT_EQ(diag_count(DIAG_ERROR) - errors, 1, "...one error");
	INT_EQ(diag_count(DIAG_WARNING) - warnings, 0, "...no warning");
	OK(took < 30.0, "...at once, not at the 60 s backstop (%.1f s)", took);
	INT_EQ(jobs[1].failed + jobs[1].dropped_words, 0, "...the other segment is unharmed");
	OK(access(other.path, F_OK) == 0, "...and cached");

	OK(synth(ks, 1, 1, 1.0) == 0, "%s: the next run, without the hook", hook);
	OK(same_bytes(ref.path, k.path), "...caches the bytes of a clean run");
	free(ref.path);
	free(k.path);
	free(other.path);
}

/* The largest resident size (KiB) among this process's children now. */
static long children_rss_max;
static void measure_children(void *ud, int done, int total)
{
	(void)ud;
	(void)done;
	(void)total;
	DIR *d = opendir("/proc");
	struct dirent *de;
	long page = sysconf(_SC_PAGESIZE) / 1024;
	while (d != NULL && (de = readdir(d)) != NULL) {
		char path[64], buf[512];
		long pid = strtol(de->d_name, NULL, 10);
		if (pid <= 0)
			continue;
		snprintf(path, sizeof path, "/proc/%ld/stat", pid);
		FILE *f = fopen(path, "r");
		size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
		if (f)
			fclose(f);
		buf[n] = '\0';
		const char *rp = strrchr(buf, ')');
		int ppid = 0;
		if (rp == NULL || sscanf(rp + 2, "%*c %d", &ppid) != 1 || ppid != getpid())
			continue;
		snprintf(path, sizeof path, "/proc/%ld/statm", pid);
		long size = 0, rss = 0;
		f = fopen(path, "r");
		if (f != NULL && fscanf(f, "%ld %ld", &size, &rss) == 2 && rss * page > children_rss_max)
			children_rss_max = rss * page;
		if (f)
			fclose(f);
	}
	if (d)
		closedir(d);
}

/*
 * Workers forked early (synth_pool_new) do not carry what this process
 * allocated afterwards: with 48 MiB touched after the pool was made, the
 * run's workers stay small, while workers forked by the run itself hold
 * the 48 MiB too; the audio is the same either way. A pool that no run
 * takes, or one smaller than the run, leaves no process behind.
 */
static void test_pool(void)
{
	enum { BALLAST = 48 << 20 };
	const char *texts[2] = {"The pool's workers speak this.", "And this, in a second job."};
	struct tseg t[2], u[2];
	for (int i = 0; i < 2; i++) {
		tseg_init(&t[i], 80 + i);
		tseg_run(&t[i], &v_host, texts[i], 0);
		tseg_init(&u[i], 80 + i);
		tseg_run(&u[i], &v_host, texts[i], 0);
	}
	struct synth_pool *pool = synth_pool_new(2);
	OK(pool != NULL, "synth_pool_new");
	char *ballast = xmalloc(BALLAST);
	memset(ballast, 1, BALLAST);  /* resident in this process from now on */

	struct synth_job jobs[2] = {t[0].job, t[1].job};
	struct synth_opts o = {.jobs = 2, .pool = pool, .progress = measure_children};
	children_rss_max = 0;
	INT_EQ(synth_run(jobs, 2, &o), 0, "a run with the pool's workers");
	long with_pool = children_rss_max;
	struct synth_job ujobs[2] = {u[0].job, u[1].job};
	struct synth_opts uo = {.jobs = 2, .progress = measure_children};
	children_rss_max = 0;
	INT_EQ(synth_run(ujobs, 2, &uo), 0, "the same run with workers of its own");
	long without = children_rss_max;
	OK(with_pool > 0 && without - with_pool > (BALLAST >> 10) * 3 / 4,
	   "...the pool's workers do not hold the memory allocated after them "
	   "(largest worker %ld KiB, %ld KiB without the pool)", with_pool, without);
	int same = 0;
	for (int i = 0; i < 2; i++)
		same += same_bytes(t[i].path, u[i].path);
	INT_EQ(same, 2, "...the same bytes with and without the pool");
	INT_EQ(synth_run(jobs, 2, &o), 0, "a second run with the pool, now empty, forks its own");
	synth_pool_free(&pool);
	OK(pool == NULL, "synth_pool_free sets the pointer to NULL");
	free(ballast);

	pool = synth_pool_new(3);   /* never taken */
	synth_pool_drain(pool);     /* a build whose segments were all cached */
	errno = 0;
	OK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "a drained pool leaves no process");
	o.pool = pool;
	INT_EQ(synth_run(jobs, 2, &o), 0, "...and a run after it forks its own");
	synth_pool_free(&pool);
	errno = 0;
	OK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "an unused pool leaves no process");
	pool = synth_pool_new(1);   /* smaller than the run */
	o.pool = pool;
	o.progress = NULL;
	INT_EQ(synth_run(jobs, 2, &o), 0, "a pool of one in a run of two");
	synth_pool_free(&pool);
	errno = 0;
	OK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "...and no process left");
	for (int i = 0; i < 2; i++) {
		free(t[i].path);
		free(u[i].path);
	}
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("not ok - mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	struct voice two[2] = {v_host, v_guest};
	struct voiceset vs = {.v = two, .n = 2};
	INT_EQ(synth_engine_open(&vs, NULL, &eng), 0, "synth_engine_open: the voices exist");
	OK(eng.version && strlen(eng.version) > 0, "engine version \"%s\"", eng.version);
	INT_EQ(eng.rate, 22050, "engine rate");
	int fds = count_fds();
	test_basic();
	test_many_and_determinism();
	test_many_voices();
	test_pool();
	test_bad_word("PODSYNTH_TEST_CRASH", "CRASHME", 0, &v_host);
	test_bad_word("PODSYNTH_TEST_HANG", "HANGME", 0.5, &v_host);
	test_cpu_limit();
	test_killed("PODSYNTH_TEST_KILL", 60);
	test_killed("PODSYNTH_TEST_KILL_ANSWER", 63);
	test_killed("PODSYNTH_TEST_TERM", 66);
	test_errors();
	test_voices();
	test_flite();
	test_hints(&v_host, "espeak-ng");
	test_hints(&v_rms, "flite");
	test_flite_prosody();
	test_bad_word("PODSYNTH_TEST_CRASH", "CRASHME", 0, &v_rms);
	test_flite_check();
	/* Flite spoke in the workers; its voices' libraries were opened there
	   (synth_flite.c), never in this process. */
	size_t ml = 0;
	char *maps = read_file("/proc/self/maps", &ml);
	OK(maps != NULL && strstr(maps, "libflite_cmu_us_") == NULL,
	   "the CMU voices' libraries are not loaded in the parent");
	free(maps);
	INT_EQ(count_fds(), fds, "no file descriptors leaked");
	errno = 0;
	OK(waitpid(-1, NULL, WNOHANG) < 0 && errno == ECHILD, "every worker was reaped");
	rm_tree(dir);
	return harness_done();
}
