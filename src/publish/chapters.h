/*
 * chapters.h: an episode's chapters, one per section, where the sections
 * start in the final audio; and the Podcasting 2.0 JSON chapters file
 * (rss/episodes/<slug>.chapters.json) made from them.
 *
 * In: the episode, its script and the laid-out timeline it was rendered
 * from. Out: struct chapter (audiometa.h: start frames at the timeline's
 * rate), which the renderer also writes as Vorbis chapter comments and ID3
 * CHAP frames, so that all agree; and the JSON file.
 */
#ifndef PODSYNTH_CHAPTERS_H
#define PODSYNTH_CHAPTERS_H

#include <stdint.h>

#include "codec/codec.h"
#include "show/show.h"
#include "script/script.h"
#include "audio/audio.h"
#include "core/core.h"

/*
 * Builds the chapter list: one chapter per heading segment in the
 * timeline, starting where it starts, titled with the heading's text
 * (Speech Markdown taken out, sanitised), with the link and image its
 * section names (struct section_links; img relative to the site's root). The first chapter always starts
 * at 0, so that it takes in the intro; when there is text before the first
 * heading, or no heading at all, that first chapter is titled with the
 * episode's title. Returns the number of chapters (>= 1) and sets *out;
 * the caller frees with chapters_free.
 */
int chapters_from_timeline(const struct episode *ep, const struct script *s,
			   const struct timeline *tl, struct chapter **out);
void chapters_free(struct chapter **c, int n);

/* A frame count at rate in whole milliseconds, rounded to nearest (chapter_ms). */
long long chapters_ms(int64_t frames, int rate);

/*
 * The JSON chapters document (version 1.2.0) for chapters c[0..n), start
 * frames at rate; title (the episode) and podcast (the show) may be NULL.
 * A chapter's img (relative to the site's root) is written under site
 * (the show's link, may be NULL), its url as it is.
 * startTime is in seconds with millisecond precision, rounded as
 * chapters_ms does. The caller frees.
 */
char *chapters_json(const struct chapter *c, int n, int rate,
		    const char *title, const char *podcast, const char *site);
/* Writes chapters_json(...) to path atomically. 0, or -1 (reported naming path). */
int chapters_write_json(const char *path, const struct chapter *c, int n, int rate,
			const char *title, const char *podcast, const char *site);

/* Appends s as a JSON string (sanitised, quoted, escaped): the rule of every
 * JSON file publish/ writes (chapters, oEmbed). */
void chapters_json_str(struct buf *b, const char *s);

/* The rate of a chapter list read from a JSON file: its times are whole milliseconds. */
#define CHAPTERS_JSON_RATE 1000

/*
 * Reads a JSON chapters file (version 1.2.0: a "chapters" array of
 * objects with startTime and title, and img and url when publishable),
 * starts at CHAPTERS_JSON_RATE.
 * Returns the count (*out set, free with chapters_list_free), or -1
 * (reported naming the file and line).
 */
int chapters_read_json(const char *path, struct chapter **out);
void chapters_list_free(struct chapter *c, int n);

#endif
