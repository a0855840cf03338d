/*
 * speech_verbal.c: each class of token said in words, as a knowledgeable
 * host says it: a year "eighteen sixty-eight", money "twelve thousand
 * five hundred dollars", a measure "sixteen millimeters", a model number
 * "seventy-four twenty", a serial digit by digit, a Roman numeral "the
 * thirteenth", a date, a time, an IEEE standard. Only words reach the
 * synthesiser, never digits: what is said does not depend on how an engine
 * reads "1868" or "-".
 *
 * Also here, the words of numbers that every part of the normaliser uses
 * (emit_num, emit_ordinal, emit_year, emit_version, ...) and the number
 * shapes no rule claims, for a whole token or a part of one
 * (say_number_shape: versions and tags, units glued, Ethernet speeds,
 * ranges, hexadecimal).
 *
 * In: a class and what its rule found (struct match), or a number as
 * written. Out: words appended to the normaliser's output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "speech_class.h"

/* ---- numbers in words: cardinals, ordinals, years, dates, times, versions ---- */

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
	if (n > 1 && s[0] == '0') {
		emit_id_digits(e, s, n);        /* "05": "oh five" */
		return;
	} else if (n > 12)
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

void emit_date(struct en *e, int y, int m, int d)
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

/* 2023-04-24, 2023/04/24, 20230424, 23.07.2012: 1 when s is a date (its parts in *yp, *mp, *dp). */
int parse_date(const char *s, size_t n, int *yp, int *mp, int *dp)
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
	} else if (n == 10 && all_digit(s, 2) && s[2] == '.' && all_digit(s + 3, 2) && s[5] == '.' &&
		   all_digit(s + 6, 4)) {
		/* 23.07.2012: day, month and year with points, as Europe writes
		 * a date (both with two digits: 5.10.2019 may be a version) */
		d = (int)num_parse(s, 2);
		m = (int)num_parse(s + 3, 2);
		y = (int)num_parse(s + 6, 4);
	} else {
		return 0;
	}
	if (!valid_date(y, m, d))
		return 0;
	*yp = y;
	*mp = m;
	*dp = d;
	return 1;
}

int say_date(struct en *e, const char *s, size_t n)
{
	int y, m, d;
	if (!parse_date(s, n, &y, &m, &d))
		return 0;
	emit_date(e, y, m, d);
	return 1;
}

/* 14:30, 9:05am, 23:59:59: 1 when s is a time and was said. */
int parse_time(const char *s, size_t n, int *hp, int *mp, int *sp, const char **ampmp)
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
	*hp = h;
	*mp = m;
	*sp = sec;
	*ampmp = ampm;
	return 1;
}

void emit_time(struct en *e, int h, int m, int sec, const char *ampm)
{
	emit_num(e, (unsigned)h);
	if (m == 0) {     /* (08:00:06 "eight o'clock and six seconds", not "eight oh zero") */
		if (!ampm || sec > 0)
			emit(e, h >= 1 && h <= 12 ? "o'clock" : "hundred");
		/* 20:00:12: "twenty hundred hours and twelve seconds", not "twenty
		 * hundred and twelve", which is heard as the number 2012 (kinds38) */
		if (sec > 0 && !(h >= 1 && h <= 12))
			emit(e, "hours");
	} else {
		if (m < 10)
			emit(e, "oh");
		emit_num(e, (unsigned)m);
	}
	if (sec > 0) {
		emit(e, "and");
		emit_num(e, (unsigned)sec);
		emit(e, sec == 1 ? "second" : "seconds");
	}
	if (ampm)
		emit(e, ampm);
}

int say_time(struct en *e, const char *s, size_t n)
{
	int h, m, sec;
	const char *ampm;
	if (!parse_time(s, n, &h, &m, &sec, &ampm))
		return 0;
	emit_time(e, h, m, sec, ampm);
	return 1;
}

/* Parses digits (commas between groups of three) and dotted groups at s. */
int parse_number(const char *s, size_t n, struct numparse *np)
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

void emit_decimal(struct en *e, const struct numparse *np)
{
	emit_numstr(e, np->comp[0], np->clen[0]);
	emit(e, "point");
	if (np->clen[1] == 1 && np->comp[1][0] == '0')
		emit(e, "zero");
	else
		emit_id_digits(e, np->comp[1], np->clen[1]);
}

void emit_version(struct en *e, const struct numparse *np)
{
	for (int c = 0; c < np->ncomp; c++) {
		if (c)
			emit(e, "point");
		if (c && np->clen[c] == 1 && np->comp[c][0] == '0')
			emit(e, "oh");           /* 5.0: "five point oh" */
		else
			emit_component(e, np->comp[c], np->clen[c]);
	}
}

/* "end trace 0000000000000000": one digit run eight times or more is said
 * by its count, "sixteen zeros", not sixteen "oh"s; 1 when said. */
static int digit_run(struct en *e, const char *s, size_t n)
{
	static const char *const plural[] = {"zeros", "ones", "twos", "threes", "fours",
					     "fives", "sixes", "sevens", "eights", "nines"};
	size_t same = 0;
	while (same < n && s[same] == s[0] && isdigit((unsigned char)s[0]))
		same++;
	if (same != n || n < 8 || n >= 100)
		return 0;
	char cnt[4];
	snprintf(cnt, sizeof cnt, "%zu", n);
	emit_numstr(e, cnt, strlen(cnt));
	emit(e, plural[s[0] - '0']);
	return 1;
}

/* An identifier's digits one by one, 0 as "oh": a bug number, a serial. */
void emit_id_digits(struct en *e, const char *s, size_t n)
{
	if (digit_run(e, s, n))
		return;
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '0')
			buf_puts(&b, b.len ? " oh" : "oh");
		else
			num_digits(&b, s + i, 1);
	}
	emit(e, b.data ? b.data : "");
	buf_free(&b);
}

/* Words after which a number and h is hexadecimal: "AMD family 15h", "offset 40h". */
static int hex_cue(const char *w)
{
	static const char *const cues[] = {
		"family", "families", "model", "models", "offset", "register", "address", "vector",
		"stepping", "leaf", "opcode", "port", "irq", "interrupt", "bit", "bits", "at", "fam",
	};
	for (size_t i = 0; w && i < ARRAY_LEN(cues); i++)
		if (strcasecmp(cues[i], w) == 0)
			return 1;
	return 0;
}

/* The second side of a range whose first was said hexadecimal, "family
 * 10h-19h": what was said before its number ends "H to"; and the next of a
 * list of them, "Family 15h and 16h", "Fam 17h, 19h or 1Ah": every number
 * with an h in the phrase is hexadecimal ("H and", "H, ", "H or"). */
static int hex_range_end(const struct en *e, int said)
{
	size_t k = e->out.len;
	if (said)
		while (k > 0 && e->out.data[k - 1] != ' ')     /* (the second side's number is said) */
			k--;
	while (k > 0 && e->out.data[k - 1] == ' ')
		k--;
	static const char *const ends[] = {" H to", " H and", " H or", " H,"};
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		size_t l = strlen(ends[i]);
		if (k >= l && memcmp(e->out.data + k - l, ends[i], l) == 0)
			return 1;
	}
	return 0;
}

/* Words after which k is kilobytes: "64k pages", "16k stacks". */
int memory_noun(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"page", "pages", "stack", "stacks", "block", "blocks", "sector", "sectors", "buffer",
		"buffers", "alignment", "chunk", "chunks", "mapping", "mappings", "folio", "folios",
	};
	return WORD_IN(nouns, s, n);
}

/* Nouns of things counted, not of memory: after a number with a scale
 * letter, "27M lines", "10M users", "2B devices", "100K commits", the letter
 * is the count's scale (million, billion, thousand), not a size ("512M of
 * RAM", "2M pages", "a 16M buffer" measure memory: pages, bytes and
 * buffers are not here, nor what a benchmark or a network sizes: "4K files",
 * "4K requests", "4K records", "4K keys", "4K entries", "64K packets"). */
static int scale_noun(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"lines", "commits", "changesets", "patches", "changes", "users", "people", "developers",
		"contributors", "downloads", "installs", "installations", "devices", "phones", "smartphones",
		"computers", "machines", "servers", "systems", "customers", "subscribers", "visitors", "views",
		"viewers", "players", "members", "rows", "queries", "transactions", "emails", "mails",
		"connections", "tests", "parameters", "tokens", "years", "dollars", "euros",
		"copies", "games", "apps", "applications", "repositories", "repos", "stars", "websites", "sites",
		"results", "benchmarks",
	};
	return WORD_IN(nouns, s, n);
}

/* Adjectives between a count and its noun: "800K new lines", "10M active
 * users", "1M monthly downloads". */
static const char *const count_adjectives[] = {
	"new", "active", "daily", "monthly", "weekly", "unique", "total", "additional", "more",
	"other", "registered", "paying", "concurrent", "individual", "changed", "added", "removed",
};

