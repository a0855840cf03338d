/*
 * site_text.c: an episode's one text on its page (see site_int.h): the
 * show notes as written, with the transcript's timed sentences woven in.
 *
 * In: the notes' HTML (parsed again with libxml2's HTML parser) and the
 * cues of the WebVTT transcript. The text nodes of the notes, in document
 * order, make one stream of "keys" (letters and digits, ASCII lower-cased,
 * with where each is); each cue's keys are looked for in order in it, and
 * every byte of the notes' text gets the cue it belongs to, or none. Out:
 * the notes' HTML written again, with a <span class="cue"> around each run
 * of a cue's text that no block element interrupts (an inline element
 * wholly inside one cue stays inside its span).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "site_int.h"
#include "core/core.h"

int site_other_lang(const char *a, const char *b)
{
	size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");
	return na != nb || strncasecmp(a, b, na) != 0;
}

/* How far past the last match a cue's words are looked for, in keys. */
#define MATCH_WINDOW 4000

/* Elements that live inside a line of text; every other element parts sentences. */
static const char *const inline_elements[] = {
	"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "img", "kbd", "mark", "q",
	"s", "small", "strong", "sub", "sup", "u",
};
/* Elements whose own text may only be white space (no span between their children). */
static const char *const container_elements[] = {
	"dl", "ol", "table", "tbody", "tfoot", "thead", "tr", "ul",
};
static const char *const void_elements[] = {"br", "hr", "img"};
static const char *const cjk_langs[] = {"zh", "ja", "ko"};

static int in_list(const char *const *l, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(l[i], s) == 0)
			return 1;
	return 0;
}

static int is_inline(xmlNodePtr n)
{
	return in_list(inline_elements, ARRAY_LEN(inline_elements), (const char *)n->name);
}

static int heading_level(xmlNodePtr n)
{
	const char *s = (const char *)n->name;
	return s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && s[2] == '\0' ? s[1] - '0' : 0;
}

/* 1 when cp is compared: a letter or digit of any script (not space, not punctuation). */
static int is_key(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || text_is_space(cp) || text_is_cjk_punct(cp))
		return 0;
	return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F) &&
	       !(cp >= 0xFE10 && cp <= 0xFE6F) && cp != 0xFFFD;
}

static uint32_t key_of(uint32_t cp)
{
	return cp < 0x80 && cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
}

/* A text node of the notes: its bytes and, per byte, the cue it belongs to (-1: none). */
struct tnode {
	xmlNodePtr node;
	const char *s;
	size_t len;
	int *cue;
	int pre;   /* inside <pre>: never a fallback's place, its line breaks kept */
};

/* A key of the stream: which text node, its bytes there, its value. */
struct key {
	int t;
	size_t off, end;
	uint32_t k;
};

struct weave {
	struct tnode *tn;
	int ntn, captn;
	struct key *keys;
	size_t nkeys, capkeys;
	const struct cue *c;
	int n;
	char *placed;       /* per cue: its text is somewhere in the notes */
	char *written;      /* per cue: already on the page */
	const struct chapter *chap;
	int nchap, next_chap;
	char *has;
	int shift, top;
	int cjk;            /* the page is in a CJK language */
	const char *lang, *other;
	int open;           /* the cue whose span is open, -1 none */
	int frozen;         /* inside an inline element wholly in the open span */
	const char *speaker;  /* the speaker named last */
};

