/*
 * render.c: a laid-out timeline made into the finished .ogg file.
 *
 * In: the timeline (streamed through tl_reader), the loudness target and
 * ceiling, the Vorbis comments. Out: out_path (written to a temporary name,
 * renamed into place only when complete) and the figures of what was
 * encoded.
 *
 * Passes over the timeline, none holding more than a block of audio:
 *   1. measure: integrated loudness and sample peak of the raw mix.
 *   2. simulate (unless the limiter cannot act): several gains through the
 *      limiter at once, each measured; the gain that lands on the target
 *      is interpolated between them (see choose_gain).
 *   3. encode: gain + limiter + encoder, measuring loudness and true peak
 *      of exactly the PCM handed to the encoder.
 *   4. check: the temporary file is decoded (libvorbisfile) and measured.
 * The limiter's ceiling sits LIMIT_MARGIN_DB under the requested one: the
 * lossy codec adds to the peaks of what it decodes to (1 to 1.7 dB for
 * limited espeak-ng speech at 64 kbit/s, growing with the length). If the
 * decoded true peak still comes within DECODED_GUARD_DB of the ceiling,
 * steps 2-4 run again with the limiter's ceiling lowered by the excess and
 * a little more.
 */
#include "render.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vorbis/vorbisfile.h>

#include "encode.h"
#include "loudness.h"
#include "util.h"

#define RBLOCK 4096
static const double LIMIT_MARGIN_DB = 2.0;
#define MAX_CANDIDATES 8
static const double CANDIDATE_STEP_DB = 1.0;
static const int MAX_ROUNDS = 3;
/* True peaks can lie this far over the sample peak measured in pass 1. */
static const double TRUE_PEAK_SLACK_DB = 3.0;
/* The decoded file's true peak must stay this far under the ceiling (meters
 * differ a little), else it is encoded again with a lower limiter ceiling. */
static const double DECODED_GUARD_DB = 0.2;
static const int MAX_REENCODES = 2;

/* Where a pass's PCM ends up. */
struct pass {
	struct loud_meter *meter;
	struct encoder *enc;    /* NULL except in the encoding pass */
	int enc_err;
	int64_t frames;
};

static int pass_sink(void *ud, const float *frames, long n)
{
	struct pass *p = ud;
	p->frames += n;
	if (loud_meter_add(p->meter, frames, n) != 0)
		return -1;
	if (p->enc != NULL) {
		int e = enc_write_float(p->enc, frames, n);
		if (e != ENC_OK) {
			p->enc_err = e;
			return -1;
		}
	}
	return 0;
}

/*
 * Streams the whole timeline into the n passes ps. Without limit, n is 1
 * and the mix goes straight in. With limit, pass i gets the mix at
 * gain_db[i] through the limiter at ceiling_dbtp (one detector for all).
 * 0, or -1: reported here, except encoder failures (enc_err), which the
 * caller reports naming its file.
 */
static int run_pass(const struct timeline *tl, struct pass *ps, int n,
		    const double *gain_db, int limit, double ceiling_dbtp)
{
	int ret = -1;
	int ch = tl->channels;
	float *buf = xmalloc((size_t)RBLOCK * (size_t)ch * sizeof *buf);
	struct limiter *lim = NULL;
	struct tl_reader *rd = tl_reader_new(tl);
	if (rd == NULL)
		goto out;
	if (limit) {
		struct limiter_out outs[MAX_CANDIDATES];
		for (int i = 0; i < n; i++)
			outs[i] = (struct limiter_out){gain_db[i], ceiling_dbtp, pass_sink, &ps[i]};
		lim = limiter_new(tl->rate, ch, outs, n);
		if (lim == NULL) {
			diag(DIAG_ERROR, NULL, 0, 0, "limiter refused format \"%d Hz, %d channels\"",
			     tl->rate, ch);
			goto out;
		}
	}
	int64_t total = 0;
	long got;
	while ((got = tl_reader_read(rd, buf, RBLOCK)) > 0) {
		total += got;
		int rc = lim ? limiter_process(lim, buf, got) : pass_sink(&ps[0], buf, got);
		if (rc != 0)
			goto sink_fail;
	}
	if (got < 0)
		goto out;
	if (lim && limiter_drain(lim) != 0)
		goto sink_fail;
	for (int i = 0; i < n; i++) {
		if (total != tl->total || ps[i].frames != tl->total) {
			diag(DIAG_ERROR, NULL, 0, 0,
			     "timeline length mismatch \"%lld frames, %lld laid out\"",
			     (long long)ps[i].frames, (long long)tl->total);
			goto out;
		}
	}
	ret = 0;
	goto out;
sink_fail:
	for (int i = 0; i < n; i++)
		if (ps[i].enc_err != ENC_OK)
			goto out;
	diag(DIAG_ERROR, NULL, 0, 0, "loudness measurement failed \"libebur128\"");
out:
	limiter_free(&lim);
	tl_reader_free(&rd);
	free(buf);
	return ret;
}

