/*
 * prose.c: what the words of a message say (prose.h).
 *
 * In: a message body. A body is read as paragraphs of lines: quoted lines
 * (">"), attributions ("... wrote:"), greetings, trailers and sign-offs are
 * not the writer's prose; patch text, a diffstat and a signature end it.
 * Which lines are which is decided by the tables below (skip_starts,
 * changelog_starts, objections, applied), so a new shape is one row.
 * Out: plain text with mail line-wrapping undone, and the decisions a
 * reply makes (an objection; applied or merged, and where to).
 */
#include "prose.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/core.h"
#include "mailbox.h"

/* Paragraphs that start with these (case aside) say nothing of what a series does. */
static const char *const skip_starts[] = {
	"This series is based on", "This series applies on", "This series is on top of",
	"This patchset is based on", "This patch set is based on", "This is based on",
	"Based on", "It is based on", "Applies on top of", "base-commit:", "prerequisite-patch-id:",
	"The following changes since commit", "are available in the Git repository at",
	"are available in the git repository at", "for you to fetch changes up to",
	"Link:", "Link to v", "Links:", "[1]", "[0]", "Previous version", "Previous versions",
	"v1:", "v2:", "v3:", "v4:", "v5:", "RFC:", "Tested on", "To: ", "Cc: ", "b4-submit-tracking",
};

/* Lines that open a changelog (case aside); "vN:" and "vN -> vM" are found by shape. */
static const char *const changelog_starts[] = {
	"changes in v", "changes since v", "changes from v", "changes v", "changes:",
	"changes since the", "changes since last", "changes from the", "changelog",
	"change log", "changes in this version", "since v", "what's new in v", "revision history",
};

/* Words of a reply's own (not quoted) line that make it an objection. */
static const char *const objections[] = {
	"nacked-by:", "nak.", "nak,", "nak ", "i disagree", "i don't think this",
	"i do not think this", "i don't like this", "i object", "this is wrong",
	"this breaks", "this is broken", "not acceptable", "please don't apply",
	"please do not apply", "strong objection",
};

/* How a reply says a patch went in: a line starting so, and whether it says "merged". */
static const struct {
	const char *start;
	int merged;
} applied[] = {
	{"applied to ", 0}, {"applied, thanks", 0}, {"applied, thank", 0}, {"applied.", 0},
	{"applied!", 0}, {"applied for ", 0}, {"applied on ", 0}, {"thanks, applied", 0},
	{"thanks applied", 0}, {"applied", 0}, {"queued to ", 0}, {"queued for ", 0},
	{"queued in ", 0}, {"queued up", 0}, {"pushed to ", 0}, {"picked up", 0},
	{"has been merged into ", 1}, {"merged into ", 1}, {"pulled, thanks", 1},
	{"pulled into ", 1},
};

/* Sign-off words that end a reply's prose ("Thanks," on a line of its own). */
static const char *const signoffs[] = {
	"thanks", "thank you", "thanks!", "cheers", "regards", "best regards", "kind regards",
	"best", "br", "thx", "ta", "many thanks", "thanks again",
};

struct line {
	const char *s;
	size_t n;
};

/* The next line of *p, without its end-of-line and outer blanks; 0 at the end. */
static int next_line(const char **p, struct line *l)
{
	if (**p == '\0')
		return 0;
	const char *nl = strchr(*p, '\n');
	size_t n = nl ? (size_t)(nl - *p) : strlen(*p);
	const char *s = *p;
	*p = nl ? nl + 1 : *p + n;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	l->s = s;
	l->n = n;
	return 1;
}

static int starts_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	return n >= k && strncasecmp(s, w, k) == 0;
}

static int equals_ci(const char *s, size_t n, const char *w)
{
	return n == strlen(w) && strncasecmp(s, w, n) == 0;
}

