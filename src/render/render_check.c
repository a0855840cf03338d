/*
 * render_check.c: each lane's checker: the bytes its encoder wrote,
 * decoded again as a player decodes them, metered.
 *
 * In: the lane's byte queue. Out: the lane's decoded loudness and true
 * peak (l->dec), its decoded length, and per timeline item the largest
 * decoded true peak over the guard. Vorbis through libogg + libvorbis,
 * Opus through libopusfile (48 kHz), MP3 through libmpg123 fed the stream
 * as written: the ID3 tag and the still empty Info frame are skipped, and
 * so are the encoder's and decoder's delay, as the final Info frame tells
 * a gapless player to.
 */
#include "render_pipe.h"

#include <mpg123.h>
#include <ogg/ogg.h>
#include <opus/opusfile.h>
#include <stdlib.h>
#include <string.h>
#include <vorbis/codec.h>

#include "codec/codec.h"
#include "audio/audio.h"
#include "core/core.h"

static int fail_check(struct lane *l, const char *why)
{
	snprintf(l->dec_why, sizeof l->dec_why, "%s", why);
	stages_fail(l->s, STAGE_CHECKER, l->idx);
	return -1;
}

/* The first decoded frame: the meter, at the decoder's rate. */
static const char *start_meter(struct lane *l)
{
	if ((l->dec = loud_meter_new(l->dec_rate, l->s->channels, LOUD_PEAK_TRUE)) == NULL)
		return "loudness meter refused the format";
	loud_meter_watch(l->dec, l->s->watch_db);
	return NULL;
}

int check_frames(struct lane *l, const float *f, long n)
{
	const struct stages *s = l->s;
	const struct tl_item *items = s->tl->items;
	int ch = s->channels;
	if (l->dec == NULL) {
		const char *why = start_meter(l);
		if (why != NULL) {
			snprintf(l->dec_why, sizeof l->dec_why, "%s", why);
			return -1;
		}
	}
	/* Item by item, so that high peaks are placed. */
	for (long done = 0; done < n;) {
		int64_t end = 0;
		while (l->item < s->tl->n) {
			end = items[l->item].start + items[l->item].length;
			if (l->dec_rate != s->rate)
				end = end * l->dec_rate / s->rate;
			if (end > l->dec_frames)
				break;
			l->item++;
		}
		long k = n - done;
		if (l->item < s->tl->n && end - l->dec_frames < k)
			k = (long)(end - l->dec_frames);
		if (loud_meter_add(l->dec, f + (size_t)done * (size_t)ch, k) != 0) {
			snprintf(l->dec_why, sizeof l->dec_why, "loudness measurement failed");
			return -1;
		}
		double pk = loud_meter_recent_peak(l->dec);
		if (l->item < s->tl->n && pk > l->item_peak[l->item])
			l->item_peak[l->item] = pk;
		l->dec_frames += k;
		done += k;
	}
	return 0;
}

/* ---- Vorbis ---- */

struct vdec {
	ogg_sync_state oy;
	ogg_stream_state os;
	vorbis_info vi;
	vorbis_comment vc;
	vorbis_dsp_state vd;
	vorbis_block vb;
	int have_os, have_vd, have_vb, headers, eos;
	float *inter;           /* interleaved frames, for two channels */
	long inter_cap;
};

/* Decodes one packet into the meter. NULL, or what is wrong. */
static const char *vorbis_packet(struct lane *l, struct vdec *d, ogg_packet *op)
{
	int ch = l->s->channels;
	if (d->eos)
		return "data after the end of the stream";
	if (d->headers < 3) {
		if (vorbis_synthesis_headerin(&d->vi, &d->vc, op) != 0)
			return "bad header packet";
		if (++d->headers < 3)
			return NULL;
		if (d->vi.channels != ch || d->vi.rate != l->s->rate)
			return "not the format that was encoded";
		if (vorbis_synthesis_init(&d->vd, &d->vi) != 0)
			return "decoder refused the headers";
		d->have_vd = 1;
		if (vorbis_block_init(&d->vd, &d->vb) != 0)
			return "decoder refused the headers";
		d->have_vb = 1;
		return start_meter(l);
	}
	if (vorbis_synthesis(&d->vb, op) != 0 || vorbis_synthesis_blockin(&d->vd, &d->vb) != 0)
		return "bad audio packet";
	float **pcm;
	int n;
	while ((n = vorbis_synthesis_pcmout(&d->vd, &pcm)) > 0) {
		long keep = n;
		/* The page's granule position counts the frames that are real: the
		 * last packet's extra frames are cut, as every player does. */
		if (op->granulepos >= 0 && l->dec_frames + keep > op->granulepos)
			keep = op->granulepos > l->dec_frames ? (long)(op->granulepos - l->dec_frames) : 0;
		const float *f = pcm[0];
		if (ch == 2) {
			if (keep > d->inter_cap) {
				free(d->inter);
				d->inter_cap = keep;
				d->inter = xmalloc((size_t)keep * 2 * sizeof *d->inter);
			}
			for (long i = 0; i < keep; i++) {
				d->inter[2 * i] = pcm[0][i];
				d->inter[2 * i + 1] = pcm[1][i];
			}
			f = d->inter;
		}
		if (check_frames(l, f, keep) != 0)
			return l->dec_why;
		vorbis_synthesis_read(&d->vd, n);
	}
	if (op->e_o_s)
		d->eos = 1;
	return NULL;
}

