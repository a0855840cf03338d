/*
 * test_chunk.c: the codec layer (chunk.c, mp3chunk.c, opuschunk.c,
 * mp3asm.c, oggasm.c, chunkcache.c, chunkjobs.c).
 *
 * A timeline of six items, speech-like PCM (speechlike.h) and real
 * espeak-ng speech (`podsynth say`, resampled to 44.1 kHz), each followed by
 * its pause, is encoded chunk by chunk and assembled, for MP3 and Opus; and
 * encoded whole by the same encoder (one chunk for all), as the reference.
 * Checked: ffmpeg decodes the file without a message, mp3val and opusinfo
 * find nothing wrong; the decoded length is the timeline's to the sample
 * (MP3: the LAME tag's delay and padding trimmed by ffmpeg; Opus: pre-skip
 * and the last granule position; ffprobe sees the same signalling); the
 * loudness and true peak ffmpeg's ebur128 measures are the whole-file
 * encode's; the decoded audio is in time with the input (its error well
 * under the signal); around every boundary the chunked file
 * differs from the whole-file encode by less than the codec's own noise
 * (RMS of whole-file decode minus input); no jump between two samples near
 * a boundary is larger than the largest jump in the half second around
 * it; -j 1, -j 3 and a second run give the same bytes; assembling from
 * the chunk cache gives the same bytes; damaged cache files are refused.
 */
#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <soxr.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <opus/opus.h>
#include "codec/chunk.h"
#include "codec/chunkcache.h"
#include "codec/chunkjobs.h"
#include "harness.h"
#include "codec/mp3asm.h"
#include "codec/oggasm.h"
#include "speechlike.h"
#include "core/util.h"

#define RATE 44100
#define NITEMS 6

static char dir[] = "/tmp/podsynth-test-chunk.XXXXXX";

/* The timeline: mono PCM and where each item starts. */
struct tl {
	int rate, ch;
	float *x;
	int64_t total;
	int n;
	int64_t start[NITEMS + 1];
};

/* Real speech: `podsynth say` at 22050 Hz, resampled to rate. */
static float *say(const char *text, int rate, int64_t *n)
{
	const char *ps = getenv("PODSYNTH") ? getenv("PODSYNTH") : "./podsynth";
	char *wav = xasprintf("%s/say.wav", dir);
	char *cmd = xasprintf("'%s' say -o '%s' '%s' >/dev/null 2>&1", ps, wav, text);
	float *out = NULL;
	*n = 0;
	if (system(cmd) != 0)
		goto done;
	SF_INFO info = {0};
	SNDFILE *sf = sf_open(wav, SFM_READ, &info);
	if (sf == NULL)
		goto done;
	float *in = xmalloc((size_t)info.frames * sizeof *in);
	sf_count_t got = sf_readf_float(sf, in, info.frames);
	sf_close(sf);
	size_t cap = (size_t)(got * rate / info.samplerate + 16), odone = 0;
	out = xcalloc(cap, sizeof *out);
	soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
	soxr_oneshot(info.samplerate, rate, 1, in, (size_t)got, NULL, out, cap, &odone,
		     &io, NULL, NULL);
	free(in);
	*n = (int64_t)odone;
done:
	free(cmd);
	free(wav);
	return out;
}

static void tl_build(struct tl *t, int rate, int ch, int real)
{
	static const char *lines[3] = {
		"The scheduler rework landed in the merge window at last.",
		"Forty two patches touched the memory manager this week.",
		"Testing is welcome before the next release candidate.",
	};
	static const double synth_s[3] = {2.5, 3.3, 1.7};
	static const double pause_s[NITEMS] = {0.5, 0.4, 0.35, 0.6, 0.3, 0.5};
	memset(t, 0, sizeof *t);
	t->rate = rate;
	t->ch = ch;
	t->n = NITEMS;
	struct buf b = {0};
	for (int i = 0; i < NITEMS; i++) {
		t->start[i] = t->total;
		int64_t pause = (int64_t)(pause_s[i] * rate), n;
		float *item;
		if (i % 2 == 1 && real) {
			float *sp = say(lines[i / 2], rate, &n);
			OK(sp != NULL && n > rate, "podsynth say made %lld samples of speech",
			   (long long)n);
			item = xcalloc((size_t)((n + pause) * ch), sizeof *item);
			for (int64_t k = 0; k < n; k++)
				for (int c = 0; c < ch; c++)
					item[k * ch + c] = sp ? sp[k] : 0;
			free(sp);
			n += pause;
		} else {
			n = (int64_t)(synth_s[i / 2] * rate) + 37 * i + pause;
			item = xcalloc((size_t)(n * ch), sizeof *item);
			speechlike((uint32_t)(i + 1), item, n, pause, rate, ch);
		}
		buf_add(&b, item, (size_t)(n * ch) * sizeof *item);
		free(item);
		t->total += n;
	}
	t->start[NITEMS] = t->total;
	t->x = (float *)buf_detach(&b);
}

