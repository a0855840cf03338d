/*
 * draft.h: an episode draft from patch series, the last stage of
 * `podsynth draft`.
 *
 * In: the items of series.c, the draft settings (the `draft:` mapping of
 * rss/channel.yaml, read by draftset.c), the page variables (issue number,
 * dates, language) and a template file's text. Out: the episode's Markdown:
 * the template with its {placeholders} filled in, one section per area and
 * per section its items, each a bold archive link with its version and
 * subject, a line of facts and the first paragraph of its cover letter as
 * a block quote.
 */
#ifndef PODSYNTH_DRAFT_H
#define PODSYNTH_DRAFT_H

#include "mail.h"

#include "series.h"
#include "core/core.h"

struct draft_section {
	char *title;
	char **match;      /* "riscv:" (a subject prefix) or "linux-mm" (a list) */
	int nmatch;
};

struct draft_settings {
	char *archive;     /* URL template with {list} and {message-id} */
	struct draft_section *sections;
	int nsections;
	int max_per_section; /* 0: no limit */
	char *templates;   /* a directory of draft.LANG.md files, or NULL */
	char **list_names; /* pairs: List-Id or list name, its name in the archive */
	int nlist_names;
};

/*
 * Reads the `draft:` mapping of the show settings at path (which may be
 * absent: every setting has a default). Errors are reported as path:line
 * and return -1. Free with draft_settings_free.
 */
int draft_settings_load(const char *path, struct draft_settings *out);
void draft_settings_free(struct draft_settings *s);

struct draft_vars {
	int issue;
	const char *lang;
	long long since, until; /* items posted in [since, until); 0: no bound */
	const char *date;       /* the episode's date, NULL: the newest item's */
};

/*
 * Fills the template tmpl (read from tmpl_file, for messages) with the
 * items of s and appends the episode to out. Returns 0, or -1 after
 * reporting a bad template at tmpl_file:line.
 */
int draft_render(const struct series *s, const struct draft_settings *set,
		 const struct draft_vars *v, const char *tmpl_file, const char *tmpl,
		 struct buf *out);

/*
 * The first paragraph of a message body, without greetings, quoted text,
 * trailers, diffstats, signatures or patch text, as Markdown block-quote
 * lines ("> ..."), escaped. The caller frees; "" when nothing is left.
 */
char *draft_quote(const char *body);

/* Text escaped for Markdown inline content; the caller frees. */
char *draft_md_escape(const char *s);

#endif
