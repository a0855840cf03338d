/*
 * fuzz/mail.c: fuzz target for `podsynth draft`'s readers and stages: any
 * bytes through mailbox_read_mem (gzip, mbox, single message or Atom, as
 * the bytes look), and again behind a "From " line so that the mbox and
 * MIME path always runs; then series_build and draft_render (with the
 * mail's people, in English or Chinese by the input's size) with the
 * shipped English template and default settings.
 *
 * In: the bytes. Out: nothing; aborts when a contract breaks:
 *  - every message field is valid UTF-8; ids, subjects and authors are one
 *    line; every message has an id;
 *  - every item points at a message of the mailbox, has a version >= 1
 *    and at least one patch;
 *  - draft_quote gives only "> " lines;
 *  - the draft renders, is valid UTF-8, and episode_load accepts it as an
 *    episode (a draft must be good input for every other command).
 * Leaks are caught by LeakSanitizer (libFuzzer's -detect_leaks).
 */
#include "fuzz.h"

#include "show/channel.h"
#include "draft/draft.h"
#include "show/episode.h"
#include "draft/mail.h"
#include "draft/series.h"

static struct channel *ch;
static struct draft_settings set;
static char *tmpl, *tmpl_path, *ep_path;

static void mail_fuzz_exit(void)
{
	draft_settings_free(&set);
	channel_free(&ch);
	free(tmpl);
	free(tmpl_path);
	free(ep_path);
	mail_shutdown();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	mail_init();
	char *nochan = fuzz_path("no-such-channel.yaml");
	if (channel_load(nochan, &ch) != 0 || draft_settings_load(nochan, &set) != 0) {
		fprintf(fuzz_err, "fuzz mail: default settings\n");
		exit(2);
	}
	free(nochan);
	tmpl_path = fuzz_top_path("src/templates/draft.en.md");
	size_t n;
	tmpl = read_file(tmpl_path, &n);
	if (tmpl == NULL) {
		fprintf(fuzz_err, "fuzz mail: cannot read %s\n", tmpl_path);
		exit(2);
	}
	ep_path = fuzz_path("2026-01-01-draft.md");
	atexit(mail_fuzz_exit);
	return 0;
}

static void check_msgs(const struct mailbox *mb)
{
	for (size_t i = 0; i < mb->n; i++) {
		const struct mail_msg *m = &mb->msgs[i];
		FUZZ_CHECK(m->id && m->id[0] && !strchr(m->id, '\n'), "message %zu: bad id", i);
		FUZZ_CHECK(m->subject && !strchr(m->subject, '\n') && fuzz_utf8_ok(m->subject),
			   "message %zu: bad subject", i);
		FUZZ_CHECK(m->author && !strchr(m->author, '\n') && fuzz_utf8_ok(m->author),
			   "message %zu: bad author", i);
		FUZZ_CHECK(m->body && fuzz_utf8_ok(m->body), "message %zu: bad body", i);
		FUZZ_CHECK(fuzz_utf8_ok(m->id), "message %zu: id not UTF-8", i);
		FUZZ_CHECK(m->file != NULL, "message %zu: no file", i);
		char *q = draft_quote(m->body);
		for (const char *l = q; *l;) {
			FUZZ_CHECK(l[0] == '>' && l[1] == ' ', "quote line does not start with \"> \"");
			const char *nl = strchr(l, '\n');
			FUZZ_CHECK(nl != NULL, "quote does not end its lines");
			l = nl + 1;
		}
		FUZZ_CHECK(fuzz_utf8_ok(q), "quote not UTF-8");
		free(q);
	}
}

static void one(const char *data, size_t size)
{
	struct mailbox *mb = mailbox_new();
	mailbox_read_mem(mb, "fuzz.mbox", data, size);
	check_msgs(mb);
	struct series *s = series_build(mb);
	for (int i = 0; i < s->n; i++) {
		const struct series_item *it = &s->items[i];
		FUZZ_CHECK(it->msg >= mb->msgs && it->msg < mb->msgs + mb->n, "item %d: not a message", i);
		FUZZ_CHECK(it->version >= 1 && it->patches >= 1 && it->versions >= 1, "item %d: counts", i);
	}
	struct buf out = {0};
	struct draft_words *w = draft_words_new(mb, &set, size % 2 ? "zh" : "en");
	struct draft_vars v = {.issue = 1, .lang = "en", .date = "2026-01-01", .words = w};
	FUZZ_CHECK(draft_render(s, &set, &v, tmpl_path, tmpl, &out) == 0, "draft_render failed");
	FUZZ_CHECK(out.data && fuzz_utf8_ok(out.data), "draft not UTF-8");
	fuzz_write(ep_path, out.data, out.len);
	struct episode *ep = NULL;
	FUZZ_CHECK(episode_load(ep_path, ch, &ep) == 0, "the draft is not a valid episode");
	FUZZ_CHECK(ep->draft == 1, "the draft is not marked draft: true");
	episode_free(&ep);
	draft_words_free(&w);
	buf_free(&out);
	series_free(&s);
	mailbox_free(&mb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one((const char *)data, size);
	char *m = xmalloc(size + 12);
	memcpy(m, "From fuzz\n", 10);
	memcpy(m + 10, data, size);
	one(m, size + 10);
	free(m);
	return 0;
}