void *check_vorbis(void *ud)
{
	struct lane *l = ud;
	pthread_setname_np(pthread_self(), "podsynth-chk");
	struct vdec d;
	memset(&d, 0, sizeof d);
	ogg_sync_init(&d.oy);
	vorbis_info_init(&d.vi);
	vorbis_comment_init(&d.vc);
	const char *why = NULL;
	for (;;) {
		char *b = ogg_sync_buffer(&d.oy, 65536);
		if (b == NULL) {
			why = "out of memory";
			break;
		}
		long got = bq_get(&l->bq, (unsigned char *)b, 65536);
		if (got < 0)
			goto out;       /* another stage failed */
		ogg_sync_wrote(&d.oy, got);
		ogg_page og;
		int r;
		while (why == NULL && (r = ogg_sync_pageout(&d.oy, &og)) != 0) {
			if (r < 0) {
				why = "bytes that are not an Ogg page";
				break;
			}
			if (!d.have_os) {
				ogg_stream_init(&d.os, ogg_page_serialno(&og));
				d.have_os = 1;
			}
			if (ogg_stream_pagein(&d.os, &og) != 0) {
				why = "a page of another stream";
				break;
			}
			ogg_packet op;
			while (why == NULL && (r = ogg_stream_packetout(&d.os, &op)) != 0)
				why = r < 0 ? "a packet missing" : vorbis_packet(l, &d, &op);
		}
		if (why != NULL)
			break;
		if (got == 0) {
			if (!d.eos || d.oy.fill > d.oy.returned)
				why = "the stream ends before its last page";
			break;
		}
	}
	if (why != NULL)
		fail_check(l, why);
out:
	free(d.inter);
	if (d.have_vb)
		vorbis_block_clear(&d.vb);
	if (d.have_vd)
		vorbis_dsp_clear(&d.vd);
	if (d.have_os)
		ogg_stream_clear(&d.os);
	vorbis_comment_clear(&d.vc);
	vorbis_info_clear(&d.vi);
	ogg_sync_clear(&d.oy);
	return NULL;
}

/* ---- Opus ---- */

struct odec {
	struct lane *l;
	int stopped;            /* the byte queue was stopped */
};

static int opus_read(void *ud, unsigned char *p, int n)
{
	struct odec *d = ud;
	long got = bq_get(&d->l->bq, p, (size_t)n);
	if (got < 0) {
		d->stopped = 1;
		return -1;
	}
	return (int)got;
}

void *check_opus(void *ud)
{
	struct lane *l = ud;
	pthread_setname_np(pthread_self(), "podsynth-chk");
	struct odec d = {l, 0};
	static const OpusFileCallbacks cb = {opus_read, NULL, NULL, NULL};
	int err = 0;
	float *buf = NULL;
	const char *why = NULL;
	OggOpusFile *of = op_open_callbacks(&d, &cb, NULL, 0, &err);
	if (of == NULL) {
		why = "not an Ogg Opus stream";
		goto out;
	}
	if (op_channel_count(of, -1) != l->s->channels) {
		why = "not the format that was encoded";
		goto out;
	}
	int ch = l->s->channels;
	buf = xmalloc((size_t)5760 * 2 * sizeof *buf);
	for (;;) {
		int n = op_read_float(of, buf, 5760 * ch, NULL);
		if (n == 0)
			break;
		if (n < 0) {
			why = n == OP_HOLE ? "a packet missing" : "bad audio packet";
			break;
		}
		if (check_frames(l, buf, n) != 0) {
			why = l->dec_why;
			break;
		}
	}
out:
	if (d.stopped)
		why = NULL;     /* another stage failed */
	if (why != NULL)
		fail_check(l, why);
	if (of != NULL)
		op_free(of);
	/* Whatever opusfile left unread, so the encoder is never blocked. */
	unsigned char sink[4096];
	while (why == NULL && !d.stopped && bq_get(&l->bq, sink, sizeof sink) > 0)
		;
	free(buf);
	return NULL;
}

