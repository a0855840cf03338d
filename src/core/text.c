/*
 * text.c: the text rules shared by the stages (UTF-8, character
 * boundaries, CJK, abbreviations, sentences). In: UTF-8 bytes. Out: code
 * points, offsets, classes; built on util.c only. See text.h.
 */
#include "text.h"

#include <string.h>
#include <strings.h>

#include "util.h"

#include <ctype.h>

/* ---- UTF-8 ---- */

size_t text_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0) {
		*cp = TEXT_BAD;
		return 0;
	}
	unsigned char c = s[0];
	int need;
	unsigned char lo = 0x80, hi = 0xBF; /* range of the second byte */
	uint32_t v;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F; /* nothing past U+10FFFF */
	} else {
		*cp = TEXT_BAD; /* 80..C1, F5..FF never start a sequence */
		return 1;
	}
	size_t i = 1;
	for (int k = 0; k < need; k++, i++) {
		if (i >= n) {
			*cp = TEXT_BAD;
			return i;
		}
		unsigned char b = s[i];
		unsigned char l = k == 0 ? lo : 0x80, h = k == 0 ? hi : 0xBF;
		if (b < l || b > h) {
			*cp = TEXT_BAD;
			return i;
		}
		v = (v << 6) | (b & 0x3F);
	}
	*cp = v;
	return i;
}

size_t text_cp_at(const char *s, size_t n, size_t i, uint32_t *cp)
{
	size_t l = text_decode(s + i, n - i, cp);
	if (*cp == TEXT_BAD)
		*cp = 0xFFFD;
	return l ? l : 1;
}

static int continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

size_t text_cut(const char *s, size_t n)
{
	while (n > 0 && continuation(s[n]))
		n--;
	return n;
}

size_t text_prev(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && continuation(s[j]))
		j--;
	return j;
}

int utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t l = text_decode(s, n, &c);
	if (l == 0 || c == TEXT_BAD)
		return 0;
	*cp = c;
	return (int)l;
}

int utf8_check(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		int l = utf8_decode(s + i, n - i, &cp);
		if (l == 0 || cp == 0) {
			if (bad)
				*bad = i;
			return -1;
		}
		i += (size_t)l;
	}
	return 0;
}

void utf8_put(struct buf *b, uint32_t cp)
{
	char o[4];
	if (cp < 0x80) {
		o[0] = (char)cp;
		buf_add(b, o, 1);
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, o, 2);
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, o, 3);
	} else {
		o[0] = (char)(0xF0 | (cp >> 18));
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		buf_add(b, o, 4);
	}
}

/* ---- classes ---- */

int text_is_han(uint32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       cp == 0x3007;
}

int text_is_cjk_punct(uint32_t cp)
{
	return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007) ||
	       (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65);
}

int text_is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFF);
}

int text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
}

