/*
 * jingle.h: the built-in intro and outro, synthesised (never recorded or
 * downloaded): a short chime of a few sine partials with bell-like
 * envelopes.
 *
 * In: which jingle and the output sample rate. Out: mono float samples,
 * rendered in any pieces (a pure function of the sample index, so the
 * timeline can stream it and every rebuild is identical).
 */
#ifndef PODSYNTH_JINGLE_H
#define PODSYNTH_JINGLE_H

#include <stdint.h>

enum jingle_kind {
	JINGLE_INTRO,   /* a rising arpeggio and a chord, about 4 s */
	JINGLE_OUTRO,   /* a falling arpeggio that fades out, about 3 s */
};

/* The jingle's length in frames at rate (> 0). */
int64_t jingle_length(enum jingle_kind k, int rate);
/*
 * Writes n mono samples (peaks about 0.25, about -27 LUFS) of the jingle
 * at rate, starting at frame offset, into out. Frames outside the jingle
 * are silence. The first and last samples are zero: no click at either edge.
 */
void jingle_render(enum jingle_kind k, int rate, int64_t offset, float *out, long n);
/* The highest partial the jingle plays at rate, Hz (nothing above it). */
double jingle_top_hz(enum jingle_kind k, int rate);

#endif
