/*
 * lexicon.c: pronunciations. Entries come from lexicon files (one entry a
 * line, see docs/lexicon.md) and from an episode's front matter; each says
 * how a word, or a pattern with one '*', is spoken: as text, or as
 * espeak-ng phonemes written [[...]].
 *
 * In: lexicon files and single entries. Out: lookups by word, exact case
 * first, then ignoring ASCII case; patterns after words.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "core/core.h"

struct lexent {
	char *word;
	char *say;
	int next;          /* next entry in the same hash chain, -1 at the end */
	char *where;       /* "voices/kernel.lexicon:12", or NULL */
	uint64_t fold;     /* fold_hash(word): compared before the words are */
	int exact;         /* written "=MES": matches that case only, not "mes" or "Mes" */
};

struct lexpat {
	char *prefix, *suffix;
	size_t plen, slen;
	int first;         /* the prefix's first letter in lower case, -1 for none */
	int exact;         /* written "=FOO_*": its fixed parts match in that case only */
	char *say;
	char *where;       /* as for an entry */
};

struct lexicon {
	struct lexent *e;
	int n, cap;
	int *heads;        /* hash of the case-folded word -> first entry */
	int nheads;        /* a power of two */
	struct lexpat *pat;
	int npat;
	int *phrase;       /* entries found inside text: several words, or not ASCII */
	int nphrase;
};

static uint64_t fold_hash(const char *s)
{
	char tmp[256];
	size_t n = strlen(s);
	if (n > sizeof tmp)
		n = sizeof tmp;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)tolower((unsigned char)s[i]);
	return hash64(tmp, n);
}

static void rehash(struct lexicon *lex, int nheads)
{
	free(lex->heads);
	lex->nheads = nheads;
	lex->heads = xmalloc(sizeof(int) * (size_t)nheads);
	for (int i = 0; i < nheads; i++)
		lex->heads[i] = -1;
	for (int i = 0; i < lex->n; i++) {
		int h = (int)(lex->e[i].fold & (uint64_t)(nheads - 1));
		lex->e[i].next = lex->heads[h];
		lex->heads[h] = i;
	}
}

struct lexicon *lexicon_new(void)
{
	struct lexicon *lex = xcalloc(1, sizeof *lex);
	rehash(lex, 256);
	return lex;
}

void lexicon_free(struct lexicon **lexp)
{
	struct lexicon *lex;
	if (!lexp || !(lex = *lexp))
		return;
	for (int i = 0; i < lex->n; i++) {
		free(lex->e[i].word);
		free(lex->e[i].say);
		free(lex->e[i].where);
	}
	for (int i = 0; i < lex->npat; i++) {
		free(lex->pat[i].prefix);
		free(lex->pat[i].suffix);
		free(lex->pat[i].say);
		free(lex->pat[i].where);
	}
	free(lex->e);
	free(lex->phrase);
	free(lex->pat);
	free(lex->heads);
	free(lex);
	*lexp = NULL;
}

/* An entry written "=MES" matches that exact case only; the '=' is not part
 * of the word. A lone "=" is a word of its own. */
static const char *exact_word(const char *word, int *exact)
{
	*exact = word[0] == '=' && word[1] != 0;
	return *exact ? word + 1 : word;
}

static int find_exact(const struct lexicon *lex, const char *word)
{
	int exact;
	word = exact_word(word, &exact);
	int h = (int)(fold_hash(word) & (uint64_t)(lex->nheads - 1));
	for (int i = lex->heads[h]; i >= 0; i = lex->e[i].next)
		if (strcmp(lex->e[i].word, word) == 0 && lex->e[i].exact == exact)
			return i;
	return -1;
}

static void add_pattern(struct lexicon *lex, const char *word, const char *say, const char *where)
{
	int exact;
	word = exact_word(word, &exact);
	const char *star = strchr(word, '*');
	char *prefix = xstrndup(word, (size_t)(star - word));
	char *suffix = xstrdup(star + 1);
	for (int i = 0; i < lex->npat; i++)
		if (strcmp(lex->pat[i].prefix, prefix) == 0 &&
		    strcmp(lex->pat[i].suffix, suffix) == 0 && lex->pat[i].exact == exact) {
			free(prefix);
			free(suffix);
			free(lex->pat[i].say);
			lex->pat[i].say = xstrdup(say);
			free(lex->pat[i].where);
			lex->pat[i].where = where ? xstrdup(where) : NULL;
			return;
		}
	lex->pat = xreallocarray(lex->pat, (size_t)lex->npat + 1, sizeof *lex->pat);
	lex->pat[lex->npat++] = (struct lexpat){
		prefix, suffix, strlen(prefix), strlen(suffix), prefix[0] ? tolower((unsigned char)prefix[0]) : -1,
		exact, xstrdup(say), where ? xstrdup(where) : NULL};
}

