/*
 * mp3asm.c: MP3 chunks to one file: ID3v2 tag, Info frame, frames.
 *
 * In: struct chunk runs of CBR frames (mp3chunk.c), in timeline order.
 * Out: the file's bytes through the caller's callbacks (see mp3asm.h).
 *
 * The Info frame (the Xing header of a CBR file, with LAME's extension,
 * which is where gapless players find the encoder delay and padding) is
 * taken from libmp3lame for the same settings, so that its frame header,
 * version string and flags are LAME's own; this file fills in the fields
 * that describe the whole file. Field offsets, from the tag's "Info":
 *   +4 flags, +8 frames, +12 bytes, +16 100-byte TOC, +116 quality,
 *   +120 "LAME3.100", +141 delay (12 bits) and padding (12 bits),
 *   +148 music length, +152 music CRC, +154 CRC of the frame before it
 * (all big-endian). Frames and bytes count the audio frames and the whole
 * stream from the Info frame on, as lame itself writes them.
 */
#include "mp3asm.h"
#include "core/core.h"

#include <lame/lame.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define TAG_MAX 2048

struct mp3asm {
	const struct mp3asm_callbacks *cb;
	void *ud;
	struct chunk_params p;
	int64_t total_samples, frames_want, frames;
	uint64_t id3_len, bytes;          /* bytes: audio frames so far */
	unsigned char tag[TAG_MAX];
	size_t tag_len, x;                /* x: offset of "Info" in tag */
	uint64_t toc_off[100];            /* audio bytes before frame i% */
	int toc_next;
	uint16_t music_crc;
	int err;
	int finished;
};

/* CRC-16 (0xa001 reflected, LAME's), eight bytes a step: crc_table[k][b]
 * is byte b's CRC followed by k zero bytes ("slicing by 8"); the music CRC
 * runs over the whole file's frames, so this is most of an edit's
 * assembling. */
static uint16_t crc_table[8][256];
static pthread_once_t crc_once = PTHREAD_ONCE_INIT;

static void crc_init(void)
{
	for (unsigned i = 0; i < 256; i++) {
		uint16_t c = (uint16_t)i;
		for (int b = 0; b < 8; b++)
			c = (c & 1) ? (uint16_t)((c >> 1) ^ 0xa001) : (uint16_t)(c >> 1);
		crc_table[0][i] = c;
	}
	for (int k = 1; k < 8; k++)
		for (unsigned i = 0; i < 256; i++) {
			uint16_t c = crc_table[k - 1][i];
			crc_table[k][i] = (uint16_t)((c >> 8) ^ crc_table[0][c & 0xff]);
		}
}

uint16_t mp3asm_crc16(uint16_t crc, const unsigned char *p, size_t n)
{
	pthread_once(&crc_once, crc_init);
	for (; n >= 8; n -= 8, p += 8) {
		unsigned c = crc ^ ((unsigned)p[0] | (unsigned)p[1] << 8);
		crc = (uint16_t)(crc_table[7][c & 0xff] ^ crc_table[6][c >> 8] ^
				 crc_table[5][p[2]] ^ crc_table[4][p[3]] ^ crc_table[3][p[4]] ^
				 crc_table[2][p[5]] ^ crc_table[1][p[6]] ^ crc_table[0][p[7]]);
	}
	for (; n > 0; n--, p++)
		crc = (uint16_t)((crc >> 8) ^ crc_table[0][(crc ^ *p) & 0xff]);
	return crc;
}

static void put_be32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

int64_t mp3asm_frames_for(const struct chunk_params *p, int64_t total_samples)
{
	int64_t u = chunk_mp3_framesize(p->rate), d = chunk_delay(p);
	return (total_samples + d + u - 1) / u;
}

/*
 * lame's own Info frame for p at bitrate kbps, into a->tag. CHUNK_OK, or
 * an error; a->tag_len 0 when lame writes none for so small a frame.
 */
static int template_at(struct mp3asm *a, int kbps)
{
	int ret = CHUNK_INTERNAL;
	lame_t gf = lame_init();
	if (gf == NULL)
		return CHUNK_INTERNAL;
	lame_set_in_samplerate(gf, a->p.rate);
	lame_set_out_samplerate(gf, a->p.rate);
	lame_set_num_channels(gf, a->p.channels);
	lame_set_mode(gf, a->p.channels == 1 ? MONO : JOINT_STEREO);
	lame_set_VBR(gf, vbr_off);
	lame_set_brate(gf, kbps);
	lame_set_quality(gf, 3);
	lame_set_bWriteVbrTag(gf, 1);
	if (lame_init_params(gf) < 0) {
		ret = CHUNK_BAD_ARG;
		goto out;
	}
	float z[1152] = {0};
	unsigned char mp3[16384];
	if (lame_encode_buffer_ieee_float(gf, z, z, 1152, mp3, sizeof mp3) < 0 ||
	    lame_encode_flush(gf, mp3, sizeof mp3) < 0)
		goto out;
	size_t n = lame_get_lametag_frame(gf, a->tag, sizeof a->tag);
	a->tag_len = 0;
	if (n == 0) {
		ret = CHUNK_OK;
		goto out;
	}
	if (n < 4 + 156 || n > sizeof a->tag)
		goto out;
	a->tag_len = n;
	for (size_t i = 4; i + 156 <= n && i < 48; i++) {
		if (memcmp(a->tag + i, "Info", 4) == 0) {
			a->x = i;
			break;
		}
	}
	/* Our CRC must reproduce lame's, or the offsets are not what we think. */
	size_t c = a->x + 154;
	if (a->x == 0 || memcmp(a->tag + a->x + 120, "LAME", 4) != 0 ||
	    mp3asm_crc16(0, a->tag, c) != (uint16_t)(a->tag[c] << 8 | a->tag[c + 1]))
		goto out;
	ret = CHUNK_OK;
out:
	lame_close(gf);
	return ret;
}

