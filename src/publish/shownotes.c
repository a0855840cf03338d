/*
 * shownotes.c: the episode Markdown made into show notes (see shownotes.h).
 *
 * In: struct episode (its Markdown body and parsed blocks). Out: an HTML
 * fragment rendered by md4c-html for content:encoded, a plain text
 * summary for the description (the pages are site.c's). Speech Markdown
 * is found by the speech stage's own scanner (speech_markup_at), so what
 * is shown and what is spoken agree on what is markup; this file knows
 * only where Markdown puts text that is not prose (code, escapes, links).
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <md4c-html.h>

#include "shownotes.h"
#include "core/core.h"
#include "script/script.h"

/* ---- Speech Markdown out: the elements speech_markup_at finds (speech.h), in prose ---- */

/*
 * Where the paragraph holding md[i] ends: at the next blank line, or at n.
 * Markup never reaches past it: the speech stage reads one block at a time.
 */
static size_t para_end(const char *md, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (md[i] != '\n')
			continue;
		size_t j = i + 1;
		while (j < n && (md[j] == ' ' || md[j] == '\t'))
			j++;
		if (j >= n || md[j] == '\n')
			return i;
	}
	return n;
}

/* Length of a run of c at s. */
static size_t run_of(const char *s, size_t n, char c)
{
	size_t i = 0;
	while (i < n && s[i] == c)
		i++;
	return i;
}

/* A fence line (up to three spaces, then three or more ` or ~): its char and length. */
static int fence_at(const char *s, size_t n, char *ch, size_t *len)
{
	size_t i = 0;
	while (i < n && i < 3 && s[i] == ' ')
		i++;
	if (i < n && (s[i] == '`' || s[i] == '~')) {
		size_t k = run_of(s + i, n - i, s[i]);
		if (k >= 3) {
			*ch = s[i];
			*len = k;
			return 1;
		}
	}
	return 0;
}

/*
 * speech_markup_at within the paragraph holding md[i]; *pend keeps where
 * that paragraph ends (0: not known yet), so that a paragraph of many
 * brackets is scanned once, not once a bracket.
 */
static int markup_in_para(const char *md, size_t n, size_t i, size_t *pend,
			  struct speech_markup_hint *h, struct speech_markup *e)
{
	if (*pend == 0 || i > *pend)
		*pend = para_end(md, n, i);
	return speech_markup_next(md, *pend, i, e, h);
}

char *shownotes_unspeech(const char *md, size_t n)
{
	struct buf b = {0};
	char fch = 0;
	size_t flen = 0; /* inside a fenced code block when > 0 */
	size_t i = 0;
	size_t pend = 0;  /* where the paragraph at i ends (para_end); 0: not known */
	struct speech_markup_hint hint = {0};
	struct speech_markup e;

	buf_puts(&b, "");
	while (i < n) {
		int bol = i == 0 || md[i - 1] == '\n';
		if (bol) {
			char c;
			size_t k;
			if (fence_at(md + i, n - i, &c, &k)) {
				if (flen == 0) {
					fch = c;
					flen = k;
				} else if (c == fch && k >= flen) {
					flen = 0;
				}
			}
			if (flen > 0 || fence_at(md + i, n - i, &c, &k)) {
				/* copy the whole line as it is */
				size_t e = i;
				while (e < n && md[e] != '\n')
					e++;
				if (e < n)
					e++;
				buf_add(&b, md + i, e - i);
				i = e;
				continue;
			}
		}
		char c = md[i];
		if (c == '\\' && i + 1 < n) {
			buf_add(&b, md + i, 2);
			i += 2;
		} else if (c == '`') {
			/* a code span: up to the closing run of the same length */
			size_t k = run_of(md + i, n - i, '`');
			size_t j = i + k, end = 0;
			while (j < n) {
				if (md[j] == '`') {
					size_t m = run_of(md + j, n - j, '`');
					if (m == k) {
						end = j + m;
						break;
					}
					j += m;
				} else {
					j++;
				}
			}
			if (end == 0)
				end = i + k;
			buf_add(&b, md + i, end - i);
			i = end;
		} else if ((c == '(' || c == '[') && markup_in_para(md, n, i, &pend, &hint, &e) &&
			   e.kind != SPEECH_MARKUP_UNTERMINATED) {
			if (e.kind == SPEECH_MARKUP_MODIFIED) {
				/* (text)[key:"value"] keeps the text */
				char *inner = shownotes_unspeech(md + e.tst, e.ten - e.tst);
				buf_puts(&b, inner);
				free(inner);
				i = e.en;
			} else if (e.en < n && (md[e.en] == '(' || md[e.en] == '[' || md[e.en] == ':')) {
				/* not when it is the text of a link or a reference */
				buf_putc(&b, c);
				i++;
			} else {
				/* a pause, a break or an insert goes, and a space before it that is left over */
				i = e.en;
				if (b.len > 0 && b.data[b.len - 1] == ' ') {
					if (i < n && md[i] == ' ')
						i++;
					else if (i >= n || strchr(".,;:!?\n", md[i]))
						b.data[--b.len] = '\0';
				}
			}
		} else {
			buf_putc(&b, c);
			i++;
		}
	}
	return buf_detach(&b);
}

