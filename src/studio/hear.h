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
 * A hearing goes in three steps, so that the server's request thread does
 * only the quick ones: hear_prepare reads the paragraph and makes its
 * script (what will be said, with why each token is said so) and finds its
 * cache file; hear_synthesise, when the file is not there, runs synthesis
 * (synth/'s worker processes: espeak-ng never runs in this process; the
 * call may be made from another thread, hearq.h); hear_answer writes the
 * JSON from the cache file.
 */
struct hearing;

/* HEAR_OK with *out (free with hearing_free), or HEAR_NOTHING and NULL. */
enum hear_result hear_prepare(const struct hear_show *sh, const char *text, struct hearing **out);
/* Marks h failed without synthesising it (a hearing dropped at shutdown). */
void hear_fail(struct hearing *h);
/* Whether h's audio is not in the cache yet. */
int hear_needs_synthesis(const struct hearing *h);
/* Synthesises h's segment unless it was cached. 0, or -1 (reported; hear_answer fails). */
int hear_synthesise(struct hearing *h);
/*
 * Appends to json {"key":..., "cached":true|false, "ms":..., "spoken":...,
 * "guessed":[...], "parts":[...]}: "ms" the time since hear_prepare,
 * "spoken" what will be said, "guessed" the tokens the normaliser had to
 * guess ({"w":as written,"why":..., "said":...}: no list, rule or lexicon
 * entry knew them; speech.h), and "parts" the spoken text cut into pieces,
 * {"w":text} between words and {"w":word,"t":ms} for each word espeak-ng
 * reported, with the time it starts in the audio and "g":1 when it is said
 * of a guessed token.
 */
enum hear_result hear_answer(const struct hearing *h, struct buf *json);
void hearing_free(struct hearing **h);

/* The three steps at once (for tests and the bench). */
enum hear_result hear_paragraph(const struct hear_show *sh, const char *text, struct buf *json);

/*
 * The cached audio of key (32 hex digits) as a 16-bit mono WAV file in wav.
 * Returns 0, or -1 when key is not a key or has no sound cache file.
 */
int hear_wav(const char *cache_dir, const char *key, struct buf *wav);

#endif
