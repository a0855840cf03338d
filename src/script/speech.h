/*
 * speech.h: the normaliser, which decides what is said. A block's written
 * text becomes runs of spoken text, each in one voice: versions, acronyms,
 * identifiers, URLs, numbers and units said as a knowledgeable host says
 * them; quotations in the quote voice; Han script in the Mandarin voice;
 * Speech Markdown overrides ([500ms], (x)[sub:"y"], (x)[voice:"v"],
 * (x)[lang:"zh"]) applied; C0 control characters removed.
 *
 * In: one block and the voices and lexicon. Out: an array of struct run;
 * for the stages that show text rather than speak it, the Speech Markdown
 * elements of a text (speech_markup_scan).
 */
#ifndef PODSYNTH_SPEECH_H
#define PODSYNTH_SPEECH_H

#include <stddef.h>

#include "show/show.h"
#include "run.h"

struct speech_ctx {
	const struct voiceset *voices;
	const struct lexicon *lex;      /* may be NULL */
	const char *file;               /* for diagnostics */
	const char *lang;               /* the episode's language, BCP 47 */
	const struct voice *host;       /* the default voice */
	const struct voice *quote;      /* for block quotes and quotations */
	const struct voice *zh;         /* for Han script; may be NULL */
	const char *versions;           /* "\n6.19\n5.10\n": numbers X.YY the episode calls
					   a version somewhere (speech_versions); may be NULL */
	struct buf *explain;            /* when not NULL, rows of what decided each token
					   ("written\tclass\twhy\tsaid\n") are appended; a
					   guess (a fallback: no list, rule or lexicon entry
					   knew the token) ends "\tsaid\tguess\n" */
};

/*
 * Appends to *out ("\nX.YY" each) the numbers X.YY that text calls a
 * version of Linux by a word near it ("Linux 6.19", "内核 5.10", "6.17
 * 正式版"): in a Chinese sentence such a number is said as a version
 * ("六点十九") wherever the episode has it, not only beside its cue.
 */
void speech_versions(struct buf *out, const char *text);

/*
 * Whether speech_block keeps, in each run's explain, why each token is
 * said as it is (`podsynth script --explain`). Off by default.
 */
void speech_explain(int on);

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

/*
 * The Speech Markdown grammar, read in one place (speech_markup.c): the
 * speech stage applies the markup, the show notes, chapters and
 * transcripts take it out of what they show. Positions are byte offsets
 * into the text scanned.
 */
enum speech_markup_kind {
	SPEECH_MARKUP_PAUSE,        /* [500ms], [2s], [1.5s]: ms */
	SPEECH_MARKUP_BREAK,        /* [break:...]: the list at mst..men */
	SPEECH_MARKUP_INSERT,       /* [audio:"file"]: the file at mst..men */
	SPEECH_MARKUP_MODIFIED,     /* (text)[key:"value";...]: tst..ten, mst..men */
	SPEECH_MARKUP_UNTERMINATED, /* (text)[key:... with no closing ']' */
};

struct speech_markup {
	enum speech_markup_kind kind;
	size_t st, en;     /* the whole element */
	size_t tst, ten;   /* MODIFIED, UNTERMINATED: the text in the parentheses */
	size_t mst, men;   /* inside the brackets: the modifier list, or the insert's file */
	int ms;            /* PAUSE: its length in milliseconds */
};

/* 1 and *e filled when an element starts at s[i] (s[0..n)), else 0. */
int speech_markup_at(const char *s, size_t n, size_t i, struct speech_markup *e);
/*
 * Where the next ')' and ']' of a text are, kept between calls of
 * speech_markup_next that ask at rising i in one s[0..n): a text of many
 * '(' or '[' is searched once, not once each. Zero it to start.
 */
struct speech_markup_hint {
	const char *s;
	size_t n;
	size_t paren, bracket;    /* positions, n when none; valid from paren_from, bracket_from */
	size_t paren_from, bracket_from;
	int paren_ok, bracket_ok;
};
/* speech_markup_at, with h kept for the next call at a larger i (same s and n). */
int speech_markup_next(const char *s, size_t n, size_t i, struct speech_markup *e,
		       struct speech_markup_hint *h);
/*
 * Calls fn for each element of s[0..n) in order; scanning goes on after an
 * element (after the '(' of an unterminated one). Stops at, and returns,
 * the first non-zero fn returns; 0 when none did.
 */
typedef int (*speech_markup_fn)(const struct speech_markup *e, void *ud);
int speech_markup_scan(const char *s, size_t n, speech_markup_fn fn, void *ud);

/* One modifier of a list: key, and value (empty when bare). Not terminated. */
struct speech_modifier {
	const char *key, *val;
	size_t keylen, vallen;
	int bare;          /* no ':' after the key: [whisper], [number] */
};
enum {
	SPEECH_MOD_BAD_KEY = -1,      /* something that is not a key */
	SPEECH_MOD_UNTERMINATED = -2, /* a quoted value with no closing quote */
};
/*
 * Reads the next modifier of the list s[0..n) from *pos (separators ' ',
 * ';', ','), and moves *pos past it: 1 when one was read, 0 at the end, or
 * a SPEECH_MOD_ error.
 */
int speech_markup_modifier(const char *s, size_t n, size_t *pos, struct speech_modifier *m);
/* "500ms", "2s", "1.5s": milliseconds (at most 600000), or -1. */
int speech_markup_duration(const char *s, size_t n);

#endif
