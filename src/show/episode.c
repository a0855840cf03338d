/*
 * episode.c: the parse stage. An episode file becomes struct episode:
 * front matter read with libyaml, the Markdown body read with md4c into
 * blocks to speak, each with its source line.
 *
 * What is spoken: headings, paragraphs, block quotes, list items, link text,
 * code spans, tables (row by row, up to table_rows, through table.c), and
 * prose indented inside a block quote. What is not: fenced and indented
 * code, raw HTML and HTML comments, images, struck-through text, URLs of
 * links; each of those is listed in the episode's omissions with its line,
 * so that check and script can say so. An inline <br> is a short pause.
 */
#include "episode.h"

#include <ctype.h>
#include <errno.h>
#include <unistd.h>
#include <md4c.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "channel.h"
#include "license.h"
#include "core/core.h"

/* ---- front matter ---- */

/* Keys of Jekyll and Hugo front matter that mean nothing to a podcast. */
static const char *const ignored_keys[] = {
	"layout", "permalink", "license", "group", "album", "weight", "aliases",
	"toc", "comments", "sidebar", "url", "lastmod", "expiryDate",
	"publishDate", "menu", "series", "hidden", "excerpt_separator",
	"redirect_from", "redirect_to", "sitemap", "share", "math", "mermaid",
	"outputs", "params", "resources", "linkTitle", "headless",
	"translationKey", "markup", "type", "slug_prefix", "banner", "header",
	"last_modified_at", "render_with_liquid", "pin", "mathjax", "featured",
	"subtitle", "original",
};

static int is_ignored_key(const char *k)
{
	for (size_t i = 0; i < ARRAY_LEN(ignored_keys); i++)
		if (strcmp(k, ignored_keys[i]) == 0)
			return 1;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/*
 * Accepts YYYY-MM-DD, optionally followed by a time ("T" or a space,
 * HH:MM[:SS][.frac], then an optional zone). Fills date and time; returns -1
 * when the form or the calendar is wrong.
 */
static int parse_date(const char *s, char **date, char **time)
{
	int y, mo, d, h = 0, mi = 0, se = 0, n = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	const char *t = s + 10;
	int has_time = 0;
	if (*t == 'T' || *t == ' ') {
		int m = 0;
		t++;
		if (sscanf(t, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5)
			return -1;
		t += 5;
		if (*t == ':') {
			if (sscanf(t + 1, "%2d%n", &se, &m) != 1 || m != 2)
				return -1;
			t += 3;
		}
		if (*t == '.')
			for (t++; isdigit((unsigned char)*t); t++)
				;
		while (*t == ' ')
			t++;
		if (*t == 'Z')
			t++;
		else if (*t == '+' || *t == '-') {
			t++;
			while (isdigit((unsigned char)*t) || *t == ':')
				t++;
		}
		if (h > 23 || mi > 59 || se > 60)
			return -1;
		has_time = 1;
	}
	if (*t != '\0')
		return -1;
	*date = xasprintf("%04d-%02d-%02d", y, mo, d);
	*time = has_time ? xasprintf("%02d:%02d:%02d", h, mi, se) : NULL;
	return 0;
}

static int valid_slug(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 120 || s[0] == '-')
		return 0;
	return strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") == n;
}

int episode_is_draft_name(const char *path)
{
	size_t n = strlen(path);
	return n >= 9 && strcmp(path + n - 9, ".draft.md") == 0;
}

/* The default slug: the file's name without .md (or .draft.md), lower case, [a-z0-9-]. */
static char *slug_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t n = strlen(base);
	if (episode_is_draft_name(base))
		n -= 9;
	else if (n > 3 && strcmp(base + n - 3, ".md") == 0)
		n -= 3;
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)base[i];
		if (isalnum(c) && c < 0x80)
			buf_putc(&b, tolower(c));
		else if (b.len > 0 && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	while (b.len > 0 && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	return buf_detach(&b);
}

/* A BCP 47 tag, loosely: 2-3 letters, then subtags of 1-8 letters or digits. */
static int valid_lang(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
	if (n < 2 || n > 3)
		return 0;
	s += n;
	while (*s == '-') {
		s++;
		n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
		if (n < 1 || n > 8)
			return 0;
		s += n;
	}
	return *s == '\0';
}

/* One lexicon: entry: a word and how to say it, both non-empty text. */
static int read_lexicon_entry(void *obj, struct ydoc *y, const char *w, yaml_node_t *kn, yaml_node_t *vn)
{
	struct episode *ep = obj;
	const char *say = ydoc_scalar(vn);
	if (w == NULL || say == NULL || *w == '\0' || *say == '\0') {
		msg(MSG_FM_LEXICON_ENTRY, ep->path, ydoc_line(y, kn), 0, NULL);
		return -1;
	}
	ep->lexicon = xreallocarray(ep->lexicon, (size_t)ep->nlexicon + 1, sizeof *ep->lexicon);
	ep->lexicon[ep->nlexicon].word = xstrdup(w);
	ep->lexicon[ep->nlexicon].say = xstrdup(say);
	ep->nlexicon++;
	return 0;
}

static int read_lexicon(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	static const struct ymap map = {
		.other = read_lexicon_entry, .stop = 1,
		.must_map = 1, .not_mapping = MSG_FM_LEXICON_NOT_MAPPING,
	};
	(void)row, (void)k;
	return ydoc_read_map(&map, obj, y, v);
}

/* "all" or a number of rows (1 or more). */
static int table_rows_value(struct ydoc *y, const char *key, yaml_node_t *v, int *out)
{
	const char *s = ydoc_scalar(v);
	if (s && strcmp(s, "all") == 0) {
		*out = TABLE_ALL_ROWS;
		return 0;
	}
	return ydoc_get_int(y, key, v, 1, 100000, out);
}

/* One table_rows: entry: default:, or a table's number (from 1), and its rows. */
static int read_table_limit(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *vn)
{
	struct episode *ep = obj;
	char *end = NULL;
	long t = k ? strtol(k, &end, 10) : 0;
	if (k && strcmp(k, "default") == 0)
		return table_rows_value(y, "table_rows.default", vn, &ep->table_rows);
	if (!k || end == k || *end || t < 1 || t > 100000) {
		msg(MSG_FM_TABLE_ROWS_KEY, ep->path, ydoc_line(y, kn), 0, "\"%s\"", k ? k : "");
		return -1;
	}
	struct tablelimit tl = {(int)t, 0};
	if (table_rows_value(y, "table_rows", vn, &tl.rows) != 0)
		return -1;
	ep->table_limits = xreallocarray(ep->table_limits, (size_t)ep->ntable_limits + 1,
					 sizeof *ep->table_limits);
	ep->table_limits[ep->ntable_limits++] = tl;
	return 0;
}

/* table_rows: N | all | {default: N, 2: all, 3: 40} (keys count the tables from 1). */
static int read_table_rows(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {.other = read_table_limit, .stop = 1};
	struct episode *ep = obj;
	(void)row, (void)key;
	if (v->type != YAML_MAPPING_NODE)
		return table_rows_value(y, "table_rows", v, &ep->table_rows);
	return ydoc_read_map(&map, ep, y, v);
}

/* Author may be text, a list of names, or a mapping with name:. */
static void free_list(char ***v, int *n)
{
	for (int i = 0; i < *n; i++)
		free((*v)[i]);
	free(*v);
	*v = NULL;
	*n = 0;
}

/* author: {name: ...}: the first name: is the one author; other keys are left alone. */
static int read_author_name(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (ydoc_get_str(y, "author.name", v, &ep->author) != 0)
		return -1;
	free_list(&ep->authors, &ep->nauthors);
	ep->authors = xcalloc(1, sizeof *ep->authors);
	ep->authors[ep->nauthors++] = xstrdup(ep->author);
	return 1;
}

static const struct ykey author_keys[] = {
	{"name", YK_CUSTOM, 0, 0, 0, 0, read_author_name},
};

static int read_author(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = author_keys, .n = ARRAY_LEN(author_keys), .other = ymap_ignore, .stop = 1,
	};
	struct episode *ep = obj;
	(void)row, (void)key;
	if (v->type == YAML_MAPPING_NODE)
		return ydoc_read_map(&map, ep, y, v);
	char **names = NULL;
	int n = 0;
	if (ydoc_get_list(y, "author", v, &names, &n) != 0)
		return -1;
	struct buf b = {0};
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_puts(&b, names[i]);
	}
	free_list(&ep->authors, &ep->nauthors);
	ep->authors = names;
	ep->nauthors = n;
	free(ep->author);
	ep->author = n ? buf_detach(&b) : NULL;
	buf_free(&b);
	return 0;
}

