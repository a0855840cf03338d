/*
 * speech_num.c: numbers as English words for the normaliser: cardinals,
 * ordinals, years, digit strings, model numbers and plurals.
 *
 * In: numbers or digit strings. Out: words appended to a struct buf.
 */
#include <ctype.h>
#include <string.h>

#include "speech_int.h"

static const char *const ones[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen",
};
static const char *const tens[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety",
};
static const char *const scales[] = {
	"", "thousand", "million", "billion", "trillion", "quadrillion",
};

static void sep(struct buf *b)
{
	if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '-')
		buf_putc(b, ' ');
}

/* 0 < v < 1000, no leading "zero". */
static void below_1000(struct buf *b, unsigned v)
{
	if (v >= 100) {
		sep(b);
		buf_printf(b, "%s hundred", ones[v / 100]);
		v %= 100;
		if (!v)
			return;
	}
	sep(b);
	if (v < 20) {
		buf_puts(b, ones[v]);
	} else {
		buf_puts(b, tens[v / 10]);
		if (v % 10)
			buf_printf(b, "-%s", ones[v % 10]);
	}
}

void num_cardinal(struct buf *b, unsigned long long v)
{
	if (v == 0) {
		sep(b);
		buf_puts(b, "zero");
		return;
	}
	unsigned groups[7];
	int n = 0;
	while (v) {
		groups[n++] = (unsigned)(v % 1000);
		v /= 1000;
	}
	for (int i = n - 1; i >= 0; i--) {
		if (!groups[i])
			continue;
		below_1000(b, groups[i]);
		if (i) {
			sep(b);
			buf_puts(b, scales[i]);
		}
	}
}

long long num_parse(const char *s, size_t n)
{
	long long v = 0;
	size_t digits = 0;
	if (!n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ',')
			continue;
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (++digits > 18)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return digits ? v : -1;
}

void num_digits(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			sep(b);
			buf_puts(b, ones[s[i] - '0']);
		}
}

void num_cardinal_str(struct buf *b, const char *s, size_t n)
{
	long long v = num_parse(s, n);
	if (v < 0 || n > 15)
		num_digits(b, s, n);
	else
		num_cardinal(b, (unsigned long long)v);
}

/* The ordinal form of the last word of a cardinal already in b. */
static void ordinalise(struct buf *b, size_t from)
{
	static const struct { const char *card, *ord; } irregular[] = {
		{"one", "first"}, {"two", "second"}, {"three", "third"},
		{"five", "fifth"}, {"eight", "eighth"}, {"nine", "ninth"},
		{"twelve", "twelfth"},
	};
	size_t start = b->len;
	while (start > from && b->data[start - 1] != ' ' && b->data[start - 1] != '-')
		start--;
	const char *w = b->data + start;
	for (size_t i = 0; i < ARRAY_LEN(irregular); i++)
		if (strcmp(w, irregular[i].card) == 0) {
			b->len = start;
			b->data[b->len] = 0;
			buf_puts(b, irregular[i].ord);
			return;
		}
	if (b->len > start && b->data[b->len - 1] == 'y') {
		b->len--;
		b->data[b->len] = 0;
		buf_puts(b, "ieth");
		return;
	}
	buf_puts(b, "th");
}

void num_ordinal(struct buf *b, unsigned long long v)
{
	size_t from = b->len;
	num_cardinal(b, v);
	ordinalise(b, from);
}

void num_year(struct buf *b, unsigned v)
{
	if (v < 1000 || v >= 10000) {
		num_cardinal(b, v);
		return;
	}
	unsigned hi = v / 100, lo = v % 100;
	if ((v % 1000 < 10 && v >= 2000) || v % 1000 == 0) {   /* 2000-2009; 1000, not "ten hundred" */
		num_cardinal(b, v);
	} else if (lo == 0) {                       /* 1900 */
		below_1000(b, hi);
		sep(b);
		buf_puts(b, "hundred");
	} else {
		below_1000(b, hi);
		if (lo < 10) {
			sep(b);
			buf_puts(b, "oh");
		}
		below_1000(b, lo);
	}
}

void num_model(struct buf *b, const char *s, size_t n)
{
	/* IEEE 802.11 glued into a name: cfg80211, mac80211 */
	if ((n == 4 || n == 5) && memcmp(s, "802", 3) == 0 && s[3] != '0') {
		sep(b);
		buf_puts(b, "eight oh two");
		num_cardinal_str(b, s + 3, n - 3);
		return;
	}
	long long v = num_parse(s, n);
	/* five digits: 80386 "eighty three eighty-six", 16550 "sixteen five fifty", 68000 "sixty-eight thousand" */
	if (n == 5 && s[0] != '0' && v % 1000 == 0) {
		num_cardinal(b, (unsigned long long)v);
		return;
	}
	if (n == 5 && s[0] != '0' && s[2] != '0') {
		num_cardinal(b, (unsigned long long)(v / 1000));
		num_model(b, s + 2, 3);
		return;
	}
	if (v < 0 || n > 4 || (s[0] == '0' && n > 1)) {
		num_digits(b, s, n);
		return;
	}
	if (n <= 2 || v % 1000 == 0 || (n == 3 && v % 100 == 0)) {
		num_cardinal(b, (unsigned long long)v);
		return;
	}
	if (n == 3) {                               /* 329: three twenty-nine */
		num_cardinal(b, (unsigned long long)(v / 100));
		if (v % 100 < 10) {
			sep(b);
			buf_puts(b, "oh");
			if (v % 100 == 0) {
				sep(b);
				buf_puts(b, "oh");
				return;
			}
		}
		num_cardinal(b, (unsigned long long)(v % 100));
		return;
	}
	/* 9005: ninety oh five, as chips are called (EPYC 9005, the 8008);
	 * from 1000 to 2999 such a number is more often a year's name
	 * (Windows Server 2003), said as the year */
	if (n == 4 && s[0] >= '3' && s[1] == '0' && s[2] == '0') {
		num_cardinal(b, (unsigned long long)(v / 100));
		sep(b);
		buf_puts(b, "oh");
		num_cardinal(b, (unsigned long long)(v % 100));
		return;
	}
	num_year(b, (unsigned)v);                   /* 7110: seventy-one ten */
}

void num_plural(struct buf *b, unsigned long long v, int year)
{
	size_t from = b->len;
	if (year)
		num_year(b, (unsigned)v);
	else
		num_cardinal(b, v);
	if (b->len > from && b->data[b->len - 1] == 'y') {
		b->len--;
		b->data[b->len] = 0;
		buf_puts(b, "ies");
	} else if (b->len > from && b->data[b->len - 1] == 'x') {
		buf_puts(b, "es");
	} else {
		buf_puts(b, "s");
	}
}

size_t plain_number_len(const char *s, size_t n)
{
	size_t j = 0;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (j && j + 1 < n && s[j] == '.' && isdigit((unsigned char)s[j + 1]))
		for (j++; j < n && isdigit((unsigned char)s[j]); j++)
			;
	return j;
}
