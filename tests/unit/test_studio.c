/*
 * test_studio.c: the studio's pure parts: form, cookie and range decoding
 * (form.c), escaping for HTML, JSON and URLs (esc.c), and summaries in the
 * episode file (epfile.c): found by Message-ID, replaced or added, refused
 * when they would break the item structure, and saved only when the base
 * version still holds; the welcome found and replaced; the writers: block
 * written as YAML and put in the front matter; podsynth draft's own output
 * (tests/draft/), whose items the marker line names, edited in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "core/core.h"
#include "studio/form.h"
#include "studio/esc.h"
#include "studio/epfile.h"
#include "draft/draft.h"

static void test_form(void)
{
	struct form f;
	INT_EQ(form_decode("a=1&b=x+y%21&c=", 15, &f), FORM_OK, "a plain form decodes");
	STR_EQ(form_get(&f, "b"), "x y!", "'+' is a space and %21 a '!'");
	STR_EQ(form_get(&f, "c"), "", "an empty value is kept");
	OK(form_get(&f, "d") == NULL, "an absent field is NULL");
	form_free(&f);

	INT_EQ(form_decode("a=%zz", 5, &f), FORM_MALFORMED, "a bad %-escape is refused");
	form_free(&f);
	INT_EQ(form_decode("a=%4", 4, &f), FORM_MALFORMED, "a cut %-escape is refused");
	form_free(&f);
	INT_EQ(form_decode("a=1&a=2", 7, &f), FORM_MALFORMED, "a repeated field is refused");
	form_free(&f);
	INT_EQ(form_decode("=1", 2, &f), FORM_MALFORMED, "an empty key is refused");
	form_free(&f);
	INT_EQ(form_decode("a\0b=1", 5, &f), FORM_MALFORMED, "a raw NUL is refused");
	form_free(&f);
	INT_EQ(form_decode("a=x%00y", 7, &f), FORM_OK, "an encoded NUL decodes...");
	OK(form_get(&f, "a") == NULL, "...but its value is never handed out");
	form_free(&f);

	struct buf b = {0};
	for (int i = 0; i < FORM_MAX_FIELDS + 1; i++)
		buf_printf(&b, "k%d=v&", i);
	INT_EQ(form_decode(b.data, b.len, &f), FORM_TOO_BIG, "one field too many is refused");
	form_free(&f);
	buf_reset(&b);
	for (int i = 0; i < FORM_MAX_KEY + 1; i++)
		buf_putc(&b, 'k');
	buf_puts(&b, "=v");
	INT_EQ(form_decode(b.data, b.len, &f), FORM_TOO_BIG, "a key over its bound is refused");
	form_free(&f);
	char *big = xcalloc(FORM_MAX_BODY + 2, 1);
	memset(big, 'a', FORM_MAX_BODY + 1);
	INT_EQ(form_decode(big, FORM_MAX_BODY + 1, &f), FORM_TOO_BIG, "a body over 64 KiB is refused");
	form_free(&f);
	free(big);
	buf_free(&b);
}

static void test_cookie_range(void)
{
	char *c = cookie_get("a=1; studio_session=abc-DEF_9; b=2", "studio_session");
	STR_EQ(c, "abc-DEF_9", "the named cookie is found among others");
	free(c);
	OK(cookie_get("xstudio_session=abc", "studio_session") == NULL, "a longer name is not it");
	OK(cookie_get("studio_session=a\"b", "studio_session") == NULL, "a value with other bytes is refused");
	OK(cookie_get(NULL, "studio_session") == NULL, "no header, no cookie");

	size_t a, z;
	INT_EQ(range_parse("bytes=0-99", 1000, &a, &z), 0, "bytes=0-99 is a range");
	INT_EQ(a * 10000 + z, 99, "...from 0 to 99");
	INT_EQ(range_parse("bytes=900-", 1000, &a, &z), 0, "bytes=900- is a range");
	INT_EQ(z, 999, "...to the end");
	INT_EQ(range_parse("bytes=-10", 1000, &a, &z), 0, "bytes=-10 is the last ten");
	INT_EQ(a, 990, "...from 990");
	INT_EQ(range_parse("bytes=500-99999", 1000, &a, &z), 0, "an end past the size is cut");
	INT_EQ(z, 999, "...to the last byte");
	INT_EQ(range_parse("bytes=1000-", 1000, &a, &z), -1, "a start past the end cannot be satisfied");
	INT_EQ(range_parse("bytes=5-2", 1000, &a, &z), 1, "a backwards range is ignored");
	INT_EQ(range_parse("bytes=0-1,5-6", 1000, &a, &z), 1, "several ranges: the whole body");
	INT_EQ(range_parse("bytes=99999999999999999999-", 1000, &a, &z), 1, "a huge number is ignored");
	INT_EQ(range_parse(NULL, 1000, &a, &z), 1, "no Range: the whole body");
}

static void test_esc(void)
{
	struct buf b = {0};
	esc_html(&b, "<a href=\"x\">'&'</a>");
	STR_EQ(b.data, "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;", "HTML: & < > \" ' escaped");
	buf_reset(&b);
	esc_json(&b, "a\"b\\c\n</script>\x01\xE2\x80\xA8");
	STR_EQ(b.data, "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0001\\u2028\"", "JSON: quotes, controls, < > and U+2028");
	buf_reset(&b);
	esc_url(&b, "a b@c/é");
	STR_EQ(b.data, "a%20b%40c%2F%C3%A9", "URL: all but unreserved bytes");
	buf_free(&b);
}

static const char episode[] =
	"---\ntitle: W\ndate: 2026-11-18\n---\n\n# RISC-V\n\n"
	"**[v1: riscv: one](https://lore.kernel.org/r/one@x/)**\n\nPosted by A.\n\n> quote\n\n"
	"**[v2: riscv: two](https://lore.kernel.org/r/two@x/)**\n\nTwo's text.\n\n"
	"# Memory\n\nOutro.\n";

static void test_epfile(void)
{
	int line = 0;
	char *s = epfile_summary(episode, "one@x", &line);
	STR_EQ(s, "Posted by A.\n\n> quote", "the summary runs to the next item");
	INT_EQ(line, 8, "...and the item's line is known");
	free(s);
	s = epfile_summary(episode, "two@x", NULL);
	STR_EQ(s, "Two's text.", "the last item's summary ends at the heading");
	free(s);
	OK(epfile_summary(episode, "three@x", NULL) == NULL, "a thread not in the episode has no summary");

	char *t = epfile_with_summary(episode, "one@x", "v1: riscv: one", "u", "New words.\r\n\r\nMore.");
	s = epfile_summary(t, "one@x", NULL);
	STR_EQ(s, "New words.\n\nMore.", "a summary is replaced (CRLF made LF)");
	free(s);
	s = epfile_summary(t, "two@x", NULL);
	STR_EQ(s, "Two's text.", "...and the next item is untouched");
	free(s);
	OK(strstr(t, "# Memory\n\nOutro.\n") != NULL, "...and what follows is kept");
	free(t);
	t = epfile_with_summary(episode, "new@x", "v1: x*y", "https://a/new@x/", "Fresh.");
	s = epfile_summary(t, "new@x", NULL);
	STR_EQ(s, "Fresh.", "a new item is added with its summary");
	free(s);
	OK(strstr(t, "**[v1: x\\*y](https://a/new@x/)**") != NULL, "...its title escaped for Markdown");
	free(t);

	OK(epfile_summary_problem("Plain.\n\nTwo paragraphs, *emphasis*.") == NULL, "prose may go in");
	OK(epfile_summary_problem("x\n# Heading") != NULL, "a heading may not");
	OK(epfile_summary_problem("x\n**[a](https://h/i@d/)**") != NULL, "an item line may not");
	OK(epfile_summary_problem("x\n---") != NULL, "a rule may not");
	OK(epfile_summary_problem("\xff") != NULL, "invalid UTF-8 may not");

	/* epfile_save: the base version decides */
	char dir[] = "/tmp/podsynth-studio-test.XXXXXX";
	OK(mkdtemp(dir) != NULL, "a scratch directory");
	char *path = path_join(dir, "2026-11-18-week.md");
	write_file_atomic(path, episode, strlen(episode));
	char base[17];
	s = epfile_summary(episode, "two@x", NULL);
	epfile_version(s, base);
	free(s);
	const char *why;
	INT_EQ(epfile_save(path, "two@x", "t", "u", base, "Saved once.", &why), EPFILE_SAVED, "a save from the current version is written");
	INT_EQ(epfile_save(path, "two@x", "t", "u", base, "Saved twice.", &why), EPFILE_CONFLICT, "a save from an old version is a conflict");
	size_t n;
	char *now = read_file(path, &n);
	s = epfile_summary(now, "two@x", NULL);
	STR_EQ(s, "Saved once.", "...and the file keeps the first save");
	free(s);
	INT_EQ(epfile_save(path, "new@x", "t", "https://a/new@x/", "new", "Brand new.", &why), EPFILE_SAVED, "a new item is saved from \"new\"");
	INT_EQ(epfile_save(path, "two@x", "t", "u", base, "# no", &why), EPFILE_REFUSED, "a heading in a summary is refused");
	char *after = read_file(path, &n);
	OK(strstr(after, "Brand new.") && strstr(after, "Saved once."), "...and nothing was written");
	free(now);
	free(after);
	unlink(path);
	rmdir(dir);
	free(path);
}