/* ---- HTML ---- */

static void html_sink(const MD_CHAR *text, MD_SIZE size, void *ud)
{
	buf_add(ud, text, size);
}

/* Appends text HTML-escaped for an element's content. */
static void html_escape_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		default: buf_putc(b, *s); break;
		}
	}
}

/* Appends s HTML-escaped for an attribute value (or text). */
static void html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
	}
}

/* The scheme of url in lower case (the caller frees), or NULL when it has none. */
static char *url_scheme(const char *url)
{
	size_t i = 0;
	if (!isalpha((unsigned char)url[0]))
		return NULL;
	while (isalnum((unsigned char)url[i]) || url[i] == '+' || url[i] == '-' || url[i] == '.')
		i++;
	if (url[i] != ':')
		return NULL;
	char *s = xstrndup(url, i);
	for (char *p = s; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

/*
 * The one rule for a link target of the notes, as the feed's and the
 * settings' URLs follow it (url_publishable, util.h): an http(s) address,
 * or a path in the site with no scheme. Anything else is left out:
 * javascript:, data:, vbscript:, file:, mailto:, a scheme hidden by a
 * control character, "//host" with no scheme, a backslash (which browsers
 * take for a slash), spaces, quotes, < and >. url is the target as the
 * browser would see it (entities decoded), leading white space skipped.
 */
static int link_publishable(const char *url)
{
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"<>\\`", *p) != NULL)
			return 0;
	char *scheme = url_scheme(url);
	if (scheme) {
		int ok = strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0;
		free(scheme);
		return ok && url_publishable(url);
	}
	if (strchr(url, ':') && strcspn(url, ":") < strcspn(url, "/?#"))
		return 0; /* looks like a scheme we could not read ("java&#0;script:") */
	if (url[0] == '/' && url[1] == '/')
		return 0; /* "//host/x": another site without saying how to reach it */
	return 1;
}

/* Skips the white space a browser skips at the start of a URL. */
static const char *url_start(const char *url)
{
	while (*url == ' ' || *url == '\t' || *url == '\n' || *url == '\r' || *url == '\f')
		url++;
	return url;
}

/*
 * The published form of a link target: absolute against base, or NULL when
 * it must not be published (link_publishable). The caller frees.
 */
static char *publish_url(const char *url, const char *base)
{
	url = url_start(url);
	if (!link_publishable(url))
		return NULL;
	char *scheme = url_scheme(url);
	int absolute = scheme != NULL;
	free(scheme);
	if (absolute || base == NULL || base[0] == '\0')
		return xstrdup(url);
	char *root = xasprintf("%s/", base);
	xmlChar *abs = xmlBuildURI((const xmlChar *)url, (const xmlChar *)root);
	free(root);
	if (abs == NULL)
		return NULL;
	char *r = xstrdup((const char *)abs);
	xmlFree(abs);
	return r;
}

/*
 * The HTML that may be published. Elements not listed are unwrapped (their
 * content kept); those in drop_elements go with everything in them; only
 * the attributes listed are kept.
 */
static const char *const keep_elements[] = {
	"a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt",
	"em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark",
	"ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody",
	"td", "tfoot", "th", "thead", "tr", "u", "ul",
};
static const char *const drop_elements[] = {
	"applet", "audio", "base", "button", "canvas", "embed", "form", "frame",
	"frameset", "head", "iframe", "input", "link", "math", "meta", "noscript",
	"object", "script", "select", "style", "svg", "template", "textarea", "title",
	"video",
};
static const char *const void_elements[] = {"br", "hr", "img"};
static const struct {
	const char *element, *attr;
} keep_attrs[] = {
	{"a", "href"}, {"a", "title"}, {"img", "src"}, {"img", "alt"}, {"img", "title"},
	{"abbr", "title"}, {"ol", "start"}, {"th", "align"}, {"td", "align"},
	{"code", "class"},
};

