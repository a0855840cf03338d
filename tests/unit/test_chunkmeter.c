/*
 * test_chunkmeter.c: chunks decoded and measured one by one
 * (chunkmeter.c), their figures combined, against the assembled file
 * decoded whole.
 *
 * A timeline of speech-like items (speechlike.h), each with its pause, is
 * encoded chunk by chunk on two threads, each chunk measured on the thread
 * that encoded it; the chunks are assembled in memory (mp3asm, oggasm) and
 * the file decoded whole as a player decodes it (libmpg123 with its
 * gapless trimming, libopusfile), then metered with loud_meter and with
 * libebur128 without its histogram. Checked: the combined integrated
 * loudness is loud_meter's within 0.05 LU and the exact figure's within
 * 0.005 LU, the combined true peak within 0.1 dB; a chunk with a damaged frame does not
 * measure; figures survive the chunk cache bit for bit, an old cache file
 * is not used; and the gating itself against libebur128's own integrated
 * figure on tones whose blocks are known.
 */
#include <ebur128.h>
#include <math.h>
#include <mpg123.h>
#include <opus/opusfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

#include "codec/chunk.h"
#include "codec/chunkcache.h"
#include "codec/chunkjobs.h"
#include "codec/chunkmeter.h"
#include "harness.h"
#include "audio/loudness.h"
#include "codec/mp3asm.h"
#include "codec/oggasm.h"
#include "speechlike.h"
#include "core/util.h"

#define NITEMS 7

static char dir[] = "/tmp/podsynth-test-chunkmeter.XXXXXX";

struct tl {
	int rate, ch;
	float *x;
	int64_t total;
	int n;
	int64_t start[NITEMS + 1];
};

static void tl_build(struct tl *t, int rate, int ch)
{
	static const double speech_s[NITEMS] = {2.1, 4.3, 1.2, 3.7, 2.9, 0.9, 3.3};
	static const double pause_s[NITEMS] = {0.5, 0.4, 0.7, 0.35, 0.6, 0.45, 0.5};
	memset(t, 0, sizeof *t);
	t->rate = rate;
	t->ch = ch;
	t->n = NITEMS;
	struct buf b = {0};
	for (int i = 0; i < NITEMS; i++) {
		t->start[i] = t->total;
		int64_t pause = (int64_t)(pause_s[i] * rate);
		int64_t n = (int64_t)(speech_s[i] * rate) + 53 * i + pause;
		float *item = xcalloc((size_t)(n * ch), sizeof *item);
		speechlike((uint32_t)(i + 11), item, n, pause, rate, ch);
		/* Items at different levels, as segments of different voices. */
		for (int64_t k = 0; k < n * ch; k++)
			item[k] *= (float)pow(10, (i % 3 - 1) * 3.0 / 20);
		buf_add(&b, item, (size_t)(n * ch) * sizeof *item);
		free(item);
		t->total += n;
	}
	t->start[NITEMS] = t->total;
	t->x = (float *)buf_detach(&b);
}

struct job {
	const struct chunk_params *p;
	const struct tl *t;
	struct chunk **out;
	double enc_cpu;
};

static int job_get(void *ud, int i, struct chunk_span *s, float **pcm)
{
	struct job *j = ud;
	int64_t a = j->t->start[i], b = j->t->start[i + 1];
	if (chunk_span_make(j->p, a, b - a, i == 0, i == j->t->n - 1, s) != 0)
		return -1;
	size_t n = (size_t)((b - a) * j->t->ch);
	*pcm = xmalloc(n * sizeof **pcm);
	memcpy(*pcm, j->t->x + a * j->t->ch, n * sizeof **pcm);
	return 0;
}

/* Measured where the render is to measure it: on the encoding thread. */
static int job_done(void *ud, int i, struct chunk *c)
{
	struct job *j = ud;
	int r = chunk_measure(c);
	if (r != CHUNK_OK)
		printf("# chunk %d: %s\n", i, chunk_strerror(r));
	j->out[i] = c;
	return r == CHUNK_OK ? 0 : -1;
}

