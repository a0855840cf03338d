/*
 * test_feed.c: feed.c on hand-made episodes and an audio file made with
 * ffmpeg: titles and descriptions with markup characters, emoji, Chinese,
 * control characters, invalid UTF-8, lone surrogates and U+FFFE/U+FFFF
 * come out as a feed that libxml2 and feedparser read, with the strings
 * sanitised as xmltext.c says; the order, the GUIDs and their ledger; an
 * audio file changed behind the feed's back fails the check and the
 * previous feed stays; a bad category is refused.
 */
#include "show/channel.h"
#include "show/episode.h"
#include "publish/feed.h"
#include "harness.h"
#include "core/util.h"
#include "core/xmltext.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/podsynth-test-feed.XXXXXX";

/* The text of the first node matching expr in the feed at path; the caller frees. */
static char *xpath_text(const char *path, const char *expr)
{
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
	char *r = NULL;
	if (doc == NULL)
		return NULL;
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	xmlXPathRegisterNs(ctx, BAD_CAST "itunes", BAD_CAST "http://www.itunes.com/dtds/podcast-1.0.dtd");
	xmlXPathRegisterNs(ctx, BAD_CAST "podcast", BAD_CAST "https://podcastindex.org/namespace/1.0");
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, ctx);
	if (o && o->nodesetval && o->nodesetval->nodeNr > 0) {
		xmlChar *t = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
		r = xstrdup((const char *)t);
		xmlFree(t);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	return r;
}

