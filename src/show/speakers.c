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
	char *voice, *role;
};

static const struct ykey speaker_keys[] = {
	{"voice", YK_STR, offsetof(struct speaker_read, voice), 0, 0, 0, NULL},
	{"role", YK_STR, offsetof(struct speaker_read, role), 0, 0, 0, NULL},
};

/* One speakers: entry: a name, and a voice or a mapping of voice: and role:. */
static int read_speaker(void *obj, struct ydoc *y, const char *name, yaml_node_t *kn, yaml_node_t *vn)
{
	struct speakers *s = obj;
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
		uprefix = xasprintf("speakers.%s.", name);
		const struct ymap map = {
			.tab = speaker_keys, .n = ARRAY_LEN(speaker_keys), .prefix = "speakers.",
			.unknown = MSG_SPEAKERS_UNKNOWN_KEY, .unknown_prefix = uprefix, .stop = 1,
		};
		if (ydoc_read_map(&map, &r, y, vn) != 0)
			goto out;
	} else if (ydoc_get_str(y, "speakers", vn, &r.voice) != 0) {
		goto out;
	}
	if (r.voice == NULL || *r.voice == '\0') {
		msg(MSG_SPEAKERS_NO_VOICE, y->file, line, 0, "\"%s\"", name);
		goto out;
	}
	s->v = xreallocarray(s->v, (size_t)s->n + 1, sizeof *s->v);
	struct speaker *sp = &s->v[s->n++];
	sp->name = xstrdup(name);
	sp->voice = r.voice;
	sp->role = r.role ? r.role : xstrdup(s->n == 1 ? "host" : "co-host");
	sp->file = xstrdup(y->file ? y->file : "");
	sp->line = line;
	r.voice = r.role = NULL;
	rc = 0;
out:
	free(r.voice);
	free(r.role);
	free(uprefix);
	return rc;
}

int speakers_read(struct ydoc *y, yaml_node_t *v, struct speakers *s)
{
	static const struct ymap map = {.other = read_speaker, .stop = 1};
	if (v->type != YAML_MAPPING_NODE) {
		msg(MSG_SPEAKERS_NOT_MAPPING, y->file, ydoc_line(y, v), 0, NULL);
		return -1;
	}
	return ydoc_read_map(&map, s, y, v);
}

void speakers_clear(struct speakers *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->v[i].name);
		free(s->v[i].voice);
		free(s->v[i].role);
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
