/*
 * speech_en.c: English text as a knowledgeable host says it: the tokens
 * (split at white space, the marks at either end kept apart), the lexicon,
 * patch tags and editorial brackets. Each token goes first to the
 * classifier (speech_class.c: years, dates, times, money, measures, ...;
 * said by speech_verbal.c, which also holds the number shapes no rule
 * claims, for parts of tokens), then to the
 * table of shapes (speech_shape.c: URLs, paths, identifiers, symbols),
 * whose runs of letters go to speech_letters.c (words, names, acronyms).
 *
 * In: a stretch of English text (no Speech Markdown, no quotation marks
 * that matter). Out: the words to speak, sentence punctuation kept; a
 * lexicon entry's [[phonemes]] and the letter A are hints (core/text.h):
 * the word as written, with what the engine is given.
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

/* Says the digits s[0..n) as a model number: "eighty-two fifty" (num_model). */
void emit_model(struct en *e, const char *s, size_t n)
{
	struct buf b = {0};
	num_model(&b, s, n);
	emit(e, b.data);
	buf_free(&b);
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

/*
 * Appends a hint (core/text.h): written, the words a person reads, with
 * said, what the engine is given in their place.
 */
void emit_hint(struct en *e, const char *written, size_t wn, const char *said)
{
	char *h = text_hint(written, wn, said);
	emit(e, h);
	free(h);
}

/* The letter A, which espeak-ng reads as the article when it stands alone ("A", "A-", "A."). */
void emit_letter_a(struct en *e)
{
	emit_hint(e, "A", 1, LETTER_A);
}

/*
 * Where what was said from output offset from on holds phonemes ([[...]]
 * of a lexicon entry or a pattern's part), that output becomes a hint whose
 * written form is the token as written, w[0..wn): a transcript shows
 * "Gleixner", espeak-ng is given [[gl'aIksn3]].
 */
void hint_phonemes(struct en *e, size_t from, const char *w, size_t wn)
{
	while (from < e->out.len && e->out.data[from] == ' ')
		from++;
	if (from >= e->out.len || !wn)
		return;
	const char *o = e->out.data + from;
	size_t on = e->out.len - from;
	if (!find_str(o, on, "[[") || text_has_hint(o, on))
		return;
	char *said = xstrndup(o, on);
	e->out.len = from;
	e->out.data[from] = 0;
	int glue = e->glue;
	e->glue = 1;   /* where the words were: no space added */
	emit_hint(e, w, wn, said);
	e->glue = glue;
	free(said);
}

/*
 * When the word just said ends in phonemes, alone or as a hint's engine
 * part: adds ph inside them ("z") and, to a hint, w to its written form
 * ("'s"); 1 when it did.
 */
int said_suffix(struct en *e, const char *w, const char *ph)
{
	const char *o = e->out.data;
	size_t n = e->out.len;
	int hint = n && o[n - 1] == TEXT_HINT_CLOSE;
	size_t end = hint ? n - 1 : n;   /* past the "]]" */
	if (end < 2 || memcmp(o + end - 2, "]]", 2) != 0)
		return 0;
	size_t say = end;
	while (hint && say > 0 && o[say - 1] != TEXT_HINT_SAY && o[say - 1] != TEXT_HINT_OPEN)
		say--;
	if (hint && (say == 0 || o[say - 1] != TEXT_HINT_SAY))
		return 0;
	size_t at = hint ? say - 1 : end - 2;   /* where w goes: before the SAY mark */
	struct buf b = {0};
	buf_add(&b, o, at);
	if (hint) {
		buf_puts(&b, w);
		buf_add(&b, o + at, end - 2 - at);
	}
	buf_puts(&b, ph);
	buf_add(&b, o + end - 2, n - (end - 2));
	buf_free(&e->out);
	e->out = b;
	return 1;
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
	if (b.len == 1 && b.data[0] == 'A')
		emit_letter_a(e);   /* a lone "A" is otherwise read as the article */
	else
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

int has_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isupper((unsigned char)s[i]))
			return 1;
	return 0;
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

int has_char(const char *s, size_t n, int c)
{
	return memchr(s, c, n) != NULL;
}

const char *find_str(const char *s, size_t n, const char *needle)
{
	/* memmem's set-up costs more than the search in a token: the first
	 * byte by memchr, the rest compared where it is */
	size_t m = strlen(needle);
	if (m == 0)
		return s;
	if (m > n)
		return NULL;
	const char *end = s + n - m + 1;    /* one past the last place it can start */
	for (const char *p = s; (p = memchr(p, needle[0], (size_t)(end - p))) != NULL; p++)
		if (memcmp(p + 1, needle + 1, m - 1) == 0)
			return p;
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

/* A day of the week, capitalised, whole or its three letters ("Tuesday",
 * "Tue"): 1 to 7 from Monday, else 0. */
int weekday_of(const char *s, size_t n)
{
	static const char *const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
	if (n < 3 || !isupper((unsigned char)s[0]))
		return 0;
	for (int i = 0; i < 7; i++)
		if ((strlen(days[i]) == n || n == 3) && strncmp(days[i], s, n) == 0)
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
	/* "VFs", "PFs": capitals and a small s are a plural, not the entry of
	 * the capitals with an S ("VFS" V-F-S) that ignoring case finds; an
	 * entry written so ("CPUs") is taken */
	if (say && !*star && n >= 3 && s[n - 1] == 's' && all_upper(s, n - 1) && all_alpha(s, n - 1) &&
	    !lexicon_lookup_exact(e->ctx->lex, tmp))
		return NULL;
	if (say && *star)   /* make star point into s, not tmp */
		*star = s + (*star - tmp);
	return say;
}

/* Where the lexicon entry for s was written ("voices/kernel.lexicon:12"), for --explain. */
const char *lex_where(struct en *e, const char *s, size_t n)
{
	char tmp[256];
	if (!e->ctx->lex || n >= sizeof tmp)
		return "the lexicon";
	memcpy(tmp, s, n);
	tmp[n] = 0;
	const char *w = lexicon_where(e->ctx->lex, tmp);
	return w ? w : "the lexicon (the episode's front matter)";
}

static int all_alpha_dash(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]) && s[i] != '-')
			return 0;
	return 1;
}

/* Whether say was said just before an opening bracket: "release candidate
 * (-rc)", where the abbreviation only repeats its expansion. */
static int said_before_bracket(const struct en *e, const char *say)
{
	size_t n = e->out.len, sl = strlen(say);
	const char *o = e->out.data;
	if (!e->paren || !o)
		return 0;
	while (n && o[n - 1] == ' ')
		n--;
	if (!n || o[n - 1] != ',')
		return 0;
	n--;
	return sl && n >= sl && strncasecmp(o + n - sl, say, sl) == 0 && (n == sl || o[n - sl - 1] == ' ');
}

/* Whether an expansion of several words would repeat the next word or go
 * against the writer's article: "-rc release" (release candidate release),
 * "an rc" (an release candidate): the writer says the letters there. */
static int expansion_clashes(const struct en *e, const char *say)
{
	if (!strchr(say, ' '))
		return 0;
	for (const char *w = say; e->next && *w;) {
		size_t wl = strcspn(w, " ");
		if (wl == e->nextn && strncasecmp(w, e->next, wl) == 0)
			return 1;
		w += wl + (w[wl] == ' ');
	}
	return strcasecmp(e->prev, "an") == 0 && !strchr("aeiouAEIOU", say[0]);
}

/* "an SCSI disk": the writer's "an" agreed with the letters ("an S-C-S-I");
 * before the entry's word that starts with a consonant, "scuzzy", it is
 * said "a". Letters the entry spells, and words starting with a vowel,
 * keep it; an entry of several words is said by its letters after "an"
 * ("an rc8" an R-C eight: expansion_clashes). */
static void article_agree(struct en *e, const char *s, const char *say)
{
	size_t n = e->out.len;
	char *o = e->out.data;
	if (!o || !strchr("aefhilmnorsxAEFHILMNORSX", s[0]) || !isalpha((unsigned char)say[0]) ||
	    strchr("aeiouAEIOU", say[0]) || !isalpha((unsigned char)say[1]))     /* (a letter: "an x86" an x eighty-six) */
		return;
	while (n && o[n - 1] == ' ')
		n--;
	if (n < 2 || strncasecmp(o + n - 2, "an", 2) != 0 || (n > 2 && o[n - 3] != ' '))
		return;
	memmove(o + n - 1, o + n, e->out.len - n + 1);
	e->out.len--;
}

int lex_say(struct en *e, const char *s, size_t n)
{
	const char *star;
	size_t star_len;
	const char *say = lex_find(e, s, n, &star, &star_len);
	if (!say)
		return 0;
	if (!star && n <= 4 && all_alpha_dash(s, n) && expansion_clashes(e, say)) {
		size_t a = 0;
		while (a < n && s[a] == '-')
			a++;
		if (a < n) {
			decide(e, "lexicon", "its expansion would clash with the words around it: its letters");
			spell(e, s + a, n - a, 0);
			return 1;
		}
	}
	/* "每周发布一个 RC 版本": inside a Chinese sentence an abbreviation whose
	 * entry is English words is said by its letters, R-C, as a Chinese host
	 * reads it */
	if (!star && e->in_zh && n >= 2 && n <= 4 && all_alpha(s, n) && strchr(say, ' ') && islower((unsigned char)say[0]) &&
	    !strchr(say, '-')) {
		decide(e, "acronym", "an abbreviation inside a Chinese sentence: its letters, not the English words");
		spell(e, s, n, 0);
		return 1;
	}
	/* "RC QP", "an RC circuit", "RC6": kernel text writes release candidates
	 * "rc"; RC in capitals is mostly something else, and R-C is right for
	 * both. So any two capitals whose entry is words in small letters: "EG06",
	 * "Quectel EG916Q" are a model's letters, not "for example" */
	if (!star && n == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && strchr(say, ' ') &&
	    islower((unsigned char)say[0])) {
		decide(e, "acronym", "two capitals whose entry is words (rc, eg): its letters");
		spell(e, s, n, 0);
		return 1;
	}
	if (!star && said_before_bracket(e, say)) {
		/* its expansion was just said: the letters, "R-C", not the words again */
		size_t a = 0;
		while (a < n && !isalnum((unsigned char)s[a]))
			a++;
		if (a < n) {
			decide(e, "lexicon", "the expansion said just before the bracket: its letters");
			spell(e, s + a, n - a, 0);
			return 1;
		}
	}
	decide(e, "lexicon", lex_where(e, s, n));
	article_agree(e, s, say);
	/* "SET set" keeps the case of "Set"; capitals and a small s ("PIDs"
	 * pids) are the entry's own spelling, which espeak-ng says with its
	 * plural (it reads "PIDs" as "pid") */
	if (!star && strlen(say) == n && strncasecmp(say, s, n) == 0 && !all_upper(s, n) &&
	    !(n >= 3 && s[n - 1] == 's' && all_upper(s, n - 1)))
		emitn(e, s, n);
	else
		say_entry(e, say, star, star_len);
	decide(e, "lexicon", lex_where(e, s, n));    /* the entry decided, not the parts of its '*' */
	return 1;
}

