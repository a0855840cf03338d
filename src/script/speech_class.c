/*
 * speech_class.c: which class a token of English text is, from its shape
 * and its neighbours, by one table of rules tried in order (rules[] below):
 * a URL a space broke, a serial, money, an IEEE standard, a device ID, a
 * date, a time, a duration, a day in a list, a range of years, a decade,
 * an ordinal, a fraction, a comment marker, a number sign, a model number
 * in the plural, a measure, a signed count, a sign, dimensions, a model
 * number, a year or a count, a decimal or a version, a Roman numeral, an
 * abbreviation. The first rule that
 * matches decides; its class's verbaliser (speech_verbal.c) says the
 * tokens. Tokens no rule claims go on to the shapes of speech_shape.c
 * (identifiers, paths, URLs, words and acronyms).
 *
 * The words that give context (what comes before a year, a version, a
 * count) are tables here too: adding a cue is one row.
 *
 * In: the tokens of a stretch of text and an index. Out: words said, and
 * the number of tokens used (0 when no rule matched). A token of small
 * letters only is asked only by the rules marked on_words.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "speech_en_int.h"
#include "speech_class.h"

/* ---- context tables ---- */

/* Words after which a four-digit number is a year: "in 1868", "born 1970". */
static const char *const year_cues[] = {
	"in", "since", "from", "until", "till", "to", "through", "by", "of", "during",
	"before", "after", "around", "circa", "c", "ca", "year", "born", "died", "d",
	"b", "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
	"between", "and", "or", "fiscal", "fy", "copyright", "established", "founded",
	"est", "ad", "bc", "christmas", "easter", "season", "class", "vintage",
};

/* Words after which a number counts something: "over 2000 patches". */
static const char *const count_cues[] = {
	"about", "over", "nearly", "almost", "roughly", "approximately", "than",
	"some", "total", "exactly", "another", "only", "just", "least", "most",
};

/* Words after a number that make it a count: "2000 patches". */
static const char *const count_nouns[] = {
	"patches", "commits", "lines", "files", "changes", "people", "developers",
	"times", "bugs", "tests", "users", "words", "pages", "bytes", "cpus",
	"cores", "threads", "machines", "servers", "systems", "members", "votes",
	"copies", "units", "items", "entries", "pieces", "points", "steps",
	"mails", "messages", "emails", "contributors", "companies", "drivers",
	"men", "women", "soldiers", "troops", "students", "residents", "households",
	"families", "inhabitants", "acres", "miles", "feet", "meters", "metres",
	"kilometers", "kilometres", "tons", "tonnes", "yards", "dollars", "euros",
	"pounds", "runs", "goals", "games", "matches", "seats", "copies",
	/* what a diffstat and a review count: "1917 insertions(+)" */
	"insertions", "deletions", "changesets", "fixes", "warnings", "errors",
};

/* Words before X.Y that make it a version: "Linux 6.3", "glibc 2.39". */
static const char *const version_cues[] = {
	"linux", "kernel", "kernels", "version", "versions", "release", "releases",
	"v", "gcc", "glibc", "clang", "llvm", "python", "rust", "rustc", "perl",
	"debian", "ubuntu", "fedora", "rhel", "sles", "android", "firefox", "qemu",
	"systemd", "mesa", "gnome", "kde", "plasma", "bash", "git", "openssl",
	"binutils", "util-linux", "stable", "longterm", "lts", "mainline", "rc",
	"slackware", "opensuse", "suse", "centos", "gentoo", "alpine", "freebsd", "netbsd",
	"openbsd", "windows", "macos", "java", "ruby", "php", "xen", "wayland", "xorg",
	"pahole", "bison", "flex", "make", "cmake", "meson", "nvidia", "kvm", "gtk", "qt",
};

/* Words before a number that is not a model number: "Chapter 121". */
static const char *const count_words_before[] = {
	"chapter", "page", "pages", "section", "part", "volume", "vol", "table",
	"figure", "fig", "room", "route", "episode", "season", "issue", "number",
	"patch", "version", "bug", "article", "rule", "act", "level", "step",
	"phase", "stage", "year", "day", "week", "series", "highway", "interstate",
	"psalm", "verse", "line", "item", "no", "order", "row", "column", "box",
	"suite", "flight", "pier", "gate", "platform", "lot", "unit", "opus", "op",
	"track", "disc", "exit", "grade", "class", "division", "district", "ward",
	"census", "population", "total", "top", "the", "in", "of", "and", "with",
	/* determiners and possessives that start a sentence: "His 307 yards" */
	"his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
	"those", "each", "every", "all", "both", "any", "these", "for", "from", "to", "by",
	"on", "at", "after", "before", "since", "until", "under", "between",
};

/* Names after which a Roman numeral is an ordinal: "Charles V", "Guy XIII". */
static const char *const roman_part_words[] = {
	"part", "chapter", "volume", "vol", "book", "act", "phase", "war", "type",
	"class", "stage", "episode", "season", "level", "tier", "grade", "series",
	"schedule", "title", "article", "appendix", "annex", "section", "world",
	"mark", "mk", "model", "generation", "gen",
	/* a chip family's generation: "Pentium III", "Athlon II", "Phenom II" */
	"pentium", "athlon", "phenom", "celeron", "opteron", "turion", "sempron", "itanium", "cyrix",
};

/* Abbreviated titles of a person, paired by "and": "mr and mrs Godwin" */
static const char *const person_titles[] = {"mr", "mrs", "ms", "dr", "prof", "rev"};

/* Titles before a regnal name: "Pope Benedict XVI", "King Charles III". */
static const char *const regnal_titles[] = {
	"king", "queen", "pope", "emperor", "empress", "tsar", "czar", "pharaoh", "prince",
	"princess", "duke", "duchess", "saint", "st", "sultan", "shah", "kaiser", "count",
	"countess", "earl", "lord", "grand",
};

/* Abbreviations without (or with) their full stop, and when they are said so. */
enum abbr_when {
	A_ALWAYS,        /* "ltd", "sr" */
	A_NUMBER_AFTER,  /* "vol 3", "p.82", "No. 5" */
	A_NAME_AFTER,    /* "dr Paul", "mr Bean" */
	A_NUMBER_NEAR,   /* "Sep 12", "12 Sep": a month */
	A_YEAR_AFTER,    /* "d. 1468", "c. 1850": with its full stop, before a year */
	A_WEEKDAY,       /* "Thu, 10 Jun 2021", "Sat Dec 6": a day of the week before a date */
	A_PAREN_OPEN,    /* "(ex, jemalloc)", "(ex: FreeBSD)": first in a parenthesis, a mark after */
	A_REVISION,      /* "Rev. B", "rev 2": a board's or a chip's revision, one capital or a number after */
};
static const struct abbr {
	const char *written;
	const char *said;
	enum abbr_when when;
} abbrs[] = {
	{"sr", "senior", A_ALWAYS}, {"jr", "junior", A_ALWAYS},
	{"ltd", "limited", A_ALWAYS}, {"inc", "incorporated", A_ALWAYS},
	{"plc", "P-L-C", A_ALWAYS}, {"corp", "corporation", A_ALWAYS},
	{"dept", "department", A_ALWAYS}, {"govt", "government", A_ALWAYS},
	{"approx", "approximately", A_ALWAYS}, {"esp", "especially", A_ALWAYS},
	{"aka", "also known as", A_ALWAYS}, {"a.k.a", "also known as", A_ALWAYS},
	{"w.r.t", "with respect to", A_ALWAYS}, {"wrt", "with respect to", A_ALWAYS},
	{"hw", "hardware", A_ALWAYS}, {"sw", "software", A_ALWAYS},
	{"dr", "doctor", A_NAME_AFTER}, {"mr", "mister", A_NAME_AFTER},
	{"mrs", "missus", A_NAME_AFTER}, {"prof", "professor", A_NAME_AFTER},
	{"st", "saint", A_NAME_AFTER}, {"gen", "general", A_NAME_AFTER},
	{"rev", "revision", A_REVISION}, {"rev", "reverend", A_NAME_AFTER}, {"sgt", "sergeant", A_NAME_AFTER},
	{"capt", "captain", A_NAME_AFTER}, {"lt", "lieutenant", A_NAME_AFTER},
	{"mt", "mount", A_NAME_AFTER}, {"ft", "fort", A_NAME_AFTER},
	{"bros", "brothers", A_ALWAYS}, {"ave", "avenue", A_ALWAYS}, {"blvd", "boulevard", A_ALWAYS},
	{"vol", "volume", A_NUMBER_AFTER}, {"vols", "volumes", A_NUMBER_AFTER},
	{"p", "page", A_NUMBER_AFTER}, {"pp", "pages", A_NUMBER_AFTER},
	{"no", "number", A_NUMBER_AFTER}, {"nos", "numbers", A_NUMBER_AFTER},
	{"ch", "chapter", A_NUMBER_AFTER}, {"fig", "figure", A_NUMBER_AFTER},
	{"ed", "edition", A_NUMBER_AFTER}, {"pt", "part", A_NUMBER_AFTER},
	{"ver", "version", A_NUMBER_AFTER},   /* "BNEP ver 1.3", "RFCOMM ver 1.11": a log line's version */
	{"d", "died", A_YEAR_AFTER}, {"b", "born", A_YEAR_AFTER}, {"c", "circa", A_YEAR_AFTER},
	{"ca", "circa", A_YEAR_AFTER}, {"fl", "flourished", A_YEAR_AFTER}, {"r", "reigned", A_YEAR_AFTER},
	{"jan", "January", A_NUMBER_NEAR}, {"feb", "February", A_NUMBER_NEAR},
	{"mar", "March", A_NUMBER_NEAR}, {"apr", "April", A_NUMBER_NEAR},
	{"jun", "June", A_NUMBER_NEAR}, {"jul", "July", A_NUMBER_NEAR},
	{"aug", "August", A_NUMBER_NEAR}, {"sep", "September", A_NUMBER_NEAR},
	{"sept", "September", A_NUMBER_NEAR}, {"oct", "October", A_NUMBER_NEAR},
	{"nov", "November", A_NUMBER_NEAR}, {"dec", "December", A_NUMBER_NEAR},
	{"mon", "Monday", A_WEEKDAY}, {"tue", "Tuesday", A_WEEKDAY}, {"tues", "Tuesday", A_WEEKDAY},
	{"wed", "Wednesday", A_WEEKDAY}, {"thu", "Thursday", A_WEEKDAY}, {"thur", "Thursday", A_WEEKDAY},
	{"thurs", "Thursday", A_WEEKDAY}, {"fri", "Friday", A_WEEKDAY}, {"sat", "Saturday", A_WEEKDAY},
	{"sun", "Sunday", A_WEEKDAY},
	{"ex", "for example", A_PAREN_OPEN},
};

/* Scale words and the letters that stand for them after money: "$3 million", "£20m". */
static const struct {
	const char *w;
	const char *said;
	int glued;           /* may be glued to the number: "20m" */
} scales[] = {
	{"thousand", "thousand", 0}, {"million", "million", 0}, {"billion", "billion", 0},
	{"trillion", "trillion", 0}, {"k", "thousand", 1}, {"K", "thousand", 1},
	{"m", "million", 1}, {"M", "million", 1}, {"mn", "million", 1}, {"bn", "billion", 1},
	{"b", "billion", 1}, {"B", "billion", 1}, {"tn", "trillion", 1}, {"T", "trillion", 1},
};

static int in_scale(const char *s, size_t n)
{
	for (size_t q = 0; q < ARRAY_LEN(scales); q++)
		if (!scales[q].glued && strlen(scales[q].w) == n && strncasecmp(scales[q].w, s, n) == 0)
			return 1;
	return 0;
}

/* Fractions written as one character. */
static const struct {
	const char *ch;
	const char *one, *many;
} fractions[] = {
	{"\xc2\xbd", "a half", "one half"}, {"\xc2\xbc", "a quarter", "one quarter"},
	{"\xc2\xbe", "three quarters", "three quarters"}, {"\xe2\x85\x93", "a third", "one third"},
	{"\xe2\x85\x94", "two thirds", "two thirds"}, {"\xe2\x85\x9b", "an eighth", "one eighth"},
};

#define IN(tab, s, k) WORD_IN(tab, s, k)

/* ---- the tokens around ---- */

struct cctx {
	struct en *e;
	const struct tok *t;
	int nt, i;
};

/* The core of token k (marks stripped), or NULL past either end. */
static const char *core(const struct cctx *c, int k, size_t *n)
{
	*n = 0;
	if (k < 0 || k >= c->nt)
		return NULL;
	const struct tok *t = &c->t[k];
	*n = t->rawlen - t->lead - t->trail;
	return *n ? t->raw + t->lead : NULL;
}

/* Whether tokens k and k+1 are written together, nothing between them but a space. */
static int joined(const struct cctx *c, int k)
{
	return k + 1 < c->nt && c->t[k].trail == 0 && c->t[k + 1].lead == 0;
}

static const char *const and_or[] = {"and", "or"};

static int ordinal_word(const char *s, size_t n);
static const char *vee_engine(const struct cctx *c, int k, int *ntok);

/* Whether token k ends a list item with a comma, nothing else after it. */
static int comma_after(const struct cctx *c, int k)
{
	if (k < 0 || k >= c->nt)
		return 0;
	const struct tok *t = &c->t[k];
	return t->trail == 1 && t->raw[t->rawlen - 1] == ',' && k + 1 < c->nt && c->t[k + 1].lead == 0;
}

static int is_number(const char *s, size_t n)      /* 12, 12,500, 2.5 */
{
	if (!n || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[n - 1]))
		return 0;
	int dots = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] == ',') {
			if (i + 3 >= n + 0 || !all_digit(s + i + 1, 3) || (i + 4 < n && isdigit((unsigned char)s[i + 4])))
				return 0;
		} else if (!isdigit((unsigned char)s[i]))
			return 0;
	}
	return dots <= 1;
}

static int year_value(const char *s, size_t n)
{
	if (n != 4 || !all_digit(s, 4))
		return 0;
	int v = (int)num_parse(s, 4);
	return v >= 1000 && v <= 2099 ? v : 0;
}

/* ---- rules ---- */

/* Labels of catalogue numbers, said digit by digit after them, and the marks
 * besides digits their numbers may have: "ISBN 0-671-07580-2", "OCLC 173092429". */
static const struct {
	const char *label;
	const char *marks;
} serial_labels[] = {
	{"ISBN", "-Xx"}, {"ISSN", "-Xx"}, {"OCLC", ""}, {"LCCN", "-"}, {"ISNI", ""},
	{"DOI", ".-/"}, {"arXiv", "."}, {"OSTI", ""}, {"ASIN", ""}, {"EAN", ""}, {"UPC", ""},
};     /* not PMID or JSTOR: readers say those numbers as counts */

/* "bug 197801", "Bugzilla 215934": a bug tracker's number of five digits or
 * more is an ID, said digit by digit as a serial ("bug 12" stays a count);
 * so is a chip vendor's erratum number, "erratum 843419" (Arm's). */
static int m_bug_number(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	static const char *const labels[] = {"bug", "bugzilla", "bz", "erratum", "errata", "bugs"};
	if (!s || !p || n < 5 || n > 9 || !all_digit(s, n) || c->t[c->i].lead)
		return 0;
	if (!c->t[c->i - 1].trail && IN(labels, p, pn)) {
		m->a = s;
		m->alen = n;
		return 1;
	}
	/* "#1063422, 1063423 and 1063424", "erratum 843419, 845719": the next
	 * of a list of bug numbers, across a comma, "and" or "or", is one too */
	int k = c->i - 1;
	if (IN(and_or, p, pn) && !c->t[k].trail)
		k--;
	else if (!comma_after(c, k))
		return 0;
	for (int guard = 0; k >= 0 && guard < 16; guard++) {
		size_t qn;
		const char *q = core(c, k, &qn);
		if (!q || c->t[k].trail > 1 || (c->t[k].trail && !comma_after(c, k)))
			return 0;
		if (q[0] == '#' && qn >= 6 && qn <= 10 && all_digit(q + 1, qn - 1))
			break;
		if (qn < 5 || qn > 9 || !all_digit(q, qn))
			return 0;
		size_t ln;
		const char *l = core(c, k - 1, &ln);
		if (l && !c->t[k - 1].trail && IN(labels, l, ln))
			break;
		if (l && IN(and_or, l, ln) && !c->t[k - 1].trail)
			k -= 2;
		else if (l && comma_after(c, k - 1))
			k--;
		else
			return 0;
	}
	m->a = s;
	m->alen = n;
	m->why = "a bug or erratum number: the next of a list of them";
	return 1;
}

/* "PGD 1965012067 P4D 1965012067 PUD 1965014067 PMD 1965016067 PTE 0": an
 * oops's page-table entries, in hexadecimal without 0x; eight digits or
 * more after a level's name are a value said digit by digit, not "one
 * billion ..." (fresh37; with a letter, s_hex_value spells it) */
static int m_pt_entry(const struct cctx *c, struct match *m)
{
	static const char *const levels[] = {"PGD", "P4D", "PUD", "PMD", "PTE"};
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || !p || n < 8 || n > 16 || !all_digit(s, n) || c->t[c->i].lead || c->t[c->i - 1].trail || pn != 3)
		return 0;
	for (size_t k = 0; k < ARRAY_LEN(levels); k++)
		if (!memcmp(p, levels[k], 3)) {
			m->a = s;
			m->alen = n;
			m->why = "an oops's page-table entry after its level (PGD, P4D, PUD, PMD, PTE): digit by digit";
			return 1;
		}
	return 0;
}

/* A file's mode in octal after a word that names one: "chmod 755", "mode
 * 0644", git's "create mode 100644" (and "100644 => 100755"): digit by
 * digit, not a count. */
static int m_file_mode(const struct cctx *c, struct match *m)
{
	static const char *const labels[] = {"mode", "chmod", "umask", "permissions", "perms"};
	size_t n, pn, qn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn), *q = core(c, c->i - 2, &qn);
	if (!s || !p || c->t[c->i].lead || strspn(s, "01234567") != n || !(n == 3 || n == 4 || n == 6))
		return 0;
	if (n == 6 && memcmp(s, "100", 3) && memcmp(s, "120", 3) && memcmp(s, "040", 3) && memcmp(s, "160", 3))
		return 0;
	int label = !c->t[c->i - 1].trail && (IN(labels, p, pn) ||
		    (pn == 6 && !strncasecmp(p, "change", 6) && q && qn == 4 && !strncasecmp(q, "mode", 4)));
	/* the second of git's "mode change 100644 => 100755" */
	const struct tok *pt = &c->t[c->i - 1];
	int arrow = n == 6 && c->i >= 2 && pt->rawlen == 2 && (!memcmp(pt->raw, "=>", 2) || !memcmp(pt->raw, "->", 2));
	if (arrow) {
		const struct tok *qt = &c->t[c->i - 2];
		arrow = qt->rawlen == 6 && strspn(qt->raw, "01234567") >= 6;
	}
	/* a diff's "index 65fbe4f886c1..902665b27702 100644": the mode after
	 * the two blob IDs (fresh37; it was "one hundred thousand ...") */
	int index = 0;
	if (n == 6 && c->i >= 2 && !pt->lead && find_str(pt->raw, pt->rawlen, "..") && q && qn == 5 &&
	    !strncasecmp(q, "index", 5)) {
		size_t dn = (size_t)(find_str(pt->raw, pt->rawlen, "..") - pt->raw);
		index = dn >= 7 && strspn(pt->raw, "0123456789abcdef") == dn &&
			strspn(pt->raw + dn + 2, "0123456789abcdef") == pt->rawlen - dn - 2 && pt->rawlen - dn - 2 >= 7;
	}
	if (!label && !arrow && !index)
		return 0;
	m->a = s;
	m->alen = n;
	m->why = "a file's mode in octal after mode, chmod, umask: digit by digit";
	return 1;
}

/* Whether s is a local telephone number, three digits, a hyphen and four. */
static int local_phone(const char *s, size_t n)
{
	return n == 8 && s[3] == '-' && all_digit(s, 3) && all_digit(s + 4, 4);
}

/* "(555) 123-4567", "phone 555-0142": a telephone number (an area code in
 * parentheses before three digits, a hyphen and four; or those after a
 * word for a telephone) said digit by digit in its groups, not a range
 * ("one hundred twenty-three to four thousand ...") */
static int m_phone(const struct cctx *c, struct match *m)
{
	size_t n, nn, pn;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn), *p = core(c, c->i - 1, &pn);
	const struct tok *t = &c->t[c->i];
	if (!s)
		return 0;
	if (n == 3 && all_digit(s, 3) && t->lead == 1 && t->raw[0] == '(' && t->trail == 1 &&
	    t->raw[t->rawlen - 1] == ')' && nx && !c->t[c->i + 1].lead && local_phone(nx, nn)) {
		m->a = s;
		m->alen = (size_t)(nx + nn - s);
		m->ntok = 2;
		m->why = "a telephone number: an area code in parentheses, three digits, a hyphen and four";
		return 1;
	}
	static const char *const cues[] = {"phone", "telephone", "tel", "call", "fax", "dial", "ph"};
	if (local_phone(s, n) && !t->lead && p && IN(cues, p, pn) && (joined(c, c->i - 1) || c->t[c->i - 1].trail)) {
		m->a = s;
		m->alen = n;
		m->why = "a telephone number: three digits, a hyphen and four after a word for a telephone";
		return 1;
	}
	return 0;
}

/* ISBN 0-671-07580-2, OCLC 173092429: digit by digit. */
static int m_serial(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || !p || !isdigit((unsigned char)s[0]) ||
	    !(isdigit((unsigned char)s[n - 1]) || s[n - 1] == 'X' || s[n - 1] == 'x' || s[n - 1] == '-'))
		return 0;
	for (size_t q = 0; q < ARRAY_LEN(serial_labels); q++) {
		if (strlen(serial_labels[q].label) != pn || strncasecmp(p, serial_labels[q].label, pn) != 0)
			continue;
		const char *marks = serial_labels[q].marks;
		for (size_t i = 0; i < n; i++)
			if (!isdigit((unsigned char)s[i]) && !strchr(marks, s[i]))
				return 0;
		m->a = s;
		m->alen = n;
		m->why = "a catalogue number after its label (serial_labels): digit by digit";
		/* "ISBN 0 - 486 - 43365- X": spaced hyphens are still its separators */
		int hyphen = s[n - 1] == '-';
		const char *end = s + n;
		for (int k = c->i + 1; strchr(marks, '-') && k < c->nt; k++) {
			const struct tok *t = &c->t[k], *pt = &c->t[k - 1];
			if (pt->trail && !(pt->rawlen == 1 && pt->raw[0] == '-'))
				break;         /* "ISBN 123, 456": a comma ends it */
			if (t->rawlen == 1 && t->raw[0] == '-') {
				hyphen = 1;
				continue;
			}
			size_t kn;
			const char *ks = core(c, k, &kn);
			int fits = ks && hyphen && t->lead == 0;
			for (size_t i = 0; fits && i < kn; i++)
				fits = isdigit((unsigned char)ks[i]) || strchr(marks, ks[i]);
			if (!fits)
				break;
			end = ks + kn;
			m->alen = (size_t)(end - s);
			m->ntok = k - c->i + 1;
			hyphen = ks[kn - 1] == '-';
		}
		return 1;
	}
	return 0;
}

/* Protocols whose versions are written glued, one digit a part: "NFSv42" is
 * NFS 4.2, "nfs41" NFS 4.1, "smb311" SMB 3.1.1. A single digit ("NFSv4") is
 * left to the acronym shapes. */
static const char *const protocols[] = {
	"NFS", "SMB", "TLS", "SSL", "HTTP", "SNMP", "SMTP", "LDAP",
};

size_t protocol_prefix(const char *s, size_t n)
{
	for (size_t q = 0; q < ARRAY_LEN(protocols); q++) {
		size_t pl = strlen(protocols[q]);
		if (n <= pl || toupper((unsigned char)s[0]) != protocols[q][0] || strncasecmp(s, protocols[q], pl) != 0)
			continue;
		int upper = 1, lower = 1;       /* "NFS" or "nfs", not "Nfs" */
		for (size_t i = 0; i < pl; i++) {
			upper &= s[i] == protocols[q][i];
			lower &= !isupper((unsigned char)s[i]);
		}
		return upper || lower ? pl : 0;
	}
	return 0;
}

static int m_protocol_version(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s)
		return 0;
	size_t pl = protocol_prefix(s, n), k = pl;
	if (!pl)
		return 0;
	int v = s[k] == 'v' || s[k] == 'V';
	k += (size_t)v;
	if (n - k < 2 || n - k > 3 || !all_digit(s + k, n - k))
		return 0;
	m->b = s;
	m->blen = pl;
	m->say = v ? "version" : NULL;
	m->a = s + k;
	m->alen = n - k;
	m->why = "a protocol and its version glued, one digit a part (protocols)";
	return 1;
}

/* Memory generations whose speed follows a hyphen: "DDR5-4800" is said
 * "D-D-R five forty-eight hundred", the speed as a model number. */
static const char *const memory_kinds[] = {"DDR", "LPDDR", "GDDR", "PC"};

static int m_memory_speed(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	const char *h = s ? memchr(s, '-', n) : NULL;
	if (!h)
		return 0;
	size_t pl = 0, gl = (size_t)(h - s), sl = n - gl - 1;
	while (pl < gl && isupper((unsigned char)s[pl]))
		pl++;
	if (!word_in_list(memory_kinds, ARRAY_LEN(memory_kinds), s, pl) || pl + 1 > gl || !isdigit((unsigned char)s[pl]))
		return 0;
	size_t k = pl + 1;
	if (k < gl && (s[k] == 'X' || s[k] == 'x'))
		k++;
	if (k != gl || sl < 3 || sl > 5 || !all_digit(h + 1, sl) || h[1] == '0')
		return 0;
	m->gen = s;
	m->genlen = gl;
	m->a = h + 1;
	m->alen = sl;
	m->why = "a memory generation and its speed (memory_kinds)";
	return 1;
}

/* Numbers with a slash said as a name, not as N of M: "9/11". */
static const struct {
	const char *written, *said;
} slash_idioms[] = {
	{"9/11", "nine eleven"}, {"7/7", "seven seven"},   /* 24/7 and 50/50: speech_shape.c */
};

static int m_slash_idiom(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (p && series_word(p, pn))
		return 0;        /* "Patch [7/7]": seven of seven */
	for (size_t q = 0; s && q < ARRAY_LEN(slash_idioms); q++)
		if (strlen(slash_idioms[q].written) == n && memcmp(s, slash_idioms[q].written, n) == 0) {
			m->say = slash_idioms[q].said;
			m->why = "numbers with a slash said as a name (slash_idioms)";
			return 1;
		}
	return 0;
}

/* "$329 USD", "€499 EUR": the code of the currency the symbol already
 * named, written after the amount, is not said again ("three hundred
 * twenty-nine dollars", not "dollars U-S-D"); another dollar's code
 * names the dollars ("$5 CAD" five Canadian dollars); another currency's
 * code is said. */
static void money_code(const struct cctx *c, struct match *m)
{
	size_t cn, k;
	int last = c->i + m->ntok - 1;
	const char *code = core(c, last + 1, &cn);
	const struct currency *d;
	if (!code || !joined(c, last) || c->t[last].trail || cn != 3 || !all_upper(code, cn))
		return;
	/* "$5 CAD": the symbol's dollars are the code's, "five Canadian dollars" */
	if (strcmp(m->cur->many, "dollars") == 0 && (d = dollar_code(code, cn)) != NULL) {
		m->cur = d;
		m->ntok++;
		return;
	}
	if (!(d = currency_at(code, cn, &k, 1)) || strcmp(d->many, m->cur->many) != 0)
		return;
	m->ntok++;
}

/* "a $9 million grant", "an $800 card": after "a" or "an", an amount
 * before a noun is its modifier, the currency in the singular ("a nine
 * million dollar grant"), as a measure's unit is ("a 65 W TDP"); not
 * before "and", "or", "to" (the first of two amounts) */
static int modifier_noun_at(const struct cctx *c, int k);

