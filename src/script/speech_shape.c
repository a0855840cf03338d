/*
 * speech_shape.c: what a token is by its shape, and how that is said: a
 * URL (the site, not the path), an e-mail address, a host name, a path, a
 * commit ID or a hexadecimal value, a CVE ID, an identifier (snake_case,
 * "a->b", "a::b", dotted fields, CONFIG_ symbols, function names with
 * "()"), hyphenated words, operators between parts ("=", "+", "&"), and
 * symbols standing alone. The shapes are one table, shapes[] below, asked
 * in order; the first whose rule says the token decides its class (what
 * `script --explain` shows). Runs of letters go to speech_letters.c, the
 * shapes of numbers to speech_verbal.c and the classifier (speech_class.c).
 *
 * In: a token (or a part of one) without the marks around it. Out: words
 * appended to the English normaliser's output.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "speech_en_int.h"

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
	return WORD_IN(tlds, s, n);
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
			/* a country's top-level domain is spelled: "florz.de" dot D-E,
			 * "tesarici.cz", "amazon.co.uk" dot U-K */
			if (st && i == n && i - st == 2 && all_alpha(s + st, 2)) {
				decide(e, "domain", "a top-level domain of two letters: a country's, spelled");
				spell(e, s + st, 2, 0);
			} else
				/* a label is a name: said whole, as running text would be */
				say_core(e, s + st, i - st, F_START | F_LABEL | (i - st == 1 ? F_PART : 0));
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

/* A mail archive hides an address's host: "xxxxxxxxxx" (a row of x's,
 * spinics and lkml.iu.edu) or "...ozen" (openwall keeps its last letters). */
static int masked_host(const char *s, size_t n)
{
	if (n >= 4 && memcmp(s, "...", 3) == 0 && all_alpha(s + 3, n - 3))
		return 1;
	if (n < 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] != 'x')
			return 0;
	return 1;
}

/* A login of one or two initials and a common word ("ddstreet" D-D street,
 * "kstewart" K stewart): the initials spelled, the word said, not the whole
 * spelled as a name English cannot say; a word or a name whole stays
 * ("stable", "mingo"), and so does a name said just before it ("David
 * Rocher <rocher@...>", not R ocher). */
static int local_initials_word(struct en *e, const char *s, size_t n)
{
	if (n < 6 || n > 20 || !all_alpha(s, n) || dict_word(s, n) || words_common(s, n, 70) ||
	    (words_lookup(s, n, NULL) & WORDS_NAME))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	/* a name said just before is that name ("David Rocher <rocher@...>") */
	if (e->out.data) {
		size_t ol = e->out.len, from = ol > 80 ? ol - 80 : 0;
		for (size_t i = from; i + n <= ol; i++)
			if (strncasecmp(e->out.data + i, s, n) == 0)
				return 0;
	}
	for (size_t k = 1; k <= 2; k++) {
		if (n - k < 5)
			continue;
		if (dict_word(s + k, n - k) && words_common(s + k, n - k, 50)) {
			decide(e, "e-mail", "a login of initials and a common word: the initials spelled, the word said");
			spell(e, s, k, 0);
			emitn(e, s + k, n - k);
			return 1;
		}
	}
	return 0;
}

/* An address's local part: one word of letters is a name or a nickname, not
 * glued words ("mingo"); so is each part of "first.last" between its dots
 * ("kirill.shutemov" kirill dot shutemov, not K-I-R ill). */
static void say_local(struct en *e, const char *s, size_t n, int letters)
{
	size_t dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (!isalpha((unsigned char)s[i]))
			letters = 0;
	}
	if (!letters || dots > 2 || s[0] == '.' || s[n - 1] == '.' || find_str(s, n, "..")) {
		say_core(e, s, n, F_START | F_PART);
		return;
	}
	for (size_t st = 0, i = 0; i <= n; i++) {
		if (i < n && s[i] != '.')
			continue;
		if (st)
			emit(e, "dot");
		if (!local_initials_word(e, s + st, i - st))
			say_core(e, s + st, i - st, F_START | F_PART | F_NAME);
		st = i + 1;
	}
}

/* An address's user made of a name said just before it and an initial,
 * "Michael Halcrow <mhalcrow@...>" M Halcrow, "Timo Hirvonen <timoh@...>"
 * Timo H: the initial spelled and the name as said (they were cut where
 * the letters fell, "M-H-A-L crow", "mare K-M"). */
int email_initial_name(struct en *e, const char *s, size_t n)
{
	if (n < 4 || !all_alpha(s, n) || !e->out.data)
		return 0;
	size_t ol = e->out.len, from = ol > 80 ? ol - 80 : 0;
	const char *o = e->out.data;
	for (size_t i = from; i < ol;) {
		while (i < ol && !isalpha((unsigned char)o[i]))
			i++;
		size_t w = i;
		while (i < ol && isalpha((unsigned char)o[i]))
			i++;
		size_t wl = i - w;
		if (wl < 3 || wl != n - 1 || !isupper((unsigned char)o[w]))
			continue;
		if (strncasecmp(o + w, s + 1, wl) == 0) {
			spell(e, s, 1, 0);
			emitn(e, o + w, wl);
			return 1;
		}
		if (strncasecmp(o + w, s, wl) == 0) {
			char name[64];
			memcpy(name, o + w, wl < sizeof name ? wl : sizeof name - 1);
			emitn(e, name, wl < sizeof name ? wl : sizeof name - 1);
			spell(e, s + n - 1, 1, 0);
			return 1;
		}
	}
	return 0;
}

static int try_email(struct en *e, const char *s, size_t n)
{
	const char *at = memchr(s, '@', n);
	if (!at || at == s)
		return 0;
	size_t ll = (size_t)(at - s), dl = n - ll - 1;
	if (masked_host(at + 1, dl)) {
		/* an archive's masked address, "david@xxxxxxxxxxxxx",
		 * "sarbojit@...ozen": the name and that the host is hidden, not
		 * a row of X's */
		decide(e, "e-mail", "the host masked by an archive: said hidden");
		int plain = 1;
		for (size_t i = 0; i < ll; i++)
			if (isdigit((unsigned char)s[i]))
				plain = 0;
		say_local(e, s, ll, plain);
		emit(e, "at a hidden domain");
		return 1;
	}
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
		/* one word of letters is a name or a nickname, not glued words: "mingo" */
		if (digits || dots || !email_initial_name(e, s, ll))
			say_local(e, s, ll, !digits);
		emit(e, "at");
	} else {
		emit(e, "an address at");
	}
	say_domain(e, at + 1, dl);
	return 1;
}

/* An IEEE 802 standard as a part of a token ("802.11n/WPA"): "eight oh two
 * dot eleven N", as the class standard says it whole. */
static int say_standard_part(struct en *e, const char *s, size_t n)
{
	if (n < 5 || memcmp(s, "802.", 4) != 0 || !isdigit((unsigned char)s[4]))
		return 0;
	size_t j = 4;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (j - 4 > 2 || n - j > 3 || !(j == n || all_alpha(s + j, n - j)))
		return 0;
	emit(e, "eight oh two dot");
	emit_numstr(e, s + 4, j - 4);
	if (j < n)
		spell(e, s + j, n - j, 0);
	return 1;
}

/* Splits s at sep, saying each part; join is said between parts (may be ""). */
/* Capitals that are a word of constants, said as one (caps_part) */
static const char *caps_part(const char *s, size_t n)
{
	static const struct { const char *w, *say; } parts[] = {
		{"OP", "op"}, {"SYM", "sym"}, {"INVAL", "inval"}, {"INC", "inc"}, {"DEVID", "dev I-D"},
		/* BE spelled like LE: back end or big endian (ETDM1_OUT_BE, S16_BE) */
		{"BE", "B-E"},
	};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++)
		if (strlen(parts[i].w) == n && memcmp(parts[i].w, s, n) == 0)
			return parts[i].say;
	return NULL;
}

static int has_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (islower((unsigned char)s[i]))
			return 1;
	return 0;
}

/* 512, 4096: a power of two, in an identifier a size or a count */
static int is_pow2(const char *s, size_t n)
{
	long long v = num_parse(s, n);
	return v > 0 && (v & (v - 1)) == 0;
}

/* Whether the path s[0..n) is surely a tree of files: from the root
 * ("/usr/src"), a directory's ("src/"), three parts or more, or a file's
 * name with a dot last ("src/foo.c"); "src/dst" is a pair of names. */
static int file_tree(const char *s, size_t n)
{
	size_t slashes = 0;
	const char *last = s;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/') {
			slashes++;
			last = s + i + 1;
		}
	return n && (s[0] == '/' || s[n - 1] == '/' || slashes >= 2 || memchr(last, '.', (size_t)(s + n - last)));
}

/* The directories of the file system hierarchy said otherwise than as
 * written: "etc" is "et-see" (not the abbreviation "et cetera"), "usr"
 * "user", "sys" "sis", "src" "source" in a tree of files ("/usr/src/linux",
 * "src/foo.c"; "src/dst" is a pair, S-R-C); the others (var, lib, tmp, dev, proc, bin, opt) are
 * said by their words and lists. 1 when s[0..n) was one. */
static int say_fhs_dir(struct en *e, const char *s, size_t n, int tree)
{
	static const struct { const char *dir, *said; int hint, tree; } dirs[] = {
		{"etc", "[['Ets,i:]]", 1, 0}, {"usr", "user", 0, 0}, {"sys", "[[s'Is]]", 1, 0}, {"src", "source", 0, 1},
	};
	for (size_t i = 0; i < ARRAY_LEN(dirs); i++) {
		if (strlen(dirs[i].dir) != n || memcmp(dirs[i].dir, s, n) != 0 || (dirs[i].tree && !tree))
			continue;
		decide(e, "path", "a directory of the file system hierarchy: as hosts say it");
		if (dirs[i].hint)
			emit_hint(e, s, n, dirs[i].said);
		else
			emit(e, dirs[i].said);
		return 1;
	}
	return 0;
}

static int all_lower(const char *s, size_t n);

/* The prefixes of English words the hunspell affix files of Debian's
 * hunspell-en-us and hunspell-en-gb add (PFX entries of en_US.aff and
 * en_GB.aff: "re", "un", "de", "co", "mis", "non", "pre" ...), those of two
 * and three letters (the longer ones are words: "over", "under", "trans"). */
static const char *const word_prefixes[] = {
	"co", "col", "com", "con", "cor", "de", "dis", "il", "im", "in", "ir",
	"mis", "non", "out", "pre", "re", "un",
};

/* Whether w[0..wn) is an English word and a suffix that makes nouns of
 * it, the whole in no list: "maintainership" (maintainer, -ship),
 * "reviewerhood", "upstreamness"; the stem of four letters or more a word
 * of scowl up to 70 or of hunspell. */
static int derived_noun(const char *w, size_t wn)
{
	static const char *const suffixes[] = {"ship", "ships", "hood", "ness", "ment", "ments"};
	for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
		size_t k = strlen(suffixes[i]);
		if (wn >= k + 4 && memcmp(w + wn - k, suffixes[i], k) == 0 &&
		    (words_common(w, wn - k, 70) || dict_word(w, wn - k)))
			return 1;
	}
	return 0;
}

/* "erratum", "errata" in any case: the word a vendor's erratum number
 * follows, spaced ("erratum a004447") or glued ("erratum-a004447"). */
static int erratum_word(const char *s, size_t n)
{
	return (n == 7 && strncasecmp(s, "erratum", 7) == 0) || (n == 6 && strncasecmp(s, "errata", 6) == 0);
}

/* Whether s[0..n) is such a prefix in small letters and w[0..wn), the
 * piece after its hyphen up to the next one, an English word in small
 * letters of three letters or more (scowl up to 70, or hunspell from five
 * letters, or such a word and a suffix of nouns, derived_noun:
 * "maintainership"; not its short abbreviations, "non-blk" stays non
 * block): that word's length, else 0. */
static size_t hyphen_prefix(const char *s, size_t n, const char *w, size_t wn)
{
	const char *h = memchr(w, '-', wn);
	if (h)
		wn = (size_t)(h - w);
	if (n > 3 || wn < 3 || !all_lower(s, n) || !all_lower(w, wn) || !all_alpha(w, wn) ||
	    !(words_common(w, wn, 70) || (wn >= 5 && dict_word(w, wn)) || derived_noun(w, wn)))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(word_prefixes); i++)
		if (strlen(word_prefixes[i]) == n && memcmp(word_prefixes[i], s, n) == 0)
			return wn;
	return 0;
}

