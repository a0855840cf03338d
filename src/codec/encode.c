/*
 * encode.c: the Ogg Vorbis encoder: float PCM in, Ogg pages out through the
 * caller's write callback, page by page.
 *
 * In: interleaved float PCM blocks, comments, rate, channels, bitrate,
 * serial. Out: the bytes of one Ogg Vorbis stream. Audio goes into
 * libvorbis's analysis buffer at most ENC_BLOCK frames at a time.
 */
#include "encode.h"

#include <stdlib.h>
#include <string.h>
#include <vorbis/vorbisenc.h>

#include "core/core.h"

#define ENC_BLOCK 1024

struct enc_comments {
	char **tag, **value;
	int n;
};

struct enc_comments *enc_comments_new(void)
{
	return xcalloc(1, sizeof(struct enc_comments));
}

void enc_comments_add(struct enc_comments *c, const char *tag, const char *value)
{
	if (value == NULL)
		return;
	c->tag = xreallocarray(c->tag, (size_t)c->n + 1, sizeof *c->tag);
	c->value = xreallocarray(c->value, (size_t)c->n + 1, sizeof *c->value);
	c->tag[c->n] = xstrdup(tag);
	c->value[c->n] = xstrdup(value);
	c->n++;
}

void enc_comments_free(struct enc_comments **c)
{
	if (*c == NULL)
		return;
	for (int i = 0; i < (*c)->n; i++) {
		free((*c)->tag[i]);
		free((*c)->value[i]);
	}
	free((*c)->tag);
	free((*c)->value);
	free(*c);
	*c = NULL;
}

int enc_comments_count(const struct enc_comments *c)
{
	return c ? c->n : 0;
}

const char *enc_comments_tag(const struct enc_comments *c, int i)
{
	return c->tag[i];
}

const char *enc_comments_value(const struct enc_comments *c, int i)
{
	return c->value[i];
}

struct encoder {
	struct enc_callbacks cb;
	void *ud;
	int channels;
	int err;                /* sticky */
	int drained;
	vorbis_info vi;
	vorbis_comment vc;
	vorbis_dsp_state vd;
	vorbis_block vb;
	ogg_stream_state os;
	int have_vi, have_vc, have_vd, have_vb, have_os;
};

const char *enc_strerror(int err)
{
	switch (err) {
	case ENC_OK: return "success";
	case ENC_BAD_ARG: return "sample rate, channels or bitrate not supported by the encoder";
	case ENC_INTERNAL: return "internal encoder error";
	case ENC_WRITE_FAILED: return "write failed";
	case ENC_CLOSE_FAILED: return "closing the output failed";
	case ENC_DRAINED: return "audio written after the end of the stream";
	}
	return "unknown encoder error";
}

static int write_page(struct encoder *e, const ogg_page *og)
{
	if (e->cb.write(e->ud, og->header, (size_t)og->header_len) != 0 ||
	    e->cb.write(e->ud, og->body, (size_t)og->body_len) != 0) {
		e->err = ENC_WRITE_FAILED;
		return -1;
	}
	return 0;
}

/* Moves finished blocks through the encoder and writes full pages. */
static int pump(struct encoder *e)
{
	ogg_packet op;
	ogg_page og;
	while (vorbis_analysis_blockout(&e->vd, &e->vb) == 1) {
		if (vorbis_analysis(&e->vb, NULL) != 0 ||
		    vorbis_bitrate_addblock(&e->vb) != 0)
			goto internal;
		int r;
		while ((r = vorbis_bitrate_flushpacket(&e->vd, &op)) == 1) {
			if (ogg_stream_packetin(&e->os, &op) != 0)
				goto internal;
			while (ogg_stream_pageout(&e->os, &og) != 0)
				if (write_page(e, &og) != 0)
					return -1;
		}
		if (r < 0)
			goto internal;
	}
	return 0;
internal:
	e->err = ENC_INTERNAL;
	return -1;
}

static void release(struct encoder *e)
{
	if (e->have_os)
		ogg_stream_clear(&e->os);
	if (e->have_vb)
		vorbis_block_clear(&e->vb);
	if (e->have_vd)
		vorbis_dsp_clear(&e->vd);
	if (e->have_vc)
		vorbis_comment_clear(&e->vc);
	if (e->have_vi)
		vorbis_info_clear(&e->vi);
	e->have_os = e->have_vb = e->have_vd = e->have_vc = e->have_vi = 0;
}