/* writers: {name:, bio:, links:} */
static const struct ykey writer_keys[] = {
	{"name", YK_STR, offsetof(struct writer, name), 0, 0, 0, NULL},
	{"bio", YK_STR, offsetof(struct writer, bio), 0, 0, 0, NULL},
	{"links|link", YK_LIST, offsetof(struct writer, links), offsetof(struct writer, nlinks), 0, 0, NULL},
};

static void writer_clear(struct writer *w)
{
	free(w->name);
	free(w->bio);
	free_list(&w->links, &w->nlinks);
}

/*
 * writers: a list, each a name or {name:, bio:, links:}: who wrote the
 * episode's text, credited as writers (the studio keeps it for the
 * contributors whose summaries are in it). A link must be http(s).
 */
static int read_writers(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = writer_keys, .n = ARRAY_LEN(writer_keys), .prefix = "writers.",
		.unknown = MSG_FM_UNKNOWN_KEY,
	};
	struct episode *ep = obj;
	(void)row, (void)k;
	if (v->type != YAML_SEQUENCE_NODE) {
		msg(MSG_FM_WRITERS, y->file, ydoc_line(y, v), 0, "expected a list of names or {name:, bio:, links:}");
		return -1;
	}
	int rc = 0;
	for (yaml_node_item_t *i = v->data.sequence.items.start; i < v->data.sequence.items.top; i++) {
		yaml_node_t *n = ydoc_node(y, *i);
		struct writer w = {0};
		int bad = n == NULL;
		if (!bad && n->type == YAML_MAPPING_NODE)
			bad = ydoc_read_map(&map, &w, y, n) != 0;
		else if (!bad)
			bad = ydoc_get_str(y, "writers", n, &w.name) != 0;
		if (!bad && (w.name == NULL || w.name[0] == '\0')) {
			msg(MSG_FM_WRITERS, y->file, ydoc_line(y, n), 0, "each writer needs a name");
			bad = 1;
		}
		for (int l = 0; !bad && l < w.nlinks; l++)
			if (strncmp(w.links[l], "https://", 8) != 0 && strncmp(w.links[l], "http://", 7) != 0) {
				msg(MSG_FM_WRITERS, y->file, ydoc_line(y, n), 0, "link \"%s\" is not an http(s) URL",
				    w.links[l]);
				bad = 1;
			}
		if (bad) {
			writer_clear(&w);
			rc = -1;
			continue;
		}
		ep->writers = xreallocarray(ep->writers, (size_t)ep->nwriters + 1, sizeof *ep->writers);
		ep->writers[ep->nwriters++] = w;
	}
	return rc;
}

/*
 * 1 when s is a well-formed YYYY-MM-DD... whose year, month or day cannot
 * be, with which part in why.
 */
static int impossible_date(const char *s, char *why, size_t n)
{
	static const char *months[] = {"January", "February", "March", "April", "May", "June", "July",
				       "August", "September", "October", "November", "December"};
	int y, mo, d, len = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &len) != 3 || len != 10)
		return 0;
	if (y < 1900 || y > 2999)
		snprintf(why, n, "the year %d is not between 1900 and 2999", y);
	else if (mo < 1 || mo > 12)
		snprintf(why, n, "there is no month %d", mo);
	else if (d < 1 || d > days_in_month(y, mo))
		snprintf(why, n, "%s %d has %d days, not %d", months[mo - 1], y, days_in_month(y, mo), d);
	else
		return 0;
	return 1;
}

static int read_date(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	const char *s = ydoc_scalar(v);
	(void)row, (void)k;
	free(ep->date);
	free(ep->time);
	ep->date = ep->time = NULL;
	char why[64];
	if (s != NULL && impossible_date(s, why, sizeof why)) {
		msg(MSG_FM_IMPOSSIBLE_DATE, y->file, ydoc_line(y, v), 0, "\"%s\"" MSG_SEP "%s", s, why);
		return -1;
	}
	if (s == NULL || parse_date(s, &ep->date, &ep->time) != 0) {
		msg(MSG_FM_BAD_DATE, y->file, ydoc_line(y, v), 0, "\"%s\"", s ? s : "");
		return -1;
	}
	return 0;
}

static int check_lang(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (!valid_lang(ep->lang)) {
		msg(MSG_FM_BAD_LANG, y->file, ydoc_line(y, v), 0, "\"%s\"", ep->lang);
		return -1;
	}
	return 0;
}

static int check_previous_slug(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (!valid_slug(ep->previous_slug)) {
		msg(MSG_FM_BAD_SLUG, y->file, ydoc_line(y, v), 0, "\"%s\"", ep->previous_slug);
		return -1;
	}
	return 0;
}

static int check_slug(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (!valid_slug(ep->slug)) {
		msg(MSG_FM_BAD_SLUG, y->file, ydoc_line(y, v), 0, "\"%s\"", ep->slug);
		return -1;
	}
	return 0;
}

static int read_published(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	int pub = 1;
	(void)row;
	if (ydoc_get_bool(y, k, v, &pub) != 0)
		return -1;
	if (!pub)
		ep->draft = 1;
	return 0;
}

static int check_license(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (license_url(ep->license) == NULL) {
		msg(MSG_BAD_LICENSE, y->file, ydoc_line(y, v), 0, "\"%s\"", ep->license);
		return -1;
	}
	char *c = license_canonical(ep->license);
	free(ep->license);
	ep->license = c;
	return 0;
}

static int check_episode_type(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	if (strcmp(ep->episode_type, "full") != 0 && strcmp(ep->episode_type, "trailer") != 0 &&
	    strcmp(ep->episode_type, "bonus") != 0) {
		msg(MSG_FM_BAD_TYPE, y->file, ydoc_line(y, v), 0, "\"%s\"", ep->episode_type);
		return -1;
	}
	return 0;
}

static int read_speakers(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	speakers_clear(&ep->speakers);
	return speakers_read(y, v, &ep->speakers);
}

static int read_bed(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct episode *ep = obj;
	(void)row, (void)k;
	char *dir = path_dirname(ep->path);
	int rc = bed_settings_read(y, v, dir, &ep->bed);
	free(dir);
	return rc;
}

