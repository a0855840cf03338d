/*
 * test_publish.c: the publishing stage's pure parts: strings sanitised for
 * XML (xmltext.c), podcast:guid, Apple's categories and RFC 2822 dates
 * (feed.c), Speech Markdown taken out and show notes made safe
 * (shownotes.c), JSON chapters (chapters.c).
 */
#include "publish/chapters.h"
#include "show/episode.h"
#include "publish/feed.h"
#include "harness.h"
#include "publish/shownotes.h"
#include "core/text.h"
#include "core/util.h"
#include "core/xmltext.h"

#include <stdlib.h>
#include <string.h>

static void clean_eq(const char *in, size_t n, int flags, const char *want, int want_bad,
		     const char *what)
{
	int bad = -1;
	char *got = xmltext_clean(in, n, flags, &bad);
	STR_EQ(got, want, what);
	INT_EQ(bad, want_bad, what);
	size_t off;
	OK(utf8_check(got, strlen(got), &off) == 0, "%s: the result is valid UTF-8", what);
	free(got);
}

static void test_xmltext(void)
{
	clean_eq("Tom & Jerry <b> \"q\" 'a'", 23, 0, "Tom & Jerry <b> \"q\" 'a'", 0,
		 "markup characters are left to the XML writer");
	clean_eq("a\x01" "b\x07" "c\x1b" "d\x7f" "e", 9, 0, "abcde", 4, "C0 controls and DEL go");
	clean_eq("tab\there\nline", 13, 0, "tab\there\nline", 0, "tab and line feed stay");
	clean_eq("a\r\nb\rc", 6, 0, "a\nb\nc", 0, "CR LF and CR become LF");
	clean_eq("a\0b", 3, 0, "ab", 1, "NUL goes");
	clean_eq("x\xc2\x85y", 4, 0, "xy", 1, "C1 control (U+0085) goes");
	clean_eq("x\xef\xbf\xbey\xef\xbf\xbfz", 9, 0, "xyz", 2, "U+FFFE and U+FFFF go");
	clean_eq("x\xf0\x9f\xbf\xbey", 6, 0, "xy", 1, "U+1FFFE goes");
	clean_eq("x\xef\xb7\x90y", 5, 0, "xy", 1, "U+FDD0 goes");
	clean_eq("x\xed\xa0\x80y", 5, 0, "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdy", 3,
		 "an encoded lone surrogate becomes U+FFFD per ill-formed part");
	clean_eq("x\xffy", 3, 0, "x\xef\xbf\xbdy", 1, "a stray byte becomes U+FFFD");
	clean_eq("x\xe4\xb8y", 4, 0, "x\xef\xbf\xbdy", 1,
		 "a truncated sequence becomes one U+FFFD");
	clean_eq("x\xc0\xafy", 4, 0, "x\xef\xbf\xbd\xef\xbf\xbdy", 2,
		 "an overlong form is ill-formed");
	clean_eq("x\xf4\x90\x80\x80y", 6, 0, "x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdy", 4,
		 "a code point past U+10FFFF is ill-formed");
	clean_eq("\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x8e\x99", 11, 0,
		 "\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x8e\x99", 0, "Chinese and emoji stay");
	clean_eq("  one\t two \n\n three  ", 21, XMLTEXT_LINE, "one two three", 0,
		 "XMLTEXT_LINE folds white space");
	clean_eq("\xe4\xb8", 2, XMLTEXT_LINE, "\xef\xbf\xbd", 1, "truncated at the end");
	char *e = xmltext_cleans(NULL, 0);
	STR_EQ(e, "", "NULL gives an empty string");
	free(e);
	OK(xmltext_char_ok(0x10FFFD) && !xmltext_char_ok(0x10FFFF) && !xmltext_char_ok(0xD800),
	   "xmltext_char_ok at the edges");
}

static void test_guid(void)
{
	char g[37];
	/* The examples in the podcast namespace's description of podcast:guid. */
	feed_podcast_guid("https://podnews.net/rss", g);
	STR_EQ(g, "9b024349-ccf0-5f69-a609-6b82873eab3c", "podcast:guid of podnews.net/rss");
	feed_podcast_guid("http://podnews.net/rss//", g);
	STR_EQ(g, "9b024349-ccf0-5f69-a609-6b82873eab3c",
	       "scheme and trailing slashes do not count");
	feed_podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml", g);
	STR_EQ(g, "917393e3-1b1e-5cef-ace4-edaa54e1f810",
	       "podcast:guid of mp3s.nashownotes.com/pc20rss.xml");
}

