/*
 * episode.h: an episode file parsed into metadata and spoken blocks.
 *
 * In: episodes/NAME.md, YAML front matter (libyaml) and a Markdown body
 * (md4c). Out: struct episode, plain data, with the source line of every
 * block so later stages can say "file:line".
 */
#ifndef PODSYNTH_EPISODE_H
#define PODSYNTH_EPISODE_H

#include <stddef.h>

#include "channel.h"
#include "speakers.h"

struct channel;

enum block_kind {
	BLOCK_HEADING,    /* starts a section and a chapter */
	BLOCK_PARAGRAPH,
	BLOCK_QUOTE,      /* a paragraph inside a block quote */
	BLOCK_LIST_ITEM,  /* one list item's text */
};

struct block {
	enum block_kind kind;
	int level;        /* heading level, or quote/list nesting depth */
	int line;         /* 1-based line in the episode file */
	int section;      /* index of the section this block belongs to; -1 before the first heading */
	/*
	 * The text to speak, inline markup resolved: emphasis dropped, link
	 * text kept (not the URL), code spans kept; Speech Markdown overrides
	 * such as "[500ms]" or "(x)[sub:\"y\"]" are left as written.
	 * Soft line breaks become spaces.
	 */
	char *text;
	int speaker;      /* index in episode.speakers, -1 when none (label stripped from text) */
};

struct lexentry {        /* a pronunciation from the front matter */
	char *word;
	char *say;
};

struct insert {          /* an audio clip placed in the timeline: [audio:"file.wav"] */
	char *path;          /* resolved against the episode's directory */
	int line;
	int after;           /* the index of the block it follows, -1 before the first */
};

struct episode {
	char *path;
	/* Front matter. */
	char *title;
	char *date;           /* YYYY-MM-DD */
	char *time;           /* HH:MM:SS or NULL, from a full date-time */
	char *description;
	char *summary;
	char *lang;           /* BCP 47; channel default when absent */
	char *voice;          /* host voice profile; channel default when absent */
	char *slug;
	char *author;
	char *guid;           /* explicit GUID, or NULL */
	char *image;
	char *episode_type;   /* full, trailer, bonus */
	char **tags;
	int ntags;
	int season;           /* 0 when absent */
	int number;           /* episode number, 0 when absent */
	int draft;
	int explicit_;        /* -1 unset, 0, 1 */
	struct lexentry *lexicon;
	int nlexicon;
	struct speakers speakers; /* from the front matter, else the show's */
	struct bed_settings bed;  /* the show's music bed with the front matter's changes */
	int voice_line;       /* where voice: was given, 0 when not */
	int lang_line;
	/* Body. */
	char *body;           /* the Markdown body (after the front matter) */
	int body_line;        /* line of the body's first line in the file */
	struct block *blocks;
	int nblocks;
	struct insert *inserts; /* in order */
	int ninserts;
	char **sections;      /* heading texts, in order */
	int nsections;
};

/*
 * Loads and checks an episode. Every problem is reported with diag() as
 * "path:line: error: ..."; the function returns -1 when there was any error
 * (and *out is NULL). ch supplies defaults (lang, voice). The caller frees
 * with episode_free.
 */
int episode_load(const char *path, const struct channel *ch, struct episode **out);
void episode_free(struct episode **ep);

#endif