#define STR(k, f, fn) {k, YK_STR, offsetof(struct episode, f), 0, 0, 0, fn}
#define INT(k, f, lo, hi) {k, YK_INT, offsetof(struct episode, f), 0, lo, hi, NULL}
#define BOOL(k, f) {k, YK_BOOL, offsetof(struct episode, f), 0, 0, 0, NULL}
#define CUSTOM(k, fn) {k, YK_CUSTOM, 0, 0, 0, 0, fn}

/* The front matter keys: one row per key (docs/episode-format.md). */
static const struct ykey front_keys[] = {
	STR("title", title, NULL),
	CUSTOM("date", read_date),
	STR("description", description, NULL),
	STR("summary|excerpt", summary, NULL),
	INT("season", season, 0, 100000),
	INT("episode", number, 0, 1000000),
	STR("lang|language", lang, check_lang),
	STR("voice", voice, NULL),
	STR("slug", slug, check_slug),
	BOOL("draft", draft),
	CUSTOM("published", read_published),
	CUSTOM("author|authors", read_author),
	CUSTOM("writers", read_writers),
	{"tags|keywords|categories|category", YK_LIST, offsetof(struct episode, tags),
	 offsetof(struct episode, ntags), 0, 0, NULL},
	STR("guid", guid, NULL),
	STR("previous_slug", previous_slug, check_previous_slug),
	STR("license|licence", license, check_license),
	STR("image|cover", image, NULL),
	BOOL("explicit", explicit_),
	STR("episode_type|episodeType", episode_type, check_episode_type),
	CUSTOM("lexicon", read_lexicon),
	CUSTOM("table_rows", read_table_rows),
	CUSTOM("speakers", read_speakers),
	CUSTOM("bed", read_bed),
};

/* Where the keys later stages check were given. */
static const struct { const char *key; size_t off; } key_lines[] = {
	{"lang", offsetof(struct episode, lang_line)},
	{"date", offsetof(struct episode, date_line)},
	{"voice", offsetof(struct episode, voice_line)},
	{"slug", offsetof(struct episode, slug_line)},
	{"guid", offsetof(struct episode, guid_line)},
	{"previous_slug", offsetof(struct episode, previous_slug_line)},
	{"license", offsetof(struct episode, license_line)},
	{"image", offsetof(struct episode, image_line)},
};

/* A front matter key that is not text (an error), or unknown (a warning unless ignored). */
static int other_key(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	struct episode *ep = obj;
	if (k == NULL) {
		msg(MSG_FM_NO_KEY, ep->path, ydoc_line(y, kn), 0, NULL);
		return -1;
	}
	if (!is_ignored_key(k))
		msg(MSG_FM_UNKNOWN_KEY, y->file, ydoc_line(y, v), 0, "\"%s\"", k);
	return 0;
}

/*
 * Splits text into front matter and body. Returns -1 (reported) when the
 * file has no front matter or it is not closed.
 */
static int split_front_matter(struct episode *ep, const char *text, size_t len,
			      size_t *fm_start, size_t *fm_len, size_t *body_off)
{
	size_t i = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if (strncmp(text + i, "---", 3) != 0 || (text[i + 3] != '\n' && text[i + 3] != '\r' &&
	    text[i + 3] != ' ' && text[i + 3] != '\0')) {
		msg(MSG_FM_MISSING, ep->path, 1, 0, NULL);
		return -1;
	}
	i = (size_t)(strchr(text + i, '\n') ? strchr(text + i, '\n') - text + 1 : (long)len);
	*fm_start = i;
	while (i < len) {
		const char *eol = memchr(text + i, '\n', len - i);
		size_t l = eol ? (size_t)(eol - (text + i)) : len - i;
		size_t t = l;
		while (t > 0 && (text[i + t - 1] == ' ' || text[i + t - 1] == '\r'))
			t--;
		if (t == 3 && (memcmp(text + i, "---", 3) == 0 || memcmp(text + i, "...", 3) == 0)) {
			*fm_len = i - *fm_start;
			*body_off = eol ? i + l + 1 : len;
			return 0;
		}
		i += l + (eol ? 1 : 0);
	}
	msg(MSG_FM_NOT_CLOSED, ep->path, 1, 0, NULL);
	return -1;
}

static int read_front_matter(struct episode *ep, const char *text, size_t len)
{
	size_t fs, fl, bo;
	struct ydoc y;
	int err = 0;

	memset(&y, 0, sizeof y);
	if (split_front_matter(ep, text, len, &fs, &fl, &bo) != 0)
		return -1;
	ep->body_line = line_of(text, bo);
	ep->body = xstrndup(text + bo, len - bo);
	if (ydoc_load(&y, ep->path, text + fs, fl, 2) != 0)
		return -1;
	yaml_node_t *root = ydoc_root(&y);
	if (root != NULL) {
		int lines[ARRAY_LEN(front_keys)] = {0};
		const struct ymap map = {
			.tab = front_keys, .n = ARRAY_LEN(front_keys), .other = other_key,
			.lines = lines, .must_map = 1, .not_mapping = MSG_FM_NOT_MAPPING,
		};
		err = ydoc_read_map(&map, ep, &y, root) != 0;
		for (size_t i = 0; i < ARRAY_LEN(key_lines); i++) {
			int row = ykey_find(front_keys, ARRAY_LEN(front_keys), key_lines[i].key);
			if (lines[row] != 0)
				*(int *)((char *)ep + key_lines[i].off) = lines[row];
		}
	}
	ydoc_free(&y);
	return err ? -1 : 0;
}

/* ---- body ---- */

struct parse_state {
	struct episode *ep;
	const char *doc;        /* the body md4c parses */
	size_t doc_len;
	struct buf text;        /* the block being collected */
	int text_line;          /* line of its first text, 0 if none yet */
	int skip;               /* > 0 inside code blocks, HTML, images, tables, deletions */
	int quote_depth;
	int list_depth;
	int in_heading;
	int heading_level;
	char *heading_url;      /* the first link in the heading being read */
	int heading_blocks;     /* ep->nblocks right after the last heading */
	char *para_image;       /* an image in the paragraph being read, while nothing else is */
	int para_image_line;
	int li_open;            /* a list item is open and collecting text */
	unsigned ol_next[16];   /* per list depth: the next item's number, 0 in a bullet list */
	unsigned li_num;        /* the open item's number, said before its first text (0: none) */
	int section;
	int emphasis;           /* *text* becomes (text)[emphasis] (the show's emphasis: true) */
	size_t seen_off;        /* doc_line's place in the body... */
	int seen_lines;         /* ...and the newlines before it */
	/* What is skipped, for the omissions. */
	const char *skip_what;  /* "code block", "HTML", "image", "struck-through text" */
	int skip_line;
	struct buf skipped;     /* the text skipped, for prose in a quote and messages */
	int skip_indented;      /* the code block is indented, not fenced */
	/* A table being read. */
	int in_table;
	int ntables;
	int table_line;
	struct table_row head;
	struct table_row *rows;
	int nrows;
	int row_head;           /* the row being read is the header */
	struct table_row *row;  /* the row being read */
	struct buf cell;
};

/*
 * The file line of a position in the body. md4c reports text in document
 * order, so the count goes on from the last position asked about (and starts
 * over on the rare step back): linear in the body, not quadratic.
 */