static void collect(struct weave *w, xmlNodePtr node, int pre)
{
	for (xmlNodePtr c = node->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (w->ntn == w->captn) {
				w->captn = w->captn ? 2 * w->captn : 64;
				w->tn = xreallocarray(w->tn, (size_t)w->captn, sizeof *w->tn);
			}
			struct tnode *t = &w->tn[w->ntn];
			t->node = c;
			t->s = c->content ? (const char *)c->content : "";
			t->len = strlen(t->s);
			t->cue = xreallocarray(NULL, t->len + 1, sizeof *t->cue);
			for (size_t i = 0; i <= t->len; i++)
				t->cue[i] = -1;
			t->pre = pre;
			c->_private = (void *)(intptr_t)(w->ntn + 1);
			for (size_t i = 0; i < t->len;) {
				uint32_t cp;
				size_t l = text_cp_at(t->s, t->len, i, &cp);
				if (is_key(cp)) {
					if (w->nkeys == w->capkeys) {
						w->capkeys = w->capkeys ? 2 * w->capkeys : 1024;
						w->keys = xreallocarray(w->keys, w->capkeys, sizeof *w->keys);
					}
					w->keys[w->nkeys++] = (struct key){w->ntn, i, i + l, key_of(cp)};
				}
				i += l ? l : 1;
			}
			w->ntn++;
		} else if (c->type == XML_ELEMENT_NODE) {
			collect(w, c, pre || strcmp((const char *)c->name, "pre") == 0);
		}
	}
}

/* The keys of a cue's text. The caller frees. */
static uint32_t *cue_keys(const char *s, size_t *n)
{
	size_t len = strlen(s), cap = len + 1;
	uint32_t *k = xreallocarray(NULL, cap, sizeof *k);
	*n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t l = text_cp_at(s, len, i, &cp);
		if (is_key(cp))
			k[(*n)++] = key_of(cp);
		i += l ? l : 1;
	}
	return k;
}

/* The keys of a cue's text, each word's followed by a 0. The caller frees. */
static uint32_t *cue_keys_words(const char *s, size_t *n)
{
	size_t len = strlen(s);
	uint32_t *k = xreallocarray(NULL, 2 * len + 1, sizeof *k);
	*n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t l = text_cp_at(s, len, i, &cp);
		if (is_key(cp))
			k[(*n)++] = key_of(cp);
		else if (*n > 0 && k[*n - 1] != 0)
			k[(*n)++] = 0;
		i += l ? l : 1;
	}
	if (*n > 0 && k[*n - 1] != 0)
		k[(*n)++] = 0;
	return k;
}

/* Gives cue k the notes' bytes of keys [j0, j1), with the punctuation around them. */
static void assign(struct weave *w, int k, size_t j0, size_t j1)
{
	const struct key *a = &w->keys[j0], *z = &w->keys[j1 - 1];
	for (int t = a->t; t <= z->t; t++) {
		size_t from = t == a->t ? a->off : 0, to = t == z->t ? z->end : w->tn[t].len;
		for (size_t i = from; i < to; i++)
			w->tn[t].cue[i] = k;
	}
	/* what opens the sentence before its first letter ("(", a quote) */
	struct tnode *t = &w->tn[a->t];
	size_t i = a->off;
	while (i > 0) {
		size_t p = text_prev(t->s, i);
		uint32_t cp;
		text_cp_at(t->s, t->len, p, &cp);
		if (text_is_space(cp) || is_key(cp) || t->cue[p] >= 0)
			break;
		for (size_t q = p; q < i; q++)
			t->cue[q] = k;
		i = p;
	}
	/* what closes it (".", "”", "。"), also at the start of the next text node ("</a>.") */
	for (int tt = z->t; tt < w->ntn; tt++) {
		t = &w->tn[tt];
		i = tt == z->t ? z->end : 0;
		while (i < t->len) {
			uint32_t cp;
			size_t l = text_cp_at(t->s, t->len, i, &cp);
			int cjk = 0;
			if (text_is_space(cp) || is_key(cp) || t->cue[i] >= 0 ||
			    !(text_is_terminator(cp, &cjk) || text_is_closer(cp) ||
			      text_is_cjk_punct(cp) || strchr(",;:)]}", (int)cp)))
				break;
			for (size_t q = i; q < i + l; q++)
				t->cue[q] = k;
			i += l ? l : 1;
		}
		if (i < t->len || t->pre)
			break;
	}
}

/*
 * Where the words of text are in keys [g0, g1) (outside <pre>), each
 * looked for after the one before: [*j0, *j1) from the first found to the
 * end of the last. 1 when at least half its letters were found so.
 */