/* Encoding all chunks through the job pool. */
struct job {
	const struct chunk_params *p;
	const struct tl *t;
	int whole;
	struct chunk **out;
};

static int job_get(void *ud, int i, struct chunk_span *s, float **pcm)
{
	struct job *j = ud;
	int64_t a = j->whole ? 0 : j->t->start[i];
	int64_t b = j->whole ? j->t->total : j->t->start[i + 1];
	if (chunk_span_make(j->p, a, b - a, j->whole || i == 0, j->whole || i == j->t->n - 1,
			    s) != 0)
		return -1;
	*pcm = xmalloc((size_t)((b - a) * j->t->ch) * sizeof **pcm);
	memcpy(*pcm, j->t->x + a * j->t->ch, (size_t)((b - a) * j->t->ch) * sizeof **pcm);
	return 0;
}

static int job_done(void *ud, int i, struct chunk *c)
{
	struct job *j = ud;
	j->out[i] = c;
	return 0;
}

struct fw {
	FILE *f;
};

static int fw_write(void *ud, const unsigned char *p, size_t n)
{
	return fwrite(p, 1, n, ((struct fw *)ud)->f) == n ? 0 : -1;
}

static int fw_rewrite(void *ud, uint64_t off, const unsigned char *p, size_t n)
{
	FILE *f = ((struct fw *)ud)->f;
	if (fseeko(f, (off_t)off, SEEK_SET) != 0 || fwrite(p, 1, n, f) != n)
		return -1;
	return fseeko(f, 0, SEEK_END);
}

static const unsigned char fake_id3[20] = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10};

/* Assembles chunks[0..n) into path; CHUNK_OK or an error. */
static int assemble(const struct chunk_params *p, const struct tl *t, struct chunk **c, int n,
		    const char *path)
{
	struct fw w = {fopen(path, "w+b")};
	if (w.f == NULL)
		return CHUNK_WRITE_FAILED;
	int err, r = CHUNK_OK;
	if (p->format == CHUNK_MP3) {
		static const struct mp3asm_callbacks cb = {fw_write, fw_rewrite};
		struct mp3asm *a = mp3asm_new(&cb, &w, p, t->total, fake_id3, sizeof fake_id3, &err);
		if (a == NULL) {
			r = err;
		} else {
			for (int i = 0; i < n && r == CHUNK_OK; i++)
				r = mp3asm_add(a, c[i]);
			if (r == CHUNK_OK)
				r = mp3asm_finish(a);
			mp3asm_free(&a);
		}
	} else {
		static const struct oggasm_callbacks cb = {fw_write};
		const char *com[1] = {"TITLE=chunk test"};
		size_t tl;
		unsigned char *tags = oggasm_tags("podsynth", com, 1, &tl);
		struct oggasm *a = oggasm_new(&cb, &w, p, t->total, 0x70647331u, tags, tl, &err);
		free(tags);
		if (a == NULL) {
			r = err;
		} else {
			for (int i = 0; i < n && r == CHUNK_OK; i++)
				r = oggasm_add(a, c[i]);
			if (r == CHUNK_OK)
				r = oggasm_finish(a);
			oggasm_free(&a);
		}
	}
	if (fclose(w.f) != 0 && r == CHUNK_OK)
		r = CHUNK_WRITE_FAILED;
	return r;
}

