/*
 * render.h: the timeline made into the finished episode files: every item
 * levelled to the loudness target (a gain and a peak limiter; loudness
 * measured with libebur128), encoded to each format asked for (MP3 with
 * libmp3lame, Opus with libopusenc, Vorbis with libvorbisenc) in parallel,
 * each to a temporary file that is renamed into place, and each file's
 * bytes decoded again as they are written and measured.
 *
 * In: a laid-out timeline, the loudness target, the formats, the metadata.
 * Out: the files and the figures measured on what was encoded. Each
 * speech segment's gain is kept next to its cache file (FILE.seg.lvl), so
 * a rebuild searches only segments it has not levelled before.
 */
#ifndef PODSYNTH_RENDER_H
#define PODSYNTH_RENDER_H

#include <stdint.h>

#include "codec/codec.h"
#include "show/show.h"
#include "render_grid.h"
#include "audio/audio.h"

struct render_opts {
	double target_lufs;      /* e.g. -16 */
	double ceiling_dbtp;     /* e.g. -1 */
	int bitrate;             /* Vorbis nominal kbit/s, when nformats is 0 */
	uint32_t serial;         /* Ogg stream serial (the i-th format's is serial + i):
				    fixed so rebuilds are identical */
	/* The formats, their bitrates and their files, in order. nformats 0:
	 * Vorbis alone at bitrate, to render_episode's out_path. */
	enum audio_format formats[FMT_COUNT];
	int kbps[FMT_COUNT];
	const char *paths[FMT_COUNT];
	int nformats;
	/* Called on this thread as the audio goes to the encoders: seconds
	 * of total handed over, in encode number pass (1, 2 on a second
	 * encode); about once a second of audio. May be NULL. */
	void (*progress)(void *ud, double done_s, double total_s, int pass);
	void *progress_ud;
	int jobs;                /* threads for the MP3 and Opus chunks (0: 1) */
	const char *cache_dir;   /* for the level records of the intro, outro and
				    audio inserts (segments keep theirs beside
				    their cache file); NULL: none kept */
	struct render_ahead *ahead; /* chunks made ahead by this build, or NULL */
};

/*
 * Rendering ahead (issue 25): while a cold build still synthesises the
 * last segments, the first ones can already be levelled and encoded. A
 * group of the chunked formats (MP3, Opus) depends only on its own items
 * and where it starts, and a group is complete once the item after it is
 * laid out; so render_ahead_run takes the first k items of the timeline
 * (their segment files written), lays them out, and levels, encodes,
 * measures and writes to the cache the chunks of every complete group it
 * has not done yet, on the calling thread, one group at a time, until
 * *stop is set (read atomically; the group in hand is finished). The
 * chunks and level records are exactly the ones render_episode would make
 * (the same keys): render_episode finds them in the cache, and counts them
 * as encoded by this build when o->ahead names them. Nothing is made under
 * a music bed or for whole-file formats (Vorbis).
 */
struct render_ahead;
/* o is copied (its strings must outlive the render_ahead); the caller frees
   the result with render_ahead_free. */
struct render_ahead *render_ahead_new(const struct render_opts *o);
/*
 * Items [0, k) of tl (not laid out: render_ahead_run lays out its own copy;
 * every segment among them must have its cache file), aligned to grid
 * (render_chunk_grid). Returns 0, or -1 when something failed (reported;
 * the render_ahead then does nothing more, and render_episode makes what
 * is missing).
 */
int render_ahead_run(struct render_ahead *a, const struct timeline *tl, int k, int64_t grid,
		     const int *stop);
/* The groups whose chunks it has made so far (for the figures). */
int render_ahead_groups(const struct render_ahead *a);
void render_ahead_free(struct render_ahead **a);

/* One format's figures, measured on its file decoded again. */
struct render_format_report {
	enum audio_format format;
	double lufs, true_peak;
};

/* Loudness and peaks are -HUGE_VAL (never NaN) for a silent episode. */
struct render_report {
	double lufs;             /* integrated loudness of what was encoded */
	double true_peak;        /* dBTP of what was encoded */
	double seconds;          /* duration */
	double gain_db;          /* gain applied before the limiter: the mean over
				    audible items, weighted by their length */
	double decoded_lufs;     /* the same two figures of the first format's file
				    decoded again */
	double decoded_true_peak;
	double ceiling_dbtp;     /* the limiter's ceiling (a sample peak, under
				    o->ceiling_dbtp) */
	int encodes;             /* times the episode was encoded (1 unless the
				    decoded figures missed and it was done again) */
	int levelled;            /* items whose gain was searched (not kept) */
	double tp_share;         /* share of decoded frames the true-peak meter
				    had to interpolate (the rest could not raise it) */
	struct render_format_report formats[FMT_COUNT]; /* in the order asked */
	int nformats;
	int chunked;             /* MP3 and Opus were made from chunks */
	int chunks_encoded;      /* chunks of the files encoded by this build */
	int chunks_kept;         /* ... and taken from the cache */
};

/*
 * Writes every format's file (out_path is the Vorbis file when
 * o->nformats is 0, else unused: o->paths). Each is written to a temporary
 * name; all are renamed into place only when every one is complete.
 * Returns 0, or -1 with the problem reported by diag() naming the file
 * (then no file is changed).
 */
int render_episode(const struct timeline *tl, const struct render_opts *o,
		   const struct audio_meta *m, const char *out_path,
		   struct render_report *rep);

#endif
