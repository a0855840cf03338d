/*
 * roster.c: which episode owns which published names: the slug and guid
 * of each episode file, and an error naming both files when two claim the
 * same one. See roster.h for why unique slugs are enough.
 */
#include "roster.h"

#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/core.h"

struct entry {
	char *path;
	char *slug;
	int slug_line;           /* 0: the slug comes from the file name */
	char *guid;              /* NULL when the front matter has none */
	int guid_line;
	int have_id;             /* dev and ino are known */
	dev_t dev;
	ino_t ino;
};

struct roster {
	struct entry *e;
	int n, cap;
};

struct roster *roster_new(void)
{
	return xcalloc(1, sizeof(struct roster));
}

static void entries_free(struct roster *r)
{
	for (int i = 0; i < r->n; i++) {
		free(r->e[i].path);
		free(r->e[i].slug);
		free(r->e[i].guid);
	}
	free(r->e);
}

void roster_free(struct roster **rp)
{
	struct roster *r = *rp;
	if (r == NULL)
		return;
	entries_free(r);
	free(r);
	*rp = NULL;
}

static void set_id(struct entry *e, const char *path)
{
	struct stat st;
	e->have_id = stat(path, &st) == 0;
	if (e->have_id) {
		e->dev = st.st_dev;
		e->ino = st.st_ino;
	}
}

void roster_add(struct roster *r, const struct episode *ep)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 16;
		r->e = xreallocarray(r->e, (size_t)r->cap, sizeof *r->e);
	}
	struct entry *e = &r->e[r->n++];
	memset(e, 0, sizeof *e);
	e->path = xstrdup(ep->path);
	e->slug = xstrdup(ep->slug ? ep->slug : "");
	e->slug_line = ep->slug_line;
	e->guid = ep->guid ? xstrdup(ep->guid) : NULL;
	e->guid_line = ep->guid_line;
	set_id(e, ep->path);
}

void roster_scan(struct roster *r, const char *dir, const struct channel *ch)
{
	char *pat = xasprintf("%s/*.md", dir);
	glob_t g;
	if (glob(pat, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			struct episode *ep = NULL;
			int was = diag_set_muted(1);
			int rc = episode_load(g.gl_pathv[i], ch, &ep);
			diag_set_muted(was);
			if (rc == 0)
				roster_add(r, ep);
			episode_free(&ep);
		}
		globfree(&g);
	}
	free(pat);
}

static int same_file(const struct entry *e, const char *path, int have_id, dev_t dev, ino_t ino)
{
	if (e->have_id && have_id)
		return e->dev == dev && e->ino == ino;
	return strcmp(e->path, path) == 0;
}

/* "FILE:LINE" of a key, or "FILE (its file name)" for a slug without a line. */
static char *where(const char *path, int line)
{
	return line > 0 ? xasprintf("%s:%d", path, line) : xasprintf("%s (from its file name)", path);
}

/* Reports a's conflicts with b (a is where the message is). Returns 0 or 1 per key. */
static int conflicts(const struct entry *a, const struct entry *b)
{
	int n = 0;
	if (strcmp(a->slug, b->slug) == 0) {
		char *w = where(b->path, b->slug_line);
		msg(MSG_DUP_SLUG, a->path, a->slug_line, 0, "\"%s\", also claimed by %s", a->slug, w);
		free(w);
		n++;
	}
	if (a->guid && b->guid && strcmp(a->guid, b->guid) == 0) {
		char *w = where(b->path, b->guid_line);
		msg(MSG_DUP_GUID, a->path, a->guid_line, 0, "\"%s\", also claimed by %s", a->guid, w);
		free(w);
		n++;
	}
	return n;
}

int roster_check(const struct roster *r, const struct episode *ep)
{
	struct roster one = {0};
	roster_add(&one, ep);
	const struct entry *me = &one.e[0];
	int n = 0;
	for (int i = 0; i < r->n; i++)
		if (!same_file(&r->e[i], me->path, me->have_id, me->dev, me->ino))
			n += conflicts(me, &r->e[i]);
	entries_free(&one);
	return n;
}

int roster_check_all(const struct roster *r)
{
	int n = 0;
	for (int i = 0; i < r->n; i++)
		for (int j = 0; j < i; j++) {
			const struct entry *a = &r->e[i], *b = &r->e[j];
			if (!same_file(b, a->path, a->have_id, a->dev, a->ino))
				n += conflicts(a, b);
		}
	return n;
}

int roster_claims(const struct roster *r, const struct episode *ep, const char *slug,
		  const char *guid)
{
	struct roster one = {0};
	roster_add(&one, ep);
	const struct entry *me = &one.e[0];
	int found = 0;
	for (int i = 0; i < r->n && !found; i++)
		if (!same_file(&r->e[i], me->path, me->have_id, me->dev, me->ino))
			found = (slug && strcmp(r->e[i].slug, slug) == 0) ||
				(guid && r->e[i].guid && strcmp(r->e[i].guid, guid) == 0);
	entries_free(&one);
	return found;
}