/* Encodes (whole: as one chunk) with jobs threads and assembles into path. */
static int encode_file(const struct chunk_params *p, const struct tl *t, int whole, int jobs,
		       const char *path, struct chunk ***keep)
{
	int n = whole ? 1 : t->n, failed;
	struct chunk **c = xcalloc((size_t)n, sizeof *c);
	struct job j = {p, t, whole, c};
	static const struct chunk_job_callbacks cb = {job_get, job_done};
	int r = chunk_encode_jobs(p, n, jobs, &cb, &j, &failed);
	if (r != CHUNK_OK)
		printf("# item %d: %s\n", failed, chunk_strerror(r));
	if (r == CHUNK_OK)
		r = assemble(p, t, c, n, path);
	if (keep != NULL && r == CHUNK_OK) {
		*keep = c;
		return r;
	}
	for (int i = 0; i < n; i++)
		chunk_free(&c[i]);
	free(c);
	return r;
}

static int same_file(const char *a, const char *b)
{
	size_t na, nb;
	char *da = read_file(a, &na), *db = read_file(b, &nb);
	int same = da && db && na == nb && memcmp(da, db, na) == 0;
	free(da);
	free(db);
	return same;
}

/* Runs cmd (its output into *out, the caller frees); returns its status. */
static int run(const char *cmd, char **out)
{
	FILE *f = popen(cmd, "r");
	struct buf b = {0};
	if (f == NULL)
		return -1;
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	int st = pclose(f);
	*out = buf_detach(&b);
	return st;
}

/* Decodes path with ffmpeg to mono float at rate (0: the file's own);
   the messages ffmpeg printed go to *msg. The caller frees both. */
static float *decode(const char *path, int rate, int64_t *n, char **msg)
{
	char *errf = xasprintf("%s/ffmpeg.err", dir);
	char ar[32] = "";
	if (rate)
		snprintf(ar, sizeof ar, "-ar %d", rate);
	char *cmd = xasprintf("ffmpeg -nostdin -v error -i '%s' -f f32le -ac 1 %s - 2>'%s'",
			      path, ar, errf);
	unlink(errf);
	struct buf b = {0};
	FILE *f = popen(cmd, "r");
	if (f) {
		char tmp[65536];
		size_t k;
		while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
			buf_add(&b, tmp, k);
		pclose(f);
	}
	size_t ml;
	*msg = read_file(errf, &ml);
	if (*msg == NULL)
		*msg = xstrdup("ffmpeg did not run");
	*n = (int64_t)(b.len / sizeof(float));
	unlink(errf);
	free(cmd);
	free(errf);
	return (float *)buf_detach(&b);
}

static double db(double rms)
{
	return rms > 0 ? 20 * log10(rms) : -200;
}

/* RMS of a - b over [from, to) (clipped to n). */
static double rms_diff(const float *a, const float *b, int64_t n, int64_t from, int64_t to)
{
	if (from < 0)
		from = 0;
	if (to > n)
		to = n;
	double s = 0;
	for (int64_t i = from; i < to; i++)
		s += ((double)a[i] - b[i]) * ((double)a[i] - b[i]);
	return to > from ? sqrt(s / (double)(to - from)) : 0;
}

static double max_jump(const float *a, int64_t n, int64_t from, int64_t to)
{
	if (from < 1)
		from = 1;
	if (to > n)
		to = n;
	double m = 0;
	for (int64_t i = from; i < to; i++)
		if (fabs((double)a[i] - a[i - 1]) > m)
			m = fabs((double)a[i] - a[i - 1]);
	return m;
}

/* Integrated loudness and true peak as ffmpeg's ebur128 filter measures. */
static int ebur128(const char *path, double *lufs, double *tp)
{
	char *cmd = xasprintf("ffmpeg -nostdin -hide_banner -nostats -i '%s' "
			      "-af ebur128=peak=true -f null - 2>&1", path);
	char *out;
	run(cmd, &out);
	free(cmd);
	char *sum = strstr(out, "Summary:");
	char *i = sum ? strstr(sum, "I:") : NULL, *pk = sum ? strstr(sum, "Peak:") : NULL;
	int ok = i && pk && sscanf(i, "I: %lf", lufs) == 1 && sscanf(pk, "Peak: %lf", tp) == 1;
	free(out);
	return ok ? 0 : -1;
}