static int find_words(const struct weave *w, const char *text, size_t g0, size_t g1, size_t *j0,
		      size_t *j1)
{
	size_t m, at = g0, got = 0;
	uint32_t *ck = cue_keys_words(text, &m);
	int first = 1;
	for (size_t i = 0; i < m;) {
		size_t e = i;
		while (e < m && ck[e] != 0)
			e++;
		for (size_t j = at; e > i && j + (e - i) <= g1; j++) {
			size_t q = 0;
			while (q < e - i && w->keys[j + q].k == ck[i + q] && !w->tn[w->keys[j + q].t].pre)
				q++;
			if (q == e - i) {
				if (first)
					*j0 = j;
				first = 0;
				*j1 = at = j + q;
				got += q;
				break;
			}
		}
		i = e + 1;
	}
	size_t letters = 0;
	for (size_t i = 0; i < m; i++)
		letters += ck[i] != 0;
	free(ck);
	return !first && 2 * got >= letters;
}

/*
 * Finds every cue's words in the notes: in order, each after the last
 * found. A cue not found so (its written form differs, a table row said
 * as a sentence) is looked for word by word between its neighbours.
 */
static void match(struct weave *w)
{
	size_t p = 0;
	size_t *from = xcalloc((size_t)w->n + 1, sizeof *from), *to = xcalloc((size_t)w->n + 1,
									       sizeof *to);
	size_t *len = xcalloc((size_t)w->n + 1, sizeof *len);
	for (int k = 0; k < w->n; k++) {
		size_t m;
		uint32_t *ck = cue_keys(w->c[k].text, &m);
		len[k] = m;
		for (size_t j = p; m > 0 && j + m <= w->nkeys && j <= p + MATCH_WINDOW; j++) {
			if (w->keys[j].k != ck[0])
				continue;
			size_t q = 1;
			while (q < m && w->keys[j + q].k == ck[q])
				q++;
			if (q == m) {
				from[k] = j;
				to[k] = j + m;
				w->placed[k] = 1;
				p = j + m;
				break;
			}
		}
		free(ck);
	}
	for (int k = 0; k < w->n; k++)
		if (w->placed[k])
			assign(w, k, from[k], to[k]);
	/* the cues not found: word by word, in the notes between their neighbours */
	for (int k = 0, prev = -1; k < w->n; k++) {
		if (w->placed[k]) {
			prev = k;
			continue;
		}
		int next = k + 1;
		while (next < w->n && !w->placed[next])
			next++;
		size_t g0 = prev >= 0 ? to[prev] : 0, g1 = next < w->n ? from[next] : w->nkeys;
		size_t j0 = 0, j1 = 0;
		/* not through the whole text for each cue when the two have little in common */
		if (g1 > g0 + MATCH_WINDOW + 8 * len[k])
			g1 = g0 + MATCH_WINDOW + 8 * len[k];
		if (g0 < g1 && find_words(w, w->c[k].text, g0, g1, &j0, &j1)) {
			assign(w, k, j0, j1);
			w->placed[k] = 1;
			from[k] = j0;
			to[k] = j1;
			prev = k;
		}
	}
	free(from);
	free(to);
	free(len);
}

/* ---- writing ---- */

static void put_esc(struct buf *b, const char *s, size_t n, int attr)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, attr ? "&quot;" : "\""); break;
		default: buf_putc(b, s[i]); break;
		}
	}
}

static void close_span(struct weave *w, struct buf *b)
{
	if (w->open >= 0)
		buf_puts(b, "</span>");
	w->open = -1;
}

static void open_span(struct weave *w, struct buf *b, int k)
{
	if (w->open == k)
		return;
	close_span(w, b);
	const struct cue *c = &w->c[k];
	buf_printf(b, "<span class=\"cue\" data-start=\"%.3f\" data-end=\"%.3f\"", c->t0, c->t1);
	if (c->lang[0] && site_other_lang(c->lang, w->lang)) {
		buf_puts(b, " lang=\"");
		put_esc(b, c->lang, strlen(c->lang), 1);
		buf_putc(b, '"');
	}
	buf_putc(b, '>');
	w->open = k;
	w->written[k] = 1;
}

