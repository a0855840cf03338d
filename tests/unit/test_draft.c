/*
 * test_draft.c: the pieces of `podsynth draft` that are rules rather than
 * formats: subject tags (subject_parse), threading into series with
 * versions, replies and trailers (series_build on messages read from
 * memory), the cover-letter quote (draft_quote) and Markdown escaping;
 * the reading rules of prose.c (why, changelog, a reply's own words, an
 * objection, applied), one name per person (people.c) and the sentences
 * of words.c.
 */
#include "draft/draft.h"
#include "harness.h"
#include "draft/mail.h"
#include "draft/series.h"
#include "draft/people.h"
#include "draft/prose.h"
#include "core/util.h"

#include <stdlib.h>
#include <string.h>

static void tag(const char *subject, int reply, int patch, int rfc, int version, int num,
		int total, const char *rest)
{
	struct subject_tag t;
	subject_parse(subject, &t);
	OK(t.reply == reply && t.patch == patch && t.rfc == rfc && t.version == version &&
	   t.num == num && t.total == total && strcmp(t.rest, rest) == 0,
	   "tag \"%s\": reply %d patch %d rfc %d v%d %d/%d \"%s\"", subject, t.reply, t.patch,
	   t.rfc, t.version, t.num, t.total, t.rest);
}

static void quote(const char *body, const char *want)
{
	char *q = draft_quote(body);
	STR_EQ(q, want, "quote");
	free(q);
}

static void escape(const char *in, const char *want)
{
	char *e = draft_md_escape(in);
	STR_EQ(e, want, "escape");
	free(e);
}

static void why(const char *body, int max, const char *want)
{
	char *w = prose_why(body, max);
	STR_EQ(w, want, "why");
	free(w);
}

static void changes(const char *body, int version, const char *want)
{
	char *c = prose_changes(body, version, 3);
	if (want == NULL)
		OK(c == NULL, "changes: none in \"%s\"", body);
	else
		STR_EQ(c, want, "changes");
	free(c);
}

static void reply(const char *body, const char *want)
{
	char *r = prose_reply(body, 2);
	STR_EQ(r, want, "reply");
	free(r);
}

static void applied(const char *body, const char *want, int want_merged)
{
	int merged = -1;
	char *a = prose_applied(body, &merged);
	if (want == NULL)
		OK(a == NULL, "applied: not in \"%s\"", body);
	else
		STR_EQ(a, want, "applied");
	if (want)
		INT_EQ(merged, want_merged, "merged");
	free(a);
}

/* The one item of mbox text, said in lang: the sentence, the history, the discussion and the status. */
static void said(const char *mbox, const char *lang, const char *sentence, const char *history,
		 const char *discussion, const char *status)
{
	struct mailbox *mb = mailbox_new();
	struct draft_settings set = {0};
	char *pre[] = {"riscv: mm:", "the RISC-V memory code (the show's words)"};
	set.subsystems = pre;
	set.nsubsystems = 2;
	mailbox_read_mem(mb, "said.mbox", mbox, strlen(mbox));
	struct series *s = series_build(mb);
	struct draft_words *w = draft_words_new(mb, &set, lang);
	INT_EQ(s->n, 1, "said: one item");
	if (s->n == 1) {
		char *a = draft_item_sentence(w, &s->items[0], "u");
		char *b = draft_item_history(w, &s->items[0]);
		char *c = draft_item_discussion(w, &s->items[0]);
		char *d = draft_item_status(w, &s->items[0]);
		STR_EQ(a, sentence, "sentence");
		STR_EQ(b, history, "history");
		STR_EQ(c, discussion, "discussion");
		STR_EQ(d, status, "status");
		free(a), free(b), free(c), free(d);
	}
	draft_words_free(&w);
	OK(w == NULL, "draft_words_free clears the pointer");
	series_free(&s);
	mailbox_free(&mb);
}

