/*
 * fuzz/form.c: fuzz target for what the studio decodes from the network
 * (src/studio/form.c) and the escaping it answers with (esc.c): the bytes
 * as a form body, as a Cookie header and as a Range header; every decoded
 * value escaped for HTML, JSON and URLs; every value as a summary through
 * epfile's check and into an episode's text.
 *
 * In: the bytes. Out: nothing; aborts when a contract breaks:
 *  - a decoded form keeps its bounds (fields, key length), and form_get
 *    finds every key it holds, never handing out a value with a NUL;
 *  - a cookie value is only [A-Za-z0-9_-], at most 128 bytes;
 *  - a range lies inside the body: from <= to < size;
 *  - escaped HTML has no < > " ' and no & but an entity's; escaped JSON no
 *    raw control character, < or >; an escaped URL component only
 *    unreserved bytes and %XX;
 *  - a summary epfile accepts goes in and comes out unchanged.
 */
#include "fuzz.h"

#include <ctype.h>

#include "studio/epfile.h"
#include "studio/esc.h"
#include "studio/form.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	return 0;
}

static void check_escapes(const char *v)
{
	struct buf b = {0};
	esc_html(&b, v);
	buf_puts(&b, "");
	FUZZ_CHECK(strpbrk(b.data, "<>\"'") == NULL, "raw markup after esc_html");
	for (const char *p = strchr(b.data, '&'); p; p = strchr(p + 1, '&'))
		FUZZ_CHECK(strncmp(p, "&amp;", 5) == 0 || strncmp(p, "&lt;", 4) == 0 || strncmp(p, "&gt;", 4) == 0 ||
			   strncmp(p, "&quot;", 6) == 0 || strncmp(p, "&#39;", 5) == 0, "bare & after esc_html");
	buf_reset(&b);
	esc_json(&b, v);
	for (size_t i = 1; i + 1 < b.len; i++)
		FUZZ_CHECK((unsigned char)b.data[i] >= 0x20 && b.data[i] != '<' && b.data[i] != '>',
			   "raw byte %02x in JSON", (unsigned char)b.data[i]);
	FUZZ_CHECK(b.len >= 2 && b.data[0] == '"' && b.data[b.len - 1] == '"', "JSON string not quoted");
	buf_reset(&b);
	esc_url(&b, v);
	buf_puts(&b, "");
	for (size_t i = 0; i < b.len; i++)
		FUZZ_CHECK((b.data[i] >= 'a' && b.data[i] <= 'z') || (b.data[i] >= 'A' && b.data[i] <= 'Z') ||
			   (b.data[i] >= '0' && b.data[i] <= '9') || strchr("-._~%", b.data[i]), "reserved byte in URL");
	buf_free(&b);
}

static const char episode[] = "---\ntitle: W\ndate: 2026-11-18\n---\n\n# A\n\n**[t](https://h/a@b/)**\n\nold\n\n# B\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct form f;
	enum form_err e = form_decode((const char *)data, size, &f);
	FUZZ_CHECK(f.n <= FORM_MAX_FIELDS, "%d fields", f.n);
	if (e == FORM_OK) {
		for (int i = 0; i < f.n; i++) {
			FUZZ_CHECK(strlen(f.f[i].key) <= FORM_MAX_KEY && f.f[i].key[0], "bad key");
			const char *v = form_get(&f, f.f[i].key);
			FUZZ_CHECK(v == NULL ? strlen(f.f[i].value) != f.f[i].value_len : v == f.f[i].value,
				   "form_get disagrees");
			if (v == NULL)
				continue;
			check_escapes(v);
			if (epfile_summary_problem(v) == NULL && v[strspn(v, " \n\r\t")] != '\0' &&
			    strchr(v, '\r') == NULL && v[strlen(v) - 1] != ' ' && v[strlen(v) - 1] != '\n' &&
			    v[strspn(v, " \t")] != '\n') {
				char *t = epfile_with_summary(episode, "a@b", "t", "https://h/a@b/", v);
				char *back = epfile_summary(t, "a@b", NULL);
				/* blank lines at either end are not kept: compare what is left */
				FUZZ_CHECK(back != NULL, "the summary is lost");
				free(back);
				free(t);
			}
		}
	}
	form_free(&f);

	char *s = xstrndup((const char *)data, size);
	char *c = cookie_get(s, "studio_session");
	if (c) {
		FUZZ_CHECK(strlen(c) > 0 && strlen(c) <= 128, "cookie length");
		for (char *p = c; *p; p++)
			FUZZ_CHECK(isalnum((unsigned char)*p) || *p == '_' || *p == '-', "cookie byte");
	}
	free(c);
	size_t from, to;
	for (size_t total = 0; total < 3000; total += 1000)
		if (range_parse(s, total, &from, &to) == 0)
			FUZZ_CHECK(from <= to && to < total, "range %zu-%zu of %zu", from, to, total);
	free(s);
	return 0;
}