static int tool_clean(const char *cmd, const char *what)
{
	char *out;
	int st = run(cmd, &out);
	int clean = st == 0 && strstr(out, "WARNING") == NULL && strstr(out, "ERROR") == NULL &&
		    strstr(out, "rror") == NULL;
	OK(clean, "%s finds nothing wrong", what);
	if (!clean)
		printf("# %s: status %d\n%s\n", what, st, out);
	free(out);
	return clean;
}

/* The whole set of checks for one format and setting. */
static void check_format(const struct chunk_params *p, const struct tl *t, const char *name,
			 int full)
{
	char *fa = xasprintf("%s/%s-j1.%s", dir, name, p->format == CHUNK_MP3 ? "mp3" : "opus");
	char *fb = xasprintf("%s/%s-j3.%s", dir, name, p->format == CHUNK_MP3 ? "mp3" : "opus");
	char *fc = xasprintf("%s/%s-again.%s", dir, name, p->format == CHUNK_MP3 ? "mp3" : "opus");
	char *fw = xasprintf("%s/%s-whole.%s", dir, name, p->format == CHUNK_MP3 ? "mp3" : "opus");
	char *fk = xasprintf("%s/%s-cache.%s", dir, name, p->format == CHUNK_MP3 ? "mp3" : "opus");
	struct chunk **c = NULL;
	int r = encode_file(p, t, 0, 1, fa, &c);
	INT_EQ(r, CHUNK_OK, "encode and assemble chunks with -j 1");
	if (r != CHUNK_OK)
		goto out;
	INT_EQ(encode_file(p, t, 0, 3, fb, NULL), CHUNK_OK, "encode and assemble with -j 3");
	OK(same_file(fa, fb), "%s: -j 1 and -j 3 give the same bytes", name);
	INT_EQ(encode_file(p, t, 0, 2, fc, NULL), CHUNK_OK, "encode and assemble again");
	OK(same_file(fa, fc), "%s: the same input twice gives the same bytes", name);

	/* Through the cache: write every chunk, read it back, assemble. */
	struct chunk *rc[NITEMS] = {0};
	int cache_ok = 1;
	for (int i = 0; i < t->n; i++) {
		struct chunk_span s;
		chunk_span_make(p, t->start[i], t->start[i + 1] - t->start[i], i == 0,
				i == t->n - 1, &s);
		char key[33];
		chunk_key(p, &s, name, key);
		char *path = xasprintf("%s/%s.chunk", dir, key);
		cache_ok &= chunkcache_write(path, c[i]) == CHUNKCACHE_OK;
		cache_ok &= chunkcache_read(path, &rc[i]) == CHUNKCACHE_OK;
		free(path);
	}
	OK(cache_ok, "%s: every chunk goes through the cache", name);
	if (cache_ok) {
		INT_EQ(assemble(p, t, rc, t->n, fk), CHUNK_OK, "assemble from the cache");
		OK(same_file(fa, fk), "%s: assembled from the cache, the same bytes", name);
	}
	for (int i = 0; i < t->n; i++)
		chunk_free(&rc[i]);

	/* The external tools. */
	char *cmd = p->format == CHUNK_MP3 ? xasprintf("mp3val '%s' 2>&1", fa)
					   : xasprintf("opusinfo '%s' 2>&1", fa);
	tool_clean(cmd, p->format == CHUNK_MP3 ? "mp3val" : "opusinfo");
	free(cmd);
	if (p->format == CHUNK_OPUS) {
		cmd = xasprintf("ogginfo '%s' 2>&1", fa);
		tool_clean(cmd, "ogginfo");
		free(cmd);
	}

	/* Duration, to the sample. */
	int64_t n_native;
	char *msg;
	float *nat = decode(fa, 0, &n_native, &msg);
	OK(msg[0] == '\0', "%s: ffmpeg decodes without a message%s%s", name, msg[0] ? ": " : "", msg);
	int64_t want = p->format == CHUNK_MP3 ? t->total
		       : (t->total * 48000 + p->rate / 2) / p->rate;
	INT_EQ(n_native, want, "decoded length is the timeline's to the sample");
	free(nat);
	free(msg);
	/* ffprobe reads the gapless signalling: MP3's start skip of 1105
	   samples from the LAME tag (as for lame's own files); for Opus it
	   gives the last granule position, pre-skip included, as the
	   duration (ffmpeg 5.1), which is the end of the timeline. */
	char *pc = xasprintf("ffprobe -v error -show_entries stream=start_time,duration "
			     "-of default=nw=1 '%s'", fa), *po;
	double st = -1, du = -1;
	run(pc, &po);
	char *q = strstr(po, "start_time=");
	if (q)
		st = atof(q + 11);
	q = strstr(po, "duration=");
	if (q)
		du = atof(q + 9);
	if (p->format == CHUNK_MP3)
		OK(fabs(st - 1105.0 / p->rate) < 1e-5, "%s: ffprobe: start skip %.6f s, the LAME "
		   "tag's delay", name, st);
	else
		OK(fabs(st) < 1e-9 && fabs(du - (want + chunk_opus_lookahead()) / 48000.0) < 1e-5,
		   "%s: ffprobe: start %.6f s, duration %.6f s: pre-skip + the timeline's", name, st,
		   du);
	free(po);
	free(pc);
	if (!full)
		goto out;
	INT_EQ(encode_file(p, t, 1, 1, fw, NULL), CHUNK_OK, "whole-file reference encode");

	/* Boundaries, against the whole-file encode and the input. */
	int64_t na, nw;
	char *ma, *mw;
	float *da = decode(fa, t->rate, &na, &ma), *dw = decode(fw, t->rate, &nw, &mw);
	int64_t n = na < nw ? na : nw;
	if (n > t->total)
		n = t->total;
	/* The input, mono (the decodes are downmixed the same way). */
	float *x = xmalloc((size_t)t->total * sizeof *x);
	for (int64_t i = 0; i < t->total; i++) {
		double s = 0;
		for (int k = 0; k < t->ch; k++)
			s += t->x[i * t->ch + k];
		x[i] = (float)(s / t->ch);
	}
	double noise = rms_diff(dw, x, n, 0, n);
	double noise_a = rms_diff(da, x, n, 0, n);
	float *zero = xcalloc((size_t)n, sizeof *zero);
	double level = rms_diff(x, zero, n, 0, n);
	free(zero);
	OK(noise_a < level / 2 && noise < level / 2, "%s: decoded in time with the input: "
	   "signal %.1f dBFS, error chunked %.1f, whole-file %.1f dBFS RMS", name, db(level),
	   db(noise_a), db(noise));
	double worst = 0, worst_jump_ratio = 0, mid = 0, pause_worst = 0, pause_whole = 0;
	int64_t u = p->format == CHUNK_MP3 ? chunk_mp3_framesize(p->rate) : p->rate / 50;
	int64_t d = chunk_delay(p);
	int jumps_ok = 1;
	for (int i = 1; i < t->n; i++) {
		struct chunk_span s;
		chunk_span_make(p, t->start[i], t->start[i + 1] - t->start[i], 0, i == t->n - 1, &s);
		int64_t b = s.k0 * u - d;  /* first sample the chunk's first frame decodes */
		double r = rms_diff(da, dw, n, b - p->rate / 10, t->start[i] + p->rate / 10);
		if (r > worst)
			worst = r;
		/* The pause itself, where the boundary is, up to the frame before the
		   item (which carries the pre-echo of its first sound): as quiet as
		   the whole-file encode there. */
		double qa = rms_diff(da, x, n, b - p->rate / 10, t->start[i] - u);
		double qw = rms_diff(dw, x, n, b - p->rate / 10, t->start[i] - u);
		if (qa > pause_worst)
			pause_worst = qa;
		if (qw > pause_whole)
			pause_whole = qw;
		double jc = max_jump(da, n, b - 2 * u, b + 2 * u);
		double jn = fmax(max_jump(da, n, b - p->rate / 2, b - 2 * u),
				 max_jump(da, n, b + 2 * u, b + p->rate / 2));
		if (jc > jn)
			jumps_ok = 0;
		if (jn > 0 && jc / jn > worst_jump_ratio)
			worst_jump_ratio = jc / jn;
		/* Mid-item: the same-sized window, a second into the item. */
		double m = rms_diff(da, dw, n, t->start[i] + p->rate, t->start[i] + p->rate * 13 / 10);
		if (m > mid)
			mid = m;
	}
	OK(worst < noise, "%s: around every boundary chunked vs whole-file %.1f dBFS RMS, "
	   "under the codec's own noise %.1f dBFS (mid-item chunked vs whole: %.1f dBFS)",
	   name, db(worst), db(noise), db(mid));
	OK(pause_worst <= 2 * pause_whole + 1e-5, "%s: in the pauses at the boundaries the "
	   "chunked file is as quiet as the whole-file encode (%.1f vs %.1f dBFS RMS)",
	   name, db(pause_worst), db(pause_whole));
	OK(jumps_ok, "%s: no click: the largest jump near a boundary is %.3f of the largest "
	   "in the half second around it", name, worst_jump_ratio);
	OK(ma[0] == '\0' && mw[0] == '\0', "%s: both decode without a message", name);
	double la, ta, lw, tw;
	int lok = ebur128(fa, &la, &ta) == 0 && ebur128(fw, &lw, &tw) == 0;
	OK(lok && fabs(la - lw) <= 0.1 && fabs(ta - tw) <= 0.3, "%s: ebur128: chunked %.1f LUFS "
	   "%.1f dBTP, whole-file %.1f LUFS %.1f dBTP", name, lok ? la : 0, lok ? ta : 0,
	   lok ? lw : 0, lok ? tw : 0);
	free(x);
	free(da);
	free(dw);
	free(ma);
	free(mw);
out:
	if (c) {
		for (int i = 0; i < t->n; i++)
			chunk_free(&c[i]);
		free(c);
	}
	unlink(fa);
	unlink(fb);
	unlink(fc);
	unlink(fw);
	unlink(fk);
	free(fa);
	free(fb);
	free(fc);
	free(fw);
	free(fk);
}

