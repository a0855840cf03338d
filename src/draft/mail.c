/*
 * mail.c: messages from mbox files, the first stage of `podsynth draft`.
 *
 * In: a file or standard input; gzip data is inflated with zlib (several
 * members, as `cat a.gz b.gz` makes, are read one after the other). An mbox
 * is split at its "From " lines, mboxrd's ">From " escaping is undone, and
 * each message is parsed by GMime, which decodes RFC 2047 headers, charsets
 * and transfer encodings. Atom feeds go to atom.c: this file chooses the
 * reader for each input. Out: struct mail_msg entries in a struct mailbox
 * (mailbox.h, the model both readers fill).
 */
#include "mail.h"

#include <errno.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "atom.h"
#include "mailbox.h"
#include "core/core.h"

/* GMime (and with it GLib, GIO, GPGME) is opened when the first message is
   parsed, not linked: the other commands need none of it (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_GMIME
#error "PODSYNTH_SONAME_GMIME (the Makefile sets it) is the soname of GMime"
#endif
#define GMIME_FNS(X) X(g_date_time_to_unix) X(g_free) \
	X(g_mime_content_disposition_is_attachment) X(g_mime_content_type_is_type) X(g_mime_init) \
	X(g_mime_message_get_date) X(g_mime_message_get_from) X(g_mime_message_get_mime_part) \
	X(g_mime_message_get_subject) X(g_mime_multipart_get_count) X(g_mime_multipart_get_part) \
	X(g_mime_multipart_get_type) X(g_mime_object_get_content_disposition) \
	X(g_mime_object_get_content_type) X(g_mime_object_get_header) X(g_mime_object_get_type) \
	X(g_mime_parser_construct_message) X(g_mime_parser_new_with_stream) \
	X(g_mime_parser_set_format) X(g_mime_references_free) X(g_mime_references_get_message_id) \
	X(g_mime_references_length) X(g_mime_references_parse) X(g_mime_shutdown) \
	X(g_mime_stream_mem_new_with_buffer) X(g_mime_text_part_get_text) \
	X(g_mime_text_part_get_type) X(g_mime_utils_decode_message_id) X(g_object_unref) \
	X(g_type_check_instance_cast) X(g_type_check_instance_is_a) X(internet_address_get_name) \
	X(internet_address_list_get_address) X(internet_address_list_length) \
	X(internet_address_mailbox_get_addr) X(internet_address_mailbox_get_type)
GMIME_FNS(DYNLIB_PTR)
static const struct dynsym gmime_syms[] = {GMIME_FNS(DYNLIB_SYM)};
#define g_date_time_to_unix (*dl_g_date_time_to_unix)
#define g_free (*dl_g_free)
#define g_mime_content_disposition_is_attachment (*dl_g_mime_content_disposition_is_attachment)
#define g_mime_content_type_is_type (*dl_g_mime_content_type_is_type)
#define g_mime_init (*dl_g_mime_init)
#define g_mime_message_get_date (*dl_g_mime_message_get_date)
#define g_mime_message_get_from (*dl_g_mime_message_get_from)
#define g_mime_message_get_mime_part (*dl_g_mime_message_get_mime_part)
#define g_mime_message_get_subject (*dl_g_mime_message_get_subject)
#define g_mime_multipart_get_count (*dl_g_mime_multipart_get_count)
#define g_mime_multipart_get_part (*dl_g_mime_multipart_get_part)
#define g_mime_multipart_get_type (*dl_g_mime_multipart_get_type)
#define g_mime_object_get_content_disposition (*dl_g_mime_object_get_content_disposition)
#define g_mime_object_get_content_type (*dl_g_mime_object_get_content_type)
#define g_mime_object_get_header (*dl_g_mime_object_get_header)
#define g_mime_object_get_type (*dl_g_mime_object_get_type)
#define g_mime_parser_construct_message (*dl_g_mime_parser_construct_message)
#define g_mime_parser_new_with_stream (*dl_g_mime_parser_new_with_stream)
#define g_mime_parser_set_format (*dl_g_mime_parser_set_format)
#define g_mime_references_free (*dl_g_mime_references_free)
#define g_mime_references_get_message_id (*dl_g_mime_references_get_message_id)
#define g_mime_references_length (*dl_g_mime_references_length)
#define g_mime_references_parse (*dl_g_mime_references_parse)
#define g_mime_shutdown (*dl_g_mime_shutdown)
#define g_mime_stream_mem_new_with_buffer (*dl_g_mime_stream_mem_new_with_buffer)
#define g_mime_text_part_get_text (*dl_g_mime_text_part_get_text)
#define g_mime_text_part_get_type (*dl_g_mime_text_part_get_type)
#define g_mime_utils_decode_message_id (*dl_g_mime_utils_decode_message_id)
#define g_object_unref (*dl_g_object_unref)
#define g_type_check_instance_cast (*dl_g_type_check_instance_cast)
#define g_type_check_instance_is_a (*dl_g_type_check_instance_is_a)
#define internet_address_get_name (*dl_internet_address_get_name)
#define internet_address_list_get_address (*dl_internet_address_list_get_address)
#define internet_address_list_length (*dl_internet_address_list_length)
#define internet_address_mailbox_get_addr (*dl_internet_address_mailbox_get_addr)
#define internet_address_mailbox_get_type (*dl_internet_address_mailbox_get_type)


static int gmime_state;  /* 0 not opened yet, 1 ready, -1 cannot be opened */

