/*
 * form.h: the decoding of what a browser sends: an
 * application/x-www-form-urlencoded body or query string into fields, a
 * Cookie header into its pairs, and a Range header into a byte span.
 *
 * In: bytes from the network, untrusted, of any shape. Out: bounded,
 * NUL-terminated fields (valid UTF-8 is checked by the caller where text
 * matters), or an error the server answers with 400 or 416. Pure functions:
 * tests/unit/test_studio.c and the fuzz target fuzz/studio_form.c call them.
 */
#ifndef PODSYNTH_STUDIO_FORM_H
#define PODSYNTH_STUDIO_FORM_H

#include <stddef.h>

enum {
	FORM_MAX_FIELDS = 32,      /* fields in one form */
	FORM_MAX_KEY = 64,         /* bytes of a field name, decoded */
	FORM_MAX_BODY = 64 * 1024, /* bytes of a whole body */
};

struct form_field {
	char *key, *value;
	size_t value_len;          /* the decoded value may hold a NUL; the caller refuses it */
};

struct form {
	struct form_field f[FORM_MAX_FIELDS];
	int n;
};

enum form_err {
	FORM_OK = 0,
	FORM_TOO_BIG,      /* the body, a key or the number of fields is over its bound */
	FORM_MALFORMED,    /* a bad %-escape, an empty or repeated key */
};

/*
 * Decodes s[0..n) ('&'-separated "key=value" pairs, '+' a space, %XX a
 * byte) into f, which the caller frees with form_free (also after an error).
 */
enum form_err form_decode(const char *s, size_t n, struct form *f);
void form_free(struct form *f);
/* The value of key, or NULL when absent or holding a NUL byte. */
const char *form_get(const struct form *f, const char *key);
const char *form_strerror(enum form_err e);

/*
 * The value of the cookie name in a Cookie header (the caller frees), or
 * NULL. Only values of [A-Za-z0-9_-] up to 128 bytes are taken: the
 * studio's cookies are random tokens and nothing else.
 */
char *cookie_get(const char *header, const char *name);

/*
 * A Range header ("bytes=A-B", "bytes=A-", "bytes=-N") against a body of
 * size bytes: 0 with the span [*from, *to] (inclusive), 1 when there is no
 * usable Range (serve everything), -1 when it cannot be satisfied (416).
 * Multiple ranges are not served: the whole body is (1).
 */
int range_parse(const char *header, size_t size, size_t *from, size_t *to);

#endif
