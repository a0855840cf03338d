/*
 * lexfix.h: "fix a pronunciation" from the studio: one lexicon entry for
 * the show, written into the show's lexicon file for the studio and added
 * to the lexicon the running studio speaks with, so the next hearing (of
 * this paragraph or any other with the word) says it so.
 *
 * In: a word and how to say it, from a form. Out: the line "word  say"
 * appended to the file (atomically, read back as a lexicon first).
 */
#ifndef PODSYNTH_STUDIO_LEXFIX_H
#define PODSYNTH_STUDIO_LEXFIX_H

#include "show/show.h"

/*
 * The file the studio's entries go into: the last of the show's lexicon
 * files when rss/channel.yaml lists them (it is read last, so its entries
 * win), else studio.lexicon in the voices directory. The caller frees.
 */
char *lexfix_path(const struct channel *ch, const struct voiceset *vs);
/* NULL when word and say may go into a lexicon, else the reason. */
const char *lexfix_problem(const char *word, const char *say);
/*
 * Appends the entry to the file at path and adds it to lex. Returns 0;
 * 1 with *why when it is refused (nothing written); -1 when the file could
 * not be written (reported).
 */
int lexfix_add(const char *path, struct lexicon *lex, const char *word, const char *say, const char **why);

#endif