static void trim(struct line *l)
{
	while (l->n > 0 && (*l->s == ' ' || *l->s == '\t')) {
		l->s++;
		l->n--;
	}
}

static int words_in(const char *s, size_t n)
{
	int w = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		int sp = s[i] == ' ' || s[i] == '\t';
		if (!sp && !in)
			w++;
		in = !sp;
	}
	return w;
}

/* Where a message's prose ends: a signature, patch text, a diffstat, a PGP block. */
static int is_end(const struct line *raw)
{
	struct line l = *raw;
	if (equals_ci(l.s, l.n, "-- ") || (l.n == 3 && memcmp(l.s, "-- ", 3) == 0))
		return 1;
	if (l.n == 2 && memcmp(l.s, "--", 2) == 0)
		return 1;
	trim(&l);
	if (starts_ci(l.s, l.n, "diff --git ") || starts_ci(l.s, l.n, "--- a/") ||
	    starts_ci(l.s, l.n, "Index: ") || starts_ci(l.s, l.n, "-----BEGIN PGP") ||
	    starts_ci(l.s, l.n, "_______________"))
		return 1;
	/* " path/to/file.c | 12 ++--" and " 3 files changed, ..." */
	const char *bar = memchr(l.s, '|', l.n);
	if (bar && raw->n > 0 && raw->s[0] == ' ') {
		const char *q = bar + 1;
		while (q < l.s + l.n && *q == ' ')
			q++;
		if (q < l.s + l.n && isdigit((unsigned char)*q))
			return 1;
	}
	if (l.s != NULL && l.n > 0 && isdigit((unsigned char)l.s[0]) &&
	    (memmem(l.s, l.n, " files changed", 14) || memmem(l.s, l.n, " file changed", 13)))
		return 1;
	return 0;
}

/* "Signed-off-by: ...", "Reviewed-by: ...", "Fixes: ...", "Cc: ...": a trailer line. */
static int is_trailer(const struct line *l)
{
	size_t k = 0;
	while (k < l->n && (isalnum((unsigned char)l->s[k]) || l->s[k] == '-'))
		k++;
	if (k < 2 || k + 1 >= l->n || l->s[k] != ':' || l->s[k + 1] != ' ')
		return 0;
	return memmem(l->s, k, "-by", 3) || starts_ci(l->s, l->n, "Link:") ||
	       starts_ci(l->s, l->n, "Fixes:") || starts_ci(l->s, l->n, "Cc:") ||
	       starts_ci(l->s, l->n, "Closes:") || starts_ci(l->s, l->n, "Change-Id:") ||
	       starts_ci(l->s, l->n, "Message-Id:");
}

/* "Hi all,", "Hello Maxim,", "Dear maintainers,": a short line ending in a comma or "!". */
static int is_greeting(const struct line *l)
{
	if (l->n == 0 || l->n >= 40 || (l->s[l->n - 1] != ',' && l->s[l->n - 1] != '!'))
		return 0;
	static const char *const hello[] = {"hi", "hello", "hey", "dear", "greetings", "good ", "all,", "folks", "everyone"};
	for (size_t i = 0; i < ARRAY_LEN(hello); i++)
		if (starts_ci(l->s, l->n, hello[i]))
			return 1;
	return words_in(l->s, l->n) <= 2 && !isdigit((unsigned char)l->s[0]);
}

static int is_signoff(const struct line *l)
{
	size_t n = l->n;
	while (n > 0 && (l->s[n - 1] == ',' || l->s[n - 1] == '.' || l->s[n - 1] == '!'))
		n--;
	for (size_t i = 0; i < ARRAY_LEN(signoffs); i++)
		if (equals_ci(l->s, n, signoffs[i]))
			return 1;
	return 0;
}

static int is_attribution(const struct line *l)
{
	return (l->n >= 6 && memcmp(l->s + l->n - 6, "wrote:", 6) == 0) ||
	       (l->n >= 7 && memcmp(l->s + l->n - 7, "writes:", 7) == 0);
}

