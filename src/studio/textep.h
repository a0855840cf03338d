/*
 * textep.h: Markdown text read as an episode by show/'s own reader, which
 * reads files: the text is written under a given file name (which gives
 * the date and slug) in a private temporary directory, read, and removed.
 * The studio's one way to ask "what would this text be as an episode?"
 * (epfile.c before a save, hear.c for a paragraph).
 */
#ifndef PODSYNTH_STUDIO_TEXTEP_H
#define PODSYNTH_STUDIO_TEXTEP_H

#include "show/show.h"

/*
 * Reads text as the episode file name (a base name), with the show's
 * settings ch (may be NULL), its messages muted. Returns the number of
 * errors it has (a failure to read at all counts as one; a large number
 * when the temporary file cannot be written) and, when ep is not NULL and
 * it could be read, the episode in *ep (the caller frees).
 */
int textep_read(const char *name, const char *text, const struct channel *ch, struct episode **ep);

#endif
