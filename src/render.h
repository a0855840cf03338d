/*
 * render.h: the timeline made into the finished episode file: every item
 * levelled to the loudness target (a gain and a peak limiter; loudness
 * measured with libebur128), encoded with libvorbisenc + libogg to a
 * temporary file that is renamed into place, and the file's bytes decoded
 * again as they are written and measured.
 *
 * In: a laid-out timeline, the loudness target and the Vorbis comments.
 * Out: the .ogg file and the figures measured on what was encoded. Each
 * speech segment's gain is kept next to its cache file (FILE.seg.lvl), so
 * a rebuild searches only segments it has not levelled before.
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
	double gain_db;          /* gain applied before the limiter: the mean over
				    audible items, weighted by their length */
	double decoded_lufs;     /* the same two figures of the file decoded again */
	double decoded_true_peak;
	double ceiling_dbtp;     /* the limiter's ceiling (a sample peak, under
				    o->ceiling_dbtp) */
	int encodes;             /* times the episode was encoded (1 unless the
				    decoded figures missed and it was done again) */
	int levelled;            /* items whose gain was searched (not kept) */
	double tp_share;         /* share of decoded frames the true-peak meter
				    had to interpolate (the rest could not raise it) */
};

/* Returns 0, or -1 with the problem reported by diag() naming out_path. */
int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct vorbis_meta *m, const char *out_path,
		   struct render_report *rep);

#endif
