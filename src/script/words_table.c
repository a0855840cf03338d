/*
 * words_table.c: the scowl word lists as one table that needs no parsing
 * (the layout is in words_table.h). The build runs words_table_build once,
 * through build/words-table, and the program carries what it wrote; the
 * program runs it only when PODSYNTH_SCOWL names another directory.
 *
 * In: a directory of scowl lists and hunspell.words's text. Out: the
 * table's bytes; a word's flags and size.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "speech_int.h"
#include "words_table.h"

/* The lists read, the sizes, and the flag each sets. Sizes above 70 hold
 * rare words and surnames ("bhagat", "babka") that must not stop a split
 * as pieces of it: their words (80) and the names above 50 (60 to 80) are
 * WORDS_LARGE, which only words_large reports, for a long token that is
 * one of them whole ("autoantibodies", "Loughborough"); only those of
 * WORDS_LARGE_MIN letters or more are kept. */
static const struct {
	const char *prefix;
	int flag;
	int min, max;
} lists[] = {
	{"english-words.", WORDS_WORD, 1, 70},
	{"american-words.", WORDS_WORD, 1, 70},
	{"british-words.", WORDS_WORD, 1, 70},
	{"english-proper-names.", WORDS_NAME, 1, 50},
	{"english-abbreviations.", WORDS_ABBR, 1, 70},
	{"english-abbreviations.", WORDS_ABBR50, 1, 50},
	{"english-upper.", WORDS_UPPER, 1, 50},
	{"english-words.", WORDS_LARGE, 80, 80},
	{"american-words.", WORDS_LARGE, 80, 80},
	{"british-words.", WORDS_LARGE, 80, 80},
	{"english-proper-names.", WORDS_LARGE, 60, 80},
};

static uint32_t hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t get32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* ---- building: every word once, with its flags and smallest size ---- */

struct word {
	uint32_t off;           /* 1 + the word's offset in the lists' text (0: empty) */
	unsigned char len;
	unsigned char size;     /* the smallest size of a word list holding it */
	unsigned char flags;
};

struct words {
	struct word *tab;
	size_t tabn;            /* a power of two */
	size_t count;
	struct buf text;        /* every list read, one after the other */
};

static struct word *word_slot(struct words *w, const char *s, size_t n)
{
	for (size_t i = hash(s, n) & (w->tabn - 1);; i = (i + 1) & (w->tabn - 1)) {
		struct word *sl = &w->tab[i];
		if (!sl->off || (sl->len == n && memcmp(w->text.data + sl->off - 1, s, n) == 0))
			return sl;
	}
}

static void add_word(struct words *w, size_t off, size_t n, int size, int flag)
{
	if (n == 0 || n > 255)
		return;
	struct word *sl = word_slot(w, w->text.data + off, n);
	if (!sl->off) {
		sl->off = (uint32_t)off + 1;
		sl->len = (unsigned char)n;
		sl->size = (unsigned char)size;
		w->count++;
	} else if ((flag & WORDS_WORD) && (!(sl->flags & WORDS_WORD) || size < sl->size)) {
		sl->size = (unsigned char)size;
	}
	sl->flags |= (unsigned char)flag;
}

/* Writes the table of w's words to out; -1 when the pool is too large for
 * the slots' offsets. */
static int emit(const struct words *w, struct buf *out)
{
	size_t nslots = 1024;
	while (2 * nslots < 3 * w->count)     /* at most two thirds full */
		nslots *= 2;
	size_t pool = 0;
	for (size_t i = 0; i < w->tabn; i++)
		if (w->tab[i].off)
			pool += 3 + w->tab[i].len;
	if (pool >= (1u << 24) - 1)
		return -1;
	size_t base = WORDS_TABLE_HEADER + 4 * nslots;
	uint32_t head[4] = {(uint32_t)nslots, (uint32_t)(base + pool), (uint32_t)w->count, 0};
	buf_add(out, WORDS_TABLE_MAGIC, 16);
	buf_add(out, head, sizeof head);
	uint32_t *slots = xcalloc(nslots, sizeof *slots);
	struct buf p = {0};
	for (size_t i = 0; i < w->tabn; i++) {
		const struct word *x = &w->tab[i];
		if (!x->off)
			continue;
		const char *s = w->text.data + x->off - 1;
		uint32_t h = hash(s, x->len);
		size_t k = h & (nslots - 1);
		while (slots[k])
			k = (k + 1) & (nslots - 1);
		slots[k] = (h & 0xff000000u) | (uint32_t)(p.len + 1);
		unsigned char e[3] = {x->len, (x->flags & WORDS_WORD) ? x->size : 0, x->flags};
		buf_add(&p, e, sizeof e);
		buf_add(&p, s, x->len);
	}
	buf_add(out, slots, 4 * nslots);
	buf_add(out, p.data, p.len);
	free(slots);
	buf_free(&p);
	return 0;
}