static int mem_write(void *ud, const unsigned char *p, size_t n)
{
	buf_add(ud, p, n);
	return 0;
}

static int mem_rewrite(void *ud, uint64_t off, const unsigned char *p, size_t n)
{
	struct buf *b = ud;
	if (off + n > b->len)
		return -1;
	memcpy(b->data + off, p, n);
	return 0;
}

/* The file assembled from c[0..n) in memory. */
static int assemble(const struct chunk_params *p, int64_t total, struct chunk **c, int n,
		    struct buf *out)
{
	int err, r = CHUNK_OK;
	if (p->format == CHUNK_MP3) {
		static const struct mp3asm_callbacks cb = {mem_write, mem_rewrite};
		static const unsigned char id3[20] = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10};
		struct mp3asm *a = mp3asm_new(&cb, out, p, total, id3, sizeof id3, &err);
		if (a == NULL)
			return err;
		for (int i = 0; i < n && r == CHUNK_OK; i++)
			r = mp3asm_add(a, c[i]);
		if (r == CHUNK_OK)
			r = mp3asm_finish(a);
		mp3asm_free(&a);
	} else {
		static const struct oggasm_callbacks cb = {mem_write};
		const char *com[1] = {"TITLE=chunk meter test"};
		size_t tl;
		unsigned char *tags = oggasm_tags("podsynth", com, 1, &tl);
		struct oggasm *a = oggasm_new(&cb, out, p, total, 0x6d657472u, tags, tl, &err);
		free(tags);
		if (a == NULL)
			return err;
		for (int i = 0; i < n && r == CHUNK_OK; i++)
			r = oggasm_add(a, c[i]);
		if (r == CHUNK_OK)
			r = oggasm_finish(a);
		oggasm_free(&a);
	}
	return r;
}

/* Into loud_meter m, and libebur128 without its histogram (exact). */
static int meter_both(struct loud_meter *m, ebur128_state *st, const float *x, long n)
{
	return loud_meter_add(m, x, n) != 0 ||
	       ebur128_add_frames_float(st, x, (size_t)n) != EBUR128_SUCCESS ? -1 : 0;
}

/* The whole file decoded as a player decodes it, into m and st; frames in *n. */
static int decode_whole(const struct chunk_params *p, const struct buf *file,
			struct loud_meter *m, ebur128_state *st, int64_t *n)
{
	int r = -1, err;
	*n = 0;
	if (p->format == CHUNK_MP3) {
		/* libmpg123's own gapless trimming, from the Info frame. */
		mpg123_handle *mh = mpg123_new(NULL, &err);
		float *out = xmalloc(1152 * 2 * sizeof *out);
		if (mh == NULL || mpg123_param(mh, MPG123_ADD_FLAGS, MPG123_QUIET | MPG123_GAPLESS, 0) != MPG123_OK ||
		    mpg123_format_none(mh) != MPG123_OK ||
		    mpg123_format(mh, p->rate, p->channels == 1 ? MPG123_MONO : MPG123_STEREO,
				  MPG123_ENC_FLOAT_32) != MPG123_OK ||
		    mpg123_open_feed(mh) != MPG123_OK ||
		    mpg123_feed(mh, (const unsigned char *)file->data, file->len) != MPG123_OK)
			goto mp3_out;
		for (;;) {
			size_t bytes = 0;
			int e = mpg123_read(mh, (unsigned char *)out, 1152 * 2 * sizeof *out, &bytes);
			long k = (long)(bytes / sizeof *out / (size_t)p->channels);
			if (k > 0 && meter_both(m, st, out, k) != 0)
				goto mp3_out;
			*n += k;
			if (e == MPG123_NEED_MORE || e == MPG123_DONE)
				break;
			if (e != MPG123_OK && e != MPG123_NEW_FORMAT)
				goto mp3_out;
		}
		r = 0;
mp3_out:
		if (mh != NULL)
			mpg123_delete(mh);
		free(out);
		return r;
	}
	OggOpusFile *of = op_open_memory((const unsigned char *)file->data, file->len, &err);
	float *out = xmalloc(5760 * 2 * sizeof *out);
	if (of == NULL)
		goto opus_out;
	for (;;) {
		int k = op_read_float(of, out, 5760 * 2, NULL);
		if (k < 0)
			goto opus_out;
		if (k == 0)
			break;
		if (meter_both(m, st, out, k) != 0)
			goto opus_out;
		*n += k;
	}
	r = 0;
opus_out:
	if (of != NULL)
		op_free(of);
	free(out);
	return r;
}

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A copy of c with frame k's bytes passed to damage. */
static struct chunk *copy_chunk(const struct chunk *c)
{
	struct chunk *d = xcalloc(1, sizeof *d);
	*d = *c;
	d->fig = NULL;
	d->sizes = xmalloc((size_t)c->nframes * sizeof *d->sizes);
	memcpy(d->sizes, c->sizes, (size_t)c->nframes * sizeof *d->sizes);
	d->data = xmalloc(c->len);
	memcpy(d->data, c->data, c->len);
	return d;
}