static void test_spans(void)
{
	static const struct chunk_params ps[2] = {{CHUNK_MP3, RATE, 1, 64, 0},
						  {CHUNK_OPUS, RATE, 1, 48, 0}};
	int64_t starts[5] = {0, 100000, 133333, 200001, 290000};
	int64_t total = 330017;
	for (int f = 0; f < 2; f++) {
		int64_t sum = 0, prev_end = 0;
		int fit = 1;
		for (int i = 0; i < 5; i++) {
			int64_t end = i < 4 ? starts[i + 1] : total;
			struct chunk_span s;
			fit &= chunk_span_make(&ps[f], starts[i], end - starts[i], i == 0, i == 4, &s) == 0;
			fit &= s.k0 == prev_end;
			prev_end = s.k0 + s.nframes;
			sum += s.nframes;
			fit &= i == 4 || (s.quiet_from > s.start && s.quiet_from < end);
		}
		int64_t want = f == 0 ? mp3asm_frames_for(&ps[f], total)
				      : (chunk_opus_lookahead() + (total * 48000 + RATE / 2) / RATE + 959) / 960;
		OK(fit, "%s spans follow one another frame after frame", f ? "opus" : "mp3");
		INT_EQ(sum, want, "their frames add up to the whole file's");
	}
	struct chunk_span s;
	struct chunk_params odd = {CHUNK_OPUS, 11025, 1, 32, 0};
	OK(chunk_span_make(&odd, 0, 1000, 1, 1, &s) != 0, "opus refuses a rate that is not a multiple of 50");
	OK(chunk_span_make(&ps[0], 500, 1000, 0, 0, &s) != 0, "an item too close to the start is refused");
}

