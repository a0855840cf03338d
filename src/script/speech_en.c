/*
 * speech_en.c: English text as a knowledgeable host says it. Kernel
 * versions and release tags, acronyms, identifiers, paths, URLs and e-mail
 * addresses, commit IDs, CVE IDs, patch tags, numbers with units, ordinals,
 * years, dates, times and abbreviations become plain words espeak-ng reads
 * well. Which words are spelled or said how comes from the lexicon; the
 * code holds only the rules for shapes (a version, a date, a path).
 *
 * In: a stretch of English text (no Speech Markdown, no quotation marks
 * that matter). Out: the words to speak, sentence punctuation kept; a
 * lexicon entry's [[phonemes]] are passed through verbatim.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "show/show.h"
#include "speech_int.h"
#include "speech_en_int.h"

/* ---- output ---- */

static int out_last(const struct en *e)
{
	return e->out.len ? (unsigned char)e->out.data[e->out.len - 1] : 0;
}

/* Appends a word (or several), separated from what came before. */
void emitn(struct en *e, const char *s, size_t n)
{
	if (!n)
		return;
	if (e->glue)
		e->glue = 0;
	else if (e->out.len && out_last(e) != ' ')
		buf_putc(&e->out, ' ');
	buf_add(&e->out, s, n);
}

void emit(struct en *e, const char *s)
{
	emitn(e, s, strlen(s));
}

/* Attaches punctuation to the last word; a weaker mark never follows a stronger one. */
void punct(struct en *e, char c)
{
	while (e->out.len && out_last(e) == ' ')
		e->out.data[--e->out.len] = 0;
	if (!e->out.len)
		return;
	int last = out_last(e);
	if (strchr(",;:.!?", last)) {
		static const char rank[] = ",:;.!?";
		if (strchr(rank, c) > strchr(rank, last)) {
			if (c != ',' && last != '.' && last != '!' && last != '?')
				e->out.data[e->out.len - 1] = c;
			else if (c == '.' || c == '!' || c == '?')
				e->out.data[e->out.len - 1] = c;
		}
		return;
	}
	buf_putc(&e->out, c);
}

/* Letters said one by one: "RCU" -> "R-C-U"; plural adds "'s". */
void spell(struct en *e, const char *s, size_t n, int plural)
{
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c))
			continue;
		if (b.len)
			buf_putc(&b, '-');
		if (isdigit(c))
			num_digits(&b, (const char *)&s[i], 1);
		else
			buf_putc(&b, toupper(c));
	}
	if (plural)
		buf_puts(&b, "'s");
	else if (b.len == 1 && b.data[0] == 'A')
		buf_putc(&b, '-');   /* a lone "A" is otherwise read as the article */
	emitn(e, b.data ? b.data : "", b.len);
	buf_free(&b);
}

/* ---- character classes ---- */

int is_vowel(int c, int y_vowel)
{
	c = tolower(c);
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || (y_vowel && c == 'y');
}

int all_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isupper((unsigned char)s[i]))
			return 0;
	return n > 0;
}

int all_alpha(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	return n > 0;
}

int all_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

static int has_char(const char *s, size_t n, int c)
{
	return memchr(s, c, n) != NULL;
}

static const char *find_str(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return s + i;
	return NULL;
}

/* English word onsets: the consonants a word may start with. */
int onset_ok(const char *s, size_t n)
{
	static const char *const ok2[] = {
		"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr",
		"kl", "kn", "kr", "ph", "pl", "pn", "pr", "ps", "qu", "sc", "sh", "sk",
		"sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "ts", "tw", "wh", "wr",
		"zh", "sq", "sch", "scr", "shr", "spl", "spr", "squ", "str", "thr", "chr",
		"phr", "sph",
	};
	size_t k = 0;
	while (k < n && !is_vowel(s[k], k > 0))
		k++;
	if (k == 0)
		return 1;
	if (k == n)
		return 0;
	if (k == 1)
		return tolower(s[0]) != 'x' && !(tolower(s[0]) == 'q' && tolower(s[1]) != 'u');
	for (size_t i = 0; i < ARRAY_LEN(ok2); i++)
		if (strlen(ok2[i]) == k && strncasecmp(s, ok2[i], k) == 0)
			return 1;
	return 0;
}

/* Whether an all-capitals word can be said as a word rather than spelled. */
int pronounceable(const char *s, size_t n)
{
	if (!onset_ok(s, n))
		return 0;
	size_t run = 0, vowels = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_vowel(s[i], i > 0)) {
			run = 0;
			vowels++;
		} else if (++run > 3) {
			return 0;
		}
	}
	if (run > 2 && n < 6)
		return 0;
	return vowels > 0 && vowels * 4 >= n;
}

static int is_common_caps(const char *s, size_t n)
{
	static const char *const words[] = {
		"AN", "AS", "AT", "BE", "BY", "DO", "GO", "IF", "IN", "IS", "IT", "ME", "MY", "NO", "OF", "OR",
		"ON", "SO", "TO", "UP", "WE", "ALL", "AND", "ANY", "ARE", "BUT", "CAN",
		"DID", "FOR", "GET", "HAS", "HOW", "ITS", "NEW", "NOT", "NOW", "OFF",
		"OLD", "ONE", "OUR", "OUT", "SEE", "THE", "TOO", "TWO", "USE", "WAS",
		"WAY", "WHO", "WHY", "YES", "YET", "YOU",
	};
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
			return 1;
	return 0;
}

const char *const months[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

int month_of(const char *w)
{
	if (!isupper((unsigned char)w[0]))
		return 0;
	for (int i = 0; i < 12; i++)
		if (strcasecmp(w, months[i]) == 0 ||
		    (strlen(w) == 3 && strncasecmp(w, months[i], 3) == 0 && i != 4) ||
		    (strcasecmp(w, "Sept") == 0 && i == 8))
			return i + 1;
	return 0;
}

/* ---- units and currencies ---- */

/* ---- lexicon ---- */

/* Says a lexicon entry; a pattern's '*' part is normalised in turn. */
void say_entry(struct en *e, const char *say, const char *star, size_t star_len)
{
	if (!star) {
		emit(e, say);
		return;
	}
	const char *p = strchr(say, '*');
	if (!p) {
		emit(e, say);
		return;
	}
	size_t pre = (size_t)(p - say);
	while (pre && say[pre - 1] == ' ')
		pre--;
	emitn(e, say, pre);
	say_core(e, star, star_len, F_START | F_PART);
	const char *post = p + 1;
	while (*post == ' ')
		post++;
	emit(e, post);
}

const char *lex_find(struct en *e, const char *s, size_t n,
			    const char **star, size_t *star_len)
{
	*star = NULL;
	*star_len = 0;
	if (!e->ctx->lex || n == 0 || n > 200)
		return NULL;
	char tmp[256];
	memcpy(tmp, s, n);
	tmp[n] = 0;
	const char *say = lexicon_match(e->ctx->lex, tmp, star, star_len);
	if (say && *star)   /* make star point into s, not tmp */
		*star = s + (*star - tmp);
	return say;
}

/* Where the lexicon entry for s was written ("voices/kernel.lexicon:12"), for --explain. */
static const char *lex_where(struct en *e, const char *s, size_t n)
{
	char tmp[256];
	if (!e->ctx->lex || n >= sizeof tmp)
		return "the lexicon";
	memcpy(tmp, s, n);
	tmp[n] = 0;
	const char *w = lexicon_where(e->ctx->lex, tmp);
	return w ? w : "the lexicon (the episode's front matter)";
}

static int lex_say(struct en *e, const char *s, size_t n)
{
	const char *star;
	size_t star_len;
	const char *say = lex_find(e, s, n, &star, &star_len);
	if (!say)
		return 0;
	decide(e, "lexicon", lex_where(e, s, n));
	say_entry(e, say, star, star_len);
	return 1;
}

/* The plural of a spoken form: "sock" -> "socks", "C-P-U" -> "C-P-U's". */
static void emit_plural(struct en *e, const char *say)
{
	size_t n = strlen(say);
	struct buf b = {0};
	if (n >= 2 && strcmp(say + n - 2, "]]") == 0) {
		buf_add(&b, say, n - 2);
		buf_puts(&b, "z]]");
	} else {
		buf_puts(&b, say);
		int c = n ? (unsigned char)say[n - 1] : 0;
		int letter = n && isupper(c) && (n == 1 || !isalpha((unsigned char)say[n - 2]));
		if (letter)
			buf_puts(&b, "'s");
		else if (c == 's' || c == 'x' || c == 'h')
			buf_puts(&b, "es");
		else if (c == 'y' && n > 1 && !is_vowel(say[n - 2], 0)) {
			b.data[--b.len] = 0;
			buf_puts(&b, "ies");
		} else
			buf_puts(&b, "s");
	}
	emit(e, b.data);
	buf_free(&b);
}

/* ---- numbers, versions, dates, times ---- */

void emit_num(struct en *e, unsigned long long v)
{
	struct buf b = {0};
	num_cardinal(&b, v);
	emit(e, b.data);
	buf_free(&b);
}

void emit_numstr(struct en *e, const char *s, size_t n)
{
	struct buf b = {0};
	if (n > 1 && s[0] == '0')
		num_digits(&b, s, n);
	else if (n > 12)
		num_digits(&b, s, n);
	else
		num_cardinal_str(&b, s, n);
	emit(e, b.data);
	buf_free(&b);
}

/* A version component: "04" is "oh four", "12" is "twelve". */
static void emit_component(struct en *e, const char *s, size_t n)
{
	if (n > 1 && s[0] == '0') {
		emit(e, "oh");
		emit_numstr(e, s + 1, n - 1);
	} else {
		emit_numstr(e, s, n);
	}
}

void emit_ordinal(struct en *e, unsigned long long v)
{
	struct buf b = {0};
	num_ordinal(&b, v);
	emit(e, b.data);
	buf_free(&b);
}

void emit_year(struct en *e, unsigned v)
{
	struct buf b = {0};
	num_year(&b, v);
	emit(e, b.data);
	buf_free(&b);
}

static void emit_date(struct en *e, int y, int m, int d)
{
	emit(e, months[m - 1]);
	emit_ordinal(e, (unsigned)d);
	punct(e, ',');
	emit_year(e, (unsigned)y);
}

static int valid_date(int y, int m, int d)
{
	return y >= 1900 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* 2023-04-24, 2023/04/24, 20230424: 1 when s is a date and was said. */
static int try_date(struct en *e, const char *s, size_t n)
{
	int y, m, d;
	if (n == 10 && all_digit(s, 4) && (s[4] == '-' || s[4] == '/') && s[7] == s[4] &&
	    all_digit(s + 5, 2) && all_digit(s + 8, 2)) {
		y = atoi(s);
		m = (s[5] - '0') * 10 + (s[6] - '0');
		d = (s[8] - '0') * 10 + (s[9] - '0');
	} else if (n == 8 && all_digit(s, 8) && (s[0] == '1' || s[0] == '2')) {
		y = (int)num_parse(s, 4);
		m = (int)num_parse(s + 4, 2);
		d = (int)num_parse(s + 6, 2);
		if (y < 1990)
			return 0;
	} else {
		return 0;
	}
	if (!valid_date(y, m, d))
		return 0;
	emit_date(e, y, m, d);
	return 1;
}

/* 14:30, 9:05am, 23:59:59: 1 when s is a time and was said. */
static int try_time(struct en *e, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 2 || i + 3 > n || s[i] != ':' || !all_digit(s + i + 1, 2))
		return 0;
	int h = atoi(s), m = (s[i + 1] - '0') * 10 + (s[i + 2] - '0'), sec = -1;
	size_t j = i + 3;
	if (j + 3 <= n && s[j] == ':' && all_digit(s + j + 1, 2)) {
		sec = (s[j + 1] - '0') * 10 + (s[j + 2] - '0');
		j += 3;
	}
	const char *ampm = NULL;
	if (j < n) {
		if (n - j == 2 && (strncasecmp(s + j, "am", 2) == 0 || strncasecmp(s + j, "pm", 2) == 0))
			ampm = tolower((unsigned char)s[j]) == 'a' ? "A-M" : "P-M";
		else
			return 0;
	}
	if (h > 24 || m > 59 || sec > 59 || (ampm && (h < 1 || h > 12)))
		return 0;
	emit_num(e, (unsigned)h);
	if (m == 0 && sec <= 0) {
		if (!ampm)
			emit(e, h >= 1 && h <= 12 ? "o'clock" : "hundred");
	} else {
		if (m < 10)
			emit(e, "oh");
		if (m || sec > 0)
			emit_num(e, (unsigned)m);
	}
	if (sec > 0) {
		emit(e, "and");
		emit_num(e, (unsigned)sec);
		emit(e, sec == 1 ? "second" : "seconds");
	}
	if (ampm)
		emit(e, ampm);
	return 1;
}

struct numparse {
	const char *comp[8];    /* dot-separated digit groups */
	size_t clen[8];
	int ncomp;
	int commas;
	const char *rest;       /* what follows the number */
	size_t restlen;
};

/* Parses digits (commas between groups of three) and dotted groups at s. */
static int parse_number(const char *s, size_t n, struct numparse *np)
{
	memset(np, 0, sizeof *np);
	size_t i = 0;
	if (i >= n || !isdigit((unsigned char)s[i]))
		return 0;
	size_t st = i;
	while (i < n && (isdigit((unsigned char)s[i]) ||
			 (s[i] == ',' && i > st && i + 3 < n && all_digit(s + i + 1, 3) &&
			  (i + 4 >= n || !isdigit((unsigned char)s[i + 4])))))
		if (s[i++] == ',')
			np->commas = 1;
	np->comp[0] = s + st;
	np->clen[0] = i - st;
	np->ncomp = 1;
	while (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1]) && np->ncomp < 8 && !np->commas) {
		st = ++i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		np->comp[np->ncomp] = s + st;
		np->clen[np->ncomp++] = i - st;
	}
	np->rest = s + i;
	np->restlen = n - i;
	return 1;
}