/*
 * Opens and initialises GMime on first need; 0, or -1 when the library
 * cannot be opened (reported once, against file).
 */
static int gmime_ready(const char *file)
{
	if (gmime_state == 0) {
		if (dynlib_bind(PODSYNTH_SONAME_GMIME, gmime_syms, ARRAY_LEN(gmime_syms)) == 0) {
			g_mime_init();
			gmime_state = 1;
		} else {
			gmime_state = -1;
			msg(MSG_LIB_OPEN, file, 0, 0, "%s", dynlib_error());
		}
	}
	return gmime_state > 0 ? 0 : -1;
}

void mail_init(void)
{
	/* (GMime itself starts when the first message is parsed: gmime_ready.) */
}

void mail_shutdown(void)
{
	if (gmime_state > 0)
		g_mime_shutdown();
	gmime_state = 0;
}

/* An id from a header value, without angle brackets; NULL when there is none. */
static char *decode_id(const char *v)
{
	if (v == NULL)
		return NULL;
	char *d = g_mime_utils_decode_message_id(v);
	char *r = NULL;
	if (d && d[0])
		r = mail_clean_text(d, strlen(d), 1);
	g_free(d);
	if (r && r[0] == '\0') {
		free(r);
		r = NULL;
	}
	return r;
}

/* The first text/plain part that is not an attachment, or NULL. */
static GMimeTextPart *first_text(GMimeObject *o, int depth)
{
	if (o == NULL || depth > 32)
		return NULL;
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = GMIME_MULTIPART(o);
		int n = g_mime_multipart_get_count(mp);
		for (int i = 0; i < n; i++) {
			GMimeTextPart *t = first_text(g_mime_multipart_get_part(mp, i), depth + 1);
			if (t)
				return t;
		}
		return NULL;
	}
	if (!GMIME_IS_TEXT_PART(o))
		return NULL;
	GMimeContentType *ct = g_mime_object_get_content_type(o);
	if (ct && !g_mime_content_type_is_type(ct, "text", "plain"))
		return NULL;
	GMimeContentDisposition *cd = g_mime_object_get_content_disposition(o);
	if (cd && g_mime_content_disposition_is_attachment(cd))
		return NULL;
	return GMIME_TEXT_PART(o);
}

