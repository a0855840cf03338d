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

#include "text.h"
#include "util.h"
#include "xmltext.h"

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
		size_t len = text_decode((const char *)u + i, n - i, &cp);
		if (cp == '\r') {
			/* CR LF and a lone CR are both one line feed */
			cp = '\n';
			if (i + 1 < n && u[i + 1] == '\n')
				len = 2;
		}
		i += len;
		if (cp == TEXT_BAD) {
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