/* "v3:", "v2 -> v3:", "v2->v3", "V3 changes:": a changelog heading by its shape. */
static int is_version_heading(const struct line *l)
{
	if (l->n < 2 || l->n > 60 || (l->s[0] != 'v' && l->s[0] != 'V') || !isdigit((unsigned char)l->s[1]))
		return 0;
	size_t k = 1;
	while (k < l->n && isdigit((unsigned char)l->s[k]))
		k++;
	if (k == l->n || l->s[k] == ':')
		return 1;
	const char *rest = l->s + k;
	size_t rn = l->n - k;
	return memmem(rest, rn, "->", 2) || memmem(rest, rn, "→", 3) || starts_ci(rest, rn, " to v") ||
	       starts_ci(rest, rn, "-v") || starts_ci(rest, rn, " vs v") ||
	       starts_ci(rest, rn, " changes") || starts_ci(rest, rn, " - v") || starts_ci(rest, rn, "..v");
}

static int is_changelog(const struct line *l)
{
	if (l->n > 80)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(changelog_starts); i++)
		if (starts_ci(l->s, l->n, changelog_starts[i]))
			return 1;
	return is_version_heading(l);
}

static int is_bullet(const struct line *l)
{
	return l->n >= 2 && ((strchr("-*+", l->s[0]) && l->s[1] == ' ') || starts_ci(l->s, l->n, "•") ||
			     (l->s[0] == 'o' && l->s[1] == ' '));
}

static size_t bullet_len(const struct line *l)
{
	if (starts_ci(l->s, l->n, "•"))
		return 3;
	return 2;
}

static int only_dashes(const struct line *l)
{
	if (l->n < 4)
		return 0;
	for (size_t i = 0; i < l->n; i++)
		if (l->s[i] != '-' && l->s[i] != '=')
			return 0;
	return 1;
}

/* 1 when the character that ends b[0..n) is CJK (Han, kana, CJK punctuation). */
static int cjk_before(const char *b, size_t n)
{
	uint32_t cp;
	if (n == 0)
		return 0;
	size_t i = text_prev(b, n);
	return utf8_decode(b + i, n - i, &cp) > 0 && (text_is_cjk(cp) || text_is_cjk_punct(cp));
}

static int cjk_at(const char *s, size_t n)
{
	uint32_t cp;
	return n > 0 && utf8_decode(s, n, &cp) > 0 && (text_is_cjk(cp) || text_is_cjk_punct(cp));
}

/* Appends s[0..n) without its URLs, a space between lines (none between CJK ones). */
static void put_words(struct buf *b, const char *s, size_t n)
{
	if (b->len && b->data[b->len - 1] != ' ' && !(cjk_before(b->data, b->len) && cjk_at(s, n)))
		buf_putc(b, ' ');
	for (size_t i = 0; i < n;) {
		if ((n - i > 7 && strncmp(s + i, "http://", 7) == 0) ||
		    (n - i > 8 && strncmp(s + i, "https://", 8) == 0)) {
			while (i < n && s[i] != ' ')
				i++;
			while (b->len && b->data[b->len - 1] == ' ')
				b->data[--b->len] = '\0';
			continue;
		}
		if (s[i] == '\t' || (s[i] == ' ' && b->len && b->data[b->len - 1] == ' ')) {
			if (b->len && b->data[b->len - 1] != ' ')
				buf_putc(b, ' ');
			i++;
			continue;
		}
		buf_putc(b, s[i++]);
	}
}

static int ends_sentence(const struct buf *b)
{
	size_t n = b->len;
	while (n > 0 && (b->data[n - 1] == ' ' || b->data[n - 1] == ')' || b->data[n - 1] == '"'))
		n--;
	if (n == 0)
		return 1;
	char c = b->data[n - 1];
	if (c == '.' || c == '!' || c == '?')
		return 1;
	/* 。！？ */
	return n >= 3 && ((unsigned char)b->data[n - 3] == 0xe3 || (unsigned char)b->data[n - 3] == 0xef);
}