static int listed(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* Writes the published form of node's children to b. */
static void sanitise_children(struct buf *b, xmlNodePtr node, const char *base);

static void sanitise_node(struct buf *b, xmlNodePtr n, const char *base)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		xmlChar *t = xmlNodeGetContent(n);
		html_escape_text(b, t ? (const char *)t : "");
		xmlFree(t);
		return;
	}
	if (n->type != XML_ELEMENT_NODE) /* comments, processing instructions */
		return;
	const char *name = (const char *)n->name;
	if (listed(drop_elements, ARRAY_LEN(drop_elements), name))
		return;
	if (!listed(keep_elements, ARRAY_LEN(keep_elements), name)) {
		sanitise_children(b, n, base);
		return;
	}
	buf_printf(b, "<%s", name);
	for (size_t i = 0; i < ARRAY_LEN(keep_attrs); i++) {
		if (strcmp(keep_attrs[i].element, name) != 0)
			continue;
		xmlChar *v = xmlGetProp(n, BAD_CAST keep_attrs[i].attr);
		if (v == NULL)
			continue;
		char *val = NULL;
		int is_url = strcmp(keep_attrs[i].attr, "href") == 0 ||
			     strcmp(keep_attrs[i].attr, "src") == 0;
		val = is_url ? publish_url((const char *)v, base) : xstrdup((const char *)v);
		if (val) {
			buf_printf(b, " %s=\"", keep_attrs[i].attr);
			html_escape(b, val);
			buf_putc(b, '"');
		}
		free(val);
		xmlFree(v);
	}
	if (listed(void_elements, ARRAY_LEN(void_elements), name)) {
		buf_puts(b, " />");
		return;
	}
	buf_putc(b, '>');
	sanitise_children(b, n, base);
	buf_printf(b, "</%s>", name);
}

static void sanitise_children(struct buf *b, xmlNodePtr node, const char *base)
{
	for (xmlNodePtr c = node->children; c; c = c->next)
		sanitise_node(b, c, base);
}

/*
 * Parses html (md4c-html's output, which may carry raw HTML from the
 * Markdown) with libxml2's HTML parser and writes back only what may be
 * published. The caller frees.
 */
static char *sanitise_html(const char *html, const char *base)
{
	struct buf b = {0};
	buf_puts(&b, "");
	if (html[0] == '\0')
		return buf_detach(&b);
	char *page = xasprintf("<!DOCTYPE html><html><body>%s</body></html>", html);
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET);
	free(page);
	if (doc == NULL)
		return buf_detach(&b);
	for (xmlNodePtr c = doc->children; c; c = c->next) {
		/* the fragment may come wrapped in html and body elements */
		if (c->type == XML_ELEMENT_NODE && (strcmp((const char *)c->name, "html") == 0 ||
						    strcmp((const char *)c->name, "body") == 0)) {
			for (xmlNodePtr d = c->children; d; d = d->next)
				if (d->type == XML_ELEMENT_NODE &&
				    strcmp((const char *)d->name, "body") == 0)
					sanitise_children(&b, d, base);
				else
					sanitise_node(&b, d, base);
		} else {
			sanitise_node(&b, c, base);
		}
	}
	xmlFreeDoc(doc);
	return buf_detach(&b);
}

/*
 * What Apple Podcasts renders in <content:encoded>: paragraphs, lists and
 * links. Each element of the published notes becomes the one named here
 * (NULL: dropped with its content); any other is unwrapped, its text kept.
 */
static const struct {
	const char *from, *to;
} apple_elements[] = {
	{"p", "p"}, {"ul", "ul"}, {"ol", "ol"}, {"li", "li"}, {"a", "a"},
	{"h1", "p"}, {"h2", "p"}, {"h3", "p"}, {"h4", "p"}, {"h5", "p"}, {"h6", "p"},
	{"pre", "p"}, {"tr", "p"}, {"dt", "p"}, {"dd", "p"},
	{"img", NULL}, {"hr", NULL},
};

static void apple_children(struct buf *b, xmlNodePtr node);