static unsigned char *frame_at(struct chunk *c, uint32_t k)
{
	size_t off = 0;
	for (uint32_t i = 0; i < k; i++)
		off += c->sizes[i];
	return c->data + off;
}

static void test_damage(const struct chunk *c, const char *name)
{
	struct chunk *d = copy_chunk(c);
	uint32_t k = c->nframes / 2;
	unsigned char *f = frame_at(d, k);
	if (c->format == CHUNK_MP3) {
		f[0] = 0;
		f[1] = 0;       /* no frame sync */
		INT_EQ(chunk_measure(d), CHUNK_UNDECODABLE, "a frame without its sync does not measure");
		OK(d->fig == NULL, "%s: and leaves no figures", name);
		chunk_free(&d);
		d = copy_chunk(c);
		f = frame_at(d, k);
		f[2] ^= 0x10;   /* another bitrate: the frame's length is not its size */
		INT_EQ(chunk_measure(d), CHUNK_UNDECODABLE, "a frame of the wrong length does not measure");
	} else {
		/* Code 3, one 20 ms frame, padding longer than the packet. */
		f[0] = (unsigned char)(31 << 3 | 3);
		f[1] = 0x40 | 1;
		f[2] = 255;
		INT_EQ(chunk_measure(d), CHUNK_UNDECODABLE, "a packet libopus refuses does not measure");
		OK(d->fig == NULL, "and leaves no figures");
		chunk_free(&d);
		d = copy_chunk(c);
		f = frame_at(d, k);
		f[0] = (unsigned char)(30 << 3);   /* a 10 ms packet: off the grid */
		INT_EQ(chunk_measure(d), CHUNK_UNDECODABLE, "a packet of the wrong duration does not measure");
	}
	printf("# %s: damaged frame %u of %u\n", name, k, c->nframes);
	chunk_free(&d);
}

static int same_figures(const struct chunk_figures *a, const struct chunk_figures *b)
{
	return a && b && memcmp(&a->true_peak, &b->true_peak, sizeof a->true_peak) == 0 &&
	       memcmp(&a->sample_peak, &b->sample_peak, sizeof a->sample_peak) == 0 &&
	       a->rate == b->rate && a->unit == b->unit && a->decoded == b->decoded &&
	       a->nunits == b->nunits &&
	       memcmp(a->energy, b->energy, a->nunits * sizeof *a->energy) == 0;
}