static void add_entry(struct lexicon *lex, const char *word, const char *say, const char *where)
{
	if (strchr(word, '*')) {
		add_pattern(lex, word, say, where);
		return;
	}
	int i = find_exact(lex, word);
	if (i >= 0) {
		free(lex->e[i].say);
		lex->e[i].say = xstrdup(say);
		free(lex->e[i].where);
		lex->e[i].where = where ? xstrdup(where) : NULL;
		return;
	}
	if (lex->n == lex->cap) {
		lex->cap = lex->cap ? lex->cap * 2 : 256;
		lex->e = xreallocarray(lex->e, (size_t)lex->cap, sizeof *lex->e);
	}
	int exact;
	word = exact_word(word, &exact);
	if (strchr(word, ' ') || (unsigned char)word[0] >= 0x80) {
		lex->phrase = xreallocarray(lex->phrase, (size_t)lex->nphrase + 1, sizeof *lex->phrase);
		lex->phrase[lex->nphrase++] = lex->n;
	}
	uint64_t fold = fold_hash(word);
	lex->e[lex->n] = (struct lexent){xstrdup(word), xstrdup(say), -1, where ? xstrdup(where) : NULL, fold, exact};
	int h = (int)(fold & (uint64_t)(lex->nheads - 1));
	lex->e[lex->n].next = lex->heads[h];
	lex->heads[h] = lex->n;
	lex->n++;
	if (lex->n > lex->nheads)
		rehash(lex, lex->nheads * 2);
}

void lexicon_add(struct lexicon *lex, const char *word, const char *say)
{
	add_entry(lex, word, say, NULL);
}

void lexicon_add_at(struct lexicon *lex, const char *word, const char *say, const char *path, int line)
{
	char *where = xasprintf("%s:%d", path, line);
	add_entry(lex, word, say, where);
	free(where);
}

/* The index of the entry lexicon_lookup finds for word, or -1: the entry
 * written exactly so (the last added, of "MES" and "=MES"), else the last
 * added that differs in case only and was not written "=". Entries of both kinds share the chain of word's
 * case-folded hash, walked once. */
static int lookup_index(const struct lexicon *lex, const char *word)
{
	uint64_t fold = fold_hash(word);
	int h = (int)(fold & (uint64_t)(lex->nheads - 1)), best = -1, same = -1;
	for (int i = lex->heads[h]; i >= 0; i = lex->e[i].next)
		if (lex->e[i].fold == fold && strcasecmp(lex->e[i].word, word) == 0) {
			if (strcmp(lex->e[i].word, word) == 0) {
				if (i > same)
					same = i;
			} else if (!lex->e[i].exact && i > best) {
				best = i;
			}
		}
	return same >= 0 ? same : best;
}

/* Whether word (n bytes) is of pattern p: its prefix and suffix, ignoring
 * case, with at least one byte between them. */
static int pattern_fits(const struct lexpat *p, const char *word, size_t n)
{
	return n > p->plen + p->slen &&
	       (p->first < 0 || tolower((unsigned char)word[0]) == p->first) &&
	       (p->exact ? strncmp(word, p->prefix, p->plen) == 0 && strcmp(word + n - p->slen, p->suffix) == 0
			 : strncasecmp(word, p->prefix, p->plen) == 0 && strcasecmp(word + n - p->slen, p->suffix) == 0);
}

const char *lexicon_where(const struct lexicon *lex, const char *word)
{
	if (!lex || !*word)
		return NULL;
	int i = lookup_index(lex, word);
	if (i >= 0)
		return lex->e[i].where;
	size_t n = strlen(word), best = 0;
	const char *where = NULL;
	for (int k = 0; k < lex->npat; k++) {
		const struct lexpat *p = &lex->pat[k];
		if (p->plen + p->slen < best || !pattern_fits(p, word, n))
			continue;
		best = p->plen + p->slen;
		where = p->where;
	}
	return where;
}

