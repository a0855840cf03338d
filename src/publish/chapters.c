/*
 * chapters.c: chapters from the sections of a laid-out episode, and the
 * Podcasting 2.0 JSON chapters file (see chapters.h).
 *
 * In: episode (section titles), script (each segment's section), timeline
 * (where each segment starts). Out: struct chapter[] and JSON text.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "chapters.h"
#include "core/core.h"
#include "shownotes.h"

/* A heading as a listener reads it: no Speech Markdown, one clean line. */
static char *clean_title(const char *s)
{
	const char *t = s ? s : "";
	char *plain = shownotes_unspeech(t, strlen(t));
	char *r = xmltext_cleans(plain, XMLTEXT_LINE);
	free(plain);
	return r;
}

int chapters_from_timeline(const struct episode *ep, const struct script *s,
			   const struct timeline *tl, struct chapter **out)
{
	struct chapter *c = xcalloc((size_t)s->nsegs + 1, sizeof *c);
	int n = 0, first = 1;

	for (int i = 0; i < tl->n; i++) {
		const struct tl_item *it = &tl->items[i];
		if (it->kind != TL_SEGMENT || it->seg < 0 || it->seg >= s->nsegs)
			continue;
		const struct segment *seg = &s->segs[it->seg];
		int was_first = first;
		first = 0;
		if (seg->kind != BLOCK_HEADING || seg->section < 0 ||
		    seg->section >= ep->nsections)
			continue;
		if (n == 0 && !was_first) {
			/* text before the first heading */
			c[n].start = 0;
			c[n].title = clean_title(ep->title);
			n++;
		}
		c[n].start = n == 0 ? 0 : it->start;
		c[n].title = clean_title(ep->sections[seg->section]);
		if (ep->section_links) {
			const struct section_links *l = &ep->section_links[seg->section];
			c[n].url = l->url ? xstrdup(l->url) : NULL;
			c[n].img = l->image ? xstrdup(l->image) : NULL;
		}
		n++;
	}
	if (n == 0) {
		c[0].start = 0;
		c[0].title = clean_title(ep->title);
		n = 1;
	}
	*out = c;
	return n;
}

void chapters_free(struct chapter **c, int n)
{
	if (*c == NULL)
		return;
	chapters_list_free(*c, n);
	*c = NULL;
}

long long chapters_ms(int64_t frames, int rate)
{
	return (long long)chapter_ms(frames, rate);
}

void chapters_json_str(struct buf *b, const char *s)
{
	char *c = xmltext_cleans(s ? s : "", XMLTEXT_LINE);
	buf_putc(b, '"');
	for (const char *p = c; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '"' || ch == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)ch);
		} else if (ch < 0x20) {
			buf_printf(b, "\\u%04x", ch);
		} else {
			buf_putc(b, (char)ch);
		}
	}
	buf_putc(b, '"');
	free(c);
}

char *chapters_json(const struct chapter *c, int n, int rate,
		    const char *title, const char *podcast, const char *site)
{
	struct buf b = {0};
	buf_puts(&b, "{\n  \"version\": \"1.2.0\",\n");
	if (title) {
		buf_puts(&b, "  \"title\": ");
		chapters_json_str(&b, title);
		buf_puts(&b, ",\n");
	}
	if (podcast) {
		buf_puts(&b, "  \"podcastName\": ");
		chapters_json_str(&b, podcast);
		buf_puts(&b, ",\n");
	}
	buf_puts(&b, "  \"chapters\": [");
	for (int i = 0; i < n; i++) {
		long long ms = chapters_ms(c[i].start, rate);
		buf_printf(&b, "%s\n    {\n      \"startTime\": %lld.%03lld,\n      \"title\": ",
			   i ? "," : "", ms / 1000, ms % 1000);
		chapters_json_str(&b, c[i].title);
		if (c[i].img) {   /* an address a client can load: under the show's link */
			char *u = site && !strstr(c[i].img, "://") ? xasprintf("%s/%s", site, c[i].img)
								   : xstrdup(c[i].img);
			buf_puts(&b, ",\n      \"img\": ");
			chapters_json_str(&b, u);
			free(u);
		}
		if (c[i].url) {
			buf_puts(&b, ",\n      \"url\": ");
			chapters_json_str(&b, c[i].url);
		}
		buf_puts(&b, "\n    }");
	}
	buf_puts(&b, n ? "\n  ]\n}\n" : "]\n}\n");
	return buf_detach(&b);
}

