/*
 * atom.h: Atom feeds from a public-inbox archive (new.atom, t.atom) read
 * with libxml2 into the mailbox model (mailbox.h), as mail.c reads mbox files.
 *
 * In: the feed's bytes. Out: one struct mail_msg per <entry>: its title as
 * the subject, the author, <updated> as the date, the <link> as the
 * archive URL (the Message-ID is that URL's last path segment),
 * thr:in-reply-to as the parent, and the content's text as the body.
 */
#ifndef PODSYNTH_ATOM_H
#define PODSYNTH_ATOM_H

#include <stddef.h>

#include "mailbox.h"

/*
 * Adds the entries of the feed data[0..n) to mb. An entry without a link
 * is skipped with a warning; XML that is not well formed or not Atom is an
 * error at name:line. Returns 0 or -1 (reported).
 */
int atom_read(struct mailbox *mb, const char *name, const char *data, size_t n);

#endif
