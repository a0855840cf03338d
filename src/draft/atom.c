/*
 * atom.c: public-inbox Atom feeds (new.atom, t.atom) as messages.
 *
 * In: the feed's bytes, parsed with libxml2 (no network, no entities
 * loaded). Out: one struct mail_msg per <entry> added to the mailbox; the
 * Message-ID comes from the entry's archive link, whose last path segment
 * public-inbox makes the percent-encoded Message-ID, and the parent from
 * thr:in-reply-to (RFC 4685).
 */
#include "atom.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mailbox.h"
#include "core/core.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define THR_NS "http://purl.org/syndication/thread/1.0"

/* 1 when n is an element called name in namespace ns (any namespace when ns is NULL). */
static int is_elem(xmlNodePtr n, const char *ns, const char *name)
{
	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return 0;
	if (ns == NULL)
		return 1;
	return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

static xmlNodePtr child(xmlNodePtr n, const char *ns, const char *name)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is_elem(c, ns, name))
			return c;
	return NULL;
}

/* The text of n, cleaned (one line when oneline); the caller frees; "" when n is NULL. */
static char *text_of(xmlNodePtr n, int oneline)
{
	if (n == NULL)
		return xstrdup("");
	xmlChar *s = xmlNodeGetContent(n);
	char *r = mail_clean_text(s ? (const char *)s : "", s ? strlen((const char *)s) : 0, oneline);
	xmlFree(s);
	return r;
}

static char *attr(xmlNodePtr n, const char *name)
{
	xmlChar *s = xmlGetProp(n, BAD_CAST name);
	if (s == NULL)
		return NULL;
	char *r = mail_clean_text((const char *)s, strlen((const char *)s), 1);
	xmlFree(s);
	return r;
}

/* RFC 3339 ("2026-11-16T18:00:00Z", "...+01:00") to seconds; 0 when it is not one. */
static long long parse_rfc3339(const char *s)
{
	int y, mo, d, h, mi, sec, used = 0;
	if (sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6)
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1970)
		return 0;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			.tm_hour = h, .tm_min = mi, .tm_sec = sec};
	long long t = (long long)timegm(&tm);
	const char *z = s + used;
	if (*z == '.')
		for (z++; *z >= '0' && *z <= '9'; z++)
			;
	int zh, zm;
	if ((*z == '+' || *z == '-') && sscanf(z + 1, "%2d:%2d", &zh, &zm) == 2)
		t -= (*z == '+' ? 1 : -1) * (zh * 3600LL + zm * 60LL);
	return t;
}

/* The list's name in an archive URL: the path segment before the Message-ID's. */
static char *list_from_url(const char *url)
{
	const char *p = strstr(url, "://");
	if (p == NULL)
		return NULL;
	p = strchr(p + 3, '/');
	if (p == NULL)
		return NULL;
	p++;
	const char *e = strchr(p, '/');
	if (e == NULL || e == p || strchr(e + 1, '/') == NULL)
		return NULL;
	return xstrndup(p, (size_t)(e - p));
}

