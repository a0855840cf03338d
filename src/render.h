/*
 * render.h: the timeline made into the finished episode file: loudness
 * measured with libebur128, gain and a true-peak limiter applied, encoded
 * with libvorbisenc + libogg to a temporary file that is renamed into place.
 *
 * In: a laid-out timeline, the loudness target and the Vorbis comments.
 * Out: the .ogg file and the figures measured on what was encoded.
 */
#ifndef PODSYNTH_RENDER_H
#define PODSYNTH_RENDER_H

#include <stdint.h>

#include "timeline.h"

struct chapter {
	int64_t start;     /* output frame */
	char *title;
};

struct vorbis_meta {
	const char *title;
	const char *album;       /* the show */
	const char *artist;
	const char *date;
	const char *tracknumber; /* NULL when none */
	const char *language;
	const char *description; /* NULL when none */
	const struct chapter *chapters;
	int nchapters;
};

struct render_opts {
	double target_lufs;      /* e.g. -16 */
	double ceiling_dbtp;     /* e.g. -1 */
	int bitrate;             /* nominal kbit/s */
	uint32_t serial;         /* Ogg stream serial: fixed so rebuilds are identical */
};

/* Loudness and peaks are -HUGE_VAL (never NaN) for a silent episode. */
struct render_report {
	double lufs;             /* integrated loudness of what was encoded */
	double true_peak;        /* dBTP of what was encoded */
	double seconds;          /* duration */
	double gain_db;          /* gain applied before the limiter */
	double decoded_lufs;     /* the same two figures of the file decoded again */
	double decoded_true_peak;
	double ceiling_dbtp;     /* the limiter's ceiling (under o->ceiling_dbtp) */
};

/* Returns 0, or -1 with the problem reported by diag() naming out_path. */
int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct vorbis_meta *m, const char *out_path,
		   struct render_report *rep);

#endif