/* "Name <list.example.org>" -> "list.example.org" (the caller frees), or NULL. */
static char *list_id(const char *v)
{
	if (v == NULL)
		return NULL;
	const char *lt = strrchr(v, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	const char *s = lt && gt ? lt + 1 : v;
	size_t n = lt && gt ? (size_t)(gt - s) : strlen(v);
	char *r = mail_clean_text(s, n, 1);
	if (r[0] == '\0' || strchr(r, ' ')) {
		free(r);
		return NULL;
	}
	return r;
}

/*
 * Parses one message (text[0..n), without its From_ line) and adds it.
 * Returns 0, or 1 when it was skipped (warned about).
 */
static int add_message(struct mailbox *mb, const char *file, int line, int index,
		       const char *text, size_t n)
{
	if (gmime_ready(file) != 0)
		return 1;
	GMimeStream *st = g_mime_stream_mem_new_with_buffer(text, n);
	GMimeParser *p = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(p, GMIME_FORMAT_MESSAGE);
	GMimeMessage *gm = g_mime_parser_construct_message(p, NULL);
	int rc = 1;
	char *id = NULL;

	if (gm == NULL) {
		msg(MSG_MAIL_NOT_MESSAGE, file, line, 0, "%d", index);
		goto out;
	}
	id = decode_id(g_mime_object_get_header(GMIME_OBJECT(gm), "Message-ID"));
	if (id == NULL) {
		msg(MSG_MAIL_NO_ID, file, line, 0, "%d", index);
		goto out;
	}
	struct mail_msg *m = mailbox_add(mb, file, index);
	m->line = line;
	m->id = id;
	id = NULL;
	m->in_reply_to = decode_id(g_mime_object_get_header(GMIME_OBJECT(gm), "In-Reply-To"));
	const char *refs = g_mime_object_get_header(GMIME_OBJECT(gm), "References");
	if (refs) {
		GMimeReferences *r = g_mime_references_parse(NULL, refs);
		int k = r ? g_mime_references_length(r) : 0;
		m->refs = xcalloc((size_t)k + 1, sizeof *m->refs);
		for (int i = 0; i < k; i++) {
			const char *s = g_mime_references_get_message_id(r, i);
			if (s && s[0])
				m->refs[m->nrefs++] = mail_clean_text(s, strlen(s), 1);
		}
		if (r)
			g_mime_references_free(r);
	}
	const char *subj = g_mime_message_get_subject(gm);
	m->subject = mail_clean_text(subj ? subj : "", subj ? strlen(subj) : 0, 1);
	InternetAddressList *from = g_mime_message_get_from(gm);
	const char *who = "";
	if (from && internet_address_list_length(from) > 0) {
		InternetAddress *a = internet_address_list_get_address(from, 0);
		const char *name = internet_address_get_name(a);
		const char *addr = INTERNET_ADDRESS_IS_MAILBOX(a) ?
			internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)) : NULL;
		if (name && name[0])
			who = name;
		else if (addr)
			who = addr;
		if (addr && addr[0])
			m->addr = mail_addr_norm(addr, strlen(addr));
	}
	m->author = mail_clean_text(who ? who : "", who ? strlen(who) : 0, 1);
	GDateTime *dt = g_mime_message_get_date(gm);
	m->date = dt ? (long long)g_date_time_to_unix(dt) : 0;
	m->list = list_id(g_mime_object_get_header(GMIME_OBJECT(gm), "List-Id"));
	GMimeTextPart *tp = first_text(g_mime_message_get_mime_part(gm), 0);
	char *body = tp ? g_mime_text_part_get_text(tp) : NULL;
	m->body = mail_clean_text(body ? body : "", body ? strlen(body) : 0, 0);
	g_free(body);
	rc = 0;
out:
	free(id);
	if (gm)
		g_object_unref(gm);
	g_object_unref(p);
	g_object_unref(st);
	return rc;
}

/* 1 when the line at s (n bytes left) starts with "From ". */
static int from_line(const char *s, size_t n)
{
	return n >= 5 && memcmp(s, "From ", 5) == 0;
}

/* Splits an mbox at its From_ lines; each message is unescaped and parsed. */
static void read_mbox(struct mailbox *mb, const char *file, const char *d, size_t n)
{
	struct buf msg = {0};
	int line = 0, start_line = 0, index = 0, prev_blank = 1, in_msg = 0;
	size_t i = 0;
	while (i < n) {
		const char *nl = memchr(d + i, '\n', n - i);
		size_t len = nl ? (size_t)(nl - (d + i)) + 1 : n - i;
		const char *s = d + i;
		line++;
		if (prev_blank && from_line(s, len)) {
			if (in_msg)
				add_message(mb, file, start_line, index, msg.data, msg.len);
			buf_reset(&msg);
			in_msg = 1;
			index++;
			start_line = line;
		} else if (in_msg) {
			size_t q = 0;
			while (q < len && s[q] == '>')
				q++;
			/* mboxrd: ">From " lost one '>' when it was written */
			if (q > 0 && from_line(s + q, len - q))
				buf_add(&msg, s + 1, len - 1);
			else
				buf_add(&msg, s, len);
		}
		prev_blank = len == 1 || (len == 2 && s[0] == '\r');
		i += len;
	}
	if (in_msg)
		add_message(mb, file, start_line, index, msg.data, msg.len);
	buf_free(&msg);
}

/* 1 when data starts like RFC 5322 headers ("Name: value"). */
static int looks_like_headers(const char *d, size_t n)
{
	size_t i = 0;
	while (i < n && i < 78 && d[i] > ' ' && d[i] < 127 && d[i] != ':')
		i++;
	return i > 0 && i < n && d[i] == ':';
}

/* Mail compresses 4 to 10 times; a ratio far beyond is a bomb, not a mailbox. */
#define GZIP_MAX_RATIO 100