int chapters_write_json(const char *path, const struct chapter *c, int n, int rate,
			const char *title, const char *podcast, const char *site)
{
	char *json = chapters_json(c, n, rate, title, podcast, site);
	int rc = 0;
	if (msg_write_file_atomic(path, json, strlen(json)) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the chapters" MSG_SEP "%s", strerror(errno));
		rc = -1;
	}
	free(json);
	return rc;
}

/* ---- reading the JSON file back (the feed and the pages) ---- */

/* The chapters file's keys read here; the rest are left alone. */
static const struct ykey chapters_keys[] = {
	{"chapters", YK_NODE, 0, 0, 0, 0, NULL},
};
static const struct ymap chapters_map = {
	.tab = chapters_keys, .n = ARRAY_LEN(chapters_keys), .other = ymap_ignore,
};

struct chapter_nodes {
	yaml_node_t *start, *title, *img, *url;
};
static const struct ykey chapter_keys[] = {
	{"startTime", YK_NODE, offsetof(struct chapter_nodes, start), 0, 0, 0, NULL},
	{"title", YK_NODE, offsetof(struct chapter_nodes, title), 0, 0, 0, NULL},
	{"img", YK_NODE, offsetof(struct chapter_nodes, img), 0, 0, 0, NULL},
	{"url", YK_NODE, offsetof(struct chapter_nodes, url), 0, 0, 0, NULL},
};
static const struct ymap chapter_map = {
	.tab = chapter_keys, .n = ARRAY_LEN(chapter_keys), .other = ymap_ignore,
};

int chapters_read_json(const char *path, struct chapter **out)
{
	size_t len;
	char *text = read_file(path, &len);
	struct ydoc y;
	struct chapter *v = NULL;
	int n = 0, rc = -1;
	memset(&y, 0, sizeof y);
	*out = NULL;
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the chapters" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	if (ydoc_load(&y, path, text, len, 1) != 0)
		goto out;
	yaml_node_t *root = ydoc_root(&y), *list = NULL;
	if (root && root->type == YAML_MAPPING_NODE)
		ydoc_read_map(&chapters_map, &list, &y, root);
	if (list == NULL || list->type != YAML_SEQUENCE_NODE) {
		msg(MSG_SITE_CHAPTERS_JSON, path, 0, 0, NULL);
		goto out;
	}
	int cnt = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
	v = xcalloc((size_t)cnt + 1, sizeof *v);
	for (int i = 0; i < cnt; i++) {
		yaml_node_t *c = ydoc_node(&y, list->data.sequence.items.start[i]);
		struct chapter_nodes cn = {NULL, NULL, NULL, NULL};
		if (c && c->type == YAML_MAPPING_NODE)
			ydoc_read_map(&chapter_map, &cn, &y, c);
		const char *st = ydoc_scalar(cn.start), *title = ydoc_scalar(cn.title);
		char *e = NULL;
		double t = st ? strtod(st, &e) : -1;
		if (st == NULL || e == st || *e != '\0' || !(t >= 0 && t < 9e12)) {
			msg(MSG_SITE_CHAPTER_TIME, path, c ? ydoc_line(&y, c) : 0, 0, NULL);
			goto out;
		}
		v[n].start = llround(t * CHAPTERS_JSON_RATE);
		v[n].title = xstrdup(title ? title : "");
		const char *img = ydoc_scalar(cn.img), *url = ydoc_scalar(cn.url);
		v[n].img = img && url_publishable(img) ? xstrdup(img) : NULL;
		v[n].url = url && url_publishable(url) ? xstrdup(url) : NULL;
		n++;
	}
	rc = n;
out:
	if (rc < 0) {
		chapters_list_free(v, n);
	} else {
		*out = v;
	}
	ydoc_free(&y);
	free(text);
	return rc;
}

void chapters_list_free(struct chapter *c, int n)
{
	for (int i = 0; c && i < n; i++) {
		free(c[i].title);
		free(c[i].url);
		free(c[i].img);
		free(c[i].img_file);
	}
	free(c);
}