/* The order of the outline's entries as one string: "H:RISC-V I:one@x ...". */
static char *order(const char *text)
{
	struct outline_entry *e;
	int n = epfile_outline(text, &e);
	struct buf b = {0};
	buf_puts(&b, "");
	for (int i = 0; i < n; i++)
		buf_printf(&b, "%s%s:%s", i ? " " : "", e[i].heading ? "H" : "I", e[i].heading ? e[i].text : e[i].id);
	outline_free(&e, n);
	return buf_detach(&b);
}

static void test_move(void)
{
	char *o = order(episode);
	STR_EQ(o, "H:RISC-V I:one@x I:two@x H:Memory", "the outline lists headings and items in order");
	free(o);
	char *t = epfile_move(episode, "two@x", -1);
	o = order(t);
	STR_EQ(o, "H:RISC-V I:two@x I:one@x H:Memory", "an item moves up past its neighbour");
	free(o);
	char *s = epfile_summary(t, "one@x", NULL);
	STR_EQ(s, "Posted by A.\n\n> quote", "...with each summary going along");
	free(s);
	OK(strncmp(t, "---\ntitle: W\ndate: 2026-11-18\n---\n\n# RISC-V\n\n**[v2", 50) == 0, "...and the front matter kept");
	free(t);
	t = epfile_move(episode, "two@x", 1);
	o = order(t);
	STR_EQ(o, "H:RISC-V I:one@x H:Memory I:two@x", "the last item of a section moves down into the next");
	free(o);
	OK(strstr(t, "# Memory\n\nOutro.\n\n**[v2: riscv: two]") != NULL, "...after the section's own text");
	free(t);
	OK(epfile_move(episode, "three@x", 1) == NULL, "an item not in the episode cannot move");
	t = epfile_move(episode, "one@x", -1);
	o = order(t);
	STR_EQ(o, "I:one@x H:RISC-V I:two@x H:Memory", "the first item moves up out of its section");
	free(o);
	OK(epfile_move(t, "one@x", -1) == NULL, "...and then no further");
	free(t);
}

