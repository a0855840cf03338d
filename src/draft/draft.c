/*
 * draft.c: the episode draft, the last stage of `podsynth draft`.
 *
 * In: the items of series.c, the draft settings, the page variables and a
 * template's text. A template is the episode's Markdown with {name}
 * placeholders; it holds two definitions in HTML comments,
 * "<!-- draft:section ... -->" (what starts a section) and
 * "<!-- draft:item ... -->" (what each item looks like), and {sections}
 * where the sections go. Placeholders: {name}; {name?TEXT}, TEXT with every
 * % replaced by the value, only when the value is not empty or 0; and
 * {name|one|other}, the number and the word for one or for more.
 * Each item's text is led by its marker line, "<!-- item: ID -->", which the
 * template does not write: every draft has it, whatever its template.
 * Out: the episode's Markdown appended to a buffer.
 */
#include "draft.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/core.h"

/* ---- Markdown ---- */

/*
 * Whether the text after a '[' would read as Speech Markdown: a key and a
 * colon ("audio:", "voice:") or a pause ("500ms]", "1.5s]").
 */
static int looks_like_markup(const char *t)
{
	size_t k = 0;
	while (isalpha((unsigned char)t[k]) || t[k] == '-')
		k++;
	if (k > 0 && t[k] == ':')
		return 1;
	k = 0;
	while (isdigit((unsigned char)t[k]) || t[k] == '.')
		k++;
	if (k == 0)
		return 0;
	if (t[k] == 'm' && t[k + 1] == 's')
		k += 2;
	else if (t[k] == 's')
		k++;
	else
		return 0;
	return t[k] == ']';
}

char *draft_md_escape(const char *s)
{
	struct buf b = {0};
	for (size_t i = 0; s[i]; i++) {
		unsigned char c = (unsigned char)s[i];
		int esc = 0;
		if (c == '[' && looks_like_markup(s + i + 1)) {
			/* mail text is never podsynth markup: a full-width bracket
			   keeps "[audio:..." or "[500ms]" from becoming an insert,
			   a modifier or a pause */
			buf_puts(&b, "\xEF\xBC\xBB");   /* U+FF3B */
			continue;
		}
		if (strchr("\\`*[]<>", c))
			esc = 1;
		else if (c == '_')
			esc = i == 0 || !isalnum((unsigned char)s[i - 1]) || !isalnum((unsigned char)s[i + 1]);
		else if (c == '&')
			esc = isalpha((unsigned char)s[i + 1]) || s[i + 1] == '#';
		else if (b.len == 0 && strchr("#-+=|~", c))
			esc = 1;
		else if (c == '.' || c == ')') {
			/* "1. " at the start would be a list */
			size_t k = 0;
			while (k < b.len && isdigit((unsigned char)b.data[k]))
				k++;
			esc = b.len > 0 && k == b.len;
		}
		if (esc)
			buf_putc(&b, '\\');
		buf_putc(&b, c);
	}
	return buf_detach(&b);
}

/* url with what Markdown's link destination cannot hold percent-encoded. */
static void put_url(struct buf *b, const char *url)
{
	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || strchr("()<>\\\"'`[]{}|^", *p))
			buf_printf(b, "%%%02X", *p);
		else
			buf_putc(b, *p);
	}
}