static void end_sentence(struct buf *b)
{
	while (b->len && (b->data[b->len - 1] == ' ' || b->data[b->len - 1] == ':' ||
			  b->data[b->len - 1] == ',' || b->data[b->len - 1] == ';'))
		b->data[--b->len] = '\0';
	if (b->len && !ends_sentence(b))
		buf_putc(b, '.');
}

/* Up to max sentences of text, each ending in a full stop; appended to out. */
static int take_sentences(struct buf *out, const char *text, int max, size_t cap)
{
	size_t *r = NULL;
	int n = text_sentences(text, strlen(text), 0, &r), took = 0;
	for (int i = 0; i < n && took < max; i++) {
		size_t a = r[2 * i], e = r[2 * i + 1];
		if (e - a < 4 || (text[e - 1] == ':'))
			continue;
		if (out->len && out->len + (e - a) > cap)
			break;
		if (out->len && !(cjk_before(out->data, out->len) && cjk_at(text + a, e - a)))
			buf_putc(out, ' ');
		buf_add(out, text + a, e - a);
		end_sentence(out);
		took++;
	}
	free(r);
	return took;
}

char *prose_why(const char *body, int max)
{
	struct buf out = {0}, para = {0};
	const char *p = body ? body : "";
	struct line l;
	int got = 0, skip_para = 0, lines = 0, first_of_para = 1;
	for (int more = 1; more && got < max;) {
		more = next_line(&p, &l);
		int end = more && is_end(&l);
		int indented = more && l.n > 1 && l.s[0] == ' ' && l.s[1] == ' ';
		if (more && !end)
			trim(&l);
		if (!more || end || l.n == 0) {
			/* a paragraph ends: a one-line heading without a full stop says little */
			if (para.len && !skip_para && !(lines == 1 && !ends_sentence(&para) && words_in(para.data, para.len) <= 10)) {
				end_sentence(&para);
				got += take_sentences(&out, para.data, max - got, 600);
			}
			buf_reset(&para);
			skip_para = 0;
			lines = 0;
			first_of_para = 1;
			if (end)
				break;
			continue;
		}
		if (skip_para)
			continue;
		if (l.s[0] == '>' || is_trailer(&l) || only_dashes(&l)) {
			continue;
		}
		if (first_of_para) {
			first_of_para = 0;
			/* an indented paragraph is a listing: a shortlog, commits, code */
			if (indented && !is_bullet(&l)) {
				skip_para = 1;
				continue;
			}
			if (is_changelog(&l)) {
				if (out.len)
					break; /* the changelog comes after what the series does */
				skip_para = 1;
				continue;
			}
			int skip = is_attribution(&l);
			for (size_t i = 0; i < ARRAY_LEN(skip_starts) && !skip; i++)
				skip = starts_ci(l.s, l.n, skip_starts[i]);
			/* "Chen Lei (3):", a shortlog's heading */
			if (l.n > 4 && l.s[l.n - 1] == ':' && l.s[l.n - 2] == ')' && isdigit((unsigned char)l.s[l.n - 3]))
				skip = 1;
			if (skip || starts_ci(l.s, l.n, "http://") || starts_ci(l.s, l.n, "https://") ||
			    starts_ci(l.s, l.n, "git://")) {
				skip_para = 1;
				continue;
			}
			if (is_greeting(&l)) {
				first_of_para = 1;
				continue;
			}
		}
		if (is_attribution(&l) || is_changelog(&l)) {
			skip_para = 1;
			continue;
		}
		if (is_bullet(&l)) {
			end_sentence(&para);
			put_words(&para, l.s + bullet_len(&l), l.n - bullet_len(&l));
		} else {
			put_words(&para, l.s, l.n);
		}
		lines++;
	}
	buf_free(&para);
	if (out.data == NULL)
		return xstrdup("");
	return buf_detach(&out);
}