static void apple_node(struct buf *b, xmlNodePtr n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		xmlChar *t = xmlNodeGetContent(n);
		html_escape_text(b, t ? (const char *)t : "");
		xmlFree(t);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	const char *name = (const char *)n->name, *to = "";
	for (size_t i = 0; i < ARRAY_LEN(apple_elements) && to && !to[0]; i++)
		if (strcmp(apple_elements[i].from, name) == 0)
			to = apple_elements[i].to;
	if (to == NULL)
		return;
	if (!to[0]) {   /* unwrapped: a table cell or a line break still parts words */
		apple_children(b, n);
		if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0 || strcmp(name, "br") == 0)
			buf_putc(b, ' ');
		return;
	}
	buf_printf(b, "<%s", to);
	xmlChar *href = strcmp(to, "a") == 0 ? xmlGetProp(n, BAD_CAST "href") : NULL;
	if (href) {
		buf_puts(b, " href=\"");
		html_escape(b, (const char *)href);
		buf_putc(b, '"');
		xmlFree(href);
	}
	buf_putc(b, '>');
	apple_children(b, n);
	buf_printf(b, "</%s>", to);
}

static void apple_children(struct buf *b, xmlNodePtr node)
{
	for (xmlNodePtr c = node->children; c; c = c->next)
		apple_node(b, c);
}

char *shownotes_apple(const char *html)
{
	struct buf b = {0};
	buf_puts(&b, "");
	if (html == NULL || html[0] == '\0')
		return buf_detach(&b);
	char *page = xasprintf("<!DOCTYPE html><html><body>%s</body></html>", html);
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					HTML_PARSE_NONET);
	free(page);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "body") == 0)
			apple_children(&b, c);
	if (doc)
		xmlFreeDoc(doc);
	return buf_detach(&b);
}

char *shownotes_html(const struct episode *ep, const char *base_url)
{
	const char *body = ep->body ? ep->body : "";
	char *md0 = shownotes_unspeech(body, strlen(body));
	size_t mdn;
	char *md = text_escape_range_tildes(md0, strlen(md0), &mdn);   /* "5~6 years": a range, not struck */
	free(md0);
	struct buf out = {0};
	char *result = NULL, *safe = NULL;
	unsigned flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
			 MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS;

	buf_puts(&out, "");
	if (md_html(md, (MD_SIZE)strlen(md), html_sink, &out, flags,
		    MD_HTML_FLAG_XHTML | MD_HTML_FLAG_SKIP_UTF8_BOM) != 0) {
		msg(MSG_NOTES_HTML, ep->path, ep->body_line, 0, NULL);
		goto out;
	}
	safe = sanitise_html(out.data, base_url);
	result = xmltext_clean(safe, strlen(safe), 0, NULL);
out:
	free(safe);
	free(md);
	buf_free(&out);
	return result;
}

/* ---- the links the notes leave out, named before they are published ---- */

/* HTML5's named entities that spell URL punctuation (libxml2's table is HTML 4's). */
static const struct {
	const char *name, *text;
} url_entities[] = {
	{"colon", ":"}, {"sol", "/"}, {"bsol", "\\"}, {"Tab", "\t"}, {"NewLine", "\n"},
	{"period", "."}, {"lpar", "("}, {"rpar", ")"}, {"excl", "!"}, {"quest", "?"},
	{"num", "#"}, {"comma", ","}, {"semi", ";"}, {"equals", "="}, {"plus", "+"},
	{"lowbar", "_"}, {"percnt", "%"}, {"commat", "@"}, {"dollar", "$"}, {"ast", "*"},
	{"grave", "`"}, {"apos", "'"}, {"lsqb", "["}, {"rsqb", "]"},
};

