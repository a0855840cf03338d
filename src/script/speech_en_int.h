/*
 * speech_en_int.h: the parts of the English normaliser that its files
 * share: speech_en.c (tokens, the lexicon), speech_shape.c (the
 * shapes of tokens: URLs, paths, identifiers, symbols), speech_letters.c
 * (words, names, acronyms, glued words), speech_class.c (which
 * class a token is, from the token and its neighbours, by a table of
 * rules), speech_verbal.c (each class said in words) and speech_units.c
 * (units, currencies, abbreviations: tables). Not used outside them.
 */
#ifndef PODSYNTH_SPEECH_EN_INT_H
#define PODSYNTH_SPEECH_EN_INT_H

#include "speech_int.h"

enum {
	F_TOKEN = 1,   /* s is a whole whitespace-separated token */
	F_START = 2,   /* s starts a token or a compound part (a "v" means version) */
	F_PART = 4,    /* s is a piece of an identifier: single letters are spelled */
	F_TERM = 8,    /* s is a term of kernel text: split only into long pieces */
	F_NAME = 16,   /* s is a name (an e-mail address's local part): never split into words */
	F_LABEL = 32,  /* s is a label of a host name: words are glued there, two long ones too */
	F_CNAME = 64,  /* s is a part of a C name, joined by _, -> or :: ("CNTVCT_LO") */
	F_WORDS = 128,  /* s may split only into words, no letters spelled (a word of a headline) */
	F_PATH = 256,   /* s is a part of a path, between slashes ("ipv4/vs") */
	F_PIECE = 512,  /* s is a part of a kernel name said by its parts: not split by parts again */
};

struct en {
	const struct speech_ctx *ctx;
	struct buf out;
	const char *why;     /* what decided the last word said (a rule, a list), for --explain */
	char whybuf[160];    /* a reason made for one token: the pieces of a split and their commonness */
	const char *cls;     /* the class it decided */
	int guess;           /* it was a guess: no list, rule or lexicon entry knew the word */
	char prev[48];       /* the previous word of the input */
	char prev2[48];      /* the word before that ("a huge 500W TDP": "a") */
	int prev_first;      /* that word opened its sentence (the first token, or after . ! ? or :) */
	int cmdline;         /* after a shell command's name ("ls", "git log"): a -x is its option */
	const char *next;    /* the next token's core (NULL at the end) */
	size_t nextn;
	int opened;          /* the token being said opens with a quotation mark or bracket */
	int dotted;          /* the token being said has a full stop after it */
	int joined;          /* the token being said and the next: a space between, no mark */
	int depth;           /* recursion guard */
	int paren;           /* inside a parenthesis opened by a token */
	int glue;            /* the next word joins the last one without a space */
	int in_zh;           /* the words are inside a Chinese sentence */
	int after_op;        /* the token before is a C operator standing alone ("&", "|=", "=") */
	int day_range;       /* a range's dash after a month's day, "May 21 - 22": the next day is an ordinal too */
	const unsigned char *person;  /* per token, PERSON_* marks (speech_person.c), or NULL */
};

struct unit {
	const char *sym;
	const char *one, *many;
	int spaced;         /* also after a space: "1 MB" */
};

struct currency {
	const char *sym, *one, *many;
};

struct tok {
	const char *raw;
	size_t rawlen;
	size_t lead, trail;   /* marks stripped at either end */
};

/* Output (speech_en.c): words appended with a space, punctuation attached. */
void emitn(struct en *e, const char *s, size_t n);
void emit(struct en *e, const char *s);
void emit_model(struct en *e, const char *s, size_t n);   /* digits said as a model number */
/* Whether w is a determiner or possessive ("the", "a", "this", "its", "no"). */
int determiner(const char *w);
/* Whether s is a word that numbers a series' members, before "N/M": "patch
 * 7/7", "part 12/12" (always N of M, no idiom). */
int series_word(const char *s, size_t n);
void punct(struct en *e, char c);
/* Letters said one by one, "R-C-U"; plural adds "'s". */
void spell(struct en *e, const char *s, size_t n, int plural);
/* The letter A said as a letter, not the article: espeak-ng's phonemes. */
#define LETTER_A "[['eI]]"
/* A hint (core/text.h): written shown to people, said given to the engine. */
void emit_hint(struct en *e, const char *written, size_t wn, const char *said);
void emit_letter_a(struct en *e);
/* After a word said in phonemes (or a hint): ph added inside them, w to the written form; 1 when so. */
int said_suffix(struct en *e, const char *w, const char *ph);
/* The output from offset from on, when it holds phonemes, made a hint written w[0..wn). */
void hint_phonemes(struct en *e, size_t from, const char *w, size_t wn);
void emit_num(struct en *e, unsigned long long v);
void emit_numstr(struct en *e, const char *s, size_t n);
void emit_ordinal(struct en *e, unsigned long long v);
void emit_year(struct en *e, unsigned v);
void emit_date(struct en *e, int y, int m, int d);