/* "the board's", "Apple's", "the vendors'": a noun's possessive, a
 * determiner before an amount and a price's noun ("the board's $80 price" eighty
 * dollar price); not a pronoun's or a verb's 's ("it's $80 today") (kinds38) */
static int possessive_word(const char *p, size_t pn)
{
	static const char *const not_poss[] = {"it's", "that's", "what's", "there's", "here's", "he's",
					       "she's", "who's", "where's", "let's", "one's"};
	size_t k;
	if (pn >= 4 && p[pn - 2] == '\'' && (p[pn - 1] == 's' || p[pn - 1] == 'S'))
		k = pn - 2;
	else if (pn >= 6 && memcmp(p + pn - 4, "\xe2\x80\x99s", 4) == 0)
		k = pn - 4;
	else if (pn >= 4 && p[pn - 1] == '\'' && p[pn - 2] == 's')
		k = pn - 1;
	else
		return 0;
	if (k == pn - 4) {     /* the curly apostrophe: compare its stem with the list's */
		for (size_t q = 0; q < ARRAY_LEN(not_poss); q++)
			if (strlen(not_poss[q]) - 2 == k && strncasecmp(p, not_poss[q], k) == 0)
				return 0;
		return all_alpha(p, k);
	}
	return !IN(not_poss, p, pn) && all_alpha(p, k);
}

static void money_adjective(const struct cctx *c, struct match *m)
{
	size_t pn, an;
	const char *p = core(c, c->i - 1, &pn), *after = core(c, c->i + m->ntok, &an);
	static const char *const not_nouns[] = {"and", "or", "to", "of", "in", "for", "from", "per"};
	if (!p || c->t[c->i - 1].trail || !after || !joined(c, c->i + m->ntok - 1))
		return;
	int art = pn == 1 ? (p[0] == 'a' || p[0] == 'A') : pn == 2 && strncasecmp(p, "an", 2) == 0;
	/* "the $999 card", "a huge $999 GPU", "a $999 RX 7900 XTX": after a
	   determiner, or "a", "an", "the" and an adjective, before a noun or a
	   name in capitals; "costs $999" stays dollars */
	size_t bn = 0;
	const char *b = c->i >= 2 ? core(c, c->i - 2, &bn) : NULL;
	int adj = b && !c->t[c->i - 2].trail && measure_adjective(b, bn, p, pn);
	int det = measure_determiner(p, pn);
	/* after a possessive only before a price's own noun: "the board's $80
	   price", "Apple's $3 trillion valuation"; a headline's "Urbis's £20m
	   catch" keeps the plural (GoogleTN's reading) */
	static const char *const price_nouns[] = {"price", "prices", "cost", "fee", "tag", "budget",
						  "valuation", "salary", "bill", "fine", "bonus", "deal",
						  "offer", "loan", "grant", "bid", "settlement", "payment",
						  "subscription", "investment", "sticker", "MSRP", "RRP"};
	if (!art && !adj && !det && possessive_word(p, pn) && (IN(price_nouns, after, an) ||
							       modifier_noun_at(c, c->i + m->ntok))) {
		m->adjective = 1;
		return;
	}
	if (!art && !adj && !det)
		return;
	if (measure_name(after, an) ||
	    (art && an >= 2 && all_alpha(after, an) && islower((unsigned char)after[0]) && !IN(not_nouns, after, an)) ||
	    ((adj || det) && (singular_noun(after, an) || plural_noun(after, an) ||
			      modifier_noun_at(c, c->i + m->ntok))))     /* "the $699 launch price" */
		m->adjective = 1;
}

/* $12,500  $3 million  £20m  US$5  $1.50 */
static int m_money(const struct cctx *c, struct match *m)
{
	size_t n, k;
	const char *s = core(c, c->i, &n);
	const struct currency *cur = s ? currency_at(s, n, &k, 0) : NULL;
	if (!cur || k >= n || !isdigit((unsigned char)s[k]))
		return 0;
	size_t j = k;
	while (j < n && (isdigit((unsigned char)s[j]) || s[j] == ',' || s[j] == '.'))
		j++;
	while (j > k && !isdigit((unsigned char)s[j - 1]))
		j--;
	if (!is_number(s + k, j - k))
		return 0;
	m->cur = cur;
	m->a = s + k;
	m->alen = j - k;
	m->ntok = 1;
	for (size_t q = 0; q < ARRAY_LEN(scales); q++) {
		size_t sl = strlen(scales[q].w);
		if (j < n && scales[q].glued && n - j == sl && memcmp(s + j, scales[q].w, sl) == 0) {
			m->scale = scales[q].said;
			money_code(c, m);
			money_adjective(c, m);
			return 1;
		}
	}
	if (j < n)
		return 0;
	size_t nn;
	const char *nx = core(c, c->i + 1, &nn);
	if (nx && joined(c, c->i))
		for (size_t q = 0; q < ARRAY_LEN(scales); q++)
			if (!scales[q].glued && strlen(scales[q].w) == nn && strncasecmp(nx, scales[q].w, nn) == 0) {
				m->scale = scales[q].said;
				m->ntok = 2;
			}
	money_code(c, m);
	money_adjective(c, m);
	return 1;
}

/* 1893-94, 1999-2000, 1729 - 1811, 1876–1941 */
static int m_year_range(const struct cctx *c, struct match *m)
{
	size_t n, n2 = 0, n3 = 0;
	const char *s = core(c, c->i, &n), *b = NULL;
	if (!s || n < 4 || !year_value(s, 4))
		return 0;
	int y1 = year_value(s, 4);
	m->ntok = 1;
	int slash = 0;
	if (n > 5 && s[4] == '-') {
		b = s + 5;
		n2 = n - 5;
	} else if (n > 5 && s[4] == '/') {     /* "the 2003/04 season", "1999/2000" */
		b = s + 5;
		n2 = n - 5;
		slash = 1;
	} else if (n > 7 && memcmp(s + 4, "\xe2\x80\x93", 3) == 0) {
		b = s + 7;
		n2 = n - 7;
	} else if (n == 4 && joined(c, c->i)) {
		const char *d = c->t[c->i + 1].raw;
		size_t dn = c->t[c->i + 1].rawlen;
		if ((dn == 1 && d[0] == '-') || (dn == 3 && memcmp(d, "\xe2\x80\x93", 3) == 0)) {
			b = core(c, c->i + 2, &n3);
			n2 = n3;
			m->ntok = 3;
		} else if (dn > 1 && (d[0] == '-')) {     /* "1876 -1941" */
			b = core(c, c->i + 1, &n2);
			if (b)
				b++, n2--;
			m->ntok = 2;
		}
	}
	/* "1998–present", "2015-present", "1990 - now": a range open at its
	 * end, the word said after "to" (was "two thousand present") */
	static const char *const open_ends[] = {"present", "now", "today"};
	if (b && !slash && IN(open_ends, b, n2)) {
		m->y1 = y1;
		m->say = open_ends[n2 == 7 ? 0 : n2 == 3 ? 1 : 2];
		m->why = "a year and a dash before present, now or today: a range open at its end";
		return 1;
	}
	if (!b || !all_digit(b, n2))
		return 0;
	int y2;
	if (n2 == 2)
		y2 = y1 / 100 * 100 + (int)num_parse(b, 2);
	else if (n2 == 4)
		y2 = year_value(b, 4);
	else
		return 0;
	if (y2 <= y1 || y2 - y1 > 200)
		return 0;
	/* with a slash only a season of two years, one after the other, the
	 * second in two digits or a century's first (not
	 * "1920/1080", "2010/2020": those are numbers, a ratio or a choice) */
	if (slash && (y2 != y1 + 1 || y1 < 1800 || y1 > 2030 ||   /* "2047/2048 passed": N of M */
		      (n2 == 4 && y2 % 100)))   /* "the 2023/2024 boards" are models; "1999/2000" a season */
		return 0;
	m->y1 = y1;
	m->y2 = y2;
	m->short2 = n2 == 2;
	return 1;
}

/* A four-digit number said as a year, or as a count, from the words around it. */
static int m_year(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n);
	int y = s ? year_value(s, n) : 0;
	if (!y)
		return 0;
	const char *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	const char *par = nx ? memchr(nx, '(', nn) : NULL;
	if (par && par > nx)     /* a diffstat's "insertions(+)": the word before its mark */
		nn = (size_t)(par - nx);
	m->y1 = y;
	/* "since at least 2019", "until about 2030": a year cue before the counting
	 * word, and no word after the number that it could count */
	size_t qn, rn;
	const char *q = core(c, c->i - 2, &qn), *r = core(c, c->i - 3, &rn);
	int cue_before = (q && IN(year_cues, q, qn) && !c->t[c->i - 2].trail) ||
			 (r && qn == 2 && strncasecmp(q, "at", 2) == 0 && IN(year_cues, r, rn) && !c->t[c->i - 3].trail);
	int word_after = nx && joined(c, c->i) && islower((unsigned char)nx[0]) &&
			 (nx[nn - 1] == 's' || IN(count_nouns, nx, nn));
	if (p && IN(count_cues, p, pn) && cue_before && !word_after && y >= 1900) {
		m->y1 = y;
		m->why = "a year: a year cue before the counting word (\"since at least 2019\")";
		return 1;
	}
	/* a count: "over 2000 patches", "2000 patches" */
	if ((p && IN(count_cues, p, pn)) || (nx && joined(c, c->i) && IN(count_nouns, nx, nn))) {
		m->why = "a count: the word before or after it counts";
		return -1;
	}
	/* in a table's row, after a count written with thousands separators:
	 * "2.6.30 11,700 1130" (changesets, then developers), not a year */
	if (p && joined(c, c->i - 1) && is_number(p, pn) && memchr(p, ',', pn) && !memchr(p, '.', pn)) {
		m->why = "a count: in a row of numbers, after a count with thousands separators";
		return -1;
	}
	char mb[16] = "";
	if (p && pn < sizeof mb) {
		memcpy(mb, p, pn);
		mb[pn] = 0;
	}
	if (p && IN(year_cues, p, pn))
		m->why = "a year: the word before it (year_cues)";
	else if (p && month_of(mb))
		m->why = "a year: after a month";
	else if (c->t[c->i].lead && c->t[c->i].raw[0] == '(')
		m->why = "a year: alone in parentheses";
	else if (y >= 1900)
		m->why = "a year: four digits from 1900 to 2099";
	else if (y >= 1100 && y % 100 != 0 &&
		 /* not in a row of numbers: "allocstall_movable 1464 457 -1007" */
		 !(nx && !c->t[c->i + 1].lead && !c->t[c->i].trail &&
		   (isdigit((unsigned char)nx[0]) || (nn > 1 && nx[0] == '-' && isdigit((unsigned char)nx[1])))))
		m->why = "read as a year: four digits from 1100 to 1899 without a word that counts (\"the 1894 season\")";
	else
		return 0;
	return 1;
}

/* 3¾, ½ */
static int m_fraction(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s)
		return 0;
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	for (size_t q = 0; q < ARRAY_LEN(fractions); q++) {
		size_t fl = strlen(fractions[q].ch);
		if (n - d == fl && memcmp(s + d, fractions[q].ch, fl) == 0) {
			m->a = s;
			m->alen = d;
			m->frac = (int)q;
			return 1;
		}
	}
	return 0;
}

/* "3 1/2 hours", "2 3/4 inches", "1/2 cup": a whole number and a fraction
 * of halves, thirds, quarters or an eighth set apart (as ½ is said, "three
 * and a half"), or such a fraction alone, before a unit or a measure's
 * noun; not N of M ("patch 1/2"), which has no measure after it. */
static int m_mixed_fraction(const struct cctx *c, struct match *m)
{
	static const int num[] = {1, 1, 3, 1, 2, 1}, den[] = {2, 4, 4, 3, 3, 8};
	static const char *const nouns[] = {
		"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years",
		"minute", "minutes", "mile", "miles", "inch", "inches", "foot", "feet", "yard", "yards",
		"cup", "cups", "pound", "pounds", "ounce", "ounces", "acre", "acres", "gallon", "gallons",
		"teaspoon", "teaspoons", "tablespoon", "tablespoons", "times", "stars", "lengths", "laps",
	};
	size_t n, fn, wn;
	const char *s = core(c, c->i, &n);
	if (!s || c->t[c->i].lead)
		return 0;
	int whole = all_digit(s, n) && n <= 3 && joined(c, c->i);
	const char *f = whole ? core(c, c->i + 1, &fn) : s;
	if (!whole)
		fn = n;
	int k = c->i + (whole ? 1 : 0);
	if (!f || fn != 3 || f[1] != '/' || !isdigit((unsigned char)f[0]) || !isdigit((unsigned char)f[2]) ||
	    c->t[k].lead || !joined(c, k))
		return 0;
	const char *w = core(c, k + 1, &wn);
	if (!w || !islower((unsigned char)w[0]) || !(IN(nouns, w, wn) || find_unit(w, wn, 1)))
		return 0;
	for (size_t q = 0; q < ARRAY_LEN(num); q++)
		if (f[0] - '0' == num[q] && f[2] - '0' == den[q]) {
			m->frac = (int)q;
			if (whole) {
				m->a = s;
				m->alen = n;
				m->ntok = 2;
			} else {
				/* "a 1/4 mile": "a quarter mile", the article written */
				static const char *const bare[] = {"half", "quarter", "three quarter", "third", "two third", "eighth"};
				size_t pn;
				const char *p = core(c, c->i - 1, &pn);
				static const char *const art[] = {"a", "an"};
				m->say = p && joined(c, c->i - 1) && IN(art, p, pn) ? bare[q] : fractions[q].one;
			}
			m->why = "a fraction of halves, thirds, quarters or an eighth before a measure";
			return 1;
		}
	return 0;
}

/* "1/6th of the patch", "2/3rds": a fraction written with its denominator's
 * ordinal ending; the ending must be the denominator's own (6th, 3rd, 2nd). */
static int m_slash_ordinal(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 5 || n > 8)
		return 0;
	const char *sl = memchr(s, '/', n);
	if (!sl || sl == s || !all_digit(s, (size_t)(sl - s)))
		return 0;
	size_t d = (size_t)(sl - s) + 1, e = d;
	while (e < n && isdigit((unsigned char)s[e]))
		e++;
	if (e == d || e - d > 2)
		return 0;
	long long a = num_parse(s, (size_t)(sl - s)), b = num_parse(s + d, e - d);
	if (a < 1 || b < 2 || b > 10)
		return 0;
	const char *end = b == 2 ? "nd" : b == 3 ? "rd" : "th";
	size_t rest = n - e;
	if (!((rest == 2 || (rest == 3 && tolower((unsigned char)s[n - 1]) == 's')) &&
	      strncasecmp(s + e, end, 2) == 0))
		return 0;
	m->value = (int)a;
	m->frac = (int)b;
	m->why = "a fraction with its ordinal ending: \"one sixth\"";
	return 1;
}

/* "1/3 of the patches", "2/3 of them": a fraction before "of", not "one of three". */
static int m_slash_fraction(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn);
	if (!s || n < 3 || n > 5 || !nx || !joined(c, c->i))
		return 0;
	/* or before "as much", "as big", "the size", "the price": "costs 1/3
	 * as much", "1/2 the size" (was "one of three as much") */
	static const char *const as_words[] = {"much", "many", "big", "large", "long", "fast", "high", "wide", "heavy", "likely", "often"};
	static const char *const the_words[] = {"size", "price", "cost", "time", "speed", "power", "number", "amount", "length", "weight", "width", "height", "rate"};
	size_t wn;
	const char *w = core(c, c->i + 2, &wn);
	int cmp = w && joined(c, c->i + 1) &&
		  ((nn == 2 && !strncasecmp(nx, "as", 2) && IN(as_words, w, wn)) ||
		   (nn == 3 && !strncasecmp(nx, "the", 3) && IN(the_words, w, wn)));
	if (!cmp && (nn != 2 || strncasecmp(nx, "of", 2) != 0))
		return 0;
	const char *sl = memchr(s, '/', n);
	if (!sl || sl == s || !all_digit(s, (size_t)(sl - s)) || !all_digit(sl + 1, n - (size_t)(sl - s) - 1) ||
	    sl + 1 == s + n)
		return 0;
	long long a = num_parse(s, (size_t)(sl - s)), b = num_parse(sl + 1, n - (size_t)(sl - s) - 1);
	/* "patch 2/6 of the series": the second of six, said "two of six" */
	static const char *const nth_of[] = {
		"patch", "patches", "part", "parts", "step", "steps", "item", "commit", "page", "episode",
		"chapter", "number", "no", "question", "round", "game", "test", "disk", "node", "cpu",
	};
	size_t pn;
	const char *p = core(c, c->i - 1, &pn);
	/* "8/7 of the speed": more than a whole is a fraction too, "eight
	 * sevenths of" ("eight of seven" is nothing); "2/2 of" stays */
	if (a < 1 || b < 2 || b > 10 || a == b || (p && IN(nth_of, p, pn)))
		return 0;
	m->value = (int)a;
	m->frac = (int)b;
	m->why = "a fraction before \"of\": \"a third of\", not \"one of three\"";
	return 1;
}

/* "= 2/3 * F", "= 1/2", "F * 2/3": N/M beside an equals or a times sign is a
 * term of a formula, a fraction ("two thirds"), not "two of three". */
static int m_formula_fraction(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 3 || n > 5)
		return 0;
	const char *sl = memchr(s, '/', n);
	if (!sl || sl == s || !all_digit(s, (size_t)(sl - s)) || sl + 1 == s + n ||
	    !all_digit(sl + 1, n - (size_t)(sl - s) - 1))
		return 0;
	long long a = num_parse(s, (size_t)(sl - s)), b = num_parse(sl + 1, n - (size_t)(sl - s) - 1);
	if (a < 1 || b < 2 || b > 10)
		return 0;
	static const char *const signs[] = {"=", "*", "\xc3\x97", "\xe2\x89\x88"};      /* = * × ≈ */
	const struct tok *p = c->i > 0 ? &c->t[c->i - 1] : NULL, *x = c->i + 1 < c->nt ? &c->t[c->i + 1] : NULL;
	int before = p && IN(signs, p->raw, p->rawlen);
	int after = x && x->rawlen == 1 && x->raw[0] == '*';
	if (!before && !after)
		return 0;
	m->value = (int)a;
	m->frac = (int)b;
	m->why = "a fraction beside = or *, a term of a formula: \"two thirds\"";
	return 1;
}

/* # 35 */
static int m_number_sign(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	const char *nx = core(c, c->i + 1, &nn);
	if (s || t->rawlen != 1 || t->raw[0] != '#' || !nx || !all_digit(nx, nn))
		return 0;
	m->a = nx;
	m->alen = nn;
	m->ntok = 2;
	return 1;
}

/* Signs before a number, and how they are said: "±2 ms", "-40 °C". */
static const struct {
	const char *w, *said;
	int alone;            /* also before a number without a unit: "±2" */
} signs[] = {
	{"\xc2\xb1", "plus or minus", 1}, {"+/-", "plus or minus", 1}, {"\xe2\x88\x92", "minus", 1}, {"-", "minus", 0},
	{"+", "plus", 0}, {"~", "about", 0}, {"\xe2\x89\x88", "about", 0},
};

/* The length of a sign at the start of s before a digit (0 when none); its words in *said. */
static size_t sign_at(const char *s, size_t n, const char **said, int alone)
{
	if (n < 2 || !strchr("\xc2\xe2-+~", s[0]))     /* the first bytes of the signs */
		return 0;
	for (size_t q = 0; q < ARRAY_LEN(signs); q++) {
		size_t k = strlen(signs[q].w);
		if (k < n && memcmp(s, signs[q].w, k) == 0 && isdigit((unsigned char)s[k]) && (!alone || signs[q].alone)) {
			*said = signs[q].said;
			return k;
		}
	}
	return 0;
}

/* "+/- 5 ms", "± 2": a sign standing alone before a number. */
static int m_sign_alone(const struct cctx *c, struct match *m)
{
	const struct tok *t = &c->t[c->i];
	size_t nn;
	const char *nx = core(c, c->i + 1, &nn);
	size_t n;
	const char *s = core(c, c->i, &n);     /* "(+/- 1.82%)": the sign may open a parenthesis */
	if (!s || !nx || !isdigit((unsigned char)nx[0]) || !joined(c, c->i) || (t->lead && t->raw[0] != '('))
		return 0;
	if (!((n == 3 && memcmp(s, "+/-", 3) == 0) || (n == 2 && memcmp(s, "\xc2\xb1", 2) == 0)))
		return 0;
	m->why = "a sign standing alone before a number (signs)";
	return 1;
}

/* ±2, −3, 80,000+: a count with a sign before it or a plus after it. */
static int m_signed(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s)
		return 0;
	size_t k = sign_at(s, n, &m->sign, 1);
	if (!k && memchr(s, ',', n))
		k = sign_at(s, n, &m->sign, 0);      /* "~1,200 fixes": any sign before separators */
	/* "-28.00", "-0.5": a hyphen glued before a decimal standing alone is
	 * its minus (a list's dash is followed by a space) */
	const char *pt = memchr(s, '.', n);
	if (!k && n >= 4 && s[0] == '-' && pt && pt > s + 1 && !c->t[c->i].lead && !memchr(pt + 1, '.', n - (size_t)(pt - s) - 1))
		k = sign_at(s, n, &m->sign, 0);
	int plus = n > k + 1 && s[n - 1] == '+';
	if (!k && !(plus && memchr(s, ',', n)))
		return 0;
	if (!is_number(s + k, n - k - (size_t)plus))
		return 0;
	m->a = s + k;
	m->alen = n - k - (size_t)plus;
	m->plus = plus;
	m->why = k ? "a number after a sign (signs)" : "a number with separators and a plus: \"more than\"";
	return 1;
}

/* "Cc: <stable@vger.kernel.org> # 3.3.x", "Fixes: ... # for 6.6": a # after
 * a trailer's address, or before a series of versions, starts a comment. */
static int m_comment(const struct cctx *c, struct match *m)
{
	const struct tok *t = &c->t[c->i];
	size_t nn;
	const char *nx = core(c, c->i + 1, &nn);
	if (t->rawlen != 1 || t->raw[0] != '#' || !nx)
		return 0;
	/* "# status: waiting for both good and bad commits", "# Create the
	 * trigger": a # opening a line before a word is a shell's or a log's
	 * comment mark ("# 35", "# of patches" stay "number") */
	if (c->i == 0) {
		if (!isalpha((unsigned char)nx[0]) || (nn == 2 && memcmp(nx, "of", 2) == 0))
			return 0;
		m->why = "a # opening a line before a word: a comment, not \"number\"";
		return 1;
	}
	const struct tok *p = &c->t[c->i - 1];
	char pe = p->raw[p->rawlen - 1];
	int trailer = memchr(p->raw, '@', p->rawlen) || pe == '>' || pe == ')';
	int dotted = isdigit((unsigned char)nx[0]) && memchr(nx, '.', nn);
	int series = (nn >= 2 && (nx[0] == 'v' || nx[0] == 'V') && isdigit((unsigned char)nx[1])) ||
		     (dotted && (nx[nn - 1] == '+' || nx[nn - 1] == 'x' || nx[nn - 1] == 'y'));
	/* "= 65536  # can be changed", "drop_caches  # drop the page cache": a #
	 * after a value or a path, before a word in small letters, comments a
	 * line as shell and code write it ("BAR # and window", "the # of
	 * patches" are counts) */
	int value = isdigit((unsigned char)pe) || memchr(p->raw, '_', p->rawlen) || memchr(p->raw, '/', p->rawlen);
	int words = value && islower((unsigned char)nx[0]) && all_alpha(nx, nn) && !(nn == 2 && memcmp(nx, "of", 2) == 0);
	if (!series && !words && !(trailer && (dotted || isalpha((unsigned char)nx[0]))))
		return 0;
	m->why = series ? "a # before a series of versions: a comment, not \"number\"" :
		words ? "a # before a word in small letters: a comment, not \"number\"" :
		"a # after a trailer's address: a comment, not \"number\"";
	return 1;
}

/* FT-990's, CN-235s, F-16s, "FT- 990's": a model number in the plural, its letters spelled. */
static int m_model_plural(const struct cctx *c, struct match *m)
{
	size_t n, dn;
	const char *s = core(c, c->i, &n), *d;
	if (!s)
		return 0;
	size_t l = 0;
	while (l < n && isupper((unsigned char)s[l]))
		l++;
	if (l == 0 || l > 4)
		return 0;
	const struct tok *t = &c->t[c->i];
	if (l + 1 < n && s[l] == '-') {
		d = s + l + 1;
		dn = n - l - 1;
	} else if (((l + 1 == n && s[l] == '-') || (l == n && t->trail == 1 && s[n] == '-')) && c->i + 1 < c->nt &&
		   c->t[c->i + 1].lead == 0) {
		d = core(c, c->i + 1, &dn);       /* "FT- 990's" */
		m->ntok = 2;
	} else {
		return 0;
	}
	size_t k = 0;
	while (d && k < dn && isdigit((unsigned char)d[k]))
		k++;
	if (!d || k < 1 || k > 4 || d[0] == '0' ||
	    !((dn == k + 1 && d[k] == 's') || (dn == k + 2 && d[k] == '\'' && d[k + 1] == 's')))
		return 0;
	m->b = s;
	m->blen = l;
	m->a = d;
	m->alen = k;
	m->plural = 1;
	m->why = "a model number in the plural: capitals, a hyphen, digits and s";
	return 1;
}

/* "mm/zbud.c | 564 ++++++": a diffstat's row, a file, a bar, the count of
 * lines changed and the bar of + and - that draws it. The bar is a picture,
 * not words: the count is said, the bar not ("| 3 +-" is "three"). */
static int all_bar(const struct tok *t)
{
	for (size_t k = 0; k < t->rawlen; k++)
		if (t->raw[k] != '+' && t->raw[k] != '-')
			return 0;
	return t->rawlen > 0;
}

static int m_diffstat(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || !all_digit(s, n) || c->i == 0 || c->i + 1 >= c->nt)
		return 0;
	const struct tok *p = &c->t[c->i - 1];
	if (p->rawlen != 1 || p->raw[0] != '|' || c->t[c->i].lead || c->t[c->i].trail || !all_bar(&c->t[c->i + 1]))
		return 0;
	m->a = s;
	m->alen = n;
	m->ntok = 2;
	return 1;
}

/* "I / O", "R / W": single capitals about a slash spaces set apart are
 * said as the glued pair is ("I-O", "read-write"), not "I slash O". */
static int m_spaced_slash(const struct cctx *c, struct match *m)
{
	size_t n, sn, nn;
	const char *s = core(c, c->i, &n), *sl = core(c, c->i + 1, &sn), *r = core(c, c->i + 2, &nn);
	if (!s || !sl || !r || n != 1 || nn != 1 || sn != 1 || sl[0] != '/' || !isupper((unsigned char)s[0]) ||
	    !isupper((unsigned char)r[0]) || c->t[c->i].trail || c->t[c->i + 1].lead || c->t[c->i + 1].trail ||
	    c->t[c->i + 2].lead)
		return 0;
	m->why = "single capitals about a spaced slash, said as the glued pair";
	m->a = s;
	m->alen = 1;
	m->b = r;
	m->blen = 1;
	m->ntok = 3;
	return 1;
}

/* "usb 1-1", "usb 2-1.4:": the kernel's name of a USB port (bus, a dash,
 * the ports down the hubs joined by dots), not a range. */
static int m_usb_port(const struct cctx *c, struct match *m)
{
	size_t pn, n;
	const char *p = core(c, c->i - 1, &pn), *s = core(c, c->i, &n);
	if (!p || !s || pn != 3 || memcmp(p, "usb", 3) != 0 || c->t[c->i - 1].trail || c->t[c->i].lead)
		return 0;     /* (the kernel's small "usb"; "USB 3-4 ports" is a range) */
	const struct tok *t = &c->t[c->i];
	if (!memchr(s, '.', n) && !(t->trail && s[n] == ':') && c->i + 1 < c->nt)
		return 0;     /* a port's name ends its message's prefix with ":" or goes down a hub */
	size_t j = 0;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (!j || j + 1 >= n || s[j] != '-')
		return 0;
	for (size_t q = j + 1, run = 0; q <= n; q++) {
		if (q < n && isdigit((unsigned char)s[q]))
			run++;
		else if (!run || (q < n && s[q] != '.'))
			return 0;
		else
			run = 0;
	}
	m->why = "a USB port's path after \"usb\", said with dash and dot";
	m->a = s;
	m->alen = n;
	m->ntok = 1;
	return 1;
}