/* The body text of an Atom <content>: text, xhtml, or html parsed as such. */
static char *content_text(xmlNodePtr c)
{
	if (c == NULL)
		return xstrdup("");
	char *type = attr(c, "type");
	char *r;
	if (type && strcmp(type, "html") == 0) {
		xmlChar *s = xmlNodeGetContent(c);
		htmlDocPtr h = NULL;
		if (s && s[0])
			h = htmlReadMemory((const char *)s, (int)strlen((const char *)s), NULL, "UTF-8",
					   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
		r = text_of(h ? xmlDocGetRootElement(h) : NULL, 0);
		if (h)
			xmlFreeDoc(h);
		xmlFree(s);
	} else {
		r = text_of(c, 0);
	}
	free(type);
	return r;
}

/* One <entry>; returns 0, or 1 when it was skipped (warned about). */
static int read_entry(struct mailbox *mb, const char *name, int index, xmlNodePtr e)
{
	char *url = NULL;
	for (xmlNodePtr l = e->children; l; l = l->next) {
		if (!is_elem(l, ATOM_NS, "link"))
			continue;
		char *rel = attr(l, "rel");
		if (rel == NULL || strcmp(rel, "alternate") == 0) {
			free(url);
			url = attr(l, "href");
		}
		free(rel);
		if (url)
			break;
	}
	if (url != NULL && !url_publishable(url)) {
		msg(MSG_MAIL_URL, name, (int)xmlGetLineNo(e), 0, "%d" MSG_SEP "\"%s\"", index, url);
		free(url);
		return 1;
	}
	char *id = mail_id_from_url(url);
	if (id == NULL) {
		msg(MSG_ATOM_NO_LINK, name, (int)xmlGetLineNo(e), 0, "%d", index);
		free(url);
		return 1;
	}
	struct mail_msg *m = mailbox_add(mb, name, index);
	m->line = (int)xmlGetLineNo(e);
	m->id = id;
	m->url = url;
	m->list = list_from_url(url);
	m->subject = text_of(child(e, ATOM_NS, "title"), 1);
	xmlNodePtr a = child(e, ATOM_NS, "author");
	m->author = text_of(a ? child(a, ATOM_NS, "name") : NULL, 1);
	char *email = text_of(a ? child(a, ATOM_NS, "email") : NULL, 1);
	if (email[0])
		m->addr = mail_addr_norm(email, strlen(email));
	if (m->author[0] == '\0' && a) {
		free(m->author);
		m->author = email;
		email = NULL;
	}
	free(email);
	xmlNodePtr d = child(e, ATOM_NS, "updated");
	if (d == NULL)
		d = child(e, ATOM_NS, "published");
	char *ds = text_of(d, 1);
	m->date = parse_rfc3339(ds);
	free(ds);
	xmlNodePtr r = child(e, THR_NS, "in-reply-to");
	if (r) {
		char *href = attr(r, "href");
		m->in_reply_to = mail_id_from_url(href);
		free(href);
	}
	m->body = content_text(child(e, ATOM_NS, "content"));
	return 0;
}

/*
 * The line of a document type declaration in the prolog (before the root
 * element), or 0 when there is none. An Atom feed needs none, and one may
 * declare entities that expand a small file into gigabytes (in attribute
 * values while parsing, in text through xmlNodeGetContent).
 */
static int doctype_line(const char *d, size_t n)
{
	size_t i = 0;
	int line = 1;
	while (i < n) {
		if (d[i] == '\n')
			line++;
		if (d[i] != '<') {
			i++;
			continue;
		}
		const char *end = NULL;
		if (i + 1 < n && d[i + 1] == '?')
			end = memmem(d + i, n - i, "?>", 2);
		else if (n - i >= 4 && memcmp(d + i, "<!--", 4) == 0)
			end = memmem(d + i + 4, n - i - 4, "-->", 3);
		else if (n - i >= 9 && memcmp(d + i, "<!DOCTYPE", 9) == 0)
			return line;
		else
			return 0;   /* the root element (or not XML: the parser says) */
		if (end == NULL)
			return 0;
		for (const char *p = d + i; p < end; p++)
			line += *p == '\n';
		i = (size_t)(end - d) + 2;
	}
	return 0;
}

int atom_read(struct mailbox *mb, const char *name, const char *data, size_t n)
{
	int rc = -1;
	int dl = doctype_line(data, n);
	if (dl > 0) {
		msg(MSG_ATOM_DTD, name, dl, 0, NULL);
		return -1;
	}
	if (n > (size_t)0x7fffffff) {
		msg(MSG_ATOM_TOO_LARGE, name, 0, 0, "%zu bytes", n);
		return -1;
	}
	xmlResetLastError();
	xmlDocPtr doc = xmlReadMemory(data, (int)n, name, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL) {
		const xmlError *err = xmlGetLastError();
		char *why = err && err->message ? mail_clean_text(err->message, strlen(err->message), 1)
						: xstrdup("unknown error");
		msg(MSG_ATOM_XML, name, err ? err->line : 0, 0, "%s", why);
		free(why);
		return -1;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root == NULL || !is_elem(root, ATOM_NS, "feed")) {
		msg(MSG_ATOM_NOT_ATOM, name, root ? (int)xmlGetLineNo(root) : 1, 0, NULL);
		goto out;
	}
	int index = 0;
	for (xmlNodePtr e = root->children; e; e = e->next)
		if (is_elem(e, ATOM_NS, "entry"))
			read_entry(mb, name, ++index, e);
	rc = 0;
out:
	xmlFreeDoc(doc);
	return rc;
}
