/*
 * esc.c: escaping for HTML, JSON and URLs (esc.h). In: text; out: the same
 * text, safe in its context, appended to a buffer.
 */
#include "esc.h"

#include <ctype.h>
#include <string.h>

void esc_html(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s);
		}
	}
}

void esc_json(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			buf_puts(b, "\\n");
		else if (*p < 0x20 || *p == '<' || *p == '>' || *p == '&' || *p == '\'')
			buf_printf(b, "\\u%04x", *p);
		else if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9)) {
			buf_printf(b, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
			p += 2;
		} else
			buf_putc(b, *p);
	}
	buf_putc(b, '"');
}

void esc_url(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p < 0x80 && isalnum(*p)) || (*p && strchr("-._~", *p)))
			buf_putc(b, *p);
		else
			buf_printf(b, "%%%02X", *p);
	}
}
