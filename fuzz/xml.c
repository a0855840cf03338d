/*
 * fuzz/xml.c: fuzz target for what goes into published XML: the sanitiser
 * (xmltext.c) and the feed writer (feed.c, with shownotes.c for the notes).
 *
 * In: any bytes.
 *  1. The whole input, NULs and all, through xmltext_clean (both modes),
 *     written with xmlTextWriter into memory as element text and as an
 *     attribute value, and parsed back with xmlReadMemory: the parse must
 *     succeed and give back exactly the cleaned strings; cleaning must be
 *     idempotent; XMLTEXT_LINE output must be one trimmed line.
 *  2. The input split at NUL bytes into fields that fill in the show
 *     (title, description, author, copyright, owner, the site address after
 *     "https://example.org") and one episode (title, description, author, a
 *     tag, guid, Markdown body), published with feed_add + feed_write into
 *     a scratch site holding a small Ogg Vorbis file made once with
 *     encode.c. feed_write may refuse the settings or the episode, but must
 *     never write a feed that fails its own check or cannot be written; the
 *     feed it writes must parse, with the titles as sanitised.
 * Out: nothing; aborts when a property fails.
 */
#include "fuzz.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "show/channel.h"
#include "codec/encode.h"
#include "show/episode.h"
#include "publish/feed.h"
#include "core/xmltext.h"

static char *site, *episodes, *feed_path, *ledger_path, *page_path;

static int write_cb(void *ud, const unsigned char *p, size_t n)
{
	return fwrite(p, 1, n, ud) == n ? 0 : -1;
}

/* A fifth of a second of a quiet tone as Ogg Vorbis, at path. */
static void make_ogg(const char *path)
{
	FILE *f = fopen(path, "wb");
	struct enc_callbacks cb = {.write = write_cb, .close = NULL};
	int err = 0;
	if (f == NULL) {
		fprintf(fuzz_err, "fuzz xml: cannot write %s\n", path);
		exit(2);
	}
	struct encoder *e = enc_new(&cb, f, 44100, 1, 64, 1234, NULL, &err);
	float pcm[8820];
	for (size_t i = 0; i < ARRAY_LEN(pcm); i++)
		pcm[i] = (float)((i % 100) < 50 ? 0.01 : -0.01);
	if (e == NULL || enc_write_float(e, pcm, (long)ARRAY_LEN(pcm)) != ENC_OK ||
	    enc_drain(e) != ENC_OK || fclose(f) != 0) {
		fprintf(fuzz_err, "fuzz xml: cannot make %s\n", path);
		exit(2);
	}
	enc_free(&e);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	site = fuzz_path("rss");
	episodes = path_join(site, "episodes");
	feed_path = path_join(site, "feed.xml");
	ledger_path = path_join(site, "guids.txt");
	page_path = path_join(episodes, "ep.html");
	if (mkdir_p(episodes) != 0) {
		fprintf(fuzz_err, "fuzz xml: cannot make %s\n", episodes);
		exit(2);
	}
	char *ogg = path_join(episodes, "ep.ogg");
	make_ogg(ogg);
	free(ogg);
	xmlInitParser();
	return 0;
}

/* s is valid UTF-8 made of characters XML allows. */
static void check_clean(const char *what, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		FUZZ_CHECK(k > 0, "%s: invalid UTF-8 at byte %zu", what, i);
		FUZZ_CHECK(xmltext_char_ok(cp), "%s: U+%04X is not allowed", what, (unsigned)cp);
		i += (size_t)k;
	}
}