static void make_episode(struct episode *ep, const char *slug, const char *title,
			 const char *desc, const char *date)
{
	memset(ep, 0, sizeof *ep);
	ep->path = xasprintf("episodes/%s.md", slug);
	ep->slug = (char *)slug;
	ep->title = (char *)title;
	ep->description = (char *)desc;
	ep->date = (char *)date;
	ep->explicit_ = -1;
	ep->body = "# Heading\n\nSome *text* with `code`.\n";
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	char *rss = xasprintf("%s/rss", dir), *eps = xasprintf("%s/rss/episodes", dir);
	mkdir_p(eps);
	char *cmd = xasprintf("ffmpeg -loglevel error -f lavfi -i sine=frequency=440:duration=3.4 "
			      "-ac 1 -c:a libvorbis %s/a.ogg && cp %s/a.ogg %s/b.ogg && "
			      "cp %s/a.ogg %s/c.ogg", eps, eps, eps, eps, eps);
	OK(system(cmd) == 0, "ffmpeg makes the test audio");
	free(cmd);

	struct channel ch = {0};
	ch.title = "Show <&> \"\x01\"";
	ch.description = "About \xff things";
	ch.link = "https://example.org/show";
	ch.language = "en";
	ch.category = "Technology";
	ch.owner_email = "o@example.org";
	ch.rss_dir = rss;
	ch.out_dir = eps;
	ch.path = "rss/channel.yaml";

	/* every kind of bad string */
	const char *bad_title = "Tom & Jerry <b> \"q\" 'a' \xf0\x9f\x8e\x99 \xe4\xb8\xad\xe6\x96\x87"
				" \x01\x07\x1b ctl \xff\xfe bad \xed\xa0\x80 sur \xef\xbf\xbe\xef\xbf\xbf nc"
				" \xe4\xb8 cut";
	const char *bad_desc = "line one\r\nline two \x0c \xc0\xaf end";
	struct episode a, b, c;
	make_episode(&a, "a", bad_title, bad_desc, "2026-01-05");
	make_episode(&b, "b", "Second", "Plain", "2026-01-12");
	make_episode(&c, "c", "Draft", "Plain", "2026-01-19");
	c.draft = 1;

	struct feed *f = feed_new(&ch);
	INT_EQ(feed_add(f, &a), FEED_OK, "an episode with bad strings is added");
	INT_EQ(feed_add(f, &b), FEED_OK, "a second episode");
	INT_EQ(feed_add(f, &c), FEED_SKIPPED, "a draft is skipped");
	INT_EQ(feed_add(f, &b), FEED_ERR_EPISODE, "the same slug twice is an error");
	char *out = xasprintf("%s/feed.xml", rss);
	INT_EQ(feed_write(f, out), FEED_OK, "the feed is written");
	feed_free(&f);
	OK(f == NULL, "feed_free clears the pointer");

	char *want = xmltext_cleans(bad_title, XMLTEXT_LINE);
	char *got = xpath_text(out, "/rss/channel/item[2]/title");
	OK(got != NULL, "libxml2 parses the feed");
	STR_EQ(got, want, "the title comes back sanitised");
	OK(got && strstr(got, "Tom & Jerry <b> \"q\" 'a' \xf0\x9f\x8e\x99 \xe4\xb8\xad\xe6\x96\x87") == got,
	   "markup characters, emoji and Chinese are kept");
	OK(got && strstr(got, "\xef\xbf\xbd bad") && !strchr(got, '\x01') && !strstr(got, "\xef\xbf\xbe"),
	   "controls and noncharacters gone, invalid bytes replaced");
	free(got);
	free(want);
	got = xpath_text(out, "/rss/channel/item[2]/description");
	STR_EQ(got, "line one line two \xef\xbf\xbd\xef\xbf\xbd end", "the description comes back sanitised");
	free(got);
	got = xpath_text(out, "/rss/channel/title");
	STR_EQ(got, "Show <&> \"\"", "the show's title too");
	free(got);
	got = xpath_text(out, "/rss/channel/item[1]/title");
	STR_EQ(got, "Second", "newest first");
	free(got);
	got = xpath_text(out, "/rss/channel/item[1]/itunes:duration");
	STR_EQ(got, "3", "itunes:duration in whole seconds");
	free(got);
	/* The published audio: a.<first 12 hex digits of its XXH3-64>.ogg */
	struct stat st;
	char *ogg = xasprintf("%s/a.ogg", eps);
	size_t oggn = 0;
	char *oggb = read_file(ogg, &oggn);
	char *want_url = xasprintf("https://example.org/show/episodes/a.%012llx.ogg",
				   (unsigned long long)(hash64(oggb ? oggb : "", oggn) >> 16));
	free(oggb);
	got = xpath_text(out, "/rss/channel/item[2]/enclosure/@url");
	STR_EQ(got, want_url, "enclosure URL: the published audio, named by its hash");
	free(got);
	free(want_url);
	stat(ogg, &st);
	got = xpath_text(out, "/rss/channel/item[2]/enclosure/@length");
	char len[32];
	snprintf(len, sizeof len, "%lld", (long long)st.st_size);
	STR_EQ(got, len, "enclosure length is the file's size");
	free(got);
	got = xpath_text(out, "/rss/channel/podcast:guid");
	char pg[37];
	feed_podcast_guid("https://example.org/show/feed.xml", pg);
	STR_EQ(got, pg, "podcast:guid from the feed URL");
	free(got);

	cmd = xasprintf("/usr/bin/python3 -c \"import feedparser, sys; d = feedparser.parse('%s'); "
			"sys.exit(1 if d.bozo or len(d.entries) != 2 else 0)\"", out);
	OK(system(cmd) == 0, "feedparser reads it with no bozo flag and two entries");
	free(cmd);

	/* GUIDs: recorded, and kept when the title changes or the show moves */
	char *g1 = xpath_text(out, "/rss/channel/item[2]/guid");
	char *ledger = xasprintf("%s/guids.txt", rss);
	char *lt = read_file(ledger, NULL);
	OK(lt && g1 && strstr(lt, g1), "the GUID is recorded in guids.txt");
	free(lt);
	a.title = "Renamed";
	ch.link = "https://elsewhere.example.net";
	f = feed_new(&ch);
	feed_add(f, &a);
	feed_add(f, &b);
	INT_EQ(feed_write(f, out), FEED_OK, "written again after a rename and a move");
	feed_free(&f);
	char *g2 = xpath_text(out, "/rss/channel/item[2]/guid");
	STR_EQ(g2, g1, "the GUID stays");
	free(g2);
	got = xpath_text(out, "/rss/channel/podcast:guid");
	STR_EQ(got, pg, "podcast:guid stays after the move");
	free(got);
	a.guid = "urn:x:\x01own";
	f = feed_new(&ch);
	feed_add(f, &a);
	INT_EQ(feed_write(f, out), FEED_OK, "a front-matter guid");
	feed_free(&f);
	got = xpath_text(out, "/rss/channel/item[1]/guid");
	STR_EQ(got, "urn:x:own", "is used, sanitised");
	free(got);
	a.guid = "\x01";
	f = feed_new(&ch);
	feed_add(f, &a);
	INT_EQ(feed_write(f, out), FEED_ERR_EPISODE, "a guid that is nothing after sanitising is refused");
	feed_free(&f);
	a.guid = NULL;

	/* The audio changes after it was measured: the check catches it. */
	char *before = read_file(out, NULL);
	f = feed_new(&ch);
	feed_add(f, &a);
	feed_add(f, &b);
	FILE *fp = fopen(ogg, "ab");
	fputs("junk", fp);
	fclose(fp);
	a.title = "Should not appear";
	INT_EQ(feed_write(f, out), FEED_ERR_CHECK, "an enclosure that no longer matches fails the check");
	feed_free(&f);
	char *after = read_file(out, NULL);
	OK(before && after && strcmp(before, after) == 0, "and the previous feed is kept");
	free(after);
	char *tmp = tmp_path_for(out);
	OK(!file_exists(tmp), "no temporary file is left");
	free(tmp);

	/* Settings that cannot make a valid feed. */
	ch.category = "Technology";
	ch.subcategory = "Tech News";
	f = feed_new(&ch);
	INT_EQ(feed_write(f, out), FEED_ERR_SETTINGS, "a subcategory from another category is refused");
	feed_free(&f);
	ch.subcategory = NULL;
	ch.link = "example.org/show";
	f = feed_new(&ch);
	INT_EQ(feed_write(f, out), FEED_ERR_SETTINGS, "a link that is not an absolute URL is refused");
	feed_free(&f);
	after = read_file(out, NULL);
	OK(before && after && strcmp(before, after) == 0, "the feed is untouched by refused settings");
	free(after);
	free(before);

	free(g1);
	free(ledger);
	free(ogg);
	free(a.path);
	free(b.path);
	free(c.path);
	free(out);
	cmd = xasprintf("rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
	free(cmd);
	free(rss);
	free(eps);
	return harness_done();
}
