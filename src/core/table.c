/*
 * table.c: a Markdown table as a host reads it aloud. The column that
 * names each row (the first one that holds words rather than numbers) is
 * said first, then every other cell with its column header as the label:
 * a number before a plural label ("368 changesets"), after a singular one
 * ("rank 1") and words after the label ("employer Red Hat"). Rows past the
 * limit are counted, not read.
 *
 * In: header and body rows from episode.c. Out: one string of sentences,
 * one a row, in the written form the normaliser then reads.
 */
#include "table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Whether a cell holds a number: "368", "2.6%", "+5", "~40", "$3", "-1". */
static int numeric(const char *s)
{
	while (*s && strchr("+-~$#<>", *s))
		s++;
	return isdigit((unsigned char)*s) != 0;
}

static int cell_empty(const char *s)
{
	return !s || !*s || strcmp(s, "-") == 0 || strcmp(s, "\xe2\x80\x94") == 0;
}

static const char *cell(const struct table_row *r, int c)
{
	return r && c < r->ncells ? r->cells[c] : NULL;
}

/* The column that names the rows: the first whose cells are mostly words. */
static int subject_column(const struct table_row *rows, int nrows, int ncols)
{
	for (int c = 0; c < ncols; c++) {
		int words = 0, nums = 0;
		for (int r = 0; r < nrows; r++) {
			const char *s = cell(&rows[r], c);
			if (cell_empty(s))
				continue;
			if (numeric(s))
				nums++;
			else
				words++;
		}
		if (words > nums)
			return c;
	}
	return 0;
}

/* Appends cell text without a final full stop (the row adds its own). */
static void put_cell(struct buf *b, const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == '.')
		n--;
	buf_add(b, s, n);
}

/* A header as a label inside a sentence: "Changesets" becomes "changesets",
 * "CVEs" and "Rust" stay; one of a plural ("1 changesets") is singular. */
static void put_label(struct buf *b, const char *h, int one)
{
	size_t n = strlen(h);
	while (n && h[n - 1] == '.')
		n--;
	if (one && n > 3 && h[n - 1] == 's' && h[n - 2] != 's' && islower((unsigned char)h[n - 2]))
		n--;
	size_t at = b->len;
	buf_add(b, h, n);
	if (n > 1 && isupper((unsigned char)h[0]) && islower((unsigned char)h[1]))
		b->data[at] = (char)tolower((unsigned char)h[0]);
}

/* A header that says its cells are percentages of something: "%fixes",
 * "% of total", "Fixes (%)", "Fixes %"; *rest is what they are of, the
 * header without its percent sign ("fixes"), of *rn bytes. */
static int percent_of(const char *h, const char **rest, size_t *rn)
{
	size_t n = strlen(h);
	if (n > 1 && h[0] == '%') {
		const char *r = h + 1;
		while (*r == ' ')
			r++;
		*rest = r;
		*rn = strlen(r);
		return *rn > 0 && isalpha((unsigned char)*r);
	}
	if (n > 4 && strcmp(h + n - 3, "(%)") == 0)
		n -= 3;
	else if (n > 2 && h[n - 1] == '%')
		n -= 1;
	else
		return 0;
	while (n && h[n - 1] == ' ')
		n--;
	*rest = h;
	*rn = n;
	return n > 0 && isalpha((unsigned char)h[n - 1]);
}

/* A cell that says the value is not known yet: "?". */
static int cell_unknown(const char *s)
{
	return s && s[0] && strspn(s, "?") == strlen(s);
}

static int is_percent_label(const char *h)
{
	return strcmp(h, "%") == 0 || strcasecmp(h, "percent") == 0 || strcasecmp(h, "share") == 0 ||
	       strcasecmp(h, "pct") == 0 || strcasecmp(h, "percentage") == 0;
}

static int plural_word(const char *h, size_t n)
{
	return n > 2 && h[n - 1] == 's' && h[n - 2] != 's' && h[n - 2] != 'u' && h[n - 2] != 'i';
}

