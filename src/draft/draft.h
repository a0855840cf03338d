/*
 * draft.h: an episode draft from patch series, the last stage of
 * `podsynth draft`.
 *
 * In: the items of series.c, the draft settings (the `draft:` mapping of
 * rss/channel.yaml, read by draftset.c), the draft's words (words.c: the
 * mail's people and the language), the page variables (issue number,
 * dates, season, language) and a template file's text. Out: the episode's
 * Markdown: the template with its {placeholders} filled in, one section
 * per area and per section its items, most interesting first, each said in
 * sentences (what it is, why it matters, its history, its discussion, its
 * status; words.c makes them, and other tools may call the same functions
 * for one item), each led by its marker line (draft_item_marker).
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

/* How much each thing makes an item interesting (draft.interest in channel.yaml). */
struct draft_interest {
	int pull, regression, objection, reply, trailer, version, applied;
};

struct draft_settings {
	char *archive;     /* URL template with {list} and {message-id} */
	struct draft_section *sections;
	int nsections;
	int max_per_section; /* 0: no limit */
	char *templates;   /* a directory of draft.LANG.md files, or NULL */
	char **list_names; /* pairs: List-Id or list name, its name in the archive */
	int nlist_names;
	char **subsystems; /* pairs: a subject prefix ("riscv: mm:"), the words for it */
	int nsubsystems;
	char **people;     /* pairs: an address or a name, the name to say */
	int npeople;
	struct draft_interest interest;
};

/*
 * Reads the `draft:` mapping of the show settings at path (which may be
 * absent: every setting has a default). Errors are reported as path:line
 * and return -1. Free with draft_settings_free.
 */
int draft_settings_load(const char *path, struct draft_settings *out);
void draft_settings_free(struct draft_settings *s);

/*
 * The words of a draft: the mail's people, the show's settings (which must
 * outlive it) and the language ("en", "zh-CN"; unknown ones get English).
 * mb may be NULL (no names learnt). Free with draft_words_free (sets *w
 * to NULL).
 */
struct draft_words;
struct draft_words *draft_words_new(const struct mailbox *mb, const struct draft_settings *set,
				    const char *lang);
void draft_words_free(struct draft_words **w);

/* The name to say for addr (may be NULL) or name: the show's, else one per address. */
const char *draft_person(const struct draft_words *w, const char *addr, const char *name);

/*
 * What an item is, as one sentence in the draft's language, Markdown:
 * "Maxim Kiselev posted [the third version of a three-patch series,
 * "Allwinner ... SPI support"](url), for the RISC-V device trees." The
 * subject's prefix becomes words (draft.subsystems, then the built-in
 * table), its tags are gone, the version is said only from the second on.
 * url may be NULL (no link). The caller frees.
 */
char *draft_item_sentence(const struct draft_words *w, const struct series_item *it, const char *url);

/* The subject without its prefix chain, tags or full stop; the caller frees. */
char *draft_item_title(const struct series_item *it);

/* Why it matters: one or two sentences of the cover letter (prose_why), escaped; "" when none. Caller frees. */
char *draft_item_why(const struct draft_words *w, const struct series_item *it);

/* What leads the why: "In the cover letter:", "In the pull request:", "In the commit message:". */
const char *draft_why_lead(const struct draft_words *w, const struct series_item *it);

/* 1 when the draft's language writes without spaces between sentences (Chinese). */
int draft_words_cjk(const struct draft_words *w);

/* The earlier versions in the input and what the changelog says changed; "" when none. Caller frees. */
char *draft_item_history(const struct draft_words *w, const struct series_item *it);

/*
 * Who replied and what they said: objections with their words, the most
 * useful other reply quoted with its author's name, trailers as words
 * ("Andre Przywara reviewed it"), the others named; "No replies yet."
 * when there are none. The caller frees.
 */
char *draft_item_discussion(const struct draft_words *w, const struct series_item *it);

/* "Palmer Dabbelt applied it to riscv-next." or a merge; "" when neither. Caller frees. */
char *draft_item_status(const struct draft_words *w, const struct series_item *it);

/* How interesting an item is, weighed by the settings' interest: (higher first). */
int draft_item_interest(const struct draft_words *w, const struct series_item *it);

/* The titles of the n items top, joined ("A, B and C"), for the description: a double-quoted YAML scalar's text. Caller frees. */
char *draft_highlights(const struct draft_words *w, const struct series_item *const *top, int n);

struct draft_vars {
	int issue;
	const char *lang;
	long long since, until; /* items posted in [since, until); 0: no bound */
	const char *date;       /* the episode's date, NULL: the newest item's */
	int season;             /* 0: none */
	const struct draft_words *words; /* NULL: words without the mail's names */
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

/*
 * Markdown as plain text (draft_md_escape's way back, for a list or a
 * title): a link's text without its destination, escapes undone, emphasis
 * marks and quote markers gone, lines joined by one space. Not HTML-escaped.
 * The caller frees.
 */
char *draft_md_plain(const char *md);

/*
 * An item's marker: the line "<!-- item: ID -->" that podsynth draft writes
 * before each item, the Message-ID of its thread percent-encoded, so that a
 * tool (the studio) finds the item however its sentences are edited. The
 * one definition of the marker: draft_item_marker writes it (the caller
 * frees), draft_item_marker_id reads the Message-ID from the line
 * line[0..n) (the caller frees), or NULL when it is not a marker.
 */
/*
 * The archive link of the thread that m starts: the feed's own link, else
 * the settings' archive template ({list}, {message-id}), escaped so that it
 * stands in Markdown and HTML as it is. The caller frees.
 */
char *draft_thread_url(const struct draft_settings *set, const struct mail_msg *m);
char *draft_item_marker(const char *id);
char *draft_item_marker_id(const char *line, size_t n);

#endif