static void test_undraft(void)
{
	char *t = epfile_undraft("---\ntitle: W\ndraft: true\ndate: 2026-11-18\n---\n\ndraft: true\n");
	STR_EQ(t, "---\ntitle: W\ndate: 2026-11-18\n---\n\ndraft: true\n", "draft: true leaves the front matter, not the body");
	free(t);
	t = epfile_undraft("---\ntitle: W\npublished: false\n---\n");
	STR_EQ(t, "---\ntitle: W\n---\n", "published: false goes too");
	free(t);
	OK(epfile_undraft("---\ntitle: W\ndraft: false\n---\n") == NULL, "an episode that is not a draft is left alone");
	OK(epfile_undraft("no front matter\ndraft: true\n") == NULL, "a body line is not the front matter");
}

static void test_welcome(void)
{
	const char *draft = "---\ntitle: W\n---\n\n<!-- a note -->\n\n# Welcome\n\nHello.\n\n# RISC-V\n\n"
			    "**[v2: riscv: one](https://x/one@x/)**\n\nSum.\n";
	int line = 0;
	char *w = epfile_welcome(draft, &line);
	STR_EQ(w, "Hello.", "a first section without items is the welcome");
	INT_EQ(line, 8, "...from the line after its heading");
	free(w);
	char *t = epfile_with_welcome(draft, "Hi there.\r\nTwo lines.");
	STR_EQ(t, "---\ntitle: W\n---\n\n<!-- a note -->\n\n# Welcome\n\nHi there.\nTwo lines.\n\n# RISC-V\n\n"
		  "**[v2: riscv: one](https://x/one@x/)**\n\nSum.\n", "...and it is replaced there, CRLF made LF");
	free(t);
	const char *plain = "---\ntitle: W\n---\n\n<!-- a note -->\n\n# RISC-V\n\n**[v2: riscv: one](https://x/one@x/)**\n\nSum.\n";
	w = epfile_welcome(plain, NULL);
	STR_EQ(w, "", "with items in the first section, the welcome is the text before it (none here, the note aside)");
	free(w);
	t = epfile_with_welcome(plain, "Welcome.");
	STR_EQ(t, "---\ntitle: W\n---\n\n<!-- a note -->\n\nWelcome.\n\n# RISC-V\n\n**[v2: riscv: one](https://x/one@x/)**\n\nSum.\n",
	       "...and it is written after the note, before the first heading");
	w = epfile_welcome(t, NULL);
	STR_EQ(w, "Welcome.", "...where it is found again");
	free(w);
	free(t);
	OK(epfile_welcome_problem("# heading") != NULL && epfile_welcome_problem("Fine *words*.") == NULL,
	   "a welcome with a heading is refused, prose is not");
}

