/*
 * feed.c: rss/feed.xml, the podcast feed document (see feed.h).
 *
 * In: the channel settings and the episodes, with the files the build left
 * in rss/episodes/ (each format's audio read by pubcheck.c). Out: the feed
 * as XML (libxml2's text writer into memory), and the file it is written
 * to parsed again and checked, for publish.c to rename into place; and
 * the helpers the show's checks use (Apple's categories, RFC 2822 dates).
 *
 * The first format is the <enclosure>, named by its published name
 * <slug>.<hash>.<ext> (links.c); every format is a
 * podcast:alternateEnclosure with its podcast:integrity, the SHA-384 of the
 * same bytes (OpenSSL's libcrypto: the digest and base64 that SRI values
 * are checked with). Calls pubcheck.c, below it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlwriter.h>

#include "feed.h"
#include "feed_int.h"
#include "show/show.h"
#include "site.h"
#include "chapters.h"
#include "shownotes.h"
#include "core/core.h"

#ifndef PODSYNTH_VERSION
#define PODSYNTH_VERSION "dev"
#endif

#define NS_ITUNES  "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"
#define NS_ATOM    "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_PSC     "http://podlove.org/simple-chapters"

/* Fewer chapters than this make no timestamps in the description (Apple
 * Podcasts and Spotify make chapters of at least three, from 00:00). */
#define DESC_CHAPTERS_MIN 3

/* ---- Apple Podcasts categories ---- */

/*
 * Apple's list as published for podcasters (2019 revision, with the names
 * renamed since), each category followed by its subcategories.
 */
static const char *const apple_categories[][17] = {
	{"Arts", "Books", "Design", "Fashion & Beauty", "Food", "Performing Arts",
	 "Visual Arts"},
	{"Business", "Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
	 "Non-Profit"},
	{"Comedy", "Comedy Interviews", "Improv", "Stand-Up"},
	{"Education", "Courses", "How To", "Language Learning", "Self-Improvement"},
	{"Fiction", "Comedy Fiction", "Drama", "Science Fiction"},
	{"Government"},
	{"History"},
	{"Health & Fitness", "Alternative Health", "Fitness", "Medicine", "Mental Health",
	 "Nutrition", "Sexuality"},
	{"Kids & Family", "Education for Kids", "Parenting", "Pets & Animals",
	 "Stories for Kids"},
	{"Leisure", "Animation & Manga", "Automotive", "Aviation", "Crafts", "Games",
	 "Hobbies", "Home & Garden", "Video Games"},
	{"Music", "Music Commentary", "Music History", "Music Interviews"},
	{"News", "Business News", "Daily News", "Entertainment News", "News Commentary",
	 "Politics", "Sports News", "Tech News", "Technology News"},
	{"Religion & Spirituality", "Buddhism", "Christianity", "Hinduism", "Islam",
	 "Judaism", "Religion", "Spirituality"},
	{"Science", "Astronomy", "Chemistry", "Earth Sciences", "Life Sciences",
	 "Mathematics", "Natural Sciences", "Nature", "Physics", "Social Sciences"},
	{"Society & Culture", "Documentary", "Personal Journals", "Philosophy",
	 "Places & Travel", "Relationships"},
	{"Sports", "Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
	 "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
	 "Wilderness", "Wrestling"},
	{"Technology"},
	{"True Crime"},
	{"TV & Film", "After Shows", "Film History", "Film Interviews", "Film Reviews",
	 "TV Reviews"},
};

int feed_category_ok(const char *category, const char *subcategory)
{
	if (category == NULL)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(apple_categories); i++) {
		if (strcmp(apple_categories[i][0], category) != 0)
			continue;
		if (subcategory == NULL || subcategory[0] == '\0')
			return 1;
		for (size_t k = 1; k < ARRAY_LEN(apple_categories[i]) && apple_categories[i][k]; k++)
			if (strcmp(apple_categories[i][k], subcategory) == 0)
				return 1;
		return 0;
	}
	return 0;
}

/* The category a subcategory belongs to, or NULL. */
static const char *category_of(const char *subcategory)
{
	for (size_t i = 0; i < ARRAY_LEN(apple_categories); i++)
		for (size_t k = 1; k < ARRAY_LEN(apple_categories[i]) && apple_categories[i][k]; k++)
			if (strcmp(apple_categories[i][k], subcategory) == 0)
				return apple_categories[i][0];
	return NULL;
}

/* ---- dates ---- */

int feed_rfc2822(const char *date, const char *time, char out[40], long long *when)
{
	static const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
				       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	int y, mo, d, h = 0, mi = 0, s = 0, used = 0;
	if (date == NULL || sscanf(date, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3 ||
	    date[used] != '\0' || used != 10)
		return -1;
	if (time && time[0]) {
		used = 0;
		if (sscanf(time, "%2d:%2d:%2d%n", &h, &mi, &s, &used) != 3) {
			s = 0;
			if (sscanf(time, "%2d:%2d%n", &h, &mi, &used) != 2)
				return -1;
		}
		if (time[used] != '\0')
			return -1;
	}
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	time_t t = timegm(&tm);
	struct tm back;
	if (t == (time_t)-1 || gmtime_r(&t, &back) == NULL || back.tm_year != y - 1900 ||
	    back.tm_mon != mo - 1 || back.tm_mday != d || back.tm_hour != h ||
	    back.tm_min != mi || back.tm_sec != s)
		return -1;
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[back.tm_wday],
		 back.tm_mday, months[back.tm_mon], y, h, mi, s);
	if (when)
		*when = (long long)t;
	return 0;
}

