/*
 * msg.c: the message catalogue of msg.h. In: a message id and its detail.
 * Out: the catalogue text with the detail in place, reported with diag().
 */
#include "msg.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *id;        /* "FM_BAD_DATE" */
	enum diag_level level;
	const char *text;
} catalogue[] = {
#define PODSYNTH_MSG_ROW(id, level, text) {#id, DIAG_##level, text},
	PODSYNTH_MSGS(PODSYNTH_MSG_ROW)
#undef PODSYNTH_MSG_ROW
};

void msg(enum msg m, const char *file, int line, int col, const char *fmt, ...)
{
	const char *text = catalogue[m].text;
	const char *hole = strstr(text, "%s");
	char *detail = NULL;
	if (fmt != NULL) {
		va_list ap, ap2;
		va_start(ap, fmt);
		va_copy(ap2, ap);
		int n = vsnprintf(NULL, 0, fmt, ap);
		va_end(ap);
		detail = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
		detail[0] = '\0';
		if (n > 0)
			vsnprintf(detail, (size_t)n + 1, fmt, ap2);
		va_end(ap2);
	}
	/* each "%s" of the text takes the next MSG_SEP-separated part of the detail */
	struct buf b = {0};
	const char *part = detail ? detail : "";
	for (const char *t = text; *t; ) {
		hole = strstr(t, "%s");
		if (hole == NULL) {
			buf_puts(&b, t);
			break;
		}
		buf_printf(&b, "%.*s", (int)(hole - t), t);
		size_t n = strcspn(part, MSG_SEP);
		buf_printf(&b, "%.*s", (int)n, part);
		part += n + (part[n] ? 1 : 0);
		t = hole + 2;
	}
	diag(catalogue[m].level, file, line, col, "%s", b.data ? b.data : "");
	buf_free(&b);
	free(detail);
}

const char *msg_name(enum msg m)
{
	static char names[MSG__COUNT][48];
	if (names[m][0] == '\0') {
		const char *id = catalogue[m].id;
		size_t i;
		for (i = 0; id[i] && i + 1 < sizeof names[m]; i++)
			names[m][i] = id[i] == '_' ? '-' : (char)tolower((unsigned char)id[i]);
		names[m][i] = '\0';
	}
	return names[m];
}

enum diag_level msg_level(enum msg m)
{
	return catalogue[m].level;
}

const char *msg_text(enum msg m)
{
	return catalogue[m].text;
}