/* The output file, written through the encoder's callbacks. */
struct file_out {
	FILE *f;
	int err;                /* errno of the first failure */
};

static int file_write(void *ud, const unsigned char *p, size_t n)
{
	struct file_out *fo = ud;
	errno = 0;
	if (fwrite(p, 1, n, fo->f) != n) {
		fo->err = errno ? errno : EIO;
		return -1;
	}
	return 0;
}

static int file_close(void *ud)
{
	struct file_out *fo = ud;
	FILE *f = fo->f;
	fo->f = NULL;
	errno = 0;
	int bad = fflush(f) != 0 || ferror(f);
	if (bad)
		fo->err = errno ? errno : EIO;
	if (fclose(f) != 0 && !bad) {
		fo->err = errno ? errno : EIO;
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* "HH:MM:SS.mmm" for frame at rate, as the Xiph chapter extension wants. */
static void chapter_time(char out[32], int64_t frame, int rate)
{
	int64_t ms = (frame * 1000 + rate / 2) / rate;
	snprintf(out, 32, "%02lld:%02lld:%02lld.%03lld", (long long)(ms / 3600000),
		 (long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60),
		 (long long)(ms % 1000));
}

static void add_nonempty(struct enc_comments *c, const char *tag, const char *v)
{
	if (v != NULL && v[0] != '\0')
		enc_comments_add(c, tag, v);
}

static struct enc_comments *make_comments(const struct vorbis_meta *m, int rate)
{
	struct enc_comments *c = enc_comments_new();
	if (m == NULL)
		return c;
	add_nonempty(c, "TITLE", m->title);
	add_nonempty(c, "ALBUM", m->album);
	add_nonempty(c, "ARTIST", m->artist);
	add_nonempty(c, "DATE", m->date);
	add_nonempty(c, "TRACKNUMBER", m->tracknumber);
	add_nonempty(c, "LANGUAGE", m->language);
	add_nonempty(c, "DESCRIPTION", m->description);
	int n = m->nchapters;
	if (n > 999) {
		diag(DIAG_WARNING, NULL, 0, 0, "too many chapters \"%d\": only the first 999 are kept", n);
		n = 999;
	}
	for (int i = 0; i < n; i++) {
		char tag[32], t[32];
		chapter_time(t, m->chapters[i].start, rate);
		snprintf(tag, sizeof tag, "CHAPTER%03d", i + 1);
		enc_comments_add(c, tag, t);
		snprintf(tag, sizeof tag, "CHAPTER%03dNAME", i + 1);
		enc_comments_add(c, tag, m->chapters[i].title ? m->chapters[i].title : "");
	}
	return c;
}

/*
 * Encodes the timeline at gain_db through the limiter at ceiling into tmp.
 * Fills *enc_lufs and *enc_peak with what went into the encoder. 0, or -1
 * reported (naming out_path); tmp may be left behind for the caller.
 */
static int encode_pass(const struct timeline *tl, const struct render_opts *o,
		       const struct enc_comments *com, double gain_db, double ceiling,
		       const char *tmp, const char *out_path, double *enc_lufs,
		       double *enc_peak)
{
	int ret = -1, err = ENC_OK;
	struct file_out fo = {0};
	struct pass p = {0};
	fo.f = fopen(tmp, "wb");
	if (fo.f == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path, strerror(errno));
		return -1;
	}
	p.meter = loud_meter_new(tl->rate, tl->channels, LOUD_PEAK_TRUE);
	if (p.meter == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "loudness meter refused format \"%d Hz, %d channels\"",
		     tl->rate, tl->channels);
		goto out;
	}
	static const struct enc_callbacks cb = {file_write, file_close};
	p.enc = enc_new(&cb, &fo, tl->rate, tl->channels, o->bitrate, o->serial, com, &err);
	if (p.enc == NULL)
		goto enc_fail;
	if (run_pass(tl, &p, 1, &gain_db, 1, ceiling) != 0) {
		err = p.enc_err;
		if (err != ENC_OK)
			goto enc_fail;
		goto out;
	}
	err = enc_drain(p.enc);
	if (err != ENC_OK)
		goto enc_fail;
	*enc_lufs = loud_meter_lufs(p.meter);
	*enc_peak = loud_meter_peak(p.meter);
	ret = 0;
	goto out;
enc_fail:
	if (err == ENC_WRITE_FAILED || err == ENC_CLOSE_FAILED)
		diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path,
		     strerror(fo.err ? fo.err : EIO));
	else
		diag(DIAG_ERROR, NULL, 0, 0, "cannot encode \"%s\": %s", out_path, enc_strerror(err));