static void test_cache(struct chunk *c, const char *name)
{
	char *path = xasprintf("%s/fig.chunk", dir);
	struct chunk *r = NULL;
	INT_EQ(chunkcache_write(path, c), CHUNKCACHE_OK, "write a measured chunk");
	INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_OK, "read it back");
	OK(r != NULL && same_figures(r->fig, c->fig), "%s: the figures survive the cache bit for bit "
	   "(%u units)", name, c->fig ? c->fig->nunits : 0);
	chunk_free(&r);

	/* The figures are under the checksum. */
	size_t len;
	unsigned char *d = (unsigned char *)read_file(path, &len);
	d[len - 8 - 4 * (c->fig->nunits / 2)] ^= 0x01;
	write_file_atomic(path, d, len);
	INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_CORRUPT, "a flipped bit in an energy is caught");
	free(d);

	/* Without figures: stored without, read back without. */
	struct chunk_figures *keep = c->fig;
	c->fig = NULL;
	INT_EQ(chunkcache_write(path, c), CHUNKCACHE_OK, "write an unmeasured chunk");
	INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_OK, "read it back");
	OK(r != NULL && r->fig == NULL && r->nframes == c->nframes, "it comes back without figures");
	chunk_free(&r);
	c->fig = keep;

	/* A version 1 file (the same layout without figures), sound otherwise. */
	d = (unsigned char *)read_file(path, &len);
	d[8] = 1;
	uint64_t h = XXH3_64bits(d, len - 8);
	for (int i = 0; i < 8; i++)
		d[len - 8 + i] = (unsigned char)(h >> (8 * i));
	write_file_atomic(path, d, len);
	INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_OLD, "an old version's chunk file is not used");
	OK(r == NULL, "and gives no chunk");
	free(d);
	unlink(path);
	free(path);
}

