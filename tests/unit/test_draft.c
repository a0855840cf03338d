/*
 * test_draft.c: the pieces of `podsynth draft` that are rules rather than
 * formats: subject tags (subject_parse), threading into series with
 * versions, replies and trailers (series_build on messages read from
 * memory), the cover-letter quote (draft_quote) and Markdown escaping.
 */
#include "draft/draft.h"
#include "harness.h"
#include "draft/mail.h"
#include "draft/series.h"
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

int main(void)
{
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
	mail_shutdown();

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
	return harness_done();
}
