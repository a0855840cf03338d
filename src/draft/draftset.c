/*
 * draftset.c: the settings of `podsynth draft`, the `draft:` mapping in
 * rss/channel.yaml (channel.c leaves that key to this file).
 *
 * In: the settings file's path (the file, or its draft: key, may be
 * absent). Out: struct draft_settings (draft.h) with a default for every
 * setting; unknown keys are warned about, bad values are errors at
 * file:line. The keys are tables (yamlmap.h's ykey rows, as in channel.c):
 * draft_keys for draft:, section_keys for each draft.sections entry.
 */
#include "draft.h"

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

#define DEFAULT_ARCHIVE "https://lore.kernel.org/{list}/{message-id}/"

/* What the settings tables fill: the settings, and where relative paths start. */
struct draft_read {
	struct draft_settings s;
	const char *dir;       /* the directory of channel.yaml */
};

#define SEC(k, t, f, f2) {k, t, offsetof(struct draft_section, f), f2, 0, 0, NULL}

/* The keys of one draft.sections entry. */
static const struct ykey section_keys[] = {
	SEC("title", YK_STR, title, 0),
	SEC("match", YK_LIST, match, offsetof(struct draft_section, nmatch)),
};

static const struct ymap section_map = {
	.tab = section_keys, .n = ARRAY_LEN(section_keys), .prefix = "draft.sections.",
	.unknown = MSG_CH_UNKNOWN_SUBKEY,
};

static int read_sections(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	struct draft_settings *s = &((struct draft_read *)obj)->s;
	(void)row, (void)key;
	if (v->type != YAML_SEQUENCE_NODE) {
		msg(MSG_DRAFT_SECTIONS, y->file, ydoc_line(y, v), 0, NULL);
		return -1;
	}
	int rc = 0;
	for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *sec = ydoc_node(y, *it);
		if (sec == NULL || sec->type != YAML_MAPPING_NODE) {
			msg(MSG_DRAFT_SECTION_KEYS, y->file, sec ? ydoc_line(y, sec) : 0, 0, NULL);
			rc = -1;
			continue;
		}
		s->sections = xreallocarray(s->sections, (size_t)s->nsections + 1, sizeof *s->sections);
		struct draft_section *d = &s->sections[s->nsections++];
		memset(d, 0, sizeof *d);
		if (ydoc_read_map(&section_map, d, y, sec) != 0)
			rc = -1;
		for (int m = 0; m < d->nmatch; m++)
			if (d->match[m][0] == '\0') {
				msg(MSG_DRAFT_EMPTY_MATCH, y->file, ydoc_line(y, sec), 0, NULL);
				rc = -1;
			}
		if (d->title == NULL || d->title[0] == '\0' || d->nmatch == 0) {
			msg(MSG_DRAFT_SECTION_INCOMPLETE, y->file, ydoc_line(y, sec), 0, NULL);
			rc = -1;
		}
	}
	return rc;
}

/* One lists: entry: a List-Id and the name said for it. */
static int read_list(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	struct draft_settings *s = &((struct draft_read *)obj)->s;
	char *val = NULL;
	(void)kn;
	if (k == NULL || ydoc_get_str(y, "draft.lists", v, &val) != 0)
		return -1;
	s->list_names = xreallocarray(s->list_names, (size_t)s->nlist_names + 2, sizeof(char *));
	s->list_names[s->nlist_names++] = xstrdup(k);
	s->list_names[s->nlist_names++] = val;
	return 0;
}

static int read_lists(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.other = read_list, .must_map = 1, .not_mapping = MSG_DRAFT_LISTS,
	};
	(void)row, (void)key;
	return ydoc_read_map(&map, obj, y, v);
}

/* Pairs "key: text" into a string array, for draft.subsystems and draft.people. */
static int read_pair(struct ydoc *y, const char *what, const char *k, yaml_node_t *v, char ***arr, int *n)
{
	char *val = NULL;
	if (k == NULL || ydoc_get_str(y, what, v, &val) != 0)
		return -1;
	if (val[0] == '\0' || k[0] == '\0') {
		msg(MSG_DRAFT_PAIRS, y->file, ydoc_line(y, v), 0, "%s", what);
		free(val);
		return -1;
	}
	*arr = xreallocarray(*arr, (size_t)*n + 2, sizeof(char *));
	(*arr)[(*n)++] = xstrdup(k);
	(*arr)[(*n)++] = val;
	return 0;
}

static int read_subsystem(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	struct draft_settings *s = &((struct draft_read *)obj)->s;
	(void)kn;
	return read_pair(y, "draft.subsystems", k, v, &s->subsystems, &s->nsubsystems);
}

static int read_person(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	struct draft_settings *s = &((struct draft_read *)obj)->s;
	(void)kn;
	return read_pair(y, "draft.people", k, v, &s->people, &s->npeople);
}

static int read_pairs_map(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap subsystems = {
		.other = read_subsystem, .must_map = 1, .not_mapping = MSG_DRAFT_PAIRS,
		.what = "draft.subsystems",
	};
	static const struct ymap people = {
		.other = read_person, .must_map = 1, .not_mapping = MSG_DRAFT_PAIRS,
		.what = "draft.people",
	};
	(void)key;
	return ydoc_read_map(strcmp(row->key, "people") == 0 ? &people : &subsystems, obj, y, v);
}

#define INTEREST(k) {#k, YK_INT, offsetof(struct draft_interest, k), 0, 0, 1000, NULL}

/* The weights of draft.interest, one row each. */
static const struct ykey interest_keys[] = {
	INTEREST(pull), INTEREST(regression), INTEREST(objection), INTEREST(reply),
	INTEREST(trailer), INTEREST(version), INTEREST(applied),
};

