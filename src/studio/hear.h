/*
 * hear.h: "hear it": one paragraph of a summary synthesised through the
 * same pipeline as an episode (show/'s reader, script/'s normaliser and
 * cache key, synth/'s workers and segment cache), so an unchanged paragraph
 * is answered from the cache at once and a changed one costs one segment.
 *
 * In: the paragraph's Markdown and the show (voices, lexicons, the engine's
 * facts, the cache directory). Out: the segment's cache key, what will be
 * said, and its words with their times, as JSON for the page; the audio as
 * WAV for the page's <audio> element.
 */
#ifndef PODSYNTH_STUDIO_HEAR_H
#define PODSYNTH_STUDIO_HEAR_H

#include "core/core.h"
#include "show/show.h"
#include "script/script.h"

struct hear_show {
	const struct channel *ch;
	const struct voiceset *vs;
	const struct lexicon *lex;
	const struct engine_facts *eng;
	const char *cache_dir;
	const char *file;       /* the episode file, for messages */
};

enum hear_result {
	HEAR_OK = 0,
	HEAR_NOTHING,           /* nothing in the text is spoken */
	HEAR_FAILED,            /* synthesis or the cache failed (reported) */
};

/*
 * Synthesises the first segment of text (unless cached) and appends to json
 * {"key":..., "cached":true|false, "ms":..., "spoken":..., "parts":[...]}:
 * "ms" the time it took, "spoken" what will be said, and "parts" the same
 * text cut into pieces, {"w":text} between words and {"w":word,"t":ms} for
 * each word espeak-ng reported, with the time it starts in the audio.
 */
enum hear_result hear_paragraph(const struct hear_show *sh, const char *text, struct buf *json);

/*
 * The cached audio of key (32 hex digits) as a 16-bit mono WAV file in wav.
 * Returns 0, or -1 when key is not a key or has no sound cache file.
 */
int hear_wav(const char *cache_dir, const char *key, struct buf *wav);

#endif
