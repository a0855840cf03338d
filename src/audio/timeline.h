/*
 * timeline.h: the episode's audio laid out in time, and read as a stream.
 *
 * In: items (intro, segments from the cache, silences, outro). Out: their
 * start and length in output frames (so chapters and transcripts know where
 * every segment is), and a reader that produces the mixed PCM in blocks,
 * resampled with libsoxr to the output rate, with short fades at the edges
 * of assets, never holding more than one item in memory.
 */
#ifndef PODSYNTH_TIMELINE_H
#define PODSYNTH_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

enum tl_kind {
	TL_SILENCE,
	TL_SEGMENT,        /* path: a segment cache file */
	TL_ASSET,          /* path: any file libsndfile reads */
	TL_JINGLE_INTRO,   /* the built-in intro, made by jingle.c */
	TL_JINGLE_OUTRO,   /* the built-in outro */
};

struct tl_item {
	enum tl_kind kind;
	char *path;        /* owned */
	int seg;           /* index of the segment in the script, -1 otherwise */
	int64_t length;    /* TL_SILENCE: set by the caller; others: by timeline_layout */
	int64_t start;     /* set by timeline_layout, in output frames */
	int src_rate;      /* set by timeline_layout: the item's own sample rate */
};

struct bed;

struct timeline {
	int rate;          /* output sample rate */
	int channels;      /* output channels, 1 or 2 */
	struct tl_item *items;
	int n;
	int64_t total;     /* frames, set by timeline_layout */
	struct bed *bed;   /* the music bed under it, or NULL (owned: timeline_set_bed) */
};

struct timeline *timeline_new(int rate, int channels);
void timeline_free(struct timeline **tl);
/* Appends an item (path is copied; may be NULL); returns its index. */
int timeline_add(struct timeline *tl, enum tl_kind kind, const char *path, int seg);
int timeline_add_silence(struct timeline *tl, int ms);
/*
 * Sets every item's start and length from the files' headers. A file that is
 * missing, unreadable or corrupt is reported with diag() naming it; returns -1
 * then.
 */
int timeline_layout(struct timeline *tl);

/*
 * The highest frequency item i of a laid-out timeline can hold, Hz: half
 * the lower of its own rate and the timeline's for a segment or a file
 * (a Flite voice's 16 kHz: 8000), the highest partial for a jingle, 0
 * for a pause.
 */
double timeline_item_top_hz(const struct timeline *tl, int i);

/*
 * Lengthens each pause that comes before a sound so that the sound starts
 * on a multiple of unit frames (the output formats' frame grid, so that an
 * edit moves what follows it by whole frames; at most unit - 1 frames per
 * pause), and sets the starts and total again. Call after timeline_layout.
 */
void timeline_align(struct timeline *tl, int64_t unit);

/* Puts a music bed (bed.h, ready to mix) under the timeline; it frees it. */
void timeline_set_bed(struct timeline *tl, struct bed *bed);
/*
 * Adds the bed, if there is one, to n mixed and levelled frames that start
 * at frame pos: the mixer calls it on what goes to the encoder, so the
 * bed counts in the episode's loudness and true peak.
 */
void timeline_mix_bed(const struct timeline *tl, float *frames, long n, int64_t pos);

struct tl_reader;
/* Opens a streaming reader over a laid-out timeline; NULL on error (reported). */
struct tl_reader *tl_reader_new(const struct timeline *tl);
/*
 * A reader over item idx alone: exactly the frames the whole timeline's
 * reader gives for that item (fades included), then the end. NULL on error
 * (reported).
 */
struct tl_reader *tl_reader_new_item(const struct timeline *tl, int idx);
/*
 * Fills out with up to frames interleaved float frames (range -1..1);
 * returns the number produced, 0 at the end, -1 on error (reported).
 */
long tl_reader_read(struct tl_reader *r, float *out, long frames);
void tl_reader_free(struct tl_reader **r);

#endif