static void say_split(struct en *e, const char *s, size_t n, const char *sep, const char *join, int flags)
{
	size_t k = strlen(sep), st = 0, i = 0, wn;
	int first = 1;
	while (i <= n) {
		if (i == n || (i + k <= n && memcmp(s + i, sep, k) == 0)) {
			if (i > st) {
				if (!first && *join)
					emit(e, join);
				/* "uaccess.h:177:19": a compiler's line and column after a
				 * file's name, "one hundred seventy-seven colon nineteen",
				 * not two numbers run together */
				if (k == 1 && sep[0] == ':' && !first && i == n && st >= 4 && all_digit(s + st, i - st) &&
				    isdigit((unsigned char)s[st - 2])) {
					/* (the part after a file's last dot, "h:177:19": its
					 * extension of one to four letters, a line, a column) */
					size_t b = st - 1, x = 0;
					while (b > 0 && isdigit((unsigned char)s[b - 1]))
						b--;
					while (x < n && isalpha((unsigned char)s[x]))
						x++;
					if (x >= 1 && x <= 4 && x + 1 == b && s[x] == ':')
						emit(e, "colon");
				}
				/* DWM-222, SF114-32: digits after a part in capitals are a model number */
				size_t pl = 0;
				const char *pp = NULL;
				if (!first && st >= k + 2) {
					pp = s + st - k;
					while (pp > s && isalnum((unsigned char)pp[-1]))
						pp--, pl++;
				}
				/* yt2-1380, G9-593: after a model of three letters or fewer and digits
				 * too (not a library's soname, libx265-102) */
				size_t pa = 0;
				while (pp && pa < pl && isalpha((unsigned char)pp[pa]))
					pa++;
				int model_before = pp && k == 1 && sep[0] == '-' && pa >= 1 && pa <= 3 && pa < pl && all_digit(pp + pa, pl - pa) &&
						   !is_pow2(s + st, i - st);
				/* "fsl,i2c-erratum-a004447": a vendor's erratum number glued
				 * after "erratum-" is said whole, as it is after "erratum " */
				if (pp && k == 1 && sep[0] == '-' && i - st >= 4 && isalpha((unsigned char)s[st]) &&
				    all_digit(s + st + 1, i - st - 1) &&
				    erratum_word(pp, pl)) {
					decide(e, "identifier", "a letter and digits after erratum-: a vendor's erratum number, said whole");
					spell(e, s + st, i - st, 0);
				} else if (pp && pl >= 2 && ((all_upper(pp, pl) && all_alpha(pp, pl)) || model_before) &&
				    i - st >= 3 && i - st <= 4 && all_digit(s + st, i - st) && s[st] != '0') {
					emit_model(e, s + st, i - st);
				} else if (pp && k == 1 && sep[0] == '-' && i - st == 2 && s[st] >= '1' && s[st] <= '9' &&
					   s[st + 1] == 'b' && pl >= 2 && all_lower(pp, pl) && all_alpha(pp, pl)) {
					/* rk3588-rock-5b, rock-pi-4b: a digit and a small b after
					 * a board's word in a hyphenated name are its model and
					 * letter, "five B", as "Raspberry Pi 4B" (not bits) */
					decide(e, "model", "a digit and b after a word in a hyphenated name: a board's model and letter");
					emit_model(e, s + st, 1);
					spell(e, "B", 1, 0);
				} else if (k == 1 && sep[0] == '/' && i - st >= 2 && i - st <= 5 &&
					   all_digit(s + st, i - st - 1) && islower((unsigned char)s[i - 1]) &&
					   !(i == n && (n - st) == n)) {
					/* powerpc/64s, fs/9p, hash/4k, 8b/10b: a part of a path is
					 * a name, no measure: "sixty-four S", "four K" */
					decide(e, "path", "digits and a letter as a part of a path: a name, not a measure");
					emit_model(e, s + st, i - st - 1);
					spell(e, s + i - 1, 1, 0);
				} else if (k == 1 && sep[0] == '_' && i - st >= 3 && i - st <= 5 && all_digit(s + st, i - st) &&
					   s[st] != '0' && !has_upper(s, n) && !is_pow2(s + st, i - st)) {
					/* omap_8250_pm, ti_usb_3410_5052: in a lower-case identifier a
					 * number of three to five digits names a chip, a model number */
					emit_model(e, s + st, i - st);
				} else if (first && k == 1 && sep[0] == '_' && i - st == 2 && i < n &&
					   (memcmp(s, "of", 2) == 0 || memcmp(s, "OF", 2) == 0 ||
					    (memcmp(s, "SO", 2) == 0 && !has_lower(s, n)))) {
					/* of_get_phy_mode, OF_POPULATED: a C name's first part "of" is
					 * Open Firmware's, O-F; SO_RCVTIMEO a socket option's, S-O */
					decide(e, "identifier", "a C name's prefix of Open Firmware or of socket options: spelled");
					spell(e, s, 2, 0);
				} else if (k == 1 && sep[0] == '_' && n > i - st && i - st == 4 && memcmp(s + st, "phys", 4) == 0 &&
					   !(st >= 4 && (memcmp(s + st - 4, "num", 3) == 0 || memcmp(s + st - 3, "nr", 2) == 0)) &&
					   !(st >= 5 && memcmp(s + st - 5, "able", 4) == 0)) {
					/* phys_addr, virt_to_phys: in a C name "phys" is physical;
					 * after a count's "num_" or "nr_", or "enable_" and "disable_",
					 * it is PHYs, as alone */
					decide(e, "identifier", "\"phys\" in a C name: physical");
					emit(e, "physical");
				} else if (k == 1 && sep[0] == '_' && i - st >= 5 && i - st < 32 && isupper((unsigned char)s[st]) &&
					   all_lower(s + st + 1, i - st - 1) && !dict_word(s + st, i - st) &&
					   !(words_lookup(s + st, i - st, NULL) & WORDS_NAME)) {
					/* Ext4_ic_Setfsuid, Dev_Getattr: a part of a C name with a
					 * capital only for the name's style is the same part in
					 * small letters ("set F-S U-I-D", as in setfsuid), not
					 * one unknown word; words and names keep their capital */
					char low[32];
					for (size_t c = 0; c < i - st; c++)
						low[c] = (char)tolower((unsigned char)s[st + c]);
					say_core(e, low, i - st, flags);
				} else if (k == 1 && sep[0] == '_' && n > i - st && caps_part(s + st, i - st)) {
					/* IORING_OP_OPENAT, XDP_OP, SYM_CODE_START, BLK_STS_INVAL: in a
					 * constant OP is the word op (an operation), SYM sym (a
					 * symbol), INVAL inval (invalid, as EINVAL) */
					emit(e, caps_part(s + st, i - st));
				} else if (k == 1 && sep[0] == '=' && !first && i - st >= 2 && s[st] == '-' &&
					   isalpha((unsigned char)s[st + 1])) {
					/* KCFLAGS=-W: the value is an option, its dash said */
					emit(e, "dash");
					say_core(e, s + st + 1, i - st - 1, flags);
				} else if (k == 1 && sep[0] == '/' && i == n && i - st == 3 && memcmp(s + st, "etc", 3) == 0 && st >= 2 &&
					   (isupper((unsigned char)s[0]) || isdigit((unsigned char)s[0])) && !memchr(s, '.', n)) {
					/* "BlueZ/Bluedevil/etc", "A2/V30/etc": the end of a list of
					 * names, no path (it opens with a capital or a digit, no
					 * slash): et cetera, not the /etc directory */
					decide(e, "path", "etc ending a list of names joined by slashes: et cetera");
					emit(e, "et cetera");
				} else if ((flags & F_PATH) && k == 1 && sep[0] == '/' && say_fhs_dir(e, s + st, i - st, file_tree(s, n))) {
					/* /etc, /usr, /sys: a directory of the hierarchy, as hosts say it */
				} else if (k == 1 && (sep[0] == '/' || sep[0] == '_') && i - st == 1 && s[st] == '*') {
					/* a wildcard part of a path ("/proc", a star, "pagemap")
					 * or of a C name ("memalloc_nofs_*", "*_node") is a
					 * star, not nothing */
					emit(e, "star");
				} else if (k == 1 && sep[0] == '_' && i < n && i - st >= 3 && s[i - 1] == '*' &&
					   isalnum((unsigned char)s[i - 2]) && !memchr(s + st, '*', i - st - 1)) {
					/* a wildcard that ends a part before an underscore,
					 * a family of registers or names ("ERX*_EL1",
					 * "PMEVCNTR*_EL0", "foo*_bar"): the part, then a star */
					say_core(e, s + st, i - st - 1, flags);
					emit(e, "star");
				} else if (k == 1 && sep[0] == '-' && i < n && (wn = hyphen_prefix(s + st, i - st, s + i + 1, n - i - 1))) {
					/* key-re-mapping: an English prefix is said joined
					 * to the word after it ("re-mapping"), not spelled */
					decide(e, "word", "an English prefix before a word (hunspell's affixes): joined to it");
					emitn(e, s + st, i + 1 + wn - st);
					i += 1 + wn;
				} else if (k == 1 && sep[0] == '=' && !first && i == n && isdigit((unsigned char)s[st]) &&
					   i - st >= 3 && isalpha((unsigned char)s[i - 1]) && isalpha((unsigned char)s[i - 2])) {
					/* "io=102120KB", "runt=169006msec": a value and its
					 * unit of two letters or more, a measure of its own
					 * ("kilobytes"), not one glued inside a name
					 * ("libsnmp45-32bit"; "mem=64k" keeps its K) */
					say_core(e, s + st, i - st, (flags & ~F_PART) | F_START);
				} else if (k == 1 && sep[0] == '=' && !first && i == n && i - st >= 3 &&
					   (s[st] == '\'' || s[st] == '"') && isalnum((unsigned char)s[i - 1]) &&
					   !memchr(s + st + 1, s[st], i - st - 1)) {
					/* "force_probe='!a7a0'": a value in quotes (the closing
					 * one trails the token), said as the value: its
					 * quotation mark is no word */
					say_core(e, s + st + 1, i - st - 1, (flags & ~F_PART) | F_START);
				} else if (!say_standard_part(e, s + st, i - st)) {
					say_core(e, s + st, i - st, flags);
				}
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

/* Whether s is a personal pronoun: a slash between two ("his/her", "he /
 * she") offers them as alternatives, said "or", as English says it. */
static int pronoun(const char *s, size_t n)
{
	static const char *const p[] = {"he", "she", "his", "her", "hers", "him", "they", "them", "their"};
	return WORD_IN(p, s, n);
}

/* Whether s is a month's or a weekday's name ("June", "Jul", "Monday"),
 * capitalised. */
static int time_name(const char *s, size_t n)
{
	char w[16];
	if (n < 3 || n >= sizeof w || !isupper((unsigned char)s[0]) || !all_alpha(s, n))
		return 0;
	memcpy(w, s, n);
	w[n] = 0;
	return month_of(w) || weekday_of(s, n);
}

/* Whether s is an English preposition or adverb particle, or a
 * coordinating conjunction (a closed class of the language): a slash
 * between two offers them as alternatives, "to/from" to or from, "on/off"
 * on or off, "and/or" and or. */
static int particle(const char *s, size_t n)
{
	static const char *const p[] = {"to",    "from",  "in",     "out",     "on",     "off",   "up",   "down",
					"into",  "onto",  "over",   "under",   "before", "after", "with", "without",
					"above", "below", "inside", "outside", "and",    "or",    "yes",  "no"};
	return WORD_IN(p, s, n);
}

/* The inflection s ends with when s is an English word whose stem is one
 * too: 's' for "reads" (read), "properties" (property); 'g' for "-ing",
 * 'd' for "-ed"; else 0. */
static int inflection(const char *s, size_t n)
{
	char y[48];
	if (n >= 5 && n < sizeof y && memcmp(s + n - 3, "ies", 3) == 0) {
		memcpy(y, s, n - 3);
		y[n - 3] = 'y';
		if (words_dict(y, n - 2))
			return 's';
	}
	if (n >= 4 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != '\'' &&
	    (words_dict(s, n - 1) || (s[n - 2] == 'e' && words_dict(s, n - 2))))
		return 's';
	if (n >= 6 && memcmp(s + n - 3, "ing", 3) == 0)
		return 'g';
	if (n >= 5 && memcmp(s + n - 2, "ed", 2) == 0)
		return 'd';
	return 0;
}

/* Whether s is an English word and nothing of the kernel's own: hunspell
 * has it, in small letters (the first may be a capital), and kernel text
 * does not use it as an acronym or a term ("misc", "devfreq", "leds"). */
static int plain_word(const char *s, size_t n)
{
	const char *how = NULL;
	if (n < 4 || !all_alpha(s, n) || !words_dict(s, n) || vocab_kind(s, n) != VOCAB_NONE)
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	return !parts_count(s, n, &how) || (how && strcmp(how, "word") == 0);
}

/* What a slash between a and b is said as when it joins two words as
 * English joins them, else NULL ("slash"): "or" between alternatives, two
 * personal pronouns ("his/her", "he / she"), two months or two weekdays
 * ("June / July", "Monday/Tuesday": a time not yet known), a verb and its
 * negation ("are/aren't", "can't/can"), two prepositions
 * or particles ("to/from", "on/off"), two English words ending "-ing" or
 * "-ed" ("enabling/disabling", "signed/unsigned"); "and" between two plural
 * nouns, a set of both ("readers/writers", "additions / removals"). Other
 * words keep "slash": "PM / devfreq", "char/misc" are subsystems, and
 * "freeze / thaw", "enable / disable", "suspend/resume" are pairs kernel
 * people say so. */
/* Whether b is a's negation, a verb and its contraction with "not": "are"
 * and "aren't", "does" and "doesn't"; "can" "can't", "will" "won't",
 * "shall" "shan't" (small letters both). */
static int negation(const char *a, size_t an, const char *b, size_t bn)
{
	static const char *const odd[][2] = {{"can", "can't"}, {"will", "won't"}, {"shall", "shan't"}};
	if (!an || !all_lower(a, an) || !all_alpha(a, an))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(odd); i++)
		if (an == strlen(odd[i][0]) && bn == strlen(odd[i][1]) && memcmp(a, odd[i][0], an) == 0 &&
		    memcmp(b, odd[i][1], bn) == 0)
			return 1;
	return bn == an + 3 && memcmp(a, b, an) == 0 && memcmp(b + an, "n't", 3) == 0;
}

/* Whether s is a count glued by a hyphen to an English noun, "80-core",
 * "160-thread"; *w is set to the noun. */
static int count_noun(const char *s, size_t n, const char **w, size_t *wn)
{
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (!d || d > 5 || d + 1 >= n || s[d] != '-' || !plain_word(s + d + 1, n - d - 1))
		return 0;
	*w = s + d + 1;
	*wn = n - d - 1;
	return 1;
}

static const char *slash_word(const char *a, size_t an, const char *b, size_t bn)
{
	if ((pronoun(a, an) && pronoun(b, bn)) || (time_name(a, an) && time_name(b, bn)))
		return "or";
	/* "80-core / 160-thread", "12-core/24-thread": counts of two nouns
	 * glued by hyphens, a thing's two measures, both ("and"); of one noun
	 * ("4-port/8-port"), two sizes to choose from ("or") */
	{
		const char *x, *y;
		size_t xn, yn;
		if (count_noun(a, an, &x, &xn) && count_noun(b, bn, &y, &yn))
			return xn == yn && memcmp(x, y, xn) == 0 ? "or" : "and";
	}
	/* a verb and its negation, either way round: "are/aren't" are or aren't */
	if (negation(a, an, b, bn) || negation(b, bn, a, an))
		return "or";
	if (an == bn && strncasecmp(a, b, an) == 0)
		return NULL;
	if (particle(a, an) && particle(b, bn) && (an < 2 || islower((unsigned char)a[1])) && islower((unsigned char)b[0]))
		return "or";
	int f = inflection(a, an);
	if (!f || f != inflection(b, bn) || !islower((unsigned char)b[0]) || !plain_word(a, an) || !plain_word(b, bn))
		return NULL;
	return f == 's' ? "and" : "or";
}

static int or_pair(const char *a, size_t an, const char *b, size_t bn)
{
	return slash_word(a, an, b, bn) != NULL;
}

int series_word(const char *s, size_t n)
{
	static const char *const words[] = {"patch", "patches", "part", "parts", "step", "item", "test", "run"};
	return WORD_IN(words, s, n);
}

static void said_plural(struct en *e, const char *w);

/* A word before a pair that says the pair is both its sides: "joint",
 * "combined" (not "both": "both mm/slab and mm/slub" names two paths). */
static int both_word(const char *w)
{
	return strcasecmp(w, "joint") == 0 || strcasecmp(w, "combined") == 0;
}

/* A word of a pair: letters, hyphens between them ("memory-management"),
 * two letters or more. */
static int pair_word(const char *s, size_t n)
{
	if (n < 2 || !isalpha((unsigned char)s[0]) || !isalpha((unsigned char)s[n - 1]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]) && !(s[i] == '-' && isalpha((unsigned char)s[i + 1])))
			return 0;
	return 1;
}

static int say_path(struct en *e, const char *s, size_t n)
{
	/* N/M: "two of six" */
	const char *slash = memchr(s, '/', n);
	size_t a = (size_t)(slash - s);
	/* "at 2 GHz/1GHz", "1 GHz/500 MHz": a spaced number's unit glued to a
	 * slash and the next measure is that unit in words, as without it */
	const struct unit *u = a && a + 1 < n ? find_unit(s, a, 1) : NULL;
	size_t pl = strlen(e->prev);
	if (u && pl && pl <= 12 && isdigit((unsigned char)e->prev[0]) && isdigit((unsigned char)e->prev[pl - 1]) &&
	    strspn(e->prev, "0123456789.") == pl && isdigit((unsigned char)slash[1])) {
		decide(e, "measure", "a number's unit before a slash and another measure: the unit in words");
		emit(e, strcmp(e->prev, "1") == 0 ? u->one : u->many);
		emit(e, "slash");
		say_core(e, slash + 1, n - a - 1, F_START);
		return 1;
	}
	/* "joint storage/filesystem sessions", "combined CPU/GPU memory": after
	 * a word that says both, a slash between two words is "and" (LSFMM's
	 * joint tracks), not "slash" */
	if (a && a + 1 < n && both_word(e->prev) && pair_word(s, a) && pair_word(slash + 1, n - a - 1)) {
		say_core(e, s, a, F_START);
		emit(e, "and");
		say_core(e, slash + 1, n - a - 1, F_START);
		return 1;
	}
	if (a && a + 1 < n && !memchr(slash + 1, '/', n - a - 1) && or_pair(s, a, slash + 1, n - a - 1)) {
		say_core(e, s, a, F_START);       /* "his/her": his or her; "June/July" */
		emit(e, slash_word(s, a, slash + 1, n - a - 1));
		say_core(e, slash + 1, n - a - 1, F_START);
		return 1;
	}
	/* a series word glued to its N/M, its brackets lost ("patch[6/6]",
	 * "PATCH2/3"): the word, then N of M as after "patch 6/6" */
	size_t w = a;
	while (w > 0 && isdigit((unsigned char)s[w - 1]))
		w--;
	if (slash && w > 0 && w < a && a - w <= 4 && series_word(s, w) && n - a - 1 && n - a - 1 <= 4 &&
	    all_digit(slash + 1, n - a - 1) &&
	    num_parse(s + w, a - w) <= num_parse(slash + 1, n - a - 1)) {
		say_core(e, s, w, F_START);
		emit_num(e, (unsigned long long)num_parse(s + w, a - w));
		emit(e, "of");
		emit_num(e, (unsigned long long)num_parse(slash + 1, n - a - 1));
		return 1;
	}
	/* two numbers of four digits that share their first two, neither a
	 * round hundred, are two of a family, not a part of a whole: chip
	 * models ("6798/6799" sixty-seven ninety-eight slash sixty-seven
	 * ninety-nine, as "nct6798/nct6799"; "8821/8822"), or two years
	 * ("2023/2024"); "1000/1024", "1024/4096" and "patch 1001/1002" stay */
	if (a == 4 && n - a - 1 == 4 && all_digit(s, a) && all_digit(slash + 1, 4) && memcmp(s, slash + 1, 2) == 0 &&
	    memcmp(s, slash + 1, 4) != 0 && s[0] != '0' && memcmp(s + 2, "00", 2) != 0 &&
	    memcmp(slash + 3, "00", 2) != 0 && !series_word(e->prev, strlen(e->prev))) {
		long long x = num_parse(s, a), y = num_parse(slash + 1, 4);
		int years = x >= 1900 && x <= 2099 && y >= 1900 && y <= 2099;
		if (years)
			emit_year(e, (unsigned)x);
		else
			emit_model(e, s, a);
		emit(e, "slash");
		if (years)
			emit_year(e, (unsigned)y);
		else
			emit_model(e, slash + 1, 4);
		return 1;
	}
	/* a half of two or more digits with a leading zero is no count: two
	 * IDs ("PCI dev 2725/0024", a device and its subsystem), each as a
	 * model number, the slash said, not "two thousand seven hundred
	 * twenty-five twenty-four" */
	if (all_digit(s, a) && all_digit(slash + 1, n - a - 1) && a >= 2 && n - a - 1 >= 2 && a <= 4 &&
	    n - a - 1 <= 4 && (s[0] == '0' || slash[1] == '0')) {
		emit_model(e, s, a);
		emit(e, "slash");
		emit_model(e, slash + 1, n - a - 1);
		return 1;
	}
	/* "write 0/1 to it", "returns 1/0": a bit's two values, zero or one,
	 * not a part of a whole ("zero of one"); "[PATCH 0/1]" stays */
	if (a == 1 && n == 3 && (s[0] == '0' || s[0] == '1') && (s[2] == '0' || s[2] == '1') && s[0] != s[2] &&
	    !series_word(e->prev, strlen(e->prev))) {
		decide(e, "cardinal", "0/1 outside a series: a bit's two values, zero or one");
		emit(e, s[0] == '0' ? "zero or one" : "one or zero");
		return 1;
	}
	if (all_digit(s, a) && all_digit(slash + 1, n - a - 1) && a && n - a - 1 &&
	    a <= 4 && n - a - 1 <= 4) {
		long long x = num_parse(s, a), y = num_parse(slash + 1, n - a - 1);
		/* "RAID 5/6", "levels 2/3": two of a kind, not a fraction; so are
		 * two versions of a tool ("GCC 13/14", "Clang 17/18") */
		static const char *const kinds[] = {"raid", "level", "levels", "type", "types", "gen", "ddr",
						    "gcc", "clang", "llvm", "python", "perl", "rustc", "binutils"};
		int alt = 0;
		for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
			alt |= strcasecmp(e->prev, kinds[k]) == 0;
		/* "Cores/Threads 16/32", "Read/Write 550/520": after two words, capitalised,
		 * joined by a slash, a value for each, not a part of a whole */
		const char *ps = strchr(e->prev, '/');
		size_t pl = strlen(e->prev);
		size_t pa = ps ? (size_t)(ps - e->prev) : 0;
		if (ps && isupper((unsigned char)e->prev[0]) && pa >= 2 && pl - pa - 1 >= 2 && !strchr(ps + 1, '/') &&
		    all_alpha(e->prev, pa) && all_alpha(ps + 1, pl - pa - 1))
			alt = 1;
		/* after a product's or a brand's name, two of its versions or
		 * models: "Windows 95/98", "WiLink 7/8", "Sun 3/110", "IRQ 1/2";
		 * a count needs a verb or a noun before it ("passed 845/865").
		 * A sentence's first word may be a verb ("Writing 0/1 to it"):
		 * there only a word English lacks is a name. */
		size_t pn = strlen(e->prev);
		int name = pn >= 2 && isupper((unsigned char)e->prev[0]) && all_alpha(e->prev, pn) &&
			   !series_word(e->prev, pn) && (!e->prev_first || !words_common(e->prev, pn, 70));
		/* two years close together: "2000/2003", "1999/2000" */
		int years = a == 4 && n - a - 1 == 4 && x >= 1900 && x <= 2099 && y > x && y - x <= 10 &&
			    !series_word(e->prev, pn);
		if (years || (name && a <= 4 && n - a - 1 <= 4)) {
			if (years) {
				emit_year(e, (unsigned)x);
				emit(e, "slash");
				emit_year(e, (unsigned)y);
			} else {
				emit_num(e, (unsigned long long)x);
				emit(e, "slash");
				emit_num(e, (unsigned long long)y);
			}
			return 1;
		}
		emit_num(e, (unsigned long long)x);
		if (alt)
			emit(e, "slash");
		else if (x < y || (x == y && x < 10) ||   /* "2/6" two of six; "50/50", "24/7" */
			 series_word(e->prev, strlen(e->prev)))   /* "patch 12/12" */
			emit(e, "of");
		emit_num(e, (unsigned long long)y);
		return 1;
	}
	/* Lists of versions: 4.14/4.19; whole numbers only, one of five
	 * digits or more, are a document's number, "WO 2006/118205": slash */
	int allnum = 1, parts = 0, whole = 1;
	for (size_t st = 0, i = 0; i <= n; i++)
		if (i == n || s[i] == '/') {
			if (i == st || !is_numberish(s + st, i - st))
				allnum = 0;
			else if (!all_digit(s + st, i - st))
				whole = 0;
			parts++;
			st = i + 1;
		}
	if (allnum && parts > 1) {
		say_split(e, s, n, "/", whole ? "slash" : "and", F_START);
		return 1;
	}
	/* the plural of an entry in capitals with a slash, "I/Os", "A/Vs": the
	 * entry, then its plural ("I-O's") */
	if (n > 3 && s[n - 1] == 's' && isupper((unsigned char)s[n - 2]) && memchr(s, '/', n - 1)) {
		const char *star;
		size_t sl;
		if (lex_find(e, s, n - 1, &star, &sl) && !star) {
			say_core(e, s, n - 1, F_START);
			said_plural(e, "s");
			return 1;
		}
	}
	/* an entry with a slash glued to a word: "I/Ooperations" */
	for (size_t k = n > 3 ? n - 3 : 0; k > a; k--) {
		const char *star, *w;
		size_t sl;
		if (all_alpha(s + k, n - k) && lex_find(e, s, k, &star, &sl) && !star &&
		    (words_common(s + k, n - k, 50) || known_word(s + k, n - k, &w))) {
			say_core(e, s, k, F_START);
			say_core(e, s + k, n - k, F_START);
			return 1;
		}
	}
	/* "10M/100M/1G", "1G/2.5G/5G/10G": two or more of Ethernet's speeds
	 * each with its letter, no B, are line rates wherever they stand (no
	 * list of memory sizes holds 10M or 2.5G; "2M/1G pages" is no list of
	 * them): each number with its unit in bits */
	{
		static const char *const rates_m[] = {"10", "100", "1000", "2500"};
		static const char *const rates_g[] = {"1", "2.5", "5", "10", "25", "40", "50", "56", "100", "200", "400", "800"};
		int ok = n >= 5, lettered = 0;
		for (size_t st = 0, i = 0; ok && i <= n; i++)
			if (i == n || s[i] == '/') {
				size_t len = i - st;
				if (len < 2 || !strchr("MG", s[i - 1]) || !isdigit((unsigned char)s[st])) {
					ok = 0;
					break;
				}
				int found = 0;
				const char *const *tab = s[i - 1] == 'M' ? rates_m : rates_g;
				size_t tn = s[i - 1] == 'M' ? ARRAY_LEN(rates_m) : ARRAY_LEN(rates_g);
				for (size_t k = 0; k < tn && !found; k++)
					found = strlen(tab[k]) == len - 1 && memcmp(tab[k], s + st, len - 1) == 0;
				ok = found;
				lettered++;
				st = i + 1;
			}
		if (ok && lettered >= 2 && !memory_noun(e->next, e->nextn)) {
			decide(e, "measure", "two or more of Ethernet's speeds joined by slashes: each in bits");
			for (size_t st = 0, i = 0; i <= n; i++)
				if (i == n || s[i] == '/') {
					if (st)
						emit(e, "slash");
					if (memchr(s + st, '.', i - 1 - st))
						say_core(e, s + st, i - 1 - st, F_START);     /* "two point five" */
					else
						emit_numstr(e, s + st, i - 1 - st);
					emit(e, s[i - 1] == 'G' ? "gigabit" : "megabit");
					st = i + 1;
				}
			return 1;
		}
	}
	/* "10/25G NIC", "40/100G cards": line rates, each "slash", the last with its
	 * unit as a network counts it ("ten slash twenty-five gigabit") */
	{
		size_t last = n;
		while (last > 0 && s[last - 1] != '/')
			last--;
		int rates = last > 0 && n - last >= 2 && n - last <= 4 && strchr("GMT", s[n - 1]) &&
			    all_digit(s + last, n - last - 1);
		for (size_t st = 0, i = 0; rates && i < last; i++)
			if (s[i] == '/') {
				if (i == st || i - st > 3 || !all_digit(s + st, i - st))
					rates = 0;
				st = i + 1;
			}
		if (rates && network_noun_at(e->next, e->nextn)) {
			decide(e, "measure", "line rates before a word of networks: each number, the unit in bits");
			for (size_t st = 0, i = 0; i <= last; i++)
				if (i == last || s[i] == '/') {
					if (st)
						emit(e, "slash");
					emit_numstr(e, s + st, (i == last ? n - 1 : i) - st);
					st = i == last ? n : i + 1;
					if (i == last)
						break;
				}
			emit(e, s[n - 1] == 'G' ? "gigabit" : s[n - 1] == 'M' ? "megabit" : "terabit");
			return 1;
		}
	}
	if (n >= 2 && s[0] == '~' && s[1] == '/') {
		emit(e, "home");
		s += 1;
		n -= 1;
	}
	if (n <= 3 && strspn(s, "/") == n) {      /* "//" */
		emit(e, n == 2 ? "double slash" : "triple slash");
		return 1;
	}
	/* ".../selftests/bpf/x.c": a path cut short at its start (a diffstat's
	 * long path) is read from where it goes on; the dots are not said */
	if (n > 4 && memcmp(s, ".../", 4) == 0 && isalnum((unsigned char)s[4])) {
		decide(e, "path", "a path cut short at its start: the dots not said");
		s += 4;
		n -= 4;
	}
	/* "../", "./run.sh", "../../x": the parent and the current directory
	 * are said "dot dot slash", "dot slash" (no "dot" alone) */
	while (n >= 2 && s[0] == '.') {
		if (n >= 3 && s[1] == '.' && s[2] == '/') {
			emit(e, "dot dot slash");
			s += 3;
			n -= 3;
		} else if (s[1] == '/') {
			emit(e, "dot slash");
			s += 2;
			n -= 2;
		} else {
			break;
		}
	}
	if (!n)
		return 1;
	if (s[0] == '/')
		emit(e, "slash");
	/* "of/overlay: fix" at a subject's start, or after an architecture's tag
	 * ("[arm64] of/irq:"), no word of the lists: Open Firmware, O-F, as "of:" is */
	if (n > 3 && memcmp(s, "of/", 3) == 0 && (!e->prev[0] || !dict_word(e->prev, strlen(e->prev))) &&
	    isalpha((unsigned char)s[3])) {
		spell(e, s, 2, 0);
		emit(e, "slash");
		s += 3;
		n -= 3;
	}
	/* a chip's name and the number of another of its family: "RTL8821/8822",
	 * "nct6798/6799": the number a model as in the name (was "eight
	 * thousand eight hundred twenty-two") */
	{
		const char *sl = memchr(s, '/', n);
		size_t a2 = sl ? (size_t)(sl - s) : 0, b2 = sl ? n - a2 - 1 : 0, d = 0;
		while (d < a2 && isdigit((unsigned char)s[a2 - 1 - d]))
			d++;
		if (sl && (d == 3 || d == 4) && d < a2 && isalpha((unsigned char)s[a2 - d - 1]) && b2 == d &&
		    all_digit(sl + 1, b2) && sl[1] == s[a2 - d] && !memchr(sl + 1, '/', b2)) {
			say_core(e, s, a2, F_START | F_PART | F_PATH);
			emit(e, "slash");
			emit_model(e, sl + 1, b2);
			return 1;
		}
	}
	say_split(e, s, n, "/", "slash", F_START | F_PART | F_PATH);
	return 1;
}


/* two consonants an English word can end with ("ask", "and", "elm", "ads", "zinc", "err"); any
 * other pair ("dv", "dm", "bq") ends no syllable */
static int coda_pair(char a, char b)
{
	static const char *const pairs[] = {"bs", "ch", "ck", "ct", "dd", "ds", "ff", "ft", "gs", "ld", "lf", "lk", "ll",
					    "lm", "lp", "ls", "lt", "mb", "mp", "ms", "nc", "nd", "ng", "nk", "ns", "nt", "nx",
					    "ps", "pt", "rb", "rc", "rd", "rf", "rg", "rk", "rl", "rm", "rn", "rp", "rr", "rs",
					    "rt", "rv", "sh", "sk", "sm", "sp", "ss", "st", "th", "ts", "tt", "xt"};
	for (size_t k = 0; k < sizeof pairs / sizeof *pairs; k++)
		if (pairs[k][0] == tolower((unsigned char)a) && pairs[k][1] == tolower((unsigned char)b))
			return 1;
	return 0;
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
				emit_model(e, s + st, i - st);
			}
		} else if (isalpha((unsigned char)s[i])) {
			while (i < n && isalpha((unsigned char)s[i]))
				i++;
			/* two small letters before two digits or more start a model:
			 * its maker's letters, even when they are a word: "it87"
			 * I-T, "as3722", "at91"; not "in6" (in six), and an entry of
			 * the lexicon says its own ("rc10"); two capitals too, a
			 * maker's model in capitals: "ME910G1" M-E, "IS31FL3236" I-S,
			 * "OR1200" O-R */
			const char *star;
			if (st == 0 && i == 2 && i + 1 < n && isdigit((unsigned char)s[i]) &&
			    isdigit((unsigned char)s[i + 1]) && (all_lower(s, 2) || all_upper(s, 2)) &&
			    !lex_find(e, s, 2, &star, &(size_t){0})) {
				decide(e, "model", "two small letters before digits: a maker's letters");
				spell(e, s, 2, 0);
				continue;
			}
			/* three small letters before three digits or more, no word of
			 * the lists, no entry nor kernel term: a maker's letters too,
			 * "vub300" V-U-B, "ast2600" A-S-T (not "max98090", "ath10k") */
			if (st == 0 && i == 3 && i + 2 < n && isdigit((unsigned char)s[i]) &&
			    isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2]) && all_lower(s, 3) &&
			    !lex_find(e, s, 3, &star, &(size_t){0}) && !dict_word(s, 3) && !words_common(s, 3, 70) &&
			    vocab_kind(s, 3) != VOCAB_TERM && vocab_kind(s, 3) != VOCAB_PLATFORM) {
				decide(e, "model", "three small letters no list has before digits: a maker's letters");
				spell(e, s, 3, 0);
				continue;
			}
			/* three small letters before two digits or more that no
			 * English word could end with (a vowel, then two consonants
			 * that end no syllable: "adv7842") are a maker's letters even
			 * when a list has them as an abbreviation: A-D-V */
			if (st == 0 && i == 3 && i + 1 < n && isdigit((unsigned char)s[i]) &&
			    isdigit((unsigned char)s[i + 1]) && all_lower(s, 3) && is_vowel(s[0], 0) && !is_vowel(s[1], 1) && !is_vowel(s[2], 1) && !coda_pair(s[1], s[2]) &&
			    !lex_find(e, s, 3, &star, &(size_t){0}) && vocab_kind(s, 3) != VOCAB_PLATFORM) {
				decide(e, "model", "a vowel and two consonants no word ends with, before digits: a maker's letters");
				spell(e, s, 3, 0);
				continue;
			}
			/* and two small letters after a model's letters and two digits
			 * or more end it: its variant, even when they are a word:
			 * "rtl8723be" B-E like "rtl8723ae" A-E; two capitals after a
			 * name in capitals too: "RTL8852BE" B-E, not the word "be" */
			if (i == n && i - st == 2 && st >= 3 && isdigit((unsigned char)s[st - 1]) &&
			    isdigit((unsigned char)s[st - 2]) && isalpha((unsigned char)s[0]) &&
			    (all_lower(s + st, 2) || (all_upper(s + st, 2) && isupper((unsigned char)s[0]))) &&
			    !lex_find(e, s + st, 2, &star, &(size_t){0})) {
				decide(e, "model", "two letters after a model's digits: its variant");
				spell(e, s + st, 2, 0);
				continue;
			}
			/* two letters between a model's digits are its letters,
			 * even a word: "sc16is7xx" I-S (a preposition is one:
			 * "6in4" six in four, "4to6") */
			static const char *const preps[] = {"in", "to", "on", "of", "or", "by", "at"};
			int prep = 0;
			for (size_t k = 0; k < ARRAY_LEN(preps) && i - st == 2; k++)
				prep |= strncasecmp(s + st, preps[k], 2) == 0;
			if (i < n && i - st == 2 && st >= 3 && isdigit((unsigned char)s[st - 1]) &&
			    isdigit((unsigned char)s[i]) && isalpha((unsigned char)s[0]) && !prep &&
			    (all_lower(s + st, 2) || all_upper(s + st, 2)) && !lex_find(e, s + st, 2, &star, &(size_t){0})) {
				decide(e, "model", "two letters between a model's digits: its letters");
				spell(e, s + st, 2, 0);
				continue;
			}
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

