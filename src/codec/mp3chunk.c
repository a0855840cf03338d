/*
 * mp3chunk.c: one item's PCM to a run of whole MP3 frames (libmp3lame).
 *
 * In: the span (chunk.c) and the item's interleaved float PCM. Out: the
 * frames the span owns, split at their headers, in a struct chunk.
 *
 * A fresh CBR encoder starts exactly on the grid (timeline sample k0*U),
 * given zeros up to the item's first sample: its first frame is grid frame
 * k0 and, the encoder being new, borrows nothing from a bit reservoir.
 * After the item it is given zeros and flushed; frames past the span are
 * dropped. CBR rather than VBR: the channel's bitrate is a CBR bitrate,
 * the Info frame's seek table is then exact for every player, and chapter
 * seeks land where they should; at speech bitrates VBR would save little
 * beyond the pauses.
 */
#include "chunk.h"
#include "core/core.h"

#include <lame/lame.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096

int chunk_mp3_frame_len(const unsigned char h[4])
{
	static const int br1[16] = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160,
				    192, 224, 256, 320, 0};
	static const int br2[16] = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96,
				    112, 128, 144, 160, 0};
	static const int sr[4][3] = {
		{11025, 12000, 8000},   /* MPEG 2.5 */
		{0, 0, 0},
		{22050, 24000, 16000},  /* MPEG 2 */
		{44100, 48000, 32000},  /* MPEG 1 */
	};
	if (h[0] != 0xff || (h[1] & 0xe0) != 0xe0)
		return 0;
	int ver = (h[1] >> 3) & 3, layer = (h[1] >> 1) & 3;
	int bi = h[2] >> 4, si = (h[2] >> 2) & 3, pad = (h[2] >> 1) & 1;
	if (ver == 1 || layer != 1 || si == 3)
		return 0;
	int rate = sr[ver][si];
	int kbps = ver == 3 ? br1[bi] : br2[bi];
	if (kbps == 0)
		return 0;
	return (ver == 3 ? 144000 : 72000) * kbps / rate + pad;
}

/* Feeds n interleaved frames (NULL: zeros) to gf, appending its output. */
static int feed(lame_t gf, int ch, const float *pcm, int64_t n, struct buf *out)
{
	float l[BLOCK], r[BLOCK];
	unsigned char mp3[BLOCK * 5 / 4 + 7200];
	for (int64_t done = 0; done < n;) {
		int m = n - done > BLOCK ? BLOCK : (int)(n - done);
		for (int i = 0; i < m; i++) {
			const float *f = pcm ? pcm + (done + i) * ch : NULL;
			l[i] = f ? f[0] : 0.0f;
			r[i] = f ? f[ch - 1] : 0.0f;
		}
		int w = lame_encode_buffer_ieee_float(gf, l, r, m, mp3, (int)sizeof mp3);
		if (w < 0)
			return CHUNK_INTERNAL;
		buf_add(out, mp3, (size_t)w);
		done += m;
	}
	return CHUNK_OK;
}

int chunk_encode_mp3(const struct chunk_params *p, const struct chunk_span *s,
		     const float *pcm, struct chunk *c)
{
	int ret = CHUNK_INTERNAL;
	struct buf out = {0};
	lame_t gf = lame_init();
	if (gf == NULL)
		goto out;
	lame_set_in_samplerate(gf, p->rate);
	lame_set_out_samplerate(gf, p->rate);
	lame_set_num_channels(gf, p->channels);
	lame_set_mode(gf, p->channels == 1 ? MONO : JOINT_STEREO);
	lame_set_VBR(gf, vbr_off);
	lame_set_brate(gf, p->bitrate);
	lame_set_quality(gf, 3);  /* the lame command's default */
	lame_set_bWriteVbrTag(gf, 0);
	if (lame_init_params(gf) < 0) {
		ret = CHUNK_BAD_ARG;
		goto out;
	}
	if (lame_get_framesize(gf) != s->unit || lame_get_encoder_delay(gf) != 576)
		goto out;
	int64_t lead_in = s->start - s->k0 * s->unit;
	if ((ret = feed(gf, p->channels, NULL, lead_in, &out)) != CHUNK_OK ||
	    (ret = feed(gf, p->channels, pcm, s->length, &out)) != CHUNK_OK ||
	    (ret = feed(gf, p->channels, NULL, 3 * s->unit, &out)) != CHUNK_OK)
		goto out;
	unsigned char tail[7200];
	int w = lame_encode_flush(gf, tail, (int)sizeof tail);
	ret = CHUNK_INTERNAL;
	if (w < 0)
		goto out;
	buf_add(&out, tail, (size_t)w);
	/* Split at the headers; keep the span's frames. */
	c->frame_samples = (int)s->unit;
	c->sizes = xcalloc((size_t)s->nframes, sizeof *c->sizes);
	size_t pos = 0;
	while (c->nframes < (uint32_t)s->nframes && pos + 4 <= out.len) {
		int len = chunk_mp3_frame_len((const unsigned char *)out.data + pos);
		if (len <= 0 || pos + (size_t)len > out.len)
			goto out;
		c->sizes[c->nframes++] = (uint32_t)len;
		pos += (size_t)len;
	}
	if (c->nframes != (uint32_t)s->nframes)
		goto out;
	c->len = pos;
	c->data = xmalloc(pos ? pos : 1);
	memcpy(c->data, out.data, pos);
	ret = CHUNK_OK;
out:
	if (gf != NULL)
		lame_close(gf);
	buf_free(&out);
	return ret;
}
