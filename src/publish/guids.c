/*
 * guids.c: the GUID ledger, rss/guids.txt, and the GUIDs it records.
 *
 * In: the ledger file, the feed's URL, and the items of a feed (feed_int.h)
 * with their front-matter guids. Out: podcast:guid and each item's guid
 * (it->guid), and the ledger written back with any GUID published for the
 * first time. Calls nothing else of the feed's.
 *
 * podcast:guid and every item's guid are written once to rss/guids.txt,
 * the first time they are published, and taken from there ever after: a
 * podcast keeps its identity when its URL changes (as the podcast namespace
 * asks) and an episode keeps its GUID whatever is edited. A new entry is
 * derived, so that losing the file changes nothing as long as the URL and
 * the slugs stay: podcast:guid is the UUIDv5 of the feed URL, an episode's
 * GUID the UUIDv5 of its slug in the podcast's GUID as namespace. A
 * front-matter guid always wins and is not recorded.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <uuid/uuid.h>

#include "feed_int.h"
#include "core/core.h"

void feed_podcast_guid(const char *feed_url, char out[37])
{
	static const uuid_t ns = {0xea, 0xd4, 0xc2, 0x36, 0xbf, 0x58, 0x58, 0xc6,
				  0xa2, 0xc6, 0xa6, 0xb2, 0x8d, 0x12, 0x8c, 0xb6};
	const char *p = strstr(feed_url, "://");
	p = p ? p + 3 : feed_url;
	size_t n = strlen(p);
	while (n > 0 && p[n - 1] == '/')
		n--;
	uuid_t u;
	uuid_generate_sha1(u, ns, p, n);
	uuid_unparse_lower(u, out);
}

/* An episode's derived GUID: UUIDv5 of slug in the namespace podcast_guid. */
static void episode_guid(const char *podcast_guid, const char *slug, char out[37])
{
	uuid_t ns, u;
	if (uuid_parse(podcast_guid, ns) != 0)
		memset(ns, 0, sizeof ns);
	uuid_generate_sha1(u, ns, slug, strlen(slug));
	uuid_unparse_lower(u, out);
}

/* ---- the GUID ledger, rss/guids.txt ---- */

static void ledger_put(struct ledger *l, const char *slug, const char *guid)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->e = xreallocarray(l->e, (size_t)l->cap, sizeof *l->e);
	}
	l->e[l->n].slug = xstrdup(slug);
	l->e[l->n].guid = xstrdup(guid);
	l->n++;
}

static const char *ledger_get(const struct ledger *l, const char *slug)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->e[i].slug, slug) == 0)
			return l->e[i].guid;
	return NULL;
}

/* Reads the ledger at path (absent: empty). -1 on a read error (reported). */
int ledger_load(struct ledger *l, const char *path)
{
	size_t len;
	memset(l, 0, sizeof *l);
	l->path = xstrdup(path);
	char *text = read_file(path, &len);
	if (text == NULL) {
		if (errno == ENOENT)
			return 0;
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the published GUIDs" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	int line = 0;
	for (char *p = text, *nl; *p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		else
			nl = p + strlen(p);
		line++;
		if (*p == '#' || *p == '\0')
			continue;
		char *f1 = strchr(p, '\t');
		if (f1)
			*f1++ = '\0';
		if (f1 && strcmp(p, "channel") == 0 && f1[0]) {
			free(l->channel);
			l->channel = xstrdup(f1);
			continue;
		}
		char *f2 = f1 ? strchr(f1, '\t') : NULL;
		if (f2)
			*f2++ = '\0';
		if (f2 && strcmp(p, "episode") == 0 && f1[0] && f2[0] && !ledger_get(l, f1)) {
			ledger_put(l, f1, f2);
			continue;
		}
		msg(MSG_FEED_LEDGER_LINE, path, line, 0, NULL);
	}
	free(text);
	return 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ledger_entry *)a)->slug, ((const struct ledger_entry *)b)->slug);
}