/* Numbers in thousands hyphenated to a word they count or to each other:
 * "14,866-changeset", "1,000-line", "10,000-20,000" (parts of letters or of
 * grouped digits, a comma in one of them at least, the first a number). */
static int hyphened_thousands(const char *s, size_t n)
{
	int grouped = 0, parts = 0;
	if (!memchr(s, '-', n) || !isdigit((unsigned char)s[0]))
		return 0;
	for (size_t st = 0, i = 0; i <= n; i++) {
		if (i < n && s[i] != '-')
			continue;
		if (i == st)
			return 0;
		if (memchr(s + st, ',', i - st)) {
			if (!thousands(s + st, i - st))
				return 0;
			grouped = 1;
		} else if (!all_alpha(s + st, i - st) && !all_digit(s + st, i - st)) {
			return 0;
		}
		parts++;
		st = i + 1;
	}
	return grouped && parts >= 2;
}

/* Whether any of the characters of set is in s[0..n). */
static int strpbrk_n(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]))
			return 1;
	return 0;
}

/*
 * Shapes with a dot or a comma that are never "dot": initials ("K.P"),
 * dotted product names ("M.2"), versions glued to a word ("gcc13.2",
 * "Release3.1", "v.6.1"), lists without spaces ("6.6.9,6.1.70", "however,the"),
 * a sentence glued to the next ("done.Next"); and emphasis written
 * "/really/". Returns 1 when s was said.
 */
/* Whether s[0..n) is a top directory of the file system hierarchy. */
static int fhs_dir(const char *s, size_t n)
{
	static const char *const dirs[] = {
		"bin", "boot", "dev", "etc", "home", "lib", "mnt", "opt", "proc", "root", "run", "sbin",
		"srv", "sys", "tmp", "usr", "var",
	};
	for (size_t i = 0; i < ARRAY_LEN(dirs); i++)
		if (strlen(dirs[i]) == n && memcmp(dirs[i], s, n) == 0)
			return 1;
	return 0;
}

static int say_shapes(struct en *e, const char *s, size_t n, int flags)
{
	const char *dot = memchr(s, '.', n);
	/* /really/ (but "/etc/", "/proc/": a directory of the hierarchy) */
	if (n >= 4 && s[0] == '/' && s[n - 1] == '/' && all_alpha(s + 1, n - 2) && dict_lower(s + 1, n - 2) &&
	    !fhs_dir(s + 1, n - 2)) {
		say_word(e, s + 1, n - 2, flags);
		return 1;
	}
	/* i.MX, e.MMC: a product's small letter, then its name */
	size_t caps = 2;
	while (caps < n && isupper((unsigned char)s[caps]))
		caps++;
	size_t dg = caps;
	while (dg < n && isdigit((unsigned char)s[dg]))
		dg++;
	if (n >= 4 && islower((unsigned char)s[0]) && s[1] == '.' && caps >= 4 &&
	    (caps == n || (dg > caps && (dg == n || (n - dg <= 3 && all_upper(s + dg, n - dg)))))) {
		spell(e, s, 1, 0);    /* (and a model after it: "i.MX6", "i.MX8MQ") */
		say_word(e, s + 2, caps - 2, flags | F_PART);
		if (caps < n)
			emit_numstr(e, s + caps, dg - caps);
		if (dg < n)
			spell(e, s + dg, n - dg, 0);
		return 1;
	}
	/* "big.LITTLE": a product's name, a word in small letters, a dot, an
	 * English word of five letters or more in capitals, each said as a word
	 * (not a field "struct.MEMBER": both words English, not the kernel's) */
	const char *pd = memchr(s, '.', n);
	size_t pa = pd ? (size_t)(pd - s) : 0, pb = pd ? n - pa - 1 : 0;
	if (pd && pa >= 3 && pb >= 5 && all_lower(s, pa) && all_upper(pd + 1, pb) && words_dict(s, pa) &&
	    words_common(pd + 1, pb, 50) && !memchr(pd + 1, '.', pb) && vocab_kind(s, pa) == VOCAB_NONE &&
	    vocab_kind(pd + 1, pb) == VOCAB_NONE) {
		say_word(e, s, pa, flags);
		say_word(e, pd + 1, pb, flags | F_PART);
		return 1;
	}
	/* K.P, U.S.A */
	if (dot && n >= 3 && n % 2 == 1) {
		int initials = 1;
		for (size_t i = 0; i < n; i++)
			if (i % 2 ? s[i] != '.' : !isupper((unsigned char)s[i]))
				initials = 0;
		if (initials && n >= 5 && e->in_zh) {
			/* "A.B.C格式", "版本號格式變為A.B.C.D": inside Chinese, three
			   capitals or more joined by dots are a format's template, its
			   letters and its dots said (a Chinese text writes no initials) */
			for (size_t i = 0; i < n; i += 2) {
				if (i)
					emit(e, "dot");
				spell(e, s + i, 1, 0);
			}
			return 1;
		}
		if (initials && n >= 5 && memchr(s, 'A', n)) {
			/* three letters or more with an A kept as written
			   ("S.A.R.A"): espeak-ng says an A after a dot as the letter,
			   after a hyphen as the article; two ("P.A", "E.A") are
			   spelled, which GoogleTN's references match better */
			emitn(e, s, n);
			return 1;
		}
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
	/* "NFSv4.x", "ACE2.x": a series glued to its name, "point X" as "4.x" alone */
	if (n >= 4 && s[n - 2] == '.' && (s[n - 1] == 'x' || s[n - 1] == 'X') && isdigit((unsigned char)s[n - 3]) &&
	    isalpha((unsigned char)s[0]) && !memchr(s, '.', n - 2)) {
		say_core(e, s, n - 2, flags);
		emit(e, "point X");
		return 1;
	}
	/* "x.0", "x.1": a version whose major is a wildcard, as "5.x" is one whose
	   minor is, "X point oh" (a lone small x; "X.25" and "X.509" are standards);
	   so is y, the next wildcard ("ends at x.19, then y.0") */
	if (n >= 3 && (s[0] == 'x' || s[0] == 'y') && s[1] == '.' && isdigit((unsigned char)s[2])) {
		struct numparse np;
		if (parse_number(s + 2, n - 2, &np) && np.restlen == 0 && np.commas == 0) {
			say_word(e, s, 1, flags | F_PART);
			for (int c = 0; c < np.ncomp; c++) {
				emit(e, "point");
				if (np.clen[c] == 1 && np.comp[c][0] == '0')
					emit(e, "oh");
				else
					emit_numstr(e, np.comp[c], np.clen[c]);
			}
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
			if (np.ncomp >= 2) {
				emit_version(e, &np);
			} else if (a == 1 && isupper((unsigned char)s[0]) && np.clen[0] >= 3 && np.clen[0] <= 4) {
				/* a standard's number: "H.264" H two sixty-four, "X.509" X five oh nine */
				emit_model(e, np.comp[0], np.clen[0]);
			} else {
				emit_numstr(e, np.comp[0], np.clen[0]);
			}
			if (rest_word)
				say_word(e, np.rest, np.restlen, flags);
			return 1;
		}
	}
	/* lists glued at commas and semicolons, unless a number in thousands,
	   alone or hyphenated to the word it counts ("14,866-changeset",
	   "1,000-line": the number shapes say it as "1000-line") */
	const char *comma = NULL;
	for (size_t i = 1; i + 1 < n && !comma; i++)
		if ((s[i] == ',' || s[i] == ';') && isalnum((unsigned char)s[i - 1]) &&
		    (isalnum((unsigned char)s[i + 1]) || (s[0] == '%' && s[i + 1] == '%')))   /* "%desc,%clock" */
			comma = s + i;
	if (comma && !thousands(s, n) && !hyphened_thousands(s, n)) {
		/* a devicetree compatible, "ti,lp87565", "st,stm32-dma": a vendor
		   prefix of two small letters is spelled */
		if (comma == s + 2 && all_lower(s, 2) && !memchr(comma + 1, ',', n - 3) &&
		    (memchr(comma + 1, '-', n - 3) || strpbrk_n(comma + 1, n - 3, "0123456789"))) {
			spell(e, s, 2, 0);
			punct(e, ',');
			say_core(e, comma + 1, n - 3, F_TOKEN | F_START);
			return 1;
		}
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
	/* "as big as 1MB.The still": a measure, then a sentence whose space was
	   lost after the full stop */
	if (dot && dot > s && dot + 2 < s + n && isdigit((unsigned char)s[0]) && isupper((unsigned char)dot[1]) &&
	    all_lower(dot + 2, n - (size_t)(dot - s) - 2) && dict_word(dot + 1, n - (size_t)(dot - s) - 1) &&
	    !is_tld(dot + 1, n - (size_t)(dot - s) - 1)) {
		size_t dg = 0;
		while (s + dg < dot && isdigit((unsigned char)s[dg]))
			dg++;
		if (s + dg < dot && all_alpha(s + dg, (size_t)(dot - s) - dg) && find_unit(s + dg, (size_t)(dot - s) - dg, 0)) {
			say_core(e, s, (size_t)(dot - s), F_TOKEN | F_START);
			punct(e, '.');
			say_word(e, dot + 1, n - (size_t)(dot - s) - 1, flags);
			return 1;
		}
	}
	return 0;
}

/* ---- the shapes, in the order shapes[] asks them ---- */

/* An entry's [[phonemes]] written in the text pass through. */
static int s_phonemes(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = find_str(s, n, "[[");
	if (!p || !find_str(p, n - (size_t)(p - s), "]]"))
		return 0;
	emitn(e, s, n);
	return 1;
}

/* "rc" on its own is a release candidate after a word that picks one out
 * ("the next rc", "this rc", "each rc"); elsewhere kernel text's rc is a
 * return code, a remote control or a rate control ("fix the check of rc in",
 * "unregister rc device", "cancel rc work"), and so is one before a noun of
 * a device or of code ("the rc core"): its letters, which are right for a
 * release candidate too. */
static int rc_not_candidate(const struct en *e, const char *s, size_t n)
{
	static const char *const picks[] = {
		"the", "this", "that", "next", "last", "each", "every", "another", "first", "final", "new",
		"latest", "previous", "second", "third", "one", "any", "no", "its", "a", "current", "upcoming",
		"early", "late", "later", "same", "which", "what",
	};
	static const char *const things[] = {
		"core", "device", "devices", "driver", "drivers", "code", "codes", "map", "maps", "keymap",
		"keymaps", "table", "subsystem", "protocol", "protocols", "receiver", "decoder", "decoders",
		"work", "endpoint", "script", "scripts", "file", "files", "value", "variable",
	};
	if (n != 2 || s[0] != 'r' || s[1] != 'c')
		return 0;
	if (e->next)
		for (size_t i = 0; i < sizeof things / sizeof *things; i++)
			if (strlen(things[i]) == e->nextn && strncasecmp(e->next, things[i], e->nextn) == 0)
				return 1;
	for (size_t i = 0; i < sizeof picks / sizeof *picks; i++)
		if (strcasecmp(e->prev, picks[i]) == 0)
			return 0;
	return 1;
}

static int s_lexicon(struct en *e, const char *s, size_t n, int flags)
{
	/* "ip_vs", "ipv4/vs", "rc_dev", "media/rc", "pi_lock": inside an
	 * identifier or a path (not a hyphenated name: "rock-pi-s"), two small letters whose entry is a prose word
	 * (vs versus, eg for example, rc release candidate, pi pie) are an
	 * abbreviation of the code's own: their letters */
	const char *star;
	size_t sl;
	const char *say;
	/* a program's name on a command line that is an English word is the
	 * program, not an acronym the lexicon has in capitals: "sudo tee"
	 * (TEE, the trusted execution environment, is T-E-E) */
	if (e->cmdline && (flags & F_TOKEN) && n >= 3 && all_lower(s, n) && shell_command(s, n) && words_common(s, n, 70)) {
		decide(e, "word", "a program's name on a command line: the program");
		emitn(e, s, n);
		return 1;
	}
	if ((flags & (F_CNAME | F_PATH)) && n == 2 && all_lower(s, n) && (say = lex_find(e, s, n, &star, &sl)) && !star &&
	    !strchr(say, '-') && strlen(say) > 2 && islower((unsigned char)say[0])) {
		decide(e, "acronym", "two letters whose entry is a prose word, inside an identifier or a path: its letters");
		spell(e, s, n, 0);
		return 1;
	}
	/* a host name's label of three small letters or fewer whose entry
	 * spells out a word of code ("pwr.wroc.pl": pwr power) is the site's
	 * letters, not the word */
	if ((flags & F_LABEL) && n <= 3 && all_lower(s, n) && (say = lex_find(e, s, n, &star, &sl)) && !star &&
	    !strchr(say, '-') && !strchr(say, ' ') && strlen(say) > n && islower((unsigned char)say[0])) {
		decide(e, "acronym", "a short label of a host name whose entry is a word of code: its letters");
		spell(e, s, n, 0);
		return 1;
	}
	/* the whole token, or a name's first part ("rc-core"); and "rc-5", "rc-6",
	 * the infrared protocols (a release candidate is written "-rc5", "rc5") */
	if (!(flags & (F_CNAME | F_PATH)) &&
	    ((((flags & F_TOKEN) || (s[n] == '-' && isalpha((unsigned char)s[n + 1]))) && rc_not_candidate(e, s, n)) ||
	     (n == 2 && s[0] == 'r' && s[1] == 'c' && s[n] == '-' && isdigit((unsigned char)s[n + 1])))) {
		decide(e, "acronym", "rc not after a word that picks out a release candidate: its letters");
		spell(e, s, n, 0);
		return 1;
	}
	return lex_say(e, s, n);
}

static int s_url(struct en *e, const char *s, size_t n, int flags)
{
	return try_url(e, s, n);
}

static int s_path(struct en *e, const char *s, size_t n, int flags);

/* A shell prompt before a command, "barrios@blaptop:~/benchmark/ebizzy$",
 * "root@host:~#", "user@box$": the user at the host and the directory, not
 * the prompt's marks ("~#" is no "about", ":" and "$" are not said). */
static int s_prompt(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 5 || (s[n - 1] != '$' && s[n - 1] != '#'))
		return 0;
	const char *at = memchr(s, '@', n);
	if (!at || at == s)
		return 0;
	size_t ul = (size_t)(at - s), hl = 0;
	for (size_t i = 0; i < ul; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_' && s[i] != '-' && s[i] != '.')
			return 0;
	const char *h = at + 1, *end = s + n - 1;
	while (h + hl < end && (isalnum((unsigned char)h[hl]) || h[hl] == '-' || h[hl] == '.' || h[hl] == '_'))
		hl++;
	if (!hl || !isalpha((unsigned char)h[0]))
		return 0;
	const char *d = h + hl;
	if (d < end && *d != ':')
		return 0;
	if (d < end)
		d++;
	size_t dl = (size_t)(end - d);
	if (dl && d[0] != '~' && d[0] != '/')
		return 0;
	decide(e, "prompt", "a shell prompt: the user at the host, the directory");
	say_core(e, s, ul, F_START | F_PART | F_NAME);
	emit(e, "at");
	say_core(e, h, hl, F_START | F_PART);
	if (dl == 1 && d[0] == '~')
		emit(e, "home");
	else if (dl == 1 && d[0] == '/')
		emit(e, "slash");
	else if (dl && !s_path(e, d, dl, flags))
		say_core(e, d, dl, F_START | F_PART);
	return 1;
}

/* A device-tree node with its unit address, "efuse@11f10000", "usb@7e980000",
 * "memory@0", "/soc/i2c@1c2ac00": the node's name at its address, hexadecimal
 * digits with a digit (a name or a host after the at sign is no address). */
static int s_dt_node(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	const char *at = memchr(s, '@', n);
	if (!at || at - s < 2 || !islower((unsigned char)s[0]))
		return 0;
	size_t ll = (size_t)(at - s), al = n - ll - 1;
	if (!al || al > 16)
		return 0;
	for (size_t i = 0; i < ll; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	int digit = 0;
	for (size_t i = 0; i < al; i++) {
		if (isdigit((unsigned char)at[1 + i]))
			digit = 1;
		else if (!isxdigit((unsigned char)at[1 + i]))
			return 0;
	}
	if (!digit)
		return 0;
	decide(e, "device tree", "a device-tree node and its unit address: the name at the address");
	say_core(e, s, ll, F_START | F_PART);
	emit(e, "at");
	/* an address of three digits or more is said digit by digit, as a
	 * hexadecimal value is (not as a commit ID's first four) */
	if (al <= 2)
		say_core(e, at + 1, al, F_START | F_PART);
	else
		spell(e, at + 1, al, 0);
	return 1;
}

static int s_email(struct en *e, const char *s, size_t n, int flags)
{
	return try_email(e, s, n);
}

static int s_domain(struct en *e, const char *s, size_t n, int flags)
{
	if (!is_domain(s, n, 1))
		return 0;
	say_domain(e, s, n);
	return 1;
}

/* The token, then "'s": "Linus's", "RCU's", "Linus’s". */
static int s_possessive(struct en *e, const char *s, size_t n, int flags)
{
	size_t k;
	if (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's')
		k = 2;
	else if (n > 3 && find_str(s, n, "\xe2\x80\x99s") == s + n - 4)
		k = 4;
	else
		return 0;
	say_core(e, s, n - k, flags);
	if (e->out.len && isalnum((unsigned char)e->out.data[e->out.len - 1]))
		buf_puts(&e->out, "'s");
	else
		said_suffix(e, "'s", "z");    /* "A's", a lexicon's phonemes */
	return 1;
}

/* CVE-2023-1234: the letters, the year, the number digit by digit. */
static int s_cve(struct en *e, const char *s, size_t n, int flags)
{
	if (!(n > 10 && strncasecmp(s, "CVE-", 4) == 0 && all_digit(s + 4, 4) && s[8] == '-'))
		return 0;
	size_t m = 9;
	while (m < n && isdigit((unsigned char)s[m]))
		m++;
	/* "CVE-2016-5195(Dirty", "CVE-2024-1086:2024": a bracket or a colon
	   glued after the ID ends it, a pause, then the rest */
	if (m > 10 && m + 1 < n && (s[m] == '(' || s[m] == ':')) {
		s_cve(e, s, m, flags);
		punct(e, ',');
		say_core(e, s + m + 1, n - m - 1, F_START);
		return 1;
	}
	if (m != n || m <= 10)
		return 0;
	spell(e, "CVE", 3, 0);
	emit_year(e, (unsigned)num_parse(s + 4, 4));
	struct buf b = {0};
	num_digits(&b, s + 9, n - 9);
	emit(e, b.data);
	buf_free(&b);
	return 1;
}

/* Hexadecimal digits and letters, 7 to 40 of them: *kind 1 a commit ID,
 * 2 a value (a digit repeated four times running, "fffffff7": rare in a
 * hash, about 1 in 300), 0 neither. */
static int hex_kind(const char *s, size_t n)
{
	if (n < 7 || n > 40)
		return 0;
	int digit = 0, alpha = 0;
	size_t run = 1, most = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c))
			digit = 1;
		else if (c >= 'a' && c <= 'f')
			alpha = 1;
		else
			return 0;
		if (i && (run = s[i] == s[i - 1] ? run + 1 : 1) > most)
			most = run;
	}
	if (!digit || !alpha)
		return 0;
	return most >= 4 && n <= 16 ? 2 : 1;
}

/* Hexadecimal digits and an h suffix, as AMD and Intel write them: a capital
 * A-F among the digits before a small h ("Family 1Ah", "0Fh"), or four
 * digits or more before a capital H (a CPUID leaf, "80000001H",
 * "8000001FH"): each digit and letter said, then H; "24h" (hours) and
 * "15h" (speech_verbal.c's cue words) have no letter. */
static int s_hex_suffix(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n < 3 || !isdigit((unsigned char)s[0]) || (s[n - 1] != 'h' && s[n - 1] != 'H'))
		return 0;
	int letter = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] >= 'A' && s[i] <= 'F')
			letter = 1;
		else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	if (!(s[n - 1] == 'h' ? letter : n - 1 >= 4))
		return 0;
	spell(e, s, n - 1, 0);
	emit(e, "H");
	return 1;
}

/* the previous word is "commit" or a name whose last part is ("HEAD_COMMIT",
 * "base-commit:", "fix_commit"): the ID after it gets no second "commit" */
static int prev_is_commit(const struct en *e)
{
	size_t k = strlen(e->prev);
	if (k && e->prev[k - 1] == ':')
		k--;
	if (k < 6 || strncasecmp(e->prev + k - 6, "commit", 6) != 0)
		return 0;
	return k == 6 || e->prev[k - 7] == '_' || e->prev[k - 7] == '-';
}

/* the previous word names a page-table level of an oops's "PGD 2a04067 P4D
 * 2a04067 PUD 0": the value after it is no commit (fresh37) */
static int prev_is_pt_level(const struct en *e)
{
	static const char *const levels[] = {"PGD", "P4D", "PUD", "PMD", "PTE"};
	for (size_t k = 0; k < ARRAY_LEN(levels); k++)
		if (!strcmp(e->prev, levels[k]))
			return 1;
	return 0;
}

static int s_hex_value(struct en *e, const char *s, size_t n, int flags)
{
	if (!(hex_kind(s, n) == 2 || (hex_kind(s, n) && prev_is_pt_level(e))) || prev_is_commit(e))
		return 0;
	spell(e, s, n, 0);
	return 1;
}

static int s_commit(struct en *e, const char *s, size_t n, int flags)
{
	/* a commit ID stands alone: a letter and digits joined to a C name by
	 * an underscore are a chip's name ("f71808e_wdt", the Fintek F71808E) */
	if ((flags & F_CNAME) && isalpha((unsigned char)s[0]) && isdigit((unsigned char)s[1]))
		return 0;
	if (!hex_kind(s, n))
		return 0;
	/* "erratum a004447", "fsl,i2c-erratum-a008585": a vendor's erratum
	 * number, a letter and digits, is said whole, not as a commit ID */
	if (erratum_word(e->prev, strlen(e->prev)) &&
	    strspn(s + 1, "0123456789") == n - 1) {
		spell(e, s, n, 0);
		return 1;
	}
	/* "---[ end trace 11621178b6045557 ]---": an oops's trace ID after
	 * "trace" is no commit; its first characters as a commit's are said */
	if (!prev_is_commit(e) && strcasecmp(e->prev, "trace") != 0 && !(flags & F_PART))
		emit(e, "commit");
	spell(e, s, 4, 0);
	return 1;
}

/* "65fbe4f886c1..902665b27702": two commit IDs (or two blobs' IDs) joined
 * by two dots, a range of commits or a diff's "index" line: each said by its
 * first four, "to" between; "commit" said once before the range, not at all
 * after "index" (git's blob IDs) or "commit" (fresh37: the first ID was
 * "sixty-five F-B-E-four", and "commit" was said before each) */
static int s_hex_range(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = find_str(s, n, "..");
	if (!p || p == s || p + 2 >= s + n || p[2] == '.')
		return 0;
	size_t an = (size_t)(p - s), bn = n - an - 2;
	if (!hex_kind(s, an) || !hex_kind(p + 2, bn))
		return 0;
	if (!prev_is_commit(e) && strcasecmp(e->prev, "index") != 0 && !(flags & F_PART))
		emit(e, "commit");
	spell(e, s, 4, 0);
	emit(e, "to");
	spell(e, p + 2, 4, 0);
	return 1;
}