/* Numbers as written (speech_verbal.c). */
struct numparse {            /* a number as written: 6.1.12, 12,500 */
	const char *comp[8];    /* dot-separated digit groups */
	size_t clen[8];
	int ncomp;
	int commas;
	const char *rest;       /* what follows the number */
	size_t restlen;
};

/* Parses digits (commas between groups of three) and dotted groups at s. */
int parse_number(const char *s, size_t n, struct numparse *np);
void emit_decimal(struct en *e, const struct numparse *np);
void emit_version(struct en *e, const struct numparse *np);
/* 2023-04-24, 20230424: 1 when s is a date, its year, month and day set. */
int parse_date(const char *s, size_t n, int *y, int *m, int *d);
/* A date or a time said: 1 when s is one. */
int say_date(struct en *e, const char *s, size_t n);
int say_time(struct en *e, const char *s, size_t n);
/* 14:30, 9:05am, 23:59:59: 1 when s is a time (seconds -1 when none, am/pm or NULL). */
int parse_time(const char *s, size_t n, int *h, int *m, int *sec, const char **ampm);
void emit_time(struct en *e, int h, int m, int sec, const char *ampm);
/* The number shapes no class rule claims (glued units, ordinals, decades,
 * tags after versions, ranges, hexadecimal): 1 when s was said. */
int say_number_shape(struct en *e, const char *s, size_t n, int flags);
/* The length of a protocol's name at s ("NFS", "smb"; speech_class.c), else 0. */
size_t protocol_prefix(const char *s, size_t n);
/* A protocol and its version glued, also inside an identifier: "nfs41"
 * (N-F-S four point one), "NFSv4.2" (N-F-S version four point two); 1 when said. */
int say_protocol(struct en *e, const char *s, size_t n);
/* An address's user made of an initial and a name said just before it
 * ("Quentin Perret <qperret@...>" Q Perret): 1 when said so (speech_shape.c). */
int email_initial_name(struct en *e, const char *s, size_t n);
/* Digits one by one, 0 as "oh": an identifier such as a bug number. */
void emit_id_digits(struct en *e, const char *s, size_t n);
/* The punctuation of a token's tail, as pauses. */
void emit_trail(struct en *e, const char *t, size_t n, int keep_dot);
void set_prev(struct en *e, const char *s, size_t n);
/* Says one token or a part of one by its shape (the flags are F_*). */
void say_core(struct en *e, const char *s, size_t n, int flags);
void say_word(struct en *e, const char *s, size_t n, int flags);
/* The lexicon: how s is said, or NULL; a pattern's '*' part in *star. */
const char *lex_find(struct en *e, const char *s, size_t n, const char **star, size_t *star_len);
void say_entry(struct en *e, const char *say, const char *star, size_t star_len);

/* Words and letters. */
int dict_word(const char *s, size_t n);     /* hunspell en_US, in any case */
/* A word stretched for emphasis ("sooo", with two set also a vowel doubled:
 * "loong"), said as the word it stretches; 1 when it was one. */
int say_stretched(struct en *e, const char *s, size_t n, int two);
int dict_lower(const char *s, size_t n);    /* hunspell en_US, in lower case */
int all_upper(const char *s, size_t n);
int has_upper(const char *s, size_t n);     /* a capital anywhere */
int all_digit(const char *s, size_t n);
int all_alpha(const char *s, size_t n);
int is_vowel(int c, int y_vowel);
int pronounceable(const char *s, size_t n);
int onset_ok(const char *s, size_t n);
int shell_command(const char *s, size_t n);     /* a program a command line starts with: "tee", "sudo" */
int sayable(const char *s, size_t n);      /* every consonant run splits into a coda and an onset */
extern const char *const months[];
/* 1..12 for a month's name or its abbreviation, else 0. */
int month_of(const char *w);
int weekday_of(const char *s, size_t n);    /* "Tuesday", "Tue": 1..7 */
/* Whether s is a word of networks after a rate: "NIC", "links" (speech_verbal.c). */
int network_noun_at(const char *s, size_t n);
/* Whether s is a word of memory a size counts: "pages", "blocks" (2M pages are a size). */
int memory_noun(const char *s, size_t n);

/* Whether s is a plural noun a measure can describe: "32b systems" is
 * "thirty-two bit systems" (speech_units.c). */
int plural_noun(const char *s, size_t n);
/* Whether s is a common word that also takes a plural s: "file" (files), not
 * "needed" or "of"; after "the 2 MB" it is a noun the measure describes. */
int singular_noun(const char *s, size_t n);
/* Whether w is a word that modifies the noun h after it, so that a measure
 * before w does too: "4 KB logical sectors", "64KB page size" ("four kilobyte");
 * not "2MB in size", "10 ms long", "5 MB more memory" (speech_units.c). */