/* Writes the ledger back when something was added; -1 on error (reported). */
int ledger_save(struct ledger *l)
{
	if (!l->dirty)
		return 0;
	struct buf b = {0};
	if (l->n > 1)
		qsort(l->e, (size_t)l->n, sizeof *l->e, entry_cmp);
	buf_puts(&b, "# guids.txt: the GUIDs of this podcast and its episodes, written by\n"
		 "# 'podsynth feed' when each was first published, and used ever after.\n"
		 "# Keep this file (and commit it): if a GUID changes, podcast apps see a\n"
		 "# new podcast or a new episode.\n");
	if (l->channel)
		buf_printf(&b, "channel\t%s\n", l->channel);
	for (int i = 0; i < l->n; i++)
		buf_printf(&b, "episode\t%s\t%s\n", l->e[i].slug, l->e[i].guid);
	int rc = msg_write_file_atomic(l->path, b.data, b.len);
	if (rc != 0)
		msg(MSG_FILE_WRITE, l->path, 0, 0, "the published GUIDs" MSG_SEP "%s", strerror(errno));
	buf_free(&b);
	l->dirty = 0;
	return rc;
}

void ledger_clear(struct ledger *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->e[i].slug);
		free(l->e[i].guid);
	}
	free(l->e);
	free(l->channel);
	free(l->path);
	memset(l, 0, sizeof *l);
}

/* The slug the ledger has for guid (the first), or NULL. */
static const char *ledger_slug_of(const struct ledger *l, const char *guid)
{
	for (int i = 0; i < l->n; i++)
		if (strcmp(l->e[i].guid, guid) == 0)
			return l->e[i].slug;
	return NULL;
}

/*
 * The guid of an item of the published feed (path) whose title is title,
 * when claimed(ud, guid) says no episode has that guid any more: a
 * published episode whose file was renamed. NULL when none; the caller
 * frees.
 */
static char *renamed_from(const char *path, const char *title,
			  int (*claimed)(void *ud, const char *guid), void *ud)
{
	char *found = NULL;
	const char *why = NULL;
	size_t len;
	char *text = input_read(path, INPUT_EPISODE, &len, &why);
	if (text == NULL || len > INT_MAX) {
		free(text);
		return NULL;
	}
	xmlDocPtr doc = xmlReadMemory(text, (int)len, path, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(text);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr ch = root ? root->children : NULL;
	while (ch && !(ch->type == XML_ELEMENT_NODE && strcmp((const char *)ch->name, "channel") == 0))
		ch = ch->next;
	for (xmlNodePtr n = ch ? ch->children : NULL; n && !found; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "item") != 0)
			continue;
		xmlChar *t = NULL, *g = NULL;
		for (xmlNodePtr c = n->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE || c->ns != NULL)
				continue;
			if (strcmp((const char *)c->name, "title") == 0 && t == NULL)
				t = xmlNodeGetContent(c);
			else if (strcmp((const char *)c->name, "guid") == 0 && g == NULL)
				g = xmlNodeGetContent(c);
		}
		if (t && g && strcmp((const char *)t, title) == 0 && !claimed(ud, (const char *)g))
			found = xstrdup((const char *)g);
		xmlFree(t);
		xmlFree(g);
	}
	xmlFreeDoc(doc);
	return found;
}

/* A guid is claimed when an item of the new feed has it. */
static int feed_claims(void *ud, const char *guid)
{
	const struct feed *f = ud;
	for (int i = 0; i < f->n; i++)
		if (f->items[i].guid && strcmp(f->items[i].guid, guid) == 0)
			return 1;
	return 0;
}

/* Reports ep as a renamed file that was published as old (its guid). */
static void report_renamed(const struct ledger *l, const struct episode *ep, const char *old)
{
	const char *os = ledger_slug_of(l, old);
	msg(MSG_FEED_RENAMED, ep->path, 1, 0, "\"%s\"" MSG_SEP "\"%s\"" MSG_SEP "%s" MSG_SEP "%s",
	    ep->title, os ? os : "another slug", old, os ? os : "OLD-SLUG");
}

struct build_claims {
	const struct ledger *l;
	int (*claimed)(void *ud, const char *slug, const char *guid);
	void *ud;
};

/* A published guid is claimed when an episode file has its slug or gives it as guid:. */
static int build_claims(void *ud, const char *guid)
{
	const struct build_claims *b = ud;
	return b->claimed(b->ud, ledger_slug_of(b->l, guid), guid);
}