/* After a B the nouns are fewer: kernel text's "16B packets", "64B lines",
 * "8B entries" are sizes in bytes; people, their devices and money are not
 * ("2B devices", "1B users", "7B parameters"). */
static int billion_noun(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"users", "people", "devices", "phones", "smartphones", "computers", "customers", "subscribers",
		"visitors", "views", "viewers", "players", "downloads", "installs", "dollars", "euros", "years",
		"parameters", "transistors", "websites", "sites",
	};
	return WORD_IN(nouns, s, n);
}

/* Capitalised words that open a sentence before a size in bytes: "Each
 * 16B entry", "Use 8B alignment", "Reserve 4B for the tag". */
static const char *const size_words_before[] = {
	"each", "every", "the", "a", "an", "all", "only", "use", "uses", "using", "with", "for", "of",
	"in", "on", "at", "to", "by", "from", "and", "or", "both", "its", "these", "those", "this",
	"that", "per", "over", "under", "up", "about", "some", "any", "add", "adds", "allocate",
	"reserve", "align", "extra", "just", "than", "is", "are", "was", "were", "as", "into", "via",
	"first", "last", "next", "another", "one", "two", "max", "min", "size", "sizes",
};

/* The words of the kernel's memory lines after a size in K: "(18440K kernel
 * code, 2880K rwdata, 7228K rodata, 3284K init, 4852K bss, 418844K
 * reserved)", "16244520K/16663624K available": kilobytes. */
static int kb_noun(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"kernel", "rwdata", "rodata", "init", "bss", "reserved", "cma-reserved", "available",
		"highmem", "lowmem", "absent", "ram", "memory", "free", "used", "total",
	};
	return WORD_IN(nouns, s, n);
}

/* Words after which 10M, 100M, 1000M are a link's speed: its modes
 * ("10M half duplex", "1000M speeds") and words of grammar ("for 100M
 * and 10M", "at 100M on"). */
static int speed_word(const char *s, size_t n)
{
	static const char *const words[] = {
		"half", "full", "duplex", "speed", "speeds", "mode", "modes", "and", "or", "to", "at", "on",
		"in", "for", "with", "is", "are", "was", "only", "too",
	};
	return WORD_IN(words, s, n);
}

/* Words after which 2G to 6G is a generation of mobile networks: "5G modem". */
static int cellular_noun(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"modem", "modems", "cellular", "nr", "wwan", "phone", "phones", "connectivity", "module",
		"modules", "code", "support", "band", "bands", "coverage", "sa", "nsa", "lte", "radio",
	};
	return WORD_IN(nouns, s, n);
}

/* Words after which G, M, T count bits: "10G links", "25G NICs". */
int network_noun_at(const char *s, size_t n)
{
	static const char *const nouns[] = {
		"link", "links", "ethernet", "nic", "nics", "port", "ports", "network", "networks",
		"networking", "interface", "interfaces", "card", "cards", "adapter", "adapters",
		"switch", "switches", "sfp", "uplink", "uplinks", "lan", "wan", "connection", "connections",
	};
	return WORD_IN(nouns, s, n);
}

/*
 * The number shapes no rule of speech_class.c claims, for a whole token or
 * a part of one: says s when it starts with a number (or "v" and a number, a currency
 * symbol and a number, "#" and a number): versions, decimals, units,
 * ordinals, plurals, ranges. Returns 1 when s was said.
 */
static void dim_side(struct en *e, const char *s, size_t n);