/* A Message-ID as one path segment of a URL. */
static void put_id(struct buf *b, const char *id)
{
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if (isalnum(*p) || strchr("-._~!$&*+,;=:@", *p))
			buf_putc(b, *p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

/* ---- the item marker ---- */

/*
 * "<!-- item: ID -->": ID is the Message-ID as it is, but for '%', '>'
 * (which would let "-->" end the comment early), '/', spaces and controls,
 * percent-encoded.
 */
static const char mark_open[] = "<!-- item: ", mark_close[] = " -->";

char *draft_item_marker(const char *id)
{
	struct buf b = {0};
	buf_puts(&b, mark_open);
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("%>/", *p))
			buf_printf(&b, "%%%02X", *p);
		else
			buf_putc(&b, (char)*p);
	buf_puts(&b, mark_close);
	return buf_detach(&b);
}

char *draft_item_marker_id(const char *line, size_t n)
{
	size_t lo = sizeof mark_open - 1, lc = sizeof mark_close - 1;
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r'))
		n--;
	if (n <= lo + lc || strncmp(line, mark_open, lo) != 0 || memcmp(line + n - lc, mark_close, lc) != 0)
		return NULL;
	char *tok = xstrndup(line + lo, n - lo - lc);
	char *id = strpbrk(tok, " \t/") ? NULL : mail_id_from_url(tok);
	free(tok);
	return id;
}

/* ---- Markdown as text ---- */

/* The index of the ')' closing the link destination that starts at s[i], or 0. */
static size_t dest_end(const char *s, size_t i)
{
	for (int depth = 0; s[i] && s[i] != '\n'; i++) {
		if (s[i] == '\\' && s[i + 1])
			i++;
		else if (s[i] == '(')
			depth++;
		else if (s[i] == ')' && depth-- == 0)
			return i;
	}
	return 0;
}

/*
 * When s[i] is the '[' of a link on its line: the index of its text's ']'
 * in *close and of its destination's ')' in *end; else 0.
 */
static int link_at(const char *s, size_t i, size_t *close, size_t *end)
{
	for (size_t j = i + 1; s[j] && s[j] != '\n' && s[j] != '['; j++) {
		if (s[j] == '\\' && s[j + 1])
			j++;
		else if (s[j] == ']')
			return s[j + 1] == '(' && (*end = dest_end(s, j + 2)) != 0 ? (*close = j, 1) : 0;
	}
	return 0;
}

char *draft_md_plain(const char *md)
{
	struct buf b = {0};
	buf_puts(&b, "");
	int bol = 1;
	size_t close = 0, end = 0;   /* the link being read: its ']' and its ')' */
	for (size_t i = 0; md[i]; i++) {
		if (bol) {
			/* a block quote's marker goes, and so do the line's leading spaces */
			while (md[i] == '>' || md[i] == ' ' || md[i] == '\t')
				i++;
			bol = 0;
			if (md[i] == '\0')
				break;
		}
		char c = md[i];
		if (c == '\n') {
			while (md[i + 1] == '\n')
				i++;
			if (b.len && b.data[b.len - 1] != ' ')
				buf_putc(&b, ' ');
			bol = 1;
		} else if (c == '\\' && md[i + 1] && ispunct((unsigned char)md[i + 1])) {
			buf_putc(&b, md[++i]);
		} else if (close && i == close) {
			i = end;   /* the link text stays, its destination goes */
			close = 0;
		} else if ((c == '[' || (c == '!' && md[i + 1] == '[')) && !close &&
			   link_at(md, i + (c == '!'), &close, &end)) {
			i += c == '!';
		} else if (c != '*' && c != '`') {   /* emphasis and code marks are not text */
			buf_putc(&b, c);
		}
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* ---- the quote ---- */

static int line_is(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && memcmp(s, w, n) == 0;
}

static int starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && strncasecmp(s, w, k) == 0;
}

/* Where the prose of a message ends: patch text, a diffstat, a signature. */
static int is_end(const char *s, size_t n)
{
	if (line_is(s, n, "---") || line_is(s, n, "-- ") || line_is(s, n, "--") ||
	    starts(s, n, "diff --git ") || starts(s, n, "Index: ") || starts(s, n, "base-commit:") ||
	    starts(s, n, "--- a/") || starts(s, n, "-----BEGIN PGP") || starts(s, n, "_______________"))
		return 1;
	/* " path/to/file.c | 12 ++--" */
	const char *bar = memchr(s, '|', n);
	if (bar && n > 0 && s[0] == ' ') {
		const char *p = bar + 1;
		while (p < s + n && *p == ' ')
			p++;
		if (p < s + n && isdigit((unsigned char)*p))
			return 1;
	}
	return 0;
}

/* Lines that are not prose: trailers, attributions, greetings. */
static int is_skip(const char *s, size_t n, int first)
{
	if (n > 0 && s[0] == '>')
		return 1;
	/* "Signed-off-by:", "Link:", "Fixes:", "Cc:" ... */
	size_t k = 0;
	while (k < n && (isalnum((unsigned char)s[k]) || s[k] == '-'))
		k++;
	if (k > 1 && k + 1 < n && s[k] == ':' && s[k + 1] == ' ' && memchr(s, ' ', k) == NULL &&
	    (memmem(s, k, "-by", 3) || starts(s, n, "Link:") || starts(s, n, "Fixes:") ||
	     starts(s, n, "Cc:") || starts(s, n, "Closes:") || starts(s, n, "Change-Id:") ||
	     starts(s, n, "Message-Id:")))
		return 1;
	if (n >= 6 && memcmp(s + n - 6, "wrote:", 6) == 0)
		return 1;
	if (first && n > 0 && n < 40 && (s[n - 1] == ',' || s[n - 1] == '!')) {
		int words = 1;
		for (size_t i = 0; i < n; i++)
			words += s[i] == ' ';
		if (words <= 4)
			return 1;
	}
	return 0;
}

char *draft_quote(const char *body)
{
	struct buf b = {0};
	int in_para = 0, lines = 0;
	size_t chars = 0;
	for (const char *l = body ? body : ""; *l;) {
		const char *nl = strchr(l, '\n');
		size_t n = nl ? (size_t)(nl - l) : strlen(l);
		const char *s = l;
		l = nl ? nl + 1 : l + n;
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (is_end(s, n))
			break;
		while (n > 0 && (*s == ' ' || *s == '\t')) {
			s++;
			n--;
		}
		if (n == 0) {
			if (in_para)
				break;
			continue;
		}
		if (is_skip(s, n, !in_para)) {
			if (in_para)
				break;
			continue;
		}
		if (lines >= 12 || chars > 900)
			break;
		in_para = 1;
		lines++;
		chars += n;
		char *line = xstrndup(s, n);
		char *esc = draft_md_escape(line);
		buf_printf(&b, "> %s\n", esc);
		free(esc);
		free(line);
	}
	return buf_detach(&b);
}

/* ---- templates ---- */

struct tmpl {
	const char *file;
	const char *text;    /* the whole template */
	char *page;          /* without the definitions */
	char *section, *item;
	int page_line0, section_line0, item_line0;
};

typedef const char *(*lookup_fn)(void *ctx, const char *name, size_t n);

/* Line of offset off in text, plus first - 1. */
static int line_at(const char *text, size_t off, int first)
{
	return line_of(text, off) + first - 1;
}

/*
 * Expands t (starting at line `line` of file) with look(); an unknown name
 * is an error. Appends to out when out is not NULL. Returns 0 or -1.
 */
static int expand(const char *file, int line, const char *t, lookup_fn look, void *ctx, struct buf *out)
{
	for (size_t i = 0; t[i]; i++) {
		if (t[i] != '{') {
			if (out)
				buf_putc(out, t[i]);
			continue;
		}
		size_t k = i + 1;
		while (isalnum((unsigned char)t[k]) || t[k] == '_' || t[k] == '-')
			k++;
		if (k == i + 1 || (t[k] != '}' && t[k] != '?' && t[k] != '|')) {
			if (out)
				buf_putc(out, t[i]);
			continue;
		}
		const char *end = strchr(t + k, '}');
		if (end == NULL) {
			msg(MSG_TMPL_UNCLOSED, file, line_at(t, i, line), 0, "\"{%.*s\"",
			    (int)(k - i - 1), t + i + 1);
			return -1;
		}
		const char *v = look(ctx, t + i + 1, k - i - 1);
		if (v == NULL) {
			msg(MSG_TMPL_UNKNOWN, file, line_at(t, i, line), 0, "\"{%.*s}\"",
			    (int)(k - i - 1), t + i + 1);
			return -1;
		}
		if (out && t[k] == '}') {
			buf_puts(out, v);
		} else if (out && t[k] == '?') {
			if (v[0] && strcmp(v, "0") != 0)
				for (const char *p = t + k + 1; p < end; p++) {
					if (*p == '%')
						buf_puts(out, v);
					else
						buf_putc(out, *p);
				}
		} else if (out && t[k] == '|' && v[0] == '\0') {
			/* no number: nothing */
		} else if (out && t[k] == '|') {
			const char *bar = memchr(t + k + 1, '|', (size_t)(end - (t + k + 1)));
			if (bar == NULL) {
				msg(MSG_TMPL_PLURAL, file, line_at(t, i, line), 0,
				    "\"{%.*s|...}\"" MSG_SEP "{%.*s|one|other}",
				    (int)(k - i - 1), t + i + 1, (int)(k - i - 1), t + i + 1);
				return -1;
			}
			buf_printf(out, "%s ", v);
			if (strcmp(v, "1") == 0)
				buf_add(out, t + k + 1, (size_t)(bar - (t + k + 1)));
			else
				buf_add(out, bar + 1, (size_t)(end - bar - 1));
		} else if (t[k] == '|' && memchr(t + k + 1, '|', (size_t)(end - (t + k + 1))) == NULL) {
			msg(MSG_TMPL_PLURAL, file, line_at(t, i, line), 0,
			    "\"{%.*s|...}\"" MSG_SEP "{%.*s|one|other}",
			    (int)(k - i - 1), t + i + 1, (int)(k - i - 1), t + i + 1);
			return -1;
		}
		i = (size_t)(end - t);
	}
	return 0;
}

/* Takes "<!-- draft:NAME\n...\n-->" out of page; *def gets what is inside. */
static int take_def(struct tmpl *tp, const char *name, char **def, int *line0)
{
	char *open = xasprintf("<!-- draft:%s", name);
	char *p = strstr(tp->page, open);
	int rc = -1;
	if (p == NULL) {
		msg(MSG_TMPL_NO_DEFINITION, tp->file, 0, 0, "\"%s\"", open);
		goto out;
	}
	char *body = p + strlen(open);
	while (*body == ' ' || *body == '\t')
		body++;
	if (*body == '\n')
		body++;
	/* the page has lost the definitions taken before: lines come from the text */
	const char *orig = strstr(tp->text, open);
	int line = orig ? line_of(tp->text, (size_t)(orig - tp->text)) : 1;
	char *close = strstr(body, "-->");
	if (close == NULL) {
		msg(MSG_TMPL_DEFINITION_OPEN, tp->file, line, 0, "\"%s\"", open);
		goto out;
	}
	*line0 = orig ? line + 1 : 1;
	*def = xstrndup(body, (size_t)(close - body));
	char *after = close + 3;
	if (*after == '\n')
		after++;
	memmove(p, after, strlen(after) + 1);
	rc = 0;
out:
	free(open);
	return rc;
}

/* ---- items, sections ---- */

struct ctx {
	const struct draft_settings *set;
	const struct draft_vars *v;
	const struct draft_words *w;
	const struct series_item *it;
	const char *title;
	char num[4][32];
	char *s[14];
	char date[32];
};

static void fmt_date(long long t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || gmtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 > 9999 || tm.tm_year < 0)
		snprintf(out, 32, "unknown");
	else
		snprintf(out, 32, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* The list's short name ("linux-riscv.lists.infradead.org" -> "linux-riscv"); the caller frees. */
static char *list_short(const char *list)
{
	if (list == NULL)
		return NULL;
	const char *dot = strchr(list, '.');
	return xstrndup(list, dot ? (size_t)(dot - list) : strlen(list));
}

/* The list's name in the archive: the settings' lists: mapping, else the short name. */
static char *archive_list(const struct draft_settings *set, const char *list)
{
	if (list == NULL)
		return xstrdup("all");
	char *sh = list_short(list);
	for (int i = 0; i + 1 < set->nlist_names; i += 2)
		if (strcasecmp(set->list_names[i], list) == 0 || strcasecmp(set->list_names[i], sh) == 0) {
			free(sh);
			return xstrdup(set->list_names[i + 1]);
		}
	return sh;
}

char *draft_thread_url(const struct draft_settings *set, const struct mail_msg *m)
{
	struct buf b = {0};
	if (m->url) {
		put_url(&b, m->url);
		return buf_detach(&b);
	}
	char *list = archive_list(set, m->list);
	for (const char *p = set->archive ? set->archive : "{message-id}"; *p;) {
		if (strncmp(p, "{list}", 6) == 0) {
			put_id(&b, list);
			p += 6;
		} else if (strncmp(p, "{message-id}", 12) == 0) {
			put_id(&b, m->id);
			p += 12;
		} else {
			char c[2] = {*p++, 0};
			put_url(&b, c);
		}
	}
	free(list);
	return buf_detach(&b);
}

/* "Reviewed-by: A, B; Acked-by: C": the trailers grouped by kind, names escaped. */
static char *trailer_text(const struct series_item *it)
{
	static const char *const kinds[] = {"Reviewed-by:", "Acked-by:", "Tested-by:"};
	struct buf b = {0};
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		int first = 1;
		for (int i = 0; i < it->ntrailers; i++) {
			size_t kl = strlen(kinds[k]);
			if (strncmp(it->trailers[i], kinds[k], kl) != 0)
				continue;
			char *e = draft_md_escape(it->trailers[i] + kl + 1);
			if (first)
				buf_printf(&b, "%s%s %s", b.len ? "; " : "", kinds[k], e);
			else
				buf_printf(&b, ", %s", e);
			free(e);
			first = 0;
		}
	}
	return buf_detach(&b);
}

static const char *look_item(void *vc, const char *name, size_t n)
{
	struct ctx *c = vc;
	const struct series_item *it = c->it;
#define IS(w) (n == strlen(w) && memcmp(name, w, n) == 0)
	if (IS("subject"))
		return c->s[0];
	if (IS("url"))
		return c->s[1];
	if (IS("author"))
		return c->s[2];
	if (IS("quote"))
		return c->s[3];
	if (IS("trailers"))
		return c->s[4];
	if (IS("tag"))
		return c->s[5];
	if (IS("list"))
		return c->s[6] ? c->s[6] : "";
	if (IS("prefix"))
		return c->s[7] ? c->s[7] : "";
	if (IS("date"))
		return c->date;
	if (IS("version"))
		return c->num[0];
	if (IS("replies"))
		return c->num[1];
	if (IS("patches"))
		return c->num[2];
	if (IS("versions"))
		return c->num[3];
	if (IS("rfc"))
		return it->rfc ? "RFC" : "";
	if (IS("sentence"))
		return c->s[8];
	if (IS("why"))
		return c->s[9];
	if (IS("history"))
		return c->s[10];
	if (IS("discussion"))
		return c->s[11];
	if (IS("status"))
		return c->s[12];
	if (IS("name"))
		return c->s[13];
	if (IS("why_lead"))
		return c->s[9][0] ? draft_why_lead(c->w, it) : "";
	return NULL;
}

static void item_ctx_free(struct ctx *c)
{
	for (size_t i = 0; i < ARRAY_LEN(c->s); i++) {
		free(c->s[i]);
		c->s[i] = NULL;
	}
}

static void item_ctx(struct ctx *c, const struct series_item *it)
{
	item_ctx_free(c);
	c->it = it;
	c->s[0] = draft_md_escape(it->subject);
	c->s[1] = draft_thread_url(c->set, it->msg);
	c->s[2] = draft_md_escape(it->msg->author);
	c->s[8] = draft_item_sentence(c->w, it, c->s[1]);
	c->s[9] = draft_item_why(c->w, it);
	c->s[10] = draft_item_history(c->w, it);
	c->s[11] = draft_item_discussion(c->w, it);
	c->s[12] = draft_item_status(c->w, it);
	if (c->s[11][0] && c->s[12][0] && !draft_words_cjk(c->w)) {
		/* the status follows the discussion in its paragraph */
		char *st = xasprintf(" %s", c->s[12]);
		free(c->s[12]);
		c->s[12] = st;
	}
	c->s[13] = draft_md_escape(draft_person(c->w, it->msg->addr, it->msg->author));
	c->s[3] = draft_quote(it->msg->body);
	if (c->s[3][0]) {
		size_t n = strlen(c->s[3]);
		c->s[3][n - 1] = '\0'; /* the template ends the line */
	}
	c->s[4] = trailer_text(it);
	static const char *const talk[] = {"", "ANNOUNCE", "BUG", "REGRESSION", "DISCUSSION"};
	if (it->talk)
		c->s[5] = xstrdup(talk[it->talk]);
	else if (it->pull)
		c->s[5] = xstrdup("GIT PULL");
	else
		c->s[5] = xasprintf("%sv%d", it->rfc ? "RFC " : "", it->version);
	c->s[6] = list_short(it->msg->list);
	c->s[7] = it->prefix ? draft_md_escape(it->prefix) : NULL;
	snprintf(c->num[0], sizeof c->num[0], "v%d", it->version);
	snprintf(c->num[1], sizeof c->num[1], "%d", it->replies);
	if (it->pull) /* a pull request has no patch count */
		c->num[2][0] = '\0';
	else
		snprintf(c->num[2], sizeof c->num[2], "%d", it->patches);
	snprintf(c->num[3], sizeof c->num[3], "%d", it->versions);
	fmt_date(it->msg->date, c->date);
}

struct placed {
	int item;
	int section; /* index into the section table */
	int interest; /* draft_item_interest */
};

struct sect {
	char *key;    /* lower-case key for unmapped sections */
	char *title;
	int mapped;   /* order in the settings, or INT_MAX-ish for the rest */
	int count;
};

/* 1 when the item's subject prefix starts with pattern ("x86/mce:", "RISC-V: KVM:"). */
static int prefix_match(const char *prefix, const char *pat)
{
	size_t n = strlen(pat);
	if (prefix == NULL || n < 2 || pat[n - 1] != ':')
		return 0;
	n--;
	if (strncasecmp(prefix, pat, n) != 0)
		return 0;
	char next = prefix[n];
	return next == '\0' || next == ':' || next == '/';
}

static int list_match(const char *list, const char *pat)
{
	if (list == NULL || pat[strlen(pat) - 1] == ':')
		return 0;
	if (strcasecmp(list, pat) == 0)
		return 1;
	size_t n = strlen(pat);
	return strncasecmp(list, pat, n) == 0 && list[n] == '.';
}

static const struct series_item *cmp_items;
static const struct sect *cmp_sects;

static int cmp_placed(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	const struct sect *p = &cmp_sects[x->section], *q = &cmp_sects[y->section];
	if (p->mapped != q->mapped)
		return p->mapped < q->mapped ? -1 : 1;
	if (x->section != y->section) {
		int c = strcmp(p->key, q->key);
		if (c)
			return c;
		return x->section < y->section ? -1 : 1;
	}
	const struct series_item *i = &cmp_items[x->item], *j = &cmp_items[y->item];
	if (x->interest != y->interest)
		return x->interest > y->interest ? -1 : 1;
	if (i->replies != j->replies)
		return i->replies > j->replies ? -1 : 1;
	if (i->ntrailers != j->ntrailers)
		return i->ntrailers > j->ntrailers ? -1 : 1;
	if (i->msg->date != j->msg->date)
		return i->msg->date > j->msg->date ? -1 : 1;
	int c = strcmp(i->subject, j->subject);
	if (c)
		return c;
	return strcmp(i->msg->id, j->msg->id);
}

/* Most interesting first, then newest, then by subject. */
static int cmp_interest(const void *a, const void *b)
{
	const struct placed *x = a, *y = b;
	if (x->interest != y->interest)
		return x->interest > y->interest ? -1 : 1;
	const struct series_item *i = &cmp_items[x->item], *j = &cmp_items[y->item];
	if (i->msg->date != j->msg->date)
		return i->msg->date > j->msg->date ? -1 : 1;
	return strcmp(i->msg->id, j->msg->id);
}

/* The section of an item: a mapped one, else one per first prefix word, else per list. */
static int section_of(const struct draft_settings *set, const struct series_item *it,
		      struct sect **secs, int *nsecs)
{
	for (int s = 0; s < set->nsections; s++)
		for (int k = 0; k < set->sections[s].nmatch; k++)
			if (prefix_match(it->prefix, set->sections[s].match[k]))
				return s;
	for (int s = 0; s < set->nsections; s++)
		for (int k = 0; k < set->sections[s].nmatch; k++)
			if (list_match(it->msg->list, set->sections[s].match[k]))
				return s;
	char *title;
	if (it->prefix) {
		size_t n = strcspn(it->prefix, ":/ ");
		title = xstrndup(it->prefix, n);
	} else if (it->msg->list) {
		title = list_short(it->msg->list);
	} else {
		title = xstrdup("other");
	}
	/* "RISC-V" and "riscv" are one section: the key keeps letters and digits only */
	struct buf kb = {0};
	for (const char *p = title; *p; p++)
		if (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80)
			buf_putc(&kb, tolower((unsigned char)*p));
	char *key = buf_detach(&kb);
	for (int s = set->nsections; s < *nsecs; s++)
		if (strcmp((*secs)[s].key, key) == 0) {
			free(key);
			free(title);
			return s;
		}
	*secs = xreallocarray(*secs, (size_t)*nsecs + 1, sizeof **secs);
	(*secs)[*nsecs] = (struct sect){.key = key, .title = title, .mapped = set->nsections};
	return (*nsecs)++;
}

struct page_ctx {
	const struct draft_vars *v;
	char issue[16], count[16], since[32], until[32], date[32], season[16];
	char *highlights;
	const char *sections;
	const char *title;   /* section templates */
	char scount[16];
};

static const char *look_page(void *vc, const char *name, size_t n)
{
	struct page_ctx *c = vc;
	if (IS("issue"))
		return c->issue;
	if (IS("count"))
		return c->count;
	if (IS("since"))
		return c->since;
	if (IS("until"))
		return c->until;
	if (IS("date"))
		return c->date;
	if (IS("lang"))
		return c->v->lang;
	if (IS("season"))
		return c->season;
	if (IS("highlights"))
		return c->highlights ? c->highlights : "";
	if (IS("sections"))
		return c->sections ? c->sections : "";
	return NULL;
}

static const char *look_section(void *vc, const char *name, size_t n)
{
	struct page_ctx *c = vc;
	if (IS("title"))
		return c->title;
	if (IS("count"))
		return c->scount;
	return look_page(vc, name, n);
}

int draft_render(const struct series *s, const struct draft_settings *set,
		 const struct draft_vars *v, const char *tmpl_file, const char *tmpl,
		 struct buf *out)
{
	struct tmpl tp = {.file = tmpl_file, .text = tmpl};
	struct ctx ic = {.set = set, .v = v};
	struct page_ctx pc = {.v = v};
	struct sect *secs = NULL;
	int nsecs = set->nsections, rc = -1;
	struct placed *pl = xcalloc((size_t)s->n + 1, sizeof *pl);
	int npl = 0;
	struct buf body = {0};
	struct series_item probe = {0};
	struct mail_msg probe_msg = {0};
	struct draft_words *own_words = NULL;

	if (v->words == NULL)
		ic.w = own_words = draft_words_new(NULL, set, v->lang);
	else
		ic.w = v->words;

	tp.page = xstrdup(tmpl);
	if (take_def(&tp, "section", &tp.section, &tp.section_line0) != 0 ||
	    take_def(&tp, "item", &tp.item, &tp.item_line0) != 0)
		goto out;
	if (strstr(tp.page, "{sections}") == NULL) {
		msg(MSG_TMPL_NO_SECTIONS, tmpl_file, 0, 0, NULL);
		goto out;
	}
	/* every placeholder is known before anything is written */
	pc.title = "";
	probe_msg.id = probe_msg.subject = probe_msg.author = probe_msg.body = "";
	probe.msg = &probe_msg;
	probe.subject = "";
	item_ctx(&ic, &probe);
	if (expand(tmpl_file, tp.item_line0, tp.item, look_item, &ic, NULL) != 0 ||
	    expand(tmpl_file, tp.section_line0, tp.section, look_section, &pc, NULL) != 0 ||
	    expand(tmpl_file, 1, tp.page, look_page, &pc, NULL) != 0)
		goto out;

	secs = xcalloc((size_t)set->nsections + 1, sizeof *secs);
	for (int i = 0; i < set->nsections; i++)
		secs[i] = (struct sect){.key = xstrdup(""), .title = xstrdup(set->sections[i].title),
					.mapped = i};
	long long first = 0, last = 0;
	/* A message dated after tomorrow (a wrong clock, or a forged Date:) is
	 * warned about and never gives the draft its date or its span. */
	long long future = (long long)time(NULL) + 86400;
	for (int i = 0; i < s->n; i++) {
		const struct mail_msg *m = s->items[i].msg;
		long long d = m->date;
		if ((v->since && d < v->since) || (v->until && d >= v->until))
			continue;
		if (d > future) {
			char when[32];
			fmt_date(d, when);
			msg(MSG_MAIL_FUTURE, m->file, m->line, 0, "%d" MSG_SEP "%s", m->index, when);
			d = 0;
		}
		pl[npl].item = i;
		pl[npl].section = section_of(set, &s->items[i], &secs, &nsecs);
		pl[npl].interest = draft_item_interest(ic.w, &s->items[i]);
		npl++;
		if (first == 0 || (d && d < first))
			first = d;
		if (d > last)
			last = d;
	}
	cmp_items = s->items;
	cmp_sects = secs;
	qsort(pl, (size_t)npl, sizeof *pl, cmp_placed);

	int shown = 0;
	for (int i = 0; i < npl;) {
		int j = i;
		while (j < npl && pl[j].section == pl[i].section)
			j++;
		int keep = set->max_per_section > 0 && j - i > set->max_per_section ? set->max_per_section : j - i;
		pc.title = secs[pl[i].section].title;
		char *te = draft_md_escape(pc.title);
		pc.title = te;
		snprintf(pc.scount, sizeof pc.scount, "%d", j - i);
		expand(tmpl_file, tp.section_line0, tp.section, look_section, &pc, &body);
		free(te);
		for (int k = i; k < i + keep; k++) {
			item_ctx(&ic, &s->items[pl[k].item]);
			char *mark = draft_item_marker(s->items[pl[k].item].msg->id);
			buf_printf(&body, "%s\n\n", mark);
			free(mark);
			expand(tmpl_file, tp.item_line0, tp.item, look_item, &ic, &body);
			shown++;
		}
		if (keep < j - i) {
			buf_printf(&body, "<!-- %d more in this section (--max-per-section):\n", j - i - keep);
			for (int k = i + keep; k < j; k++) {
				const struct series_item *it = &s->items[pl[k].item];
				char *url = draft_thread_url(set, it->msg);
				/* "--" may not appear inside an HTML comment */
				struct buf line = {0};
				if (it->version > 1)
					buf_printf(&line, "v%d: ", it->version);
				buf_printf(&line, "%s %s", it->subject, url);
				for (char *p = strstr(line.data, "--"); p; p = strstr(p, "--"))
					p[1] = '=';
				buf_printf(&body, "  %s\n", line.data);
				buf_free(&line);
				free(url);
			}
			buf_puts(&body, "-->\n\n");
		}
		i = j;
	}
	while (body.len >= 2 && body.data[body.len - 1] == '\n' && body.data[body.len - 2] == '\n')
		body.data[--body.len] = '\0';
	if (body.len && body.data[body.len - 1] == '\n')
		body.data[--body.len] = '\0';

	/* the description: the three most interesting items shown */
	{
		struct placed *top = xcalloc((size_t)npl + 1, sizeof *top);
		memcpy(top, pl, (size_t)npl * sizeof *top);
		qsort(top, (size_t)npl, sizeof *top, cmp_interest);
		const struct series_item *best[3];
		int nbest = 0;
		for (int i = 0; i < npl && nbest < 3; i++)
			best[nbest++] = &s->items[top[i].item];
		pc.highlights = draft_highlights(ic.w, best, nbest);
		free(top);
	}
	if (v->season > 0)
		snprintf(pc.season, sizeof pc.season, "%d", v->season);
	snprintf(pc.issue, sizeof pc.issue, "%d", v->issue);
	snprintf(pc.count, sizeof pc.count, "%d", shown);
	fmt_date(v->since ? v->since : first, pc.since);
	if (v->until)
		fmt_date(v->until - 1, pc.until);
	else
		fmt_date(last, pc.until);
	if (v->date)
		snprintf(pc.date, sizeof pc.date, "%s", v->date);
	else
		snprintf(pc.date, sizeof pc.date, "%s", pc.until);
	if (strcmp(pc.date, "unknown") == 0) {
		time_t now = time(NULL);
		fmt_date((long long)now, pc.date);
	}
	/* no dated item: the draft covers its own day */
	if (strcmp(pc.since, "unknown") == 0)
		snprintf(pc.since, sizeof pc.since, "%s", pc.date);
	if (strcmp(pc.until, "unknown") == 0)
		snprintf(pc.until, sizeof pc.until, "%s", pc.date);
	pc.sections = body.data ? body.data : "";
	if (expand(tmpl_file, 1, tp.page, look_page, &pc, out) != 0)
		goto out;
	rc = 0;
out:
	item_ctx_free(&ic);
	free(pc.highlights);
	draft_words_free(&own_words);
	if (secs)
		for (int i = 0; i < nsecs; i++) {
			free(secs[i].key);
			free(secs[i].title);
		}
	free(secs);
	free(pl);
	buf_free(&body);
	free(tp.page);
	free(tp.section);
	free(tp.item);
	return rc;
}
