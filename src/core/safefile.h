/*
 * safefile.h: every file a host or a mailbox gives podsynth is opened here, the
 * same way: a regular file (after following symlinks), never a FIFO, a
 * device or a directory, and no larger than its kind's limit, so that no
 * input can hang a command or exhaust its memory.
 */
#ifndef PODSYNTH_SAFEFILE_H
#define PODSYNTH_SAFEFILE_H

#include <stddef.h>

/* What an input is: each kind has its own size limit (safefile.c's table). */
enum input_kind {
	INPUT_EPISODE,
	INPUT_SETTINGS,   /* channel.yaml */
	INPUT_LEXICON,
	INPUT_VOICE,
	INPUT_IMAGE,
	INPUT_AUDIO,      /* intro, outro, insert, bed */
	INPUT_MAIL,       /* a mailbox or an Atom feed, as stored */
	INPUT_TEMPLATE,   /* a draft template */
	INPUT__COUNT
};

/* The kind's name ("episode", "lexicon", ...) and its size limit in bytes. */
const char *input_kind_name(enum input_kind kind);
size_t input_limit(enum input_kind kind);

/*
 * Opens path as an input of that kind. Returns a file descriptor (the
 * caller closes it), or -1 with *why set to the reason in words (a static
 * string, valid until the next call): the system's, "not a regular file (a
 * FIFO)" or "larger than the 16 MiB limit for an episode". Never blocks.
 */
int input_open(const char *path, enum input_kind kind, const char **why);

/*
 * Reads the whole of path as an input of that kind, NUL-terminated (the
 * caller frees); NULL with *why set as for input_open.
 */
char *input_read(const char *path, enum input_kind kind, size_t *len, const char **why);

/*
 * Reads all of fd (already open, of any type: standard input) up to the
 * kind's limit; NULL with *why when it is larger or cannot be read.
 */
char *input_read_fd(int fd, enum input_kind kind, size_t *len, const char **why);

#endif
