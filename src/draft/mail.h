/*
 * mail.h: mailing-list messages read from files, the first stage of
 * `podsynth draft`.
 *
 * In: mbox or mboxrd files (gzipped or not; what public-inbox serves as
 * t.mbox.gz, what `lei q -o mboxrd:` and `b4 mbox` write), single RFC 5322
 * messages, and Atom feeds from a public-inbox archive (atom.c). MIME
 * (RFC 2047 headers, charsets, quoted-printable and base64 bodies,
 * multipart and signed messages) is GMime's job, gzip is zlib's.
 * Out: a struct mailbox (mailbox.h), a plain array of messages whose text is
 * all valid UTF-8, for series.c to thread. mail.c reads mbox files and single
 * messages itself and hands Atom feeds to atom.c.
 */
#ifndef PODSYNTH_MAIL_H
#define PODSYNTH_MAIL_H

#include <stddef.h>

#include "mailbox.h"

/*
 * Initialises and shuts down GMime, once per program: call mail_init
 * before reading and mail_shutdown when every mailbox is freed.
 */
void mail_init(void);
void mail_shutdown(void);

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

#endif