static int doc_line(struct parse_state *st, const MD_CHAR *p)
{
	if (p < st->doc || p > st->doc + st->doc_len)
		return 0;
	size_t off = (size_t)(p - st->doc);
	if (off < st->seen_off) {
		st->seen_off = 0;
		st->seen_lines = 0;
	}
	for (; st->seen_off < off; st->seen_off++)
		if (st->doc[st->seen_off] == '\n')
			st->seen_lines++;
	return st->ep->body_line + st->seen_lines;
}

/* Emits the collected text as a block of the given kind, when there is any. */
static void flush(struct parse_state *st, enum block_kind kind, int level)
{
	struct buf *t = &st->text;
	/* Collapse white space; drop it at both ends. */
	struct buf out = {0};
	int space = 0;
	for (size_t i = 0; i < t->len; i++) {
		char c = t->data[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			space = out.len > 0;
			continue;
		}
		if (space)
			buf_putc(&out, ' ');
		space = 0;
		buf_putc(&out, c);
	}
	if (out.len > 0) {
		struct episode *ep = st->ep;
		/* room doubled at each power of two: linear whatever realloc costs */
		int nb = ep->nblocks;
		if ((nb & (nb - 1)) == 0)
			ep->blocks = xreallocarray(ep->blocks, nb ? 2 * (size_t)nb : 16, sizeof *ep->blocks);
		struct block *b = &ep->blocks[ep->nblocks++];
		b->kind = kind;
		b->level = level;
		b->line = st->text_line ? st->text_line : ep->body_line;
		if (kind == BLOCK_HEADING) {
			ep->sections = xreallocarray(ep->sections, (size_t)ep->nsections + 1, sizeof *ep->sections);
			ep->sections[ep->nsections] = xstrdup(out.data);
			ep->section_links = xreallocarray(ep->section_links, (size_t)ep->nsections + 1,
							  sizeof *ep->section_links);
			ep->section_links[ep->nsections] = (struct section_links){
				st->heading_url, st->heading_url ? st->text_line : 0, NULL, 0};
			st->heading_url = NULL;
			st->section = ep->nsections++;
			st->heading_blocks = ep->nblocks;
		}
		b->section = st->section;
		b->text = buf_detach(&out);
	}
	buf_free(&out);
	buf_reset(t);
	st->text_line = 0;
}

static enum block_kind para_kind(struct parse_state *st, int *level)
{
	if (st->quote_depth > 0) {
		*level = st->quote_depth;
		return BLOCK_QUOTE;
	}
	if (st->list_depth > 0) {
		*level = st->list_depth;
		return BLOCK_LIST_ITEM;
	}
	*level = 0;
	return BLOCK_PARAGRAPH;
}

static void add_omission(struct episode *ep, int line, char *what)
{
	ep->omitted = xreallocarray(ep->omitted, (size_t)ep->nomitted + 1, sizeof *ep->omitted);
	ep->omitted[ep->nomitted].line = line ? line : ep->body_line;
	ep->omitted[ep->nomitted].said = 0;
	ep->omitted[ep->nomitted++].what = what;
}

/* A block's text, at most 40 bytes of it cut at a character, for messages. */
static char *excerpt(const char *s)
{
	struct buf b = {0};
	int space = 0;
	for (; *s && b.len < 40; s++) {
		if (isspace((unsigned char)*s)) {
			space = b.len > 0;
			continue;
		}
		if (space)
			buf_putc(&b, ' ');
		space = 0;
		buf_putc(&b, *s);
	}
	while (*s && ((unsigned char)*s & 0xC0) == 0x80)
		buf_putc(&b, *s++);
	if (*s)
		buf_puts(&b, "...");
	return buf_detach(&b);
}

/*
 * Whether indented text is prose rather than code: mostly words (Latin or
 * Han), few of the symbols code is made of, and no line that looks like a
 * statement.
 */
static int is_prose(const char *s)
{
	size_t letters = 0, symbols = 0, words = 0;
	int in = 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c >= 0xE0) {   /* a Han character (three bytes or more) is a word of its own */
			letters++;
			words++;
			in = 0;
		} else if (isalpha(c) || c >= 0x80) {
			letters++;
			if (!in)
				words++;
			in = 1;
		} else {
			in = 0;
			if (strchr("{}[]();=<>#$|\\&*_/`", c))
				symbols++;
		}
	}
	return letters > 0 && words >= 4 && symbols * 25 < letters;
}

/* A cell's text with white space collapsed; the buffer is emptied. The caller frees. */
static char *trim_cell(struct buf *b)
{
	struct buf o = {0};
	int space = 0;
	for (size_t i = 0; i < b->len; i++) {
		if (isspace((unsigned char)b->data[i])) {
			space = o.len > 0;
			continue;
		}
		if (space)
			buf_putc(&o, ' ');
		space = 0;
		buf_putc(&o, b->data[i]);
	}
	buf_reset(b);
	return buf_detach(&o);
}

static void table_reset(struct parse_state *st)
{
	for (int r = 0; r <= st->nrows; r++) {
		struct table_row *row = r < st->nrows ? &st->rows[r] : &st->head;
		for (int c = 0; c < row->ncells; c++)
			free(row->cells[c]);
		free(row->cells);
		row->cells = NULL;
		row->ncells = 0;
	}
	free(st->rows);
	st->rows = NULL;
	st->nrows = 0;
	st->row = NULL;
	buf_free(&st->cell);
}

/* The table just read becomes one block; what is not read is an omission. */
static void table_done(struct parse_state *st)
{
	struct episode *ep = st->ep;
	int limit = ep->table_rows, nread = 0;
	st->ntables++;
	for (int i = 0; i < ep->ntable_limits; i++)
		if (ep->table_limits[i].table == st->ntables)
			limit = ep->table_limits[i].rows;
	char *text = table_speak(st->head.ncells ? &st->head : NULL, st->rows, st->nrows, limit, &nread);
	if (*text) {
		buf_puts(&st->text, text);
		st->text_line = st->table_line;
		flush(st, BLOCK_TABLE, st->quote_depth);
	} else if (st->head.ncells) {
		add_omission(ep, st->table_line, xasprintf("table with no rows not spoken"));
	}
	free(text);
	if (nread == st->nrows && nread) {
		add_omission(ep, st->table_line, xasprintf("table of %d row%s read aloud", nread, nread == 1 ? "" : "s"));
		ep->omitted[ep->nomitted - 1].said = 1;
	}
	if (nread < st->nrows) {
		int first = st->rows[nread].line ? st->rows[nread].line : st->table_line;
		add_omission(ep, first, xasprintf("table rows %d to %d not read (%d of %d; table_rows: %d)",
						  nread + 1, st->nrows, st->nrows - nread, st->nrows, limit));
	}
	table_reset(st);
}

/* Text collected directly in a list item (a tight list) is flushed here. */
static void flush_li(struct parse_state *st)
{
	if (st->li_open && st->text.len > 0)
		flush(st, st->quote_depth > 0 ? BLOCK_QUOTE : BLOCK_LIST_ITEM, st->list_depth);
}

