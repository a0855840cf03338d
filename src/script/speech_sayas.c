/*
 * speech_sayas.c: the spoken forms Speech Markdown asks for by name, where
 * the normaliser would otherwise decide: (text)[characters] spelt out,
 * (text)[number] as a cardinal, (text)[date:"dmy"] as a date, and
 * (text)[ipa:"..."] turned into espeak-ng phoneme mnemonics ([[...]]).
 *
 * In: the written text of a modifier (and its value). Out: the text given
 * to espeak-ng, or NULL when the text is not of that form.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech_int.h"

static const char *const letter_names[26] = {
	"ay", "bee", "see", "dee", "ee", "ef", "gee", "aitch", "eye", "jay", "kay", "el", "em",
	"en", "oh", "pee", "cue", "ar", "ess", "tee", "you", "vee", "double you", "ex", "why", "zee",
};
static const char *const digit_names[10] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
};

char *sayas_characters(const char *s, size_t n)
{
	static const struct { char c; const char *name; } marks[] = {
		{'.', "dot"}, {'-', "dash"}, {'_', "underscore"}, {'/', "slash"}, {'@', "at"},
		{'+', "plus"}, {'#', "hash"}, {'&', "and"},
	};
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *w = NULL;
		if (isalpha(c) && c < 0x80)
			w = letter_names[tolower(c) - 'a'];
		else if (isdigit(c))
			w = digit_names[c - '0'];
		for (size_t k = 0; !w && k < ARRAY_LEN(marks); k++)
			if (marks[k].c == (char)c)
				w = marks[k].name;
		if (w == NULL && c >= 0x80) {
			/* any other script: the character as it is */
			size_t j = i + 1;
			while (j < n && ((unsigned char)s[j] & 0xC0) == 0x80)
				j++;
			if (b.len)
				buf_putc(&b, ' ');
			buf_printf(&b, "%.*s", (int)(j - i), s + i);
			i = j - 1;
			continue;
		}
		if (w == NULL)
			continue;
		if (b.len)
			buf_putc(&b, ' ');
		buf_puts(&b, w);
	}
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

char *sayas_number(const char *s, size_t n)
{
	size_t i = 0, ds, de;
	struct buf b = {0};
	while (i < n && s[i] == ' ')
		i++;
	while (n > i && s[n - 1] == ' ')
		n--;
	if (i < n && (s[i] == '-' || s[i] == '+')) {
		buf_puts(&b, s[i] == '-' ? "minus " : "plus ");
		i++;
	}
	ds = i;
	while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == ',' && i > ds)))
		i++;
	de = i;
	if (de == ds || s[de - 1] == ',')
		goto bad;
	num_cardinal_str(&b, s + ds, de - ds);
	if (i < n && s[i] == '.') {
		size_t fs = ++i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == fs)
			goto bad;
		buf_puts(&b, " point ");
		num_digits(&b, s + fs, i - fs);
	}
	if (i != n)
		goto bad;
	return buf_detach(&b);
bad:
	buf_free(&b);
	return NULL;
}

char *sayas_date(const char *s, size_t n, const char *fmt)
{
	static const char *const months[12] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	long v[3];
	int nv = 0, day = 0, month = 0, year = -1;
	size_t flen = strlen(fmt);
	if (flen < 1 || flen > 3 || strspn(fmt, "dmy") != flen)
		return NULL;
	for (size_t i = 0; i < n;) {
		if (!isdigit((unsigned char)s[i])) {
			if (!strchr(" -/.,", s[i]))
				return NULL;
			i++;
			continue;
		}
		size_t st = i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (nv == 3 || i - st > 4)
			return NULL;
		v[nv++] = (long)num_parse(s + st, i - st);
	}
	if ((size_t)nv != flen)
		return NULL;
	for (int k = 0; k < nv; k++) {
		if (fmt[k] == 'd')
			day = (int)v[k];
		else if (fmt[k] == 'm')
			month = (int)v[k];
		else
			year = (int)v[k];
	}
	if ((strchr(fmt, 'd') && (day < 1 || day > 31)) || (strchr(fmt, 'm') && (month < 1 || month > 12)))
		return NULL;
	struct buf b = {0};
	if (month)
		buf_puts(&b, months[month - 1]);
	if (day) {
		buf_puts(&b, month ? " " : "the ");
		num_ordinal(&b, (unsigned long long)day);
	}
	if (year >= 0) {
		if (b.len)
			buf_puts(&b, day ? ", " : " ");
		num_year(&b, (unsigned)year);
	}
	return buf_detach(&b);
}