struct encoder *enc_new(const struct enc_callbacks *cb, void *ud, int rate, int channels,
			int bitrate_kbps, uint32_t serial, const struct enc_comments *c,
			int *err)
{
	struct encoder *e = xcalloc(1, sizeof *e);
	e->cb = *cb;
	e->ud = ud;
	e->channels = channels;
	int rc = ENC_BAD_ARG;
	if ((channels != 1 && channels != 2) || rate <= 0 || bitrate_kbps <= 0 || cb->write == NULL)
		goto fail;

	vorbis_info_init(&e->vi);
	e->have_vi = 1;
	if (vorbis_encode_setup_managed(&e->vi, channels, rate, -1, bitrate_kbps * 1000L, -1) != 0 ||
	    vorbis_encode_ctl(&e->vi, OV_ECTL_RATEMANAGE2_SET, NULL) != 0 ||
	    vorbis_encode_setup_init(&e->vi) != 0)
		goto fail;

	rc = ENC_INTERNAL;
	vorbis_comment_init(&e->vc);
	e->have_vc = 1;
	if (c != NULL)
		for (int i = 0; i < c->n; i++)
			vorbis_comment_add_tag(&e->vc, c->tag[i], c->value[i]);
	vorbis_comment_add_tag(&e->vc, "ENCODER", "podsynth");

	if (vorbis_analysis_init(&e->vd, &e->vi) != 0)
		goto fail;
	e->have_vd = 1;
	if (vorbis_block_init(&e->vd, &e->vb) != 0)
		goto fail;
	e->have_vb = 1;
	if (ogg_stream_init(&e->os, (int)serial) != 0)
		goto fail;
	e->have_os = 1;

	ogg_packet hdr, hdr_comm, hdr_code;
	if (vorbis_analysis_headerout(&e->vd, &e->vc, &hdr, &hdr_comm, &hdr_code) != 0)
		goto fail;
	if (ogg_stream_packetin(&e->os, &hdr) != 0 ||
	    ogg_stream_packetin(&e->os, &hdr_comm) != 0 ||
	    ogg_stream_packetin(&e->os, &hdr_code) != 0)
		goto fail;
	/* The headers end on a page of their own; audio starts a fresh page. */
	ogg_page og;
	while (ogg_stream_flush(&e->os, &og) != 0) {
		if (write_page(e, &og) != 0) {
			rc = e->err;
			goto fail;
		}
	}
	*err = ENC_OK;
	return e;
fail:
	release(e);
	free(e);
	*err = rc;
	return NULL;
}

int enc_write_float(struct encoder *e, const float *pcm, long n)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return e->err = ENC_DRAINED;
	int ch = e->channels;
	while (n > 0) {
		int take = n > ENC_BLOCK ? ENC_BLOCK : (int)n;
		float **buf = vorbis_analysis_buffer(&e->vd, take);
		for (int i = 0; i < take; i++)
			for (int c = 0; c < ch; c++)
				buf[c][i] = pcm[(size_t)i * (size_t)ch + (size_t)c];
		if (vorbis_analysis_wrote(&e->vd, take) != 0)
			return e->err = ENC_INTERNAL;
		if (pump(e) != 0)
			return e->err;
		pcm += (size_t)take * (size_t)ch;
		n -= take;
	}
	return ENC_OK;
}

int enc_drain(struct encoder *e)
{
	if (e->err)
		return e->err;
	if (e->drained)
		return ENC_OK;
	e->drained = 1;
	if (vorbis_analysis_wrote(&e->vd, 0) != 0)
		return e->err = ENC_INTERNAL;
	if (pump(e) != 0)
		return e->err;
	ogg_page og;
	while (ogg_stream_flush(&e->os, &og) != 0)
		if (write_page(e, &og) != 0)
			return e->err;
	if (e->cb.close != NULL && e->cb.close(e->ud) != 0)
		return e->err = ENC_CLOSE_FAILED;
	return ENC_OK;
}

void enc_free(struct encoder **e)
{
	if (*e == NULL)
		return;
	release(*e);
	free(*e);
	*e = NULL;
}
