/*
 * segment.h: the script stage. An episode's blocks become segments, the
 * unit of synthesis and of the audio cache; each segment is a list of runs
 * (a stretch of text in one voice, run.h) and knows the pauses around it.
 *
 * In: struct episode, the show's channel settings, voices and lexicon, and
 * the engine's facts (for the cache keys). Out: struct script, plain data
 * for the synthesiser and the mixer.
 */
#ifndef PODSYNTH_SEGMENT_H
#define PODSYNTH_SEGMENT_H

#include "show/show.h"
#include "run.h"

struct channel;
struct voice;
struct voiceset;
struct lexicon;

struct segment {
	char id[16];          /* stable: derived from the block's own text, see segment.c */
	enum block_kind kind;
	int line;             /* line in the episode file */
	int section;          /* -1 before the first heading */
	char *source;         /* the block text as written */
	struct run *runs;
	int nruns;
	int pause_after_ms;   /* silence the mixer puts after this segment */
	char *speaker;        /* the speaker's name (episode speakers:), NULL when none */
	char key[33];         /* cache key: hash of everything that changes the sound */
};

struct script {
	struct segment *segs;
	int nsegs;
};

/*
 * What the synthesiser is, as far as the sound of its audio goes: part of
 * every cache key. The project learns them once when it opens
 * (synth_engine_open) and hands them down.
 */
struct engine_facts {
	const char *version;  /* espeak-ng's version string; static storage */
	int rate;             /* the sample rate of its audio */
	const char *flite_version;  /* Flite's; static storage (its rate is the voice's) */
};

/*
 * Builds the script. Problems (unknown voice in an override, nothing left to
 * speak) are reported with diag() naming the episode file and line; returns
 * -1 when there was an error. The caller frees with script_free.
 */
int script_build(const struct episode *ep, const struct channel *ch,
		 const struct voiceset *vs, const struct lexicon *lex,
		 const struct engine_facts *eng, struct script **out);
void script_free(struct script **s);
/* Finds a segment by ID (or a unique prefix of one); NULL when none. */
struct segment *script_find(struct script *s, const char *id);
/*
 * A segment's cache key, as made by the engine eng: a hash of everything
 * that changes its sound (see segment.c). script_build sets seg->key so.
 */
void segment_key(const struct segment *seg, const struct engine_facts *eng, char key[33]);
/* The path of a segment's cached audio in cache_dir; the caller frees. */
char *segment_cache_path(const char *cache_dir, const struct segment *seg);
/*
 * The words of a segment as spoken, as a person reads them (every hint's
 * written form, core/text.h), runs joined by spaces; the caller frees.
 */
char *segment_spoken(const struct segment *seg);

#endif
