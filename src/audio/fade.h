/*
 * fade.h: the raised-cosine ramp every fade in the mix is made of: the
 * jingles' attacks and edges, the bed's crossfades and ducking, the
 * timeline's fades at the edges of items. The lowest of the audio files.
 *
 * In: a position in the ramp, 0 to 1. Out: a gain, 0 to 1.
 */
#ifndef PODSYNTH_FADE_H
#define PODSYNTH_FADE_H

/* 0 at x <= 0, 1 at x >= 1, a raised cosine between: 0.5 - 0.5 cos(pi x). */
double fade_rcos(double x);

#endif
