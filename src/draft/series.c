/*
 * series.c: threads and patch series, the second stage of `podsynth draft`.
 *
 * In: the messages of a struct mailbox. Every Message-ID, whether its
 * message is in the input or only referred to, is a node; In-Reply-To and
 * References join nodes into threads (union-find). In a thread, the patch
 * messages ("[PATCH vN n/M]", RFC, GIT PULL, not "Re:") are grouped by
 * version; a group's item is its cover letter (n = 0) or else its first
 * patch. Every other message is a reply, counted for the version of the
 * nearest patch it answers, and its Acked-by/Reviewed-by/Tested-by lines
 * are the item's trailers. Versions of one series (the same subject without
 * the tag) are one item, the latest, which keeps the earlier versions'
 * dates; copies of one version (cross-posts) are merged. A thread with no
 * patch is an item when its first message's tag is in talk_tags or it has
 * SERIES_TALK_REPLIES replies. Out: struct series (series.h).
 */
#include "series.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"

/* ---- subject tags ---- */

static int starts_ci(const char *s, const char *p)
{
	return strncasecmp(s, p, strlen(p)) == 0;
}

/* The words of a subject tag that make a thread without a patch an item. */
static const struct {
	const char *word;
	enum series_talk talk;
} talk_tags[] = {
	{"ANNOUNCE", TALK_ANNOUNCE}, {"ANNOUNCEMENT", TALK_ANNOUNCE}, {"ANN", TALK_ANNOUNCE},
	{"BUG", TALK_BUG}, {"BUG REPORT", TALK_BUG}, {"REGRESSION", TALK_REGRESSION},
	{"DISCUSSION", TALK_DISCUSSION}, {"DISCUSS", TALK_DISCUSSION}, {"QUESTION", TALK_DISCUSSION},
	{"TOPIC", TALK_DISCUSSION}, {"LSF/MM/BPF TOPIC", TALK_DISCUSSION}, {"LSF/MM TOPIC", TALK_DISCUSSION},
};

static void tag_token(const char *s, size_t n, struct subject_tag *t, int *git)
{
	char w[32];
	if (n == 0 || n >= sizeof w)
		return;
	memcpy(w, s, n);
	w[n] = '\0';
	int a, b, used = 0;
	for (size_t i = 0; i < ARRAY_LEN(talk_tags); i++)
		if (strcasecmp(w, talk_tags[i].word) == 0 && t->talk == TALK_NONE)
			t->talk = talk_tags[i].talk;
	if (strncasecmp(w, "PATCH", 5) == 0) {
		t->patch = 1;
		if ((w[5] == 'v' || w[5] == 'V') && sscanf(w + 6, "%d%n", &a, &used) == 1 &&
		    w[6 + used] == '\0' && a > 0 && a < 1000)
			t->version = a;
	} else if (strcasecmp(w, "RFC") == 0 || strcasecmp(w, "RFCv") == 0) {
		t->patch = t->rfc = 1;
	} else if (strcasecmp(w, "GIT") == 0) {
		*git = 1;
		return;
	} else if (strcasecmp(w, "PULL") == 0) {
		t->patch = t->pull = 1;
	} else if ((w[0] == 'v' || w[0] == 'V') && sscanf(w + 1, "%d%n", &a, &used) == 1 &&
		   w[1 + used] == '\0' && isdigit((unsigned char)w[1]) && a > 0 && a < 1000) {
		t->version = a;
	} else if (sscanf(w, "%d/%d%n", &a, &b, &used) == 2 && w[used] == '\0' &&
		   a >= 0 && b > 0 && a <= b && b < 10000) {
		t->num = a;
		t->total = b;
	}
	*git = 0;
}

void subject_parse(const char *subject, struct subject_tag *t)
{
	static const char *const replies[] = {"re:", "fwd:", "fw:", "aw:", "sv:", "antw:"};
	const char *p = subject;
	memset(t, 0, sizeof *t);
	t->version = 1;
	t->num = t->total = -1;
	for (;;) {
		while (*p == ' ')
			p++;
		size_t i;
		for (i = 0; i < ARRAY_LEN(replies); i++)
			if (starts_ci(p, replies[i]))
				break;
		if (i < ARRAY_LEN(replies)) {
			t->reply = 1;
			p += strlen(replies[i]);
			continue;
		}
		if (*p != '[')
			break;
		const char *end = strchr(p, ']');
		if (end == NULL)
			break;
		int git = 0;
		/* "[LSF/MM/BPF TOPIC]", "[BUG REPORT]": a tag of several words */
		for (size_t i = 0; i < ARRAY_LEN(talk_tags) && t->talk == TALK_NONE; i++)
			if ((size_t)(end - p - 1) == strlen(talk_tags[i].word) &&
			    strncasecmp(p + 1, talk_tags[i].word, strlen(talk_tags[i].word)) == 0)
				t->talk = talk_tags[i].talk;
		for (const char *q = p + 1; q < end;) {
			while (q < end && (*q == ' ' || *q == ','))
				q++;
			const char *w = q;
			while (q < end && *q != ' ' && *q != ',')
				q++;
			tag_token(w, (size_t)(q - w), t, &git);
		}
		p = end + 1;
	}
	t->rest = p;
}

