/*
 * encode_mp3.c: the MP3 encoder: float PCM in, MP3 frames out through the
 * caller's write callback.
 *
 * In: interleaved float PCM blocks, rate, channels, bitrate, the ID3v2
 * tag. Out: the tag, LAME's empty Info frame, the audio frames; at the end
 * the final Info frame (LAME tag: delay, padding, frame count) is written
 * over the empty one through the rewrite callback.
 */
#include "encode_mp3.h"

#include <lame.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

#define MP3_BLOCK 1152                    /* frames handed to LAME at a time */
#define MP3_BUF (MP3_BLOCK * 5 / 4 + 7200) /* LAME's worst case for a block */

struct mp3_encoder {
	struct enc_callbacks cb;
	void *ud;
	lame_t gf;
	int channels;
	size_t tag_len;
	int err, drained;
	unsigned char out[MP3_BUF];
};

struct mp3_encoder *mp3enc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			       int kbps, const unsigned char *tag, size_t tag_len, int *err)
{
	struct mp3_encoder *e = xcalloc(1, sizeof *e);
	int rc = ENC_BAD_ARG;
	e->cb = *cb;
	e->ud = ud;
	e->channels = channels;
	if ((channels != 1 && channels != 2) || rate <= 0 || kbps <= 0 || cb->write == NULL ||
	    cb->rewrite == NULL)
		goto fail;
	rc = ENC_INTERNAL;
	if ((e->gf = lame_init()) == NULL)
		goto fail;
	lame_set_num_channels(e->gf, channels);
	lame_set_in_samplerate(e->gf, rate);
	lame_set_out_samplerate(e->gf, rate);
	lame_set_mode(e->gf, channels == 1 ? MONO : JOINT_STEREO);
	lame_set_VBR(e->gf, vbr_off);
	lame_set_brate(e->gf, kbps);
	lame_set_quality(e->gf, 2);          /* LAME's "high quality" (-h) */
	lame_set_bWriteVbrTag(e->gf, 1);     /* the Info frame with the LAME tag */
	lame_set_write_id3tag_automatic(e->gf, 0);
	if (lame_init_params(e->gf) < 0) {
		rc = ENC_BAD_ARG;
		goto fail;
	}
	if (lame_get_brate(e->gf) != kbps || lame_get_out_samplerate(e->gf) != rate) {
		rc = ENC_BAD_ARG;
		goto fail;
	}
	e->tag_len = tag_len;
	if (tag != NULL && tag_len > 0 && cb->write(ud, tag, tag_len) != 0) {
		rc = ENC_WRITE_FAILED;
		goto fail;
	}
	*err = ENC_OK;
	return e;
fail:
	if (e->gf)
		lame_close(e->gf);
	free(e);
	*err = rc;
	return NULL;
}

static int emit(struct mp3_encoder *e, int n)
{
	if (n < 0)
		return e->err = ENC_INTERNAL;
	if (n > 0 && e->cb.write(e->ud, e->out, (size_t)n) != 0)
		return e->err = ENC_WRITE_FAILED;
	return ENC_OK;
}

int mp3enc_write_float(struct mp3_encoder *e, const float *pcm, long n)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return e->err = ENC_DRAINED;
	while (n > 0) {
		int take = n > MP3_BLOCK ? MP3_BLOCK : (int)n;
		int k = e->channels == 2
			? lame_encode_buffer_interleaved_ieee_float(e->gf, pcm, take, e->out, MP3_BUF)
			: lame_encode_buffer_ieee_float(e->gf, pcm, NULL, take, e->out, MP3_BUF);
		if (emit(e, k) != ENC_OK)
			return e->err;
		pcm += (size_t)take * (size_t)e->channels;
		n -= take;
	}
	return ENC_OK;
}

int mp3enc_drain(struct mp3_encoder *e)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return ENC_OK;
	e->drained = 1;
	if (emit(e, lame_encode_flush(e->gf, e->out, MP3_BUF)) != ENC_OK)
		return e->err;
	size_t n = lame_get_lametag_frame(e->gf, e->out, MP3_BUF);
	if (n == 0 || n > MP3_BUF)
		return e->err = ENC_INTERNAL;
	if (e->cb.rewrite(e->ud, (long long)e->tag_len, e->out, n) != 0)
		return e->err = ENC_WRITE_FAILED;
	if (e->cb.close != NULL && e->cb.close(e->ud) != 0)
		return e->err = ENC_CLOSE_FAILED;
	return ENC_OK;
}

void mp3enc_free(struct mp3_encoder **e)
{
	if (*e == NULL)
		return;
	lame_close((*e)->gf);
	free(*e);
	*e = NULL;
}

size_t mp3_frame_bytes(const unsigned char h[4])
{
	static const int kbps[2][16] = {
		{0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0}, /* MPEG-1 */
		{0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0},     /* 2, 2.5 */
	};
	static const int rates[4][3] = {
		{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000}, {44100, 48000, 32000},
	};
	if (h[0] != 0xff || (h[1] & 0xe0) != 0xe0 || ((h[1] >> 1) & 3) != 1)
		return 0;
	int version = (h[1] >> 3) & 3;          /* 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5 */
	int bi = h[2] >> 4, ri = (h[2] >> 2) & 3, pad = (h[2] >> 1) & 1;
	if (version == 1 || ri == 3 || kbps[version != 3][bi] == 0)
		return 0;
	int rate = rates[version][ri];
	int per = version == 3 ? 144000 : 72000;
	return (size_t)(per * kbps[version != 3][bi] / rate + pad);
}

int mp3enc_delay(const struct mp3_encoder *e)
{
	return lame_get_encoder_delay(e->gf) + 529;
}
