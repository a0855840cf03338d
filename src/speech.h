/*
 * speech.h: the normaliser, which decides what is said. A block's written
 * text becomes runs of spoken text, each in one voice: versions, acronyms,
 * identifiers, URLs, numbers and units said as a knowledgeable host says
 * them; quotations in the quote voice; Han script in the Mandarin voice;
 * Speech Markdown overrides ([500ms], (x)[sub:"y"], (x)[voice:"v"],
 * (x)[lang:"zh"]) applied; C0 control characters removed.
 *
 * In: one block and the voices and lexicon. Out: an array of struct run.
 */
#ifndef PODSYNTH_SPEECH_H
#define PODSYNTH_SPEECH_H

#include "episode.h"
#include "run.h"

struct speech_ctx {
	const struct voiceset *voices;
	const struct lexicon *lex;      /* may be NULL */
	const char *file;               /* for diagnostics */
	const char *lang;               /* the episode's language, BCP 47 */
	const struct voice *host;       /* the default voice */
	const struct voice *quote;      /* for block quotes and quotations */
	const struct voice *zh;         /* for Han script; may be NULL */
};

/*
 * Appends the runs of block b to *runs (*nruns updated; the array is
 * reallocated). The first run's pause_ms is 0 unless the text asks for a
 * pause. Errors (unknown voice, bad override) are reported with diag() at
 * the block's file:line and make it return -1.
 */
int speech_block(const struct speech_ctx *ctx, const struct block *b,
		 struct run **runs, int *nruns);
/*
 * Normalises a stretch of plain text in one language to what is spoken.
 * The caller frees the returned string.
 */
char *speech_normalise(const struct speech_ctx *ctx, const char *text, const char *lang);

#endif