static void test_categories(void)
{
	OK(feed_category_ok("Technology", NULL), "Technology is a category");
	OK(feed_category_ok("News", "Tech News"), "News / Tech News");
	OK(feed_category_ok("Society & Culture", "Documentary"), "Society & Culture / Documentary");
	OK(!feed_category_ok("Technology", "Tech News"), "Technology has no Tech News");
	OK(!feed_category_ok("Tech", NULL), "Tech is not a category");
	OK(!feed_category_ok("technology", NULL), "categories are case-sensitive");
	OK(!feed_category_ok(NULL, NULL), "no category");
}

static void test_dates(void)
{
	char out[40];
	long long when = 0;
	OK(feed_rfc2822("2023-04-24", NULL, out, &when) == 0, "a date parses");
	STR_EQ(out, "Mon, 24 Apr 2023 00:00:00 +0000", "RFC 2822 with the weekday");
	INT_EQ(when, 1682294400, "seconds since the epoch");
	OK(feed_rfc2822("2024-02-29", "18:05", out, NULL) == 0, "a leap day with HH:MM");
	STR_EQ(out, "Thu, 29 Feb 2024 18:05:00 +0000", "the time is used");
	OK(feed_rfc2822("2026-11-16", "07:08:09", out, NULL) == 0, "HH:MM:SS");
	STR_EQ(out, "Mon, 16 Nov 2026 07:08:09 +0000", "seconds kept");
	OK(feed_rfc2822("2023-02-30", NULL, out, NULL) != 0, "30 February is refused");
	OK(feed_rfc2822("2023-4-5", NULL, out, NULL) != 0, "short fields are refused");
	OK(feed_rfc2822("2023-04-05x", NULL, out, NULL) != 0, "trailing junk is refused");
	OK(feed_rfc2822("2023-04-05", "25:00", out, NULL) != 0, "hour 25 is refused");
	OK(feed_rfc2822(NULL, NULL, out, NULL) != 0, "no date is refused");
}

static void unspeech_eq(const char *in, const char *want, const char *what)
{
	char *got = shownotes_unspeech(in, strlen(in));
	STR_EQ(got, want, what);
	free(got);
}

static void test_unspeech(void)
{
	unspeech_eq("say (SQL)[sub:\"sequel\"] now", "say SQL now", "a substitution keeps the text");
	unspeech_eq("(Linus)[voice:\"quote\";lang:\"en\"] said", "Linus said",
		    "several modifiers");
	unspeech_eq("wait [500ms] then", "wait then", "a pause goes with one space");
	unspeech_eq("wait [1.5s]. Then", "wait. Then", "seconds");
	unspeech_eq("a [break:\"strong\"] b", "a b", "a standalone break");
	unspeech_eq("see [the docs](http://x/) (really)", "see [the docs](http://x/) (really)",
		    "links and parentheses stay");
	unspeech_eq("[500ms](http://x/)", "[500ms](http://x/)", "link text that looks like a pause");
	unspeech_eq("code `(x)[sub:\"y\"]` and [1s]", "code `(x)[sub:\"y\"]` and",
		    "code spans are left alone");
	unspeech_eq("```\n(x)[sub:\"y\"] [1s]\n```\n(x)[sub:\"y\"]\n",
		    "```\n(x)[sub:\"y\"] [1s]\n```\nx\n", "fenced code is left alone");
	unspeech_eq("\\[500ms]", "\\[500ms]", "an escaped bracket stays");
	/* the forms the speech stage reads, which the notes' own copy of the grammar missed */
	unspeech_eq("an (RCU)[characters] lock", "an RCU lock", "a modifier without a value");
	unspeech_eq("(never)[emphasis;rate:\"x-slow\"] again", "never again",
		    "a bare modifier before others");
	unspeech_eq("a (SoC)[sub:'system on a chip'] b", "a SoC b", "a value in single quotes");
	unspeech_eq("a (slow)[rate:80%] b", "a slow b", "an unquoted percentage");
	unspeech_eq("a [break: \"strong\"] b", "a b", "a break with a space before its value");
	unspeech_eq("(system on\na chip)[sub:\"SoC\"] b", "system on\na chip b",
		    "a line break inside the text (the speech stage reads it as a space)");
	unspeech_eq("say [voice:\"quote\"] as written", "say [voice:\"quote\"] as written",
		    "a modifier with no text is not markup: it is spoken, and shown");
	unspeech_eq("wait [1.2.3s] here", "wait [1.2.3s] here", "not a duration: spoken, and shown");
	unspeech_eq("a [audio:\"clips/x.wav\"] b", "a b", "an audio insert goes");
	unspeech_eq("a (b\n\nc)[sub:\"d\"]", "a (b\n\nc)[sub:\"d\"]",
		    "markup does not reach across paragraphs");
}

