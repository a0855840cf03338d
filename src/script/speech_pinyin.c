/*
 * speech_pinyin.c: Chinese names written in pinyin, inside English text.
 * espeak-ng reads "Xie" as "zai" and "Miao" as "my-oh"; a listener expects
 * "shyeh" and "meow". A capitalised token that is one or two pinyin
 * syllables (pinyin.table, built in as pinyin_table_text), that no English
 * word list, lexicon or the kernel vocabulary knows, and whose shape is
 * clearly a name, is said from the table's respelling of its syllables.
 * The shape is clear when the token has a spelling English does not use at
 * a syllable's start (x, q, zh, c before a final of two letters), or ends in
 * a final no English word ends in (iao, jie, iu, uo, ui, ian, iang, iong,
 * ong, uai, ei);
 * or when the token next to it is so marked ("Zhang Yi"; not "Kai Henning",
 * where neither is).
 *
 * In: one token of letters. Out: its respelling, or nothing.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "speech_en_int.h"

struct syl {
	char sy[8];
	char said[16];
};

static struct syl *syls;
static size_t nsyls;

static int syl_cmp(const void *a, const void *b)
{
	return strcmp(((const struct syl *)a)->sy, ((const struct syl *)b)->sy);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Reads the table once, on first use (the normaliser may run in threads). */
static void load(void)
{
	size_t cap = 512;
	syls = calloc(cap, sizeof *syls);
	if (!syls)
		abort();
	for (const char *p = pinyin_table_text; *p;) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		const char *tab = memchr(p, '\t', len);
		if (tab && tab - p < 8 && len - (size_t)(tab - p) - 1 < 16 && nsyls < cap) {
			struct syl *s = &syls[nsyls++];
			memcpy(s->sy, p, (size_t)(tab - p));
			memcpy(s->said, tab + 1, len - (size_t)(tab - p) - 1);
		}
		p += len + (eol != NULL);
	}
	qsort(syls, nsyls, sizeof *syls, syl_cmp);
}

static const struct syl *find(const char *s, size_t n)
{
	struct syl key = {{0}, {0}};
	if (n == 0 || n >= sizeof key.sy)
		return NULL;
	for (size_t i = 0; i < n; i++)
		key.sy[i] = (char)tolower((unsigned char)s[i]);
	return bsearch(&key, syls, nsyls, sizeof *syls, syl_cmp);
}

/* Cuts s into one or two syllables (the longer first syllable first);
 * returns how many, with the cut in *cut. */
static int parse(const char *s, size_t n, size_t *cut)
{
	pthread_once(&once, load);
	if (find(s, n)) {
		*cut = n;
		return 1;
	}
	for (size_t k = n - 1 < 6 ? n - 1 : 6; k >= 1; k--)
		if (find(s, k) && find(s + k, n - k)) {
			/* a syllable after another never starts with a vowel in
			 * writing without an apostrophe ("Xi'an") */
			if (strchr("aeiouv", tolower((unsigned char)s[k])))
				continue;
			*cut = k;
			return 2;
		}
	return 0;
}