const char *feed_strerror(enum feed_err e)
{
	switch (e) {
	case FEED_OK: return "success";
	case FEED_SKIPPED: return "not published (a draft, or not rendered yet)";
	case FEED_ERR_SETTINGS: return "the show's settings cannot make a valid feed";
	case FEED_ERR_EPISODE: return "the episode cannot be published";
	case FEED_ERR_AUDIO: return "the episode's audio cannot be read";
	case FEED_ERR_WRITE: return "the feed could not be written";
	case FEED_ERR_CHECK: return "the new feed failed its check";
	}
	return "unknown error";
}

struct feed *feed_new(const struct channel *ch)
{
	struct feed *f = xcalloc(1, sizeof *f);
	f->ch = ch;
	if (ch->rss_dir)
		f->rss_dir = xstrdup(ch->rss_dir);
	else if (ch->dir)
		f->rss_dir = xstrdup(ch->dir);
	else
		f->rss_dir = xstrdup("rss");
	f->out_dir = ch->out_dir ? xstrdup(ch->out_dir) : path_join(f->rss_dir, "episodes");
	return f;
}

static void item_clear(struct item *it)
{
	free(it->slug);
	for (int i = 0; i < it->naud; i++) {
		free(it->aud[i].audio);
		free(it->aud[i].pub);
		free(it->aud[i].source_type);
	}
	free(it->vtt);
	free(it->srt);
	free(it->chapters);
	free(it->words);
	free(it->summary);
	free(it->guid);
	free(it->html);
}

void feed_free(struct feed **f)
{
	if (*f == NULL)
		return;
	for (int i = 0; i < (*f)->n; i++)
		item_clear(&(*f)->items[i]);
	free((*f)->items);
	for (int i = 0; i < (*f)->nslugs; i++)
		free((*f)->slugs[i]);
	free((*f)->slugs);
	free((*f)->rss_dir);
	free((*f)->out_dir);
	free(*f);
	*f = NULL;
}

int feed_count(const struct feed *f)
{
	return f->n;
}

/* The slug of ep: its own, else the file name without .md. The caller frees. */
static char *slug_of(const struct episode *ep)
{
	if (ep->slug && ep->slug[0])
		return xstrdup(ep->slug);
	const char *b = ep->path ? strrchr(ep->path, '/') : NULL;
	b = b ? b + 1 : ep->path ? ep->path : "episode";
	size_t n = strlen(b);
	if (n > 3 && strcmp(b + n - 3, ".md") == 0)
		n -= 3;
	return xstrndup(b, n);
}

static int slug_ok(const char *s)
{
	if (s[0] == '\0' || s[0] == '.')
		return 0;
	for (const char *p = s; *p; p++)
		if (*p == '/' || (unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

static void remember_slug(struct feed *f, const char *slug)
{
	if (f->nslugs == f->capslugs) {
		f->capslugs = f->capslugs ? 2 * f->capslugs : 16;
		f->slugs = xreallocarray(f->slugs, (size_t)f->capslugs, sizeof *f->slugs);
	}
	f->slugs[f->nslugs++] = xstrdup(slug);
}

enum feed_err feed_add(struct feed *f, const struct episode *ep)
{
	struct item it = {0};
	enum feed_err rc = FEED_OK;
	const char *file = ep->path;

	it.slug = slug_of(ep);
	remember_slug(f, it.slug);
	if (ep->draft) {
		rc = FEED_SKIPPED;
		goto out;
	}
	it.ep = ep;
	if (!slug_ok(it.slug)) {
		msg(MSG_FEED_SLUG_FILE_NAME, file, ep->slug_line, 0, "\"%s\"", it.slug);
		rc = FEED_ERR_EPISODE;
		goto out;
	}
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->items[i].slug, it.slug) == 0) {
			msg(MSG_FEED_SLUG_USED, file, ep->slug_line, 0, "%s \"%s\"",
			     f->items[i].ep->path ? f->items[i].ep->path : "another episode", it.slug);
			rc = FEED_ERR_EPISODE;
			goto out;
		}
	if (feed_rfc2822(ep->date, ep->time, it.pubdate, &it.when) != 0) {
		msg(MSG_FEED_NO_DATE, file, ep->date_line, 0, "\"%s%s%s\"",
		     ep->date ? ep->date : "", ep->time ? " " : "", ep->time ? ep->time : "");
		rc = FEED_ERR_EPISODE;
		goto out;
	}
	/* A channel made by hand with no formats: Vorbis alone, as before. */
	static const enum audio_format vorbis_only[1] = {FMT_VORBIS};
	const enum audio_format *fmts = f->ch->nformats > 0 ? f->ch->formats : vorbis_only;
	int nf = f->ch->nformats > 0 ? f->ch->nformats : 1;
	for (int i = 0; i < nf; i++) {
		rc = feed_read_audio(f, &it, fmts[i], &it.aud[i]);
		it.naud = i + 1;
		if (rc != FEED_OK)
			goto out;
	}
	it.seconds = lround(it.aud[0].seconds);
	for (int i = 0; i < it.naud; i++) {
		const struct item_audio *a = &it.aud[i];
		const char *b = strrchr(a->pub, '/');
		it.list[i] = (struct feed_audio){
			.format = format_info(a->fmt)->name,
			.type = a->source_type,
			.file = b ? b + 1 : a->pub,
			.bytes = a->bytes,
			/* the encoding rate the show set: an average of the file would
			   count its embedded cover, which skews a short episode's */
			.bitrate = f->ch->nformats > 0 ? 1000L * f->ch->kbps[a->fmt]
				   : a->seconds > 0 ? lround((double)a->bytes * 8 / a->seconds) : 0,
			.seconds = a->seconds,
		};
	}
	it.vtt = feed_beside(f, it.slug, ".vtt");
	it.srt = feed_beside(f, it.slug, ".srt");
	it.chapters = feed_beside(f, it.slug, ".chapters.json");
	it.words = feed_beside(f, it.slug, ".words.json");
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->items = xreallocarray(f->items, (size_t)f->cap, sizeof *f->items);
	}
	f->items[f->n++] = it;
	return FEED_OK;
out:
	item_clear(&it);
	return rc;
}

