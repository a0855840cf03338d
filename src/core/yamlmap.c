/*
 * yamlmap.c: libyaml documents read as mappings of scalars with line
 * numbers, and typed getters that report bad values at file:line.
 */
#include "yamlmap.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "msg.h"
#include "util.h"

/* The text of line k (0-based) of text, without its newline; the caller frees. */
static char *line_text(const char *text, size_t len, size_t k)
{
	const char *p = text, *end = text + len;
	for (; k > 0 && p < end; k--) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			return xstrdup("");
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	return xstrndup(p, (size_t)((nl ? nl : end) - p));
}

/* What libyaml says (problem, then context or NULL for any), and which message says it plainly. */
enum plain { PLAIN_COLON, PLAIN_QUOTE, PLAIN_START, PLAIN_INDENT, PLAIN_TAB };
static const struct {
	const char *problem, *context;
	enum plain say;
} plain_table[] = {
	{"mapping values are not allowed in this context", NULL, PLAIN_COLON},
	{"found unexpected end of stream", "while scanning a quoted scalar", PLAIN_QUOTE},
	{"found character that cannot start any token", NULL, PLAIN_START},
	{"did not find expected key", NULL, PLAIN_INDENT},
	{"did not find expected <document start>", NULL, PLAIN_INDENT},
	{"found a tab character that violates indentation", NULL, PLAIN_TAB},
	{"found character that cannot start any token", "while scanning for the next token", PLAIN_START},
};

/*
 * The parser's error in plain words with the fix, at the line of the key,
 * when it is one a host makes (plain_table). 0 when said, -1 otherwise.
 */
static int plain_words(const yaml_parser_t *p, const char *file, const char *text, size_t len, int offset)
{
	size_t i;
	for (i = 0; i < ARRAY_LEN(plain_table); i++)
		if (p->problem && strcmp(p->problem, plain_table[i].problem) == 0 &&
		    (plain_table[i].context == NULL ||
		     (p->context && strcmp(p->context, plain_table[i].context) == 0)))
			break;
	if (i == ARRAY_LEN(plain_table))
		return -1;
	int line = (int)p->problem_mark.line + 1 + offset;
	char *l = line_text(text, len, p->problem_mark.line);
	int rc = -1;
	switch (plain_table[i].say) {
	case PLAIN_COLON: {
		/* key: value: more  ->  key: "value: more" */
		const char *sep = strstr(l, ": ");
		size_t ind = strspn(l, " \t-");
		if (sep == NULL || strchr(sep + 2, '"') != NULL)
			break;
		if ((size_t)(sep - l) >= p->problem_mark.column) {
			/* the line's own key: it is indented under a value */
			msg(MSG_YAML_INDENT, file, line, 0, NULL);
			rc = 0;
			break;
		}
		const char *val = sep + 2 + strspn(sep + 2, " ");
		msg(MSG_YAML_COLON, file, line, 0, "%.*s: \"%s\"", (int)(sep - l - (ptrdiff_t)ind), l + ind, val);
		rc = 0;
		break;
	}
	case PLAIN_QUOTE: {
		char *q = line_text(text, len, p->context_mark.line);
		char c = q[p->context_mark.column < strlen(q) ? p->context_mark.column : 0];
		free(q);
		msg(MSG_YAML_QUOTE, file, (int)p->context_mark.line + 1 + offset, 0, "%d" MSG_SEP "%s",
		    (int)p->context_mark.line + 1 + offset, c == '\'' ? "'" : "\"");
		rc = 0;
		break;
	}
	case PLAIN_START: {
		size_t col = p->problem_mark.column;
		char c = col < strlen(l) ? l[col] : '?';
		char what[8];
		snprintf(what, sizeof what, "\"%c\"", c);
		msg(MSG_YAML_START, file, line, (int)col + 1, "%s", c == '\t' ? "a tab" : what);
		rc = 0;
		break;
	}
	case PLAIN_INDENT:
		msg(MSG_YAML_INDENT, file, line, 0, NULL);
		rc = 0;
		break;
	case PLAIN_TAB:
		msg(MSG_YAML_TAB, file, line, 0, NULL);
		rc = 0;
		break;
	}
	free(l);
	return rc;
}

/*
 * Nesting deeper than any settings file or front matter needs: libyaml's
 * scanner takes time quadratic in it (100,000 "[" took minutes), so such a
 * document is refused before it is parsed.
 */
#define YAML_MAX_DEPTH 64

/* 1 when t[i] starts a value: after ": ", "- ", '[', '{' or ',' (spaces between). */
static int value_start(const char *t, size_t i)
{
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	return i == 0 || strchr(":-[{,\n", t[i - 1]) != NULL;
}

