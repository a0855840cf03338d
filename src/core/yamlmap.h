/*
 * yamlmap.h: reading YAML documents (libyaml's document API) as plain
 * mappings of scalars, with line numbers for every value, for the front
 * matter, the channel settings and the voice profiles.
 */
#ifndef PODSYNTH_YAMLMAP_H
#define PODSYNTH_YAMLMAP_H

#include <stddef.h>
#include <yaml.h>

#include "msg.h"

struct ydoc {
	yaml_document_t doc;
	const char *file;
	int line_offset;   /* added to libyaml's 0-based line numbers, plus one */
	int loaded;
};

/*
 * Parses text (len bytes) as one YAML document whose first line is line
 * first_line of file. A syntax error is reported as file:line: error and
 * returns -1. An empty document gives a root of NULL. Free with ydoc_free.
 */
int ydoc_load(struct ydoc *y, const char *file, const char *text, size_t len, int first_line);
void ydoc_free(struct ydoc *y);
yaml_node_t *ydoc_root(struct ydoc *y);
/* The 1-based file line of a node. */
int ydoc_line(const struct ydoc *y, const yaml_node_t *n);
/* The scalar value of n, or NULL when n is not a scalar. */
const char *ydoc_scalar(const yaml_node_t *n);
yaml_node_t *ydoc_node(struct ydoc *y, int index);

/*
 * Typed getters for a scalar value. Each reports "file:line: error: KEY: ..."
 * and returns -1 when the value has the wrong form.
 */
int ydoc_get_str(struct ydoc *y, const char *key, yaml_node_t *v, char **out);
int ydoc_get_int(struct ydoc *y, const char *key, yaml_node_t *v, int min, int max, int *out);
int ydoc_get_double(struct ydoc *y, const char *key, yaml_node_t *v, double min, double max, double *out);
int ydoc_get_bool(struct ydoc *y, const char *key, yaml_node_t *v, int *out);
/* A scalar or a sequence of scalars, appended to *list. */
int ydoc_get_list(struct ydoc *y, const char *key, yaml_node_t *v, char ***list, int *n);

/*
 * Settings tables: one row per key, read by ydoc_read_key. A row names
 * the key (aliases separated by '|', "link|url"), the type of its value,
 * where it goes in the settings struct, its range and an optional check.
 */
enum ykey_type {
	YK_STR,    /* char * at off (the old value is freed) */
	YK_INT,    /* int at off, min..max */
	YK_DOUBLE, /* double at off, min..max */
	YK_BOOL,   /* int at off, 0 or 1 */
	YK_LIST,   /* char ** at off, its int count at off2: appended */
	YK_IGNORE, /* known, read elsewhere */
	YK_CUSTOM, /* check reads the value itself */
	YK_NODE,   /* yaml_node_t * at off: the value node itself, unread */
};

struct ykey {
	const char *key;
	enum ykey_type type;
	size_t off, off2;
	double min, max;
	/*
	 * Called after the value is stored (for YK_CUSTOM: instead), with the
	 * settings struct, this row, the key as written and the value node.
	 * Returns -1 after reporting a bad value at file:line, or 1 to end
	 * ydoc_read_map's walk early as a success.
	 */
	int (*check)(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v);
};

/* The row of tab (n rows) for key, or -1 when it has none. */
int ykey_find(const struct ykey *tab, size_t n, const char *key);
/*
 * Reads v, the value of key, into obj by row `row` of tab. Returns 0, or -1
 * after reporting a bad value at file:line.
 */
int ydoc_read_key(const struct ykey *tab, int row, void *obj, struct ydoc *y,
		  const char *key, yaml_node_t *v);

/*
 * How ydoc_read_map walks one mapping: the known keys in tab, named in
 * messages with prefix before them ("bed." gives "bed.level"), and what
 * happens to every other key.
 */
struct ymap {
	const struct ykey *tab;  /* the known keys; NULL for a free-form map */
	size_t n;
	const char *prefix;      /* before each key in the name a reader is given; NULL: "" */
	/*
	 * Called for a key not in tab, and for a key that is not a scalar
	 * (key NULL), with the key node kn and the value v. Returns 0, -1
	 * after reporting, or 1 to end the walk as a success. NULL: the warning
	 * `unknown` "\"<unknown_prefix>KEY\"" at the value's line ("?" for a
	 * key that is not a scalar).
	 */
	int (*other)(void *obj, struct ydoc *y, const char *key, yaml_node_t *kn, yaml_node_t *v);
	enum msg unknown;
	const char *unknown_prefix; /* NULL: prefix */
	int *lines;              /* when not NULL, lines[row] = the line of each known key's value */
	int stop;                /* end the walk at the first bad value */
	/*
	 * A value that is not a mapping: with must_map, the error not_mapping
	 * at the value's line (what, when not NULL, its detail) and -1; without,
	 * -1 unreported, for a caller that takes other forms itself.
	 */
	int must_map;
	enum msg not_mapping;
	const char *what;
};

/*
 * Reads every key of the mapping v into obj by the table m, in the order
 * written. Bad values are reported and the walk goes on (unless m->stop).
 * Returns 0, or -1 when any value was bad or v is not a mapping (reported
 * when m->must_map).
 */
int ydoc_read_map(const struct ymap *m, void *obj, struct ydoc *y, yaml_node_t *v);

/* For struct ymap.other: every other key is silently left alone. */
int ymap_ignore(void *obj, struct ydoc *y, const char *key, yaml_node_t *kn, yaml_node_t *v);

#endif