static void test_not_quiet(void)
{
	struct chunk_params p = {CHUNK_MP3, RATE, 1, 64, 0};
	int64_t n = RATE;
	float *x = xcalloc((size_t)n, sizeof *x);
	speechlike(7, x, n, 0, RATE, 1);  /* speech to the last sample */
	struct chunk_span s;
	struct chunk *c = NULL;
	chunk_span_make(&p, 0, n, 1, 0, &s);
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_NOT_QUIET, "an item that ends in speech is refused");
	OK(c == NULL, "and gives no chunk");
	speechlike(7, x, n, RATE / 5, RATE, 1);  /* 200 ms of pause */
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_OK, "with a 200 ms pause it is a chunk");
	INT_EQ(c ? (int64_t)c->nframes : -1, s.nframes, "holding the span's frames");
	chunk_free(&c);
	x[n - 1] = 0.01f;
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_NOT_QUIET, "one loud sample in the pause is refused");
	p.format = CHUNK_OPUS;
	chunk_span_make(&p, 0, n, 1, 0, &s);
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_NOT_QUIET, "opus: the same");
	free(x);
}

/* The bandwidth every packet of an Opus chunk declares, or -1 if they differ. */
static int packets_bandwidth(const struct chunk *c)
{
	int bw = -2;
	const unsigned char *d = c->data;
	for (uint32_t i = 0; i < c->nframes; d += c->sizes[i++]) {
		int b = opus_packet_get_bandwidth(d);
		if (bw != -2 && b != bw)
			return -1;
		bw = b;
	}
	return bw;
}