/* The subsystem prefix of a subject ("riscv: mm: use x" -> "riscv: mm"); the caller frees; NULL when none. */
static char *subject_prefix(const char *s)
{
	struct buf b = {0};
	const char *p = s;
	for (;;) {
		/* a component is a word or two ("perf build"), then ": " and more text */
		const char *q = p;
		int spaces = 0;
		while (*q && *q != ':' && q - p < 32 && spaces <= 1)
			spaces += *q++ == ' ';
		if (q == p || spaces > 1 || q[-1] == ' ' || q[0] != ':' || q[1] != ' ' || q[2] == '\0')
			break;
		if (b.len)
			buf_puts(&b, ": ");
		buf_add(&b, p, (size_t)(q - p));
		p = q + 2;
		while (*p == ' ')
			p++;
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* ---- Message-IDs: a hash table of nodes, joined by union-find ---- */

struct ids {
	const char **keys; /* node -> id (borrowed from the messages) */
	int *up;         /* union-find parent */
	int *msg;        /* node -> message index, -1 when not in the input */
	int n, cap;
	int *slots;      /* open addressing: node + 1, 0 empty */
	size_t nslots;
};

static void ids_grow(struct ids *t)
{
	size_t ns = t->nslots ? t->nslots * 2 : 1024;
	int *slots = xcalloc(ns, sizeof *slots);
	for (int i = 0; i < t->n; i++) {
		size_t h = (size_t)hash64(t->keys[i], strlen(t->keys[i])) & (ns - 1);
		while (slots[h])
			h = (h + 1) & (ns - 1);
		slots[h] = i + 1;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = ns;
}

static int ids_node(struct ids *t, const char *id)
{
	if ((size_t)(t->n + 1) * 2 > t->nslots)
		ids_grow(t);
	size_t h = (size_t)hash64(id, strlen(id)) & (t->nslots - 1);
	while (t->slots[h]) {
		int k = t->slots[h] - 1;
		if (strcmp(t->keys[k], id) == 0)
			return k;
		h = (h + 1) & (t->nslots - 1);
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->keys = xreallocarray(t->keys, (size_t)t->cap, sizeof *t->keys);
		t->up = xreallocarray(t->up, (size_t)t->cap, sizeof *t->up);
		t->msg = xreallocarray(t->msg, (size_t)t->cap, sizeof *t->msg);
	}
	t->keys[t->n] = id;
	t->up[t->n] = t->n;
	t->msg[t->n] = -1;
	t->slots[h] = t->n + 1;
	return t->n++;
}

/* The node of id, or -1. */
static int ids_find(const struct ids *t, const char *id)
{
	if (t->nslots == 0 || id == NULL)
		return -1;
	size_t h = (size_t)hash64(id, strlen(id)) & (t->nslots - 1);
	while (t->slots[h]) {
		int k = t->slots[h] - 1;
		if (strcmp(t->keys[k], id) == 0)
			return k;
		h = (h + 1) & (t->nslots - 1);
	}
	return -1;
}

static int root_of(struct ids *t, int k)
{
	while (t->up[k] != k) {
		t->up[k] = t->up[t->up[k]];
		k = t->up[k];
	}
	return k;
}

static void join(struct ids *t, int a, int b)
{
	a = root_of(t, a);
	b = root_of(t, b);
	if (a != b)
		t->up[a < b ? b : a] = a < b ? a : b;
}

static void ids_free(struct ids *t)
{
	free(t->keys);
	free(t->up);
	free(t->msg);
	free(t->slots);
}

/* ---- grouping ---- */

struct info {
	struct subject_tag tag;
	int thread;      /* root node of its thread */
	int parent;      /* the message it answers, -1 when not in the input */
	int group;       /* its version group (patches), -1 */
};

struct cand {
	int thread, version, rank, msg;
	long long date;
};

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->thread != y->thread)
		return x->thread < y->thread ? -1 : 1;
	if (x->version != y->version)
		return x->version < y->version ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->msg < y->msg ? -1 : x->msg > y->msg;
}

/* Adds "Kind-by: Name" from each trailer line of a reply's body (not its quotes). */
static void add_trailers(struct series_item *it, const char *body)
{
	static const char *const kinds[] = {"Acked-by:", "Reviewed-by:", "Tested-by:"};
	for (const char *l = body; l && *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		const char *s = l;
		while (s < l + len && (*s == ' ' || *s == '\t'))
			s++;
		for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
			size_t kl = strlen(kinds[k]);
			if ((size_t)(l + len - s) <= kl || strncasecmp(s, kinds[k], kl) != 0)
				continue;
			const char *v = s + kl, *e = l + len;
			while (v < e && *v == ' ')
				v++;
			size_t vn = (size_t)(e - v);
			const char *lt = vn ? memchr(v, '<', vn) : NULL;
			const char *ne = lt ? lt : e;
			while (ne > v && ne[-1] == ' ')
				ne--;
			if (ne == v && lt) { /* only an address */
				v = lt + 1;
				ne = v < e ? memchr(v, '>', (size_t)(e - v)) : NULL;
				if (ne == NULL)
					ne = e;
			}
			if (ne == v || ne - v > 100)
				break;
			char *t = xasprintf("%.*s %.*s", (int)kl, kinds[k], (int)(ne - v), v);
			int seen = 0;
			for (int i = 0; i < it->ntrailers && !seen; i++)
				seen = strcmp(it->trailers[i], t) == 0;
			if (seen || it->ntrailers >= 64) {
				free(t);
				break;
			}
			it->trailers = xreallocarray(it->trailers, (size_t)it->ntrailers + 1, sizeof(char *));
			it->trailers[it->ntrailers++] = t;
			break;
		}
		l = nl ? nl + 1 : l + len;
	}
}