/* IPA symbols and the espeak-ng (English) mnemonics they become; longest first. */
static const struct { const char *ipa, *esp; } ipa_map[] = {
	{"t\xca\x83", "tS"}, {"d\xca\x92", "dZ"},
	{"e\xc9\xaa", "eI"}, {"a\xc9\xaa", "aI"}, {"\xc9\x94\xc9\xaa", "OI"}, {"a\xca\x8a", "aU"},
	{"o\xca\x8a", "oU"}, {"\xc9\x99\xca\x8a", "@U"}, {"\xc9\xaa\xc9\x99", "i@"}, {"e\xc9\x99", "e@"},
	{"\xca\x8a\xc9\x99", "U@"}, {"i\xcb\x90", "i:"}, {"u\xcb\x90", "u:"}, {"\xc9\x91\xcb\x90", "A:"},
	{"\xc9\x94\xcb\x90", "O:"}, {"\xc9\x9c\xcb\x90", "3:"},
	{"\xcb\x88", "'"}, {"\xcb\x8c", ","}, {"\xc9\x99", "@"}, {"\xc3\xa6", "a"}, {"\xc9\x91", "A:"},
	{"\xc9\x92", "0"}, {"\xc9\x94", "O:"}, {"\xc9\x9b", "E"}, {"\xc9\xaa", "I"}, {"\xca\x8a", "U"},
	{"\xca\x8c", "V"}, {"\xc9\x9c", "3:"}, {"\xc9\x9d", "3:"}, {"\xc9\x9a", "3"}, {"\xce\xb8", "T"},
	{"\xc3\xb0", "D"}, {"\xca\x83", "S"}, {"\xca\x92", "Z"}, {"\xc5\x8b", "N"}, {"\xc9\xb9", "r"},
	{"\xc9\xbe", "t"}, {"\xc9\xa1", "g"}, {"\xca\x94", "?"}, {"\xcb\x90", ":"}, {"\xc9\xab", "l"},
	{"e", "E"}, {"i", "i:"}, {"u", "u:"}, {"o", "oU"}, {"a", "a"},
	{"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"}, {"f", "f"},
	{"v", "v"}, {"s", "s"}, {"z", "z"}, {"h", "h"}, {"m", "m"}, {"n", "n"}, {"l", "l"},
	{"w", "w"}, {"j", "j"}, {"r", "r"}, {"x", "x"}, {" ", " "}, {".", ""},
};

char *sayas_ipa(const char *ipa, char *bad, size_t badn)
{
	struct buf b = {0};
	buf_puts(&b, "[[");
	for (size_t i = 0; ipa[i];) {
		size_t k;
		for (k = 0; k < ARRAY_LEN(ipa_map); k++) {
			size_t l = strlen(ipa_map[k].ipa);
			if (strncmp(ipa + i, ipa_map[k].ipa, l) == 0) {
				buf_puts(&b, ipa_map[k].esp);
				i += l;
				break;
			}
		}
		if (k == ARRAY_LEN(ipa_map)) {
			size_t j = i + 1;
			while (ipa[j] && ((unsigned char)ipa[j] & 0xC0) == 0x80)
				j++;
			snprintf(bad, badn, "%.*s", (int)(j - i), ipa + i);
			buf_free(&b);
			return NULL;
		}
	}
	buf_puts(&b, "]]");
	return buf_detach(&b);
}