int say_number_shape(struct en *e, const char *s, size_t n, int flags)
{
	const struct currency *cur = NULL;
	size_t k = 0;
	int version = 0;
	/* "v3", "V7" a version; a capital V before three digits or more is a
	   model's letter and its number (FirePro V7900, Tesla V100, NEC V850):
	   no series counts its versions so far */
	/* "Neoverse V3", "Spectre V1", "Wolverine V2": a capital V and a digit
	   or two after a product's name (a capital, then small letters, not
	   opening the sentence) is its letter and number, as "Cortex X4" is;
	   "Patch V3", "Version V2", "GIC V3" and "v3" stay versions */
	static const char *const ver_words[] = {"version", "versions", "revision", "rev", "release", "draft", "series",
						"spec", "specification", "edition", "board", "protocol"};
	size_t prevlen = strlen(e->prev);
	int core_v = s[0] == 'V' && n >= 2 && n <= 3 && all_digit(s + 1, n - 1) && (flags & F_TOKEN) && !e->prev_first &&
		     product_name(e->prev, prevlen) && !series_word(e->prev, prevlen) && !WORD_IN(ver_words, e->prev, prevlen);
	/* "V30", "V60", "V90": a capital V and a round ten from thirty is a
	   card's video speed class (SD's V30, V60, V90) or a product's letter
	   and number (LG V60, Volvo V90), no version (kinds38); "PATCH V30",
	   "version V40" stay versions */
	int round_v = s[0] == 'V' && n == 3 && s[1] >= '3' && s[1] <= '9' && s[2] == '0' && (flags & F_TOKEN) &&
		      !WORD_IN(ver_words, e->prev, prevlen) && strcasecmp(e->prev, "patch") != 0;
	if (n >= 2 && (s[0] == 'v' || s[0] == 'V') && isdigit((unsigned char)s[1]) && (flags & F_START) && !core_v && !round_v &&
	    !(s[0] == 'V' && s[1] != '0' && n >= 4 && all_digit(s + 1, n - 1))) {
		version = 1;
		k = 1;
	} else if (n >= 2 && s[0] == '#' && isdigit((unsigned char)s[1])) {
		emit(e, "number");
		if (n - 1 >= 5 && all_digit(s + 1, n - 1))
			emit_id_digits(e, s + 1, n - 1);     /* a bug number: #1063422 */
		else
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
	} else if (n >= 4 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B') && (s[2] == '0' || s[2] == '1')) {
		/* "0b1111", "0b1010_0000": a binary number, "binary one-one-one-one",
		 * its digits one by one (no "eleven eleven"), a "_" between groups
		 * not said */
		size_t j = 2;
		while (j < n && (s[j] == '0' || s[j] == '1' || (s[j] == '_' && j + 1 < n && s[j - 1] != '_')))
			j++;
		if (j != n || s[n - 1] == '_')
			return 0;
		decide(e, "number", "0b and binary digits: a binary number, its digits one by one");
		emit(e, "binary");
		spell(e, s + 2, n - 2, 0);
		return 1;
	} else if ((cur = currency_at(s, n, &k, 0)) != NULL) {
		if (k >= n || !isdigit((unsigned char)s[k]))
			return 0;
	}
	if (k >= n || !isdigit((unsigned char)s[k]))
		return 0;
	if (!version && !cur && n == 5 && memcmp(s, "802", 3) == 0 && all_digit(s, n) && s[3] != '0') {
		emit_model(e, s, n);     /* 80211 after a symbol: "{nl,mac}80211" */
		return 1;
	}
	/* 8250_omap, 8250_dw: a chip's number before the rest of a lower-case
	 * identifier names the chip, "eighty-two fifty O-M-A-P" (a power of two,
	 * 4096_pages, stays a count) */
	if (!version && !cur && s[0] != '0') {
		size_t d = 0;
		while (d < n && isdigit((unsigned char)s[d]))
			d++;
		long long dv = d >= 3 && d <= 5 ? (long long)num_parse(s, d) : 0;
		if (dv && (dv & (dv - 1)) != 0 && d + 1 < n && s[d] == '_' && islower((unsigned char)s[d + 1])) {
			emit_model(e, s, d);
			say_core(e, s + d + 1, n - d - 1, F_START | F_PART);
			return 1;
		}
	}
	/* "imx95-19x19-evk", "lcd-800x480", "ath10k-4x4": a part of a name
	 * that is two sides glued by an x is a size, "nineteen by nineteen", as
	 * a token of its own is (m_dimension), not "nineteen X nineteen" */
	if (!(flags & F_TOKEN) && !version && !cur && s[0] != '0') {
		size_t d = 0;
		while (d < n && isdigit((unsigned char)s[d]))
			d++;
		if (d <= 4 && d + 1 < n && n - d - 1 <= 4 && s[d] == 'x' && s[d + 1] != '0' && all_digit(s + d + 1, n - d - 1)) {
			decide(e, "dimensions", "a part of a name: two sides glued by an x");
			dim_side(e, s, d);
			emit(e, "by");
			dim_side(e, s + d + 1, n - d - 1);
			return 1;
		}
	}
	/* (but "recv-16384", "rmem_65536": a power of two is a size in a
	 * benchmark's or a setting's label, said as a number) */
	if (!(flags & F_TOKEN) && !version && !cur && n >= 5 && all_digit(s, n) &&
	    !(n <= 7 && s[0] != '0' && (num_parse(s, n) & (num_parse(s, n) - 1)) == 0)) {
		emit_id_digits(e, s, n);     /* a number inside a path or an identifier: stable/2799027 */
		return 1;
	}
	if (!version && !cur) {
		if (say_date(e, s, n) || say_time(e, s, n))
			return 1;
	}
	struct numparse np;
	parse_number(s + k, n - k, &np);
	const char *r = np.rest;
	size_t rl = np.restlen;
	if (version && rl && isalpha((unsigned char)r[0]) && np.ncomp == 1)
		return 0;        /* v4l2: a name with a v in it, not a version */
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
	const struct unit *per = NULL;
	if (rl && (u = find_unit(r, rl, 0)) == NULL)
		u = find_unit_per(r, rl, 0, &per);     /* 5m/s, 3g/cm3 */
	/* "5.4X faster", "a 2.5X advantage", "4X more tokens": a capital X after
	 * a decimal, or after a small count before a word a multiplier stands
	 * before, is "times" as the small x is ("7700X", "a 4X drive" stay) */
	if (!u && !cur && !version && rl == 1 && r[0] == 'X' && (flags & F_TOKEN) &&
	    ((np.ncomp == 2 && np.clen[0] <= 3 && np.clen[1] <= 2) ||
	     (np.ncomp == 1 && v > 1 && v < 100 && e->next && e->nextn > 3 && islower((unsigned char)e->next[0]) &&
	      (strncmp(e->next + e->nextn - 2, "er", 2) == 0 || (e->nextn == 4 && strncmp(e->next, "more", 4) == 0) ||
	       (e->nextn == 4 && strncmp(e->next, "less", 4) == 0)))))
		u = find_unit("x", 1, 0);
	/* "128L TLC", "176L NAND": layers of flash glued to an L before the
	 * kind of cells they stack, "one hundred twenty-eight layer", not
	 * litres ("50L of water" stays) */
	static const char *const flash_kinds[] = {"TLC", "MLC", "QLC", "SLC", "PLC", "NAND", "3D", "flash", "V-NAND"};
	if (!version && !cur && np.ncomp == 1 && !np.commas && rl == 1 && r[0] == 'L' && v > 1 && e->next &&
	    WORD_IN(flash_kinds, e->next, e->nextn)) {
		decide(e, "measure", "a count glued to an L before a kind of flash: its layers");
		emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, "layer");
		return 1;
	}

	/* "27M+ lines of code", "10M users", "2B devices", "100K lines",
	 * "1.5M downloads": a number with a scale letter (k, K, M, B; a plus
	 * after it for "more than") before a noun of things counted is a
	 * count, "twenty-seven million plus lines", not a size in bytes */
	const char *cn = e->next;        /* the counted noun, after one adjective of counts: "800K new lines" */
	size_t cnn = e->nextn;
	if (cn && cnn && WORD_IN(count_adjectives, cn, cnn) && e->joined && cn[cnn] == ' ') {
		const char *h = cn + cnn;
		while (*h == ' ')
			h++;
		size_t hn = 0;
		while (isalpha((unsigned char)h[hn]))
			hn++;
		cn = h;
		cnn = hn;
	}
	/* (but "4K", "8K" in capitals, alone, name a display's resolution,
	   "for 4K benchmarks", "8K games": four K, not a count of thousands,
	   which news writes 4,000) */
	int resolution = np.ncomp == 1 && rl == 1 && r[0] == 'K' && np.clen[0] == 1 &&
	                 (np.comp[0][0] == '4' || np.comp[0][0] == '8');
	if (!version && !cur && (flags & F_TOKEN) && (np.ncomp == 1 || np.ncomp == 2) && !np.commas && !resolution &&
	    (rl == 1 || (rl == 2 && r[1] == '+')) && strchr("kKMB", r[0]) &&
	    (r[0] == 'B' ? billion_noun(cn, cnn) : scale_noun(cn, cnn))) {
		decide(e, "cardinal", "a number with a scale letter before a noun of things counted: a count");
		if (np.ncomp == 2)
			emit_decimal(e, &np);
		else
			emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, r[0] == 'M' ? "million" : r[0] == 'B' ? "billion" : "thousand");
		if (rl == 2)
			emit(e, "plus");
		return 1;
	}
	/* "Raspberry Pi 4B", "Radxa ROCK 5B", "the Rock 4B": one or two digits
	 * and a B after a capitalised name are a board's model and its
	 * letter, "four B", not bytes; a size in bytes follows a word of the
	 * sentence ("Each 16B entry", "Use 8B alignment", "for 9B packets") */
	if (!version && !cur && (flags & F_TOKEN) && np.ncomp == 1 && !np.commas && rl == 1 && r[0] == 'B' &&
	    np.clen[0] <= 2 && v >= 1 && e->prev[0] && isupper((unsigned char)e->prev[0]) && e->prev[1] &&
	    all_alpha(e->prev, strlen(e->prev)) && !WORD_IN(size_words_before, e->prev, strlen(e->prev))) {
		decide(e, "model", "one or two digits and a B after a capitalised name: a board's model and its letter");
		emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, "B");
		return 1;
	}
	/* "CPUID.80000001H", "leaf 80000008h": a long number with an h is
	 * Intel's way of writing a hexadecimal value (a CPUID leaf, an MSR),
	 * its digits one by one, "eight-zero-zero-...-one H", not "eighty
	 * million one"; a capital H always, a small h after a word of registers
	 * ("10000h" alone is hours) */
	if (!version && !cur && n >= 6 && (s[n - 1] == 'H' || s[n - 1] == 'h')) {
		size_t x = 0;
		while (x < n - 1 && isxdigit((unsigned char)s[x]))
			x++;
		int cue = hex_cue(e->prev) || strcasecmp(e->prev, "cpuid") == 0;
		if (x == n - 1 && (cue || (s[n - 1] == 'H' && all_digit(s, x)))) {
			decide(e, "hex", "a long number with an h: a hexadecimal value, its digits one by one");
			spell(e, s, x, 0);
			emit(e, "H");
			return 1;
		}
	}
	/* "18440K kernel code", "Memory: 16244520K/16663624K available",
	 * "memory: 2880K": a size before a word of the memory lines, or after
	 * "memory", is kilobytes (not a model's "eighteen four forty K") */
	if (!version && !cur && np.ncomp == 1 && rl == 1 && r[0] == 'K' && v >= 0 && np.clen[0] <= 9 &&
	    (kb_noun(e->next, e->nextn) || strncasecmp(e->prev, "memory", 6) == 0 ||
	     (e->out.len >= 16 && memcmp(e->out.data + e->out.len - 16, "kilobytes slash ", 16) == 0))) {
		decide(e, "measure", "a size in K on a memory line: kilobytes");
		emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, v == 1 ? "kilobyte" : "kilobytes");
		return 1;
	}
	/* "Slim 7x", "Armada 38x SoC": a number with an x after a capitalised
	 * product word (not the sentence's first) is the model's number and
	 * its letter, "seven X"; before a comparative or a determiner it stays
	 * a multiplier ("Intel 5x more", "Roughly 7x faster") */
	/* and four digits, no round hundred, after such a word or after a
	 * tier's digit: "Threadripper 3970x", "Ryzen 9 5950x" (the writer's
	 * small x of the model's X) */
	int tier_x = v >= 1000 && v < 10000 && v % 100 && np.clen[0] == 4 && isdigit((unsigned char)e->prev[0]) &&
		     !e->prev[1];
	if (!version && !cur && np.ncomp == 1 && rl == 1 && r[0] == 'x' && (flags & F_TOKEN) && v > 0 &&
	    (v < 1000 || (v < 10000 && v % 100 && np.clen[0] == 4)) &&
	    (tier_x || (isupper((unsigned char)e->prev[0]) && e->prev[1] && all_alpha(e->prev, strlen(e->prev)))) &&
	    /* the sentence's first word too when it is no common English word
	       in small letters: "Armada 38x boards", not "Roughly 7x" */
	    (!e->prev_first || !words_common(e->prev, strlen(e->prev), 35))) {
		static const char *const mult[] = {
			"the", "that", "this", "its", "their", "as", "more", "less", "fewer", "over", "than",
			"speedup", "improvement", "increase", "reduction", "boost", "slowdown", "overhead",
		};
		int m = 0;
		for (size_t i = 0; e->next && i < ARRAY_LEN(mult); i++)
			m = m || (strlen(mult[i]) == e->nextn && strncasecmp(mult[i], e->next, e->nextn) == 0);
		if (e->next && e->nextn > 3 && islower((unsigned char)e->next[0]) &&
		    strncmp(e->next + e->nextn - 2, "er", 2) == 0)
			m = 1;     /* "faster", "slower", "better", "bigger" */
		if (!m) {
			decide(e, "model", "a number and x after a capitalised product word: a model");
			if (v >= 1000)
				emit_model(e, np.comp[0], np.clen[0]);
			else
				emit_numstr(e, np.comp[0], np.clen[0]);
			emit(e, "X");
			return 1;
		}
	}
	/* "family 1Ah", "Fam 19h and 1Ah": the hexadecimal digits go on in
	 * capitals before the h, "one A H" (not "one ah") */
	if (!version && !cur && np.ncomp == 1 && rl >= 2 && r[rl - 1] == 'h' &&
	    (hex_cue(e->prev) || hex_range_end(e, 0))) {
		size_t x = 0;
		while (x < rl - 1 && r[x] >= 'A' && r[x] <= 'F')
			x++;
		if (x == rl - 1) {
			emit_numstr(e, np.comp[0], np.clen[0]);
			spell(e, r, x, 0);
			emit(e, "H");
			return 1;
		}
	}

	/* 1000BASE-T, 2500base-x, 10GBASE-R: Ethernet by its speed, "twenty-five hundred base X" */
	if (!version && !cur && np.ncomp == 1 && v > 0 && v < 100000 && rl >= 4 && strncasecmp(r, "base", 4) == 0) {
		if (v % 1000 == 0 && v < 10000 && v / 1000 == 1)
			emit(e, "thousand");
		else if (v == 100)
			emit(e, "hundred");
		else if (v % 100 == 0 && v < 10000 && v % 1000 != 0) {
			emit_num(e, (unsigned long long)(v / 100));
			emit(e, "hundred");
		} else
			emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, "base");
		size_t t = 4 + (rl > 4 && r[4] == '-');
		if (t < rl)
			spell(e, r + t, rl - t, 0);
		return 1;
	}
	if (!version && !cur && np.ncomp == 1 && v > 0 && v < 1000 && rl >= 5 && (r[0] == 'G' || r[0] == 'g') &&
	    strncasecmp(r + 1, "base", 4) == 0) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, "G base");
		size_t t = 5 + (rl > 5 && r[5] == '-');
		if (t < rl)
			spell(e, r + t, rl - t, 0);
		return 1;
	}
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

	/* 99.9th percentile: "ninety-nine point ninth" */
	if (!version && !cur && np.ncomp == 2 && rl == 2 && strncasecmp(r, "th", 2) == 0 && np.clen[1] <= 3) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		emit(e, "point");
		if (np.clen[1] > 1)
			emit_id_digits(e, np.comp[1], np.clen[1] - 1);
		emit_ordinal(e, (unsigned long long)(np.comp[1][np.clen[1] - 1] - '0'));
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
		/* (and the second day of "May 21 - 22", after the range's dash) */
		if ((m || e->day_range) && v >= 1 && v <= 31 && np.clen[0] <= 2)
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
	/* "CN- 235s", "FT- 990's": the plural of a model number after its letters */
	size_t pl = strlen(e->prev);
	if (v >= 10 && v < 10000 && ((rl == 1 && r[0] == 's') || (rl == 2 && r[0] == '\'' && r[1] == 's')) &&
	    pl >= 3 && e->prev[pl - 1] == '-' && all_upper(e->prev, pl - 1) && all_alpha(e->prev, pl - 1)) {
		struct buf b = {0};
		num_model(&b, np.comp[0], np.clen[0]);
		if (b.len && b.data[b.len - 1] == 'y') {
			b.data[--b.len] = 0;
			buf_puts(&b, "ies");
		} else if (b.len && b.data[b.len - 1] == 'x') {
			buf_puts(&b, "es");
		} else {
			buf_puts(&b, "s");
		}
		emit(e, b.data);
		buf_free(&b);
		return 1;
	}
	if (v >= 0 && ((rl == 1 && r[0] == 's') || (rl == 2 && r[0] == '\'' && r[1] == 's')) &&
	    v % 10 == 0 && v >= 10 && (v >= 100 || rl == 2) && (v < 2100 || v % 1000 == 0 || rl == 2)) {   /* 5400s: seconds */
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
	/* ax88179_178a, 178a: three or four digits and a letter are a chip's
	 * model, "one seventy-eight A" (a unit's letter, 178b, only inside an
	 * identifier; a power of two, buf_512b, stays a size) */
	if ((!u || !(flags & F_TOKEN)) && np.ncomp == 1 && !np.commas && v >= 100 && v < 10000 && rl == 1 &&
	    isalpha((unsigned char)r[0]) && (v & (v - 1)) != 0) {
		emit_model(e, np.comp[0], np.clen[0]);
		spell(e, r, 1, 0);
		return 1;
	}
	/* "the 0x prefix": hexadecimal's prefix alone, never "zero times" */
	if (u && rl == 1 && (r[0] == 'x' || r[0] == 'X') && np.ncomp == 1 && np.clen[0] == 1 && np.comp[0][0] == '0') {
		emit(e, "zero X");
		return 1;
	}
	/* "padded with 0s", "all 0s": zeros, not zero seconds (a duration is
	 * not filled with anything; "a timeout of 0s" stays) */
	if (u && !version && !cur && np.ncomp == 1 && np.clen[0] == 1 && np.comp[0][0] == '0' && rl == 1 &&
	    r[0] == 's' && (flags & F_TOKEN) &&
	    (strcasecmp(e->prev, "with") == 0 || strcasecmp(e->prev, "all") == 0)) {
		emit(e, "zeros");
		return 1;
	}
	/* "LARA-R6 00B", "01B": digits with a leading zero and a capital are
	 * a model's variant, no measure (a size is not written "00B") */
	if (u && !version && !cur && np.ncomp == 1 && np.clen[0] >= 2 && np.comp[0][0] == '0' && rl == 1 &&
	    isupper((unsigned char)r[0])) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		spell(e, r, 1, 0);
		return 1;
	}
	if (u) {
		emit_numstr(e, np.comp[0], np.clen[0]);
		/* "family 15h": hexadecimal, not hours */
		if (rl == 1 && r[0] == 'h' && (hex_cue(e->prev) || hex_range_end(e, 1))) {
			emit(e, "H");
			return 1;
		}
		/* "armada-8k", "armada_8k_cpufreq", "tlb_64k": a part of a name
		 * is a size class or a model's letter, "eight K", no count */
		if (rl == 1 && r[0] == 'k' && (flags & F_PART) && !(flags & F_TOKEN)) {
			emit(e, "K");
			return 1;
		}
		/* "64k pages": a size in kilobytes, "sixty-four K" */
		/* "a page size > 4k", "block size 16k": a power of two after "size" too;
		 * from 4 on, a power of two is a size (or a screen's K) wherever it
		 * stands: "alignment to 4k", "instead of 4k" */
		if (rl == 1 && r[0] == 'k' && (flags & F_TOKEN) &&
		    (memory_noun(e->next, e->nextn) || (v >= 4 && (v & (v - 1)) == 0) ||
		     (v >= 2 && (v & (v - 1)) == 0 && strcasecmp(e->prev, "size") == 0))) {
			emit(e, "K");
			return 1;
		}
		/* "5G modems", "4G network": a generation of mobile networks, "five G" */
		if (rl == 1 && r[0] == 'G' && v >= 2 && v <= 6 && (flags & F_TOKEN) && cellular_noun(e->next, e->nextn)) {
			emit(e, "G");
			return 1;
		}
		/* "10G links": a size letter before a word of networks counts bits */
		const char *bits = rl == 1 && (flags & F_TOKEN) && network_noun_at(e->next, e->nextn) ?
			(r[0] == 'G' ? "gigabit" : r[0] == 'M' ? "megabit" : r[0] == 'T' ? "terabit" : NULL) : NULL;
		/* "latency for 10M", "10M half duplex", "advertise 1000M speeds":
		 * 10, 100 or 1000 with an M and no B are Ethernet's speeds, in
		 * megabits (in the kernel's Documentation, 11 of the 12 are; a
		 * memory size in M is a power of two or a multiple of 64: "512M"),
		 * when nothing follows or a word of link modes or grammar does (a
		 * noun after it is what it measures: "malloc(100M) program", "10M
		 * users"), and it is no command's argument ("lvcreate -L 100M") nor
		 * the value echo writes into a file ("echo 10M > memory.reclaim",
		 * a size) */
		if (!bits && rl == 1 && r[0] == 'M' && (flags & F_TOKEN) && np.ncomp == 1 && !np.commas &&
		    (v == 10 || v == 100 || v == 1000) && e->prev[0] != '-' && strcasecmp(e->prev, "echo") != 0 &&
		    (!e->next || !e->nextn || speed_word(e->next, e->nextn)))
			bits = "megabit";
		if (bits) {
			emit(e, bits);
			return 1;
		}
		/* "32b systems", "a 6G file": a measure before a noun is said once */
		/* (a capitalised name after it too: "a 2TB Samsung 990 PRO", "a
		 * 16GB Raspberry Pi 5": the maker's product it measures) */
		/* (after "a huge", "an unprecedented" as after "a": "a huge 500W TDP") */
		int article = (strcasecmp(e->prev, "a") == 0 || strcasecmp(e->prev, "an") == 0 ||
			       (!e->prev_first && (strcasecmp(e->prev2, "a") == 0 || strcasecmp(e->prev2, "an") == 0) &&
				measure_adjective(e->prev2, strlen(e->prev2), e->prev, strlen(e->prev)))) && e->next &&
			      e->nextn > 1 && all_alpha(e->next, e->nextn) &&
			      (islower((unsigned char)e->next[0]) || (e->nextn <= 5 && all_upper(e->next, e->nextn)) ||
			       (isupper((unsigned char)e->next[0]) && islower((unsigned char)e->next[1])));
		/* "libsnmp45-32bit": a measure glued inside a name is its adjective */
		int inside = (flags & F_PART) && !(flags & F_TOKEN) && !per && rl >= 2;
		/* "24bit sample format", "64bit accesses": a unit written whole and
		   singular, glued to its number, is the adjective its writer wrote */
		int written_one = !per && rl >= 3 && strlen(u->one) == rl && strncasecmp(r, u->one, rl) == 0;
		/* "2MB huge pages", "64KB page size": a word that modifies a noun after it */
		int modifies = 0;
		if ((flags & F_TOKEN) && e->joined && e->next && e->nextn && e->next[e->nextn] == ' ') {
			const char *h = e->next + e->nextn;
			while (*h == ' ')
				h++;
			size_t hn = 0;
			while (isalpha((unsigned char)h[hn]))
				hn++;
			modifies = modifier_noun(e->next, e->nextn, h, hn);
		}
		/* "the 2MB page", "each 4KiB page": a determiner and a noun after, as
		   m_measure has them apart */
		/* (and before a name: "the 65W TDP", "its 16GB RTX 4060", "the new
		   2TB SSDs"; "the" and an adjective as "the" alone) */
		if ((flags & F_TOKEN) && e->joined &&
		    (measure_determiner(e->prev, strlen(e->prev)) ||
		     (!e->prev_first && measure_adjective(e->prev2, strlen(e->prev2), e->prev, strlen(e->prev)))) &&
		    (singular_noun(e->next, e->nextn) || measure_name(e->next, e->nextn)))
			modifies = 1;
		emit(e, v == 1 || inside || written_one ||
			(flags & F_TOKEN && (plural_noun(e->next, e->nextn) || article || modifies)) ? u->one : u->many);
		if (per) {
			emit(e, "per");
			emit(e, per->one);
		}
		return 1;
	}
	/* 7950X, 12700K, 5800X3D, 2080Ti: a model number and its letters (a
	 * size in a power of two, "2048K", stays a count); three digits take
	 * two capitals or three, a processor's "486DX2", "386SX", "486SLC"
	 * (one capital stays a count's: "720P", "3D") */
	int three = v >= 100 && v < 1000 && np.clen[0] == 3 && rl >= 2 && isupper((unsigned char)r[1]) &&
		    !(rl == 3 && islower((unsigned char)r[2]));
	if ((v >= 1000 || three) && v < 100000 && np.ncomp == 1 && !np.commas && rl <= 3 && isupper((unsigned char)r[0]) &&
	    (v & (v - 1)) != 0) {
		int ok = 1;
		for (size_t q = 1; q < rl; q++)
			if (!isalnum((unsigned char)r[q]))
				ok = 0;
		if (ok) {
			emit_model(e, np.comp[0], np.clen[0]);
			say_core(e, r, rl, F_PART);
			return 1;
		}
	}
	/* 49-30-4, 555-123-4567: three numbers or more joined by hyphens are a
	 * score, a record or a code, not a range: each said in turn, digit by digit
	 * when a group has three digits or more; so are two when the first has
	 * three digits or more with a leading zero and the second another width
	 * ("sheet 090-96": a range padded with zeros pads both ends, "0001-0003"),
	 * or when the second alone has a leading zero ("123456-001") */
	if (!version && !cur && !u && np.ncomp == 1 && !np.commas && rl >= 2 && r[0] == '-') {
		size_t q = 0, groups = 1, widest = np.clen[0];
		while (q < rl && r[q] == '-' && q + 1 < rl && isdigit((unsigned char)r[q + 1])) {
			size_t g = ++q;
			while (q < rl && isdigit((unsigned char)r[q]))
				q++;
			groups++;
			if (q - g > widest)
				widest = q - g;
		}
		/* (nor is a range's end alone padded: "123456-001", "88-07") */
		int serial = groups == 2 && ((np.clen[0] >= 3 && np.comp[0][0] == '0' && rl - 1 != np.clen[0]) ||
					     (np.comp[0][0] != '0' && rl >= 3 && r[1] == '0'));
		if (q == rl && (groups >= 3 || serial)) {
			decide(e, "number", serial ? "a number with a leading zero and another joined by a hyphen: a code, said in turn" :
			       "three numbers or more joined by hyphens: a score or a code, said in turn");
			const char *g = np.comp[0];
			size_t gl = np.clen[0];
			for (;;) {
				if (widest >= 3)
					emit_id_digits(e, g, gl);
				else
					emit_numstr(e, g, gl);
				if (g + gl >= r + rl)
					break;
				punct(e, ',');
				g += gl + 1;
				gl = strspn(g, "0123456789");
				if (g + gl > r + rl)
					gl = (size_t)(r + rl - g);
			}
			return 1;
		}
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
		if (per) {
			emit(e, "per");
			emit(e, per->one);
		}
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
	if (r[0] == '-' || (rl >= 3 && memcmp(r, "\xe2\x80\x93", 3) == 0)) {   /* - or en dash */
		size_t skip = r[0] == '-' ? 1 : 3, dg = skip;
		while (dg < rl && isdigit((unsigned char)r[dg]))
			dg++;
		if (r[0] == '-' && np.ncomp >= 2 && dg > skip && dg < rl &&
		    (r[dg] == '-' || (islower((unsigned char)r[dg]) && !find_unit(r + dg, rl - dg, 0)) ||
		     (r[dg] == '.' && dg + 2 < rl && islower((unsigned char)r[dg + 1]) &&
		      isalnum((unsigned char)r[dg + 2])) ||
		     (r[dg] == '.' && dg + 1 < rl && isdigit((unsigned char)r[dg + 1]) &&
		      dg + 1 + strspn(r + dg + 1, "0123456789") + 1 < rl &&
		      r[dg + 1 + strspn(r + dg + 1, "0123456789")] == '-' &&
		      islower((unsigned char)r[dg + 2 + strspn(r + dg + 1, "0123456789")])))) {
			/* 6.1.0-13-amd64, 4.6.3-1ubuntu5: a package's revision
			 * after its version, no range: "dash thirteen"; so is one
			 * with a distribution's tag after a dot, 1.11.0-2.el7,
			 * 1.16.3-1.fc39, and an ABI and upload number before a flavour,
			 * Ubuntu's 5.19.0-26.27-generic (a range's end is a number,
			 * 5.10-5.15, or a series, 2.6.32-5.x) */
			emit(e, "dash");
			say_core(e, r + skip, rl - skip, F_START);
			return 1;
		}
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
	if (rl >= 2 && r[0] == '=') {   /* spectre_v2=off, l1d=1: an assignment, its value after the number */
		emit(e, "equals");
		say_core(e, r + 1, rl - 1, F_PART);
		return 1;
	}
	if (r[0] == '.' && rl > 1 && isalpha((unsigned char)r[1])) {   /* 5.15.y; head_64.S */
		/* 5.x, 6.1.y: a series of versions */
		int series = (rl == 2 || (rl == 4 && r[2] == '.' && strchr("xyz", r[3]))) && strchr("xyz", r[1]);
		if (series && rl == 4) {        /* 5.x.y */
			emit(e, "point");
			spell(e, r + 1, 1, 0);
			emit(e, "point");
			spell(e, r + 3, 1, 0);
			return 1;
		}
		emit(e, np.ncomp >= 2 || series ? "point" : "dot");
		say_core(e, r + 1, rl - 1, F_PART);
		return 1;
	}
	say_core(e, r, rl, F_PART);
	return 1;
}

/* ---- the verbalisers of the classes ---- */

static void say_decimal_str(struct en *e, const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);
	if (!dot) {
		emit_numstr(e, s, n);
		return;
	}
	if (dot > s)
		emit_numstr(e, s, (size_t)(dot - s));
	emit(e, "point");
	size_t fl = n - (size_t)(dot - s) - 1;
	if (fl == 1 && dot[1] == '0')
		emit(e, "zero");                                     /* 3.0 ft: "three point zero" */
	else
		emit_id_digits(e, dot + 1, fl);                      /* 2.06: "two point oh six" */
}