static void skip_start(struct parse_state *st, const char *what)
{
	if (st->skip++ == 0) {
		st->skip_what = what;
		st->skip_line = 0;
		buf_reset(&st->skipped);
	}
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct parse_state *st = ud;
	if (st->skip > 0 && type != MD_BLOCK_CODE && type != MD_BLOCK_HTML) {
		return 0;
	}
	if (st->in_table) {
		if (type == MD_BLOCK_THEAD)
			st->row_head = 1;
		else if (type == MD_BLOCK_TBODY)
			st->row_head = 0;
		else if (type == MD_BLOCK_TR) {
			if (st->row_head) {
				st->row = &st->head;
			} else {
				st->rows = xreallocarray(st->rows, (size_t)st->nrows + 1, sizeof *st->rows);
				st->row = &st->rows[st->nrows++];
				memset(st->row, 0, sizeof *st->row);
			}
		} else if (type == MD_BLOCK_TH || type == MD_BLOCK_TD)
			buf_reset(&st->cell);
		return 0;
	}
	switch (type) {
	case MD_BLOCK_QUOTE:
		flush_li(st);
		st->quote_depth++;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		flush_li(st);
		st->list_depth++;
		/* an ordered list's numbers are said: "3) Calculate ..." is step three */
		if (st->list_depth < (int)ARRAY_LEN(st->ol_next))
			st->ol_next[st->list_depth] = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		break;
	case MD_BLOCK_LI:
		flush_li(st);
		st->li_open = 1;
		st->li_num = st->list_depth < (int)ARRAY_LEN(st->ol_next) ? st->ol_next[st->list_depth] : 0;
		if (st->li_num)
			st->ol_next[st->list_depth]++;
		break;
	case MD_BLOCK_H:
		flush_li(st);
		free(st->heading_url);
		st->heading_url = NULL;
		st->in_heading = 1;
		st->heading_level = (int)((MD_BLOCK_H_DETAIL *)detail)->level;
		break;
	case MD_BLOCK_P:
		flush_li(st);
		break;
	case MD_BLOCK_CODE:
		flush_li(st);
		skip_start(st, "code block");
		st->skip_indented = ((MD_BLOCK_CODE_DETAIL *)detail)->fence_char == 0;
		break;
	case MD_BLOCK_HTML:
		flush_li(st);
		skip_start(st, "HTML block");
		break;
	case MD_BLOCK_TABLE:
		flush_li(st);
		st->in_table = 1;
		st->table_line = 0;
		memset(&st->head, 0, sizeof st->head);
		break;
	default:
		break;
	}
	return 0;
}

/* The end of something skipped: an omission, or prose indented in a quote. */
static void skip_end(struct parse_state *st)
{
	if (--st->skip > 0)
		return;
	if (strcmp(st->skip_what, "code block") == 0 && st->skip_indented && st->quote_depth > 0 &&
	    st->skipped.len && is_prose(st->skipped.data)) {
		/* a newsletter quoting a man page or a mail, indented: the quote voice */
		buf_puts(&st->text, st->skipped.data);
		st->text_line = st->skip_line;
		flush(st, BLOCK_QUOTE, st->quote_depth);
	} else if (strcmp(st->skip_what, "HTML block") != 0 || st->skipped.len) {
		char *ex = excerpt(st->skipped.data ? st->skipped.data : "");
		add_omission(st->ep, st->skip_line, *ex ? xasprintf("%s not spoken: \"%s\"", st->skip_what, ex)
						       : xasprintf("%s not spoken", st->skip_what));
		free(ex);
	}
	buf_reset(&st->skipped);
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct parse_state *st = ud;
	int level;
	(void)detail;
	if (type == MD_BLOCK_CODE || type == MD_BLOCK_HTML) {
		skip_end(st);
		return 0;
	}
	if (st->skip > 0)
		return 0;
	if (st->in_table) {
		if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
			struct table_row *row = st->row;
			if (row) {
				row->cells = xreallocarray(row->cells, (size_t)row->ncells + 1, sizeof *row->cells);
				row->cells[row->ncells++] = trim_cell(&st->cell);
			}
		} else if (type == MD_BLOCK_TABLE) {
			st->in_table = 0;
			table_done(st);
		}
		return 0;
	}
	switch (type) {
	case MD_BLOCK_QUOTE:
		st->quote_depth--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		st->list_depth--;
		break;
	case MD_BLOCK_LI:
		flush_li(st);
		st->li_open = 0;
		st->li_num = 0;
		break;
	case MD_BLOCK_H:
		flush(st, BLOCK_HEADING, st->heading_level);
		st->in_heading = 0;
		break;
	case MD_BLOCK_P: {
		/* an image alone right under a heading: the chapter's image */
		int alone = st->text.len == strspn(st->text.data ? st->text.data : "", " \t\n\r");
		if (st->para_image && alone && st->section >= 0 && st->quote_depth == 0 &&
		    st->list_depth == 0 && st->ep->nblocks == st->heading_blocks &&
		    st->ep->section_links[st->section].image == NULL) {
			st->ep->section_links[st->section].image = st->para_image;
			st->ep->section_links[st->section].image_line = st->para_image_line;
			st->para_image = NULL;
		}
		free(st->para_image);
		st->para_image = NULL;
		enum block_kind k = para_kind(st, &level);
		flush(st, k, level);
		break;
	}
	default:
		break;
	}
	return 0;
}

/* An attribute of a span (a link's href, an image's src) as a string. The caller frees. */
static char *span_attr(const MD_ATTRIBUTE *a)
{
	return xstrndup(a->text ? a->text : "", a->size);
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct parse_state *st = ud;
	if (type == MD_SPAN_A && st->in_heading && !st->skip && st->heading_url == NULL)
		st->heading_url = span_attr(&((MD_SPAN_A_DETAIL *)detail)->href);
	if (type == MD_SPAN_IMG && !st->skip && !st->in_heading && !st->in_table &&
	    st->para_image == NULL && st->text.len == 0) {
		st->para_image = span_attr(&((MD_SPAN_IMG_DETAIL *)detail)->src);
		st->para_image_line = 0;   /* found after parsing (episode_line_of) */
	}
	if (type == MD_SPAN_IMG || type == MD_SPAN_DEL)
		skip_start(st, type == MD_SPAN_IMG ? "image" : "struck-through text");
	if (type == MD_SPAN_EM && st->emphasis && !st->skip)
		buf_putc(&st->text, '(');
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct parse_state *st = ud;
	(void)detail;
	if (type == MD_SPAN_IMG || type == MD_SPAN_DEL)
		skip_end(st);
	if (type == MD_SPAN_EM && st->emphasis && !st->skip)
		buf_puts(&st->text, ")[emphasis:\"mild\"]");
	return 0;
}

/* Whether inline HTML is a line break: <br>, <br/>, <br />. */
static int is_br(const MD_CHAR *t, MD_SIZE n)
{
	if (n < 4 || t[0] != '<' || strncasecmp(t + 1, "br", 2) != 0)
		return 0;
	for (MD_SIZE i = 3; i + 1 < n; i++)
		if (t[i] != ' ' && t[i] != '/')
			return 0;
	return t[n - 1] == '>';
}

