/*
 * speech_class.h: the classes of tokens the classifier (speech_class.c)
 * decides and the verbalisers (speech_verbal.c) say, and what a rule
 * hands from one to the other. Private to the English normaliser.
 */
#ifndef PODSYNTH_SPEECH_CLASS_H
#define PODSYNTH_SPEECH_CLASS_H

#include "speech_en_int.h"

enum tclass {
	C_NONE, C_SERIAL, C_MONEY, C_YEAR_RANGE, C_FRACTION, C_NUMBER_SIGN, C_MEASURE,
	C_YEAR, C_CARDINAL, C_DECIMAL, C_VERSION, C_MODEL, C_ROMAN, C_ABBREVIATION,
	C_DATE, C_TIME, C_ORDINAL, C_DECADE, C_DIMENSION, C_STANDARD, C_DEVICE_ID,
	C_COMMENT, C_URL, C_SIGN, C_DURATION, C_IDIOM, C_RATIO, C_ACRONYM, C_SPACED_SLASH, C_USB_PORT,
	C_GLUED_IN, C_NOUN_RATE, C_HEX_H_RANGE, C_BUS_ADDR,
	C_COUNT
};
extern const char *const class_names[];

/* What a rule found, for its class's verbaliser. */
struct match {
	int ntok;                     /* tokens used, 1 or more */
	const char *why;              /* the reason, when more precise than the rule's name */
	const char *a;                /* the number (or NULL) */
	size_t alen;
	const struct currency *cur;
	const struct unit *unit;
	const struct unit *per;       /* "g/cm3": the unit the first is per */
	const char *sign;             /* "plus or minus", "minus", "about" before a number */
	const char *scale;            /* "million" */
	const char *say;              /* an abbreviation's words */
	const char *after;            /* "ARM: 9405/1:": the number after a model's slash */
	size_t afterlen;
	int list;                     /* after holds more models, each after a slash: "8250/16550" */
	const char *letters;          /* "Aspire 4810T": a model number's letters after its digits */
	size_t letterslen;
	int y1, y2, short2;           /* years; the second written with two digits */
	int value, nth;               /* a Roman numeral; said "the Nth" */
	int version, plus, square, dot, frac, cap;
	int adjective;                /* before a noun: the unit said once, "ten millisecond delays" */
	int month, day, part;         /* a date: part is 'Q' or 'H' for "2024-Q3" */
	int article;                  /* a date: "the" is written before its day ("the 15th March") */
	int hour, minute, second;     /* a time; second -1 when not written */
	const char *ampm;             /* "A-M", "P-M" or NULL */
	int after_date;               /* a time straight after a date: ", at" before it */
	const char *b;                /* a second number: "1920 x 1080"; a model's letters */
	size_t blen;
	int slash;                    /* "3.0/5.7 GHz": the two numbers' slash said, not "to" */
	int plural;                   /* a model number in the plural: "FT-990's" */
	const char *gen;              /* "DDR5" of "DDR5-4800": said before the model number */
	size_t genlen;
	int coord;                    /* a place's coordinate: a degrees, then these */
	const char *mins, *secs;      /* its minutes and seconds (or NULL) */
	size_t minslen, secslen;
	const char *hemi;             /* "north", "south", "east", "west" (or NULL) */
};

struct cctx;
struct rule {
	const char *name;             /* what decided, for --explain */
	enum tclass cls;
	/* 1 when the tokens at c->i are of the class, -1 when they are a
	 * cardinal after all, 0 when the rule does not apply */
	int (*match)(const struct cctx *c, struct match *m);
	int on_words;                 /* may match a token of small letters only ("ltd", "http:") */
};

/* Says a matched class in words (speech_verbal.c). */
void verbalise(struct en *e, enum tclass cls, const struct match *m);

#endif