int modifier_noun(const char *w, size_t wn, const char *h, size_t hn);
/* Whether w is a determiner after which a measure before a noun is said once:
 * "the 2 MB file", "each 4 KiB page" (speech_units.c). */
int measure_determiner(const char *w, size_t wn);
/* "a huge", "the new": a word in small letters after "a", "an" or "the",
   the adjective of a measure or a price before its noun */
int measure_adjective(const char *before, size_t bn, const char *w, size_t wn);
/* "TDP", "SSDs", "Ryzen": a name in capitals or capitalised, the noun a
   measure or a price before it modifies */
int measure_name(const char *w, size_t wn);

/* Tables (speech_units.c). */
const struct unit *find_unit(const char *s, size_t n, int spaced);
/* Whether s is a unit's name in words, in the plural ("seconds", "bytes"). */
int unit_word(const char *s, size_t n);
/* "g/cm3": the first unit, and the one it is per in *per (NULL when not such a pair). */
const struct unit *find_unit_per(const char *s, size_t n, int spaced, const struct unit **per);
const struct currency *currency_at(const char *s, size_t n, size_t *len, int whole);
/* A dollar other than the US's by its code written after an amount ("CAD"), or NULL. */
const struct currency *dollar_code(const char *s, size_t n);

/* The lexicon (speech_en.c): says s when it has an entry (1); where the entry is. */
int lex_say(struct en *e, const char *s, size_t n);
const char *lex_where(struct en *e, const char *s, size_t n);
/* The plural of a spoken form: "sock" -> "socks", "C-P-U" -> "C-P-U's". */
void emit_plural(struct en *e, const char *say);
const char *find_str(const char *s, size_t n, const char *needle);
int has_char(const char *s, size_t n, int c);

/* Letters (speech_letters.c): whether a list knows s (why: which). */
int known_word(const char *s, size_t n, const char **why);
/* A capital, then small letters only: "Neoverse" (speech_shape.c). */
int product_name(const char *s, size_t n);
/* The words of a person's name by the shape of their line (speech_person.c):
 * an author line "Name (N):", a tag's "-by: Name <", a table row "Name 4487
 * 0.8%", "Name wrote:". Per token of t, PERSON_* marks, or NULL when the
 * line has no such name (the caller frees it); a name in small letters is
 * capitalised in the tokens' text (which must be writable). */
enum { PERSON_WORD = 1, PERSON_PINYIN = 2 };
unsigned char *person_marks(struct en *e, struct tok *t, int nt);
/* Which of a person's k name words (w[i], wn[i]) are said in pinyin, as
 * bits (speech_pinyin.c). */
unsigned pinyin_person(struct en *e, const char *const *w, const size_t *wn, int k);
/* A word of a person's name said from pinyin.table: "Guo-Fu" Gwaw-Foo;
 * 1 when said (speech_pinyin.c). */
int say_pinyin_person(struct en *e, const char *s, size_t n);
/* A camel-case name of two pinyin syllables, "YuBiao"; 1 when said
 * (speech_pinyin.c). */
int say_pinyin_camel(struct en *e, const char *s, size_t n);
/* A word of a person's name (a token PERSON_WORD marks) said as a name:
 * never split into words or letters; 0 when the usual rules say it
 * (speech_letters.c). */
int say_person_word(struct en *e, const char *s, size_t n, int pinyin);
/* A Chinese name in pinyin said from pinyin.table (speech_pinyin.c): "Xie"
 * "Sheeyeh"; 1 when s was one. */
int say_pinyin(struct en *e, const char *s, size_t n, int flags);
/* Symbols standing alone ("&", "->", "±"), with the tokens around them
 * (speech_shape.c); 1 when s was one. */
/* (prev2: the word before prev, or NULL) */
int say_symbol(struct en *e, const char *s, size_t n, const char *prev2, const char *prev, const char *next);
const char *symbol_word(const char *s, size_t n);
int c_pointee(const char *s, size_t n);      /* a C type: "void *" a void pointer */
int diff_code_start(const char *s, size_t n);      /* a C type or a keyword opening a declaration or statement: "struct", "u16", "return" */

/* Explanations for `podsynth script --explain`: the class and reason of
 * the words said since the token started (set by whatever decides). */
static inline void decide(struct en *e, const char *cls, const char *why)
{
	e->cls = cls;
	e->why = why;
	e->guess = 0;
}

/* The same for a guess: nothing knew the word, a fallback said it
 * (--explain marks the row; the studio marks the word for a lexicon fix). */
static inline void decide_guess(struct en *e, const char *cls, const char *why)
{
	decide(e, cls, why);
	e->guess = 1;
}

/*
 * The classifier (speech_class.c): whether the tokens at t[i] (and after
 * it) are one of the classes it knows, with context; when so, says them
 * (speech_verbal.c) and returns how many tokens were used, else 0.
 */
int classify_say(struct en *e, const struct tok *t, int nt, int i);

#endif