/* ---- MP3 ---- */

void *check_mp3(void *ud)
{
	struct lane *l = ud;
	pthread_setname_np(pthread_self(), "podsynth-chk");
	const char *why = NULL;
	int ch = l->s->channels;
	unsigned char *in = xmalloc(65536);
	float *out = xmalloc((size_t)1152 * 2 * 4 * sizeof *out);
	mpg123_handle *mh = mpg123_new(NULL, NULL);
	if (mh == NULL || mpg123_param(mh, MPG123_FLAGS, MPG123_QUIET, 0) != MPG123_OK ||
	    mpg123_param(mh, MPG123_REMOVE_FLAGS, MPG123_GAPLESS, 0) != MPG123_OK ||
	    mpg123_format_none(mh) != MPG123_OK ||
	    mpg123_format(mh, l->s->rate, ch == 1 ? MPG123_MONO : MPG123_STEREO,
			  MPG123_ENC_FLOAT_32) != MPG123_OK ||
	    mpg123_open_feed(mh) != MPG123_OK) {
		why = "the decoder refused to start";
		goto out;
	}
	/* What comes first and is not audio: the ID3 tag, then the Info frame. */
	unsigned char head[10];
	size_t have = 0, skip = 0;
	int stage = 0;          /* 0 tag header, 1 frame header, 2 audio */
	int64_t drop = l->mp3_delay, want = l->s->tl->total;
	for (;;) {
		long got = bq_get(&l->bq, in, 65536);
		if (got < 0)
			goto out;       /* another stage failed */
		if (got == 0)
			break;
		size_t at = 0;
		while (stage < 2 && at < (size_t)got) {
			if (skip > 0) {
				size_t k = (size_t)got - at < skip ? (size_t)got - at : skip;
				at += k;
				skip -= k;
				continue;
			}
			size_t need = stage == 0 ? 10 : 4;
			while (have < need && at < (size_t)got)
				head[have++] = in[at++];
			if (have < need)
				break;
			if (stage == 0) {
				if (memcmp(head, "ID3", 3) == 0)
					skip = ((size_t)(head[6] & 0x7f) << 21 | (size_t)(head[7] & 0x7f) << 14 |
						(size_t)(head[8] & 0x7f) << 7 | (size_t)(head[9] & 0x7f));
				else {
					why = "no ID3 tag at the start";
					goto out;
				}
			} else {
				size_t fb = mp3_frame_bytes(head);
				if (fb < 4) {
					why = "no Info frame after the ID3 tag";
					goto out;
				}
				skip = fb - 4;
			}
			have = 0;
			stage++;
		}
		if (stage < 2 || at == (size_t)got)
			continue;
		int r = mpg123_feed(mh, in + at, (size_t)got - at);
		if (r != MPG123_OK) {
			why = "the decoder refused the stream";
			goto out;
		}
		for (;;) {
			size_t bytes = 0;
			r = mpg123_read(mh, (unsigned char *)out, 1152 * 2 * 4 * sizeof *out, &bytes);
			long n = (long)(bytes / sizeof *out / (size_t)ch);
			const float *f = out;
			if (drop > 0) {
				long k = n < drop ? n : (long)drop;
				drop -= k;
				f += (size_t)k * (size_t)ch;
				n -= k;
			}
			if (n > want - l->dec_frames)
				n = (long)(want - l->dec_frames);
			if (n > 0 && check_frames(l, f, n) != 0) {
				why = l->dec_why;
				goto out;
			}
			if (r == MPG123_NEED_MORE)
				break;
			if (r == MPG123_NEW_FORMAT || r == MPG123_OK)
				continue;
			why = "bad audio frame";
			goto out;
		}
	}
	if (stage < 2)
		why = "the stream ends in its header";
out:
	if (why != NULL)
		fail_check(l, why);
	if (mh != NULL)
		mpg123_delete(mh);
	free(in);
	free(out);
	return NULL;
}