static void check_format(const struct chunk_params *p, const struct tl *t, const char *name)
{
	struct chunk **c = xcalloc((size_t)t->n, sizeof *c);
	struct job j = {p, t, c, 0};
	static const struct chunk_job_callbacks cb = {job_get, job_done};
	int failed;
	INT_EQ(chunk_encode_jobs(p, t->n, 2, &cb, &j, &failed), CHUNK_OK,
	       "encode and measure every chunk on 2 threads");
	for (int i = 0; i < t->n; i++)
		if (c[i] == NULL || c[i]->fig == NULL)
			goto done;
	/* Combined from the chunks. */
	struct chunk_loud *a = chunk_loud_new(p, t->total);
	int ok = a != NULL;
	int64_t decoded = 0;
	for (int i = 0; i < t->n && ok; i++) {
		ok = chunk_loud_add(a, c[i]->fig) == CHUNK_OK;
		decoded += (int64_t)c[i]->nframes * c[i]->frame_samples;
	}
	OK(ok, "%s: every chunk's figures added", name);
	INT_EQ(chunk_loud_frames(a), decoded, "the combiner counts every decoded frame");
	double lufs = chunk_loud_lufs(a), tp = chunk_loud_true_peak(a);

	/* The file, decoded whole. */
	struct buf file = {0};
	INT_EQ(assemble(p, t->total, c, t->n, &file), CHUNK_OK, "assemble the file in memory");
	int drate = p->format == CHUNK_MP3 ? p->rate : 48000;
	struct loud_meter *m = loud_meter_new(drate, p->channels, LOUD_PEAK_TRUE);
	ebur128_state *st = ebur128_init((unsigned)p->channels, (unsigned long)drate, EBUR128_MODE_I);
	int64_t n;
	INT_EQ(decode_whole(p, &file, m, st, &n), 0, "decode the whole file");
	int64_t want = p->format == CHUNK_MP3 ? t->total : (t->total * 48000 + p->rate / 2) / p->rate;
	INT_EQ(n, want, "the whole file decodes to the timeline's length");
	double wl = loud_meter_lufs(m), wt = loud_meter_peak(m), xl;
	ebur128_loudness_global(st, &xl);
	ebur128_destroy(&st);
	printf("# %s: chunks %.4f LUFS %.4f dBTP; whole file %.4f LUFS %.4f dBTP; "
	       "differences %+.4f LU %+.4f dB (%+.4f LU from libebur128 without its histogram)\n",
	       name, lufs, tp, wl, wt, lufs - wl, tp - wt, lufs - xl);
	OK(isfinite(lufs) && fabs(lufs - wl) <= 0.05, "%s: integrated loudness within 0.05 LU "
	   "(%+.4f)", name, lufs - wl);
	OK(fabs(lufs - xl) <= 0.005, "%s: within 0.005 LU of libebur128 without its histogram "
	   "(%+.4f)", name, lufs - xl);
	OK(isfinite(tp) && fabs(tp - wt) <= 0.1, "%s: true peak within 0.1 dB (%+.4f)", name, tp - wt);
	OK(chunk_loud_sample_peak(a) <= tp + 1e-9, "the sample peak is under the true peak");
	/* Measure again: the same figures (deterministic). */
	struct chunk_figures *f0 = c[1]->fig;
	c[1]->fig = NULL;
	INT_EQ(chunk_measure(c[1]), CHUNK_OK, "measure a chunk again");
	OK(same_figures(c[1]->fig, f0), "and get the same figures");
	chunk_figures_free(&f0);
	/* The figures follow the sound: a quarter of the energy, 6.02 LU down. */
	struct chunk_loud *q = chunk_loud_new(p, t->total);
	for (int i = 0; i < t->n; i++) {
		struct chunk_figures g = *c[i]->fig;
		g.energy = xmalloc(g.nunits * sizeof *g.energy);
		for (uint32_t k = 0; k < g.nunits; k++)
			g.energy[k] = c[i]->fig->energy[k] * 0.25f;
		chunk_loud_add(q, &g);
		free(g.energy);
	}
	double ql = chunk_loud_lufs(q);
	OK(fabs(ql - (lufs - 10 * log10(4))) < 1e-3, "a quarter of the energy reads 6.02 LU lower "
	   "(%.3f)", ql);
	chunk_loud_free(&q);

	/* What measuring costs beside encoding. */
	double t0 = cpu_now();
	for (int i = 0; i < t->n; i++)
		chunk_measure(c[i]);
	double t1 = cpu_now();
	for (int i = 0; i < t->n; i++) {
		struct chunk_span s;
		float *x;
		struct chunk *e = NULL;
		job_get(&j, i, &s, &x);
		chunk_encode(p, &s, x, &e);
		free(x);
		chunk_free(&e);
	}
	double t2 = cpu_now();
	printf("# %s: %.1f s of audio: measure %.3f s cpu, encode %.3f s cpu (%.0f%%)\n", name,
	       (double)t->total / t->rate, t1 - t0, t2 - t1, 100 * (t1 - t0) / (t2 - t1));

	test_damage(c[2], name);
	test_cache(c[3], name);
	loud_meter_free(&m);
	buf_free(&file);
	chunk_loud_free(&a);
done:
	for (int i = 0; i < t->n; i++)
		chunk_free(&c[i]);
	free(c);
}

/*
 * The gating against libebur128's: 1 kHz tones whose blocks are known, a
 * loud stretch, a quiet one under the relative gate, one under the
 * absolute gate, cut into pieces of odd lengths as chunks are.
 */