/* The value of a parsed integer, -1 when too long. */
static long long np_value(const struct numparse *np)
{
	return np->clen[0] > 15 ? -1 : num_parse(np->comp[0], np->clen[0]);
}

static void emit_decimal(struct en *e, const struct numparse *np)
{
	emit_numstr(e, np->comp[0], np->clen[0]);
	emit(e, "point");
	struct buf b = {0};
	num_digits(&b, np->comp[1], np->clen[1]);
	emit(e, b.data);
	buf_free(&b);
}

static void emit_version(struct en *e, const struct numparse *np)
{
	for (int c = 0; c < np->ncomp; c++) {
		if (c)
			emit(e, "point");
		emit_component(e, np->comp[c], np->clen[c]);
	}
}

/*
 * Says s when it starts with a number (or "v" and a number, a currency
 * symbol and a number, "#" and a number): versions, decimals, units,
 * ordinals, plurals, ranges. Returns 1 when s was said.
 */
static int say_number(struct en *e, const char *s, size_t n, int flags)
{
	const struct currency *cur = NULL;
	size_t k = 0;
	int version = 0;
	if (n >= 2 && (s[0] == 'v' || s[0] == 'V') && isdigit((unsigned char)s[1]) && (flags & F_START)) {
		version = 1;
		k = 1;
	} else if (n >= 2 && s[0] == '#' && isdigit((unsigned char)s[1])) {
		emit(e, "number");
		say_core(e, s + 1, n - 1, flags);
		return 1;
	} else if (n >= 3 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isxdigit((unsigned char)s[2])) {
		size_t j = 2;
		while (j < n && isxdigit((unsigned char)s[j]))
			j++;
		if (j != n)
			return 0;
		emit(e, "hex");
		spell(e, s + 2, n - 2, 0);
		return 1;
	} else if ((cur = currency_at(s, n, &k, 0)) != NULL) {
		if (k >= n || !isdigit((unsigned char)s[k]))
			return 0;
	}
	if (k >= n || !isdigit((unsigned char)s[k]))
		return 0;
	if (!version && !cur) {
		if (try_date(e, s, n) || try_time(e, s, n))
			return 1;
	}
	struct numparse np;
	parse_number(s + k, n - k, &np);
	const char *r = np.rest;
	size_t rl = np.restlen;
	long long v = np.ncomp == 1 ? np_value(&np) : -1;
	const struct unit *u = NULL;
	const struct currency *cur2 = NULL;
	size_t k2 = 0;
	const char *scale = NULL;

	if (!cur && rl && (cur2 = currency_at(r, rl, &k2, 1)) != NULL) {
		cur = cur2;
		r += k2;
		rl -= k2;
	}
	if (cur && rl == 1 && strchr("kKMBbT", r[0])) {
		scale = r[0] == 'k' || r[0] == 'K' ? "thousand" : r[0] == 'M' ? "million" :
			r[0] == 'T' ? "trillion" : "billion";
		rl = 0;
	}
	if (rl)
		u = find_unit(r, rl, 0);

	/* 2024-H2, 2024-Q3: the second half, the third quarter of a year */
	if (!version && !cur && np.ncomp == 1 && np.clen[0] == 4 && v >= 1900 && v <= 2099 && rl == 3 &&
	    r[0] == '-' && ((r[1] == 'H' && r[2] >= '1' && r[2] <= '2') || (r[1] == 'Q' && r[2] >= '1' && r[2] <= '4'))) {
		emit(e, "the");
		emit_ordinal(e, (unsigned long long)(r[2] - '0'));
		emit(e, r[1] == 'H' ? "half of" : "quarter of");
		emit_year(e, (unsigned)v);
		return 1;
	}
	/* 2026-12: a month */
	if (!version && !cur && np.ncomp == 1 && np.clen[0] == 4 && v >= 1900 && v <= 2099 && rl == 3 &&
	    r[0] == '-' && all_digit(r + 1, 2) && num_parse(r + 1, 2) >= 1 && num_parse(r + 1, 2) <= 12) {
		emit(e, months[num_parse(r + 1, 2) - 1]);
		emit_year(e, (unsigned)v);
		return 1;
	}
	/* March 3-5: days */
	if (!version && !cur && np.ncomp == 1 && np.clen[0] <= 2 && v >= 1 && v <= 31 && month_of(e->prev) &&
	    rl >= 2 && rl <= 3 && r[0] == '-' && all_digit(r + 1, rl - 1) && num_parse(r + 1, rl - 1) >= 1 &&
	    num_parse(r + 1, rl - 1) <= 31) {
		emit_ordinal(e, (unsigned long long)v);
		emit(e, "to");
		emit_ordinal(e, (unsigned long long)num_parse(r + 1, rl - 1));
		return 1;
	}
	/* 6.7-2: a tag after a version, not a range */
	if (np.ncomp >= 2 && rl >= 2 && r[0] == '-' && all_digit(r + 1, rl - 1)) {
		if (version)
			emit(e, "version");
		emit_version(e, &np);
		emit(e, "dash");
		emit_numstr(e, r + 1, rl - 1);
		return 1;
	}

	/* Versions and dotted numbers. */
	if (np.ncomp >= 2) {
		int ip = np.ncomp == 4 && !version && num_parse(np.comp[0], np.clen[0]) >= 10;
		if (ip) {
			for (int c = 0; c < 4; c++) {
				if (c)
					emit(e, "dot");
				emit_numstr(e, np.comp[c], np.clen[c]);
			}
		} else if (np.ncomp == 2 && !version &&
			   (u || cur || np.clen[1] >= 3 ||
			    (np.clen[0] == 1 && np.comp[0][0] == '0'))) {
			emit_decimal(e, &np);
		} else {
			if (version)
				emit(e, "version");
			emit_version(e, &np);
		}
		if (scale)
			emit(e, scale);
		if (cur) {
			emit(e, cur->many);
			if (!rl)
				return 1;
		}
		goto rest;
	}

	if (version) {
		emit(e, "version");
		emit_numstr(e, np.comp[0], np.clen[0]);
		goto rest;
	}
	/* Integers. */
	if (cur) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		if (scale)
			emit(e, scale);
		emit(e, v == 1 && !scale ? cur->one : cur->many);
		if (!rl)
			return 1;
		goto rest;
	}
	if (rl == 0) {
		int m = month_of(e->prev);
		if (m && v >= 1 && v <= 31 && np.clen[0] <= 2)
			emit_ordinal(e, (unsigned long long)v);
		else if (v >= 1900 && v <= 2099 && np.clen[0] == 4 && !np.commas)
			emit_year(e, (unsigned)v);
		else
			emit_numstr(e, np.comp[0], np.clen[0]);
		return 1;
	}
	if (v >= 0 && rl >= 2 && (rl == 2 || r[2] == '-') &&
	    (strncasecmp(r, "st", 2) == 0 || strncasecmp(r, "nd", 2) == 0 ||
	     strncasecmp(r, "rd", 2) == 0 || strncasecmp(r, "th", 2) == 0)) {
		emit_ordinal(e, (unsigned long long)v);
		if (rl > 3)
			say_core(e, r + 3, rl - 3, F_START);
		return 1;
	}
	if (v >= 0 && ((rl == 1 && r[0] == 's') || (rl == 2 && r[0] == '\'' && r[1] == 's')) &&
	    v % 10 == 0 && v >= 10 && (v >= 100 || rl == 2 || np.clen[0] == 2)) {
		struct buf b = {0};
		num_plural(&b, (unsigned long long)v, v >= 1100 && v <= 2099);
		emit(e, b.data);
		buf_free(&b);
		return 1;
	}
	if (v >= 1 && v <= 12 && rl == 2 && (strncasecmp(r, "am", 2) == 0 || strncasecmp(r, "pm", 2) == 0)) {
		emit_num(e, (unsigned long long)v);
		emit(e, tolower((unsigned char)r[0]) == 'a' ? "A-M" : "P-M");
		return 1;
	}
	if (u) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		/* "32b systems": a measure before a noun is said once */
		emit(e, v == 1 || (flags & F_TOKEN && plural_noun(e->next, e->nextn)) ? u->one : u->many);
		return 1;
	}
	/* a year glued to a word: "2024summit" */
	if (v >= 1900 && v <= 2099 && np.clen[0] == 4 && !np.commas && rl >= 3 && all_alpha(r, rl))
		emit_year(e, (unsigned)v);
	else
		emit_numstr(e, np.comp[0], np.clen[0]);