/* Whether w is one of tab's words, written the same (case and all). */
static int exact_in(const char *const *tab, size_t tn, const char *w, size_t wn)
{
	for (size_t k = 0; k < tn; k++)
		if (strlen(tab[k]) == wn && memcmp(tab[k], w, wn) == 0)
			return 1;
	return 0;
}

/* "PCIe 4.0 x4", "the x16 slot", "two x4 connections": a lane width, an x
 * and 1, 2, 4, 8, 16 or 32, after PCIe (or its version or generation) or
 * before a word of links and slots, is "by four" ("x4 register" and the
 * arm64 registers elsewhere stay the letter and the number) */
static int m_lane_width(const struct cctx *c, struct match *m)
{
	static const struct {
		const char *w, *say;
	} widths[] = {{"1", "by one"}, {"2", "by two"}, {"4", "by four"}, {"8", "by eight"}, {"16", "by sixteen"},
		      {"32", "by thirty-two"}};
	static const char *const links[] = {"slot", "slots", "link", "links", "lane", "lanes", "connection",
					    "connections", "connectivity", "port", "ports", "mode", "PEG", "card",
					    "cards", "interface", "electrical", "electrically", "bandwidth", "NVMe",
					    "device", "devices", "bifurcation", "wiring", "riser", "adapter"};
	/* (written as the standard writes it: "pcie x4" in kernel names is a
	   controller's clock, "pcie x10, pcie x11 & pcie x4") */
	static const char *const buses[] = {"PCIe", "PCI-E", "PCI-Express", "Gen3", "Gen4", "Gen5", "Gen6"};
	size_t xn, pn, nn, qn;
	const char *x = core(c, c->i, &xn);
	if (!x || xn < 2 || xn > 3 || (x[0] != 'x' && x[0] != 'X') || c->t[c->i].lead)
		return 0;
	const char *say = NULL;
	for (size_t k = 0; k < ARRAY_LEN(widths); k++)
		if (strlen(widths[k].w) == xn - 1 && memcmp(widths[k].w, x + 1, xn - 1) == 0)
			say = widths[k].say;
	if (!say)
		return 0;
	const char *p = c->i >= 1 ? core(c, c->i - 1, &pn) : NULL;
	const char *q = c->i >= 2 ? core(c, c->i - 2, &qn) : NULL;
	const char *nx = core(c, c->i + 1, &nn);
	int bus = p && joined(c, c->i - 1) &&
		  (exact_in(buses, ARRAY_LEN(buses), p, pn) ||
		   (q && joined(c, c->i - 2) &&
		    (exact_in(buses, ARRAY_LEN(buses), q, qn) || (qn == 3 && strncmp(q, "Gen", 3) == 0)) && pn >= 1 &&
		    isdigit((unsigned char)p[0])));
	int link = nx && joined(c, c->i) && IN(links, nx, nn);
	if (!bus && !link)
		return 0;
	m->why = "a PCIe lane width: \"by\" and its lanes";
	m->say = say;
	m->ntok = 1;
	return 1;
}

/* "SMT4 x 28 cores x 2 NUMA nodes": a spaced "x" after a count (a name
 * ending in a digit, or a noun after a number) and before a number is
 * "times", not the letter. */
static int m_times_x(const struct cctx *c, struct match *m)
{
	size_t xn, pn, nn, qn;
	const char *x = core(c, c->i, &xn), *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	if (!x || !p || !nx || xn != 1 || (x[0] != 'x' && x[0] != 'X') || c->t[c->i].lead || !joined(c, c->i) ||
	    !joined(c, c->i - 1))
		return 0;
	if (!is_number(nx, nn)) {
		/* "4 x the number of packets", "2 x faster": a number, a spaced x
		 * and a word a multiplier stands before (a determiner or a
		 * comparative) is "times" */
		static const char *const mult[] = {"the", "that", "this", "its", "their", "as", "more", "less", "fewer",
						   "faster", "slower", "larger", "smaller", "bigger", "higher", "lower",
						   "better", "worse", "longer", "shorter", "greater"};
		if (!is_number(p, pn))
			return 0;
		for (size_t k = 0; k < ARRAY_LEN(mult); k++)
			if (strlen(mult[k]) == nn && strncasecmp(mult[k], nx, nn) == 0) {
				m->why = "a spaced x between a number and a multiplied word";
				m->say = "times";
				m->ntok = 1;
				return 1;
			}
		return 0;
	}
	const char *q = core(c, c->i - 2, &qn);
	int count = isdigit((unsigned char)p[pn - 1]) ||
		    (pn >= 4 && all_alpha(p, pn) && p[pn - 1] == 's' && q && joined(c, c->i - 2) && is_number(q, qn));
	/* (the noun counted is plural: "28 cores x 2", not "2 to x 3") */
	if (!count && pn >= 2 && pn <= 6 && all_upper(p, pn) && all_alpha(p, pn)) {
		/* "4 bytes CRC x 10 packets": an acronym, then a count of a
		 * plural noun */
		size_t an;
		const char *after = core(c, c->i + 2, &an);
		count = after && joined(c, c->i + 1) && plural_noun(after, an);
	}
	if (!count)
		return 0;
	m->why = "a spaced x between a count and a number";
	m->say = "times";
	m->ntok = 1;
	return 1;
}

/* "Retrieved from http: //host/page": a URL a space broke after its colon. */
static int m_url_split(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	if (!s || n < 3 || n > 5 || t->trail != 1 || s[n] != ':' || c->i + 1 >= c->nt)
		return 0;
	if (!((n == 4 && strncasecmp(s, "http", 4) == 0) || (n == 5 && strncasecmp(s, "https", 5) == 0) ||
	      (n == 3 && strncasecmp(s, "ftp", 3) == 0)))
		return 0;
	const struct tok *u = &c->t[c->i + 1];
	const char *r = core(c, c->i + 1, &nn);
	if (!r || r != u->raw || nn < 4 || r[0] != '/' || r[1] != '/' || !isalnum((unsigned char)r[2]))
		return 0;
	m->a = s;
	m->alen = n + 1;
	m->b = r;
	m->blen = nn;
	m->ntok = 2;
	return 1;
}

/* The denominator of a rate after a slash a space set apart: "/ s" (two
 * tokens) or "/s" (one), at token k; its tokens in *used. */
static const struct unit *spaced_per(const struct cctx *c, int k, int *used)
{
	if (k >= c->nt)
		return NULL;
	const struct tok *t = &c->t[k];
	const char *d;
	size_t dn;
	if (t->rawlen == 1 && t->raw[0] == '/') {
		d = core(c, k + 1, &dn);
		if (!d || c->t[k + 1].lead)
			return NULL;
		*used = 2;
	} else if (t->rawlen >= 2 && t->raw[0] == '/') {
		d = t->raw + 1;
		dn = t->rawlen - 1 - t->trail;
		*used = 1;
	} else {
		return NULL;
	}
	const struct unit *u = dn ? find_unit(d, dn, 0) : NULL;
	return u && strcmp(u->one, u->many) != 0 ? u : NULL;     /* ("%", "x" are no denominators) */
}

/* "314MB / s", "854MB /s", "10 MB / s": a rate whose slash a space set
 * apart from its units, said as the glued one is ("per second"). */
static int m_rate_spaced(const struct cctx *c, struct match *m)
{
	size_t n, un;
	const char *s = core(c, c->i, &n);
	if (!s || !isdigit((unsigned char)s[0]) || c->t[c->i].trail)
		return 0;
	size_t j = 0;
	while (j < n && (isdigit((unsigned char)s[j]) || ((s[j] == ',' || s[j] == '.') && j + 1 < n &&
							 isdigit((unsigned char)s[j + 1]))))
		j++;
	if (!is_number(s, j))
		return 0;
	int k = c->i + 1, used = 0;
	if (j < n) {
		m->unit = find_unit(s + j, n - j, 0);
	} else {
		const char *u = core(c, c->i + 1, &un);
		if (!u || c->t[c->i + 1].lead || c->t[c->i + 1].trail)
			return 0;
		m->unit = find_unit(u, un, 1);
		k++;
	}
	if (!m->unit || !(m->per = spaced_per(c, k, &used)))
		return 0;
	m->a = s;
	m->alen = j;
	m->ntok = k + used - c->i;
	return 1;
}

/* A place's coordinate: degrees, minutes with a prime (or '), seconds with
 * a double prime (or "), and a hemisphere's letter, in one token: 42°21′N,
 * 71°03′37″W, 51.5°N "fifty-one point five degrees north". Minutes or a
 * hemisphere must be there (45° alone is a temperature or an angle). */
static int m_coordinate(const struct cctx *c, struct match *m)
{
	const struct tok *t = &c->t[c->i];
	const char *s = t->raw + t->lead, *end = t->raw + t->rawlen;
	while (end > s && strchr(".,;:)", end[-1]))
		end--;
	size_t n = (size_t)(end - s), j = plain_number_len(s, n);
	if (!j || n < j + 3 || memcmp(s + j, "\xc2\xb0", 2) != 0)
		return 0;
	const char *r = s + j + 2;
	size_t k = plain_number_len(r, (size_t)(end - r));
	if (k && end - (r + k) >= 1) {
		const char *mk = r + k;
		size_t ml = *mk == '\'' ? 1 : (end - mk >= 3 && memcmp(mk, "\xe2\x80\xb2", 3) == 0) ? 3 : 0;
		if (!ml)
			return 0;
		m->mins = r;
		m->minslen = k;
		r = mk + ml;
		k = plain_number_len(r, (size_t)(end - r));
		if (k) {
			const char *sk = r + k;
			size_t sl = sk < end && *sk == '"' ? 1 : (end - sk >= 3 && memcmp(sk, "\xe2\x80\xb3", 3) == 0) ? 3 : 0;
			if (!sl)
				return 0;
			m->secs = r;
			m->secslen = k;
			r = sk + sl;
		}
	} else if (k) {
		return 0;
	}
	if (r + 1 == end) {
		static const char *const hemi[][2] = {{"N", "north"}, {"S", "south"}, {"E", "east"}, {"W", "west"}};
		for (size_t h = 0; h < ARRAY_LEN(hemi); h++)
			if (*r == hemi[h][0][0])
				m->hemi = hemi[h][1];
		if (!m->hemi)
			return 0;
	} else if (r != end) {
		return 0;
	}
	if (!m->hemi && !m->mins)
		return 0;
	m->coord = 1;
	m->a = s;
	m->alen = j;
	m->why = "a place's coordinate: degrees, minutes, seconds and a hemisphere";
	return 1;
}

/* Feet and inches written with a prime and a double prime (or an apostrophe
 * and a quotation mark): 5'11", 6' 2" "six feet two inches". */
static int m_feet_inches(const struct cctx *c, struct match *m)
{
	static const struct unit foot = {"'", "foot", "feet", 0};
	size_t n, n2;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	if (!s || !isdigit((unsigned char)s[0]))
		return 0;
	size_t j = 0;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (j > 2 || s[0] == '0')
		return 0;
	const char *r = s + j, *end = t->raw + t->rawlen;
	/* the foot's mark: ' or U+2032 */
	size_t fm = r < end && *r == '\'' ? 1 : (end - r >= 3 && memcmp(r, "\xe2\x80\xb2", 3) == 0) ? 3 : 0;
	if (!fm)
		return 0;
	const char *in = r + fm, *inend;
	int ntok = 1;
	if (in == end) {       /* "6' 2"": the inches are the next token */
		if (c->i + 1 >= c->nt || c->t[c->i + 1].lead)
			return 0;
		in = core(c, c->i + 1, &n2);
		if (!in)
			return 0;
		end = c->t[c->i + 1].raw + c->t[c->i + 1].rawlen;
		ntok = 2;
	}
	inend = in;
	while (inend < end && isdigit((unsigned char)*inend))
		inend++;
	size_t il = (size_t)(inend - in);
	if (il < 1 || il > 2 || num_parse(in, il) >= 12)
		return 0;
	/* the inch's mark: " or U+2033, then nothing but closing punctuation */
	if (!(inend < end && (*inend == '"' || (end - inend >= 3 && memcmp(inend, "\xe2\x80\xb3", 3) == 0))))
		return 0;
	m->unit = &foot;
	m->a = s;
	m->alen = j;
	m->after = in;
	m->afterlen = il;
	m->ntok = ntok;
	m->why = "feet and inches with their marks: 5'11\"";
	return 1;
}

/* "52%-48%", "10%–20%": two percentages joined by a dash (or an en dash,
 * a tilde) are a range said once with its unit, as "10-20%" is: "fifty-two
 * to forty-eight percent". */
static int m_percent_range(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 5 || !isdigit((unsigned char)s[0]) || s[n - 1] != '%')
		return 0;
	const char *p1 = memchr(s, '%', n);
	if (!p1 || p1 == s + n - 1 || !is_number(s, (size_t)(p1 - s)))
		return 0;
	const char *b = p1 + 1;
	if (*b == '-' || *b == '~')
		b++;
	else if ((size_t)(s + n - b) > 3 && memcmp(b, "\xe2\x80\x93", 3) == 0)
		b += 3;
	else
		return 0;
	size_t bl = (size_t)(s + n - 1 - b);
	if (!is_number(b, bl))
		return 0;
	m->unit = find_unit("%", 1, 0);
	m->a = s;
	m->alen = (size_t)(p1 - s);
	m->b = b;
	m->blen = bl;
	return m->unit != NULL;
}

/* "4 KB logical sectors", "64KB page size": token k modifies a noun after
 * it, so the measure before it does too (modifier_noun). */
static int modifier_noun_at(const struct cctx *c, int k)
{
	size_t an, hn;
	const char *w = core(c, k, &an), *h = core(c, k + 1, &hn);
	return w && h && joined(c, k) && modifier_noun(w, an, h, hn);
}

/* 16 mm, 2.5 GW, 10+ ms, 3 sq mi; 5,000ft; ±2 ms, -40 °C, 5 m/s */
static int m_measure(const struct cctx *c, struct match *m)
{
	size_t n, nn, n2;
	const char *s = core(c, c->i, &n);
	size_t sk = s ? sign_at(s, n, &m->sign, 0) : 0;
	if (sk) {
		s += sk;
		n -= sk;
	}
	if (s && n > 1 && isdigit((unsigned char)s[0])) {
		/* glued: the longest number, then a unit */
		size_t j = 0;
		while (j < n && (isdigit((unsigned char)s[j]) || ((s[j] == ',' || s[j] == '.') && j + 1 < n &&
								 isdigit((unsigned char)s[j + 1]))))
			j++;
		if (j < n && is_number(s, j) && (memchr(s, ',', j) || sk) && (m->unit = find_unit(s + j, n - j, 0)) != NULL) {
			m->a = s;
			m->alen = j;
			m->why = sk ? "a sign, a number and a unit glued to it" : "a number with separators and a unit glued to it";
			return 1;
		}
		/* "797.1/km²", "12/km2": a number per a unit of area or volume
		 * (not "1/3", "24/7", "4/5 stars": the unit is no letter alone) */
		const char *u = s + j + 1;
		size_t ul = j + 2 < n ? n - j - 1 : 0;
		int area = ul >= 2 && (u[ul - 1] == '2' || u[ul - 1] == '3' ||
				       (ul >= 3 && (unsigned char)u[ul - 2] == 0xc2 &&
					((unsigned char)u[ul - 1] == 0xb2 || (unsigned char)u[ul - 1] == 0xb3)));
		if (area && s[j] == '/' && is_number(s, j) && (m->per = find_unit(u, ul, 1)) != NULL) {
			m->unit = NULL;
			m->a = s;
			m->alen = j;
			m->why = "a number per a unit of area or volume glued to it: \"797.1/km\xc2\xb2\"";
			return 1;
		}
		/* "210.3/sq mi", "45/sq km": a number per a square unit written
		 * "sq" and the unit's symbol (a census's density) */
		if (j + 3 == n && s[j] == '/' && strncasecmp(s + j + 1, "sq", 2) == 0 && is_number(s, j) &&
		    joined(c, c->i)) {
			size_t pn2;
			const char *pu = core(c, c->i + 1, &pn2);
			if (pu && (m->per = find_unit(pu, pn2, 1)) != NULL) {
				m->unit = NULL;
				m->square = 1;
				m->a = s;
				m->alen = j;
				m->ntok = 2;
				m->why = "a number per a square unit: \"210.3/sq mi\"";
				return 1;
			}
		}
		m->per = NULL;
		if (j < n && is_number(s, j) && !find_unit(s + j, n - j, 0) &&
		    (m->unit = find_unit_per(s + j, n - j, 0, &m->per)) != NULL) {
			m->a = s;
			m->alen = j;
			m->why = "a number and a unit per a unit glued to it: \"5m/s\"";
			return 1;
		}
	}
	/* 32-bit, 10-minute: a compound adjective, the unit said once */
	const char *hy = s ? memchr(s, '-', n) : NULL;
	if (hy && hy > s && all_digit(s, (size_t)(hy - s)) && hy + 1 < s + n && all_alpha(hy + 1, n - (size_t)(hy - s) - 1)) {
		size_t ul = n - (size_t)(hy - s) - 1;
		static const struct unit words[] = {
			{"bit", "bit", "bit", 0}, {"byte", "byte", "byte", 0}, {"core", "core", "core", 0},
			{"way", "way", "way", 0}, {"year", "year", "year", 0}, {"day", "day", "day", 0},
			{"week", "week", "week", 0}, {"month", "month", "month", 0}, {"hour", "hour", "hour", 0},
			{"minute", "minute", "minute", 0}, {"second", "second", "second", 0},
			{"level", "level", "level", 0}, {"page", "page", "page", 0}, {"line", "line", "line", 0},
			{"port", "port", "port", 0}, {"pin", "pin", "pin", 0}, {"lane", "lane", "lane", 0},
			{"thread", "thread", "thread", 0}, {"socket", "socket", "socket", 0},
		};
		for (size_t q = 0; q < ARRAY_LEN(words); q++)
			if (strlen(words[q].sym) == ul && strncasecmp(words[q].sym, hy + 1, ul) == 0) {
				m->unit = &words[q];
				m->a = s;
				m->alen = (size_t)(hy - s);
				m->why = "a number and a noun joined by a hyphen: a compound, the noun said once";
				return 1;
			}
	}
	if (!s || !joined(c, c->i))
		return 0;
	size_t k = n;
	int plus = n > 1 && s[n - 1] == '+';
	if (plus)
		k--;
	/* "3.2-4.6 GHz", "10-20 ms", "10~20 ms": a range before its unit */
	const char *dash = memchr(s, '-', k);
	if (!dash)
		dash = memchr(s, '~', k);
	if (dash && dash > s && is_number(s, (size_t)(dash - s)) && is_number(dash + 1, k - (size_t)(dash - s) - 1)) {
		m->b = dash + 1;
		m->blen = k - (size_t)(dash - s) - 1;
		k = (size_t)(dash - s);
	}
	/* "Base/Boost 3.0/5.7 GHz", "16/32 GB": two values of one unit, a
	   slash between, the unit after a space; a point in one or two digits
	   each side (not a fraction, "1/2 mi") (kinds38) */
	const char *sl = dash ? NULL : memchr(s, '/', k);
	if (sl && sl > s && is_number(s, (size_t)(sl - s)) && is_number(sl + 1, k - (size_t)(sl - s) - 1) &&
	    (memchr(s, '.', k) || ((size_t)(sl - s) >= 2 && k - (size_t)(sl - s) - 1 >= 2))) {
		m->b = sl + 1;
		m->blen = k - (size_t)(sl - s) - 1;
		m->slash = 1;
		k = (size_t)(sl - s);
	}
	if (!is_number(s, k))
		return 0;
	const char *u = core(c, c->i + 1, &nn);
	if (!u || c->t[c->i + 1].lead)
		return 0;
	m->ntok = 2;
	/* "6 ft 2 in", "5 feet 11 in": inches after a count of feet ("in" is
	 * otherwise the preposition, "2 in 3") */
	static const struct unit inch = {"in", "inch", "inches", 0};
	size_t fn, fcn;
	const char *ft = core(c, c->i - 1, &fn), *fc = core(c, c->i - 2, &fcn);
	if (nn == 2 && strncmp(u, "in", 2) == 0 && ft && fc && joined(c, c->i - 1) && joined(c, c->i - 2) &&
	    ((fn == 2 && strncmp(ft, "ft", 2) == 0) || (fn == 4 && strncmp(ft, "feet", 4) == 0) ||
	     (fn == 4 && strncmp(ft, "foot", 4) == 0)) && is_number(fc, fcn)) {
		m->unit = &inch;
	} else if (nn == 2 && strncasecmp(u, "sq", 2) == 0 && joined(c, c->i + 1)) {
		const char *u2 = core(c, c->i + 2, &n2);
		const struct unit *un = u2 ? find_unit(u2, n2, 1) : NULL;
		if (!un)
			return 0;
		m->unit = un;
		m->square = 1;
		m->ntok = 3;
	} else if (nn == 1 && u[0] == 's' && memchr(s, '.', k) && !memchr(s, ',', k) && !c->t[c->i + 1].lead &&
		   (c->i + 2 >= c->nt || !joined(c, c->i + 1) || !isdigit((unsigned char)c->t[c->i + 2].raw[0]))) {
		/* "9.58 s", "took 1.23 s": a decimal and an s set apart are
		 * seconds ("4 s 4 d" may be shillings: a whole number stays) */
		m->unit = find_unit(u, nn, 0);
	} else if ((m->unit = find_unit(u, nn, 1)) == NULL && (m->unit = find_unit_per(u, nn, 0, &m->per)) == NULL) {
		return 0;
	}
	int vn;
	if (m->ntok == 2 && nn == 1 && u[0] == 'V' && vee_engine(c, c->i + 1, &vn))
		return 0;     /* "a 2.8 V 6": an engine, not volts */
	if (m->ntok == 2 && nn == 1 && u[0] == 'W' && !m->per) {
		/* "1101 W. McKinley", "400 W Main St": a street's West before
		 * a name, not watts ("125 W TDP", "at 65 W." are) */
		size_t wn;
		const char *w = core(c, c->i + 2, &wn);
		static const char *const starts[] = {"The", "This", "That", "These", "It", "Its", "In", "An", "At", "On",
						     "For", "With", "But", "And", "So", "Then", "We", "They", "He", "She"};
		if (w && isupper((unsigned char)w[0]) && wn > 1 && islower((unsigned char)w[1]) &&
		    (joined(c, c->i + 1) || c->t[c->i + 1].trail) && !IN(starts, w, wn))
			return 0;
		/* "108 W 55th Street", "20 W. 3rd Ave": West before a numbered
		 * street, an ordinal and a street's word */
		static const char *const streets[] = {"Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard",
						       "Blvd", "Place", "Pl", "Drive", "Dr", "Lane", "Ln", "Terrace"};
		size_t sn;
		const char *st = core(c, c->i + 3, &sn);
		if (w && ordinal_word(w, wn) && (joined(c, c->i + 1) || c->t[c->i + 1].trail) && joined(c, c->i + 2) &&
		    st && IN(streets, st, sn))
			return 0;
	}
	m->a = s;
	m->alen = k;
	m->plus = plus;
	size_t an;
	const char *after = core(c, c->i + m->ntok, &an);
	size_t pn, sn;
	int pi = c->i - 1;
	const char *p = core(c, pi, &pn), *side = core(c, pi - 1, &sn);
	if (p && pn == 1 && (p[0] == 'x' || p[0] == 'X') && side && is_number(side, sn) && joined(c, pi - 1) && joined(c, pi))
		p = core(c, pi -= 2, &pn);      /* "a 3 x 4 m room": the word before the first side */
	size_t bn = 0;
	const char *b = pi >= 1 ? core(c, pi - 1, &bn) : NULL;
	int adj = b && p && !c->t[pi - 1].trail && !c->t[pi].trail && measure_adjective(b, bn, p, pn);   /* "a huge 360 mm AiO" */
	int article = p && ((pn == 1 && (p[0] == 'a' || p[0] == 'A')) || (pn == 2 && strncasecmp(p, "an", 2) == 0)) &&
		      !c->t[pi].trail && after && an > 1 && all_alpha(after, an) &&
		      (islower((unsigned char)after[0]) || (an <= 5 && all_upper(after, an)) || measure_name(after, an));   /* "a 65 W TDP" */
	/* "the 2 MB file", "each 4 KiB page": a determiner and a noun after */
	int det = p && (measure_determiner(p, pn) || adj) && !c->t[pi].trail && (singular_noun(after, an) || measure_name(after, an));
	m->adjective = joined(c, c->i + m->ntok - 1) && (plural_noun(after, an) || article || det || modifier_noun_at(c, c->i + m->ntok));
	return 1;
}

/* Things that are counted whole, never in thousandths: "15.291 fixes" is a
 * count with a point between its thousands. */
static const char *const whole_nouns[] = {
	"patches", "commits", "changesets", "fixes", "corrections", "changes", "developers", "contributors",
	"files", "lines", "bugs", "people", "users", "companies", "employers", "maintainers",
};

/* Whether X.Y is a version of Linux: 2.6, 3.0-3.19, 4.0-4.20, 5.0-5.19, 6.0-6.29. */
static int linux_version(long long x, long long y, size_t ylen)
{
	static const struct { int major, last; } lv[] = {{2, 6}, {3, 19}, {4, 20}, {5, 19}, {6, 29}, {7, 9}};
	if (ylen > 2 || (ylen == 2 && y < 10))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(lv); i++)
		if (lv[i].major == x)
			return y <= lv[i].last;
	return 0;
}

/* Words that make every X.Y of their clause a version: "Make version for Linux from 3.80 to 3.81". */
static const char *const version_clause_cues[] = {
	"version", "versions", "release", "releases", "upgrade", "upgraded", "downgrade", "bump", "bumped",
};

/* Whether a version cue comes shortly before token i: a word of version_cues
 * before a parenthesis just before it ("binutils (the GNU assembler) 2.28"), or
 * a word of version_clause_cues earlier in the clause. */
static const char *version_cue_before(const struct cctx *c)
{
	size_t pn;
	const struct tok *pt = c->i > 0 ? &c->t[c->i - 1] : NULL;
	if (pt && pt->trail && pt->raw[pt->rawlen - 1] == ')') {
		for (int k = c->i - 1; k >= 0 && k >= c->i - 6; k--) {
			if (c->t[k].lead && c->t[k].raw[0] == '(') {
				const char *p = core(c, k - 1, &pn);
				if (p && IN(version_cues, p, pn))
					return "a version: the word before the parenthesis before it (version_cues)";
				break;
			}
		}
	}
	/* "the minimum binutils to 2.30", "GCC from 8.1": a program's name,
	 * then a small word of change, then the number */
	static const char *const between[] = {"to", "from", "is", "was", "at", "now"};
	size_t bn, vn, an;
	const char *b = core(c, c->i - 1, &bn), *v = core(c, c->i - 2, &vn), *a = core(c, c->i + 1, &an);
	if (b && v && IN(between, b, bn) && IN(version_cues, v, vn) && !c->t[c->i - 2].trail && !c->t[c->i - 1].trail &&
	    !(a && (find_unit(a, an, 1) || unit_word(a, an) || IN(count_nouns, a, an))))
		return "a version: a program's name and a small word before it (version_cues)";
	for (int k = c->i - 1; k >= 0 && k >= c->i - 8; k--) {
		const struct tok *t = &c->t[k];
		const char *p = core(c, k, &pn);
		if (p && IN(version_clause_cues, p, pn))
			return "a version: a word earlier in the clause (version_clause_cues)";
		for (size_t j = t->rawlen - t->trail; j < t->rawlen; j++)
			if (t->raw[j] == '.' || t->raw[j] == ';' || t->raw[j] == ':' || t->raw[j] == '!' || t->raw[j] == '?')
				return NULL;
	}
	return NULL;
}