/* Part 1: the sanitiser, and libxml2's writer and parser on what it gives. */
static void sanitiser(const uint8_t *data, size_t size)
{
	int rep0 = -1, rep1 = -1, again = -1;
	char *text = xmltext_clean((const char *)data, size, 0, &rep0);
	char *line = xmltext_clean((const char *)data, size, XMLTEXT_LINE, &rep1);
	FUZZ_CHECK(text && line && rep0 >= 0 && rep1 >= 0, "xmltext_clean failed");
	check_clean("text", text);
	check_clean("line", line);
	FUZZ_CHECK(strpbrk(text, "\r") == NULL, "text keeps a CR");
	FUZZ_CHECK(strpbrk(line, "\t\n\r") == NULL, "line keeps a tab or line break");
	size_t ln = strlen(line);
	FUZZ_CHECK(ln == 0 || (line[0] != ' ' && line[ln - 1] != ' '), "line is not trimmed");
	FUZZ_CHECK(strstr(line, "  ") == NULL, "line keeps a run of spaces");

	char *t2 = xmltext_clean(text, strlen(text), 0, &again);
	FUZZ_CHECK(strcmp(t2, text) == 0 && again == 0, "cleaning text twice changes it");
	free(t2);
	char *l2 = xmltext_cleans(line, XMLTEXT_LINE);
	FUZZ_CHECK(strcmp(l2, line) == 0, "cleaning a line twice changes it");
	free(l2);

	xmlBufferPtr b = xmlBufferCreate();
	xmlTextWriterPtr w = xmlNewTextWriterMemory(b, 0);
	FUZZ_CHECK(b && w, "libxml2 out of memory");
	int r = 0;
	r |= xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0;
	r |= xmlTextWriterStartElement(w, BAD_CAST "doc") < 0;
	r |= xmlTextWriterWriteAttribute(w, BAD_CAST "a", BAD_CAST line) < 0;
	r |= xmlTextWriterWriteElement(w, BAD_CAST "t", BAD_CAST text) < 0;
	r |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w);
	FUZZ_CHECK(r == 0, "xmlTextWriter refused sanitised text");

	xmlDocPtr doc = xmlReadMemory((const char *)xmlBufferContent(b), xmlBufferLength(b),
				      "fuzz.xml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	FUZZ_CHECK(doc != NULL, "the document written does not parse: %s",
		   xmlGetLastError() ? xmlGetLastError()->message : "?");
	xmlNodePtr root = xmlDocGetRootElement(doc);
	FUZZ_CHECK(root && root->children, "no <t> element");
	xmlChar *a = xmlGetProp(root, BAD_CAST "a");
	xmlNodePtr t = root->children;
	while (t && t->type != XML_ELEMENT_NODE)
		t = t->next;
	FUZZ_CHECK(t != NULL, "no <t> element");
	xmlChar *c = xmlNodeGetContent(t);
	FUZZ_CHECK(a && strcmp((char *)a, line) == 0, "attribute read back differs");
	FUZZ_CHECK(c && strcmp((char *)c, text) == 0, "element text read back differs");
	xmlFree(a);
	xmlFree(c);
	xmlFreeDoc(doc);
	xmlBufferFree(b);
	free(text);
	free(line);
}

/* The text of the first child element of n called name (the caller frees), or NULL. */
static char *child_text(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns == NULL &&
		    strcmp((const char *)c->name, name) == 0) {
			xmlChar *s = xmlNodeGetContent(c);
			char *r = xstrdup(s ? (char *)s : "");
			xmlFree(s);
			return r;
		}
	return NULL;
}

static xmlNodePtr child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

static void set(char **field, const char *v)
{
	free(*field);
	*field = v ? xstrdup(v) : NULL;
}