static int is_one(const char *s, size_t n)
{
	return n == 1 && s[0] == '1';
}

static void v_serial(struct en *e, const struct match *m)
{
	if (digit_run(e, m->a, m->alen))
		return;
	struct buf b = {0};
	for (size_t i = 0; i < m->alen; i++) {
		if (m->a[i] == '0')
			buf_puts(&b, b.len ? " oh" : "oh");    /* a digit of a serial, as in a phone number */
		else if (isdigit((unsigned char)m->a[i]))
			num_digits(&b, m->a + i, 1);
		else if (m->a[i] == 'X' || m->a[i] == 'x')
			buf_puts(&b, b.len ? " X" : "X");
		else if (m->a[i] == '.')
			buf_puts(&b, " dot");       /* DOI 10.1007/978-...: "one oh dot one oh oh seven slash" */
		else if (m->a[i] == '/')
			buf_puts(&b, " slash");
		size_t j = i + 1;
		while (j < m->alen && m->a[j] == ' ')     /* "0 - 486": spaced hyphens */
			j++;
		if (isdigit((unsigned char)m->a[i]) && j < m->alen && (m->a[j] == '-' || m->a[j] == ')'))
			buf_putc(&b, ',');     /* "(555) 123-4567": a telephone's area code */
	}
	emit(e, b.data ? b.data : "");
	buf_free(&b);
}

