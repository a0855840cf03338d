/*
 * chunkbench.c: the codec layer's figures for `make bench` (scripts/bench).
 *
 * In: a length in minutes; the timeline is speech-like items (speechlike.h)
 * of 8 to 24 s, each with a pause of 0.4 to 0.9 s rounded up so that every
 * item starts on the format's frame grid (as render.c is to lay items out
 * when it adopts chunks: then an edit moves the items after it by whole
 * frames, and their chunks stay valid). "edit" changes the middle item: new
 * sound, 2.7 s longer.
 *
 *   chunkbench wav mp3|opus MINUTES RATE OUT.wav [edit]
 *       the timeline (on that format's grid) as 16-bit WAV, for the
 *       command-line encoders (the floor)
 *   chunkbench build mp3|opus MINUTES RATE KBPS JOBS CACHEDIR OUT [edit]
 *       encodes the chunks missing from CACHEDIR on JOBS threads, each
 *       decoded and measured (chunk_measure) on its thread before it is
 *       stored, then assembles OUT from the cache (temporary file, renamed)
 *       and combines the file's loudness and true peak from the chunks'
 *
 * Out: one line of figures on standard output: chunks encoded, encode and
 * assembly wall and CPU seconds (the CPU seconds spent measuring apart),
 * the file's loudness and true peak.
 */
#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "codec/chunk.h"
#include "codec/chunkcache.h"
#include "codec/chunkjobs.h"
#include "codec/chunkmeter.h"
#include "codec/mp3asm.h"
#include "codec/oggasm.h"
#include "../unit/speechlike.h"
#include "core/util.h"

struct item {
	uint32_t seed;
	int64_t start, length, pause;
};

struct bench {
	struct chunk_params p;
	int rate;
	struct item *it;
	int n;
	int64_t total;
	const char *cache;
	int *todo;      /* items to encode */
	int ntodo;
	double *measure_cpu; /* per item to encode: thread CPU s in chunk_measure */
	double lufs, tp;     /* combined from the chunks */
};

static uint32_t mix(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	return x ^ (x >> 16);
}

static void layout(struct bench *b, double minutes, int64_t unit, int edit)
{
	int64_t want = (int64_t)(minutes * 60 * b->rate);
	int cap = 16;
	b->it = xcalloc((size_t)cap, sizeof *b->it);
	for (int64_t t = 0; t < want; b->n++) {
		if (b->n == cap) {
			cap *= 2;
			b->it = xreallocarray(b->it, (size_t)cap, sizeof *b->it);
		}
		struct item *it = &b->it[b->n];
		uint32_t h = mix((uint32_t)b->n + 1);
		it->seed = (uint32_t)b->n + 1;
		int64_t speech = (int64_t)((8 + (h % 1600) / 100.0) * b->rate);
		it->pause = (int64_t)((0.4 + (h >> 16) % 50 / 100.0) * b->rate);
		it->start = t;
		it->length = speech + it->pause;
		t += it->length;
	}
	int mid = b->n / 2;
	if (edit) {
		b->it[mid].seed += 1000000;
		b->it[mid].length += (int64_t)(2.7 * b->rate);
	}
	b->total = 0;
	for (int i = 0; i < b->n; i++) {
		struct item *it = &b->it[i];
		/* The pause grows to the next frame boundary. */
		int64_t r = it->length % unit;
		if (r && i < b->n - 1) {
			it->length += unit - r;
			it->pause += unit - r;
		}
		it->start = b->total;
		b->total += it->length;
	}
}

static float *item_pcm(const struct bench *b, int i)
{
	const struct item *it = &b->it[i];
	float *x = xmalloc((size_t)it->length * sizeof *x);
	speechlike(it->seed, x, it->length, it->pause, b->rate, 1);
	return x;
}

static void item_span(const struct bench *b, int i, struct chunk_span *s)
{
	chunk_span_make(&b->p, b->it[i].start, b->it[i].length, i == 0, i == b->n - 1, s);
}