/* The cues a subtree's text belongs to: the first and last, and whether any text is in none. */
static void span_of(const struct weave *w, xmlNodePtr n, int *lo, int *hi, int *loose)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			span_of(w, c, lo, hi, loose);
			continue;
		}
		int t = (int)(intptr_t)c->_private - 1;
		if (t < 0)
			continue;
		const struct tnode *tn = &w->tn[t];
		for (size_t i = 0; i < tn->len; i++) {
			int k = tn->cue[i];
			if (k < 0) {
				*loose |= !text_is_space((unsigned char)tn->s[i]);
				continue;
			}
			if (*lo < 0 || k < *lo)
				*lo = k;
			if (k > *hi)
				*hi = k;
		}
	}
}

/* Appends a text node's bytes [from, to) as HTML: a line break between CJK characters is none. */
static void put_run(struct weave *w, struct buf *b, const struct tnode *t, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (t->s[i] != '\n' || t->pre) {
			put_esc(b, t->s + i, 1, 0);
			continue;
		}
		uint32_t before = 0, after = 0;
		size_t p = i, q = i + 1;
		while (p > 0 && (t->s[p - 1] == ' ' || t->s[p - 1] == '\t'))
			p--;
		while (q < t->len && (t->s[q] == ' ' || t->s[q] == '\t'))
			q++;
		if (p > 0)
			text_cp_at(t->s, t->len, text_prev(t->s, p), &before);
		if (q < t->len)
			text_cp_at(t->s, t->len, q, &after);
		if (!(text_is_cjk(before) && text_is_cjk(after)))
			buf_putc(b, '\n');
	}
}

static void put_text_node(struct weave *w, struct buf *b, xmlNodePtr n)
{
	int idx = (int)(intptr_t)n->_private - 1;
	if (idx < 0)
		return;
	const struct tnode *t = &w->tn[idx];
	int bare = n->parent && in_list(container_elements, ARRAY_LEN(container_elements),
					(const char *)n->parent->name);
	if (n->parent && !is_inline(n->parent) && t->len == strspn(t->s, " \t\r\n"))
		bare = 1;   /* between blocks, or where a sentence would only hold a space */
	if (w->frozen) {
		put_run(w, b, t, 0, t->len);
		return;
	}
	for (size_t i = 0; i < t->len;) {
		size_t e = i + 1;
		while (e < t->len && t->cue[e] == t->cue[i])
			e++;
		if (bare || t->cue[i] < 0)
			close_span(w, b);
		else
			open_span(w, b, t->cue[i]);
		put_run(w, b, t, i, e);
		i = e;
	}
}

/* The element's start tag with its attributes (already the allowlist's), plus extra. */
static void put_start(struct weave *w, struct buf *b, xmlNodePtr n, const char *extra)
{
	int lv = heading_level(n);
	if (lv) {
		lv += w->shift;
		buf_printf(b, "<h%d", lv > 6 ? 6 : lv);
	} else {
		buf_printf(b, "<%s", (const char *)n->name);
	}
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		buf_printf(b, " %s=\"", (const char *)a->name);
		put_esc(b, v ? (const char *)v : "", v ? strlen((const char *)v) : 0, 1);
		buf_putc(b, '"');
		xmlFree(v);
	}
	if (extra)
		buf_puts(b, extra);
	buf_putc(b, '>');
}

static void put_end(struct weave *w, struct buf *b, xmlNodePtr n)
{
	int lv = heading_level(n);
	if (lv) {
		lv += w->shift;
		buf_printf(b, "</h%d>", lv > 6 ? 6 : lv);
	} else if (!in_list(void_elements, ARRAY_LEN(void_elements), (const char *)n->name)) {
		buf_printf(b, "</%s>", (const char *)n->name);
	}
}