static int shape_token(const char *s, size_t n)
{
	if (n < 2 || n > 12 || !isupper((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A syllable's spelling English does not have: x, q, zh at its start, c
 * before a final of two letters or more ("Cao", "Cui"), or a final no
 * English word ends in. English names have what is only a pinyin syllable
 * by chance: c before one vowel ("Cuba", "Luca", "Cate", "Ceti") and "ie"
 * after a consonant ("Mabie", "Junie", "Annie"); "ie" marks only after j
 * ("Jie"; after x and q the initial marks it). */
static int marked(const char *s, size_t n, int last)
{
	static const char *const finals[] = {"iao", "ie", "iu", "uo", "ui", "ian", "iang", "iong",
					     "ong", "uai", "ei"};
	int c = tolower((unsigned char)s[0]);
	if (c == 'x' || c == 'q' || (c == 'z' && n > 1 && s[1] == 'h') ||
	    (c == 'c' && n > 2 && s[1] != 'h'))
		return 1;
	for (size_t k = 0; last && k < ARRAY_LEN(finals); k++) {
		size_t fl = strlen(finals[k]);
		if (n > fl && strncmp(s + n - fl, finals[k], fl) == 0 &&
		    (fl != 2 || finals[k][0] != 'i' || finals[k][1] != 'e' ||
		     tolower((unsigned char)s[n - 3]) == 'j'))
			return 1;
	}
	return 0;
}

/* No list of English words or kernel text knows it. A token spelled as
 * no English word is (marked) may still be in a list of names or in
 * hunspell's proper nouns ("Qu") or among scowl's rarest words ("xu"):
 * only a word of the lists up to size 60 stops it. */
static int unknown(struct en *e, const char *s, size_t n, int mark)
{
	const char *why, *star;
	size_t sl;
	char low[16];
	if (n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (vocab_kind(low, n) != VOCAB_NONE || lex_find(e, s, n, &star, &sl) || lex_find(e, low, n, &star, &sl))
		return 0;
	if (mark) /* "xu", a coin, is in the rare words of size 70 only */
		return !words_common(low, n, 60);
	return !known_word(s, n, &why) && !dict_word(s, n);
}

/* 1 when s is a capitalised token of one or two pinyin syllables no list
 * knows; 2 when it is also marked as pinyin by its spelling. */
static int name_like(struct en *e, const char *s, size_t n, size_t *cut, int *ns)
{
	if (!shape_token(s, n))
		return 0;
	*ns = parse(s, n, cut);
	if (!*ns)
		return 0;
	/* a final marks the token's last syllable only: "Heine" is no "hei-ne" */
	int mark = *ns == 1 ? marked(s, n, 1) : marked(s, *cut, 0) || marked(s + *cut, n - *cut, 1);
	return unknown(e, s, n, mark) ? 1 + mark : 0;
}

/* A name of two syllables English knows (hunspell's proper nouns: "Julian",
 * "Damian", "Fabian") marked only by its final ian, beside a capitalised name that is no
 * pinyin at all ("Julian Braha"), is the English name; beside pinyin ("Hui
 * Wang", "Wei Fang"), with a pinyin initial ("Xian") or of one syllable
 * ("Bard Liao": hunspell has Liao, Wei, Hui) it stays pinyin. */
static int english_name(struct en *e, const char *s, size_t n, size_t cut, int ns)
{
	const char *why;
	size_t ocut;
	if (ns != 2 || n < 5 || strncasecmp(s + n - 3, "ian", 3) != 0 || marked(s, cut, 0) ||
	    marked(s + cut, n - cut, 0) || !(known_word(s, n, &why) || dict_word(s, n)))
		return 0;
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	for (int i = 0; i < 2; i++)
		if (wn[i] >= 3 && shape_token(w[i], wn[i]) && !parse(w[i], wn[i], &ocut))
			return 1;
	return 0;
}

/* Whether the token's only pinyin marks are spellings English has too: qu
 * before a vowel starting it ("Que", as in queen) or c before a final as a
 * second syllable ("Duncan"); x, zh, q before i, c starting a name or a
 * final such as uo or iao is no English spelling. */
static int english_spelled(const char *s, size_t n, size_t cut, int ns)
{
	if (ns == 1)
		return n >= 3 && tolower((unsigned char)s[0]) == 'q' && s[1] == 'u' && !marked(s + 1, n - 1, 1);
	return !marked(s, cut, 0) && tolower((unsigned char)s[cut]) == 'c' && !marked(s + cut + 1, n - cut - 1, 1) &&
	       (n - cut < 3 || strncmp(s + n - 2, "ei", 2) != 0);
}

/* A name beside s that English knows and that is no pinyin ("Simon",
 * "Sands"): an English name's other word. */
static int english_beside(struct en *e)
{
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	const char *why;
	size_t ocut;
	for (int i = 0; i < 2; i++)
		if (wn[i] >= 3 && shape_token(w[i], wn[i]) && !parse(w[i], wn[i], &ocut) &&
		    (known_word(w[i], wn[i], &why) || dict_word(w[i], wn[i])))
			return 1;
	return 0;
}

/* Whether the token in lower case is a word of scowl's lists up to size. */
static int words_common_lower(const char *s, size_t n, int size)
{
	char low[16];
	if (n >= sizeof low)
		return 1;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return words_common(low, n, size) || words_common(s, n, size);
}

/* Whether two respelled syllables are written apart with a hyphen: the
 * second starts with a vowel, or the first ends in ao, which espeak-ng says
 * "ay-uh" inside a word ("Gaoshung" gay-uh-shung; "Gao-shung" gow-shung),
 * or in ai or why, which it says "ay" inside a word ("Haiyahng" hay-yahng,
 * "Haibaw" hay-bo, "Taiping"; "Hai-yahng" high-yahng). */
static int hyphen_between(const char *a, const char *b)
{
	size_t an = strlen(a);
	/* a final ng before a y ("Mung-yooen", "Jahng-yoo"): run together,
	 * espeak-ng reads "ngy" as n-j or ng-ee ("Mungyooen" "mun-jee-oo-en") */
	return strchr("aeiou", b[0]) ||
	       (an >= 2 && (strcmp(a + an - 2, "ao") == 0 || strcmp(a + an - 2, "ai") == 0 || strcmp(a + an - 2, "hy") == 0 ||
			    (strcmp(a + an - 2, "ng") == 0 && b[0] == 'y')));
}

int say_pinyin(struct en *e, const char *s, size_t n, int flags)
{
	size_t cut, ocut;
	int ns, ons;
	int like = name_like(e, s, n, &cut, &ns);
	/* "Wei Li", "Li Xiang": a syllable of two letters the lists know only
	 * among their rarer words or abbreviations (li, a unit; Li, lithium)
	 * is the surname beside a marked pinyin name, as below */
	int rare = !like && n == 2 && shape_token(s, n) && (ns = parse(s, n, &cut)) == 1 && !words_common_lower(s, n, 50);
	if (!like && !rare)
		return 0;
	int clear = like == 2;
	const char *why = "a pinyin name: its syllables have a spelling English does not use (pinyin.table)";
	if (!clear) {
		/* next to another such name: "Miao Xie", "Xie Miao" */
		size_t pn = strlen(e->prev);
		if ((pn && name_like(e, e->prev, pn, &ocut, &ons) == 2) ||
		    (e->next && name_like(e, e->next, e->nextn, &ocut, &ons) == 2))
			clear = 1, why = rare ? "a pinyin name: a syllable the lists know only as a rare word, next to a marked pinyin name (pinyin.table)"
					      : "a pinyin name: one or two pinyin syllables next to a marked pinyin name (pinyin.table)";
		/* "Yangyang Li", "Jianbo Li": such a syllable after a given name
		 * of two pinyin syllables no list knows is the surname (Li was
		 * "lie"; "Man Yue Mo", one syllable before, stays) */
		else if (rare && pn >= 4 && name_like(e, e->prev, pn, &ocut, &ons) == 1 && ons == 2)
			clear = 1, why = "a pinyin name: a syllable the lists know only as a rare word, after a given name of pinyin syllables (pinyin.table)";
		/* "Hangyu Hua": so is an unmarked syllable of three letters or
		 * more no list knows (Hua was "hyoo-ah"); the given name, which
		 * may be English ("Landen"), stays as it is */
		else if (like == 1 && ns == 1 && n >= 3 && pn >= 4 && name_like(e, e->prev, pn, &ocut, &ons) == 1 && ons == 2)
			clear = 1, why = "a pinyin name: a syllable no list knows after a given name of two pinyin syllables (pinyin.table)";
	}
	if (!clear)
		return 0;
	if (like == 2 && english_name(e, s, n, cut, ns))
		return 0;
	/* beside an English name, only a spelling English lacks marks pinyin:
	 * "Simon Que", "Duncan Sands" are English; "Simon Xu" is pinyin */
	if (like == 2 && english_spelled(s, n, cut, ns) && english_beside(e))
		return 0;
	char out[40];
	const struct syl *a = find(s, cut), *b = ns == 2 ? find(s + cut, n - cut) : NULL;
	snprintf(out, sizeof out, "%s%s%s", a->said, b && hyphen_between(a->said, b->said) ? "-" : "",
		 b ? b->said : "");
	out[0] = (char)toupper((unsigned char)out[0]);
	decide(e, "name", why);
	emit(e, out);
	return 1;
}

/* The respelling of one name word's syllables (one or two), capitalised,
 * in out; 0 when s is no pinyin. */
static int respell(const char *s, size_t n, char *out, size_t outsz)
{
	size_t cut;
	int ns;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	if (n < 2 || n > 12 || !(ns = parse(s, n, &cut)))
		return 0;
	const struct syl *a = find(s, cut), *b = ns == 2 ? find(s + cut, n - cut) : NULL;
	snprintf(out, outsz, "%s%s%s", a->said, b && hyphen_between(a->said, b->said) ? "-" : "", b ? b->said : "");
	out[0] = (char)toupper((unsigned char)out[0]);
	return 1;
}

/* How a word of a person's name counts for pinyin: 0 no pinyin (or a
 * common English word, "Long", "Fan", "Sun"), 1 pinyin syllables English
 * knows too ("Wang", "Chen", "Lin", "Dan"), 2 pinyin only: no list knows
 * it ("Hai", "Yue"), a syllable of two letters the lists know only as a
 * rare word or an abbreviation ("Li", "Su"), or a spelling English does
 * not use that only rarer words have ("Xi", the letter); 3 two syllables
 * no list knows, spelled as pinyin ("Zijun"), pinyin only beside a 2. A
 * hyphenated given name ("Guo-Fu", "Chen-Yu") is 2 when each part is a
 * syllable. */
static int person_word(struct en *e, const char *s, size_t n)
{
	size_t cut;
	int ns;
	char out[48];
	const char *dash = memchr(s, '-', n);
	if (dash) {
		size_t k = (size_t)(dash - s);
		if (memchr(dash + 1, '-', n - k - 1) || !respell(s, k, out, sizeof out) ||
		    !respell(dash + 1, n - k - 1, out, sizeof out) || words_common_lower(s, k, 20) ||
		    words_common_lower(dash + 1, n - k - 1, 20))
			return 0;
		return 2;
	}
	if (!respell(s, n, out, sizeof out) || words_common_lower(s, n, 20))
		return 0;
	ns = parse(s, n, &cut);
	int mark = ns == 1 ? marked(s, n, 1) : marked(s, cut, 0) || marked(s + cut, n - cut, 1);
	/* (two syllables no list knows need a spelling of pinyin too:
	   "Henning" is hen-ning by chance) */
	if ((n == 2 && !words_common_lower(s, n, 50)) || (mark && !words_common_lower(s, n, 35)) ||
	    (ns == 1 && unknown(e, s, n, 0)))
		return 2;
	/* two syllables no list knows, no letter doubled ("Zijun"; not
	   "Henning"), one with a spelling English names seldom have (an
	   initial z, x, q, zh, c, a final eng, ia, ua, ao or one of marked's;
	   not "Landen"): pinyin beside a word that is pinyin only */
	if (ns == 2 && unknown(e, s, n, 0)) {
		static const char *const finals[] = {"eng", "ia", "ua", "ao"};
		int shaped = marked(s, cut, 1) || marked(s + cut, n - cut, 1) ||
			     tolower((unsigned char)s[0]) == 'z' || tolower((unsigned char)s[cut]) == 'z';
		for (size_t i = 1; i < n; i++)
			if (tolower((unsigned char)s[i]) == tolower((unsigned char)s[i - 1]))
				return 1;
		for (size_t k = 0; k < ARRAY_LEN(finals) && !shaped; k++) {
			size_t fl = strlen(finals[k]);
			shaped = (cut >= fl && strncasecmp(s + cut - fl, finals[k], fl) == 0) ||
				 (n - cut >= fl && strncasecmp(s + n - fl, finals[k], fl) == 0);
		}
		return shaped ? 3 : 1;
	}
	return 1;
}

unsigned pinyin_person(struct en *e, const char *const *w, const size_t *wn, int k)
{
	unsigned bits = 0, strong = 0, maybe = 0;
	int all = 1;
	pthread_once(&once, load);
	for (int i = 0; i < k && i < 16; i++) {
		int c = person_word(e, w[i], wn[i]);
		if (c == 3)
			maybe |= 1u << i;
		if (c == 2) {
			strong |= 1u << i;
			/* a hyphenated given name of syllables is pinyin on its own:
			 * "Guo-Fu Tseng", whose surname is Wade-Giles */
			if (memchr(w[i], '-', wn[i]))
				bits |= 1u << i;
		}
		all &= c != 0;
		/* a family name of two letters only pinyin has, last after a given
		 * name: "Bang Li", "Kevin Su" (Li, Su are pinyin whatever the given
		 * name is, which is said as written) */
		if (c == 2 && wn[i] == 2 && i == k - 1 && k >= 2)
			bits |= 1u << i;
	}
	/* every word a syllable, one of them pinyin only: "Hai Li", "Su Yue",
	 * "Xi Wang" (Wang, which English knows too, stays as written); two
	 * syllables no list knows are pinyin there too ("Zijun Hu") */
	if (all && strong)
		bits |= strong | maybe;
	/* a given name of two syllables spelled as pinyin beside syllables
	 * English knows too: "Jianjun Wang", "Dongsheng Yang", "Yuntao Wang"
	 * (Jianjun was jai-an-jun); the others stay as written */
	if (all && !strong && maybe && k >= 2)
		bits |= maybe;
	return bits;
}

int say_pinyin_person(struct en *e, const char *s, size_t n)
{
	char out[96], part[48];
	size_t o = 0;
	for (size_t st = 0; st < n;) {
		const char *dash = memchr(s + st, '-', n - st);
		size_t k = dash ? (size_t)(dash - (s + st)) : n - st;
		if (!respell(s + st, k, part, sizeof part))
			return 0;
		o += (size_t)snprintf(out + o, sizeof out - o, "%s%s", o ? "-" : "", part);
		if (o >= sizeof out)
			return 0;
		st += k + 1;
	}
	decide(e, "name", "a pinyin name: a person's name by its line (an author line, a tag, a table row), "
	       "its words pinyin syllables, one that only pinyin has (pinyin.table)");
	emit(e, out);
	return 1;
}

/* A name written in camel case, two capitalised pinyin syllables, one of
 * them marked as pinyin by its spelling, neither an English word of the
 * lists up to size 50 ("YuBiao", "ZhanJia"; not the brand "TongFang",
 * whose English reading is usual): said as the two syllables, as a name
 * line says them ("YuBiao" was yoo bye-oh in
 * prose; camel_split keeps a two-letter start, "McLaren", whole). */
int say_pinyin_camel(struct en *e, const char *s, size_t n)
{
	char a[24], b[24], out[64];
	size_t cut = 0;
	if (n < 4 || n > 12 || !isupper((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++) {
		if (isupper((unsigned char)s[i])) {
			if (cut)
				return 0;
			cut = i;
		} else if (!islower((unsigned char)s[i])) {
			return 0;
		}
	}
	if (!cut || cut + 1 >= n)
		return 0;
	pthread_once(&once, load);
	if (!find(s, cut) || !find(s + cut, n - cut) ||
	    !(marked(s, cut, 1) || marked(s + cut, n - cut, 1)) ||
	    words_common_lower(s, cut, 50) || words_common_lower(s + cut, n - cut, 50) ||
	    !respell(s, cut, a, sizeof a) || !respell(s + cut, n - cut, b, sizeof b))
		return 0;
	snprintf(out, sizeof out, "%s %s", a, b);
	decide(e, "name", "a pinyin name in camel case: two syllables, one spelled as only pinyin is (pinyin.table)");
	emit(e, out);
	return 1;
}