/* Appends the text of the entity s (with & and ;) as md4c-html writes it. */
static void entity_put(struct buf *b, const char *s, size_t n)
{
	char name[40];
	if (n < 3 || n - 2 >= sizeof name) {
		buf_add(b, s, n);
		return;
	}
	memcpy(name, s + 1, n - 2);
	name[n - 2] = '\0';
	if (name[0] == '#') {
		unsigned long cp = name[1] == 'x' || name[1] == 'X' ? strtoul(name + 2, NULL, 16)
								     : strtoul(name + 1, NULL, 10);
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		char u[4];
		size_t k = 0;
		if (cp < 0x80) {
			u[k++] = (char)cp;
		} else if (cp < 0x800) {
			u[k++] = (char)(0xC0 | (cp >> 6));
			u[k++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			u[k++] = (char)(0xE0 | (cp >> 12));
			u[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			u[k++] = (char)(0x80 | (cp & 0x3F));
		} else {
			u[k++] = (char)(0xF0 | (cp >> 18));
			u[k++] = (char)(0x80 | ((cp >> 12) & 0x3F));
			u[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
			u[k++] = (char)(0x80 | (cp & 0x3F));
		}
		buf_add(b, u, k);
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(url_entities); i++)
		if (strcmp(url_entities[i].name, name) == 0) {
			buf_puts(b, url_entities[i].text);
			return;
		}
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
	if (e == NULL) {
		buf_add(b, s, n);
		return;
	}
	char num[16];
	snprintf(num, sizeof num, "&#%u;", e->value);
	entity_put(b, num, strlen(num));
}

/*
 * A link target of the Markdown as the page will have it: entities
 * decoded, then escaped for a URL as md4c-html escapes it. The caller frees.
 */
static char *md_link_target(const MD_ATTRIBUTE *a)
{
	struct buf d = {0}, b = {0};
	buf_puts(&d, "");
	for (int i = 0; a->substr_offsets[i] < a->size; i++) {
		const char *s = a->text + a->substr_offsets[i];
		size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			buf_puts(&d, "\xEF\xBF\xBD");
		else if (a->substr_types[i] == MD_TEXT_ENTITY)
			entity_put(&d, s, n);
		else
			buf_add(&d, s, n);
	}
	buf_puts(&b, "");
	for (size_t i = 0; i < d.len; i++) {
		unsigned char c = (unsigned char)d.data[i];
		if (isalnum(c) || strchr("~-_.+!*(),%#@?=;:/$&", c) != NULL)
			buf_putc(&b, (char)c);
		else
			buf_printf(&b, "%%%02X", c);
	}
	buf_free(&d);
	return buf_detach(&b);
}

struct linkscan {
	const struct episode *ep;
	const char *base;
	const char *md;          /* the Markdown the notes are made from */
	size_t n;
	size_t line_off;         /* lines are counted up to here */
	int line;
	struct buf html;         /* raw HTML collected, from html_at */
	size_t html_at;
	int in_html;
	char *pending;           /* a link target whose place is its text's */
	size_t last_off;         /* the last place known in md */
	int bad;
};

/* The line in the episode file of offset off of the Markdown. */
static int scan_line(struct linkscan *ls, size_t off)
{
	if (off < ls->line_off) {
		ls->line_off = 0;
		ls->line = ls->ep->body_line;
	}
	for (; ls->line_off < off && ls->line_off < ls->n; ls->line_off++)
		ls->line += ls->md[ls->line_off] == '\n';
	return ls->line;
}

static int in_md(const struct linkscan *ls, const char *p)
{
	return p >= ls->md && p < ls->md + ls->n;
}

/* Reports url, at line, when the notes leave it out. */
static void scan_verdict(struct linkscan *ls, const char *url, int line)
{
	char *pub = publish_url(url, ls->base);
	if (pub == NULL) {
		struct buf b = {0};
		buf_puts(&b, "");
		for (const unsigned char *p = (const unsigned char *)url; *p && b.len < 200; p++)
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(&b, "\\x%02X", *p);
			else
				buf_putc(&b, (char)*p);
		msg(MSG_NOTES_UNSAFE_LINK, ls->ep->path, line, 0, "\"%s\"", b.data);
		buf_free(&b);
		ls->bad++;
	}
	free(pub);
}

static void scan_pending(struct linkscan *ls, size_t off)
{
	if (ls->pending == NULL)
		return;
	scan_verdict(ls, ls->pending, scan_line(ls, off));
	free(ls->pending);
	ls->pending = NULL;
}

static void scan_html_node(struct linkscan *ls, xmlNodePtr n, int line0)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *attr = strcmp((const char *)n->name, "a") == 0   ? "href"
				   : strcmp((const char *)n->name, "img") == 0 ? "src"
									      : NULL;
		xmlChar *v = attr ? xmlGetProp(n, BAD_CAST attr) : NULL;
		if (v) {
			long l = xmlGetLineNo(n);
			scan_verdict(ls, (const char *)v, line0 + (l > 0 ? (int)l - 1 : 0));
			xmlFree(v);
		}
		scan_html_node(ls, n->children, line0);
	}
}

/* Parses the raw HTML collected as the notes will, and judges its links. */
static void scan_html_flush(struct linkscan *ls)
{
	if (!ls->in_html)
		return;
	ls->in_html = 0;
	int line0 = scan_line(ls, ls->html_at);
	char *page = xasprintf("<!DOCTYPE html><html><body>%s</body></html>", ls->html.data);
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	free(page);
	if (doc) {
		scan_html_node(ls, doc->children, line0);
		xmlFreeDoc(doc);
	}
	buf_free(&ls->html);
}

static int scan_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct linkscan *ls = ud;
	scan_html_flush(ls);
	return 0;
}

