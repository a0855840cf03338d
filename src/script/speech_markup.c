/*
 * speech_markup.c: the Speech Markdown grammar (docs/speech-markdown.md),
 * read in one place. The speech stage (speech.c) applies what it finds;
 * the show notes, chapters and transcripts (shownotes.c) take it out of
 * the text they show, so the two always agree on what is markup.
 *
 * In: plain text (a block's text, or a stretch of Markdown prose).
 * Out: the markup elements in it, one at a time (struct speech_markup: a
 * pause, a break, an audio insert, modified text, or modified text whose
 * modifier list never closes), and the key/value modifiers of a list. What
 * the elements mean (voices, levels, spoken forms) is the caller's.
 */
#include <ctype.h>
#include <string.h>

#include "speech.h"
#include "core/core.h"

int speech_markup_duration(const char *s, size_t n)
{
	size_t i = 0;
	double v = 0, frac = 0.1;
	int digits = 0;
	while (i < n && isdigit((unsigned char)s[i])) {
		v = v * 10 + (s[i++] - '0');
		digits++;
	}
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && isdigit((unsigned char)s[i])) {
			v += (s[i++] - '0') * frac;
			frac /= 10;
			digits++;
		}
	}
	if (!digits)
		return -1;
	if (v > 600000)  /* far past any pause (callers say "too long"), and fits an int */
		v = 600000;
	if (n - i == 2 && memcmp(s + i, "ms", 2) == 0)
		return (int)(v + 0.5);
	if (n - i == 1 && s[i] == 's')
		return (int)(v * 1000 + 0.5);
	return -1;
}

/* Modifiers that take no value: [emphasis], [whisper], [characters], [number]. */
static int bare_modifier(const char *s, size_t n)
{
	static const char *const bare[] = {"emphasis", "whisper", "characters", "chars", "number"};
	for (size_t i = 0; i < ARRAY_LEN(bare); i++)
		if (strlen(bare[i]) == n && strncmp(s, bare[i], n) == 0)
			return 1;
	return 0;
}

/*
 * Whether s (just after '[') starts like a modifier list: letters then ':',
 * or a modifier that takes no value ("[whisper]", "[emphasis;rate:...]").
 */
static int looks_like_modifiers(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isalpha((unsigned char)s[i]))
		i++;
	if (i > 0 && i < n && (s[i] == ']' || s[i] == ';') && bare_modifier(s, i))
		return 1;
	return i > 0 && i < n && s[i] == ':';
}

/*
 * The longest modifier list and insert file name looked for: no list is
 * that long, and the bound keeps a text of many unterminated lists linear.
 */
#define MARKUP_MAX 4096

/* The ']' that ends a modifier list starting at s, skipping quoted values; NULL when none. */
static const char *modifiers_end(const char *s, size_t n)
{
	char q = 0;
	if (n > MARKUP_MAX)
		n = MARKUP_MAX;
	for (size_t i = 0; i < n; i++) {
		if (q) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'') {
			q = s[i];
		} else if (s[i] == ']') {
			return s + i;
		}
	}
	return NULL;
}

/*
 * The first c in s[from..n), or NULL: memchr, or what h remembers of the
 * last search when it is still the answer (h may be NULL).
 */
static const char *next_of(const char *s, size_t n, size_t from, char c,
			   struct speech_markup_hint *h)
{
	if (from >= n)
		return NULL;
	if (h == NULL) {
		return memchr(s + from, c, n - from);
	}
	size_t *pos = c == ')' ? &h->paren : &h->bracket;
	size_t *pfrom = c == ')' ? &h->paren_from : &h->bracket_from;
	int *ok = c == ')' ? &h->paren_ok : &h->bracket_ok;
	if (h->s != s || h->n != n) {
		h->s = s;
		h->n = n;
		h->paren_ok = h->bracket_ok = 0;
	}
	if (!*ok || from < *pfrom || (*pos < n && from > *pos)) {
		const char *p = memchr(s + from, c, n - from);
		*pos = p ? (size_t)(p - s) : n;
		*pfrom = from;
		*ok = 1;
	}
	return *pos < n ? s + *pos : NULL;
}