static void test_writers(void)
{
	struct epfile_writer w[] = {
		{"Ana \"the\" Lima", "Bio\\ with\ta tab.", "https://a.example/\nhttps://b.example/@ana"},
		{"Ben", "", ""},
	};
	char *y = epfile_writers_yaml(w, 2);
	STR_EQ(y, "writers:\n  - name: \"Ana \\\"the\\\" Lima\"\n    bio: \"Bio\\\\ with a tab.\"\n    links:\n"
		  "      - \"https://a.example/\"\n      - \"https://b.example/@ana\"\n  - name: \"Ben\"\n",
	       "writers as YAML: quotes and backslashes escaped, controls gone, empty fields left out");
	char *t = epfile_with_writers("---\ntitle: W\n---\n\nBody.\n", y);
	OK(t && strncmp(t, "---\ntitle: W\nwriters:\n  - name: ", 32) == 0 && strstr(t, "\"Ben\"\n---\n\nBody.\n"),
	   "the block goes before the front matter's end");
	char *t2 = epfile_with_writers(t, "writers:\n  - name: \"Cy\"\n");
	STR_EQ(t2, "---\ntitle: W\nwriters:\n  - name: \"Cy\"\n---\n\nBody.\n", "and replaces the block that is there");
	char *t3 = epfile_with_writers(t2, "");
	STR_EQ(t3, "---\ntitle: W\n---\n\nBody.\n", "an empty list takes it away");
	OK(epfile_with_writers("no front matter\n", y) == NULL, "a file without front matter gets none");
	free(t3);
	free(t2);
	free(t);
	free(y);
	y = epfile_writers_yaml(w, 0);
	STR_EQ(y, "", "no writers: no block");
	free(y);
}

/* The items of an outline: their Message-IDs, one a line. The caller frees. */
static char *item_ids(const char *text)
{
	struct outline_entry *e;
	int n = epfile_outline(text, &e);
	struct buf b = {0};
	buf_puts(&b, "");
	for (int i = 0; i < n; i++)
		if (!e[i].heading)
			buf_printf(&b, "%s\n", e[i].id);
	outline_free(&e, n);
	return buf_detach(&b);
}

/* A file of tests/draft/ (podsynth draft's own output, tests/t-draft.sh keeps it so). The caller frees. */
static char *drafted(const char *name)
{
	const char *top = getenv("TOP");
	char *p = xasprintf("%s/tests/draft/%s", top ? top : ".", name);
	size_t n;
	char *t = read_file(p, &n);
	OK(t != NULL, "podsynth draft's %s is read", p);
	free(p);
	return t ? t : xstrdup("");
}

