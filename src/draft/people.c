/*
 * people.c: one name per person (people.h).
 *
 * In: every (address, name) pair the mail shows: a message's From:, and
 * each "Kind-by: Name <address>" line of its own (not quoted) text. Pairs
 * are counted; each address keeps the name that suits the language (Han
 * script for Chinese, Latin script otherwise, the most used of those, else
 * the most used of all). The show's people: setting wins. Out: lookups by
 * address, or by a name that signs with an address somewhere in the mail.
 */
#include "people.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"

struct pair {
	char *addr;
	char *name;
	int count;
	int order;   /* first seen */
};

struct people {
	struct pair *pairs;  /* by address, then name; merged */
	int n;
	int *best;           /* per pair: 1 when it is its address's chosen name */
	struct pair *byname; /* copies of pairs sorted by name (borrowed strings) */
	char *const *names;  /* the show's: pairs */
	int nnames;
	int han;             /* the language prefers Han script */
};

/* The script a name is written in: 2 Han, 1 Latin (ASCII and Latin letters), 0 other or mixed. */
static int script_of(const char *s)
{
	int han = 0, latin = 0, other = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
		if (text_is_han(cp))
			han++;
		else if (cp < 0x250 && (isalpha((int)(cp < 0x80 ? cp : 'a')) || cp >= 0xc0))
			latin++;
		else if (cp >= 0x80 && cp != 0xb7 && cp != 0x2019)
			other++;
	}
	if (han && !latin && !other)
		return 2;
	if (latin && !han && !other)
		return 1;
	return 0;
}

static void add_pair(struct pair **v, int *n, int *cap, const char *addr, size_t an,
		     const char *name, size_t nn)
{
	while (nn > 0 && (name[0] == '"' || name[0] == '\'' || name[0] == ' ')) {
		name++;
		nn--;
	}
	while (nn > 0 && (name[nn - 1] == '"' || name[nn - 1] == '\'' || name[nn - 1] == ' '))
		nn--;
	if (nn == 0 || nn > 80 || an == 0 || memchr(name, '@', nn))
		return;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xreallocarray(*v, (size_t)*cap, sizeof **v);
	}
	char *a = mail_addr_norm(addr, an);
	if (a == NULL)
		return;
	(*v)[*n] = (struct pair){.addr = a, .name = mail_clean_text(name, nn, 1), .count = 1, .order = *n};
	(*n)++;
}

/* The "Kind-by: Name <address>" lines of body's own text. */
static void body_pairs(struct pair **v, int *n, int *cap, const char *body)
{
	for (const char *l = body ? body : ""; *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		const char *s = l, *e = l + len;
		l = nl ? nl + 1 : e;
		while (s < e && (*s == ' ' || *s == '\t'))
			s++;
		if (e - s > 3 && memcmp(s, "-- ", 3) == 0)
			break;
		if (s < e && *s == '>') /* quoted: the other message's own lines count there */
			continue;
		const char *colon = memchr(s, ':', (size_t)(e - s));
		if (colon == NULL || colon - s < 4 || colon - s > 24 || memcmp(colon - 3, "-by", 3) != 0)
			continue;
		const char *lt = memchr(colon, '<', (size_t)(e - colon));
		const char *gt = lt ? memchr(lt, '>', (size_t)(e - lt)) : NULL;
		if (lt == NULL || gt == NULL)
			continue;
		add_pair(v, n, cap, lt + 1, (size_t)(gt - lt - 1), colon + 1, (size_t)(lt - colon - 1));
	}
}

static int cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->addr, y->addr);
	if (c)
		return c;
	c = strcmp(x->name, y->name);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static int cmp_name(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	if (c)
		return c;
	/* the most used address of a name first */
	return x->count != y->count ? (x->count < y->count ? 1 : -1) : strcmp(x->addr, y->addr);
}