/* A snapshot's package version, a date glued to a commit ID by a dot and a
 * packaging release after a dash: Arch's linux-firmware "20220119.0c6a7b3-2",
 * "20250613.12fe085f-5": the date (as a date alone is said), "dot", the
 * commit ID's first four, "dash" and the release, not "twenty million" and
 * the commit ID's digits read as a decimal's. */
static int s_dated_snapshot(struct en *e, const char *s, size_t n, int flags)
{
	int y, m, d;
	(void)flags;
	if (n < 16 || s[8] != '.' || !parse_date(s, 8, &y, &m, &d))
		return 0;
	size_t j = 9;
	while (j < n && (isdigit((unsigned char)s[j]) || (s[j] >= 'a' && s[j] <= 'f')))
		j++;
	if (j - 9 < 7 || j - 9 > 40 || !hex_kind(s + 9, j - 9))
		return 0;
	if (j < n && (s[j] != '-' || n - j - 1 < 1 || n - j - 1 > 3 || !all_digit(s + j + 1, n - j - 1)))
		return 0;
	emit_date(e, y, m, d);
	emit(e, "dot");
	spell(e, s + 9, 4, 0);
	if (j < n) {
		emit(e, "dash");
		emit_numstr(e, s + j + 1, n - j - 1);
	}
	return 1;
}

/* A date of eight digits before a hyphen and a word, as b4 begins a
 * series' change ID ("20260415-clkmsr_a1_t7-9820984d0af1") and some tags
 * and snapshots begin: the date, as the date alone is said, then the rest
 * as it would be said alone; not "twenty million". Digits after the
 * hyphen (a range, a build number) are left to the other shapes. */
static int s_dated_prefix(struct en *e, const char *s, size_t n, int flags)
{
	int y, m, d;
	if (n < 11 || s[8] != '-' || !isalpha((unsigned char)s[9]) || !parse_date(s, 8, &y, &m, &d))
		return 0;
	emit_date(e, y, m, d);
	punct(e, ',');
	say_core(e, s + 9, n - 9, flags | F_START | F_PART);
	return 1;
}

/* "Meeting 1&2", "rooms 3&4": two numbers joined by an ampersand are both
 * said, with "and" between (the number shapes would drop the sign) */
static int s_amp_numbers(struct en *e, const char *s, size_t n, int flags)
{
	const char *amp = n >= 3 ? memchr(s, '&', n) : NULL;
	if (!amp || amp == s || amp + 1 == s + n || !all_digit(s, (size_t)(amp - s)) ||
	    !all_digit(amp + 1, (size_t)(s + n - amp - 1)))
		return 0;
	say_core(e, s, (size_t)(amp - s), flags | F_START | F_PART);
	emit(e, "and");
	say_core(e, amp + 1, (size_t)(s + n - amp - 1), flags | F_START | F_PART);
	return 1;
}

/* A bug tracker's short prefix glued to its number by a #: Arch's
 * "FS#72559", Red Hat's "BZ#1559615", Launchpad's "LP#1987654", Debian's
 * "Bug#123456": the prefix, "number" and the number's digits one by one,
 * as "bug #1063422" is said (not a count); a short number is a number. */
static int s_tracker_number(struct en *e, const char *s, size_t n, int flags)
{
	const char *h = memchr(s, '#', n);
	if (!h || h == s)
		return 0;
	size_t p = (size_t)(h - s), dn = n - p - 1;
	if (p > 5 || dn < 3 || dn > 10 || !all_alpha(s, p) || !all_digit(h + 1, dn))
		return 0;
	say_core(e, s, p, flags | F_PART);
	emit(e, "number");
	if (dn >= 5)
		emit_id_digits(e, h + 1, dn);
	else
		emit_numstr(e, h + 1, dn);
	return 1;
}

/* git describe's suffix, a g and an abbreviated commit ID: "6.9.0-rc7-
 * g7da7119fe22b", "-00146-g9f3ebbef746f", "rel-1.17.0-0-gb52ca86e094d": the
 * letter G, then the commit ID as one is said (its first four), not its
 * digits read as numbers. */
static int s_describe_hash(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n < 8 || s[0] != 'g' || !hex_kind(s + 1, n - 1))
		return 0;
	spell(e, s, 1, 0);
	spell(e, s + 1, 4, 0);
	return 1;
}

/* git describe's whole name, a tag, the count of commits since it and g
 * with a commit ID: "rel-1.16.3-2-g1234abc", "v6.1-rc3-45-gdeadbeef",
 * "v2.39.1-00146-g9f3ebbef746f": the tag, "plus N commits" (the count is
 * not a part of the version, nor the end of a range), then G and the
 * commit ID's first four. The tag has a digit; the count up to six digits. */
static int s_describe(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 12)
		return 0;
	size_t g = n;                 /* just after the last "-g" */
	while (g >= 2 && !(s[g - 2] == '-' && s[g - 1] == 'g'))
		g--;
	if (g < 2 || n - g < 7 || n - g > 40 || strspn(s + g, "0123456789abcdef") != n - g)
		return 0;
	size_t d = g - 2;             /* the count's digits end at d */
	while (d > 0 && isdigit((unsigned char)s[d - 1]))
		d--;
	if (d == g - 2 || g - 2 - d > 6 || d < 3 || s[d - 1] != '-')
		return 0;
	size_t pl = d - 1, k = 0;
	while (k < pl && !isdigit((unsigned char)s[k]))
		k++;
	if (k == pl || !isalnum((unsigned char)s[pl - 1]))
		return 0;
	unsigned long long v = strtoull(s + d, NULL, 10);
	say_core(e, s, pl, flags | F_PART);
	emit(e, "plus");
	emit_num(e, v);
	emit(e, v == 1 ? "commit," : "commits,");
	spell(e, s + g - 1, 1, 0);
	spell(e, s + g, 4, 0);
	return 1;
}

/*
 * Brace alternation glued to a name: "rtl8723{be,ae}" is rtl8723be and
 * rtl8723ae, so each alternative is said as it is said in the whole name
 * (B-E, not "be"): the name, then the rest of each other whole name past
 * what the name alone is said as.
 */
static int s_braces(struct en *e, const char *s, size_t n, int flags)
{
	const char *b = memchr(s, '{', n);
	if (!b || b == s || !memchr(b, ',', n - (size_t)(b - s)))
		return 0;
	size_t pn = (size_t)(b - s), close = n;
	for (size_t i = 0; i < pn; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	for (size_t i = pn + 1; i < n; i++)
		if (s[i] == '}') {
			close = i;
			break;
		} else if (!isalnum((unsigned char)s[i]) && s[i] != ',')
			return 0;
	if (close != n && close + 1 != n)
		return 0;     /* (a suffix after the braces: said by the other shapes) */
	/* the name alone */
	size_t from = e->out.len;
	say_core(e, s, pn, flags | F_PART);
	char *alone = xstrndup(e->out.data + from, e->out.len - from);
	e->out.len = from;
	e->out.data[from] = 0;
	char whole[96];
	int first = 1;
	for (size_t st = pn + 1, i = st; i <= close; i++) {
		if (i < close && s[i] != ',')
			continue;
		size_t an = i - st;
		if (!an || pn + an >= sizeof whole) {
			/* an empty one ("icmp{,v6}", "label{,s}") is left to the other shapes */
			e->out.len = from;
			e->out.data[from] = 0;
			free(alone);
			return 0;
		}
		{
			memcpy(whole, s, pn);
			memcpy(whole + pn, s + st, an);
			if (!first)
				punct(e, ',');
			size_t at = e->out.len;
			int glue = e->glue;
			say_core(e, whole, pn + an, flags | F_PART);
			const char *said = e->out.data + at;
			while (*said == ' ')
				said++;
			size_t al = strlen(alone);
			const char *a = alone;
			while (*a == ' ')
				a++, al--;
			if (!first && al && strncmp(said, a, al) == 0 && said[al] == ' ') {
				/* the rest past the name */
				char *rest = xstrdup(said + al + 1);
				e->out.len = at;
				e->out.data[at] = 0;
				e->glue = glue;
				emit(e, rest);
				free(rest);
			} else if (!first) {
				e->out.len = at;
				e->out.data[at] = 0;
				e->glue = glue;
				say_core(e, s + st, an, flags | F_PART);
			}
			first = 0;
		}
		st = i + 1;
	}
	free(alone);
	return !first;
}

/* Alternatives in braces before a name's rest: "{nl,mac}80211" is nl80211
 * and mac80211, each whole name said ("N-L eight oh two eleven and mac
 * eight oh two eleven"). */
static int s_braces_lead(struct en *e, const char *s, size_t n, int flags)
{
	const char *close = n > 4 && s[0] == '{' ? memchr(s, '}', n) : NULL;
	if (!close || close + 1 == s + n || !memchr(s, ',', (size_t)(close - s)))
		return 0;
	size_t rn = n - (size_t)(close + 1 - s), alts = 1;
	for (const char *p = close + 1; p < s + n; p++)
		if (!isalnum((unsigned char)*p))
			return 0;
	for (const char *p = s + 1; p < close; p++)
		if (*p == ',')
			alts++;
		else if (!isalnum((unsigned char)*p))
			return 0;
	if (alts > 4)
		return 0;
	char whole[96];
	size_t k = 0;
	for (const char *st = s + 1, *p = st; p <= close; p++) {
		if (p < close && *p != ',')
			continue;
		size_t an = (size_t)(p - st);
		if (!an || an + rn >= sizeof whole)
			return 0;     /* "{,v6}": an empty one, or too long */
		st = p + 1;
	}
	for (const char *st = s + 1, *p = st; p <= close; p++) {
		if (p < close && *p != ',')
			continue;
		size_t an = (size_t)(p - st);
		memcpy(whole, st, an);
		memcpy(whole + an, close + 1, rn);
		if (k + 1 == alts && k)
			emit(e, "and");
		else if (k)
			punct(e, ',');
		say_core(e, whole, an + rn, flags | F_PART);
		k++;
		st = p + 1;
	}
	if (flags & F_TOKEN)
		decide(e, "identifier", "alternatives in braces before the rest of a name: each whole name said");
	return 1;
}

/* A label in small letters and its value glued after a colon, as tools
 * print them ("sum:212545.245 ms", "ratio:0.5"): the label, then the value
 * a decimal of its own, not a file name's dotted parts */
static int s_label_decimal(struct en *e, const char *s, size_t n, int flags)
{
	size_t w = 0;
	while (w < n && islower((unsigned char)s[w]))
		w++;
	if (w < 2 || w + 4 > n || s[w] != ':')
		return 0;
	const char *v = s + w + 1;
	size_t vl = n - w - 1, a = strspn(v, "0123456789");
	if (a < 1 || a >= vl || v[a] != '.' || a + 1 + strspn(v + a + 1, "0123456789") != vl || a + 1 == vl)
		return 0;
	say_core(e, s, w, (flags & ~F_TOKEN) | F_START | F_PART);
	say_core(e, v, vl, (flags & ~(F_TOKEN | F_PART)) | F_START);
	return 1;
}

/* "mpstat.cpu.all.idle%", "turbostat.C1E%", "node-load-miss-rate%": a
 * metric's name that ends in a percent sign after a letter, as benchmark
 * tables name a share; the name, then "percent" (the sign is no mark to drop) */
static int s_name_percent(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 3 || s[n - 1] != '%' || !isalpha((unsigned char)s[n - 2]) || memchr(s, '%', n - 1))
		return 0;
	say_core(e, s, n - 1, (flags & ~F_TOKEN) | F_START);
	emit(e, "percent");
	return 1;
}

/* "sub-$1,000", "under-$500", "pre-\xc2\xa3999.99": a short word in small
 * letters joined by a hyphen to a price with separators is the word, then
 * the price (the comma is no list's: "sub one dollar, oh oh oh" was said) */
static int s_prefix_money(struct en *e, const char *s, size_t n, int flags)
{
	size_t w = 0;
	while (w < n && islower((unsigned char)s[w]))
		w++;
	if (w < 2 || w > 6 || w + 3 > n || s[w] != '-')
		return 0;
	const char *r = s + w + 1;
	size_t rl = n - w - 1, c = 0;
	if (r[0] == '$')
		c = 1;
	else if (rl > 2 && (unsigned char)r[0] == 0xc2 && (unsigned char)r[1] == 0xa3)
		c = 2;     /* the pound sign */
	else if (rl > 3 && (unsigned char)r[0] == 0xe2 && (unsigned char)r[1] == 0x82 && (unsigned char)r[2] == 0xac)
		c = 3;     /* the euro sign */
	if (!c || c >= rl || !isdigit((unsigned char)r[c]) || !memchr(r, ',', rl))
		return 0;
	/* the price without its thousands' commas (each before three digits) */
	char b[32];
	size_t bl = 0, dot = 0;
	for (size_t i = 0; i < rl; i++) {
		if (i >= c && !isdigit((unsigned char)r[i]) && r[i] != ',' && r[i] != '.')
			return 0;
		if (r[i] == '.')
			dot++;
		if (r[i] == ',') {
			if (dot || i + 3 >= rl + (i + 4 > rl) || !isdigit((unsigned char)r[i + 1]) ||
			    !isdigit((unsigned char)r[i + 2]) || !isdigit((unsigned char)r[i + 3]) ||
			    (i + 4 < rl && isdigit((unsigned char)r[i + 4])))
				return 0;
			continue;
		}
		if (bl + 1 >= sizeof b)
			return 0;
		b[bl++] = r[i];
	}
	b[bl] = 0;
	say_core(e, s, w, flags & ~F_TOKEN);
	say_core(e, b, bl, flags);
	return 1;
}

static int s_dotted(struct en *e, const char *s, size_t n, int flags)
{
	return say_shapes(e, s, n, flags);
}

/* A URL inside a token: "](https://...)". */
static int s_url_inside(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = find_str(s, n, "://");
	if (!p)
		return 0;
	const char *st = p, *en = p + 3;
	while (st > s && isalpha((unsigned char)st[-1]))
		st--;
	while (en < s + n && !strchr(")]>\"'<", *en))
		en++;
	if (st == p)
		return 0;
	say_core(e, s, (size_t)(st - s), flags);
	if (!try_url(e, st, (size_t)(en - st)))
		say_core(e, st, (size_t)(en - st), flags & ~F_TOKEN);
	say_core(e, en, n - (size_t)(en - s), flags);
	return 1;
}

static int s_date(struct en *e, const char *s, size_t n, int flags)
{
	return isdigit((unsigned char)s[0]) && say_date(e, s, n);
}

/* 1.5GB/s, 10Gbit/s are a number and a unit, not a path */
static int s_rate(struct en *e, const char *s, size_t n, int flags)
{
	struct numparse np;
	return has_char(s, n, '/') && isdigit((unsigned char)s[0]) && parse_number(s, n, &np) && np.restlen &&
	       find_unit(np.rest, np.restlen, 0) && say_number_shape(e, s, n, flags);
}

/* "Mbit/s", "MB/s" named without a number (a table's column, "units=Mbit/s"):
 * a unit of the table per a unit of time, "megabits per second" */
static int unit_rate(const char *s, size_t n, const struct unit **u, const struct unit **per)
{
	const char *sl = memchr(s, '/', n);
	if (!sl || sl - s < 2 || !isalpha((unsigned char)s[0]) || memchr(sl + 1, '/', n - (size_t)(sl - s) - 1))
		return 0;
	*u = find_unit_per(s, n, 1, per);
	return *u && (strcmp((*per)->one, "second") == 0 || strcmp((*per)->one, "minute") == 0 ||
		      strcmp((*per)->one, "hour") == 0);
}

/* "64C/128T", "8c/16t": a processor's cores and threads, as benchmark
 * mails write them, "sixty-four cores and one hundred twenty-eight
 * threads" (not a path, and no T of terabytes) */
static int s_cores_threads(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	size_t a = 0, b;
	while (a < n && a < 4 && isdigit((unsigned char)s[a]))
		a++;
	if (!a || s[0] == '0' || a + 2 >= n || (s[a] != 'C' && s[a] != 'c') || s[a + 1] != '/')
		return 0;
	b = a + 2;
	while (b < n && b - a - 2 < 5 && isdigit((unsigned char)s[b]))
		b++;
	if (b == a + 2 || s[a + 2] == '0' || b + 1 != n || (s[b] != 'T' && s[b] != 't') || (s[a] == 'C') != (s[b] == 'T'))
		return 0;
	unsigned long long c = (unsigned long long)num_parse(s, a), t = (unsigned long long)num_parse(s + a + 2, b - a - 2);
	emit_num(e, c);
	emit(e, c == 1 ? "core" : "cores");
	emit(e, "and");
	emit_num(e, t);
	emit(e, t == 1 ? "thread" : "threads");
	return 1;
}

/* "bw=618740 B/s": a letter's unit per a unit of time set apart after a
 * value assigned to a name that ends in a number (fio's, dd's output) is the
 * value's unit; alone "B/s" is no unit ("I/O", "R/W") */
static int value_unit_rate(struct en *e, const char *s, size_t n, const struct unit **u, const struct unit **per)
{
	size_t pl = strlen(e->prev);
	if (n < 3 || s[1] != '/' || !isupper((unsigned char)s[0]) || !pl || pl >= sizeof e->prev - 1 ||
	    !isdigit((unsigned char)e->prev[pl - 1]) || !memchr(e->prev, '=', pl))
		return 0;
	*u = find_unit_per(s, n, 0, per);
	return *u && (strcmp((*per)->one, "second") == 0 || strcmp((*per)->one, "minute") == 0 ||
		      strcmp((*per)->one, "hour") == 0);
}

static int s_unit_rate(struct en *e, const char *s, size_t n, int flags)
{
	const struct unit *u, *per;
	if (!unit_rate(s, n, &u, &per) && !((flags & F_TOKEN) && value_unit_rate(e, s, n, &u, &per)))
		return 0;
	emit(e, u->many);
	emit(e, "per");
	emit(e, per->one);
	return 1;
}

/* bw=116996KB/s: a number and a unit per a unit of time, said as the number
 * shapes say "at 116996KB/s" */
static int rate_value(struct en *e, const char *s, size_t n, int flags)
{
	struct numparse np;
	const struct unit *per;
	return isdigit((unsigned char)s[0]) && parse_number(s, n, &np) && np.restlen &&
	       (find_unit(np.rest, np.restlen, 0) || find_unit_per(np.rest, np.restlen, 0, &per)) &&
	       say_number_shape(e, s, n, flags);
}

/* Whether a name (its last part after '_') names a quantity, whose value is
 * a count, not an ID said digit by digit: "iops=233991", "nr_pages=262144" */
static int quantity_name(const char *s, size_t n)
{
	static const char *const q[] = {
		"iops", "ops", "bw", "nr", "count", "cnt", "num", "total", "size", "len", "length",
		"bytes", "pages", "entries", "reqs", "requests", "events", "samples", "loops",
		"iterations", "threads", "jobs", "throughput", "latency", "runt", "min", "max", "avg",
		"lpj",     /* loops per jiffy, "lpj=6400000" */
	};
	const char *u = s;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '_')
			u = s + i + 1;
	size_t ul = n - (size_t)(u - s);
	for (size_t i = 0; i < ARRAY_LEN(q); i++)
		if (strlen(q[i]) == ul && strncasecmp(q[i], u, ul) == 0)
			return 1;
	return 0;
}

/* "throughput=9524.18", "ratio=0.5", "units=Mbit/s", "rate=1.5GB/s": a name
 * and the value assigned to it, the value a number with a point or a slash
 * (or a unit of a rate), said as a token of its own ("point one eight"), not
 * as the dotted parts of a field or a path */
static int s_assign_value(struct en *e, const char *s, size_t n, int flags)
{
	const char *eq = memchr(s, '=', n);
	const struct unit *u, *per;
	if (!eq || eq == s || !isalpha((unsigned char)s[0]) || eq + 1 == s + n)
		return 0;
	size_t nl = (size_t)(eq - s), vl = n - nl - 1;
	const char *v = eq + 1;
	/* "p(95)*p(95)=90.25%", "f(x)=0.25": a formula's terms, calls of one
	   argument and their product, before a decimal or a percentage */
	int calls = 0, depth = 0;
	for (size_t i = 0; i < nl; i++) {
		if (s[i] == '(' && i && isalnum((unsigned char)s[i - 1]) && !depth)
			depth = 1, calls++;
		else if (s[i] == ')' && depth && s[i - 1] != '(')
			depth = 0;
		else if (!isalnum((unsigned char)s[i]) && s[i] != '_' &&
			 !(s[i] == '*' && !depth && i && s[i - 1] == ')' && i + 1 < nl && isalpha((unsigned char)s[i + 1])))
			return 0;
	}
	if (depth || (calls && s[nl - 1] != ')'))
		return 0;
	size_t pct = vl > 1 && v[vl - 1] == '%';
	int alpha = 0;     /* (0/1 is a choice of values, not a rate: "zero slash one") */
	for (size_t i = 0; i < vl; i++)
		alpha |= isalpha((unsigned char)v[i]);
	/* a count of a quantity's name, "iops=233991": said as a number */
	int count = !calls && !pct && all_digit(v, vl) && vl >= 4 && v[0] != '0' && quantity_name(s, nl);
	const char *d1 = memchr(v, '.', vl);
	if (calls && !(isdigit((unsigned char)v[0]) && d1 && !memchr(d1 + 1, '.', vl - (size_t)(d1 - v) - 1) && !alpha &&
		       !has_char(v, vl, '/')))
		return 0;
	if ((pct && !calls) || memchr(v, '=', vl) || !(isdigit((unsigned char)v[0]) ? has_char(v, vl, '.') || (has_char(v, vl, '/') && alpha) || count
										: unit_rate(v, vl, &u, &per)))
		return 0;
	vl -= pct;
	for (size_t st = 0, i = 0; i <= nl; i++)
		if (i == nl || s[i] == '*') {
			say_core(e, s + st, i - st, (flags & ~F_TOKEN) | F_START | F_PART);
			if (i < nl)
				emit(e, "times");
			st = i + 1;
		}
	emit(e, "equals");
	const char *dot = memchr(v, '.', vl);
	size_t il = dot ? (size_t)(dot - v) : 0;
	int ver = 0;     /* (version=5.10: a version, said by the number shapes) */
	for (size_t i = 0; i + 3 <= nl && !ver; i++)
		ver = strncasecmp(s + i, "ver", 3) == 0;
	if (dot && !ver && il && all_digit(v, il) && il + 1 < vl && all_digit(dot + 1, vl - il - 1)) {
		emit_numstr(e, v, il);     /* a decimal: the digits after its point one by one */
		emit(e, "point");
		if (vl - il - 1 == 1 && dot[1] == '0')
			emit(e, "zero");
		else
			emit_id_digits(e, dot + 1, vl - il - 1);
	} else if (count) {
		decide(e, "number", "the value of a quantity's name: a count");
		emit_numstr(e, v, vl);
	} else if (!rate_value(e, v, vl, flags)) {
		say_core(e, v, vl, (flags & ~F_TOKEN) | F_START);
	}
	if (pct)
		emit(e, "percent");
	return 1;
}

/* An ordinal with its label after a hyphen, as benchmark rows name a
 * percentile ("99.9th-qrtle-16", "50th-percentile"): the ordinal said as
 * one ("ninety-nine point ninth"), then the label */
static int s_ordinal_label(struct en *e, const char *s, size_t n, int flags)
{
	size_t a = strspn(s, "0123456789");
	if (a < 1 || a > 3 || a >= n)
		return 0;
	if (s[a] == '.' && a + 1 < n && isdigit((unsigned char)s[a + 1]))
		a += 1 + strspn(s + a + 1, "0123456789");
	if (a + 4 > n || s[a + 2] != '-' || !isalpha((unsigned char)s[a + 3]))
		return 0;
	static const char *const suf[] = {"st", "nd", "rd", "th"};
	int ok = 0;
	for (size_t i = 0; i < ARRAY_LEN(suf) && !ok; i++)
		ok = strncasecmp(s + a, suf[i], 2) == 0;
	if (!ok)
		return 0;
	say_core(e, s, a + 2, (flags & ~F_TOKEN) | F_START);
	say_core(e, s + a + 3, n - a - 3, (flags & ~F_TOKEN) | F_START | F_PART);
	return 1;
}