out:
	if (fo.f != NULL)
		fclose(fo.f);
	enc_free(&p.enc);
	loud_meter_free(&p.meter);
	return ret;
}

/*
 * Decodes the encoded file with libvorbisfile and measures it: the codec
 * moves peaks a little. 0, or -1 reported.
 */
static int measure_decoded(const char *tmp, const char *out_path, int channels,
			   double *lufs, double *peak)
{
	OggVorbis_File vf;
	int rc = ov_fopen(tmp, &vf);
	if (rc != 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot decode what was encoded \"%s\": error %d",
		     out_path, rc);
		return -1;
	}
	int ret = -1;
	vorbis_info *vi = ov_info(&vf, -1);
	struct loud_meter *m = NULL;
	float *buf = xmalloc((size_t)RBLOCK * (size_t)channels * sizeof *buf);
	if (vi == NULL || vi->channels != channels ||
	    (m = loud_meter_new((int)vi->rate, channels, LOUD_PEAK_TRUE)) == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot decode what was encoded \"%s\": bad stream",
		     out_path);
		goto out;
	}
	float **pcm;
	int section;
	long n;
	while ((n = ov_read_float(&vf, &pcm, RBLOCK, &section)) > 0) {
		for (long i = 0; i < n; i++)
			for (int c = 0; c < channels; c++)
				buf[i * channels + c] = pcm[c][i];
		loud_meter_add(m, buf, n);
	}
	if (n < 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot decode what was encoded \"%s\": error %ld",
		     out_path, n);
		goto out;
	}
	*lufs = loud_meter_lufs(m);
	*peak = loud_meter_peak(m);
	ret = 0;
out:
	loud_meter_free(&m);
	free(buf);
	ov_clear(&vf);
	return ret;
}

/*
 * The gain that brings the mix, limited at ceiling, to the target. The
 * limiter takes back part of every dB added, more the harder it works, so
 * MAX_CANDIDATES gains CANDIDATE_STEP_DB apart, from the plain distance to
 * the target up, are simulated in one pass (one detector, one meter each)
 * and the gain is interpolated between the two that bracket the target;
 * when none reaches it, the next gains up are tried. No pass at all when
 * the limiter cannot act (peak_db is the raw mix's sample peak).
 * 0, or -1 reported.
 */