static int scan_enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct linkscan *ls = ud;
	const MD_ATTRIBUTE *a = type == MD_SPAN_A     ? &((MD_SPAN_A_DETAIL *)detail)->href
				: type == MD_SPAN_IMG ? &((MD_SPAN_IMG_DETAIL *)detail)->src
						      : NULL;
	scan_html_flush(ls);
	scan_pending(ls, ls->last_off);
	if (a == NULL)
		return 0;
	char *url = md_link_target(a);
	if (a->size > 0 && in_md(ls, a->text)) {
		scan_verdict(ls, url, scan_line(ls, (size_t)(a->text - ls->md)));
		free(url);
	} else {
		ls->pending = url; /* placed at its text */
	}
	return 0;
}

static int scan_leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct linkscan *ls = ud;
	scan_html_flush(ls);
	scan_pending(ls, ls->last_off);
	return 0;
}

static int scan_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
	struct linkscan *ls = ud;
	if (in_md(ls, text))
		ls->last_off = (size_t)(text - ls->md);
	scan_pending(ls, ls->last_off);
	if (type != MD_TEXT_HTML) {
		scan_html_flush(ls);
		return 0;
	}
	if (!ls->in_html) {
		ls->in_html = 1;
		ls->html_at = ls->last_off;
		buf_puts(&ls->html, "");
	}
	buf_add(&ls->html, text, size);
	return 0;
}

int shownotes_check_links(const struct episode *ep, const char *base_url)
{
	const char *body = ep->body ? ep->body : "";
	struct linkscan ls = {0};
	ls.ep = ep;
	ls.base = base_url;
	char *md0 = shownotes_unspeech(body, strlen(body));
	size_t mdn;
	char *md = text_escape_range_tildes(md0, strlen(md0), &mdn);   /* "5~6 years": a range, not struck */
	free(md0);
	ls.md = md;
	ls.n = strlen(md);
	ls.line = ep->body_line;
	MD_PARSER parser = {0};
	parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEURLAUTOLINKS |
		       MD_FLAG_PERMISSIVEWWWAUTOLINKS;
	parser.enter_block = scan_block;
	parser.leave_block = scan_block;
	parser.enter_span = scan_enter_span;
	parser.leave_span = scan_leave_span;
	parser.text = scan_text;
	md_parse(md, (MD_SIZE)ls.n, &parser, &ls);
	scan_html_flush(&ls);
	scan_pending(&ls, ls.last_off);
	buf_free(&ls.html);
	free(md);
	return ls.bad;
}

/* ---- plain text ---- */

char *shownotes_summary(const struct episode *ep, size_t max)
{
	const char *src = NULL;
	char *plain = NULL, *text;

	if (ep->description && ep->description[0])
		src = ep->description;
	else if (ep->summary && ep->summary[0])
		src = ep->summary;
	else
		for (int i = 0; i < ep->nblocks && src == NULL; i++)
			if (ep->blocks[i].kind == BLOCK_PARAGRAPH && ep->blocks[i].text)
				src = plain = shownotes_unspeech(ep->blocks[i].text,
								  strlen(ep->blocks[i].text));
	text = xmltext_cleans(src ? src : "", XMLTEXT_LINE);
	free(plain);
	if (max > 8 && strlen(text) > max) {
		/* cut at the last space before max (or at a character boundary) */
		size_t cut = max - 3;
		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		size_t sp = cut;
		while (sp > max / 2 && text[sp] != ' ')
			sp--;
		if (text[sp] == ' ')
			cut = sp;
		while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == ',' ||
				   text[cut - 1] == ';' || text[cut - 1] == ':'))
			cut--;
		text[cut] = '\0';
		char *t = xasprintf("%s\xE2\x80\xA6", text); /* U+2026 */
		free(text);
		text = t;
	}
	return text;
}