/* A mean with its spread glued after it, as benchmark tables print them:
 * "13.358(+/- 1.82%)", "2.1(\xc2\xb1 0.3)": the number, then "plus or minus" */
static int s_number_spread(struct en *e, const char *s, size_t n, int flags)
{
	size_t a = strspn(s, "0123456789");
	if (a < 1 || a >= n)
		return 0;
	if (s[a] == '.' && a + 1 < n && isdigit((unsigned char)s[a + 1]))
		a += 1 + strspn(s + a + 1, "0123456789");
	if (!((n - a == 4 && memcmp(s + a, "(+/-", 4) == 0) || (n - a == 3 && memcmp(s + a, "(\xc2\xb1", 3) == 0)))
		return 0;
	say_core(e, s, a, (flags & ~F_TOKEN) | F_START | F_PART);
	emit(e, "plus or minus");
	return 1;
}

static int s_path(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2 || !has_char(s, n, '/'))
		return 0;
	/* words hyphenated to a lexicon entry with a slash are the words and
	 * the entry: "asynchronous-I/O", "non-I/O", "I/O-bound" (the entry's
	 * own saying, not a path's "slash"); beside capitals or digits it is
	 * a list of variants, "CSI2-A/B", "CD-R/W" */
	int entry = 0, words = 1;
	for (size_t st = 0, i = 0; i <= n && has_char(s, n, '-'); i++) {
		if (i < n && s[i] != '-')
			continue;
		const char *star;
		if (i > st + 2 && memchr(s + st, '/', i - st) && lex_find(e, s + st, i - st, &star, &(size_t){0}) && !star)
			entry = 1;
		else if (i == st || !all_alpha(s + st, i - st) || !has_lower(s + st, i - st))
			words = 0;
		st = i + 1;
	}
	if (entry && words) {
		say_split(e, s, n, "-", "", flags | F_PART);
		return 1;
	}
	/* one capital, a slash and three capitals or more: one name, the slash
	 * not said ("S/MIME" S MIME, "S/PDIF"); not "A/D", "TCP/IP" */
	if (n >= 5 && isupper((unsigned char)s[0]) && s[1] == '/' && all_upper(s + 2, n - 2) && all_alpha(s + 2, n - 2)) {
		spell(e, s, 1, 0);
		say_word(e, s + 2, n - 2, flags | F_PART);
		return 1;
	}
	say_path(e, s, n);
	return 1;
}

static int s_backslash(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2 || !has_char(s, n, '\\'))
		return 0;
	if (n == 2 && s[0] == '\\' && isalnum((unsigned char)s[1])) {
		/* "\0", "\n": a C escape, the backslash said ("the slash or
		 * zero characters" hid it) and the letter spelled */
		emit(e, "backslash");
		spell(e, s + 1, 1, 0);
		return 1;
	}
	if (n > 2 && s[n - 2] == '\\' && strchr("ntr0", s[n - 1]) && !memchr(s, '\\', n - 2)) {
		/* "req_pkt\n", "done\n" in a C string: the word, then the
		 * escape as it is said standing alone, "backslash N" (the
		 * backslash was dropped and the N left alone, fresh32) */
		say_core(e, s, n - 2, flags);
		emit(e, "backslash");
		spell(e, s + n - 1, 1, 0);
		return 1;
	}
	say_split(e, s, n, "\\", "", F_START | F_PART);
	return 1;
}

/* The tilde of a range: between two numbers ("5~6"), or between two
 * numbered names of the same letters ("PLV0~PLV3", "CH0~CH7"); NULL if none. */
static const char *tilde_range(const char *s, size_t n)
{
	const char *t = memchr(s, '~', n);
	if (!t || t == s || !isdigit((unsigned char)t[-1]) || t + 1 >= s + n || memchr(t + 1, '~', n - (size_t)(t - s) - 1))
		return NULL;
	if (isdigit((unsigned char)t[1]))
		return t;
	size_t a = 0, r = n - (size_t)(t - s) - 1;
	while (s + a < t && isalpha((unsigned char)s[a]))
		a++;
	if (a == 0 || a >= r || memcmp(s, t + 1, a) != 0)
		return NULL;
	for (size_t i = a; s + i < t; i++)
		if (!isdigit((unsigned char)s[i]))
			return NULL;
	for (size_t i = a; i < r; i++)
		if (!isdigit((unsigned char)t[1 + i]))
			return NULL;
	return t;
}

static int s_number(struct en *e, const char *s, size_t n, int flags)
{
	if (tilde_range(s, n))     /* 5~6: a range (s_range) */
		return 0;
	/* "80000007H:EDX", a CPUID leaf and its register: the leaf's digits
	 * and H (s_hex_suffix), then the register, split at the colon */
	const char *colon = memchr(s, ':', n);
	if (colon && colon - s >= 5 && colon[-1] == 'H' && all_digit(s, (size_t)(colon - s) - 1) &&
	    colon + 1 < s + n && isupper((unsigned char)colon[1]))
		return 0;
	return say_number_shape(e, s, n, flags);
}

/* 1..10, v5.15..v6.1: "to"; a tilde between two numbers is a range too,
 * "5~6 years" five to six, and between two numbered names, "PLV0~PLV3"
 * (a leading one is "about": s_sign) */
static int s_range(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = find_str(s, n, "..");
	size_t w = 2;
	if (!p) {
		p = tilde_range(s, n);
		w = 1;
	}
	if (!p || p == s || p + w >= s + n)
		return 0;
	say_core(e, s, (size_t)(p - s), flags);
	emit(e, "to");
	say_core(e, p + w, n - (size_t)(p - s) - w, flags | F_START);
	return 1;
}

/* "~0", "~0UL", "~0x3", "~mask", "x & ~1": a tilde before zero, a C suffix,
 * a hexadecimal number or a name, or after an operator, is C's bitwise
 * not, "tilde"; before another number it is "about" (s_sign: "~10 ms") */
static int s_tilde_not(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2 || s[0] != '~')
		return 0;
	const char *r = s + 1;
	size_t rn = n - 1;
	int zero = r[0] == '0' && strspn(r + 1, "uUlL") == rn - 1;
	int hex = rn >= 3 && r[0] == '0' && (r[1] == 'x' || r[1] == 'X') && isxdigit((unsigned char)r[2]);
	int name = isalpha((unsigned char)r[0]) || r[0] == '_' || r[0] == '(';
	int num = isdigit((unsigned char)r[0]) && !memchr(r, '.', rn) && !memchr(r, ',', rn) && all_digit(r, strspn(r, "0123456789"));
	if (!zero && !hex && !name && !(num && e->after_op))
		return 0;
	if (name && !memchr(r, '_', rn) && !memchr(r, '(', rn) && !e->after_op && !all_upper(r, rn))
		return 0;     /* "~twice": a word after a tilde is about that */
	if (flags & F_TOKEN)
		decide(e, "symbol", "a tilde before zero, a C suffix, a hexadecimal number or a name, or after an operator: bitwise not, tilde");
	emit(e, "tilde");
	say_core(e, r, rn, (flags & ~F_TOKEN) | F_START);
	return 1;
}

/* Whether s (n bytes) opens a line of C: a type ("int", "u16", "spinlock_t",
 * a name ending in _t) or a keyword that starts a declaration or a
 * statement ("struct", "static", "return"), as a diff's added line does. */
int diff_code_start(const char *s, size_t n)
{
	static const char *const kw[] = {
		"struct", "enum", "union", "static", "extern", "typedef", "return", "if", "for", "while",
		"goto", "switch", "#include", "#define", "#ifdef", "#endif",
	};
	if (c_pointee(s, n))
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(kw); i++)
		if (strlen(kw[i]) == n && memcmp(kw[i], s, n) == 0)
			return 1;
	if (n < 4 || s[n - 2] != '_' || s[n - 1] != 't')
		return 0;
	for (size_t i = 0; i < n; i++)       /* "ioasid_t", "spinlock_t" */
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/* Whether s (n bytes) is a macro in capitals called, "EXPORT_SYMBOL(foo);":
 * capitals, digits and at least one underscore, then an opening paren. */
static int caps_call(const char *s, size_t n)
{
	size_t i = 0;
	int under = 0;
	while (i < n && (isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
		under |= s[i++] == '_';
	return under && i >= 4 && i < n && s[i] == '(';
}

/* Leading signs: "-5" minus, "-EINVAL" minus, "+3" plus, "~20" about. */
static int s_sign(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2)
		return 0;
	/* "加-t参数", "使用 -f 选项", "加上 -O2": an English run inside Chinese
	   that opens with a hyphen and one letter (digits may follow) is a
	   command's option too; "-next", "-rc6" and "-mm" are not */
	int zh_option = e->in_zh && !e->prev[0] && isalpha((unsigned char)s[1]) &&
			(n == 2 || all_digit(s + 2, n - 2));
	if (s[0] == '-' && (e->cmdline || zh_option) &&
	    (isalpha((unsigned char)s[1]) || (s[1] == '-' && n > 2 && isalpha((unsigned char)s[2])))) {
		/* a command's option: "ls -l" L-S dash L, "tar -xzf", "make -j8", "--help" */
		decide(e, "symbol", "an option on a command line: dash");
		if (zh_option && !e->cmdline)
			e->cmdline = 2;     /* (the run's other options too: "-p 1 -w 70") */
		size_t d = s[1] == '-' ? 2 : 1;
		emit(e, d == 2 ? "dash dash" : "dash");
		if (d == 1 && n - d <= 3 && all_alpha(s + d, n - d))     /* (a long option is a name: "diff --git") */
			spell(e, s + d, n - d, 0);
		else
			say_core(e, s + d, n - d, flags | F_START);
		return 1;
	}
	/* a build option glued to -D with its value, in prose too: meson's
	   "-Drust_std=2021", "-Dllvm=enabled", cc's "-DDEBUG=1": "dash D" and
	   the option (the dash was dropped and "Drust" said as a word) */
	if (s[0] == '-' && s[1] == 'D' && n > 4 && isalpha((unsigned char)s[2])) {
		const char *eq = memchr(s + 3, '=', n - 3);
		size_t i = 2;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '-'))
			i++;
		if (eq && s + i == eq && eq + 1 < s + n) {
			decide(e, "symbol", "a build option glued to -D with a value: dash D and the option");
			emit(e, "dash");
			spell(e, s + 1, 1, 0);
			say_core(e, s + 2, n - 2, flags | F_START);
			return 1;
		}
	}
	/* one letter after a dash, standing alone, is a command's option in
	   prose too: "pass -v", "klp -v patches", "-e raw", "mke2fs -d", "add
	   -T" dash V, dash E, dash D, dash T (a letter is no number to be minus,
	   a dash glued to no word; "the -mm tree", "-rc6" stay); a capital after
	   a capitalised name within a sentence is the name's model letter,
	   "Comet Lake -H" (fresh31 and hard31 wrote this rule each) */
	if (s[0] == '-' && n == 2 && isalpha((unsigned char)s[1]) && !e->after_op &&
	    !(isupper((unsigned char)s[1]) && isupper((unsigned char)e->prev[0]) && islower((unsigned char)e->prev[1]) &&
	      !e->prev_first)) {
		decide(e, "symbol", "a dash and one letter standing alone: an option, dash and the letter");
		emit(e, "dash");
		spell(e, s + 1, 1, 0);
		return 1;
	}
	if (s[0] == '-') {
		if (isdigit((unsigned char)s[1]) || (s[1] == 'E' && all_upper(s + 1, n - 1)))
			emit(e, "minus");
	} else if (s[0] == '+' && n > 4 && isupper((unsigned char)s[1]) && caps_call(s + 1, n - 1)) {
		/* "+EXPORT_SYMBOL(foo);", "+MODULE_LICENSE(\"GPL\");": a diff's
		 * added line calling a macro in capitals (fresh32) */
		decide(e, "symbol", "a diff's + glued before a macro in capitals called: not said");
	} else if (s[0] == '+' && n > 1 && diff_code_start(s + 1, n - 1)) {
		/* "+struct cache_tag {", "+static int": a diff's added line of C */
		decide(e, "symbol", "a diff's + glued before a C declaration or statement: not said");
	} else if (s[0] == '+' || s[0] == '~') {
		emit(e, s[0] == '+' ? "plus" : "about");
	} else {
		return 0;
	}
	say_core(e, s + 1, n - 1, flags | F_START);
	return 1;
}

/* The plural of the word just said: "'s" after a spelled letter ("I-R-Q's"),
 * "s" after a word ("bug ons"), a "z" after a lexicon's phonemes (w, the
 * written suffix, kept in the transcript). */
static void said_plural(struct en *e, const char *w)
{
	int c = e->out.len ? (unsigned char)e->out.data[e->out.len - 1] : 0;
	if (isupper(c))
		buf_puts(&e->out, "'s");
	else if (isalpha(c))
		buf_putc(&e->out, 's');
	else
		said_suffix(e, w, "z");
}

/* bug(s): the plural */
static int s_optional_plural(struct en *e, const char *s, size_t n, int flags)
{
	if (!(n > 3 && memcmp(s + n - 3, "(s)", 3) == 0 && isalpha((unsigned char)s[n - 4])))
		return 0;
	/* (an identifier's "(s)" is a C call's argument: "slub_get_cpu_partial(s)") */
	if (memchr(s, '_', n - 3))
		return 0;
	say_core(e, s, n - 3, flags);
	said_plural(e, "(s)");
	return 1;
}

/* "!current" inside "WARN_ON(!current->mm)": C's negation, "not" */
static int s_not(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2 || s[0] != '!' || !(isalnum((unsigned char)s[1]) || s[1] == '_'))
		return 0;
	emit(e, "not");
	say_core(e, s + 1, n - 1, flags);
	return 1;
}

/* kmalloc(): the function's name */
static int s_function(struct en *e, const char *s, size_t n, int flags)
{
	/* "md_ioctl()s": the plural of the function's name, "M-D I-O controls" */
	int upper = 0;
	for (size_t i = 0; i + 3 < n; i++)
		upper |= isupper((unsigned char)s[i]);
	if (n > 3 && n < 128 && s[n - 3] == '(' && s[n - 2] == ')' && s[n - 1] == 's' &&
	    isalnum((unsigned char)s[n - 4]) && !upper) {     /* (not "BUG_ON()s") */
		char w[128];
		memcpy(w, s, n - 3);
		w[n - 3] = 's';
		say_core(e, w, n - 2, flags);
		return 1;
	}
	/* "kfree()ed", "kmalloc()'d", "schedule()ing": a verb's ending after
	 * the function's name makes the name a verb, glued as English spells
	 * it, "K-freed", "K-malloc'd", not the ending's letters (E-D) */
	static const char *const verb_ends[] = {"ed", "'ed", "'d", "d", "ing", "'ing"};
	const char *par = n < 128 ? memchr(s, '(', n) : NULL;
	if (par && par > s && par + 2 < s + n && par[1] == ')' && !upper && isalnum((unsigned char)par[-1]) &&
	    WORD_IN(verb_ends, par + 2, (size_t)(s + n - par - 2))) {
		char w[136];
		size_t k = (size_t)(par - s);
		const char *end = par + 2 + (par[2] == '\'');
		memcpy(w, s, k);
		if (end[0] == 'i') {
			if (k > 2 && w[k - 1] == 'e' && w[k - 2] != 'e')
				k--;                                  /* (schedule: scheduling) */
			memcpy(w + k, "ing", 3), k += 3;
		} else if (w[k - 1] == 'e') {
			w[k++] = 'd';                                 /* (kfree: kfreed) */
		} else if (memcpy(w + k, "ed", 2), words_common(w, k + 2, 70)) {
			k += 2;                                       /* (accept: accepted) */
		} else {
			memcpy(w + k, "'d", 2), k += 2;               /* (kmalloc: kmalloc'd) */
		}
		decide(e, "identifier", "a function's name with '()' and a verb's ending: the name as a verb");
		say_core(e, w, k, flags);
		return 1;
	}
	/* "MODULE_DESCRIPTION()s", "BUG_ON()s": a name in capitals takes its
	 * plural on the last word said, "module descriptions", "bug ons" (an
	 * "s" glued to the capitals would make "ON" letters, "bug O-N's") */
	if (n > 4 && n < 128 && s[n - 3] == '(' && s[n - 2] == ')' && s[n - 1] == 's' &&
	    isalnum((unsigned char)s[n - 4]) && upper) {
		decide(e, "identifier", "a name in capitals with '()s': its plural on the last word said");
		say_core(e, s, n - 3, flags);
		said_plural(e, "()s");
		return 1;
	}
	/* "ioctl(2)s", "read(2)s": a plural after a manual section is the name's
	 * plural; the section, said after one ("socket(2)" socket two), goes */
	if (n > 5 && n < 128 && s[n - 1] == 's' && s[n - 2] == ')' && isdigit((unsigned char)s[n - 3]) &&
	    s[n - 4] == '(' && isalpha((unsigned char)s[n - 5]) && !upper) {
		char w[128];
		memcpy(w, s, n - 4);
		w[n - 4] = 's';
		decide(e, "identifier", "a plural after a manual section: the name's plural");
		say_core(e, w, n - 3, flags & ~F_TOKEN);
		return 1;
	}
	if (!(n > 2 && s[n - 2] == '(' && s[n - 1] == ')'))
		return 0;
	say_core(e, s, n - 2, flags);
	return 1;
}

/* "kunit_test_suites(...)", "dev_err(...)": a call whose arguments are
 * left out is the function's name (the dots are not said); the writer's
 * two dots or ellipsis sign, "data_race(..)", "f(\u2026)", the same. */
static int s_call_elided(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const cut[] = {"(...)", "(..)", "(\xe2\x80\xa6)"};
	for (size_t k = 0; k < ARRAY_LEN(cut); k++) {
		size_t cl = strlen(cut[k]);
		if (n > cl && memcmp(s + n - cl, cut[k], cl) == 0 &&
		    (isalnum((unsigned char)s[n - cl - 1]) || s[n - cl - 1] == '_')) {
			say_core(e, s, n - cl, flags);
			return 1;
		}
	}
	return 0;
}

/* pr_info("done\n"): a call with one C string glued to it: the function's
 * name, then the string's words as they are said standing alone (its "\n"
 * "backslash N", as in "failed: %d\n"); the quotes are not said. */
static int s_call_string(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = memchr(s, '(', n);
	if (!p || p == s || n < 6 || s[n - 1] != ')' || s[n - 2] != '"' || p[1] != '"' || p + 3 > s + n - 2)
		return 0;
	for (const char *q = s; q < p; q++)
		if (!isalnum((unsigned char)*q) && *q != '_')
			return 0;
	const char *b = p + 2;
	size_t bn = (size_t)(s + n - 2 - b);
	if (bn == 0 || memchr(b, '"', bn) || memchr(b, '(', bn) || memchr(b, ')', bn))
		return 0;
	say_core(e, s, (size_t)(p - s), flags);
	say_core(e, b, bn, flags);
	return 1;
}

/* An editor's completion inside a word, "def(ault)config": the whole word. */
static int s_completion_inside(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = memchr(s, '(', n), *q;
	if (!p || p == s || s[n - 1] == ')' || n >= 64 || !all_alpha(s, (size_t)(p - s)) ||
	    !(q = memchr(p, ')', n - (size_t)(p - s))) || q + 1 >= s + n ||
	    !all_alpha(p + 1, (size_t)(q - p - 1)) || !all_alpha(q + 1, n - (size_t)(q + 1 - s)))
		return 0;
	char w[64];
	size_t k = (size_t)(p - s);
	memcpy(w, s, k);
	memcpy(w + k, p + 1, (size_t)(q - p - 1));
	k += (size_t)(q - p - 1);
	memcpy(w + k, q + 1, n - (size_t)(q + 1 - s));
	k += n - (size_t)(q + 1 - s);
	say_core(e, w, k, flags);
	return 1;
}

/* An editor's optional start, "(re)connect": the whole word when the
 * lists know it; else a prefix of English and the word ("(sub)packages"
 * sub packages, "(de)allocation"), or the word alone. */
static int s_completion_front(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 4 || s[0] != '(')
		return 0;
	s++, n--;
	const char *q = memchr(s, ')', n);
	if (!q || q == s || memchr(s, '(', n) || (size_t)(q - s) > 4 || q + 1 >= s + n || n >= 64 ||
	    !all_lower(s, (size_t)(q - s)) || !all_alpha(q + 1, n - (size_t)(q + 1 - s)))
		return 0;
	char w[64];
	size_t k = (size_t)(q - s);
	memcpy(w, s, k);
	memcpy(w + k, q + 1, n - k - 1);
	k += n - (size_t)(q - s) - 1;
	static const char *const prefixes[] = {"sub", "de", "re", "un", "pre", "mis", "non", "co", "dis", "semi",
					       "anti", "auto", "over", "post", "multi"};
	int pre = 0;
	for (size_t i = 0; i < ARRAY_LEN(prefixes) && !pre; i++)
		pre = strlen(prefixes[i]) == (size_t)(q - s) && memcmp(prefixes[i], s, (size_t)(q - s)) == 0;
	if (dict_word(w, k)) {
		say_word(e, w, k, flags);
	} else {
		if (pre)
			say_word(e, s, (size_t)(q - s), flags);
		say_core(e, q + 1, n - (size_t)(q + 1 - s), flags);
	}
	return 1;
}

/* A completion at the end: Steph(en), allocate(d); else the two parts. */
static int s_completion(struct en *e, const char *s, size_t n, int flags)
{
	const char *p = memchr(s, '(', n);
	if (!p || s[n - 1] != ')' || p == s)
		return 0;
	size_t xl = (size_t)(p - s), yl = n - xl - 2;
	if (xl >= 3 && yl >= 1 && yl <= 3 && xl + yl < 64 && all_alpha(s, xl) && all_lower(p + 1, yl)) {
		char w[64];
		memcpy(w, s, xl);
		memcpy(w + xl, p + 1, yl);
		if (dict_word(w, xl + yl)) {
			say_word(e, w, xl + yl, flags);
			return 1;
		}
	}
	say_core(e, s, (size_t)(p - s), flags);
	say_core(e, p + 1, n - (size_t)(p - s) - 2, flags | F_START);
	return 1;
}

/* "82599-based adapters", "8250-compatible UARTs": four or five digits
 * that something is built on or compatible with name a chip, a model
 * number ("eighty-two five ninety-nine based"); a power of two
 * ("4096-based") or a year ("2015-based") stays what it is. */
static int s_model_based(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const sufs[] = {"based", "compatible", "class", "series", "family"};
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	/* (and one or two capitals after the digits: "6900P-series", "9654P-based") */
	size_t l = 0;
	while (d + l < n && l < 3 && isupper((unsigned char)s[d + l]))
		l++;
	if (l > 2)
		return 0;
	if (d < 4 || d > 5 || s[0] == '0' || d + l + 2 > n || s[d + l] != '-' || (!l && is_pow2(s, d)))
		return 0;
	long long v = num_parse(s, d);
	int ok = 0;
	for (size_t i = 0; i < sizeof sufs / sizeof *sufs && !ok; i++)
		ok = strlen(sufs[i]) == n - d - l - 1 && strncasecmp(s + d + l + 1, sufs[i], n - d - l - 1) == 0;
	if (!ok || (!l && v >= 1900 && v <= 2099))
		return 0;
	decide(e, "model", "digits (and a model's capitals) before -based or -series: a chip's model number");
	emit_model(e, s, d);
	if (l)
		say_core(e, s + d, l, flags | F_PART);
	say_core(e, s + d + l + 1, n - d - l - 1, flags | F_PART);
	return 1;
}

