/*
 * oggasm.c: Opus chunks to one Ogg Opus stream (libogg).
 *
 * In: struct chunk runs of 20 ms Opus packets (opuschunk.c), in timeline
 * order. Out: Ogg pages through the caller's write callback.
 *
 * Granule positions count 48 kHz samples from the start of the stream,
 * pre-skip included (RFC 7845): after packet m, (m + 1) * 960; the last
 * packet's is pre-skip + the timeline's length at 48 kHz, which trims the
 * encoder's padding at the end. Chunks store packets, not pages, so no
 * page of a chunk is copied: libogg lays out every page of the file, with
 * its sequence number and CRC, as one encoder's stream would have them.
 */
#include "oggasm.h"
#include "core/core.h"

#include <ogg/ogg.h>
#include <stdlib.h>
#include <string.h>

struct oggasm {
	const struct oggasm_callbacks *cb;
	void *ud;
	struct chunk_params p;
	ogg_stream_state os;
	int64_t packets, packets_want, preskip, end_granule;
	int err, finished;
};

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

unsigned char *oggasm_tags(const char *vendor, const char *const *comments, int n,
			   size_t *len)
{
	struct buf b = {0};
	unsigned char w[4];
	buf_add(&b, "OpusTags", 8);
	put_le32(w, (uint32_t)strlen(vendor));
	buf_add(&b, w, 4);
	buf_puts(&b, vendor);
	put_le32(w, (uint32_t)n);
	buf_add(&b, w, 4);
	for (int i = 0; i < n; i++) {
		put_le32(w, (uint32_t)strlen(comments[i]));
		buf_add(&b, w, 4);
		buf_puts(&b, comments[i]);
	}
	*len = b.len;
	return (unsigned char *)buf_detach(&b);
}

/* Writes the pages libogg has ready (all of them with flush). */
static int drain(struct oggasm *a, int flush)
{
	ogg_page pg;
	while (flush ? ogg_stream_flush(&a->os, &pg) : ogg_stream_pageout(&a->os, &pg)) {
		if (a->cb->write(a->ud, pg.header, (size_t)pg.header_len) != 0 ||
		    a->cb->write(a->ud, pg.body, (size_t)pg.body_len) != 0)
			return CHUNK_WRITE_FAILED;
	}
	return CHUNK_OK;
}

static int packet_in(struct oggasm *a, const unsigned char *d, size_t n, int bos, int eos,
		     int64_t granule, int64_t no)
{
	ogg_packet op;
	memset(&op, 0, sizeof op);
	op.packet = (unsigned char *)d;
	op.bytes = (long)n;
	op.b_o_s = bos;
	op.e_o_s = eos;
	op.granulepos = granule;
	op.packetno = no;
	return ogg_stream_packetin(&a->os, &op) == 0 ? CHUNK_OK : CHUNK_INTERNAL;
}

struct oggasm *oggasm_new(const struct oggasm_callbacks *cb, void *ud,
			  const struct chunk_params *p, int64_t total_samples,
			  uint32_t serial, const unsigned char *tags, size_t tags_len,
			  int *err)
{
	return oggasm_new_gain(cb, ud, p, total_samples, serial, tags, tags_len, 0, err);
}

struct oggasm *oggasm_new_gain(const struct oggasm_callbacks *cb, void *ud,
			       const struct chunk_params *p, int64_t total_samples,
			       uint32_t serial, const unsigned char *tags, size_t tags_len,
			       int16_t gain_q8, int *err)
{
	struct oggasm *a = xcalloc(1, sizeof *a);
	a->cb = cb;
	a->ud = ud;
	a->p = *p;
	*err = CHUNK_BAD_ARG;
	if (p->format != CHUNK_OPUS || total_samples < 0 || p->rate % 50 != 0 ||
	    tags == NULL || tags_len < 16 || memcmp(tags, "OpusTags", 8) != 0) {
		free(a);
		return NULL;
	}
	ogg_stream_init(&a->os, (int)serial);
	a->preskip = chunk_opus_lookahead();
	int64_t t48 = (total_samples * 48000 + p->rate / 2) / p->rate;
	a->end_granule = a->preskip + t48;
	a->packets_want = (a->end_granule + 959) / 960;
	unsigned char head[19];
	memcpy(head, "OpusHead", 8);
	head[8] = 1;
	head[9] = (unsigned char)p->channels;
	head[10] = (unsigned char)a->preskip;
	head[11] = (unsigned char)(a->preskip >> 8);
	put_le32(head + 12, (uint32_t)p->rate);
	head[16] = (unsigned char)((uint16_t)gain_q8 & 0xff);  /* output gain, Q7.8 dB */
	head[17] = (unsigned char)((uint16_t)gain_q8 >> 8);
	head[18] = 0;             /* mapping family 0 */
	if ((*err = packet_in(a, head, sizeof head, 1, 0, 0, 0)) != CHUNK_OK ||
	    (*err = drain(a, 1)) != CHUNK_OK ||
	    (*err = packet_in(a, tags, tags_len, 0, 0, 0, 1)) != CHUNK_OK ||
	    (*err = drain(a, 1)) != CHUNK_OK) {
		oggasm_free(&a);
		return NULL;
	}
	return a;
}

int oggasm_add(struct oggasm *a, const struct chunk *c)
{
	if (a->err)
		return a->err;
	if (a->finished)
		return a->err = CHUNK_DRAINED;
	if (c->format != CHUNK_OPUS || c->rate != a->p.rate || c->channels != a->p.channels ||
	    c->bitrate != a->p.bitrate || c->frame_samples != 960 ||
	    (c->first != (a->packets == 0)) || a->packets + c->nframes > a->packets_want)
		return a->err = CHUNK_MISMATCH;
	const unsigned char *d = c->data;
	for (uint32_t i = 0; i < c->nframes; i++) {
		a->packets++;
		int last = a->packets == a->packets_want;
		int64_t g = last ? a->end_granule : a->packets * 960;
		int r = packet_in(a, d, c->sizes[i], 0, last, g, a->packets + 1);
		if (r == CHUNK_OK)
			r = drain(a, 0);
		if (r != CHUNK_OK)
			return a->err = r;
		d += c->sizes[i];
	}
	return CHUNK_OK;
}

int oggasm_finish(struct oggasm *a)
{
	if (a->err)
		return a->err;
	if (a->finished)
		return a->err = CHUNK_DRAINED;
	a->finished = 1;
	if (a->packets != a->packets_want)
		return a->err = CHUNK_MISMATCH;
	int r = drain(a, 1);
	return r ? (a->err = r) : CHUNK_OK;
}

void oggasm_free(struct oggasm **a)
{
	if (a == NULL || *a == NULL)
		return;
	ogg_stream_clear(&(*a)->os);
	free(*a);
	*a = NULL;
}