static char *item_path(const struct bench *b, int i)
{
	struct chunk_span s;
	item_span(b, i, &s);
	char id[64], key[33];
	snprintf(id, sizeof id, "speechlike %u %lld", b->it[i].seed, (long long)b->it[i].pause);
	chunk_key(&b->p, &s, id, key);
	return xasprintf("%s/%s.chunk", b->cache, key);
}

static int job_get(void *ud, int k, struct chunk_span *s, float **pcm)
{
	struct bench *b = ud;
	item_span(b, b->todo[k], s);
	*pcm = item_pcm(b, b->todo[k]);
	return 0;
}

static double thread_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int job_done(void *ud, int k, struct chunk *c)
{
	struct bench *b = ud;
	double t0 = thread_cpu();
	int m = chunk_measure(c);
	b->measure_cpu[k] = thread_cpu() - t0;
	if (m != CHUNK_OK) {
		fprintf(stderr, "chunkbench: measuring chunk %d: %s\n", b->todo[k], chunk_strerror(m));
		chunk_free(&c);
		return -1;
	}
	char *path = item_path(b, b->todo[k]);
	int r = chunkcache_write(path, c) == CHUNKCACHE_OK ? 0 : -1;
	free(path);
	chunk_free(&c);
	return r;
}

struct out {
	FILE *f;
};

static int o_write(void *ud, const unsigned char *p, size_t n)
{
	return fwrite(p, 1, n, ((struct out *)ud)->f) == n ? 0 : -1;
}

static int o_rewrite(void *ud, uint64_t off, const unsigned char *p, size_t n)
{
	FILE *f = ((struct out *)ud)->f;
	if (fseeko(f, (off_t)off, SEEK_SET) != 0 || fwrite(p, 1, n, f) != n)
		return -1;
	return fseeko(f, 0, SEEK_END);
}

static double cpu_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int assemble(struct bench *b, const char *out_path)
{
	char *tmp = tmp_path_for(out_path);
	struct out o = {fopen(tmp, "w+b")};
	int err = CHUNK_WRITE_FAILED, r;
	if (o.f == NULL)
		goto done;
	static const struct mp3asm_callbacks mcb = {o_write, o_rewrite};
	static const struct oggasm_callbacks ocb = {o_write};
	struct mp3asm *m = NULL;
	struct oggasm *g = NULL;
	if (b->p.format == CHUNK_MP3) {
		m = mp3asm_new(&mcb, &o, &b->p, b->total, NULL, 0, &err);
	} else {
		const char *com[1] = {"TITLE=chunk bench"};
		size_t tl;
		unsigned char *tags = oggasm_tags("podsynth", com, 1, &tl);
		g = oggasm_new(&ocb, &o, &b->p, b->total, 0x62656e63u, tags, tl, &err);
		free(tags);
	}
	if (m == NULL && g == NULL)
		goto done;
	struct chunk_loud *loud = chunk_loud_new(&b->p, b->total);
	for (int i = 0; i < b->n; i++) {
		char *path = item_path(b, i);
		struct chunk *c = NULL;
		enum chunkcache_err ce = chunkcache_read(path, &c);
		free(path);
		if (ce != CHUNKCACHE_OK) {
			fprintf(stderr, "chunkbench: chunk %d: %s\n", i, chunkcache_strerror(ce));
			err = CHUNK_MISMATCH;
			break;
		}
		r = m ? mp3asm_add(m, c) : oggasm_add(g, c);
		if (r == CHUNK_OK)
			r = chunk_loud_add(loud, c->fig);
		chunk_free(&c);
		if ((err = r) != CHUNK_OK)
			break;
	}
	if (err == CHUNK_OK)
		err = m ? mp3asm_finish(m) : oggasm_finish(g);
	b->lufs = chunk_loud_lufs(loud);
	b->tp = chunk_loud_true_peak(loud);
	chunk_loud_free(&loud);
	mp3asm_free(&m);
	oggasm_free(&g);
done:
	if (o.f != NULL && fclose(o.f) != 0 && err == CHUNK_OK)
		err = CHUNK_WRITE_FAILED;
	if (err == CHUNK_OK && commit_tmp(tmp, out_path) != 0)
		err = CHUNK_WRITE_FAILED;
	if (err != CHUNK_OK)
		unlink(tmp);
	free(tmp);
	return err;
}