static void test_gating(void)
{
	static const struct {
		double db, s;
	} parts[] = {
		{-20, 6.03}, {-40, 4.51}, {-20, 2.22}, {-80, 3.1}, {-26, 5.07}, {-40, 1.3}, {-33, 2.5},
	};
	const int rate = 48000, ch = 2;
	const struct chunk_params p = {CHUNK_MP3, rate, ch, 128, 0};
	int64_t d = chunk_delay(&p), total = 0;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++)
		total += (int64_t)(parts[i].s * rate);
	/* The decoder's delay first, as a chunk's first frames have it. */
	float *x = xcalloc((size_t)((total + d) * ch), sizeof *x);
	int64_t at = d;
	for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
		int64_t n = (int64_t)(parts[i].s * rate);
		double a = pow(10, parts[i].db / 20);
		for (int64_t k = 0; k < n; k++, at++)
			for (int c = 0; c < ch; c++)
				x[at * ch + c] = (float)(a * sin(2 * M_PI * 1000 * (double)k / rate));
	}
	ebur128_state *st = ebur128_init(ch, rate, EBUR128_MODE_I);
	ebur128_add_frames_float(st, x + d * ch, (size_t)total);
	double want;
	ebur128_loudness_global(st, &want);
	ebur128_destroy(&st);

	static const double cut_s[] = {0.0731, 1.517, 3.3333, 0.401, 5.95, 2.019};
	struct chunk_loud *a = chunk_loud_new(&p, total);
	int64_t from = 0;
	int ok = 1;
	for (size_t i = 0; from < total + d; i++) {
		int64_t n = i < sizeof cut_s / sizeof *cut_s ? (int64_t)(cut_s[i] * rate) : total + d - from;
		if (n > total + d - from)
			n = total + d - from;
		struct chunk_figures *f = chunk_figures_of_pcm(x + from * ch, n, rate, ch);
		ok &= f != NULL && chunk_loud_add(a, f) == CHUNK_OK;
		chunk_figures_free(&f);
		from += n;
	}
	double got = chunk_loud_lufs(a);
	printf("# gating: combined %.4f LUFS, libebur128 %.4f LUFS (%+.5f)\n", got, want, got - want);
	OK(ok && fabs(got - want) <= 0.01, "tones in 7 pieces: libebur128's integrated loudness "
	   "within 0.01 LU (%+.5f)", got - want);
	OK(fabs(got - want) <= 0.01 && want > -24 && want < -21,
	   "the quiet parts are gated out (%.2f LUFS)", want);
	struct chunk_figures *one = chunk_figures_of_pcm(x, total + d, rate, ch);
	OK(one && fabs(one->sample_peak - (-20)) < 0.01, "the sample peak is the loud tone's (%.3f)",
	   one ? one->sample_peak : 0);
	chunk_figures_free(&one);
	chunk_loud_free(&a);

	/* Silence, and a file shorter than one block. */
	float z[4800 * 2] = {0};
	struct chunk_figures *f = chunk_figures_of_pcm(z, 4800, rate, ch);
	a = chunk_loud_new(&p, 4800 - d);
	chunk_loud_add(a, f);
	OK(chunk_loud_lufs(a) == -HUGE_VAL && chunk_loud_true_peak(a) == -HUGE_VAL &&
	   chunk_loud_sample_peak(a) == -HUGE_VAL, "silence: no loudness, no peak");
	INT_EQ(chunk_loud_add(a, NULL), CHUNK_MISMATCH, "a chunk without figures is refused");
	f->rate = 44100;
	INT_EQ(chunk_loud_add(a, f), CHUNK_MISMATCH, "figures at another rate are refused");
	chunk_figures_free(&f);
	chunk_loud_free(&a);
	free(x);
}

/* Chunk i of t in format p, encoded (not measured). */
static struct chunk *encode_item(const struct chunk_params *p, const struct tl *t, int i)
{
	struct job j = {p, t, NULL, 0};
	struct chunk_span s;
	float *x = NULL;
	struct chunk *c = NULL;
	if (job_get(&j, i, &s, &x) != 0 || chunk_encode(p, &s, x, &c) != CHUNK_OK)
		chunk_free(&c);
	free(x);
	return c;
}

/*
 * chunk_decode, then chunk_measure_finish of two chunks (their energies
 * from the two lanes of one filter when both are mono at one rate, else
 * one after another) or of one: the figures chunk_measure gives each
 * chunk alone, bit for bit; the true peak known after the first step.
 */
