/*
 * words_table.h: Debian's scowl word lists (and the forms hunspell en_US
 * adds to them) as one read-only table, laid out so that it is looked up
 * where it lies: built once by the build (build/words-table, a Make rule)
 * and carried in the program, or built in memory from another directory
 * (PODSYNTH_SCOWL). words_table.c builds and reads it; speech_words.c
 * asks it.
 *
 * The layout, in the byte order of the machine that built it: a header
 * (WORDS_TABLE_MAGIC, then the number of slots, a power of two, the
 * length of the whole table and the number of words, 32 bits each), the
 * slots (32 bits each: 0 empty, else the top 8 bits of the word's hash
 * and, below them, 1 + its entry's offset in the pool), then the pool:
 * per word its length, its size (the smallest scowl size of a word list
 * holding it, 0 when no word list does), its WORDS_* flags, its letters.
 * Open addressing with linear probing, FNV-1a hashing.
 */
#ifndef PODSYNTH_WORDS_TABLE_H
#define PODSYNTH_WORDS_TABLE_H

#include <stddef.h>

#include "core/core.h"

#define WORDS_TABLE_MAGIC "podsynth words 1"   /* 16 bytes, no NUL kept */
#define WORDS_TABLE_HEADER 32                  /* bytes before the slots */

/* Appends to out the table of the word lists in dir and of extra (lines
 * of WORDS_DICT forms, hunspell.words's text); returns how many lists were
 * read, -1 when dir cannot be opened or holds more words than the table
 * can (out is then left alone). */
int words_table_build(const char *dir, const char *extra, struct buf *out);

/* Whether t[0..len) is a table of this layout, whole. */
int words_table_valid(const unsigned char *t, size_t len);

/* The WORDS_* flags of s[0..n) in table t, as written (0: not there), and
 * in *size (when not NULL) its size when it is a word of a word list, else
 * 0. t must be valid. */
int words_table_find(const unsigned char *t, const char *s, size_t n, int *size);

/* The table the build made from /usr/share/dict/scowl (words_data.o, from
 * build/words.tab), and its length. */
extern const unsigned char words_table_data[];
extern const unsigned char words_table_data_end[];

#endif