/* Whether a word of version_clause_cues comes in the next few words of token i's
 * clause: "expecting 5.20 as the next version". */
static const char *version_cue_after(const struct cctx *c)
{
	size_t pn;
	for (int k = c->i; k < c->nt && k <= c->i + 4; k++) {
		const struct tok *t = &c->t[k];
		const char *p = core(c, k, &pn);
		if (k > c->i && p && IN(version_clause_cues, p, pn))
			return "a version: a word later in the clause (version_clause_cues)";
		for (size_t j = t->rawlen - t->trail; j < t->rawlen; j++)
			if (strchr(".,;:!?)", t->raw[j]))
				return NULL;
	}
	return NULL;
}

/* Whether token k is the name of a program or package as code writes it,
 * which no word list knows: in small letters or with a capital after a small
 * one, letters and digits, hyphens or underscores ("e2fsprogs", "iproute2",
 * "btrfs-progs", "docutils", "ARCnet"). A number of two places after such a
 * name is its version: "e2fsprogs 1.42" one point forty-two. Capitals alone
 * ("IPC 1.42") and a capitalised name ("Kerner") are not. */
static int code_name(const struct cctx *c, int k)
{
	size_t n;
	const char *s = core(c, k, &n);
	if (!s || n < 3 || n > 40 || !isalpha((unsigned char)s[0]) || c->t[k].trail)
		return 0;
	int camel = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!isalnum(ch) && ch != '-' && ch != '_')
			return 0;
		if (i && isupper(ch) && islower((unsigned char)s[i - 1]))
			camel = 1;
	}
	if (!islower((unsigned char)s[0]) && !camel)
		return 0;
	const char *why;
	/* a benchmark's row label, a word and a number after a hyphen
	 * ("latency-256", "send-3312", "recv-8192"), names no program: a
	 * program's number is a short version (gcc-12, clang-17) after a name
	 * no list knows */
	const char *h = memchr(s, '-', n);
	if (h && h > s && h + 1 < s + n && all_digit(h + 1, n - (size_t)(h - s) - 1) &&
	    (n - (size_t)(h - s) - 1 >= 3 || known_word(s, (size_t)(h - s), &why) || dict_word(s, (size_t)(h - s))))
		return 0;
	return !known_word(s, n, &why) && !dict_word(s, n) && !find_unit(s, n, 1);
}

/* 2.32 a decimal, 6.3 a version: the word before it, then whether Linux has such a version. */
static int m_decimal(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n);
	if (!s)
		return 0;
	if (n >= 2 && n <= 5 && s[0] == '.' && all_digit(s + 1, n - 1)) {   /* a .300 hitter */
		m->a = s;
		m->alen = n;
		m->why = "a decimal without its leading zero";
		return 1;
	}
	const char *dot = memchr(s, '.', n);
	/* 2,709.1: separators before the point make it a quantity, never a version */
	if (dot && dot > s && memchr(s, ',', (size_t)(dot - s)) && is_number(s, n) &&
	    all_digit(dot + 1, n - (size_t)(dot - s) - 1) && dot + 1 < s + n) {
		m->a = s;
		m->alen = n;
		m->why = "a decimal: thousands separators before the point";
		return 1;
	}
	if (!dot || dot == s || !all_digit(s, (size_t)(dot - s)) || !all_digit(dot + 1, n - (size_t)(dot - s) - 1) ||
	    dot + 1 == s + n || (size_t)(dot - s) > 6)
		return 0;
	size_t xl = (size_t)(dot - s), yl = n - xl - 1;
	const char *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	long long x = num_parse(s, xl), y = num_parse(dot + 1, yl);
	m->a = s;
	m->alen = n;
	if (yl == 6 && xl <= 6) {
		/* "[    1.897143] Kernel panic": six digits after the point are
		 * dmesg's microseconds (or a measure's), never a version's part,
		 * even before "kernel" */
		m->why = "a decimal: six digits after the point (a kernel log's seconds)";
		return 1;
	}
	if (p && IN(version_cues, p, pn)) {
		m->why = "a version: the word before it (version_cues)";
		m->version = 1;
	} else if (nx && nn >= 3 && (strncasecmp(nx, "release", 7) == 0 || strncasecmp(nx, "kernel", 6) == 0)) {
		m->why = "a version: the word after it";
		m->version = 1;
	} else if (yl <= 2 && !(nx && (find_unit(nx, nn, 1) || in_scale(nx, nn) || IN(count_nouns, nx, nn) ||
					(nn == 5 && strncasecmp(nx, "times", 5) == 0))) &&
		   ((m->why = version_cue_before(c)) != NULL || (m->why = version_cue_after(c)) != NULL ||
		    (code_name(c, c->i - 1) && (m->why = "a version: after the name of a program as code writes it")))) {
		m->version = 1;
	} else if (yl == 3 && x >= 1 && xl <= 3 && nx && IN(whole_nouns, nx, nn)) {
		/* "15.291 fixes": no fixes come in thousandths; the point is a
		 * separator of thousands, as in the languages a news item was
		 * translated from */
		m->a = NULL;
		m->y1 = (int)(x * 1000 + y);
		m->why = "a number with a point between thousands: a count of things that come whole after it";
		return -1;
	} else if (yl >= 3 || (xl == 1 && s[0] == '0')) {
		m->why = "a decimal: three digits after the point, or 0.x";
	} else if (nx && (in_scale(nx, nn) || (nn == 7 && strncasecmp(nx, "percent", 7) == 0))) {
		m->why = "a decimal: a scale word or percent after it (3.19 million)";
	} else if (linux_version(x, y, yl)) {
		m->why = "a version: Linux had one of that number";
		m->version = 1;
	} else if (yl == 2 && ((x == 3 && y == 20) || (x == 4 && y == 21) || (x == 5 && y == 20)) &&
		   !(nx && (find_unit(nx, nn, 1) || IN(count_nouns, nx, nn)))) {
		/* the number after a major's last, which the news expected
		 * before Linus counted on: "the 20 in 5.20" */
		m->why = "a version: the one Linux skipped after a major's last (3.20, 4.21, 5.20)";
		m->version = 1;
	} else {
		m->why = "a decimal: not a version of Linux";
	}
	return 1;
}

/* Words after which a number names a thing, as a model number does: "device IDs 1883 and 1886",
 * "port 445", s390's "diag 308". */
static const char *const id_words[] = {
	"id", "ids", "device", "devices", "pid", "vid", "chip", "chips", "model", "models", "part",
	"socket", "opcode", "errata", "erratum", "port", "diag",
};

/* Codes of standards bodies, written in capitals, after which a number names a
 * standard: "GB 1005", "DIN 476", "RFC 2119" (said as a model number). */
static const char *const standard_codes[] = {
	"GB", "DIN", "EN", "BS", "IEC", "ISO", "JIS", "GOST", "ASTM", "ANSI", "RFC", "ECMA",
	"ETSI", "ITU", "CSA",
};

/* Nouns of one device after which a number names its model: "the 8250 driver", "a 6502 CPU". */
static const char *const model_nouns_after[] = {
	"driver", "uart", "chip", "chipset", "controller", "processor", "cpu", "soc", "gpu", "card",
	"adapter", "nic", "phy", "codec", "sensor", "motherboard", "router", "laptop", "microcontroller",
	"mcu", "fpga", "asic", "transceiver", "bridge", "dongle", "console", "terminal",
	"family", "device", "microprocessor", "footbridge", "mmu", "fpu", "based", "series", "camera",
};

/* Whether v is a number that a count is written as more often than a model:
 * a power of two (256, 4096), a round thousand (5000), a year (1000..2099). */
static int count_shaped(long long v)
{
	return (v & (v - 1)) == 0 || v % 1000 == 0 || (v >= 1000 && v <= 2099);
}

/* Words after "the NNN" or "a NNN" that end its noun phrase there, so that
 * the number is the noun: "the 386 is", "a 486 or higher", "the 645 and
 * 646", "a 896 from SYMBIOS". A count would have its noun after it, or be
 * a plural's subject ("the 300 were"), or be placed ("the 300 on the
 * list"): no plural verb here, and of the prepositions only "from". */
static const char *const det_model_after[] = {
	"or", "and", "is", "was", "has", "had", "does", "did", "can", "could", "will", "would",
	"should", "may", "might", "must", "from", "but", "that", "which", "uses", "used",
	"supports", "doesn't", "isn't", "wasn't",
};

/* Nouns of devices in the plural: "3270 terminals", "57500 chips", "8997
 * devices" name a model when the number is no round count (below). */
static const char *const model_nouns_plural[] = {
	"uarts", "chips", "chipsets", "controllers", "processors", "socs", "cards", "adapters",
	"nics", "phys", "codecs", "sensors", "boards", "devices", "terminals", "microcontrollers",
	"transceivers", "bridges", "laptops", "cameras",
};


/* Whether the number at k is followed by a noun it counts: a small word
 * that neither closes a noun phrase (det_model_after, a plural verb) nor
 * names a device ("the 123 and 456 lines"). */
static int pair_counts(const struct cctx *c, int k)
{
	size_t wn;
	const char *w = core(c, k + 1, &wn);
	static const char *const plural_verbs[] = {"are", "were", "have", "do", "don't", "aren't", "weren't"};
	if (!w || c->t[k].trail || !islower((unsigned char)w[0]))
		return 0;
	return !IN(det_model_after, w, wn) && !IN(plural_verbs, w, wn) && !IN(model_nouns_after, w, wn) &&
	       !IN(model_nouns_plural, w, wn);
}

/* One of the commonest words (scowl 10) in capitals with a plural noun in
 * small letters after it is a shouted adjective, not a product line: "the
 * 150 NEW features", "the 120 BIG changes" count; "the 960 PRO" (pro is
 * scowl 20), "the 750 EVO drive" stay models. */
static int shouted_adjective(const struct cctx *c, const char *w, size_t wn)
{
	size_t n2;
	const char *w2 = core(c, c->i + 2, &n2);
	if (!words_common(w, wn, 10) || !w2 || n2 < 4 || c->t[c->i + 1].trail || !islower((unsigned char)w2[0]) ||
	    !all_alpha(w2, n2) || w2[n2 - 1] != 's' || w2[n2 - 2] == 's')
		return 0;
	return words_common(w2, n2, 50) != 0;
}

/* "the 8086", "a 486 or higher", "called 8255": a number of three to five
 * digits that is itself the noun of its phrase (a determiner before it, and
 * no noun after it: the end of the sentence, a mark, or a word that ends a
 * noun phrase) names a chip, said as a model number; a count would have
 * its noun ("the 386 patches"). Not a count's shape (count_shaped) nor, with
 * a word after it, a round hundred ("a 100 or so"). */
static int m_model_det(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	if (!s || !p || n < 3 || n > 5 || !all_digit(s, n) || s[0] == '0' || c->t[c->i - 1].trail ||
	    c->t[c->i].lead)
		return 0;
	static const char *const before[] = {"the", "a", "an", "called", "named"};
	/* "the 1TB 980 PRO": or a drive's size before the model */
	static const char *const size_units[] = {"TB", "GB", "MB"};
	size_t dj = 0;
	while (dj < pn && isdigit((unsigned char)p[dj]))
		dj++;
	int size = dj >= 1 && dj < pn && IN(size_units, p + dj, pn - dj);
	if (!IN(before, p, pn) && !size)
		return 0;
	long long v = num_parse(s, n);
	if (count_shaped(v))
		return 0;
	const struct tok *t = &c->t[c->i];
	char tr = t->trail ? t->raw[t->rawlen - t->trail] : 0;
	int ends = !nx || (tr && strchr(",.;:!?)", tr));
	/* the product's word in the possessive: "the 970 PRO's speed" */
	if (nx && nn >= 5 && nx[nn - 2] == '\'' && nx[nn - 1] == 's')
		nn -= 2;
	/* and in the plural, "the 980 PROs", "the 870 EVOs": a small s after the
	   word in capitals */
	else if (nx && nn >= 4 && nn <= 6 && nx[nn - 1] == 's' && all_upper(nx, nn - 1))
		nn -= 1;
	/* "the 7900 XT", "the 4070 Ti", "the 7900 GRE": four digits, a round
	   hundred too, before a graphics card's tier are its model */
	static const char *const tiers[] = {"XT", "XTX", "GRE", "Ti", "SUPER", "Super"};
	if (!ends && !tr && n == 4 && joined(c, c->i) && nx && IN(tiers, nx, nn) && IN(before, p, pn)) {
		m->a = s;
		m->alen = n;
		m->why = "a model number: four digits after a determiner, before a graphics card's tier";
		return 1;
	}
	/* "the 960 PRO", "the 750 EVO": three digits before a product's word
	 * in capitals that is no unit, no acronym kernel text counts and no
	 * count's noun name the model of that product line */
	if (!ends && !tr && n == 3 && v % 100 && joined(c, c->i) && nn >= 3 && nn <= 5 &&
	    all_upper(nx, nn) && all_alpha(nx, nn) && !find_unit(nx, nn, 1) && !IN(count_nouns, nx, nn) &&
	    vocab_kind(nx, nn) == VOCAB_NONE && !(nx[nn - 1] == 'S' && vocab_kind(nx, nn - 1) != VOCAB_NONE) &&
	    !shouted_adjective(c, nx, nn)) {
		m->a = s;
		m->alen = n;
		m->why = "a model number: three digits after a determiner, before a product's word in capitals";
		return 1;
	}
	if (size || (!ends && (v % 100 == 0 || tr || !IN(det_model_after, nx, nn))))
		return 0;
	/* "the 123 and 456 lines": a pair of numbers before a noun counts it */
	size_t qn;
	const char *q = core(c, c->i + 2, &qn);
	if (!ends && IN(and_or, nx, nn) && q && all_digit(q, qn) && pair_counts(c, c->i + 2))
		return 0;
	m->a = s;
	m->alen = n;
	m->why = "a model number: the noun of its phrase, after a determiner (det_model_after)";
	return 1;
}

static int m_model_before(const struct cctx *c, struct match *m);
static int m_model(const struct cctx *c, struct match *m);

/* "the 645 and 646 don't", "IBM z16 (3931 and 3932 series)": a number of
 * as many digits beside a model number, across "and" or "or", is the next
 * model of the list (the one that m_model_det, m_model_before or m_model
 * claims); "the 123 and 456 lines" stays two counts (pair_counts). */
static int m_model_list(const struct cctx *c, struct match *m)
{
	size_t n, an, bn;
	const char *s = core(c, c->i, &n);
	if (!s || n < 3 || n > 5 || !all_digit(s, n) || s[0] == '0' || count_shaped(num_parse(s, n)))
		return 0;
	for (int dir = -1; dir <= 1; dir += 2) {
		int w = c->i + dir, o = c->i + 2 * dir;
		const char *a = core(c, w, &an), *b = core(c, o, &bn);
		if (!a || !b || !IN(and_or, a, an) || bn != n || !all_digit(b, bn) ||
		    c->t[dir < 0 ? o : c->i].trail || c->t[w].trail)
			continue;
		struct cctx d = *c;
		d.i = o;
		struct match x = {0};
		if (m_model_det(&d, &x) || m_model_before(&d, &x) || m_model(&d, &x)) {
			if (dir < 0 && pair_counts(c, c->i))
				return 0;
			m->a = s;
			m->alen = n;
			m->why = "a model number: the next of a list of models, across and or or";
			return 1;
		}
	}
	return 0;
}


/* The 8250 driver, a 6502 CPU: a number before a device's noun is its model number. */
static int m_model_before(const struct cctx *c, struct match *m)
{
	size_t n, nn, an;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn);
	/* choose architecture "586": x86's generation (186 to 686) named after
	 * "architecture" is the chip's short name, as before its machines */
	size_t pn;
	const char *p = core(c, c->i - 1, &pn);
	static const char *const x86_arch[] = {"architecture", "arch"};
	if (s && p && n == 3 && s[0] >= '1' && s[0] <= '6' && s[1] == '8' && s[2] == '6' && IN(x86_arch, p, pn) &&
	    !c->t[c->i - 1].trail) {
		m->a = s;
		m->alen = n;
		m->why = "a model number: x86's short name (186 to 686) after architecture";
		return 1;
	}
	if (!s || !nx || n < 3 || n > 5 || !all_digit(s, n) || s[0] == '0' || !joined(c, c->i))
		return 0;
	/* in the plural: four or five digits that are no round count, "3270
	 * terminals" (not "4096 CPUs", "1000 devices", "512 chips") */
	/* "286 processors", "486 machines": x86's generations by their short
	 * names, 186 to 686, before machines of them in the plural are those
	 * chips, said as the singular's are ("the 386 processor"); a count has
	 * any other number, or another noun ("386 patches", "286 days") */
	static const char *const x86_plural[] = {"processors", "cpus", "microprocessors", "chips", "machines",
						 "pcs", "computers", "boxes", "architectures"};
	if (n == 3 && s[0] >= '1' && s[0] <= '6' && s[1] == '8' && s[2] == '6' && IN(x86_plural, nx, nn)) {
		m->a = s;
		m->alen = n;
		m->why = "a model number: x86's short name (186 to 686) before its machines in the plural";
		return 1;
	}
	if (IN(model_nouns_plural, nx, nn)) {
		long long v = num_parse(s, n);
		if (n < 4 || count_shaped(v) || v % 100 == 0)
			return 0;
		m->a = s;
		m->alen = n;
		m->why = "a model number: four or five digits, no round count, before devices (model_nouns_plural)";
		return 1;
	}
	if (!IN(model_nouns_after, nx, nn))
		return 0;
	const char *after = core(c, c->i + 2, &an);
	/* "500 card games": a round count before a compound; not a verb after
	 * a model's noun ("the 3270 driver is", "the 8250 driver uses") */
	if (after && joined(c, c->i + 1) && islower((unsigned char)after[0]) && after[an - 1] == 's' &&
	    num_parse(s, n) % 100 == 0)
		return 0;
	m->a = s;
	m->alen = n;
	m->why = "a model number: before the noun of a device (model_nouns_after)";
	return 1;
}

/* Words after a list of models joined by slashes: "8250/16550 UART", "5270/5271 processor",
 * "SMC9192/9194 based", "3600/3650 cards". */
static const char *const model_list_after[] = {"based", "compatible", "series", "family"};

/* Whether p, the word before a number, names a brand or a product line
 * whose model the number is: a capitalised word ("Dell", "Armada"), in camel
 * case too ("ProBook", "ThinkPad"), or a code in capitals that is no unit
 * and no common word ("RX", "TL"; not "MB", "ROOM"); not a count's word
 * ("Over", "Chapter"), a year's cue, nor a month. */
static int brand_word(const char *p, size_t pn)
{
	int code = pn >= 2 && pn <= 5 && all_upper(p, pn) && all_alpha(p, pn) && !find_unit(p, pn, 1) &&
		   !words_common(p, pn, 50);
	/* a product line kernel text writes capitalised, written by the mail's
	 * writer in small letters: "exynos 850", "kunpeng 920" (kernel.names) */
	int lower = pn >= 4;
	for (size_t i = 0; i < pn && lower; i++)
		lower = islower((unsigned char)p[i]) != 0;
	const char *kn = lower ? kernel_name(p, pn) : NULL;
	if (kn && isupper((unsigned char)kn[0]))
		return 1;
	if (!code && (pn < 3 || !isupper((unsigned char)p[0]) || !all_alpha(p, pn) || all_upper(p, pn) ||
		      IN(count_words_before, p, pn) || IN(count_cues, p, pn) || IN(year_cues, p, pn)))
		return 0;     /* "Over 100 bodies": a sentence's first word, not a brand */
	for (size_t i = 1; i < pn && !code; i++)
		if (!islower((unsigned char)p[i]) && !(i >= 2 && isupper((unsigned char)p[i]) && islower((unsigned char)p[i - 1])))
			return 0;
	char mb[16] = "";
	if (pn < sizeof mb) {
		memcpy(mb, p, pn);
		mb[pn] = 0;
	}
	return !month_of(mb);
}

/* "the 8250/16550 UART", "Armada 380/385 SoC": numbers of three to five
 * digits joined by slashes before a device's noun are a list of models,
 * each said as one (not a fraction, "three hundred eighty of ..."); not
 * when one of them has a count's shape ("100/1000 cards": speeds) or all
 * are round hundreds. */
static int m_model_slash(const struct cctx *c, struct match *m)
{
	size_t n, nn, pn;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn), *p = core(c, c->i - 1, &pn);
	/* or after a brand, "EliteBook 845/865 G9": the brand's models (not
	 * before a unit or a counted noun, "Tests 845/865 passed" aside) */
	int brand = p && !c->t[c->i - 1].trail && brand_word(p, pn) &&
		    !(nx && (find_unit(nx, nn, 1) || IN(count_nouns, nx, nn)));
	int noun = nx && joined(c, c->i) &&
		   (IN(model_nouns_after, nx, nn) || IN(model_nouns_plural, nx, nn) || IN(model_list_after, nx, nn));
	if (!s || !(brand || noun))
		return 0;
	size_t parts = 0, k = 0;
	int round = 1;
	while (k < n) {
		const char *sl = memchr(s + k, '/', n - k);
		size_t pl = sl ? (size_t)(sl - s - k) : n - k;
		if (pl < 3 || pl > 5 || !all_digit(s + k, pl) || s[k] == '0' || count_shaped(num_parse(s + k, pl)))
			return 0;
		if (num_parse(s + k, pl) % 100)
			round = 0;
		if (!noun && num_parse(s + k, pl) >= 1000 && num_parse(s + k, pl) <= 2099)
			return 0;     /* "Windows 2000/2003": years after a brand's name */
		parts++;
		k += pl + (sl != NULL);
		if (sl && k == n)
			return 0;
	}
	if (parts < 2 || round)
		return 0;
	const char *sl = memchr(s, '/', n);
	m->a = s;
	m->alen = (size_t)(sl - s);
	m->after = sl + 1;
	m->afterlen = n - m->alen - 1;
	m->list = 1;
	m->why = !noun ? "models joined by slashes after a brand" :
			 "models joined by slashes before a device's noun (model_nouns_after, model_list_after)";
	return 1;
}

static int subject_component(const struct cctx *c);

/* "serial: 8250: fix", "wifi: iwlegacy: 3945:": a number of three to five
 * digits that is a component of a subject's prefix names a chip (its
 * driver), a model number; "ARM: 9405/1:" is a patch's number in Russell
 * King's tracker, its version after the slash. */
static int m_model_subject(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	const char *sl = s ? memchr(s, '/', n) : NULL;
	size_t an = sl ? (size_t)(sl - s) : n, bn = sl ? n - an - 1 : 0;
	/* "powerpc: 64s:", "[powerpc] 32s:", "64e:": the book's digits and its
	 * letter, a platform, "sixty-four S" (no "sixty-four seconds"); a chip,
	 * "rtw88: 8822b:" eighty-eight twenty-two B (no "bits") */
	if (s && !sl && n >= 3 && n <= 6 && all_digit(s, n - 1) && islower((unsigned char)s[n - 1]) && s[0] != '0' &&
	    subject_component(c)) {
		m->a = s;
		m->alen = n - 1;
		m->letters = s + n - 1;
		m->letterslen = 1;
		m->why = "a model number: a component of a subject's prefix, digits and a letter";
		return 1;
	}
	if (!s || an < 3 || an > 5 || !all_digit(s, an) || s[0] == '0' || !subject_component(c) ||
	    (sl && (bn < 1 || bn > 2 || !all_digit(sl + 1, bn))))
		return 0;
	m->a = s;
	m->alen = an;
	if (sl) {
		m->after = sl + 1;
		m->afterlen = bn;
	}
	m->why = "a model number: a component of a subject's prefix";
	return 1;
}

/* "Raspberry Pi Zero 2 W", "Pi 3 B": a digit or two and a capital set
 * apart after a board's name of two capitalised words or more is the
 * model's number and letter, "Zero two W", not two watts; "a 2 W
 * amplifier", "Consumes 2 W" (one capitalised word) stay measures. */
static int m_board_letter(const struct cctx *c, struct match *m)
{
	size_t n, ln, pn, qn;
	const char *s = core(c, c->i, &n), *l = core(c, c->i + 1, &ln), *p = core(c, c->i - 1, &pn),
		   *q = core(c, c->i - 2, &qn);
	if (!s || !l || !p || !q || n > 2 || !all_digit(s, n) || s[0] == '0' || ln != 1 || !isupper((unsigned char)l[0]) ||
	    !joined(c, c->i) || c->t[c->i + 1].lead || c->t[c->i - 1].trail || c->t[c->i - 2].trail || c->t[c->i].lead)
		return 0;
	if (pn < 2 || qn < 2 || !isupper((unsigned char)p[0]) || !isupper((unsigned char)q[0]) || !all_alpha(p, pn) ||
	    !all_alpha(q, qn) || all_upper(p, pn) || all_upper(q, qn))
		return 0;
	m->ntok = 2;
	m->a = s;
	m->alen = n;
	m->letters = l;
	m->letterslen = 1;
	m->why = "a board's model: two capitalised words, a number and a capital set apart";
	return 1;
}

/* A test robot's parameter line, "nr_task: 8t", "nr_threads: 16t",
 * "runtime: 300s": the value after a parameter's name and its colon is a
 * count of tasks or threads with t (not tonnes), a time in seconds with s
 * (not "three hundreds"); t after another name is its letter. */
static int m_param_value(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || !p || n < 2 || n > 6 || !strchr("tsgm", s[n - 1]) || !all_digit(s, n - 1) ||
	    c->t[c->i].lead || c->t[c->i - 1].trail != 1 || c->t[c->i - 1].raw[c->t[c->i - 1].rawlen - 1] != ':')
		return 0;
	for (size_t i = 0; i < pn; i++)
		if (!islower((unsigned char)p[i]) && p[i] != '_')
			return 0;
	int task = find_str(p, pn, "task") != NULL, thread = find_str(p, pn, "thread") != NULL;
	int timed = find_str(p, pn, "time") || find_str(p, pn, "duration") || find_str(p, pn, "delay") ||
		    find_str(p, pn, "interval") || find_str(p, pn, "period");
	/* "test_size: 256g", "size: 1t": a size in small letters after a
	 * name of size is bytes, not grams or tonnes */
	int sized = find_str(p, pn, "size") != NULL && strchr("gmt", s[n - 1]) && (s[n - 1] != 't' || (!task && !thread));
	if (sized) {
		int one = n == 2 && s[0] == '1';
		m->a = s;
		m->alen = n - 1;
		m->say = s[n - 1] == 'g' ? (one ? "gigabyte" : "gigabytes") : s[n - 1] == 'm' ? (one ? "megabyte" : "megabytes") :
			 (one ? "terabyte" : "terabytes");
		m->why = "a test parameter's size: bytes";
		return 1;
	}
	if (s[n - 1] == 'm' && timed) {     /* "timeout: 5m": minutes, not metres */
		m->a = s;
		m->alen = n - 1;
		m->say = n == 2 && s[0] == '1' ? "minute" : "minutes";
		m->why = "a test parameter's time: m minutes";
		return 1;
	}
	if ((s[n - 1] == 's' && !timed) || s[n - 1] == 'g' || s[n - 1] == 'm')
		return 0;
	if (s[n - 1] == 't' && !memchr(p, '_', pn) && !task && !thread)
		return 0;
	m->a = s;
	m->alen = n - 1;
	int one = n == 2 && s[0] == '1';
	m->say = s[n - 1] == 's' ? (one ? "second" : "seconds") : task ? (one ? "task" : "tasks") :
		 thread ? (one ? "thread" : "threads") : "T";
	m->why = "a test parameter's value: t a count of tasks or threads, s seconds";
	return 1;
}

/* A chip's or a GPU's part number: three or four digits and capitals
 * ("852GM", "3920XM", "3667U"), the shape m_model_units lists. */
static int part_shape(const char *s, size_t n, size_t *dl)
{
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (d < 3 || d > 4 || s[0] == '0' || n - d < 1 || n - d > 2)
		return 0;
	for (size_t i = d; i < n; i++)
		if (!isupper((unsigned char)s[i]))
			return 0;
	*dl = d;
	return 1;
}


