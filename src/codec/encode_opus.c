/*
 * encode_opus.c: the Opus encoder: float PCM in, Ogg Opus pages out
 * through the caller's write callback (libopusenc does the Ogg framing,
 * the resampling to 48 kHz and the pre-skip and end trimming).
 *
 * In: interleaved float PCM blocks, comments, picture, rate, channels,
 * bitrate, serial. Out: the bytes of one Ogg Opus stream.
 */
#include "encode_opus.h"

#include <opus/opusenc.h>
#include <stdlib.h>

#include "core/core.h"

#define OPUS_BLOCK 4096

struct opus_enc {
	struct enc_callbacks cb;
	void *ud;
	OggOpusEnc *enc;
	int channels;
	int err, drained;
	int write_failed, close_failed;
	int freeing;            /* ope_encoder_destroy closes an undrained stream:
				   not the caller's business then */
};

static int on_write(void *ud, const unsigned char *p, opus_int32 n)
{
	struct opus_enc *e = ud;
	if (e->freeing)
		return 1;
	if (e->cb.write(e->ud, p, (size_t)n) != 0) {
		e->write_failed = 1;
		return 1;
	}
	return 0;
}

static int on_close(void *ud)
{
	struct opus_enc *e = ud;
	if (e->freeing)
		return 0;
	if (e->cb.close != NULL && e->cb.close(e->ud) != 0) {
		e->close_failed = 1;
		return 1;
	}
	return 0;
}

/* The enc_err for a libopusenc error. */
static int map_err(struct opus_enc *e, int ope)
{
	if (e->write_failed || ope == OPE_WRITE_FAIL)
		return ENC_WRITE_FAILED;
	if (e->close_failed || ope == OPE_CLOSE_FAIL)
		return ENC_CLOSE_FAILED;
	return ope == OPE_BAD_ARG ? ENC_BAD_ARG : ENC_INTERNAL;
}

struct opus_enc *opusenc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			     int kbps, uint32_t serial, const struct enc_comments *c,
			     const unsigned char *picture, size_t picture_len, int *err)
{
	struct opus_enc *e = xcalloc(1, sizeof *e);
	OggOpusComments *com = NULL;
	int rc = ENC_BAD_ARG, ope = OPE_OK;
	e->cb = *cb;
	e->ud = ud;
	e->channels = channels;
	if ((channels != 1 && channels != 2) || rate <= 0 || kbps <= 0 || cb->write == NULL)
		goto fail;
	rc = ENC_INTERNAL;
	if ((com = ope_comments_create()) == NULL)
		goto fail;
	for (int i = 0; i < enc_comments_count(c); i++)
		if (ope_comments_add(com, enc_comments_tag(c, i), enc_comments_value(c, i)) != OPE_OK)
			goto fail;
	if (ope_comments_add(com, "ENCODER", "podsynth") != OPE_OK)
		goto fail;
	if (picture != NULL &&
	    ope_comments_add_picture_from_memory(com, (const char *)picture, picture_len, 3,
						 NULL) != OPE_OK) {
		rc = ENC_BAD_ARG;
		goto fail;
	}
	static const OpusEncCallbacks ocb = {on_write, on_close};
	e->enc = ope_encoder_create_callbacks(&ocb, e, com, rate, channels, 0, &ope);
	if (e->enc == NULL) {
		rc = map_err(e, ope);
		goto fail;
	}
	if (ope_encoder_ctl(e->enc, OPE_SET_SERIALNO((opus_int32)serial)) != OPE_OK ||
	    ope_encoder_ctl(e->enc, OPUS_SET_BITRATE(kbps * 1000)) != OPE_OK ||
	    ope_encoder_ctl(e->enc, OPUS_SET_VBR(1)) != OPE_OK)
		goto fail;
	ope_comments_destroy(com);
	*err = ENC_OK;
	return e;
fail:
	e->freeing = 1;
	if (e->enc)
		ope_encoder_destroy(e->enc);
	if (com)
		ope_comments_destroy(com);
	free(e);
	*err = rc;
	return NULL;
}

int opusenc_write_float(struct opus_enc *e, const float *pcm, long n)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return e->err = ENC_DRAINED;
	while (n > 0) {
		int take = n > OPUS_BLOCK ? OPUS_BLOCK : (int)n;
		int r = ope_encoder_write_float(e->enc, pcm, take);
		if (r != OPE_OK)
			return e->err = map_err(e, r);
		pcm += (size_t)take * (size_t)e->channels;
		n -= take;
	}
	return ENC_OK;
}

int opusenc_drain(struct opus_enc *e)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return ENC_OK;
	e->drained = 1;
	int r = ope_encoder_drain(e->enc);
	if (r != OPE_OK || e->write_failed || e->close_failed)
		return e->err = map_err(e, r);
	return ENC_OK;
}

void opusenc_free(struct opus_enc **e)
{
	if (*e == NULL)
		return;
	(*e)->freeing = 1;
	if ((*e)->enc)
		ope_encoder_destroy((*e)->enc);
	free(*e);
	*e = NULL;
}