/* The plural of a spoken form: "sock" -> "socks", "C-P-U" -> "C-P-U's". */
void emit_plural(struct en *e, const char *say)
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

/* ---- tokens ---- */

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
		if (i < n && isalnum((unsigned char)s[i]))
			return i;     /* no mark starts with a letter or digit */
		for (size_t j = 0; j < ARRAY_LEN(marks); j++) {
			size_t m = strlen(marks[j]);
			if (i + m <= n && memcmp(s + i, marks[j], m) == 0) {
				k = m;
				break;
			}
		}
		if (!k)
			return i;
		/* "*_node": a star joined to a name by an underscore is a wildcard, the name's */
		if (s[i] == '*' && i + 1 < n && s[i + 1] == '_')
			return i;
		/* "(re)connect": a "(" closed before the word goes on is the word's,
		 * and so is a "{" ("{nl,mac}80211") */
		const char *q = s[i] == '(' ? memchr(s + i, ')', n - i) : s[i] == '{' ? memchr(s + i, '}', n - i) : NULL;
		if (q && q + 1 < s + n && isalnum((unsigned char)q[1]) && (s[i] == '{' || isalpha((unsigned char)q[1])))
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
		if (i > lead && isalnum((unsigned char)s[i - 1]))
			return n - i;     /* no mark ends with a letter or digit */
		for (size_t j = 0; j < ARRAY_LEN(marks); j++) {
			size_t m = strlen(marks[j]);
			if (i >= lead + m && memcmp(s + i - m, marks[j], m) == 0) {
				k = m;
				break;
			}
		}
		if (!k || i - k < lead)
			return n - i;
		/* keep the '*' of "memalloc_nofs_*": a star joined to a name by an
		 * underscore is a wildcard, the name's */
		if (k == 1 && s[i - 1] == '*' && i - 1 > lead && s[i - 2] == '_')
			return n - i;
		/* keep the '*' of "%p*", the printf conversion */
		if (k == 1 && s[i - 1] == '*' && i - 1 == lead + 2 && s[lead] == '%' && s[lead + 1] == 'p')
			return n - i;
		/* keep the ')' of "f()" or "x(y)" */
		if (s[i - 1] == ')' && depth >= 0)
			return n - i;
		for (size_t j = i - k; j < i; j++)
			depth -= s[j] == '(' ? 1 : s[j] == ')' ? -1 : 0;
		i -= k;
	}
}

/* Programs a command line in kernel text starts with: after one (and a
 * word of its own, "git log"), a token "-x" is an option, said "dash X". */
static const char *const commands[] = {     /* sorted: searched by halves */
	"apt-get", "awk", "bash", "bpftool", "cargo", "cat", "cc", "chmod", "chown", "chrt", "clang",
	"cp", "cpupower", "curl", "dd", "df", "diff", "dmesg", "dnf", "dpkg", "dracut", "du", "echo",
	"egrep", "ethtool", "find", "fio", "flatpak", "free", "fsck", "gcc", "gdb", "git", "grep", "gzip",
	"head", "insmod", "ip", "iptables", "journalctl", "kexec", "kill", "ld", "ln", "ls", "lsblk",
	"lscpu", "lsmod", "lsof", "lspci", "lsusb", "ltrace", "make", "mkdir", "mkfs", "mkinitcpio",
	"modinfo", "modprobe", "mount", "mv", "nft", "nm", "numactl", "objdump", "paccache", "pacman",
	"patch", "perf", "ping", "ps", "qemu", "readelf", "rm", "rmmod", "rpm", "rustc", "sed", "sh",
	"sort", "ss", "ssh", "strace", "stress-ng", "sudo", "sysctl", "systemctl", "tail", "tar",
	"taskset", "tc", "tee", "touch", "trace-cmd", "turbostat", "umount", "uname", "uniq", "virsh",
	"wget", "xz", "yum", "zcat", "zypper",
};