/* Whether s is a hexadecimal number with its 0x: "0x10C". */
static int hex_number(const char *s, size_t n)
{
	if (n < 3 || s[0] != '0' || (s[1] != 'x' && s[1] != 'X'))
		return 0;
	for (size_t i = 2; i < n; i++)
		if (!isxdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* "R6-R9", "r0-r5", "DD8-DD15", "x0-x18": the same letters with two
 * numbers of up to three digits on either side of one dash are a range of
 * registers or pins, "R six to R nine" ("mt8195-mt6359", two chips, are not) */
static size_t reg_range(const char *s, size_t n)
{
	const char *d = memchr(s, '-', n);
	if (!d || memchr(d + 1, '-', n - (size_t)(d - s) - 1))
		return 0;
	size_t a = (size_t)(d - s), l = 0;
	while (l < a && isalpha((unsigned char)s[l]))
		l++;
	if (!l || a - l < 1 || a - l > 3 || !all_digit(s + l, a - l) || n - a - 1 <= l ||
	    memcmp(s, d + 1, l) != 0)
		return 0;
	size_t bl = n - a - 1 - l;
	if (bl < 1 || bl > 3 || !all_digit(d + 1 + l, bl))
		return 0;
	return a;
}

/* Hyphenated: plain words stay joined ("run-time"), others are said part
 * by part ("x86-64", "reliableuser-space"). */
/* "node0-3", "bind0-3", "1-3" of "isolcpus=1-3": a range of numbers glued
 * to its name (or a part of its own after an "="), "node zero to three",
 * not "node zero three" */
static size_t name_range(const char *s, size_t n, int flags)    /* the name's length + 1, or 0 */
{
	const char *h = memchr(s, '-', n);
	if (!h || h == s || h + 1 == s + n)
		return 0;
	size_t a = (size_t)(h - s), w = 0;
	while (w < a && islower((unsigned char)s[w]))
		w++;
	/* (a name in small letters: in capitals it is a model's, "ANV15-41",
	   "SW5-012"; a part of a path is a file's name, "md/raid1-10") */
	if (w == a || !all_digit(s + w, a - w) || !all_digit(h + 1, n - a - 1) || a - w > 3 || n - a - 1 > 3 ||
	    (flags & F_PATH) || h[1] == '0' ||
	    (!w && (flags & F_TOKEN)) || (w == 1 && tolower((unsigned char)s[0]) == 'v') ||
	    num_parse(s + w, a - w) >= num_parse(h + 1, n - a - 1) ||
	    (a - w + 1 < n - a - 1 && s[w] != '0'))     /* (a model, "i7-970": a range's end is not two digits longer than its start) */
		return 0;
	return w + 1;
}

static int s_name_range(struct en *e, const char *s, size_t n, int flags)
{
	size_t w = name_range(s, n, flags);
	if (!w--)
		return 0;
	const char *h = memchr(s, '-', n);
	size_t a = (size_t)(h - s);
	if (w)
		say_core(e, s, w, flags | F_PART);
	emit_numstr(e, s + w, a - w);
	emit(e, "to");
	emit_numstr(e, h + 1, n - a - 1);
	return 1;
}

/* Whether s is a product's name: a capital, then small letters only. */
int product_name(const char *s, size_t n)
{
	if (n < 3 || !isupper((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	return 1;
}

/* The value of a Roman numeral in capitals of three letters or II (not
 * XXX, the placeholder), 0 for anything else: a generation after a
 * hyphen ("UHS-II"). I, V, X, IV alone may be letters or acronyms. */
static int hyphen_roman(const char *s, size_t n)
{
	static const char *const numerals[] = {"II", "III", "VII", "VIII", "XII", "XIII", "XIV", "XVI", "XVII", "XIX"};
	static const int values[] = {2, 3, 7, 8, 12, 13, 14, 16, 17, 19};
	for (size_t k = 0; k < sizeof numerals / sizeof *numerals; k++)
		if (strlen(numerals[k]) == n && !memcmp(s, numerals[k], n))
			return values[k];
	return 0;
}

static int s_hyphenated(struct en *e, const char *s, size_t n, int flags)
{
	if (!memchr(s + 1, '-', n - 1) || s[n - 1] == '-' || find_str(s, n, "=-"))
		return 0;     /* ("x=-1", "KCFLAGS=-W": an assignment, said by its "=") */
	/* "mpol=bind0-3", "isolcpus=1-3": a range assigned, the name, equals, the range */
	const char *q = memchr(s, '=', n);
	if (q && q > s && !memchr(s, '-', (size_t)(q - s)) && name_range(q + 1, (size_t)(s + n - q - 1), F_PART)) {
		say_core(e, s, (size_t)(q - s), F_START | F_PART);
		emit(e, "equals");
		s_name_range(e, q + 1, (size_t)(s + n - q - 1), F_PART);
		return 1;
	}
	/* "test.c:201-202", "tb.h:982-993": a file's lines after its colon,
	 * a range, "test dot C two hundred one to two hundred two" */
	const char *lc = memchr(s, ':', n);
	if (lc && lc > s && isalpha((unsigned char)lc[-1]) && memchr(s, '.', (size_t)(lc - s)) && !memchr(lc + 1, ':', (size_t)(s + n - lc - 1))) {
		const char *d = lc + 1, *h = memchr(d, '-', (size_t)(s + n - d));
		if (h && h > d && h + 1 < s + n && h - d <= 6 && s + n - h - 1 <= 6 && all_digit(d, (size_t)(h - d)) &&
		    all_digit(h + 1, (size_t)(s + n - h - 1)) &&
		    num_parse(d, (size_t)(h - d)) < num_parse(h + 1, (size_t)(s + n - h - 1))) {
			say_core(e, s, (size_t)(lc - s), F_START | F_PART);
			decide(e, "path", "a range of lines after a file's name and colon: \"to\"");
			emit_num(e, (unsigned long long)num_parse(d, (size_t)(h - d)));
			emit(e, "to");
			emit_num(e, (unsigned long long)num_parse(h + 1, (size_t)(s + n - h - 1)));
			return 1;
		}
	}
	/* a range: "0x108-0x10C" of addresses, "R6-R9" of registers or pins */
	size_t a = (size_t)((const char *)memchr(s, '-', n) - s), ra = reg_range(s, n);
	int hex = hex_number(s, a) && hex_number(s + a + 1, n - a - 1);
	if (hex || ra) {
		say_core(e, s, a, hex ? flags | F_PART : F_START | F_PART);
		emit(e, "to");
		say_core(e, s + a + 1, n - a - 1, hex ? flags | F_PART : F_START | F_PART);
		if (hex)
			decide(e, "number", "two hexadecimal numbers joined by a hyphen: a range");
		else
			decide(e, "identifier", "a range of registers or pins: the same letters, two numbers");
		return 1;
	}
	int plain = 1;
	size_t hyphens = 0;
	for (size_t i = 0; i < n; i++)
		hyphens += s[i] == '-';
	for (size_t st = 0, i = 0; i <= n && plain; i++) {
		if (i < n && s[i] != '-')
			continue;
		size_t k = i - st;
		/* "pick-a-number", "i-am-not-a-hacker": the words a and I inside a
		   phrase of three pieces or more, not its last ("vitamin-a") */
		if (k == 1 && hyphens >= 2 && i < n && (s[st] == 'a' || s[st] == 'i')) {
			st = i + 1;
			continue;
		}
		/* "co-maintainers", "key-re-mapping": an English prefix in small
		   letters before a word is said as the prefix, joined to it, not
		   spelled (C-O, R-E) */
		if (i < n && hyphen_prefix(s + st, k, s + i + 1, n - i - 1)) {
			st = i + 1;
			continue;
		}
		const char *star, *why;
		size_t sl;
		if (!k || !all_alpha(s + st, k) || all_upper(s + st, k) || lex_find(e, s + st, k, &star, &sl)) {
			plain = 0;
		} else {
			int v = 0;
			for (size_t j = st; j < i; j++)
				v |= is_vowel(s[j], 1);
			for (size_t j = st + 1; j < i; j++)
				if (isupper((unsigned char)s[j]))
					v = 0;
			/* "aspeed-scu", "asus-ec": a short piece kernel text writes as an
			   acronym and English has no word for; not the suffix of
			   "atomically-ish" nor NUL, said "null" ("nul-terminated") */
			if (!v || k < 2 || (islower((unsigned char)s[st]) && !onset_ok(s + st, k)) ||
			    /* "panel-edp": letters English cannot say, kernel text does not know */
			    (k <= 4 && all_lower(s + st, k) && !sayable(s + st, k) && !known_word(s + st, k, &why) &&
			     vocab_kind(s + st, k - (s[i - 1] == 's')) == VOCAB_NONE) ||
			    (k >= 5 && !known_word(s + st, k, &why)) ||
			    /* "pinctrl-ralink": a piece of five letters or more only
			       kernel text knows (no common word, not en_US) is said as
			       its own word, "pin control", not left to the engine */
			    (k >= 5 && all_lower(s + st, k) && !words_common(s + st, k, 70) && !dict_word(s + st, k) &&
			     vocab_kind(s + st, k) != VOCAB_NONE) ||
			    /* "opp-microvolt", "opp-shared": an abbreviation hunspell lists
			       (opp., opposite) that kernel text writes in capitals a hundred
			       times or more, no common word, is the acronym: O-P-P */
			    (k <= 3 && all_lower(s + st, k) && vocab_kind(s + st, k) == VOCAB_ACRONYM &&
			     (!dict_word(s + st, k) || vocab_count(s + st, k) >= 100) &&
			     !(k == 3 && (memcmp(s + st, "ish", 3) == 0 || memcmp(s + st, "nul", 3) == 0)) &&
			     !words_common(s + st, k, 70)) ||
			    /* "in-ep", "sync-ep": two small letters kernel text has as an
			       acronym, no word at the commonest sizes: E-P */
			    (k == 2 && all_lower(s + st, k) && vocab_kind(s + st, k) == VOCAB_ACRONYM &&
			     !words_common(s + st, k, 35)) ||
			    /* "ti-sysc": two letters kernel text writes in capitals as a
			       name (a capsword) that no common word is: T-I */
			    (k == 2 && all_lower(s + st, k) && vocab_capsword(s + st, k) && !words_common(s + st, k, 35)))
				plain = 0;
		}
		st = i + 1;
	}
	/* "re-add", "re-arm": a prefix before an English word stays joined, even
	 * when the word is a lexicon entry (ADD, ARM), not "R-E add" */
	if (!plain && n <= 24 && s[2] == '-' && (!strncmp(s, "re", 2) || !strncmp(s, "de", 2) || !strncmp(s, "un", 2)) &&
	    !memchr(s + 3, '-', n - 3) && all_lower(s + 3, n - 3) && all_alpha(s + 3, n - 3) &&
	    (dict_word(s + 3, n - 3) || (n - 3 >= 5 && vocab_kind(s + 3, n - 3) == VOCAB_TERM)))
		plain = 1;
	if (plain) {
		decide(e, "word", "hyphenated words");
		emitn(e, s, n);
		return 1;
	}
	/* "Neoverse-V3", "Cortex-V2": a V and a digit or two after a product's
	 * name (a capital, then small letters) is a core's letter and number,
	 * as "Neoverse-N2" is, not a version ("GIC-V3", "driver-v3" stay) */
	size_t a1 = (size_t)((const char *)memchr(s, '-', n) - s);
	if (hyphens == 1 && a1 >= 3 && n - a1 - 1 >= 2 && n - a1 - 1 <= 3 && s[a1 + 1] == 'V' &&
	    all_digit(s + a1 + 2, n - a1 - 2) && product_name(s, a1)) {
		say_core(e, s, a1, F_START | F_PART);
		spell(e, "V", 1, 0);
		emit_numstr(e, s + a1 + 2, n - a1 - 2);
		if (flags & F_TOKEN)
			decide(e, "model", "a product's name, a hyphen, V and a number: a core's letter and number, no version");
		return 1;
	}
	/* "UHS-II", "UHS-III", "Type-II": a Roman numeral of three capitals or
	 * II (no acronym kernel text writes, as m_roman has it) after a hyphen
	 * and a name is its generation's number, not letters ("U-H-S I-I") */
	int rv = hyphens == 1 && a1 >= 2 && a1 <= 8 && all_alpha(s, a1) && isupper((unsigned char)s[0]) ?
			 hyphen_roman(s + a1 + 1, n - a1 - 1) : 0;
	if (rv) {
		char num[8];
		snprintf(num, sizeof num, "%d", rv);
		say_core(e, s, a1, F_START | F_PART);
		emit_numstr(e, num, strlen(num));
		if (flags & F_TOKEN)
			decide(e, "identifier", "a name, a hyphen and a Roman numeral of II or three capitals: its number");
		return 1;
	}
	/* "file.h:-1", "bar:-5": a negative number after a colon (a line of
	 * -1, a value) keeps its minus, "file dot H minus one", as "foo.c:12"
	 * is "foo dot C twelve" */
	if (hyphens == 1 && a1 >= 2 && s[a1 - 1] == ':' && n - a1 - 1 >= 1 && n - a1 - 1 <= 6 &&
	    all_digit(s + a1 + 1, n - a1 - 1) && s[0] != ':') {
		say_core(e, s, a1 - 1, F_START | F_PART);
		emit(e, "minus");
		emit_numstr(e, s + a1 + 1, n - a1 - 1);
		if (flags & F_TOKEN)
			decide(e, "identifier", "a negative number after a colon: minus");
		return 1;
	}
	/* "powerpc-5.17-2", "arm64-6.8-1": a tree's name, then its version and
	 * the tag's number after a dash, said as the version alone is ("five
	 * point seventeen dash two"), not "seventeen two" */
	if (hyphens == 2 && a1 >= 2 && isalpha((unsigned char)s[0])) {
		const char *v = s + a1 + 1, *h2 = memchr(v, '-', n - a1 - 1);
		size_t vn = (size_t)(h2 - v), tn = n - a1 - 2 - vn, d = 0;
		while (d < vn && isdigit((unsigned char)v[d]))
			d++;
		if (d >= 1 && d < vn - 1 && v[d] == '.' && all_digit(v + d + 1, vn - d - 1) && tn >= 1 && tn <= 2 &&
		    all_digit(h2 + 1, tn)) {
			say_core(e, s, a1, F_START | F_PART);
			say_core(e, v, n - a1 - 1, F_PART);
			if (flags & F_TOKEN)
				decide(e, "version", "a tree's name, its version and a tag's number after a dash");
			return 1;
		}
	}
	say_split(e, s, n, "-", "", F_START | F_PART);
	if (flags & F_TOKEN)
		decide(e, "identifier", "its parts said one by one");
	return 1;
}

/* nfs41 inside nfs41_check_delegation_stateid, NFSv4.2: a protocol's version */
static int s_protocol(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	return say_protocol(e, s, n);
}

/* W^X: exclusive or, as the letters of a flag are read */
static int s_xor(struct en *e, const char *s, size_t n, int flags)
{
	if (!(n == 3 && s[1] == '^' && isupper((unsigned char)s[0]) && isupper((unsigned char)s[2])))
		return 0;
	decide(e, "symbol", "^ between two letters: xor");
	spell(e, s, 1, 0);
	emit(e, "xor");
	spell(e, s + 2, 1, 0);
	return 1;
}

/*
 * The separators of identifiers and expressions, in order: the parts are
 * said one by one with the word between them ("" for none). A class of
 * NULL leaves the parts' own decisions for --explain.
 */
static const struct separator {
	const char *sep, *join, *cls, *why;
	int flags;     /* what the parts are (F_CNAME: the parts of a C name) */
} separators[] = {
	{"->", "", "identifier", "its parts said one by one", F_CNAME},
	{"::", "", "identifier", "its parts said one by one", F_CNAME},
	{"_", "", "identifier", "its parts said one by one", F_CNAME},
	{".", "dot", "identifier", "dotted parts: a file name or a field", 0},
	{"&", "and", "operator", "parts joined by &: and", 0},
	{"+", "plus", "operator", "parts joined by +: plus", 0},
	{"^", "to the", "operator", "parts joined by ^: a power", 0},
	{"=", "equals", "operator", "an assignment: the name, equals, the value", 0},
	{":", "", "identifier", "parts joined by colons: said one by one", 0},
};

/* C++, i++, i--: "plus plus", "minus minus" */
static int s_increment(struct en *e, const char *s, size_t n, int flags)
{
	int letter = 0;      /* "DC10+", "XS5+": a model's name with digits, and its plus */
	for (size_t i = 0; i + 2 < n && !letter; i++)
		letter = isalpha((unsigned char)s[i]);
	if (n >= 2 && s[n - 1] == '+' && (isalpha((unsigned char)s[n - 2]) || (n >= 3 && isdigit((unsigned char)s[n - 2]) && letter))) {
		say_core(e, s, n - 1, flags);      /* G+, C+: "plus" */
		emit(e, "plus");
		return 1;
	}
	/* OMAP2+, Pentium4+: a name ending in its number, "and later" ("plus") */
	if (n >= 3 && s[n - 1] == '+' && isdigit((unsigned char)s[n - 2]) && isalpha((unsigned char)s[0]) &&
	    !memchr(s, '+', n - 1) && !memchr(s, '.', n - 1) && !memchr(s, '=', n - 1)) {
		say_core(e, s, n - 1, flags);
		emit(e, "plus");
		return 1;
	}
	if (n < 3 || !isalnum((unsigned char)s[n - 3]) || !((s[n - 1] == '+' && s[n - 2] == '+') ||
							     (s[n - 1] == '-' && s[n - 2] == '-')))
		return 0;
	say_core(e, s, n - 2, flags);
	emit(e, s[n - 1] == '+' ? "plus plus" : "minus minus");
	return 1;
}

/*
 * A version written with underscores inside an identifier, as C names
 * must write its dots: "gmc_v6_0", "sdma_v4_4_2", "vcn_v2_5_foo" are
 * G-M-C version six point oh, S-D-M-A version four point four point two
 * (what "v6.0" is), not "version six zero".
 */
static int s_underscore_version(struct en *e, const char *s, size_t n, int flags)
{
	for (size_t p = 0; p + 3 < n; p++) {
		if ((p && s[p - 1] != '_') || (s[p] != 'v' && s[p] != 'V') || !isdigit((unsigned char)s[p + 1]))
			continue;
		size_t j = p + 1, groups = 0;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		while (j + 1 < n && s[j] == '_' && isdigit((unsigned char)s[j + 1])) {
			for (j++; j < n && isdigit((unsigned char)s[j]);)
				j++;
			groups++;
		}
		if (!groups || (j < n && s[j] != '_') || j - p >= 32)
			continue;
		char tmp[32];
		for (size_t k = p; k < j; k++)
			tmp[k - p] = s[k] == '_' ? '.' : (char)tolower((unsigned char)s[k]);
		if (p)
			say_core(e, s, p - 1, F_START | F_PART);
		say_core(e, tmp, j - p, F_START | F_PART);
		if (j + 1 < n)
			say_core(e, s + j + 1, n - j - 1, F_START | F_PART);
		return 1;
	}
	return 0;
}

/* "SE->LVD", "VM->VM", "L1->L2->L3": an arrow between names in
 * capitals (and digits) is a change or a path, "to"; a C member ("dev->ops",
 * "lp->PHY") has small letters before it. */
static int caps_arrow(const char *s, size_t n)
{
	if (!find_str(s, n, "->") || s[0] == '-' || s[n - 1] == '>')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-' && i + 1 < n && s[i + 1] == '>') {
			i++;
			continue;
		}
		if (!isupper((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return 0;
	}
	return 1;
}

/* "3.<low teens>", "3.(some-large-number)", "4.<whatever>": a version whose
 * minor is a placeholder in brackets is "point", as "3.x" is, then the
 * placeholder's words */
static int s_version_placeholder(struct en *e, const char *s, size_t n, int flags)
{
	size_t d = strspn(s, "0123456789");
	if (!d || d > 2 || d + 3 > n || s[d] != '.' || (s[d + 1] != '(' && s[d + 1] != '<') ||
	    !isalpha((unsigned char)s[d + 2]))
		return 0;
	size_t r = d + 2, rn = n - r;
	if (rn && (s[n - 1] == ')' || s[n - 1] == '>'))
		rn--;
	for (size_t i = 0; i < rn; i++)
		if (!isalpha((unsigned char)s[r + i]) && s[r + i] != '-')
			return 0;
	emit_numstr(e, s, d);
	emit(e, "point");
	say_core(e, s + r, rn, (flags & ~F_TOKEN) | F_START);
	if (flags & F_TOKEN)
		decide(e, "version", "a version whose minor is a placeholder in brackets: point, then the placeholder");
	return 1;
}

/* The length of an arrow at s[i] ("->", "-->", "=>", "==>"), or 0. */
static size_t arrow_at(const char *s, size_t n, size_t i)
{
	size_t k = i;
	while (k < n && k - i < 2 && (s[k] == '-' || s[k] == '=') && s[k] == s[i])
		k++;
	return k > i && k < n && s[k] == '>' ? k + 1 - i : 0;
}

/* Whether s[0..n) is a version or a release of one: "v3", "3.1", "5.10-rc2", "rc3". */
static int version_part(const char *s, size_t n)
{
	size_t i = 0;
	if (n > 2 && (s[0] == 'r' || s[0] == 'R') && (s[1] == 'c' || s[1] == 'C'))
		return all_digit(s + 2, n - 2);
	if (i < n && (s[i] == 'v' || s[i] == 'V'))
		i++;
	size_t d = i;
	while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == '.' && i > d && i + 1 < n && isdigit((unsigned char)s[i + 1]))))
		i++;
	if (i == d)
		return 0;
	if (i + 3 < n && s[i] == '-' && s[i + 1] == 'r' && s[i + 2] == 'c')
		return all_digit(s + i + 3, n - i - 3);
	return i == n;
}

/* "v1->v2", "3.1->3.2", "rc2==>rc3": an arrow glued between versions is a
 * change from one to the other, "to" (a series' changelog, "v1->v2: fixed") */
static int s_version_arrow(struct en *e, const char *s, size_t n, int flags)
{
	size_t st = 0, parts = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t a = i < n ? arrow_at(s, n, i) : 0;
		if (i < n && !a)
			continue;
		if (!version_part(s + st, i - st))
			return 0;
		parts++;
		if (i == n)
			break;
		if (i + a >= n)
			return 0;
		st = i + a;
		i = st - 1;
	}
	if (parts < 2)
		return 0;
	st = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t a = i < n ? arrow_at(s, n, i) : 0;
		if (i < n && !a)
			continue;
		if (st)
			emit(e, "to");
		say_core(e, s + st, i - st, (flags & ~F_TOKEN) | F_START);
		if (i == n)
			break;
		st = i + a;
		i = st - 1;
	}
	if (flags & F_TOKEN)
		decide(e, "operator", "an arrow glued between versions: a change, to");
	return 1;
}

/* The operand of a product that ends before s[i] (back) or starts at s[i]:
 * its letters, digits and underscores, or a bracket's contents; *len its length. */
static const char *times_operand(const char *s, size_t n, size_t i, int back, size_t *len)
{
	size_t a = i, b = i;
	if (back) {
		if (a > 0 && s[a - 1] == ')') {
			while (a > 0 && s[a - 1] != '(')
				a--;
			a = a ? a - 1 : a;
		}
		while (a > 0 && (isalnum((unsigned char)s[a - 1]) || s[a - 1] == '_'))
			a--;
	} else {
		while (b < n && (isalnum((unsigned char)s[b]) || s[b] == '_'))
			b++;
		if (b < n && s[b] == '(') {
			while (b < n && s[b] != ')')
				b++;
			b += b < n;
		}
	}
	*len = b - a;
	return s + a;
}

/* "N*M", "2*PAGE_SIZE", "sizeof(x)*2", "N*2s": an asterisk glued between
 * two operands multiplies, "times", where one of them is a number or both
 * are single letters (a size's); otherwise it is a wildcard ("P*D_PAGE_MASK",
 * "mips*el", "Air72*U", "D*45*", "down_read*()", "upper_*_bits", a path's
 * "*"). Whole tokens only (a part of "P*D_PAGE_MASK" is no product). */
static int s_glued_times(struct en *e, const char *s, size_t n, int flags)
{
	size_t stars = 0;
	if (s[n] == '*')     /* a whole token's: "D*45*" is a wildcard's */
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '/' || s[i] == '\\')
			return 0;
		if (s[i] != '*')
			continue;
		if (i == 0 || i + 1 >= n || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == ')') ||
		    !(isalnum((unsigned char)s[i + 1]) || (s[i + 1] == '(' && i + 2 < n && s[i + 2] != ')')))
			return 0;
		size_t ln, rn;
		const char *l = times_operand(s, n, i, 1, &ln), *r = times_operand(s, n, i + 1, 0, &rn);
		int number = (ln && isdigit((unsigned char)l[0])) || (rn && isdigit((unsigned char)r[0]));
		int letters = ln == 1 && rn == 1 && isalpha((unsigned char)l[0]) && isalpha((unsigned char)r[0]);
		if (!number && !letters)
			return 0;
		stars++;
	}
	if (!stars)
		return 0;
	say_split(e, s, n, "*", "times", F_START | F_PART);
	if (flags & F_TOKEN)
		decide(e, "operator", "an asterisk glued between two operands, a number or two letters: times");
	return 1;
}

