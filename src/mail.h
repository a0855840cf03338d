/*
 * mail.h: mailing-list messages read from files, the first stage of
 * `podsynth draft`.
 *
 * In: mbox or mboxrd files (gzipped or not; what public-inbox serves as
 * t.mbox.gz, what `lei q -o mboxrd:` and `b4 mbox` write), single RFC 5322
 * messages, and Atom feeds from a public-inbox archive (atom.c). MIME
 * (RFC 2047 headers, charsets, quoted-printable and base64 bodies,
 * multipart and signed messages) is GMime's job, gzip is zlib's.
 * Out: a struct mailbox, a plain array of messages whose text is all valid
 * UTF-8, for series.c to thread.
 */
#ifndef PODSYNTH_MAIL_H
#define PODSYNTH_MAIL_H

#include <stddef.h>

struct mail_msg {
	char *id;          /* Message-ID without the angle brackets; never NULL */
	char *in_reply_to; /* the parent's Message-ID, or NULL */
	char **refs;       /* References, oldest first */
	int nrefs;
	char *subject;     /* decoded, one line; "" when absent */
	char *author;      /* the sender's name, else the address; "" when absent */
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

/*
 * Initialises and shuts down GMime, once per program: call mail_init
 * before reading and mail_shutdown when every mailbox is freed.
 */
void mail_init(void);
void mail_shutdown(void);

/* An empty mailbox; free with mailbox_free, which sets *mb to NULL. */
struct mailbox *mailbox_new(void);
void mailbox_free(struct mailbox **mb);

/*
 * Reads the file at path ("-": standard input), gunzipping it when it is
 * gzip data, and adds its messages. A message without a Message-ID is
 * skipped with a warning naming file:line and its number. Returns 0, or -1
 * after reporting an error (unreadable or truncated file, neither mail nor
 * Atom); messages read before the error stay in the mailbox.
 */
int mailbox_read_file(struct mailbox *mb, const char *path);

/* The same for data[0..n) already in memory, named name in messages. */
int mailbox_read_mem(struct mailbox *mb, const char *name, const char *data, size_t n);

/*
 * For atom.c: a new message at the end of mb (zeroed, file and index set)
 * and the text sanitiser every field goes through (valid UTF-8, no NUL or
 * other C0 control but tab and line feed, CRLF made LF; one line when
 * oneline). The caller frees the returned string.
 */
struct mail_msg *mailbox_add(struct mailbox *mb, const char *file, int index);
char *mail_clean_text(const char *s, size_t n, int oneline);

/* The Message-ID in an archive URL's last path segment, percent-decoded; the caller frees; NULL when none. */
char *mail_id_from_url(const char *url);

#endif