int feed_check_identity(const struct channel *ch, const struct episode *ep,
			int (*claimed)(void *ud, const char *slug, const char *guid), void *ud)
{
	struct ledger l;
	int rc = 0;
	if ((ep->guid && ep->guid[0]) || ep->draft)
		return 0; /* a guid of its own, or not for the feed yet: nothing to recognise */
	const char *rss = ch->rss_dir ? ch->rss_dir : "rss";
	char *lpath = path_join(rss, "guids.txt");
	int was = diag_set_muted(1); /* the ledger's own faults are the feed's to report */
	int lr = ledger_load(&l, lpath);
	diag_set_muted(was);
	free(lpath);
	if (lr != 0 || l.channel == NULL)
		goto out; /* never published: every slug is new */
	if (ep->previous_slug != NULL) {
		if (ledger_get(&l, ep->previous_slug) == NULL) {
			msg(MSG_FEED_PREVIOUS_SLUG, ep->path, ep->previous_slug_line, 0,
			    "\"%s\"" MSG_SEP "%s", ep->previous_slug, l.path);
			rc = -1;
		}
		goto out;
	}
	if (ledger_get(&l, ep->slug) != NULL)
		goto out; /* published under this slug */
	char *published = path_join(rss, "feed.xml");
	char *title = xmltext_cleans(ep->title ? ep->title : "", XMLTEXT_LINE);
	struct build_claims b = {&l, claimed, ud};
	char *old = renamed_from(published, title, build_claims, &b);
	if (old != NULL) {
		report_renamed(&l, ep, old);
		rc = -1;
	}
	free(old);
	free(title);
	free(published);
out:
	ledger_clear(&l);
	return rc;
}

/*
 * Gives every item its GUID, from the front matter, the ledger (under its
 * slug, or under previous_slug: after a rename), or derived for a new
 * episode. A new episode with the title of a published item whose guid no
 * episode has any more is a renamed file: refused, with the fix.
 */
enum feed_err feed_assign_guids(struct feed *f, struct ledger *l, const char *pguid)
{
	/* Known episodes first, so that a renamed one can see which guids are free. */
	for (int i = 0; i < f->n; i++) {
		struct item *it = &f->items[i];
		const char *g;
		if (it->ep->previous_slug != NULL && ledger_get(l, it->ep->previous_slug) == NULL) {
			msg(MSG_FEED_PREVIOUS_SLUG, it->ep->path, it->ep->previous_slug_line, 0,
			    "\"%s\"" MSG_SEP "%s", it->ep->previous_slug, l->path);
			return FEED_ERR_EPISODE;
		}
		if (it->ep->guid && it->ep->guid[0])
			it->guid = xmltext_cleans(it->ep->guid, XMLTEXT_LINE);
		else if ((g = ledger_get(l, it->slug)) != NULL)
			it->guid = xmltext_cleans(g, XMLTEXT_LINE);
	}
	char *published = path_join(f->rss_dir, "feed.xml");
	for (int i = 0; i < f->n; i++) {
		struct item *it = &f->items[i];
		const char *g;
		char derived[37];
		if (it->guid != NULL) {
			/* given or recorded */
		} else if (it->ep->previous_slug != NULL) {
			if ((g = ledger_get(l, it->ep->previous_slug)) == NULL) {
				msg(MSG_FEED_PREVIOUS_SLUG, it->ep->path, it->ep->previous_slug_line, 0,
				    "\"%s\"" MSG_SEP "%s", it->ep->previous_slug, l->path);
				free(published);
				return FEED_ERR_EPISODE;
			}
			it->guid = xmltext_cleans(g, XMLTEXT_LINE);
			if (strpbrk(it->slug, "\t\n") == NULL) {
				ledger_put(l, it->slug, g);
				l->dirty = 1;
			}
		} else {
			char *title = xmltext_cleans(it->ep->title ? it->ep->title : "", XMLTEXT_LINE);
			char *old = renamed_from(published, title, feed_claims, f);
			free(title);
			if (old != NULL) {
				report_renamed(l, it->ep, old);
				free(old);
				free(published);
				return FEED_ERR_EPISODE;
			}
			episode_guid(pguid, it->slug, derived);
			it->guid = xstrdup(derived);
			if (strpbrk(it->slug, "\t\n") == NULL) {
				ledger_put(l, it->slug, derived);
				l->dirty = 1;
			}
		}
	}
	free(published);
	for (int i = 0; i < f->n; i++) {
		struct item *it = &f->items[i];
		if (it->guid[0] == '\0') {
			msg(MSG_FEED_GUID_EMPTY, it->ep->path, it->ep->guid_line, 0, NULL);
			return FEED_ERR_EPISODE;
		}
		for (int k = 0; k < i; k++)
			if (strcmp(f->items[k].guid, it->guid) == 0) {
				msg(MSG_FEED_GUID_USED, it->ep->path, it->ep->guid_line, 0, "%s \"%s\"",
				     f->items[k].ep->path ? f->items[k].ep->path : "another episode",
				     it->guid);
				return FEED_ERR_EPISODE;
			}
	}
	return FEED_OK;
}