/* The few HTML entities a script is likely to hold; others are kept as written. */
static void add_entity(struct buf *b, const MD_CHAR *t, MD_SIZE n)
{
	static const struct { const char *name; uint32_t cp; } ents[] = {
		{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'},
		{"&apos;", '\''}, {"&nbsp;", ' '}, {"&mdash;", 0x2014}, {"&ndash;", 0x2013},
		{"&hellip;", 0x2026}, {"&copy;", 0xA9}, {"&reg;", 0xAE}, {"&trade;", 0x2122},
		{"&euro;", 0x20AC}, {"&rarr;", 0x2192}, {"&larr;", 0x2190}, {"&times;", 0xD7},
		{"&lsquo;", 0x2018}, {"&rsquo;", 0x2019}, {"&ldquo;", 0x201C}, {"&rdquo;", 0x201D},
	};
	if (n > 3 && t[1] == '#') {
		unsigned long cp = (t[2] == 'x' || t[2] == 'X') ? strtoul(t + 3, NULL, 16) : strtoul(t + 2, NULL, 10);
		if (cp >= 0x20 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF) && cp != 0x7F)
			utf8_put(b, (uint32_t)cp);
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(ents); i++)
		if (strlen(ents[i].name) == n && memcmp(ents[i].name, t, n) == 0) {
			utf8_put(b, ents[i].cp);
			return;
		}
	buf_add(b, t, n);
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *t, MD_SIZE n, void *ud)
{
	struct parse_state *st = ud;
	if (st->skip > 0) {
		if (st->skip_line == 0 && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR)
			st->skip_line = doc_line(st, t);
		if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR)
			buf_putc(&st->skipped, ' ');
		else
			buf_add(&st->skipped, t, n);
		return 0;
	}
	if (st->in_table) {
		int line = type != MD_TEXT_BR && type != MD_TEXT_SOFTBR ? doc_line(st, t) : 0;
		if (st->table_line == 0)
			st->table_line = line;
		if (st->row && st->row->line == 0)
			st->row->line = line;
		if (type == MD_TEXT_ENTITY)
			add_entity(&st->cell, t, n);
		else if (type == MD_TEXT_HTML && is_br(t, n))
			buf_putc(&st->cell, ' ');
		else if (type != MD_TEXT_HTML && type != MD_TEXT_NULLCHAR)
			buf_add(&st->cell, t, n);
		return 0;
	}
	if (st->text_line == 0 && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR && type != MD_TEXT_HTML)
		st->text_line = doc_line(st, t);
	if (st->li_num && st->text.len == 0 && type != MD_TEXT_BR && type != MD_TEXT_SOFTBR && type != MD_TEXT_HTML) {
		buf_printf(&st->text, "%u. ", st->li_num);   /* the item's number, once */
		st->li_num = 0;
	}
	switch (type) {
	case MD_TEXT_NORMAL:
	case MD_TEXT_CODE:
	case MD_TEXT_LATEXMATH:
		buf_add(&st->text, t, n);
		break;
	case MD_TEXT_ENTITY:
		add_entity(&st->text, t, n);
		break;
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		buf_putc(&st->text, ' ');
		break;
	case MD_TEXT_HTML:
		if (is_br(t, n))   /* a line break inside a paragraph: a pause */
			buf_puts(&st->text, " [400ms] ");
		break;
	case MD_TEXT_NULLCHAR:
		break;
	}
	return 0;
}

/* The start of line `line` of the body: forward from where at is (from the start when line is before it). */
static const char *body_line_start(const struct episode *ep, struct episode_pos *at, int line)
{
	if (at->p == NULL || line < at->line) {
		at->p = ep->body;
		at->line = ep->body_line;
		at->cursor = 0;
	}
	while (at->line < line) {
		const char *nl = strchr(at->p, '\n');
		if (nl == NULL)
			return NULL;
		at->p = nl + 1;
		at->line++;
	}
	return at->p;
}

/* memmem() in windows that double from 4 KiB, each overlapping the last by
 * the needle's length less one: glibc's memmem is linear whatever the
 * bytes, and a match near the start is found after reading about twice the
 * distance to it. (Called on the whole rest of the body, the sanitizer's
 * interceptor checks every byte of it first, which made many inserts on one
 * line quadratic in the ASan build; a naive memchr and memcmp loop would be
 * quadratic on hostile text, "aaa...ab" in a body of "a".) */
static const char *find_bytes(const char *p, const char *end, const char *t, size_t n)
{
	size_t w = 4096;
	if (n == 0)
		return p;
	if (w < 2 * n)
		w = 2 * n;
	while ((size_t)(end - p) >= n) {
		size_t len = (size_t)(end - p) < w ? (size_t)(end - p) : w;
		const char *hit = memmem(p, len, t, n);
		if (hit != NULL || len == (size_t)(end - p))
			return hit;
		p += len - (n - 1);
		w *= 2;
	}
	return NULL;
}

int episode_line_of(const struct episode *ep, struct episode_pos *at, int from, int to, const char *text)
{
	if (ep->body == NULL)
		return from;
	const char *p = body_line_start(ep, at, from), *end;
	if (p == NULL)
		return from;
	/* from the line `from`, past what was found before, up to the line `to` */
	const char *q = ep->body + at->cursor > p ? ep->body + at->cursor : p;
	end = NULL;
	if (to > from && at->stop != NULL && at->stop_line == to && at->stop >= p) {
		end = at->stop; /* the same block's end as last time */
	} else if (to > from) {
		struct episode_pos stop = *at;
		end = body_line_start(ep, &stop, to);
		at->stop = end;
		at->stop_line = to;
	}
	if (end == NULL) {
		if (at->end == NULL)
			at->end = ep->body + strlen(ep->body);
		end = at->end;
	}
	if (q >= end)
		return from;
	const char *hit = find_bytes(q, end, text, strlen(text));
	if (hit == NULL)
		return from;
	at->cursor = (size_t)(hit - ep->body) + strlen(text);
	/* counted on from the last hit when it is on the way: many inserts on one line stay linear */
	int line = from;
	const char *c = p;
	if (at->counted != NULL && at->counted >= p && at->counted <= hit) {
		c = at->counted;
		line = at->counted_line;
	}
	for (; c < hit; c++)
		line += *c == '\n';
	at->counted = hit;
	at->counted_line = line;
	return line;
}

/*
 * The first s at or after t, by hand: strstr would do, but the sanitizers'
 * strstr measures the whole rest of t on every call, which makes a line of
 * many inserts cost its length squared.
 */
static char *find_from(const char *t, const char *s)
{
	size_t n = strlen(s);
	for (; *t; t++)
		if (*t == s[0] && strncmp(t, s, n) == 0)
			return (char *)t;
	return NULL;
}

/*
 * Audio inserts: [audio:"file.wav"] in a paragraph, list item or quote
 * cuts the block there; the clip goes into the timeline between the two
 * halves (either may be empty). Returns -1 after reporting a bad insert.
 */