rest:
	if (!rl)
		return 1;
	if (u && np.ncomp >= 2) {
		emit(e, u->many);
		return 1;
	}
	if (rl == 1 && r[0] == '+') {
		emit(e, "plus");
		return 1;
	}
	if (rl > 1 && r[0] == '^') {
		emit(e, "to the");
		say_core(e, r + 1, rl - 1, F_START);
		return 1;
	}
	if (r[0] == '-' || find_str(r, rl, "\xe2\x80\x93") == r) {   /* - or en dash */
		size_t skip = r[0] == '-' ? 1 : 3;
		if (skip < rl && (isdigit((unsigned char)r[skip]) ||
				  (r[skip] == 'v' && skip + 1 < rl && isdigit((unsigned char)r[skip + 1])))) {
			emit(e, "to");
			say_core(e, r + skip, rl - skip, F_START);
		} else if (skip < rl) {
			say_core(e, r + skip, rl - skip, F_START);
		}
		return 1;
	}
	if (rl >= 2 && r[0] == '.' && r[1] == '.') {
		emit(e, "to");
		say_core(e, r + 2, rl - 2, F_START);
		return 1;
	}
	if (r[0] == '.' && rl > 1 && isalpha((unsigned char)r[1])) {   /* 5.15.y; head_64.S */
		emit(e, np.ncomp >= 2 ? "point" : "dot");
		say_core(e, r + 1, rl - 1, F_PART);
		return 1;
	}
	say_core(e, r, rl, F_PART);
	return 1;
}

/* ---- URLs, addresses, paths ---- */

static int is_tld(const char *s, size_t n)
{
	static const char *const tlds[] = {
		"com", "org", "net", "io", "dev", "cn", "de", "uk", "fr", "jp", "ru",
		"info", "edu", "gov", "eu", "tech", "ai", "me", "co", "us", "ca", "au",
		"nl", "se", "ch", "be", "it", "es", "cz", "kr", "tw", "hk", "sg", "br",
		"fi", "no", "dk", "at", "ie", "nz", "xyz", "app", "site", "online",
		"social", "news", "blog", "page", "email", "cloud", "ac", "tv", "fm",
		"ly", "gg", "rocks", "space", "top", "club", "linux",
	};
	for (size_t i = 0; i < ARRAY_LEN(tlds); i++)
		if (strlen(tlds[i]) == n && strncasecmp(tlds[i], s, n) == 0)
			return 1;
	return 0;
}

/* Whether s[0..n) is a host name: labels of letters, digits, hyphens, a known top-level domain. */
static int is_domain(const char *s, size_t n, int need_tld)
{
	size_t dots = 0, label = 0, last = 0;
	int letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.') {
			if (!label)
				return 0;
			dots++;
			label = 0;
			last = i + 1;
		} else if (isalnum(c) || c == '-') {
			letters |= isalpha(c) != 0;
			label++;
		} else {
			return 0;
		}
	}
	if (!dots || !label || !letters)
		return 0;
	return !need_tld || is_tld(s + last, n - last);
}

static void say_domain(struct en *e, const char *s, size_t n)
{
	if (n > 4 && strncasecmp(s, "www.", 4) == 0) {
		s += 4;
		n -= 4;
	}
	size_t st = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (st)
				emit(e, "dot");
			/* a label is a name: said whole, as running text would be */
			say_core(e, s + st, i - st, F_START | (i - st == 1 ? F_PART : 0));
			st = i + 1;
		}
	}
}

/* URLs: the site is said, not the path. Returns 1 when s was a URL or a bare site with a path. */
static int try_url(struct en *e, const char *s, size_t n)
{
	const char *p = find_str(s, n, "://");
	size_t st;
	if (p && p > s && all_alpha(s, (size_t)(p - s))) {
		st = (size_t)(p - s) + 3;
	} else if (n > 4 && strncasecmp(s, "www.", 4) == 0) {
		st = 0;
	} else {
		/* host.tld/path */
		const char *slash = memchr(s, '/', n);
		if (!slash || !is_domain(s, (size_t)(slash - s), 1))
			return 0;
		st = 0;
	}
	size_t end = st;
	while (end < n && s[end] != '/' && s[end] != '?' && s[end] != '#')
		end++;
	const char *at = memchr(s + st, '@', end - st);   /* user@host */
	if (at)
		st = (size_t)(at - s) + 1;
	size_t hostend = st;
	while (hostend < end && s[hostend] != ':')
		hostend++;
	if (hostend == st)
		return 0;
	if (is_domain(s + st, hostend - st, 0))
		say_domain(e, s + st, hostend - st);
	else
		say_core(e, s + st, hostend - st, F_START | F_PART);
	return 1;
}

static int try_email(struct en *e, const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (!at || at == s)
		return 0;
	size_t ll = (size_t)(at - s), dl = n - ll - 1;
	if (!is_domain(at + 1, dl, 0))
		return 0;
	int digits = 0, ok = 1, dots = 0;
	for (size_t i = 0; i < ll; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c))
			digits++;
		else if (c == '.' || c == '-' || c == '_')
			dots++;
		else if (!isalpha(c))
			ok = 0;
	}
	if (ok && digits <= 2 && dots <= 2 && ll <= 24) {
		say_core(e, s, ll, F_START | F_PART);
		emit(e, "at");
	} else {
		emit(e, "an address at");
	}
	say_domain(e, at + 1, dl);
	return 1;
}

/* Splits s at sep, saying each part; join is said between parts (may be ""). */
static void say_split(struct en *e, const char *s, size_t n, const char *sep, const char *join, int flags)
{
	size_t k = strlen(sep), st = 0, i = 0;
	int first = 1;
	while (i <= n) {
		if (i == n || (i + k <= n && memcmp(s + i, sep, k) == 0)) {
			if (i > st) {
				if (!first && *join)
					emit(e, join);
				say_core(e, s + st, i - st, flags);
				first = 0;
			}
			i += i == n ? 1 : k;
			st = i;
		} else {
			i++;
		}
	}
}

static int is_numberish(const char *s, size_t n)
{
	if (n && (s[0] == 'v' || s[0] == 'V'))
		s++, n--;
	if (!n || !isdigit((unsigned char)s[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '.')
			return 0;
	return 1;
}

static int say_path(struct en *e, const char *s, size_t n)
{
	/* N/M: "two of six" */
	const char *slash = memchr(s, '/', n);
	size_t a = (size_t)(slash - s);
	if (all_digit(s, a) && all_digit(slash + 1, n - a - 1) && a && n - a - 1 &&
	    a <= 4 && n - a - 1 <= 4) {
		long long x = num_parse(s, a), y = num_parse(slash + 1, n - a - 1);
		emit_num(e, (unsigned long long)x);
		if (x < y || (x == y && x < 10))   /* "2/6" two of six; "50/50", "24/7" */
			emit(e, "of");
		emit_num(e, (unsigned long long)y);
		return 1;
	}
	/* Lists of versions: 4.14/4.19 */
	int allnum = 1, parts = 0;
	for (size_t st = 0, i = 0; i <= n; i++)
		if (i == n || s[i] == '/') {
			if (i == st || !is_numberish(s + st, i - st))
				allnum = 0;
			parts++;
			st = i + 1;
		}
	if (allnum && parts > 1) {
		say_split(e, s, n, "/", "and", F_START);
		return 1;
	}
	if (n >= 2 && s[0] == '~' && s[1] == '/') {
		emit(e, "home");
		s += 1;
		n -= 1;
	}
	if (s[0] == '/')
		emit(e, "slash");
	say_split(e, s, n, "/", "slash", F_START | F_PART);
	return 1;
}

/* ---- words and identifiers ---- */

/* Short words that may stand in a glued pair: "onusing", "noreplace". */
static int is_short_word(const char *s, size_t n)
{
	static const char *const w[] = {
		"an", "as", "at", "be", "by", "do", "go", "if", "in", "is", "it", "me",
		"my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
		"all", "and", "are", "but", "can", "did", "for", "had", "has", "its",
		"not", "now", "our", "out", "per", "the", "via", "was", "who", "you",
	};
	for (size_t i = 0; i < ARRAY_LEN(w); i++)
		if (strlen(w[i]) == n && strncasecmp(w[i], s, n) == 0)
			return 1;
	return 0;
}

/* A dictionary word in any case: "merge", "MERGE", "Merge". */
int dict_word(const char *s, size_t n)
{
	char tmp[64];
	if (n >= sizeof tmp)
		return 0;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)(i ? tolower((unsigned char)s[i]) : s[i]);
	if (speech_dict_word(tmp, n))
		return 1;
	tmp[0] = (char)tolower((unsigned char)tmp[0]);
	if (speech_dict_word(tmp, n))
		return 1;
	tmp[0] = (char)toupper((unsigned char)tmp[0]);
	return speech_dict_word(tmp, n);
}

static int known_word(const char *s, size_t n, const char **why);

/* Splits at case changes: "bitmapZero" "XMLHttp"; 1 when split. */
static int camel_split(struct en *e, const char *s, size_t n, int flags)
{
	size_t cuts[32], nc = 0;
	for (size_t i = 1; i < n && nc < 31; i++) {
		int a = (unsigned char)s[i - 1], b = (unsigned char)s[i];
		if (islower(a) && isupper(b)) {
			/* "McLaren", "iPhone": a short lower-case start stays unless it is one letter */
			size_t st = nc ? cuts[nc - 1] : 0;
			if (i - st == 2 && isupper((unsigned char)s[st]))
				continue;
			cuts[nc++] = i;
		} else if (isupper(a) && isupper(b) && i + 1 < n && islower((unsigned char)s[i + 1]) &&
			   !(i + 2 == n && s[i + 1] == 's') &&
			   !(i + 2 <= n && (i + 2 == n || !islower((unsigned char)s[i + 2])))) {
			/* (one small letter after capitals is theirs: "PCIe", "NVMeSSDs") */
			/* "BPFand", "SATAdrives": a word glued to an acronym */
			size_t j = i + 1;
			while (j < n && islower((unsigned char)s[j]))
				j++;
			const char *why;
			if (j - i - 1 >= 3 && known_word(s + i + 1, j - i - 1, &why) && !dict_word(s + i, j - i))
				cuts[nc++] = i + 1;
			else
				cuts[nc++] = i;
		}
	}
	if (!nc)
		return 0;
	cuts[nc++] = n;
	size_t st = 0;
	for (size_t i = 0; i < nc; i++) {
		say_word(e, s + st, cuts[i] - st, flags | F_PART);
		st = cuts[i];
	}
	return 1;
}

/* A lower-case dictionary word (not a name): "amos" is not one. */
int dict_lower(const char *s, size_t n)
{
	char tmp[64];
	if (n >= sizeof tmp)
		return 0;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)tolower((unsigned char)s[i]);
	return speech_dict_word(tmp, n);
}

enum { P_WORD = 1, P_LEX, P_SPELL };

/* What a piece of a glued token can be: a lexicon entry, a word, or 0. */
static int piece_kind(struct en *e, const char *s, size_t n, int min_word)
{
	const char *star;
	size_t sl;
	if (n >= 2 && lex_find(e, s, n, &star, &sl) && !star)
		return P_LEX;
	if ((n >= (size_t)min_word && dict_lower(s, n)) || is_short_word(s, n))
		return P_WORD;
	return 0;
}

/*
 * Letters that lost the spaces between them ("onusing", "noreplace",
 * "xfstests", "smartctl", "UMWAIT"): said as the words and lexicon entries
 * they are made of, with at most one run of up to three letters spelled at
 * either end when the words next to it are long ones. Only for a token that
 * is neither a word nor an entry itself. Returns 1 when s was said.
 */