static void test_html(void)
{
	struct episode ep = {0};
	ep.path = "episodes/x.md";
	ep.body = "# Section one\n\n"
		  "Text with [a link](https://lore.kernel.org/lkml/) and `io_uring` code.\n\n"
		  "<!-- producer note: not for listeners -->\n\n"
		  "<script>alert('x')</script>\n\n"
		  "A [relative link](notes/x.html) and a [bad one](javascript:alert(1)).\n\n"
		  "<span onclick=\"evil()\">kept text</span> & (SQL)[sub:\"sequel\"]\n\n"
		  "```\nCONFIG_PREEMPT_RT=y\n```\n";
	char *h = shownotes_html(&ep, "https://example.org/show");
	OK(h != NULL, "show notes render");
	if (h == NULL)
		return;
	OK(strstr(h, "<h1>Section one</h1>") != NULL, "the section is a heading");
	OK(strstr(h, "<a href=\"https://lore.kernel.org/lkml/\">a link</a>") != NULL,
	   "links are kept");
	OK(strstr(h, "<code>io_uring</code>") != NULL, "code spans are kept");
	OK(strstr(h, "<pre><code>CONFIG_PREEMPT_RT=y\n</code></pre>") != NULL, "code blocks are kept");
	OK(strstr(h, "producer note") == NULL, "HTML comments go");
	OK(strstr(h, "script") == NULL && strstr(h, "alert") == NULL, "scripts go with their content");
	OK(strstr(h, "href=\"https://example.org/show/notes/x.html\"") != NULL,
	   "relative links become absolute");
	OK(strstr(h, "javascript") == NULL && strstr(h, "<a>bad one</a>") != NULL,
	   "a javascript: link loses its target");
	OK(strstr(h, "onclick") == NULL && strstr(h, "kept text") != NULL,
	   "unknown elements are unwrapped, event attributes go");
	OK(strstr(h, "&amp; SQL") != NULL, "Speech Markdown is taken out, & escaped");
	free(h);

	struct block b = {BLOCK_PARAGRAPH, 0, 3, -1,
			  "First paragraph, with (SQL)[sub:\"sequel\"] and a pause [500ms] in it.", -1};
	struct episode e2 = {0};
	e2.blocks = &b;
	e2.nblocks = 1;
	char *s = shownotes_summary(&e2, 1000);
	STR_EQ(s, "First paragraph, with SQL and a pause in it.",
	       "summary from the first paragraph");
	free(s);
	s = shownotes_summary(&e2, 30);
	OK(strlen(s) <= 30 && strstr(s, "\xE2\x80\xA6") != NULL, "a long summary is cut with an ellipsis (\"%s\")", s);
	free(s);
	e2.description = "Own\x01 description";
	s = shownotes_summary(&e2, 1000);
	STR_EQ(s, "Own description", "the front matter's description wins, sanitised");
	free(s);
}

