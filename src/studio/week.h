/*
 * week.h: the week's threads, as the studio lists them: the patch series
 * of the mailboxes it was given, posted in the date range, each with what
 * the draft reader says about it.
 *
 * In: mailbox files (mbox, mboxrd, gzip, Atom; draft/'s readers), a date
 * range, the `draft:` settings and the show's language. Out: struct week,
 * plain data that points into its own mailbox. A thread's draft is what
 * podsynth draft says of it (draft_item_sentence and draft_quote).
 */
#ifndef PODSYNTH_STUDIO_WEEK_H
#define PODSYNTH_STUDIO_WEEK_H

#include "draft/draft.h"

struct thread {
	const char *id;         /* the Message-ID of its cover letter (or first patch) */
	char *subject;          /* "v2: riscv: ..." */
	char *url;              /* its archive link */
	char *draft;            /* the draft reader's sentence for it (Markdown quote lines) */
	const struct series_item *item;
};

struct week {
	struct mailbox *mb;
	struct series *s;
	struct thread *t;
	int n;
};

/*
 * Reads every file (reporting unreadable ones at file:line) and keeps the
 * series posted in [since, until) (0: no bound). Returns 0, or -1 when a
 * file could not be read. Free with week_free (sets *w to NULL).
 */
int week_load(char **files, int nfiles, long long since, long long until,
	      const struct draft_settings *set, const char *lang, struct week **out);
void week_free(struct week **w);
/* The thread whose id is id, or NULL. */
const struct thread *week_find(const struct week *w, const char *id);
/*
 * The messages of t: its cover letter, then the replies to it and to its
 * patches, in date order, at most max. The caller frees the array (not the
 * messages).
 */
int week_messages(const struct week *w, const struct thread *t, const struct mail_msg ***out, int max);

#endif