int text_is_terminator(uint32_t cp, int *cjk)
{
	*cjk = cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F; /* 。！？ */
	return *cjk || cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

int text_is_closer(uint32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	       cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == 0xFF09 || cp == 0xBB;
}

/* ---- abbreviations ---- */

static const struct {
	const char *word;
	enum text_abbr kind;
} abbrevs[] = {
	{"e.g", TEXT_ABBR_INNER}, {"i.e", TEXT_ABBR_INNER}, {"vs", TEXT_ABBR_INNER},
	{"cf", TEXT_ABBR_INNER}, {"incl", TEXT_ABBR_INNER}, {"resp", TEXT_ABBR_INNER},
	{"ca", TEXT_ABBR_INNER}, {"Mr", TEXT_ABBR_INNER}, {"Mrs", TEXT_ABBR_INNER},
	{"Ms", TEXT_ABBR_INNER}, {"Dr", TEXT_ABBR_INNER}, {"Prof", TEXT_ABBR_INNER},
	{"St", TEXT_ABBR_INNER}, {"No", TEXT_ABBR_INNER}, {"Fig", TEXT_ABBR_INNER},
	{"Jr", TEXT_ABBR_INNER}, {"Sr", TEXT_ABBR_INNER}, {"Sen", TEXT_ABBR_INNER},
	{"Gov", TEXT_ABBR_INNER}, {"Rev", TEXT_ABBR_INNER}, {"Gen", TEXT_ABBR_INNER},
	{"Lt", TEXT_ABBR_INNER}, {"Col", TEXT_ABBR_INNER},
	/* before a name or a number: "Mt. Everest", "Capt. Smith", "Vol. 3", "pp. 12" */
	{"Mt", TEXT_ABBR_INNER}, {"Ft", TEXT_ABBR_INNER}, {"Capt", TEXT_ABBR_INNER},
	{"Sgt", TEXT_ABBR_INNER}, {"Cpl", TEXT_ABBR_INNER}, {"Maj", TEXT_ABBR_INNER},
	{"Adm", TEXT_ABBR_INNER}, {"Vol", TEXT_ABBR_INNER}, {"Vols", TEXT_ABBR_INNER},
	{"Nos", TEXT_ABBR_INNER}, {"pp", TEXT_ABBR_INNER}, {"approx", TEXT_ABBR_INNER},
	{"etc", TEXT_ABBR_FINAL}, {"al", TEXT_ABBR_FINAL},
	{"Inc", TEXT_ABBR_FINAL}, {"Ltd", TEXT_ABBR_FINAL}, {"Corp", TEXT_ABBR_FINAL},
	{"Co", TEXT_ABBR_FINAL},
};

enum text_abbr text_abbreviation(const char *word, size_t n)
{
	if (n == 1 && word[0] >= 'A' && word[0] <= 'Z')
		return TEXT_ABBR_INITIAL;
	for (size_t i = 0; i < ARRAY_LEN(abbrevs); i++)
		if (strlen(abbrevs[i].word) == n && strncasecmp(abbrevs[i].word, word, n) == 0)
			return abbrevs[i].kind;
	return TEXT_ABBR_NONE;
}

/*
 * 1 when the full stop that ends t[..dot) (dot is the index of the '.')
 * belongs to an abbreviation that does not end the sentence here; after
 * is where the text goes on after it and its closers.
 */
static int abbreviation_holds(const char *t, size_t start, size_t dot, size_t after, size_t n)
{
	size_t w = dot;
	while (w > start && t[w - 1] != ' ' && t[w - 1] != '(')
		w--;
	enum text_abbr a = text_abbreviation(t + w, dot - w);
	if (a == TEXT_ABBR_INNER)
		return 1;
	if (a != TEXT_ABBR_FINAL)
		return 0;
	size_t j = after;
	while (j < n && t[j] == ' ')
		j++;
	return j < n && t[j] >= 'a' && t[j] <= 'z';
}

/* ---- spoken hints ---- */

char *text_hint(const char *written, size_t wn, const char *said)
{
	struct buf b = {0};
	buf_putc(&b, TEXT_HINT_OPEN);
	buf_add(&b, written, wn);
	buf_putc(&b, TEXT_HINT_SAY);
	buf_puts(&b, said);
	buf_putc(&b, TEXT_HINT_CLOSE);
	return buf_detach(&b);
}

size_t text_hint_end(const char *t, size_t i, size_t n)
{
	if (i >= n || t[i] != TEXT_HINT_OPEN)
		return i;
	const char *c = memchr(t + i, TEXT_HINT_CLOSE, n - i);
	return c ? (size_t)(c - t) + 1 : n;
}

int text_has_hint(const char *t, size_t n)
{
	return memchr(t, TEXT_HINT_OPEN, n) != NULL;
}

char *text_form(const char *t, size_t n, enum text_form form)
{
	struct buf b = {0};
	for (size_t i = 0; i < n;) {
		size_t e = text_hint_end(t, i, n);
		if (e == i) {
			const char *o = memchr(t + i, TEXT_HINT_OPEN, n - i);
			size_t k = o ? (size_t)(o - t) : n;
			buf_add(&b, t + i, k - i);
			i = k;
			continue;
		}
		/* [i+1, say) written, [say+1, close) the engine's */
		size_t close = e - (t[e - 1] == TEXT_HINT_CLOSE);
		const char *sp = memchr(t + i + 1, TEXT_HINT_SAY, close - i - 1);
		size_t say = sp ? (size_t)(sp - t) : close;
		size_t eng = say < close ? say + 1 : close;
		if (form != TEXT_ENGINE)
			buf_add(&b, t + i + 1, say - i - 1);
		if (form == TEXT_ENGINE)
			buf_add(&b, t + eng, close - eng);
		else if (form == TEXT_SHOWN) {
			buf_putc(&b, '<');
			buf_add(&b, t + eng, close - eng);
			buf_putc(&b, '>');
		}
		i = e;
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}

int text_engine_blank(char *t, size_t n, size_t **spans)
{
	int k = 0;
	if (spans)
		*spans = NULL;
	for (size_t i = 0; i < n;) {
		size_t e = text_hint_end(t, i, n);
		if (e == i) {
			i++;
			continue;
		}
		if (spans) {
			*spans = xreallocarray(*spans, (size_t)k + 1, 2 * sizeof **spans);
			(*spans)[2 * k] = i;
			(*spans)[2 * k + 1] = e;
		}
		k++;
		const char *sp = memchr(t + i, TEXT_HINT_SAY, e - i);
		size_t say = sp ? (size_t)(sp - t) : e;
		memset(t + i, ' ', (say < e ? say + 1 : e) - i);
		if (t[e - 1] == TEXT_HINT_CLOSE)
			t[e - 1] = ' ';
		i = e;
	}
	return k;
}

/* ---- sentences ---- */

/* Past phoneme input [[...]] starting at t[i], when flags keep it whole. */
static size_t skip_phonemes(const char *t, size_t i, size_t n, int flags)
{
	if (!(flags & TEXT_PHONEMES) || i + 1 >= n || t[i] != '[' || t[i + 1] != '[')
		return i;
	i += 2;
	while (i < n && !(i + 1 < n && t[i] == ']' && t[i + 1] == ']'))
		i++;
	return i + 2 <= n ? i + 2 : n;
}

size_t text_sentence_end(const char *t, size_t st, size_t n, int flags)
{
	size_t i = st;
	while (i < n) {
		size_t k = skip_phonemes(t, i, n, flags);
		if (k == i)
			k = text_hint_end(t, i, n);   /* a hint holds no sentence's end */
		if (k != i) {
			i = k;
			continue;
		}
		uint32_t cp;
		int cjk, more;
		size_t at = i;
		i += text_cp_at(t, n, i, &cp);
		if (!text_is_terminator(cp, &cjk))
			continue;
		/* closing quotes and more marks ("?!", "。」") belong to it */
		size_t l;
		while (i < n && (l = text_cp_at(t, n, i, &cp)) &&
		       (text_is_closer(cp) || text_is_terminator(cp, &more)))
			i += l;
		if (i >= n)
			return n;
		if (cjk)
			return i;
		if (text_is_space(cp) && !(t[at] == '.' && i == at + 1 && abbreviation_holds(t, st, at, i, n)))
			return i;
	}
	return n;
}

int text_sentences(const char *t, size_t n, int flags, size_t **r)
{
	size_t *v = NULL;
	int cnt = 0, cap = 0;
	size_t i = 0;
	*r = NULL;
	while (i < n) {
		uint32_t cp;
		size_t l;
		while (i < n && (l = text_cp_at(t, n, i, &cp)) && text_is_space(cp))
			i += l;
		if (i >= n)
			break;
		size_t start = i, end = text_sentence_end(t, start, n, flags);
		i = end;
		while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n' ||
				       t[end - 1] == '\r'))
			end--;
		if (end == start)
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, (size_t)cap * 2, sizeof *v);
		}
		v[2 * cnt] = start;
		v[2 * cnt + 1] = end;
		cnt++;
	}
	*r = v;
	return cnt;
}

