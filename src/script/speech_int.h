/*
 * speech_int.h: the normaliser's internal parts, shared by speech.c (blocks
 * into runs), speech_en.c (English text), speech_zh.c (Mandarin text) and
 * speech_num.c (numbers as words). Not used outside the speech stage.
 */
#ifndef PODSYNTH_SPEECH_INT_H
#define PODSYNTH_SPEECH_INT_H

#include <stddef.h>
#include <stdint.h>

#include "speech.h"
#include "core/core.h"

/* Numbers as English words, appended to b (speech_num.c). */
void num_cardinal(struct buf *b, unsigned long long v);
/* A string of decimal digits (commas allowed) as a cardinal; very long
 * strings are read digit by digit. */
void num_cardinal_str(struct buf *b, const char *s, size_t n);
void num_ordinal(struct buf *b, unsigned long long v);
/* Years as people say them: 1999 "nineteen ninety-nine", 2008 "two
 * thousand eight", 2023 "twenty twenty-three". */
void num_year(struct buf *b, unsigned v);
/* Each digit as a word: "zero four two". */
void num_digits(struct buf *b, const char *s, size_t n);
/* A model or part number: 7110 "seventy-one ten", 329 "three twenty-nine". */
void num_model(struct buf *b, const char *s, size_t n);
/* The plural of a number word: 1990 "nineteen nineties", 20 "twenties". */
void num_plural(struct buf *b, unsigned long long v, int year);
/* Parses n decimal digits at s (no sign); -1 when not all digits or too long. */
long long num_parse(const char *s, size_t n);

/* English and Mandarin text normalisers; the caller frees the result. */
char *speech_en(const struct speech_ctx *ctx, const char *text);
char *speech_zh(const struct speech_ctx *ctx, const char *text);

/* Whether s[0..n) is a correctly written English word, as written
 * (hunspell accepts "Linux" and "merge", "MERGE" and "Merge" for a
 * lower-case entry, not "linux"); see speech_dict.c. */
int speech_dict_word(const char *s, size_t n);
/* Whether the dictionary could be read (when not, a warning was given). */
int speech_dict_ready(void);

/*
 * Spoken forms Speech Markdown asks for (speech_sayas.c); the caller frees,
 * NULL when the text is not of that form. sayas_ipa writes the first symbol
 * it does not know to bad.
 */
char *sayas_characters(const char *s, size_t n);
char *sayas_number(const char *s, size_t n);
char *sayas_date(const char *s, size_t n, const char *fmt);
char *sayas_ipa(const char *ipa, char *bad, size_t badn);

/* The Unicode classes (Han, CJK punctuation) and abbreviations come from text.h. */

#endif