int words_table_build(const char *dir, const char *extra, struct buf *out)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	struct words w = {0};
	struct dirent *de;
	struct {
		size_t off;
		int size, flag;
	} parts[64];
	int np = 0;
	while ((de = readdir(d)) != NULL && np < (int)ARRAY_LEN(parts)) {
		for (size_t k = 0; k < ARRAY_LEN(lists); k++) {
			size_t pl = strlen(lists[k].prefix);
			int size = atoi(de->d_name + pl);
			if (strncmp(de->d_name, lists[k].prefix, pl) != 0 || size < lists[k].min || size > lists[k].max)
				continue;
			char *path = path_join(dir, de->d_name);
			size_t len;
			char *t = read_file(path, &len);
			free(path);
			if (!t)
				continue;
			parts[np].off = w.text.len;
			parts[np].size = size;
			/* the American lists up to 60 are what hunspell en_US is made of */
			parts[np++].flag = lists[k].flag | (lists[k].flag == WORDS_WORD && size <= 60 &&
							      strncmp(lists[k].prefix, "british", 7) != 0 ? WORDS_US : 0);
			buf_add(&w.text, t, len);
			buf_putc(&w.text, '\n');
			free(t);
		}
	}
	closedir(d);
	int nlists = np;
	/* the forms hunspell en_US adds to the lists (scripts/hunspell-words) */
	if (extra && np < (int)ARRAY_LEN(parts)) {
		parts[np].off = w.text.len;
		parts[np].size = 0;
		parts[np++].flag = WORDS_DICT;
		buf_puts(&w.text, extra);
	}
	/* the slots point into the text, which no longer moves */
	w.tabn = 1 << 20;
	w.tab = xcalloc(w.tabn, sizeof *w.tab);
	for (int p = 0; p < np && w.count < w.tabn / 2; p++) {
		size_t end = p + 1 < np ? parts[p + 1].off : w.text.len;
		for (size_t i = parts[p].off; i < end;) {
			char *nl = memchr(w.text.data + i, '\n', end - i);
			size_t e = nl ? (size_t)(nl - w.text.data) : end;
			size_t n = e - i;
			if (n && w.text.data[e - 1] == '\r')
				n--;
			/* (a larger list's word only when long: words_large asks no other) */
			if (n && w.text.data[i] != '#' && (parts[p].flag != WORDS_LARGE || n >= WORDS_LARGE_MIN))
				add_word(&w, i, n, parts[p].size, parts[p].flag);
			i = e + 1;
		}
	}
	int ok = w.count < w.tabn / 2 ? emit(&w, out) : -1;
	free(w.tab);
	buf_free(&w.text);
	return ok < 0 ? -1 : nlists;
}

int words_table_valid(const unsigned char *t, size_t len)
{
	if (len < WORDS_TABLE_HEADER || memcmp(t, WORDS_TABLE_MAGIC, 16) != 0)
		return 0;
	uint32_t nslots = get32(t + 16), total = get32(t + 20);
	return nslots && (nslots & (nslots - 1)) == 0 && total == len &&
	       (uint64_t)WORDS_TABLE_HEADER + 4 * (uint64_t)nslots <= total;
}

int words_table_find(const unsigned char *t, const char *s, size_t n, int *size)
{
	if (size)
		*size = 0;
	if (n == 0 || n > 255)
		return 0;
	uint32_t nslots = get32(t + 16), h = hash(s, n), tag = h & 0xff000000u;
	const unsigned char *slots = t + WORDS_TABLE_HEADER, *pool = slots + 4 * (size_t)nslots - 1;
	for (uint32_t i = h & (nslots - 1);; i = (i + 1) & (nslots - 1)) {
		uint32_t v = get32(slots + 4 * (size_t)i);
		if (!v)
			return 0;
		if ((v & 0xff000000u) != tag)
			continue;
		const unsigned char *e = pool + (v & 0x00ffffffu);
		if (e[0] == n && memcmp(e + 3, s, n) == 0) {
			if (size)
				*size = e[1];
			return e[2];
		}
	}
}
