/*
 * speakers.c: speaker declarations and the labels that start a paragraph.
 *
 * In: a YAML speakers: mapping; a paragraph's text. Out: struct speakers;
 * which speaker a label names and how long it is.
 */
#include "speakers.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

static int valid_name(const char *s)
{
	if (!*s || *s == ' ' || s[strlen(s) - 1] == ' ')
		return 0;
	for (; *s; s++)
		if (*s == ':' || *s == '<' || *s == '>' || *s == '&' || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

/* What a speaker's mapping fills. */
struct speaker_read {
	char *voice, *role, *bio, *link, *img;
};

/* A person's link: or img: address: the one rule for published URLs (a file for img: too). */
static int check_person_url(void *obj, const struct ykey *row, struct ydoc *y, const char *k,
			    yaml_node_t *v)
{
	char *u = *(char **)((char *)obj + row->off);
	int file = strcmp(row->key, "img") == 0 && !strstr(u, "://") && u[0] != '/' &&
		   !strstr(u, "..") && u[0];
	(void)k;
	if (file || url_publishable(u))
		return 0;
	msg(MSG_SPEAKERS_URL, y->file, ydoc_line(y, v), 0, "%s" MSG_SEP "\"%s\"", row->key, u);
	return -1;
}

static const struct ykey speaker_keys[] = {
	{"voice", YK_STR, offsetof(struct speaker_read, voice), 0, 0, 0, NULL},
	{"role", YK_STR, offsetof(struct speaker_read, role), 0, 0, 0, NULL},
	{"bio", YK_STR, offsetof(struct speaker_read, bio), 0, 0, 0, NULL},
	{"link", YK_STR, offsetof(struct speaker_read, link), 0, 0, 0, check_person_url},
	{"img", YK_STR, offsetof(struct speaker_read, img), 0, 0, 0, check_person_url},
};

/* What speakers_read and people_read fill: people: entries have no voice. */
struct speakers_into {
	struct speakers *s;
	int people;
};

/*
 * One speakers: entry: a name, and a voice or a mapping of voice:, role:,
 * bio:, link: and img:; or one people: entry, a mapping of the last three.
 */
static int read_speaker(void *obj, struct ydoc *y, const char *name, yaml_node_t *kn, yaml_node_t *vn)
{
	struct speakers_into *into = obj;
	struct speakers *s = into->s;
	const char *what = into->people ? "people." : "speakers.";
	struct speaker_read r = {0};
	int line = ydoc_line(y, kn), rc = -1;
	char *uprefix = NULL;
	if (name == NULL || !valid_name(name)) {
		msg(MSG_SPEAKERS_BAD_NAME, y->file, line, 0, "\"%s\"", name ? name : "");
		return -1;
	}
	if (speakers_find(s, name, strlen(name)) >= 0) {
		msg(MSG_SPEAKERS_TWICE, y->file, line, 0, "\"%s\"", name);
		return -1;
	}
	if (vn->type == YAML_MAPPING_NODE) {
		uprefix = xasprintf("%s%s.", what, name);
		const struct ymap map = {
			.tab = speaker_keys + (into->people ? 2 : 0),
			.n = ARRAY_LEN(speaker_keys) - (into->people ? 2 : 0), .prefix = what,
			.unknown = MSG_SPEAKERS_UNKNOWN_KEY, .unknown_prefix = uprefix, .stop = 1,
		};
		if (ydoc_read_map(&map, &r, y, vn) != 0)
			goto out;
	} else if (into->people) {
		msg(MSG_PEOPLE_NOT_MAPPING, y->file, line, 0, "\"%s\"", name);
		goto out;
	} else if (ydoc_get_str(y, "speakers", vn, &r.voice) != 0) {
		goto out;
	}
	if (!into->people && (r.voice == NULL || *r.voice == '\0')) {
		msg(MSG_SPEAKERS_NO_VOICE, y->file, line, 0, "\"%s\"", name);
		goto out;
	}
	s->v = xreallocarray(s->v, (size_t)s->n + 1, sizeof *s->v);
	struct speaker *sp = &s->v[s->n++];
	sp->name = xstrdup(name);
	sp->voice = r.voice ? r.voice : xstrdup("");
	sp->role = r.role ? r.role : xstrdup(s->n == 1 ? "host" : "co-host");
	sp->bio = r.bio;
	sp->link = r.link;
	sp->img = r.img;
	r.bio = r.link = r.img = NULL;
	sp->file = xstrdup(y->file ? y->file : "");
	sp->line = line;
	r.voice = r.role = NULL;
	rc = 0;
out:
	free(r.voice);
	free(r.role);
	free(r.bio);
	free(r.link);
	free(r.img);
	free(uprefix);
	return rc;
}

int speakers_read(struct ydoc *y, yaml_node_t *v, struct speakers *s)
{
	static const struct ymap map = {
		.other = read_speaker, .stop = 1, .must_map = 1, .not_mapping = MSG_SPEAKERS_NOT_MAPPING,
	};
	struct speakers_into into = {s, 0};
	return ydoc_read_map(&map, &into, y, v);
}

int people_read(struct ydoc *y, yaml_node_t *v, struct speakers *s)
{
	static const struct ymap map = {
		.other = read_speaker, .stop = 1, .must_map = 1, .not_mapping = MSG_PEOPLE_NOT_MAPPING,
		.what = "\"people\"",
	};
	struct speakers_into into = {s, 1};
	return ydoc_read_map(&map, &into, y, v);
}

void speakers_clear(struct speakers *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].voice);
		free(s->v[i].role);
		free(s->v[i].bio);
		free(s->v[i].link);
		free(s->v[i].img);
		free(s->v[i].file);
	}
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