struct people *people_new(const struct mailbox *mb, char *const *names, int nnames, const char *lang)
{
	struct people *p = xcalloc(1, sizeof *p);
	struct pair *v = NULL;
	int n = 0, cap = 0;
	p->names = names;
	p->nnames = nnames;
	p->han = lang && strncasecmp(lang, "zh", 2) == 0;
	for (size_t i = 0; i < mb->n; i++) {
		const struct mail_msg *m = &mb->msgs[i];
		if (m->addr && m->author[0])
			add_pair(&v, &n, &cap, m->addr, strlen(m->addr), m->author, strlen(m->author));
		body_pairs(&v, &n, &cap, m->body);
	}
	if (n > 0)
		qsort(v, (size_t)n, sizeof *v, cmp_pair);
	/* merge equal pairs */
	int w = 0;
	for (int i = 0; i < n; i++) {
		if (w > 0 && strcmp(v[w - 1].addr, v[i].addr) == 0 && strcmp(v[w - 1].name, v[i].name) == 0) {
			v[w - 1].count++;
			free(v[i].addr);
			free(v[i].name);
			continue;
		}
		v[w++] = v[i];
	}
	p->pairs = v;
	p->n = w;
	p->best = xcalloc((size_t)w + 1, sizeof *p->best);
	int want = p->han ? 2 : 1;
	for (int i = 0; i < w;) {
		int j = i, pick = i;
		while (j < w && strcmp(v[j].addr, v[i].addr) == 0)
			j++;
		for (int k = i + 1; k < j; k++) {
			int sk = script_of(v[k].name) == want, sp = script_of(v[pick].name) == want;
			int better;
			if (sk != sp)
				better = sk;
			else if (v[k].count != v[pick].count)
				better = v[k].count > v[pick].count;
			else
				better = v[k].order < v[pick].order;
			if (better)
				pick = k;
		}
		p->best[pick] = 1;
		i = j;
	}
	p->byname = xcalloc((size_t)w + 1, sizeof *p->byname);
	if (w > 0) {
		memcpy(p->byname, v, (size_t)w * sizeof *v);
		qsort(p->byname, (size_t)w, sizeof *v, cmp_name);
	}
	return p;
}

void people_free(struct people **pp)
{
	struct people *p = *pp;
	if (p == NULL)
		return;
	for (int i = 0; i < p->n; i++) {
		free(p->pairs[i].addr);
		free(p->pairs[i].name);
	}
	free(p->pairs);
	free(p->best);
	free(p->byname);
	free(p);
	*pp = NULL;
}

/* The first pair of addr, or -1. */
static int find_addr(const struct people *p, const char *addr)
{
	int lo = 0, hi = p->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(p->pairs[mid].addr, addr) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n && strcmp(p->pairs[lo].addr, addr) == 0 ? lo : -1;
}

static const char *find_name(const struct people *p, const char *name)
{
	int lo = 0, hi = p->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (strcmp(p->byname[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n && strcmp(p->byname[lo].name, name) == 0 ? p->byname[lo].addr : NULL;
}

static const char *show_name(const struct people *p, const char *key)
{
	for (int i = 0; key && i + 1 < p->nnames; i += 2)
		if (strcasecmp(p->names[i], key) == 0)
			return p->names[i + 1];
	return NULL;
}

const char *people_name(const struct people *p, const char *addr, const char *name)
{
	const char *s = show_name(p, name);
	if (s)
		return s;
	char *norm = addr ? mail_addr_norm(addr, strlen(addr)) : NULL;
	const char *a = norm ? norm : name ? find_name(p, name) : NULL;
	const char *r = name;
	if (a && (s = show_name(p, a)) != NULL) {
		r = s;
	} else if (a) {
		int i = find_addr(p, a);
		for (; i >= 0 && i < p->n && strcmp(p->pairs[i].addr, a) == 0; i++)
			if (p->best[i]) {
				r = p->pairs[i].name;
				break;
			}
	}
	free(norm);
	return r ? r : "";
}