const char *lexicon_lookup(const struct lexicon *lex, const char *word)
{
	if (!lex || !*word)
		return NULL;
	/* Ignoring case, the entry added last wins. */
	int i = lookup_index(lex, word);
	return i >= 0 ? lex->e[i].say : NULL;
}

const char *lexicon_lookup_exact(const struct lexicon *lex, const char *word)
{
	if (!lex || !*word)
		return NULL;
	int i = lookup_index(lex, word);
	return i >= 0 && strcmp(lex->e[i].word, word) == 0 ? lex->e[i].say : NULL;
}

const char *lexicon_match(const struct lexicon *lex, const char *word,
			  const char **star, size_t *star_len)
{
	*star = NULL;
	*star_len = 0;
	const char *say = lexicon_lookup(lex, word);
	if (say || !lex)
		return say;
	size_t n = strlen(word), best = 0;
	for (int i = 0; i < lex->npat; i++) {
		const struct lexpat *p = &lex->pat[i];
		if (p->plen + p->slen < best || !pattern_fits(p, word, n))
			continue;
		best = p->plen + p->slen;
		say = p->say;
		*star = word + p->plen;
		*star_len = n - p->plen - p->slen;
	}
	return say;
}

const char *lexicon_phrase_at(const struct lexicon *lex, const char *s, size_t n, size_t *len)
{
	const char *say = NULL;
	*len = 0;
	for (int k = 0; lex && k < lex->nphrase; k++) {
		const struct lexent *e = &lex->e[lex->phrase[k]];
		size_t m = strlen(e->word);
		if (m > n || m <= *len || (e->exact ? strncmp(s, e->word, m) : strncasecmp(s, e->word, m)) != 0)
			continue;
		/* a Latin phrase ends at the end of a word */
		unsigned char last = (unsigned char)e->word[m - 1];
		if (last < 0x80 && isalnum(last) && m < n && isalnum((unsigned char)s[m]))
			continue;
		say = e->say;
		*len = m;
	}
	return say;
}

int lexicon_size(const struct lexicon *lex)
{
	return lex ? lex->n + lex->npat : 0;
}

/* Whether s has a letter or a digit (any non-ASCII character counts as one). */
static int has_alnum(const char *s)
{
	for (; *s; s++)
		if (isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80)
			return 1;
	return 0;
}

/*
 * An unquoted entry whose pronunciation starts with the rest of the words
 * it was meant for: "Rust for Linux  rust for linux" read as the word
 * "Rust" said "for Linux  rust for linux". Either a gap of two spaces or a
 * tab after some of the words, or the pronunciation's second half being the
 * word and its first half again. Returns the length of say's part that
 * belongs to the word, 0 when the line is not of that shape.
 */
static size_t unquoted_words(const char *word, const char *say)
{
	const char *gap = strstr(say, "  "), *tab = strchr(say, '\t');
	if (tab && (!gap || tab < gap))
		gap = tab;
	if (gap && gap > say && has_alnum(gap))
		return (size_t)(gap - say);
	/* "Rust for Linux rust for linux": word + say[0..k) == say[k+1..] */
	size_t wl = strlen(word), n = strlen(say);
	for (size_t k = 1; k < n; k++) {
		if (say[k] != ' ')
			continue;
		const char *rest = say + k + 1;
		if (strlen(rest) == wl + 1 + k && strncasecmp(rest, word, wl) == 0 && rest[wl] == ' ' &&
		    strncasecmp(rest + wl + 1, say, k) == 0)
			return k;
	}
	return 0;
}

/* The characters a word of the text never starts or ends with (the normaliser cuts them off). */
static const char never_edge[] = ":,;!?()[]{}\"";

/* Checks the shape of an unquoted line's word; 0 when fine, else reports (-1: an error). */
static int check_line_shape(const char *path, int lineno, const char *word, const char *say, int quoted)
{
	size_t wl = strlen(word);
	if (!quoted && wl > 1 && word[wl - 1] == ':') {
		msg(MSG_LEX_COLON, path, lineno, 0, "\"%s\"" MSG_SEP "%.*s" MSG_SEP "%s", word,
		    (int)(wl - 1), word, say);
		return -1;
	}
	size_t k = quoted ? 0 : unquoted_words(word, say);
	if (k > 0) {
		msg(MSG_LEX_UNQUOTED, path, lineno, 0, "\"%s %.*s\"" MSG_SEP "\"%s\"" MSG_SEP "\"%s\"",
		    word, (int)k, say, word, say);
		return -1;
	}
	if (strchr(word, '*') == NULL && wl > 0 &&
	    (strchr(never_edge, word[0]) || strchr(never_edge, word[wl - 1]))) {
		char edge[2] = {strchr(never_edge, word[wl - 1]) ? word[wl - 1] : word[0], 0};
		char *why = xasprintf("%s with \"%s\"", strchr(never_edge, word[wl - 1]) ? "ends" : "starts", edge);
		msg(MSG_LEX_NEVER, path, lineno, 0, "\"%s\"" MSG_SEP "%s", word, why);
		free(why);
	}
	return 0;
}