void speakers_copy(struct speakers *dst, const struct speakers *src)
{
	dst->n = 0;
	dst->v = src->n ? xcalloc((size_t)src->n, sizeof *dst->v) : NULL;
	for (int i = 0; i < src->n; i++) {
		dst->v[i].name = xstrdup(src->v[i].name);
		dst->v[i].voice = xstrdup(src->v[i].voice);
		dst->v[i].role = xstrdup(src->v[i].role);
		dst->v[i].bio = src->v[i].bio ? xstrdup(src->v[i].bio) : NULL;
		dst->v[i].link = src->v[i].link ? xstrdup(src->v[i].link) : NULL;
		dst->v[i].img = src->v[i].img ? xstrdup(src->v[i].img) : NULL;
		dst->v[i].file = xstrdup(src->v[i].file);
		dst->v[i].line = src->v[i].line;
		dst->n++;
	}
}

int speakers_find(const struct speakers *s, const char *name, size_t n)
{
	for (int i = 0; i < s->n; i++)
		if (strlen(s->v[i].name) == n && memcmp(s->v[i].name, name, n) == 0)
			return i;
	return -1;
}

int speakers_label(const struct speakers *s, const char *text, size_t *skip)
{
	size_t i = strspn(text, " \t");
	/* ':' or the full-width '\xef\xbc\x9a' a Chinese keyboard types, whichever comes first */
	const char *colon = strchr(text + i, ':');
	const char *wide = strstr(text + i, "\xef\xbc\x9a");
	size_t clen = 1;
	if (wide != NULL && (colon == NULL || wide < colon)) {
		colon = wide;
		clen = 3;
	}
	if (s->n == 0 || colon == NULL)
		return -1;
	size_t n = (size_t)(colon - text) - i;
	while (n > 0 && text[i + n - 1] == ' ')
		n--;
	int k = speakers_find(s, text + i, n);
	if (k < 0)
		return -1;
	size_t j = (size_t)(colon - text) + clen;
	j += strspn(text + j, " \t");
	*skip = j;
	return k;
}
