/*
 * epfile.c: summaries in the episode file (epfile.h). In: the episode's
 * Markdown; out: the summary of a thread, or the file with a summary
 * replaced, written atomically after a conflict check and a parse of the
 * result with show/'s episode reader.
 */
#include "epfile.h"
#include "textep.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"
#include "show/show.h"
#include "draft/draft.h"

struct line {
	const char *s;
	size_t n;        /* without the newline */
};

/* text split into lines (the last without a newline, if any). The caller frees. */
static struct line *split(const char *text, int *n)
{
	struct line *v = NULL;
	*n = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		v = xreallocarray(v, (size_t)*n + 1, sizeof *v);
		v[*n].s = p;
		v[*n].n = len;
		(*n)++;
		p += len + (nl ? 1 : 0);
	}
	return v;
}

/*
 * The Message-ID of an item line, or NULL: podsynth draft's marker
 * (draft_item_marker_id) or a bold link "**[...](URL)**". The caller frees.
 */
static char *item_id(const struct line *l)
{
	const char *s = l->s;
	size_t n = l->n;
	char *mark = draft_item_marker_id(s, n);
	if (mark)
		return mark;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		n--;
	if (n < 8 || strncmp(s, "**[", 3) != 0 || strncmp(s + n - 3, ")**", 3) != 0)
		return NULL;
	const char *open = NULL;
	for (size_t i = 3; i + 1 < n; i++)
		if (s[i] == ']' && s[i + 1] == '(')
			open = s + i + 2;
	if (open == NULL)
		return NULL;
	char *url = xstrndup(open, (size_t)(s + n - 3 - open));
	char *id = mail_id_from_url(url);
	free(url);
	return id;
}

static int is_heading(const struct line *l)
{
	return l->n > 0 && l->s[0] == '#';
}

static int is_blank(const struct line *l)
{
	return strspn(l->s, " \t\r") >= l->n;
}

/*
 * Whether an item starts at line i: then its Message-ID in *id (the caller
 * frees) and the index of the last line of its head, which is line i, or
 * the item line for the same thread that follows it past blank lines only
 * (a draft template's "**[title](url)**" after the draft's marker: one
 * item, whose summary follows the title). -1 (*id NULL) when none starts.
 */
static int item_head(const struct line *v, int n, int i, char **id)
{
	*id = item_id(&v[i]);
	if (*id == NULL)
		return -1;
	int j = i + 1;
	while (j < n && is_blank(&v[j]))
		j++;
	char *next = j < n ? item_id(&v[j]) : NULL;
	int same = next && strcmp(next, *id) == 0;
	free(next);
	return same ? j : i;
}

static int is_rule(const struct line *l)
{
	return l->n >= 3 && strncmp(l->s, "---", 3) == 0 && strspn(l->s, "-") >= l->n;
}

/* Lines of the body: after the front matter. */
static int body_start(const struct line *v, int n)
{
	if (n == 0 || !is_rule(&v[0]))
		return 0;
	for (int i = 1; i < n; i++)
		if (is_rule(&v[i]))
			return i + 1;
	return n;
}

/*
 * The item of id: the index of its first line, or -1 when none; its
 * summary is lines [*from, *end).
 */
static int find_item(const struct line *v, int n, const char *id, int *from, int *end)
{
	int fence = 0, at = -1;
	for (int i = body_start(v, n); i < n; i++) {
		if (v[i].n >= 3 && (strncmp(v[i].s, "```", 3) == 0 || strncmp(v[i].s, "~~~", 3) == 0)) {
			fence = !fence;
			continue;
		}
		if (fence)
			continue;
		if (at >= 0 && (is_heading(&v[i]))) {
			*end = i;
			return at;
		}
		char *iid;
		int h = item_head(v, n, i, &iid);
		if (iid) {
			if (at >= 0) {
				free(iid);
				*end = i;
				return at;
			}
			if (strcmp(iid, id) == 0) {
				at = i;
				*from = h + 1;
			}
			free(iid);
			i = h;
		}
	}
	*end = n;
	return at;
}