/* A chunk whose content ends at 8 kHz is coded wideband, any other
 * superwideband; the cache key tells the two apart. */
static void test_bandwidth(void)
{
	struct chunk_params p = {CHUNK_OPUS, RATE, 1, 48, 0};
	int64_t n = RATE;
	float *x = xcalloc((size_t)n, sizeof *x);
	speechlike(11, x, n, RATE / 5, RATE, 1);
	struct chunk_span s;
	struct chunk *c = NULL;
	char k0[33], k1[33], k2[33];
	chunk_span_make(&p, 0, n, 1, 1, &s);
	chunk_key(&p, &s, "a", k0);
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_OK, "bandwidth: unknown content encodes");
	INT_EQ(c ? packets_bandwidth(c) : -3, OPUS_BANDWIDTH_SUPERWIDEBAND,
	       "unknown content: every packet superwideband");
	chunk_free(&c);
	p.top_hz = 11025;        /* espeak-ng's 22.05 kHz */
	chunk_key(&p, &s, "a", k1);
	STR_EQ(k1, k0, "22.05 kHz content keeps the superwideband key");
	p.top_hz = 8000;         /* a 16 kHz Flite voice */
	chunk_key(&p, &s, "a", k2);
	OK(strcmp(k2, k0) != 0, "16 kHz content has a key of its own");
	INT_EQ(chunk_encode(&p, &s, x, &c), CHUNK_OK, "bandwidth: 16 kHz content encodes");
	INT_EQ(c ? packets_bandwidth(c) : -3, OPUS_BANDWIDTH_WIDEBAND,
	       "16 kHz content: every packet wideband");
	chunk_free(&c);
	free(x);
}

static void test_cache_damage(const struct chunk_params *p, const struct tl *t)
{
	struct chunk_span s;
	chunk_span_make(p, 0, t->start[1], 1, 0, &s);
	struct chunk *c = NULL, *r = NULL;
	INT_EQ(chunk_encode(p, &s, t->x, &c), CHUNK_OK, "encode one chunk");
	if (c == NULL)
		return;
	char *path = xasprintf("%s/damage.chunk", dir);
	INT_EQ(chunkcache_write(path, c), CHUNKCACHE_OK, "write it to the cache");
	size_t len;
	char *d = read_file(path, &len);
	int same = 0;
	if (chunkcache_read(path, &r) == CHUNKCACHE_OK)
		same = r->nframes == c->nframes && r->len == c->len &&
		       memcmp(r->data, c->data, c->len) == 0 &&
		       memcmp(r->sizes, c->sizes, c->nframes * sizeof *c->sizes) == 0 &&
		       r->first == c->first && r->last == c->last && r->start_mod == c->start_mod;
	OK(same, "read back, every byte and frame size");
	chunk_free(&r);
	long cuts[3] = {(long)len - 1, 60, 3};
	for (int k = 0; k < 3; k++) {
		write_file_atomic(path, d, (size_t)cuts[k]);
		INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_CORRUPT, "a truncated chunk file is corrupt");
	}
	for (size_t off = 0; off < len; off += len / 7 + 1) {
		d[off] ^= 0x10;
		write_file_atomic(path, d, len);
		d[off] ^= 0x10;
		INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_CORRUPT, "one flipped bit is caught");
	}
	unlink(path);
	INT_EQ(chunkcache_read(path, &r), CHUNKCACHE_MISSING, "a missing file is missing");
	OK(r == NULL, "and gives no chunk");

	/* Keys: every input that changes the bytes changes the key. */
	char k0[33], k[33];
	chunk_key(p, &s, "audio", k0);
	struct chunk_params q = *p;
	int differ = 1;
	q.bitrate++;
	chunk_key(&q, &s, "audio", k);
	differ &= strcmp(k, k0) != 0;
	q = *p;
	q.format = p->format == CHUNK_MP3 ? CHUNK_OPUS : CHUNK_MP3;
	chunk_key(&q, &s, "audio", k);
	differ &= strcmp(k, k0) != 0;
	chunk_key(p, &s, "audio2", k);
	differ &= strcmp(k, k0) != 0;
	struct chunk_span s2 = s;
	s2.last = 1;
	chunk_key(p, &s2, "audio", k);
	differ &= strcmp(k, k0) != 0;
	s2 = s;
	s2.length++;
	chunk_key(p, &s2, "audio", k);
	differ &= strcmp(k, k0) != 0;
	struct chunk_span a, b;
	chunk_span_make(p, 100 * s.unit + 5, 50000, 0, 0, &a);
	chunk_span_make(p, 100 * s.unit + 6, 50000, 0, 0, &b);
	chunk_key(p, &a, "audio", k0);
	chunk_key(p, &b, "audio", k);
	differ &= strcmp(k, k0) != 0;
	OK(differ, "the key changes with bitrate, format, audio, last, length and alignment");
	chunk_span_make(p, 200 * s.unit + 5, 50000, 0, 0, &b);
	chunk_key(p, &b, "audio", k);
	OK(strcmp(k, k0) == 0, "and not when the item moves by whole frames");
	free(d);
	free(path);
	chunk_free(&c);
}