/* The length of a two-way arrow at s[i] ("<->", "<-->", "<=>" is not one:
 * an equivalence), or 0. */
static size_t two_way_at(const char *s, size_t n, size_t i)
{
	if (i + 3 <= n && memcmp(s + i, "<->", 3) == 0)
		return 3;
	if (i + 4 <= n && memcmp(s + i, "<-->", 4) == 0)
		return 4;
	if (i + 3 <= n && (memcmp(s + i, "\xe2\x86\x94", 3) == 0 || memcmp(s + i, "\xe2\x9f\xb7", 3) == 0))
		return 3;
	return 0;
}

/* "firmware<->kernel", "host<-->guest", "VF<->PF compatibility",
 * "rwsem <-> cpus_read_lock() deadlock": a two-way arrow between names
 * relates the two both ways, "and" ("to and from" fits traffic only, not a
 * gap, a deadlock or a compatibility between them) */
static int s_two_way_arrow(struct en *e, const char *s, size_t n, int flags)
{
	size_t st = 0, parts = 0;
	for (size_t i = 0; i < n; i++) {
		size_t a = two_way_at(s, n, i);
		if (!a)
			continue;
		if (i == st || i + a >= n || !isalnum((unsigned char)s[i - 1]) || !isalnum((unsigned char)s[i + a]))
			return 0;
		parts++;
		st = i + a;
		i = st - 1;
	}
	if (!parts)
		return 0;
	st = 0;
	for (size_t i = 0; i <= n; i++) {
		size_t a = i < n ? two_way_at(s, n, i) : 0;
		if (i < n && !a)
			continue;
		if (st)
			emit(e, "and");
		say_core(e, s + st, i - st, (flags & ~F_TOKEN) | F_START | F_PART);
		if (i == n)
			break;
		st = i + a;
		i = st - 1;
	}
	if (flags & F_TOKEN)
		decide(e, "operator", "a two-way arrow glued between names: both ways, and");
	return 1;
}

static int s_caps_arrow(struct en *e, const char *s, size_t n, int flags)
{
	if (!caps_arrow(s, n))
		return 0;
	say_split(e, s, n, "->", "to", F_START | F_PART);
	if (flags & F_TOKEN)
		decide(e, "operator", "an arrow between names in capitals: a change or a path, to");
	return 1;
}

static int s_separated(struct en *e, const char *s, size_t n, int flags)
{
	for (size_t i = 0; i < ARRAY_LEN(separators); i++) {
		const struct separator *sp = &separators[i];
		size_t k = strlen(sp->sep);
		if (!find_str(s, n, sp->sep) || (k == 1 && n < 2 && sp->sep[0] != '.'))
			continue;
		const char *hat = sp->sep[0] == '^' ? memchr(s, '^', n) : NULL;
		if (hat && hat > s && hat + 1 < s + n && all_digit(hat + 1, (size_t)(s + n - hat - 1)) &&
		    !memchr(hat + 1, '^', (size_t)(s + n - hat - 1))) {
			/* n^2, n^k: a power, "n squared", "n to the four" */
			size_t pn = (size_t)(s + n - hat - 1);
			say_core(e, s, (size_t)(hat - s), F_START | F_PART);
			if (pn == 1 && hat[1] == '2')
				emit(e, "squared");
			else if (pn == 1 && hat[1] == '3')
				emit(e, "cubed");
			else {
				emit(e, "to the");
				say_core(e, hat + 1, pn, F_START);
			}
			if (flags & F_TOKEN)
				decide(e, "operator", "a number after ^: a power (squared, cubed, to the N)");
			return 1;
		}
		/* "f(&hdev->dev,": C's address-of after a call's open paren, glued
		   to the name it takes: not said ("port dev", as "&port->dev" alone
		   is), never "and" */
		const char *amp = sp->sep[0] == '&' && k == 1 ? memchr(s, '&', n) : NULL;
		if (amp && amp > s && amp[-1] == '(' && amp + 1 < s + n &&
		    (isalpha((unsigned char)amp[1]) || amp[1] == '_') && !memchr(amp + 1, '&', (size_t)(s + n - amp - 1))) {
			say_core(e, s, (size_t)(amp - s), F_START | F_PART);
			say_core(e, amp + 1, (size_t)(s + n - amp - 1), F_START | F_PART);
			if (flags & F_TOKEN)
				decide(e, "operator", "C's address-of after an open paren: not said");
			return 1;
		}
		if (sp->sep[0] == '.' && s[0] == '.')
			emit(e, "dot");    /* .config */
		say_split(e, s, n, sp->sep, sp->join, F_START | F_PART | sp->flags | (flags & F_PATH));
		/* "the prefix 'hd='", "use console= to": a parameter named with
		 * its equals sign and no value; the sign is said, as in "hd=0" */
		if (sp->sep[0] == '=' && n >= 2 && s[n - 1] == '=' && isalnum((unsigned char)s[n - 2]))
			emit(e, "equals");
		if (sp->cls && (flags & F_TOKEN))
			decide(e, sp->cls, sp->why);
		return 1;
	}
	return 0;
}

/*
 * Inside a Chinese sentence an ASCII colon between two capitalised words
 * is a label's, written where a full-width one would be: "CPU:AMD 和
 * Intel" is C-P-U, A-M-D (a pause), not an identifier's parts run together.
 */
static int s_zh_label_colon(struct en *e, const char *s, size_t n, int flags)
{
	const char *c = e->in_zh && (flags & F_TOKEN) ? memchr(s, ':', n) : NULL;
	if (!c || c - s < 2 || (size_t)(c - s) + 2 > n || !isupper((unsigned char)s[0]))
		return 0;
	/* ("I/O:io_uring": a label in capitals, a slash between them, before
	   any name, is a label's too; "sched:sched_switch" stays) */
	int caps = 1;
	for (const char *p = s; p < c; p++)
		caps &= isupper((unsigned char)*p) || (*p == '/' && p > s && p + 1 < c && isupper((unsigned char)p[1]));
	if (!isupper((unsigned char)c[1]) && !(caps && memchr(s, '/', (size_t)(c - s)) && isalpha((unsigned char)c[1])))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s + i != c && !isalpha((unsigned char)s[i]) && !(caps && (s[i] == '/' || s[i] == '_') && s + i != s + n - 1))
			return 0;
	say_core(e, s, (size_t)(c - s), F_START | F_PART);
	punct(e, ',');
	say_core(e, c + 1, (size_t)(s + n - c - 1), F_START | F_PART);
	return 1;
}

/* Letters and digits: "JH7110", "sun8i", "arm64". */
static int s_alnum(struct en *e, const char *s, size_t n, int flags)
{
	int alpha = 0, digit = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isalpha(c))
			alpha = 1;
		else if (isdigit(c))
			digit = 1;
		else if (c != '\'' && c < 0x80)
			return 0;
	}
	if (!alpha || !digit)
		return 0;
	say_alnum(e, s, n, flags);
	return 1;
}

/* Says the name of code s[0..hl) as alone, then its English ending behind
 * an apostrophe for the engine (said: "'d", "'ing"), M-map'd; the name
 * alone when it ended in phonemes or a hint. */
static void say_name_ending(struct en *e, const char *s, size_t hl, const char *said, int flags)
{
	say_core(e, s, hl, flags);
	if (e->out.len && isalnum((unsigned char)e->out.data[e->out.len - 1]))
		buf_puts(&e->out, said);
}

/* A name of code of the lexicon with an English ending glued, its last
 * letter not doubled: "mmaped", "mmaping", "kmalloced": the name as alone,
 * the ending behind an apostrophe for the engine, as "mmap'ed" (M-map'd).
 * Not when the name is an English word ("freed", "mapped") or the whole is. */
static int s_code_glued_ending(struct en *e, const char *s, size_t n, int flags)
{
	static const struct { const char *end, *said; } ends[] = {{"ed", "'d"}, {"ing", "'ing"}};
	if (n < 6 || n > 32 || !all_lower(s, n) || dict_word(s, n) || words_common(s, n, 70))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		size_t k = strlen(ends[i].end), hl = n - k;
		const char *star;
		if (strncmp(s + hl, ends[i].end, k) != 0 || hl < 4 || s[hl - 1] == s[hl - 2] ||
		    is_vowel(s[hl - 1], 1) || dict_word(s, hl) || words_common(s, hl, 70) ||
		    !lex_find(e, s, hl, &star, &(size_t){0}) || star)
			continue;
		say_name_ending(e, s, hl, ends[i].said, flags);
		return 1;
	}
	return 0;
}

static int s_letters(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_alpha(s, n))
		return 0;
	say_word(e, s, n, flags);
	return 1;
}

/* An apostrophe that is no English ending ('s, n't, 'll) or prefix (O',
 * d') marks a transliterated name: "Ts'o", "Xi'an" are one word. */
/* A prime after a capital before mixed letters, video's gamma-corrected
 * components: "Y'CbCr" Y C-B-C-R, "Y'PbPr"; the prime is not said (not
 * "O'Brien": the rest is a name, small letters running). */
static int s_prime(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 5 || n > 12 || !isupper((unsigned char)s[0]) || s[1] != '\'' || !isupper((unsigned char)s[2]))
		return 0;
	int small = 0;
	for (size_t i = 2; i < n; i++) {
		if (!isalpha((unsigned char)s[i]))
			return 0;
		if (islower((unsigned char)s[i]) && (small++, islower((unsigned char)s[i - 1])))
			return 0;
	}
	if (!small)
		return 0;
	spell(e, s, 1, 0);
	say_word(e, s + 2, n - 2, flags | F_PART);
	return 1;
}

/* A name of code with an English ending after an apostrophe, "mmap'ed",
 * "kmalloc'd", "grep'able", "fsync'ing": the name as alone, then the
 * ending kept behind its apostrophe for the engine ("'ed" as "'d":
 * "print-K'd", "M-map'd"). */
static int s_code_ending(struct en *e, const char *s, size_t n, int flags)
{
	static const struct { const char *end, *said; } ends[] = {
		{"ed", "'d"}, {"d", "'d"}, {"ing", "'ing"}, {"able", "'able"},
	};
	const char *p = memchr(s, '\'', n);
	if (!p || p == s || !all_alpha(p + 1, n - (size_t)(p - s) - 1) || memchr(p + 1, '\'', n - (size_t)(p - s) - 1))
		return 0;
	size_t hl = (size_t)(p - s), tl = n - hl - 1;
	for (size_t i = 0; i < hl; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	if (hl < 2 || (all_alpha(s, hl) && (words_common(s, hl, 70) || dict_word(s, hl))))
		return 0;     /* (an English word's own: "he'd"; and "free'ing", "error'd"
			       * as the normaliser cuts "freeing", "errored") */
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		if (strlen(ends[i].end) != tl || strncmp(ends[i].end, p + 1, tl) != 0)
			continue;
		say_name_ending(e, s, hl, ends[i].said, flags);
		return 1;
	}
	return 0;
}

static int s_name_apostrophe(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const ends[] = {"s", "t", "ll", "re", "ve", "d", "m", "n"};
	/* (the pronoun I before its apostrophe is a contraction: "I'ma") */
	static const char *const heads[] = {"o", "d", "l", "n", "y", "rock", "i"};
	const char *p = memchr(s, '\'', n);
	if (!p || p == s || n >= 64 || !all_alpha(s, (size_t)(p - s)) || !all_alpha(p + 1, n - (size_t)(p - s) - 1))
		return 0;
	size_t hl = (size_t)(p - s), tl = n - hl - 1;
	for (size_t i = 0; i < ARRAY_LEN(ends); i++)
		if (strlen(ends[i]) == tl && strncasecmp(ends[i], p + 1, tl) == 0)
			return 0;
	for (size_t i = 0; i < ARRAY_LEN(heads); i++)
		if (strlen(heads[i]) == hl && strncasecmp(heads[i], s, hl) == 0)
			return 0;
	char w[64];
	memcpy(w, s, hl);
	memcpy(w + hl, p + 1, tl);
	emitn(e, w, hl + tl);
	return 1;
}

/* Apostrophes, letters beyond ASCII: as written, for espeak-ng. */
static int s_as_written(struct en *e, const char *s, size_t n, int flags)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!isalnum(c) && c != '\'' && c < 0x80)
			return 0;
	}
	emitn(e, s, n);
	return 1;
}

/*
 * A printf conversion: "%d", "%llu", "%08x", "%-10s", "%.*s", and the
 * kernel's pointer extensions "%pK", "%pI4", "%pOF", "%*ph". A host reads
 * it as written: "percent", the flags, width and precision ("*" is
 * "star"), the letters spelled ("percent L-L-U", "percent zero eight X",
 * "percent P-K"); "%p*", any of the extensions, is "percent P star". A
 * whole token or a part of one ("%pK/%px").
 */
static int s_printf(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 2 || s[0] != '%')
		return 0;
	/* strace's classes of system calls ("-e trace=%desc,%clock", strace(1)):
	   the sign is part of the name, "percent desc"; a table of the classes,
	   so AT&T registers (%eax, %rip) keep their reading */
	static const struct { const char *cls, *say; } strace_cls[] = {
		{"clock", "clock"}, {"creds", "creds"}, {"desc", "desc"}, {"file", "file"},
		{"fstat", "F-stat"}, {"fstatfs", "F-stat F-S"}, {"ipc", "I-P-C"},
		{"lstat", "L-stat"}, {"memory", "memory"}, {"net", "net"}, {"network", "network"},
		{"process", "process"}, {"pure", "pure"}, {"signal", "signal"}, {"stat", "stat"},
		{"statfs", "stat F-S"},
	};
	{
		size_t b = s[1] == '%' ? 2 : 1;      /* "%%stat": any of the stat calls */
		for (size_t k = 0; k < ARRAY_LEN(strace_cls); k++)
			if (strlen(strace_cls[k].cls) == n - b && memcmp(s + b, strace_cls[k].cls, n - b) == 0) {
				emit(e, "percent");
				if (b == 2)
					emit(e, "percent");
				emit(e, strace_cls[k].say);
				return 1;
			}
	}
	size_t i = 1;
	while (i < n && strchr("-+ #0", s[i]))
		i++;
	size_t fl = i;
	if (i < n && s[i] == '*')        /* the width an argument: "%*ph" */
		i++;
	else
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	size_t wid = i;
	if (i + 1 < n && s[i] == '.' && s[i + 1] == '*')
		i += 2;
	else if (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1]))
		for (i++; i < n && isdigit((unsigned char)s[i]);)
			i++;
	size_t prec = i;
	while (i < n && strchr("hlLzZjtq", s[i]))
		i++;
	if (i >= n || !strchr("diouxXcsfFeEgGaAp", s[i]))
		return 0;
	size_t conv = i++;
	if (s[conv] == 'p')      /* %pK, %pI4, %pS, %pOF, %p4cc */
		while (i < n && isalnum((unsigned char)s[i]))
			i++;
	size_t end = i;
	/* "%process", "%probe": a word of five small letters or more some list
	   knows after the sign is no pointer's extension (those are short or
	   in capitals: %pad, %pOF), but a name written with a % (strace's
	   classes of calls) */
	if (s[conv] == 'p' && conv == 1 && end == n && n - 1 >= 5 && all_lower(s + 1, n - 1) &&
	    (words_common(s + 1, n - 1, 70) || dict_word(s + 1, n - 1)))
		return 0;
	if (s[conv] == 'p' && i + 1 == n && s[i] == '*')     /* "%p*": any pointer extension */
		i++;
	if (i != n)
		return 0;
	emit(e, "percent");
	static const struct { char c; const char *say; } flagw[] = {
		{'-', "minus"}, {'+', "plus"}, {' ', "space"}, {'#', "hash"}, {'0', "zero"},
	};
	for (size_t k = 1; k < fl; k++)
		for (size_t q = 0; q < ARRAY_LEN(flagw); q++)
			if (flagw[q].c == s[k])
				emit(e, flagw[q].say);
	if (wid > fl && s[fl] == '*')
		emit(e, "star");
	else if (wid > fl)
		emit_numstr(e, s + fl, wid - fl);
	if (prec > wid) {
		emit(e, "point");
		if (s[wid + 1] == '*')
			emit(e, "star");
		else
			emit_numstr(e, s + wid + 1, prec - wid - 1);
	}
	for (size_t k = prec; k < end;) {
		size_t st = k;
		int digit = isdigit((unsigned char)s[k]) != 0;
		while (k < end && (isdigit((unsigned char)s[k]) != 0) == digit)
			k++;
		if (digit)
			emit_numstr(e, s + st, k - st);
		else
			spell(e, s + st, k - st, 0);
	}
	if (end < n)
		emit(e, "star");
	return 1;
}

/*
 * A date(1) or strftime format: conversions glued, each a percent sign and
 * a letter, with a separator between or none: "%Y%m%d" (of "date
 * +%Y%m%d"), "%Y-%m-%d", "%H:%M:%S". A host reads it as written, each
 * "percent" and its letter: "percent Y percent M percent D", a separator
 * said ("dash", "colon"); it was "Y M D", the signs lost (kinds38).
 */
static int s_strftime(struct en *e, const char *s, size_t n, int flags)
{
	static const char conv[] = "aAbBcCdDeFgGhHIjklmMnNpPrRsStTuUVwWxXyYzZ";
	static const struct { char c; const char *say; } seps[] = {
		{'-', "dash"}, {':', "colon"}, {'_', "underscore"}, {'/', "slash"}, {'.', "dot"},
	};
	size_t convs = 0;
	(void)flags;
	if (n < 4 || s[0] != '%')
		return 0;
	for (size_t i = 0; i < n;) {       /* the shape first: nothing said unless it all is one */
		if (s[i] == '%' && i + 1 < n && s[i + 1] && strchr(conv, s[i + 1])) {
			convs++;
			i += 2;
			continue;
		}
		size_t q = 0;
		while (q < ARRAY_LEN(seps) && seps[q].c != s[i])
			q++;
		if (q == ARRAY_LEN(seps) || i + 1 >= n || s[i + 1] != '%')
			return 0;
		i++;
	}
	if (convs < 2)
		return 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '%') {
			emit(e, "percent");
			spell(e, s + i + 1, 1, 0);
			i += 2;
			continue;
		}
		for (size_t q = 0; q < ARRAY_LEN(seps); q++)
			if (seps[q].c == s[i])
				emit(e, seps[q].say);
		i++;
	}
	return 1;
}

/*
 * A compiler's option: "-W", "-f" or "-m" glued to a word ("-Warray-bounds",
 * "-Wno-unused", "-fno-strict-aliasing", "-march=native"): the option's
 * letter spelled, then the rest as a token: "W array bounds". The first word
 * after the letter is a word of some list and, but for -W ("-Wall") and an
 * option with a value ("-march=native"), the letter and it together no
 * word ("-mail", "-fixes" are not options); after -W a word of four letters
 * or more and a hyphen is one whatever the word ("-Wstringop-overread").
 */
static int s_cc_option(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 4 || s[0] != '-' || !strchr("Wfm", s[1]) || !isalpha((unsigned char)s[2]))
		return 0;
	size_t w = 2;
	while (w < n && isalpha((unsigned char)s[w]))
		w++;
	if (w < n && s[w] != '-' && s[w] != '=')
		return 0;
	const char *why;
	/* "-Wstringop-overflow": -W, a word and a hyphen is a warning's option whatever the word */
	int wflag = s[1] == 'W' && w < n && s[w] == '-' && w - 2 >= 4;
	if (w - 2 < 2 || !(wflag || known_word(s + 2, w - 2, &why) || vocab_kind(s + 2, w - 2) != VOCAB_NONE) ||
	    (s[1] != 'W' && (w == n || s[w] != '=') && known_word(s + 1, w - 1, &why)))
		return 0;
	spell(e, s + 1, 1, 0);
	say_core(e, s + 2, n - 2, flags | F_PART);
	return 1;
}

/* "Wconversion compiler warnings", "Wnonnull warnings", "Fix
 * Wvoid-pointer-to-enum-cast warning": a compiler's warning named without
 * its dash, W glued to four small letters or more, before "warning" or
 * "compiler", or a word of the lists with a hyphen after it: the W spelled
 * (a word of the lists is no warning, "Wedge", "Windows"; nor a name
 * before a hyphen, "Wolfson-based"). */
static int s_cc_warning_bare(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 5 || s[0] != 'W' || !islower((unsigned char)s[1]))
		return 0;
	size_t w = 1;
	while (w < n && islower((unsigned char)s[w]))
		w++;
	if (w < n && s[w] != '-')
		return 0;
	const char *why;
	int before = e->next && ((e->nextn >= 7 && strncasecmp(e->next, "warning", 7) == 0) ||
				 (e->nextn == 8 && strncasecmp(e->next, "compiler", 8) == 0));
	/* with a hyphen, a word of the lists after the W ("Wvoid-", "Wunused-",
	 * "Wnonnull-"), not a name ("Wolfson-based") */
	size_t pre = w - 1 > 5 && strncmp(s + 1, "non", 3) == 0 ? 3 : w - 1 > 4 && (strncmp(s + 1, "no", 2) == 0 ||
		     strncmp(s + 1, "un", 2) == 0) ? 2 : 0;
	int word = known_word(s + 1, w - 1, &why) || vocab_kind(s + 1, w - 1) != VOCAB_NONE ||
		   (pre && known_word(s + 1 + pre, w - 1 - pre, &why));
	if (w - 1 < 4 || known_word(s, w, &why) || !(before || (w < n && word)))
		return 0;
	decide(e, "compiler option", "W glued to a word, a warning named without its dash: W spelled, then the rest");
	spell(e, s, 1, 0);
	say_core(e, s + 1, n - 1, flags | F_PART);
	return 1;
}

/* Anything else: drop the symbols, keep what is between them. */
static int s_symbols_dropped(struct en *e, const char *s, size_t n, int flags)
{
	for (size_t st = 0, i = 0; i <= n; i++)
		if (i == n || (!isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80 && s[i] != '\'')) {
			if (i > st)
				say_core(e, s + st, i - st, flags | F_PART);
			st = i + 1;
		}
	return 1;
}

/* "2+2=4", "3*4=12", "6/2=3": numbers and the signs of arithmetic between
 * them, said as arithmetic. Only with an = or a + or * in it: "1-3" is a
 * range and "3/4" N of M (s_path). */
static int s_arith(struct en *e, const char *s, size_t n, int flags)
{
	int eq = 0, strong = 0;
	if (n < 3 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[n - 1]))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]) || (s[i] == '.' && i + 1 < n && isdigit((unsigned char)s[i + 1])))
			continue;
		if (!strchr("+-*/=", s[i]) || !isdigit((unsigned char)s[i - 1]) || !isdigit((unsigned char)s[i + 1]))
			return 0;
		eq |= s[i] == '=';
		strong |= s[i] == '+' || s[i] == '*';
	}
	if ((!eq && !strong) || (!eq && memchr(s, '/', n)))
		return 0;     /* (a channel's "160/80+80" is no division) */
	for (size_t st = 0, i = 0; i <= n; i++) {
		if (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.'))
			continue;
		say_core(e, s + st, i - st, flags | F_PART);
		if (i < n)
			emit(e, s[i] == '+' ? "plus" : s[i] == '-' ? "minus" : s[i] == '*' ? "times" :
				s[i] == '/' ? "divided by" : "equals");
		st = i + 1;
	}
	decide(e, "arithmetic", "numbers and the signs of arithmetic between them");
	return 1;
}

/* "a _loong_ time", "it is _not_ safe": a word between single underscores
 * is emphasis as plain-text mail marks it, the word said alone (no part of
 * an identifier); letters only, three or more ("_GNU_SOURCE", "__init"
 * are names). */
static int s_emphasis(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 5 || s[0] != '_' || s[n - 1] != '_' || !all_alpha(s + 1, n - 2))
		return 0;
	/* a word drawn out inside the marks may double a vowel: "_loong_" */
	if (!say_stretched(e, s + 1, n - 2, 1))
		say_core(e, s + 1, n - 2, flags);
	return 1;
}

/* "#3324346,3324347", "#1063422,#1063423": bug or erratum numbers glued by
 * commas after a number sign are IDs each, digit by digit, as the first is
 * ("number three three two four ..., three three two four ..."), not the
 * second a count. */
