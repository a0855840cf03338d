/*
 * test_yamlmap.c: ydoc_read_map, the one walk over a YAML mapping: keys
 * named with the table's prefix, unknown keys warned about with theirs,
 * lines recorded, a bad value either skipped or ending the walk, and a
 * reader ending it early as a success.
 */
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "core/msg.h"
#include "core/util.h"
#include "core/yamlmap.h"

struct obj {
	int a, b;
	char *name;
	int others;
};

static int early(void *o, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	(void)o, (void)row, (void)y, (void)k, (void)v;
	return 1;
}

static int count_other(void *o, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	(void)y, (void)k, (void)kn, (void)v;
	((struct obj *)o)->others++;
	return 0;
}

static const struct ykey keys[] = {
	{"a|alpha", YK_INT, offsetof(struct obj, a), 0, 0, 10, NULL},
	{"b", YK_INT, offsetof(struct obj, b), 0, 0, 10, NULL},
	{"name", YK_STR, offsetof(struct obj, name), 0, 0, 0, NULL},
	{"end", YK_CUSTOM, 0, 0, 0, 0, early},
};

/* Walks text's root mapping by m into o; returns the walk's result and what stderr said (*said, freed by the caller). */
static int walk(const char *text, const struct ymap *m, struct obj *o, char **said)
{
	struct ydoc y;
	char path[] = "/tmp/podsynth-ymap.XXXXXX";
	int fd = mkstemp(path);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	close(fd);
	int rc = -2;
	if (ydoc_load(&y, "t.yaml", text, strlen(text), 1) == 0)
		rc = ydoc_read_map(m, o, &y, ydoc_root(&y));
	ydoc_free(&y);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	*said = read_file(path, NULL);
	unlink(path);
	return rc;
}

int main(void)
{
	int lines[ARRAY_LEN(keys)] = {0};
	struct ymap m = {
		.tab = keys, .n = ARRAY_LEN(keys), .prefix = "x.",
		.unknown = MSG_CH_UNKNOWN_SUBKEY, .lines = lines,
	};
	struct obj o = {0};
	char *s;

	INT_EQ(walk("alpha: 3\nb: 4\nname: n\n", &m, &o, &s), 0, "a good mapping reads");
	INT_EQ(o.a, 3, "an alias fills its row");
	INT_EQ(o.b, 4, "every key is read");
	STR_EQ(o.name, "n", "text is copied");
	INT_EQ(lines[0], 1, "the line of a key's value is kept");
	INT_EQ(lines[2], 3, "the line of the third key");
	STR_EQ(s, "", "nothing said");
	free(s);

	INT_EQ(walk("colour: red\n", &m, &o, &s), 0, "an unknown key is only a warning");
	STR_EQ(s, "t.yaml:1: warning: unknown key \"x.colour\"\n",
	       "the warning names the key with the prefix");
	free(s);
	m.unknown_prefix = "x.y.";
	INT_EQ(walk("colour: red\n", &m, &o, &s), 0, "an unknown key again");
	STR_EQ(s, "t.yaml:1: warning: unknown key \"x.y.colour\"\n",
	       "the unknown prefix replaces the prefix in the warning");
	free(s);
	m.unknown_prefix = NULL;

	o.a = o.b = 0;
	INT_EQ(walk("a: 99\nb: 5\n", &m, &o, &s), -1, "a bad value fails the walk");
	INT_EQ(o.b, 5, "the walk goes on after a bad value");
	OK(s && strstr(s, "x.a: 99") != NULL, "the bad value is named with the prefix: %s", s);
	free(s);

	m.stop = 1;
	o.b = 0;
	INT_EQ(walk("a: 99\nb: 5\n", &m, &o, &s), -1, "a bad value fails a stopping walk");
	INT_EQ(o.b, 0, "a stopping walk ends at the bad value");
	free(s);
	m.stop = 0;

	INT_EQ(walk("b: 1\nend: 0\nb: 2\n", &m, &o, &s), 0, "a reader's 1 ends the walk as a success");
	INT_EQ(o.b, 1, "no key after it is read");
	free(s);

	struct ymap free_form = {.other = count_other};
	o.others = 0;
	INT_EQ(walk("a: 1\nzz: 2\n", &free_form, &o, &s), 0, "a free-form map reads");
	INT_EQ(o.others, 2, "every key of a free-form map goes to other");
	free(s);

	/* A value that is not a mapping: the caller's, unless the map says what to report. */
	INT_EQ(walk("- a\n- b\n", &free_form, &o, &s), -1, "a sequence is not a mapping");
	STR_EQ(s, "", "a map without must_map leaves the report to its caller");
	free(s);
	struct ymap must = {
		.other = count_other, .must_map = 1, .not_mapping = MSG_DRAFT_PAIRS, .what = "x.pairs",
	};
	INT_EQ(walk("\n\nplain text\n", &must, &o, &s), -1, "text is not a mapping");
	OK(s && strncmp(s, "t.yaml:3: error: ", 17) == 0 && strstr(s, "x.pairs") != NULL,
	   "must_map reports its message at the value's line with its detail: %s", s);
	free(s);
	must.what = NULL;
	must.not_mapping = MSG_CH_PAUSES;
	INT_EQ(walk("[1, 2]\n", &must, &o, &s), -1, "a flow sequence is not a mapping");
	OK(s && strncmp(s, "t.yaml:1: error: ", 17) == 0 && strstr(s, "x.pairs") == NULL,
	   "without a detail the message stands alone: %s", s);
	free(s);
	o.others = 0;
	INT_EQ(walk("k: v\n", &must, &o, &s), 0, "must_map reads a mapping as before");
	INT_EQ(o.others, 1, "its keys are read");
	free(s);

	free(o.name);
	return harness_done();
}
