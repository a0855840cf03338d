/*
 * week.c: the week's threads (week.h). In: mailbox files and the draft
 * settings; out: struct week. Reads mail with draft/'s readers and series
 * with draft/'s series builder; the draft sentence of a thread comes from
 * draft/'s draft_item_sentence (through week_draft_sentence), so a thread
 * is said one way in a draft and in the studio.
 */
#include "week.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/*
 * What the draft says about a thread, as podsynth draft says it: its
 * sentence (draft_item_sentence, the one rule for what an item is) and,
 * when the cover letter has one, its first paragraph as quote lines
 * (draft_quote). The caller frees.
 */
static char *week_draft_sentence(const struct draft_words *dw, const struct series_item *it, const char *url)
{
	char *s = draft_item_sentence(dw, it, url);
	char *q = draft_quote(it->msg->body ? it->msg->body : "");
	char *out = q[0] ? xasprintf("%s\n\n%s", s, q) : xstrdup(s);
	free(s);
	free(q);
	return out;
}

int week_load(char **files, int nfiles, long long since, long long until,
	      const struct draft_settings *set, const char *lang, struct week **out)
{
	struct week *w = xcalloc(1, sizeof *w);
	int rc = 0;
	w->mb = mailbox_new();
	for (int i = 0; i < nfiles; i++)
		if (mailbox_read_file(w->mb, files[i]) != 0)
			rc = -1;
	w->s = series_build(w->mb);
	struct draft_words *dw = draft_words_new(w->mb, set, lang ? lang : "en");
	w->t = xcalloc((size_t)w->s->n + 1, sizeof *w->t);
	for (int i = 0; i < w->s->n; i++) {
		const struct series_item *it = &w->s->items[i];
		if ((since && it->msg->date < since) || (until && it->msg->date >= until))
			continue;
		struct thread *t = &w->t[w->n++];
		t->id = it->msg->id;
		t->subject = xasprintf("v%d: %s", it->version, it->subject);
		t->url = draft_thread_url(set, it->msg);
		t->draft = week_draft_sentence(dw, it, t->url);
		t->item = it;
	}
	draft_words_free(&dw);
	*out = w;
	return rc;
}

void week_free(struct week **w)
{
	if (*w == NULL)
		return;
	for (int i = 0; i < (*w)->n; i++) {
		free((*w)->t[i].subject);
		free((*w)->t[i].url);
		free((*w)->t[i].draft);
	}
	free((*w)->t);
	series_free(&(*w)->s);
	mailbox_free(&(*w)->mb);
	free(*w);
	*w = NULL;
}

const struct thread *week_find(const struct week *w, const char *id)
{
	for (int i = 0; i < w->n; i++)
		if (strcmp(w->t[i].id, id) == 0)
			return &w->t[i];
	return NULL;
}

/* Whether m answers id: its In-Reply-To or one of its References. */
static int refers_to(const struct mail_msg *m, const char *id)
{
	if (m->in_reply_to && strcmp(m->in_reply_to, id) == 0)
		return 1;
	for (int i = 0; i < m->nrefs; i++)
		if (strcmp(m->refs[i], id) == 0)
			return 1;
	return 0;
}

static int by_date(const void *a, const void *b)
{
	const struct mail_msg *x = *(const struct mail_msg *const *)a, *y = *(const struct mail_msg *const *)b;
	return (x->date > y->date) - (x->date < y->date);
}

int week_messages(const struct week *w, const struct thread *t, const struct mail_msg ***out, int max)
{
	const struct mail_msg **v = xcalloc((size_t)max + 1, sizeof *v);
	int n = 0;
	v[n++] = t->item->msg;
	for (size_t i = 0; i < w->mb->n && n < max; i++) {
		const struct mail_msg *m = &w->mb->msgs[i];
		if (m != t->item->msg && refers_to(m, t->id))
			v[n++] = m;
	}
	qsort(v + 1, (size_t)n - 1, sizeof *v, by_date);
	*out = v;
	return n;
}
