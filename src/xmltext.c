/*
 * xmltext.c: strings made safe to publish (see xmltext.h).
 *
 * In: any bytes (a title from YAML, a paragraph, a voice name). Out: a new
 * string of valid UTF-8 with only the characters XML 1.0 allows, so that
 * the feed, the pages and the transcripts always parse.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "xmltext.h"

/*
 * Decodes one UTF-8 sequence at s (n > 0 bytes left), following Unicode's
 * table of well-formed byte sequences (Table 3-7). Returns the number of
 * bytes used; *cp is the code point, or UINT32_MAX when the bytes used are
 * one maximal ill-formed subsequence (to be replaced by one U+FFFD).
 */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0];
	int need;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	uint32_t v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* nothing past U+10FFFF */
	} else {
		*cp = UINT32_MAX; /* 80..C1, F5..FF never start a sequence */
		return 1;
	}
	size_t i = 1;
	for (int k = 0; k < need; k++, i++) {
		if (i >= n) {
			*cp = UINT32_MAX;
			return i;
		}
		unsigned char b = s[i];
		unsigned char l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
		if (b < l || b > h) {
			*cp = UINT32_MAX;
			return i;
		}
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return i;
}

int xmltext_char_ok(unsigned long cp)
{
	if (cp == 0x09 || cp == 0x0A)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp >= 0xFDD0 && cp <= 0xFDEF)
		return 0;
	if ((cp & 0xFFFE) == 0xFFFE) /* U+FFFE, U+FFFF, U+1FFFE, ... */
		return 0;
	if (cp > 0x10FFFF)
		return 0;
	return 1;
}

static int is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n';
}

char *xmltext_clean(const char *s, size_t n, int flags, int *repaired)
{
	struct buf b = {0};
	int bad = 0;
	int line = (flags & XMLTEXT_LINE) != 0;
	int pending_space = 0; /* XMLTEXT_LINE: a space to write before the next character */
	const unsigned char *u = (const unsigned char *)(s ? s : "");
	if (s == NULL)
		n = 0;

	buf_puts(&b, "");
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = decode(u + i, n - i, &cp);
		if (cp == '\r') {
			/* CR LF and a lone CR are both one line feed */
			cp = '\n';
			if (i + 1 < n && u[i + 1] == '\n')
				len = 2;
		}
		i += len;
		if (cp == UINT32_MAX) {
			cp = 0xFFFD;
			bad++;
		} else if (!xmltext_char_ok(cp)) {
			bad++;
			continue;
		}
		if (line && is_space(cp)) {
			if (b.len > 0)
				pending_space = 1;
			continue;
		}
		if (pending_space) {
			buf_putc(&b, ' ');
			pending_space = 0;
		}
		utf8_put(&b, cp);
	}
	if (repaired)
		*repaired = bad;
	return buf_detach(&b);
}

char *xmltext_cleans(const char *s, int flags)
{
	return xmltext_clean(s, s ? strlen(s) : 0, flags, NULL);
}
