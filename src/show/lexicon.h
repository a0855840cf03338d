/*
 * lexicon.h: pronunciations, one entry a line, from lexicon files and the
 * episode's front matter. An entry says how a word (or a pattern) is
 * spoken, as text or as espeak-ng phonemes written [[...]].
 * See docs/lexicon.md for the file format.
 */
#ifndef PODSYNTH_LEXICON_H
#define PODSYNTH_LEXICON_H

struct lexicon;

struct lexicon *lexicon_new(void);
void lexicon_free(struct lexicon **lex);
/*
 * Adds the entries of a lexicon file. Problems are reported with diag()
 * naming path:line; returns -1 on any error (entries before it are kept).
 */
int lexicon_load(struct lexicon *lex, const char *path);
/* Adds one entry; later entries win over earlier ones for the same word. */
void lexicon_add(struct lexicon *lex, const char *word, const char *say);
/* The same, remembering where it was written (path:line) for lexicon_where. */
void lexicon_add_at(struct lexicon *lex, const char *word, const char *say, const char *path, int line);
/*
 * Where the entry lexicon_match finds for word was written,
 * "voices/kernel.lexicon:12"; NULL when there is none or it came from
 * lexicon_add (an episode's front matter).
 */
const char *lexicon_where(const struct lexicon *lex, const char *word);
/* How word is said, or NULL when the lexicon has no entry for it. */
const char *lexicon_lookup(const struct lexicon *lex, const char *word);
/* The same, only for an entry written in exactly word's case. */
const char *lexicon_lookup_exact(const struct lexicon *lex, const char *word);
int lexicon_size(const struct lexicon *lex);
/*
 * The longest entry of several words ("Rust for Linux") or in a script
 * other than Latin ("龙芯") that s[0..n) starts with, ignoring ASCII case;
 * a Latin phrase must end where a word ends. *len is its length in bytes.
 * Returns how it is said, or NULL (then *len is 0).
 */
const char *lexicon_phrase_at(const struct lexicon *lex, const char *s, size_t n, size_t *len);
/*
 * Like lexicon_lookup, but when no word matches also tries the pattern
 * entries (a word with one '*', matching one or more characters). When a
 * pattern matched, *star and *star_len give the part of word the '*'
 * matched, and the returned text holds a '*' where that part, itself
 * normalised, is said; otherwise *star is NULL.
 */
const char *lexicon_match(const struct lexicon *lex, const char *word,
			  const char **star, size_t *star_len);

#endif