static int split_glued(struct en *e, const char *s, size_t n, int flags)
{
	enum { MAXN = 40 };
	if (n < 5 || n > MAXN || !e->ctx->lex || !speech_dict_ready())
		return 0;
	int upper = all_upper(s, n);
	/* an ending on a known word is that word, not a split: "mitigations",
	 * "destructors", "upstreamed" (the stem long enough that "onusing" is
	 * not "onus" and "ing") */
	static const struct { const char *suf; size_t stem; } endings[] = {
		{"s", 4}, {"es", 4}, {"d", 4}, {"ed", 5}, {"ing", 5}, {"er", 5}, {"ers", 5},
	};
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i].suf);
		if (n >= k + endings[i].stem && strncasecmp(s + n - k, endings[i].suf, k) == 0 &&
		    (dict_lower(s, n - k) || piece_kind(e, s, n - k, 99) == P_LEX))
			return 0;
	}
	/* best[i]: pieces for s[0..i) (cost: a spelled run counts as 100) */
	int best[MAXN + 1], from[MAXN + 1], kind[MAXN + 1];
	best[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = 1 << 20;
		for (size_t j = 0; j < i; j++) {
			if (best[j] >= 1 << 20)
				continue;
			size_t k = i - j;
			int kd = k < n ? piece_kind(e, s + j, k, 3) : 0;
			int cost = 1;
			/* letters to spell: capitals, or lower case without a vowel */
			int spellable = 1;
			for (size_t q = j; q < i && !upper; q++)
				if (is_vowel(s[q], 0))
					spellable = 0;
			if (!kd && k <= 3 && spellable && (j == 0 || (i == n && k >= 2))) {
				kd = P_SPELL;
				cost = 100;
			}
			if (!kd)
				continue;
			if (best[j] + cost < best[i]) {
				best[i] = best[j] + cost;
				from[i] = (int)j;
				kind[i] = kd;
			}
		}
	}
	if (best[n] >= 200)
		return 0;
	size_t cut[MAXN + 1];
	int kinds[MAXN + 1], np = 0;
	for (size_t i = n; i > 0; i = (size_t)from[i]) {
		cut[np] = i;
		kinds[np++] = kind[i];
	}
	if (np < 2)
		return 0;
	/* a spelled run only beside words of four letters or more, or entries */
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p] == P_WORD && en - st < 4 && best[n] >= 100 && !is_short_word(s + st, en - st))
			return 0;
	}
	/* in running text, two long words stay one compound ("filesystems",
	 * "shortlog"): only a short word, an entry or letters to spell make a
	 * split, or a hexadecimal value ("deadbeef") */
	if (!(flags & F_PART)) {
		int hexv = 1, why = 0;
		for (size_t i = 0; i < n; i++)
			hexv &= s[i] >= 'a' && s[i] <= 'f';
		for (int p = 0; p < np; p++) {
			size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
			why |= kinds[p] == P_SPELL || is_short_word(s + st, en - st) ||
			       (kinds[p] == P_LEX && !dict_lower(s + st, en - st));
		}
		if (!why && !hexv)
			return 0;
	}
	for (int p = np - 1; p >= 0; p--) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p] == P_SPELL) {
			spell(e, s + st, en - st, 0);
			if (p > 0 && !upper) {   /* "X-array", "H-W-probe" */
				buf_putc(&e->out, '-');
				e->glue = 1;
			}
		} else if (kinds[p] == P_LEX)
			lex_say(e, s + st, en - st);
		else {
			char tmp[MAXN + 1];
			for (size_t i = st; i < en; i++)
				tmp[i - st] = upper ? (char)tolower((unsigned char)s[i]) : s[i];
			emitn(e, tmp, en - st);
		}
	}
	return 1;
}


/* ---- words: what the lists know ---- */

/* Short words that may be a piece of a split: "anumber", "heworks", "toremove". */
static const char *const short_pieces[] = {
	"a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
	"me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
};

/*
 * Whether any list knows s as a word, and which (in *why): scowl's word
 * lists as written or in lower case, the kernel vocabulary, hunspell en_US
 * (en_GB is asked by gb_word, later).
 */
static int known_word(const char *s, size_t n, const char **why)
{
	char low[64];
	int size;
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (words_lookup(s, n, &size) || (words_lookup(low, n, &size) & WORDS_WORD)) {
		*why = "a word of the scowl lists";
		return 1;
	}
	if (vocab_kind(s, n) != VOCAB_NONE) {
		*why = "the kernel vocabulary (kernel.vocab)";
		return 1;
	}
	if (dict_word(s, n)) {
		*why = "hunspell en_US";
		return 1;
	}
	return 0;
}

/* Whether s[0..n) holds needle, ignoring ASCII case. */
static int strcasestr_n(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Whether en_GB knows s ("organisation", "colour"): asked only before a
 * token would be cut into pieces, as loading it costs 40 ms. */
static int gb_word(struct en *e, const char *s, size_t n)
{
	/* the marks of British spelling: only such words are asked about */
	static const char *const marks[] = {
		"our", "is", "ys", "tre", "ogue", "ence", "ae", "oe", "ll", "mme", "yse",
	};
	char low[64];
	if (n == 0 || n >= sizeof low)
		return 0;
	int british = 0;
	for (size_t i = 0; i < ARRAY_LEN(marks) && !british; i++)
		british = strcasestr_n(s, n, marks[i]);
	if (!british)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (speech_dict_gb(s, n) || speech_dict_gb(low, n)) {
		decide(e, "word", "hunspell en_GB");
		emitn(e, s, n);
		return 1;
	}
	return 0;
}

enum { S_WORD = 1, S_SPELL, S_LEX };

/* What a piece of a split may be, and its cost (more for rarer words); 0 when it may not be one. */
static int split_piece(struct en *e, const char *s, size_t n, int *kind)
{
	const char *star;
	size_t sl;
	if (n >= 2 && lex_find(e, s, n, &star, &sl) && !star) {
		*kind = S_LEX;
		return n <= 2 ? 13 : 10;
	}
	if (n >= 2 && n <= 5 && vocab_kind(s, n) == VOCAB_ACRONYM && !words_common(s, n, 50)) {
		*kind = S_SPELL;
		return 11;
	}
	if (n <= 2) {
		for (size_t i = 0; i < ARRAY_LEN(short_pieces); i++)
			if (strlen(short_pieces[i]) == n && strncasecmp(short_pieces[i], s, n) == 0) {
				*kind = S_WORD;
				return 12;
			}
		return 0;
	}
	int size = words_common(s, n, 50);
	if (size) {
		*kind = S_WORD;
		return 10 + size / 10 + 3 * (n < 5);    /* commoner and longer words first */
	}
	enum vocab_kind v = vocab_kind(s, n);
	if (v == VOCAB_TERM && n >= 4) {
		*kind = S_WORD;
		return 14;
	}
	return 0;
}

/*
 * A token no list knows, split into the fewest common words, vocabulary
 * entries and lexicon entries that make it ("thismemory", "mcelog",
 * "rcupdate"). Nothing is said and 0 returned when no such split exists.
 */
static int split_words(struct en *e, const char *s, size_t n, int need_acronym)
{
	enum { MAXN = 40 };
	if (n < 5 || n > MAXN)
		return 0;
	/* a known word and an ending is that word: "upstreamed", "backporting" */
	static const char *const endings[] = {"s", "es", "d", "ed", "ing", "er", "ers", "ly"};
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i]);
		const char *why;
		if (n >= k + 4 && strncasecmp(s + n - k, endings[i], k) == 0 && known_word(s, n - k, &why))
			return 0;
	}
	int best[MAXN + 1], from[MAXN + 1], kind[MAXN + 1];
	best[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = 1 << 20;
		for (size_t j = 0; j < i; j++) {
			if (best[j] >= 1 << 20 || (j == 0 && i == n))
				continue;
			int kd, cost = split_piece(e, s + j, i - j, &kd);
			if (!cost && j == 0 && i >= 2 && i <= 4) {
				/* letters without a vowel before a word: "mhpm" of "mhpmcounters" */
				int vowel = 0;
				for (size_t q = 0; q < i; q++)
					vowel |= is_vowel(s[q], 1);
				if (!vowel && n - i >= 5)
					kd = S_SPELL, cost = 11 + (int)i;
			}
			if (cost && best[j] + cost < best[i]) {
				best[i] = best[j] + cost;
				from[i] = (int)j;
				kind[i] = kd;
			}
		}
	}
	if (best[n] >= 1 << 20)
		return 0;
	size_t cut[MAXN + 1];
	int kinds[MAXN + 1], np = 0;
	for (size_t i = n; i > 0; i = (size_t)from[i]) {
		cut[np] = i;
		kinds[np++] = kind[i];
	}
	/* a split that reads like a name cut up ("Balm a in", "Mow at") is none:
	 * at most one short word and one acronym, a short word beside a long one */
	int shorts = 0, acronyms = 0;
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		acronyms += kinds[p] == S_SPELL || (kinds[p] == S_LEX && !words_common(s + st, en - st, 50));
		if (en - st <= 2 && kinds[p] == S_WORD) {
			shorts++;
			size_t left = p + 1 < np ? st - (p + 2 < np ? cut[p + 2] : 0) : 0;
			size_t right = p > 0 ? cut[p - 1] - en : 0;
			if (left < 4 && right < 4 && !(kinds[p + (p + 1 < np)] == S_SPELL || (p > 0 && kinds[p - 1] == S_SPELL)))
				return 0;
		}
	}
	if (shorts > 1 || acronyms > 1 || np > 3 || (need_acronym && !acronyms))
		return 0;
	/* a short word at the end follows a word of four letters or more: "sarin" is not "S-A-R in" */
	if (np >= 2 && cut[0] - cut[1] <= 2 && (kinds[1] != S_WORD || cut[1] - (np > 2 ? cut[2] : 0) < 4))
		return 0;
	/* letters of two spelled beside a short word are a word's start: "gmail" */
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p] == S_SPELL && en - st == 2) {
			size_t left = p + 1 < np ? st - (p + 2 < np ? cut[p + 2] : 0) : 99;
			size_t right = p > 0 ? cut[p - 1] - en : 99;
			if (left < 4 || right < 4)
				return 0;
		}
	}
	if (gb_word(e, s, n))
		return 1;
	for (int p = np - 1; p >= 0; p--) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		char tmp[MAXN + 1];
		for (size_t i = st; i < en; i++)
			tmp[i - st] = (char)tolower((unsigned char)s[i]);
		if (kinds[p] == S_SPELL)
			spell(e, s + st, en - st, 0);
		else if (kinds[p] == S_LEX)
			lex_say(e, s + st, en - st);
		else
			emitn(e, st == 0 ? s : tmp, en - st);
	}
	decide(e, "split word", "no list knows it; split into common words and vocabulary (scowl, kernel.vocab)");
	return 1;
}

/* "Heworks", "Thismemory": one of the commonest short words (scowl size 10)
 * glued to the start of a capitalised token that splits into words. */
