/*
 * mailbox.c: the mailbox model both mail readers fill (mail.c's mbox and
 * single messages, atom.c's feeds): a growing array of messages, the input
 * names they point at, and the text rules every field goes through.
 *
 * In: messages added one at a time by a reader. Out: struct mailbox
 * (mailbox.h), freed with mailbox_free.
 */
#include "mailbox.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

struct mailbox *mailbox_new(void)
{
	return xcalloc(1, sizeof(struct mailbox));
}

static void msg_free(struct mail_msg *m)
{
	free(m->id);
	free(m->in_reply_to);
	for (int i = 0; i < m->nrefs; i++)
		free(m->refs[i]);
	free(m->refs);
	free(m->subject);
	free(m->author);
	free(m->addr);
	free(m->list);
	free(m->url);
	free(m->body);
}

void mailbox_free(struct mailbox **mbp)
{
	struct mailbox *mb = *mbp;
	if (mb == NULL)
		return;
	for (size_t i = 0; i < mb->n; i++)
		msg_free(&mb->msgs[i]);
	free(mb->msgs);
	for (size_t i = 0; i < mb->nfiles; i++)
		free(mb->files[i]);
	free(mb->files);
	free(mb);
	*mbp = NULL;
}

const char *mailbox_file(struct mailbox *mb, const char *name)
{
	if (mb->nfiles > 0 && strcmp(mb->files[mb->nfiles - 1], name) == 0)
		return mb->files[mb->nfiles - 1];
	mb->files = xreallocarray(mb->files, mb->nfiles + 1, sizeof *mb->files);
	mb->files[mb->nfiles] = xstrdup(name);
	return mb->files[mb->nfiles++];
}

struct mail_msg *mailbox_add(struct mailbox *mb, const char *file, int index)
{
	if (mb->n == mb->cap) {
		mb->cap = mb->cap ? mb->cap * 2 : 64;
		mb->msgs = xreallocarray(mb->msgs, mb->cap, sizeof *mb->msgs);
	}
	struct mail_msg *m = &mb->msgs[mb->n++];
	memset(m, 0, sizeof *m);
	m->file = mailbox_file(mb, file);
	m->index = index;
	return m;
}

char *mail_clean_text(const char *s, size_t n, int oneline)
{
	struct buf b = {0};
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(s + i, n - i, &cp);
		if (k == 0) {
			utf8_put(&b, 0xFFFD);
			i++;
			continue;
		}
		i += (size_t)k;
		if (cp == '\r' && i < n && s[i] == '\n')
			continue;
		if (cp == '\r' || cp == '\n' || cp == '\t') {
			if (oneline)
				cp = ' ';
			else if (cp == '\r')
				cp = '\n';
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
			continue;
		}
		if (oneline && cp == ' ' && (b.len == 0 || b.data[b.len - 1] == ' '))
			continue;
		utf8_put(&b, cp);
	}
	if (oneline)
		while (b.len > 0 && b.data[b.len - 1] == ' ')
			b.data[--b.len] = '\0';
	return buf_detach(&b);
}

char *mail_id_from_url(const char *url)
{
	if (url == NULL)
		return NULL;
	size_t n = strlen(url);
	while (n > 0 && url[n - 1] == '/')
		n--;
	size_t start = n;
	while (start > 0 && url[start - 1] != '/')
		start--;
	/* nothing after the last slash, or only the host ("https://host") */
	if (start == n || (start >= 2 && url[start - 2] == '/'))
		return NULL;
	struct buf b = {0};
	for (size_t i = start; i < n; i++) {
		unsigned hi, lo;
		if (url[i] == '%' && i + 2 < n && sscanf(url + i + 1, "%1x%1x", &hi, &lo) == 2) {
			buf_putc(&b, (int)(hi * 16 + lo));
			i += 2;
		} else {
			buf_putc(&b, url[i]);
		}
	}
	char *raw = buf_detach(&b);
	char *id = mail_clean_text(raw, strlen(raw), 1);
	free(raw);
	if (id[0] == '\0') {
		free(id);
		return NULL;
	}
	return id;
}

char *mail_addr_norm(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '<')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '>'))
		n--;
	if (n == 0 || n > 254)
		return NULL;
	char *a = mail_clean_text(s, n, 1);
	for (char *p = a; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return a;
}