static void v_money(struct en *e, const struct match *m)
{
	const char *dot = memchr(m->a, '.', m->alen);
	if (dot && !m->scale && m->alen - (size_t)(dot - m->a) - 1 == 2) {
		/* $1.50: one dollar and fifty cents */
		size_t wl = (size_t)(dot - m->a);
		/* "$0.36": no dollars, "thirty-six cents" */
		int cents_only = wl == 1 && m->a[0] == '0' && num_parse(dot + 1, 2) > 0 &&
				 strcmp(m->cur->many, "dollars") == 0;
		if (cents_only) {
			emit_numstr(e, dot + 1 + (dot[1] == '0'), dot[1] == '0' ? 1 : 2);
			emit(e, num_parse(dot + 1, 2) == 1 ? "cent" : "cents");
			return;
		}
		emit_numstr(e, m->a, wl);
		emit(e, is_one(m->a, wl) ? m->cur->one : m->cur->many);
		if (num_parse(dot + 1, 2) > 0 && strcmp(m->cur->many, "dollars") == 0) {
			emit(e, "and");
			emit_numstr(e, dot + 1 + (dot[1] == '0'), dot[1] == '0' ? 1 : 2);
			emit(e, num_parse(dot + 1, 2) == 1 ? "cent" : "cents");
		} else if (num_parse(dot + 1, 2) > 0) {
			emit_numstr(e, dot + 1 + (dot[1] == '0'), dot[1] == '0' ? 1 : 2);
		}
		return;
	}
	say_decimal_str(e, m->a, m->alen);
	if (m->scale)
		emit(e, m->scale);
	emit(e, (is_one(m->a, m->alen) && !m->scale) || m->adjective ? m->cur->one : m->cur->many);
}