static int split_first_word(struct en *e, const char *s, size_t n)
{
	char low[64];
	if (n < 5 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	for (size_t k = 2; k <= 3 && k + 3 <= n; k++) {
		int size;
		if (!(words_lookup(low, k, &size) & WORDS_WORD) || size > 10)
			continue;
		if (!words_common(low + k, n - k, 50) || n - k < 4)
			continue;
		decide(e, "split word", "a very common word glued to a word (scowl)");
		emitn(e, s, k);
		emitn(e, low + k, n - k);
		return 1;
	}
	return 0;
}

/* "Bhagatdescribed": a name no list knows, glued to a long common word. */
static int split_name_word(struct en *e, const char *s, size_t n)
{
	for (size_t k = 3; k + 6 <= n; k++) {
		if (!words_common(s + k, n - k, 35))
			continue;
		if (words_common(s, k, 50))
			continue;
		if (gb_word(e, s, n))
			return 1;
		decide(e, "split word", "a name glued to a common word (scowl)");
		emitn(e, s, k);
		emitn(e, s + k, n - k);
		return 1;
	}
	return 0;
}

/* A word of letters only. */
void say_word(struct en *e, const char *s, size_t n, int flags)
{
	if (!n)
		return;
	if (lex_say(e, s, n))
		return;
	/* Plurals of entries and acronyms: CPUs, SoCs, kthreads. */
	if (n > 2 && s[n - 1] == 's') {
		const char *star;
		size_t sl;
		const char *say = lex_find(e, s, n - 1, &star, &sl);
		if (say && !star) {
			emit_plural(e, say);
			return;
		}
		if (all_upper(s, n - 1) && n - 1 <= 5) {
			if (n - 1 >= 3 && words_common(s, n - 1, 50)) {   /* BARs */
				char tmp[8];
				for (size_t i = 0; i < n - 1; i++)
					tmp[i] = (char)tolower((unsigned char)s[i]);
				tmp[n - 1] = 's';
				decide(e, "word", "the plural of a common word in capitals (scowl)");
				emitn(e, tmp, n);
				return;
			}
			decide(e, "acronym", "the plural of capitals");
			spell(e, s, n - 1, 1);
			return;
		}
	}
	if (n == 1) {
		decide(e, "letter", flags & F_PART ? "one letter in an identifier: spelled" : "one letter");
		if (flags & F_PART)
			spell(e, s, 1, 0);
		else
			emitn(e, s, 1);
		return;
	}
	if (all_upper(s, n)) {
		/* PRIVS, DEVS: the plural of an entry */
		const char *star;
		size_t sl;
		const char *say = n > 3 && s[n - 1] == 'S' ? lex_find(e, s, n - 1, &star, &sl) : NULL;
		if (say && !star && !dict_word(s, n)) {
			emit_plural(e, say);
			return;
		}
		/* a word in capitals is said as the word ("BUG", "LAW"); an
		 * acronym of kernel text is spelled; other letters are split into
		 * words or spelled */
		/* (three capitals only when a common word: "BUG", "ELF"; "LAM" is letters) */
		int size = n >= 3 ? words_common(s, n, n == 3 ? 35 : 50) : 0;
		enum vocab_kind vk = vocab_kind(s, n);
		if (size || vk == VOCAB_TERM || is_common_caps(s, n)) {
			char tmp[64];
			size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
			for (size_t i = 0; i < k; i++)
				tmp[i] = (char)tolower((unsigned char)s[i]);
			decide(e, "word", size ? "a common word in capitals (scowl)" : "a word of the kernel vocabulary");
			emitn(e, tmp, k);
			return;
		}
		int word = n >= 4 && dict_word(s, n);
		if (vk == VOCAB_ACRONYM && !word) {
			/* an acronym of kernel text: said when it can be ("TODO", "NUMA") */
			int say = n >= 4 && !is_vowel(s[0], 0);
			for (size_t i = 1; i < n && say; i++)     /* consonant, vowel, consonant...: TODO, NUMA */
				say = is_vowel(s[i], 0) != is_vowel(s[i - 1], 0);
			decide(e, "acronym", say ? "an acronym of kernel text that can be said (kernel.vocab)" :
			       "an acronym of kernel text (kernel.vocab)");
			if (say)
				goto said;
			spell(e, s, n, 0);
			return;
		}
		if (!word && n >= 4 && split_glued(e, s, n, flags))
			return;
		/* a short one starting with a vowel is spelled: "IARC", "ESOL" */
		/* four capitals ending in two consonants are letters: "VIVT", "PIPT", "HMAT" */
		word |= n >= 4 && pronounceable(s, n) && (n > 5 || !is_vowel(s[0], 0)) &&
			!(is_vowel(s[0], 0) && is_vowel(s[1], 0)) &&
			!(n == 4 && !is_vowel(s[2], 1) && !is_vowel(s[3], 1));
		decide(e, word ? "word" : "acronym", word ? "capitals that can be said as a word" :
		       "capitals that are not a word");
		if (word) {
said:;
			char tmp[64];
			size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
			for (size_t i = 0; i < k; i++)
				tmp[i] = (char)tolower((unsigned char)s[i]);
			if (lex_say(e, tmp, k))
				return;
			emitn(e, tmp, k);
		} else {
			spell(e, s, n, 0);
		}
		return;
	}
	/* mixed case: "eXpress" is a word; "IoT", "PCIe": letters */
	if (!all_upper(s, n) && n < 64) {
		size_t caps = 0, lowrun = 0, longest = 0;
		for (size_t i = 0; i < n; i++) {
			if (isupper((unsigned char)s[i]))
				caps++, lowrun = 0;
			else if (++lowrun > longest && !(i == n - 1 && s[i] == 's' && lowrun == 1))
				longest = lowrun;
		}
		if (caps >= 2 || (caps == 1 && !isupper((unsigned char)s[0]))) {
			char low[64];
			for (size_t i = 0; i < n; i++)
				low[i] = (char)tolower((unsigned char)s[i]);
			if (n >= 4 && words_common(low, n, 50)) {
				decide(e, "word", "a common word however written (scowl)");
				emitn(e, low, n);
				return;
			}
			if (n <= 5 && longest <= 1 && caps >= 2) {
				int plural = s[n - 1] == 's' && n > 3;
				decide(e, "acronym", "capitals with single small letters");
				spell(e, s, n - (size_t)plural, plural);
				return;
			}
		}
	}
	/* NACKed, ACKing, OOMed: the acronym, then the ending */
	{
		size_t caps = 0;
		while (caps < n && isupper((unsigned char)s[caps]))
			caps++;
		const char *suf = s + caps;
		size_t sn = n - caps;
		if (caps >= 2 && ((sn == 2 && memcmp(suf, "ed", 2) == 0) ||
				  (sn == 3 && memcmp(suf, "ing", 3) == 0) ||
				  (sn == 1 && *suf == 'd') || (sn == 2 && memcmp(suf, "er", 2) == 0) ||
				  (sn == 3 && memcmp(suf, "ers", 3) == 0))) {
			say_word(e, s, caps, flags);
			e->glue = 1;
			emitn(e, suf, sn);
			return;
		}
	}
	if (camel_split(e, s, n, flags))
		return;
	/* lower case or Capitalised */
	const char *why = NULL;
	enum vocab_kind vk = vocab_kind(s, n);
	if (islower((unsigned char)s[0]) && n <= 7 && vk == VOCAB_ACRONYM && !words_common(s, n, 70)) {
		decide(e, "acronym", "an acronym of kernel text, in lower case (kernel.vocab)");
		spell(e, s, n, 0);
		return;
	}
	int vowels = 0;
	for (size_t i = 0; i < n; i++)
		vowels |= is_vowel(s[i], 1);
	if (islower((unsigned char)s[0]) && n <= 3 && !vowels) {
		/* letters without a vowel: "xx" of "C9xx", "mm" (hunspell has "xx", a numeral) */
		decide(e, "acronym", "three letters or fewer without a vowel");
		spell(e, s, n, 0);
		return;
	}
	if (islower((unsigned char)s[0]) && n <= 3 && !onset_ok(s, n) && !words_common(s, n, 70) &&
	    !dict_word(s, n)) {
		decide(e, "acronym", "three letters or fewer that cannot start a word (gke, tty)");
		spell(e, s, n, 0);
		return;
	}
	if (islower((unsigned char)s[0]) && vk == VOCAB_TERM && !words_common(s, n, 70) && !dict_word(s, n)) {
		/* a kernel word: its parts when they are words ("mcelog"), else said whole */
		if (split_words(e, s, n, 1) || split_glued(e, s, n, flags))
			return;
		decide(e, "word", "the kernel vocabulary (kernel.vocab)");
		if (islower((unsigned char)s[0]) && n >= 3 && !onset_ok(s, n))
			goto onset;
		emitn(e, s, n);
		return;
	}
	if (known_word(s, n, &why)) {
		/* a word some list knows is never split */
		decide(e, "word", why);
		emitn(e, s, n);
		return;
	}
	if (islower((unsigned char)s[0]) && split_words(e, s, n, 0))
		return;
	int vowel = 0;
	for (size_t i = 0; i < n; i++)
		vowel |= is_vowel(s[i], 1);
	if (!vowel) {
		decide(e, "acronym", "no vowel");
		spell(e, s, n, 0);
		return;
	}
	size_t cons = 0;
	while (cons < n && !is_vowel(s[cons], cons > 0))
		cons++;
	if (cons > 4) {
		/* five consonants: not a word; spell what is short enough to spell */
		decide(e, "acronym", "five consonants at the start");
		if (n <= 12)
			spell(e, s, n, 0);
		else
			emitn(e, s, n);
		return;
	}
	if (isupper((unsigned char)s[0]) && split_name_word(e, s, n))
		return;
	if (isupper((unsigned char)s[0]) && split_first_word(e, s, n))
		return;
	if (islower((unsigned char)s[0]) && n >= 5 && gb_word(e, s, n))
		return;
	if (islower((unsigned char)s[0]) && split_glued(e, s, n, flags))
		return;
	{
		/* four consonants together: not a word, spelled ("igvtg") */
		size_t run = 0, most = 0;
		for (size_t i = 0; i < n; i++) {
			run = is_vowel(s[i], i > 0) ? 0 : run + 1;
			if (run > most)
				most = run;
		}
		if (most >= 4 && n <= 8 && islower((unsigned char)s[0])) {
			decide(e, "acronym", "letters that cannot be said as a word");
			spell(e, s, n, 0);
			return;
		}
	}
onset:
	if (islower((unsigned char)s[0]) && n >= 3 && !onset_ok(s, n)) {
		/* kmalloc, ftrace, xarray: the first letter spelled, the rest a word */
		char pre[3] = {(char)toupper((unsigned char)s[0]), '-', 0};
		emit(e, pre);
		e->glue = 1;
		say_word(e, s + 1, n - 1, flags);
		e->glue = 0;
		return;
	}
	if (!e->why)
		decide(e, "word", "no list knows it and nothing splits it: said as written");
	emitn(e, s, n);
}

/* Letters and digits mixed: JH7110, sun8i, arm64, rv64gc. */
static void say_alnum(struct en *e, const char *s, size_t n, int flags)
{
	size_t i = 0;
	while (i < n) {
		size_t st = i;
		if (isdigit((unsigned char)s[i])) {
			while (i < n && (isdigit((unsigned char)s[i]) ||
					 (s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1]))))
				i++;
			if (has_char(s + st, i - st, '.')) {
				struct numparse np;
				parse_number(s + st, i - st, &np);
				emit_version(e, &np);
			} else {
				struct buf b = {0};
				num_model(&b, s + st, i - st);
				emit(e, b.data);
				buf_free(&b);
			}
		} else if (isalpha((unsigned char)s[i])) {
			while (i < n && isalpha((unsigned char)s[i]))
				i++;
			say_word(e, s + st, i - st, flags | F_PART);
		} else {
			i++;
		}
	}
}

static int all_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Whether s is digits, groups of three after commas: "1,000,000". */
static int thousands(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 3)
		return 0;
	while (i < n) {
		if (s[i] != ',' || i + 4 > n || !all_digit(s + i + 1, 3))
			return 0;
		i += 4;
	}
	return 1;
}

