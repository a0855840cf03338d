/*
 * publish.c: a publish, start to end: feed_write (feed.h) drives the
 * published audio, the GUIDs, the feed and the website, in the order that
 * keeps the site whole if it stops anywhere.
 *
 * In: a feed with its episodes added (feed.c), the channel settings and
 * the site root. Out, in this order: the published audio (links.c), the
 * GUID ledger (guids.c), the show notes (shownotes.h), the feed written to
 * a temporary file and checked (feed.c), the website made under temporary
 * names (site.h), the feed renamed into place, then the pages, then the
 * published audio the new feed no longer names deleted (links.c). On any
 * error the old feed is left as it was, and so is every file it names.
 * The top of the feed's files: it calls those below it, none calls it.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "feed_int.h"
#include "core/core.h"
#include "shownotes.h"
#include "site.h"

/* The longest plain text description, in bytes (Apple shows 4000 characters). */
#define SUMMARY_MAX 3800

/*
 * Removes the temporary files left in dir by runs that were killed (their
 * process is gone): those whose name starts with prefix, or all when
 * prefix is NULL.
 */
static void remove_stale_tmp(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (prefix && strncmp(de->d_name, prefix, strlen(prefix)) != 0)
			continue;
		if (!tmp_stale(dir, de->d_name))
			continue;
		char *p = path_join(dir, de->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
}

/* The file name part of path. */
static const char *rel_base(const char *path)
{
	const char *b = strrchr(path, '/');
	return b ? b + 1 : path;
}

/* The show notes and summary of every item. */
static enum feed_err make_notes(struct feed *f)
{
	for (int i = 0; i < f->n; i++) {
		struct item *it = &f->items[i];
		it->html = shownotes_html(it->ep, f->ch->link);
		if (it->html == NULL)
			return FEED_ERR_EPISODE;
		it->summary = shownotes_summary(it->ep, SUMMARY_MAX);
	}
	return FEED_OK;
}

/*
 * The website for the new feed, made under temporary names (site.h); the
 * caller commits it once the feed is in place. NULL on error (reported).
 * Each item's audio is listed in the show's order of formats (the first is
 * the enclosure), so the pages' <source> elements follow the feed.
 */
static struct site *make_site(const struct feed *f, struct site_audio *audio)
{
	struct site *s = site_new(f->ch, f->rss_dir);
	char *assets = path_join(f->rss_dir, "assets");
	remove_stale_tmp(f->rss_dir, "index.html.tmp.");
	remove_stale_tmp(assets, NULL);
	free(assets);
	for (int i = 0; i < f->n; i++) {
		const struct item *it = &f->items[i];
		struct site_audio *a = &audio[(size_t)i * FMT_COUNT];
		for (int k = 0; k < it->naud; k++) {
			const struct item_audio *ia = &it->aud[k];
			a[k] = (struct site_audio){format_info(ia->fmt)->title, ia->source_type,
						   ia->pub, ia->bytes, f->ch->kbps[ia->fmt],
						   ia->seconds};
		}
		struct site_episode e = {
			.ep = it->ep, .slug = it->slug, .seconds = it->seconds,
			.audio = a, .naudio = it->naud, .vtt = it->vtt, .words = it->words,
			.chapters = it->chapters, .notes_html = it->html, .summary = it->summary,
		};
		site_add(s, &e);
	}
	if (site_prepare(s) != SITE_OK)
		site_free(&s);
	return s;
}

enum feed_err feed_write(struct feed *f, const char *path)
{
	char *def = path ? NULL : path_join(f->rss_dir, "feed.xml");
	const char *out = path ? path : def;
	char *self = NULL, *tmp = NULL, *rel = NULL;
	char pguid[37];
	struct ledger led;
	struct site *site = NULL;
	struct site_audio *saudio = xcalloc(((size_t)f->n + 1) * FMT_COUNT, sizeof *saudio);
	int own = 0;        /* the site's own feed.xml: the pages go with it */
	xmlBufferPtr xb = NULL;
	enum feed_err rc;
	int linked = 0;     /* the feed in place names the audio published by this run */

	LIBXML_TEST_VERSION;
	memset(&led, 0, sizeof led);
	rc = f->channel_ok ? FEED_OK : feed_check_channel(f);
	if (rc != FEED_OK)
		goto out;
	if (mkdir_p(f->rss_dir) != 0) {
		msg(MSG_BUILD_MKDIR, f->rss_dir, 0, 0, "%s", strerror(errno));
		rc = FEED_ERR_WRITE;
		goto out;
	}
	rel = feed_site_rel(f->rss_dir, out);
	self = feed_site_url(f, rel ? rel : "feed.xml");
	own = rel && strcmp(rel, "feed.xml") == 0;
	if (f->n > 1)
		qsort(f->items, (size_t)f->n, sizeof *f->items, feed_item_cmp);

	/* The audio first: every file the new feed names exists before it does. */
	remove_stale_tmp(f->out_dir, NULL);
	for (int i = 0; i < f->n; i++)
		for (int k = 0; k < f->items[i].naud; k++)
			if ((rc = feed_publish_audio(&f->items[i].aud[k])) != FEED_OK)
				goto out;

	/* GUIDs: recorded before the feed that publishes them */
	char *lpath = path_join(f->rss_dir, "guids.txt");
	int lr = ledger_load(&led, lpath);
	free(lpath);
	if (lr != 0) {
		rc = FEED_ERR_WRITE;
		goto out;
	}
	if (led.channel == NULL) {
		feed_podcast_guid(self, pguid);
		led.channel = xstrdup(pguid);
		led.dirty = 1;
	} else {
		snprintf(pguid, sizeof pguid, "%s", led.channel);
	}
	if ((rc = feed_assign_guids(f, &led, pguid)) != FEED_OK)
		goto out;
	if (ledger_save(&led) != 0) {
		rc = FEED_ERR_WRITE;
		goto out;
	}
	if ((rc = make_notes(f)) != FEED_OK)
		goto out;

	xb = xmlBufferCreate();
	if (xb == NULL || feed_write_xml(f, out, self, pguid, xb) != 0) {
		rc = FEED_ERR_WRITE;
		goto out;
	}
	char *odir = path_dirname(out), *oprefix = xasprintf("%s.tmp.", rel_base(out));
	remove_stale_tmp(odir, oprefix);
	free(odir);
	free(oprefix);
	tmp = tmp_path_for(out);
	if (feed_write_all(tmp, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb)) != 0) {
		msg(MSG_FEED_WRITE, out, 0, 0, "%s", strerror(errno));
		unlink(tmp);
		rc = FEED_ERR_WRITE;
		goto out;
	}
	if (feed_verify(f, tmp, out, f->n) != 0) {
		unlink(tmp);
		rc = FEED_ERR_CHECK;
		goto out;
	}
	/* The pages of the checked feed, ready before it goes in place, and put in place after it. */
	if (own && (site = make_site(f, saudio)) == NULL) {
		unlink(tmp);
		rc = FEED_ERR_WRITE;
		goto out;
	}
	if (msg_commit_tmp(tmp, out) != 0) {
		msg(MSG_FEED_RENAME, out, 0, 0, "%s", strerror(errno));
		rc = FEED_ERR_WRITE;
		goto out;
	}
	linked = 1;
	if (site && site_commit(site) != SITE_OK) {
		rc = FEED_ERR_WRITE;
		goto out;
	}
	/*
	 * Only now, with the new feed in place, can audio the old one named go.
	 * Not for a feed written elsewhere (-o): the site's feed may name it.
	 */
	if (rel && strcmp(rel, "feed.xml") == 0)
		feed_remove_unpublished(f);
	rc = FEED_OK;
out:
	/*
	 * Failed before any page could link it: the audio published for the
	 * new feed goes with it. (Once pages link it, it stays; the next
	 * feed names it or removes it.)
	 */
	for (int i = 0; rc != FEED_OK && !linked && i < f->n; i++)
		for (int k = 0; k < f->items[i].naud; k++)
			if (f->items[i].aud[k].made && unlink(f->items[i].aud[k].pub) == 0)
				f->items[i].aud[k].made = 0;
	if (xb)
		xmlBufferFree(xb);
	site_free(&site);
	free(saudio);
	ledger_clear(&led);
	free(tmp);
	free(self);
	free(rel);
	free(def);
	return rc;
}