static void v_year_range(struct en *e, const struct match *m)
{
	emit_year(e, (unsigned)m->y1);
	emit(e, "to");
	if (m->say)          /* "1998–present" */
		emit(e, m->say);
	else if (m->short2 && m->y2 % 100 >= 10)
		emit_num(e, (unsigned)(m->y2 % 100));
	else
		emit_year(e, (unsigned)m->y2);
}

static void v_fraction(struct en *e, const struct match *m)
{
	static const char *const said[][2] = {
		{"a half", "and a half"}, {"a quarter", "and a quarter"},
		{"three quarters", "and three quarters"}, {"a third", "and a third"},
		{"two thirds", "and two thirds"}, {"an eighth", "and an eighth"},
	};
	/* the parts a whole is cut into, for "1/3 of the patches": one and many */
	static const char *const parts[][2] = {
		{"", ""}, {"", ""}, {"half", "halves"}, {"third", "thirds"}, {"quarter", "quarters"},
		{"fifth", "fifths"}, {"sixth", "sixths"}, {"seventh", "sevenths"}, {"eighth", "eighths"},
		{"ninth", "ninths"}, {"tenth", "tenths"},
	};
	if (m->say) {               /* "a 1/4 mile": "a quarter mile" */
		emit(e, m->say);
		return;
	}
	if (m->value) {             /* 1/3: "one third"; 2/3: "two thirds" */
		emit_num(e, (unsigned long long)m->value);
		emit(e, parts[m->frac][m->value > 1]);
	} else if (m->alen) {
		emit_numstr(e, m->a, m->alen);
		emit(e, said[m->frac][1]);
	} else {
		emit(e, said[m->frac][0]);
	}
}

static void v_number_sign(struct en *e, const struct match *m)
{
	emit(e, "number");
	emit_numstr(e, m->a, m->alen);
}

static void v_measure(struct en *e, const struct match *m)
{
	if (m->coord) {     /* 42°21′N: "forty-two degrees twenty-one minutes north" */
		say_decimal_str(e, m->a, m->alen);
		emit(e, is_one(m->a, m->alen) ? "degree" : "degrees");
		if (m->mins) {     /* "03′": three minutes */
			int z = m->minslen > 1 && m->mins[0] == '0' && isdigit((unsigned char)m->mins[1]);
			say_decimal_str(e, m->mins + z, m->minslen - (size_t)z);
			emit(e, is_one(m->mins, m->minslen) ? "minute" : "minutes");
		}
		if (m->secs) {
			int z = m->secslen > 1 && m->secs[0] == '0' && isdigit((unsigned char)m->secs[1]);
			say_decimal_str(e, m->secs + z, m->secslen - (size_t)z);
			emit(e, is_one(m->secs, m->secslen) ? "second" : "seconds");
		}
		if (m->hemi)
			emit(e, m->hemi);
		return;
	}
	if (m->sign)
		emit(e, m->sign);
	say_decimal_str(e, m->a, m->alen);
	if (m->blen) {              /* 3.2-4.6 GHz */
		emit(e, m->slash ? "slash" : "to");
		say_decimal_str(e, m->b, m->blen);
	}
	if (m->plus)
		emit(e, "plus");
	if (m->square && m->unit)
		emit(e, "square");
	if (m->unit)     /* (none in "797.1/km²": a number per a unit) */
		emit(e, (is_one(m->a, m->alen) && !m->plus && !m->blen) || m->adjective ? m->unit->one : m->unit->many);
	if (m->after) {     /* 5'11": the inches after the feet */
		emit_numstr(e, m->after, m->afterlen);
		emit(e, is_one(m->after, m->afterlen) ? "inch" : "inches");
	}
	if (m->per) {
		emit(e, "per");
		if (m->square && !m->unit)   /* "210.3/sq mi": per square mile */
			emit(e, "square");
		emit(e, m->per->one);
	}
}

static void v_ratio(struct en *e, const struct match *m)
{
	emit_numstr(e, m->a, m->alen);
	emit(e, "to");
	emit_numstr(e, m->b, m->blen);
}

static void v_year(struct en *e, const struct match *m)
{
	emit_year(e, (unsigned)m->y1);
}

static void v_cardinal(struct en *e, const struct match *m)
{
	if (m->sign)
		emit(e, m->sign);
	if (m->a && memchr(m->a, '.', m->alen))
		say_decimal_str(e, m->a, m->alen);
	else if (m->a)
		emit_numstr(e, m->a, m->alen);
	else
		emit_num(e, (unsigned long long)m->y1);
	if (m->plus)
		emit(e, "plus");
	if (m->say)         /* "nr_task: 8t": "eight tasks" */
		emit(e, m->say);
}

static void v_decimal(struct en *e, const struct match *m)
{
	say_decimal_str(e, m->a, m->alen);
}

int say_protocol(struct en *e, const char *s, size_t n)
{
	size_t pl = protocol_prefix(s, n), k = pl;
	if (!pl)
		return 0;
	int v = s[k] == 'v' || s[k] == 'V';
	k += (size_t)v;
	const char *a = s + k;
	size_t al = n - k;
	int glued = al >= 2 && al <= 3 && all_digit(a, al);
	int dotted = v && al >= 3 && al % 2 && al <= 5;     /* 4.2, 3.1.1 */
	for (size_t i = 0; dotted && i < al; i++)
		dotted = i % 2 ? a[i] == '.' : isdigit((unsigned char)a[i]);
	if (!glued && !dotted && !(v && al == 1 && isdigit((unsigned char)a[0])))
		return 0;
	spell(e, s, pl, 0);
	if (v)
		emit(e, "version");
	for (size_t i = 0, d = 0; i < al; i++) {
		if (a[i] == '.')
			continue;
		if (d++)
			emit(e, "point");
		if (d > 1 && a[i] == '0')
			emit(e, "oh");
		else
			emit_numstr(e, a + i, 1);
	}
	return 1;
}