/*
 * Inflates gzip data (every member) into *out. Returns 0, or -1 after
 * reporting the problem at name.
 */
static int gunzip(const char *name, const char *d, size_t n, struct buf *out)
{
	/* The most the mail may inflate to: the mailbox limit, and no more
	 * than GZIP_MAX_RATIO times the compressed size (plus 1 MiB). */
	size_t most = input_limit(INPUT_MAIL), by_ratio = n * GZIP_MAX_RATIO + ((size_t)1 << 20);
	if (by_ratio / GZIP_MAX_RATIO >= n && by_ratio < most)
		most = by_ratio;
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, 15 + 16) != Z_OK) {
		msg(MSG_GZIP_START, name, 0, 0, NULL);
		return -1;
	}
	int rc = -1;
	char chunk[65536];
	z.next_in = (Bytef *)d;
	z.avail_in = (uInt)n;
	for (;;) {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof chunk;
		int r = inflate(&z, Z_NO_FLUSH);
		buf_add(out, chunk, sizeof chunk - z.avail_out);
		if (out->len > most) {
			if (most == input_limit(INPUT_MAIL))
				msg(MSG_GZIP_TOO_LARGE, name, 0, 0, "%zu MiB" MSG_SEP "the limit for a mailbox",
				    most >> 20);
			else
				msg(MSG_GZIP_TOO_LARGE, name, 0, 0, "%zu MiB" MSG_SEP "%d times its compressed size",
				    most >> 20, GZIP_MAX_RATIO);
			break;
		}
		if (r == Z_STREAM_END) {
			/* another member may follow */
			if (z.avail_in == 0) {
				rc = 0;
				break;
			}
			if (z.avail_in < 2 || z.next_in[0] != 0x1f || z.next_in[1] != 0x8b) {
				msg(MSG_GZIP_JUNK, name, 0, 0, "%u", z.avail_in);
				rc = 0;
				break;
			}
			inflateReset(&z);
			continue;
		}
		if (r == Z_OK)
			continue;
		if (r == Z_BUF_ERROR && z.avail_in == 0)
			msg(MSG_GZIP_TRUNCATED, name, 0, 0, "%zu", out->len);
		else
			msg(MSG_GZIP_CORRUPT, name, 0, 0, "%s", z.msg ? z.msg : "unknown error");
		break;
	}
	inflateEnd(&z);
	return rc;
}

int mailbox_read_mem(struct mailbox *mb, const char *name, const char *data, size_t n)
{
	struct buf plain = {0};
	int rc = -1;
	if (n >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
		if (gunzip(name, data, n, &plain) != 0)
			goto out;
		data = plain.data;
		n = plain.len;
	}
	const char *file = mailbox_file(mb, name);
	size_t i = 0;
	if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	size_t j = i;
	while (j < n && (data[j] == ' ' || data[j] == '\t' || data[j] == '\r' || data[j] == '\n'))
		j++;
	if (n == 0 || j == n) {
		msg(MSG_MAIL_EMPTY, file, 0, 0, NULL);
		rc = 0;
	} else if (data[j] == '<') {
		rc = atom_read(mb, file, data + i, n - i);
	} else if (from_line(data + j, n - j)) {
		/* blank lines before the first "From " line are skipped, not counted as a message */
		read_mbox(mb, file, data + i, n - i);
		rc = 0;
	} else if (looks_like_headers(data + i, n - i)) {
		add_message(mb, file, 1, 1, data + i, n - i);
		rc = 0;
	} else {
		msg(MSG_MAIL_UNKNOWN, file, 1, 0, NULL);
	}
out:
	buf_free(&plain);
	return rc;
}

int mailbox_read_file(struct mailbox *mb, const char *path)
{
	int rc = -1;
	if (strcmp(path, "-") == 0) {
		const char *why = NULL;
		size_t k = 0;
		char *all = input_read_fd(0, INPUT_MAIL, &k, &why);
		if (all == NULL) {
			msg(MSG_FILE_UNREADABLE, "(standard input)", 0, 0, "the mail" MSG_SEP "%s", why);
			goto out;
		}
		rc = mailbox_read_mem(mb, "(standard input)", all, k);
		free(all);
		goto out;
	}
	size_t n;
	const char *why = NULL;
	char *d = input_read(path, INPUT_MAIL, &n, &why);
	if (d == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the mail" MSG_SEP "%s", why);
		goto out;
	}
	rc = mailbox_read_mem(mb, path, d, n);
	free(d);
out:
	return rc;
}