static const char thread[] =
	"From a\nMessage-ID: <c1>\nSubject: [PATCH 0/2] foo: bar\nDate: Mon, 16 Nov 2026 10:00:00 +0000\n\nv1\n\n"
	"From a\nMessage-ID: <c2>\nSubject: [PATCH v2 0/2] foo: bar\nDate: Tue, 17 Nov 2026 10:00:00 +0000\n\nv2\n\n"
	"From a\nMessage-ID: <p2>\nIn-Reply-To: <c2>\nSubject: [PATCH v2 1/2] foo: one\n\nx\n\n"
	"From b\nMessage-ID: <r1>\nIn-Reply-To: <p2>\nReferences: <c2> <p2>\nSubject: Re: [PATCH v2 1/2] foo: one\n\n"
	"> Acked-by: Quoted <q@x>\nReviewed-by: Rev One <r@x>\nAcked-by: <bare@x>\n\n"
	"From b\nMessage-ID: <r2>\nReferences: <c1>\nSubject: Re: [PATCH 0/2] foo: bar\n\nTested-by: Old <o@x>\n\n"
	/* the cover letter is missing: the first patch is the item */
	"From d\nMessage-ID: <q1>\nIn-Reply-To: <gone>\nSubject: [RFC PATCH 1/3] baz: qux\n\nx\n\n"
	"From d\nMessage-ID: <q2>\nIn-Reply-To: <gone>\nSubject: [RFC PATCH 2/3] baz: quux\n\nx\n\n"
	"From e\nMessage-ID: <d1>\nSubject: a question\n\nx\n";

/* The item marker read back gives the Message-ID it was written with; draft_md_plain. */
static void test_marker_plain(void)
{
	static const char *const ids[] = {"thp-lazy-1@example.org", "odd/id-->x%y<b>@h", "\xe5\xbc\xa0@example.cn"};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		char *m = draft_item_marker(ids[i]);
		char *id = draft_item_marker_id(m, strlen(m));
		STR_EQ(id, ids[i], "marker: the Message-ID comes back");
		size_t n = strlen(m);
		OK(strchr(m, '>') == m + n - 1, "marker: one comment, closed only at the end: %s", m);
		OK(strncmp(m, "<!-- item: ", 11) == 0 && strchr(m + 11, ' ') == m + n - 4 && !strchr(m, '/'),
		   "marker: a line of its own shape, no space or slash in the id");
		free(id);
		free(m);
	}
	static const char *const not[] = {"<!-- item:  -->", "<!-- item: a b@c -->", "<!-- item: a/b@c -->",
					   "<!-- note: a@b -->", "**[x](https://h/a@b/)**", "<!-- item: a@b"};
	for (size_t i = 0; i < sizeof not / sizeof *not; i++) {
		char *id = draft_item_marker_id(not[i], strlen(not[i]));
		OK(id == NULL, "marker: not one: %s", not[i]);
		free(id);
	}
	char *id = draft_item_marker_id("<!-- item: a%40b -->  \r", 22);
	STR_EQ(id, "a@b", "marker: percent-decoded, trailing spaces and CR allowed");
	free(id);

	char *p = draft_md_plain("Ana posted [the \\*second\\* version, \"x (y)\"](https://h/a@b/(c)) for KVM.\n\n"
				 "> Quote \\<b\\> and\n> more.");
	STR_EQ(p, "Ana posted the *second* version, \"x (y)\" for KVM. Quote <b> and more.",
	       "plain: link text only, escapes undone, quote markers gone, lines joined");
	free(p);
	p = draft_md_plain("a [b] c](d e [f](g) *h* `i`");
	STR_EQ(p, "a [b] c](d e f h i", "plain: brackets that make no link stay; emphasis and code marks go");
	free(p);
}