int feed_audio_of(const struct feed *f, const char *slug, const struct feed_audio **list)
{
	for (int i = 0; i < f->n; i++) {
		if (strcmp(f->items[i].slug, slug) == 0) {
			*list = f->items[i].list;
			return f->items[i].naud;
		}
	}
	*list = NULL;
	return 0;
}

/* Newest first; ties broken so that the order never depends on input order. */
int feed_item_cmp(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	if (a->when != b->when)
		return a->when > b->when ? -1 : 1;
	if (a->ep->season != b->ep->season)
		return a->ep->season > b->ep->season ? -1 : 1;
	if (a->ep->number != b->ep->number)
		return a->ep->number > b->ep->number ? -1 : 1;
	return -strcmp(a->slug, b->slug);
}

/* ---- URLs ---- */

static int has_scheme(const char *s)
{
	const char *p = strstr(s, "://");
	return p && p > s && strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") ==
				(size_t)(p - s);
}

/*
 * The path of path relative to the site root (both made real), or NULL
 * when it is not inside it. path need not exist; its directory must.
 * The caller frees.
 */
char *feed_site_rel(const char *root, const char *path)
{
	char rroot[PATH_MAX], rdir[PATH_MAX];
	char *dir = path_dirname(path);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *res = NULL;
	if (realpath(root, rroot) && realpath(dir, rdir)) {
		size_t n = strlen(rroot);
		char *full = xasprintf("%s/%s", rdir, base);
		if (strncmp(full, rroot, n) == 0 && full[n] == '/')
			res = xstrdup(full + n + 1);
		free(full);
	}
	free(dir);
	return res;
}

/* The absolute URL of a path inside the site (rel: relative to the root). The caller frees. */
char *feed_site_url(const struct feed *f, const char *rel)
{
	xmlChar *esc = xmlURIEscapeStr((const xmlChar *)rel, (const xmlChar *)"/");
	char *u = xasprintf("%s/%s", f->ch->link, esc ? (const char *)esc : rel);
	xmlFree(esc);
	return u;
}

/* The URL of a file inside the site, or NULL when it is outside. The caller frees. */
static char *file_url(const struct feed *f, const char *path)
{
	char *rel = feed_site_rel(f->rss_dir, path);
	char *u = rel ? feed_site_url(f, rel) : NULL;
	free(rel);
	return u;
}

/*
 * The URL of artwork given as a URL or as a file (a path as the program
 * opens it). NULL (with a warning naming where) when the file is not in
 * the site. The caller frees.
 */
static char *image_url(const struct feed *f, const char *image, const char *where)
{
	if (has_scheme(image))
		return xstrdup(image);
	char *u = file_exists(image) ? file_url(f, image) : NULL;
	if (u == NULL)
		msg(MSG_FEED_ARTWORK_OUTSIDE, where, 0, 0, "%s/" MSG_SEP "\"%s\"", f->rss_dir, image);
	return u;
}

/* ---- checks ---- */