/* A node's text, white space collapsed and trimmed. The caller frees. */
static char *flat_text(xmlNodePtr n)
{
	xmlChar *t = xmlNodeGetContent(n);
	struct buf b = {0};
	buf_puts(&b, "");
	for (const char *p = t ? (const char *)t : ""; *p; p++) {
		int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
		if (sp && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		buf_putc(&b, sp ? ' ' : *p);
	}
	while (b.len > 0 && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	xmlFree(t);
	return buf_detach(&b);
}

/* 1 when text has Latin letters and no CJK character. */
static int latin_only(const char *s)
{
	int latin = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = text_cp_at(s, n, i, &cp);
		if (text_is_cjk(cp))
			return 0;
		latin |= cp < 0x80 && (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
		i += l ? l : 1;
	}
	return latin;
}

/* 1 when t starts, or ends, with a CJK character (text_is_cjk, the transcript's rule). */
static int starts_cjk(const char *t)
{
	uint32_t cp;
	size_t n = strlen(t);
	return n > 0 && text_cp_at(t, n, 0, &cp) > 0 && text_is_cjk(cp);
}

static int ends_cjk(const char *t)
{
	uint32_t cp;
	size_t n = strlen(t);
	return n > 0 && text_cp_at(t, n, text_prev(t, n), &cp) > 0 && text_is_cjk(cp);
}

/*
 * The cues with no place in the notes, up to (not with) cue before, as the
 * transcript alone shows them: paragraphs, a new one where the speaker
 * changes, a quotation starts or ends, or after a pause; a quotation is a
 * blockquote; a cue that is the next chapter's title is a heading.
 */
static void put_unplaced(struct weave *w, struct buf *b, int before)
{
	int open = 0, quote = 0, last = -1;
	for (int k = 0; k < before && k < w->n; k++) {
		if (w->placed[k] || w->written[k])
			continue;
		const struct cue *c = &w->c[k];
		if (w->next_chap < w->nchap && strcmp(w->chap[w->next_chap].title, c->text) == 0) {
			if (open)
				buf_puts(b, quote ? "</p></blockquote>\n" : "</p>\n");
			open = 0;
			buf_printf(b, "<h%d class=\"heading\" id=\"ch-%d\">", w->top, w->next_chap + 1);
			w->has[w->next_chap++] = 1;
			open_span(w, b, k);
			put_esc(b, c->text, strlen(c->text), 0);
			close_span(w, b);
			buf_printf(b, "</h%d>\n", w->top);
			w->speaker = NULL;  /* each section names its speaker again */
			last = -1;
			continue;
		}
		int new_voice = w->speaker == NULL || strcmp(w->speaker, c->speaker) != 0;
		if (!open || new_voice || c->quote != quote || (last >= 0 && c->t0 - w->c[last].t1 >= 0.7)) {
			if (open)
				buf_puts(b, quote ? "</p></blockquote>\n" : "</p>\n");
			quote = c->quote;
			buf_puts(b, quote ? "<blockquote><p>" : "<p>");
			if (new_voice && c->speaker[0]) {
				buf_puts(b, "<span class=\"speaker\">");
				put_esc(b, c->speaker, strlen(c->speaker), 0);
				buf_puts(b, "</span> ");
			}
			open = 1;
		} else if (!(last >= 0 && ends_cjk(w->c[last].text) && starts_cjk(c->text))) {
			buf_putc(b, ' ');  /* Chinese sentences follow each other without one */
		}
		w->speaker = c->speaker;
		open_span(w, b, k);
		put_esc(b, c->text, strlen(c->text), 0);
		close_span(w, b);
		last = k;
	}
	if (open)
		buf_puts(b, quote ? "</p></blockquote>\n" : "</p>\n");
}

static void put_node(struct weave *w, struct buf *b, xmlNodePtr n, int top);

static void put_children(struct weave *w, struct buf *b, xmlNodePtr n, int top)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		put_node(w, b, c, top);
}

static void put_node(struct weave *w, struct buf *b, xmlNodePtr n, int top)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		put_text_node(w, b, n);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;
	const char *name = (const char *)n->name;
	int lo = -1, hi = -1, loose = 0;
	span_of(w, n, &lo, &hi, &loose);
	if (is_inline(n) && w->frozen) {
		put_start(w, b, n, NULL);
		put_children(w, b, n, 0);
		put_end(w, b, n);
		return;
	}
	if (is_inline(n)) {
		if (lo >= 0 && lo == hi && !loose) {   /* wholly inside one sentence */
			open_span(w, b, lo);
		} else if (lo >= 0 || loose) {
			close_span(w, b);
		}
		int whole = lo >= 0 && lo == hi && !loose;
		put_start(w, b, n, NULL);
		if (whole) {   /* its text as it is: the span around it says when */
			int was = w->frozen;
			w->frozen = 1;
			put_children(w, b, n, 0);
			w->frozen = was;
		} else {
			put_children(w, b, n, 0);
			close_span(w, b);
		}
		put_end(w, b, n);
		return;
	}
	close_span(w, b);
	if (top && lo >= 0)
		put_unplaced(w, b, lo);
	struct buf extra = {0};
	buf_puts(&extra, "");
	char *flat = NULL;
	if (heading_level(n)) {
		flat = flat_text(n);
		for (int j = w->next_chap; j < w->nchap; j++)
			if (strcmp(w->chap[j].title, flat) == 0) {
				buf_printf(&extra, " class=\"heading\" id=\"ch-%d\"", j + 1);
				w->has[j] = 1;
				w->next_chap = j + 1;
				break;
			}
		w->speaker = NULL;  /* each section names its speaker again */
	}
	int para = strcmp(name, "p") == 0 || strcmp(name, "li") == 0;
	if (para && w->cjk) {
		free(flat);
		flat = flat_text(n);
		if (latin_only(flat))
			buf_printf(&extra, " lang=\"%s\"", w->other);
	}
	put_start(w, b, n, extra.data);
	if (para && lo >= 0 && w->c[lo].speaker[0]) {
		const char *sp = w->c[lo].speaker;
		if (w->speaker == NULL || strcmp(w->speaker, sp) != 0) {
			free(flat);
			flat = flat_text(n);
			size_t l = strlen(sp);
			const char *after = flat + (strncmp(flat, sp, l) == 0 ? l : 0);
			while (*after == ' ' || *after == '*')
				after++;
			if (!(after != flat && after[0] == ':')) {  /* not labelled as written */
				buf_puts(b, "<span class=\"speaker\">");
				put_esc(b, sp, l, 0);
				buf_puts(b, "</span> ");
			}
		}
		w->speaker = sp;
	}
	free(flat);
	buf_free(&extra);
	put_children(w, b, n, 0);
	close_span(w, b);
	put_end(w, b, n);
}