/*
 * Shapes with a dot or a comma that are never "dot": initials ("K.P"),
 * dotted product names ("M.2"), versions glued to a word ("gcc13.2",
 * "Release3.1", "v.6.1"), lists without spaces ("6.6.9,6.1.70", "however,the"),
 * a sentence glued to the next ("done.Next"); and emphasis written
 * "/really/". Returns 1 when s was said.
 */
static int say_shapes(struct en *e, const char *s, size_t n, int flags)
{
	const char *dot = memchr(s, '.', n);
	/* /really/ */
	if (n >= 4 && s[0] == '/' && s[n - 1] == '/' && all_alpha(s + 1, n - 2) && dict_lower(s + 1, n - 2)) {
		say_word(e, s + 1, n - 2, flags);
		return 1;
	}
	/* i.MX, e.MMC: a product's small letter, then its name */
	if (n >= 4 && islower((unsigned char)s[0]) && s[1] == '.' && all_upper(s + 2, n - 2)) {
		spell(e, s, 1, 0);
		say_word(e, s + 2, n - 2, flags | F_PART);
		return 1;
	}
	/* K.P, U.S.A */
	if (dot && n >= 3 && n % 2 == 1) {
		int initials = 1;
		for (size_t i = 0; i < n; i++)
			if (i % 2 ? s[i] != '.' : !isupper((unsigned char)s[i]))
				initials = 0;
		if (initials) {
			spell(e, s, n, 0);
			return 1;
		}
	}
	/* v.6.1 */
	if (n >= 3 && (s[0] == 'v' || s[0] == 'V') && s[1] == '.' && isdigit((unsigned char)s[2])) {
		struct numparse np;
		parse_number(s + 2, n - 2, &np);
		if (np.restlen == 0) {
			emit(e, "version");
			emit_version(e, &np);
			return 1;
		}
	}
	/* M.2, U.2; PCIe4.0, gcc13.2, Release3.1 */
	size_t a = 0;
	while (a < n && isalpha((unsigned char)s[a]))
		a++;
	if (a && a < n && dot) {
		size_t d = a + (s[a] == '.' && a == 1);
		struct numparse np;
		/* a word glued after it too: "and4.14.315stable" */
		int rest_word = 0;
		if (d < n && isdigit((unsigned char)s[d]) && parse_number(s + d, n - d, &np) && np.restlen >= 3 &&
		    all_alpha(np.rest, np.restlen) && words_common(np.rest, np.restlen, 50) && np.ncomp >= 2)
			rest_word = 1;
		if (d < n && isdigit((unsigned char)s[d]) && parse_number(s + d, n - d, &np) &&
		    (np.restlen == 0 || rest_word) &&
		    (d > a ? np.ncomp == 1 : np.ncomp >= 2) && !(a == 1 && (s[0] == 'v' || s[0] == 'V'))) {
			say_word(e, s, a, flags | F_PART);
			if (np.ncomp >= 2)
				emit_version(e, &np);
			else
				emit_numstr(e, np.comp[0], np.clen[0]);
			if (rest_word)
				say_word(e, np.rest, np.restlen, flags);
			return 1;
		}
	}
	/* lists glued at commas and semicolons, unless a number in thousands */
	const char *comma = NULL;
	for (size_t i = 1; i + 1 < n && !comma; i++)
		if ((s[i] == ',' || s[i] == ';') && isalnum((unsigned char)s[i - 1]) && isalnum((unsigned char)s[i + 1]))
			comma = s + i;
	if (comma && !thousands(s, n)) {
		for (size_t st = 0, i = 0; i <= n; i++)
			if (i == n || s[i] == ',' || s[i] == ';') {
				if (i > st)
					say_core(e, s + st, i - st, F_TOKEN | F_START);
				if (i < n)
					punct(e, s[i]);
				st = i + 1;
			}
		return 1;
	}
	/* done.Next */
	if (dot && dot > s && dot + 2 < s + n && all_lower(s, (size_t)(dot - s)) && isupper((unsigned char)dot[1]) &&
	    all_lower(dot + 2, n - (size_t)(dot - s) - 2) && dict_lower(s, (size_t)(dot - s)) &&
	    dict_word(dot + 1, n - (size_t)(dot - s) - 1) && !is_tld(dot + 1, n - (size_t)(dot - s) - 1)) {
		say_word(e, s, (size_t)(dot - s), flags);
		punct(e, '.');
		say_word(e, dot + 1, n - (size_t)(dot - s) - 1, flags);
		return 1;
	}
	return 0;
}

/*
 * Says one token or a part of one. The order matters: the lexicon first
 * (a producer's word wins), then whole shapes (URL, address, path, number),
 * then splitting into parts.
 */
/* The class of a whole token decided by its shape, for --explain (a part's own decision stays). */
#define SHAPE(cls, why) do { if (flags & F_TOKEN) decide(e, cls, why); } while (0)

void say_core(struct en *e, const char *s, size_t n, int flags)
{
	if (!n)
		return;
	if (e->depth > 24) {
		emitn(e, s, n);
		return;
	}
	e->depth++;
	const char *p;
	if ((p = find_str(s, n, "[[")) != NULL && find_str(p, n - (size_t)(p - s), "]]")) {
		emitn(e, s, n);
		goto done;
	}
	if (lex_say(e, s, n))
		goto done;
	if (flags & F_TOKEN) {
		if (try_url(e, s, n)) {
			SHAPE("URL", "a URL: the site is said, not the path");
			goto done;
		}
		if (try_email(e, s, n)) {
			SHAPE("e-mail", "an e-mail address");
			goto done;
		}
		if (is_domain(s, n, 1)) {
			say_domain(e, s, n);
			SHAPE("domain", "a host name with a known top-level domain");
			goto done;
		}
	}
	/* possessive */
	if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') {
		say_core(e, s, n - 2, flags);
		if (e->out.len && isalnum(out_last(e)))
			buf_puts(&e->out, "'s");
		goto done;
	}
	if (n > 3 && (p = find_str(s, n, "\xe2\x80\x99s")) == s + n - 4) {
		say_core(e, s, n - 4, flags);
		if (e->out.len && isalnum(out_last(e)))
			buf_puts(&e->out, "'s");
		goto done;
	}
	/* CVE-2023-1234 */
	if (n > 10 && strncasecmp(s, "CVE-", 4) == 0 && all_digit(s + 4, 4) && s[8] == '-' &&
	    all_digit(s + 9, n - 9)) {
		SHAPE("CVE ID", "CVE-year-number");
		spell(e, "CVE", 3, 0);
		emit_year(e, (unsigned)num_parse(s + 4, 4));
		struct buf b = {0};
		num_digits(&b, s + 9, n - 9);
		emit(e, b.data);
		buf_free(&b);
		goto done;
	}
	/* commit IDs */
	if (n >= 7 && n <= 40) {
		int hex = 1, digit = 0, alpha = 0;
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			if (isdigit(c))
				digit = 1;
			else if (c >= 'a' && c <= 'f')
				alpha = 1;
			else
				hex = 0;
		}
		if (hex && digit && alpha) {
			if (strcasecmp(e->prev, "commit") != 0 && !(flags & F_PART))
				emit(e, "commit");
			spell(e, s, 4, 0);
			SHAPE("commit ID", "hexadecimal digits and letters: its first four said");
			goto done;
		}
	}
	if (say_shapes(e, s, n, flags))
		goto done;
	if ((p = find_str(s, n, "://")) != NULL) {
		/* a URL inside a token: "](https://...)" */
		const char *st = p, *en = p + 3;
		while (st > s && isalpha((unsigned char)st[-1]))
			st--;
		while (en < s + n && !strchr(")]>\"'<", *en))
			en++;
		if (st < p) {
			say_core(e, s, (size_t)(st - s), flags);
			if (!try_url(e, st, (size_t)(en - st)))
				say_core(e, st, (size_t)(en - st), flags & ~F_TOKEN);
			say_core(e, en, n - (size_t)(en - s), flags);
			goto done;
		}
	}
	if (isdigit((unsigned char)s[0]) && try_date(e, s, n)) {
		SHAPE("date", "year-month-day");
		goto done;
	}
	if (has_char(s, n, '/') && n > 1) {
		/* 1.5GB/s, 10Gbit/s: a number and a unit, not a path */
		struct numparse np;
		if (isdigit((unsigned char)s[0]) && parse_number(s, n, &np) && np.restlen &&
		    find_unit(np.rest, np.restlen, 0) && say_number(e, s, n, flags))
			goto done;
		say_path(e, s, n);
		SHAPE("path", "a slash: a path, a list of versions, or N of M");
		goto done;
	}
	if (has_char(s, n, '\\') && n > 1) {
		say_split(e, s, n, "\\", "", F_START | F_PART);
		goto done;
	}
	if (say_number(e, s, n, flags)) {
		SHAPE("number", "the number shapes of speech_en.c (versions and tags, times, ordinals, units glued)");
		goto done;
	}
	if ((p = find_str(s, n, "..")) != NULL && p > s && p + 2 < s + n) {
		say_core(e, s, (size_t)(p - s), flags);
		emit(e, "to");
		say_core(e, p + 2, n - (size_t)(p - s) - 2, flags | F_START);
		goto done;
	}
	/* leading signs and marks */
	if (s[0] == '-' && n > 1) {
		if (isdigit((unsigned char)s[1]) || (s[1] == 'E' && all_upper(s + 1, n - 1)))
			emit(e, "minus");
		say_core(e, s + 1, n - 1, flags | F_START);
		goto done;
	}
	if ((s[0] == '+' || s[0] == '~') && n > 1) {
		emit(e, s[0] == '+' ? "plus" : "about");
		say_core(e, s + 1, n - 1, flags | F_START);
		goto done;
	}
	if (n > 3 && memcmp(s + n - 3, "(s)", 3) == 0 && isalpha((unsigned char)s[n - 4])) {   /* bug(s) */
		say_core(e, s, n - 3, flags);
		if (e->out.len && isupper(out_last(e)))
			buf_puts(&e->out, "'s");
		else if (e->out.len && isalpha(out_last(e)))
			buf_putc(&e->out, 's');
		goto done;
	}
	if (n > 2 && s[n - 2] == '(' && s[n - 1] == ')') {   /* function call */
		say_core(e, s, n - 2, flags);
		goto done;
	}
	if ((p = memchr(s, '(', n)) != NULL && s[n - 1] == ')' && p > s) {
		/* a completion: Steph(en), allocate(d) */
		size_t xl = (size_t)(p - s), yl = n - xl - 2;
		if (xl >= 3 && yl >= 1 && yl <= 3 && xl + yl < 64 && all_alpha(s, xl) && all_lower(p + 1, yl)) {
			char w[64];
			memcpy(w, s, xl);
			memcpy(w + xl, p + 1, yl);
			if (dict_word(w, xl + yl)) {
				say_word(e, w, xl + yl, flags);
				goto done;
			}
		}
		say_core(e, s, (size_t)(p - s), flags);
		say_core(e, p + 1, n - (size_t)(p - s) - 2, flags | F_START);
		goto done;
	}
	/* hyphenated: plain words stay joined, others are said part by part */
	if (memchr(s + 1, '-', n - 1) && s[n - 1] != '-') {
		int plain = 1;
		for (size_t st = 0, i = 0; i <= n; i++)
			if (i == n || s[i] == '-') {
				size_t k = i - st;
				const char *star;
				size_t sl;
				if (!k || !all_alpha(s + st, k) || all_upper(s + st, k) ||
				    lex_find(e, s + st, k, &star, &sl))
					plain = 0;
				else {
					int v = 0;
					for (size_t j = st; j < i; j++)
						v |= is_vowel(s[j], 1);
					for (size_t j = st + 1; j < i; j++)
						if (isupper((unsigned char)s[j]))
							v = 0;
					const char *why;
					if (!v || k < 2 || (islower((unsigned char)s[st]) && !onset_ok(s + st, k)) ||
					    (k >= 5 && !known_word(s + st, k, &why)))   /* "reliableuser-space" */
						plain = 0;
				}
				st = i + 1;
			}
		if (plain) {
			emitn(e, s, n);
			goto done;
		}
		say_split(e, s, n, "-", "", F_START | F_PART);
		SHAPE("identifier", "its parts said one by one");
		goto done;
	}
	if ((p = find_str(s, n, "->")) != NULL) {
		say_split(e, s, n, "->", "", F_START | F_PART);
		SHAPE("identifier", "its parts said one by one");
		goto done;
	}
	if ((p = find_str(s, n, "::")) != NULL) {
		say_split(e, s, n, "::", "", F_START | F_PART);
		SHAPE("identifier", "its parts said one by one");
		goto done;
	}
	if (has_char(s, n, '_')) {
		say_split(e, s, n, "_", "", F_START | F_PART);
		SHAPE("identifier", "its parts said one by one");
		goto done;
	}
	if (has_char(s, n, '.')) {
		if (s[0] == '.')
			emit(e, "dot");
		say_split(e, s, n, ".", "dot", F_START | F_PART);
		SHAPE("identifier", "dotted parts: a file name or a field");
		goto done;
	}
	if (has_char(s, n, '&') && n > 1) {
		say_split(e, s, n, "&", "and", F_START | F_PART);
		goto done;
	}
	if (has_char(s, n, '+') && n > 1) {
		say_split(e, s, n, "+", "plus", F_START | F_PART);
		goto done;
	}
	if (n == 3 && s[1] == '^' && isupper((unsigned char)s[0]) && isupper((unsigned char)s[2])) {
		/* W^X: exclusive or, as the letters of a flag are read */
		decide(e, "symbol", "^ between two letters: xor");
		spell(e, s, 1, 0);
		emit(e, "xor");
		spell(e, s + 2, 1, 0);
		goto done;
	}
	if (has_char(s, n, '^') && n > 1) {
		say_split(e, s, n, "^", "to the", F_START | F_PART);
		goto done;
	}
	if (has_char(s, n, '=') && n > 1) {
		say_split(e, s, n, "=", "equals", F_START | F_PART);
		goto done;
	}
	if (has_char(s, n, ':') && n > 1) {
		say_split(e, s, n, ":", "", F_START | F_PART);
		goto done;
	}
	int alpha = 0, digit = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalpha(c))
			alpha = 1;
		else if (isdigit(c))
			digit = 1;
		else if (c != '\'' && c < 0x80)
			other = 1;
	}
	if (alpha && digit && !other) {
		say_alnum(e, s, n, flags);
		goto done;
	}
	if (alpha && !digit && !other && all_alpha(s, n)) {
		say_word(e, s, n, flags);
		goto done;
	}
	if (!other) {
		emitn(e, s, n);   /* apostrophes, letters beyond ASCII */
		goto done;
	}
	/* Anything else: drop the symbols, keep what is between them. */
	for (size_t st = 0, i = 0; i <= n; i++)
		if (i == n || (!isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80 && s[i] != '\'')) {
			if (i > st)
				say_core(e, s + st, i - st, flags | F_PART);
			st = i + 1;
		}