/* Brands and lines a chip's part number follows: "Core i7 3520M", "GeForce 840M". */
static const char *const part_brands[] = {
	"i3", "i5", "i7", "i9", "Core", "Intel", "AMD", "Nvidia", "NVIDIA", "GeForce", "Radeon", "Quadro",
	"Xeon", "Celeron", "Pentium", "Atom", "Ryzen", "Athlon", "Snapdragon", "Exynos", "Tegra",
};
/* Nouns after a list of part numbers: "the 830M, 845G and 965G chipsets". */
static const char *const part_nouns[] = {
	"graphics", "gpus", "cpus", "models", "model", "igp", "igps", "gmch", "northbridge", "northbridges",
};

/* "830M, 845G, 852GM and 965G chipsets", "i7 3520M": three or four digits
 * and a unit's capital (M, G, K, T) are a chip's part number, said as a
 * model and its letter, when a brand is before it, a device's noun after
 * it or after its list, or another of its list has letters no unit has
 * ("852GM", "3667U"); a power of two stays a size ("512M"), a list of
 * sizes stays sizes ("100M, 200M and 400M links"). */
static int m_model_units(const struct cctx *c, struct match *m)
{
	size_t n, d, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || !part_shape(s, n, &d) || n - d != 1 || !strchr("MGKT", s[d]) || c->t[c->i].lead)
		return 0;
	long long v = num_parse(s, d);
	if ((v & (v - 1)) == 0 || v % 100 == 0)
		return 0;
	int ok = p && !c->t[c->i - 1].trail && IN(part_brands, p, pn);
	/* the list about it: items joined by commas, "and" or "or" */
	int first = c->i, last = c->i;
	for (;;) {
		size_t an, bn, dl;
		const char *a = core(c, first - 1, &an), *b = core(c, first - 2, &bn);
		if (a && comma_after(c, first - 1) && part_shape(a, an, &dl))
			first--;
		else if (a && b && IN(and_or, a, an) && !c->t[first - 1].trail && (comma_after(c, first - 2) || !c->t[first - 2].trail) &&
			 part_shape(b, bn, &dl))
			first -= 2;
		else
			break;
	}
	for (;;) {
		size_t an, bn, dl;
		const char *a = core(c, last + 1, &an), *b = core(c, last + 2, &bn);
		if (a && comma_after(c, last) && part_shape(a, an, &dl))
			last++;
		else if (a && b && (!c->t[last].trail || comma_after(c, last)) && IN(and_or, a, an) && !c->t[last + 1].trail && part_shape(b, bn, &dl))
			last += 2;
		else
			break;
	}
	size_t nn;
	const char *nx = joined(c, last) ? core(c, last + 1, &nn) : NULL;
	if (nx && (IN(model_nouns_after, nx, nn) || IN(model_nouns_plural, nx, nn) || IN(part_nouns, nx, nn)))
		ok = 1;
	for (int k = first; k <= last && !ok; k++) {
		size_t an, dl;
		const char *a = core(c, k, &an);
		if (a && part_shape(a, an, &dl) && (an - dl == 2 || !strchr("MGKTBW", a[dl])))
			ok = 1;
	}
	if (!ok)
		return 0;
	m->a = s;
	m->alen = d;
	m->letters = s + d;
	m->letterslen = 1;
	m->why = "a part number: digits and a unit's capital after a brand, before a device or in a list of parts";
	return 1;
}

/* "Spec v. 20191213", "driver v. 2.1": a small v with its stop before a
 * number is "version" (a capital V. is an initial, a v before a name
 * "versus"); espeak-ng would say the letter. */
static int m_version_abbr(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn);
	const struct tok *t = &c->t[c->i];
	if (!s || !nx || n != 1 || s[0] != 'v' || t->lead || t->trail != 1 || t->raw[t->rawlen - 1] != '.' ||
	    !isdigit((unsigned char)nx[0]) || c->t[c->i + 1].lead)
		return 0;
	m->say = "version";
	m->dot = 1;
	m->why = "a small v and its stop before a number: version";
	return 1;
}

/* "i.MX 8M Plus", "i.MX 8MP", "i.MX 6ULL", "i.MX 93": a digit or two and
 * capitals set apart after a SoC line written with a small letter and a
 * dot (i.MX, as speech_shape.c says it) is the line's model, said as a
 * number and its letters, not a size (eight megabytes). */
static int m_chip_line_model(const struct cctx *c, struct match *m)
{
	size_t n, pn, d = 0;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || !p || pn != 4 || strncasecmp(p, "i.mx", 4) != 0 || c->t[c->i - 1].trail || c->t[c->i].lead)
		return 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	if (d < 1 || d > 2 || n - d > 4 || s[0] == '0')
		return 0;
	for (size_t i = d; i < n; i++)
		if (!isupper((unsigned char)s[i]))
			return 0;
	m->a = s;
	m->alen = d;
	if (n > d) {
		m->letters = s + d;
		m->letterslen = n - d;
	}
	m->why = "a SoC line's model: digits and capitals after i.MX";
	return 1;
}

/* "the 13" model", "a 15.6" panel", "MacBook Pro 14"": a screen's or a
 * disk's size, a number of one or two digits (and a tenth) with an inch's
 * mark and no quotation open before it in the sentence, is said with
 * "inch", as a host reads it ("thirteen inch"), not dropped as a quote. */
static int m_inch_mark(const struct cctx *c, struct match *m)
{
	static const struct unit inch = {"\"", "inch", "inches", 0};
	size_t n;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	if (!s || !t->trail || t->lead || s[n] != '"' || !isdigit((unsigned char)s[0]) || s[0] == '0')
		return 0;
	size_t j = 0;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (j > 2 || (j < n && !(n == j + 2 && s[j] == '.' && isdigit((unsigned char)s[j + 1]))))
		return 0;
	long long v = num_parse(s, j);
	if (v < 1 || v > 99)
		return 0;
	/* a quotation open before it (a mark opening a token, none closing one
	 * since: "size 13"") makes the mark its end */
	int open = 0;
	for (int k = 0; k < c->i; k++) {
		const struct tok *q = &c->t[k];
		if (memchr(q->raw, '"', q->lead))
			open = 1;
		if (open && q->trail && memchr(q->raw + q->rawlen - q->trail, '"', q->trail))
			open = 0;
	}
	if (open)
		return 0;
	m->unit = &inch;
	m->adjective = 1;
	m->a = s;
	m->alen = n;
	m->why = "a size in inches: a number and an inch's mark, no quotation open";
	return 1;
}

/* Dell 7420, Intel 8086: a number after a brand is a model number. */
static int m_model(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	/* "Aspire 4810T", "Lenovo 300T": a capital after the digits is the
	 * model's letter, no unit (4810 terabytes), unless the number is a
	 * power of two */
	/* "Xeon Platinum 8592+", "Xeon 8462Y+": a model and its plus, after a
	 * capitalised brand (the brand test below) */
	int mplus = s && n >= 5 && n <= 7 && s[n - 1] == '+' && isdigit((unsigned char)s[0]);
	if (mplus)
		n--;
	size_t tl = 0;
	if (s && n >= 4 && n <= 6 && isupper((unsigned char)s[n - 1]) && all_digit(s, n - 1)) {
		long long v2 = num_parse(s, n - 1);
		if (v2 > 0 && (v2 & (v2 - 1)) == 0)
			return 0;     /* "Allow 256K early ioremap": a size, a power of two */
		/* "TDP 170W", "PPT 230W", "PL2 253W": after a word of power a W
		   is watts */
		static const char *const power_words[] = {"TDP", "cTDP", "PPT", "TBP", "TGP", "PSU", "PL1", "PL2",
							  "PL4", "power"};
		if (s[n - 1] == 'W' && p && IN(power_words, p, pn))
			return 0;
		tl = 1;
	}
	n -= tl;
	if (!s || !p || n < 3 || n > 5 || !all_digit(s, n) || s[0] == '0' || c->t[c->i - 1].trail)
		return 0;
	if (mplus && (n != 4 || !brand_word(p, pn) || count_shaped(num_parse(s, n))))
		return 0;
	m->plus = mplus;
	if (tl) {
		m->letters = s + n;
		m->letterslen = tl;
	}
	/* after an ID word, or after "and" that follows one: "IDs 1883 and 1886" */
	size_t qn;
	const char *q = core(c, c->i - 2, &qn), *r = NULL;
	size_t rn = 0;
	if (q && pn == 3 && strncasecmp(p, "and", 3) == 0)
		r = core(c, c->i - 3, &rn);
	if (IN(id_words, p, pn) || (q && pn == 3 && strncasecmp(p, "and", 3) == 0 && all_digit(q, qn) &&
				     r && IN(id_words, r, rn))) {
		m->a = s;
		m->alen = n;
		m->why = "a model number: after a word that names a thing (id_words)";
		return 1;
	}
	/* not "16 GB 3200 MHz": a unit after a number, and a speed */
	size_t un;
	const char *u = core(c, c->i + 1, &un);
	if (all_upper(p, pn) && IN(standard_codes, p, pn) && !(q && isdigit((unsigned char)q[0]) && !c->t[c->i - 2].trail) &&
	    !(u && find_unit(u, un, 1))) {
		m->a = s;
		m->alen = n;
		m->why = "a standard's number after its code (standard_codes)";
		return 1;
	}
	long long v = num_parse(s, n);
	/* "LGA 1700", "FCLGA 1151": a socket's number after its package's
	 * code; "M.2 2280": a card's size code after M.2; models even with a
	 * year's shape (not "one thousand seven hundred") */
	static const char *const socket_codes[] = {"LGA", "FCLGA", "BGA", "FCBGA", "PGA", "M.2"};
	/* "M.2 M-Key 2230", "a B+M-Key 2242 card", "M.2 Key-B 3042": an M.2
	 * card's key (A, B, E, M, or two joined by +, before or after "Key")
	 * before its size code, 22.. or 30.. (twenty-two thirty, not two
	 * thousand two hundred thirty), as after M.2 alone */
	int keyed = (pn >= 5 && pn <= 7 && strncasecmp(p + pn - 4, "-key", 4) == 0 && strspn(p, "ABEM+") == pn - 4 &&
		     p[0] != '+') ||
		    (pn == 5 && strncasecmp(p, "key-", 4) == 0 && strchr("ABEM", p[4]));
	int card_size = n >= 4 && ((s[0] == '2' && s[1] == '2') || (s[0] == '3' && s[1] == '0'));
	if ((IN(socket_codes, p, pn) || keyed) && !tl && n >= 3 &&
	    (pn != 3 || p[1] != '.' || (n >= 4 && s[0] == '2' && s[1] == '2')) && (!keyed || card_size)) {
		m->a = s;
		m->alen = n;
		m->why = keyed ? "a model number: an M.2 card's size after its key" :
				 "a model number: a socket's number after its package, or an M.2 card's size (socket_codes)";
		return 1;
	}
	if (v >= 1000 && v <= 2099)
		return 0;
	/* a brand's model of capitals and digits before it, the brand before
	 * that: "Dell G15 5510" (fifty-five ten, was five thousand five hundred
	 * ten), "Lenovo T14 3250"; the brand a capitalised word, no common
	 * one ("The MT7921 1234 bug") */
	int code = 0;
	char ql[24] = "";
	if (q && qn < sizeof ql)
		for (size_t i = 0; i <= qn; i++)
			ql[i] = i < qn ? (char)tolower((unsigned char)q[i]) : 0;
	if (pn >= 2 && pn <= 5 && isupper((unsigned char)p[0]) && q && qn >= 3 && qn < sizeof ql &&
	    isupper((unsigned char)q[0]) && all_alpha(q, qn) && !all_upper(q, qn) && !c->t[c->i - 2].trail &&
	    !IN(count_words_before, q, qn) && !IN(count_cues, q, qn) && !IN(year_cues, q, qn) &&
	    !words_common(ql, qn, 35)) {
		size_t L = 0;
		while (L < pn && isupper((unsigned char)p[L]))
			L++;
		code = L >= 1 && L <= 3 && pn - L >= 1 && pn - L <= 3 && all_digit(p + L, pn - L);
	}
	/* "Ryzen 5 8600G", "Core Ultra 7 258V": a tier's digit after a
	 * processor line, then the model and its letter (not gigabytes, not
	 * volts) */
	int tier = tl && pn == 1 && isdigit((unsigned char)p[0]) && q && !c->t[c->i - 2].trail && brand_word(q, qn);
	if (!code && !tier && !brand_word(p, pn))
		return 0;
	size_t nn;
	const char *nx = core(c, c->i + 1, &nn);
	/* "EPYC 9004 CPUs", "Xeon 6148 CPUs": four digits after a brand, no
	 * count's shape (a power of two, a round hundred, a year), before
	 * the processors they name are the line's model (not "AMD 1200 CPUs") */
	long long mv = num_parse(s, n);
	int line = nx && nn == 4 && strncasecmp(nx, "cpus", 4) == 0 && n == 4 && !tl && !count_shaped(mv) &&
		   mv % 100 != 0;
	if (nx && (find_unit(nx, nn, 1) || IN(count_nouns, nx, nn)) && !line)
		return 0;
	/* "Viresh Kumar 16782 2.4%": a count in a table's row, a share of the
	 * whole after it (a percentage, or another number and one), not a
	 * model after a brand */
	if (nx && isdigit((unsigned char)nx[0]) && (nx[nn - 1] == '%' || c->i + 2 < c->nt)) {
		size_t n2;
		const char *x2 = core(c, c->i + 2, &n2);
		if (nx[nn - 1] == '%' || (all_digit(nx, nn) && x2 && isdigit((unsigned char)x2[0]) && x2[n2 - 1] == '%'))
			return 0;
	}
	/* "Nature 358, 560 - 563", "Science 287 (5460)": a journal's volume before its pages or issue */
	const struct tok *t = &c->t[c->i];
	if (nx && isdigit((unsigned char)nx[0]) &&
	    ((t->trail && t->raw[t->rawlen - 1] == ',') || (n <= 3 && c->t[c->i + 1].lead && c->t[c->i + 1].raw[0] == '(')))
		return 0;
	m->a = s;
	m->alen = n;
	return 1;
}

/* The value of a Roman numeral of I, V and X (1 to 39), with L of three letters or more (41 to 89), or 0. */
static int roman_value(const char *s, size_t n)
{
	if (!n || n > 8 || (s[0] != 'I' && s[0] != 'V' && s[0] != 'X' && s[0] != 'L'))
		return 0;
	static const char *const forms[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
		"XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII",
		"XXIV", "XXV", "XXVI", "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII",
		"XXXIII", "XXXIV", "XXXV", "XXXVI", "XXXVII", "XXXVIII", "XXXIX",
	};
	for (size_t i = 0; i < ARRAY_LEN(forms); i++)
		if (strlen(forms[i]) == n && memcmp(forms[i], s, n) == 0)
			return (int)i + 1;
	/* 41 to 89 with an L, of three letters or more: "Super Bowl XLI",
	 * "LXV" (XL, LX, LI, LV of two letters are sizes and names) */
	if (n >= 3 && (s[0] == 'L' || (s[0] == 'X' && s[1] == 'L'))) {
		size_t k = s[0] == 'L' ? 1 : 2;
		int tens = s[0] == 'L' ? 50 : 40;
		while (s[0] == 'L' && k < n && s[k] == 'X' && tens < 80)
			k++, tens += 10;
		if (k == n)
			return tens;
		int v = roman_value(s + k, n - k);
		return v >= 1 && v <= 9 ? tens + v : 0;
	}
	return 0;
}

/* The value of a Roman numeral in small letters (i to xxxix), or 0. */
static int roman_lower_value(const char *s, size_t n)
{
	char up[8];
	if (!n || n > 7)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] != 'i' && s[i] != 'v' && s[i] != 'x')
			return 0;
		up[i] = (char)toupper((unsigned char)s[i]);
	}
	return roman_value(up, n);
}

/* Abbreviations of words such as Part that a Roman numeral follows with
 * their full stop: "vol. XI", "Vols. II", "ch. IV", "pt. III" (the abbrs
 * table says them in full before the numeral). */
static const char *const roman_part_abbrs[] = {"vol", "vols", "ch", "pt"};

/* Whether token k is such an abbreviation with its full stop and nothing else after it. */
static int roman_abbr_at(const struct cctx *c, int k)
{
	size_t pn;
	const char *p = core(c, k, &pn);
	const struct tok *t = k >= 0 ? &c->t[k] : NULL;
	size_t bn;
	const char *b = core(c, k - 1, &bn);
	return p && t->trail == 1 && t->raw[t->rawlen - 1] == '.' && IN(roman_part_abbrs, p, pn) &&
	       !(b && isdigit((unsigned char)b[0]));   /* "12 pt. V": a point size */
}

/* Whether token k is "p." or "pp.", a page's abbreviation with its stop. */
static int page_abbr_at(const struct cctx *c, int k)
{
	size_t pn;
	const char *p = core(c, k, &pn);
	const struct tok *t = k >= 0 ? &c->t[k] : NULL;
	return p && t->trail >= 1 && t->raw[t->lead + pn] == '.' &&
	       ((pn == 1 && (p[0] == 'p' || p[0] == 'P')) || (pn == 2 && strncasecmp(p, "pp", 2) == 0));
}

/* A page in Roman numerals of small letters after "p." or "pp.": "p. ix"
 * page nine, "pp. xiv-xx" pages fourteen to twenty (a preface's pages). */
static int m_roman_page(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || (!page_abbr_at(c, c->i - 1) && !roman_abbr_at(c, c->i - 1)))
		return 0;
	const char *dash = memchr(s, '-', n);
	size_t an = dash ? (size_t)(dash - s) : n;
	int v = roman_lower_value(s, an), v2 = dash ? roman_lower_value(dash + 1, n - an - 1) : 0;
	if (!v || (dash && v2 <= v))
		return 0;
	m->value = v;
	m->y2 = v2;
	return 1;
}

/* Whether w is a word such as Part, or its plural: "Chapters", "Types". */
static int roman_part(const char *w, size_t n)
{
	if (!w)
		return 0;
	if (IN(roman_part_words, w, n))
		return 1;
	if (n >= 4 && w[n - 1] == 's' && IN(roman_part_words, w, n - 1))
		return 1;
	return n >= 5 && w[n - 2] == 'e' && w[n - 1] == 's' && IN(roman_part_words, w, n - 2);   /* "classes" */
}

/* The token before Roman numeral k in a series ("III and IV", "II, IV"), or -1. */
static int roman_before(const struct cctx *c, int k)
{
	size_t pn;
	const char *p = core(c, k - 1, &pn);
	if (!p)
		return -1;
	if (!c->t[k - 1].trail && ((pn == 3 && strncmp(p, "and", 3) == 0) || (pn == 2 && strncmp(p, "or", 2) == 0) ||
				   (pn == 2 && strncmp(p, "to", 2) == 0)))
		return k - 2;
	return c->t[k - 1].trail == 1 && c->t[k - 1].raw[c->t[k - 1].rawlen - 1] == ',' ? k - 1 : -1;
}

/* Whether token k is a Roman numeral that is a number: three letters or
 * more (not XXX) or II, any after a word such as Part ("Volumes IV"), or
 * the next of a series of such numbers ("II, IV and VI"). */
static int roman_number_at(const struct cctx *c, int k, int depth)
{
	size_t n, pn;
	const char *s = core(c, k, &n), *p = core(c, k - 1, &pn);
	if (!s || n < 2 || !roman_value(s, n))
		return 0;
	if ((n >= 3 && memcmp(s, "XXX", 3) != 0) || (n == 2 && s[0] == 'I' && s[1] == 'I') ||
	    (p && !c->t[k - 1].trail && roman_part(p, pn)) || (p && roman_abbr_at(c, k - 1)))
		return 1;
	int b = roman_before(c, k);
	return b >= 0 && depth < 8 && roman_number_at(c, b, depth + 1);
}

/* Charles V, Guy XIII: the fifth; Part II, Dundee II: two. */
static int m_roman(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	int v = s ? roman_value(s, n) : 0;
	/* "Pentium III-M", "Part II-A": a numeral of two letters or more after
	 * a word such as Part, with a capital or two after a hyphen, is the
	 * number and those letters */
	if (!v && s && p && n >= 4 && !c->t[c->i - 1].trail && roman_part(p, pn) && isupper((unsigned char)p[0])) {
		const char *h = memchr(s, '-', n);
		size_t rn = h ? (size_t)(h - s) : 0, ln = h ? n - rn - 1 : 0;
		if (rn >= 2 && (ln == 1 || ln == 2) && all_upper(h + 1, ln) && all_alpha(h + 1, ln) &&
		    (v = roman_value(s, rn)) != 0) {
			m->value = v;
			m->letters = h + 1;
			m->letterslen = ln;
			m->why = "a number and its letters: a Roman numeral with a hyphen after a word such as Part";
			return 1;
		}
		v = 0;
	}
	if (!v)
		return 0;
	m->value = v;
	/* III, XIV, VIII: a numeral of three letters or more (or II) is no acronym
	 * kernel text writes (XXX is its placeholder), so it is a number wherever it
	 * stands: "anhydrases III and IV", "Prime BEEF III", "Society) IX" stays */
	int numeral = (n >= 3 && memcmp(s, "XXX", 3) != 0) || (n == 2 && s[0] == 'I' && s[1] == 'I');
	const char *why_numeral = "a number: a Roman numeral of three letters or II, no acronym (roman_value)";
	/* the next of a series: "III and IV", "II, IV and VI", "III to IX" */
	int before = n >= 2 ? roman_before(c, c->i) : -1;
	if (before >= 0 && roman_number_at(c, before, 0)) {
		m->why = "a number: the next Roman numeral of a series (III and IV)";
		return 1;
	}
	/* "I. Introduction", "IV. Results": a numeral with a full stop opening
	 * its sentence (a heading, a list item) before a common word that is no
	 * name, or alone, numbers a section ("V. Ramana", "I. Smith" are
	 * initials) */
	const struct tok *me0 = &c->t[c->i];
	size_t wn0;
	const char *w0 = core(c, c->i + 1, &wn0);
	if (c->i == 0 && me0->lead == 0 && me0->trail == 1 && me0->raw[me0->rawlen - 1] == '.' &&
	    (!w0 || (isupper((unsigned char)w0[0]) && !all_upper(w0, wn0) && words_common(w0, wn0, 50) &&
		     !(words_lookup(w0, wn0, NULL) & (WORDS_NAME | WORDS_UPPER))))) {
		m->why = "a number: a Roman numeral with a full stop opening a heading or an item";
		return 1;
	}
	/* "vol. XI", "ch. IV": after a part word's abbreviation with its stop */
	if (p && roman_abbr_at(c, c->i - 1) && !c->t[c->i].lead) {
		m->why = "a number: after an abbreviation such as vol. (roman_part_abbrs)";
		return 1;
	}
	if (!p || c->t[c->i - 1].trail || pn < 2 || !all_alpha(p, pn)) {
		m->why = why_numeral;
		return numeral;
	}
	/* "Jeff V. Merkey": one letter with a full stop before a surname is a
	 * middle initial */
	const struct tok *me = &c->t[c->i];
	size_t sn;
	const char *sur = core(c, c->i + 1, &sn);
	if (n == 1 && me->trail == 1 && me->raw[me->rawlen - 1] == '.' && sur && sn >= 2 &&
	    isupper((unsigned char)sur[0]) && !all_upper(sur, sn)) {
		int sf = words_lookup(sur, sn, NULL);
		if (!words_common(sur, sn, 50) || (sf & (WORDS_NAME | WORDS_UPPER)))
			return 0;
	}
	/* "Part II", "volume IV", "Chapters III" (but "the best part I know": a lone I after a small letter) */
	if (roman_part(p, pn) && (isupper((unsigned char)p[0]) || v > 1)) {
		m->why = "a number: after a word such as Part (roman_part_words)";
		return 1;
	}
	/* "merge window, part I" ends a heading or a clause: a lone I after
	 * such a word in small letters, with nothing after it or a stop, is
	 * the number ("the part I think" keeps the pronoun) */
	if (n == 1 && roman_part(p, pn) && !core(c, c->i + 1, &(size_t){0})) {
		m->why = "a number: after a word such as part, ending the text (roman_part_words)";
		return 1;
	}
	if (n == 1 && roman_part(p, pn) && me->trail && strchr(",.;:)", me->raw[me->rawlen - me->trail])) {
		m->why = "a number: after a word such as part, before a stop (roman_part_words)";
		return 1;
	}
	/* "the LIX Legislature", "the III Corps", "the XIV century": a numeral
	 * between "the" and a capitalised noun (or century, dynasty) numbers it
	 * in order, "the fifty-ninth Legislature" */
	size_t nn1;
	const char *n1 = core(c, c->i + 1, &nn1);
	static const char *const ordinal_nouns[] = {"century", "centuries", "dynasty", "millennium"};
	if (numeral && pn == 3 && strncasecmp(p, "the", 3) == 0 && !me->trail && n1 && nn1 >= 2 &&
	    ((isupper((unsigned char)n1[0]) && !all_upper(n1, nn1) && all_alpha(n1, nn1)) || IN(ordinal_nouns, n1, nn1))) {
		m->why = "an ordinal: a Roman numeral between the and a capitalised noun";
		m->nth = 2;
		return 1;
	}
	if (!isupper((unsigned char)p[0]) || all_upper(p, pn)) {
		m->why = why_numeral;
		return numeral;
	}
	int size;
	int fl = words_lookup(p, pn, &size);
	size_t ppn, nxn;
	const char *pp = core(c, c->i - 2, &ppn), *nx = core(c, c->i + 1, &nxn);
	/* alone, or the last of a person's names: "John Jacob Astor IV", "Pope
	 * John Paul II" (a game's "Grand Theft Auto IV" has words between) */
	int pfl = pp && ppn >= 2 && all_alpha(pp, ppn) && !all_upper(pp, ppn) ? words_lookup(pp, ppn, &size) : 0;
	int alone = !pp || c->t[c->i - 2].trail || !isupper((unsigned char)pp[0]) || IN(regnal_titles, pp, ppn) ||
		    ((pfl & (WORDS_NAME | WORDS_UPPER)) && !(pfl & WORDS_WORD));
	/* "I" after a name is the pronoun ("Then I", "Linus I think"), unless a
	 * punctuation mark or "of" ends the name: "Catherine I,", "Queen
	 * Elizabeth I of England" */
	if (n == 1 && v == 1) {
		const struct tok *t = &c->t[c->i];
		int ends = (t->trail && strchr(",.;:)", t->raw[t->rawlen - t->trail])) ||
			   (nx && nxn == 2 && strncmp(nx, "of", 2) == 0);
		if (!ends || !(fl & (WORDS_NAME | WORDS_UPPER)) || !alone)
			return 0;
	}
	if ((fl & (WORDS_NAME | WORDS_UPPER)) && alone) {
		m->why = "a regnal number: after a name (scowl), not after another capitalised word";
		m->nth = 1;
		return 1;
	}
	if (n == 1)
		return 0;
	/* "Avoid IV reuse": a common word capitalised only because it starts
	 * the sentence names nothing that is numbered */
	int starts = !pp || (c->t[c->i - 2].trail && strchr(".!?:", c->t[c->i - 2].raw[c->t[c->i - 2].rawlen - 1]));
	/* "<iv_offset> The IV offset": an article in capitals opens a sentence
	 * wherever it stands (after a term, a field's name), numbering nothing */
	static const char *const articles[] = {"the", "a", "an"};
	starts |= IN(articles, p, pn);
	char low[32];
	if (starts && pn < sizeof low && !IN(roman_part_words, p, pn)) {
		for (size_t k = 0; k < pn; k++)
			low[k] = (char)tolower((unsigned char)p[k]);
		int lf = words_lookup(low, pn, &size);
		if ((lf & WORDS_WORD) && !(fl & WORDS_NAME) && words_common(low, pn, 50)) {
			m->why = why_numeral;
			return numeral;
		}
	}
	m->why = "a number: after a capitalised word";
	return 1;
}