/*
 * An episode as podsynth draft writes it: each item a marker line, then
 * sentences (its link inside one), found by Message-ID; a summary replaces
 * the drafted item where it stands, and adds no second item.
 */
static void test_drafted(void)
{
	char *text = drafted("week.md");
	const char *id = "thp-lazy-1@example.org";
	char *ids = item_ids(text);
	STR_EQ(ids, "kvm-dump-v2-0@example.de\n202611151711417142802@example.cn\nmemset-small-0@example.cn\n"
		    "thp-lazy-1@example.org\nmhng-b783c0bb-3d23@palmer-ri-x1c9\n"
		    "20261116202616.1792109-1-bigunclemax@example.com\n20261115021450.3499232-1-irogers@example.com\n",
	       "every drafted thread is an item of the outline, once, in the draft's order");
	int line = 0;
	char *sum = epfile_summary(text, id, &line);
	OK(sum && strncmp(sum, "Alice Example posted [a two-patch RFC series", 44) == 0 &&
	   strstr(sum, "Bob Reviewer acked it.") && !strstr(sum, "Palmer"),
	   "a drafted item's summary is its sentences, to the next heading: %s", sum ? sum : "(none)");
	const char *mark = strstr(text, "<!-- item: thp-lazy-1@example.org -->");
	int want = 1;
	for (const char *p = text; mark && p < mark; p++)
		want += *p == '\n';
	INT_EQ(line, want, "...at the marker's line");
	free(sum);

	const char *words = "Huge pages are split lazily now.";
	char *t = epfile_with_summary(text, id, "RFC v1: mm: thp: split", "https://lore.kernel.org/linux-mm/thp-lazy-1@example.org/", words);
	const char *next = mark ? strstr(mark, "\n# Also on the RISC-V list") : NULL;
	char *expect = mark && next ? xasprintf("%.*s\n\n%s\n%s", (int)(strchr(mark, '\n') - text), text, words, next)
				    : xstrdup("(no marker)");
	STR_EQ(t, expect, "a summary replaces the drafted item in place, the rest of the file as it was");
	char *ids2 = item_ids(t);
	STR_EQ(ids2, ids, "...and no item is added or lost");
	OK(!strstr(t, "**["), "...no bold item line added at the end");
	free(ids2);
	free(expect);
	free(t);
	free(ids);
	free(text);

	/* a template that writes a bold link too: the marker and it are one item, the summary after the link */
	text = drafted("week-facts.md");
	ids = item_ids(text);
	int k = 0;
	for (char *p = ids; (p = strchr(p, '\n')); p++)
		k++;
	INT_EQ(k, 7, "a marker and the bold link after it are one item");
	sum = epfile_summary(text, id, NULL);
	OK(sum && strncmp(sum, "Posted by Alice Example", 23) == 0, "...whose summary starts after the link: %s", sum ? sum : "(none)");
	free(sum);
	t = epfile_with_summary(text, id, "t", "u", words);
	OK(strstr(t, "<!-- item: thp-lazy-1@example.org -->\n\n**[RFC v1: mm: thp: split huge pages lazily on partial unmap]"
		     "(https://lore.kernel.org/linux-mm/thp-lazy-1@example.org/)**\n\nHuge pages are split lazily now.\n\n# Also") != NULL,
	   "...and a summary keeps the marker and the title");
	struct outline_entry *e;
	int n = epfile_outline(text, &e);
	for (int i = 0; i < n; i++)
		if (!e[i].heading && strcmp(e[i].id, id) == 0)
			OK(strncmp(e[i].text, "**[RFC v1: mm: thp", 18) == 0, "the outline shows the item's title line: %s", e[i].text);
	outline_free(&e, n);
	free(t);
	free(ids);
	free(text);
}

int main(void)
{
	test_drafted();
	test_welcome();
	test_writers();
	test_undraft();
	test_move();
	test_form();
	test_cookie_range();
	test_esc();
	test_epfile();
	return harness_done();
}