static void v_version(struct en *e, const struct match *m)
{
	if (m->blen) {          /* "NFSv42", "smb311": the protocol, then one digit a part */
		say_protocol(e, m->b, (size_t)(m->a + m->alen - m->b));
		return;
	}
	const char *dot = memchr(m->a, '.', m->alen);
	size_t xl = (size_t)(dot - m->a), yl = m->alen - xl - 1;
	emit_numstr(e, m->a, xl);
	emit(e, "point");
	if (yl > 1 && dot[1] == '0') {
		emit(e, "oh");
		emit_numstr(e, dot + 2, yl - 1);
	} else if (yl == 1 && dot[1] == '0') {
		emit(e, "oh");
	} else {
		emit_numstr(e, dot + 1, yl);
	}
}

static void v_model(struct en *e, const struct match *m)
{
	struct buf b = {0};
	if (m->blen)
		spell(e, m->b, m->blen, 0);
	if (m->genlen) {        /* "DDR5X": the letters, the generation, its X */
		size_t i = 0;
		while (i < m->genlen && !isdigit((unsigned char)m->gen[i]))
			i++;
		spell(e, m->gen, i, 0);
		size_t d = i;
		while (d < m->genlen && isdigit((unsigned char)m->gen[d]))
			d++;
		emit_numstr(e, m->gen + i, d - i);
		if (d < m->genlen)
			spell(e, m->gen + d, m->genlen - d, 0);
	}
	/* a chip's five digits standing alone with a zero in the middle: 68020
	 * "sixty-eight oh twenty", 21066 "twenty-one oh sixty-six" (inside an
	 * identifier, max98090, they stay digit by digit) */
	if (m->alen == 5 && all_digit(m->a, 5) && m->a[0] != '0' && m->a[2] == '0' && m->a[3] != '0') {
		num_cardinal(&b, (unsigned long long)num_parse(m->a, 2));
		buf_puts(&b, " oh");
		num_cardinal(&b, (unsigned long long)num_parse(m->a + 3, 2));
	} else {
		num_model(&b, m->a, m->alen);
	}
	if (m->plural && b.len && b.data[b.len - 1] == 'y') {    /* "nine nineties" */
		b.data[--b.len] = 0;
		buf_puts(&b, "ies");
	} else if (m->plural && b.len && b.data[b.len - 1] == 'x') {
		buf_puts(&b, "es");
	} else if (m->plural) {
		buf_puts(&b, "s");
	}
	emit(e, b.data);
	buf_free(&b);
	if (m->letterslen)
		spell(e, m->letters, m->letterslen, 0);
	if (m->plus)           /* "Xeon 8592+": the model's plus */
		emit(e, "plus");
	if (m->afterlen && m->list) {       /* "8250/16550": each model after its slash */
		const char *q = m->after, *end = m->after + m->afterlen;
		while (q < end) {
			const char *sl = memchr(q, '/', (size_t)(end - q));
			size_t k = sl ? (size_t)(sl - q) : (size_t)(end - q);
			struct buf c = {0};
			num_model(&c, q, k);
			emit(e, "slash");
			emit(e, c.data);
			buf_free(&c);
			q += k + (sl != NULL);
		}
	} else if (m->afterlen) {
		emit(e, "slash");
		emit_numstr(e, m->after, m->afterlen);
	}
}

/* "# 3.3.x" after a trailer: the comment marker is a pause */
static void v_comment(struct en *e, const struct match *m)
{
	(void)m;
	punct(e, ',');
}

/* "+/- 5 ms": the sign's words, the number after it said by its own class */
static void v_sign(struct en *e, const struct match *m)
{
	(void)m;
	emit(e, "plus or minus");
}

/* "http: //host/page": the URL said as if written whole */
static void v_url(struct en *e, const struct match *m)
{
	struct buf b = {0};
	buf_add(&b, m->a, m->alen);
	buf_add(&b, m->b, m->blen);
	buf_putc(&b, 0);
	b.len--;
	say_core(e, b.data, b.len, F_TOKEN | F_START);
	buf_free(&b);
}

/* "I / O": the letters said as the glued "I/O" is */
static void v_spaced_slash(struct en *e, const struct match *m)
{
	char w[4] = {m->a[0], '/', m->b[0], 0};     /* (say_core reads past n for a NUL) */
	say_core(e, w, 3, F_TOKEN | F_START);
}

/* "QinQ": "Q in Q"; each name said as alone */
static void v_glued_in(struct en *e, const struct match *m)
{
	char w[8];
	memcpy(w, m->a, m->alen);
	w[m->alen] = 0;
	say_core(e, w, m->alen, F_TOKEN | F_START);
	emit(e, "in");
	memcpy(w, m->b, m->blen);
	w[m->blen] = 0;
	say_core(e, w, m->blen, F_TOKEN | F_START);
}

/* One side of "00h-0Fh": a number of decimal digits without a leading
 * zero as a number ("ten H"), else its characters spelled ("zero F H"). */
static void hex_h_say(struct en *e, const char *s, size_t n)
{
	char w[12];
	int dec = s[0] != '0';
	for (size_t i = 0; i < n; i++)
		dec = dec && isdigit((unsigned char)s[i]);
	if (dec) {
		memcpy(w, s, n);
		w[n] = 0;
		say_core(e, w, n, F_TOKEN | F_START);
	} else {
		spell(e, s, n, 0);
	}
	emit(e, "H");
}

static void v_hex_h_range(struct en *e, const struct match *m)
{
	hex_h_say(e, m->a, m->alen);
	emit(e, "to");
	hex_h_say(e, m->b, m->blen);
}

/* "interrupts/second": "interrupts per second" */
static void v_noun_rate(struct en *e, const struct match *m)
{
	char w[48];
	size_t k = m->alen < sizeof w - 1 ? m->alen : sizeof w - 1;
	memcpy(w, m->a, k);
	w[k] = 0;
	say_core(e, w, k, F_TOKEN | F_START);
	emit(e, "per");
	emit(e, m->say);
}

/* "2-1.4" after "usb": "two dash one dot four" */
static void v_usb_port(struct en *e, const struct match *m)
{
	char w[24];
	size_t q = 0;
	while (q < m->alen) {
		size_t j = q;
		while (j < m->alen && isdigit((unsigned char)m->a[j]))
			j++;
		size_t k = j - q < sizeof w - 1 ? j - q : sizeof w - 1;
		memcpy(w, m->a + q, k);
		w[k] = 0;
		say_core(e, w, k, F_TOKEN | F_START);
		if (j < m->alen)
			emit(e, m->a[j] == '-' ? "dash" : "dot");
		q = j + 1;
	}
}

/* "0000:00:1f.3": "zero-zero-zero-zero colon zero-zero colon one-F dot
 * three"; a MAC address likewise, its pairs joined by colon */
static void v_bus_address(struct en *e, const struct match *m)
{
	size_t q = 0;
	while (q < m->alen) {
		size_t j = q;
		while (j < m->alen && isxdigit((unsigned char)m->a[j]))
			j++;
		spell(e, m->a + q, j - q, 0);
		if (j < m->alen)
			emit(e, m->a[j] == ':' ? "colon" : "dot");
		q = j + 1;
	}
}

static void v_roman(struct en *e, const struct match *m)
{
	if (m->nth) {           /* 2: "the" is written before it ("the LIX Legislature") */
		if (m->nth == 1)
			emit(e, "the");
		emit_ordinal(e, (unsigned long long)m->value);
	} else {
		emit_num(e, (unsigned long long)m->value);
	}
	if (m->y2) {            /* "pp. xiv-xx" */
		emit(e, "to");
		emit_num(e, (unsigned long long)m->y2);
	}
	if (m->letterslen)      /* "Pentium III-M" */
		spell(e, m->letters, m->letterslen, 0);
}

static void v_idiom(struct en *e, const struct match *m)
{
	emit(e, m->say);
}

static void v_abbreviation(struct en *e, const struct match *m)
{
	/* "Dr." "Doctor", "dr" "doctor": the written capital kept */
	size_t from = e->out.len;
	emit(e, m->say);
	while (from < e->out.len && e->out.data[from] == ' ')
		from++;
	if (m->cap && from < e->out.len)
		e->out.data[from] = (char)toupper((unsigned char)e->out.data[from]);
	if (m->a && m->y1)
		emit_year(e, (unsigned)m->y1);      /* "d.1934": "died nineteen thirty-four" */
	else if (m->a)
		emit_numstr(e, m->a, m->alen);
}