/* abbrs[] by first letter, so that a token is compared with the entries
 * of its own letter only: abbr_at[abbr_from[c] .. abbr_from[c + 1]) are
 * the indices of the entries written with c first, in the table's order. */
static unsigned char abbr_at[ARRAY_LEN(abbrs)];
static unsigned short abbr_from[257];
static pthread_once_t abbr_once = PTHREAD_ONCE_INIT;
_Static_assert(ARRAY_LEN(abbrs) <= 256, "abbr_at holds a byte");

static void abbr_index(void)
{
	unsigned short fill[256];
	for (size_t i = 0; i < ARRAY_LEN(abbrs); i++)
		abbr_from[(unsigned char)abbrs[i].written[0] + 1]++;
	for (int c = 0; c < 256; c++)
		abbr_from[c + 1] = (unsigned short)(abbr_from[c + 1] + abbr_from[c]);
	memcpy(fill, abbr_from, sizeof fill);
	for (size_t i = 0; i < ARRAY_LEN(abbrs); i++)
		abbr_at[fill[(unsigned char)abbrs[i].written[0]]++] = (unsigned char)i;
}

/* Abbreviations by the table abbrs[]. */
/* A month's name or its abbreviation, "Jun", "June" (month_of on a token) */
/* Words before a month written short with its full stop and no day: "as
 * of Sept.", "in Feb.", "until Aug." */
static const char *const month_cues[] = {
	"in", "of", "since", "until", "till", "by", "from", "before", "after", "through", "during",
	"early", "late", "mid", "or", "and", "to", "last", "next", "this", "each", "every", "for", "the",
};

/* Words before "gen" that make it a generation, not a general: "next gen
 * Intel", "same gen Xeon" (an ordinal does too: ordinal_word). */
static const char *const gen_cues[] = {
	"next", "last", "previous", "current", "new", "same", "this", "that", "each", "every",
	"older", "newer", "latest", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
	"eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
};

/* "10th", "2nd", "3rd", "21st": digits and an ordinal's ending. */
static int ordinal_word(const char *s, size_t n)
{
	size_t d = 0;
	while (d < n && isdigit((unsigned char)s[d]))
		d++;
	return d >= 1 && n - d == 2 &&
	       (!strncasecmp(s + d, "th", 2) || !strncasecmp(s + d, "st", 2) || !strncasecmp(s + d, "nd", 2) ||
		!strncasecmp(s + d, "rd", 2));
}

static int month_of_abbr(const char *s, size_t n)
{
	char w[16];
	if (n >= sizeof w)
		return 0;
	memcpy(w, s, n);
	w[n] = 0;
	return month_of(w);
}

/* Whether the token two after the current one is a month's name ("Sun 01
 * October"): the weekday's date is written day first without a comma. */
static int weekday_month_after(const struct cctx *c)
{
	size_t n;
	const char *w = core(c, c->i + 2, &n);
	return w && n >= 3 && month_of_abbr(w, n);
}

/* "San Diego, CA, USA", "Austin, TX, US": a state's postal code between a
 * place's name and the country, each after its comma, is the state's name.
 * Only with the country after it: "CA" alone is often a certificate authority. */
static const struct {
	const char code[3], *name;
} us_states[] = {
	{"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"},
	{"CA", "California"}, {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"},
	{"DC", "D-C"}, {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"},
	{"IL", "Illinois"}, {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"},
	{"KY", "Kentucky"}, {"LA", "Louisiana"}, {"ME", "Maine"}, {"MD", "Maryland"},
	{"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"}, {"MS", "Mississippi"},
	{"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
	{"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
	{"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"},
	{"OR", "Oregon"}, {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"},
	{"SD", "South Dakota"}, {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"},
	{"VT", "Vermont"}, {"VA", "Virginia"}, {"WA", "Washington"}, {"WV", "West Virginia"},
	{"WI", "Wisconsin"}, {"WY", "Wyoming"},
};

static int m_us_state(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	if (!s || n != 2 || !p || !nx || c->i < 1)
		return 0;
	const struct tok *t = &c->t[c->i], *pt = &c->t[c->i - 1];
	if (t->trail != 1 || t->raw[t->rawlen - 1] != ',' || pt->trail < 1 || pt->raw[pt->rawlen - 1] != ',' ||
	    !isupper((unsigned char)p[0]) || !all_alpha(p, pn) || c->t[c->i + 1].lead)
		return 0;
	if (!((nn == 3 && memcmp(nx, "USA", 3) == 0) || (nn == 2 && memcmp(nx, "US", 2) == 0) ||
	      (nn == 5 && memcmp(nx, "U.S.A", 5) == 0) || (nn == 3 && memcmp(nx, "U.S", 3) == 0)))
		return 0;
	for (size_t k = 0; k < ARRAY_LEN(us_states); k++)
		if (memcmp(us_states[k].code, s, 2) == 0) {
			m->say = us_states[k].name;
			m->why = "a state's postal code between a place's name and the country";
			return 1;
		}
	return 0;
}


static int m_abbr(const struct cctx *c, struct match *m)
{
	size_t n, nn, pn;
	const char *s = core(c, c->i, &n);
	if (!s || n > 8)
		return 0;
	const char *nx = core(c, c->i + 1, &nn), *p = core(c, c->i - 1, &pn);
	const struct tok *t = &c->t[c->i];
	int dot = t->trail && t->raw[t->lead + n] == '.';
	/* "p.82": the abbreviation glued to its number */
	size_t an = n, glued = 0;
	const char *gd = memchr(s, '.', n);
	if (gd && gd > s && gd + 1 < s + n && all_digit(gd + 1, n - (size_t)(gd - s) - 1) &&
	    all_alpha(s, (size_t)(gd - s))) {
		an = (size_t)(gd - s);
		glued = n - an - 1;
	}
	pthread_once(&abbr_once, abbr_index);
	unsigned c0 = (unsigned char)tolower((unsigned char)s[0]);
	for (unsigned k = abbr_from[c0]; k < abbr_from[c0 + 1]; k++) {
		const struct abbr *a = &abbrs[abbr_at[k]];
		if (strlen(a->written) != an || strncasecmp(a->written, s, an) != 0)
			continue;
		int ok = 0;
		switch (a->when) {
		case A_ALWAYS:
			ok = !glued;
			/* a company's "Inc" has its capital; "inc" in small letters is
			 * kernel text's increment ("do not inc copied_seq") */
			if (!strcmp(a->written, "inc") && islower((unsigned char)s[0]))
				ok = 0;
			/* "esp." and "esp when" are especially; kernel text's ESP
			 * (IPsec's payload, the EFI partition) is a name: "esp: fix",
			 * "the esp code", "esp4" */
			if (!strcmp(a->written, "esp") && !dot) {
				static const char *const before_name[] = {
					"the", "a", "an", "this", "that", "its", "of", "in", "on", "to", "for", "and", "or",
					"with", "from", "via", "by", "over", "into", "your", "my", "our",
				};
				ok = ok && islower((unsigned char)s[0]) && !t->trail && nx && islower((unsigned char)nx[0]) &&
				     !(p && IN(before_name, p, pn));
			}
			/* "new hw mitigations": hw and sw in small letters only (HW keeps its letters) */
			if ((!strcmp(a->written, "hw") || !strcmp(a->written, "sw")) && !(islower((unsigned char)s[0]) && islower((unsigned char)s[1])))
				ok = 0;
			break;
		case A_NUMBER_AFTER:
			/* "p. ix": a page in Roman numerals of small letters */
			if (!glued && page_abbr_at(c, c->i) && nx && !c->t[c->i + 1].lead &&
			    roman_lower_value(nx, memchr(nx, '-', nn) ? (size_t)((const char *)memchr(nx, '-', nn) - nx) : nn)) {
				ok = 1;
				break;
			}
			/* "vol. XI", "ch. IV", "vol. ii": a Roman numeral after a part word's abbreviation */
			if (!glued && roman_abbr_at(c, c->i) && nx && !c->t[c->i + 1].lead &&
			    (roman_value(nx, nn) || roman_lower_value(nx, nn))) {
				ok = 1;
				break;
			}
			/* "Papers of Eisenhower, vol.": a volume's abbreviation with its stop ending the sentence */
			if (!glued && dot && !nx && an >= 3 && strncasecmp(s, "vol", 3) == 0 && t->trail == 1) {
				ok = 1;
				break;
			}
			/* "pp: 1 - 18": a colon after an abbreviation of two letters or more */
			ok = glued || (nx && isdigit((unsigned char)nx[0]) &&
				       (dot || joined(c, c->i) || (an > 1 && t->trail == 1 && s[n] == ':')) &&
				       (an > 1 || dot) && !c->t[c->i + 1].lead);
			/* "Jonathan P. (2010)", "William P. 1890": a capital initial after a name */
			if (ok && an == 1 && isupper((unsigned char)s[0]) && p && isupper((unsigned char)p[0]))
				ok = 0;
			break;
		case A_NAME_AFTER:
			ok = !glued && nx && isupper((unsigned char)nx[0]) && (dot || islower((unsigned char)s[0]));
			/* "10th gen Core", "a 4th gen Xeon", "next gen Intel": after
			 * an ordinal or a word of sequence, gen is a generation */
			if (ok && !dot && !strcmp(a->written, "gen") && p &&
			    (IN(gen_cues, p, pn) || ordinal_word(p, pn)))
				ok = 0;
			/* "mr and mrs Godwin": a person's title before "and" and a second one */
			if (!glued && !ok && nx && nn == 3 && strncasecmp(nx, "and", 3) == 0 &&
			    (dot || islower((unsigned char)s[0])) && IN(person_titles, s, an)) {
				size_t tn;
				const char *t2 = core(c, c->i + 2, &tn);
				ok = t2 && IN(person_titles, t2, tn);
			}
			break;
		case A_REVISION:
			/* "Rev. B boards", "the rev 2 PCB": one capital that is no
			 * initial (no full stop of its own: "Rev. J. Smith" is the
			 * reverend) or a number of one or two digits after it */
			ok = !glued && nx && !c->t[c->i + 1].lead &&
			     ((nn == 1 && isupper((unsigned char)nx[0])) || (nn <= 2 && all_digit(nx, nn)));
			if (ok && nn == 1 && c->t[c->i + 1].trail && c->t[c->i + 1].raw[c->t[c->i + 1].lead + 1] == '.') {
				size_t n2;
				const char *x2 = core(c, c->i + 2, &n2);
				ok = !(x2 && isupper((unsigned char)x2[0]));
			}
			break;
		case A_YEAR_AFTER:
			ok = !glued && dot && islower((unsigned char)s[0]) && nx && nn >= 3 && nn <= 4 && all_digit(nx, nn);
			/* "d.1934", "c.1850": the year glued after the full stop */
			if (glued >= 3 && glued <= 4 && islower((unsigned char)s[0])) {
				m->y1 = (int)num_parse(gd + 1, glued);
				ok = m->y1 >= 100 && m->y1 <= 2099;
			}
			break;
		case A_PAREN_OPEN:
			/* "(ex, jemalloc, tcmalloc)": the writer's e.g.; an ex
			 * anywhere else is the word ("an ex of mine") */
			ok = !glued && islower((unsigned char)s[0]) && t->lead == 1 && t->raw[0] == '(' && t->trail &&
			     strchr(",:.", t->raw[t->lead + n]) && nx;
			break;
		case A_WEEKDAY:
			/* capitalised, before a day of the month or a month: "Sun, 5 May" but not "the Sun 5 times" */
			ok = !glued && isupper((unsigned char)s[0]) && nx &&
			     ((nn <= 2 && all_digit(nx, nn) && num_parse(nx, nn) >= 1 && num_parse(nx, nn) <= 31 &&
			       (t->trail || dot)) ||
			      (nn >= 3 && month_of_abbr(nx, nn)) ||
			      /* "Sun 01 October 2023", "Mon 3 June": no comma, before a day
			       * of the month and a month's name (not "the Sun 4 server") */
			      (nn <= 2 && all_digit(nx, nn) && num_parse(nx, nn) >= 1 && num_parse(nx, nn) <= 31 &&
			       !t->trail && !c->t[c->i + 1].trail && weekday_month_after(c)) ||
			      /* "On Wed, 2007-04-11 at 15:30": before a date written year first,
			       * "since Tue 2024-11-12 20:00:12 CET" (systemd's, no comma) */
			      (nn == 10 && all_digit(nx, 4) && nx[4] == '-' && nx[7] == '-' &&
			       all_digit(nx + 5, 2) && all_digit(nx + 8, 2)) ||
			      /* "On Tue 21-04-26 16:02:38": before a date written day first (mutt's attribution) */
			      (nn == 8 && all_digit(nx, 2) && nx[2] == '-' && all_digit(nx + 3, 2) && nx[5] == '-' &&
			       all_digit(nx + 6, 2)));
			break;
		case A_NUMBER_NEAR:
			ok = !glued && isupper((unsigned char)s[0]) &&
			     ((nx && isdigit((unsigned char)nx[0])) || (p && isdigit((unsigned char)p[0])));
			/* "as of Sept.", "in Feb. or Mar.", "until Aug. next year":
			 * with its full stop, capitalised and after a word of time,
			 * a month without its day (not "by Jan. Kara": a name after
			 * "by" is the person's) */
			if (!ok && !glued && dot && an >= 3 && isupper((unsigned char)s[0]) && islower((unsigned char)s[1]) &&
			    p && IN(month_cues, p, pn) &&
			    !(nx && isupper((unsigned char)nx[0]) && pn == 2 && strncasecmp(p, "by", 2) == 0))
				ok = 1;
			/* "08:15:09, Jan Kara wrote", "In 2023, Jan Smith joined": after
			 * a number and its comma, before a capitalised word, it is a
			 * first name (a month there has its day or year after it) */
			if (ok && !dot && !(nx && isdigit((unsigned char)nx[0])) && p && c->t[c->i - 1].trail &&
			    memchr(p + pn, ',', c->t[c->i - 1].trail) && nx && nn >= 2 && isupper((unsigned char)nx[0]) &&
			    all_alpha(nx, nn) && !month_of_abbr(nx, nn))
				ok = 0;
			break;
		}
		/* "No" before a number is the word unless it ends in a full stop or is capitalised */
		if (ok && an == 2 && strncasecmp(s, "no", 2) == 0 && !dot && !isupper((unsigned char)s[0]))
			ok = 0;
		if (!ok) {
			m->y1 = 0;
			continue;
		}
		m->say = a->said;
		m->cap = isupper((unsigned char)s[0]) != 0;
		m->a = glued ? gd + 1 : NULL;
		m->alen = glued;
		m->dot = dot;
		return 1;
	}
	return 0;
}

/* "2024/4/10", "2022/9/3": year/month/day with the month or the day in one
 * digit (Thunderbird's attribution in a Chinese locale writes them so;
 * 2024/04/10 is parse_date's). */
static int ymd_short(const char *s, size_t n, int *y, int *mo, int *d)
{
	if (n < 8 || n > 10 || !all_digit(s, 4) || s[4] != '/')
		return 0;
	const char *sl2 = memchr(s + 5, '/', n - 5);
	if (!sl2)
		return 0;
	size_t ml = (size_t)(sl2 - s - 5), dl = n - (size_t)(sl2 + 1 - s);
	if (ml < 1 || ml > 2 || dl < 1 || dl > 2 || (ml == 2 && dl == 2) || !all_digit(s + 5, ml) || !all_digit(sl2 + 1, dl))
		return 0;
	int yy = year_value(s, 4), mm = (int)num_parse(s + 5, ml), dd = (int)num_parse(sl2 + 1, dl);
	if (yy < 1970 || mm < 1 || mm > 12 || dd < 1 || dd > 31)
		return 0;
	*y = yy;
	*mo = mm;
	*d = dd;
	return 1;
}

/* A European locale's word for "on" that starts a mail client's attribution
 * line: German am, French le, Spanish el, Italian il, Dutch op, Portuguese em */
static int locale_on(const char *w, size_t n)
{
	static const char *const on[] = { "am", "le", "el", "il", "op", "em" };
	if (n != 2)
		return 0;
	for (size_t i = 0; i < sizeof on / sizeof on[0]; i++)
		if (strncasecmp(w, on[i], 2) == 0)
			return 1;
	return 0;
}

/* d.m.yy, dd.mm.yyyy, d/m/yy, dd/mm/yyyy, dd-mm-yyyy: day first; the same
 * separator twice; the year in two or four digits */
static int dmy_any(const char *s, size_t n, int *d, int *mo, int *yy)
{
	size_t a = 0;
	while (a < n && a < 3 && isdigit((unsigned char)s[a]))
		a++;
	if (a < 1 || a > 2 || a >= n || (s[a] != '.' && s[a] != '/' && s[a] != '-'))
		return 0;
	char sepc = s[a];
	size_t b = a + 1, e = b;
	while (e < n && e - b < 3 && isdigit((unsigned char)s[e]))
		e++;
	if (e - b < 1 || e - b > 2 || e >= n || s[e] != sepc)
		return 0;
	size_t yl = n - e - 1;
	if ((yl != 2 && yl != 4) || !all_digit(s + e + 1, yl))
		return 0;
	*d = (int)num_parse(s, a);
	*mo = (int)num_parse(s + b, e - b);
	*yy = (int)num_parse(s + e + 1, yl);
	if (yl == 4 && !year_value(s + e + 1, 4))
		return 0;
	return *d >= 1 && *d <= 31 && *mo >= 1 && *mo <= 12;
}

/* 2023-04-24, 20230424, 2026-12, 2024-Q3; "23 April": a date. */
static int m_date(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n);
	if (!s || !isdigit((unsigned char)s[0]))
		return 0;
	if (parse_date(s, n, &m->y1, &m->month, &m->day)) {
		m->why = "a date: year, month and day";
		return 1;
	}
	/* 2024-03-01T08:00:00Z: ISO 8601's date and time of day, Z for UTC */
	size_t tl = n > 11 && s[n - 1] == 'Z' ? n - 12 : n - 11, fl = 0;
	/* (2026-04-22T14:16:40.203Z: the seconds' fraction, after a point) */
	while (n > 11 && s[10] == 'T' && tl > 9 && fl < 9 && isdigit((unsigned char)s[11 + tl - 1 - fl]))
		fl++;
	if (fl && tl == 9 + fl && s[11 + 8] == '.')
		tl = 8;
	else
		fl = 0;
	if (n > 11 && s[10] == 'T' && parse_date(s, 10, &m->y1, &m->month, &m->day) &&
	    parse_time(s + 11, tl, &m->hour, &m->minute, &m->second, &m->ampm) && !m->ampm &&
	    (!fl || m->second >= 0)) {
		m->part = 'T';
		m->a = fl ? s + 20 : NULL;
		m->alen = fl;
		m->b = s[n - 1] == 'Z' ? s + n - 1 : NULL;
		m->why = "a date and a time of day (ISO 8601)";
		return 1;
	}
	/* 20230501-20230507, 2023-05-01..2023-05-07: a range of dates */
	for (size_t half = 8; half <= 10; half += 2) {
		size_t sep = n > half ? (n - half >= 2 && s[half] == '.' && s[half + 1] == '.' ? 2 : 1) : 0;
		if (sep && n == 2 * half + sep && (sep == 2 || s[half] == '-') &&
		    parse_date(s, half, &m->y1, &m->month, &m->day) &&
		    parse_date(s + half + sep, half, &m->y2, &m->hour, &m->minute) &&
		    (m->y2 > m->y1 || (m->y2 == m->y1 && (m->hour > m->month || (m->hour == m->month && m->minute > m->day))))) {
			m->part = 'R';
			m->why = "a range of dates";
			return 1;
		}
	}
	int y = n == 7 ? year_value(s, 4) : 0;
	if (y >= 1900 && s[4] == '-') {
		if ((s[5] == 'H' && s[6] >= '1' && s[6] <= '2') || (s[5] == 'Q' && s[6] >= '1' && s[6] <= '4')) {
			m->y1 = y;
			m->part = s[5];
			m->day = s[6] - '0';
			m->why = "a half or a quarter of a year";
			size_t pn;
			const char *p = core(c, c->i - 1, &pn);
			if (p && ((pn == 3 && (strncasecmp(p, "the", 3) == 0 || strncasecmp(p, "its", 3) == 0)) ||
				  (pn == 1 && (p[0] == 'a' || p[0] == 'A')))) {
				m->nth = 1;     /* "the 2016-Q4 release": a name, read as written */
				m->why = "a release named by its quarter: after the, a or its, read as written";
			}
			return 1;
		}
		long long mo = all_digit(s + 5, 2) ? num_parse(s + 5, 2) : 0;
		if (mo >= 1 && mo <= 12) {
			m->y1 = y;
			m->month = (int)mo;
			m->why = "a month: year and month";
			return 1;
		}
	}
	/* "Am 10.03.22 um 15:17 schrieb X:", "Le 10/03/2022 à 15:17, X a écrit :",
	 * "El 10/3/22 a las 15:17, X escribió:": a mail client's attribution in
	 * a European locale; after that locale's word for "on" and before a time
	 * of day (one or two small words between, "um", "à", "a las"), the date
	 * is day first, month, then the year in two or four digits */
	size_t lo_n;
	const char *lo = core(c, c->i - 1, &lo_n);
	if (lo && n >= 6 && n <= 10 && locale_on(lo, lo_n) && c->i + 1 < c->nt) {
		int d, mo, yy;
		if (dmy_any(s, n, &d, &mo, &yy)) {
			int timed = 0;
			for (int k = c->i + 1; k < c->nt && k <= c->i + 3 && !timed; k++) {
				size_t tn;
				const char *tt = core(c, k, &tn);
				int hh, mi, se;
				const char *ap;
				if (!tt)
					break;
				if (parse_time(tt, tn, &hh, &mi, &se, &ap))
					timed = 1;
				else if (tn > 3 || !(isalpha((unsigned char)tt[0]) || (unsigned char)tt[0] >= 0x80))
					break;
			}
			if (timed) {
				m->y1 = yy < 100 ? (yy < 70 ? 2000 + yy : 1900 + yy) : yy;
				m->month = mo;
				m->day = d;
				m->why = "a date after a European locale's on (am, le, el, il, op, em) and before a time: day first (a mail client's attribution)";
				return 1;
			}
		}
	}
	/* 6/25/1940, 25/6/1940: month first, unless the first cannot be a month */
	const char *sl = memchr(s, '/', n), *sl2 = sl ? memchr(sl + 1, '/', n - (size_t)(sl + 1 - s)) : NULL;
	if (sl && sl2 && sl - s <= 2 && sl2 - sl - 1 <= 2 && sl2 - sl - 1 >= 1 && s + n - sl2 - 1 == 4 &&
	    all_digit(s, (size_t)(sl - s)) && all_digit(sl + 1, (size_t)(sl2 - sl - 1)) && all_digit(sl2 + 1, 4)) {
		int a = (int)num_parse(s, (size_t)(sl - s)), b = (int)num_parse(sl + 1, (size_t)(sl2 - sl - 1));
		int y = year_value(sl2 + 1, 4);
		if (a > 12 && b <= 12) {
			int t = a;
			a = b;
			b = t;
		}
		if (y && a >= 1 && a <= 12 && b >= 1 && b <= 31) {
			m->y1 = y;
			m->month = a;
			m->day = b;
			m->why = "a date: month/day/year (day first when the first is past 12)";
			return 1;
		}
	}
	/* "On 2024/4/10 23:41, Jason Gunthorpe wrote:" */
	if (ymd_short(s, n, &m->y1, &m->month, &m->day)) {
		m->why = "a date: year/month/day, the month or the day in one digit";
		return 1;
	}
	/* "On Tue 21-04-26 16:02:38, Michal Hocko wrote:": after a day of the
	 * week, day-month-year with the year in two digits (mutt's attribution) */
	size_t wd_n;
	const char *wd = core(c, c->i - 1, &wd_n);
	if (n == 8 && wd && wd_n == 3 && weekday_of(wd, wd_n) && all_digit(s, 2) && s[2] == '-' &&
	    all_digit(s + 3, 2) && s[5] == '-' && all_digit(s + 6, 2)) {
		int d = (int)num_parse(s, 2), mo = (int)num_parse(s + 3, 2), yy = (int)num_parse(s + 6, 2);
		if (d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
			m->y1 = yy < 70 ? 2000 + yy : 1900 + yy;
			m->month = mo;
			m->day = d;
			m->why = "a date after a day of the week: day-month-year, the year in two digits (mutt's attribution)";
			return 1;
		}
	}
	/* "On 4/29/26 10:18, Michal Hocko wrote:": a mailer's attribution writes
	 * the year in two digits; after "on", month/day/year, as above */
	size_t on_n;
	const char *on = core(c, c->i - 1, &on_n);
	if (sl && sl2 && on && on_n == 2 && strncasecmp(on, "on", 2) == 0 && sl - s <= 2 && sl > s &&
	    sl2 - sl - 1 >= 1 && sl2 - sl - 1 <= 2 && s + n - sl2 - 1 == 2 && all_digit(s, (size_t)(sl - s)) &&
	    all_digit(sl + 1, (size_t)(sl2 - sl - 1)) && all_digit(sl2 + 1, 2)) {
		int a = (int)num_parse(s, (size_t)(sl - s)), b = (int)num_parse(sl + 1, (size_t)(sl2 - sl - 1));
		int yy = (int)num_parse(sl2 + 1, 2);
		if (a > 12 && b <= 12) {
			int t = a;
			a = b;
			b = t;
		}
		if (a >= 1 && a <= 12 && b >= 1 && b <= 31) {
			m->y1 = yy < 70 ? 2000 + yy : 1900 + yy;
			m->month = a;
			m->day = b;
			m->why = "a date after on: month/day and a year in two digits (a mailer's attribution)";
			return 1;
		}
	}
	/* "On 08.03.24 15:31, Thorsten Leemhuis wrote:": a mailer's attribution
	 * in a European locale, day.month.year with the year in two digits,
	 * after "on" and before a time of day (a version has no time after it) */
	if (on && on_n == 2 && strncasecmp(on, "on", 2) == 0 && n == 8 && all_digit(s, 2) && s[2] == '.' &&
	    all_digit(s + 3, 2) && s[5] == '.' && all_digit(s + 6, 2)) {
		size_t tn;
		const char *tt = core(c, c->i + 1, &tn);
		int hh, mi, se;
		const char *ap;
		int d = (int)num_parse(s, 2), mo = (int)num_parse(s + 3, 2), yy = (int)num_parse(s + 6, 2);
		if (tt && parse_time(tt, tn, &hh, &mi, &se, &ap) && d >= 1 && d <= 31 && mo >= 1 && mo <= 12) {
			m->y1 = yy < 70 ? 2000 + yy : 1900 + yy;
			m->month = mo;
			m->day = d;
			m->why = "a date after on and before a time: day.month.year, the year in two digits (a mailer's attribution)";
			return 1;
		}
	}
	/* "23 April": the twenty-third of April */
	const char *nx = core(c, c->i + 1, &nn);
	char mb[16] = "";
	if (nx && nn >= 3 && nn < sizeof mb) {
		memcpy(mb, nx, nn);
		mb[nn] = 0;
	}
	/* "27-29 August", "3–5 October": a range of days before a month's name,
	 * "the twenty-seventh to the twenty-ninth of August" */
	if (nx && joined(c, c->i) && month_of(mb)) {
		size_t a = 0;
		while (a < n && a < 3 && isdigit((unsigned char)s[a]))
			a++;
		size_t sep = a < n && s[a] == '-' ? 1 :
			     a + 2 < n && memcmp(s + a, "\xe2\x80\x93", 3) == 0 ? 3 : 0;
		size_t bn = sep ? n - a - sep : 0;
		if (a >= 1 && a <= 2 && sep && bn >= 1 && bn <= 2 && all_digit(s + a + sep, bn)) {
			long long d1 = num_parse(s, a), d2 = num_parse(s + a + sep, bn);
			if (d1 >= 1 && d1 < d2 && d2 <= 31) {
				size_t pn;
				const char *p = core(c, c->i - 1, &pn);
				m->article = p && pn == 3 && strncasecmp(p, "the", 3) == 0 && joined(c, c->i - 1);
				m->day = (int)d1;
				m->hour = (int)d2;
				m->month = month_of(mb);
				m->part = 'D';
				m->ntok = 2;
				const struct tok *mt = &c->t[c->i + 1];
				m->dot = nn <= 4 && mt->trail && mt->raw[mt->lead + nn] == '.';
				m->why = "a date: a range of days before a month's name";
				return 1;
			}
		}
	}
	/* "from 10 to 21 June": the first day of a range whose second has the
	 * month's name after it, an ordinal with its article */
	if (nx && n <= 2 && all_digit(s, n) && joined(c, c->i) &&
	    ((nn == 2 && strncasecmp(nx, "to", 2) == 0) || (nn == 3 && strncasecmp(nx, "and", 3) == 0) ||
	     (nn == 7 && strncasecmp(nx, "through", 7) == 0) || (nn == 5 && strncasecmp(nx, "until", 5) == 0))) {
		size_t dn2, mn;
		const char *d2s = core(c, c->i + 2, &dn2), *ms = core(c, c->i + 3, &mn);
		char m2[16] = "";
		if (ms && mn >= 3 && mn < sizeof m2) {
			memcpy(m2, ms, mn);
			m2[mn] = 0;
		}
		long long d1 = num_parse(s, n);
		if (d2s && dn2 <= 2 && all_digit(d2s, dn2) && joined(c, c->i + 1) && joined(c, c->i + 2) &&
		    month_of(m2) && d1 >= 1 && d1 < num_parse(d2s, dn2) && num_parse(d2s, dn2) <= 31) {
			size_t pn;
			const char *p = core(c, c->i - 1, &pn);
			m->article = p && pn == 3 && strncasecmp(p, "the", 3) == 0 && joined(c, c->i - 1);
			m->day = (int)d1;
			m->part = 'd';
			m->why = "a date: the first day of a range before a month's name (\"from 10 to 21 June\")";
			return 1;
		}
	}
	/* "15th March": an ordinal day before a month's name, said the same */
	size_t dn = n >= 3 && n <= 4 && all_digit(s, n - 2) &&
		    (strncasecmp(s + n - 2, "st", 2) == 0 || strncasecmp(s + n - 2, "nd", 2) == 0 ||
		     strncasecmp(s + n - 2, "rd", 2) == 0 || strncasecmp(s + n - 2, "th", 2) == 0) ? n - 2 : n;
	if (nx && dn <= 2 && all_digit(s, dn) && joined(c, c->i) && month_of(mb)) {
		long long d = num_parse(s, dn);
		size_t pn;
		const char *p = core(c, c->i - 1, &pn);
		/* "on the 15th March": the article is written */
		m->article = p && pn == 3 && strncasecmp(p, "the", 3) == 0 && joined(c, c->i - 1);
		if (d >= 1 && d <= 31) {
			m->day = (int)d;
			m->month = month_of(mb);
			m->ntok = 2;
			/* "27 Oct. 2010": the abbreviation's full stop is not the sentence's */
			const struct tok *mt = &c->t[c->i + 1];
			m->dot = nn <= 4 && mt->trail && mt->raw[mt->lead + nn] == '.';
			m->why = "a date: a day before a month's name";
			return 1;
		}
	}
	return 0;
}

/* "May 12 or 19", "April 3, 10 and 17": the days after a month's day, each an ordinal. */
static int m_day_list(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	if (!s || n > 2 || !all_digit(s, n) || !p || c->i < 2)
		return 0;
	long long d = num_parse(s, n);
	if (d < 1 || d > 31)
		return 0;
	int k = c->i - 1;
	if ((pn == 2 && strncasecmp(p, "or", 2) == 0) || (pn == 3 && strncasecmp(p, "and", 3) == 0) ||
	    (pn == 2 && strncasecmp(p, "to", 2) == 0) || (pn == 7 && strncasecmp(p, "through", 7) == 0))
		k--;
	else if (!(c->t[k].trail && c->t[k].raw[c->t[k].rawlen - 1] == ','))
		return 0;
	else {
		/* after a comma, the list must go on: "April 3, 10 and 17", not "March 30, 17 F left" */
		size_t an;
		const char *a = core(c, c->i + 1, &an);
		const struct tok *t = &c->t[c->i];
		size_t bn;
		const char *b = core(c, c->i - 2, &bn);
		const struct tok *bt = c->i >= 2 ? &c->t[c->i - 2] : NULL;
		int third = b && bn <= 2 && all_digit(b, bn) && bt->trail && bt->raw[bt->rawlen - 1] == ',';   /* "May 1, 8, 15" */
		if (!third && !((t->trail && t->raw[t->rawlen - 1] == ',') ||
				(a && ((an == 3 && strncasecmp(a, "and", 3) == 0) || (an == 2 && strncasecmp(a, "or", 2) == 0)))))
			return 0;
	}
	/* back over days "3, 10" to the month */
	for (int steps = 0; k >= 0 && steps < 8; steps++, k--) {
		size_t qn;
		const char *q = core(c, k, &qn);
		if (!q)
			return 0;
		char mb[16] = "";
		if (qn >= 3 && qn < sizeof mb) {
			memcpy(mb, q, qn);
			mb[qn] = 0;
			if (month_of(mb))
				break;
		}
		if (!(qn <= 2 && all_digit(q, qn)) && !(qn == 3 && strncasecmp(q, "and", 3) == 0) &&
		    !(qn == 2 && strncasecmp(q, "or", 2) == 0))
			return 0;
	}
	if (k < 0 || c->i - k < 2)
		return 0;
	size_t nn;
	const char *nx = core(c, c->i + 1, &nn);
	if (nx && joined(c, c->i) && (plural_noun(nx, nn) || IN(count_nouns, nx, nn)))
		return 0;     /* "May 12 or 19 people" */
	m->a = s;
	m->alen = n;
	m->why = "a day in a list after a month's day: \"May 12 or 19\"";
	return 1;
}

/* 1:250000, 1:50,000: a map's scale or a ratio, "one to fifty thousand";
 * the second number of three digits or more, so no time ("10:30") and no
 * verse ("3:16") is one. */
static int m_ratio(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	const char *colon = s ? memchr(s, ':', n) : NULL;
	if (!colon || colon == s || colon - s > 3 || !all_digit(s, (size_t)(colon - s)))
		return 0;
	const char *b = colon + 1;
	size_t bl = n - (size_t)(b - s), digits = 0;
	for (size_t i = 0; i < bl; i++)
		digits += isdigit((unsigned char)b[i]) != 0;
	if (!is_number(b, bl) || memchr(b, '.', bl) || b[0] == '0' || (digits < 3 && bl != digits))
		return 0;
	if (digits < 3) {
		/* "a 1:1 mapping", "1:4 compression", "16:9 aspect ratio": one digit
		 * after the colon is no time (its minutes have two) and, but after a
		 * name ("Psalm 23:4"), no verse; two digits only before a word of
		 * ratios */
		static const char *const ratio_nouns[] = {
			"ratio", "ratios", "aspect", "mapping", "mappings", "map", "compression", "scaling",
			"scale", "split", "relationship", "correspondence", "translation", "oversubscription",
		};
		size_t pn, nn, n2;
		const char *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn), *nx2 = core(c, c->i + 2, &n2);
		int noun = (nx && IN(ratio_nouns, nx, nn)) || (nx && nx2 && IN(ratio_nouns, nx2, n2));
		int name_before = p && isupper((unsigned char)p[0]) && !c->t[c->i - 1].trail;
		if (!(digits == 1 && !name_before) && !noun)
			return 0;
	}
	m->a = s;
	m->alen = (size_t)(colon - s);
	m->b = b;
	m->blen = bl;
	m->why = "a ratio: N:M, M of three digits or more (a map's scale)";
	return 1;
}

/* 1h30m, 1m12s, 2h5m30s: a duration of several parts; the seconds may have
 * a fraction, as time(1) prints them (0m1.514s), kept in b. */
static int m_duration(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 4 || !isdigit((unsigned char)s[0]))
		return 0;
	int parts = 0, h = -1, mi = -1, sec = -1;
	const char *frac = NULL;
	size_t fl = 0, i = 0;
	char last = 0;
	while (i < n) {
		size_t st = i;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		if (i == st || i - st > 4 || i >= n)
			return 0;
		int v = (int)num_parse(s + st, i - st);
		if (s[i] == '.' && last != 's') {       /* 19.695s: the last part only */
			size_t f = ++i;
			while (i < n && isdigit((unsigned char)s[i]))
				i++;
			if (i == f || i + 1 != n || s[i] != 's')
				return 0;
			frac = s + f;
			fl = i - f;
		}
		char u = s[i++];
		if (u == 'h' && !last)
			h = v;
		else if (u == 'm' && (last == 0 || last == 'h'))
			mi = v;
		else if (u == 's' && last != 's')
			sec = v;
		else
			return 0;
		last = u;
		parts++;
	}
	if (parts < 2)
		return 0;
	m->hour = h;
	m->minute = mi;
	m->second = sec;
	m->b = frac;
	m->blen = fl;
	m->why = "a duration: hours, minutes and seconds glued";
	return 1;
}

/* Whether the token before c->i ends a date with nothing between them:
 * "2016-08-08 20:37", "Aug 8, 2016 20:37" (a year after a day or a month). */
static int after_date(const struct cctx *c)
{
	size_t pn, qn;
	const char *p = core(c, c->i - 1, &pn);
	if (!p || !joined(c, c->i - 1))
		return 0;
	int y, mo, d;
	if (parse_date(p, pn, &y, &mo, &d) || ymd_short(p, pn, &y, &mo, &d))
		return 1;
	if (pn != 4 || !all_digit(p, 4) || !year_value(p, 4))
		return 0;
	const char *q = core(c, c->i - 2, &qn);
	char w[16] = "";
	if (q && qn < sizeof w) {
		memcpy(w, q, qn);
		w[qn] = 0;
	}
	return q && ((qn <= 2 && all_digit(q, qn) && num_parse(q, qn) >= 1 && num_parse(q, qn) <= 31) || month_of(w));
}

/* 0:02:01: hours, minutes and seconds with the hour written as a lone 0 is
 * no clock's time (a clock writes 00 or 12) but a point in a recording or a
 * time elapsed, said "zero hours two minutes and one second". A podcast
 * transcript's time code, "Doc Searls (00:00:38):", writes the hour 00: with
 * no date before it and no offset from UTC nor a zone's name after it (a
 * mail's "00:12:45 +0000", "00:05:00 UTC" are a clock's), it is one too (not
 * "zero hundred and thirty-eight seconds"). */
static int m_elapsed(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (s && n == 8 && s[0] == '0' && s[1] == '0' && s[2] == ':' && !after_date(c)) {
		size_t nn;
		const char *nx = core(c, c->i + 1, &nn);
		if (nx && ((nn == 5 && (nx[0] == '+' || nx[0] == '-') && all_digit(nx + 1, 4)) ||
			   (nn >= 2 && nn <= 4 && all_upper(nx, nn) && all_alpha(nx, nn))))
			return 0;     /* (a zone's name after it, "00:05:00 UTC", is a clock's too) */
		if (!parse_time(s, n, &m->hour, &m->minute, &m->second, &m->ampm) || m->second < 0 || m->ampm)
			return 0;
		m->why = "hours, minutes and seconds, the hour 00, no date nor offset: a time code";
		return 1;
	}
	if (!s || n != 7 || s[0] != '0' || s[1] != ':' ||
	    !parse_time(s, n, &m->hour, &m->minute, &m->second, &m->ampm) || m->second < 0)
		return 0;
	m->why = "hours, minutes and seconds, the hour a lone 0: a time elapsed";
	return 1;
}

/* 14:30, 9:05am, 23:59:59, 9am; 18:00:00Z (Z: the time is UTC) */
static int m_time(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || !isdigit((unsigned char)s[0]))
		return 0;
	if (n > 5 && s[n - 1] == 'Z' && parse_time(s, n - 1, &m->hour, &m->minute, &m->second, &m->ampm) &&
	    !m->ampm) {
		m->after_date = after_date(c);
		m->b = s + n - 1;
		m->blen = 1;
		m->why = "a time and Z: in UTC";
		return 1;
	}
	if (parse_time(s, n, &m->hour, &m->minute, &m->second, &m->ampm)) {
		m->after_date = after_date(c);
		/* "9:00 pm", "9:30 a.m." */
		size_t nn;
		const char *nx = core(c, c->i + 1, &nn);
		if (!m->ampm && nx && joined(c, c->i) && m->hour >= 1 && m->hour <= 12 &&
		    ((nn == 2 && (strncasecmp(nx, "am", 2) == 0 || strncasecmp(nx, "pm", 2) == 0)) ||
		     (nn == 3 && (strncasecmp(nx, "a.m", 3) == 0 || strncasecmp(nx, "p.m", 3) == 0)))) {
			m->ampm = tolower((unsigned char)nx[0]) == 'a' ? "A-M" : "P-M";
			m->ntok = 2;
			const struct tok *t2 = &c->t[c->i + 1];
			m->dot = nn == 3 && t2->trail && t2->raw[t2->lead + nn] == '.';
		}
		/* "17:59:18 +0000", "09:12 -0700": a mail's time zone, an offset from UTC;
		 * also after a time with its AM glued, as mutt writes a reply's
		 * attribution ("at 11:48:43AM +0100") */
		if (m->ntok < 2 && nx && joined(c, c->i) && nn == 5 && (nx[0] == '+' || nx[0] == '-') &&
		    all_digit(nx + 1, 4) && num_parse(nx + 1, 2) <= 14 && num_parse(nx + 3, 2) <= 59) {
			m->b = nx;
			m->blen = nn;
			m->ntok = 2;
			m->why = "a time and its offset from UTC";
		}
		return 1;
	}
	/* "1030 am", "1230pm": hours and minutes without a colon before am or pm */
	size_t nn, dl = n;
	const char *nx = core(c, c->i + 1, &nn), *ap = NULL;
	if (n >= 5 && n <= 6 && (strncasecmp(s + n - 2, "am", 2) == 0 || strncasecmp(s + n - 2, "pm", 2) == 0)) {
		ap = s + n - 2;
		dl = n - 2;
	} else if (nx && joined(c, c->i) && ((nn == 2 && (strncasecmp(nx, "am", 2) == 0 || strncasecmp(nx, "pm", 2) == 0)) ||
					    (nn == 3 && (strncasecmp(nx, "a.m", 3) == 0 || strncasecmp(nx, "p.m", 3) == 0)))) {
		ap = nx;
	}
	if (ap && (dl == 3 || dl == 4 || (ap == nx && dl <= 2)) && all_digit(s, dl)) {
		long long h = dl <= 2 ? num_parse(s, dl) : num_parse(s, dl - 2), mi = dl <= 2 ? 0 : num_parse(s + dl - 2, 2);
		if (h >= 1 && h <= 12 && mi <= 59) {
			m->hour = (int)h;
			m->minute = (int)mi;
			m->second = -1;
			m->ampm = tolower((unsigned char)ap[0]) == 'a' ? "A-M" : "P-M";
			if (ap == nx) {
				m->ntok = 2;
				const struct tok *t2 = &c->t[c->i + 1];
				m->dot = nn == 3 && t2->trail && t2->raw[t2->lead + nn] == '.';
			}
			m->why = "a time: hours and minutes without a colon, before am or pm";
			return 1;
		}
	}
	if (n >= 3 && n <= 4 && all_digit(s, n - 2) &&
	    (strncasecmp(s + n - 2, "am", 2) == 0 || strncasecmp(s + n - 2, "pm", 2) == 0)) {
		long long h = num_parse(s, n - 2);
		if (h < 1 || h > 12)
			return 0;
		m->hour = (int)h;
		m->second = -1;
		m->ampm = tolower((unsigned char)s[n - 2]) == 'a' ? "A-M" : "P-M";
		return 1;
	}
	return 0;
}

/* 21st, 2nd, 103rd */
static int m_ordinal(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 3 || n > 8 || !all_digit(s, n - 2))
		return 0;
	const char *x = s + n - 2;
	long long v = num_parse(s, n - 2);
	static const char *const sfx[] = {"th", "st", "nd", "rd"};
	int last = (int)(v % 10), teen = v % 100 >= 11 && v % 100 <= 13;
	const char *want = teen || last > 3 ? "th" : sfx[last];
	if (strncasecmp(x, want, 2) != 0)
		return 0;
	m->a = s;
	m->alen = n - 2;
	return 1;
}

/* "1000s of users", "100s of patches", "10,000s of lines": a power of ten
 * in the plural before "of" is a rough count, "thousands of users" (not one
 * thousands, nor the seconds of "10s", nor a decade) */
static int m_round_plural(const struct cctx *c, struct match *m)
{
	size_t n, nn;
	const char *s = core(c, c->i, &n), *nx = core(c, c->i + 1, &nn);
	if (!s || !nx || c->t[c->i].trail || nn != 2 || strncmp(nx, "of", 2) != 0)
		return 0;
	/* what is counted is things: a plural ("users", "MBs", "fd's"), a
	   unit in capitals ("RPM") or them; "10s of inactivity" is ten seconds */
	size_t wn;
	const char *w = core(c, c->i + 2, &wn);
	static const char *const pronouns[] = {"them", "us", "these", "those"};
	if (!w || c->t[c->i + 1].trail || wn < 2 || !(w[wn - 1] == 's' || all_upper(w, wn) || IN(pronouns, w, wn)))
		return 0;
	size_t k = n > 2 && s[n - 2] == '\'' && s[n - 1] == 's' ? n - 2 : n > 1 && s[n - 1] == 's' ? n - 1 : 0;
	if (k < 2 || s[0] != '1')
		return 0;
	int zeros = 0;
	for (size_t j = 1; j < k; j++) {
		if (s[j] == ',' && (k - j) % 4 == 0)
			continue;
		if (s[j] != '0')
			return 0;
		zeros++;
	}
	const char *comma = memchr(s, ',', k);
	if (comma && comma - s > 3)
		return 0;     /* ("1000,000s": no grouping) */
	static const char *const said[] = {
		NULL, "tens", "hundreds", "thousands", "tens of thousands", "hundreds of thousands",
		"millions", "tens of millions", "hundreds of millions", "billions",
	};
	if (zeros < 1 || zeros >= (int)ARRAY_LEN(said))
		return 0;
	m->say = said[zeros];
	m->why = "a power of ten in the plural before of: a rough count";
	return 1;
}

/* "a V8 engine", "the 2.8 V6", "a 4.0 L V-8", "V 12" as tokenised text
 * writes it: a V and an engine's cylinders (6, 8, 10 or 12) before an
 * engine's word or after a displacement (a digit, a point and a digit,
 * and L) is the engine's shape, "V six", not a version ("PATCH V6") nor
 * volts. Its words, the tokens it takes in *ntok, or NULL. */
static const char *vee_engine(const struct cctx *c, int k, int *ntok)
{
	size_t n, dn, wn;
	const char *s = core(c, k, &n);
	if (!s || n < 1 || s[0] != 'V' || c->t[k].lead)
		return NULL;
	const char *d = s + 1;
	size_t dl = n - 1;
	*ntok = 1;
	if (dl && *d == '-')
		d++, dl--;
	if (!dl) {            /* "V 6": the number set apart */
		if (!joined(c, k) || !(d = core(c, k + 1, &dl)))
			return NULL;
		*ntok = 2;
	}
	static const char *const cyl[] = {"6", "8", "10", "12"};
	static const char *const said[] = {"V six", "V eight", "V ten", "V twelve"};
	size_t q = 0;
	while (q < ARRAY_LEN(cyl) && !(strlen(cyl[q]) == dl && !memcmp(cyl[q], d, dl)))
		q++;
	if (q == ARRAY_LEN(cyl))
		return NULL;
	static const char *const engine[] = {"engine", "engines", "motor", "motors", "powered", "cylinder"};
	const char *w = core(c, k + *ntok, &wn);
	if (w && joined(c, k + *ntok - 1) && IN(engine, w, wn))
		return said[q];
	int p = k - 1;
	const char *ds = core(c, p, &dn);
	int litre = ds && dn == 1 && (ds[0] == 'L' || ds[0] == 'l') && joined(c, p);
	if (litre)
		ds = core(c, --p, &dn);
	/* set apart, the V after a number is volts unless the litres are
	 * written: "3.3 V 12 pins", "a 4.0 L V 8" */
	if (ds && joined(c, p) && (litre || *ntok == 1) && dn == 3 && isdigit((unsigned char)ds[0]) && ds[0] != '0' && ds[1] == '.' &&
	    isdigit((unsigned char)ds[2]))
		return said[q];
	return NULL;
}

static int m_vee_engine(const struct cctx *c, struct match *m)
{
	int nt;
	const char *say = vee_engine(c, c->i, &nt);
	if (!say)
		return 0;
	m->say = say;
	m->ntok = nt;
	m->why = "a V and an engine's cylinders, before an engine or after a displacement";
	return 1;
}

/* 1990s, 1990's, '90s, 90s */
static int m_decade(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	if (!s)
		return 0;
	/* "1980s-era cars", "1960s-style": a decade and a word after its
	 * hyphen, the word said after it (was "one thousand nine hundred
	 * eighty S era") */
	const char *hy = memchr(s, '-', n);
	if (hy && hy > s + 2 && hy[-1] == 's' && isdigit((unsigned char)s[0]) && (size_t)(s + n - hy - 1) >= 2 &&
	    (size_t)(s + n - hy - 1) <= 12) {
		const char *r = hy + 1;
		size_t rn = (size_t)(s + n - r);
		for (size_t q = 0; q < rn; q++)
			if (!islower((unsigned char)r[q]))
				return 0;
		m->b = r;
		m->blen = rn;
		n = (size_t)(hy - s);
	}
	/* "the mid-40s", "mid-1990s": the cue glued by a hyphen */
	int mid = n > 4 && !strncasecmp(s, "mid-", 4);
	if (mid) {
		s += 4;
		n -= 4;
		if (n > 0 && s[0] == '\'')
			s++, n--;
	}
	size_t k = n > 2 && s[n - 2] == '\'' && s[n - 1] == 's' ? n - 2 : n > 1 && s[n - 1] == 's' ? n - 1 : 0;
	/* "the 1990 's": its 's set apart by the tokeniser */
	const struct tok *nt = c->i + 1 < c->nt ? &c->t[c->i + 1] : NULL;
	if (!k && !mid && n == 4 && nt && !t->trail && nt->rawlen >= 2 && nt->raw[0] == '\'' && nt->raw[1] == 's' &&
	    (nt->rawlen == 2 || !isalnum((unsigned char)nt->raw[2]))) {
		k = 4;
		m->ntok = 2;
	}
	if (!k || (k != 4 && k != 2) || !all_digit(s, k) || s[k - 1] != '0')
		return 0;
	/* its apostrophe written on it, or set apart by the tokeniser: "the late ' 40s" */
	const struct tok *pt = c->i > 0 ? &c->t[c->i - 1] : NULL;
	int apos = mid || (t->lead && t->raw[t->lead - 1] == '\'') ||
		   (pt && !t->lead && pt->rawlen == 1 && pt->raw[0] == '\'');
	m->say = mid ? "mid" : NULL;
	if (k == 4) {
		int y = year_value(s, 4);
		if (y < 1100)
			return 0;
		m->y1 = y;
		m->short2 = 0;
	} else {
		m->y1 = (int)num_parse(s, 2);
		m->short2 = 1;
		if (m->y1 < 10 || (!apos && k == n - 1 && n == 3 && m->y1 < 20))
			return 0;
		/* "30s" is thirty seconds unless a decade's words come before: "the 80s", "her 30s" */
		static const char *const decade_cues[] = {
			"the", "early", "late", "mid", "his", "her", "their", "my", "our", "your",
		};
		size_t pn;
		const char *p = core(c, c->i - 1, &pn);
		/* or a decade before "and", "or", "to": "the late 40s and 50s",
		 * "the 1980s and 90s" (not "30s to 40s": seconds) */
		int listed = 0;
		if (p && c->i >= 2 && !c->t[c->i - 2].trail && pn <= 3 &&
		    (!strncasecmp(p, "and", pn) || !strncasecmp(p, "or", pn) || !strncasecmp(p, "to", pn))) {
			struct cctx b = *c;
			struct match bm;
			b.i = c->i - 2;
			memset(&bm, 0, sizeof bm);
			listed = m_decade(&b, &bm);
		}
		/* or after a decade and a dash set apart: "the 1960s – 70s" */
		if (!listed && p && c->i >= 2 && ((pn == 1 && p[0] == '-') || (pn == 3 && !memcmp(p, "\xe2\x80\x93", 3)))) {
			struct cctx b = *c;
			struct match bm;
			b.i = c->i - 2;
			memset(&bm, 0, sizeof bm);
			listed = m_decade(&b, &bm) && !bm.short2;
		}
		if (!apos && k == n - 1 && !(p && IN(decade_cues, p, pn)) && !listed)
			return 0;
	}
	return 1;
}

/* 1920 x 1080, 3x3 */
/* small letters without a vowel: a unit's letters, "bpp" */
static int lower_run(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) || strchr("aeiou", s[i]))
			return 0;
	return n > 0;
}

