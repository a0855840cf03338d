/*
 * id3.h: the ID3v2.4 tag at the head of the MP3: title, show, author, date,
 * episode number, language, description, cover picture, and chapters as
 * CHAP frames under one CTOC (the ID3v2 Chapter Frame Addendum, which
 * Apple Podcasts, Overcast and Pocket Casts read).
 *
 * Why here and not a library: libmp3lame writes ID3v2 text frames and a
 * picture but no CHAP or CTOC; TagLib (C++) writes them but its C binding
 * cannot; id3lib and libid3tag know neither. The frames are simple, so the
 * whole tag is made in this one file (UTF-8 text, no unsynchronisation,
 * no padding) and tested byte by byte (tests/unit/test_id3.c) and by
 * mutagen and ffprobe (tests/t-formats.sh).
 *
 * In: struct audio_meta, the stream's rate and total length in frames
 * (for the last chapter's end). Out: the tag's bytes.
 */
#ifndef PODSYNTH_ID3_H
#define PODSYNTH_ID3_H

#include <stddef.h>
#include <stdint.h>

#include "audiometa.h"

/*
 * The tag for m at rate, total frames long. picture (len bytes, MIME type
 * mime) may be NULL. Returns the bytes (the caller frees) and *len.
 */
unsigned char *id3_tag(const struct audio_meta *m, int rate, int64_t total,
		       const unsigned char *picture, size_t picture_len, const char *mime,
		       size_t *len);

/* The ISO 639-2 code for BCP 47 tag lang ("en-GB" -> "eng"), or NULL. */
const char *id3_language(const char *lang);

#endif