static void v_date(struct en *e, const struct match *m)
{
	if (m->part == 'R') {       /* 20230501-20230507: "May first to May seventh, twenty twenty-three" */
		emit(e, months[m->month - 1]);
		emit_ordinal(e, (unsigned long long)m->day);
		if (m->y2 != m->y1) {
			punct(e, ',');
			emit_year(e, (unsigned)m->y1);
		}
		emit(e, "to");
		emit_date(e, m->y2, m->hour, m->minute);
		return;
	}
	if (m->part == 'D' || m->part == 'd') {  /* 27-29 August; from 10 to 21 June */
		if (!m->article)
			emit(e, "the");
		emit_ordinal(e, (unsigned long long)m->day);
		if (m->part == 'd')
			return;
		emit(e, "to the");
		emit_ordinal(e, (unsigned long long)m->hour);
		emit(e, "of");
		emit(e, months[m->month - 1]);
		return;
	}
	if (m->part == 'T') {       /* 2024-03-01T08:00:00Z: the date, ", at" and the time */
		emit_date(e, m->y1, m->month, m->day);
		punct(e, ',');
		emit(e, "at");
		if (m->a && m->alen) {      /* 14:16:40.203: "and forty point two oh three seconds" */
			emit_time(e, m->hour, m->minute, -1, NULL);
			emit(e, "and");
			emit_num(e, (unsigned long long)m->second);
			emit(e, "point");
			for (size_t k = 0; k < m->alen; k++)
				emit_numstr(e, m->a + k, 1);
			emit(e, "seconds");
		} else {
			emit_time(e, m->hour, m->minute, m->second, NULL);
		}
		if (m->b)
			emit(e, "U-T-C");
		return;
	}
	if (m->part && m->nth) {    /* the 2016-Q4 release: "twenty sixteen Q four" */
		emit_year(e, (unsigned)m->y1);
		char q[2] = {(char)m->part, 0};
		emit(e, q);
		emit_num(e, (unsigned long long)m->day);
	} else if (m->part) {       /* the third quarter of 2024 */
		emit(e, "the");
		emit_ordinal(e, (unsigned long long)m->day);
		emit(e, m->part == 'H' ? "half of" : "quarter of");
		emit_year(e, (unsigned)m->y1);
	} else if (!m->day) {       /* December 2026 */
		emit(e, months[m->month - 1]);
		emit_year(e, (unsigned)m->y1);
	} else if (!m->y1) {        /* the twenty-third of April */
		if (!m->article)    /* (not after a written "the") */
			emit(e, "the");
		emit_ordinal(e, (unsigned long long)m->day);
		emit(e, "of");
		emit(e, months[m->month - 1]);
	} else {
		emit_date(e, m->y1, m->month, m->day);
	}
}

/* 1h30m: "one hour and thirty minutes"; every part written is said, "and"
 * before the last; with a fraction of the seconds, as time(1) prints them, a
 * leading part of zero is not said ("0m1.514s": "one point five one four
 * seconds"), the fraction digit by digit after "point". */
static void v_duration(struct en *e, const struct match *m)
{
	const int v[3] = {m->hour, m->minute, m->second};
	static const char *const unit[3][2] = {{"hour", "hours"}, {"minute", "minutes"}, {"second", "seconds"}};
	int said = 0, last = 2;
	while (last > 0 && v[last] < 0)
		last--;
	for (int i = 0; i <= last; i++)
		if (v[i] >= 0) {
			if (v[i] == 0 && !said && i < last && m->b)
				continue;
			if (i == last && said)
				emit(e, "and");
			emit_num(e, (unsigned long long)v[i]);
			if (i == 2 && m->b) {
				emit(e, "point");
				emit_id_digits(e, m->b, m->blen);
			}
			emit(e, unit[i][v[i] != 1 || (i == 2 && m->b)]);
			said++;
		}
}

static void v_time(struct en *e, const struct match *m)
{
	if (m->after_date) {    /* "Aug 8, 2016 20:37": a pause, then "at" */
		punct(e, ',');
		emit(e, "at");
	}
	emit_time(e, m->hour, m->minute, m->second, m->ampm);
	if (m->b && m->blen == 1)       /* "18:00:00Z" */
		emit(e, "U-T-C");
	if (m->b && m->blen == 5) {     /* "+0000": U-T-C; "-0700": U-T-C minus seven */
		int h = (int)num_parse(m->b + 1, 2), mi = (int)num_parse(m->b + 3, 2);
		emit(e, "U-T-C");
		if (h || mi) {
			emit(e, m->b[0] == '-' ? "minus" : "plus");
			emit_num(e, (unsigned)h);       /* "+0530": plus five thirty */
			if (mi)
				emit_num(e, (unsigned)mi);
		}
	}
}

static void v_ordinal(struct en *e, const struct match *m)
{
	emit_ordinal(e, (unsigned long long)num_parse(m->a, m->alen));
}

static void v_decade(struct en *e, const struct match *m)
{
	struct buf b = {0};
	if (m->say)         /* "mid-90s" */
		emit(e, m->say);
	num_plural(&b, (unsigned long long)m->y1, !m->short2);
	emit(e, b.data);
	buf_free(&b);
	if (m->b)           /* "1980s-era" */
		emitn(e, m->b, m->blen);
}

/* 1920 x 1080: "nineteen twenty by ten eighty", as a size is read */
static void dim_side(struct en *e, const char *s, size_t n)
{
	struct buf b = {0};
	if ((n == 3 || n == 4) && s[0] != '0' && !(s[n - 2] == '0' && s[n - 1] == '0'))
		num_model(&b, s, n);
	else
		emit_numstr(e, s, n);
	if (b.data)
		emit(e, b.data);
	buf_free(&b);
}

static void v_dimension(struct en *e, const struct match *m)
{
	if (!m->blen) {         /* "3 x 4 m": the measure after "by" is its own token */
		say_decimal_str(e, m->a, m->alen);
		emit(e, "by");
		return;
	}
	dim_side(e, m->a, m->alen);
	emit(e, "by");
	if (!m->blen)            /* "16 x 4GB": the measure is the next token's */
		return;
	dim_side(e, m->b, m->blen);
	if (m->afterlen) {       /* "1600x1200x32bpp": a third side or a depth */
		emit(e, "by");
		dim_side(e, m->after, m->afterlen);
	}
	if (m->letterslen)
		spell(e, m->letters, m->letterslen, 0);
	if (m->unit)             /* "2x16 GB": the size's unit */
		emit(e, (m->blen == 1 && m->b[0] == '1') || m->adjective ? m->unit->one : m->unit->many);
}

static void v_standard(struct en *e, const struct match *m)
{
	if (m->value) {     /* "ISO 8859-1": eighty-eight fifty-nine dash one */
		emit_model(e, m->a, m->alen);
		emit(e, "dash");
		emit_numstr(e, m->b, m->blen);
		if (m->y1) {
			emit(e, "colon");
			emit_year(e, (unsigned)m->y1);
		}
		return;
	}
	emit(e, "eight oh two dot");
	emit_numstr(e, m->a, m->alen);
	if (m->blen)
		spell(e, m->b, m->blen, 0);
}

/* One half of a device ID: digits as a model number, with letters spelled. */
static void id_half(struct en *e, const char *s, size_t n)
{
	if (all_digit(s, n) && s[0] != '0') {
		emit_model(e, s, n);
	} else {
		for (size_t i = 0; i < n; i++) {
			if (isdigit((unsigned char)s[i]))
				emit_id_digits(e, s + i, 1);
			else
				spell(e, s + i, 1, 0);
		}
	}
}

static void v_device_id(struct en *e, const struct match *m)
{
	id_half(e, m->a, m->alen);
	punct(e, ',');
	id_half(e, m->b, m->blen);
}

/* Letters a rule found spelled: "of:" in a subject's prefix, O-F. */
static void v_acronym(struct en *e, const struct match *m)
{
	spell(e, m->a, m->alen, 0);
}

/* One verbaliser a class. */
static void (*const verbalisers[C_COUNT])(struct en *, const struct match *) = {
	[C_SERIAL] = v_serial, [C_MONEY] = v_money, [C_YEAR_RANGE] = v_year_range,
	[C_FRACTION] = v_fraction, [C_NUMBER_SIGN] = v_number_sign, [C_MEASURE] = v_measure,
	[C_YEAR] = v_year, [C_CARDINAL] = v_cardinal, [C_DECIMAL] = v_decimal,
	[C_VERSION] = v_version, [C_MODEL] = v_model, [C_ROMAN] = v_roman,
	[C_ABBREVIATION] = v_abbreviation, [C_DATE] = v_date, [C_TIME] = v_time,
	[C_ORDINAL] = v_ordinal, [C_DECADE] = v_decade, [C_DIMENSION] = v_dimension,
	[C_STANDARD] = v_standard, [C_DEVICE_ID] = v_device_id, [C_COMMENT] = v_comment,
	[C_URL] = v_url, [C_SIGN] = v_sign, [C_DURATION] = v_duration, [C_IDIOM] = v_idiom, [C_RATIO] = v_ratio,
	[C_ACRONYM] = v_acronym, [C_SPACED_SLASH] = v_spaced_slash, [C_USB_PORT] = v_usb_port,
	[C_GLUED_IN] = v_glued_in, [C_NOUN_RATE] = v_noun_rate,
	[C_HEX_H_RANGE] = v_hex_h_range, [C_BUS_ADDR] = v_bus_address,
};

void verbalise(struct en *e, enum tclass cls, const struct match *m)
{
	if (cls > C_NONE && cls < C_COUNT && verbalisers[cls])
		verbalisers[cls](e, m);
}