/* The largest N of "vN" in l, 0 when none. */
static int version_named(const struct line *l, int *since)
{
	int best = 0;
	*since = 0;
	for (size_t i = 0; i + 1 < l->n; i++) {
		if ((l->s[i] == 'v' || l->s[i] == 'V') && isdigit((unsigned char)l->s[i + 1]) &&
		    (i == 0 || !isalnum((unsigned char)l->s[i - 1]))) {
			int v = atoi(l->s + i + 1);
			if (v > best && v < 1000)
				best = v;
		}
	}
	if (starts_ci(l->s, l->n, "changes since") || starts_ci(l->s, l->n, "changes from") ||
	    starts_ci(l->s, l->n, "since v"))
		*since = 1;
	if (memmem(l->s, l->n, "->", 2) || memmem(l->s, l->n, " to v", 5) || memmem(l->s, l->n, "..v", 3))
		*since = 0;
	return best;
}

static void put_item(struct buf *out, struct buf *item, int *n, int max)
{
	if (item->len == 0 || *n >= max)
		goto out;
	while (item->len && (item->data[item->len - 1] == '.' || item->data[item->len - 1] == ' ' ||
			     item->data[item->len - 1] == ';'))
		item->data[--item->len] = '\0';
	if (item->len == 0)
		goto out;
	/* "Use the new API" -> "use the new API"; "RISC-V ..." stays */
	if (isupper((unsigned char)item->data[0]) && item->len > 1 && islower((unsigned char)item->data[1]))
		item->data[0] = (char)tolower((unsigned char)item->data[0]);
	if (out->len)
		buf_puts(out, "; ");
	buf_add(out, item->data, item->len);
	(*n)++;
out:
	buf_reset(item);
}

char *prose_changes(const char *body, int version, int max)
{
	/* pass 1: the heading that names this version, else the first heading */
	const char *p = body ? body : "";
	const char *want = NULL, *first = NULL;
	struct line l;
	while (next_line(&p, &l)) {
		struct line t = l;
		trim(&t);
		if (starts_ci(t.s, t.n, "diff --git "))
			break;
		if (t.n == 0 || t.s[0] == '>' || !is_changelog(&t))
			continue;
		int since, v = version_named(&t, &since);
		if (first == NULL)
			first = t.s;
		if (want == NULL && ((since && v == version - 1) || (!since && v == version)))
			want = t.s;
	}
	const char *start = want ? want : first;
	if (start == NULL)
		return NULL;
	/* pass 2: the items under it, up to a blank line after them or the next heading */
	p = start;
	next_line(&p, &l);
	struct buf out = {0}, item = {0};
	int n = 0;
	/* "v3: use the new clock API" on the heading's own line */
	const char *colon = memchr(l.s, ':', l.n);
	if (colon && colon + 1 < l.s + l.n) {
		const char *r = colon + 1;
		while (r < l.s + l.n && *r == ' ')
			r++;
		if (r < l.s + l.n)
			put_words(&item, r, (size_t)(l.s + l.n - r));
	}
	while (next_line(&p, &l)) {
		if (is_end(&l) || only_dashes(&l))
			break;
		trim(&l);
		if (l.n == 0) {
			if (n > 0 || item.len)
				break;
			continue;
		}
		if (is_changelog(&l) || l.s[0] == '>')
			break;
		if (is_bullet(&l)) {
			put_item(&out, &item, &n, max);
			put_words(&item, l.s + bullet_len(&l), l.n - bullet_len(&l));
		} else if (starts_ci(l.s, l.n, "http") || starts_ci(l.s, l.n, "link")) {
			continue;
		} else {
			put_words(&item, l.s, l.n);
		}
	}
	put_item(&out, &item, &n, max);
	buf_free(&item);
	if (out.data == NULL)
		return NULL;
	return buf_detach(&out);
}