/* 1 when the site's address has no space, control character or bad UTF-8. */
static int link_clean(const char *link)
{
	for (const char *p = link; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return 0;
	char *c = xmltext_cleans(link, XMLTEXT_LINE);
	int same = strcmp(c, link) == 0;
	free(c);
	return same;
}

enum feed_err feed_check_channel(struct feed *f)
{
	const struct channel *ch = f->ch;
	const char *where = ch->path ? ch->path : "rss/channel.yaml";
	enum feed_err rc = FEED_OK;

	if (ch->title == NULL || ch->title[0] == '\0') {
		msg(MSG_CH_NO_TITLE, where, channel_line(ch, "title"), 0, NULL);
		rc = FEED_ERR_SETTINGS;
	}
	if (ch->link == NULL || !(strncmp(ch->link, "http://", 7) == 0 ||
				  strncmp(ch->link, "https://", 8) == 0) ||
	    strlen(ch->link) < 10) {
		msg(MSG_CH_NO_LINK, where, channel_line(ch, "link"), 0, "\"%s\"", ch->link ? ch->link : "");
		rc = FEED_ERR_SETTINGS;
	} else if (ch->link[strlen(ch->link) - 1] == '/') {
		msg(MSG_CH_LINK_SLASH, where, channel_line(ch, "link"), 0, "\"%s\"", ch->link);
		rc = FEED_ERR_SETTINGS;
	} else if (!link_clean(ch->link)) {
		/* Every URL in the feed starts with it, as written: nothing to clean. */
		char *shown = xmltext_cleans(ch->link, XMLTEXT_LINE);
		msg(MSG_CH_LINK_CHARS, where, channel_line(ch, "link"), 0, "\"%s\"", shown);
		free(shown);
		rc = FEED_ERR_SETTINGS;
	}
	if (ch->category && !feed_category_ok(ch->category, NULL)) {
		msg(MSG_CH_CATEGORY, where, channel_line(ch, "category"), 0, "\"%s\"", ch->category);
		rc = FEED_ERR_SETTINGS;
	} else if (ch->subcategory && ch->subcategory[0] &&
		   !feed_category_ok(ch->category, ch->subcategory)) {
		const char *parent = category_of(ch->subcategory);
		msg(MSG_CH_SUBCATEGORY, where, channel_line(ch, "subcategory"), 0, "%s in Apple Podcasts \"%s\"%s%s%s",
		     ch->category ? ch->category : "(no category)", ch->subcategory,
		     parent ? " (it belongs to " : "", parent ? parent : "", parent ? ")" : "");
		rc = FEED_ERR_SETTINGS;
	}
	if (ch->type && strcmp(ch->type, "episodic") != 0 && strcmp(ch->type, "serial") != 0) {
		msg(MSG_CH_TYPE, where, channel_line(ch, "type"), 0, "\"%s\"", ch->type);
		rc = FEED_ERR_SETTINGS;
	}
	if (ch->category == NULL)
		msg(MSG_CH_NO_CATEGORY, where, 0, 0, NULL);
	if (ch->owner_email == NULL)
		msg(MSG_CH_NO_OWNER_EMAIL, where, 0, 0, NULL);
	f->channel_ok = rc == FEED_OK;
	return rc;
}

/* ---- writing ---- */

/* An element with text content, sanitised (flags: xmltext flags). */
static int el(xmlTextWriterPtr w, const char *name, const char *text, int flags)
{
	char *c = xmltext_cleans(text ? text : "", flags);
	int r = xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST c);
	free(c);
	return r < 0 ? -1 : 0;
}

static int attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	char *c = xmltext_cleans(value ? value : "", XMLTEXT_LINE);
	int r = xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST c);
	free(c);
	return r < 0 ? -1 : 0;
}

static int start(xmlTextWriterPtr w, const char *name)
{
	return xmlTextWriterStartElement(w, BAD_CAST name) < 0 ? -1 : 0;
}