/* Lines [a, b) joined, blank lines at either end left out. The caller frees. */
static char *join(const struct line *v, int a, int b)
{
	while (a < b && strspn(v[a].s, " \t\r") >= v[a].n)
		a++;
	while (b > a && strspn(v[b - 1].s, " \t\r") >= v[b - 1].n)
		b--;
	struct buf out = {0};
	buf_puts(&out, "");
	for (int i = a; i < b; i++) {
		buf_add(&out, v[i].s, v[i].n);
		if (i + 1 < b)
			buf_putc(&out, '\n');
	}
	return buf_detach(&out);
}

char *epfile_summary(const char *text, const char *id, int *line)
{
	int n, from, end;
	struct line *v = split(text, &n);
	int at = find_item(v, n, id, &from, &end);
	char *s = at < 0 ? NULL : join(v, from, end);
	if (line)
		*line = at + 1;
	free(v);
	return s;
}

void epfile_version(const char *summary, char out[17])
{
	if (summary == NULL)
		snprintf(out, 17, "new");
	else
		snprintf(out, 17, "%016llx", (unsigned long long)hash64(summary, strlen(summary)));
}

const char *epfile_summary_problem(const char *summary)
{
	size_t len = strlen(summary), bad;
	if (len > EPFILE_MAX_SUMMARY)
		return "the summary is longer than 16 KiB";
	if (utf8_check(summary, len, &bad) != 0)
		return "the summary is not valid UTF-8";
	int n, rc = 0;
	struct line *v = split(summary, &n);
	for (int i = 0; i < n && !rc; i++) {
		char *id = item_id(&v[i]);
		rc = is_heading(&v[i]) || is_rule(&v[i]) || id != NULL ||
		     (v[i].n >= 3 && (strncmp(v[i].s, "```", 3) == 0 || strncmp(v[i].s, "~~~", 3) == 0));
		free(id);
	}
	free(v);
	return rc ? "a summary cannot hold a heading, an item line, a \"---\" line or a code fence" : NULL;
}

/* summary without carriage returns, ending in one newline. The caller frees. */
static char *clean(const char *summary)
{
	struct buf b = {0};
	for (const char *p = summary; *p; p++)
		if (*p != '\r')
			buf_putc(&b, *p);
	while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == ' '))
		b.data[--b.len] = '\0';
	buf_putc(&b, '\n');
	return buf_detach(&b);
}

char *epfile_with_summary(const char *text, const char *id, const char *title, const char *url,
			  const char *summary)
{
	int n, from, end;
	struct line *v = split(text, &n);
	int at = find_item(v, n, id, &from, &end);
	char *sum = clean(summary);
	struct buf b = {0};
	if (at >= 0) {
		buf_add(&b, text, (size_t)(v[from - 1].s + v[from - 1].n - text));
		buf_puts(&b, "\n\n");
		buf_puts(&b, sum);
		if (end < n) {
			buf_putc(&b, '\n');
			buf_puts(&b, v[end].s);
		}
	} else {
		buf_puts(&b, text);
		if (b.len && b.data[b.len - 1] != '\n')
			buf_putc(&b, '\n');
		char *t = draft_md_escape(title);
		buf_printf(&b, "\n**[%s](%s)**\n\n%s", t, url, sum);
		free(t);
	}
	free(sum);
	free(v);
	return buf_detach(&b);
}

/* The errors show/'s reader finds in text as the episode at path. */
static int read_errors(const char *path, const char *text)
{
	return textep_read(path, text, NULL, NULL);
}

