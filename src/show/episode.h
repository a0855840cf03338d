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
	BLOCK_TABLE,      /* a table, read row by row (table.c) */
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

/* Something in the body that is not spoken (or only partly), for check and script. */
struct omission {
	int line;         /* where it starts in the episode file */
	char *what;       /* "code block", "table rows 11 to 40 (30 of 40; table_rows: 10)" */
	int said;         /* 1: not left out, a note for check ("table of 5 rows read aloud") */
};

struct tablelimit {      /* table_rows: {N: rows} in the front matter */
	int table;        /* 1-based, in the order of the body */
	int rows;         /* TABLE_ALL_ROWS for all */
};

struct lexentry {        /* a pronunciation from the front matter */
	char *word;
	char *say;
};

/*
 * What a section names for its chapter (docs/episode-format.md, "Chapter
 * images and links"): a link in its heading is the chapter's link; an
 * image alone in the paragraph right under the heading is its image.
 */
struct section_links {
	char *url;        /* the heading's link target as written, or NULL */
	int url_line;
	char *image;      /* the image's path as written (relative to rss/), or NULL */
	int image_line;
};

struct insert {          /* an audio clip placed in the timeline: [audio:"file.wav"] */
	char *path;          /* resolved against the episode's directory */
	int line;
	int after;           /* the index of the block it follows, -1 before the first */
};

/* A writer credited in the episode (front matter writers:). */
struct writer {
	char *name;
	char *bio;            /* one short paragraph, or NULL */
	char **links;         /* http(s) URLs; the first is the podcast:person href */
	int nlinks;
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
	char *author;         /* the authors joined with ", " */
	char **authors;       /* each author's name (podcast:person) */
	int nauthors;
	struct writer *writers; /* who wrote its text (podcast:person role writer; the studio writes them) */
	int nwriters;
	char *license;        /* an SPDX licence identifier, lower case, or NULL */
	int license_line;
	char *guid;           /* explicit GUID, or NULL */
	char *previous_slug;  /* the slug it was published under before a rename, or NULL */
	char *image;
	char *episode_type;   /* full, trailer, bonus */
	char **tags;
	int ntags;
	int season;           /* 0 when absent */
	int number;           /* episode number, 0 when absent */
	int draft;            /* see episode_is_draft_name: one rule for every command */
	int explicit_;        /* -1 unset, 0, 1 */
	struct lexentry *lexicon;
	int nlexicon;
	int table_rows;       /* rows of a table read aloud: front matter, else the show's */
	struct tablelimit *table_limits;   /* per table, from the front matter */
	int ntable_limits;
	struct speakers speakers; /* from the front matter, else the show's */
	struct bed_settings bed;  /* the show's music bed with the front matter's changes */
	int voice_line;       /* where voice: was given, 0 when not */
	int lang_line;
	int slug_line;        /* where slug: was given, 0 when from the file name */
	int guid_line;        /* where guid: was given, 0 when not */
	int previous_slug_line;
	int date_line;        /* where date: was given, 0 when from the file name */
	int image_line;       /* where image: was given, 0 when not */
	/* Body. */
	char *body;           /* the Markdown body (after the front matter) */
	int body_line;        /* line of the body's first line in the file */
	struct block *blocks;
	int nblocks;
	struct insert *inserts; /* in order */
	int ninserts;
	char **sections;      /* heading texts, in order */
	struct section_links *section_links;  /* per section: its chapter's link and image */
	int nsections;
	struct omission *omitted;   /* what is not said, in body order */
	int nomitted;
};

/*
 * Loads and checks an episode. Every problem is reported with diag() as
 * "path:line: error: ..."; the function returns -1 when there was any error
 * (and *out is NULL). ch supplies defaults (lang, voice). The caller frees
 * with episode_free.
 */
int episode_load(const char *path, const struct channel *ch, struct episode **out);
void episode_free(struct episode **ep);

/*
 * Drafts, one rule for every command (build, check, feed, make episode): an
 * episode is a draft when its front matter says draft: true (or
 * published: false), or when its file name ends in ".draft.md". The second
 * is this test; episode_load sets ep->draft for both, and a draft's default
 * slug leaves ".draft" out (x.draft.md is the draft of x).
 */
int episode_is_draft_name(const char *path);
/*
 * The line of the episode file where text is written, looking from line
 * `from` (a block's first line) up to line `to` (the next block's; 0: the
 * end), after what at found last in the same block: for messages about a
 * part of a block. `from` when the text is not there as written. at starts
 * zeroed; calls in the order of the file cost one pass over it in all.
 */
struct episode_pos {
	const char *p;   /* the start of line `line` */
	int line;
	size_t cursor;   /* the body's offset after the last text found */
	const char *counted; /* lines are counted up to here (line `counted_line`) */
	int counted_line;
	const char *end;     /* the end of the body, once known */
	const char *stop;    /* the start of line stop_line, as last looked for */
	int stop_line;
};
int episode_line_of(const struct episode *ep, struct episode_pos *at, int from, int to, const char *text);

#endif