/* The sign between two sides: x, or the multiplication sign (U+00D7,
 * "1024×600"); its length in bytes, 0 when s is none. */
static size_t dim_sign(const char *s, const char *end)
{
	if (s < end && *s == 'x')
		return 1;
	return end - s >= 2 && (unsigned char)s[0] == 0xc3 && (unsigned char)s[1] == 0x97 ? 2 : 0;
}

/* "a 3x3mm pad": an article before the sides and a word after them, the
 * unit said once (an adjective); m->ntok tokens are the measure's. */
static int dim_adjective(const struct cctx *c, const struct match *m)
{
	size_t pn, an;
	const char *p = core(c, c->i - 1, &pn), *after = core(c, c->i + m->ntok, &an);
	return p && after && !c->t[c->i - 1].trail && joined(c, c->i + m->ntok - 1) && an > 1 && all_alpha(after, an) &&
	       ((pn == 1 && (p[0] == 'a' || p[0] == 'A')) || (pn == 2 && strncasecmp(p, "an", 2) == 0));
}

/* The sign of "3.0 × 10^8", "1.5 x 10^6" between a number and a power of
 * ten: "times" (scientific notation), not a size's "by" nor the letter. */
static int m_sci_times(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	if (!s || !p || !nx || !((n == 1 && (s[0] == 'x' || s[0] == 'X')) || (n == 2 && !memcmp(s, "\xc3\x97", 2))) ||
	    !joined(c, c->i - 1) || !joined(c, c->i) || nn < 4 || strncmp(nx, "10^", 3) != 0 || !is_number(p, pn))
		return 0;
	m->say = "times";
	m->why = "a times sign between a number and a power of ten";
	return 1;
}

