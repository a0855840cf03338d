/*
 * form.c: forms, cookies and ranges as a browser sends them (form.h).
 *
 * In: untrusted bytes. Out: bounded fields. The percent-decoding is
 * libmicrohttpd's own (MHD_http_unescape); this file only splits and bounds.
 */
#include "form.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <microhttpd.h>

#include "core/core.h"

/* libmicrohttpd is opened on first use, not linked (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_MHD
#error "PODSYNTH_SONAME_MHD (the Makefile sets it) is the soname of libmicrohttpd"
#endif
#define MHD_FNS(X) X(MHD_http_unescape)
MHD_FNS(DYNLIB_PTR)
static const struct dynsym mhd_syms[] = {MHD_FNS(DYNLIB_SYM)};
#define MHD_http_unescape (*dl_MHD_http_unescape)


/* Opens the library on first need (exits when it cannot be: dynlib_need). */
static void mhd_need(void)
{
	dynlib_need(PODSYNTH_SONAME_MHD, mhd_syms, ARRAY_LEN(mhd_syms));
}

/* Whether s[0..n) has only well-formed %-escapes (MHD keeps bad ones as written). */
static int escapes_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '%' && (i + 2 >= n || !isxdigit((unsigned char)s[i + 1]) ||
				    !isxdigit((unsigned char)s[i + 2])))
			return 0;
	return 1;
}

/* A copy of s[0..n) (no NUL in it) with '+' as a space and %XX decoded; *len its length. */
static char *decode(const char *s, size_t n, size_t *len)
{
	char *d = xstrndup(s, n);
	for (size_t i = 0; i < n; i++)
		if (d[i] == '+')
			d[i] = ' ';
	mhd_need();
	*len = MHD_http_unescape(d);
	return d;
}

enum form_err form_decode(const char *s, size_t n, struct form *f)
{
	memset(f, 0, sizeof *f);
	if (n > FORM_MAX_BODY)
		return FORM_TOO_BIG;
	if (memchr(s, '\0', n) != NULL)
		return FORM_MALFORMED;
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			if (eq == i || !escapes_ok(s + i, end - i))
				return FORM_MALFORMED;
			if (f->n == FORM_MAX_FIELDS)
				return FORM_TOO_BIG;
			size_t klen, vlen;
			char *k = decode(s + i, eq - i, &klen);
			if (klen > FORM_MAX_KEY || klen != strlen(k)) {
				free(k);
				return klen > FORM_MAX_KEY ? FORM_TOO_BIG : FORM_MALFORMED;
			}
			for (int j = 0; j < f->n; j++)
				if (strcmp(f->f[j].key, k) == 0) {
					free(k);
					return FORM_MALFORMED;
				}
			char *v = eq < end ? decode(s + eq + 1, end - eq - 1, &vlen) : (vlen = 0, xstrdup(""));
			f->f[f->n].key = k;
			f->f[f->n].value = v;
			f->f[f->n].value_len = vlen;
			f->n++;
		}
		i = end + 1;
	}
	return FORM_OK;
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		free(f->f[i].key);
		free(f->f[i].value);
	}
	f->n = 0;
}

const char *form_get(const struct form *f, const char *key)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].key, key) == 0)
			return strlen(f->f[i].value) == f->f[i].value_len ? f->f[i].value : NULL;
	return NULL;
}

const char *form_strerror(enum form_err e)
{
	switch (e) {
	case FORM_OK: return "no error";
	case FORM_TOO_BIG: return "the form is too large";
	case FORM_MALFORMED: return "the form is malformed";
	}
	return "unknown error";
}

char *cookie_get(const char *header, const char *name)
{
	if (header == NULL)
		return NULL;
	size_t nl = strlen(name);
	const char *p = header;
	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *end = p;
		while (*end && *end != ';')
			end++;
		if ((size_t)(end - p) > nl && strncmp(p, name, nl) == 0 && p[nl] == '=') {
			const char *v = p + nl + 1;
			size_t vl = (size_t)(end - v);
			if (vl == 0 || vl > 128)
				return NULL;
			for (size_t k = 0; k < vl; k++)
				if (!isalnum((unsigned char)v[k]) && v[k] != '_' && v[k] != '-')
					return NULL;
			return xstrndup(v, vl);
		}
		p = end;
	}
	return NULL;
}

/* A decimal number of at most 18 digits at *p, advancing it; -1 when none. */
static long long number(const char **p)
{
	long long v = 0;
	int d = 0;
	while (isdigit((unsigned char)**p)) {
		if (++d > 18)
			return -1;
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	return d ? v : -1;
}

int range_parse(const char *h, size_t size, size_t *from, size_t *to)
{
	if (h == NULL || strncmp(h, "bytes=", 6) != 0 || strchr(h, ',') != NULL)
		return 1;
	const char *p = h + 6;
	long long a = -1, b = -1;
	if (*p == '-') {
		p++;
		long long suffix = number(&p);
		if (suffix < 0 || *p)
			return 1;
		if (suffix == 0 || size == 0)
			return -1;
		a = (long long)size - suffix;
		if (a < 0)
			a = 0;
		b = (long long)size - 1;
	} else {
		a = number(&p);
		if (a < 0 || *p++ != '-')
			return 1;
		if (*p) {
			b = number(&p);
			if (b < 0 || *p || b < a)
				return 1;
		} else {
			b = (long long)size - 1;
		}
		if ((unsigned long long)a >= size)
			return -1;
		if ((unsigned long long)b >= size)
			b = (long long)size - 1;
	}
	*from = (size_t)a;
	*to = (size_t)b;
	return 0;
}
