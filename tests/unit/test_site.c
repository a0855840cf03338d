/*
 * test_site.c: the website stage (site.c) on hand-made inputs in a scratch
 * site: nothing is in place before site_commit and site_free leaves no
 * temporary file; titles and cue text are escaped; every audio format is a
 * <source>, in order; cues become paragraphs with the voice named where it
 * changes, Chinese sentences joined without a space, chapter titles as
 * headings; dates and labels follow the page's language; the show's CSS and
 * directories appear; a chapters file without startTime is an error.
 */
#include "show/channel.h"
#include "show/episode.h"
#include "harness.h"
#include "publish/site.h"
#include "publish/site_int.h"   /* site_text */
#include "core/util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char root[] = "/tmp/podsynth-test-site.XXXXXX";

static void put_file(const char *rel, const char *text)
{
	char *p = path_join(root, rel);
	char *d = path_dirname(p);
	mkdir_p(d);
	FILE *f = fopen(p, "w");
	OK(f && fputs(text, f) >= 0 && fclose(f) == 0, "wrote %s", rel);
	free(d);
	free(p);
}

static char *slurp(const char *rel)
{
	char *p = path_join(root, rel);
	size_t n;
	char *t = read_file(p, &n);
	free(p);
	return t;
}

/* Number of files in dir whose name contains ".tmp.". */
static int temps(const char *rel)
{
	char *p = path_join(root, rel);
	DIR *d = opendir(p);
	struct dirent *de;
	int n = 0;
	while (d && (de = readdir(d)) != NULL)
		n += strstr(de->d_name, ".tmp.") != NULL;
	if (d)
		closedir(d);
	free(p);
	return n;
}

static int has(const char *text, const char *s)
{
	return text && strstr(text, s) != NULL;
}

/* The one text: the notes as written, the cues' times woven in. */
static void test_one_text(void)
{
	struct cue c[] = {
		{1.0, 2.0, "", "", 0, "Intro"},
		{2.0, 4.0, "Ana", "", 0, "See the kernel archive today."},
		{4.0, 5.0, "Ana", "", 0, "Real time is done."},
		{5.0, 6.0, "Ana", "", 0, "The tree is small."},
		{6.0, 7.0, "Ana", "", 0, "6.12: year 2024."},
		{7.0, 8.0, "Ana", "", 0, "Spoken only, not in the notes."},
	};
	struct chapter ch[] = {{0, "Intro", NULL, NULL, NULL}};
	char found[2] = {0, 0};
	const char *notes = "<h1>Intro</h1>\n<p>See the <a href=\"https://x.org/\">kernel archive</a> today. "
			    "<em>Real time is done. The tree is small.</em></p>\n<table><tr><th>Version</th>"
			    "<th>Year</th></tr><tr><td>6.12</td><td>2024</td></tr></table>\n";
	struct buf b = {0};
	site_text(&b, notes, c, (int)ARRAY_LEN(c), ch, 1, found, 3, "en", "en");
	const char *o = b.data ? b.data : "";
	OK(found[0] && strstr(o, "<h3 class=\"heading\" id=\"ch-1\"><span class=\"cue\" data-start=\"1.000\" "
				  "data-end=\"2.000\">Intro</span></h3>"),
	   "one text: the heading once, moved under the page's h2, the chapter's target");
	OK(strstr(o, "<p><span class=\"speaker\">Ana</span> <span class=\"cue\" data-start=\"2.000\" "
		     "data-end=\"4.000\">See the <a href=\"https://x.org/\">kernel archive</a> today.</span>") != NULL,
	   "one text: a link inside a sentence stays inside its span, the speaker named");
	OK(strstr(o, "<em><span class=\"cue\" data-start=\"4.000\" data-end=\"5.000\">Real time is done."
		     "</span> <span class=\"cue\" data-start=\"5.000\"") != NULL,
	   "one text: emphasis across two sentences holds both spans");
	OK(strstr(o, "<td><span class=\"cue\" data-start=\"6.000\" data-end=\"7.000\">6.12</span></td>") &&
	   strstr(o, "<th>Version</th>"),
	   "one text: a table row said as a sentence is found word by word; the header stays untimed");
	OK(strstr(o, "<p><span class=\"cue\" data-start=\"7.000\" data-end=\"8.000\">Spoken only, not in "
		     "the notes.</span></p>") != NULL,
	   "one text: a cue found nowhere in the notes is a paragraph of its own");
	int n = 0;
	for (const char *p = o; (p = strstr(p, "Real time is done")) != NULL; p++)
		n++;
	INT_EQ(n, 1, "one text: each sentence once");
	buf_free(&b);
}