/*
 * The Info frame. At low bitrates a frame is too small for the tag, and
 * lame writes none; the tag frame then has a higher bitrate than the
 * stream, as lame's own VBR tag frames have (decoders skip it either way).
 */
static int template_tag(struct mp3asm *a)
{
	static const int rates[] = {0, 64, 128, 160, 320};
	for (size_t i = 0; i < ARRAY_LEN(rates); i++) {
		int kbps = i == 0 ? a->p.bitrate : rates[i];
		if (i > 0 && kbps <= a->p.bitrate)
			continue;
		int r = template_at(a, kbps);
		if (r != CHUNK_OK || a->tag_len > 0) {
			a->tag[a->x + 140] = (unsigned char)(a->p.bitrate > 255 ? 255 : a->p.bitrate);
			return r;
		}
	}
	return CHUNK_INTERNAL;
}

struct mp3asm *mp3asm_new(const struct mp3asm_callbacks *cb, void *ud,
			  const struct chunk_params *p, int64_t total_samples,
			  const unsigned char *id3, size_t id3_len, int *err)
{
	struct mp3asm *a = xcalloc(1, sizeof *a);
	a->cb = cb;
	a->ud = ud;
	a->p = *p;
	a->total_samples = total_samples;
	*err = CHUNK_BAD_ARG;
	if (p->format != CHUNK_MP3 || total_samples < 0)
		goto fail;
	if ((*err = template_tag(a)) != CHUNK_OK)
		goto fail;
	a->frames_want = mp3asm_frames_for(p, total_samples);
	if (a->frames_want * chunk_mp3_framesize(p->rate) - 576 - total_samples > 4095) {
		*err = CHUNK_BAD_ARG;
		goto fail;
	}
	*err = CHUNK_WRITE_FAILED;
	if (id3_len > 0 && cb->write(ud, id3, id3_len) != 0)
		goto fail;
	a->id3_len = id3_len;
	/* A placeholder of the right size, rewritten by mp3asm_finish. */
	if (cb->write(ud, a->tag, a->tag_len) != 0)
		goto fail;
	*err = CHUNK_OK;
	return a;
fail:
	free(a);
	return NULL;
}

int mp3asm_add(struct mp3asm *a, const struct chunk *c)
{
	if (a->err)
		return a->err;
	if (a->finished)
		return a->err = CHUNK_DRAINED;
	if (c->format != CHUNK_MP3 || c->rate != a->p.rate || c->channels != a->p.channels ||
	    c->bitrate != a->p.bitrate || (c->first != (a->frames == 0)) ||
	    a->frames + c->nframes > a->frames_want)
		return a->err = CHUNK_MISMATCH;
	for (uint32_t i = 0; i < c->nframes; i++) {
		while (a->toc_next < 100 && a->frames >= a->frames_want * a->toc_next / 100)
			a->toc_off[a->toc_next++] = a->bytes;
		a->frames++;
		a->bytes += c->sizes[i];
	}
	a->music_crc = mp3asm_crc16(a->music_crc, c->data, c->len);
	if (c->len > 0 && a->cb->write(a->ud, c->data, c->len) != 0)
		return a->err = CHUNK_WRITE_FAILED;
	return CHUNK_OK;
}

int mp3asm_finish(struct mp3asm *a)
{
	if (a->err)
		return a->err;
	if (a->finished)
		return a->err = CHUNK_DRAINED;
	a->finished = 1;
	if (a->frames != a->frames_want)
		return a->err = CHUNK_MISMATCH;
	unsigned char *t = a->tag;
	size_t x = a->x;
	uint64_t total = a->tag_len + a->bytes;
	if (total > UINT32_MAX)
		return a->err = CHUNK_BAD_ARG;
	put_be32(t + x + 8, (uint32_t)a->frames);
	put_be32(t + x + 12, (uint32_t)total);
	for (int i = 0; i < 100; i++) {
		uint64_t off = a->tag_len + (i < a->toc_next ? a->toc_off[i] : a->bytes);
		uint64_t v = off * 256 / total;
		t[x + 16 + i] = (unsigned char)(v > 255 ? 255 : v);
	}
	int64_t pad = a->frames * chunk_mp3_framesize(a->p.rate) - 576 - a->total_samples;
	t[x + 141] = (unsigned char)(576 >> 4);
	t[x + 142] = (unsigned char)((576 & 15) << 4 | (int)(pad >> 8));
	t[x + 143] = (unsigned char)(pad & 255);
	put_be32(t + x + 148, (uint32_t)total);
	t[x + 152] = (unsigned char)(a->music_crc >> 8);
	t[x + 153] = (unsigned char)a->music_crc;
	uint16_t crc = mp3asm_crc16(0, t, x + 154);
	t[x + 154] = (unsigned char)(crc >> 8);
	t[x + 155] = (unsigned char)crc;
	if (a->cb->rewrite(a->ud, a->id3_len, t, a->tag_len) != 0)
		return a->err = CHUNK_WRITE_FAILED;
	return CHUNK_OK;
}

void mp3asm_free(struct mp3asm **a)
{
	if (a == NULL || *a == NULL)
		return;
	free(*a);
	*a = NULL;
}