/* Part 2: a show and an episode published with the feed writer. */
static void feed(const uint8_t *data, size_t size)
{
	enum { CH_TITLE, CH_DESC, CH_AUTHOR, CH_COPY, CH_OWNER, CH_EMAIL, CH_LINK,
	       EP_TITLE, EP_DESC, EP_AUTHOR, EP_TAG, EP_GUID, EP_BODY, NFIELDS };
	char *fields[NFIELDS] = {0};
	size_t i = 0;
	for (int k = 0; k < NFIELDS && i <= size; k++) {
		const uint8_t *z = i < size ? memchr(data + i, 0, size - i) : NULL;
		size_t e = z ? (size_t)(z - data) : size;
		fields[k] = xstrndup((const char *)data + i, e - i);
		i = e + 1;
	}

	struct channel *ch = NULL;
	char *nochan = fuzz_path("no-such-channel.yaml");
	FUZZ_CHECK(channel_load(nochan, &ch) == 0, "default channel");
	free(nochan);
	ch->formats[0] = FMT_VORBIS;    /* the one file make_ogg wrote */
	ch->nformats = 1;
	set(&ch->title, fields[CH_TITLE] ? fields[CH_TITLE] : "A show");
	set(&ch->description, fields[CH_DESC]);
	set(&ch->author, fields[CH_AUTHOR]);
	set(&ch->copyright, fields[CH_COPY]);
	set(&ch->owner_name, fields[CH_OWNER]);
	set(&ch->owner_email, fields[CH_EMAIL]);
	free(ch->link);
	ch->link = xasprintf("https://example.org%s", fields[CH_LINK] ? fields[CH_LINK] : "");
	set(&ch->rss_dir, site);
	set(&ch->out_dir, episodes);

	struct episode *ep = xcalloc(1, sizeof *ep);
	ep->path = xstrdup("episodes/ep.md");
	ep->slug = xstrdup("ep");
	ep->date = xstrdup("2026-11-16");
	ep->lang = xstrdup("en");
	ep->explicit_ = -1;
	ep->episode_type = xstrdup("full");
	ep->title = xstrdup(fields[EP_TITLE] ? fields[EP_TITLE] : "An episode");
	set(&ep->description, fields[EP_DESC]);
	set(&ep->author, fields[EP_AUTHOR]);
	if (fields[EP_TAG]) {
		ep->tags = xcalloc(1, sizeof *ep->tags);
		ep->tags[ep->ntags++] = xstrdup(fields[EP_TAG]);
	}
	if (fields[EP_GUID] && fields[EP_GUID][0])
		ep->guid = xstrdup(fields[EP_GUID]);
	ep->body = xstrdup(fields[EP_BODY] ? fields[EP_BODY] : "Hello.\n");
	ep->body_line = 5;

	unlink(feed_path);
	unlink(ledger_path);
	unlink(page_path);
	struct feed *f = feed_new(ch);
	enum feed_err e = feed_add(f, ep);
	FUZZ_CHECK(e == FEED_OK || e == FEED_ERR_EPISODE, "feed_add: %s", feed_strerror(e));
	if (e == FEED_OK) {
		e = feed_write(f, NULL);
		FUZZ_CHECK(e == FEED_OK || e == FEED_ERR_SETTINGS || e == FEED_ERR_EPISODE,
			   "feed_write: %s", feed_strerror(e));
	}
	if (e == FEED_OK) {
		xmlDocPtr doc = xmlReadFile(feed_path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
							    XML_PARSE_NOWARNING);
		FUZZ_CHECK(doc != NULL, "the feed written does not parse");
		xmlNodePtr chan = child(xmlDocGetRootElement(doc), "channel");
		xmlNodePtr item = child(chan, "item");
		FUZZ_CHECK(chan && item, "no channel or item");
		char *want = xmltext_cleans(ch->title, XMLTEXT_LINE);
		char *got = child_text(chan, "title");
		FUZZ_CHECK(got && strcmp(got, want) == 0, "channel title differs");
		free(want);
		free(got);
		want = xmltext_cleans(ep->title, XMLTEXT_LINE);
		got = child_text(item, "title");
		FUZZ_CHECK(got && strcmp(got, want) == 0, "episode title differs");
		free(want);
		free(got);
		xmlFreeDoc(doc);
	}
	feed_free(&f);
	episode_free(&ep);
	channel_free(&ch);
	for (int k = 0; k < NFIELDS; k++)
		free(fields[k]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sanitiser(data, size);
	feed(data, size);
	return 0;
}