done:
	e->depth--;
}
#undef SHAPE

/* ---- tokens ---- */

/* Symbols that make a token of their own. */
static int say_symbol(struct en *e, const char *s, size_t n, const char *prev, const char *next)
{
	static const struct { const char *sym, *say; } syms[] = {
		{"&", "and"}, {"&&", "and"}, {"+", "plus"}, {"=", "equals"},
		{"->", "to"}, {"=>", "to"}, {"\xe2\x86\x92", "to"}, {"\xe2\x9f\xb6", "to"},
		{"~", "about"}, {"\xe2\x89\x88", "about"}, {"<", "less than"}, {">", "more than"},
		{"<=", "at most"}, {">=", "at least"}, {"\xe2\x89\xa4", "at most"},
		{"\xe2\x89\xa5", "at least"}, {"\xc2\xb1", "plus or minus"}, {"%", "percent"},
		{"@", "at"}, {"#", "number"}, {"\xc3\x97", "by"}, {"/", "or"},
	};
	int pnum = prev && (isdigit((unsigned char)prev[0]) ||
			    ((prev[0] == 'v') && isdigit((unsigned char)prev[1])));
	int nnum = next && (isdigit((unsigned char)next[0]) ||
			    ((next[0] == 'v') && isdigit((unsigned char)next[1])));
	/* "Episode 4 – 2023/04/24" is not a range */
	if (nnum && strlen(next) >= 8 && all_digit(next, 4) && (next[4] == '/' || next[4] == '-'))
		nnum = 0;
	if ((n == 1 && s[0] == '-') || (n == 3 && memcmp(s, "\xe2\x80\x93", 3) == 0) ||
	    (n == 2 && memcmp(s, "--", 2) == 0) || (n == 3 && memcmp(s, "\xe2\x80\x94", 3) == 0)) {
		if (pnum && nnum && n != 2 && memcmp(s, "\xe2\x80\x94", 3) != 0)
			emit(e, "to");
		else
			punct(e, ',');
		return 1;
	}
	if ((n == 3 && memcmp(s, "...", 3) == 0) || (n == 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0)) {
		punct(e, ',');
		return 1;
	}
	for (size_t i = 0; i < ARRAY_LEN(syms); i++)
		if (strlen(syms[i].sym) == n && memcmp(syms[i].sym, s, n) == 0) {
			emit(e, syms[i].say);
			return 1;
		}
	return 0;
}

/* Marks stripped from the ends of a token. */
static size_t lead_len(const char *s, size_t n)
{
	static const char *const marks[] = {
		"(", "[", "{", "\"", "'", "*", "`", "<",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
		"\xc2\xab", "\xe2\x80\x9e", "\xc2\xbf", "\xc2\xa1",
	};
	size_t i = 0;
	for (;;) {
		size_t k = 0;
		for (size_t j = 0; j < ARRAY_LEN(marks); j++) {
			size_t m = strlen(marks[j]);
			if (i + m <= n && memcmp(s + i, marks[j], m) == 0) {
				k = m;
				break;
			}
		}
		if (!k)
			return i;
		i += k;
	}
}

static size_t trail_len(const char *s, size_t n, size_t lead)
{
	static const char *const marks[] = {
		")", "]", "}", "\"", "'", "*", "`", ">", ",", ".", ";", ":", "!", "?",
		"\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
		"\xc2\xbb", "\xe2\x80\xa6",
	};
	size_t i = n;
	long depth = 0; /* '(' less ')' in s[lead..i): counted once, kept as i moves */
	for (size_t j = lead; j < n; j++)
		depth += s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
	for (;;) {
		size_t k = 0;
		for (size_t j = 0; j < ARRAY_LEN(marks); j++) {
			size_t m = strlen(marks[j]);
			if (i >= lead + m && memcmp(s + i - m, marks[j], m) == 0) {
				k = m;
				break;
			}
		}
		if (!k || i - k < lead)
			return n - i;
		/* keep the ')' of "f()" or "x(y)" */
		if (s[i - 1] == ')' && depth >= 0)
			return n - i;
		for (size_t j = i - k; j < i; j++)
			depth -= s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
		i -= k;
	}
}

void set_prev(struct en *e, const char *s, size_t n)
{
	size_t k = n < sizeof e->prev - 1 ? n : sizeof e->prev - 1;
	memcpy(e->prev, s, k);
	e->prev[k] = 0;
}

void emit_trail(struct en *e, const char *t, size_t n, int keep_dot)
{
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?')
			punct(e, c);
		else if (c == '.' && keep_dot)
			punct(e, '.');
		else if (c == ')' && e->paren) {
			e->paren--;
			punct(e, ',');
		} else if ((unsigned char)c == 0xe2 && i + 2 < n && (unsigned char)t[i + 1] == 0x80 &&
			   (unsigned char)t[i + 2] == 0xa6) {
			punct(e, ',');
			i += 2;
		}
	}
}

/*
 * For --explain: a row "written<TAB>class<TAB>why<TAB>said" for the token(s)
 * written at [ws, we), said from output offset from on.
 */
static void explain_row(struct en *e, const char *ws, const char *we, size_t from)
{
	struct buf *x = e->ctx->explain;
	if (!x || we <= ws)
		return;
	const char *said = e->out.len > from ? e->out.data + from : "";
	while (*said == ' ')
		said++;
	buf_printf(x, "%.*s\t%s\t%s\t%s\n", (int)(we - ws), ws, e->cls ? e->cls : "shape",
		   e->why ? e->why : "the shapes of speech_en.c", said);
	e->cls = e->why = NULL;
}