static int m_dimension(const struct cctx *c, struct match *m)
{
	size_t n, xn, bn, gl = 0;
	const char *s = core(c, c->i, &n);
	/* "3.0 × 10^8", "1.5 x 10^6": a number in scientific notation, the
	 * sign "times", not a size's "by" */
	size_t tn, pn10;
	const char *tx = core(c, c->i + 1, &tn), *p10 = core(c, c->i + 2, &pn10);
	if (tx && p10 && pn10 > 3 && !strncmp(p10, "10^", 3) &&
	    ((tn == 1 && (tx[0] == 'x' || tx[0] == 'X')) || (tn == 2 && !memcmp(tx, "\xc3\x97", 2))))
		return 0;
	/* glued: 4x4, 1920x1080, 1024×600 (not 0x1f, a hexadecimal number) */
	const char *gx = NULL;
	if (s && n >= 3 && s[0] != '0') {
		gx = s;
		while (gx < s + n && isdigit((unsigned char)*gx))
			gx++;
		if (!(gl = dim_sign(gx, s + n)))
			gx = NULL;
	}
	if (gx && gx > s && gx + gl < s + n && all_digit(gx + gl, n - (size_t)(gx - s) - gl) && gx[gl] != '0') {
		m->a = s;
		m->alen = (size_t)(gx - s);
		m->b = gx + gl;
		m->blen = n - (size_t)(gx - s) - gl;
		/* "2x16 GB": a count of modules and the size of each, the unit
		 * after a space said after the second side */
		size_t un;
		const char *u = joined(c, c->i) ? core(c, c->i + 1, &un) : NULL;
		if (u && (m->unit = find_unit(u, un, 1)) != NULL) {
			m->ntok = 2;
			m->adjective = dim_adjective(c, m);
		}
		return 1;
	}
	/* a count and a size glued with its unit: "2x16GB", "4x8TB" */
	if (gx && gx > s && gx + gl < s + n && isdigit((unsigned char)gx[gl]) && gx[gl] != '0') {
		const char *l = gx + gl, *end = s + n;
		while (l < end && isdigit((unsigned char)*l))
			l++;
		if (l < end && isalpha((unsigned char)*l) && (m->unit = find_unit(l, (size_t)(end - l), 0)) != NULL &&
		    strcmp(m->unit->sym, "B") != 0) {
			m->a = s;
			m->alen = (size_t)(gx - s);
			m->b = gx + gl;
			m->blen = (size_t)(l - m->b);
			m->adjective = dim_adjective(c, m);
			return 1;
		}
		m->unit = NULL;
	}
	/* three sides and a depth's unit: 2x2x2, 1024x768x16, 1600x1200x32bpp */
	if (gx && gx > s && gx + gl < s + n && isdigit((unsigned char)gx[gl]) && gx[gl] != '0') {
		const char *b2 = gx + gl, *end = s + n;
		const char *x2 = b2;
		size_t gl2;
		while (x2 < end && isdigit((unsigned char)*x2))
			x2++;
		if ((gl2 = dim_sign(x2, end)) != 0 && x2 + gl2 < end && isdigit((unsigned char)x2[gl2]) && x2[gl2] != '0') {
			const char *c3 = x2 + gl2, *l = c3;
			while (l < end && isdigit((unsigned char)*l))
				l++;
			if (l == end || (end - l <= 4 && lower_run(l, (size_t)(end - l)))) {
				m->a = s;
				m->alen = (size_t)(gx - s);
				m->b = b2;
				m->blen = (size_t)(x2 - b2);
				m->after = c3;
				m->afterlen = (size_t)(l - c3);
				m->letters = l;
				m->letterslen = (size_t)(end - l);
				return 1;
			}
		}
	}
	if (!s || !is_number(s, n) || !joined(c, c->i))
		return 0;
	const char *x = core(c, c->i + 1, &xn), *b = core(c, c->i + 2, &bn);
	if (!x || !(xn == 1 ? x[0] == 'x' || x[0] == 'X' : dim_sign(x, x + xn) == xn) || !joined(c, c->i + 1) || !b ||
	    !isdigit((unsigned char)b[0]))
		return 0;
	m->a = s;
	m->alen = n;
	size_t un;
	const char *u = joined(c, c->i + 2) ? core(c, c->i + 3, &un) : NULL;
	if (!all_digit(b, bn) || (u && find_unit(u, un, 1))) {
		/* a count times a measure, "16 x 4GB segments", "2 x 10 ms",
		 * "2.5 x 3.5 cm": the count and "by"; the measure is said as alone */
		m->ntok = 2;
		return 1;
	}
	if (!all_digit(s, n))
		return 0;     /* (a side with a point and no measure is no size) */
	m->b = b;
	m->blen = bn;
	m->ntok = 3;
	return 1;
}

/* IEEE 802.3ad, 802.11ac, 802.1Q: "eight oh two dot three A-D". */
static int m_standard(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	/* "ISO 8859-1", "ISO 10646-1:2000", "ISO/IEC 9945-1:1996": a
	 * standard's number after its body, its part after the dash and
	 * its year after the colon (not "eight thousand ... to one") */
	static const char *const bodies[] = {"ISO", "IEC", "ISO/IEC", "ECMA", "ANSI", "IEEE"};
	if (s && p && IN(bodies, p, pn) && n >= 5 && isdigit((unsigned char)s[0]) && s[0] != '0') {
		size_t j = 0, k;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
		k = j;
		if (j >= 3 && j <= 5 && k < n && s[k] == '-') {
			k++;
			while (k < n && isdigit((unsigned char)s[k]))
				k++;
			if (k - j - 1 >= 1 && k - j - 1 <= 2 &&
			    (k == n || (s[k] == ':' && n - k == 5 && all_digit(s + k + 1, 4) && (s[k + 1] == '1' || s[k + 1] == '2')))) {
				m->a = s;
				m->alen = j;
				m->b = s + j + 1;
				m->blen = k - j - 1;
				m->y1 = k < n ? (int)num_parse(s + k + 1, 4) : 0;
				m->value = 1;
				m->why = "a standard's number after its body: the number, its part, its year";
				return 1;
			}
		}
	}
	if (!s || n < 5 || memcmp(s, "802.", 4) != 0 || !isdigit((unsigned char)s[4]))
		return 0;
	size_t j = 4;
	while (j < n && isdigit((unsigned char)s[j]))
		j++;
	if (j - 4 > 2 || (j < n && !all_alpha(s + j, n - j)) || n - j > 3)
		return 0;
	m->a = s + 4;
	m->alen = j - 4;
	m->b = s + j;
	m->blen = n - j;
	return 1;
}

/* 1022:1487, 8086:a0f0: a PCI or USB vendor and device ID, each said as a model number. */
static int m_device_id(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n != 9 || s[4] != ':')
		return 0;
	int digits = 0;
	for (size_t i = 0; i < n; i++) {
		if (i == 4)
			continue;
		if (!isxdigit((unsigned char)s[i]) || isupper((unsigned char)s[i]))
			return 0;
		digits += isdigit((unsigned char)s[i]) != 0;
	}
	if (digits < 4)
		return 0;
	m->a = s;
	m->alen = 4;
	m->b = s + 5;
	m->blen = 4;
	m->why = "a device ID: four hexadecimal digits, a colon, four more";
	return 1;
}

/* A component of two small letters in a subject's prefix ("ASoC: ti:
 * davinci-mcasp:", "mei: me:", "PCI: of:"), or the first component of a
 * subject (at the start, or after an architecture tag: "[arm64] of: fix"),
 * that kernel text writes in capitals is spelled: T-I, M-E, O-F; not "vi:",
 * "ep:", nor "made of: wood". */
/* Whether token i, which ends in ':', is a component of a subject's prefix:
 * after another "name:", or first (at the start, or after an architecture
 * tag, a token no common word with no mark after it: "[arm64] of:"), with
 * more after it. */
static int subject_component(const struct cctx *c)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || !c->t[c->i].trail || s[n] != ':' || c->i + 1 >= c->nt)
		return 0;
	if (c->i == 0)
		return 1;
	const struct tok *p = &c->t[c->i - 1];
	/* (after an architecture's tag that opens the line: "[powerpc*] 32s:",
	 * its brackets gone, its '*' left) */
	if (c->i == 1 && p->rawlen >= 3 && (p->raw[p->rawlen - 1] == ']' || p->raw[p->rawlen - 1] == '*'))
		return 1;
	return p->trail ? p->raw[p->rawlen - 1] == ':' : !words_common(p->raw + p->lead, p->rawlen - p->lead, 70);
}

static int m_subject_prefix(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n != 2 || !islower((unsigned char)s[0]) || !islower((unsigned char)s[1]) || !subject_component(c))
		return 0;
	/* (an entry of the lexicon said as several words is an abbreviation
	 * of prose, not a subsystem's name: "media: rc:" is R-C, no "release
	 * candidate") */
	const char *said = lex_find(c->e, s, n, &(const char *){0}, &(size_t){0});
	if (!(said && strchr(said, ' ')) && (!(vocab_capsword(s, n) || vocab_kind(s, n) == VOCAB_ACRONYM) || said))
		return 0;
	m->a = s;
	m->alen = n;
	m->why = "two small letters in a subject's prefix that kernel text writes in capitals (kernel.vocab)";
	return 1;
}

/*
 * A unit's symbol alone after "in", what a value is given in: "(in mV)",
 * "in ms", "in MiB" are "in millivolts", "in milliseconds", "in mebibytes"
 * (were spelled, "M V", "M-S", "M-I-B"). The symbol has a capital, or is a
 * prefix's letter and a unit's symbol ("ms", "ns", "mm", "kg"), so no
 * English word after "in" is taken ("in us", "in min", "in cc"); before
 * a word, only before one that no symbol modifies ("in MiB reserved",
 * "in KB for"; not "in mV units", "in MB settings").
 */
static int m_unit_in(const struct cctx *c, struct match *m)
{
	size_t n, pn, nn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn), *nx = core(c, c->i + 1, &nn);
	const struct unit *u;
	/* before a word, only one that cannot be the noun the symbol would
	 * modify ("in MB settings" is resctrl's memory bandwidth, "in ns
	 * conversion" a nanosecond's): a preposition, a conjunction, a verb */
	static const char *const after[] = {
		"for", "and", "or", "to", "of", "with", "by", "from", "that", "which", "is", "are", "was",
		"were", "will", "per", "on", "at", "as", "if", "when", "but", "the", "a", "an", "should",
		"must", "can", "may", "reserved", "used", "allowed", "rather", "instead", "in", "into",
	};
	if (!s || n < 2 || !p || pn != 2 || strncasecmp(p, "in", 2) != 0 || c->t[c->i - 1].trail ||
	    (u = find_unit(s, n, 1)) == NULL)
		return 0;
	if (nx && !c->t[c->i].trail && islower((unsigned char)nx[0])) {
		size_t k = 0;
		while (k < ARRAY_LEN(after) && !(strlen(after[k]) == nn && strncmp(after[k], nx, nn) == 0))
			k++;
		if (k == ARRAY_LEN(after))
			return 0;
	}
	int cap = 0;
	for (size_t k = 0; k < n; k++)
		cap |= isupper((unsigned char)s[k]) != 0;
	if (!cap && !(strchr("nmckMGTu", s[0]) && find_unit(s + 1, n - 1, 0) && !(n == 2 && s[0] == 'u' && s[1] == 's')))
		return 0;
	m->say = u->many;
	m->why = "a unit's symbol after \"in\": what a value is given in";
	return 1;
}

/*
 * A unit's symbol alone in parentheses, a column's or a field's unit:
 * "clat (usec):", "latency (ms)", "size (MiB)" are "microseconds",
 * "milliseconds", "mebibytes" (were the singular or letters). Only a
 * symbol with a capital or one of time that is no English word.
 */
static int m_unit_label(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	const struct tok *t = &c->t[c->i];
	const struct unit *u;
	static const char *const timeunits[] = {"ns", "ms", "nsec", "usec", "msec", "nsecs", "usecs", "msecs"};
	if (!s || n < 2 || t->lead != 1 || t->raw[0] != '(' || !t->trail || t->raw[t->lead + n] != ')' ||
	    (u = find_unit(s, n, 1)) == NULL)
		return 0;
	int cap = 0;
	for (size_t k = 0; k < n; k++)
		cap |= isupper((unsigned char)s[k]) != 0;
	if (!cap && !IN(timeunits, s, n))
		return 0;
	m->say = u->many;
	m->why = "a unit's symbol alone in parentheses: what a value is given in";
	return 1;
}

/*
 * A mail's reply or forward mark in capitals at the head of a subject, as
 * some mailers write it: "RE: x86/csum: ...", "Subject: FW: ..." are "Re",
 * "forward" (were spelled, R-E, F-W). Only first in the line or after
 * another token that ends in a colon ("Subject:", "Re:").
 */
static int m_mail_mark(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || !c->t[c->i].trail || s[n] != ':' || c->i + 1 >= c->nt)
		return 0;
	if (c->i > 0) {
		const struct tok *p = &c->t[c->i - 1];
		if (!p->trail || p->raw[p->rawlen - 1] != ':')
			return 0;
	}
	if (n == 2 && memcmp(s, "RE", 2) == 0)
		m->say = "Re";
	else if ((n == 2 && memcmp(s, "FW", 2) == 0) || (n == 3 && (memcmp(s, "FWD", 3) == 0 || memcmp(s, "Fwd", 3) == 0)))
		m->say = "forward";
	else
		return 0;
	m->why = "a mail's reply or forward mark at the head of a subject";
	return 1;
}

/* One side of a range of hexadecimal numbers written with an "h" after:
 * its length with the h, else 0. */
static size_t hex_h_side(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && k < 8 && isxdigit((unsigned char)s[k]))
		k++;
	if (k == 0 || !isdigit((unsigned char)s[0]) || k >= n || (s[k] != 'h' && s[k] != 'H'))
		return 0;
	return k + 1;
}

/* "Models 00h-0Fh", "Family 10h-19h": a range of numbers written in
 * hexadecimal with an h (AMD's families and models), each side with its
 * "H" and "to" between (not "nineteen hours", not a dropped dash). */
static int m_hex_h_range(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	size_t a = s ? hex_h_side(s, n) : 0;
	if (!a || a + 2 > n || s[a] != '-')
		return 0;
	size_t b = hex_h_side(s + a + 1, n - a - 1);
	if (b != n - a - 1)
		return 0;
	int hex = s[0] == '0' || s[a + 1] == '0';
	for (size_t k = 0; k < n; k++)
		hex = hex || (isxdigit((unsigned char)s[k]) && !isdigit((unsigned char)s[k]));
	size_t pn;
	const char *p = core(c, c->i - 1, &pn);
	static const char *const heads[] = {"family", "families", "model", "models", "stepping", "steppings", "fam"};
	if (!hex && !(p && joined(c, c->i - 1) && IN(heads, p, pn)))
		return 0;     /* ("9h-17h" is a day's hours) */
	m->why = "a range of hexadecimal numbers with an h";
	m->a = s;
	m->alen = a - 1;
	m->b = s + a + 1;
	m->blen = b - 1;
	return 1;
}

/* "100,000 interrupts/second", "5000 packets/sec": a count of a plural
 * noun per a unit of time written after a slash is "per", not "slash". */
static int m_noun_rate(const struct cctx *c, struct match *m)
{
	size_t n, pn;
	const char *s = core(c, c->i, &n), *p = core(c, c->i - 1, &pn);
	const char *sl = s ? memchr(s, '/', n) : NULL;
	if (!sl || !p || !joined(c, c->i - 1) || !is_number(p, pn))
		return 0;
	size_t wn = (size_t)(sl - s), un = n - wn - 1;
	static const char *const per[] = {"second", "sec", "s", "minute", "min", "hour", "hr", "h", "day"};
	static const char *const say[] = {"second", "second", "second", "minute", "minute", "hour", "hour", "hour", "day"};
	if (!plural_noun(s, wn))
		return 0;
	for (size_t k = 0; k < ARRAY_LEN(per); k++)
		if (strlen(per[k]) == un && memcmp(per[k], sl + 1, un) == 0) {
			m->why = "a count of a plural noun per a unit of time";
			m->a = s;
			m->alen = wn;
			m->say = say[k];
			return 1;
		}
	return 0;
}

/* "QinQ", "IPinIP", "MACinMAC", "4in6": two runs of capitals (or of
 * digits) glued by a small "in", one thing carried in another; said as the
 * two names with "in" between (not "Chin Q", "I Pin I-P"). */
static int m_glued_in(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 4 || n > 16)
		return 0;
	size_t a = 0;
	int ad = isdigit((unsigned char)s[0]) != 0;
	while (a < n && (ad ? isdigit((unsigned char)s[a]) : isupper((unsigned char)s[a])))
		a++;
	if (a == 0 || a > 5 || a + 3 > n || s[a] != 'i' || s[a + 1] != 'n')
		return 0;
	size_t b = a + 2;
	int bd = isdigit((unsigned char)s[b]) != 0;
	size_t k = b;
	while (k < n && (bd ? isdigit((unsigned char)s[k]) : isupper((unsigned char)s[k])))
		k++;
	if (k != n || k == b || n - b > 5 || (ad && bd))
		return 0;     /* ("6in4" is the number rule's) */
	if ((a == 1 || n - b == 1) && (ad || bd || a != n - b))
		return 0;     /* a single capital only with another: QinQ, XinY; not "Win8", "WinXP" */
	m->why = "two names glued by a small in";
	m->a = s;
	m->alen = a;
	m->b = s + b;
	m->blen = n - b;
	return 1;
}

/* Hexadecimal digits only, n of them (lo to hi). */
static int hex_run(const char *s, size_t n, size_t lo, size_t hi)
{
	if (n < lo || n > hi)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (!isxdigit((unsigned char)s[k]))
			return 0;
	return 1;
}

/* "0000:00:1f.3", "10000:e1:00.0", "00:02.0": a PCI device's address
 * (domain, bus, device and function), as dmesg and lspci print it; and
 * "00:1a:2b:3c:4d:5e", a MAC address: six pairs of hexadecimal digits.
 * Said group by group, digit by digit, with "colon" and "dot" between:
 * run together ("oh oh oh oh oh oh one F") the groups are lost. */
static int m_bus_address(const struct cctx *c, struct match *m)
{
	size_t n;
	const char *s = core(c, c->i, &n);
	if (!s || n < 7 || !isxdigit((unsigned char)s[0]))
		return 0;
	size_t g[8], gl[8], ng = 0, q = 0;
	char sep[8];
	while (ng < 8) {
		size_t j = q;
		while (j < n && isxdigit((unsigned char)s[j]))
			j++;
		g[ng] = q;
		gl[ng] = j - q;
		sep[ng] = j < n ? s[j] : 0;
		ng++;
		if (j >= n || (s[j] != ':' && s[j] != '.'))
			break;
		q = j + 1;
	}
	if (g[ng - 1] + gl[ng - 1] != n)
		return 0;
	int pci = 0;
	if (ng == 4 && sep[0] == ':' && sep[1] == ':' && sep[2] == '.')
		pci = hex_run(s, gl[0], 4, 5) && hex_run(s + g[1], gl[1], 2, 2);
	else if (ng == 3 && sep[0] == ':' && sep[1] == '.')
		pci = hex_run(s, gl[0], 2, 2);
	if (pci) {
		size_t d = g[ng - 2];
		if (gl[ng - 2] != 2 || !hex_run(s + d, 2, 2, 2) || strtol((char[]){s[d], s[d + 1], 0}, NULL, 16) > 0x1f ||
		    gl[ng - 1] != 1 || s[n - 1] < '0' || s[n - 1] > '7')
			return 0;     /* a device below 32, a function below 8 */
		size_t wn;
		const char *w = ng == 3 ? core(c, c->i + 1, &wn) : NULL;
		if (w && ((wn == 1 && w[0] == 's') || (wn >= 3 && (strncasecmp(w, "sec", 3) == 0 || strncasecmp(w, "min", 3) == 0))))
			return 0;     /* "05:12.3 s": minutes and seconds, not an address */
		m->why = "a PCI device's address: its groups said with colon and dot";
	} else {
		if (ng != 6 || n != 17)
			return 0;
		for (size_t k = 0; k < 6; k++)
			if (gl[k] != 2 || (k < 5 && sep[k] != ':'))
				return 0;
		m->why = "a MAC address: six pairs of hexadecimal digits, said with colon";
	}
	m->a = s;
	m->alen = n;
	m->ntok = 1;
	return 1;
}

/* The table: the first rule that matches a token decides its class. */
static const struct rule rules[] = {
	{"a subject's prefix of two small letters", C_ACRONYM, m_subject_prefix, 1},
	{"a mail's reply or forward mark", C_ABBREVIATION, m_mail_mark, 0},
	{"a URL broken after its colon", C_URL, m_url_split, 1},
	{"single capitals about a spaced slash", C_SPACED_SLASH, m_spaced_slash, 0},
	{"a USB port path", C_USB_PORT, m_usb_port, 0},
	{"a PCI device's or a MAC address", C_BUS_ADDR, m_bus_address, 0},
	{"two names glued by a small in", C_GLUED_IN, m_glued_in, 0},
	{"a range of hexadecimal numbers with an h", C_HEX_H_RANGE, m_hex_h_range, 0},
	{"a count of a plural noun per a unit of time", C_NOUN_RATE, m_noun_rate, 0},
	{"a spaced x between a count and a number", C_IDIOM, m_times_x, 1},
	{"a PCIe lane width", C_IDIOM, m_lane_width, 0},
	{"a diffstat's count after |: its bar of + and - not said", C_CARDINAL, m_diffstat, 0},
	{"serial after a catalogue label", C_SERIAL, m_serial, 0},
	{"a telephone number", C_SERIAL, m_phone, 0},
	{"a file's mode in octal", C_SERIAL, m_file_mode, 0},
	{"an oops's page-table entry after its level", C_SERIAL, m_pt_entry, 0},
	{"a bug tracker's number of five digits or more: digit by digit", C_SERIAL, m_bug_number, 0},
	{"money: a currency and a number", C_MONEY, m_money, 0},
	{"a protocol and its version", C_VERSION, m_protocol_version, 0},
	{"numbers with a slash said as a name", C_IDIOM, m_slash_idiom, 0},
	{"a memory generation and its speed", C_MODEL, m_memory_speed, 0},
	{"models joined by slashes before a device", C_MODEL, m_model_slash, 0},
	{"an IEEE 802 standard", C_STANDARD, m_standard, 0},
	{"a device ID", C_DEVICE_ID, m_device_id, 0},
	{"an engine's V and cylinders", C_IDIOM, m_vee_engine, 0},
	{"a date", C_DATE, m_date, 0},
	{"a ratio", C_RATIO, m_ratio, 0},
	{"a time elapsed", C_DURATION, m_elapsed, 0},
	{"a time of day", C_TIME, m_time, 0},
	{"a duration", C_DURATION, m_duration, 0},
	{"a day in a list after a month", C_ORDINAL, m_day_list, 0},
	{"a range of years", C_YEAR_RANGE, m_year_range, 0},
	{"a power of ten in the plural before of", C_IDIOM, m_round_plural, 0},
	{"a decade", C_DECADE, m_decade, 0},
	{"an ordinal: a number and st, nd, rd, th", C_ORDINAL, m_ordinal, 0},
	{"a fraction set apart before a measure", C_FRACTION, m_mixed_fraction, 0},
	{"a fraction", C_FRACTION, m_fraction, 0},
	{"a fraction before of", C_FRACTION, m_slash_fraction, 0},
	{"a fraction in a formula", C_FRACTION, m_formula_fraction, 0},
	{"a fraction with an ordinal ending", C_FRACTION, m_slash_ordinal, 0},
	{"a comment marker", C_COMMENT, m_comment, 0},
	{"number sign", C_NUMBER_SIGN, m_number_sign, 0},
	{"a model number in the plural", C_MODEL, m_model_plural, 0},
	{"a SoC line's model after i.MX", C_MODEL, m_chip_line_model, 0},
	{"a chip's part number: digits and a unit's capital", C_MODEL, m_model_units, 0},
	{"a test parameter's value: tasks, threads or seconds", C_CARDINAL, m_param_value, 0},
	{"a rate: a number, a unit, a slash set apart and a unit", C_MEASURE, m_rate_spaced, 0},
	{"two percentages joined by a dash: a range", C_MEASURE, m_percent_range, 0},
	{"feet and inches with their marks", C_MEASURE, m_feet_inches, 0},
	{"a size in inches with its mark", C_MEASURE, m_inch_mark, 0},
	{"a place's coordinate", C_MEASURE, m_coordinate, 0},
	{"a board's model number and letter", C_MODEL, m_board_letter, 0},
	{"a number and a unit", C_MEASURE, m_measure, 0},
	{"a number with a sign or a plus", C_CARDINAL, m_signed, 0},
	{"a sign before a number", C_SIGN, m_sign_alone, 0},
	{"dimensions: N x M", C_DIMENSION, m_dimension, 0},
	{"a number in a subject's prefix", C_MODEL, m_model_subject, 0},
	{"a number after a brand", C_MODEL, m_model, 0},
	{"a number before a device", C_MODEL, m_model_before, 0},
	{"a number that is its phrase's noun", C_MODEL, m_model_det, 0},
	{"the next of a list of models", C_MODEL, m_model_list, 0},
	{"four digits", C_YEAR, m_year, 0},
	{"two numbers and a point", C_DECIMAL, m_decimal, 0},
	{"Roman numeral", C_ROMAN, m_roman, 0},
	{"a unit's symbol after in", C_ABBREVIATION, m_unit_in, 1},
	{"a unit's symbol alone in parentheses", C_ABBREVIATION, m_unit_label, 1},
	{"a page in Roman numerals of small letters after p.", C_ROMAN, m_roman_page, 1},
	{"a state's postal code before the country", C_ABBREVIATION, m_us_state, 1},
	{"a small v. before a number: version", C_ABBREVIATION, m_version_abbr, 1},
	{"a times sign before a power of ten", C_IDIOM, m_sci_times, 1},
	{"abbreviation (abbrs)", C_ABBREVIATION, m_abbr, 1},
};

const char *const class_names[] = {
	[C_NONE] = "shape", [C_SERIAL] = "serial", [C_MONEY] = "money",
	[C_YEAR_RANGE] = "year range", [C_FRACTION] = "fraction",
	[C_NUMBER_SIGN] = "number", [C_MEASURE] = "measure", [C_YEAR] = "year",
	[C_CARDINAL] = "cardinal", [C_DECIMAL] = "decimal", [C_VERSION] = "version",
	[C_MODEL] = "model number", [C_ROMAN] = "Roman numeral",
	[C_ABBREVIATION] = "abbreviation", [C_DATE] = "date", [C_TIME] = "time",
	[C_ORDINAL] = "ordinal", [C_DECADE] = "decade", [C_DIMENSION] = "dimensions",
	[C_STANDARD] = "standard", [C_DEVICE_ID] = "device ID",
	[C_COMMENT] = "comment", [C_URL] = "URL", [C_SIGN] = "sign", [C_DURATION] = "duration",
	[C_IDIOM] = "idiom", [C_RATIO] = "ratio", [C_ACRONYM] = "acronym", [C_SPACED_SLASH] = "letters about a spaced slash",
	[C_USB_PORT] = "USB port path", [C_GLUED_IN] = "names glued by in",
	[C_NOUN_RATE] = "a noun per a unit of time", [C_HEX_H_RANGE] = "a range of hexadecimal numbers with an h",
	[C_BUS_ADDR] = "bus address",
};

int classify_say(struct en *e, const struct tok *t, int nt, int i)
{
	struct cctx c = {e, t, nt, i};
	/* "Mr.", "e.g.": the lexicon's, with the full stop */
	size_t cn;
	const char *cs = core(&c, i, &cn), *star;
	if (cs && t[i].trail && cs[cn] == '.' && lex_find(e, cs, cn + 1, &star, &cn) && !star)
		return 0;
	/* a word of small letters: only the rules that say words are asked */
	size_t wn;
	const char *ws = core(&c, i, &wn);
	int word = ws && islower((unsigned char)ws[0]) && all_alpha(ws, wn);
	for (size_t r = 0; r < ARRAY_LEN(rules); r++) {
		if (word && !rules[r].on_words)
			continue;
		struct match m;
		memset(&m, 0, sizeof m);
		m.ntok = 1;
		int got = rules[r].match(&c, &m);
		if (!got)
			continue;
		enum tclass cls = rules[r].cls;
		if (got < 0)
			cls = C_CARDINAL;
		if (cls == C_DECIMAL && m.version)
			cls = C_VERSION;
		decide(e, class_names[cls], m.why ? m.why : rules[r].name);
		verbalise(e, cls, &m);
		if (rules[r].match == m_diffstat && i + m.ntok < nt)
			punct(e, ',');       /* a pause before the next row */
		const struct tok *last = &t[i + m.ntok - 1];
		size_t ln = last->rawlen - last->lead - last->trail;
		if ((cls == C_ABBREVIATION || cls == C_DATE || cls == C_TIME) && m.dot && !m.a) {
			/* the full stop belongs to the abbreviation, unless it also ends the sentence */
			emit_trail(e, last->raw + last->lead + ln + 1, last->trail - 1, 1);
			if (i + m.ntok == nt)
				punct(e, '.');
		} else {
			emit_trail(e, last->raw + last->lead + ln, last->trail, 1);
		}
		set_prev(e, last->raw + last->lead, ln);
		return m.ntok;
	}
	return 0;
}