static int split_inserts(struct episode *ep)
{
	static const char open_mark[] = "[audio:\"";
	int rc = 0, n = 0, cap = ep->nblocks;
	struct episode_pos at = {0};
	struct block *out = xcalloc((size_t)cap + 1, sizeof *out);
	char *dir = path_dirname(ep->path);
	for (int i = 0; i < ep->nblocks; i++) {
		struct block b = ep->blocks[i];
		char *t = b.text, *m;
		while (b.kind != BLOCK_HEADING && (m = find_from(t, open_mark)) != NULL) {
			char *name = m + sizeof open_mark - 1, *q = find_from(name, "\"]");
			if (q == NULL || q == name) {
				size_t mlen = strcspn(m, " ");
				char *as = xstrndup(m, mlen < 12 ? mlen : 12);
				msg(MSG_INSERT_BAD, ep->path,
				    episode_line_of(ep, &at, b.line, i + 1 < ep->nblocks ? ep->blocks[i + 1].line : 0, as),
				    0, "\"%.40s\"", m);
				free(as);
				rc = -1;
				break;
			}
			char *before = xstrndup(t, (size_t)(m - t));
			size_t bl = strlen(before);
			while (bl > 0 && before[bl - 1] == ' ')
				before[--bl] = '\0';
			if (bl > 0) {
				if (n == cap)
					out = xreallocarray(out, (size_t)(cap *= 2) + 1, sizeof *out);
				out[n] = b;
				out[n++].text = before;
			} else {
				free(before);
			}
			char *file = xstrndup(name, (size_t)(q - name));
			char *as = xstrndup(m, (size_t)(q + 2 - m));
			/* doubled, not grown by one: ASan's realloc always copies */
			if ((ep->ninserts & (ep->ninserts - 1)) == 0)
				ep->inserts = xreallocarray(ep->inserts, ep->ninserts ? 2 * (size_t)ep->ninserts : 4,
							    sizeof *ep->inserts);
			struct insert *in = &ep->inserts[ep->ninserts++];
			in->path = file[0] == '/' ? xstrdup(file) : path_join(dir, file);
			in->line = episode_line_of(ep, &at, b.line,
						   i + 1 < ep->nblocks ? ep->blocks[i + 1].line : 0, as);
			in->after = n - 1;
			free(as);
			free(file);
			t = q + 2;
			while (*t == ' ')
				t++;
		}
		if (*t) {
			if (n == cap)
				out = xreallocarray(out, (size_t)(cap *= 2) + 1, sizeof *out);
			out[n] = b;
			out[n++].text = t == b.text ? b.text : xstrdup(t);
		}
		if (t != b.text)
			free(b.text);
	}
	free(dir);
	free(ep->blocks);
	ep->blocks = out;
	ep->nblocks = n;
	return rc;
}

/*
 * Who speaks each block: a paragraph that starts with a speaker label is
 * that speaker's (the label is not spoken), and so is what follows it up to
 * the next label. Headings, and what comes before the first label or after
 * a heading, are the first speaker's. A paragraph that is only a label
 * gives the turn without saying anything.
 */
/*
 * The label a paragraph's source line starts with, **Name:** or **Name**:
 * (a name of letters, digits, spaces, . - _ and ', up to 32 bytes), into
 * name; 0 when the line has none.
 */
/* U+FF1A, the colon of Chinese text: ends a speaker label as ':' does */
#define FULLWIDTH_COLON "\xef\xbc\x9a"

static int source_label(const struct episode *ep, struct episode_pos *at, int line, char *name,
			size_t size)
{
	const char *p = body_line_start(ep, at, line);
	if (p == NULL)
		return 0;
	p += strspn(p, " \t");
	if (strncmp(p, "**", 2) != 0)
		return 0;
	p += 2;
	size_t n = 0;
	while (n < size - 1 && n <= 32 && p[n] && strncmp(p + n, FULLWIDTH_COLON, 3) != 0 &&
	       (isalnum((unsigned char)p[n]) || (unsigned char)p[n] >= 0x80 || strchr(" .-_'", p[n])))
		n++;
	if (n == 0 || !(strncmp(p + n, ":**", 3) == 0 || strncmp(p + n, "**:", 3) == 0 ||
			strncmp(p + n, FULLWIDTH_COLON "**", 5) == 0 ||
			strncmp(p + n, "**" FULLWIDTH_COLON, 5) == 0))
		return 0;
	memcpy(name, p, n);
	name[n] = '\0';
	return 1;
}

/*
 * A paragraph that starts with a bold label that is not a declared
 * speaker: it is spoken by the voice before, label included. Warned about
 * at its line, with the declared name it is closest to (case, or two
 * edits at most) when there is one.
 */
static void check_label(const struct episode *ep, struct episode_pos *at, const struct block *b)
{
	char name[64], hint[192] = "";
	if (ep->speakers.n == 0 || !source_label(ep, at, b->line, name, sizeof name))
		return;
	size_t n = strlen(name);
	const char *t = b->text + strspn(b->text, " \t");
	if (strncmp(t, name, n) != 0 || (t[n] != ':' && strncmp(t + n, FULLWIDTH_COLON, 3) != 0))
		return;   /* the label's paragraph was cut at an insert: this is a later part */
	int best = -1, bd = 3;
	/* in characters: a two-character Chinese name one character off is a typo */
	int chars = 0, wide = 0;
	for (size_t k = 0; k < n; k++) {
		chars += ((unsigned char)name[k] & 0xC0) != 0x80;
		wide |= (unsigned char)name[k] >= 0x80;
	}
	int dist[64];
	for (int i = 0; i < ep->speakers.n && i < 64; i++) {
		const char *s = ep->speakers.v[i].name;
		int d = text_edit_distance(name, n, s, strlen(s), 2);
		if (strlen(s) == n && strncasecmp(s, name, n) == 0)
			d = 0;
		dist[i] = d;
		if (d < bd && (d == 0 || (chars > 2 && d < chars - 1) || (wide && chars == 2 && d == 1))) {
			bd = d;
			best = i;
		}
	}
	/* the closest names, all of them when several are as close ("小明 or 小红") */
	size_t h = 0;
	for (int i = best; best >= 0 && i < ep->speakers.n && i < 64 && h < sizeof hint - 1; i++) {
		if (dist[i] != bd)
			continue;
		int r = snprintf(hint + h, sizeof hint - h, "%s%s", h == 0 ? " (did you mean " : " or ",
				 ep->speakers.v[i].name);
		h = r < 0 ? h : h + (size_t)r;
	}
	if (best >= 0 && h < sizeof hint - 2)
		snprintf(hint + h, sizeof hint - h, "?)");
	else if (best >= 0)
		snprintf(hint, sizeof hint, " (did you mean %s?)", ep->speakers.v[best].name);
	msg(MSG_SPEAKER_UNDECLARED, ep->path, b->line, 0, "\"%s\"" MSG_SEP "%s", name, hint);
}

static void assign_speakers(struct episode *ep)
{
	int first = ep->speakers.n > 0 ? 0 : -1, cur = first, n = 0;
	struct episode_pos at = {0};
	for (int i = 0; i < ep->nblocks; i++) {
		struct block *b = &ep->blocks[i];
		size_t skip = 0;
		int k;
		if (b->kind == BLOCK_HEADING)
			cur = first;
		if (b->kind == BLOCK_PARAGRAPH && (k = speakers_label(&ep->speakers, b->text, &skip)) >= 0) {
			cur = k;
			memmove(b->text, b->text + skip, strlen(b->text + skip) + 1);
			if (b->text[0] == '\0') {
				free(b->text);
				continue;
			}
		} else if (b->kind == BLOCK_PARAGRAPH) {
			check_label(ep, &at, b);
		}
		b->speaker = cur;
		ep->blocks[n++] = *b;
	}
	ep->nblocks = n;
}

/*
 * The most lines a paragraph may have. md4c's time grows with a
 * paragraph's lines times its brackets (80,000 lines of "[x]" took 2 s,
 * 160,000 took 14), so a hostile paragraph is refused before it is
 * parsed; no spoken paragraph comes near.
 */
#define PARAGRAPH_MAX_LINES 1000