/* Whether s is the name of a program a command line starts with (commands[]). */
int shell_command(const char *s, size_t n)
{
	size_t lo = 0, hi = ARRAY_LEN(commands);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(commands[mid], s, n);
		if (c == 0 && commands[mid][n] != 0)
			c = 1;
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Words before a noun (speech_en_int.h): a command's name after one is the
 * noun ("the patch between -next trees"), its command line only an option
 * right after it ("the perf -e option"); an asterisk after one is no
 * product ("the *ptr"). */
int determiner(const char *w)
{
	static const char *const d[] = {"the", "a", "an", "this", "that", "each", "every", "his", "her", "its",
					"their", "your", "my", "our", "one", "any", "no", "some"};
	for (size_t i = 0; i < ARRAY_LEN(d); i++)
		if (strcasecmp(d[i], w) == 0)
			return 1;
	return 0;
}

void set_prev(struct en *e, const char *s, size_t n)
{
	int after_det = determiner(e->prev);
	int after_option = e->prev[0] == '-' && isalpha((unsigned char)e->prev[1]);
	e->day_range = 0;
	size_t k = n < sizeof e->prev - 1 ? n : sizeof e->prev - 1;
	memcpy(e->prev2, e->prev, sizeof e->prev2);
	memcpy(e->prev, s, k);
	e->prev[k] = 0;
	/* (asked of every token: only a short word in small letters can be
	   a command, and its first letter is compared before the rest) */
	int cmd = 0;
	if (n >= 2 && n <= 10 && islower((unsigned char)s[0])) {
		size_t lo = 0, hi = ARRAY_LEN(commands);
		while (lo < hi && !cmd) {
			size_t mid = (lo + hi) / 2;
			int c = strncmp(commands[mid], s, n);
			if (c == 0 && commands[mid][n] != 0)
				c = 1;
			if (c == 0)
				cmd = 1;
			else if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	/* a program run by its path, "./udp_stream", "./tools/foo": a command too */
	if (!cmd && n >= 3 && s[0] == '.' && s[1] == '/' && isalpha((unsigned char)s[2])) {
		cmd = 1;
		for (size_t i = 2; i < n && cmd; i++)
			cmd = isalnum((unsigned char)s[i]) || strchr("_-/.", s[i]);
	}
	if (cmd)
		e->cmdline = after_det ? 1 : 2;     /* (after one, only an option right after it) */
	else if (n >= 2 && s[0] == '-' && e->cmdline)
		;     /* an option: still the command line */
	else if (e->cmdline && after_option && all_digit(s, n))
		;     /* an option's number, "-F 10 -T 2": still the command line */
	else if (e->cmdline && n && islower((unsigned char)s[0]) && all_alpha(s, n))
		e->cmdline--;     /* a subcommand or an argument: "git log -p", "grep foo -r" */
	else
		e->cmdline = 0;
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
 * written at [ws, we), said from output offset from on, with "<TAB>guess"
 * after it when the decision was a guess (decide_guess).
 */
static void explain_row(struct en *e, const char *ws, const char *we, size_t from)
{
	struct buf *x = e->ctx->explain;
	if (!x || we <= ws)
		return;
	const char *said = e->out.len > from ? e->out.data + from : "";
	while (*said == ' ')
		said++;
	buf_printf(x, "%.*s\t%s\t%s\t%s%s\n", (int)(we - ws), ws, e->cls ? e->cls : "shape",
		   e->why ? e->why : "the shapes of speech_shape.c", said, e->guess ? "\tguess" : "");
	e->cls = e->why = NULL;
	e->guess = 0;
}

/* "!CONFIG_ACPI", "!64-bit", "if (!ptr)": C's negation before a name or a
 * number is said "not", and the rest is the token. */
static size_t f_not(struct en *e, struct tok *t, const char *core, size_t cn)
{
	if (cn < 2 || core[0] != '!' || !(isalnum((unsigned char)core[1]) || core[1] == '_'))
		return 0;
	decide(e, "symbol", "a ! glued before a name or a number: \"not\"");
	emit(e, "not");
	return 1;
}

/* "O(1)", "O(n^2)", "O(log n)": big-O notation, "O of" and what is inside
 * (a ')' closing it is no part of the rest); a capital alone inside is a
 * size too, "O(N^2)", "O(N)", "O(N*M)" (not "O(NULL)", a name). */
static size_t f_big_o(struct en *e, struct tok *t, const char *core, size_t cn)
{
	if (cn < 3 || core[0] != 'O' || core[1] != '(' ||
	    !(isdigit((unsigned char)core[2]) || islower((unsigned char)core[2]) ||
	      (isupper((unsigned char)core[2]) && (cn == 3 || !isalnum((unsigned char)core[3])))))
		return 0;
	decide(e, "symbol", "big-O notation: \"O of\"");
	emit(e, "O of");
	if (cn - 2 > 1 && core[cn - 1] == ')' && !memchr(core + 2, '(', cn - 2))
		t->trail++;
	return 2;
}

/* "--git", "--dry-run", "--no-merges=3": two dashes glued before a name in
 * small letters are a command-line option's, "dash dash", in prose too (a
 * command line says its own options: s_sign). */
static size_t f_long_option(struct en *e, struct tok *t, const char *core, size_t cn)
{
	(void)t;
	if (e->cmdline || cn < 4 || core[0] != '-' || core[1] != '-' || !islower((unsigned char)core[2]))
		return 0;
	size_t w = 2;
	while (w < cn && core[w] != '=') {
		if (!islower((unsigned char)core[w]) && !isdigit((unsigned char)core[w]) && core[w] != '-' && core[w] != '_')
			return 0;
		w++;
	}
	/* "it is --in my view-- wrong": a word that starts a clause after a
	 * dash of two hyphens is no option */
	static const char *const clause[] = {
		"a", "an", "and", "as", "at", "because", "but", "i", "if", "in", "it", "not", "or", "so",
		"that", "the", "then", "this", "to", "we", "which", "while", "you",
	};
	for (size_t k = 0; k < ARRAY_LEN(clause); k++)
		if (strlen(clause[k]) == w - 2 && memcmp(clause[k], core + 2, w - 2) == 0)
			return 0;
	if (core[cn - 1] == '-')
		return 0;
	decide(e, "symbol", "two dashes glued before a name in small letters: an option, \"dash dash\"");
	emit(e, "dash dash");
	return 2;
}

/* "<20", ">2", "<=4", ">=5ms": a comparison glued before a number (its
 * marks may be the token's leading ones, or the start of its core) is said,
 * "less than twenty", not dropped. */
static size_t f_compare(struct en *e, struct tok *t, const char *core, size_t cn)
{
	static const struct { const char *sign, *say; } signs[] = {
		{"<=", "at most"}, {">=", "at least"}, {"<", "less than"}, {">", "more than"},
	};
	/* the marks before the first digit: the lead's last ones, then the core's */
	size_t in = 0;
	while (in < cn && (core[in] == '<' || core[in] == '>' || core[in] == '='))
		in++;
	if (in >= cn || !isdigit((unsigned char)core[in]) || in > 2 || memchr(core, '@', cn) ||
	    memchr(core + cn, '>', t->trail))
		return 0;     /* (not "<2023...@host>", a message ID in angle brackets) */
	size_t lk = 0;
	while (lk < t->lead && lk + in < 2 && (core[-1 - (long)lk] == '<' || core[-1 - (long)lk] == '>'))
		lk++;
	for (size_t j = 0; j + lk < t->lead; j++)
		if (t->raw[j] != '(' && t->raw[j] != '[')
			return 0;
	char sign[3] = "";
	memcpy(sign, core - lk, lk + in);
	sign[lk + in] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(signs); i++) {
		if (strcmp(sign, signs[i].sign) != 0)
			continue;
		decide(e, "symbol", "a comparison glued before a number: said");
		emit(e, signs[i].say);
		return in;
	}
	return 0;
}

/* Words before a handle: the services whose users are named after an at
 * sign, and following them. */
static const char *const handle_cues[] = {
	"twitter", "mastodon", "bluesky", "github", "gitlab", "telegram", "instagram",
	"threads", "fediverse", "x", "follow", "follows", "following", "followed",
};

/* "Follow him on Twitter @TechJournalist": a handle is said "at" and the
 * name. A handle is an at sign glued before a name after a word of
 * handle_cues, or before a name in mixed case (a capital first and a small
 * letter); a kernel-doc parameter ("the @cgrp argument", "@NR_CPUS") keeps
 * its silent at sign, and an address (user@host) is not a handle. */
static int strpbrk_upper(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isupper((unsigned char)s[i]))
			return 1;
	return 0;
}

static size_t f_handle(struct en *e, struct tok *t, const char *core, size_t cn)
{
	(void)t;
	if (cn < 3 || core[0] != '@' || !isalpha((unsigned char)core[1]) || memchr(core + 1, '@', cn - 1))
		return 0;
	int lower = 0;
	for (size_t i = 1; i < cn; i++) {
		if (!isalnum((unsigned char)core[i]) && core[i] != '_')
			return 0;
		lower |= islower((unsigned char)core[i]) != 0;
	}
	int cue = 0;
	for (size_t i = 0; i < ARRAY_LEN(handle_cues) && !cue; i++)
		cue = strcasecmp(e->prev, handle_cues[i]) == 0;
	if (!cue && !(isupper((unsigned char)core[1]) && lower))
		return 0;
	decide(e, "symbol", "a handle: an at sign before a name after a service or \"follow\" (handle_cues), or before a name in mixed case");
	emit(e, "at");
	return 1;
}

/* "per Hz", "per GB": a unit's symbol (with a capital, two letters or more)
 * after "per", without a number, is the unit's name, "per hertz" (espeak-ng
 * spelled it, "per H-Z"). */
static size_t f_per_unit(struct en *e, struct tok *t, const char *core, size_t cn)
{
	(void)t;
	if (cn < 2 || strcasecmp(e->prev, "per") != 0 || !strpbrk_upper(core, cn))
		return 0;
	const struct unit *u = find_unit(core, cn, 1);
	if (!u)
		return 0;
	decide(e, "unit", "a unit's symbol after \"per\": its name");
	emit(e, u->one);
	return cn;
}

/* "capacity(CPU1) = C/2", "= W/2": a variable of one letter over a number
 * after an equals or a times sign said is a term of a formula, "C over
 * two" (not a path's "slash"); so is a capital over a number alone in a
 * Chinese sentence's English run ("工作量W/2"). */
static size_t f_formula_div(struct en *e, struct tok *t, const char *core, size_t cn)
{
	(void)t;
	if (cn < 3 || cn > 4 || !isalpha((unsigned char)core[0]) || core[1] != '/' || !isdigit((unsigned char)core[2]) ||
	    core[2] == '0' || (cn == 4 && !isdigit((unsigned char)core[3])))     /* ("I/0", I/O mistyped: no division) */
		return 0;
	const char *o = e->out.data;
	size_t l = e->out.len;
	while (l && o[l - 1] == ' ')
		l--;
	int after = (l >= 6 && memcmp(o + l - 6, "equals", 6) == 0) || (l >= 5 && memcmp(o + l - 5, "times", 5) == 0);
	/* (inside a Chinese sentence the formula's term stands alone: "完成工作量W/2") */
	if (!after && !(e->in_zh && isupper((unsigned char)core[0]) && !e->next))
		return 0;
	decide(e, "fraction", "a letter over a number after = or *: a term of a formula, \"over\"");
	spell(e, core, 1, 0);
	emit(e, "over");
	emit_numstr(e, core + 2, cn - 2);
	return cn;
}

/*
 * The fronts of a token said before the rest of it, in order: a rule says
 * its front and returns how many bytes of the token's core it took (0: not
 * its kind); the rest goes on as a token. Adding a kind is adding a row.
 */
static const struct front_rule {
	const char *name;
	size_t (*say)(struct en *e, struct tok *t, const char *core, size_t cn);
} front_rules[] = {
	{"a ! before a name or a number", f_not},
	{"big-O notation", f_big_o},
	{"a long option's two dashes", f_long_option},
	{"a comparison before a number", f_compare},
	{"a handle after an at sign", f_handle},
	{"a unit's symbol after per", f_per_unit},
	{"a letter over a number in a formula", f_formula_div},
};

static int strpbrk_n(const char *s, size_t n, const char *set)
{
	for (size_t i = 0; i < n; i++)
		if (strchr(set, s[i]))
			return 1;
	return 0;
}

/* A word of small letters only, two or more (a candidate word of another
 * language: no identifier, no subject's prefix "sunxi:"). */
static int plain_word(const struct tok *t, const char **core, size_t *cn)
{
	*core = t->raw + t->lead;
	*cn = t->rawlen - t->lead - t->trail;
	if (*cn < 2 || (t->trail && (*core)[*cn] == ':'))
		return 0;
	for (size_t j = 0; j < *cn; j++)
		if (!islower((unsigned char)(*core)[j]))
			return 0;
	return 1;
}

/* The small words that glue sentences of other languages together and are no
 * such English word (es, fr, de, nl and af, it, pt, and most), and those of
 * English, each between spaces: looked up as " word ". */
static const char other_glue[] =
	" el los las del una que por para como"
	" les des du une est dans pour sur avec leurs au aux"
	" der und ein eine mit nicht auf zu"
	" het een voor niet wat"
	" il della che di gli nel"
	" uma da de la le ";
static const char english_glue[] =
	" the of to in for on with is are was that this from at when as it be not or and if but into an by ";

/* Whether c[0..cn) is a word of list (in any case). */
static int glue_in(const char *list, size_t ln, const char *c, size_t cn)
{
	char w[10];
	if (cn == 0 || cn > 6)
		return 0;
	w[0] = ' ';
	for (size_t i = 0; i < cn; i++) {
		if (!isalpha((unsigned char)c[i]))
			return 0;
		w[i + 1] = (char)tolower((unsigned char)c[i]);
	}
	w[cn + 1] = ' ';
	w[cn + 2] = '\0';
	/* " word " in the list: "word " found where a space comes before it */
	for (const char *p = list, *end = list + ln; (p = find_str(p, (size_t)(end - p), w + 1)) != NULL; p++)
		if (p > list && p[-1] == ' ')
			return 1;
	return 0;
}

static int other_glue_word(const char *c, size_t cn)
{
	return glue_in(other_glue, sizeof other_glue - 1, c, cn);
}

/* Whether s[0..n) is an arrow pointing forward: "->", "-->", "=>", "==>", "\xe2\x86\x92". */
static int forward_arrow(const char *s, size_t n)
{
	return (n == 2 && (memcmp(s, "->", 2) == 0 || memcmp(s, "=>", 2) == 0)) ||
	       (n == 3 && (memcmp(s, "-->", 3) == 0 || memcmp(s, "==>", 3) == 0 || memcmp(s, "\xe2\x86\x92", 3) == 0));
}

/*
 * Sentences in another language: "Los hechos y el derecho", a title in
 * French inside an English reference. A sentence (up to . ! ? or ;) with two
 * of the small words that glue sentences of the European languages together
 * and are no such English word ("los", "el", "les", "und", "het"), two words
 * of small letters with a vowel that no list knows (scowl, hunspell,
 * kernel.vocab), and at most one English glue word ("the", "of", "to") is
 * marked in foreign[]: its unknown words and its glue words are said as written, not split into
 * English words ("part is") nor spelled ("E-L"). Kernel text has no such
 * glue words; its unknown words are identifiers ("irqfd").
 */
static unsigned char *foreign_sentences(const struct tok *t, int nt)
{
	unsigned char *mark = NULL;
	int st = 0;
	for (int i = 0; i < nt; i++) {
		const char *tr = t[i].raw + t[i].rawlen - t[i].trail;
		int end = i + 1 == nt;
		for (size_t j = 0; j < t[i].trail && !end; j++)
			end = strchr(".!?;", tr[j]) != NULL;
		if (!end)
			continue;
		int glue = 0, foreign = 0, unknown = 0;
		for (int k = st; k <= i; k++) {
			const char *c = t[k].raw + t[k].lead;
			size_t cn = t[k].rawlen - t[k].lead - t[k].trail;
			foreign += other_glue_word(c, cn);
		}
		/* (the rest is asked only then: most sentences stop here) */
		for (int k = st; k <= i && foreign >= 2; k++) {
			const char *c = t[k].raw + t[k].lead, *why;
			size_t cn = t[k].rawlen - t[k].lead - t[k].trail;
			glue += glue_in(english_glue, sizeof english_glue - 1, c, cn);
			if (plain_word(&t[k], &c, &cn) && !known_word(c, cn, &why) && strpbrk_n(c, cn, "aeiouy"))
				unknown++;
		}
		if (foreign >= 2 && unknown >= 2 && glue <= 1) {
			if (!mark)
				mark = xcalloc((size_t)nt, 1);
			memset(mark + st, 1, (size_t)(i + 1 - st));
		}
		st = i + 1;
	}
	return mark;
}

/* The name of a character that a text quotes to talk about it ("a ':'
 * that is preceded by", "the name is '.'", "the \"#!\" characters"). */
static const char *mark_name(char c)
{
	static const struct { char c; const char *name; } names[] = {
		{'.', "dot"}, {',', "comma"}, {':', "colon"}, {';', "semicolon"}, {'?', "question mark"},
		{'!', "exclamation mark"}, {'*', "star"}, {'[', "open bracket"}, {']', "close bracket"},
		{'(', "open paren"}, {')', "close paren"}, {'{', "open brace"}, {'}', "close brace"},
		{'<', "less than"}, {'>', "greater than"}, {'&', "ampersand"}, {'|', "pipe"}, {'~', "tilde"},
		{'^', "caret"}, {'$', "dollar"}, {'%', "percent"}, {'@', "at"}, {'#', "hash"},
		{'_', "underscore"}, {'`', "backtick"}, {'/', "slash"}, {'\\', "backslash"}, {'=', "equals"},
		{'+', "plus"}, {'-', "dash"},
	};
	for (size_t i = 0; i < ARRAY_LEN(names); i++)
		if (names[i].c == c)
			return names[i].name;
	return NULL;
}

/* A mark or two in quotes standing alone, "':'", "'.'", "\"#!\"", "'\0'"
 * (a backslash and what it escapes), and after the closing quote only a
 * sentence's marks: the characters talked about, said by their names
 * ("a colon", "dot", "hash bang"; they were dropped or read as the
 * sentence's own punctuation). Returns the length up to the closing quote,
 * 0 when the token is no such thing; the words in out. */
static size_t quoted_marks(const struct tok *t, char *out, size_t outsz)
{
	const char *r = t->raw, *end = t->raw + t->rawlen;
	while (r < end && *r == '(')
		r++;
	if (end - r < 3 || (*r != '\'' && *r != '"'))
		return 0;
	char q = *r;
	const char *m = r + 1, *c = memchr(m, q, (size_t)(end - m));
	if (!c || c == m || c - m > 2 || (c - m == 2 && m[0] == '/' && m[1] == '/'))
		return 0;     /* ("//" is the path rule's "double slash") */
	for (const char *p = c + 1; p < end; p++)
		if (!strchr(").,;:!?", *p))
			return 0;
	out[0] = '\0';
	if (c - m == 2 && m[0] == '#' && m[1] == '!') {
		snprintf(out, outsz, "hash bang");
		return (size_t)(c + 1 - t->raw);
	}
	for (const char *p = m; p < c; p++) {
		const char *name = mark_name(*p);
		char one[2] = {*p, '\0'};
		if (p == m + 1 && m[0] == '\\' && isalnum((unsigned char)*p))
			name = isdigit((unsigned char)*p) ? (*p == '0' ? "zero" : NULL) : one;
		if (!name)
			return 0;
		size_t k = strlen(out);
		snprintf(out + k, outsz - k, "%s%s", k ? " " : "", name);
	}
	return (size_t)(c + 1 - t->raw);
}

/* Whether a token within six of t[i] is a quoted '+' or the word plus or
 * minus: the pair a quoted '-' is the minus sign of. */
static int plus_near(const struct tok *t, int nt, int i)
{
	for (int j = i - 6; j <= i + 6; j++) {
		if (j < 0 || j >= nt || j == i)
			continue;
		const char *r = t[j].raw;
		size_t n = t[j].rawlen;
		if (find_str(r, n, "'+'") || find_str(r, n, "\"+\"") || find_str(r, n, "`+`"))
			return 1;
		size_t a = 0;
		while (a < n && !isalpha((unsigned char)r[a]))
			a++;
		size_t b = a;
		while (b < n && isalpha((unsigned char)r[b]))
			b++;
		if (b - a == 4 && (strncasecmp(r + a, "plus", 4) == 0))
			return 1;
		if (b - a == 5 && strncasecmp(r + a, "minus", 5) == 0)
			return 1;
	}
	return 0;
}

static void say_tokens(struct en *e, struct tok *t, int nt)
{
	unsigned char *foreign = foreign_sentences(t, nt);
	for (int i = 0; i < nt; i++) {
		const char *core = t[i].raw + t[i].lead;
		size_t cn = t[i].rawlen - t[i].lead - t[i].trail;
		const char *trail = core + cn;
		const char *next = NULL;
		size_t nextn = 0;
		e->prev_first = i == 1 || (i > 1 && t[i - 2].trail &&
					   strchr(".!?:", t[i - 2].raw[t[i - 2].rawlen - 1]) != NULL);
		if (i + 1 < nt) {
			next = t[i + 1].raw + t[i + 1].lead;
			nextn = t[i + 1].rawlen - t[i + 1].lead - t[i + 1].trail;
		}
		/* "three (3) temperatures": a number in brackets after the same
		 * number in words repeats it for the reader, and is not said */
		if (cn >= 1 && cn <= 2 && all_digit(core, cn) && t[i].lead == 1 && t[i].raw[0] == '(' &&
		    t[i].trail >= 1 && trail[0] == ')') {
			static const char *const nums[] = {
				"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
				"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
				"eighteen", "nineteen", "twenty",
			};
			long long v = num_parse(core, cn);
			if (v <= 20 && strcasecmp(e->prev, nums[v]) == 0) {
				size_t from = e->out.len;
				decide(e, "cardinal", "a number in brackets after the same number in words: not said twice");
				explain_row(e, core, core + cn, from);
				emit_trail(e, trail + 1, t[i].trail - 1, 1);
				continue;
			}
		}
		for (size_t j = 0; j < t[i].lead; j++)
			if (t[i].raw[j] == '(') {
				punct(e, ',');
				e->paren++;
			}
		const char *prevcore = i ? t[i - 1].raw + t[i - 1].lead : NULL;
		const char *prev2core = i > 1 ? t[i - 2].raw + t[i - 2].lead : NULL;
		/* "they 've", "we 'll", "I 'm": a contraction's ending a tokenised
		 * text cut from its word, after a word (no mark between), is that
		 * word's ending, said with it ("they've"), not letters ("V-E") */
		if (i > 0 && t[i].lead == 1 && t[i].raw[0] == '\'' && cn >= 1 && cn <= 2 && out_last(e) != ' ' &&
		    !t[i - 1].trail && isalpha((unsigned char)t[i - 1].raw[t[i - 1].rawlen - 1]) &&
		    memchr(trail, '\'', t[i].trail) == NULL) {
			static const char *const ends[] = {"ve", "ll", "re", "m", "d", "s"};
			int end = 0;
			for (size_t j = 0; j < ARRAY_LEN(ends) && !end; j++)
				end = strlen(ends[j]) == cn && memcmp(ends[j], core, cn) == 0;
			if (end && e->out.len) {
				size_t from = e->out.len;
				decide(e, "word", "a contraction's ending cut from its word: said with the word");
				buf_putc(&e->out, '\'');
				buf_add(&e->out, core, cn);
				explain_row(e, core, core + cn, from);
				emit_trail(e, trail, t[i].trail, 1);
				continue;
			}
		}
		/* "(a)", and "a)" named in prose ("not just a) wrong"), a list's
		 * label: the letter, not the article (which has a noun after it) */
		if (cn == 1 && core[0] == 'a' && (t[i].lead == 0 || (t[i].lead == 1 && t[i].raw[0] == '(')) &&
		    t[i].trail >= 1 && trail[0] == ')') {
			size_t from = e->out.len;
			decide(e, "letter", "a letter before a closing bracket: a list's label, not the article");
			emit_letter_a(e);
			explain_row(e, core, core + cn, from);
			set_prev(e, core, cn);
			emit_trail(e, trail, t[i].trail, 1);
			continue;
		}
		{
			char names[64];
			size_t qn = quoted_marks(&t[i], names, sizeof names);
			if (qn) {
				size_t from = e->out.len;
				decide(e, "symbol", "a mark in quotes: the character talked about, by its name");
				/* "a '+' or '-' prefix", "a plus ('+') or a minus ('-')":
				 * beside plus, a quoted dash is the minus sign */
				if (strcmp(names, "dash") == 0 && plus_near(t, nt, i))
					snprintf(names, sizeof names, "minus");
				emit(e, names);
				explain_row(e, t[i].raw, t[i].raw + qn, from);
				set_prev(e, "", 0);
				emit_trail(e, t[i].raw + qn, t[i].rawlen - qn, 1);
				continue;
			}
		}
		/* the front of a token said before the rest (front_rules[]) */
		for (size_t r = 0; r < ARRAY_LEN(front_rules); r++) {
			size_t from = e->out.len;
			size_t k = front_rules[r].say(e, &t[i], core, cn);
			if (!k)
				continue;
			explain_row(e, core, core + k, from);
			t[i].lead += k;
			core += k;
			cn = t[i].rawlen - t[i].lead - t[i].trail;
			trail = core + cn;
		}
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
				hint_phonemes(e, from, core, plen);
				explain_row(e, core, core + plen, from);
				emit_trail(e, core + plen, t[j].trail, 1);
				/* its last word is the word before the next: "Raspberry
				 * PI 4B" four B, a board's letter after a name */
				set_prev(e, t[j].raw + t[j].lead, t[j].rawlen - t[j].lead - t[j].trail);
				i = j;
				continue;
			}
		}
		/* a word of a person's name by its line's shape: "Andrew
		 * Bresticker (1):", "Hai Li 4487 0.8%" (speech_person.c) */
		if (e->person && (e->person[i] & PERSON_WORD) && cn) {
			size_t from = e->out.len;
			e->next = next;
			e->nextn = nextn;
			if (say_person_word(e, core, cn, e->person[i] & PERSON_PINYIN)) {
				explain_row(e, core, core + cn, from);
				emit_trail(e, trail, t[i].trail, 1);
				set_prev(e, core, cn);
				continue;
			}
		}
		/* a word of a sentence in another language that no English list knows */
		{
			const char *c, *star;
			size_t wn, sl;
			if (foreign && foreign[i] && plain_word(&t[i], &c, &wn) &&
			    ((!words_lookup(c, wn, NULL) && !dict_word(c, wn)) || other_glue_word(c, wn)) &&
			    !lex_find(e, c, wn, &star, &sl)) {
				size_t from = e->out.len;
				decide(e, "word", "a sentence in another language (half its words no English list "
				       "knows): its unknown words said as written");
				emitn(e, c, wn);
				explain_row(e, c, c + wn, from);
				emit_trail(e, trail, t[i].trail, 1);
				set_prev(e, c, wn);
				continue;
			}
		}
		/* the classifier's table first, unless the lexicon has the token
		 * (but for two letters before a colon that the lexicon expands
		 * into words, which may be a subject's prefix: "media: rc:") */
		{
			const char *star;
			size_t sl;
			const char *said = cn ? lex_find(e, core, cn, &star, &sl) : NULL;
			if (!said || (cn == 2 && strchr(said, ' ') && t[i].trail && core[cn] == ':')) {
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
		/* "/<star> Cache tag list <star>/": C's comment marks standing alone are no words */
		if (t[i].rawlen == 2 && ((t[i].raw[0] == '/' && t[i].raw[1] == '*') || (t[i].raw[0] == '*' && t[i].raw[1] == '/'))) {
			decide(e, "symbol", "a C comment's mark standing alone: not said");
			continue;
		}
		/* "+ struct list_head node; + int users;": a diff's "+" (a
		 * line added) standing alone at the start or after a C
		 * statement's ; { } or a comment's end, before a C declaration
		 * or statement, is no word ("shared + static" stays "plus") */
		if (t[i].rawlen == 1 && t[i].raw[0] == '+' && next && diff_code_start(next, strcspn(next, " \t")) &&
		    (i == 0 || strchr(";{}),", t[i - 1].raw[t[i - 1].rawlen - 1]) ||
		     (t[i - 1].rawlen == 2 && t[i - 1].raw[0] == '*' && t[i - 1].raw[1] == '/'))) {
			decide(e, "symbol", "a diff's + standing alone before a C declaration or statement: not said");
			continue;
		}
		/* "+ * Return 0 on success", "+ /-star": a diff's "+" before a C
		 * comment's mark (a line of a comment added) is no word; so is
		 * one opening the sentence or following a C statement's ; { } or a comment's end
		 * before code, "+ pf->irq = 0;", "+ } else if (x) {" (a number
		 * after it stays "plus": "+ 3 more") */
		if (t[i].rawlen == 1 && t[i].raw[0] == '+' && i + 1 < nt) {
			const char *nr = t[i + 1].raw;
			size_t nl = t[i + 1].rawlen;
			int cmark = (nl == 1 && nr[0] == '*') || (nl >= 2 && nr[0] == '/' && nr[1] == '*') ||
				    (nl == 2 && nr[0] == '*' && nr[1] == '/');
			int lead = i == 0 || strchr(";{}", t[i - 1].raw[t[i - 1].rawlen - 1]) ||
				   (t[i - 1].rawlen == 2 && t[i - 1].raw[0] == '*' && t[i - 1].raw[1] == '/');
			int code = isalpha((unsigned char)nr[0]) || nr[0] == '_' || nr[0] == '}' || nr[0] == '(';
			/* "+ .probe = foo_probe,": a struct's designated initializer */
			int field = nl > 1 && nr[0] == '.' && (islower((unsigned char)nr[1]) || nr[1] == '_') &&
				    i + 2 < nt && t[i + 2].rawlen == 1 && t[i + 2].raw[0] == '=';
			if (cmark || field || (lead && code && !isdigit((unsigned char)nr[0]))) {
				decide(e, "symbol", "a diff's + standing alone before a C comment's mark, or opening a line of code: not said");
				continue;
			}
		}
		/* "x = a | b;", "BIT(3) | BIT(4);", "(hi << 32 | lo);": a bar
		 * standing alone between two operands of C, the expression closing
		 * right after it, is C's bitwise or (it was dropped as a table's
		 * bar; a table's cells do not end in ";" or ")", fresh32) */
		if (t[i].rawlen == 1 && t[i].raw[0] == '|' && i > 0 && i + 1 < nt) {
			char pl = t[i - 1].raw[t[i - 1].rawlen - 1], nf = t[i + 1].raw[0];
			char nl = t[i + 1].raw[t[i + 1].rawlen - 1];
			if ((isalnum((unsigned char)pl) || pl == ')') &&
			    (isalnum((unsigned char)nf) || nf == '_' || nf == '(') && (nl == ';' || nl == ')')) {
				decide(e, "symbol", "a bar between two operands of C closing right after: or");
				emit(e, "or");
				continue;
			}
		}
		/* "+++ b/io_uring/io_uring.c", "--- a/fs/xfs/xfs_mount.h": a
		 * diff's file header; its marks are no words, as the lone "+" of
		 * an added line is not (fresh37; "+++" was "plus plus") */
		if (i == 0 && t[i].rawlen == 3 && (!memcmp(t[i].raw, "+++", 3) || !memcmp(t[i].raw, "---", 3)) &&
		    next && nextn >= 2 && (((next[0] == 'a' || next[0] == 'b') && next[1] == '/') ||
					  (nextn >= 9 && !memcmp(next, "/dev/null", 9)))) {
			decide(e, "symbol", "a diff's --- or +++ before a/, b/ or /dev/null: a file header, not said");
			continue;
		}
		/* "@@ -1211,6 +1211,35 @@ static int f(...)": a diff's hunk
		 * header says where the change is, "at line" and the new
		 * side's first line, not its counts ("minus one thousand two
		 * hundred eleven, six plus ...", fresh37) */
		if (i == 0 && t[i].rawlen == 2 && !memcmp(t[i].raw, "@@", 2) && nt >= 4 &&
		    t[3].rawlen == 2 && !memcmp(t[3].raw, "@@", 2) && t[1].rawlen >= 2 && t[1].raw[0] == '-' &&
		    t[2].rawlen >= 2 && t[2].raw[0] == '+' && isdigit((unsigned char)t[1].raw[1]) &&
		    isdigit((unsigned char)t[2].raw[1])) {
			const char *ln = t[2].raw + 1;
			size_t lnn = strspn(ln, "0123456789");
			size_t rest = t[2].rawlen - 1 - lnn;
			size_t orest = t[1].rawlen - 1 - strspn(t[1].raw + 1, "0123456789");
			int shape_ok = (rest == 0 || (ln[lnn] == ',' && strspn(ln + lnn + 1, "0123456789") == rest - 1)) &&
				       (orest == 0 || t[1].raw[t[1].rawlen - orest] == ',');
			if (shape_ok) {
				decide(e, "symbol", "a diff's hunk header: at line and the new side's first line");
				emit(e, "at line");
				say_core(e, ln, lnn, F_START);
				if (nt > 4)
					emit_trail(e, ":", 1, 1);
				set_prev(e, "line", 4);
				i += 3;
				continue;
			}
		}
		/* "return ptep - start_ptep;", "(ctx->cq_entries - 1)", "need -
		 * pag->pagf_flcount;": a hyphen standing alone between two
		 * operands of C, the expression closing right after it, is C's
		 * minus (it was a prose dash's pause); an operand is C's (an
		 * underscore, ->, a call or a bracket) or the line assigns or
		 * returns. Prose keeps its dash: "foo - bar", "10 - 20". */
		if (t[i].rawlen == 1 && t[i].raw[0] == '-' && i > 0 && i + 1 < nt) {
			const struct tok *pt = &t[i - 1], *nt1 = &t[i + 1];
			char pl = pt->raw[pt->rawlen - 1], nf = nt1->raw[0], nl = nt1->raw[nt1->rawlen - 1];
			int opens = 0;     /* "free()" closes its own call, not the expression */
			for (size_t k = 0; k < nt1->rawlen; k++)
				opens += nt1->raw[k] == '(' ? 1 : nt1->raw[k] == ')' ? -1 : 0;
			/* "f(a, cur + len - 1," closes an argument at its comma: a
			 * parenthesis opened before the hyphen and not closed */
			int open_call = 0;
			for (int k = 0; k < i; k++)
				for (size_t q = 0; q < t[k].rawlen; q++)
					open_call += t[k].raw[q] == '(' ? 1 : t[k].raw[q] == ')' ? -1 : 0;
			int operands = (isalnum((unsigned char)pl) || pl == ')' || pl == ']' || pl == '_') &&
				       (isalnum((unsigned char)nf) || nf == '_' || nf == '(') &&
				       (nl == ';' || (nl == ')' && opens < 0) || (nl == ',' && open_call > 0 && opens == 0));
			int cish = 0;
			for (int k = i - 1; k <= i + 1 && !cish; k += 2) {
				const char *r = t[k].raw;
				size_t rl = t[k].rawlen;
				cish = memchr(r, '_', rl) || find_str(r, rl, "->") || memchr(r, '[', rl);
				for (size_t q = 1; q < rl && !cish; q++)     /* a call: "f(" */
					cish = r[q] == '(' && (isalnum((unsigned char)r[q - 1]) || r[q - 1] == '_');
			}
			for (int k = 0; k + 1 < i && !cish; k++)
				cish = (t[k].rawlen == 1 && t[k].raw[0] == '=') ||
				       (t[k].rawlen == 6 && !memcmp(t[k].raw, "return", 6));
			/* "(nrseqstate - 1)": a lowercase name just after an open
			 * parenthesis, minus a number closing it, is C's even in
			 * a prose line (a shortlog's "usage of (x - 1)") */
			if (!cish && pt->rawlen >= 3 && pt->raw[0] == '(' && opens == -1 && nl == ')' &&
			    strspn(nt1->raw, "0123456789") == nt1->rawlen - 1) {
				cish = 1;
				for (size_t q = 1; q < pt->rawlen && cish; q++)
					cish = islower((unsigned char)pt->raw[q]) || isdigit((unsigned char)pt->raw[q]);
				cish = cish && islower((unsigned char)pt->raw[1]);
			}
			/* inside a call's arguments: "memcpy(dst, src + off - 4, n);" */
			for (int k = 0; k < i && !cish && open_call > 0; k++)
				for (size_t q = 1; q < t[k].rawlen && !cish; q++)
					cish = t[k].raw[q] == '(' && (isalnum((unsigned char)t[k].raw[q - 1]) || t[k].raw[q - 1] == '_');
			if (operands && cish) {
				decide(e, "symbol", "a hyphen between two operands of C closing right after: minus");
				emit(e, "minus");
				continue;
			}
		}
		/* "2588   * since multiple allocations": a listing's line number,
		 * then a C comment's leading star: the star is no "times" */
		if (t[i].rawlen == 1 && t[i].raw[0] == '*' && i == 1 && all_digit(t[0].raw, t[0].rawlen) &&
		    next && (isalpha((unsigned char)next[0]) || next[0] == '@')) {
			decide(e, "symbol", "a C comment's star after a listing's line number: not said");
			continue;
		}
		if (cn == 0) {
			/* only marks: "..." ")" "," */
			if (t[i].rawlen > 1 && t[i].raw[0] == '*' && prevcore && c_pointee(prevcore, strcspn(prevcore, " "))) {
				decide(e, "symbol", "an asterisk after a C type: a pointer");     /* "(void *)" */
				emit(e, "pointer");
				emit_trail(e, t[i].raw + 1, t[i].rawlen - 1, 1);
				continue;
			}
			if (t[i].rawlen == 1 && t[i].raw[0] == '*' && i > 1 && next && nextn &&
			    (isalpha((unsigned char)next[0]) || next[0] == '_') && !t[i - 1].trail && !t[i - 2].trail) {
				/* "struct cpufreq_policy * policy", "unsigned int * idx": a
				 * spaced asterisk between a C type and a name declares a
				 * pointer (not "times") */
				size_t p2n = t[i - 2].rawlen - t[i - 2].lead, p1n = t[i - 1].rawlen - t[i - 1].lead - t[i - 1].trail;
				int tag = (p2n == 6 && memcmp(prev2core, "struct", 6) == 0) ||
					  (p2n == 5 && memcmp(prev2core, "union", 5) == 0) ||
					  (p2n == 4 && memcmp(prev2core, "enum", 4) == 0);
				if (tag || c_pointee(prevcore, p1n)) {
					decide(e, "symbol", "a spaced asterisk between a C type and a name: a pointer");
					emit(e, "pointer");
					continue;
				}
			}
			if (!say_symbol(e, t[i].raw, t[i].rawlen, prev2core, prevcore, next))
				emit_trail(e, t[i].raw, t[i].rawlen, 1);
			continue;
		}
		/* "rename a -> b", "x => y", "n <= 4", "v3 --> v4": an operator of
		 * two or three marks standing alone is said whole (its '>' or '<'
		 * is not a token's end) */
		/* "v2: -> Added after review", "-> fixed the leak" at a line's
		 * start: an arrow with nothing before it in its clause opens a
		 * note of a changelog's list, and is not said (no "to") */
		if (forward_arrow(t[i].raw, t[i].rawlen) &&
		    (i == 0 || (t[i - 1].trail && strchr(":;.", t[i - 1].raw[t[i - 1].rawlen - 1])))) {
			decide(e, "symbol", "an arrow opening a note (at the start, after a colon): not said");
			continue;
		}
		if (t[i].rawlen >= 2 && t[i].rawlen <= 4 && (t[i].lead || t[i].trail) &&
		    symbol_word(t[i].raw, t[i].rawlen)) {
			decide(e, "symbol", "an operator of two or three marks standing alone: its word");
			emit(e, symbol_word(t[i].raw, t[i].rawlen));
			continue;
		}
		if (!isalnum((unsigned char)core[0]) && (cn <= 3 || strspn(core, "+-") == cn) &&
		    say_symbol(e, core, cn, prev2core, prevcore, next)) {
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
				hint_phonemes(e, from, core, cn + 1);
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
		/* "bein'", "nothin'": a word of -ing with an apostrophe for its dropped
		 * g is the word ("being"); one the lists know as written ("thin'",
		 * "'Kin'") is that word */
		if (t[i].trail && (trail[0] == '\'' || (t[i].trail >= 3 && memcmp(trail, "\xe2\x80\x99", 3) == 0)) &&
		    cn >= 3 && cn < 40 && core[cn - 2] == 'i' && core[cn - 1] == 'n' && all_alpha(core, cn)) {
			char w[41];
			const char *why;
			memcpy(w, core, cn);
			w[cn] = 'g';
			if (!known_word(core, cn, &why) && !dict_word(core, cn) && dict_word(w, cn + 1)) {
				decide(e, "word", "an -ing word with an apostrophe for its dropped g: the word");
				say_word(e, w, cn + 1, F_TOKEN | F_START);
				explain_row(e, core, core + cn, from);
				set_prev(e, w, cn + 1);
				emit_trail(e, trail + (trail[0] == '\'' ? 1 : 3), t[i].trail - (trail[0] == '\'' ? 1 : 3), 1);
				continue;
			}
		}
		e->next = next;
		e->nextn = nextn;
		e->after_op = i > 0 && t[i - 1].rawlen <= 2 && strspn(t[i - 1].raw, "&|=^") == t[i - 1].rawlen;
		e->opened = t[i].lead > 0 && !t[i].trail;
		e->dotted = t[i].trail && trail[0] == '.';
		e->joined = !t[i].trail && i + 1 < nt && !t[i + 1].lead;
		/* "Quentin Perret <qperret at google.com>": a list archive writes
		 * an address's @ as " at "; its user of an initial and the name
		 * said just before is that name, as in the address whole */
		if (cn >= 4 && cn <= 24 && all_alpha(core, cn) && islower((unsigned char)core[0]) && !t[i].trail &&
		    i + 2 < nt && nextn == 2 && memcmp(next, "at", 2) == 0 && !t[i + 1].trail &&
		    memchr(t[i + 2].raw + t[i + 2].lead, '.', t[i + 2].rawlen - t[i + 2].lead) &&
		    email_initial_name(e, core, cn)) {
			decide(e, "e-mail", "an archive's address written with \" at \": its user an initial and the name before");
			explain_row(e, core, core + cn, from);
			set_prev(e, core, cn);
			continue;
		}
		/* "PERST#", "SLP_S3#": a hardware signal's name, the # marking it
		 * active low (not said); its capitals no word or acronym of kernel
		 * text knows are its letters, "P-E-R-S-T" (not "per S-T") */
		if (cn >= 4 && cn <= 9 && core[cn - 1] == '#' && all_upper(core, cn - 1) && all_alpha(core, cn - 1) &&
		    vocab_kind(core, cn - 1) == VOCAB_NONE && !words_common(core, cn - 1, 70)) {
			decide(e, "acronym", "capitals before a # (an active-low signal): letters");
			spell(e, core, cn - 1, 0);
			explain_row(e, core, core + cn, from);
			emit_trail(e, trail, t[i].trail, 1);
			set_prev(e, core, cn);
			continue;
		}
		say_core(e, core, cn, F_TOKEN | F_START);
		e->opened = e->dotted = e->joined = e->after_op = 0;
		hint_phonemes(e, from, core, cn);
		explain_row(e, core, core + cn, from);
		/* initials before a name keep no full stop: "K.P. Singh", "Andrew S. Tanenbaum" */
		int initials = cn % 2 == 1 && t[i].trail && trail[0] == '.' && next;
		for (size_t j = 0; j < cn && initials; j++)
			if (j % 2 ? core[j] != '.' : !isupper((unsigned char)core[j]))
				initials = 0;
		/* "Mary and I. Thanks": the pronoun ends a sentence after a word in
		 * small letters, before a common word that is no name (not "by I.
		 * Newton") */
		/* (and any capital letter so: "its state to X. For things like",
		 * "see appendix A. The rest") */
		if (initials && cn == 1 && islower((unsigned char)e->prev[0]) &&
		    words_common(next, nextn, 35) && !(words_lookup(next, nextn, NULL) & (WORDS_NAME | WORDS_UPPER)))
			initials = 0;
		emit_trail(e, trail, t[i].trail, !initials);
		set_prev(e, core, cn);
	}
	free(foreign);
}

/* "1-3", "1-3,5-6", "7:0": numbers, each pair joined by one dash or
 * colon, the pairs and numbers by commas; at least one dash or colon */
static int index_range(const char *s, size_t n)
{
	int joins = 0;
	size_t i = 0;
	while (i < n) {
		size_t d = 0;
		while (i < n && isdigit((unsigned char)s[i]))
			i++, d++;
		if (!d || d > 4)
			return 0;
		if (i < n && (s[i] == '-' || s[i] == ':')) {
			i++;
			d = 0;
			while (i < n && isdigit((unsigned char)s[i]))
				i++, d++;
			if (!d || d > 4)
				return 0;
			joins++;
		}
		if (i < n) {
			if (s[i] != ',' || i + 1 == n)
				return 0;
			i++;
		}
	}
	return joins > 0;
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
		/* a range of indexes or bits: "pwm[1-3]_freq" P-W-M one to three
		 * freq, "fan[1-3,5-6]", "bits [7:0]", "[31:16]" seven to zero:
		 * the dash or colon between two numbers is "to" */
		if (n && in == p + 1 && in + n == close && index_range(in, n) &&
		    (memchr(in, ':', n) || (p > text && isalnum((unsigned char)p[-1])))) {
			buf_putc(&b, ' ');
			for (size_t i = 0; i < n; i++) {
				if (in[i] == '-' || in[i] == ':')
					buf_puts(&b, " to ");
				else if (in[i] == ',')
					buf_puts(&b, ", ");
				else
					buf_putc(&b, in[i]);
			}
			buf_putc(&b, ' ');
			p = after;
			if (*p == '_')
				p++;
			continue;
		}
		/* a choice of characters glued on both sides of a name, each one
		 * character: "inet_getpeer_v[46]()" V four or six, "tcp_v[46]_err",
		 * "sd[ab]1" (a subscript ends the name: "regs[12]") */
		/* (two small letters at most, "__sys_setres[ug]id": "send[msg]()" is
		 * an optional part; so is a word size, "filldir[64]()") */
		int start = p == text || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
		if (n >= 2 && in == p + 1 && in + n == close && (isalnum((unsigned char)close[1]) || close[1] == '_' || close[1] == '(') &&
		    ((strspn(in, "0123456789") >= n && n <= 4 && memcmp(in, "16", 2) && memcmp(in, "32", 2) && memcmp(in, "64", 2)) ||
		     (strspn(in, "abcdefghijklmnopqrstuvwxyz") >= n && n == 2 &&
		      /* (a prefix is an optional part: "page_pool_ring_[un]lock()", "[re]bind") */
		      memcmp(in, "un", 2) && memcmp(in, "re", 2) && memcmp(in, "de", 2) && memcmp(in, "in", 2)))) {
			int dup = 0;
			for (size_t i = 0; i < n; i++)
				for (size_t j = i + 1; j < n; j++)
					dup |= in[i] == in[j];
			/* at a part's start after an underscore, before letters, each
			 * whole part: "x86_[gs]et" x86 get or set, "to_[ug]id" U-I-D or
			 * G-I-D, "kvm_[gs]et_regs" K-V-M get or set regs */
			if (!dup && !start && p > text && p[-1] == '_' && isalpha((unsigned char)close[1])) {
				const char *pz = close + 1;
				while (isalnum((unsigned char)*pz))
					pz++;
				if (*pz != '[') {
					buf_putc(&b, ' ');
					for (size_t i = 0; i < n; i++) {
						if (i)
							buf_puts(&b, i + 1 == n ? " or " : ", ");
						buf_putc(&b, in[i]);
						buf_add(&b, close + 1, (size_t)(pz - close - 1));
					}
					p = pz;
					if (*p == '_') {
						buf_putc(&b, ' ');
						p++;
					}
					continue;
				}
			}
			/* at a name's start, or between digits (a model's, "V5[46]0TU"),
			 * each whole name: "[as]kcipher" akcipher or skcipher */
			const char *w = p, *z = close + 1;
			while (w > text && (isalnum((unsigned char)w[-1]) || w[-1] == '_'))
				w--;
			while (isalnum((unsigned char)*z) || *z == '_')
				z++;
			if (!dup && (start || (isdigit((unsigned char)p[-1]) && isdigit((unsigned char)close[1]))) &&
			    !memchr(close + 1, '[', (size_t)(z - close - 1))) {
				b.len -= (size_t)(p - w);
				buf_putc(&b, ' ');
				for (size_t i = 0; i < n; i++) {
					if (i)
						buf_puts(&b, i + 1 == n ? " or " : ", ");
					buf_add(&b, w, (size_t)(p - w));
					buf_putc(&b, in[i]);
					buf_add(&b, close + 1, (size_t)(z - close - 1));
				}
				p = z;
				continue;
			}
			if (!dup && !start) {
				buf_putc(&b, ' ');
				for (size_t i = 0; i < n; i++) {
					if (i)
						buf_puts(&b, i + 1 == n ? " or " : ", ");
					buf_putc(&b, (char)toupper((unsigned char)in[i]));
				}
				buf_putc(&b, ' ');
				p = after;
				if (*p == '_')
					p++;
				else if (p[0] == '(' && p[1] == ')')
					p += 2;
				continue;
			}
		}
		/* a subscript glued to a C name is said: "args[0]" args zero,
		 * "buf[i]" buf I; a number after a word of the lists is a
		 * reference ("the manual[1]") and goes, as below */
		if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_') && n && n <= 24 && in == p + 1 &&
		    in + n == close && strspn(in, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:") >= n &&
		    !isalnum((unsigned char)close[1]) && close[1] != '_') {
			/* (glued on both sides it is a choice of characters: "tcp_v[46]_err") */
			const char *w = p;
			int lower = 0;
			while (w > text && (isalnum((unsigned char)w[-1]) || w[-1] == '_'))
				lower |= islower((unsigned char)*--w);
			/* (letters that make a word with the word before are the
			 * writer's edit: "enable[s]", "woke[n]") */
			char whole[64];
			size_t wl = (size_t)(p - w);
			int edit = wl + n < sizeof whole && !all_digit(in, n);
			if (edit) {
				memcpy(whole, w, wl);
				memcpy(whole + wl, in, n);
				edit = dict_word(whole, wl + n);
			}
			/* (a field after "->" is a C name too: "lp->phy[8]"; a bit
			   range "nCR3[4:0]") */
			int arrow = w - text >= 2 && w[-1] == '>' && w[-2] == '-';
			/* (a word size is the name's other width, not a reference:
			   "arm[64]" arm and arm64, "statfs[64]") */
			int width = n == 2 && (!memcmp(in, "32", 2) || !memcmp(in, "64", 2));
			if (!edit && (!all_digit(in, n) || memchr(w, '_', wl) || arrow || width ||
				      (lower && !dict_word(w, wl) && !words_lookup(w, wl, NULL)))) {
				buf_putc(&b, ' ');
				if (n == 1)      /* one letter, an index: "files[i]" files I */
					buf_putc(&b, toupper((unsigned char)in[0]));
				else
					buf_add(&b, in, n);
				p = after;
				continue;
			}
		}
		/* a reference after a preposition is the preposition's object, and
		 * dropping it leaves the sentence short: "found in [11]." in
		 * reference eleven, "see [2]", "described in [1] and [2]"; one after
		 * a noun goes, as below ("the header [4]") */
		if (n && n <= 3 && all_digit(in, n) && (p == text || p[-1] == ' ')) {
			static const char *const preps[] = {"in", "see", "to", "of", "from", "by", "at", "and", "or", "cf."};
			const char *e2 = p > text ? p - 1 : p, *w;
			while (e2 > text && e2[-1] == ' ')
				e2--;
			w = e2;
			while (w > text && (isalpha((unsigned char)w[-1]) || w[-1] == '.'))
				w--;
			size_t wl = (size_t)(e2 - w);
			int prep = 0;
			for (size_t i = 0; i < ARRAY_LEN(preps) && !prep; i++)
				prep = strlen(preps[i]) == wl && strncasecmp(preps[i], w, wl) == 0;
			/* ("and" and "or" only between two references: "[1] and [2]") */
			int conj = (wl == 3 && !strncasecmp(w, "and", 3)) || (wl == 2 && !strncasecmp(w, "or", 2));
			/* a reference as a clause's subject, after a conjunction
			 * or opening the text, before a verb: "but [1] is the
			 * first to go upstream" (fresh37; it was dropped, "but is
			 * the first") */
			static const char *const conjs[] = {"but", "and", "since", "as", "because", "while", "though", "so"};
			static const char *const verbs[] = {"is", "was", "are", "were", "has", "had", "will", "would", "does",
							    "did", "should", "can", "could", "shows", "says", "adds", "fixes",
							    "describes", "explains", "introduced", "added", "removed"};
			int subj = 0;
			for (size_t i = 0; i < ARRAY_LEN(conjs) && !subj; i++)
				subj = strlen(conjs[i]) == wl && strncasecmp(conjs[i], w, wl) == 0;
			/* or opening a sentence, before a verb in small letters:
			 * "[1] is the original paper" (kinds38; a footnote's
			 * list, "[1] See ...", "[2] https://...", still goes) */
			int opening = e2 == text || (!prep && strchr(".!?", e2[-1]));
			if (opening || (!prep && e2[-1] == ';'))
				subj = 1;
			if (subj) {
				const char *v = after;
				while (*v == ' ')
					v++;
				size_t vl = 0;
				while (isalpha((unsigned char)v[vl]))
					vl++;
				int verb = 0;
				for (size_t i = 0; i < ARRAY_LEN(verbs) && !verb; i++)
					verb = strlen(verbs[i]) == vl && strncmp(verbs[i], v, vl) == 0;
				subj = verb;
			}
			if ((prep && (!conj || (w - text >= 2 && w[-1] == ' ' && w[-2] == ']'))) || subj) {
				buf_puts(&b, opening && !prep ? "Reference " : "reference ");
				buf_add(&b, in, n);
				p = after;
				continue;
			}
		}
		/* a reference "and" or "or" joins to the next one is a word of the
		 * sentence, as that next one is (above): "the following [1] and [2]
		 * DTS patches" reference one and reference two, not "the following
		 * and reference two" */
		if (n && n <= 3 && all_digit(in, n)) {
			const char *q = after;
			size_t cl = strncmp(q, " and [", 6) == 0 ? 6 : strncmp(q, " or [", 5) == 0 ? 5 : 0;
			size_t dn = cl ? strspn(q + cl, "0123456789") : 0;
			if (dn && dn <= 3 && q[cl + dn] == ']') {
				if (b.len && b.data[b.len - 1] != ' ')
					buf_putc(&b, ' ');
				buf_puts(&b, "reference ");
				buf_add(&b, in, n);
				p = after;
				continue;
			}
		}
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
		/* "[patch 073/118]": mm-commits writes the tag in small letters,
		 * its number padded; with a part's number it is the same tag */
		for (int i = 0; i + 1 < nw && !patch; i++)
			if (strcmp(words[i], "patch") == 0 && isdigit((unsigned char)words[i + 1][0]) &&
			    strchr(words[i + 1], '/') && all_digit(words[i + 1], strcspn(words[i + 1], "/")))
				patch = 1;
		/* tags in brackets one after another are one subject's tags:
		 * "[RFC][PATCH 1/1]" as "[RFC PATCH 1/1]" (patch said once) */
		while (patch && after[0] == '[') {
			const char *e2 = strchr(after + 1, ']');
			if (!e2 || memchr(after + 1, '[', (size_t)(e2 - after - 1)))
				break;
			int more = 0, from = nw;
			for (const char *q = after + 1, *st = q; q <= e2 && nw < 16; q++)
				if (q == e2 || *q == ' ') {
					if (q > st && q - st < 64) {
						memcpy(words[nw], st, (size_t)(q - st));
						words[nw][q - st] = 0;
						more |= !strcmp(words[nw], "PATCH") || !strcmp(words[nw], "RFC") ||
							!strcmp(words[nw], "PULL");
						nw++;
					}
					st = q + 1;
				}
			if (!more) {
				nw = from;
				break;
			}
			after = e2 + 1;
		}
		if (patch && nw) {
			const char *ver = NULL, *part = NULL, *rfc = NULL, *pull = NULL;
			struct buf tree = {0};
			for (int i = 0; i < nw; i++) {
				char *w = words[i];
				/* "[PATCH -next]", "[PATCH -mm -V7]": a tree or a version
				 * with a dash before it, the dash not said */
				if (w[0] == '-' && isalnum((unsigned char)w[1]))
					w++;
				if (strcmp(w, "PATCH") == 0 || strcmp(w, "PATCHv") == 0 || strcmp(w, "patch") == 0)
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
					buf_printf(&b, "patch series, %lld part%s", y, y == 1 ? "" : "s");   /* (0/1: one part) */
				else
					buf_printf(&b, "patch %lld/%lld", x, y);
			} else
				buf_puts(&b, "patch");
			if (tree.len)
				buf_printf(&b, " for %s", tree.data);
			if (ver)     /* (a small v: a tag's "V30" is its version, never a model's V) */
				buf_printf(&b, ", v%s", ver + 1);
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

/* A dash between two measures, each a number with a unit of the table
 * glued to it: "0ms-206ms" is a range (not "10ms-latency", "x86-64") */
static int measure_dash(const char *text, const char *p)
{
	const char *u = p;
	while (u > text && p - u < 5 && isalpha((unsigned char)u[-1]))
		u--;
	const char *d = u;
	while (d > text && isdigit((unsigned char)d[-1]))
		d--;
	if (u == p || d == u || (d > text && (isalnum((unsigned char)d[-1]) || d[-1] == '.' || d[-1] == '-' || d[-1] == '_')) ||
	    !find_unit(u, (size_t)(p - u), 0))
		return 0;
	const char *q = p + 1, *v;
	while (isdigit((unsigned char)*q))
		q++;
	if (q == p + 1)
		return 0;
	v = q;
	while (isalpha((unsigned char)*q) && q - v < 5)
		q++;
	return q > v && !isalnum((unsigned char)*q) && *q != '-' && *q != '_' &&
	       find_unit(v, (size_t)(q - v), 0);
}

/* Whether s..e (the word's end) is digits and an ordinal's ending or a
 * decade's s: "6th", "21st", "1870s", "70s". */
static int nth_or_decade(const char *s, const char *e)
{
	const char *d = s;
	while (d < e && isdigit((unsigned char)*d))
		d++;
	if (d == s || d == e)
		return 0;
	size_t k = (size_t)(e - d);
	if (k == 1 && *d == 's')
		return d - s == 4 || d - s == 2 ? 2 : 0;
	if (k == 2 && (!strncmp(d, "th", 2) || !strncmp(d, "st", 2) || !strncmp(d, "nd", 2) || !strncmp(d, "rd", 2)))
		return 1;
	return 0;
}

/* An en dash (or a hyphen between ordinals) glued between two ordinals or
 * two decades, "5th–6th", "1860s–1870s", "1960s–70s", "5th-6th": a range,
 * set apart so that its dash is "to" (was "five T-H six T-H"); dlen is the
 * dash's length at p. */
static int nth_range_dash(const char *text, const char *p, size_t dlen)
{
	const char *a = p;
	while (a > text && isalnum((unsigned char)a[-1]))
		a--;
	if (a > text && (a[-1] == '-' || a[-1] == '.' || a[-1] == '_' || a[-1] == '/'))
		return 0;
	int l = nth_or_decade(a, p);
	const char *b = p + dlen, *e = b;
	while (isalnum((unsigned char)*e))
		e++;
	if (*e == '-' || *e == '_' || *e == '/' || (*e == '.' && isalnum((unsigned char)e[1])))
		return 0;
	int r = nth_or_decade(b, e);
	return l && l == r && (dlen == 3 || l == 1);
}

/*
 * Typography: an ellipsis between words is a pause of its own, a
 * typographic apostrophe inside a word is an ASCII one. The caller frees.
 */
static char *typography(const char *text)
{
	struct buf b = {0};
	for (const char *p = text; *p; p++) {
		/* a range of measures, each with its unit glued: "500ms~10s" is
		   "500ms ~ 10s", two measures and the range's "to" */
		if (*p == '~' && p > text && isalpha((unsigned char)p[-1]) &&
		    text_range_tilde(text, (size_t)(p - text) + 2, (size_t)(p - text))) {
			buf_puts(&b, " ~ ");
			continue;
		}
		/* a currency's sign set apart from its amount, "US$ 3.2 billion",
		   "€ 20", "$ 5": glued, the money it is (was "U-S three point two
		   billion", "five"); not a code ("USD 500" stays as written) */
		if (*p == ' ' && isdigit((unsigned char)p[1]) && p > text) {
			const char *w = p;
			while (w > text && !isspace((unsigned char)w[-1]))
				w--;
			while (w < p && (*w == '(' || *w == '"'))
				w++;
			size_t k;
			if (w < p && !isalpha((unsigned char)p[-1]) && currency_at(w, (size_t)(p - w), &k, 1))
				continue;
		}
		/* "5th–6th", "1860s–1870s": a range of ordinals or decades */
		if ((strncmp(p, "\xe2\x80\x93", 3) == 0 && p > text && nth_range_dash(text, p, 3)) ||
		    (*p == '-' && p > text && nth_range_dash(text, p, 1))) {
			buf_puts(&b, " \xe2\x80\x93 ");
			p += *p == '-' ? 0 : 2;
			continue;
		}
		/* the same with a dash: "0ms-206ms", "2GB-4GB" */
		if (*p == '-' && p > text && measure_dash(text, p)) {
			buf_puts(&b, " ~ ");
			continue;
		}
		/* a dash glued to a word is a pause, not part of the word:
		   "said—Linus", "——Linus" (a quote's signature) are "said — Linus" */
		if (strncmp(p, "\xe2\x80\x94", 3) == 0 || strncmp(p, "\xe2\x80\x95", 3) == 0) {
			const char *q = p;
			while (strncmp(q, "\xe2\x80\x94", 3) == 0 || strncmp(q, "\xe2\x80\x95", 3) == 0)
				q += 3;
			if ((p > text && isalnum((unsigned char)p[-1])) || isalnum((unsigned char)*q))
				buf_puts(&b, " \xe2\x80\x94 ");
			else
				buf_add(&b, p, (size_t)(q - p));    /* the whole run: linear */
			p = q - 1;
			continue;
		}
		/* a web address in the mathematical angle brackets the man-pages
		   set it in, "⟨https://www.kernel.org/⟩", is one in "<...>":
		   the brackets are not said (they were left to the engine) */
		if (strncmp(p, "\xe2\x9f\xa8", 3) == 0 &&
		    (strncmp(p + 3, "http://", 7) == 0 || strncmp(p + 3, "https://", 8) == 0 ||
		     strncmp(p + 3, "ftp://", 6) == 0 || strncmp(p + 3, "www.", 4) == 0)) {
			const char *q = strstr(p + 3, "\xe2\x9f\xa9"), *sp = strpbrk(p + 3, " \t\n");
			if (q && (!sp || q < sp)) {
				buf_putc(&b, '<');
				buf_add(&b, p + 3, (size_t)(q - p - 3));
				buf_putc(&b, '>');
				p = q + 2;
				continue;
			}
		}
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
	       c == 0x2B50 || c == 0x2B55 || (c >= 0x2190 && c <= 0x21FF && c != 0x2192 && c != 0x2194);
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

/* "allocators(ex, jemalloc", "OS(ex, FreeBSD)", "benchmark(./ebizzy -S
 * 10)": a word glued to a parenthesis that opens a phrase is the writer's
 * missing space, and the parenthesis starts a token of its own (its "ex" is
 * then "for example", its "./ebizzy" a command). Only a word of the lists or
 * an acronym before it, a word or a command's path after it, and no ')' in
 * the token: "read(fd," and "copy_user()" stay a call. Returns the length of
 * the first token of s. */
static size_t glued_paren(const char *s, size_t n)
{
	const char *o = memchr(s, '(', n);
	if (!o || o - s < 2 || memchr(o, ')', n - (size_t)(o - s)))
		return n;
	size_t wl = (size_t)(o - s);
	if (!all_alpha(s, wl))
		return n;
	int caps = wl <= 5 && all_upper(s, wl);
	if (!caps && !(islower((unsigned char)s[1]) && words_common(s, wl, 70)))
		return n;
	const char *a = o + 1;
	size_t an = n - wl - 1;
	if (an >= 3 && a[0] == '.' && a[1] == '/' && isalpha((unsigned char)a[2]))
		return wl;
	size_t al = 0;
	while (al < an && isalpha((unsigned char)a[al]))
		al++;
	if (al < 2 || (al < an && !strchr(",:.;", a[al])) || !words_common(a, al, 70))
		return n;
	return wl;
}

char *speech_en(const struct speech_ctx *ctx, const char *text)
{
	return speech_en_in(ctx, text, 0);
}

char *speech_en_in(const struct speech_ctx *ctx, const char *text, int in_zh)
{
	struct en e = {.ctx = ctx, .in_zh = in_zh};
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
		p = st + glued_paren(st, (size_t)(p - st));
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
	/* (t, which the tokens point into, is ours: a name in small letters
	   is capitalised there) */
	unsigned char *person = person_marks(&e, toks, nt);
	e.person = person;
	say_tokens(&e, toks, nt);
	e.person = NULL;
	free(person);
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