static int write_wav(struct bench *b, const char *path)
{
	SF_INFO info = {.samplerate = b->rate, .channels = 1,
			.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
	SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
	if (sf == NULL)
		return -1;
	int r = 0;
	for (int i = 0; i < b->n && r == 0; i++) {
		float *x = item_pcm(b, i);
		if (sf_writef_float(sf, x, b->it[i].length) != b->it[i].length)
			r = -1;
		free(x);
	}
	return sf_close(sf) == 0 ? r : -1;
}

static int64_t unit_of(const struct chunk_params *p)
{
	return p->format == CHUNK_MP3 ? chunk_mp3_framesize(p->rate) : p->rate / 50;
}

int main(int argc, char **argv)
{
	struct bench b = {0};
	int wav = argc >= 6 && strcmp(argv[1], "wav") == 0;
	if (!wav && (argc < 9 || strcmp(argv[1], "build") != 0)) {
		fprintf(stderr, "usage: chunkbench wav mp3|opus MINUTES RATE OUT.wav [edit]\n"
				"       chunkbench build mp3|opus MINUTES RATE KBPS JOBS CACHEDIR OUT [edit]\n");
		return 2;
	}
	b.rate = atoi(argv[4]);
	b.p = (struct chunk_params){strcmp(argv[2], "opus") == 0 ? CHUNK_OPUS : CHUNK_MP3, b.rate,
				    1, wav ? 64 : atoi(argv[5]), 0};
	int edit_arg = wav ? 6 : 9;
	layout(&b, atof(argv[3]), unit_of(&b.p), argc > edit_arg && strcmp(argv[edit_arg], "edit") == 0);
	if (wav)
		return write_wav(&b, argv[5]) == 0 ? 0 : 1;
	int jobs = atoi(argv[6]);
	b.cache = argv[7];
	mkdir_p(b.cache);
	b.todo = xcalloc((size_t)b.n, sizeof *b.todo);
	b.measure_cpu = xcalloc((size_t)b.n, sizeof *b.measure_cpu);
	for (int i = 0; i < b.n; i++) {
		char *path = item_path(&b, i);
		if (!file_exists(path))
			b.todo[b.ntodo++] = i;
		free(path);
	}
	double w0 = now_seconds(), c0 = cpu_seconds();
	static const struct chunk_job_callbacks cb = {job_get, job_done};
	int failed, r = chunk_encode_jobs(&b.p, b.ntodo, jobs, &cb, &b, &failed);
	double w1 = now_seconds(), c1 = cpu_seconds();
	if (r != CHUNK_OK) {
		fprintf(stderr, "chunkbench: item %d: %s\n", failed >= 0 ? b.todo[failed] : -1,
			chunk_strerror(r));
		return 1;
	}
	r = assemble(&b, argv[8]);
	double w2 = now_seconds(), c2 = cpu_seconds();
	if (r != CHUNK_OK) {
		fprintf(stderr, "chunkbench: assembling %s: %s\n", argv[8], chunk_strerror(r));
		return 1;
	}
	double mc = 0;
	for (int i = 0; i < b.ntodo; i++)
		mc += b.measure_cpu[i];
	printf("%s: %.1f min, %d items, encoded %d; encode %.2f s (cpu %.2f s, of which "
	       "measuring %.2f s: %.0f%% of encoding); assemble %.2f s (cpu %.2f s); "
	       "%.2f LUFS, %.2f dBTP from the chunks\n", argv[2], b.total / (60.0 * b.rate),
	       b.n, b.ntodo, w1 - w0, c1 - c0, mc, c1 - c0 - mc > 0 ? 100 * mc / (c1 - c0 - mc) : 0,
	       w2 - w1, c2 - c1, b.lufs, b.tp);
	free(b.measure_cpu);
	free(b.todo);
	free(b.it);
	return 0;
}