/* s[0..n) as code points (an invalid byte counts as one), at most 64; -1 when longer. */
static int code_points(const char *s, size_t n, uint32_t out[64])
{
	int k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int l = utf8_decode(s + i, n - i, &cp);
		if (l <= 0) {
			cp = (unsigned char)s[i];
			l = 1;
		}
		if (k == 64)
			return -1;
		out[k++] = cp < 0x80 ? (uint32_t)tolower((int)cp) : cp;
		i += (size_t)l;
	}
	return k;
}

int text_edit_distance(const char *a, size_t an, const char *b, size_t bn, int max)
{
	int d[65][65];
	uint32_t x[64], y[64];
	int n = code_points(a, an, x), m = code_points(b, bn, y);
	if (n < 0 || m < 0)
		return max + 1;
	for (int i = 0; i <= n; i++)
		d[i][0] = i;
	for (int j = 0; j <= m; j++)
		d[0][j] = j;
	for (int i = 1; i <= n; i++)
		for (int j = 1; j <= m; j++) {
			int v = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m] > max ? max + 1 : d[n][m];
}

/* Whether s[i] is a tilde between two numbers, a range: "5~6", "10~20",
 * a unit glued to the first too, "500ms~10s" (up to four letters). */
int text_range_tilde(const char *s, size_t n, size_t i)
{
	if (i >= n || s[i] != '~' || i + 1 >= n || !isdigit((unsigned char)s[i + 1]))
		return 0;
	size_t u = i;
	while (u > 0 && i - u < 4 && isalpha((unsigned char)s[u - 1]))
		u--;
	return u > 0 && isdigit((unsigned char)s[u - 1]);
}