int main(void)
{
	test_one_text();
	if (mkdtemp(root) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	put_file("episodes/a.1.ogg", "OggS audio");
	put_file("episodes/a.1.mp3", "ID3 audio, longer");
	put_file("episodes/a.vtt",
		 "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Intro & news\n\n"
		 "00:00:02.000 --> 00:00:04.500\n<v Ana>Tom &amp; &lt;Jerry&gt; said\nhello.\n\n"
		 "00:00:04.500 --> 00:00:06.000\n<v Ana><c.quote><lang fr>Une\ncitation.</lang></c>\n\n"
		 "00:00:06.000 --> 00:00:06.200\n<v Ben>Yes.\n\n"
		 "00:00:07.000 --> 00:00:08.000\n<v Ben>After a pause.\n");
	put_file("episodes/a.chapters.json",
		 "{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0.000, \"title\": "
		 "\"Intro & news\"}, {\"startTime\": 4.5, \"title\": \"Second \\u00e9\"}]}\n");
	put_file("episodes/b.vtt",
		 "WEBVTT\n\n00:00:00.500 --> 00:00:01.000\n<v Zh>你好。\n\n"
		 "00:00:01.000 --> 00:00:02.000\n<v Zh>再见。\n");
	put_file("episodes/b.1.ogg", "OggS");
	put_file("show.css", "body { color: red; }\n");

	char *css = path_join(root, "show.css");
	char *names[] = {"Apple Podcasts"}, *urls[] = {"https://podcasts.apple.com/x?a=1&b=2"};
	struct channel ch = {
		.title = "Show <&> \"Q\"", .description = "About it.", .language = "en",
		.link = "https://example.org/show", .site_css = css,
		.directory_names = names, .directory_urls = urls, .ndirectories = 1,
	};
	struct episode ea = {.title = "Ep <1> & more", .date = "2026-11-16"};
	struct episode eb = {.title = "中文节目", .date = "2026-11-14", .lang = "zh"};
	char *p_ogg = path_join(root, "episodes/a.1.ogg"), *p_mp3 = path_join(root, "episodes/a.1.mp3");
	char *p_vtt = path_join(root, "episodes/a.vtt"), *p_chap = path_join(root, "episodes/a.chapters.json");
	char *p_bvtt = path_join(root, "episodes/b.vtt"), *p_bogg = path_join(root, "episodes/b.1.ogg");
	struct site_audio aa[] = {
		{"Ogg Vorbis", "audio/ogg; codecs=vorbis", p_ogg, 10, 64, 0},
		{"MP3", "audio/mpeg", p_mp3, 2500000, 128, 0},
	};
	struct site_audio ab[] = {{"Ogg Vorbis", "audio/ogg; codecs=vorbis", p_bogg, 4, 64, 0}};
	struct site_episode a = {.ep = &ea, .slug = "a", .seconds = 3725, .audio = aa, .naudio = 2,
				 .vtt = p_vtt, .chapters = p_chap, .notes_html = "<p>notes</p>\n",
				 .summary = "Sum & mary"};
	struct site_episode b = {.ep = &eb, .slug = "b", .seconds = 65, .audio = ab, .naudio = 1,
				 .vtt = p_bvtt, .notes_html = "", .summary = "中文"};

	/* prepared but not committed: nothing in place, nothing left behind */
	struct site *s = site_new(&ch, root);
	site_add(s, &a);
	site_add(s, &b);
	INT_EQ(site_prepare(s), SITE_OK, "site prepared");
	char *idx = slurp("index.html");
	OK(idx == NULL, "nothing in place before site_commit");
	free(idx);
	OK(temps("") > 0 && temps("episodes") > 0, "the pages wait under temporary names");
	site_free(&s);
	OK(s == NULL, "site_free clears the pointer");
	INT_EQ(temps("") + temps("episodes") + temps("assets"), 0,
	       "site_free removes what was not committed");

	/* and now for real */
	s = site_new(&ch, root);
	site_add(s, &a);
	site_add(s, &b);
	INT_EQ(site_prepare(s), SITE_OK, "site prepared again");
	INT_EQ(site_commit(s), SITE_OK, "site committed");
	site_free(&s);
	idx = slurp("index.html");
	char *pa = slurp("episodes/a.html"), *pb = slurp("episodes/b.html");
	char *js = slurp("assets/podsynth.js");
	OK(idx && pa && pb && js, "index, pages and assets in place");
	OK(has(idx, "<h1>Show &lt;&amp;&gt; &quot;Q&quot;</h1>"), "the show's title is escaped");
	OK(has(idx, "<a href=\"episodes/a.html\">Ep &lt;1&gt; &amp; more</a>"),
	   "the index links the page, title escaped");
	OK(has(idx, "<a href=\"https://podcasts.apple.com/x?a=1&amp;b=2\">Apple Podcasts</a>"),
	   "a directory link");
	OK(has(idx, "16 November 2026") && has(idx, "1:02:05"), "date and duration on the index");
	OK(has(idx, "<article lang=\"zh\">") && has(idx, "2026年11月14日"),
	   "a Chinese episode on an English index is marked and dated in Chinese");
	OK(has(idx, "href=\"show.css\""), "the show's CSS from the index");
	const char *s1 = pa ? strstr(pa, "<source src=\"a.1.ogg\" type=\"audio/ogg; codecs=vorbis\">") : NULL;
	const char *s2 = pa ? strstr(pa, "<source src=\"a.1.mp3\" type=\"audio/mpeg\">") : NULL;
	OK(s1 && s2 && s1 < s2, "a <source> per format, in the order given");
	OK(has(pa, "MP3</a> (128 kbit/s, 2.5 MB)"), "downloads with bit rate and size");
	OK(has(pa, "href=\"../show.css\""), "the show's CSS from an episode page");
	OK(has(pa, "<meta property=\"og:audio\" content=\"https://example.org/show/episodes/a.1.ogg\">"),
	   "og:audio is the first format");
	OK(has(pa, "<h3 class=\"heading\" id=\"ch-1\"><span class=\"cue\" data-start=\"1.000\" "
		   "data-end=\"2.000\">Intro &amp; news</span></h3>"),
	   "a chapter's title in the transcript is a heading, the chapter link's target");
	OK(has(pa, "<a href=\"#ch-1\" data-start=\"0.000\">"),
	   "the chapter list links the heading (which works without the script)");
	OK(has(pa, "<p><span class=\"speaker\">Ana</span> <span class=\"cue\" data-start=\"2.000\" "
		   "data-end=\"4.500\">Tom &amp; &lt;Jerry&gt; said hello.</span></p>"),
	   "a cue's lines are one sentence, escaped, after its speaker");
	OK(has(pa, "</p>\n<blockquote><p><span class=\"cue\" data-start=\"4.500\" data-end=\"6.000\" "
		   "lang=\"fr\">Une citation.</span></p></blockquote>\n"),
	   "a quotation is a blockquote, the speaker not named again, its language marked");
	OK(has(pa, "<p><span class=\"speaker\">Ben</span> <span class=\"cue\" data-start=\"6.000\""),
	   "a change of speaker starts a paragraph named after them");
	OK(has(pa, "</span></p>\n<p><span class=\"cue\" data-start=\"7.000\""),
	   "a pause starts a paragraph without naming the voice again");
	OK(has(pa, "<span class=\"time\">0:04</span> <span class=\"title\">Second \xc3\xa9</span>"),
	   "chapters read from the JSON (escapes included)");
	OK(has(pb, "<html lang=\"zh\">") && has(pb, "章节") == 0 && has(pb, "文字稿"),
	   "the Chinese page: lang, labels in Chinese (no chapters file, no chapter list)");
	OK(has(pb, "你好。</span><span class=\"cue\""), "Chinese sentences are joined without a space");
	OK(has(pa, "<link rel=\"canonical\" href=\"https://example.org/show/episodes/a.html\">"),
	   "the canonical link");
	free(idx);
	free(pa);
	free(pb);
	free(js);

	/* an episode gone: its page goes, a hand-written page stays */
	put_file("episodes/mine.html", "<!DOCTYPE html><title>mine</title>");
	s = site_new(&ch, root);
	site_add(s, &a);
	INT_EQ(site_prepare(s), SITE_OK, "one episode fewer");
	INT_EQ(site_commit(s), SITE_OK, "committed");
	site_free(&s);
	char *gone = slurp("episodes/b.html"), *mine = slurp("episodes/mine.html");
	OK(gone == NULL && mine != NULL, "the withdrawn episode's page is removed, other HTML stays");
	free(gone);
	free(mine);

	/* bad chapters: an error, and nothing staged is left */
	put_file("episodes/a.chapters.json", "{\"chapters\": [{\"title\": \"no time\"}]}");
	s = site_new(&ch, root);
	site_add(s, &a);
	INT_EQ(site_prepare(s), SITE_ERR_INPUT, "a chapter without startTime is an error");
	site_free(&s);
	INT_EQ(temps("") + temps("episodes") + temps("assets"), 0, "and leaves no temporary file");

	/* a site_css that is not there */
	ch.site_css = "/nonexistent/show.css";
	s = site_new(&ch, root);
	INT_EQ(site_prepare(s), SITE_ERR_INPUT, "a missing site_css is an error");
	site_free(&s);

	char *cmd = xasprintf("rm -rf '%s'", root);
	OK(system(cmd) == 0, "scratch removed");
	free(cmd);
	free(css);
	free(p_ogg);
	free(p_mp3);
	free(p_vtt);
	free(p_chap);
	free(p_bvtt);
	free(p_bogg);
	return harness_done();
}
