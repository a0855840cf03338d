/*
 * table.h: a Markdown table as a host reads it aloud. Row by row, the
 * row's name first and then each other cell labelled by its column header
 * ("Uwe Kleine-König: 368 changesets, 2.6%."), up to a row limit, then
 * "And N more rows."
 *
 * In: the header cells and the body rows, as plain text (inline markup
 * already resolved). Out: the sentences to speak, one per row read.
 */
#ifndef PODSYNTH_TABLE_H
#define PODSYNTH_TABLE_H

#define TABLE_ALL_ROWS 0x7fffffff   /* a row limit meaning "read every row" */

struct table_row {
	char **cells;
	int ncells;
	int line;        /* 1-based line in the episode file */
};

/*
 * The text a host says for a table with header head (may be NULL) and
 * nrows body rows, reading at most limit rows (limit >= 1, or
 * TABLE_ALL_ROWS). *nread is set to the number of rows read. The caller
 * frees the returned string; it is "" for a table with no text at all.
 */
char *table_speak(const struct table_row *head, const struct table_row *rows, int nrows,
		  int limit, int *nread);

#endif
