/*
 * draftset.c: the settings of `podsynth draft`, the `draft:` mapping in
 * rss/channel.yaml (channel.c leaves that key to this file).
 *
 * In: the settings file's path (the file, or its draft: key, may be
 * absent). Out: struct draft_settings (draft.h) with a default for every
 * setting; unknown keys are warned about, bad values are errors at
 * file:line.
 */
#include "draft.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"
#include "yamlmap.h"

#define DEFAULT_ARCHIVE "https://lore.kernel.org/{list}/{message-id}/"

static int read_sections(struct draft_settings *s, struct ydoc *y, yaml_node_t *v)
{
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
		for (yaml_node_pair_t *p = sec->data.mapping.pairs.start; p < sec->data.mapping.pairs.top; p++) {
			const char *k = ydoc_scalar(ydoc_node(y, p->key));
			yaml_node_t *val = ydoc_node(y, p->value);
			if (k && strcmp(k, "title") == 0)
				rc |= ydoc_get_str(y, "draft.sections.title", val, &d->title);
			else if (k && strcmp(k, "match") == 0)
				rc |= ydoc_get_list(y, "draft.sections.match", val, &d->match, &d->nmatch);
			else
				msg(MSG_CH_UNKNOWN_SUBKEY, y->file, ydoc_line(y, val), 0,
				    "\"draft.sections.%s\"", k ? k : "?");
		}
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

static int read_lists(struct draft_settings *s, struct ydoc *y, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		msg(MSG_DRAFT_LISTS, y->file, ydoc_line(y, v), 0, NULL);
		return -1;
	}
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		char *val = NULL;
		if (k == NULL || ydoc_get_str(y, "draft.lists", ydoc_node(y, p->value), &val) != 0) {
			rc = -1;
			continue;
		}
		s->list_names = xreallocarray(s->list_names, (size_t)s->nlist_names + 2, sizeof(char *));
		s->list_names[s->nlist_names++] = xstrdup(k);
		s->list_names[s->nlist_names++] = val;
	}
	return rc;
}

static int read_draft(struct draft_settings *s, struct ydoc *y, yaml_node_t *v, const char *dir)
{
	if (v->type != YAML_MAPPING_NODE) {
		msg(MSG_DRAFT_NOT_MAPPING, y->file, ydoc_line(y, v), 0, NULL);
		return -1;
	}
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		if (k == NULL) {
			msg(MSG_DRAFT_NO_KEY, y->file, ydoc_line(y, val), 0, NULL);
			rc = -1;
		} else if (strcmp(k, "archive") == 0) {
			free(s->archive);
			s->archive = NULL;
			if (ydoc_get_str(y, "draft.archive", val, &s->archive) != 0) {
				rc = -1;
			} else if (strstr(s->archive, "{message-id}") == NULL) {
				msg(MSG_DRAFT_ARCHIVE, y->file, ydoc_line(y, val), 0, "\"%s\"", s->archive);
				rc = -1;
			}
		} else if (strcmp(k, "sections") == 0) {
			rc |= read_sections(s, y, val);
		} else if (strcmp(k, "lists") == 0) {
			rc |= read_lists(s, y, val);
		} else if (strcmp(k, "max_per_section") == 0) {
			rc |= ydoc_get_int(y, "draft.max_per_section", val, 0, 10000, &s->max_per_section);
		} else if (strcmp(k, "templates") == 0) {
			char *t = NULL;
			if (ydoc_get_str(y, "draft.templates", val, &t) != 0) {
				rc = -1;
			} else {
				free(s->templates);
				s->templates = path_join(dir, t);
				free(t);
			}
		} else {
			msg(MSG_CH_UNKNOWN_KEY, y->file, ydoc_line(y, val), 0, "\"draft.%s\"", k);
		}
	}
	return rc;
}

int draft_settings_load(const char *path, struct draft_settings *out)
{
	struct ydoc y;
	char *text = NULL, *dir = NULL;
	size_t len, bad;
	int rc = -1;

	memset(out, 0, sizeof *out);
	memset(&y, 0, sizeof y);
	out->archive = xstrdup(DEFAULT_ARCHIVE);
	text = read_file(path, &len);
	if (text == NULL) {
		if (errno == ENOENT)
			rc = 0;
		else
			msg(MSG_FILE_UNREADABLE, path, 0, 0, "show settings" MSG_SEP "%s", strerror(errno));
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
	dir = path_dirname(path);
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(&y, p->key));
		if (k && strcmp(k, "draft") == 0 && read_draft(out, &y, ydoc_node(&y, p->value), dir) != 0)
			rc = -1;
	}
out:
	free(dir);
	ydoc_free(&y);
	free(text);
	if (rc != 0)
		draft_settings_free(out);
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
	memset(s, 0, sizeof *s);
}