enum epfile_result epfile_save(const char *path, const char *id, const char *title, const char *url,
			       const char *base, const char *summary, const char **why)
{
	enum epfile_result r = EPFILE_IO;
	size_t len;
	char *text = NULL, *now = NULL, *next = NULL;
	*why = NULL;
	if ((*why = epfile_summary_problem(summary)) != NULL) {
		r = EPFILE_REFUSED;
		goto out;
	}
	text = read_file(path, &len);
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the episode" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	now = epfile_summary(text, id, NULL);
	char version[17];
	epfile_version(now, version);
	if (strcmp(version, base) != 0) {
		r = EPFILE_CONFLICT;
		goto out;
	}
	next = epfile_with_summary(text, id, title, url, summary);
	/* the result must read as an episode no worse than the file did */
	if (read_errors(path, next) > read_errors(path, text)) {
		*why = "the episode would not read with this summary";
		r = EPFILE_REFUSED;
		goto out;
	}
	if (msg_write_file_atomic(path, next, strlen(next)) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the episode" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	r = EPFILE_SAVED;
out:
	free(text);
	free(now);
	free(next);
	return r;
}

/* ---- the outline and moving items ---- */

/* The region [a, b) of lines that an entry spans: its own line and what follows, to the next entry. */
struct span {
	int a, b;
	int heading;
};

/* Headings and items of the body, each with the lines it spans; the caller frees. */
static struct span *spans(const struct line *v, int n, int *ns, int *body)
{
	struct span *sp = NULL;
	int fence = 0;
	*ns = 0;
	*body = body_start(v, n);
	for (int i = *body; i < n; i++) {
		if (v[i].n >= 3 && (strncmp(v[i].s, "```", 3) == 0 || strncmp(v[i].s, "~~~", 3) == 0))
			fence = !fence;
		if (fence)
			continue;
		char *id;
		int last = item_head(v, n, i, &id);
		int h = is_heading(&v[i]);
		if (id || h) {
			if (*ns)
				sp[*ns - 1].b = i;
			sp = xreallocarray(sp, (size_t)*ns + 1, sizeof *sp);
			sp[*ns] = (struct span){i, n, h};
			(*ns)++;
		}
		if (id)
			i = last;
		free(id);
	}
	return sp;
}

int epfile_outline(const char *text, struct outline_entry **out)
{
	int n, ns, body;
	struct line *v = split(text, &n);
	struct span *sp = spans(v, n, &ns, &body);
	*out = xcalloc((size_t)ns + 1, sizeof **out);
	for (int i = 0; i < ns; i++) {
		const struct line *l = &v[sp[i].a];
		(*out)[i].heading = sp[i].heading;
		(*out)[i].line = sp[i].a + 1;
		if (sp[i].heading) {
			size_t k = strspn(l->s, "#");
			k += strspn(l->s + k, " ");
			(*out)[i].text = xstrndup(l->s + k, l->n - k);
		} else {
			/* the head's last line, unless it is only the draft's marker: then the Message-ID */
			const struct line *t = &v[item_head(v, n, sp[i].a, &(*out)[i].id)];
			char *mark = draft_item_marker_id(t->s, t->n);
			(*out)[i].text = mark ? mark : xstrndup(t->s, t->n);
		}
	}
	free(sp);
	free(v);
	return ns;
}

void outline_free(struct outline_entry **o, int n)
{
	for (int i = 0; i < n; i++) {
		free((*o)[i].text);
		free((*o)[i].id);
	}
	free(*o);
	*o = NULL;
}

/* Appends lines [a, b) without trailing blank lines, then one blank line. */
static void put_lines(struct buf *out, const struct line *v, int a, int b)
{
	while (b > a && strspn(v[b - 1].s, " \t\r") >= v[b - 1].n)
		b--;
	for (int i = a; i < b; i++) {
		buf_add(out, v[i].s, v[i].n);
		buf_putc(out, '\n');
	}
	if (b > a)
		buf_putc(out, '\n');
}

char *epfile_move(const char *text, const char *id, int dir)
{
	int n, ns, body, k = -1;
	struct line *v = split(text, &n);
	struct span *sp = spans(v, n, &ns, &body);
	char *result = NULL;
	for (int i = 0; i < ns && k < 0; i++) {
		char *iid = sp[i].heading ? NULL : item_id(&v[sp[i].a]);
		if (iid && strcmp(iid, id) == 0)
			k = i;
		free(iid);
	}
	/* the new order of the spans: k swapped with its neighbour (an item or a heading) */
	int j = dir < 0 ? k - 1 : k + 1;
	if (k < 0 || j < 0 || j >= ns)
		goto out;
	/* what comes before the first heading or item stays as it was */
	int first = sp[0].a;
	struct span t = sp[k];
	sp[k] = sp[j];
	sp[j] = t;
	struct buf b = {0};
	buf_puts(&b, "");
	for (int i = 0; i < first; i++) {
		buf_add(&b, v[i].s, v[i].n);
		buf_putc(&b, '\n');
	}
	for (int i = 0; i < ns; i++)
		put_lines(&b, v, sp[i].a, sp[i].b);
	while (b.len >= 2 && b.data[b.len - 1] == '\n' && b.data[b.len - 2] == '\n')
		b.data[--b.len] = '\0';
	(void)body;
	result = buf_detach(&b);
out:
	free(sp);
	free(v);
	return result;
}

void epfile_file_version(const char *text, char out[17])
{
	snprintf(out, 17, "%016llx", (unsigned long long)hash64(text, strlen(text)));
}

struct move {
	const char *id;
	int dir;
};

static char *edit_move(const char *text, void *ud)
{
	const struct move *m = ud;
	return epfile_move(text, m->id, m->dir);
}

enum epfile_result epfile_move_save(const char *path, const char *id, int dir, const char *base,
				    const char **why)
{
	struct move m = {id, dir};
	return epfile_edit_save(path, base, edit_move, &m, "the item cannot move that way", why);
}

char *epfile_undraft(const char *text)
{
	int n;
	struct line *v = split(text, &n);
	int end = body_start(v, n), at = -1;
	for (int i = 1; i + 1 < end && at < 0; i++) {
		char *l = xstrndup(v[i].s, v[i].n);
		char key[16], val[16];
		if (sscanf(l, "%15[a-z]: %15s", key, val) == 2 &&
		    ((strcmp(key, "draft") == 0 && strcmp(val, "true") == 0) ||
		     (strcmp(key, "published") == 0 && strcmp(val, "false") == 0)))
			at = i;
		free(l);
	}
	char *out = NULL;
	if (at >= 0) {
		struct buf b = {0};
		buf_add(&b, text, (size_t)(v[at].s - text));
		buf_puts(&b, v[at].s + v[at].n + (v[at].s[v[at].n] == '\n'));
		out = buf_detach(&b);
	}
	free(v);
	return out;
}

/* Published already (no draft: true or published: false): the text as it is. */
static char *edit_undraft(const char *text, void *ud)
{
	(void)ud;
	char *next = epfile_undraft(text);
	return next ? next : xstrdup(text);
}

enum epfile_result epfile_publish_save(const char *path, const char *base, const char **why)
{
	if (episode_is_draft_name(path)) {
		*why = "the file's name ends in .draft.md: rename it to publish it";
		return EPFILE_REFUSED;
	}
	return epfile_edit_save(path, base, edit_undraft, NULL, "the episode has no front matter", why);
}

/* ---- the welcome ---- */

/*
 * The welcome's lines [*a, *b): the text of the first section when it has
 * no item ("# Welcome" and its paragraphs), else the text between the front
 * matter and the first heading. *heading: whether it is a section's.
 */
static void welcome_span(const struct line *v, int n, int *a, int *b, int *heading)
{
	int start = body_start(v, n), first = -1, second = n, fence = 0;
	for (int i = start; i < n; i++) {
		if (v[i].n >= 3 && (strncmp(v[i].s, "```", 3) == 0 || strncmp(v[i].s, "~~~", 3) == 0))
			fence = !fence;
		if (fence || !is_heading(&v[i]))
			continue;
		if (first < 0) {
			first = i;
		} else {
			second = i;
			break;
		}
	}
	int items = 0;
	for (int i = first + 1; first >= 0 && i < second && !items; i++) {
		char *id = item_id(&v[i]);
		items = id != NULL;
		free(id);
	}
	if (first >= 0 && !items) {
		*a = first + 1, *b = second, *heading = 1;
	} else {
		*a = start, *b = first >= 0 ? first : n, *heading = 0;
		/* an HTML comment that opens the body (podsynth draft's note) is not the welcome */
		while (*a < *b && (strspn(v[*a].s, " \t\r") >= v[*a].n || strncmp(v[*a].s, "<!--", 4) == 0)) {
			if (strncmp(v[*a].s, "<!--", 4) == 0)
				while (*a < *b && !memmem(v[*a].s, v[*a].n, "-->", 3))
					(*a)++;
			(*a)++;
		}
	}
}

char *epfile_welcome(const char *text, int *line)
{
	int n, a, b, h;
	struct line *v = split(text, &n);
	welcome_span(v, n, &a, &b, &h);
	char *w = join(v, a, b);
	if (line)
		*line = a + 1;
	free(v);
	return w;
}

char *epfile_with_welcome(const char *text, const char *welcome)
{
	int n, a, b, h;
	struct line *v = split(text, &n);
	welcome_span(v, n, &a, &b, &h);
	char *w = clean(welcome);
	struct buf out = {0};
	buf_add(&out, text, a < n ? (size_t)(v[a].s - text) : strlen(text));
	if (out.len && out.data[out.len - 1] != '\n')
		buf_putc(&out, '\n');
	if (out.len && !(out.len >= 2 && out.data[out.len - 2] == '\n'))
		buf_putc(&out, '\n');
	if (strspn(w, " \t\n") < strlen(w)) {
		buf_puts(&out, w);
		if (b < n)
			buf_putc(&out, '\n');
	}
	if (b < n)
		buf_puts(&out, v[b].s);
	free(w);
	free(v);
	return buf_detach(&out);
}

const char *epfile_welcome_problem(const char *welcome)
{
	const char *why = epfile_summary_problem(welcome);
	return why ? (strstr(why, "16 KiB") ? "the welcome is longer than 16 KiB"
		      : strstr(why, "UTF-8") ? "the welcome is not valid UTF-8"
		      : "a welcome cannot hold a heading, an item line, a \"---\" line or a code fence")
		   : NULL;
}

/* ---- the writers ---- */

/* s as a YAML double-quoted scalar: backslash and quote escaped, controls gone. */
static void yaml_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			buf_putc(b, ' ');
		else
			buf_putc(b, (char)*p);
	}
	buf_putc(b, '"');
}

