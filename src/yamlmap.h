/*
 * yamlmap.h: reading YAML documents (libyaml's document API) as plain
 * mappings of scalars, with line numbers for every value, for the front
 * matter, the channel settings and the voice profiles.
 */
#ifndef PODSYNTH_YAMLMAP_H
#define PODSYNTH_YAMLMAP_H

#include <stddef.h>
#include <yaml.h>

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

#endif