static void say_tokens(struct en *e, struct tok *t, int nt)
{
	for (int i = 0; i < nt; i++) {
		const char *core = t[i].raw + t[i].lead;
		size_t cn = t[i].rawlen - t[i].lead - t[i].trail;
		const char *trail = core + cn;
		const char *next = NULL;
		size_t nextn = 0;
		if (i + 1 < nt) {
			next = t[i + 1].raw + t[i + 1].lead;
			nextn = t[i + 1].rawlen - t[i + 1].lead - t[i + 1].trail;
		}
		for (size_t j = 0; j < t[i].lead; j++)
			if (t[i].raw[j] == '(') {
				punct(e, ',');
				e->paren++;
			}
		const char *prevcore = i ? t[i - 1].raw + t[i - 1].lead : NULL;
		/* an entry of several words, "Rust for Linux": up to the end of a token's core */
		size_t plen;
		const char *say = cn && e->ctx->lex && i + 1 < nt ?
			lexicon_phrase_at(e->ctx->lex, core,
					  (size_t)(t[nt - 1].raw + t[nt - 1].rawlen - core), &plen) : NULL;
		if (say) {
			int j = i;
			while (j < nt && t[j].raw + t[j].rawlen - t[j].trail < core + plen)
				j++;
			if (j < nt && j > i && t[j].raw + t[j].rawlen - t[j].trail == core + plen) {
				size_t from = e->out.len;
				decide(e, "lexicon", lex_where(e, core, plen));
				emit(e, say);
				explain_row(e, core, core + plen, from);
				emit_trail(e, core + plen, t[j].trail, 1);
				set_prev(e, "", 0);
				i = j;
				continue;
			}
		}
		/* the classifier's table first, unless the lexicon has the token */
		{
			const char *star;
			size_t sl;
			if (!(cn && lex_find(e, core, cn, &star, &sl))) {
				size_t from = e->out.len;
				int used = classify_say(e, t, nt, i);
				if (used) {
					explain_row(e, t[i].raw + t[i].lead, t[i + used - 1].raw + t[i + used - 1].rawlen -
						    t[i + used - 1].trail, from);
					i += used - 1;
					continue;
				}
			}
		}
		size_t from = e->out.len;
		decide(e, "shape", NULL);
		if (cn == 0) {
			/* only marks: "..." ")" "," */
			if (!say_symbol(e, t[i].raw, t[i].rawlen, prevcore, next))
				emit_trail(e, t[i].raw, t[i].rawlen, 1);
			continue;
		}
		if (!isalnum((unsigned char)core[0]) && cn <= 3 && say_symbol(e, core, cn, prevcore, next)) {
			emit_trail(e, trail, t[i].trail, 1);
			continue;
		}
		/* Abbreviations with their full stop: e.g. i.e. etc. vs. Mr. */
		if (t[i].trail && trail[0] == '.') {
			const char *star;
			size_t sl;
			const char *say = lex_find(e, core, cn + 1, &star, &sl);
			if (say && !star) {
				decide(e, "lexicon", lex_where(e, core, cn + 1));
				emit(e, say);
				explain_row(e, core, core + cn + 1, from);
				set_prev(e, core, cn);
				/* a full stop that also ends the sentence is kept */
				int ends = i + 1 == nt || (next && nextn && isupper((unsigned char)next[0]) &&
							  text_abbreviation(core, cn) == TEXT_ABBR_FINAL);
				emit_trail(e, trail + 1, t[i].trail - 1, 1);
				if (ends)
					punct(e, '.');
				continue;
			}
		}
		/* number and a unit after a space: "1 MB", "20 %" */
		if (next && t[i].trail == 0 && t[i + 1].lead == 0) {
			struct numparse np;
			const struct unit *u = find_unit(next, nextn, 1);
			if (u && parse_number(core, cn, &np) && np.restlen == 0 && np.ncomp <= 2 &&
			    np.clen[0] <= 15) {
				if (np.ncomp == 2)
					emit_decimal(e, &np);
				else
					emit_numstr(e, np.comp[0], np.clen[0]);
				int one = np.ncomp == 1 && np.clen[0] == 1 && core[0] == '1';
				emit(e, one ? u->one : u->many);
				emit_trail(e, next + nextn, t[i + 1].trail, 1);
				set_prev(e, next, nextn);
				i++;
				continue;
			}
			/* "1920 x 1080" */
			if (nextn == 1 && next[0] == 'x' && i + 2 < nt && isdigit((unsigned char)core[0]) &&
			    isdigit((unsigned char)t[i + 2].raw[t[i + 2].lead])) {
				say_core(e, core, cn, F_TOKEN | F_START);
				emit(e, "by");
				i++;
				continue;
			}
		}
		/* "23 April": the twenty-third of April */
		char mb[16] = "";
		if (next && nextn >= 3 && nextn < sizeof mb) {
			memcpy(mb, next, nextn);
			mb[nextn] = 0;
		}
		if (next && all_digit(core, cn) && cn <= 2 && t[i].trail == 0 && month_of(mb)) {
			long long d = num_parse(core, cn);
			if (d >= 1 && d <= 31) {
				emit(e, "the");
				emit_ordinal(e, (unsigned long long)d);
				emit(e, "of");
				emit(e, months[month_of(mb) - 1]);
				emit_trail(e, next + nextn, t[i + 1].trail, 1);
				set_prev(e, "", 0);
				i++;
				continue;
			}
		}
		e->next = next;
		e->nextn = nextn;
		say_core(e, core, cn, F_TOKEN | F_START);
		explain_row(e, core, core + cn, from);
		/* initials before a name keep no full stop: "K.P. Singh", "Andrew S. Tanenbaum" */
		int initials = cn % 2 == 1 && t[i].trail && trail[0] == '.' && next;
		for (size_t j = 0; j < cn && initials; j++)
			if (j % 2 ? core[j] != '.' : !isupper((unsigned char)core[j]))
				initials = 0;
		emit_trail(e, trail, t[i].trail, !initials);
		set_prev(e, core, cn);
	}
}

/*
 * Brackets: "[PATCH v3 0/6]" becomes the words of a patch tag, "[1]" (a
 * reference) and "[...]" (something left out) go, and editorial brackets
 * "[as in ...]" are read as an aside. Returns new text; the caller frees.
 */
static char *brackets(const char *text)
{
	struct buf b = {0};
	const char *p = text;
	const char *next = NULL;   /* the first ']' after the last '[' looked at; NULL: none */
	int known = 0;             /* next is known (a text of many '[' is searched once) */
	while (*p) {
		const char *close;
		if (*p == '[' && (!known || (next && next <= p))) {
			next = strchr(p + 1, ']');
			known = 1;
		}
		close = next;
		if (*p != '[' || !close || memchr(p + 1, '[', (size_t)(close - p - 1))) {
			buf_putc(&b, *p++);
			continue;
		}
		const char *in = p + 1;
		size_t n = (size_t)(close - in);
		while (n && *in == ' ')
			in++, n--;
		while (n && in[n - 1] == ' ')
			n--;
		const char *after = close + 1;
		if (n == 0 || all_digit(in, n) || (n == 3 && (memcmp(in, "...", 3) == 0 ||
							       memcmp(in, "\xe2\x80\xa6", 3) == 0))) {
			if (n)
				buf_puts(&b, n == 3 && !isdigit((unsigned char)in[0]) ? " \xe2\x80\xa6 " : "");
			p = after;
			continue;
		}
		/* patch tags */
		int patch = 0;
		char words[16][64];
		int nw = 0;
		for (size_t i = 0, st = 0; i <= n && nw < 16; i++)
			if (i == n || in[i] == ' ') {
				if (i > st && i - st < 64) {
					memcpy(words[nw], in + st, i - st);
					words[nw++][i - st] = 0;
				}
				st = i + 1;
			}
		for (int i = 0; i < nw; i++)
			if (strcmp(words[i], "PATCH") == 0 || strcmp(words[i], "RFC") == 0 ||
			    (strcmp(words[i], "PULL") == 0))
				patch = 1;
		if (patch && nw) {
			const char *ver = NULL, *part = NULL, *rfc = NULL, *pull = NULL;
			struct buf tree = {0};
			for (int i = 0; i < nw; i++) {
				char *w = words[i];
				if (strcmp(w, "PATCH") == 0 || strcmp(w, "PATCHv") == 0)
					continue;
				if (strcmp(w, "RFC") == 0)
					rfc = w;
				else if (strcmp(w, "GIT") == 0 || strcmp(w, "PULL") == 0)
					pull = "git pull";
				else if ((w[0] == 'v' || w[0] == 'V') && all_digit(w + 1, strlen(w + 1)) && w[1])
					ver = w;
				else if (strchr(w, '/') && isdigit((unsigned char)w[0]))
					part = w;
				else {
					if (tree.len)
						buf_putc(&tree, ' ');
					buf_puts(&tree, w);
				}
			}
			buf_putc(&b, ' ');
			if (rfc)
				buf_puts(&b, "RFC ");
			if (pull)
				buf_puts(&b, pull);
			else if (part) {
				long long x = atoll(part), y = atoll(strchr(part, '/') + 1);
				if (x == 0)
					buf_printf(&b, "patch series, %lld parts", y);
				else
					buf_printf(&b, "patch %lld/%lld", x, y);
			} else
				buf_puts(&b, "patch");
			if (tree.len)
				buf_printf(&b, " for %s", tree.data);
			if (ver)
				buf_printf(&b, ", %s", ver);
			buf_puts(&b, after[0] == ' ' || after[0] == 0 ? ":" : ": ");
			buf_free(&tree);
			p = after;
			continue;
		}
		/* an aside: one word is just read; more are set off with commas */
		if (memchr(in, ' ', n)) {
			buf_puts(&b, ", ");
			buf_add(&b, in, n);
			buf_puts(&b, (*after == ' ' || !*after) ? "," : ", ");
		} else {
			buf_add(&b, in, n);
		}
		p = after;
	}
	return buf_detach(&b);
}

/*
 * Typography: an ellipsis between words is a pause of its own, a
 * typographic apostrophe inside a word is an ASCII one. The caller frees.
 */
static char *typography(const char *text)
{
	struct buf b = {0};
	for (const char *p = text; *p; p++) {
		if (strncmp(p, "\xe2\x80\xa6", 3) == 0) {
			buf_puts(&b, " \xe2\x80\xa6 ");
			p += 2;
		} else if (strncmp(p, "\xe2\x80\x99", 3) == 0 && p > text && isalpha((unsigned char)p[-1]) &&
			   isalpha((unsigned char)p[3])) {
			buf_putc(&b, '\'');
			p += 2;
		} else {
			buf_putc(&b, *p);
		}
	}
	return buf_detach(&b);
}

static int is_emoji(uint32_t c)
{
	return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || c == 0xFE0F ||
	       c == 0x2B50 || c == 0x2B55 || (c >= 0x2190 && c <= 0x21FF && c != 0x2192);
}

/*
 * Marks that are not said: the erase joke ("foo^H^H^Hbar": the erased word
 * goes), trademark signs, emoji. The caller frees.
 */
static char *unsaid(const char *text)
{
	struct buf b = {0};
	for (const char *p = text; *p;) {
		if (p[0] == '^' && (p[1] == 'H' || p[1] == 'W')) {
			/* drop the word before the marks, then the marks */
			while (b.len && b.data[b.len - 1] != ' ')
				b.data[--b.len] = 0;
			while (p[0] == '^' && (p[1] == 'H' || p[1] == 'W'))
				p += 2;
			continue;
		}
		if (p > text && isalnum((unsigned char)p[-1]) &&
		    (strncmp(p, "(TM)", 4) == 0 || strncmp(p, "(tm)", 4) == 0 || strncmp(p, "(R)", 3) == 0)) {
			p += p[1] == 'R' ? 3 : 4;
			continue;
		}
		uint32_t c;
		int k = (unsigned char)*p >= 0x80 ? utf8_decode(p, strnlen(p, 4), &c) : 0;
		if (k > 1 && (is_emoji(c) || c == 0x2122 || c == 0xAE)) {
			p += k;
			continue;
		}
		buf_putc(&b, *p++);
	}
	return buf_detach(&b);
}

char *speech_en(const struct speech_ctx *ctx, const char *text)
{
	struct en e = {.ctx = ctx};
	char *un = unsaid(text);
	char *ty = typography(un);
	free(un);
	char *t = brackets(ty);
	free(ty);
	/* tokens at white space */
	struct tok *toks = NULL;
	int nt = 0;
	const char *p = t;
	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *st = p;
		while (*p && *p != ' ')
			p++;
		/* doubled, not grown by one: realloc need not be cheap (ASan's copies) */
		if ((nt & (nt - 1)) == 0)
			toks = xreallocarray(toks, nt ? 2 * (size_t)nt : 16, sizeof *toks);
		struct tok *k = &toks[nt++];
		k->raw = st;
		k->rawlen = (size_t)(p - st);
		k->lead = lead_len(st, k->rawlen);
		k->trail = trail_len(st, k->rawlen, k->lead);
		if (k->lead + k->trail >= k->rawlen) {
			k->lead = 0;
			k->trail = k->rawlen;
		}
	}
	say_tokens(&e, toks, nt);
	free(toks);
	free(t);
	/* no leading punctuation, no trailing space */
	char *out = buf_detach(&e.out);
	size_t n = strlen(out);
	while (n && out[n - 1] == ' ')
		out[--n] = 0;
	size_t skip = 0;
	while (out[skip] && strchr(",;: ", out[skip]))
		skip++;
	if (skip)
		memmove(out, out + skip, n - skip + 1);
	return out;
}