/* Whether a header names a count of things: "Changesets", "Lines", "CVEs",
 * or a plural with a participle after it: "Lines changed", "Files added". */
static int plural(const char *h)
{
	size_t n = strlen(h);
	while (n && (h[n - 1] == '.' || h[n - 1] == ' '))
		n--;
	if (plural_word(h, n))
		return 1;
	const char *sp = memchr(h, ' ', n);
	if (!sp || memchr(sp + 1, ' ', n - (size_t)(sp + 1 - h)))
		return 0;   /* one word, or more than two */
	size_t last = n - (size_t)(sp + 1 - h);
	return plural_word(h, (size_t)(sp - h)) && last > 3 && h[n - 2] == 'e' && h[n - 1] == 'd';
}

/* One cell with its label. */
static void put_labelled(struct buf *b, const char *v, const char *h)
{
	if (cell_empty(h)) {
		put_cell(b, v);
		return;
	}
	size_t vn = strlen(v);
	const char *of;
	size_t ofn;
	int pof = percent_of(h, &of, &ofn);
	if (cell_unknown(v)) {        /* "total ?": not known yet */
		if (pof) {
			buf_puts(b, "percent ");
			char *l = xstrndup(of, ofn);
			put_label(b, l, 0);
			free(l);
		} else {
			put_label(b, h, 0);
		}
		buf_puts(b, " unknown");
		return;
	}
	if (numeric(v) && pof) {      /* %fixes: 19.9% fixes */
		put_cell(b, v);
		if (vn && v[vn - 1] != '%')
			buf_putc(b, '%');
		buf_putc(b, ' ');
		char *l = xstrndup(of, ofn);
		put_label(b, l, 0);
		free(l);
		return;
	}
	if (numeric(v)) {
		if (strcmp(h, "%") == 0) {
			put_cell(b, v);
			if (vn && v[vn - 1] != '%')
				buf_putc(b, '%');
		} else if (vn && v[vn - 1] == '%' && is_percent_label(h)) {
			put_cell(b, v);
		} else if (plural(h)) {   /* 368 changesets */
			put_cell(b, v);
			buf_putc(b, ' ');
			put_label(b, h, strcmp(v, "1") == 0);
		} else {                  /* rank 1, size 4 MB */
			put_label(b, h, 0);
			buf_putc(b, ' ');
			put_cell(b, v);
		}
	} else {
		put_label(b, h, 0);
		buf_putc(b, ' ');
		put_cell(b, v);
	}
}

char *table_speak(const struct table_row *head, const struct table_row *rows, int nrows,
		  int limit, int *nread)
{
	struct buf b = {0};
	int ncols = head ? head->ncells : 0;
	for (int r = 0; r < nrows; r++)
		if (rows[r].ncells > ncols)
			ncols = rows[r].ncells;
	int subj = subject_column(rows, nrows, ncols);
	int n = nrows < limit ? nrows : limit;
	*nread = 0;
	for (int r = 0; r < n; r++) {
		struct buf row = {0};
		const char *name = cell(&rows[r], subj);
		int parts = 0;
		for (int c = 0; c < ncols; c++) {
			const char *v = cell(&rows[r], c);
			if (c == subj || cell_empty(v))
				continue;
			if (parts++)
				buf_puts(&row, ", ");
			put_labelled(&row, v, cell(head, c));
		}
		if (!cell_empty(name) || parts) {
			if (b.len)
				buf_putc(&b, ' ');
			if (!cell_empty(name)) {
				put_cell(&b, name);
				if (parts)
					buf_puts(&b, ": ");
			}
			buf_puts(&b, row.data ? row.data : "");
			buf_putc(&b, '.');
		}
		buf_free(&row);
		(*nread)++;
	}
	if (nrows > n)
		buf_printf(&b, "%sAnd %d more %s.", b.len ? " " : "", nrows - n,
			   nrows - n == 1 ? "row" : "rows");
	return buf_detach(&b);
}