int main(void)
{
	test_marker_plain();
	tag("[PATCH v3 0/5] riscv: mm: foo", 0, 1, 0, 3, 0, 5, "riscv: mm: foo");
	tag("Re: [PATCH v3 2/5] riscv: foo", 1, 1, 0, 3, 2, 5, "riscv: foo");
	tag("[RFC PATCH net-next v2 1/3] net: x", 0, 1, 1, 2, 1, 3, "net: x");
	tag("[PATCHv4] x86/mce: y", 0, 1, 0, 4, -1, -1, "x86/mce: y");
	tag("[RFC][PATCH 3/7] a", 0, 1, 1, 1, 3, 7, "a");
	tag("[GIT PULL] RISC-V fixes", 0, 1, 0, 1, -1, -1, "RISC-V fixes");
	tag("RE: AW: [PATCH] z", 1, 1, 0, 1, -1, -1, "z");
	tag("[ANNOUNCE] v6.3-rt1", 0, 0, 0, 1, -1, -1, "v6.3-rt1");
	tag("[PATCH 9/3] bad count", 0, 1, 0, 1, -1, -1, "bad count");
	tag("[PATCH unclosed", 0, 0, 0, 1, -1, -1, "[PATCH unclosed");
	{
		struct subject_tag t;
		subject_parse("[LSF/MM/BPF TOPIC] memory tiering", &t);
		OK(t.talk == TALK_DISCUSSION && t.patch == 0 && strcmp(t.rest, "memory tiering") == 0, "tag: a topic of several words");
		subject_parse("Re: [REGRESSION] x86: boot hangs", &t);
		OK(t.talk == TALK_REGRESSION && t.reply == 1, "tag: a regression report (a reply to it)");
		subject_parse("[PATCH v2] bug: fix", &t);
		OK(t.talk == TALK_NONE, "tag: a patch is not talk");
	}

	mail_init();
	struct mailbox *mb = mailbox_new();
	INT_EQ(mailbox_read_mem(mb, "t.mbox", thread, strlen(thread)), 0, "thread reads");
	INT_EQ(mb->n, 8, "eight messages");
	struct series *s = series_build(mb);
	INT_EQ(s->n, 2, "two series");
	INT_EQ(s->threads, 4, "four threads: v1, v2, the RFC, the question");
	INT_EQ(s->skipped, 1, "the question is not a series");
	const struct series_item *foo = NULL, *baz = NULL;
	for (int i = 0; i < s->n; i++) {
		if (strcmp(s->items[i].subject, "foo: bar") == 0)
			foo = &s->items[i];
		if (strcmp(s->items[i].subject, "baz: qux") == 0)
			baz = &s->items[i];
	}
	OK(foo && baz, "the items are foo and baz's first patch");
	if (foo && baz) {
		INT_EQ(foo->version, 2, "foo: the latest version");
		INT_EQ(foo->versions, 2, "foo: two versions seen");
		STR_EQ(foo->msg->id, "c2", "foo: the v2 cover letter");
		INT_EQ(foo->replies, 1, "foo: one reply to v2");
		INT_EQ(foo->ntrailers, 2, "foo: two trailers (not the quoted one, not v1's)");
		STR_EQ(foo->ntrailers > 0 ? foo->trailers[0] : NULL, "Reviewed-by: Rev One", "foo: trailer 1");
		STR_EQ(foo->ntrailers > 1 ? foo->trailers[1] : NULL, "Acked-by: bare@x", "foo: an address alone");
		STR_EQ(foo->prefix, "foo", "foo: the prefix");
		INT_EQ(baz->rfc, 1, "baz: RFC");
		INT_EQ(baz->patches, 3, "baz: three patches");
		STR_EQ(baz->msg->id, "q1", "baz: the first patch");
	}
	series_free(&s);
	OK(s == NULL, "series_free clears the pointer");
	mailbox_free(&mb);

	quote("Hi all,\n\nThis adds a thing.\nIt is good.\n\nMore text.\n", "> This adds a thing.\n> It is good.\n");
	quote("On Mon, X wrote:\n> quoted\n\nReply text.\n", "> Reply text.\n");
	quote("Signed-off-by: A <a@x>\n---\n a.c | 2 +-\n", "");
	quote("Short text\n a.c | 2 +-\n", "> Short text\n");
	quote("    indented code\n", "> indented code\n");
	quote("", "");
	escape("use *ptr and [x] <y>", "use \\*ptr and \\[x\\] \\<y\\>");
	escape("bitmap_zero() _x_", "bitmap_zero() \\_x\\_");
	escape("# not a heading", "\\# not a heading");
	/* mail text that would read as podsynth markup gets a full-width bracket */
	escape("add [audio:\"x.wav\"] and [500ms] and [voice:\"q\"]",
	       "add \xEF\xBC\xBB" "audio:\"x.wav\"\\] and \xEF\xBC\xBB" "500ms\\] and \xEF\xBC\xBB" "voice:\"q\"\\]");
	escape("[1/3] and [x]", "\\[1/3\\] and \\[x\\]");
	escape("1. not a list", "1\\. not a list");
	escape("&amp; stays text", "\\&amp; stays text");

	/* why: greetings, based-on, links and changelogs out; lines joined; at most max sentences */
	why("Hi all,\n\nThis series adds a\nthing. It is fast. It is small.\n", 2, "This series adds a thing. It is fast.");
	why("This series is based on next.\n\nThis fixes X\nhttps://lore.kernel.org/x/\n", 2, "This fixes X.");
	why("Changes in v2:\n- a\n\nThe real text.\n", 2, "The real text.");
	why("Text one.\n\nChanges in v2:\n- a\n\nAfter the changelog.\n", 3, "Text one.");
	why("A Heading Line\n\n* Support for hibernation.\n* A fix\n", 3, "Support for hibernation. A fix.");
	why("Chen (3):\n  riscv: one\n\n a.c | 2 +-\n", 2, "");
	why("The following changes since commit abc:\n\n  Linux 6.19\n\nare available in the Git repository at:\n", 2, "");
	why("第一行，\n第二行。\n", 2, "第一行，第二行。");
	/* changes: the block for this version, else the first */
	changes("Changes in v3:\n- Use X\n- drop Y.\n\nChanges in v2:\n- rebase\n", 3, "use X; drop Y");
	changes("v2 -> v3:\n - one\n   continued\n\n", 3, "one continued");
	changes("Changes since v2:\n- new\nChanges since v1:\n- old\n", 3, "new");
	changes("Changes in v3:\n- three\n\nChanges in v2:\n- two\n", 2, "two");
	changes("No changelog here.\n", 2, NULL);
	changes("text\n---\nv2: fix the typo\n\n a.c | 1 +\n", 2, "fix the typo");
	/* a reply's own words */
	reply("On Mon, X wrote:\n> quoted\n\nLooks good to me.\n\nReviewed-by: A <a@x>\n", "Looks good to me.");
	reply("Hi,\n\n> q\nNot quoted here. Second. Third.\n", "Not quoted here. Second.");
	reply("Acked-by: A <a@x>\n", "");
	reply("Thanks,\nA\n", "");
	INT_EQ(prose_objects("> NAK from the quote\nI agree.\n"), 0, "a quoted NAK is not an objection");
	INT_EQ(prose_objects("NAK. This breaks boot.\n"), 1, "NAK");
	INT_EQ(prose_objects("Nacked-by: A <a@x>\n"), 1, "Nacked-by");
	INT_EQ(prose_objects("The snake is fine.\n"), 0, "\"nak\" inside a word");
	INT_EQ(prose_objects("I don't think this is right.\n"), 1, "an objection in words");
	applied("> x\n\nApplied to riscv-next, thanks!\n", "riscv-next", 0);
	applied("Applied, thanks!\n\n[1/1] x\n", "", 0);
	applied("has been merged into torvalds/linux.git:\nhttps://x\n", "torvalds/linux.git", 1);
	applied("Applied the patch locally and it works.\n", NULL, 0);
	applied("> Applied to x\nNo.\n", NULL, 0);

	/* one name per person: the Latin name the address signs with, or the Han one in Chinese */
	{
		static const char two[] =
			"From a\nMessage-ID: <n1>\nFrom: =?UTF-8?B?546L6Iqz?= <Wang.Fang@x.cn>\nSubject: [PATCH] a: b\n\nText.\n\nSigned-off-by: Wang Fang <wang.fang@x.cn>\n\n"
			"From a\nMessage-ID: <n2>\nFrom: Someone <s@x>\nSubject: Re: [PATCH] a: b\nIn-Reply-To: <n1>\n\nReviewed-by: Some One <s@x>\n";
		struct mailbox *mb = mailbox_new();
		mailbox_read_mem(mb, "two.mbox", two, strlen(two));
		struct people *en = people_new(mb, NULL, 0, "en"), *zh = people_new(mb, NULL, 0, "zh-CN");
		STR_EQ(people_name(en, "wang.fang@x.cn", "?"), "Wang Fang", "people: Latin for English");
		STR_EQ(people_name(zh, "wang.fang@x.cn", "?"), "\xe7\x8e\x8b\xe8\x8a\xb3", "people: Han for Chinese");
		STR_EQ(people_name(en, NULL, "Some One"), "Someone", "people: a trailer's name, by its address, the most used one first");
		STR_EQ(people_name(en, NULL, "Nobody"), "Nobody", "people: an unknown name as it is");
		char *show[] = {"s@x", "Sam Someone"};
		struct people *sh = people_new(mb, show, 2, "en");
		STR_EQ(people_name(sh, "S@X", "x"), "Sam Someone", "people: the show's name wins");
		people_free(&en), people_free(&zh), people_free(&sh);
		OK(en == NULL, "people_free clears the pointer");
		mailbox_free(&mb);
	}

	/* the sentences */
	said("From a\nMessage-ID: <s1>\nFrom: A Person <a@x>\nSubject: [PATCH] riscv: mm: use bitmap_zero() API\n\nText.\n",
	     "en", "A Person posted [a patch using bitmap_zero() API](u) in the RISC-V memory code (the show's words).",
	     "", "No replies yet.", "");
	said("From a\nMessage-ID: <s1>\nFrom: A Person <a@x>\nSubject: [PATCH v2 0/8] x86/mce: Rework the thing\nDate: Mon, 16 Nov 2026 10:00:00 +0000\n\nChanges in v2:\n- less\n\n"
	     "From a\nMessage-ID: <s0>\nFrom: A Person <a@x>\nSubject: [PATCH 0/8] x86/mce: Rework the thing\nDate: Mon, 9 Nov 2026 10:00:00 +0000\n\nv1.\n\n"
	     "From b\nMessage-ID: <r1>\nIn-Reply-To: <s1>\nFrom: B <b@x>\nSubject: Re: [PATCH v2 0/8] x86/mce: Rework the thing\n\nApplied to tip, thanks!\n",
	     "en", "A Person posted [the second version of an eight-patch series reworking the thing](u) in the x86 architecture code.",
	     "The first version was posted on 9 November. Since the first version, the changelog lists: less.",
	     "", "B applied it to tip.");
	said("From a\nMessage-ID: <s1>\nFrom: A Person <a@x>\nSubject: [GIT PULL] Fixes for 6.19\n\nx\n",
	     "zh", "A Person 发出了[合并请求“Fixes for 6.19”](u)。", "", "暂无回复。", "");
	said("From a\nMessage-ID: <s1>\nFrom: A Person <a@x>\nSubject: [RFC PATCH v3 0/2] frob: the widget\n\nx\n\n"
	     "From b\nMessage-ID: <r1>\nIn-Reply-To: <s1>\nFrom: B <b@x>\nSubject: Re: x\n\nNAK.\n\n"
	     "From c\nMessage-ID: <r2>\nIn-Reply-To: <s1>\nFrom: C <c@x>\nSubject: Re: x\n\nAcked-by: C <c@x>\n",
	     "en", "A Person posted [the third version of a two-patch RFC series, \"the widget\"](u), for the frob code.",
	     "", "B objected: \"NAK.\" C acked it.", "");
	mail_shutdown();
	return harness_done();
}