/* Whether s[i] is an asterisk inside an identifier, a wildcard: after an
 * underscore that ends a name ("CONFIG_*", "upper_*_bits"), or between a
 * name and an underscore ("foo*_bits"). */
static int ident_star(const char *s, size_t n, size_t i)
{
	if (i >= n || s[i] != '*')
		return 0;
	if (i >= 2 && s[i - 1] == '_' && (isalnum((unsigned char)s[i - 2]) || s[i - 2] == '_'))
		return 1;
	return i >= 1 && i + 2 < n && isalnum((unsigned char)s[i - 1]) && s[i + 1] == '_' &&
	       (isalnum((unsigned char)s[i + 2]) || s[i + 2] == '_');
}

/* Whether s[i] is such a wildcard or an underscore beside one: the star
 * makes the underscores beside it flank emphasis ("upper_*_bits() and
 * lower_*_bits()" emphasised "bits() and lower"), so all three are escaped. */
int text_ident_star(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '_')
		return (i > 0 && ident_star(s, n, i - 1)) || ident_star(s, n, i + 1);
	return ident_star(s, n, i);
}

/*
 * A copy of the body where a tilde between two digits ("5~6 years",
 * "10~20 ms", a unit before it too: "500ms~10s") is escaped: it is a range, never strike-through's mark, and
 * two of them in a paragraph would silently strike the words between them
 * ("5~6 years and 10~20 ms" was said "five hundred twenty milliseconds").
 * So is an asterisk inside an identifier ("upper_*_bits() and lower_*_bits()"
 * lost both, as emphasis).
 * Not inside code spans or fenced code. Lines stay where they were.
 */
char *text_escape_range_tildes(const char *s, size_t n, size_t *out_n)
{
	struct buf b = {0};
	int fence = 0, code = 0;
	for (size_t i = 0; i < n; i++) {
		int bol = i == 0 || s[i - 1] == '\n';
		if (bol && (strncmp(s + i, "```", 3) == 0 || strncmp(s + i, "~~~", 3) == 0))
			fence = !fence;
		if (bol && i + 1 < n && s[i] == '\n')
			code = 0;          /* a blank line ends any code span */
		if (s[i] == '`')
			code = !code;
		if (!fence && !code && (text_range_tilde(s, n, i) || text_ident_star(s, n, i)))
			buf_putc(&b, '\\');
		buf_putc(&b, s[i]);
	}
	*out_n = b.len;
	return b.data ? buf_detach(&b) : xstrdup("");
}
