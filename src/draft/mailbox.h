/*
 * mailbox.h: the mailbox model of `podsynth draft`: the messages the mail
 * readers (mail.c for mbox and single messages, atom.c for Atom feeds)
 * make, as plain data for series.c to thread.
 *
 * In: messages added by a reader. Out: struct mailbox, a plain array of
 * messages whose text is all valid UTF-8.
 */
#ifndef PODSYNTH_MAILBOX_H
#define PODSYNTH_MAILBOX_H

#include <stddef.h>

struct mail_msg {
	char *id;          /* Message-ID without the angle brackets; never NULL */
	char *in_reply_to; /* the parent's Message-ID, or NULL */
	char **refs;       /* References, oldest first */
	int nrefs;
	char *subject;     /* decoded, one line; "" when absent */
	char *author;      /* the sender's name, else the address; "" when absent */
	char *addr;        /* the sender's address, lower case, or NULL */
	long long date;    /* seconds since the epoch, 0 when unknown */
	char *list;        /* the List-Id (the part in angle brackets), or NULL */
	char *url;         /* the archive's own link (Atom input), or NULL */
	char *body;        /* the first text/plain part, decoded to UTF-8 */
	const char *file;  /* the input it came from (owned by the mailbox) */
	int line;          /* the line it starts at (mbox), 0 when unknown */
	int index;         /* 1-based position in its file */
};

struct mailbox {
	struct mail_msg *msgs;
	size_t n, cap;
	char **files;      /* names of the inputs read, for mail_msg.file */
	size_t nfiles;
};

/* An empty mailbox; free with mailbox_free, which sets *mb to NULL. */
struct mailbox *mailbox_new(void);
void mailbox_free(struct mailbox **mb);

/*
 * For the readers: a new message at the end of mb (zeroed, file and index
 * set), the mailbox's own copy of an input's name (messages point at it),
 * and the text sanitiser every field goes through (valid UTF-8, no NUL or
 * other C0 control but tab and line feed, CRLF made LF; one line when
 * oneline). The caller frees the returned string.
 */
struct mail_msg *mailbox_add(struct mailbox *mb, const char *file, int index);
const char *mailbox_file(struct mailbox *mb, const char *name);
char *mail_clean_text(const char *s, size_t n, int oneline);

/* An address s[0..n) as a key: trimmed, lower case, valid UTF-8; the caller frees; NULL when empty. */
char *mail_addr_norm(const char *s, size_t n);

/* The Message-ID in an archive URL's last path segment, percent-decoded; the caller frees; NULL when none. */
char *mail_id_from_url(const char *url);

#endif