/* The line (1-based) where text nests deeper than YAML_MAX_DEPTH, or 0. */
static int too_deep(const char *t, size_t n)
{
	int depth = 0, line = 1;
	char quote = 0;
	size_t lead = 0;   /* spaces and "- " at the start of the line */
	int at_start = 1;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c == '\n') {
			line++;
			lead = 0;
			at_start = 1;
			if (quote == 0)
				continue;
		}
		if (at_start && (c == ' ' || c == '-')) {
			if (++lead > 4 * YAML_MAX_DEPTH)
				return line;
			continue;
		}
		int first = at_start;
		at_start = 0;
		if (quote) {
			if (c == '\\' && quote == '"')
				i++;
			else if (c == quote)
				quote = 0;
		} else if ((c == '"' || c == '\'') && (first || value_start(t, i))) {
			quote = c;   /* a quoted value; an apostrophe inside plain text is not one */
		} else if (c == '#' && (first || t[i - 1] == ' ' || t[i - 1] == '\t')) {
			while (i + 1 < n && t[i + 1] != '\n')
				i++;
		} else if (c == '[' || c == '{') {
			if (++depth > YAML_MAX_DEPTH)
				return line;
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return 0;
}

int ydoc_load(struct ydoc *y, const char *file, const char *text, size_t len, int first_line)
{
	yaml_parser_t p;
	int rc = -1;
	memset(y, 0, sizeof *y);
	y->file = file;
	y->line_offset = first_line - 1;
	int deep = too_deep(text, len);
	if (deep > 0) {
		msg(MSG_YAML_DEEP, file, deep + y->line_offset, 0, "%d", YAML_MAX_DEPTH);
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		msg(MSG_YAML_PARSER, file, first_line, 0, NULL);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &y->doc)) {
		int line = (int)(p.problem_mark.line + 1) + y->line_offset;
		int col = (int)p.problem_mark.column + 1;
		int ctx_line = (int)(p.context_mark.line + 1) + y->line_offset;
		if (plain_words(&p, file, text, len, y->line_offset) == 0)
			;   /* said in plain words, with the fix */
		else if (p.context != NULL && ctx_line != line)
			msg(MSG_YAML_SYNTAX, file, line, col, "%s %s started at line %d",
			     p.problem ? p.problem : "syntax error", p.context, ctx_line);
		else
			msg(MSG_YAML_SYNTAX, file, line, col, "%s%s%s",
			     p.problem ? p.problem : "syntax error",
			     p.context ? " " : "", p.context ? p.context : "");
		goto out;
	}
	y->loaded = 1;
	rc = 0;
out:
	yaml_parser_delete(&p);
	return rc;
}

void ydoc_free(struct ydoc *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

yaml_node_t *ydoc_root(struct ydoc *y)
{
	return y->loaded ? yaml_document_get_root_node(&y->doc) : NULL;
}

yaml_node_t *ydoc_node(struct ydoc *y, int index)
{
	return yaml_document_get_node(&y->doc, index);
}

int ydoc_line(const struct ydoc *y, const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1 + y->line_offset;
}

const char *ydoc_scalar(const yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

static int bad(struct ydoc *y, yaml_node_t *v, const char *key, enum msg what)
{
	msg(what, y->file, ydoc_line(y, v), 0, "%s", key);
	return -1;
}

int ydoc_get_str(struct ydoc *y, const char *key, yaml_node_t *v, char **out)
{
	const char *s = ydoc_scalar(v);
	if (s == NULL)
		return bad(y, v, key, MSG_YAML_NOT_TEXT);
	free(*out);
	*out = xstrdup(s);
	return 0;
}

int ydoc_get_int(struct ydoc *y, const char *key, yaml_node_t *v, int min, int max, int *out)
{
	const char *s = ydoc_scalar(v);
	char *end;
	if (s == NULL)
		return bad(y, v, key, MSG_YAML_NOT_INT);
	errno = 0;
	long n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno)
		return bad(y, v, key, MSG_YAML_NOT_INT);
	if (n < min || n > max) {
		msg(MSG_YAML_RANGE, y->file, ydoc_line(y, v), 0,
		    "%s: %ld" MSG_SEP "%d to %d", key, n, min, max);
		return -1;
	}
	*out = (int)n;
	return 0;
}

int ydoc_get_double(struct ydoc *y, const char *key, yaml_node_t *v, double min, double max, double *out)
{
	const char *s = ydoc_scalar(v);
	char *end;
	if (s == NULL)
		return bad(y, v, key, MSG_YAML_NOT_NUMBER);
	errno = 0;
	double d = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || errno || !isfinite(d))
		return bad(y, v, key, MSG_YAML_NOT_NUMBER);
	if (d < min || d > max) {
		msg(MSG_YAML_RANGE, y->file, ydoc_line(y, v), 0,
		    "%s: %g" MSG_SEP "%g to %g", key, d, min, max);
		return -1;
	}
	*out = d;
	return 0;
}

int ydoc_get_bool(struct ydoc *y, const char *key, yaml_node_t *v, int *out)
{
	static const char *yes[] = {"true", "yes", "on", "1"};
	static const char *no[] = {"false", "no", "off", "0"};
	const char *s = ydoc_scalar(v);
	if (s != NULL) {
		for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
			if (strcasecmp(s, yes[i]) == 0) {
				*out = 1;
				return 0;
			}
			if (strcasecmp(s, no[i]) == 0) {
				*out = 0;
				return 0;
			}
		}
	}
	return bad(y, v, key, MSG_YAML_NOT_BOOL);
}

