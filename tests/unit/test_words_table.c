/*
 * test_words_table.c: the scowl word table (script/words_table.h). Built
 * from a hand-made directory of lists: which lists count (up to size 70,
 * names, upper-case words and WORDS_ABBR50's abbreviations up to 50), a word's size is the smallest of
 * the word lists holding it, flags add up over lists, comments and CR are
 * skipped, the extra text gives WORDS_DICT; a damaged table is refused.
 * Then the table the program carries is the one the installed lists make
 * now (so a stale table fails here), and the lookups speech_words.c answers
 * with it agree with it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "core/util.h"
#include "script/speech_int.h"
#include "script/words_table.h"

static char dir[] = "/tmp/podsynth-test-words-table.XXXXXX";

static void put(const char *name, const char *text)
{
	char *path = path_join(dir, name);
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(path);
}

static int flags_of(const struct buf *t, const char *w, int *size)
{
	return words_table_find((const unsigned char *)t->data, w, strlen(w), size);
}

int main(void)
{
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	put("english-words.10", "the\nof\n# a comment\ncolour\r\n");
	put("english-words.35", "the\nzebra\n");
	put("american-words.20", "color\n");
	put("american-words.70", "zorilla\n");
	put("british-words.20", "colour\nflavour\n");
	put("english-words.80", "qwertyx\nqwertyxyz\n");   /* over 70: large, eight letters or more */
	put("english-proper-names.50", "Linus\nzebra\n");
	put("english-proper-names.60", "Torvalds\nLinux\n");    /* names over 50: large, long ones */
	put("english-abbreviations.20", "etc\n");
	put("english-abbreviations.60", "CAD\n");          /* over 50: an abbreviation, not WORDS_ABBR50 */
	put("english-upper.35", "NASA\n");
	put("canadian-words.10", "colour\n");              /* not a list the table reads */

	struct buf t = {0};
	int n = words_table_build(dir, "linuxes\nthe\n", &t);
	INT_EQ(n, 12, "eleven of the twelve files are lists the table reads, abbreviations.20 twice (both its flags)");
	OK(words_table_valid((const unsigned char *)t.data, t.len), "the table is whole");
	int size;
	INT_EQ(flags_of(&t, "the", &size), WORDS_WORD | WORDS_US | WORDS_DICT, "\"the\": a word, American, and in the extra text");
	INT_EQ(size, 10, "...its size is the smallest list's");
	INT_EQ(flags_of(&t, "colour", &size), WORDS_WORD | WORDS_US, "\"colour\" (its CR stripped): in english-words.10");
	INT_EQ(flags_of(&t, "flavour", &size), WORDS_WORD, "\"flavour\": British only, not US");
	INT_EQ(size, 20, "...size 20");
	INT_EQ(flags_of(&t, "zorilla", &size), WORDS_WORD, "\"zorilla\": American 70, over 60, so not US");
	INT_EQ(size, 70, "...size 70");
	INT_EQ(flags_of(&t, "zebra", &size), WORDS_WORD | WORDS_US | WORDS_NAME, "\"zebra\": a word and a name");
	INT_EQ(size, 35, "...its word size, not its name list's");
	INT_EQ(flags_of(&t, "Linus", &size), WORDS_NAME, "\"Linus\": a name");
	INT_EQ(size, 0, "...with no word size");
	INT_EQ(flags_of(&t, "linus", NULL), 0, "as written: \"linus\" is not there");
	INT_EQ(flags_of(&t, "Torvalds", &size), WORDS_LARGE, "a name over 50 of eight letters is large");
	INT_EQ(size, 0, "...with no word size");
	INT_EQ(flags_of(&t, "Linux", NULL), 0, "...one of five letters is not kept");
	INT_EQ(flags_of(&t, "qwertyx", NULL), 0, "a word over 70 of seven letters is not kept");
	INT_EQ(flags_of(&t, "qwertyxyz", &size), WORDS_LARGE, "...one of nine is large");
	INT_EQ(size, 0, "...with no word size");
	INT_EQ(flags_of(&t, "etc", NULL), WORDS_ABBR | WORDS_ABBR50, "an abbreviation of size 50 or less: both flags");
	INT_EQ(flags_of(&t, "CAD", NULL), WORDS_ABBR, "an abbreviation over 50: WORDS_ABBR alone");
	INT_EQ(flags_of(&t, "NASA", NULL), WORDS_UPPER, "an upper-case word");
	INT_EQ(flags_of(&t, "linuxes", &size), WORDS_DICT, "a form of the extra text");
	INT_EQ(flags_of(&t, "# a comment", NULL), 0, "comments are no words");
	INT_EQ(flags_of(&t, "", NULL), 0, "the empty word is not there");
	OK(!words_table_valid((const unsigned char *)t.data, t.len - 1), "a table cut short is refused");
	t.data[0] ^= 1;
	OK(!words_table_valid((const unsigned char *)t.data, t.len), "a table with another magic is refused");
	buf_free(&t);
	struct buf none = {0};
	INT_EQ(words_table_build("/nonexistent/scowl", "", &none), -1, "a directory that cannot be read: -1");
	INT_EQ(none.len, 0, "...and nothing written");

	/* The program's table is what the installed lists make now. */
	size_t len = (size_t)(words_table_data_end - words_table_data);
	struct buf now = {0};
	int lists = words_table_build("/usr/share/dict/scowl", hunspell_words_text, &now);
	OK(lists > 20, "the installed scowl lists are read (%d)", lists);
	OK(now.len == len && memcmp(now.data, words_table_data, len) == 0,
	   "the table built into the program is the one /usr/share/dict/scowl makes now (%zu and %zu bytes)", len, now.len);
	buf_free(&now);
	int s1, s2;
	INT_EQ(words_lookup("colour", 6, &s1), words_table_find(words_table_data, "colour", 6, &s2), "words_lookup asks the built-in table");
	INT_EQ(s1, s2, "...for the size too");
	OK(words_common("Colour", 6, 70) > 0, "\"Colour\" is a common word in lower case");
	OK(words_large("Loughborough", 12), "\"Loughborough\" is in the larger lists (names 80)");
	OK(words_large("Autoantibodies", 14), "...\"Autoantibodies\" too, in lower case (words 80)");
	INT_EQ(words_lookup("autoantibodies", 14, NULL), 0, "...which words_lookup does not report");
	OK(!words_large("colour", 6), "a common word is not large");

	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return harness_done();
}