static int end(xmlTextWriterPtr w)
{
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* <name attr="value"/> */
static int empty_el(xmlTextWriterPtr w, const char *name, const char *a, const char *v)
{
	if (start(w, name) || attr(w, a, v))
		return -1;
	return end(w);
}

#define CHECK(x) do { if ((x) != 0) goto fail; } while (0)

/* podcast:alternateEnclosure for one format, with its source and integrity. */
static int write_alternate(xmlTextWriterPtr w, const struct item_audio *a,
			   const struct feed_audio *fa, const char *url, int is_default)
{
	const struct format_info *fi = format_info(a->fmt);
	char num[32];
	CHECK(start(w, "podcast:alternateEnclosure"));
	CHECK(attr(w, "type", fi->mime));
	snprintf(num, sizeof num, "%lld", a->bytes);
	CHECK(attr(w, "length", num));
	snprintf(num, sizeof num, "%ld", fa->bitrate);
	CHECK(attr(w, "bitrate", num));
	if (fi->codecs)
		CHECK(attr(w, "codecs", fi->codecs));
	CHECK(attr(w, "title", fi->title));
	if (is_default)
		CHECK(attr(w, "default", "true"));
	CHECK(empty_el(w, "podcast:source", "uri", url));
	CHECK(start(w, "podcast:integrity"));
	CHECK(attr(w, "type", "sri"));
	CHECK(attr(w, "value", a->sri));
	CHECK(end(w));
	CHECK(end(w));
	return 0;
fail:
	return -1;
}

/* The href and img of a person (channel_person), an img in the site made absolute. */
static int person_links(xmlTextWriterPtr w, const struct channel *ch, const struct speaker *sp,
			const char *name)
{
	struct person_info pi = channel_person(ch, sp, name);
	if (pi.link && attr(w, "href", pi.link))
		return -1;
	if (pi.img) {
		char *u = strstr(pi.img, "://") ? xstrdup(pi.img) : xasprintf("%s/%s", ch->link, pi.img);
		int r = attr(w, "img", u);
		free(u);
		if (r)
			return -1;
	}
	return 0;
}

/* <podcast:person role="host" group="cast" [href=] [img=]>name</podcast:person> */
static int person(xmlTextWriterPtr w, const struct channel *ch, const char *name)
{
	CHECK(start(w, "podcast:person"));
	CHECK(attr(w, "role", "host"));
	CHECK(attr(w, "group", "cast"));
	CHECK(person_links(w, ch, NULL, name));
	char *c = xmltext_cleans(name, XMLTEXT_LINE);
	int r = xmlTextWriterWriteString(w, BAD_CAST c);
	free(c);
	CHECK(r < 0);
	CHECK(end(w));
	return 0;
fail:
	return -1;
}

/* <podcast:license url="...">id</podcast:license>; id is known (license.h) */
static int license_el(xmlTextWriterPtr w, const char *id)
{
	CHECK(start(w, "podcast:license"));
	CHECK(attr(w, "url", license_url(id)));
	CHECK(xmlTextWriterWriteString(w, BAD_CAST id) < 0);
	CHECK(end(w));
	return 0;
fail:
	return -1;
}

/* One podcast:person per speaker the episode declares (with href and img); 0, or -1 when libxml2 fails. */
static int write_speakers(xmlTextWriterPtr w, const struct channel *ch, const struct episode *ep)
{
	for (int i = 0; i < ep->speakers.n; i++) {
		const struct speaker *sp = &ep->speakers.v[i];
		char *c = xmltext_cleans(sp->name, XMLTEXT_LINE);
		int r = start(w, "podcast:person") || attr(w, "role", sp->role) ||
			attr(w, "group", "cast") || person_links(w, ch, sp, sp->name) ||
			xmlTextWriterWriteString(w, BAD_CAST c) < 0 || end(w);
		free(c);
		if (r)
			return -1;
	}
	return 0;
}

/*
 * One podcast:person per writer the episode credits (writers:):
 * role writer, group writing, the first link as href.
 */
static int write_writers(xmlTextWriterPtr w, const struct episode *ep)
{
	for (int i = 0; i < ep->nwriters; i++) {
		const struct writer *wr = &ep->writers[i];
		char *c = xmltext_cleans(wr->name, XMLTEXT_LINE);
		int r = start(w, "podcast:person") || attr(w, "role", "writer") || attr(w, "group", "writing") ||
			(wr->nlinks > 0 && attr(w, "href", wr->links[0])) ||
			xmlTextWriterWriteString(w, BAD_CAST c) < 0 || end(w);
		free(c);
		if (r)
			return -1;
	}
	return 0;
}

/* A chapter's start for a listener: MM:SS, or H:MM:SS when the episode has hours. */
static void put_stamp(struct buf *b, double t, int hours)
{
	long s = t > 0 ? (long)t : 0;
	if (hours)
		buf_printf(b, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
	else
		buf_printf(b, "%02ld:%02ld", s / 60, s % 60);
}

/*
 * The chapters as timestamps, one a line ("00:00 Welcome"), as Apple
 * Podcasts and Spotify read them at the start of a description; NULL
 * when there are fewer than DESC_CHAPTERS_MIN or the first is not at 0.
 * sep goes between lines. The caller frees.
 */
static char *chapter_stamps(const struct chapter *c, int n, const char *before,
			    const char *sep, const char *after)
{
	if (n < DESC_CHAPTERS_MIN || c[0].start != 0)
		return NULL;
	int hours = chapter_seconds(c[n - 1].start, CHAPTERS_JSON_RATE) >= 3600;
	struct buf b = {0};
	buf_puts(&b, before);
	for (int i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, sep);
		put_stamp(&b, chapter_seconds(c[i].start, CHAPTERS_JSON_RATE), hours);
		buf_putc(&b, ' ');
		buf_puts(&b, c[i].title);
	}
	buf_puts(&b, after);
	return buf_detach(&b);
}

/* Podlove Simple Chapters: <psc:chapters version="1.2"><psc:chapter start= title= [href=] [image=]/>... */
static int write_psc(xmlTextWriterPtr w, const struct chapter *c, int n)
{
	if (start(w, "psc:chapters") || attr(w, "version", "1.2"))
		return -1;
	for (int i = 0; i < n; i++) {
		long long ms = chapter_ms(c[i].start, CHAPTERS_JSON_RATE);
		char t[48];
		snprintf(t, sizeof t, "%02lld:%02lld:%02lld.%03lld", ms / 3600000, ms / 60000 % 60,
			 ms / 1000 % 60, ms % 1000);
		if (start(w, "psc:chapter") || attr(w, "start", t) || attr(w, "title", c[i].title) ||
		    (c[i].url && attr(w, "href", c[i].url)) || (c[i].img && attr(w, "image", c[i].img)) ||
		    end(w))
			return -1;
	}
	return end(w);
}

static int write_item(const struct feed *f, xmlTextWriterPtr w, const struct item *it)
{
	const struct episode *ep = it->ep;
	const struct channel *ch = f->ch;
	const char *summary = it->summary;
	char *audio = file_url(f, it->aud[0].pub);
	char *urls[FMT_COUNT] = {0};
	char *page = NULL, *vtt = NULL, *chap = NULL, *img = NULL, *page_rel = NULL, *words = NULL;
	char *img_path = NULL, *srt = NULL, *desc = NULL, *notes = NULL, *stamps = NULL;
	struct chapter *cl = NULL;
	int ncl = 0;
	char num[32];
	int rc = -1;

	for (int i = 0; i < it->naud; i++) {
		if ((urls[i] = file_url(f, it->aud[i].pub)) == NULL) {
			msg(MSG_FEED_AUDIO_OUTSIDE, it->aud[i].pub, 0, 0, "%s/", f->rss_dir);
			goto out;
		}
	}
	page_rel = site_page_rel(it->slug);
	page = feed_site_url(f, page_rel);
	vtt = it->vtt ? file_url(f, it->vtt) : NULL;
	srt = it->srt ? file_url(f, it->srt) : NULL;
	words = it->words ? file_url(f, it->words) : NULL;
	chap = it->chapters ? file_url(f, it->chapters) : NULL;
	if (ep->image && has_scheme(ep->image)) {
		img = xstrdup(ep->image);
	} else if ((img_path = artwork_episode_file(ch, ep)) != NULL) {
		img = image_url(f, img_path, ep->path);
	}

	if (it->chapters && (ncl = chapters_read_json(it->chapters, &cl)) < 0) {
		ncl = 0;
		goto out;
	}
	/* the chapters as timestamps before the description and the notes */
	stamps = chapter_stamps(cl, ncl, "", "\n", "\n\n");
	desc = xasprintf("%s%s", stamps ? stamps : "", summary ? summary : "");
	free(stamps);
	stamps = chapter_stamps(cl, ncl, "<p>", "</p>\n<p>", "</p>\n");
	char *apple = shownotes_apple(it->html);
	notes = xasprintf("%s%s", stamps ? stamps : "", apple);
	free(apple);

	CHECK(start(w, "item"));
	CHECK(el(w, "title", ep->title, XMLTEXT_LINE));
	CHECK(el(w, "link", page, XMLTEXT_LINE));
	CHECK(el(w, "description", desc, 0));
	CHECK(el(w, "content:encoded", notes, 0));
	CHECK(start(w, "guid"));
	CHECK(attr(w, "isPermaLink", "false"));
	CHECK(xmlTextWriterWriteString(w, BAD_CAST it->guid) < 0);
	CHECK(end(w));
	CHECK(el(w, "pubDate", it->pubdate, XMLTEXT_LINE));
	for (int i = 0; i < ep->ntags; i++)
		CHECK(el(w, "category", ep->tags[i], XMLTEXT_LINE));
	CHECK(start(w, "enclosure"));
	CHECK(attr(w, "url", audio));
	snprintf(num, sizeof num, "%lld", it->aud[0].bytes);
	CHECK(attr(w, "length", num));
	CHECK(attr(w, "type", format_info(it->aud[0].fmt)->mime));
	CHECK(end(w));
	CHECK(el(w, "itunes:title", ep->title, XMLTEXT_LINE));
	CHECK(el(w, "itunes:author", ep->author ? ep->author : ch->author, XMLTEXT_LINE));
	snprintf(num, sizeof num, "%ld", it->seconds);
	CHECK(el(w, "itunes:duration", num, 0));
	if (ep->season > 0) {
		snprintf(num, sizeof num, "%d", ep->season);
		CHECK(el(w, "itunes:season", num, 0));
	}
	if (ep->number > 0) {
		snprintf(num, sizeof num, "%d", ep->number);
		CHECK(el(w, "itunes:episode", num, 0));
	}
	CHECK(el(w, "itunes:episodeType", ep->episode_type ? ep->episode_type : "full",
		 XMLTEXT_LINE));
	if (ep->explicit_ >= 0)
		CHECK(el(w, "itunes:explicit", ep->explicit_ ? "true" : "false", 0));
	if (img)
		CHECK(empty_el(w, "itunes:image", "href", img));
	if (vtt) {
		CHECK(start(w, "podcast:transcript"));
		CHECK(attr(w, "url", vtt));
		CHECK(attr(w, "type", "text/vtt"));
		if (ep->lang)
			CHECK(attr(w, "language", ep->lang));
		CHECK(attr(w, "rel", "captions"));
		CHECK(end(w));
	}
	if (srt) {
		CHECK(start(w, "podcast:transcript"));
		CHECK(attr(w, "url", srt));
		CHECK(attr(w, "type", "application/x-subrip"));
		if (ep->lang)
			CHECK(attr(w, "language", ep->lang));
		CHECK(attr(w, "rel", "captions"));
		CHECK(end(w));
	}
	if (words) {
		CHECK(start(w, "podcast:transcript"));
		CHECK(attr(w, "url", words));
		CHECK(attr(w, "type", "application/json"));
		if (ep->lang)
			CHECK(attr(w, "language", ep->lang));
		CHECK(end(w));
	}
	if (chap) {
		CHECK(start(w, "podcast:chapters"));
		CHECK(attr(w, "url", chap));
		CHECK(attr(w, "type", "application/json+chapters"));
		CHECK(end(w));
	}
	if (ncl > 0)
		CHECK(write_psc(w, cl, ncl));
	/* the speakers the episode declares, else its authors, else the show's host */
	if (ep->speakers.n > 0) {
		CHECK(write_speakers(w, ch, ep));
	} else {
		for (int i = 0; i < ep->nauthors; i++)
			CHECK(person(w, ch, ep->authors[i]));
		if (ep->nauthors == 0 && ch->host)
			CHECK(person(w, ch, ch->host));
	}
	CHECK(write_writers(w, ep));
	if (ep->license || ch->license)
		CHECK(license_el(w, ep->license ? ep->license : ch->license));
	if (ep->season > 0) {
		snprintf(num, sizeof num, "%d", ep->season);
		CHECK(el(w, "podcast:season", num, 0));
	}
	if (ep->number > 0) {
		snprintf(num, sizeof num, "%d", ep->number);
		CHECK(el(w, "podcast:episode", num, 0));
	}
	for (int i = 0; i < it->naud; i++)
		CHECK(write_alternate(w, &it->aud[i], &it->list[i], urls[i], i == 0));
	CHECK(end(w));
	rc = 0;
	goto out;
fail:
	msg(MSG_FEED_ITEM_XML, ep->path, 0, 0, NULL);
out:
	free(audio);
	for (int i = 0; i < it->naud; i++)
		free(urls[i]);
	free(page);
	free(page_rel);
	free(words);
	free(vtt);
	free(srt);
	free(chap);
	free(img);
	free(img_path);
	free(desc);
	free(notes);
	free(stamps);
	chapters_list_free(cl, ncl);
	return rc;
}

/*
 * The whole feed into b. self is the feed's own URL, guid the podcast's.
 * 0, or -1 (reported).
 */
int feed_write_xml(const struct feed *f, const char *out, const char *self, const char *guid,
		     xmlBufferPtr b)
{
	const struct channel *ch = f->ch;
	xmlTextWriterPtr w = xmlNewTextWriterMemory(b, 0);
	char *img = NULL, *art = NULL;
	int rc = -1;

	if (w == NULL)
		goto fail;
	CHECK(xmlTextWriterSetIndent(w, 1) < 0);
	CHECK(xmlTextWriterSetIndentString(w, BAD_CAST "  ") < 0);
	CHECK(xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0);
	CHECK(start(w, "rss"));
	CHECK(attr(w, "version", "2.0"));
	CHECK(attr(w, "xmlns:itunes", NS_ITUNES));
	CHECK(attr(w, "xmlns:podcast", NS_PODCAST));
	CHECK(attr(w, "xmlns:atom", NS_ATOM));
	CHECK(attr(w, "xmlns:content", NS_CONTENT));
	CHECK(attr(w, "xmlns:psc", NS_PSC));
	CHECK(start(w, "channel"));
	CHECK(el(w, "title", ch->title, XMLTEXT_LINE));
	CHECK(el(w, "link", ch->link, XMLTEXT_LINE));
	CHECK(el(w, "description", ch->description && ch->description[0] ?
		 ch->description : ch->title, 0));
	CHECK(el(w, "language", ch->language ? ch->language : "en", XMLTEXT_LINE));
	if (ch->copyright)
		CHECK(el(w, "copyright", ch->copyright, XMLTEXT_LINE));
	CHECK(el(w, "generator", "podsynth " PODSYNTH_VERSION, 0));
	if (f->n > 0) {
		/* derived from the episodes, never from the clock */
		CHECK(el(w, "pubDate", f->items[0].pubdate, 0));
		CHECK(el(w, "lastBuildDate", f->items[0].pubdate, 0));
	}
	CHECK(start(w, "atom:link"));
	CHECK(attr(w, "href", self));
	CHECK(attr(w, "rel", "self"));
	CHECK(attr(w, "type", "application/rss+xml"));
	CHECK(end(w));
	if (ch->author)
		CHECK(el(w, "itunes:author", ch->author, XMLTEXT_LINE));
	if (ch->owner_name || ch->owner_email) {
		CHECK(start(w, "itunes:owner"));
		if (ch->owner_name)
			CHECK(el(w, "itunes:name", ch->owner_name, XMLTEXT_LINE));
		if (ch->owner_email)
			CHECK(el(w, "itunes:email", ch->owner_email, XMLTEXT_LINE));
		CHECK(end(w));
	}
	/* the show's image, or the default cover (podsynth feed has drawn it) */
	art = artwork_show_image(ch);
	if (art && (img = image_url(f, art, ch->path)) != NULL) {
		CHECK(empty_el(w, "itunes:image", "href", img));
		CHECK(start(w, "image"));
		CHECK(el(w, "url", img, XMLTEXT_LINE));
		CHECK(el(w, "title", ch->title, XMLTEXT_LINE));
		CHECK(el(w, "link", ch->link, XMLTEXT_LINE));
		CHECK(end(w));
	}
	if (ch->category) {
		CHECK(start(w, "itunes:category"));
		CHECK(attr(w, "text", ch->category));
		if (ch->subcategory && ch->subcategory[0])
			CHECK(empty_el(w, "itunes:category", "text", ch->subcategory));
		CHECK(end(w));
	}
	CHECK(el(w, "itunes:explicit", ch->explicit_ ? "true" : "false", 0));
	CHECK(el(w, "itunes:type", ch->type ? ch->type : "episodic", XMLTEXT_LINE));
	CHECK(el(w, "podcast:guid", guid, 0));
	if (ch->host)
		CHECK(person(w, ch, ch->host));
	if (ch->license)
		CHECK(license_el(w, ch->license));
	CHECK(start(w, "podcast:locked"));
	if (ch->owner_email)
		CHECK(attr(w, "owner", ch->owner_email));
	CHECK(xmlTextWriterWriteString(w, BAD_CAST(ch->locked ? "yes" : "no")) < 0);
	CHECK(end(w));
	for (int i = 0; i < f->n; i++)
		if (write_item(f, w, &f->items[i]) != 0)
			goto out;
	CHECK(xmlTextWriterEndDocument(w) < 0);
	rc = 0;
	goto out;
fail:
	msg(MSG_FEED_XML, out, 0, 0, NULL);
out:
	if (w)
		xmlFreeTextWriter(w);
	free(img);
	free(art);
	return rc;
}

/* Writes n bytes to a new file path and syncs it; 0 or -1 with errno set. */
int feed_write_all(const char *path, const char *data, size_t n)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	while (n > 0) {
		ssize_t k = write(fd, data, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		data += k;
		n -= (size_t)k;
	}
	if (fsync(fd) != 0)
		goto fail;
	return close(fd);
fail:;
	int e = errno;
	close(fd);
	errno = e;
	return -1;
}

static const char *prop(xmlNodePtr n, const char *name, xmlChar **hold)
{
	*hold = xmlGetProp(n, BAD_CAST name);
	return (const char *)*hold;
}

/* 1 when url names a file in the site of exactly len bytes (a string). */
static int url_has_length(const struct feed *f, const char *url, const char *len)
{
	size_t linklen = strlen(f->ch->link);
	struct stat st;
	if (url == NULL || len == NULL || strncmp(url, f->ch->link, linklen) != 0 ||
	    url[linklen] != '/')
		return 0;
	char *rel = xmlURIUnescapeString(url + linklen + 1, 0, NULL);
	char *file = path_join(f->rss_dir, rel);
	xmlFree(rel);
	int ok = stat(file, &st) == 0 && (long long)st.st_size == strtoll(len, NULL, 10);
	free(file);
	return ok;
}

/* podsynth:alternateEnclosure c: its podcast:source names a file in the
 * site with the stated length. 0, or -1 reported. */
static int verify_alternate(const struct feed *f, xmlNodePtr c, const char *path)
{
	xmlChar *hl, *hu = NULL;
	const char *len = prop(c, "length", &hl), *url = NULL;
	for (xmlNodePtr k = c->children; k && url == NULL; k = k->next)
		if (k->type == XML_ELEMENT_NODE && strcmp((const char *)k->name, "source") == 0)
			url = prop(k, "uri", &hu);
	int ok = url_has_length(f, url, len);
	if (!ok)
		msg(MSG_FEED_CHECK_ALTERNATE, path, 0, 0, "%s" MSG_SEP "\"%s\"", len ? len : "?",
		    url ? url : "?");
	xmlFree(hl);
	xmlFree(hu);
	return ok ? 0 : -1;
}

/*
 * Parses the feed written to tmp again and checks it: well-formed, an RSS
 * 2.0 channel with n items, each with a unique guid and an enclosure whose
 * file is in the site with exactly the stated length, and so is every
 * podcast:alternateEnclosure's source. 0, or -1 (reported naming path,
 * the feed being replaced).
 */
int feed_verify(const struct feed *f, const char *tmp, const char *path, int n)
{
	int rc = -1, items = 0;
	xmlDocPtr doc = xmlReadFile(tmp, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
					       XML_PARSE_NOWARNING);
	char **guids = xcalloc((size_t)n + 1, sizeof *guids);
	size_t linklen = strlen(f->ch->link);

	if (doc == NULL) {
		const xmlError *e = xmlGetLastError();
		msg(MSG_FEED_CHECK_XML, path, e ? e->line : 0, 0, "%s",
		    e && e->message ? e->message : "unknown error");
		goto out;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc), chan = NULL;
	if (root == NULL || strcmp((const char *)root->name, "rss") != 0)
		goto bad;
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "channel") == 0)
			chan = c;
	if (chan == NULL)
		goto bad;
	for (xmlNodePtr it = chan->children; it; it = it->next) {
		if (it->type != XML_ELEMENT_NODE || strcmp((const char *)it->name, "item") != 0)
			continue;
		int has_enc = 0;
		if (items >= n)
			goto bad;
		for (xmlNodePtr c = it->children; c; c = c->next) {
			if (c->type == XML_ELEMENT_NODE && c->ns != NULL &&
			    strcmp((const char *)c->name, "alternateEnclosure") == 0 &&
			    verify_alternate(f, c, path) != 0)
				goto out;
			if (c->type != XML_ELEMENT_NODE || c->ns != NULL)
				continue;
			if (strcmp((const char *)c->name, "guid") == 0) {
				xmlChar *g = xmlNodeGetContent(c);
				for (int k = 0; k < items; k++)
					if (guids[k] && g && strcmp(guids[k], (char *)g) == 0) {
						msg(MSG_FEED_CHECK_GUID, path, 0, 0, "\"%s\"", (char *)g);
						xmlFree(g);
						goto out;
					}
				guids[items] = xstrdup(g ? (char *)g : "");
				xmlFree(g);
			} else if (strcmp((const char *)c->name, "enclosure") == 0) {
				xmlChar *hu, *hl;
				const char *url = prop(c, "url", &hu), *len = prop(c, "length", &hl);
				char *file = NULL;
				struct stat st;
				int ok = url && len && strncmp(url, f->ch->link, linklen) == 0 &&
					 url[linklen] == '/';
				if (ok) {
					char *rel = xmlURIUnescapeString(url + linklen + 1, 0, NULL);
					file = path_join(f->rss_dir, rel);
					xmlFree(rel);
					ok = stat(file, &st) == 0 &&
					     (long long)st.st_size == strtoll(len, NULL, 10);
				}
				if (!ok)
					msg(MSG_FEED_CHECK_ENCLOSURE, path, 0, 0, "%s" MSG_SEP "\"%s\"",
					    len ? len : "?", url ? url : "?");
				free(file);
				xmlFree(hu);
				xmlFree(hl);
				if (!ok)
					goto out;
				has_enc = 1;
			}
		}
		if (!has_enc || guids[items] == NULL || guids[items][0] == '\0')
			goto bad;
		items++;
	}
	if (items != n)
		goto bad;
	rc = 0;
	goto out;
bad:
	msg(MSG_FEED_CHECK_FAILED, path, 0, 0, NULL);
out:
	for (int k = 0; k <= n; k++)
		free(guids[k]);
	free(guids);
	if (doc)
		xmlFreeDoc(doc);
	return rc;
}
