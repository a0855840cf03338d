/*
 * opuschunk.c: one item's PCM to a run of Opus packets (libopus, with
 * libsoxr resampling to Opus's 48 kHz).
 *
 * In: the span (chunk.c) and the item's interleaved float PCM. Out: the
 * packets the span owns, 20 ms each, in a struct chunk.
 *
 * libopus directly rather than libopusenc: the chunk needs raw packets on
 * a grid it controls, with no Ogg pages, no resampler state of its own and
 * no header; the assembler (oggasm.c) makes the pages. The encoder input
 * begins `lead` packets before the span's first packet, on the grid, with
 * the silence of the pause before the item; those packets are encoded and
 * dropped, so the encoder's state (band energies, mode, pitch filter) at
 * the first kept packet is the state of one that has been coding silence,
 * which is the state the whole-file decoder is in when it gets there. The
 * input is resampled per chunk: a chunk starts on a 20 ms boundary, which
 * is a whole number of samples at both rates, so its samples fall on the
 * whole file's 48 kHz grid.
 *
 * Two of the encoder's choices are fixed rather than learnt from what it
 * has heard, so that a chunk's start is coded as the middle of a file
 * would be: the signal is voice (a fresh encoder's speech/music guess
 * starts undecided, and its mode switch at the first word overshot the
 * limiter's ceiling in the decoded audio: chunked -0.8 dBTP against -1.5
 * for one encoder over the same speech-like PCM in test_chunk), and the
 * audio bandwidth is superwideband, 12 kHz (left to itself it switched
 * bandwidth at the first word too, up to 3 dB over the ceiling on
 * espeak-ng speech at 32 kbit/s). espeak-ng speaks at 22.05 kHz, so there
 * is nothing above 11 kHz to keep; the intro and outro are coded as voice
 * as well. A chunk whose content ends at 8 kHz (chunk_params.top_hz: Flite's
 * 16 kHz voices, the built-in jingles) is coded wideband, 8 kHz: less work
 * for the encoder, and the bits go where the sound is (docs/performance.md:
 * a higher SNR against the source at 32 and 64 kbit/s).
 */
#include "chunk.h"
#include "core/core.h"

#include <opus/opus.h>
#include <soxr.h>
#include <stdlib.h>
#include <string.h>

#define OPUS_FRAME 960      /* 20 ms at 48 kHz */
#define MAX_PACKET 4000

/*
 * The OPUS_FRAME frames of the encoder's input from timeline sample t (48
 * kHz): pcm where the span's item lies, zeros around it; into frame, or
 * straight from pcm when the frame lies wholly inside the item.
 */
static const float *frame_at(const float *pcm, const struct chunk_span *s, int64_t t, int ch,
			     float *frame)
{
	int64_t a = t - s->start, b = a + OPUS_FRAME;   /* in pcm's frames */
	if (a >= 0 && b <= s->length)
		return pcm + a * ch;
	memset(frame, 0, (size_t)(OPUS_FRAME * ch) * sizeof *frame);
	int64_t lo = a > 0 ? a : 0, hi = b < s->length ? b : s->length;
	if (hi > lo)
		memcpy(frame + (lo - a) * ch, pcm + lo * ch, (size_t)((hi - lo) * ch) * sizeof *frame);
	return frame;
}

int chunk_opus_bandwidth(const struct chunk_params *p)
{
	return p->top_hz > 0 && p->top_hz <= 8000 ? OPUS_BANDWIDTH_WIDEBAND
						  : OPUS_BANDWIDTH_SUPERWIDEBAND;
}

int chunk_encode_opus(const struct chunk_params *p, const struct chunk_span *s,
		      const float *pcm, struct chunk *c)
{
	int ret = CHUNK_INTERNAL, ch = p->channels, err;
	int64_t packets = s->lead + s->nframes;
	int64_t n_in = packets * s->unit, n48 = packets * OPUS_FRAME;
	int64_t origin = (s->k0 - s->lead) * s->unit;  /* timeline sample of in[0] */
	float *in = NULL, *res = NULL;
	float frame[OPUS_FRAME * 2];
	struct buf out = {0};
	OpusEncoder *enc = NULL;
	if (ch < 1 || ch > 2)
		return CHUNK_BAD_ARG;
	/* At 48 kHz each packet's frame is cut from pcm as it is encoded (see
	 * frame_at); at other rates the whole input, zeros around the item,
	 * goes through the resampler at once. */
	if (p->rate != 48000) {
		in = xcalloc((size_t)(n_in * ch), sizeof *in);
		int64_t from = s->start - origin;       /* in[] index of pcm[0] */
		int64_t a = from > 0 ? from : 0, b = from + s->length;
		if (b > n_in)
			b = n_in;
		if (b > a)
			memcpy(in + a * ch, pcm + (a - from) * ch, (size_t)((b - a) * ch) * sizeof *in);
		res = xcalloc((size_t)(n48 * ch), sizeof *res);
		soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
		soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
		size_t odone = 0;
		soxr_error_t e = soxr_oneshot(p->rate, 48000, (unsigned)ch, in, (size_t)n_in,
					      NULL, res, (size_t)n48, &odone, &io, &q, NULL);
		if (e != NULL)
			goto out;
		/* Any shortfall is at the very end, in the zeros after the item. */
	}
	enc = opus_encoder_create(48000, ch, OPUS_APPLICATION_AUDIO, &err);
	if (enc == NULL || err != OPUS_OK)
		goto out;
	if (opus_encoder_ctl(enc, OPUS_SET_BITRATE(p->bitrate * 1000)) != OPUS_OK ||
	    opus_encoder_ctl(enc, OPUS_SET_VBR(1)) != OPUS_OK ||
	    opus_encoder_ctl(enc, OPUS_SET_COMPLEXITY(10)) != OPUS_OK ||
	    opus_encoder_ctl(enc, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE)) != OPUS_OK ||
	    opus_encoder_ctl(enc, OPUS_SET_BANDWIDTH(chunk_opus_bandwidth(p))) != OPUS_OK) {
		ret = CHUNK_BAD_ARG;
		goto out;
	}
	c->frame_samples = OPUS_FRAME;
	c->sizes = xcalloc((size_t)s->nframes, sizeof *c->sizes);
	unsigned char pkt[MAX_PACKET];
	for (int64_t j = 0; j < packets; j++) {
		const float *f = res != NULL ? res + j * OPUS_FRAME * ch
					     : frame_at(pcm, s, origin + j * OPUS_FRAME, ch, frame);
		opus_int32 len = opus_encode_float(enc, f, OPUS_FRAME, pkt, MAX_PACKET);
		if (len <= 0)
			goto out;
		if (j < s->lead)
			continue;
		c->sizes[c->nframes++] = (uint32_t)len;
		buf_add(&out, pkt, (size_t)len);
	}
	c->len = out.len;
	c->data = (unsigned char *)buf_detach(&out);
	ret = CHUNK_OK;
out:
	if (enc != NULL)
		opus_encoder_destroy(enc);
	free(in);
	free(res);
	buf_free(&out);
	return ret;
}