/* 0, or -1 after naming the first paragraph longer than PARAGRAPH_MAX_LINES. */
static int check_paragraph_lines(const struct episode *ep)
{
	int line = ep->body_line, start = 0, run = 0;
	for (const char *p = ep->body; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		size_t sp = strspn(p, " \t\r");
		if (sp >= len) {
			run = 0;
		} else if (run++ == 0) {
			start = line;
		}
		if (run > PARAGRAPH_MAX_LINES) {
			msg(MSG_BODY_LONG_PARAGRAPH, ep->path, start, 0, "%d", PARAGRAPH_MAX_LINES);
			return -1;
		}
		if (nl == NULL)
			break;
		p = nl + 1;
		line++;
	}
	return 0;
}

static int read_body(struct episode *ep, int emphasis)
{
	struct parse_state st = {0};
	MD_PARSER parser = {0};

	if (check_paragraph_lines(ep) != 0)
		return -1;

	st.ep = ep;
	st.emphasis = emphasis;
	char *doc = text_escape_range_tildes(ep->body, strlen(ep->body), &st.doc_len);
	st.doc = doc;
	st.section = -1;
	parser.abi_version = 0;
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS;
	parser.enter_block = enter_block;
	parser.leave_block = leave_block;
	parser.enter_span = enter_span;
	parser.leave_span = leave_span;
	parser.text = on_text;
	int rc = md_parse(st.doc, (MD_SIZE)st.doc_len, &parser, &st);
	free(doc);
	st.doc = NULL;
	buf_free(&st.text);
	buf_free(&st.skipped);
	free(st.heading_url);
	free(st.para_image);
	/* where each chapter image is written: from its heading's line on */
	struct episode_pos at = {0};
	for (int i = 0, b = 0; i < ep->nsections; i++) {
		while (b < ep->nblocks && !(ep->blocks[b].kind == BLOCK_HEADING &&
					     ep->blocks[b].section == i))
			b++;
		int hl = b < ep->nblocks ? ep->blocks[b].line : ep->body_line;
		if (ep->section_links[i].image)
			ep->section_links[i].image_line =
				episode_line_of(ep, &at, hl, 0, ep->section_links[i].image);
	}
	table_reset(&st);
	int bad_insert = split_inserts(ep) != 0;
	assign_speakers(ep);
	if (bad_insert)
		return -1;
	if (rc != 0) {
		msg(MSG_BODY_UNPARSED, ep->path, ep->body_line, 0, NULL);
		return -1;
	}
	if (ep->nblocks == 0) {
		msg(MSG_BODY_EMPTY, ep->path, ep->body_line, 0, NULL);
		return -1;
	}
	return 0;
}

/* ---- the whole episode ---- */

static int date_from_path(const char *path, char **date)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char tmp[11];
	char *t = NULL;
	if (strlen(base) < 11 || base[10] != '-')
		return -1;
	memcpy(tmp, base, 10);
	tmp[10] = '\0';
	if (parse_date(tmp, date, &t) != 0)
		return -1;
	free(t);
	return 0;
}

int episode_load(const char *path, const struct channel *ch, struct episode **out)
{
	struct episode *ep = xcalloc(1, sizeof *ep);
	size_t len, bad;
	int rc = -1;
	char *text = NULL;

	*out = NULL;
	ep->path = xstrdup(path);
	ep->explicit_ = -1;
	if (ch != NULL)
		bed_settings_copy(&ep->bed, &ch->bed);
	else
		bed_settings_init(&ep->bed);
	const char *why = NULL;
	text = input_read(path, INPUT_EPISODE, &len, &why);
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "episode" MSG_SEP "%s", why);
		goto out;
	}
	if (utf8_check(text, len, &bad) != 0) {
		if (text[bad] == '\0')
			msg(MSG_FILE_NUL, path, line_of(text, bad), 0, NULL);
		else
			msg(MSG_FILE_UTF8, path, line_of(text, bad), 0, " (byte 0x%02x)",
			    (unsigned char)text[bad]);
		goto out;
	}
	if (read_front_matter(ep, text, len) != 0)
		goto out;
	if (episode_is_draft_name(path))
		ep->draft = 1;
	int err = 0;
	if (ep->title == NULL || ep->title[strspn(ep->title, " \t")] == '\0') {
		msg(MSG_FM_NO_TITLE, path, 1, 0, NULL);
		err = 1;
	}
	char *name_date = NULL;
	if (date_from_path(path, &name_date) == 0 && ep->date != NULL && strcmp(name_date, ep->date) != 0)
		msg(MSG_FM_DATE_NAME, path, ep->date_line, 0, "%s" MSG_SEP "%s", ep->date, name_date);
	if (ep->date == NULL && name_date != NULL) {
		ep->date = name_date;
		name_date = NULL;
	}
	free(name_date);
	if (ep->date == NULL) {
		msg(MSG_FM_NO_DATE, path, 1, 0, NULL);
		err = 1;
	}
	if (ep->slug == NULL) {
		ep->slug = slug_from_path(path);
		if (!valid_slug(ep->slug)) {
			msg(MSG_FM_NO_SLUG, path, 1, 0, NULL);
			err = 1;
		}
	}
	if (ep->lang == NULL)
		ep->lang = xstrdup(ch && ch->language ? ch->language : "en");
	if (ep->voice == NULL)
		ep->voice = xstrdup(ch && ch->host_voice ? ch->host_voice : "host");
	if (ep->speakers.n == 0 && ch != NULL)
		speakers_copy(&ep->speakers, &ch->speakers);
	if (ep->description == NULL && ep->summary != NULL)
		ep->description = xstrdup(ep->summary);
	if (ep->episode_type == NULL)
		ep->episode_type = xstrdup("full");
	if (ep->table_rows == 0)
		ep->table_rows = ch && ch->table_rows ? ch->table_rows : 10;
	if (read_body(ep, ch && ch->emphasis) != 0)
		err = 1;
	rc = err ? -1 : 0;
out:
	free(text);
	if (rc == 0)
		*out = ep;
	else
		episode_free(&ep);
	return rc;
}

void episode_free(struct episode **epp)
{
	struct episode *ep = *epp;
	if (ep == NULL)
		return;
	char **strs[] = {
		&ep->path, &ep->title, &ep->date, &ep->time, &ep->description, &ep->summary,
		&ep->lang, &ep->voice, &ep->slug, &ep->author, &ep->guid, &ep->image, &ep->previous_slug,
		&ep->episode_type, &ep->body, &ep->license,
	};
	for (size_t i = 0; i < ARRAY_LEN(strs); i++)
		free(*strs[i]);
	free_list(&ep->tags, &ep->ntags);
	free_list(&ep->authors, &ep->nauthors);
	for (int i = 0; i < ep->nwriters; i++)
		writer_clear(&ep->writers[i]);
	free(ep->writers);
	for (int i = 0; i < ep->nlexicon; i++) {
		free(ep->lexicon[i].word);
		free(ep->lexicon[i].say);
	}
	free(ep->lexicon);
	speakers_clear(&ep->speakers);
	bed_settings_clear(&ep->bed);
	for (int i = 0; i < ep->ninserts; i++)
		free(ep->inserts[i].path);
	free(ep->inserts);
	for (int i = 0; i < ep->nblocks; i++)
		free(ep->blocks[i].text);
	free(ep->blocks);
	for (int i = 0; i < ep->nsections; i++) {
		free(ep->sections[i]);
		free(ep->section_links[i].url);
		free(ep->section_links[i].image);
	}
	free(ep->sections);
	free(ep->section_links);
	for (int i = 0; i < ep->nomitted; i++)
		free(ep->omitted[i].what);
	free(ep->omitted);
	free(ep->table_limits);
	free(ep);
	*epp = NULL;
}
