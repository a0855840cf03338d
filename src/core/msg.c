/*
 * msg.c: the message catalogue of msg.h and diag(), the one place that
 * prints a diagnostic. In: a message id and its detail. Out: the catalogue
 * text with the detail in place, "file:line: level: text" on stderr, the
 * counts by level that decide the exit status.
 */
#include "msg.h"

#include <ctype.h>
#include <errno.h>
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

/* ---- diagnostics ---- */

static int diag_counts[3];
static int diag_quiet;
static int diag_muted;

void diag_set_quiet(int quiet)
{
	diag_quiet = quiet;
}

int diag_set_muted(int muted)
{
	int was = diag_muted;
	diag_muted = muted;
	return was;
}

/* fmt formatted with ap (which is left as it was); the caller frees. */
static char *vformat(const char *fmt, va_list ap)
{
	if (fmt == NULL)   /* diag() may be given none; says so to the compiler too */
		fmt = "";
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	char *s = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	s[0] = '\0';
	if (n > 0) {
		va_copy(ap2, ap);
		vsnprintf(s, (size_t)n + 1, fmt, ap2);
		va_end(ap2);
	}
	return s;
}

void vdiag(enum diag_level lvl, const char *file, int line, int col,
	   const char *fmt, va_list ap)
{
	static const char *names[] = {"note", "warning", "error"};
	if (diag_muted)
		return;
	/* The render's threads report too: the counts stay exact. */
	__atomic_fetch_add(&diag_counts[lvl], 1, __ATOMIC_RELAXED);
	if (lvl == DIAG_NOTE && diag_quiet)
		return;
	struct buf b = {0};
	buf_puts(&b, file ? file : "podsynth");
	if (file && line > 0) {
		buf_printf(&b, ":%d", line);
		if (col > 0)
			buf_printf(&b, ":%d", col);
	}
	buf_printf(&b, ": %s: ", names[lvl]);
	char *text = vformat(fmt, ap);
	buf_puts(&b, text);
	free(text);
	buf_putc(&b, '\n');
	fflush(stdout);
	fputs(b.data, stderr);
	buf_free(&b);
}

void diag(enum diag_level lvl, const char *file, int line, int col,
	  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(lvl, file, line, col, fmt, ap);
	va_end(ap);
}

int diag_count(enum diag_level lvl)
{
	return diag_counts[lvl];
}

int diag_exit_status(void)
{
	return diag_counts[DIAG_ERROR] ? 1 : 0;
}

/* ---- the catalogue ---- */

void msg(enum msg m, const char *file, int line, int col, const char *fmt, ...)
{
	const char *text = catalogue[m].text;
	const char *hole = strstr(text, "%s");
	char *detail = NULL;
	if (fmt != NULL) {
		va_list ap;
		va_start(ap, fmt);
		detail = vformat(fmt, ap);
		va_end(ap);
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

/* ---- files committed, their directory warning reported ---- */

/* r from commit_tmp or write_file_atomic for path: reports 1, passes -1 on. */
static int committed(int r, const char *path)
{
	if (r <= 0)
		return r;
	int e = errno;
	char *dir = path_dirname(path);
	msg(MSG_FILE_DIR_SYNC, dir, 0, 0, "\"%s\"" MSG_SEP "%s", path, strerror(e));
	free(dir);
	return 0;
}

int msg_commit_tmp(const char *tmp, const char *path)
{
	return committed(commit_tmp(tmp, path), path);
}

int msg_write_file_atomic(const char *path, const void *data, size_t n)
{
	return committed(write_file_atomic(path, data, n), path);
}
