/*
 * audiometa.h: what every encoder is told about the episode besides its
 * audio: title, show, author, date, number, language, description, cover
 * picture and chapters.
 *
 * In: strings and chapters the build borrows from the episode and the
 * show. Out: the same as Vorbis comments (Vorbis and Opus; the Xiph
 * chapter extension CHAPTER001=HH:MM:SS.mmm, CHAPTER001NAME=...), and the
 * picture's bytes and MIME type. The ID3v2 tag of the MP3 is made by id3.h
 * from the same struct.
 */
#ifndef PODSYNTH_AUDIOMETA_H
#define PODSYNTH_AUDIOMETA_H

#include <stddef.h>
#include <stdint.h>

#include "encode.h"

/*
 * A chapter: where it starts, in frames at the rate of the list it is in
 * (the renderer's output rate; a list read back from a JSON chapters
 * file is at 1000, its times being whole milliseconds), and its title.
 * The one chapter type: the renderer, the ID3 and Vorbis tags, the JSON
 * file (chapters.h) and the site's pages (site.c) all use it, and turn
 * its start into time only through chapter_ms and chapter_seconds, so
 * that they agree.
 */
struct chapter {
	int64_t start;     /* frame at the list's rate */
	char *title;
	char *url;         /* the chapter's link (http or https), or NULL */
	char *img;         /* its image: relative to the site's root in a build, the
			      absolute URL in a list read from JSON; or NULL */
	char *img_file;    /* the image's file, to embed (ID3 APIC); NULL when none */
};

/* A start frame at rate in whole milliseconds, rounded to nearest; 0 when rate <= 0. */
int64_t chapter_ms(int64_t frame, int rate);
/* A start frame at rate in seconds; 0 when rate <= 0. */
double chapter_seconds(int64_t frame, int rate);

/* Every field is borrowed; NULL (or "") where the episode has none. */
struct audio_meta {
	const char *title;
	const char *album;       /* the show */
	const char *artist;
	const char *date;        /* YYYY-MM-DD */
	const char *tracknumber; /* the episode number */
	const char *language;    /* BCP 47: "en", "zh-CN" */
	const char *description;
	const char *picture;     /* a PNG or JPEG file: the cover */
	const struct chapter *chapters;
	int nchapters;
	const char *source;      /* the episode file, for messages */
};

/* At most this many chapters are written (the Xiph and CTOC limits). */
#define AUDIO_MAX_CHAPTERS 255

/*
 * The Vorbis comments for m (may be NULL), chapter times at rate. The
 * picture is not among them (each encoder adds it its own way). The
 * caller frees with enc_comments_free.
 */
struct enc_comments *audio_meta_comments(const struct audio_meta *m, int rate);

/*
 * Reads the picture m->picture into *data (the caller frees) and sets
 * *mime ("image/png" or "image/jpeg", static) from its first bytes.
 * 0 with *data NULL when there is none; -1 reported (file and problem)
 * when it cannot be read or is neither PNG nor JPEG.
 */
int audio_meta_picture(const struct audio_meta *m, unsigned char **data, size_t *len,
		       const char **mime);

/*
 * The picture as a Vorbis comment's value: the base64 of a FLAC
 * METADATA_BLOCK_PICTURE (type 3, front cover; width, height and depth
 * from the PNG or JPEG header, 0 where it does not say). The caller frees.
 */
char *audio_picture_block(const unsigned char *data, size_t len, const char *mime);

/* "HH:MM:SS.mmm" for frame at rate (the Xiph chapter extension's form). */
void audio_chapter_time(char out[32], int64_t frame, int rate);

#endif