void site_text(struct buf *b, const char *notes_html, const struct cue *c, int n,
	       const struct chapter *chap, int nchap, char *has, int top, const char *lang,
	       const char *other)
{
	struct weave w = {0};
	w.c = c;
	w.n = n;
	w.placed = xcalloc((size_t)n + 1, 1);
	w.written = xcalloc((size_t)n + 1, 1);
	w.chap = chap;
	w.nchap = nchap;
	w.has = has;
	w.lang = lang;
	w.other = other;
	w.open = -1;
	w.top = top < 1 ? 1 : top > 6 ? 6 : top;
	for (size_t i = 0; i < ARRAY_LEN(cjk_langs); i++)
		w.cjk |= !site_other_lang(lang, cjk_langs[i]);

	const char *html = notes_html ? notes_html : "";
	char *page = xasprintf("<!DOCTYPE html><html><body>%s</body></html>", html);
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
					HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	free(page);
	xmlNodePtr body = NULL;
	for (xmlNodePtr r = doc ? xmlDocGetRootElement(doc) : NULL, c2 = r ? r->children : NULL;
	     c2; c2 = c2->next)
		if (c2->type == XML_ELEMENT_NODE && strcmp((const char *)c2->name, "body") == 0)
			body = c2;
	if (body) {
		collect(&w, body, 0);
		int min = 7;
		for (xmlNodePtr h = body->children; h; h = h->next)
			if (h->type == XML_ELEMENT_NODE && heading_level(h) && heading_level(h) < min)
				min = heading_level(h);
		w.shift = min < 7 && top > min ? top - min : 0;
		match(&w);
		put_children(&w, b, body, 1);
		close_span(&w, b);
	}
	put_unplaced(&w, b, n);
	if (doc)
		xmlFreeDoc(doc);
	for (int i = 0; i < w.ntn; i++)
		free(w.tn[i].cue);
	free(w.tn);
	free(w.keys);
	free(w.placed);
	free(w.written);
}