char *epfile_writers_yaml(const struct epfile_writer *w, int n)
{
	struct buf b = {0};
	buf_puts(&b, "");
	if (n == 0)
		return buf_detach(&b);
	buf_puts(&b, "writers:\n");
	for (int i = 0; i < n; i++) {
		buf_puts(&b, "  - name: ");
		yaml_quoted(&b, w[i].name);
		buf_putc(&b, '\n');
		if (w[i].bio && w[i].bio[0]) {
			buf_puts(&b, "    bio: ");
			yaml_quoted(&b, w[i].bio);
			buf_putc(&b, '\n');
		}
		int first = 1;
		for (const char *p = w[i].links ? w[i].links : ""; *p;) {
			size_t l = strcspn(p, "\n");
			if (l) {
				char *link = xstrndup(p, l);
				buf_puts(&b, first ? "    links:\n      - " : "      - ");
				yaml_quoted(&b, link);
				buf_putc(&b, '\n');
				free(link);
				first = 0;
			}
			p += l + (p[l] == '\n');
		}
	}
	return buf_detach(&b);
}

char *epfile_with_writers(const char *text, const char *yaml)
{
	int n;
	struct line *v = split(text, &n);
	int end = body_start(v, n);
	char *out = NULL;
	if (end < 2)
		goto done;
	/* the writers: key and its indented or "- " lines */
	int a = -1, b = -1;
	for (int i = 1; i < end - 1 && a < 0; i++)
		if (v[i].n >= 8 && strncmp(v[i].s, "writers:", 8) == 0) {
			a = i;
			for (b = i + 1; b < end - 1 && v[b].n > 0 && (v[b].s[0] == ' ' || v[b].s[0] == '-' ||
									v[b].s[0] == '\t'); b++)
				;
		}
	if (a < 0)
		a = b = end - 1;   /* before the closing "---" */
	struct buf o = {0};
	buf_add(&o, text, (size_t)(v[a].s - text));
	buf_puts(&o, yaml);
	buf_puts(&o, v[b].s);
	out = buf_detach(&o);
done:
	free(v);
	return out;
}

enum epfile_result epfile_edit_save(const char *path, const char *base,
				    char *(*edit)(const char *text, void *ud), void *ud,
				    const char *cannot, const char **why)
{
	enum epfile_result r = EPFILE_IO;
	size_t len;
	char *text = read_file(path, &len), *next = NULL;
	char version[17];
	*why = NULL;
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the episode" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	epfile_file_version(text, version);
	if (base && strcmp(version, base) != 0) {
		r = EPFILE_CONFLICT;
		goto out;
	}
	next = edit(text, ud);
	if (next == NULL || read_errors(path, next) > read_errors(path, text)) {
		*why = next ? "the episode would not read after the change" : cannot;
		r = EPFILE_REFUSED;
		goto out;
	}
	if (strcmp(next, text) != 0 && msg_write_file_atomic(path, next, strlen(next)) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the episode" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	r = EPFILE_SAVED;
out:
	free(text);
	free(next);
	return r;
}