/* A series' key for merging versions: its subject, lower case, spaces collapsed; the caller frees. */
static char *series_key(const char *s)
{
	struct buf b = {0};
	for (; *s; s++) {
		if (*s == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		buf_putc(&b, tolower((unsigned char)*s));
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

struct keyed {
	char *key;
	int item;
};

static const struct series_item *sort_items;

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	const struct series_item *p = &sort_items[x->item], *q = &sort_items[y->item];
	if (p->version != q->version)
		return p->version > q->version ? -1 : 1;
	if (p->msg->date != q->msg->date)
		return p->msg->date > q->msg->date ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

static void item_free(struct series_item *it)
{
	free(it->subject);
	free(it->prefix);
	for (int i = 0; i < it->ntrailers; i++)
		free(it->trailers[i]);
	free(it->trailers);
	free(it->reply);
	free(it->earlier);
}

/* Adds the replies and trailers of a copy of the same version (a cross-post) to it. */
static void merge_copy(struct series_item *it, struct series_item *copy)
{
	int n = it->replies < 256 ? it->replies : 256;
	int m = copy->replies < 256 ? copy->replies : 256;
	if (m > 0) {
		it->reply = xreallocarray(it->reply, (size_t)(n + m), sizeof *it->reply);
		memcpy(it->reply + n, copy->reply, (size_t)m * sizeof *it->reply);
		it->replies = n + m;
	}
	for (int i = 0; i < copy->ntrailers; i++) {
		int seen = 0;
		for (int k = 0; k < it->ntrailers && !seen; k++)
			seen = strcmp(it->trailers[k], copy->trailers[i]) == 0;
		if (seen || it->ntrailers >= 64)
			continue;
		it->trailers = xreallocarray(it->trailers, (size_t)it->ntrailers + 1, sizeof(char *));
		it->trailers[it->ntrailers++] = xstrdup(copy->trailers[i]);
	}
	it->posts++;
}

struct series *series_build(const struct mailbox *mb)
{
	struct series *s = xcalloc(1, sizeof *s);
	struct ids t = {0};
	int n = (int)mb->n;
	struct info *inf = xcalloc((size_t)n + 1, sizeof *inf);
	struct cand *cands = xcalloc((size_t)n + 1, sizeof *cands);
	int ncands = 0;
	struct series_item *items = NULL;
	int nitems = 0;

	/* nodes and threads */
	for (int i = 0; i < n; i++) {
		const struct mail_msg *m = &mb->msgs[i];
		int k = ids_node(&t, m->id);
		if (t.msg[k] < 0)
			t.msg[k] = i;
		else
			inf[i].group = -2; /* the same message again: ignored */
		if (m->in_reply_to)
			join(&t, k, ids_node(&t, m->in_reply_to));
		for (int r = 0; r < m->nrefs; r++)
			join(&t, k, ids_node(&t, m->refs[r]));
	}
	for (int i = 0; i < n; i++) {
		const struct mail_msg *m = &mb->msgs[i];
		if (inf[i].group == -2)
			continue;
		subject_parse(m->subject, &inf[i].tag);
		inf[i].thread = root_of(&t, ids_find(&t, m->id));
		inf[i].group = -1;
		int p = ids_find(&t, m->in_reply_to);
		inf[i].parent = p >= 0 ? t.msg[p] : -1;
		for (int r = m->nrefs - 1; inf[i].parent < 0 && r >= 0; r--) {
			p = ids_find(&t, m->refs[r]);
			inf[i].parent = p >= 0 ? t.msg[p] : -1;
		}
		if (inf[i].parent == i)
			inf[i].parent = -1;
		if (inf[i].tag.patch && !inf[i].tag.reply) {
			struct cand *c = &cands[ncands++];
			c->thread = inf[i].thread;
			c->version = inf[i].tag.version;
			c->rank = inf[i].tag.num < 0 ? 0 : inf[i].tag.num;
			c->date = m->date;
			c->msg = i;
		}
	}

	/* one item per (thread, version): the best-ranked patch */
	qsort(cands, (size_t)ncands, sizeof *cands, cmp_cand);
	items = xcalloc((size_t)ncands + 1, sizeof *items);
	for (int c = 0; c < ncands; c++) {
		if (c == 0 || cands[c].thread != cands[c - 1].thread ||
		    cands[c].version != cands[c - 1].version) {
			const struct mail_msg *m = &mb->msgs[cands[c].msg];
			const struct subject_tag *tg = &inf[cands[c].msg].tag;
			struct series_item *it = &items[nitems++];
			it->msg = m;
			it->subject = xstrdup(tg->rest);
			it->prefix = subject_prefix(tg->rest);
			it->version = tg->version;
			it->rfc = tg->rfc;
			it->pull = tg->pull;
			it->patches = tg->total > 0 ? tg->total : 1;
			it->cover = tg->num == 0;
			it->versions = 1;
		}
		inf[cands[c].msg].group = nitems - 1;
	}

	/* replies: counted for the version of the nearest patch they answer */
	char *in_item = xcalloc((size_t)n + 1, 1);
	for (int c = 0; c < ncands; c++)
		in_item[cands[c].msg] = 1;
	for (int i = 0; i < n; i++) {
		if (inf[i].group == -2 || in_item[i])
			continue;
		int g = -1, p = inf[i].parent;
		for (int steps = 0; p >= 0 && steps < 1000 && g < 0; steps++) {
			if (in_item[p])
				g = inf[p].group;
			p = inf[p].parent;
		}
		if (g >= 0) {
			struct series_item *gi = &items[g];
			if (gi->replies < 256) {
				gi->reply = xreallocarray(gi->reply, (size_t)gi->replies + 1, sizeof *gi->reply);
				gi->reply[gi->replies] = &mb->msgs[i];
			}
			items[g].replies++;
			add_trailers(&items[g], mb->msgs[i].body);
		}
	}
	free(in_item);

	/* threads with no patch at all */
	char *seen = xcalloc((size_t)t.n + 1, 1);
	char *has = xcalloc((size_t)t.n + 1, 1);
	for (int i = 0; i < n; i++) {
		if (inf[i].group == -2)
			continue;
		if (!seen[inf[i].thread]) {
			seen[inf[i].thread] = 1;
			s->threads++;
		}
	}
	for (int c = 0; c < ncands; c++)
		has[cands[c].thread] = 1;
	/* a thread with no patch is an item when its first message has a talk tag or it has replies */
	int *root = xcalloc((size_t)t.n + 1, sizeof *root);
	int *count = xcalloc((size_t)t.n + 1, sizeof *count);
	int *head = xcalloc((size_t)t.n + 1, sizeof *head); /* each thread's messages, a list */
	int *next = xcalloc((size_t)n + 1, sizeof *next);
	for (int k = 0; k < t.n; k++)
		root[k] = head[k] = -1;
	for (int i = n - 1; i >= 0; i--) {
		if (inf[i].group == -2 || has[inf[i].thread])
			continue;
		next[i] = head[inf[i].thread];
		head[inf[i].thread] = i;
	}
	for (int i = 0; i < n; i++) {
		if (inf[i].group == -2 || has[inf[i].thread])
			continue;
		int th = inf[i].thread, r = root[th];
		count[th]++;
		const struct mail_msg *m = &mb->msgs[i];
		int first = inf[i].parent < 0 && !inf[i].tag.reply;
		if (first && (r < 0 || (m->date && m->date < mb->msgs[r].date)))
			root[th] = i;
	}
	for (int k = 0; k < t.n; k++) {
		if (!seen[k] || has[k])
			continue;
		int r = root[k];
		if (r < 0 || (inf[r].tag.talk == TALK_NONE && count[k] - 1 < SERIES_TALK_REPLIES)) {
			s->skipped++;
			continue;
		}
		items = xreallocarray(items, (size_t)nitems + 1, sizeof *items);
		struct series_item *it = &items[nitems++];
		memset(it, 0, sizeof *it);
		const struct subject_tag *tg = &inf[r].tag;
		it->msg = &mb->msgs[r];
		it->subject = xstrdup(tg->rest);
		it->prefix = subject_prefix(tg->rest);
		it->version = 1;
		it->patches = 1;
		it->versions = 1;
		it->cover = 1;
		it->talk = tg->talk != TALK_NONE ? tg->talk : TALK_DISCUSSION;
		for (int i = head[k]; i >= 0; i = next[i]) {
			if (i == r)
				continue;
			if (it->replies < 256) {
				it->reply = xreallocarray(it->reply, (size_t)it->replies + 1, sizeof *it->reply);
				it->reply[it->replies] = &mb->msgs[i];
			}
			it->replies++;
			add_trailers(it, mb->msgs[i].body);
		}
	}
	free(root);
	free(count);
	free(head);
	free(next);
	free(seen);
	free(has);

	/* versions of one series: keep the latest */
	struct keyed *keys = xcalloc((size_t)nitems + 1, sizeof *keys);
	for (int i = 0; i < nitems; i++) {
		keys[i].key = series_key(items[i].subject);
		if (items[i].talk) { /* "[BUG] x" is not a version of "[PATCH] x" */
			char *k = xasprintf("\x01%d %s", (int)items[i].talk, keys[i].key);
			free(keys[i].key);
			keys[i].key = k;
		}
		keys[i].item = i;
	}
	sort_items = items;
	qsort(keys, (size_t)nitems, sizeof *keys, cmp_keyed);
	s->items = xcalloc((size_t)nitems + 1, sizeof *s->items);
	for (int i = 0; i < nitems;) {
		int j = i + 1, versions = 1;
		while (j < nitems && strcmp(keys[j].key, keys[i].key) == 0) {
			if (items[keys[j].item].version != items[keys[j - 1].item].version)
				versions++;
			j++;
		}
		struct series_item *keep = &s->items[s->n++];
		*keep = items[keys[i].item];
		keep->versions = versions;
		keep->posts = 1;
		memset(&items[keys[i].item], 0, sizeof items[0]);
		/* keys run from the newest version down: copies of the kept version, then older ones */
		for (int k = j - 1; k > i; k--) {
			struct series_item *o = &items[keys[k].item];
			if (o->version == keep->version) {
				merge_copy(keep, o);
				continue;
			}
			if (keep->nearlier > 0 && keep->earlier[keep->nearlier - 1].version == o->version) {
				struct series_version *e = &keep->earlier[keep->nearlier - 1];
				if (o->msg->date && (e->date == 0 || o->msg->date < e->date)) {
					e->date = o->msg->date;
					e->msg = o->msg;
				}
				continue;
			}
			keep->earlier = xreallocarray(keep->earlier, (size_t)keep->nearlier + 1, sizeof *keep->earlier);
			keep->earlier[keep->nearlier++] = (struct series_version){
				.version = o->version, .rfc = o->rfc, .date = o->msg->date, .msg = o->msg};
		}
		for (int k = i; k < j; k++)
			free(keys[k].key);
		i = j;
	}
	for (int i = 0; i < nitems; i++)
		item_free(&items[i]);
	free(keys);
	free(items);
	free(cands);
	free(inf);
	ids_free(&t);
	return s;
}

void series_free(struct series **sp)
{
	struct series *s = *sp;
	if (s == NULL)
		return;
	for (int i = 0; i < s->n; i++)
		item_free(&s->items[i]);
	free(s->items);
	free(s);
	*sp = NULL;
}