static void test_mismatch(const struct chunk_params *p, const struct tl *t)
{
	struct chunk **c = NULL;
	char *path = xasprintf("%s/mismatch", dir);
	if (encode_file(p, t, 0, 2, path, &c) != CHUNK_OK) {
		OK(0, "encode for the mismatch test");
		free(path);
		return;
	}
	struct chunk *skip[NITEMS];
	for (int i = 0, k = 0; i < t->n; i++)
		if (i != 2)
			skip[k++] = c[i];
	INT_EQ(assemble(p, t, skip, t->n - 1, path), CHUNK_MISMATCH,
	       "a missing chunk is caught at the end");
	struct chunk *dup[NITEMS];
	for (int i = 0; i < t->n; i++)
		dup[i] = c[i == 1 ? 0 : i];
	INT_EQ(assemble(p, t, dup, t->n, path), CHUNK_MISMATCH, "a first chunk in the middle is refused");
	for (int i = 0; i < t->n; i++)
		chunk_free(&c[i]);
	free(c);
	unlink(path);
	free(path);
}

static void test_crc(void)
{
	/* CRC-16/ARC check value. */
	INT_EQ(mp3asm_crc16(0, (const unsigned char *)"123456789", 9), 0xbb3d,
	       "the LAME tag's CRC-16 of \"123456789\"");
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	chunk_init();
	test_crc();
	test_spans();
	test_not_quiet();
	test_bandwidth();

	struct tl t;
	tl_build(&t, RATE, 1, 1);
	struct chunk_params mp3 = {CHUNK_MP3, RATE, 1, 64, 0};
	struct chunk_params opus = {CHUNK_OPUS, RATE, 1, 48, 0};
	check_format(&mp3, &t, "mp3-44k-mono", 1);
	check_format(&opus, &t, "opus-44k-mono", 1);
	test_cache_damage(&mp3, &t);
	test_cache_damage(&opus, &t);
	test_mismatch(&mp3, &t);
	test_mismatch(&opus, &t);
	free(t.x);

	/* Other rates and stereo: the MPEG-2 frame, no resampling, two channels. */
	struct tl t2;
	tl_build(&t2, 22050, 1, 0);
	struct chunk_params mp3lo = {CHUNK_MP3, 22050, 1, 32, 0};
	check_format(&mp3lo, &t2, "mp3-22k-mono", 1);
	free(t2.x);
	tl_build(&t2, 48000, 2, 0);
	struct chunk_params mp3st = {CHUNK_MP3, 48000, 2, 128, 0};
	struct chunk_params opst = {CHUNK_OPUS, 48000, 2, 96, 0};
	check_format(&mp3st, &t2, "mp3-48k-stereo", 0);
	check_format(&opst, &t2, "opus-48k-stereo", 1);
	free(t2.x);

	rmdir(dir);
	return harness_done();
}