/* Checks one entry; 0 when it can be added, else reports and returns -1. */
static int check_entry(const char *path, int lineno, const char *word, const char *say)
{
	const char *star = strchr(word, '*');
	if (star && (strchr(star + 1, '*') || strlen(word) == 1 || !has_alnum(word))) {
		msg(MSG_LEX_PATTERN, path, lineno, 0, "\"%s\"", word);
		return -1;
	}
	if (!*say) {
		msg(MSG_LEX_NO_SAY, path, lineno, 0, "\"%s\"", word);
		return -1;
	}
	const char *p = say;
	while ((p = strstr(p, "[["))) {
		const char *end = strstr(p + 2, "]]");
		if (!end) {
			msg(MSG_LEX_PHONEMES, path, lineno, 0, "\"%s\"", word);
			return -1;
		}
		p = end + 2;
	}
	if (strstr(say, "]]") && !strstr(say, "[[")) {
		msg(MSG_LEX_PHONEMES, path, lineno, 0, "\"%s\"", word);
		return -1;
	}
	return 0;
}

int lexicon_load(struct lexicon *lex, const char *path)
{
	size_t len, bad;
	const char *why = NULL;
	char *text = input_read(path, INPUT_LEXICON, &len, &why);
	if (!text) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "lexicon" MSG_SEP "%s", why);
		return -1;
	}
	int rc = 0;
	if (utf8_check(text, len, &bad) != 0) {
		msg(MSG_FILE_UTF8, path, line_of(text, bad), 0, " in lexicon");
		free(text);
		return -1;
	}
	struct lexicon *seen = lexicon_new();    /* duplicates within this file */
	int lineno = 0;
	char *line = text;
	while (line && *line) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		lineno++;
		char *p = line;
		while (*p == ' ' || *p == '\t')
			p++;
		char *end = p + strlen(p);
		while (end > p && isspace((unsigned char)end[-1]))
			*--end = 0;
		if (*p && *p != '#') {
			char *w = p;
			char *q = *p == '"' ? strchr(p + 1, '"') : NULL;
			int quoted = 0;
			if (*p == '"' && q == NULL) {
				char *upto = strstr(p, "  "), *tab = strchr(p, '\t');
				if (tab && (!upto || tab < upto))
					upto = tab;
				if (upto == NULL)
					upto = p + strcspn(p, " ");
				msg(MSG_LEX_QUOTE, path, lineno, 0, "%.*s\"", (int)(upto - p), p);
				rc = -1;
				line = nl ? nl + 1 : NULL;
				continue;
			}
			if (q && q > p + 1) {   /* "Rust for Linux"  rust for linux */
				w = p + 1;
				*q = 0;
				p = q + 1;
				quoted = 1;
			} else {
				while (*p && *p != ' ' && *p != '\t')
					p++;
			}
			if (*p)
				*p++ = 0;
			while (*p == ' ' || *p == '\t')
				p++;
			int ctl = 0;
			for (char *c = p; *c; c++)
				if ((unsigned char)*c < 0x20)
					ctl = 1;
			if (ctl) {
				msg(MSG_LEX_CONTROL, path, lineno, 0, "\"%s\"", w);
				rc = -1;
			} else if (*p && check_line_shape(path, lineno, w, p, quoted) != 0) {
				rc = -1;
			} else if (check_entry(path, lineno, w, p) != 0) {
				rc = -1;
			} else {
				if (!strchr(w, '*') && find_exact(seen, w) >= 0)
					msg(MSG_LEX_DUPLICATE, path, lineno, 0, "\"%s\"", w);
				lexicon_add(seen, w, "");
				lexicon_add_at(lex, w, p, path, lineno);
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	lexicon_free(&seen);
	free(text);
	return rc;
}