/* "[...]" at s[i]: a pause, a break or an audio insert. */
static int bracket_at(const char *s, size_t n, size_t i, struct speech_markup *e,
		      struct speech_markup_hint *h)
{
	static const char audio[] = "[audio:\"";
	const char *close = next_of(s, n, i + 1, ']', h);
	if (close == NULL)
		return 0;
	size_t in = i + 1, len = (size_t)(close - s) - in;
	int ms = speech_markup_duration(s + in, len);
	e->st = i;
	e->en = (size_t)(close - s) + 1;
	e->mst = in;
	e->men = (size_t)(close - s);
	if (ms >= 0) {
		e->kind = SPEECH_MARKUP_PAUSE;
		e->ms = ms;
		return 1;
	}
	if (len > 6 && strncmp(s + in, "break:", 6) == 0) {
		e->kind = SPEECH_MARKUP_BREAK;
		return 1;
	}
	/* [audio:"file"], as episode.c cuts blocks at it */
	if (n - i > sizeof audio - 1 && memcmp(s + i, audio, sizeof audio - 1) == 0) {
		size_t name = i + sizeof audio - 1;
		for (size_t j = name; j + 1 < n && j < name + MARKUP_MAX; j++)
			if (s[j] == '"' && s[j + 1] == ']') {
				if (j == name)
					return 0;
				e->kind = SPEECH_MARKUP_INSERT;
				e->mst = name;
				e->men = j;
				e->en = j + 2;
				return 1;
			}
	}
	return 0;
}

/* "(text)[modifiers]" at s[i]. */
static int modified_at(const char *s, size_t n, size_t i, struct speech_markup *e,
		       struct speech_markup_hint *h)
{
	const char *close = next_of(s, n, i + 1, ')', h);
	if (close == NULL || close + 1 >= s + n || close[1] != '[')
		return 0;
	const char *list = close + 2;
	size_t left = n - (size_t)(list - s);
	if (!looks_like_modifiers(list, left))
		return 0;
	const char *mend = modifiers_end(list, left);
	e->st = i;
	e->tst = i + 1;
	e->ten = (size_t)(close - s);
	e->mst = (size_t)(list - s);
	if (mend == NULL) {
		e->kind = SPEECH_MARKUP_UNTERMINATED;
		e->men = e->en = n;
		return 1;
	}
	e->kind = SPEECH_MARKUP_MODIFIED;
	e->men = (size_t)(mend - s);
	e->en = e->men + 1;
	return 1;
}

int speech_markup_next(const char *s, size_t n, size_t i, struct speech_markup *e,
		       struct speech_markup_hint *h)
{
	memset(e, 0, sizeof *e);
	if (i >= n)
		return 0;
	if (s[i] == '[')
		return bracket_at(s, n, i, e, h);
	if (s[i] == '(')
		return modified_at(s, n, i, e, h);
	return 0;
}

int speech_markup_at(const char *s, size_t n, size_t i, struct speech_markup *e)
{
	return speech_markup_next(s, n, i, e, NULL);
}

int speech_markup_scan(const char *s, size_t n, speech_markup_fn fn, void *ud)
{
	size_t i = 0;
	int rc = 0;
	struct speech_markup_hint h = {0};
	while (i < n) {
		struct speech_markup e;
		if (!speech_markup_next(s, n, i, &e, &h)) {
			i++;
			continue;
		}
		if ((rc = fn(&e, ud)) != 0)
			break;
		/* an unterminated list is read past its '(' only */
		i = e.kind == SPEECH_MARKUP_UNTERMINATED ? i + 1 : e.en;
	}
	return rc;
}

int speech_markup_modifier(const char *s, size_t n, size_t *pos, struct speech_modifier *m)
{
	size_t i = *pos;
	memset(m, 0, sizeof *m);
	while (i < n && (s[i] == ' ' || s[i] == ';' || s[i] == ','))
		i++;
	*pos = i;
	if (i >= n)
		return 0;
	size_t ks = i;
	while (i < n && (isalpha((unsigned char)s[i]) || s[i] == '-'))
		i++;
	if (i == ks)
		return SPEECH_MOD_BAD_KEY;   /* not a key: the caller stops here */
	m->key = s + ks;
	m->keylen = i - ks;
	m->bare = i >= n || s[i] != ':';    /* [whisper], [number]: no value */
	if (!m->bare)
		i++;
	while (i < n && s[i] == ' ')
		i++;
	if (m->bare) {
		m->val = s + i;
	} else if (i < n && (s[i] == '"' || s[i] == '\'')) {
		char q = s[i++];
		size_t vs = i;
		while (i < n && s[i] != q)
			i++;
		if (i >= n)
			return SPEECH_MOD_UNTERMINATED;
		m->val = s + vs;
		m->vallen = i - vs;
		i++;
	} else {
		size_t vs = i;
		while (i < n && s[i] != ';' && s[i] != ',' && s[i] != ' ')
			i++;
		m->val = s + vs;
		m->vallen = i - vs;
	}
	*pos = i;
	return 1;
}