static int s_bug_list(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n < 13 || s[0] != '#' || !memchr(s, ',', n))
		return 0;
	size_t i = 1, items = 0;
	while (i < n) {
		i += i > 1 && s[i] == '#';
		size_t d = i;
		while (d < n && isdigit((unsigned char)s[d]))
			d++;
		if (d - i < 5 || d - i > 9 || (d < n && s[d] != ','))
			return 0;
		items++;
		i = d + 1;
		if (d == n - 1)
			return 0;
	}
	if (items < 2)
		return 0;
	emit(e, "number");
	for (i = 1; i < n;) {
		i += s[i] == '#';
		size_t d = i;
		while (d < n && isdigit((unsigned char)s[d]))
			d++;
		if (i > 2)
			punct(e, ',');
		emit_id_digits(e, s + i, d - i);
		i = d + 1;
	}
	return 1;
}

/* "4500,!4571", "!*": i915's force_probe list, where a ! before an item
 * means "not" it; each item said in turn, "not" for the mark. */
static int s_not_list(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n >= 5 && s[0] == '"' && (flags & F_PART)) {     /* force_probe="4500,!4571" */
		s++;
		n--;
	}
	if (n < 4 || !memchr(s, ',', n) || !memchr(s, '!', n))
		return 0;
	size_t i = 0, bangs = 0, items = 0;
	while (i < n) {
		size_t st = i;
		if (s[i] == '!')
			i++, bangs++;
		size_t a = i;
		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '*'))
			i++;
		if (i == a || (i < n && s[i] != ',') || (i < n && i + 1 == n))
			return 0;
		(void)st;
		items++;
		i += i < n;
	}
	if (!bangs || items < 2)
		return 0;
	for (i = 0; i < n;) {
		if (i)
			punct(e, ',');
		if (s[i] == '!') {
			emit(e, "not");
			i++;
		}
		size_t a = i;
		while (i < n && s[i] != ',')
			i++;
		if (i - a == 1 && s[a] == '*')
			emit(e, "any");
		else if (all_digit(s + a, i - a))
			emit_id_digits(e, s + a, i - a);
		else
			say_core(e, s + a, i - a, F_START | F_PART);
		i += i < n;
	}
	return 1;
}

/* "CyrixIII", "PentiumII": a chip family's name glued to its generation in
 * Roman numerals (II to IV) is the name and the number, "Cyrix three", not
 * the name and the numeral's letters. */
static int s_family_roman(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const families[] = {"Cyrix", "Pentium", "Athlon", "Phenom", "Celeron", "Opteron",
					       "Sempron", "Turion", "Itanium"};
	static const char *const numerals[] = {"II", "III", "IV"};
	(void)flags;
	/* any name of four letters or more before II or III: "FlexcopII" (IV
	   only after a chip family: "CryptoIV" may be an initialisation vector) */
	for (size_t r = 0; r < 2; r++) {
		size_t rl = strlen(numerals[r]);
		if (n >= rl + 4 && !memcmp(s + n - rl, numerals[r], rl) && product_name(s, n - rl)) {
			emitn(e, s, n - rl);
			emit_num(e, (unsigned long long)(r + 2));
			return 1;
		}
	}
	for (size_t f = 0; f < sizeof families / sizeof families[0]; f++) {
		size_t fl = strlen(families[f]);
		if (n <= fl || memcmp(s, families[f], fl))
			continue;
		for (size_t r = 0; r < 3; r++)
			if (n - fl == strlen(numerals[r]) && !memcmp(s + fl, numerals[r], n - fl)) {
				emitn(e, s, fl);
				emit_num(e, (unsigned long long)(r + 2));
				return 1;
			}
	}
	return 0;
}

/*
 * The shapes, in the order they are asked: a row's class and reason are
 * what --explain shows for a whole token (NULL: the parts' own, a word's
 * or a number's); "whole" rows apply to whole tokens only. The lexicon
 * comes first: a producer's entry wins over every shape.
 */
static const struct shape {
	const char *cls, *why;
	int whole;
	int (*say)(struct en *e, const char *s, size_t n, int flags);
} shapes[] = {
	{NULL, NULL, 0, s_phonemes},
	{NULL, NULL, 0, s_lexicon},
	{"emphasis", "a word between underscores, as plain-text mail marks emphasis: the word", 1, s_emphasis},
	{"URL", "a URL: the site is said, not the path", 1, s_url},
	{"printf format", "a printf conversion: percent, then its letters", 0, s_printf},
	{"strftime format", "a date format: each percent sign and its letter", 0, s_strftime},
	{"prompt", "a shell prompt: user@host:dir$", 1, s_prompt},
	{"e-mail", "an e-mail address", 1, s_email},
	{"serial", "bug or erratum numbers glued by commas after #: each digit by digit", 1, s_bug_list},
	{"model", "a chip family's name glued to its generation in Roman numerals: the name and the number", 0, s_family_roman},
	{"list", "a list whose ! before an item means not (i915's force_probe)", 0, s_not_list},
	{"domain", "a host name with a known top-level domain", 1, s_domain},
	{"device tree", "a device-tree node and its unit address: the name at the address", 0, s_dt_node},
	{NULL, NULL, 0, s_possessive},
	{"symbol", "a ! glued before a name or a number: \"not\"", 0, s_not},
	{NULL, NULL, 0, s_tilde_not},
	{"compiler option", "-W, -f or -m glued to a word: the letter spelled, then the rest", 0, s_cc_option},
	{NULL, NULL, 0, s_cc_warning_bare},
	{"version", "git describe: a tag, \"plus N commits\" after it, then g and a commit ID", 0, s_describe},
	{"CVE ID", "CVE-year-number", 0, s_cve},
	{"hexadecimal", "hexadecimal digits and an h suffix (1Ah, 80000001H): each said, then H", 0, s_hex_suffix},
	{"commit ID", "two commit or blob IDs joined by two dots: each by its first four, \"to\" between", 0, s_hex_range},
	{"hexadecimal", "hexadecimal digits with a run of four, or after a page-table level (PGD): a value, every digit said", 0, s_hex_value},
	{"commit ID", "hexadecimal digits and letters: its first four said", 0, s_commit},
	{"commit ID", "git describe's g and a commit ID: the letter, then its first four", 0, s_describe_hash},
	{"version", "a protocol and its version glued, one digit a part (protocols)", 0, s_protocol},
	{"braces", "alternatives in braces glued to a name: each said as in the whole name", 0, s_braces},
	{NULL, NULL, 0, s_braces_lead},
	{"function", "a call with its arguments left out, f(...): the function's name", 0, s_call_elided},
	{"function", "a call with one C string glued, f(\"done\\n\"): the name, then the string's words", 0, s_call_string},
	{"operator", "an assignment of a number with a point or a slash: the name, equals, the value", 0, s_assign_value},
	{NULL, NULL, 0, s_two_way_arrow},
	{NULL, NULL, 1, s_glued_times},
	{NULL, NULL, 0, s_version_arrow},
	{NULL, NULL, 0, s_version_placeholder},
	{"number", "a range of numbers glued to its name: \"to\"", 0, s_name_range},
	{"number", "a label and a decimal glued after its colon: the label, then the number", 0, s_label_decimal},
	{"percent", "a metric's name ending in a percent sign after a letter: the name, then percent", 0, s_name_percent},
	{"version", "a date and a commit ID joined by a dot, a release after a dash: a snapshot's package version", 0, s_dated_snapshot},
	{"date", "a date of eight digits before a hyphen and a word (a b4 change ID): the date, then the rest", 0, s_dated_prefix},
	{"money", "a short word joined by a hyphen to a price with separators: the word, then the price", 0, s_prefix_money},
	{"dotted", "dots inside a token: initials, a product name, a version glued to a word, a list without spaces", 0, s_dotted},
	{NULL, NULL, 0, s_url_inside},
	{"date", "year-month-day", 0, s_date},
	{NULL, NULL, 0, s_rate},
	{NULL, NULL, 1, s_arith},
	{"unit", "a unit per a unit of time named without a number", 0, s_unit_rate},
	{"label", "a colon between two capitalised words inside Chinese: a label's pause", 0, s_zh_label_colon},
	{"count", "cores and threads, NC/MT: both counted", 0, s_cores_threads},
	{"number", "a number and its spread glued after it: 13.358(+/- 1.82%)", 0, s_number_spread},
	{"number", "an ordinal and its label after a hyphen: 99.9th-qrtle", 0, s_ordinal_label},
	{"path", "a slash: a path, a list of versions, or N of M", 0, s_path},
	{"path", "a backslash: a Windows path", 0, s_backslash},
	{NULL, NULL, 0, s_model_based},
	{"number", "a bug tracker's prefix glued to its number by #: the prefix, number, the digits", 0, s_tracker_number},
	{"number", "two numbers joined by &: both, and", 0, s_amp_numbers},
	{"number", "the number shapes of speech_verbal.c (versions and tags, times, ordinals, units glued)", 0, s_number},
	{NULL, NULL, 0, s_range},
	{"operator", "a name and +, ++ or --", 0, s_increment},
	{NULL, NULL, 0, s_sign},
	{NULL, NULL, 0, s_optional_plural},
	{NULL, NULL, 0, s_function},
	{NULL, NULL, 0, s_completion_inside},
	{NULL, NULL, 0, s_completion_front},
	{NULL, NULL, 0, s_completion},
	{NULL, NULL, 0, s_caps_arrow},
	{NULL, NULL, 0, s_hyphenated},
	{NULL, NULL, 0, s_xor},
	{"identifier", "a version written with underscores (v6_0 is v6.0)", 0, s_underscore_version},
	{NULL, NULL, 0, s_separated},
	{NULL, NULL, 0, s_alnum},
	{"identifier", "a name of code of the lexicon and an English ending glued (mmaped)", 0, s_code_glued_ending},
	{NULL, NULL, 0, s_letters},
	{"letters", "a prime after a capital before mixed letters (Y'CbCr): not said", 0, s_prime},
	{"identifier", "a name of code and an English ending after an apostrophe (mmap'ed)", 0, s_code_ending},
	{"name", "an apostrophe inside a name: said as one word", 0, s_name_apostrophe},
	{NULL, NULL, 0, s_as_written},
	{NULL, NULL, 0, s_symbols_dropped},
};

void say_core(struct en *e, const char *s, size_t n, int flags)
{
	if (!n)
		return;
	if (e->depth > 24) {
		emitn(e, s, n);
		return;
	}
	e->depth++;
	for (size_t r = 0; r < ARRAY_LEN(shapes); r++) {
		if (shapes[r].whole && !(flags & F_TOKEN))
			continue;
		if (!shapes[r].say(e, s, n, flags))
			continue;
		if (shapes[r].cls && (flags & F_TOKEN))
			decide(e, shapes[r].cls, shapes[r].why);
		break;
	}
	e->depth--;
}

/* ---- symbols standing alone ---- */

/* Whether s starts with an ordinal standing alone: "15th", "1st," */
static int ordinal_start(const char *s)
{
	size_t d = 0;
	while (isdigit((unsigned char)s[d]))
		d++;
	if (!d || !s[d] || !s[d + 1])
		return 0;
	char a = (char)tolower((unsigned char)s[d]), b = (char)tolower((unsigned char)s[d + 1]);
	return ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')) &&
	       !isalnum((unsigned char)s[d + 2]);
}

/* A C type a pointer's asterisk follows: "void *" is a void pointer. */
int c_pointee(const char *s, size_t n)
{
	static const char *const types[] = {
		"void", "char", "int", "long", "short", "unsigned", "signed", "const", "bool", "float",
		"double", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "size_t", "__u8", "__u16",
		"__u32", "__u64", "__le32", "__be32", "__user",
	};
	for (size_t i = 0; i < ARRAY_LEN(types); i++)
		if (strlen(types[i]) == n && memcmp(types[i], s, n) == 0)
			return 1;
	return 0;
}

/* Symbols that make a token of their own, and their words. */
static const struct { const char *sym, *say; } syms[] = {
	{"&", "and"}, {"&&", "and"}, {"||", "or"}, {"+", "plus"}, {"=", "equals"},
	{"==", "equals"}, {"!=", "is not"}, {"<<", "shifted left by"}, {">>", "shifted right by"},
	{"->", "to"}, {"=>", "to"}, {"-->", "to"}, {"==>", "to"}, {"<-", "from"}, {"<--", "from"},
	{"<->", "and"}, {"<-->", "and"}, {"\xe2\x86\x94", "and"}, {"\xe2\x9f\xb7", "and"}, {"\xe2\x86\x92", "to"}, {"\xe2\x9f\xb6", "to"},
	{"~", "about"}, {"\xe2\x89\x88", "about"}, {"<", "less than"}, {">", "more than"},
	{"<=", "at most"}, {">=", "at least"}, {"\xe2\x89\xa4", "at most"},
	{"\xe2\x89\xa5", "at least"}, {"\xc2\xb1", "plus or minus"}, {"%", "percent"},
	{"@", "at"}, {"#", "number"}, {"\xc3\x97", "by"}, {"/", "slash"},
	/* C's compound assignments, in quoted code ("used -= reserve;") */
	{"+=", "plus equals"}, {"-=", "minus equals"}, {"*=", "times equals"}, {"/=", "divide equals"},
	{"%=", "mod equals"}, {"|=", "or equals"}, {"&=", "and equals"}, {"^=", "X-or equals"},
	{"<<=", "shift left equals"}, {">>=", "shift right equals"},
};

/* The word of a symbol of the table, or NULL. */
const char *symbol_word(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(syms); i++)
		if (strlen(syms[i].sym) == n && memcmp(syms[i].sym, s, n) == 0)
			return syms[i].say;
	return NULL;
}

/* Whether t starts with a clock time, H:MM or HH:MM (and what may follow). */
static int clock_start(const char *t)
{
	size_t h = strspn(t, "0123456789");
	return (h == 1 || h == 2) && t[h] == ':' && isdigit((unsigned char)t[h + 1]) &&
	       isdigit((unsigned char)t[h + 2]) && !isdigit((unsigned char)t[h + 3]);
}

int say_symbol(struct en *e, const char *s, size_t n, const char *prev2, const char *prev, const char *next)
{
	int pnum = prev && (isdigit((unsigned char)prev[0]) ||
			    ((prev[0] == 'v') && isdigit((unsigned char)prev[1])));
	int nnum = next && (isdigit((unsigned char)next[0]) ||
			    ((next[0] == 'v') && isdigit((unsigned char)next[1])));
	/* "p.346 - 7", "pp.12 - 18": a number glued to its abbreviation before the dash */
	if (!pnum && prev) {
		size_t pl = strcspn(prev, " \t,;:)");
		const char *d = memchr(prev, '.', pl);
		pnum = d && d > prev && d - prev <= 2 && all_alpha(prev, (size_t)(d - prev)) && (size_t)(d - prev) + 1 < pl &&
		       all_digit(d + 1, pl - (size_t)(d - prev) - 1);
	}
	/* "Episode 4 – 2023/04/24" is not a range */
	if (nnum && strlen(next) >= 8 && all_digit(next, 4) && (next[4] == '/' || next[4] == '-'))
		nnum = 0;
	/* "Wed Feb 24 2016 - 22:54:30", "April 12, 2008 - 6:58 pm": a clock time
	 * after a year is the date's time, the dash between them no range */
	if (pnum && nnum && strspn(prev, "0123456789") == 4 && (prev[0] == '1' || prev[0] == '2') &&
	    strchr(" \t,", prev[4] ? prev[4] : ' ') && clock_start(next))
		nnum = 0;
	/* "Top 100 - 15th March 2014": an ordinal after a count starts a date (but "1st - 5th") */
	if (nnum && pnum && ordinal_start(next) && !ordinal_start(prev))
		nnum = 0;
	/* "a 32 - bit player", "an 18 - pound wheel": a hyphen with spaces
	 * between a number and a noun in small letters joins them, no pause */
	if (n == 1 && s[0] == '-' && prev && next && all_digit(prev, strcspn(prev, " ")) &&
	    singular_noun(next, strcspn(next, " \t,.;:)"))) {
		decide(e, "symbol", "a hyphen between a number and a noun: one word, no pause");
		return 1;
	}
	/* "x − 1": the minus sign of U+2212 is minus; so is a hyphen between
	 * spaces before a number after a one-letter name ("n - 1") or after a
	 * quoted or bracketed operand ("\"bugfix-only-release\" - 1", "f(x) - 1") */
	if (n == 3 && memcmp(s, "\xe2\x88\x92", 3) == 0) {
		decide(e, "symbol", "the minus sign: minus");
		emit(e, "minus");
		return 1;
	}
	if (n == 1 && s[0] == '-' && prev && !pnum && next && isdigit((unsigned char)next[0])) {
		size_t pl = strcspn(prev, " \t");
		size_t pc = pl;
		while (pc > 0 && strchr("\"')`", prev[pc - 1]))
			pc--;
		int quoted = pc < pl && pc > 0 && isalnum((unsigned char)prev[pc - 1]);
		int letter = pl == 1 && isalpha((unsigned char)prev[0]) && !strchr("aAI", prev[0]);
		if (quoted || letter) {
			decide(e, "symbol", "a hyphen between spaces before a number, after a one-letter name or a quoted or bracketed operand: minus");
			emit(e, "minus");
			return 1;
		}
	}
	if ((n == 1 && s[0] == '-') || (n == 3 && memcmp(s, "\xe2\x80\x93", 3) == 0) ||
	    (n == 2 && memcmp(s, "--", 2) == 0) || (n == 3 && memcmp(s, "\xe2\x80\x94", 3) == 0)) {
		if (pnum && nnum && n != 2 && memcmp(s, "\xe2\x80\x94", 3) != 0) {
			emit(e, "to");
			/* "May 21 - 22": a day after its month, then the range's
			   second day (said as an ordinal by the number shapes) */
			size_t dl = strlen(e->prev);
			e->day_range = month_of(e->prev2) && dl >= 1 && dl <= 2 && all_digit(e->prev, dl);
		} else
			punct(e, ',');
		return 1;
	}
	/* an asterisk between two operands multiplies: "divider * base",
	 * "3 * 4" (not "the * marks it", an asterisk talked about) */
	if (n == 1 && s[0] == '*' && prev && c_pointee(prev, strcspn(prev, " "))) {
		decide(e, "symbol", "an asterisk after a C type: a pointer");
		emit(e, "pointer");
		return 1;
	}
	/* mmtests marks a significant change with asterisks about it, "0.4630 *
	 * 4.27%*": the opening one, alone before a value that ends in its
	 * partner, is no operator and not said */
	if (n == 1 && s[0] == '*' && next) {
		size_t nn = strcspn(next, " ");
		if (nn > 1 && next[nn - 1] == '*' && next[nn - 2] != '*' &&
		    (isdigit((unsigned char)next[0]) || ((next[0] == '-' || next[0] == '+') && isdigit((unsigned char)next[1])))) {
			decide(e, "symbol", "an asterisk opening a value marked with asterisks (mmtests): not said");
			return 1;
		}
	}
	if (n == 1 && s[0] == '*' && prev && next && prev[0] && (isalnum((unsigned char)next[0]) || next[0] == '(')) {
		size_t pn = strcspn(prev, " ");
		char w[16] = "";
		if (pn < sizeof w) {
			memcpy(w, prev, pn);
			w[pn] = '\0';
		}
		/* ("'dyn-power-coeff' * volt_mV": a quoted operand is one too) */
		int quoted = pn >= 2 && (prev[pn - 1] == '\'' || prev[pn - 1] == '"') && isalnum((unsigned char)prev[pn - 2]);
		if (!determiner(w) && (isalnum((unsigned char)prev[pn - 1]) || prev[pn - 1] == ')' || quoted)) {
			decide(e, "symbol", "an asterisk between two operands: times");
			emit(e, "times");
			return 1;
		}
	}
	/* "echo 1 > /proc/sys/vm/drop_caches": a shell's redirection into a
	 * file, not "more than" */
	if (n <= 2 && s[0] == '>' && (n == 1 || s[1] == '>') && next && next[0] == '/' && isalpha((unsigned char)next[1])) {
		decide(e, "symbol", "a redirection before a path: into the file");
		emit(e, "into");
		return 1;
	}
	if (n == 1 && s[0] == '~' && pnum && nnum) {     /* "5 ~ 6 days": a range */
		emit(e, "to");
		return 1;
	}
	/* "...", "…", and the writer's cut "(...)": a pause */
	if ((n == 3 && memcmp(s, "...", 3) == 0) || (n == 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0) ||
	    (n == 5 && memcmp(s, "(...)", 5) == 0)) {
		punct(e, ',');
		return 1;
	}
	/* a slash is "slash" (a path's, a subsystem's "PM / devfreq", a pair's
	 * "singer / songwriter"): "or" only between alternatives, "his / her",
	 * "June / July" (or_pair) */
	/* "64 cores / 128 threads": counts of two plural nouns, both (not "per
	 * 5 seconds": the second noun no unit) */
	if (n == 1 && s[0] == '/' && prev2 && prev && next && all_digit(prev2, strcspn(prev2, " \t")) &&
	    plural_noun(prev, strcspn(prev, " \t,.;:)"))) {
		size_t d = strspn(next, "0123456789"), w = d + 1 < strlen(next) ? strcspn(next + d + 1, " \t,.;:)") : 0;
		if (d && next[d] == ' ' && plural_noun(next + d + 1, w) && !unit_word(next + d + 1, w)) {
			emit(e, "and");
			return 1;
		}
	}
	if (n == 1 && s[0] == '/' && prev && next && or_pair(prev, strcspn(prev, " \t,.;:)"), next, strcspn(next, " \t,.;:)"))) {
		emit(e, slash_word(prev, strcspn(prev, " \t,.;:)"), next, strcspn(next, " \t,.;:)")));
		return 1;
	}
	/* "# Safety", "# Examples": a heading's mark before a capitalised word, not
	 * said (in a title, "Device # For PCI", it is "number") */
	if (n == 1 && s[0] == '#' && next && isupper((unsigned char)next[0]) && islower((unsigned char)next[1]) &&
	    !(prev && isupper((unsigned char)prev[0]))) {
		decide(e, "symbol", "# before a capitalised word: a heading's mark, not said");
		return 1;
	}
	/* "# taskset -c 5 ./xdpsock": root's shell prompt (or a comment's mark)
	 * before a command at a line's start is not said; "# of CPUs" is */
	if (n == 1 && s[0] == '#' && (!prev || !prev[0]) && next && (islower((unsigned char)next[0]) || next[0] == '.')) {
		size_t nn = strcspn(next, " ");
		if (shell_command(next, nn) || (nn >= 2 && next[0] == '.' && next[1] == '/')) {
			decide(e, "symbol", "# before a command at a line's start: a shell's prompt, not said");
			return 1;
		}
	}
	/* perf stat's "#  0.52  insn per cycle": the mark before a derived
	 * metric, a decimal no number sign counts ("bug # 5" is "number") */
	if (n == 1 && s[0] == '#' && next && isdigit((unsigned char)next[0])) {
		size_t a = strspn(next, "0123456789");
		if (next[a] == '.' && isdigit((unsigned char)next[a + 1])) {
			decide(e, "symbol", "# before a decimal: a metric's mark (perf stat), not said");
			return 1;
		}
	}
	/* a spaced slash between two numbers that an equals sign then totals,
	 * "4,268,965 / 9,733,603 = 0.44", or after a call, "f(s) / 2": a division */
	if (n == 1 && s[0] == '/' && prev && next && isdigit((unsigned char)next[0])) {
		size_t pn = strcspn(prev, " "), nn = strcspn(next, " ");
		const char *after = next + nn;
		while (*after == ' ')
			after++;
		int num = isdigit((unsigned char)prev[0]) && isdigit((unsigned char)prev[pn - 1]) && strspn(next, "0123456789,.") == nn;
		if ((num && after[0] == '=' && (after[1] == ' ' || !after[1])) ||
		    (pn > 2 && prev[pn - 1] == ')' && prev[pn - 2] != '(' && isalnum((unsigned char)prev[pn - 2]) && strspn(next, "0123456789") == nn &&
		     memchr(prev, '(', pn))) {
			decide(e, "symbol", "a spaced slash between numbers an equals sign totals, or after a call: divided by");
			emit(e, "divided by");
			return 1;
		}
	}
	const char *w = symbol_word(s, n);
	if (w) {
		emit(e, w);
		return 1;
	}
	return 0;
}
