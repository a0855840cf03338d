/*
 * epfile.h: the week's summaries in the episode Markdown file, which stays
 * the source of truth. An item is a line that names its thread's
 * Message-ID: podsynth draft's marker "<!-- item: ID -->" (draft/'s
 * draft_item_marker_id reads it), or "**[title](archive link)**" with the
 * Message-ID in the link's last path segment (what the studio writes for a
 * thread the file does not have), or both (a marker, then blank lines,
 * then the bold link: one item); its summary is every line after it up to
 * the next item, the next heading or the end of the file.
 *
 * In: the file's text. Out: summaries, and the text with one summary
 * replaced or added; epfile_save writes it atomically after checking that
 * the summary the writer started from is still the one in the file.
 */
#ifndef PODSYNTH_STUDIO_EPFILE_H
#define PODSYNTH_STUDIO_EPFILE_H

#include <stddef.h>

enum { EPFILE_MAX_SUMMARY = 16 * 1024 };

/*
 * The summary of thread id in text, trimmed of blank lines (caller frees),
 * or NULL when the episode has no item for it. *line: the item's line.
 */
char *epfile_summary(const char *text, const char *id, int *line);
/* A summary's version for conflict checks: 16 hex digits (NULL: "new"). */
void epfile_version(const char *summary, char out[17]);
/*
 * Whether summary may go into an item: valid UTF-8, at most
 * EPFILE_MAX_SUMMARY bytes, no line that would end the item (a heading,
 * an item line, a "---" line). NULL when it may, else the reason.
 */
const char *epfile_summary_problem(const char *summary);
/*
 * text with thread id's summary replaced by summary (CRLF made LF), or
 * when the episode has no item for it, a new item "**[title](url)**" with
 * it at the end. The caller frees.
 */
char *epfile_with_summary(const char *text, const char *id, const char *title, const char *url,
			  const char *summary);

/* The episode's outline: its headings and items in order. */
struct outline_entry {
	int heading;       /* 1: a heading ("# RISC-V"), 0: an item */
	char *text;        /* the heading's text, or the item's (title) line as written; a lone marker: the Message-ID */
	char *id;          /* an item's Message-ID; NULL for a heading */
	int line;          /* 1-based */
};
/* text's outline; the caller frees with outline_free. */
int epfile_outline(const char *text, struct outline_entry **out);
void outline_free(struct outline_entry **o, int n);
/*
 * text with thread id's item (its line and summary) moved one place up
 * (dir < 0) or down: past the neighbouring item, or out of its section to
 * the end of the section before or the start of the section after. NULL
 * when it cannot move (no such item, or the first or last). The caller frees.
 */
char *epfile_move(const char *text, const char *id, int dir);
/* A whole file's version for conflict checks: 16 hex digits. */
void epfile_file_version(const char *text, char out[17]);

enum epfile_result {
	EPFILE_SAVED = 0,
	EPFILE_CONFLICT,     /* the item changed since base: nothing written */
	EPFILE_REFUSED,      /* the summary or the result is not a valid episode: nothing written */
	EPFILE_IO,           /* the file could not be read or written (reported) */
};

/*
 * Saves summary for thread id into the episode at path, when the item's
 * summary is still the one whose version is base ("new": no item yet).
 * The new text is written beside the file and read back as an episode
 * before it replaces it (rename), so a failed save leaves the file as it
 * was. *why: the reason for EPFILE_REFUSED (static text).
 */
enum epfile_result epfile_save(const char *path, const char *id, const char *title, const char *url,
			       const char *base, const char *summary, const char **why);

/*
 * Moves thread id's item one place (epfile_move) in the episode at path,
 * when the file is still the one whose version (epfile_file_version) is
 * base; written and checked as epfile_save does. EPFILE_REFUSED (with *why)
 * when the item cannot move that way.
 */
enum epfile_result epfile_move_save(const char *path, const char *id, int dir, const char *base,
				    const char **why);

/*
 * text without the front matter's "draft: true" (or "published: false")
 * line, or NULL when it has none. The caller frees.
 */
char *epfile_undraft(const char *text);
/*
 * Makes the episode at path no longer a draft (epfile_undraft), when the
 * file is still the one whose version is base; EPFILE_SAVED also when it
 * was not a draft. A file named *.draft.md is EPFILE_REFUSED (*why).
 */
enum epfile_result epfile_publish_save(const char *path, const char *base, const char **why);

/*
 * The welcome: the text of the first section when it has no item (the
 * draft's "# Welcome"), else the text between the front matter and the
 * first heading (an HTML comment opening the body left out). "" when
 * there is none. *line: where it starts. The caller frees.
 */
char *epfile_welcome(const char *text, int *line);
/* text with its welcome replaced by welcome (CRLF made LF). The caller frees. */
char *epfile_with_welcome(const char *text, const char *welcome);
/* Whether welcome may go in (epfile_summary_problem's rules): NULL, or why not. */
const char *epfile_welcome_problem(const char *welcome);

/* A writer to credit: their name, a short bio, links one a line (may be ""). */
struct epfile_writer {
	const char *name, *bio, *links;
};
/* The front matter's "writers:" block for w[0..n) ("" when n is 0). The caller frees. */
char *epfile_writers_yaml(const struct epfile_writer *w, int n);
/*
 * text with its front matter's writers: block replaced by yaml (added
 * before the closing "---" when it has none), or NULL when text has no
 * front matter. The caller frees.
 */
char *epfile_with_writers(const char *text, const char *yaml);

/*
 * Changes the episode at path with edit (which returns the new text, the
 * caller's to free, or NULL when it cannot: refused, with `cannot` as why),
 * when the file is still the one whose version is base (NULL: whatever it
 * is now); refused when the new text reads worse than the old, and not
 * written at all when nothing changed. The one save path of the moves, the
 * publishing, the welcome and the writers.
 */
enum epfile_result epfile_edit_save(const char *path, const char *base,
				    char *(*edit)(const char *text, void *ud), void *ud,
				    const char *cannot, const char **why);

#endif