char *prose_reply(const char *body, int max)
{
	struct buf out = {0}, para = {0};
	const char *p = body ? body : "";
	struct line l;
	int skip_para = 0, first = 1, done = 0;
	for (int more = 1; more && !done;) {
		more = next_line(&p, &l);
		int end = more && is_end(&l);
		if (more && !end)
			trim(&l);
		int quoted = more && !end && l.n > 0 && l.s[0] == '>';
		if (!more || end || l.n == 0 || quoted) {
			if (para.len && !skip_para) {
				end_sentence(&para);
				if (take_sentences(&out, para.data, max, 400) > 0)
					done = 1;
			}
			buf_reset(&para);
			skip_para = 0;
			first = 1;
			if (end)
				break;
			continue;
		}
		if (skip_para)
			continue;
		if (is_attribution(&l)) {
			buf_reset(&para);
			skip_para = 1;
			continue;
		}
		if (is_trailer(&l))
			continue;
		if (first && is_signoff(&l))
			break;
		if (first && is_greeting(&l))
			continue;
		first = 0;
		put_words(&para, l.s, l.n);
	}
	buf_free(&para);
	if (out.data == NULL)
		return xstrdup("");
	return buf_detach(&out);
}

int prose_objects(const char *body)
{
	const char *p = body ? body : "";
	struct line l;
	while (next_line(&p, &l)) {
		if (is_end(&l))
			break;
		trim(&l);
		if (l.n == 0 || l.s[0] == '>')
			continue;
		if (equals_ci(l.s, l.n, "nak") || equals_ci(l.s, l.n, "nack"))
			return 1;
		for (size_t i = 0; i < ARRAY_LEN(objections); i++) {
			size_t k = strlen(objections[i]);
			for (size_t j = 0; j + k <= l.n; j++)
				if (strncasecmp(l.s + j, objections[i], k) == 0 &&
				    (j == 0 || !isalpha((unsigned char)l.s[j - 1])) &&
				    (strncmp(objections[i], "nak", 3) != 0 || strncmp(l.s + j, "NAK", 3) == 0))
					return 1;
		}
	}
	return 0;
}

char *prose_applied(const char *body, int *merged)
{
	const char *p = body ? body : "";
	struct line l;
	*merged = 0;
	while (next_line(&p, &l)) {
		if (is_end(&l))
			break;
		trim(&l);
		if (l.n == 0 || l.s[0] == '>')
			continue;
		for (size_t i = 0; i < ARRAY_LEN(applied); i++) {
			const char *w = applied[i].start;
			size_t k = strlen(w);
			if (!starts_ci(l.s, l.n, w))
				continue;
			/* "applied" alone must be the line, or be followed by punctuation */
			if (isalpha((unsigned char)w[k - 1]) && l.n > k &&
			    (isalnum((unsigned char)l.s[k]) || l.s[k] == ' '))
				continue;
			*merged = applied[i].merged;
			const char *to = NULL;
			static const char *const preps[] = {" to ", " into ", " for ", " in ", " on "};
			for (size_t q = 0; q < ARRAY_LEN(preps) && !to; q++) {
				const char *f = memmem(l.s, l.n, preps[q], strlen(preps[q]));
				if (f && f < l.s + k + 1)
					to = f + strlen(preps[q]);
			}
			if (to == NULL)
				return xstrdup("");
			size_t tn = 0;
			while (to + tn < l.s + l.n && to[tn] != ' ' && to[tn] != ',' && to[tn] != '!')
				tn++;
			while (tn > 0 && (to[tn - 1] == '.' || to[tn - 1] == ':'))
				tn--;
			if (tn == 0 || tn > 60 || memmem(to, tn, "://", 3))
				return xstrdup("");
			return mail_clean_text(to, tn, 1);
		}
	}
	return NULL;
}