static int choose_gain(const struct timeline *tl, const struct render_opts *o,
		       double lufs, double peak_db, double ceiling, double *gain)
{
	double target = o->target_lufs;
	if (!isfinite(lufs)) {
		*gain = 0;      /* silence (below the gate) stays as it is */
		return 0;
	}
	double base = target - lufs;
	*gain = base;
	if (!isfinite(peak_db) || peak_db + base <= ceiling - TRUE_PEAK_SLACK_DB)
		return 0;
	double below_g = NAN, below_l = NAN;   /* the best gain short of the target */
	for (int round = 0; round < MAX_ROUNDS; round++) {
		struct pass ps[MAX_CANDIDATES] = {{0}};
		double g[MAX_CANDIDATES];
		int ret = -1;
		for (int i = 0; i < MAX_CANDIDATES; i++) {
			g[i] = base + i * CANDIDATE_STEP_DB;
			ps[i].meter = loud_meter_new(tl->rate, tl->channels, LOUD_PEAK_NONE);
			if (ps[i].meter == NULL) {
				diag(DIAG_ERROR, NULL, 0, 0,
				     "loudness meter refused format \"%d Hz, %d channels\"",
				     tl->rate, tl->channels);
				goto next;
			}
		}
		if (run_pass(tl, ps, MAX_CANDIDATES, g, 1, ceiling) != 0)
			goto next;
		ret = 1;
		for (int i = 0; i < MAX_CANDIDATES && ret == 1; i++) {
			double l = loud_meter_lufs(ps[i].meter);
			if (l < target) {
				below_g = g[i];
				below_l = l;
				continue;
			}
			if (isnan(below_g) || l <= below_l)
				*gain = g[i];
			else
				*gain = below_g + (target - below_l) * (g[i] - below_g) / (l - below_l);
			ret = 0;
		}
next:
		for (int i = 0; i < MAX_CANDIDATES; i++)
			loud_meter_free(&ps[i].meter);
		if (ret <= 0)
			return ret;
		base = g[MAX_CANDIDATES - 1] + CANDIDATE_STEP_DB;
	}
	diag(DIAG_WARNING, NULL, 0, 0, "loudness target out of reach \"%.1f LUFS\": "
	     "the limiter holds the episode at %.1f LUFS", target, below_l);
	*gain = below_g;
	return 0;
}

int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct vorbis_meta *m, const char *out_path,
		   struct render_report *rep)
{
	int ret = -1;
	char *tmp = NULL;
	struct enc_comments *com = NULL;
	struct pass p = {0};
	double ceiling = o->ceiling_dbtp - LIMIT_MARGIN_DB;

	if (tl->rate <= 0 || (tl->channels != 1 && tl->channels != 2)) {
		diag(DIAG_ERROR, NULL, 0, 0, "unsupported output format \"%d Hz, %d channels\"",
		     tl->rate, tl->channels);
		return -1;
	}

	/* 1. Measure the raw mix. */
	p.meter = loud_meter_new(tl->rate, tl->channels, LOUD_PEAK_SAMPLE);
	if (p.meter == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "loudness meter refused format \"%d Hz, %d channels\"",
		     tl->rate, tl->channels);
		goto out;
	}
	double zero = 0;
	int rc = run_pass(tl, &p, 1, &zero, 0, 0);
	double lufs = loud_meter_lufs(p.meter);
	double peak = loud_meter_peak(p.meter);
	loud_meter_free(&p.meter);
	if (rc != 0)
		goto out;
	double gain = 0;

	/* 2-4. Correct the gain for the limiter, encode, check the decoded
	 * peaks; when the codec pushed them over, again with a lower ceiling. */
	tmp = tmp_path_for(out_path);
	com = make_comments(m, tl->rate);
	double enc_lufs = 0, enc_peak = 0, dec_lufs = 0, dec_peak = 0;
	for (int attempt = 0;; attempt++) {
		if (choose_gain(tl, o, lufs, peak, ceiling, &gain) != 0 ||
		    encode_pass(tl, o, com, gain, ceiling, tmp, out_path, &enc_lufs, &enc_peak) != 0 ||
		    measure_decoded(tmp, out_path, tl->channels, &dec_lufs, &dec_peak) != 0)
			goto fail;
		double over = dec_peak - (o->ceiling_dbtp - DECODED_GUARD_DB);
		if (!isfinite(dec_peak) || over <= 0 || attempt == MAX_REENCODES)
			break;
		diag(DIAG_NOTE, NULL, 0, 0, "encoded true peak too high \"%.2f dBTP\": "
		     "encoding again with the limiter at %.2f dBTP", dec_peak, ceiling - over - 0.5);
		ceiling -= over + 0.5;
	}
	if (commit_tmp(tmp, out_path) != 0) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot write \"%s\": %s", out_path, strerror(errno));
		goto fail;
	}
	if (rep != NULL) {
		rep->lufs = enc_lufs;
		rep->true_peak = enc_peak;
		rep->seconds = (double)tl->total / tl->rate;
		rep->gain_db = gain;
		rep->decoded_lufs = dec_lufs;
		rep->decoded_true_peak = dec_peak;
		rep->ceiling_dbtp = ceiling;
	}
	ret = 0;
	goto out;
fail:
	unlink(tmp);
out:
	loud_meter_free(&p.meter);
	enc_comments_free(&com);
	free(tmp);
	return ret;
}