static void test_chapters_json(void)
{
	struct chapter c[] = {{.start = 0, .title = "Intro \"quoted\" \\ back"}, {.start = 66150, .title = "\xe6\x9e\xb6\xe6\x9e\x84"},
			      {.start = 44100 * 61 + 22, .title = "Third"}};
	char *j = chapters_json(c, 3, 44100, "Ep & 1", "Show", NULL);
	OK(strstr(j, "\"version\": \"1.2.0\"") != NULL, "version 1.2.0");
	OK(strstr(j, "\"startTime\": 0.000,") != NULL, "first chapter at 0");
	OK(strstr(j, "\"startTime\": 1.500,") != NULL, "1.5 s");
	OK(strstr(j, "\"startTime\": 61.000,") != NULL, "61 s (22 frames round down)");
	OK(strstr(j, "\"title\": \"Intro \\\"quoted\\\" \\\\ back\"") != NULL, "titles escaped");
	OK(strstr(j, "\"podcastName\": \"Show\"") != NULL, "podcast name");
	free(j);
	INT_EQ(chapters_ms(22050, 44100), 500, "chapters_ms");
	INT_EQ(chapters_ms(23, 44100), 1, "chapters_ms rounds to nearest");
}

/*
 * Every link target of the body: the notes keep it or drop it, and
 * shownotes_check_links (podsynth check) warns exactly about those dropped.
 */
static void test_links(void)
{
	static const struct {
		const char *md;
		int dropped;
	} cases[] = {
		{"[x](https://example.org/a)", 0},
		{"[x](notes/a.html)", 0},
		{"<https://example.org/b>", 0},
		{"www.example.org/c", 0},
		{"<a href=\"https://example.org/d\">y</a>", 0},
		{"[x](https://example.org/a%20b)", 0},
		{"[x](javascript:alert(1))", 1},
		{"[x](JAVASCRIPT:alert(1))", 1},
		{"[x](<  javascript:alert(1)>)", 1},
		{"[x](java&#115;cript:alert(1))", 1},
		{"[x](javascript&colon;alert(1))", 1},
		{"[x](java&#x09;script:alert(1))", 1},
		{"[x](<java\tscript:alert(1)>)", 1},
		{"[x](data:text/html,x)", 1},
		{"[x](vbscript:msgbox)", 1},
		{"[x](file:///etc/passwd)", 1},
		{"[x](//evil.example/x)", 1},
		{"[x](https:evil.example)", 1},
		{"[x](mailto:a@example.org)", 1},
		{"<a@example.org>", 1},
		{"<javascript:alert(1)>", 1},
		{"![x](data:image/png;base64,AAAA)", 1},
		{"[x][r]\n\n[r]: vbscript:ref", 1},
		{"<a href=\"javascript:x\">y</a>", 1},
		{"<a href=\"&#106;avascript:x\">y</a>", 1},
		{"<a href=\" jAvAsCrIpT:x\">y</a>", 1},
		{"<a href=\"\\\\evil.example/x\">y</a>", 1},
		{"<p>\n<img\n src=\"data:image/svg+xml,x\">\n</p>", 1},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct episode ep = {0};
		ep.path = "episodes/x.md";
		ep.body = (char *)cases[i].md;
		ep.body_line = 6;
		char *h = shownotes_html(&ep, "https://example.org/show");
		int kept = h && (strstr(h, "href=") || strstr(h, "src="));
		int warned = shownotes_check_links(&ep, "https://example.org/show");
		char what[160];
		snprintf(what, sizeof what, "%s: %s by the notes, %s by check", cases[i].md,
			 cases[i].dropped ? "dropped" : "kept", cases[i].dropped ? "warned" : "not warned");
		OK(kept == !cases[i].dropped && warned == cases[i].dropped, what);
		free(h);
	}
}

/* A tilde between digits is a range in the notes too, not struck text. */
static void test_tilde_range(void)
{
	struct episode ep = {0};
	ep.path = "episodes/x.md";
	ep.body = (char *)"It takes 5~6 years and 10~20 ms, 500ms~10s and 50ms~1s, not ~~seven~~ years.\n";
	ep.body_line = 6;
	char *h = shownotes_html(&ep, "https://example.org/show");
	OK(h && strstr(h, "5~6 years and 10~20 ms, 500ms~10s and 50ms~1s") != NULL, "notes: 5~6, 10~20 and 500ms~10s are shown as written");
	OK(h && strstr(h, "<del>seven</del>") != NULL, "notes: ~~seven~~ is still struck");
	free(h);
}

int main(void)
{
	test_tilde_range();
	test_xmltext();
	test_guid();
	test_categories();
	test_dates();
	test_unspeech();
	test_html();
	test_links();
	test_chapters_json();
	return harness_done();
}
