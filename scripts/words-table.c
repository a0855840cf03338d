/*
 * words-table: writes the table of Debian's scowl word lists that the
 * program carries (src/script/words_table.h), so that it reads and parses
 * nothing at start. The Makefile builds this tool and runs it whenever the
 * lists, hunspell.words or the table's code change:
 *
 *   build/words-table DIR OUT      (DIR: /usr/share/dict/scowl)
 *
 * In: the lists in DIR; the forms hunspell en_US adds (hunspell.words, as
 * the program carries them). Out: OUT, written whole or not at all; exit
 * status 1 with a message when DIR holds no lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "script/speech_int.h"
#include "script/words_table.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: words-table SCOWL-DIR OUT\n");
		return 2;
	}
	struct buf t = {0};
	int n = words_table_build(argv[1], hunspell_words_text, &t);
	if (n <= 0) {
		fprintf(stderr, "words-table: %s: %s (scripts/install-deps installs Debian's scowl)\n", argv[1],
			n < 0 ? "cannot read the word lists" : "no word lists there");
		buf_free(&t);
		return 1;
	}
	if (!words_table_valid((const unsigned char *)t.data, t.len) || write_file_atomic(argv[2], t.data, t.len) != 0) {
		fprintf(stderr, "words-table: cannot write %s\n", argv[2]);
		buf_free(&t);
		return 1;
	}
	buf_free(&t);
	return 0;
}