static int read_interest(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = interest_keys, .n = ARRAY_LEN(interest_keys), .prefix = "draft.interest.",
		.unknown = MSG_CH_UNKNOWN_SUBKEY,
		.must_map = 1, .not_mapping = MSG_DRAFT_PAIRS, .what = "draft.interest",
	};
	(void)row, (void)key;
	return ydoc_read_map(&map, &((struct draft_read *)obj)->s.interest, y, v);
}

static int check_archive(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	struct draft_settings *s = &((struct draft_read *)obj)->s;
	(void)row, (void)key;
	if (!url_publishable(s->archive)) {
		msg(MSG_CH_NOT_URL, y->file, ydoc_line(y, v), 0, "%s: \"%s\"", "draft.archive", s->archive);
		return -1;
	}
	if (strstr(s->archive, "{message-id}") != NULL)
		return 0;
	msg(MSG_DRAFT_ARCHIVE, y->file, ydoc_line(y, v), 0, "\"%s\"", s->archive);
	return -1;
}

/* templates: is relative to the directory of channel.yaml */
static int check_templates(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	struct draft_read *r = obj;
	char *t = r->s.templates;
	(void)row, (void)y, (void)key, (void)v;
	r->s.templates = path_join(r->dir, t);
	free(t);
	return 0;
}

#define DSET(k, t, f, lo, hi, fn) {k, t, offsetof(struct draft_read, s.f), 0, lo, hi, fn}
#define DCUSTOM(k, fn) {k, YK_CUSTOM, 0, 0, 0, 0, fn}

/* The keys of draft: in channel.yaml, one row each (docs/draft.md). */
static const struct ykey draft_keys[] = {
	DSET("archive", YK_STR, archive, 0, 0, check_archive),
	DCUSTOM("sections", read_sections),
	DCUSTOM("lists", read_lists),
	DSET("max_per_section", YK_INT, max_per_section, 0, 10000, NULL),
	DSET("templates", YK_STR, templates, 0, 0, check_templates),
	DCUSTOM("subsystems", read_pairs_map),
	DCUSTOM("people", read_pairs_map),
	DCUSTOM("interest", read_interest),
};

/* A key draft: does not know (a warning), or one that is not text (an error). */
static int other_draft_key(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	(void)obj, (void)kn;
	if (k == NULL) {
		msg(MSG_DRAFT_NO_KEY, y->file, ydoc_line(y, v), 0, NULL);
		return -1;
	}
	msg(MSG_CH_UNKNOWN_KEY, y->file, ydoc_line(y, v), 0, "\"draft.%s\"", k);
	return 0;
}

/* draft: in channel.yaml, read by draft_keys (every other key is channel.c's). */
static int read_draft(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = draft_keys, .n = ARRAY_LEN(draft_keys), .prefix = "draft.",
		.other = other_draft_key, .must_map = 1, .not_mapping = MSG_DRAFT_NOT_MAPPING,
	};
	(void)row, (void)k;
	return ydoc_read_map(&map, obj, y, v);
}

/* The one key of channel.yaml this file reads. */
static const struct ykey root_keys[] = {
	DCUSTOM("draft", read_draft),
};

int draft_settings_load(const char *path, struct draft_settings *out)
{
	struct ydoc y;
	struct draft_read r;
	char *text = NULL, *dir = NULL;
	size_t len, bad;
	int rc = -1;

	memset(&y, 0, sizeof y);
	memset(&r, 0, sizeof r);
	r.s.archive = xstrdup(DEFAULT_ARCHIVE);
	r.s.interest = (struct draft_interest){.pull = 100, .regression = 80, .objection = 30,
					       .reply = 5, .trailer = 2, .version = 3, .applied = 10};
	const char *why = NULL;
	errno = 0;
	text = input_read(path, INPUT_SETTINGS, &len, &why);
	if (text == NULL) {
		if (errno == ENOENT)
			rc = 0;
		else
			msg(MSG_FILE_UNREADABLE, path, 0, 0, "show settings" MSG_SEP "%s", why);
		goto out;
	}
	if (utf8_check(text, len, &bad) != 0) {
		msg(MSG_FILE_UTF8, path, line_of(text, bad), 0, NULL);
		goto out;
	}
	if (ydoc_load(&y, path, text, len, 1) != 0)
		goto out;
	yaml_node_t *root = ydoc_root(&y);
	rc = 0;
	if (root == NULL || root->type != YAML_MAPPING_NODE)
		goto out; /* channel.c reports that */
	r.dir = dir = path_dirname(path);
	static const struct ymap root_map = {
		.tab = root_keys, .n = ARRAY_LEN(root_keys), .other = ymap_ignore,
	};
	if (ydoc_read_map(&root_map, &r, &y, root) != 0)
		rc = -1;
out:
	free(dir);
	ydoc_free(&y);
	free(text);
	if (rc != 0)
		draft_settings_free(&r.s);
	*out = r.s;
	return rc;
}

void draft_settings_free(struct draft_settings *s)
{
	free(s->archive);
	for (int i = 0; i < s->nsections; i++) {
		free(s->sections[i].title);
		for (int k = 0; k < s->sections[i].nmatch; k++)
			free(s->sections[i].match[k]);
		free(s->sections[i].match);
	}
	free(s->sections);
	free(s->templates);
	for (int i = 0; i < s->nlist_names; i++)
		free(s->list_names[i]);
	free(s->list_names);
	for (int i = 0; i < s->nsubsystems; i++)
		free(s->subsystems[i]);
	free(s->subsystems);
	for (int i = 0; i < s->npeople; i++)
		free(s->people[i]);
	free(s->people);
	memset(s, 0, sizeof *s);
}