static void test_pairs(const struct chunk_params *pa, const struct chunk_params *pb,
		       const struct tl *t, const char *name)
{
	int same_all = 1, peaks = 1, alone = 1, n = 0;
	for (int i = 0; i < t->n; i++) {
		struct chunk *a = encode_item(pa, t, i), *b = encode_item(pb, t, i);
		struct chunk *ra = a ? copy_chunk(a) : NULL, *rb = b ? copy_chunk(b) : NULL;
		if (a == NULL || b == NULL || chunk_measure(ra) != CHUNK_OK ||
		    chunk_measure(rb) != CHUNK_OK) {
			same_all = 0;
			goto next;
		}
		struct chunk_decoded *da = NULL, *db = NULL;
		if (chunk_decode(a, &da) != CHUNK_OK || chunk_decode(b, &db) != CHUNK_OK) {
			chunk_decoded_free(&da);
			chunk_decoded_free(&db);
			same_all = 0;
			goto next;
		}
		peaks &= a->fig == NULL &&
			 memcmp(&(double){chunk_decoded_true_peak(da)}, &ra->fig->true_peak,
				sizeof(double)) == 0 &&
			 memcmp(&(double){chunk_decoded_true_peak(db)}, &rb->fig->true_peak,
				sizeof(double)) == 0;
		same_all &= chunk_measure_finish(da, db) == CHUNK_OK &&
			    same_figures(a->fig, ra->fig) && same_figures(b->fig, rb->fig);
		/* One alone (a first format whose partner was found in the
		 * cache), in a buffer reused from a longer chunk. */
		chunk_figures_free(&b->fig);
		alone &= chunk_decode(b, &da) == CHUNK_OK &&
			 chunk_measure_finish(da, NULL) == CHUNK_OK && same_figures(b->fig, rb->fig) &&
			 chunk_measure_finish(da, NULL) == CHUNK_BAD_ARG;
		chunk_decoded_free(&da);
		chunk_decoded_free(&db);
		n++;
next:
		chunk_free(&a);
		chunk_free(&b);
		chunk_free(&ra);
		chunk_free(&rb);
	}
	OK(same_all && n == t->n, "%s: %d pairs measured together: each chunk's figures are "
	   "chunk_measure's bit for bit", name, n);
	OK(peaks, "%s: the true peak is known after chunk_decode, chunk_measure's figure", name);
	OK(alone, "%s: a decoded chunk measured alone: chunk_measure's figures", name);
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	chunk_init();
	test_gating();
	struct tl t;
	tl_build(&t, 44100, 1);
	struct chunk_params mp3 = {CHUNK_MP3, 44100, 1, 64, 0};
	struct chunk_params opus = {CHUNK_OPUS, 44100, 1, 48, 0};
	check_format(&mp3, &t, "mp3-44k-mono");
	check_format(&opus, &t, "opus-44k-mono");
	free(t.x);
	tl_build(&t, 48000, 2);
	struct chunk_params mp3st = {CHUNK_MP3, 48000, 2, 128, 0};
	struct chunk_params opst = {CHUNK_OPUS, 48000, 2, 96, 0};
	check_format(&mp3st, &t, "mp3-48k-stereo");
	check_format(&opst, &t, "opus-48k-stereo");
	free(t.x);
	/* The MPEG-2 frame of 576 samples. */
	tl_build(&t, 22050, 1);
	struct chunk_params mp3lo = {CHUNK_MP3, 22050, 1, 32, 0};
	check_format(&mp3lo, &t, "mp3-22k-mono");
	free(t.x);
	/* Measured in pairs: MP3 and Opus of one group, as the render does. */
	tl_build(&t, 48000, 1);
	struct chunk_params mp3m = {CHUNK_MP3, 48000, 1, 64, 0};
	struct chunk_params opm = {CHUNK_OPUS, 48000, 1, 32, 0};
	test_pairs(&mp3m, &opm, &t, "pairs-48k-mono (two lanes)");
	free(t.x);
	tl_build(&t, 44100, 1);
	test_pairs(&mp3, &opus, &t, "pairs-44k-mono (MP3 at 44.1 kHz, Opus at 48: one by one)");
	free(t.x);
	tl_build(&t, 48000, 2);
	test_pairs(&mp3st, &opst, &t, "pairs-48k-stereo (one by one)");
	free(t.x);
	rmdir(dir);
	return harness_done();
}