int ydoc_get_list(struct ydoc *y, const char *key, yaml_node_t *v, char ***list, int *n)
{
	if (v->type == YAML_SCALAR_NODE) {
		if (ydoc_scalar(v)[0] == '\0')
			return 0;
		*list = xreallocarray(*list, (size_t)*n + 1, sizeof **list);
		(*list)[(*n)++] = xstrdup(ydoc_scalar(v));
		return 0;
	}
	if (v->type != YAML_SEQUENCE_NODE)
		return bad(y, v, key, MSG_YAML_NOT_LIST);
	for (yaml_node_item_t *it = v->data.sequence.items.start;
	     it < v->data.sequence.items.top; it++) {
		yaml_node_t *e = ydoc_node(y, *it);
		const char *s = ydoc_scalar(e);
		if (s == NULL)
			return bad(y, e, key, MSG_YAML_NOT_TEXT_LIST);
		*list = xreallocarray(*list, (size_t)*n + 1, sizeof **list);
		(*list)[(*n)++] = xstrdup(s);
	}
	return 0;
}

/* Whether key is one of the '|'-separated names. */
static int ykey_matches(const char *names, const char *key)
{
	size_t kl = strlen(key);
	for (const char *s = names; *s; ) {
		const char *bar = strchr(s, '|');
		size_t l = bar ? (size_t)(bar - s) : strlen(s);
		if (l == kl && strncmp(s, key, l) == 0)
			return 1;
		s += l + (bar ? 1 : 0);
	}
	return 0;
}

int ykey_find(const struct ykey *tab, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (ykey_matches(tab[i].key, key))
			return (int)i;
	return -1;
}

int ydoc_read_key(const struct ykey *tab, int row, void *obj, struct ydoc *y,
		  const char *key, yaml_node_t *v)
{
	const struct ykey *r = &tab[row];
	char *base = obj;
	int rc = 0;
	switch (r->type) {
	case YK_STR:
		rc = ydoc_get_str(y, key, v, (char **)(base + r->off));
		break;
	case YK_INT:
		rc = ydoc_get_int(y, key, v, (int)r->min, (int)r->max, (int *)(base + r->off));
		break;
	case YK_DOUBLE:
		rc = ydoc_get_double(y, key, v, r->min, r->max, (double *)(base + r->off));
		break;
	case YK_BOOL:
		rc = ydoc_get_bool(y, key, v, (int *)(base + r->off));
		break;
	case YK_LIST:
		rc = ydoc_get_list(y, key, v, (char ***)(base + r->off), (int *)(base + r->off2));
		break;
	case YK_IGNORE:
		return 0;
	case YK_NODE:
		*(yaml_node_t **)(base + r->off) = v;
		break;
	case YK_CUSTOM:
		break;
	}
	if (rc != 0)
		return -1;
	return r->check ? r->check(obj, r, y, key, v) : 0;
}

int ymap_ignore(void *obj, struct ydoc *y, const char *key, yaml_node_t *kn, yaml_node_t *v)
{
	(void)obj, (void)y, (void)key, (void)kn, (void)v;
	return 0;
}

/* A key outside the table: the caller's handler, else the table's warning. */
static int read_other(const struct ymap *m, void *obj, struct ydoc *y, const char *key,
		      yaml_node_t *kn, yaml_node_t *v)
{
	if (m->other != NULL)
		return m->other(obj, y, key, kn, v);
	const char *up = m->unknown_prefix ? m->unknown_prefix : m->prefix ? m->prefix : "";
	msg(m->unknown, y->file, ydoc_line(y, v), 0, "\"%s%s\"", up, key ? key : "?");
	return 0;
}

int ydoc_read_map(const struct ymap *m, void *obj, struct ydoc *y, yaml_node_t *v)
{
	int err = 0;
	if (v == NULL || v->type != YAML_MAPPING_NODE) {
		if (m->must_map)
			msg(m->not_mapping, y->file, v ? ydoc_line(y, v) : 0, 0,
			    m->what ? "%s" : NULL, m->what);
		return -1;
	}
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = ydoc_node(y, p->key), *val = ydoc_node(y, p->value);
		const char *key = ydoc_scalar(kn);
		int row = key && m->tab ? ykey_find(m->tab, m->n, key) : -1;
		int r;
		if (row < 0) {
			r = read_other(m, obj, y, key, kn, val);
		} else {
			if (m->lines != NULL)
				m->lines[row] = ydoc_line(y, val);
			char *name = xasprintf("%s%s", m->prefix ? m->prefix : "", key);
			r = ydoc_read_key(m->tab, row, obj, y, name, val);
			free(name);
		}
		if (r > 0)
			break;
		if (r < 0) {
			err = 1;
			if (m->stop)
				break;
		}
	}
	return err ? -1 : 0;
}
