/*
 * speech_letters.c: a run of letters, as a knowledgeable host says it:
 * a word (said), a name (said whole), an acronym (spelled, or said when
 * kernel text says it: "NUMA"), words glued together ("thismemory") or
 * an acronym glued to a word ("mcelog"). Which it is comes from data: the
 * lexicon, hunspell en_US and en_GB, scowl's size-graded lists, the
 * kernel vocabulary (kernel.vocab); the order of the questions is one
 * table, word_rules[] at the end, and the first rule that says the letters
 * decides (what `script --explain` shows).
 *
 * In: letters (any case) from a token or a part of an identifier. Out:
 * words appended to the English normaliser's output.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "speech_en_int.h"

/* Short common words in capitals: "IS", "THE", "YOU" are said; "IT",
 * "AN", "OF", "AS", "AT" are letters unless shouted ("IT staff",
 * autonegotiation "AN", Open Firmware "OF node"). */
static int is_common_caps(const char *s, size_t n)
{
	static const char *const words[] = {
		"BE", "BY", "DO", "GO", "IF", "IN", "IS", "ME", "MY", "NO", "OR",
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

/* Whether "OR" here is no conjunction: after a name in title case
 * ("Portland, OR", a city before its state), at the end, or before
 * another conjunction. */
static int titlecase_before(const struct en *e)
{
	size_t k = strlen(e->prev);
	/* (nor before a conjunction: "it's OR and not or" talks of the
	 * word's capitals, and a conjunction does not stand before another) */
	if (!e->next || (e->nextn == 3 && strncasecmp(e->next, "and", 3) == 0) ||
	    (e->nextn == 2 && strncasecmp(e->next, "or", 2) == 0))
		return 1;
	if (k < 2 || !isupper((unsigned char)e->prev[0]))
		return 0;
	for (size_t i = 1; i < k; i++)
		if (!islower((unsigned char)e->prev[i]))
			return 0;
	return 1;
}

/* Whether "IF" here is the conjunction, written in capitals for weight
 * ("correct IF sw->nvm is set", "fine IF you ask"): after a word in small
 * letters that is no article, preposition or verb of a flag, and before
 * a word in small letters or a quoted name that is no verb or noun of a
 * flag; elsewhere it stays letters (x86's interrupt flag: "the IF bit",
 * "with IF set", "IF is clear"; a radio's intermediate frequency) */
static int if_conjunction(const struct en *e)
{
	static const char *const before[] = {"the", "a", "an", "with", "of", "in", "on", "and", "or", "to",
					     "set", "sets", "clear", "clears", "no", "its", "an", "by"};
	static const char *const after[] = {"is", "was", "flag", "bit", "set", "clear", "cleared", "filter",
					    "stage", "frequency", "amplifier", "and", "or", "of"};
	size_t k = strlen(e->prev);
	if (k < 2 || !e->next || e->nextn < 1 || !all_alpha(e->prev, k) || !islower((unsigned char)e->prev[0]))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(before); i++)
		if (strlen(before[i]) == k && memcmp(before[i], e->prev, k) == 0)
			return 0;
	if (!islower((unsigned char)e->next[0]) && e->next[0] != '`')
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(after); i++)
		if (strlen(after[i]) == e->nextn && strncmp(after[i], e->next, e->nextn) == 0)
			return 0;
	return 1;
}

/* Two capitals an identifier uses as a word: the high and low halves of
 * a register or a value ("CNTVCT_LO", "PAGE_DESC_HI_MASK"), said as the
 * words; elsewhere they stay letters or a greeting. */
static int is_half(const char *s, size_t n)
{
	return n == 2 && (memcmp(s, "HI", 2) == 0 || memcmp(s, "LO", 2) == 0);
}

/* Short words that may stand in a glued pair: "onusing", "noreplace". */
static int is_short_word(const char *s, size_t n)
{
	static const char *const w[] = {
		"an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me",
		"my", "no", "of", "on", "or", "so", "to", "up", "us", "we",
		"all", "and", "are", "but", "can", "did", "for", "had", "has", "its",
		"not", "now", "our", "out", "per", "the", "via", "was", "who", "you",
	};
	return WORD_IN(w, s, n);
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

int known_word(const char *s, size_t n, const char **why);
int dict_lower(const char *s, size_t n);

/* Splits at case changes: "bitmapZero" "XMLHttp"; 1 when split. */
static int camel_split(struct en *e, const char *s, size_t n, int flags)
{
	size_t cuts[32], nc = 0;
	for (size_t i = 1; i < n && nc < 31; i++) {
		int a = (unsigned char)s[i - 1], b = (unsigned char)s[i];
		if (islower(a) && isupper(b)) {
			/* "McLaren", "iPhone": a short lower-case start stays unless it is one letter;
			 * inside the name a short word is a word of its own ("GamingOnLinux",
			 * "PlayOnLinux": Gaming On Linux) */
			size_t st = nc ? cuts[nc - 1] : 0;
			if (i - st == 2 && isupper((unsigned char)s[st]) && !(st > 0 && dict_lower(s + st, 2)))
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

/*
 * Short words of identifiers that kernel people say as they are written,
 * or as the word they stand for: pieces of a split, cheaper than most
 * English words ("kstrtobool" K-S-T-R to bool, "xfsprogs" X-F-S progs,
 * "unconf" un-conf, "DONTUNMAP" don't unmap, "mkdir" make dir). say: NULL as written,
 * ID_LEX as the lexicon says the word (kernel.lexicon's msg message, ctx context,
 * idx index, cnt count: one place for what they are said as, a host's entry
 * overriding them in identifiers too).
 */
#define ID_LEX ""
static const struct id_word {
	const char *w, *say;
} id_words[] = {
	{"alloc", NULL}, {"args", NULL}, {"attr", NULL}, {"bool", NULL}, {"buf", NULL},
	{"assoc", NULL}, {"cfg", "config"}, {"cnt", ID_LEX}, {"conf", NULL}, {"conn", NULL}, {"ctl", "control"}, {"ctrl", "control"}, {"ctx", ID_LEX},
	{"arg", NULL}, {"defs", "defs"}, {"dev", NULL}, {"dir", ID_LEX}, {"disp", NULL}, {"dont", "don't"}, {"dyn", NULL}, {"enum", NULL}, {"gen", NULL}, {"idx", ID_LEX}, {"info", NULL},
	{"inc", NULL}, {"init", NULL}, {"int", NULL}, {"oper", NULL}, {"kstr", "K-S-T-R"}, {"len", NULL}, {"mem", NULL}, {"mgmt", "management"},
	{"mac", NULL}, {"misc", NULL}, {"mk", "make"}, {"mon", NULL}, {"msg", ID_LEX}, {"num", NULL}, {"obj", NULL}, {"sys", NULL}, {"param", NULL}, {"params", NULL}, {"parms", "parms"}, {"perf", NULL},
	{"priv", NULL}, {"proc", NULL}, {"prog", NULL}, {"progs", NULL}, {"prot", NULL}, {"reg", NULL}, {"stat", NULL},
	{"sec", NULL}, {"stats", NULL}, {"str", "S-T-R"}, {"trans", NULL}, {"uint", "U-int"}, {"ul", "U-L"}, {"ull", "U-L-L"},
	{"util", NULL}, {"utils", NULL}, {"vec", NULL}, {"vecs", NULL},
	/* credentials ("REALCREDS", "override_creds"): said, never spelled;
	 * an instruction ("noinstr" no instr, "instr_len") */
	{"creds", "creds"}, {"instr", NULL},
	/* a sequence ("errseq_t" err seq T, "seq_file"), a separator
	 * ("strsep" S-T-R sep), a check ("vchkdrop" V check drop, "csum_chk") */
	{"seq", NULL}, {"sep", NULL}, {"chk", "check"},
	/* a lock ("lck_mtx", "spin_lck"), as the check of "chk", and
	 * fcntl(2)'s lock types ("F_RDLCK", "F_WRLCK", "F_UNLCK"): read lock,
	 * write lock, unlock (were "R-D-L-C-K", "U-N-L-C-K") */
	{"lck", "lock"}, {"rdlck", "read lock"}, {"wrlck", "write lock"}, {"unlck", "unlock"},
};

/* Parts of identifiers kernel people say as words, not letters, though no
 * split is made of them ("hyper" is no "hyp E-R"): "__kvm_hyp_init"
 * hyp, "devm_clk" dev M, "initrd" init R-D; "timeout_us" U-S, as ms. */
static const struct id_word part_words[] = {
	{"devm", "dev M"}, {"hyp", "hyp"}, {"initrd", "init R-D"},
	{"us", "U-S"},     /* microseconds, as ms and ns are spelled: "timeout_us" */
	/* ext4's extent header and preallocation, "eh_entries", "inode_pa";
	 * ftrace's locations, "ftrace_process_locs"; shared memory, "qcom: smem" */
	{"eh", "E-H"}, {"pa", "P-A"}, {"locs", "locs"}, {"smem", "S-mem"},
	/* an operation ("op_release", "acpi_ex_load_table_op"; OP is caps_part's)
	 * and the nth one ("iommufd_fail_nth"): said, never spelled; no piece of
	 * a split ("aloop" is no "alo op") */
	{"op", "op"}, {"nth", "enth"},
	/* an expression ("nft_expr_ops") and algorithms ("crypto_register_algs",
	 * as "alg" is said): said, never spelled; no piece of a split */
	{"expr", "expr"}, {"exprs", "exprs"}, {"algs", "algs"},
	/* a continuation ("pr_cont", "qede_tpa_cont", "cont_splash_mem") and
	 * protocols ("tcp_bpf_prots", as "prot" is said): said, not "P-rots" */
	{"cont", "cont"}, {"prots", "prots"},
	/* an interval ("keepalive_intvl", "tcp_keepalive_intvl"): the word */
	{"intvl", "interval"},
};

/* What a word of identifiers is said as: its say, or for ID_LEX the lexicon's
 * entry (NULL: as written). */
static const char *id_say(struct en *e, const struct id_word *w)
{
	const char *star, *say;
	if (!w || !w->say || *w->say)
		return w ? w->say : NULL;
	say = lex_find(e, w->w, strlen(w->w), &star, &(size_t){0});
	/* phonemes too: "dir" [[d'3:]] "dur" (mkdir make dur, as readdir) */
	return say && !star ? say : NULL;
}

static const struct id_word *id_word(const char *s, size_t n)
{
	int c = tolower((unsigned char)s[0]);
	if (n < 2 || n > 6)
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(id_words); i++)     /* (the first letter first: it runs per piece) */
		if (id_words[i].w[0] == c && strlen(id_words[i].w) == n && strncasecmp(id_words[i].w, s, n) == 0)
			return &id_words[i];
	return NULL;
}

/* Prefixes that start a token no list knows, before a word or an entry: "unconf", "miscalibration". */
static int is_prefix(const char *s, size_t n)
{
	static const char *const p[] = {"un", "non", "re", "de", "pre", "mis"};
	if (n < 2 || n > 3 || !strchr("unrdpm", tolower((unsigned char)s[0])))
		return 0;
	return WORD_IN(p, s, n);
}

enum { P_WORD = 1, P_LEX, P_SPELL, P_ID };
enum { S_WORD = 1, S_SPELL, S_LEX, S_ID, S_PREFIX };
static void why_piece(struct en *e, const char *said, size_t n, int kind, int grade, int first);
static int has_vowel(const char *s, size_t n);


/* Whether s[st..en) is the article "a" or "an": between two words (no
 * letters: "pcmciautils" is P-C-M-C-I-A utils) of a split in three it marks a word English does not know cut up ("barangays"
 * is no "bar an gays", "gigadevice" no "gig a device"). */
static int middle_article(const char *s, size_t st, size_t en)
{
	return (en - st == 1 && tolower((unsigned char)s[st]) == 'a') ||
	       (en - st == 2 && strncasecmp(s + st, "an", 2) == 0);
}

/* What a piece of a glued token can be: a lexicon entry, a word of
 * identifiers, a word, or 0; its cost in *cost (the commoner, the cheaper:
 * a word only hunspell knows, or a rare one of scowl, costs most). */
/* How much cheaper a word is as a piece of a split when kernel names use
 * it as a part (kernel.parts): often (1,000 names or more) 2, now and then
 * (100 or more) 1. Between two splits into words English knows alike, the
 * kernel's own parts decide: "chipselect" chip select, not "chips elect";
 * "layerscape" layer scape, not "layers cape". */
static int parts_bonus(const char *s, size_t n)
{
	/* (a piece of three letters or fewer is weak evidence: "iface" stays
	 * I-face, not "if ace") */
	unsigned c = n >= 4 ? parts_count(s, n, NULL) : 0;
	return c >= 1000 ? 2 : c >= 100 ? 1 : 0;
}

static int piece_kind(struct en *e, const char *s, size_t n, int min_word, int terms, int *cost)
{
	const char *star;
	size_t sl;
	int size;
	const char *say;
	*cost = 10;
	if (n >= 2 && (say = lex_find(e, s, n, &star, &sl)) != NULL && !star) {
		/* an entry of up to three letters said as several words ("WIP":
		 * work in progress) is no piece of a word: "wiphy" */
		if (n <= 3 && strchr(say, ' ') && all_alpha(s, n))
			return 0;
		/* nor, in capitals, two letters said as another word ("VS"
		 * versus): "VSTART" is V start */
		if (n == 2 && all_upper(s, n) && !strchr(say, '-') && strlen(say) > 2)
			return 0;
		return P_LEX;
	}
	if (id_word(s, n)) {
		*cost = n >= 4 ? 10 : 15 - (int)n;
		return P_ID;
	}
	if (is_short_word(s, n)) {
		*cost = 12;
		return P_WORD;
	}
	if (n >= (size_t)min_word && dict_lower(s, n)) {
		size = words_common(s, n, 70);
		*cost = !size ? 30 : size > 50 ? 25 : 10 + size / 10 + 3 * (n < 5);   /* "sprogs" (55), "tun" (50) */
		if (size)
			*cost -= parts_bonus(s, n);
		return P_WORD;
	}
	if (terms && n >= 4 && vocab_kind(s, n) == VOCAB_TERM) {
		*cost = 14;      /* "unmap" of "DONTUNMAP" */
		return P_WORD;
	}
	return 0;
}

/*
 * Letters that lost the spaces between them ("onusing", "noreplace",
 * "xfstests", "smartctl", "UMWAIT"): said as the words and lexicon entries
 * they are made of, with at most one run of up to three letters spelled at
 * either end when the words next to it are long ones. Only for a token that
 * is neither a word nor an entry itself. Returns 1 when s was said.
 */
/* A word an ending changed: it lost its silent e ("strobing" strobe,
 * "gatable" gate, "scalably" scalable), doubled its last consonant
 * ("unpluggable" unplug, "mapped") or turned its y into ies ("entireties"
 * entirety). Such a token is that word, no split. */
static int changed_word(const char *s, size_t n)
{
	static const struct { const char *end, *base; int doubled; } ends[] = {
		{"ing", "e", 0}, {"ed", "e", 0}, {"er", "e", 0}, {"ers", "e", 0}, {"able", "e", 0},
		{"ably", "able", 0}, {"ibly", "ible", 0}, {"ies", "y", 0},
		{"ing", "", 1}, {"ed", "", 1}, {"er", "", 1}, {"ers", "", 1}, {"able", "", 1},
	};
	char word[48];
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		size_t k = strlen(ends[i].end), b = strlen(ends[i].base), stem = n - k - (size_t)ends[i].doubled;
		const char *why;
		if (n < k + 3 || stem < 3 || stem + b >= sizeof word || strncasecmp(s + n - k, ends[i].end, k) != 0 ||
		    is_vowel(s[n - k - 1], 1) ||
		    (ends[i].doubled && tolower((unsigned char)s[n - k - 1]) != tolower((unsigned char)s[n - k - 2])))
			continue;
		memcpy(word, s, stem);
		memcpy(word + stem, ends[i].base, b);
		if ((words_common(word, stem + b, 70) || dict_word(word, stem + b)) && known_word(word, stem + b, &why))
			return 1;
	}
	return 0;
}

static int lex_as_written(struct en *e, const char *s, size_t n);
/* Whether s reads as one English-like word: letters only, three vowels or
 * more (y after a consonant one), no three consonants together (a digraph
 * "ch", "ck", "ph", "sh", "th", "ng" counts as one) and no three vowels. */
static int word_shaped(const char *s, size_t n)
{
	int vowels = 0, cons = 0, vrun = 0;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);
		if (!isalpha(c))
			return 0;
		int v = strchr("aeiou", c) != NULL || (c == 'y' && cons);
		if (v) {
			vowels += vrun == 0;
			if (++vrun > 2)
				return 0;
			cons = 0;
		} else {
			int digraph = i > 0 && strchr("cpstn", tolower((unsigned char)s[i - 1])) &&
				      ((c == 'h' && strchr("cpst", tolower((unsigned char)s[i - 1]))) ||
				       (c == 'k' && tolower((unsigned char)s[i - 1]) == 'c') ||
				       (c == 'g' && tolower((unsigned char)s[i - 1]) == 'n'));
			if (!digraph && ++cons > 2)
				return 0;
			vrun = 0;
		}
	}
	return vowels >= 3;
}

/* A derivational ending that is no word of its own at a token's end: a
 * split that leaves one last is a word (or a typo of one) cut at its
 * suffix, "cancelation" is no "cancel at ion", "accidently" no "accident
 * L-Y", and the engine says it better whole. */
static int bound_suffix(const char *s, size_t n)
{
	static const char *const ends[] = {"ion", "ions", "ly", "ally", "ation", "ations", "tion", "tions"};
	return WORD_IN(ends, s, n);
}

static int split_glued(struct en *e, const char *s, size_t n, int flags)
{
	enum { MAXN = 40 };
	if (n < 5 || n > MAXN || !e->ctx->lex || !speech_dict_ready())
		return 0;
	int upper = all_upper(s, n);
	/* an ending on a known word is that word, not a split: "mitigations",
	 * "destructors", "upstreamed", "enablement" (the stem long enough that
	 * "onusing" is not "onus" and "ing") */
	static const struct { const char *suf; size_t stem; } endings[] = {
		{"s", 4}, {"es", 4}, {"d", 4}, {"ed", 5}, {"ing", 5}, {"er", 5}, {"ers", 5},
		/* endings that make a word of a word: "enablement", "maintainership" */
		{"ment", 5}, {"ments", 5}, {"ness", 4}, {"ship", 5}, {"ships", 5},
	};
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i].suf);
		if (n >= k + endings[i].stem && strncasecmp(s + n - k, endings[i].suf, k) == 0 &&
		    (dict_lower(s, n - k) || piece_kind(e, s, n - k, 99, 0, &(int){0}) == P_LEX))
			return 0;
	}
	if (changed_word(s, n))
		return 0;
	/* best[i]: pieces for s[0..i) (cost: a spelled run counts as 100) */
	int best[MAXN + 1], from[MAXN + 1], kind[MAXN + 1];
	best[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = 1 << 20;
		for (size_t j = 0; j < i; j++) {
			if (best[j] >= 1 << 20)
				continue;
			size_t k = i - j;
			int cost;
			int kd = k < n ? piece_kind(e, s + j, k, 3, !(flags & F_TERM), &cost) : 0;
			/* letters to spell: capitals, or lower case without a vowel;
			 * capitals before a word may be six ("TIOCMIWAIT": T-I-O-C-M-I wait) */
			if (!kd && j == 0 && n - k >= 4 && is_prefix(s, k)) {
				kd = P_WORD;     /* "PREALLOC": pre alloc */
				cost = 13;
			}
			int spellable = 1;
			for (size_t q = j; q < i && !upper; q++)
				if (is_vowel(s[q], 0))
					spellable = 0;
			if (!kd && spellable && ((j == 0 && (k <= 3 || (upper && k <= 6 && n - k >= 3))) ||
						 (i == n && k >= 2 && k <= 3))) {
				kd = P_SPELL;
				cost = 100 + 4 * (int)k;
			}
			/* capitals may spell one to three letters between two words of
			 * four letters or more: "POLLRDNORM" poll R-D norm, "EXTRACFLAGS" extra C flags */
			if (!kd && upper && spellable && j >= 4 && i + 4 <= n && k >= 1 && k <= 3 && kind[j] == P_WORD &&
			    j - (size_t)from[j] >= 4 && words_common(s + from[j], j - (size_t)from[j], 35)) {
				int after = 0;
				for (size_t m = 4; i + m <= n && !after; m++)
					after = words_common(s + i, m, 35) != 0;
				if (after) {
					kd = P_SPELL;
					cost = 100 + 4 * (int)k;
				}
			}
			if (!kd)
				continue;
			if (kd == P_LEX && i < n) {
				/* a plural entry ("VMs") ends a token: "VMSCAPE" is no "V-M's cape" */
				const char *star, *say = lex_find(e, s + j, k, &star, &(size_t){0});
				size_t sl = say ? strlen(say) : 0;
				if (sl > 2 && strcmp(say + sl - 2, "'s") == 0)
					continue;
			}
			if (kd == P_WORD && i < n && tolower((unsigned char)s[i - 1]) == 's' && words_common(s + j, k - 1, 50))
				cost += 2;      /* "ONESHOT": one shot, not "ones hot" */
			/* an ioctl's verb, GET or SET, after its prefix's letters and
			 * before a word is said rather than spelled with them:
			 * "LPGETSTATUS" L-P get status, "BLKGETZONESZ" block get zone
			 * S-Z ("SIOCATMARK" stays S-I-O-C-A-T mark) */
			int verb = k == 3 && (strncmp(s + j, "GET", 3) == 0 || strncmp(s + j, "SET", 3) == 0);
			if (kd == P_WORD && upper && verb && j >= 2 && i + 4 <= n && kind[j] != P_WORD)
				cost -= 5;
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
	if (np >= 2 && bound_suffix(s + cut[1], n - cut[1]))
		return 0;
	if (np < 2)
		return 0;
	/* a spelled run only beside words of four letters or more, or entries;
	 * a term of kernel text only into short words that stand alone, common
	 * words (beside letters or an entry, less common ones), entries and
	 * letters to spell ("nosmt", "xfstests", "ioremap"; not "para M-S",
	 * "as peed") */
	int letters = 0, spelled = 0, small = 0;
	for (int p = 0; p < np; p++) {
		letters |= kinds[p] != P_WORD;
		spelled |= kinds[p] == P_SPELL;
		small += cut[p] - (p + 1 < np ? cut[p + 1] : 0) <= 2;
	}
	/* four pieces or more, two of them of two letters or one, are a word
	 * English does not know cut into syllables: "carcinoid" is no "car C-I
	 * no I-D", "interpretacion" no "inter P-R eta C-I on" */
	if (np >= 4 && small >= 2)
		return 0;
	if (spelled && (flags & F_WORDS))
		return 0;
	/* nor a piece of two letters no word ("REGIO" is no "reg I-O") */
	for (int p = 0; p < np && (flags & F_WORDS); p++) {
		size_t st = p + 1 < np ? cut[p + 1] : 0;
		if (cut[p] - st <= 2 && !is_short_word(s + st, cut[p] - st))
			return 0;
	}
	/* six capitals kernel text writes as an acronym, or such an acronym in
	 * small letters, split only in two, a letter spelled at most: "KFENCE"
	 * K fence, "POLLIN" poll in, "README", "vmenter"; "PARIDE" is no "P-A
	 * ride", "RDRAND" no "R-D-R and" */
	if ((n == 6 || !upper) && vocab_kind(s, n) == VOCAB_ACRONYM) {
		if (np != 2)
			return 0;
		for (int p = 0; p < np; p++)
			if (kinds[p] == P_SPELL && cut[p] - (p + 1 < np ? cut[p + 1] : 0) > 1)
				return 0;
	}
	/* a spelled letter and a short word after it that make an entry of
	 * kernel.vocab as an acronym are that acronym before an entry: "tasdev"
	 * T-A-S dev, not "T as dev" (TAS, a chip family's prefix) */
	for (int p = np - 1; p >= 1; p--) {
		size_t st = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p] == P_SPELL && cut[p] - st == 1 && kinds[p - 1] == P_WORD && cut[p - 1] - cut[p] == 2 &&
		    vocab_kind(s + st, 3) == VOCAB_ACRONYM && p >= 2 && kinds[p - 2] != P_WORD) {
			cut[p] = cut[p - 1];     /* the two pieces one, spelled */
			for (int q = p - 1; q + 1 < np; q++) {
				cut[q] = cut[q + 1];
				kinds[q] = kinds[q + 1];
			}
			np--;
			p--;
		}
	}
	if (np == 3 && kinds[0] == P_WORD && kinds[1] == P_WORD && kinds[2] == P_WORD && middle_article(s, cut[2], cut[1]))
		return 0;     /* "barangays" is no "bar an gays" */
	/* a word that reads as one is not cut with two or three letters
	 * spelled after its first piece: "tubulin" is no "tub U-L in",
	 * "CURRITUCK" no "cur it U-C-K" (but "genhomedircon" is gen home dir
	 * con, its short pieces said as words). Seven
	 * letters or more, three vowels or more, consonants and vowels taking
	 * turns (two of either together at most, "ck" and the like one), and
	 * no kernel name writes it: the engine says it whole. */
	if (n >= 7 && np >= 3 && word_shaped(s, n) && vocab_kind(s, n) == VOCAB_NONE)
		for (int p = 0; p + 1 < np; p++) {     /* (not the first piece: "MCAUTOJOIN" M-C auto join) */
			size_t st = cut[p + 1];
			const char *say = kinds[p] == P_ID ? id_say(e, id_word(s + st, cut[p] - st)) : NULL;
			if (cut[p] - st >= 2 && cut[p] - st <= 3 &&
			    (kinds[p] == P_SPELL || (kinds[p] == P_ID && say && strchr(say, '-'))))
				return 0;
		}
	/* a short word glued to a rare word is a word English does not know:
	 * "novela" is no "no vela" ("noreplace", "onusing" are common words) */
	if (np == 2 && kinds[0] == P_WORD && kinds[1] == P_WORD) {
		size_t a = cut[1], b = n - cut[1];
		if ((is_short_word(s, a) && b >= 3 && !words_common(s + a, b, 50) &&
		     (b < 5 || vocab_kind(s + a, b) == VOCAB_NONE)) ||     /* ("nohugepage" is no hugepage; "ITPAM" no "it pam") */
		    (is_short_word(s + a, b) && a >= 3 && !words_common(s, a, 50) && (a < 5 || vocab_kind(s, a) == VOCAB_NONE)))
			return 0;
	}
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		/* a rare word (scowl over 50, or hunspell's only) only in a split in
		 * two ("CARBOXYLATION" is no "car boxy lati on"); letters and a
		 * short word are no split ("JSTOR" is no "J-S-T or") */
		if (kinds[p] == P_WORD && np > 2 && en - st >= 3 && !words_common(s + st, en - st, 50) &&
		    !(en - st >= 4 && vocab_kind(s + st, en - st) == VOCAB_TERM))
			return 0;
		if (np == 2 && spelled && kinds[p] == P_WORD && en - st <= 2)
			return 0;
		/* (capitals may end in a common word of three: "TIOCMGET" T-I-O-C-M get) */
		if (kinds[p] == P_WORD && en - st < 4 && spelled && !is_short_word(s + st, en - st) &&
		    !(upper && p == 0 && en - st == 3 && words_common(s + st, 3, 20)) &&
		    !(upper && p > 0 && p + 1 < np && en - st == 3 &&
		      (strncmp(s + st, "GET", 3) == 0 || strncmp(s + st, "SET", 3) == 0) &&
		      kinds[p + 1] != P_WORD && cut[p - 1] - en >= 4))
			return 0;
		if ((flags & F_TERM) && kinds[p] == P_WORD && (en - st < 4 ? !is_short_word(s + st, en - st) :
							       !words_common(s + st, en - st, letters ? 60 : 35)))
			return 0;
		if ((flags & F_TERM) && kinds[p] == P_SPELL && vocab_kind(s + st, en - st) != VOCAB_ACRONYM)
			return 0;     /* "async" is no "as Y-N-C" */
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
			why |= kinds[p] == P_SPELL || kinds[p] == P_ID || is_short_word(s + st, en - st) ||
			       (kinds[p] == P_LEX && !dict_lower(s + st, en - st));
		}
		/* a host name's label glues words where running text would not:
		 * two words of four letters or more, one of them common and long
		 * ("datocapital", "techcrunch"); not a name and a syllable
		 * ("lameter", "thykier", "dolbeau") */
		if ((flags & F_LABEL) && np == 2 && kinds[0] == P_WORD && kinds[1] == P_WORD) {
			size_t a = cut[1], b = n - cut[1];
			why |= a >= 4 && b >= 4 &&
			       ((a >= 5 && words_common(s, a, 20)) || (b >= 5 && words_common(s + a, b, 20)) ||
				(words_common(s, a, 35) && words_common(s + a, b, 35)));
		}
		/* capitals glue two common words of four letters or more as a
		 * name: "PATCHLEVEL" patch level */
		if (upper && np == 2 && kinds[0] == P_WORD && kinds[1] == P_WORD && cut[1] >= 4 && n - cut[1] >= 4 &&
		    words_common(s, cut[1], 35) && words_common(s + cut[1], n - cut[1], 35))
			why = 1;
		/* or a common word of four letters or more and an entry of
		 * three after it: "POLLERR" poll error */
		if (upper && np == 2 && kinds[1] == P_WORD && cut[1] >= 4 && words_common(s, cut[1], 35) &&
		    kinds[0] == P_LEX && n - cut[1] == 3)
			why = 1;
		/* or a common word and an entry said as written: "FLATMEM" flat mem */
		if (upper && np == 2 && ((kinds[1] == P_WORD && cut[1] >= 4 && words_common(s, cut[1], 35) &&
					  kinds[0] == P_LEX && lex_as_written(e, s + cut[1], n - cut[1])) ||
					 (kinds[0] == P_WORD && n - cut[1] >= 4 && words_common(s + cut[1], n - cut[1], 35) &&
					  kinds[1] == P_LEX && lex_as_written(e, s, cut[1]))))
			why = 1;
		if (!why && !hexv)
			return 0;
	}
	strcpy(e->whybuf, "letters that lost their spaces; split by commonness: ");
	for (int p = np - 1; p >= 0; p--) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		char tmp[MAXN + 1];
		for (size_t i = st; i < en; i++)
			tmp[i - st] = upper ? (char)tolower((unsigned char)s[i]) : s[i];
		const struct id_word *iw = kinds[p] == P_ID ? id_word(s + st, en - st) : NULL;
		if (kinds[p] == P_SPELL) {
			spell(e, s + st, en - st, 0);
			if (p > 0 && !upper) {   /* "X-array", "H-W-probe" */
				buf_putc(&e->out, '-');
				e->glue = 1;
			}
		} else if (kinds[p] == P_LEX)
			lex_say(e, s + st, en - st);
		else if (iw && id_say(e, iw))
			emit(e, id_say(e, iw));
		else if (kinds[p] == P_WORD && en - st >= 2 && !has_vowel(s + st, en - st))
			spell(e, s + st, en - st, 0);     /* a term without a vowel: "BRCMSTB" B-R-C-M S-T-B */
		else
			emitn(e, tmp, en - st);
		why_piece(e, tmp, en - st, kinds[p] == P_SPELL ? S_SPELL : kinds[p] == P_LEX ? S_LEX : iw ? S_ID : S_WORD,
			  kinds[p] == P_WORD ? words_common(s + st, en - st, 70) : 0, p == np - 1);
	}
	decide(e, "split word", e->whybuf);
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
int known_word(const char *s, size_t n, const char **why)
{
	char low[64];
	int size;
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if ((words_lookup(s, n, &size) & ~(WORDS_DICT | WORDS_US)) || (words_lookup(low, n, &size) & WORDS_WORD)) {
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

static int us_spelling(const char *s, size_t n, char *out, size_t *m);
static void say_spelling(struct en *e, const char *s, size_t n, const char *why);

/* Whether en_GB knows s ("organisation", "colour", "armouring") and it
 * has a mark of British spelling: asked only before a token would be cut
 * into pieces, as loading en_GB costs 40 ms. */
static int british_word(const char *s, size_t n)
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
	return speech_dict_gb(s, n) || speech_dict_gb(low, n);
}

static int gb_word(struct en *e, const char *s, size_t n)
{
	if (!british_word(s, n))
		return 0;
	say_spelling(e, s, n, "hunspell en_GB");
	return 1;
}


/* The cost of a common English word as a piece: the commoner (scowl's
 * size, 10 the commonest) and the longer, the cheaper. */
static int common_cost(size_t n, int size)
{
	return 10 + size / 10 + 3 * (n < 5);
}

/*
 * What the piece s[0..n) of a token of total letters, starting at letter
 * at, may be, and what it costs: the cheaper, the likelier a writer meant
 * it. 0 when it may not be one. *grade is the scowl size of a word (0 for
 * other kinds).
 */
/* The plural of an acronym kernel text writes often, in small letters: "ips", "vmas". */
static int plural_acronym(const char *s, size_t n)
{
	return n >= 3 && n <= 5 && s[n - 1] == 's' && !is_vowel(s[n - 2], 1) && s[n - 2] != 's' &&     /* "termios" */
	       vocab_kind(s, n - 1) == VOCAB_ACRONYM &&
	       vocab_count(s, n - 1) >= 100 && !words_common(s, n, 60) && !words_common(s, n - 1, 60) &&
	       vocab_kind(s, n) == VOCAB_NONE;
}

/* English's combining forms, said as a word before a word ("biodistribution",
 * "geolocation"), though an entry may spell one alone (kernel text's "bio"). */
static int combining_form(const char *s, size_t n)
{
	static const char *const forms[] = {
		"bio", "geo", "eco", "neuro", "hydro", "thermo", "electro", "cyto", "immuno",
		"astro", "chrono", "hemo", "paleo", "patho", "psycho", "socio", "techno", "agro",
	};
	return WORD_IN(forms, s, n);
}

/* Whether s is a name of scowl's lists and no word: "steve" of "stevehimself". */
static int name_piece(const char *s, size_t n)
{
	char tmp[64];
	if (n < 4 || n >= sizeof tmp || !all_alpha(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (char)(i ? tolower((unsigned char)s[i]) : toupper((unsigned char)s[i]));
	return (words_lookup(tmp, n, NULL) & WORDS_NAME) && !words_common(s, n, 70) && !dict_lower(s, n);
}

static int all_lower(const char *s, size_t n);

static int split_piece(struct en *e, const char *s, size_t n, size_t at, size_t total, int *kind, int *grade)
{
	const char *star;
	size_t sl;
	const char *say;
	*grade = 0;
	/* a combining form first, before a common word, is said as a word, whatever
	 * an entry says of it alone: "biodistribution" bio-distribution (was B-I-O);
	 * "bioset" stays B-I-O set */
	if (at == 0 && total - n >= 5 && combining_form(s, n) && words_common(s + n, total - n, 35)) {
		*kind = S_PREFIX;
		return 9;
	}
	/* "refault", "rewalk": a prefix of English before a common word is
	 * that prefix, whatever a list of acronyms says of its letters (RE
	 * is a regular expression; "refault" is no R-E-fault) */
	if (at == 0 && total - n >= 5 && is_prefix(s, n) && all_lower(s, total) && words_common(s + n, total - n, 35)) {
		*kind = S_PREFIX;
		return 9;
	}
	if (n >= 2 && (say = lex_find(e, s, n, &star, &sl)) != NULL && !star) {
		/* an entry said as several words ("rc": release candidate) is
		 * letters inside a word: "bashrc", "rcupdate" */
		if (n <= 3 && strchr(say, ' ') && all_alpha(s, n)) {
			*kind = S_SPELL;
			return 11;
		}
		*kind = S_LEX;
		/* two letters said as another word ("vs": versus) are weak evidence:
		 * "openvswitch" is open V switch */
		if (n == 2 && !strchr(say, '-') && strlen(say) > 2)
			return 22;
		/* nor is an entry said as a letter and a word ("mremap" M-remap)
		 * whose letter ends a word of identifiers before it: "memremap"
		 * is mem remap, no "me M-remap" ("realinode" stays real I-node) */
		if (at >= 2 && isalpha((unsigned char)say[0]) && say[1] == '-' && islower((unsigned char)say[2]) &&
		    id_word(s - 2, 3))
			return 30;
		return n <= 2 ? 13 : 9;
	}
	if (id_word(s, n)) {
		*kind = S_ID;
		return n >= 4 ? 10 : 15 - (int)n;    /* short ones no cheaper than words: "inthat" is in that */
	}
	if (n >= 2 && n <= 5 && vocab_kind(s, n) == VOCAB_ACRONYM && !words_common(s, n, 60)) {
		*kind = S_SPELL;
		/* two letters are weak evidence ("openssl" is no "opens S-L"), and
		 * so is an acronym kernel text rarely has ("hyperv" is no "hype R-V") */
		return (n <= 2 ? 12 : 11) + 5 * (vocab_count(s, n) < 50);
	}
	if (at == 0 && total - n >= 4 && is_prefix(s, n)) {
		*kind = S_PREFIX;
		return 13;
	}
	if (n == 1 && (!is_vowel(s[0], 1) || (at == 0 && strchr("ui", tolower((unsigned char)s[0])))) && (at == 0 ? total >= 5 : at + 1 < total ? at >= 3 && total - at >= 5 :
					     at >= 5 && !strchr("sdry", tolower((unsigned char)s[0])))) {
		/* one letter beside words: "hyperv" hyper V, "xfsprogs", "openvswitch", "uevent",
		 * an i of inode at the start: "igrab", "iopen"
		 * (in the middle, between longer pieces, it costs more; at the end
		 * after five letters or more: "codec", "minix" stay whole) */
		*kind = S_SPELL;
		return at == 0 || at + 1 == total ? 13 : 15;
	}
	if (plural_acronym(s, n)) {
		*kind = S_SPELL;     /* "allowedips": allowed I-Ps */
		return 12;
	}
	if (n <= 2) {
		for (size_t i = 0; i < ARRAY_LEN(short_pieces); i++)
			if (strlen(short_pieces[i]) == n && strncasecmp(short_pieces[i], s, n) == 0) {
				*kind = S_WORD;
				return 12;
			}
		if (n == 2 && at == 0 && total >= 7 && !words_lookup(s, n, NULL)) {
			/* two letters that are no word, before a long word: "ebtables" */
			*kind = S_SPELL;
			return 17;
		}
		return 0;
	}
	int size = words_common(s, n, 50);
	if (size) {
		*kind = S_WORD;
		*grade = size;
		/* a plural before another piece is likelier a word and the start of
		 * the next: "oneshot" is one shot, not "ones hot" */
		return common_cost(n, size) + 5 * (at + n < total && s[n - 1] == 's' && words_common(s, n - 1, 60)) -
		       parts_bonus(s, n);
	}
	enum vocab_kind v = vocab_kind(s, n);
	if (v == VOCAB_TERM && n >= 4) {
		const char *how;
		*kind = S_WORD;
		/* a term that kernel names make of a letter and a part ("icache"
		 * i+cache, kernel.parts) after another piece: the letter likelier
		 * ends the piece before ("minicache" mini cache, not "min icache") */
		if (at > 0 && parts_count(s, n, &how) && how[0] && how[1] == '+')
			return 22;
		return 14;
	}
	/* a name first, glued to words of four letters or more: "stevehimself"
	 * steve himself, not "S-T eve himself" (it costs more than a word) */
	if (at == 0 && total - n >= 4 && name_piece(s, n)) {
		*kind = S_WORD;
		*grade = 50;
		return 20;
	}
	if ((size = words_common(s, n, 60)) != 0) {
		/* a rarer word (scowl 55, 60) costs most: "micmute" is mic mute,
		 * "xfsprogs" no "X-F-sprogs" */
		*kind = S_WORD;
		*grade = size;
		return 25 + 3 * (n < 5) - parts_bonus(s, n);
	}
	return 0;
}

/* Whether the lexicon spells s, or says it as no common word ("xfs" X-F-S;
 * not "addr" address, "ctl" control) */
static int lex_spelled(struct en *e, const char *s, size_t n)
{
	const char *star, *say = lex_find(e, s, n, &star, &(size_t){0});
	return say && !words_common(s, n, 50) && (strchr(say, '-') || !words_common(say, strlen(say), 50));
}

/* Whether the lexicon says s as written, keeping only its case ("CONFIG" config) */
static int lex_as_written(struct en *e, const char *s, size_t n)
{
	const char *star, *say = lex_find(e, s, n, &star, &(size_t){0});
	return say && strlen(say) == n && strncasecmp(say, s, n) == 0;
}

static int all_lower(const char *s, size_t n);

/* A term of kernel text (kernel.vocab) that kernel names make of a letter
 * and a far commoner part (kernel.parts, "a+time"): the letter spelled and
 * the part, "atime" A-time, "vsync" V-sync (espeak-ng reads "atime" as
 * "at-ime"). 1 when said. */
static int say_letter_part(struct en *e, const char *s, size_t n)
{
	const char *how;
	if (n < 5 || !all_lower(s, n) || vocab_kind(s, n) != VOCAB_TERM || !parts_count(s, n, &how) ||
	    !how[0] || how[1] != '+')
		return 0;
	spell(e, s, 1, 0);
	buf_putc(&e->out, '-');
	e->glue = 1;
	emitn(e, s + 1, n - 1);
	return 1;
}

/* Whether s[0..n), "a" and a word, is a word with its doubled consonant
 * written once ("atempt" attempt, "acount" account): a typo, whose "a" is
 * no letter of a name */
static int a_typo(const char *s, size_t n)
{
	char w[64];
	if (n < 3 || n + 1 >= sizeof w || is_vowel(s[1], 1))
		return 0;
	w[0] = 'a';
	w[1] = (char)tolower((unsigned char)s[1]);
	for (size_t i = 1; i < n; i++)
		w[i + 1] = (char)tolower((unsigned char)s[i]);
	return dict_word(w, n + 1);
}

/* Appends to e->whybuf what a piece of a split was: "hyper (scowl 40)". */
static void why_piece(struct en *e, const char *said, size_t n, int kind, int grade, int first)
{
	size_t l = strlen(e->whybuf);
	if (l + 40 + n >= sizeof e->whybuf)
		return;
	const char *what = kind == S_SPELL ? "letters" : kind == S_LEX ? "the lexicon" :
			   kind == S_ID ? "a word of identifiers" : kind == S_PREFIX ? "a prefix" :
			   grade < 0 ? "as written" : grade && kind == S_WORD && !words_common(said, n, 70) ? "a name" :
			   grade ? NULL : n <= 2 ? "a short word" : "kernel.vocab";
	if (what)
		snprintf(e->whybuf + l, sizeof e->whybuf - l, "%s%.*s (%s)", first ? "" : " + ", (int)n, said, what);
	else
		snprintf(e->whybuf + l, sizeof e->whybuf - l, "%s%.*s (scowl %d)", first ? "" : " + ", (int)n, said, grade);
}

/*
 * A token no list knows, split into the pieces that cost least: common
 * words (the commoner the cheaper, by scowl's size), words of
 * identifiers, vocabulary and lexicon entries, letters to spell ("thismemory",
 * "mcelog", "rcupdate", "hyperv"). Nothing is said and 0 returned when no
 * such split exists.
 */
static int w_fs_name(struct en *e, const char *s, size_t n, int flags);
static int w_fb_name(struct en *e, const char *s, size_t n, int flags);

static int acronym_sayable(const char *s, size_t n);
/* Whether s has three consonants or more and then a vowel after its first letter: "ixgbe". */
static int inner_cluster(const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 1; i < n; i++) {
		if (is_vowel(s[i], 1)) {
			if (run >= 3)
				return 1;
			run = 0;
		} else if (s[i] != s[i - 1])
			run++;     /* (a doubled letter is one: "errno" err-no) */
	}
	return 0;
}

static int split_words(struct en *e, const char *s, size_t n, int need_acronym, size_t min_piece)
{
	enum { MAXN = 40 };
	if (n < 5 || n > MAXN)
		return 0;
	/* a known word and an ending is that word: "upstreamed", "backporting" */
	static const char *const endings[] = {
		"s", "es", "d", "ed", "ing", "er", "ers", "ly",
		/* endings that make a word of a word: "maintainership" */
		"ship", "ships", "ness", "less", "ment", "ments", "able", "ability", "ful", "hood",
		"ize", "izes", "ized", "ization", "ise", "ised", "isation", "ism", "ist", "ists",
	};
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i]);
		const char *why;
		if (n >= k + 4 && strncasecmp(s + n - k, endings[i], k) == 0 && known_word(s, n - k, &why))
			return 0;
	}
	if (changed_word(s, n))
		return 0;
	int best[MAXN + 1], from[MAXN + 1], kind[MAXN + 1], grade[MAXN + 1];
	best[0] = kind[0] = grade[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = 1 << 20;
		for (size_t j = 0; j < i; j++) {
			if (best[j] >= 1 << 20 || (j == 0 && i == n))
				continue;
			int kd, gr, cost = split_piece(e, s + j, i - j, j, n, &kd, &gr);
					if (cost && kd == S_SPELL && j > 0 && from[j] == 0 && j == 1 && kind[j] == S_SPELL)
				cost += 5;   /* letters after one letter: "micmute" is mic mute, not "M-I-C mute" */
			if (cost && kd == S_SPELL && i - j == 1 && i == n && (kind[j] != S_WORD || !grade[j] || s[i - 1] == s[i - 2]))
				cost = 0;    /* a letter at the end follows a common word: "hyperv", not "allo C";
					      * one that doubles the word's last is a name's spelling: "scarlett" */
			if (cost && kd == S_LEX && i < n) {
				/* a plural entry ("VMs") ends a token: "vmscan" is VM and scan */
				const char *star, *say = lex_find(e, s + j, i - j, &star, &(size_t){0});
				size_t sl = say ? strlen(say) : 0;
				if (sl > 2 && strcmp(say + sl - 2, "'s") == 0)
					cost = 0;
			}
			if (!cost && i - j >= 2 && i - j <= 4 && n - (i - j) >= 3) {
				/* letters without a vowel beside words: "mhpm" of "mhpmcounters",
				 * "snmp" of "libsnmp" */
				int vowel = 0;
				for (size_t q = j; q < i; q++)
					vowel |= is_vowel(s[q], 1);
				if (!vowel && (j > 0 || n - i >= 5))
					kd = S_SPELL, cost = 11 + (int)(i - j), gr = 0;
			}
			if (!cost && j >= 3 && kind[j] == S_SPELL && i - j >= 5 && (gr = words_common(s + j, i - j, 70)) != 0)
				kd = S_WORD, cost = 24;    /* a rarer word after an acronym: "bcmgenet" B-C-M genet */
			if (cost && best[j] + cost < best[i]) {
				best[i] = best[j] + cost;
				from[i] = (int)j;
				kind[i] = kd;
				grade[i] = gr;
			}
		}
	}
	if (best[n] >= 1 << 20)
		return 0;
	size_t cut[MAXN + 1];
	int kinds[MAXN + 1], grades[MAXN + 1], np = 0;
	for (size_t i = n; i > 0; i = (size_t)from[i]) {
		cut[np] = i;
		grades[np] = grade[i];
		kinds[np++] = kind[i];
	}
	if (np >= 2 && bound_suffix(s + cut[1], n - cut[1]))
		return 0;
	/* a split that reads like a name cut up ("Balm a in", "Mow at") is none:
	 * at most one short word and one run of letters, a short word beside a
	 * long one */
	int shorts = 0, acronyms = 0, marked = 0, known_letters = 0, letters = 0;
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		letters |= kinds[p] == S_SPELL;
		known_letters |= kinds[p] == S_SPELL && en - st >= 2 && vocab_count(s + st, en - st) >= 5;
	}
	known_letters |= !letters;     /* entries only: "minmax" min max */
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		/* an entry said as written beside letters kernel text knows is a
		 * word, not a second acronym: "ipconfig" I-P config, "pfmem" P-F
		 * mem, "minmax" min max (beside rare letters it still stops the split: "snapid" is
		 * no "S-N-A pid") */
		int acr = kinds[p] == S_SPELL || (kinds[p] == S_LEX && lex_spelled(e, s + st, en - st) &&
						  !(known_letters && lex_as_written(e, s + st, en - st)));
		int acr_before = p > 0 && (kinds[p - 1] == S_SPELL ||
					   (kinds[p - 1] == S_LEX && lex_spelled(e, s + en, cut[p - 1] - en)));
		/* "X-F-S": one run of letters, where one of them is a single letter */
		acronyms += acr && !(acr_before && (en - st == 1 || cut[p - 1] - en == 1));
		/* (an entry that is also a word of identifiers marks it too: "pinctrl") */
		marked |= acr || kinds[p] == S_ID || (kinds[p] == S_LEX && id_word(s + st, en - st));
		/* the article "a" before a vowel's sound is no English: "airqs" is
		 * no "a I-R-Q's" (A-I-R-Q's, s390's adapter IRQs), the name of
		 * A, E, F, H, I, L, M, N, O, R, S, X begins with a vowel */
		if (en - st == 1 && kinds[p] == S_WORD && tolower((unsigned char)s[st]) == 'a' && p > 0 &&
		    (kinds[p - 1] == S_SPELL || (kinds[p - 1] == S_LEX && lex_spelled(e, s + en, cut[p - 1] - en))) &&
		    strchr("aefhilmnorsx", tolower((unsigned char)s[en])))
			return 0;
		if (en - st <= 2 && kinds[p] == S_WORD) {
			shorts++;
			size_t left = p + 1 < np ? st - (p + 2 < np ? cut[p + 2] : 0) : 0;
			size_t right = p > 0 ? cut[p - 1] - en : 0;
			int lk = kinds[p + (p + 1 < np)], rk = p > 0 ? kinds[p - 1] : 0;
			if (left < 4 && right < 4 && lk != S_SPELL && rk != S_SPELL && rk != S_ID)
				return 0;
		}
	}
	if (shorts > 1 || acronyms > 1 || np > 3 || (need_acronym && !marked))
		return 0;
	/* a short word of grammar before letters kernel text rarely writes is
	 * no split: "bytcr" is no "by T-C-R", "isotp" no "is O-T-P" (kernel
	 * options' "no" is: "rcu_nocbs" no C-B-S) */
	if (np == 2 && kinds[1] == S_WORD && cut[1] <= 2 && is_short_word(s, cut[1]) && kinds[0] == S_SPELL &&
	    strncasecmp(s, "no", 2) != 0 &&
	    vocab_count(s + cut[1], n - cut[1]) < 50)
		return 0;
	/* a kernel term English can say whole is no word and letters at its
	 * end: "adaptec" is no "adapt E-C", "padata" no "pad A-T-A" (three
	 * letters after a word of four or more stay: "atomisp" atom I-S-P) */
	if (need_acronym && np == 2 && kinds[0] == S_SPELL && kinds[1] == S_WORD && cut[1] >= 3 &&
	    (n - cut[1] <= 2 || (n - cut[1] == 3 && cut[1] == 3)) && onset_ok(s, n) && sayable(s, n))
		return 0;
	/* a short word and letters kernel text does not know after it, in one
	 * split of a word in small letters, are a word or a name cut into syllables: "penguinistas" is no "penguin is
	 * T-A-S", "mellanox" no "me llano X" */
	int entries = 0;
	for (int p = 0; p < np; p++)
		entries |= kinds[p] == S_LEX || kinds[p] == S_ID;
	/* (a letter first is kernel text's prefix: "faccessat"; an entry makes
	 * it kernel text: "errinjct" error in J-C-T) */
	if (shorts && np == 3 && !all_upper(s, n) && !entries)
		for (int p = 0; p < np; p++) {
			size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
			if (kinds[p] == S_SPELL && st > 0 && (en - st == 1 || vocab_count(s + st, en - st) < 5))
				return 0;
		}
	for (int p = 0; p < np; p++)
		if (cut[p] - (p + 1 < np ? cut[p + 1] : 0) < min_piece || (np > 2 && grades[p] > 50))
			return 0;     /* (a rarer word only in a split in two: "carboxyhemoglobin") */
	/* a prefix comes before a word of four letters or more, or a word of
	 * identifiers: "re-enable", "de-init"; not "re-T-P-O line", "un-in A-M-E" */
	if (np >= 2 && kinds[np - 1] == S_PREFIX && kinds[np - 2] != S_ID &&
	    (kinds[np - 2] != S_WORD || cut[np - 2] - cut[np - 1] < 4))
		return 0;
	/* one letter at the start comes before letters, an entry or a word of
	 * four letters or more: "X-F-S progs", not "P-ref etch" */
	if (np >= 2 && cut[np - 1] == 1 && kinds[np - 1] == S_SPELL && kinds[np - 2] == S_WORD &&
	    cut[np - 2] - cut[np - 1] < 4)
		return 0;
	/* a "u" of user space before a word only: "updatable" is no "U-P-D-A table" */
	if (np >= 2 && cut[np - 1] == 1 && tolower((unsigned char)s[0]) == 'u' && kinds[np - 2] != S_WORD &&
	    kinds[np - 2] != S_ID)
		return 0;
	/* an article between two words of three pieces: a word cut up */
	if (np == 3 && kinds[0] == S_WORD && kinds[1] == S_WORD && kinds[2] == S_WORD && middle_article(s, cut[2], cut[1]))
		return 0;
	/* the article ends no split: "novela", "democratica" are no "novel a" */
	if (np >= 2 && kinds[0] == S_WORD && cut[0] - cut[1] <= 2 &&
	    (cut[0] - cut[1] == 1 ? tolower((unsigned char)s[n - 1]) == 'a' : strncasecmp(s + n - 2, "an", 2) == 0))
		return 0;
	/* three spelled letters that read as a syllable (vowel, consonant,
	 * vowel) after a common word are its ending: "graphene" is no "graph
	 * E-N-E" */
	if (np >= 2 && kinds[0] == S_SPELL && cut[0] - cut[1] == 3 && kinds[1] == S_WORD && grades[1] &&
	    is_vowel(s[n - 3], 1) && !is_vowel(s[n - 2], 1) && is_vowel(s[n - 1], 1) &&
	    vocab_count(s + n - 3, 3) < 100)     /* (kernel text has ATA often: "libata" lib A-T-A) */
		return 0;
	/* a short word at the end follows a word of four letters or more: "sarin" is not "S-A-R in" */
	if (np >= 2 && cut[0] - cut[1] <= 2 && kinds[0] != S_ID && (kinds[1] != S_WORD || cut[1] - (np > 2 ? cut[2] : 0) < 4))
		return 0;
	/* a rare word of three letters at the end is an ending, not a word:
	 * "harkens" is no "hark ens" (ens, scowl 60) */
	if (np == 2 && kinds[0] == S_WORD && cut[0] - cut[1] == 3 && grades[0] > 50)
		return 0;
	/* letters of two spelled beside a short word are a word's start ("gmail"),
	 * unless kernel text has them often ("ipset": I-P set) */
	for (int p = 0; p < np; p++) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p] == S_SPELL && en - st == 2 && vocab_count(s + st, 2) < 100) {
			size_t left = p + 1 < np ? st - (p + 2 < np ? cut[p + 2] : 0) : 99;
			size_t right = p > 0 ? cut[p - 1] - en : 99;
			if (left < 4 || right < 4)
				return 0;
		}
	}
	/* two letters ending in i after a word of four letters or more,
	 * in small letters, are a Latin ending, not letters: "weaveri" is no
	 * "weave R-I", "bakeri" no "bake R-I" (unless kernel text has them
	 * often) */
	if (np >= 2 && kinds[0] == S_SPELL && cut[0] - cut[1] == 2 && kinds[1] == S_WORD &&
	    cut[1] - (np > 2 ? cut[2] : 0) >= 4 && islower((unsigned char)s[n - 2]) && s[n - 1] == 'i' &&
	    vocab_count(s + n - 2, 2) < 100)
		return 0;
	if (gb_word(e, s, n))
		return 1;
	/* letters without a vowel that end an acronym of kernel text begun in
	 * the piece before take that start back: "reiserfsck" is reiser F-S-C-K,
	 * not "reiserfs C-K" */
	for (int p = 1; p < np; p++) {
		size_t en = cut[p - 1], st = cut[p], pst = p + 1 < np ? cut[p + 1] : 0;
		if (kinds[p - 1] != S_SPELL || en - st > 3 || has_vowel(s + st, en - st) || (kinds[p] == S_WORD && grades[p]))
			continue;
		for (size_t k = 3; k >= 1; k--)
			if (st - pst >= k + 4 &&
			    !has_vowel(s + st - k, k + en - st) && vocab_kind(s + st - k, k + en - st) != VOCAB_NONE &&
			    has_vowel(s + pst, st - k - pst)) {
				cut[p] = st - k;
				kinds[p] = S_WORD;
				grades[p] = -1;
				break;
			}
	}
	/* one letter before a word that starts with the rest of a prefix is
	 * the prefix: "preload" pre-load, not "P-reload" */
	if (np == 2 && kinds[1] == S_SPELL && cut[1] == 1 && kinds[0] == S_WORD) {
		for (size_t k = 3; k >= 2; k--)
			if (is_prefix(s, k) && n - k >= 4 && words_common(s + k, n - k, 35)) {
				cut[1] = k;
				kinds[1] = S_PREFIX;
				grades[0] = words_common(s + k, n - k, 35);
				break;
			}
	}
	/* one spelled letter between spelled letters and a word ends the
	 * letters: "dacloffset" D-A-C-L offset, not "D-A-C L-offset" */
	for (int p = 1; p + 1 < np; p++)
		if (kinds[p] == S_SPELL && kinds[p + 1] == S_SPELL && kinds[p - 1] == S_WORD &&
		    cut[p] - cut[p + 1] == 1 && cut[p + 1] - (p + 2 < np ? cut[p + 2] : 0) >= 2) {
			cut[p + 1] = cut[p];
			for (int q = p; q + 1 < np; q++) {
				cut[q] = cut[q + 1];
				kinds[q] = kinds[q + 1];
				grades[q] = grades[q + 1];
			}
			np--;
		}
	/* a letter at the seam belongs to the commoner word: a run of letters
	 * gives its last to the word after it when the two make a common word
	 * ("hwtracing" H-W tracing, not "H-W-T racing"; "ecache" E-cache), and a
	 * rare word takes the first of the letters after it ("modefromsid"
	 * mode from S-I-D, not "fro M-S-I-D") */
	for (int p = np - 1; p >= 1; p--) {
		size_t st = p + 1 < np ? cut[p + 1] : 0, en = cut[p], nx = cut[p - 1];
		int size;
		if (kinds[p] == S_SPELL && kinds[p - 1] == S_WORD && en - st >= 2 && nx - en >= 3 &&
		    (en - st == 2 || !has_vowel(s + st, en - st - 1) || vocab_kind(s + st, en - st - 1) == VOCAB_ACRONYM) &&
		    (size = words_common(s + en - 1, nx - en + 1, 35)) != 0 &&
		    (!grades[p - 1] || size <= grades[p - 1])) {
			cut[p] = en - 1;
			grades[p - 1] = size;
		} else if (kinds[p] == S_WORD && grades[p] > 20 && kinds[p - 1] == S_SPELL && nx - en >= 4 &&
			   (size = words_common(s + st, en - st + 1, 20)) != 0 && size < grades[p]) {
			cut[p] = en + 1;
			grades[p] = size;
		}
	}
	/* "phonet", "clausen": a name kernel text writes capitalised
	 * (kernel.names) is no word and a letter or two ("phone T", "clause
	 * N"); a word and an acronym's two letters stay ("orangefs") */
	if (np >= 2 && kinds[0] == S_SPELL && cut[0] - cut[1] <= 2 && kinds[1] == S_WORD && kernel_name(s, n) &&
	    !(cut[0] - cut[1] == 2 && vocab_kind(s + n - 2, 2) == VOCAB_ACRONYM))
		return 0;
	strcpy(e->whybuf, "no list knows it; split by commonness: ");
	for (int p = np - 1; p >= 0; p--) {
		size_t en = cut[p], st = p + 1 < np ? cut[p + 1] : 0;
		char tmp[MAXN + 1];
		for (size_t i = st; i < en; i++)
			tmp[i - st] = (char)tolower((unsigned char)s[i]);
		/* an acronym and a word sharing a letter: "rcupdate" is RCU and update */
		if (kinds[p] != S_WORD && kinds[p] != S_ID && kinds[p] != S_PREFIX && en - st >= 2 && p > 0 && kinds[p - 1] == S_WORD && en - st + 1 <= 5 &&
		    is_vowel(s[en], 0) && vocab_kind(s + st, en - st + 1) == VOCAB_ACRONYM &&
		    !words_common(s + st, en - st + 1, 50) &&
		    vocab_count(s + st, en - st + 1) > vocab_count(s + st, en - st)) {  /* "vmentry": VM, not VME */
			spell(e, s + st, en - st + 1, 0);
			tmp[en - st] = (char)tolower((unsigned char)s[en]);
			why_piece(e, tmp, en - st + 1, S_SPELL, 0, p == np - 1);
			continue;
		}
		if (kinds[p] == S_SPELL && plural_acronym(s + st, en - st))
			spell(e, s + st, en - st - 1, 1);
		else if (kinds[p] == S_SPELL && en - st >= 4 && vocab_kind(s + st, en - st) == VOCAB_ACRONYM &&
			 acronym_sayable(s + st, en - st))
			emitn(e, tmp, en - st);     /* an acronym said alone is said in a split: "rawnand" raw nand */
		else if (kinds[p] == S_SPELL)
			spell(e, s + st, en - st, 0);
		else if (kinds[p] == S_LEX && p == np - 1 && p > 0 && kinds[p - 1] == S_WORD && cut[p - 1] - en >= 7 &&
			 words_common(s + en, cut[p - 1] - en, 60) && vocab_kind(s + en, cut[p - 1] - en) == VOCAB_NONE &&
			 en - st >= 3 && has_vowel(tmp, en - st) &&
			 ((words_lookup(tmp, en - st, NULL) & WORDS_WORD) || dict_lower(tmp, en - st)))
			emitn(e, tmp, en - st);     /* an English word before a long one is no entry's letters:
						       "biodistribution" bio distribution ("biovec" B-I-O vec) */
		else if (kinds[p] == S_LEX)
			lex_say(e, s + st, en - st);
		else if (kinds[p] == S_ID)
			id_say(e, id_word(s + st, en - st)) ? emit(e, id_say(e, id_word(s + st, en - st))) :
							      emitn(e, tmp, en - st);
		else if (kinds[p] == S_WORD && en - st >= 3 && vocab_kind(tmp, en - st) != VOCAB_NONE &&
			 !(words_lookup(tmp, en - st, NULL) & WORDS_WORD) && !sayable(tmp, en - st) &&
			 inner_cluster(tmp, en - st)) {
			/* a kernel term English cannot say, three consonants or more
			 * before a vowel inside it, is its letters, as alone: "ixgbevf"
			 * I-X-G-B-E V-F (not "ixgbe" read as a word; "xattr", "expr",
			 * "eventfd" end in theirs and stay terms) */
			spell(e, s + st, en - st, 0);
			kinds[p] = S_SPELL;
		} else if (en - st >= 2 && !has_vowel(s + st, en - st)) {
			/* a piece of kernel text without a vowel is letters: "dosfsck" dos F-S-C-K */
			spell(e, s + st, en - st, 0);
			kinds[p] = S_SPELL;
		} else if (kinds[p] == S_WORD && say_letter_part(e, tmp, en - st))
			;       /* "strictatime" strict A-time */
		else if (kinds[p] == S_WORD && st == 0 && en == 1 && tmp[0] == 'a' && np >= 2 && kinds[p - 1] == S_WORD &&
			 !a_typo(s, n))
			emit_letter_a(e);     /* a name's first letter, no article: "asound" A sound, "aplay" */
		else if (kinds[p] != S_WORD || !w_fs_name(e, tmp, en - st, F_PART))   /* "reiserfs progs" */
			emitn(e, st == 0 ? s : tmp, en - st);
		if (kinds[p] == S_PREFIX || (kinds[p] == S_SPELL && en - st == 1 && p > 0)) {
			buf_putc(&e->out, '-');     /* "un-conf", "X-F-S" */
			e->glue = 1;
		}
		why_piece(e, tmp, en - st, kinds[p], grades[p], p == np - 1);
	}
	decide_guess(e, "split word", e->whybuf);
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
		if (!(words_lookup(low, k, &size) & WORDS_WORD) || size > 10 || (k == 2 && !is_short_word(low, k)))
			continue;    /* (two letters: a word that stands alone, "Re" of "Reding" is none) */
		/* (the rest five letters or more: "Heworks"; "Melone", "Gettell",
		 * "Mansell" are names, not "Me lone", "Get tell") */
		if (!words_common(low + k, n - k, 50) || n - k < 5)
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

/* ---- the rules, in the order word_rules[] asks them ---- */

/* The letters in lower case, or the lexicon's entry for that ("TODO"). */
static void say_lower(struct en *e, const char *s, size_t n)
{
	char tmp[64];
	size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
	for (size_t i = 0; i < k; i++)
		tmp[i] = (char)tolower((unsigned char)s[i]);
	if (lex_say(e, tmp, k))
		return;
	emitn(e, tmp, k);
}

static int all_lower(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	return n > 0;
}

static int has_vowel(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (is_vowel(s[i], 1))
			return 1;
	return 0;
}

static int w_lexicon(struct en *e, const char *s, size_t n, int flags)
{
	return lex_say(e, s, n);
}

/* A word of identifiers with a said form, as a part of an identifier
 * ("__kvm_hyp_init" hyp, "devm_clk" dev M, "foo_mgmt" management), or alone
 * when it has four letters or more ("initrd" init R-D): kernel people say
 * it so, not letter by letter. */
static int w_id_word(struct en *e, const char *s, size_t n, int flags)
{
	/* in capitals only as a part of a constant, and a word of three
	 * letters or more that no entry has: "TEST_PROGS" test progs, as
	 * "BPF_PROG_TYPE" has prog (not P-R-O-G-S) */
	int caps = (flags & F_CNAME) && n >= 3 && all_upper(s, n) && all_alpha(s, n);
	if ((!all_lower(s, n) && !caps) || (!(flags & F_PART) && n < 4))
		return 0;
	const struct id_word *w = id_word(s, n);
	for (size_t i = 0; !w && !caps && i < ARRAY_LEN(part_words); i++)
		if (strlen(part_words[i].w) == n && memcmp(part_words[i].w, s, n) == 0)
			w = &part_words[i];
	/* (mk is make glued, "mkdir", but alone a key: "mk_users" M-K) */
	const char *say = id_say(e, w);
	if (caps && w && !w->say) {
		char low[8];
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		decide(e, "word", "a word of identifiers (id_words) in capitals, in a constant");
		emitn(e, low, n);
		return 1;
	}
	if (!say || (n == 2 && memcmp(s, "mk", 2) == 0))
		return 0;
	decide(e, "word", "a word of identifiers (id_words)");
	emit(e, say);
	return 1;
}

/* A part of a constant in capitals that kernel names use as a word in
 * small letters (kernel.parts: a word or a term in 1000 names or more,
 * "ref" of refcount, kref, ref_count), said as that word: "REF_COWS" ref
 * cows (not R-E-F), as REG and VAL are; not an acronym of kernel text
 * nor a word it writes in capitals as a name (kernel.vocab: "ENA", "LED"),
 * and a word English can say. */
static int w_caps_part_word(struct en *e, const char *s, size_t n, int flags)
{
	const char *how;
	if (!(flags & F_CNAME) || n < 3 || n > 8 || !all_upper(s, n) || !all_alpha(s, n) ||
	    vocab_kind(s, n) == VOCAB_ACRONYM || vocab_capsword(s, n) || parts_count(s, n, &how) < 1000 || !how ||
	    (strcmp(how, "word") != 0 && strcmp(how, "term") != 0))
		return 0;
	char low[8];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (!has_vowel(low, n) || !onset_ok(low, n) || !sayable(low, n))
		return 0;
	decide(e, "word", "a part of a constant kernel names use as a word (kernel.parts)");
	emitn(e, low, n);
	return 1;
}

/* A name kernel text writes capitalised and seldom in capitals
 * (kernel.names: "Kunpeng", HiSilicon's server chips), met in capitals, in
 * a constant or alone ("ARCH_KUNPENG50X", "KUNPENG"): the name, as kernel
 * text writes it, not letters and a word ("K-U-N peng"). Not an acronym of
 * kernel text, and a word English can say. */
static int w_caps_name(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	const char *w;
	char low[32];
	if (n < 4 || n >= sizeof low || !all_upper(s, n) || !all_alpha(s, n) || vocab_kind(s, n) == VOCAB_ACRONYM ||
	    vocab_capsword(s, n) || !(w = kernel_name(s, n)))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (!has_vowel(low, n) || !onset_ok(low, n) || !sayable(low, n))
		return 0;
	decide(e, "name", "a name kernel text writes capitalised (kernel.names), in capitals");
	(void)w;
	emitn(e, low, n);     /* (the engine says it as the capitalised name) */
	return 1;
}

/* A maker whose device-tree prefix ("hisilicon,kunpeng-l3cache",
 * "dmaengine: hisilicon:") the company writes in mixed case (vendor.names,
 * from the kernel's vendor-prefixes.yaml): in small letters or capitalised,
 * given to espeak-ng as the company writes it, which it says by its capitals
 * ("hisilicon", "Hisilicon": HiSilicon, Hi Silicon; the old prefix "hisi"
 * HiSi), not as one word ("hiss-ilicon"); in capitals too as a part of a
 * constant. A lexicon entry comes first. */
static int w_vendor(struct en *e, const char *s, size_t n, int flags)
{
	const char *kind;
	/* in capitals only as a part of a constant, no acronym of kernel text:
	 * "CRYPTO_DEV_HISI_QM" HiSi */
	int caps = (flags & F_CNAME) && all_upper(s, n) && all_alpha(s, n) && vocab_kind(s, n) != VOCAB_ACRONYM;
	if (n < 4 || !(caps || all_lower(s, n) || (isupper((unsigned char)s[0]) && all_lower(s + 1, n - 1))))
		return 0;
	const char *w = vendor_written(s, n, &kind);
	if (!w)
		return 0;
	decide(e, "name", strcmp(kind, "short") == 0 ?
		   "a maker's device-tree prefix, the start of its name in mixed case (vendor.names)" :
		   "a maker's device-tree prefix the company writes in mixed case (vendor.names)");
	/* "radxa", "Radxa": a maker the company writes as one capitalised word
	 * is given as written (espeak-ng says both the same), only no longer
	 * spelled ("R-A-D-X-A") or cut; in capitals its word */
	size_t k = 1;
	while (k < n && w[k] && islower((unsigned char)w[k]))
		k++;
	if (!caps && k == n && !w[n] && strncasecmp(w, s, n) == 0)
		emitn(e, s, n);
	else
		emit(e, w);
	return 1;
}

/* An acronym of mail and chat typed in small letters, three letters that
 * are the initials of its meaning (chat.acronyms, from NetBSD's acronyms
 * list): spelled as in capitals, "from Google's pov" P-O-V, "diy" D-I-Y,
 * never read as a word. Alone, not inside an identifier; a lexicon entry
 * ("imo" in my opinion, "btw") comes first. */
static int w_chat(struct en *e, const char *s, size_t n, int flags)
{
	if (n != 3 || (flags & F_PART) || !all_lower(s, n) || !chat_acronym(s, n))
		return 0;
	decide(e, "acronym", "an acronym of mail and chat in small letters (chat.acronyms): spelled");
	spell(e, s, n, 0);
	return 1;
}

/* A user-space or a kernel copy's name: "u" or "k" and a word of
 * identifiers or an entry, "uattr" U-attr, "uaddr" U-address, "ubuf"
 * U-buf (as kernel code names the two sides of a copy); not a word or a
 * term some list knows. */
static int w_side_copy(struct en *e, const char *s, size_t n, int flags)
{
	const char *star;
	if (n < 4 || n > 8 || (s[0] != 'u' && s[0] != 'k') || !all_lower(s, n) || dict_word(s, n) ||
	    words_common(s, n, 70) || vocab_kind(s, n) != VOCAB_NONE)
		return 0;
	if (!id_word(s + 1, n - 1) && !lex_find(e, s + 1, n - 1, &star, &(size_t){0}))
		return 0;
	decide(e, "split word", "u or k and a word of identifiers: a user-space or kernel copy");
	emit(e, s[0] == 'u' ? "U-" : "K-");
	e->glue = 1;
	say_word(e, s + 1, n - 1, flags | F_PART);
	e->glue = 0;
	return 1;
}

/* Plurals of entries and acronyms: CPUs, SoCs, kthreads, PBXes; BARs is a
 * word. */
static int w_plural(struct en *e, const char *s, size_t n, int flags)
{
	if (n <= 2 || s[n - 1] != 's')
		return 0;
	/* "rts" that kernel text has as an acronym of its own is R-T-S, not
	 * the plural of rt ("cpus", "irqs" are its plurals: terms) */
	if (all_lower(s, n) && vocab_kind(s, n) == VOCAB_ACRONYM)
		return 0;
	/* capitals ending in a hissing letter take "es": PBXes, SSHes */
	size_t b = n >= 4 && s[n - 2] == 'e' && strchr("SXZH", s[n - 3]) && all_upper(s, n - 2) ? n - 2 : n - 1;
	const char *star;
	size_t sl;
	const char *say = lex_find(e, s, b, &star, &sl);
	if (say && !star && b == 2 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[1]) && strchr(say, ' ') &&
	    islower((unsigned char)say[0])) {
		/* "how many RCs (Release Candidates)": two capitals whose entry
		 * is words are their letters, as lex_say says RC, and so is
		 * their plural, R-C's */
		decide(e, "acronym", "the plural of two capitals whose entry is words (rc, eg): its letters");
		spell(e, s, 2, 1);
		return 1;
	}
	if (say && !star) {
		decide(e, "lexicon", lex_where(e, s, b));
		emit_plural(e, say);
		return 1;
	}
	/* the plural of a kernel term no list has as a whole: the term as it is
	 * said alone, and its s ("errnos" error nos) */
	if (b == n - 1 && b >= 4 && b < 32 && all_lower(s, n) && vocab_kind(s, b) == VOCAB_TERM &&
	    vocab_kind(s, n) == VOCAB_NONE && !dict_word(s, n) && !words_common(s, n, 70) && !(flags & F_PART)) {
		size_t at = e->out.len;
		say_word(e, s, b, flags);
		if (e->out.len > at && isalpha((unsigned char)e->out.data[e->out.len - 1])) {
			decide(e, "word", "the plural of a kernel term (kernel.vocab)");
			if (isupper((unsigned char)e->out.data[e->out.len - 1]))
				buf_putc(&e->out, '\'');
			buf_putc(&e->out, 's');
			return 1;
		}
		e->out.len = at;
		e->out.data[at] = 0;
	}
	if (!all_upper(s, b) || b > 5)
		return 0;
	if (b >= 3 && words_common(s, b, 50)) {
		char tmp[8];
		for (size_t i = 0; i < n; i++)
			tmp[i] = (char)(i < b ? tolower((unsigned char)s[i]) : s[i]);
		decide(e, "word", "the plural of a common word in capitals (scowl)");
		emitn(e, tmp, n);
		return 1;
	}
	/* capitals whose singular is said as a word take the word's plural:
	 * "FIFOs" fifos as "FIFO" is fifo (kernel.vocab), not F-I-F-O's */
	if (b >= 3 && b == n - 1 && !(flags & F_PART)) {
		size_t at = e->out.len;
		say_word(e, s, b, flags);
		size_t k = at;
		while (k < e->out.len && e->out.data[k] == ' ')
			k++;
		int word = e->out.len > k;
		for (size_t i = k; i < e->out.len; i++)
			if (!islower((unsigned char)e->out.data[i]))
				word = 0;
		if (word) {
			decide(e, "acronym", "the plural of capitals said as a word: the word's plural");
			buf_putc(&e->out, 's');
			return 1;
		}
		e->out.len = at;
		e->out.data[at] = 0;
	}
	decide(e, "acronym", "the plural of capitals");
	spell(e, s, b, 1);
	return 1;
}

/* A word with a capital and a small letter: "Better", not "USB" or "A". */
static int titled(const char *w, size_t n)
{
	if (!w || !n || !isupper((unsigned char)w[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (islower((unsigned char)w[i]))
			return 1;
	return 0;
}

/*
 * Why a capital A standing alone is the article, or NULL when it is the
 * letter ("plan A", "type A connector", "vitamin A", "Jose A. Abenir"):
 * it starts a sentence or a quotation, or stands between two words of a
 * title ("Towards A Better Kernel") without a full stop after it.
 */
static const char *a_article(const struct en *e)
{
	size_t k = e->out.len;
	while (k && e->out.data[k - 1] == ' ')
		k--;
	if (!k || strchr(".!?:", e->out.data[k - 1]))
		return "the article: it starts a sentence";
	if (e->opened)
		return "the article: it starts a quotation or a bracket";
	/* after e.g. or i.e. an example or a restatement starts as a sentence
	 * does: "e.g. A Speaker with an amplifier", "e.g. A configured SDP"
	 * (a word follows; "e.g. A or B", "e.g. A, B" are letters) */
	size_t pl = strlen(e->prev);
	while (pl && e->prev[pl - 1] == '.')
		pl--;
	if ((pl == 3 && (strncasecmp(e->prev, "e.g", 3) == 0 || strncasecmp(e->prev, "i.e", 3) == 0)) &&
	    !e->dotted && e->joined && e->next && e->nextn >= 2 && islower((unsigned char)e->next[e->nextn - 1]) &&
	    strspn(e->next, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") >= e->nextn &&
	    !(e->nextn <= 3 && (strncmp(e->next, "or", e->nextn) == 0 || strncmp(e->next, "and", e->nextn) == 0 ||
				strncmp(e->next, "to", e->nextn) == 0)))
		return "the article: an example after e.g. or i.e. starts as a sentence does";
	if (!e->dotted && titled(e->prev, strlen(e->prev)) && titled(e->next, e->nextn))
		return "the article: between the words of a title";
	return NULL;
}

static int w_letter(struct en *e, const char *s, size_t n, int flags)
{
	if (n != 1)
		return 0;
	const char *art = NULL;
	if (flags & F_PART)
		decide(e, "letter", "one letter in an identifier: spelled");
	else if (s[0] == 'A' && (art = a_article(e)) == NULL) {
		decide(e, "letter", "a capital A inside a sentence: the letter, not the article");
		emit_letter_a(e);
		return 1;
	} else if (s[0] == 'A')
		decide(e, "word", art);
	else if (strchr("aI", s[0]))
		decide(e, "word", "the words a and I");
	else
		decide(e, "letter", "one letter");
	if (flags & F_PART)
		spell(e, s, 1, 0);
	else
		emitn(e, s, 1);
	return 1;
}

/* PRIVS, DEVS: the plural of an entry. An entry ending in S takes "ES"
 * in capitals (BUSES), so an entry ending in S with one more S is the
 * entry written with the doubled S of its word, not its plural:
 * faccessat's AT_EACCESS (the effective user's access) is "A-T E-access",
 * as EACCES, not "E-accesses". */
static int w_caps_plural(struct en *e, const char *s, size_t n, int flags)
{
	const char *star;
	size_t sl;
	if (!all_upper(s, n) || n <= 3 || s[n - 1] != 'S')
		return 0;
	const char *say = lex_find(e, s, n - 1, &star, &sl);
	if (!say || star || dict_word(s, n))
		return 0;
	decide(e, "lexicon", lex_where(e, s, n - 1));
	if (s[n - 2] == 'S')
		say_entry(e, say, NULL, 0);
	else
		emit_plural(e, say);
	return 1;
}


/* Whether a word next to s is a word in capitals (a common or dictionary
 * word, or six letters English can say, not a kernel acronym): "PAY FOR
 * IT" is shouted, and its "IT" is the pronoun. */
static int shouted(const struct en *e)
{
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	for (int i = 0; i < 2; i++)
		if (wn[i] >= 2 && all_upper(w[i], wn[i]) && vocab_kind(w[i], wn[i]) != VOCAB_ACRONYM &&
		    (words_common(w[i], wn[i], 50) || dict_word(w[i], wn[i]) || (wn[i] >= 6 && pronounceable(w[i], wn[i]))))
			return 1;
	return 0;
}

/* Whether a token next to s is in capitals (two or more, letters or
 * digits): "MLX5 CLS ACT config", "XFRMA SEC CTX". */
static int caps_beside(const struct en *e)
{
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	for (int i = 0; i < 2; i++) {
		int up = 0, low = 0;
		for (size_t j = 0; j < wn[i]; j++) {
			up += isupper((unsigned char)w[i][j]) != 0;
			low += islower((unsigned char)w[i][j]) != 0;
		}
		if (up >= 2 && !low)
			return 1;
	}
	return 0;
}

/* IN in capitals is the direction OUT's partner, said as OUT is: USB's IN
 * endpoint, SCSI's DATA IN and MSG IN phases, hwmon's IN sensors, a codec's
 * AIF IN; kernel text has no acronym IN. A US state's IN before a ZIP code
 * ("Indianapolis, IN 46204") stays letters. */
static int in_direction(const struct en *e, const char *s, size_t n)
{
	if (n != 2 || memcmp(s, "IN", 2) != 0)
		return 0;
	if (e->next && e->nextn == 5 && strspn(e->next, "0123456789") >= 5)
		return 0;
	return 1;
}

/* A word in capitals is the word: "BUG", "LAW" (three capitals only when
 * a common word: "LAM" is letters), and the terms of kernel text. */
static int w_caps_word(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_upper(s, n))
		return 0;
	/* a possessive, pronoun or preposition in capitals after an article is
	 * no word but a name's letters: "the ITS" (the GIC's), "the ME" (Intel's) */
	static const char *const no_noun[] = {"ITS", "AS", "AT", "OF", "BY", "BE", "ME", "MY", "WE", "US", "OUR"};
	int pron = 0;
	for (size_t i = 0; i < ARRAY_LEN(no_noun) && !pron; i++)
		pron = strlen(no_noun[i]) == n && memcmp(no_noun[i], s, n) == 0;
	if (pron && !shouted(e) &&
	    (strcasecmp(e->prev, "the") == 0 || strcasecmp(e->prev, "a") == 0 || strcasecmp(e->prev, "an") == 0))
		return 0;
	/* nor is "ITS" a piece of a name in capitals: "GIC-ITS", "GITS_BASER"'s
	 * ITS, the GIC's Interrupt Translation Service, spelled as "gic-v3-its" is */
	if (pron && !shouted(e) && (flags & F_PART) && n == 3 && memcmp(s, "ITS", 3) == 0)
		return 0;
	/* and "add ITS device tree node", "GICv3 ITS support": ITS in capitals
	 * among words in small letters is the GIC's (or Intel's Indirect Target
	 * Selection), not the possessive a writer does not shout alone */
	if (n == 3 && memcmp(s, "ITS", 3) == 0 && !shouted(e))
		return 0;
	/* "DO put all MMIO devices under a bus node": a rule's "DO" in capitals
	 * opening its sentence before a verb in small letters (as "DON'T" is) */
	if (n == 2 && memcmp(s, "DO", 2) == 0 && !e->prev[0] && e->next && e->nextn >= 2 &&
	    all_lower(e->next, e->nextn)) {
		decide(e, "word", "a rule's DO in capitals before a verb in small letters");
		emit(e, "do");
		return 1;
	}
	/* "VIA C3", "from VIA", "VIA Technologies": VIA in capitals among
	 * words that are not is the chipmaker, said "vee-a" as the company
	 * says it, not the preposition (netlink's "RTA VIA", after a word in
	 * capitals, and a shouted line keep the preposition) */
	if (n == 3 && memcmp(s, "VIA", 3) == 0 && !shouted(e) && !(flags & F_CNAME) &&
	    !(strlen(e->prev) >= 2 && all_upper(e->prev, strlen(e->prev)) && all_alpha(e->prev, strlen(e->prev)))) {
		emit_hint(e, "VIA", 3, "[[v'i:@]]");
		decide(e, "word", "VIA in capitals, not shouted: the chipmaker");
		return 1;
	}
	/* a common word in capitals that English writes as an abbreviation
	 * (scowl's english-abbreviations up to size 50) is that abbreviation,
	 * spelled: "an ACT score", "the SAT exams", "the SEC", "the RIP
	 * register"; three letters only (longer ones are said: "AIDS", "SALT",
	 * "SWAT"), not shouted, not a piece of a name, not a word kernel text
	 * writes in capitals as a name (kernel.vocab: "RAM", "PIN", "DOS",
	 * "LED" has the lexicon) nor a short word of is_common_caps ("NOW"),
	 * nor next to capitals ("CLS ACT config", "XFRMA SEC CTX": pieces of a
	 * constant); a word of a thousand kernel names or more (kernel.parts:
	 * act, sec, sat) only after a determiner ("the SEC", but tc's "in ACT
	 * replace mode", libbpf's "SEC(...)" stay words) */
	if (n == 3 && !(flags & (F_PART | F_CNAME)) && (words_lookup(s, n, NULL) & WORDS_ABBR50) &&
	    !vocab_capsword(s, n) && !is_common_caps(s, n) && !shouted(e) && !caps_beside(e)) {
		const char *how;
		if (parts_count(s, n, &how) < 1000 || determiner(e->prev))
			return 0;
	}
	int size = n >= 3 ? words_common(s, n, n == 3 ? 35 : 50) : 0;
	if (!size && (n < 3 || vocab_kind(s, n) != VOCAB_TERM || !has_vowel(s, n) || !onset_ok(s, n) || !sayable(s, n)) &&
	    !(n > 2 && is_common_caps(s, n)) &&
	    /* (a two-letter word in capitals is letters unless shouted, but
	     * "OR" is the word: bits are ORed, "use A OR B", like AND) */
	    !(n == 2 && is_common_caps(s, n) && (shouted(e) || (flags & F_PART) || (memcmp(s, "OR", 2) == 0 && !titlecase_before(e)) ||
			     (memcmp(s, "IF", 2) == 0 && if_conjunction(e)))) &&
	    !((flags & F_CNAME) && is_half(s, n)) && !in_direction(e, s, n) &&
	    !(n == 2 && shouted(e) && words_common(s, n, 10)))
		return 0;
	/* a term of kernel text that English writes in capitals as an
	 * abbreviation is that abbreviation: "USA" (kernel text has "usa") */
	if (!size && n >= 3 && n < 16 && (words_lookup(s, n, NULL) & WORDS_ABBR) && !is_common_caps(s, n)) {
		char low[16];     /* (in small letters no list has it: "var", "abs" stay words) */
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		if (!words_lookup(low, n, NULL))
			return 0;
	}
	char tmp[64];
	size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
	for (size_t i = 0; i < k; i++)
		tmp[i] = (char)tolower((unsigned char)s[i]);
	/* a term of the kernel vocabulary is said in capitals as in small
	 * letters: "KEYID" as "keyid" is, key I-D (not one word "keyid") */
	if (!size && k == n && n >= 3) {
		say_word(e, tmp, k, flags);
		decide(e, "word", "a term of the kernel vocabulary in capitals: said as in small letters");
		return 1;
	}
	decide(e, "word", size ? "a common word in capitals (scowl)" : "a word of the kernel vocabulary");
	emitn(e, tmp, k);
	return 1;
}

static int coda_ok(const char *s);

/* Whether an acronym of kernel text can be said as a word: "TODO", "NUMA",
 * "FIFO" (consonant, vowel, consonant...), "MIPS", "NAND" (one syllable
 * ending in two consonants that end English syllables). */
static int acronym_sayable(const char *s, size_t n)
{
	int say = n >= 4 && !is_vowel(s[0], 0);
	for (size_t i = 1; i < n && say; i++)
		say = is_vowel(s[i], 0) != is_vowel(s[i - 1], 0);
	say |= n == 4 && !is_vowel(s[0], 0) && is_vowel(s[1], 0) && !is_vowel(s[2], 1) && !is_vowel(s[3], 1) &&
	       coda_ok(s + 2);
	return say;
}

/* An acronym of kernel text: said when it can be ("TODO", "NUMA": consonant,
 * vowel, consonant...), else spelled. */
static int w_caps_kernel(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_upper(s, n) || vocab_kind(s, n) != VOCAB_ACRONYM || (n >= 4 && dict_word(s, n)))
		return 0;
	/* six capitals or more that kernel text writes so are mostly words
	 * glued: "POLLOUT" poll out, "FLATMEM" flat mem, "NFQUEUE" N-F queue,
	 * "POLLIN" poll in */
	if (n >= 6 && split_glued(e, s, n, flags))
		return 1;
	/* an error number's name: E (and NO) and a common word of three letters
	 * or more, "EPIPE" E pipe, "ENODATA" E no data, as "EBUSY" is E busy */
	if (n >= 5 && n < 16 && s[0] == 'E') {
		char low[16];
		size_t k = strncmp(s, "ENO", 3) == 0 && n >= 6 ? 3 : 1;
		for (size_t i = k; i < n; i++)
			low[i - k] = (char)tolower((unsigned char)s[i]);
		if (n - k >= 3 && words_common(low, n - k, 35)) {
			decide(e, "acronym", "an error number's name: E and a common word (kernel.vocab)");
			emit(e, k == 3 ? "E-no-" : "E-");
			e->glue = 1;
			say_word(e, s + k, n - k, flags | F_PART);
			e->glue = 0;
			return 1;
		}
	}
	int say = acronym_sayable(s, n);
	/* a letter before an acronym kernel text writes four times as often as
	 * the whole is a variant of that acronym, said as it is with a letter,
	 * not a word: "LAPIC" L-A-P-I-C as "APIC" is said; "PASID", "MIPI",
	 * "PATA" are acronyms of their own, more common than ASID, IPI, ATA */
	if (say && vocab_kind(s + 1, n - 1) == VOCAB_ACRONYM &&
	    vocab_count(s + 1, n - 1) >= 4 * vocab_count(s, n)) {
		char pre[3] = {s[0], '-', 0};
		decide(e, "acronym", "a letter and an acronym kernel text writes far more often (kernel.vocab)");
		emit(e, pre);
		e->glue = 1;
		say_word(e, s + 1, n - 1, flags | F_PART);
		e->glue = 0;
		return 1;
	}
	decide(e, "acronym", say ? "an acronym of kernel text that can be said (kernel.vocab)" :
	       "an acronym of kernel text (kernel.vocab)");
	if (say)
		say_lower(e, s, n);
	else
		spell(e, s, n, 0);
	return 1;
}

/* A surname in capitals after a given name, in an author line or before an
 * address: "Christophe JAILLET (1):", "Christophe JAILLET <...>",
 * "Christophe JAILLET:" at the end of the line is the name
 * "Jaillet", not letters. */
static int w_caps_surname(struct en *e, const char *s, size_t n, int flags)
{
	size_t pn = strlen(e->prev);
	/* (kernel.vocab has some such names as acronyms: "JAILLET" is in the
	   sources' copyright lines) */
	int vowels = 0;
	for (size_t i = 0; i < n; i++)
		vowels += is_vowel(s[i], 0);
	if (!all_upper(s, n) || n < 5 || (flags & F_PART) || vowels < 2 || (is_vowel(s[0], 0) && is_vowel(s[1], 0)) ||
	    pn < 3 || !isupper((unsigned char)e->prev[0]) || !all_lower(e->prev + 1, pn - 1))
		return 0;
	/* "Christophe JAILLET:" ends an author line of a review's list */
	int ends = !e->next && (flags & F_TOKEN) && s[n] == ':' && s[n + 1] == 0;
	/* a line that is only the name, "Christophe JAILLET", as in a review's
	   list without its addresses: nothing said before the given name */
	if (!e->next && (flags & F_TOKEN) && s[n] == 0 && e->out.len && !memchr(e->out.data, ' ', e->out.len))
		ends = 1;
	if (!ends && (!e->next || !e->nextn ||
		      !((e->next[-1] == '(' && isdigit((unsigned char)e->next[0])) || e->next[-1] == '<')))
		return 0;
	decide(e, "name", "a surname in capitals after a given name, before (N): or an address, or alone on a line with it");
	char tmp[64];
	size_t k = n < sizeof tmp - 1 ? n : sizeof tmp - 1;
	for (size_t i = 0; i < k; i++)
		tmp[i] = (char)(i ? tolower((unsigned char)s[i]) : s[i]);
	emitn(e, tmp, k);
	return 1;
}

/* Whether a word next to s is a common English word of three letters or
 * more in capitals, no kernel acronym: "GOAT TO HERO" is a headline's. */
static int headline(const struct en *e)
{
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	for (int i = 0; i < 2; i++)
		if (wn[i] >= 3 && all_upper(w[i], wn[i]) && vocab_kind(w[i], wn[i]) != VOCAB_ACRONYM &&
		    words_common(w[i], wn[i], 35))
			return 1;
	return 0;
}

/* Whether a word next to s is an English word or a name in capitals, of
 * three letters or more, no kernel acronym: a heading or a name written in
 * capitals ("EGAN, JOHN", "OF ALLYLIC BARIUM REAGENTS"), whose other words
 * are words too. */
static int caps_run(const struct en *e)
{
	const char *w[2] = {e->prev, e->next};
	size_t wn[2] = {strlen(e->prev), e->next ? e->nextn : 0};
	int words = 0;
	for (int i = 0; i < 2; i++) {
		if (wn[i] < 2 || !all_upper(w[i], wn[i]))
			continue;
		/* beside an acronym it is a name's letters: "NDI EMGUIDE", "ARM OABI" */
		if (vocab_kind(w[i], wn[i]) == VOCAB_ACRONYM ||
		    !(words_common(w[i], wn[i], 50) || (wn[i] >= 4 && dict_word(w[i], wn[i]))))
			return 0;
		words |= wn[i] >= 3;
	}
	return words;
}

/* How split_parts may split (see there). */
enum {
	PARTS_WORDS = 1,   /* every part said as a word: no letters spelled (capitals) */
	PARTS_LAST = 2,    /* nothing else says the token: between consonants too, when
			    * every part is a word or a term in 1,000 names or more */
};
static int split_parts(struct en *e, const char *s, size_t n, int flags, int mode);
/* Capitals no list knows and kernel text has as no acronym, six letters or
 * more, a kernel name by parts said as words: "AUTOSEL" auto sel
 * (split_parts; "POLLWRBAND" is the other rules'). */
static int w_caps_glued(struct en *e, const char *s, size_t n, int flags);

/* Whether the words from s on spell a vowel as a letter ("autos E-L"):
 * a split of capitals that guessed. */
static int spells_vowel(const char *s)
{
	for (const char *p = s; *p; p++)
		if (strchr("AEIOU", *p) && (p == s || p[-1] == ' ' || p[-1] == '-') &&
		    (p[1] == '-' || (p > s && p[-1] == '-' && (!p[1] || p[1] == ' ' || ispunct((unsigned char)p[1])))))
			return 1;
	return strstr(s, LETTER_A) != NULL;
}

static int w_caps_parts(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_upper(s, n) || n < 6 || vocab_kind(s, n) == VOCAB_ACRONYM || dict_word(s, n))
		return 0;
	/* the split the other rules make first; kept unless it spells a vowel */
	size_t at = e->out.len;
	int glue = e->glue, guess = e->guess;
	const char *cls = e->cls, *why = e->why;
	int done = w_caps_glued(e, s, n, flags);
	if (done && !spells_vowel(e->out.data ? e->out.data + at : ""))
		return 1;
	char *said = done && e->out.data ? xstrdup(e->out.data + at) : NULL;
	int glue2 = e->glue, guess2 = e->guess;
	const char *cls2 = e->cls, *why2 = e->why;
	char whybuf[sizeof e->whybuf];
	memcpy(whybuf, e->whybuf, sizeof whybuf);
	e->out.len = at;
	if (e->out.data)
		e->out.data[at] = 0;
	e->glue = glue;
	e->guess = guess;
	e->cls = cls;
	e->why = why;
	if (split_parts(e, s, n, flags, PARTS_WORDS)) {
		free(said);
		return 1;
	}
	if (said) {
		buf_puts(&e->out, said);
		e->glue = glue2;
		e->guess = guess2;
		e->cls = cls2;
		e->why = why2;
		memcpy(e->whybuf, whybuf, sizeof whybuf);
	}
	free(said);
	return done;
}

/* Capitals that lost their spaces: "UMWAIT"; in a shouted headline, a word
 * English can say splits only into words: "DE OCAMPO TURNS" is a name, no
 * "O campo"; "THE NOTREADY FLAG" is "not ready"; "REGIO AND", "OF ALLYLIC
 * BARIUM" are no "reg I-O", "ally L-I-C" */
static int w_caps_glued(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_upper(s, n) || n < 4 || dict_word(s, n))
		return 0;
	/* a part of kernel names (kernel.parts, 200 names or more) that
	 * kernel.vocab does not have, six capitals or more, is said as in small letters,
	 * as a term of kernel.vocab is (w_caps_word): "MEGASAS" as "megasas",
	 * mega S-A-S (not "me gas as") */
	char low[32];
	if (n >= 6 && n < sizeof low && vocab_kind(s, n) == VOCAB_NONE) {
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		if (parts_count(low, n, NULL) >= 200) {
			say_word(e, low, n, flags);
			decide(e, "word", "capitals of a part of kernel names (kernel.parts): said as in small letters");
			return 1;
		}
	}
	if (!(flags & F_PART) && (headline(e) || caps_run(e)) && pronounceable(s, n) && sayable(s, n))
		flags |= F_WORDS;
	return split_glued(e, s, n, flags);
}

/* Other capitals: said when they can be ("a short one starting with a
 * vowel is spelled: IARC; four ending in two consonants are letters: VIVT"). */
static int w_caps(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_upper(s, n))
		return 0;
	/* "SMP NOPTI", "NOKASLR": NO glued before an acronym of kernel text is
	 * "no" and that acronym, as "nopti" is in small letters (a word of the
	 * dictionary, NONE, NOTE, NOVA, stays a word) */
	if (n >= 4 && s[0] == 'N' && s[1] == 'O' && !dict_word(s, n) && vocab_kind(s + 2, n - 2) == VOCAB_ACRONYM) {
		emit(e, "no");
		say_word(e, s + 2, n - 2, flags | F_PART);
		decide(e, "acronym", "NO glued before an acronym of kernel text: no, then the acronym");
		return 1;
	}
	/* "ISPAUK", "TECHUK": capitals ending in UK after three letters or more,
	 * the whole no word nor acronym English or kernel text knows, are a
	 * name and its country's code, as "techUK" is written (English words
	 * do not end in -uk: "ispauk" is no word a reader would say): the name
	 * as its own shape says it, then U-K */
	if (n >= 5 && s[n - 2] == 'U' && s[n - 1] == 'K' && !(flags & F_PART) && !dict_word(s, n) &&
	    vocab_kind(s, n) == VOCAB_NONE && !vocab_capsword(s, n)) {
		say_word(e, s, n - 2, flags | F_PART);
		spell(e, s + n - 2, 2, 0);
		decide(e, "acronym", "capitals ending in UK, no word: a name and the country code, U-K");
		return 1;
	}
	int word = n >= 4 && dict_word(s, n);
	/* a switch's state in capitals, "set it ON", "a steady ON of the LED":
	 * the word, as OFF is (no acronym of kernel text is ON; inside a name,
	 * "SPECTRE_BHI_ON", it is a part and said so too) */
	word |= n == 2 && s[0] == 'O' && s[1] == 'N';
	/* UP alone is the kernel's uniprocessor ("on UP systems", "a UP
	 * kernel"), spelled; after a link's state or a verb of being it is
	 * the state, "up" ("state UP mode", "brought UP", "is UP") */
	if (n == 2 && s[0] == 'U' && s[1] == 'P' && !(flags & F_PART)) {
		static const char *const states[] = {"state", "is", "are", "was", "were", "be", "brought",
						     "administratively", "link", "goes", "went", "comes", "stays"};
		for (size_t i = 0; i < ARRAY_LEN(states); i++)
			word |= strcasecmp(e->prev, states[i]) == 0;
	}
	/* (among words in capitals, one English can say is a word or a name
	 * too: "EGAN, JOHN", "OF ALLYLIC BARIUM") */
	word |= n >= 4 && !(flags & F_PART) && caps_run(e) && pronounceable(s, n) && sayable(s, n) &&
		!(is_vowel(s[0], 0) && is_vowel(s[1], 0));     /* ("ARM OABI" O-A-B-I) */
	/* (and one no list knows whose consonants English can say, sayable:
	 * "TOCTOU", "RELRO", "GEDCOM" are words; four to six that end in
	 * consonants no English syllable ends in, "LIODN", "REVIDR", are spelled,
	 * as hosts of kernel text say them; a doubled last consonant or R and
	 * a consonant is an ending English says, "MAPERR", "RESERV") */
	int say_ok = n > 6 || sayable(s, n) ||
		     (!is_vowel(s[n - 1], 1) && !is_vowel(s[n - 2], 1) &&
		      (s[n - 1] == s[n - 2] || s[n - 2] == 'R') && sayable(s, n - 1));
	/* "WAITQ", "BAUDR", "SNOOPX": five or six capitals no list knows that
	 * English cannot say whole, a common word or a kernel term and one
	 * consonant, are the word and the letter, as "readb" is in small letters */
	char lw[8];
	if (!say_ok && !word && n >= 5 && !(flags & F_PART) && !is_vowel(s[n - 1], 1) && !strchr("SDRY", s[n - 1])) {
		for (size_t i = 0; i < n; i++)
			lw[i] = (char)tolower((unsigned char)s[i]);
		if (words_common(lw, n - 1, 35) || vocab_kind(lw, n - 1) == VOCAB_TERM) {
			say_word(e, lw, n - 1, flags | F_PART);
			spell(e, s + n - 1, 1, 0);
			decide(e, "split word", "capitals English cannot say whole: a word and a letter");
			return 1;
		}
	}
	/* "GETACL", "FOURCC": a common word of three letters or more and an
	 * acronym of kernel text (two or three letters) are the word and the
	 * acronym's letters (two letters only after a word of four: "TITSR" is
	 * no "tit S-R") */
	if (!say_ok && !word && n >= 5 && !(flags & F_PART)) {
		for (size_t i = 0; i < n; i++)
			lw[i] = (char)tolower((unsigned char)s[i]);
		for (size_t k = 2; k <= 3 && n - k >= 3; k++)
			if ((k == 3 || n - k >= 4) && words_common(lw, n - k, 35) && vocab_kind(lw + n - k, k) == VOCAB_ACRONYM) {
				say_word(e, lw, n - k, flags | F_PART);
				spell(e, s + n - k, k, 0);
				decide(e, "split word", "capitals English cannot say whole: a word and an acronym of kernel text");
				return 1;
			}
	}
	word |= n >= 4 && pronounceable(s, n) && say_ok && (n > 5 || !is_vowel(s[0], 0)) &&
		!(is_vowel(s[0], 0) && is_vowel(s[1], 0)) &&
		!(n == 4 && !is_vowel(s[2], 1) && !is_vowel(s[3], 1)) &&
		!(n == 4 && is_vowel(s[1], 0) && is_vowel(s[2], 0) && s[1] != s[2]);    /* "SEID" (not "NOOP") */
	/* a term kernel text writes in small letters, in capitals in a name
	 * ("VMAP_STACK"): said as the term is, V-map */
	char low[24];
	if (!word && n >= 4 && n < sizeof low && vocab_kind(s, n) == VOCAB_TERM) {
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		say_word(e, low, n, flags);
		decide(e, "word", "capitals of a term of kernel text (kernel.vocab): said as the term");
		return 1;
	}
	decide(e, word ? "word" : "acronym", word ? "capitals that can be said as a word" :
	       "capitals that are not a word");
	if (word)
		say_lower(e, s, n);
	else
		spell(e, s, n, 0);
	return 1;
}

/* A family name with its particle glued in small letters: "deGravelles",
 * "diCaprio", "vanHalen" are the particle said as a word, then the name
 * ("de Gravelles", not "D-E Gravelles"); the name is no common word nor a
 * kernel term ("deInit", "doWork" are identifiers, split by case). */
static int w_particle_name(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const particles[] = {"de", "del", "della", "der", "di", "da", "das", "dos", "du",
						"van", "von", "le", "la", "ten", "ter"};
	(void)flags;
	if (n < 6 || !strchr("dlvt", s[0]) || !islower((unsigned char)s[1]))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(particles); i++) {
		size_t pl = strlen(particles[i]);
		if (n < pl + 4 || memcmp(s, particles[i], pl) != 0 || !isupper((unsigned char)s[pl]) ||
		    !all_lower(s + pl + 1, n - pl - 1) || !all_alpha(s, n))
			continue;
		if (words_common(s + pl, n - pl, 50) || vocab_kind(s + pl, n - pl) != VOCAB_NONE)
			return 0;
		decide(e, "name", "a name and its particle glued before it in small letters");
		emitn(e, s, pl);
		emitn(e, s + pl, n - pl);
		return 1;
	}
	return 0;
}

/* Mixed case: "eXpress" is a word; "IoT", "PCIe": letters. */
static int w_mixed(struct en *e, const char *s, size_t n, int flags)
{
	if (n >= 64)
		return 0;
	size_t caps = 0, lowrun = 0, longest = 0;
	for (size_t i = 0; i < n; i++) {
		if (isupper((unsigned char)s[i]))
			caps++, lowrun = 0;
		else if (++lowrun > longest && !(i == n - 1 && s[i] == 's' && lowrun == 1))
			longest = lowrun;
	}
	if (!(caps >= 2 || (caps == 1 && !isupper((unsigned char)s[0]))))
		return 0;
	char low[64];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (n >= 4 && words_common(low, n, 50)) {
		decide(e, "word", "a common word however written (scowl)");
		emitn(e, low, n);
		return 1;
	}
	/* four or five letters whose small letters are all vowels, one of them
	 * between capitals, that English can say are a word: "ASoC" a-sock,
	 * "LoRa", "MoCA", "ReLU"; "SoC", "IoT" (three) and "NiMH" are letters */
	int vowels = n >= 4 && n <= 5 && longest <= 1 && caps >= 2, between = 0;
	for (size_t i = 0; i < n && vowels; i++)
		if (islower((unsigned char)s[i])) {
			vowels = is_vowel(s[i], 0) && s[i] != 'y';
			between |= i > 0 && i + 1 < n && isupper((unsigned char)s[i - 1]) && isupper((unsigned char)s[i + 1]);
		} else if (s[i] == 'Q' && (i + 1 == n || tolower((unsigned char)s[i + 1]) != 'u')) {
			vowels = 0;      /* "EQoS": no English q without u */
		}
	if (vowels && between && onset_ok(low, n) && sayable(low, n)) {
		decide(e, "word", "capitals and small vowels between them, a word English can say");
		emitn(e, low, n);
		return 1;
	}
	/* three letters, the middle one a capital: a unit's symbol ("kHz") is the
	 * unit, anything else letters ("pKa" P-K-A, not "P Ka") */
	if (n == 3 && caps == 1 && isupper((unsigned char)s[1]) && all_alpha(s, n)) {
		const struct unit *u = find_unit(s, n, 0);
		decide(e, u ? "measure" : "acronym", u ? "a unit's symbol alone (speech_units.c)" :
		       "three letters, the middle one a capital, no unit");
		if (u)
			emit(e, u->many);
		else
			spell(e, s, n, 0);
		return 1;
	}
	/* "RxIs", "TxOn" (camelCase names of staging drivers, RxIs40MHzPacket):
	 * a capital and a small letter, then a capitalised English word of two
	 * letters, are letters and the word, not an acronym's plural "R-X-I's" */
	if (n == 4 && isupper((unsigned char)s[0]) && islower((unsigned char)s[1]) && isupper((unsigned char)s[2]) &&
	    islower((unsigned char)s[3])) {
		static const char *const small_words[] = {"is", "in", "on", "of", "to", "by", "at", "as", "or", "if", "up", "no"};
		/* a first piece that is a word too is no letters: "GoTo", "UpTo", "DoIt" */
		static const char *const first_words[] = {"go", "do", "so", "be", "we", "he", "me", "my", "hi", "ok"};
		for (size_t i = 0; i < ARRAY_LEN(small_words) + ARRAY_LEN(first_words); i++)
			if (memcmp(i < ARRAY_LEN(small_words) ? small_words[i] : first_words[i - ARRAY_LEN(small_words)],
				   low, 2) == 0)
				goto not_letters_and_word;
		for (size_t i = 0; i < ARRAY_LEN(small_words); i++)
			if (memcmp(small_words[i], low + 2, 2) == 0) {
				decide(e, "acronym", "two letters and a capitalised word of two letters: the letters, then the word");
				spell(e, s, 2, 0);
				emitn(e, low + 2, 2);
				return 1;
			}
	}
not_letters_and_word:
	if (n <= 5 && longest <= 1 && caps >= 2) {
		int plural = s[n - 1] == 's' && n > 3;
		decide(e, "acronym", "capitals with single small letters");
		spell(e, s, n - (size_t)plural, plural);
		return 1;
	}
	return 0;
}

/* Whether s[0..n) is a cluster of consonants an English syllable can begin
 * with ("pl", "str", "thr"): before "ing" it makes one syllable English can
 * say, "pling", "thring", no letters and an ending as "gcing" G-C-ing. */
static int english_onset(const char *s, size_t n)
{
	static const char *const onsets[] = {
		"bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "ph", "pl", "pr",
		"sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr",
		"chr", "phr", "sch", "scr", "shr", "sph", "spl", "spr", "str", "thr",
	};
	for (size_t i = 0; i < ARRAY_LEN(onsets); i++)
		if (strlen(onsets[i]) == n && memcmp(onsets[i], s, n) == 0)
			return 1;
	return 0;
}

/* NACKed, ACKing, OOMed: the acronym, then the ending. */
static int w_acronym_ending(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const endings[] = {"ed", "ing", "d", "er", "ers"};
	size_t caps = 0;
	while (caps < n && isupper((unsigned char)s[caps]))
		caps++;
	/* in small letters: two to four letters without a vowel, then "ing"
	 * ("gcing" G-C-ing; "string" and "bring" are words) */
	if (caps == 0 && n >= 5 && n <= 7 && all_lower(s, n) && memcmp(s + n - 3, "ing", 3) == 0 && !has_vowel(s, n - 3) &&
	    english_onset(s, n - 3) && !known_word(s, n, &(const char *){0}) &&
	    !parts_count(s, n, NULL)) {     /* (a part of kernel names is said as kernel.parts has it: "dring" D-ring) */
		decide(e, "word", "consonants an English syllable begins with, and -ing: one syllable");
		emitn(e, s, n);
		return 1;
	}
	if (caps == 0 && n >= 5 && n <= 7 && all_lower(s, n) && memcmp(s + n - 3, "ing", 3) == 0 && !has_vowel(s, n - 3)) {
		int word_end = 0;      /* "vswing", "sqring": a letter or two and a word */
		for (size_t k = 0; k + 4 <= n && !word_end; k++)
			word_end = words_common(s + k, n - k, 50) != 0;
		if (!word_end && !known_word(s, n, &(const char *){0})) {
			decide(e, "acronym", "letters without a vowel, and -ing");
			spell(e, s, n - 3, 0);
			e->glue = 1;
			emit(e, "-ing");
			e->glue = 0;
			return 1;
		}
	}
	if (caps < 2)
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(endings); i++)
		if (strlen(endings[i]) == n - caps && memcmp(s + caps, endings[i], n - caps) == 0) {
			say_word(e, s, caps, flags);
			e->glue = 1;
			emitn(e, s + caps, n - caps);
			return 1;
		}
	return 0;
}

static int w_camel(struct en *e, const char *s, size_t n, int flags)
{
	if (say_pinyin_camel(e, s, n))
		return 1;
	/* a brand capitalised at both ends, "SpacemiT": the last capital is
	 * the brand's style, no letter of its own ("PowerA", "StorageD": a word
	 * before it, English has, keeps the letter); when the small-letter form
	 * is said as words (no letter spelled), it is said so: "spacemit",
	 * not "Spacemi T" */
	if (n >= 6 && n < 64 && isupper((unsigned char)s[0]) && isupper((unsigned char)s[n - 1]) &&
	    all_lower(s + 1, n - 2) && all_alpha(s + 1, n - 2) && !words_common(s, n - 1, 70) && !dict_word(s, n - 1)) {
		char low[64];
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		size_t at = e->out.len;
		say_word(e, low, n, flags);
		int words = e->out.len > at;
		for (size_t i = at; i < e->out.len && words; i++)
			words = islower((unsigned char)e->out.data[i]) || e->out.data[i] == ' ';
		if (words) {
			decide(e, "word", "a name capitalised at both ends: said as its small letters are");
			return 1;
		}
		e->out.len = at;
		e->out.data[at] = 0;
	}
	return camel_split(e, s, n, flags);
}

/* Abbreviations of time units that kernel text writes in names and prose:
 * said as the unit ("usecs" microseconds, "msecs_to_jiffies"). */
static int w_time_unit(struct en *e, const char *s, size_t n, int flags)
{
	static const struct { const char *w, *say; } units[] = {
		{"nsec", "nanosecond"}, {"usec", "microsecond"}, {"msec", "millisecond"},
		{"nanosec", "nanosecond"}, {"microsec", "microsecond"}, {"millisec", "millisecond"},
	};
	(void)flags;
	for (size_t i = 0; i < ARRAY_LEN(units); i++) {
		size_t k = strlen(units[i].w);
		if (n < k || n > k + 1 || (n == k + 1 && s[k] != 's') || strncasecmp(units[i].w, s, k) != 0)
			continue;
		decide(e, "word", "a time unit as kernel text abbreviates it");
		emit(e, units[i].say);
		if (n == k + 1) {
			e->glue = 1;
			emit(e, "s");
		}
		return 1;
	}
	return 0;
}

/* What a piece of a two-piece token is: 'C' two or three letters without a
 * vowel, 'A' an acronym (one kernel text writes often, or one the lexicon
 * spells), 'W' a word of identifiers, 'T' a term of kernel.vocab or a
 * lexicon entry said as a word (three letters or more), 0 else (an English
 * word is no piece here: "codec" is no "cod E-C"). */
static const struct id_word *piece_word(const char *s, size_t n)
{
	/* "ptr" only as one of two pieces: "PTRACE" is no "pointer ace" */
	static const struct id_word ptr = {"ptr", "pointer"};
	return n == 3 && strncasecmp(s, "ptr", 3) == 0 ? &ptr : id_word(s, n);
}

static int two_piece_kind(struct en *e, const char *s, size_t n)
{
	const char *star, *say;
	const struct id_word *pw = n >= 2 ? piece_word(s, n) : NULL;
	if (pw && (n >= 3 || pw->say))     /* (two letters only when said as a word: "mk" make) */
		return 'W';
	if (n >= 2 && n <= 3 && !has_vowel(s, n))
		return 'C';
	if (n >= 2 && (say = lex_find(e, s, n, &star, &(size_t){0})) != NULL && !star)
		return strncmp(say, "[[", 2) && strpbrk(say, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") && n <= 4 ? 'A' :
		       n >= 3 && sayable(s, n) ? 'T' : 0;
	if (n >= 2 && n <= 4 && vocab_kind(s, n) == VOCAB_ACRONYM && vocab_count(s, n) >= 50 && !words_common(s, n, 60))
		return 'a';     /* (after a term only one the lexicon spells: "jpegdec" is no "jpeg D-E-C") */
	if (n >= 3 && sayable(s, n) && onset_ok(s, n) && vocab_kind(s, n) == VOCAB_TERM && !words_common(s, n, 60))
		return 'T';
	if (n >= 3 && n <= 4 && sayable(s, n) && onset_ok(s, n) && has_vowel(s, n))
		return 'E';     /* (a syllable: "getsecctx" stays "get sec context") */
	return 0;
}

/* Whether two kinds of two_piece_kind() make a token: letters or an
 * acronym and a word of identifiers, two words of identifiers, a term and
 * an acronym (not bare letters: "cgroupsv" is no "C-group S-V"), a syllable and
 * an abbreviation of identifiers said as its word ("resctrl"). */
static int two_pieces_fit(struct en *e, const char *s, size_t n, size_t cut, int a, int b)
{
	const struct id_word *w = b == 'W' ? piece_word(s + cut, n - cut) : NULL;
	const char *say = id_say(e, w);
	return ((a == 'C' || a == 'A' || a == 'a') && b == 'W') || (a == 'W' && b == 'W') || (a == 'T' && b == 'A') ||
	       /* any syllable before an abbreviation said as its word: "resctrl" res control */
	       ((a == 'T' || a == 'E') && say && !strchr(say, '-'));
}

/*
 * Small letters no list knows (or kernel.vocab only) that are two known
 * pieces: letters and a word of identifiers ("hwmon" H-W mon, "dwmac",
 * "skmsg" S-K message), a term and an acronym ("ethqos" eth Q-O-S,
 * "vesafb"), two words of identifiers ("sysctrl" sys control). Exactly one
 * cut must fit.
 */
static int w_two_pieces(struct en *e, const char *s, size_t n, int flags)
{
	if ((flags & F_NAME) || n < 5 || n > 9 || !all_lower(s, n) || words_common(s, n, 70) || dict_word(s, n))
		return 0;
	size_t cut = 0;
	int fits = 0, ka = 0, kb = 0;
	for (size_t i = 2; i + 2 <= n; i++) {
		int a = two_piece_kind(e, s, i), b = two_piece_kind(e, s + i, n - i);
		if (!a || !b || !two_pieces_fit(e, s, n, i, a, b))
			continue;
		fits++, cut = i, ka = a, kb = b;
	}
	if (fits != 1)
		return 0;
	static const char *const what[] = {['C'] = "letters", ['A'] = "an acronym", ['a'] = "an acronym", ['W'] = "a word of identifiers",
					   ['T'] = "a term", ['E'] = "a syllable"};
	snprintf(e->whybuf, sizeof e->whybuf, "two known pieces: %.*s (%s) + %.*s (%s)", (int)cut, s, what[ka],
		 (int)(n - cut), s + cut, what[kb]);
	decide(e, "split word", e->whybuf);
	const char *star;
	for (int p = 0; p < 2; p++) {
		const char *q = p ? s + cut : s;
		size_t l = p ? n - cut : cut;
		int k = p ? kb : ka;
		const struct id_word *w = piece_word(q, l);
		char up[16];
		for (size_t i = 0; i < l && l < sizeof up; i++)
			up[i] = (char)toupper((unsigned char)q[i]);
		/* a piece in small letters is the acronym's entry before a name's: "vesafb" */
		if (k != 'W' && l < sizeof up && lex_find(e, up, l, &star, &(size_t){0}) && !star)
			lex_say(e, up, l);
		else if (k != 'W' && lex_find(e, q, l, &star, &(size_t){0}) && !star)
			lex_say(e, q, l);
		else if (k == 'C' || k == 'A' || k == 'a')
			spell(e, q, l, 0);
		else if (w && id_say(e, w))
			emit(e, id_say(e, w));
		else
			emitn(e, q, l);
	}
	return 1;
}

/* "no" before an acronym of kernel text: "NOARP" no ARP, "noiommu". */
/* A kind of memory named by letters and "mem": shared ("SMEM", "smem"),
 * on-chip ("OCMEM"), instruction and data ("IMEM", "dmem"), non-volatile
 * ("NVMEM"), "IOMEM": the letters spelled, "mem" said (ENOMEM is the
 * lexicon's; "HIGHMEM", "FLATMEM", "oldmem" have a word before it). */
static int w_letters_mem(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n < 4 || n > 6 || strncasecmp(s + n - 3, "mem", 3) != 0 || !(all_upper(s, n) || all_lower(s, n)) ||
	    dict_word(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	/* (three letters only without a vowel: "oldmem", "devmem", "ashmem",
	 * "REGMEM" have a word before "mem") */
	if (n == 6 && has_vowel(s, 3))
		return 0;
	decide(e, "word", "letters and mem: a kind of memory");
	spell(e, s, n - 3, 0);
	emit(e, "mem");
	return 1;
}

static int w_no_acronym(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	if (n < 4 || n > 8 || strncasecmp(s, "no", 2) != 0 || words_common(s, n, 70) || dict_word(s, n))
		return 0;
	/* or an entry the lexicon spells, as "fs" F-S: "GFP_NOFS",
	 * "memalloc_nofs_save" no F-S (the lexicon's nohz, noirq in general) */
	const char *star, *say = n <= 6 ? lex_find(e, s + 2, n - 2, &star, &(size_t){0}) : NULL;
	int spelled = say && !star && strlen(say) == 2 * (n - 2) - 1;
	for (size_t i = 0; spelled && say[i]; i++)
		spelled = i % 2 ? say[i] == '-' : isupper((unsigned char)say[i]) != 0;
	if (!spelled && (vocab_kind(s + 2, n - 2) != VOCAB_ACRONYM || vocab_count(s + 2, n - 2) < 50 ||
			 words_common(s + 2, n - 2, 60)))
		return 0;
	decide(e, "split word", "no and an acronym of kernel text");
	emitn(e, "no", 2);
	say_word(e, s + 2, n - 2, flags);
	return 1;
}

/* No glued to a term of kernel text or a word of identifiers, the whole
 * in no list: "nomux" no mux, "noop" no op, "nodev" no dev, as the mount
 * options and boot parameters write them (as "nohz" is no H-Z); never the
 * engine's guess at the whole nor a word and a letter ("node V"). */
static int w_no_term(struct en *e, const char *s, size_t n, int flags)
{
	const char *star;
	if (n < 4 || n > 10 || strncmp(s, "no", 2) != 0 || !all_lower(s, n) || words_common(s, n, 70) ||
	    dict_word(s, n) || vocab_kind(s, n) != VOCAB_NONE || lex_find(e, s, n, &star, &(size_t){0}))
		return 0;
	const char *r = s + 2;
	size_t m = n - 2;
	int part = 0;
	for (size_t i = 0; i < ARRAY_LEN(part_words); i++)
		part |= strlen(part_words[i].w) == m && memcmp(part_words[i].w, r, m) == 0;
	if (!part && !id_word(r, m) && (vocab_kind(r, m) != VOCAB_TERM || vocab_count(r, m) < 50 || m < 3))
		return 0;
	decide(e, "split word", "no and a term of kernel text or a word of identifiers");
	emitn(e, "no", 2);
	say_word(e, r, m, flags | F_PART);
	return 1;
}

/* An acronym of kernel text in lower case: "tlb", "mmu". */
static int w_lower_kernel(struct en *e, const char *s, size_t n, int flags)
{
	const char *why;
	/* its plural: "urbs" U-R-B's, when no list knows the whole */
	int plural = n >= 4 && n <= 6 && s[n - 1] == 's' && s[n - 2] != 's' && all_lower(s, n) && vocab_kind(s, n) == VOCAB_NONE &&
		     vocab_kind(s, n - 1) == VOCAB_ACRONYM && vocab_count(s, n - 1) >= 50 && !words_common(s, n - 1, 70) &&
		     !known_word(s, n, &why) &&
		     !lex_find(e, s, n - 1, &why, &(size_t){0});
	if (!plural && (!islower((unsigned char)s[0]) || n > 7 || vocab_kind(s, n) != VOCAB_ACRONYM ||
			words_common(s, n, 70)))
		return 0;
	/* six letters or seven are mostly words glued, as in capitals: "vmenter" V-M enter */
	if (!plural && n >= 6 && split_glued(e, s, n, flags))
		return 1;
	/* four letters or more that can be said are said, as their capitals
	 * are: "tomoyo" as "TOMOYO", "fifo" as "FIFO" ("lapic" stays L-A-P-I-C) */
	if (!plural && n >= 4 && acronym_sayable(s, n) &&
	    !(vocab_kind(s + 1, n - 1) == VOCAB_ACRONYM && vocab_count(s + 1, n - 1) >= 4 * vocab_count(s, n))) {
		decide(e, "word", "an acronym of kernel text in lower case that can be said, as in capitals (kernel.vocab)");
		emitn(e, s, n);
		return 1;
	}
	decide(e, "acronym", plural ? "the plural of an acronym of kernel text, in lower case (kernel.vocab)" :
	       "an acronym of kernel text, in lower case (kernel.vocab)");
	spell(e, s, n - (size_t)plural, plural);
	return 1;
}

/*
 * A piece of an identifier that is an English word kernel text also writes
 * in capitals as a name (kernel.vocab's capswords: "the ITS", "the GRE
 * tunnel"), of three letters or more, that cannot be that name said as a
 * word: English never inflects it (no plural, possessive or verb "-s" in
 * scowl, and no plural itself: "alps" is one) and it is no common word
 * (scowl over 35: "gre", "hmm") or it is a pronoun, which no name is
 * ("its"). It is the name, spelled: "gic-v3-its" is G-I-C version three
 * I-T-S. Common words and nouns stay words ("svm_cpu_data", "hda/via",
 * "m_can"), and so does running text ("its driver"), which is no piece.
 */
/* A word kernel text writes in capitals 30 times or more as a name
 * (kernel.vocab capsword) that only scowl's rarest size has and no
 * hunspell knows: "gre" (GRE tunnels); not "clos" (hunspell). */
static int caps_rare(const char *s, size_t n)
{
	return vocab_capsword_count(s, n) >= 30 && !words_common(s, n, 60) && !dict_word(s, n) &&
	       !speech_dict_gb(s, n);
}

static int w_capsword(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const pronouns[] = {
		"its", "his", "her", "hers", "our", "ours", "your", "yours", "their", "theirs", "them", "they",
	};
	char tmp[16];
	if (n < 3 || n + 2 >= sizeof tmp || !all_lower(s, n) || !vocab_capsword(s, n))
		return 0;
	/* in running text too when only scowl's rarest size has the word, in
	 * no hunspell, and kernel text writes it in capitals 30 times or more:
	 * "the gre module" G-R-E (GRE tunnels), "clos" C-L-O-S (Intel's class
	 * of service) */
	if (!(flags & F_PART) && !caps_rare(s, n))
		return 0;
	int pronoun = 0;
	for (size_t i = 0; i < ARRAY_LEN(pronouns) && !pronoun; i++)
		pronoun = strlen(pronouns[i]) == n && memcmp(pronouns[i], s, n) == 0;
	memcpy(tmp, s, n);
	tmp[n] = 's';
	tmp[n + 1] = 0;
	if (!pronoun && ((words_lookup(tmp, n + 1, NULL) & WORDS_WORD) || words_common(s, n, 35) ||
			 (s[n - 1] == 's' && (words_lookup(s, n - 1, NULL) & WORDS_WORD))))
		return 0;
	tmp[n] = '\'';
	tmp[n + 1] = 's';
	if (!pronoun && (words_lookup(tmp, n + 2, NULL) & WORDS_WORD))
		return 0;
	decide(e, "acronym", pronoun ? "a pronoun kernel text writes in capitals as a name, in an identifier "
	       "(kernel.vocab capsword)" : "a rare English word kernel text writes in capitals as a name, which "
	       "English never inflects, in an identifier or only at scowl's rarest size (kernel.vocab capsword)");
	spell(e, s, n, 0);
	return 1;
}

/* Such a rare capsword glued, in small letters, to an acronym of kernel
 * text or a common word, the whole no word any list knows: "ipgre" I-P
 * G-R-E, "gretap" G-R-E tap (was said as written, "ip-gur"). */
static int w_capsword_glued(struct en *e, const char *s, size_t n, int flags)
{
	const char *w;
	if (n < 5 || n > 12 || !all_lower(s, n) || !all_alpha(s, n) || known_word(s, n, &w) ||
	    lex_find(e, s, n, &w, &(size_t){0}))
		return 0;
	for (size_t k = 2; k + 2 <= n; k++) {
		const char *a = s, *b = s + k;
		size_t an = k, bn = n - k;
		int first = caps_rare(a, an), second = caps_rare(b, bn);
		if (!first && !second)
			continue;
		const char *o = first ? b : a;
		size_t on = first ? bn : an;
		if (!(vocab_kind(o, on) == VOCAB_ACRONYM && vocab_count(o, on) >= 20) && !words_common(o, on, 50))
			continue;
		decide(e, "split word", "a rare word kernel text writes in capitals (kernel.vocab capsword) glued to an "
		       "acronym or a common word: letters and the other piece");
		say_word(e, a, an, flags | F_PART);
		say_word(e, b, bn, flags | F_PART);
		return 1;
	}
	return 0;
}

/* A library's name: "lib" and a name kernel text knows, or letters
 * English cannot say, said apart: "libfc" lib F-C, "libnvdimm" lib
 * N-V-DIMM, "libipw" lib I-P-W, "libblkid" lib and blkid as kernel names
 * say it (a part of 100 names or more, kernel.parts); not a word some list knows ("liberal",
 * "libretto"). */
static int w_library(struct en *e, const char *s, size_t n, int flags)
{
	const char *star;
	if (n < 5 || memcmp(s, "lib", 3) != 0 || !all_lower(s, n) || dict_word(s, n) || words_common(s, n, 70))
		return 0;
	const char *r = s + 3;
	size_t rn = n - 3;
	int letters = rn <= 5 && !sayable(r, rn);
	if (!letters && vocab_kind(r, rn) == VOCAB_NONE && !lex_find(e, r, rn, &star, &(size_t){0}) &&
	    !dict_word(r, rn) && !words_common(r, rn, 50) && parts_count(r, rn, NULL) < 100)
		return 0;
	decide(e, "split word", letters ? "a library: lib and letters English cannot say" :
	       "a library: lib and a name kernel text knows");
	emit(e, "lib");
	say_word(e, r, rn, flags | F_PART);
	return 1;
}

/* A namespace's name glued to "ns", as kernel and util-linux text write
 * the kinds of namespaces: "pidns" pid N-S, "mntns" M-N-T N-S, "userns",
 * "utsns", "ipcns", "cgroupns", "timens" (a table of the kinds, not a
 * guess: "pi" and "dns" is no split of pidns). */
static int w_namespace(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const kinds[] = {"cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"};
	if (n < 5 || n > 8 || s[n - 2] != 'n' || s[n - 1] != 's' || !all_lower(s, n) || dict_word(s, n))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(kinds); i++)
		if (strlen(kinds[i]) == n - 2 && memcmp(kinds[i], s, n - 2) == 0) {
			decide(e, "split word", "a kind of namespace and ns: the kind, then N-S");
			say_word(e, s, n - 2, flags | F_PART);
			spell(e, "NS", 2, 0);
			return 1;
		}
	return 0;
}

/* A socket's or a terminal's ioctl name: SIOC or TIOC, G or S (get or
 * set) and the rest, as kernel text writes the two families
 * ("SIOCGIFHWADDR", "SIOCSIFMTU", "TIOCGWINSZ"): the five letters
 * spelled, the rest by its pieces; never one word said ("siocgifhwaddr",
 * "tiocgwinsz"). */
static int w_caps_sioc(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 7 || (memcmp(s, "SIOC", 4) != 0 && memcmp(s, "TIOC", 4) != 0) || (s[4] != 'G' && s[4] != 'S') ||
	    !all_upper(s, n))
		return 0;
	decide(e, "acronym", "a socket's or terminal's ioctl name: S-I-O-C or T-I-O-C, G or S, and the rest by its pieces");
	spell(e, s, 5, 0);
	say_word(e, s + 5, n - 5, flags | F_PART);
	return 1;
}

/* A block device's ioctl name: BLK and the rest, as linux/fs.h and
 * blkzoned.h write them ("BLKGETSIZE", "BLKGETNRZONES", "BLKSSZGET",
 * "BLKRRPART"): "block" and the rest by its pieces, never one spelled run;
 * the verb GET or SET first is its own word ("block get size"). */
static int w_caps_blk(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 6 || memcmp(s, "BLK", 3) != 0 || !all_upper(s, n))
		return 0;
	decide(e, "acronym", "a block device's ioctl name: block, GET or SET, and the rest by its pieces");
	emit(e, "block");
	size_t k = 3;
	if (n - k > 3 && (memcmp(s + k, "GET", 3) == 0 || memcmp(s + k, "SET", 3) == 0)) {
		emit(e, s[k] == 'G' ? "get" : "set");
		k += 3;
	}
	say_word(e, s + k, n - k, flags | F_PART);
	return 1;
}

/* A daemon's name: a term of kernel text, an entry or a word, and "d":
 * "auditd" audit-D, "udevd" udev-D, "lockd" lock-D, "syslogd" (as the
 * lexicon says systemd); not a word some list knows ("acked", "fixed"),
 * nor an acronym and a d ("genid" G-E-N-I-D). A kernel thread's name is
 * a daemon's with a k before it, the k said as its letter: "klogd"
 * K-log-D, "kauditd", "keventd", "kipmid" K-I-P-M-I-D (as the lexicon
 * says kswapd). */
static int w_daemon(struct en *e, const char *s, size_t n, int flags)
{
	const char *star, *why;
	/* (a kernel thread's name may be a term of kernel text: "klogd") */
	if (n < 5 || n > 12 || s[n - 1] != 'd' || s[n - 2] == 'e' || !all_lower(s, n) ||
	    (known_word(s, n, &why) && !(s[0] == 'k' && vocab_kind(s, n) == VOCAB_TERM && !words_common(s, n, 70))) ||
	    dict_word(s, n))
		return 0;
	/* (a name kernel text writes in capitals and a d is letters: "genid") */
	const char *r = s + 1;
	size_t rn = n - 2;
	enum vocab_kind v = vocab_kind(r, rn);
	int kthread = s[0] == 'k' && rn >= 3 && !lex_find(e, s, n - 1, &star, &(size_t){0}) &&
		      (words_common(r, rn, 50) || (v != VOCAB_NONE && v != VOCAB_CAPSWORD) ||
		       lex_find(e, r, rn, &star, &(size_t){0}));
	if (kthread || (vocab_kind(s, n - 1) != VOCAB_TERM && !lex_find(e, s, n - 1, &star, &(size_t){0}) &&
			!words_common(s, n - 1, 50))) {
		if (!kthread)
			return 0;
		decide(e, "split word", "a kernel thread: K, a name kernel text knows or a word, and D");
		emit(e, "K-");
		e->glue = 1;
		say_word(e, r, rn, flags | F_PART);
		e->glue = 1;
		emit(e, "-D");
		e->glue = 0;
		return 1;
	}
	decide(e, "split word", "a daemon: a name kernel text knows or a word, and D");
	say_word(e, s, n - 1, flags | F_PART);
	e->glue = 1;
	emit(e, "-D");
	e->glue = 0;
	return 1;
}

/* Three letters or fewer: without a vowel ("xx" of "C9xx", "mm"; hunspell
 * has "xx", a numeral), or that cannot start a word ("gke", "tty"). */
static int w_short_letters(struct en *e, const char *s, size_t n, int flags)
{
	if (!islower((unsigned char)s[0]) || n > 3)
		return 0;
	if (!has_vowel(s, n))
		decide(e, "acronym", "three letters or fewer without a vowel");
	else if (!onset_ok(s, n) && !words_common(s, n, 70) && !dict_word(s, n))
		decide(e, "acronym", "three letters or fewer that cannot start a word (gke, tty)");
	else
		return 0;
	spell(e, s, n, 0);
	return 1;
}

static int w_onset(struct en *e, const char *s, size_t n, int flags);
static void emit_name(struct en *e, const char *s, size_t n);

/*
 * Two common words glued, the second ending in "able" or "age", which
 * espeak-ng takes for an ending of the first: "flowtable" floatable,
 * "hugepage" huge-eh-pidge, "pagetable". Said as the two words. Each
 * piece four letters or more and common (scowl 35), so no letter or short
 * piece ("codec" stays whole), and no ending that is one ("sleepable").
 */
static int split_compound(struct en *e, const char *s, size_t n)
{
	if (n < 8 || n > 40 || !all_lower(s, n))
		return 0;
	size_t cut = 0;
	int best = 1 << 20;
	for (size_t i = 4; i + 4 <= n; i++) {
		size_t m = n - i - (s[n - 1] == 's');     /* the second piece, without a plural s */
		int a = words_common(s, i, 35), b = words_common(s + i, n - i, 35);
		if (!a || !b || is_prefix(s, i) || m < 4 ||
		    (strncmp(s + i + m - 4, "able", 4) != 0 && strncmp(s + i + m - 3, "age", 3) != 0) ||
		    (m == 4 && strncmp(s + i, "able", 4) == 0))
			continue;
		/* "keyslots" is key slots, not "keys lots" */
		if (s[i - 1] == 's' && words_common(s, i - 1, 50))
			continue;
		if (a + b < best)
			best = a + b, cut = i;
	}
	if (!cut)
		return 0;
	snprintf(e->whybuf, sizeof e->whybuf,
		 "two common words, espeak-ng would take the second for an ending: %.*s (scowl %d) + %.*s (scowl %d)",
		 (int)cut, s, words_common(s, cut, 35), (int)(n - cut), s + cut, words_common(s + cut, n - cut, 35));
	decide(e, "split word", e->whybuf);
	emitn(e, s, cut);
	emitn(e, s + cut, n - cut);
	return 1;
}

/* Whether cutting s[0..n) at i makes two words a reader would see: each
 * of scowl up to max and four letters or more (not counting a plural s),
 * the first no plural ("keyslot" is no "keys lot"), the second no ending
 * of English ("lockless", "sleepable"). */
static int term_cut(const char *s, size_t n, size_t i, int max)
{
	static const char *const endings[] = {"able", "less", "ness", "ment", "ship", "hood", "like", "ably"};
	size_t m = n - i - (s[n - 1] == 's' && words_common(s + i, n - i - 1, max));
	if (i < 4 || m < 4 || !words_common(s, i, max) || !words_common(s + i, n - i, max))
		return 0;
	if (s[i - 1] == 's' && words_common(s, i - 1, 50))
		return 0;
	for (size_t k = 0; k < ARRAY_LEN(endings); k++)
		if (m == 4 && strncmp(s + i, endings[k], 4) == 0)
			return 0;
	return 1;
}

/*
 * A term of kernel text that is two common words written as one, the
 * second starting with a vowel ("readahead", "keepalive", "failover",
 * "debuginfo", "chipidea"): said as the two words. espeak-ng's letter to
 * sound reads the consonant before the joint as the start of the next
 * syllable ("reada-head", "fai-lover", "debu-jinfo"); before a consonant
 * the joint is heard ("userspace", "writeback", "spinlock" are said right
 * whole, and stay whole). Only when one cut makes two words of scowl 20
 * or commoner, and no other cut makes two of scowl 35 ("superblocks" is no
 * "superb locks"), and it is no prefix before a word ("deallocated").
 */
static int split_term_words(struct en *e, const char *s, size_t n)
{
	if (n < 8 || n > 40 || !all_lower(s, n))
		return 0;
	for (size_t k = 2; k <= 3; k++) {
		const char *why;
		if (is_prefix(s, k) && known_word(s + k, n - k, &why))
			return 0;
	}
	size_t cut = 0, cuts = 0;
	for (size_t i = 4; i + 4 <= n; i++) {
		if (term_cut(s, n, i, 35))
			cuts++;
		if (term_cut(s, n, i, 20) && is_vowel(s[i], 0))
			cut = i;
	}
	if (!cut || cuts != 1)
		return 0;
	snprintf(e->whybuf, sizeof e->whybuf, "a term of kernel text that is two common words: %.*s (scowl %d) + %.*s (scowl %d)",
		 (int)cut, s, words_common(s, cut, 20), (int)(n - cut), s + cut, words_common(s + cut, n - cut, 20));
	decide(e, "split word", e->whybuf);
	emitn(e, s, cut);
	emitn(e, s + cut, n - cut);
	return 1;
}

/* A kernel word: its parts when they are words ("mcelog"), else said whole. */
/* Letters without a vowel, spelled: small letters ending in s whose stem
 * kernel text writes more often than the whole are a plural, "skbs"
 * "S-K-B's", "dsts"; not "cdns" (Cadence: no "cdn"), "vkms", "jffs". 1 when
 * it was a plural. */
static int spell_letters(struct en *e, const char *s, size_t n)
{
	int plural = n >= 4 && all_lower(s, n) && s[n - 1] == 's' && s[n - 2] != 's' &&
		     vocab_count(s, n - 1) >= 5 && vocab_count(s, n) < vocab_count(s, n - 1);
	spell(e, s, n - (size_t)plural, plural);
	return plural;
}

/* A SoC platform's name (kernel.vocab: a directory arch/<arch>/mach-NAME,
 * plat-NAME or boot/dts/NAME) is a name, never letters: said as written
 * when English can say it ("exynos", "freescale"), else a common word and the
 * one or two letters after it, spelled ("sunxi": sun X-I, as "sun4i" is
 * sun four I), or as written when short ("zynq", "axxia"). A name that is
 * none of these goes on to the other rules. */
static int w_platform(struct en *e, const char *s, size_t n, int flags)
{
	if (!all_lower(s, n) || !vocab_platform(s, n))
		return 0;
	/* three letters are a maker's initials, spelled: "sti" (STMicroelectronics'
	 * STi) S-T-I, "mti" */
	if (n == 3) {
		decide(e, "name", "a SoC platform's name of three letters (kernel.vocab): a maker's initials");
		spell(e, s, n, 0);
		return 1;
	}
	if (onset_ok(s, n) && sayable(s, n)) {
		decide(e, "name", "a SoC platform's name (kernel.vocab), said as a word");
		emitn(e, s, n);
		return 1;
	}
	for (size_t k = 1; k <= 2 && n >= k + 3; k++)
		if (words_common(s, n - k, 35) && onset_ok(s, n - k) && sayable(s, n - k)) {
			decide(e, "name", "a SoC platform's name (kernel.vocab): a common word and letters");
			emitn(e, s, n - k);
			spell(e, s + n - k, k, 0);
			return 1;
		}
	/* short, a vowel (y too) and a start English has: the name, as
	 * espeak-ng reads it ("zynq" zink, "axxia") */
	if (n <= 5 && onset_ok(s, n) && (has_vowel(s, n) || memchr(s, 'y', n))) {
		decide(e, "name", "a SoC platform's name (kernel.vocab), short: said as written");
		emitn(e, s, n);
		return 1;
	}
	return 0;
}

/*
 * A glued kernel name ("setsockopt", "relatime", "noaccel", "hiprio",
 * "AUTOSEL"), said by the parts the kernel's names are made of
 * (kernel.parts: the pieces of its identifiers, system calls, mount and
 * module options, each with how many distinct names have it): "set sock
 * opt", "rel A-time", "no accel", "hi prio", "auto sel". The split is the
 * one whose parts are commonest, a part costing the logarithm of how rare
 * it is and a constant, so that few common parts win; a part said as a
 * letter and a part ("atime" A-time) costs a little more, as its count is
 * the kernel's guess at the letter. Only a confident split is said: two or
 * three parts, each of three letters or more, each in 100 names or more and
 * in five times as many as the token itself is (a name the kernel writes
 * glued often, "tasklet", is no "task let"); at most one part said as
 * written (no word, entry or term), of four letters at most, in 600 names
 * or more; and a seam a reader would cut elsewhere (see below), unless
 * nothing else says the token (PARTS_LAST). Two letters only at an end: "no"
 * first (an option negated: "nosmt"), letters kernel names spell often
 * ("sockfd"), or a short word before one long part ("hiprio" hi prio; not
 * "softreval", "isolcpus"). No English prefix first nor ending last, and
 * no known word with an ending ("codecs", "precommits", "dumpable" are
 * words, said by their own rules). Each part is said as it is said alone
 * in an identifier (the lexicon, the vocabulary and the word rules apply:
 * "ctx" context).
 */

/* Whether identifiers spell the two letters s, a word of English
 * ("pa" of "inode_pa" P-A): no short word of a split by parts. */
static int short_spelled(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(part_words); i++)
		if (strlen(part_words[i].w) == n && strncmp(part_words[i].w, s, n) == 0)
			return 1;
	return 0;
}

static int parts_piece(const char *s, size_t j, size_t i, size_t n, unsigned whole, int mode, double *cost)
{
	static const char *const endings[] = {
		"able", "ables", "ably", "ible", "ing", "ings", "ers", "ness", "less", "ment", "ments",
		"ship", "ful", "ity", "ities", "tion", "tions", "ion", "ions", "ism", "ist", "ists", "ize",
		"ise", "ized", "ised", "ally", "ence", "ance", "ous", "ive", "age", "ages",
		"ate", "ated", "ates", "ter", "ters", "ary", "ory", "ure", "ant", "ent", "ents",
	};
	const char *how;
	size_t m = i - j;
	unsigned c = parts_count(s + j, m, &how);
	/* a common English word of five letters or more is a part however
	 * rare in names: "trackstick" is track stick, no "track S-T-I C-K" */
	if (m >= 5 && c < 100 && words_common(s + j, m, 35)) {
		c = 100;
		how = "word";
	}
	if (!c || c < 100 || c < 5 * whole || (j == 0 && i == n) || (j == 0 && is_prefix(s, m)))
		return 0;
	/* an acronym with a vowel is a guess at letters ("fifo", "ene" of
	 * "graphene", "ec" of "adaptec"): no part */
	if (!strcmp(how, "acronym") && has_vowel(s + j, m))
		return 0;
	int spelled = !strcmp(how, "letters") || !strcmp(how, "acronym") || (how[0] && how[1] == '+');
	if ((mode & PARTS_WORDS) && (spelled || m < 3))
		return 0;
	int two = m == 2 && !(j == 0 && strncmp(s, "no", 2) == 0);
	if (two && !(c >= 1000 && ((j == 0 || i == n) && (!strcmp(how, "letters") || !strcmp(how, "acronym")))) &&
	    !(c >= 1000 && j == 0 && !strcmp(how, "word") && n - i >= 4 && words_common(s, m, 35) &&
	      !short_spelled(s, m)))
		return 0;
	for (size_t k = 0; i == n && k < ARRAY_LEN(endings); k++)
		if (strlen(endings[k]) == m && strncmp(endings[k], s + j, m) == 0)
			return 0;
	/* a part said as written, no word nor term, is short and common: "rel"
	 * of "relatime"; a longer one is a fragment of register names ("regpa") */
	if (!strcmp(how, "-") && (c < 600 || m > 4 || !has_vowel(s + j, m) || !onset_ok(s + j, m)))
		return 0;
	/* capitals: only words and terms, said as words ("AUTOSEL" auto sel) */
	if ((mode & PARTS_WORDS) && strcmp(how, "word") != 0 && strcmp(how, "term") != 0)
		return 0;
	*cost = log((double)parts_total() / c) + 3.0 + 2.0 * (how[0] && how[1] == '+') + 2.0 * two;
	return 1;
}

static int split_parts(struct en *e, const char *s, size_t n, int flags, int mode)
{
	enum { MAXN = 32 };
	static const char *const endings[] = {"s", "es", "d", "ed", "ing", "er", "ers", "ly", "able", "ably", "ness", "less", "ment"};
	char low[MAXN + 1];
	if (n < 6 || n > MAXN || (flags & (F_PIECE | F_NAME)))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isalpha((unsigned char)s[i]))
			return 0;
		low[i] = (char)tolower((unsigned char)s[i]);
	}
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i]);
		const char *why;
		if (n >= k + 4 && strncmp(low + n - k, endings[i], k) == 0 &&
		    (known_word(low, n - k, &why) || lex_find(e, low, n - k, &why, &(size_t){0})))
			return 0;
	}
	/* a doubled letter written for one is a word misspelt: "bufferred" is
	 * no "buffer red" */
	for (size_t i = 1; i < n; i++) {
		char one[MAXN + 1];
		const char *why;
		if (low[i] != low[i - 1] || is_vowel(low[i], 1))
			continue;
		memcpy(one, low, i);
		memcpy(one + i, low + i + 1, n - i - 1);
		if (known_word(one, n - 1, &why))
			return 0;
	}
	unsigned whole = parts_count(low, n, NULL);
	double best[MAXN + 1];
	int from[MAXN + 1], np[MAXN + 1];
	best[0] = 0;
	np[0] = 0;
	for (size_t i = 1; i <= n; i++) {
		best[i] = -1;
		for (size_t j = i >= 17 ? i - 16 : 0; j + 2 <= i; j++) {
			double c;
			if (best[j] < 0 || np[j] >= 3 || !parts_piece(low, j, i, n, whole, mode, &c))
				continue;
			if (best[i] < 0 || best[j] + c < best[i]) {
				best[i] = best[j] + c;
				from[i] = (int)j;
				np[i] = np[j] + 1;
			}
		}
	}
	if (best[n] < 0 || np[n] < 2)
		return 0;
	size_t cut[4];
	int k = np[n], seam = 0;
	for (size_t i = n; i > 0; i = (size_t)from[i]) {
		cut[--k] = (size_t)from[i];
		/* a seam a reader takes across: the part after it starts with a
		 * vowel ("sock|opt" read "so-ckopt", "no|accel" "noak-sel"), or
		 * the part before ends in one, not a silent e ("hi|prio" read
		 * "hip-rio"); between consonants the reader's cut is the parts'
		 * ("micrel", "taprio" stay whole) */
		seam |= from[i] > 0 && (is_vowel(low[from[i]], 0) ||
					(is_vowel(low[from[i] - 1], 0) && low[from[i] - 1] != 'e'));
		/* or the first part starts with an English prefix the reader
		 * takes off instead ("ref|count" read "re-fcount", "dep|mod"
		 * "de-pmod", "reg|map") */
		if (from[i] == 0 && i < n)
			for (size_t k = 2; k <= 3 && k < i; k++) {
				const char *why;
				seam |= is_prefix(low, k) && !is_vowel(low[k], 1) && !known_word(low + k, n - k, &why) &&
					parts_count(low + k, n - k, NULL) < 100;     /* "rescan" is re-scan */
			}
	}
	/* a token nothing else says, left to the engine whole, may split
	 * between consonants too, into common words and terms only: "highres"
	 * high res (espeak-ng: "high-ers"), "disksize", "chandef"; a part said
	 * as written keeps it whole ("micrel", "taprio") */
	int strong = (mode & PARTS_LAST) != 0;
	for (int p = 0; strong && p < np[n]; p++) {
		const char *how;
		size_t st = cut[p], en = p + 1 < np[n] ? cut[p + 1] : n;
		strong = parts_count(low + st, en - st, &how) >= 1000 && en - st >= 3 &&
			 (!strcmp(how, "word") || !strcmp(how, "term"));
	}
	if (!seam && !strong)
		return 0;
	/* one part said as written at most: "comparision" is no "comp ari sion" */
	int written = 0;
	for (int p = 0; p < np[n]; p++) {
		const char *how;
		size_t st = cut[p], en = p + 1 < np[n] ? cut[p + 1] : n;
		parts_count(low + st, en - st, &how);
		written += how && !strcmp(how, "-");
	}
	if (written > 1)
		return 0;
	/* a short word first only before one long part: "hiprio" hi prio, not
	 * "softreval" so F-T-R eval */
	if (np[n] > 2 && cut[1] == 2 && strncmp(low, "no", 2) != 0)
		return 0;
	strcpy(e->whybuf, "a kernel name by its parts (kernel.parts): ");
	for (int p = 0; p < np[n]; p++) {
		size_t st = cut[p], en = p + 1 < np[n] ? cut[p + 1] : n;
		const char *how;
		unsigned c = parts_count(low + st, en - st, &how);
		if (!how)
			how = "word";     /* a common word the table lacks (parts_piece) */
		size_t l = strlen(e->whybuf);
		snprintf(e->whybuf + l, sizeof e->whybuf - l, "%s%.*s %u", p ? " + " : "", (int)(en - st), low + st, c);
		if (how[0] && how[1] == '+') {      /* "atime": A-time */
			spell(e, low + st, 1, 0);
			buf_putc(&e->out, '-');
			e->glue = 1;
			st++;
		}
		say_word(e, low + st, en - st, F_PART | F_PIECE);
	}
	decide_guess(e, "split word", e->whybuf);
	return 1;
}

/* A glued kernel name in small letters that no list knows and no other
 * split took, by its parts (split_parts). */
static int w_parts(struct en *e, const char *s, size_t n, int flags)
{
	return all_lower(s, n) && split_parts(e, s, n, flags, PARTS_LAST);
}

/* A name kernel text writes capitalised (kernel.names: in no scowl list up
 * to size 70), here in small letters, that hunspell knows, if at all, only
 * capitalised ("corbet": Corbet), and English can say. */
static int name_small(const char *s, size_t n)
{
	if (n < 4 || !all_lower(s, n) || !kernel_name(s, n) || dict_lower(s, n) || !onset_ok(s, n) || !sayable(s, n))
		return 0;
	/* two common words glued are those words, not a name ("datasheet",
	 * "speakup", "ultravisor"), as the splits below say them */
	for (size_t k = 2; k + 2 <= n; k++)
		if (((k >= 3 || n - k >= 3) && words_common(s, k, 50) && words_common(s + k, n - k, 50)) ||
		    (k >= 3 && n - k >= 6 && words_common(s + k, n - k, 70)))     /* "microarchitectural" */
			return 0;
	return 1;
}

static int w_kernel_term(struct en *e, const char *s, size_t n, int flags)
{
	if (!islower((unsigned char)s[0]) || vocab_kind(s, n) != VOCAB_TERM || words_common(s, n, 70))
		return 0;
	/* four letters or fewer English cannot say, that hunspell knows only
	 * capitalised, as a name or an abbreviation ("Esd"): the small letters
	 * of kernel text are letters, "esd" E-S-D (was "ezd") */
	if (n <= 4 && all_lower(s, n) && !speech_dict_word(s, n) && dict_word(s, n) && onset_ok(s, n) &&
	    !sayable(s, n)) {
		decide(e, "acronym", "a term of kernel text English cannot say, hunspell knows only capitalised (kernel.vocab)");
		spell(e, s, n, 0);
		return 1;
	}
	if (dict_word(s, n) && !name_small(s, n))
		return 0;
	/* a name kernel text writes capitalised (kernel.names), met in small
	 * letters, as a login or a byline ("By corbet @ June 1, 2004"): the
	 * name, said whole as the capitalised name is, not letters and a word
	 * ("C-O-R bet") */
	if (name_small(s, n)) {
		decide(e, "name", "a name kernel text writes capitalised (kernel.names), in small letters");
		emitn(e, s, n);     /* (as written: espeak-ng says it as the capitalised name) */
		return 1;
	}
	if (!(flags & F_NAME) && split_words(e, s, n, 1, 1))
		return 1;
	if (!(flags & F_NAME) && (split_glued(e, s, n, flags | F_TERM) ||
				  split_compound(e, s, n) || split_term_words(e, s, n) ||
				  split_parts(e, s, n, flags, 0)))
		return 1;
	if (say_letter_part(e, s, n)) {
		decide(e, "split word", "a term kernel names make of a letter and a part (kernel.vocab, kernel.parts)");
		return 1;
	}
	decide(e, "word", "the kernel vocabulary (kernel.vocab)");
	/* English cannot say it, but it is a common word and letters without
	 * a vowel: "netns" net N-S */
	for (size_t k = 2; k <= 3 && n >= k + 3; k++)
		if (!has_vowel(s + n - k, k) && has_vowel(s, n - k) && words_common(s, n - k, 35) && !sayable(s, n) &&
		    !(s[n - 1] == 's' && vocab_kind(s, n - 1) != VOCAB_NONE)) {     /* "codecs", "usecs": plurals */
			decide(e, "split word", "a term of kernel text English cannot say: a common word (scowl) and letters");
			emitn(e, s, n - k);
			spell(e, s + n - k, k, 0);
			return 1;
		}
	/* the plural of a word or a term is said as written: "codecs" */
	if (n >= 5 && s[n - 1] == 's' && onset_ok(s, n - 1) && sayable(s, n - 1) &&
	    (words_common(s, n - 1, 70) || vocab_kind(s, n - 1) == VOCAB_TERM)) {
		emitn(e, s, n);
		return 1;
	}
	if (!has_vowel(s, n) || (n <= 8 && onset_ok(s, n) && !sayable(s, n))) {      /* "fsck", "ixgbe" */
		decide(e, "acronym", "a term of kernel text English cannot say (kernel.vocab)");
		if (!has_vowel(s, n))
			spell_letters(e, s, n);
		else
			spell(e, s, n, 0);
		return 1;
	}
	if (n >= 3 && !onset_ok(s, n))
		return w_onset(e, s, n, flags);
	emitn(e, s, n);
	return 1;
}

/*
 * A British spelling's American form, which hunspell en_US knows and the
 * British one not: "organisation" organization, "analysed" analyzed,
 * "metres" meters, "tumour" tumor. Both engines say the American form as
 * a speaker of either would; espeak-ng says "-isation" with a schwa and
 * Flite, the show's voices, says "-isation", "-ysed", "-tres" and "-our"
 * with an s, an "eh" or an "ao", and more of the British forms wrongly:
 * "ageing" with a hard g, "anaemia" and "aeon" with the vowel of "cat",
 * "manoeuvre" with "oy", "draughtsman" without its f, "councillor" and
 * "travelling" stressed on the doubled l, "enrol" and "distil" with a
 * schwa. A word that really ends in "-ise" ("promise", "exercise",
 * "advise", "premise") has no en_US form in "-ize", so it stays. The
 * ae and oe of Greek words only with two letters after them (a Latin
 * plural ends in ae, "formulae", "algae"; "snowshoed" is no "snowshed"),
 * not "aer" ("aerose") nor "loe", "roe" ("loess", "proemial"); a name in small letters stays, as only words of the lists
 * and of en_GB come here ("boeing" is no "being"). The form, of length
 * *m, is written to out (the first letter's case kept). Only the engine
 * is given it: the words a person reads keep the writer's spelling (a
 * hint, core/text.h).
 */
enum { US_ANY, US_END, US_INSIDE };   /* where the British letters stand */
static const struct {
	const char *gb, *us;
	int at;
	const char *not_after, *not_before;   /* letters that may not stand before or after gb */
} us_rewrites[] = {
	{"is", "iz", US_ANY, 0, 0}, {"ys", "yz", US_ANY, 0, 0}, {"our", "or", US_ANY, 0, 0}, {"tre", "ter", US_ANY, 0, 0},
	{"tred", "tered", US_END, 0, 0}, {"tring", "tering", US_END, 0, 0},           /* centred, centring */
	{"ae", "e", US_INSIDE, "", "r"}, {"oe", "e", US_INSIDE, "lr", ""},   /* anaemia, oestrogen; not aero, loess, proem */
	{"hoea", "hea", US_END, 0, 0},                                           /* diarrhoea */
	{"oeuvre", "euver", US_ANY, 0, 0}, {"oeuvred", "euvered", US_END, 0, 0},       /* manoeuvre */
	{"oeuvring", "euvering", US_END, 0, 0}, {"oeuvrab", "euverab", US_ANY, 0, 0},
	{"lled", "led", US_END, 0, 0}, {"lling", "ling", US_ANY, 0, 0}, {"ller", "ler", US_ANY, 0, 0},   /* travelled */
	{"llous", "lous", US_ANY, 0, 0}, {"llist", "list", US_ANY, 0, 0}, {"llor", "lor", US_ANY, 0, 0},
	{"llity", "lity", US_END, 0, 0},                                         /* tranquillity */
	{"il", "ill", US_END, 0, 0}, {"ils", "ills", US_END, 0, 0}, {"ol", "oll", US_END, 0, 0},   /* distil, enrol */
	{"ols", "olls", US_END, 0, 0}, {"al", "all", US_END, 0, 0}, {"als", "alls", US_END, 0, 0}, /* appal */
	{"lment", "llment", US_ANY, 0, 0},                                       /* instalment */
	{"ence", "ense", US_ANY, 0, 0},                                          /* defence, offences */
	{"ogue", "og", US_ANY, 0, 0}, {"mme", "m", US_ANY, 0, 0}, {"eing", "ing", US_END, 0, 0},   /* ageing */
	{"dgement", "dgment", US_ANY, 0, 0}, {"aught", "aft", US_ANY, 0, 0},          /* draught */
	{"oul", "ol", US_ANY, 0, 0}, {"que", "ck", US_ANY, 0, 0}, {"yre", "ire", US_ANY, 0, 0},   /* mould, cheque, tyre */
	{"scep", "skep", US_ANY, 0, 0}, {"lph", "lf", US_ANY, 0, 0}, {"ey", "ay", US_ANY, 0, 0},  /* sceptic, sulphur, grey */
};

static int us_spelling(const char *s, size_t n, char *out, size_t *m)
{
	char low[64];
	if (n < 4 || n + 4 >= sizeof low || !islower((unsigned char)s[1]))
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (!isalpha((unsigned char)s[i]) || (i && !islower((unsigned char)s[i])))
			return 0;
		low[i] = (char)tolower((unsigned char)s[i]);
	}
	/* nor a name en_US knows, capitalised or not: "boeing" is no "being" */
	if (words_dict(low, n) || dict_word(s, n))
		return 0;
	for (size_t r = 0; r < ARRAY_LEN(us_rewrites); r++) {
		size_t gl = strlen(us_rewrites[r].gb), ul = strlen(us_rewrites[r].us);
		for (size_t i = 0; i + gl <= n; i++) {
			if (memcmp(low + i, us_rewrites[r].gb, gl) != 0 ||
			    (us_rewrites[r].at == US_END && i + gl != n) ||
			    (us_rewrites[r].at == US_INSIDE && i + gl + 2 > n) ||
			    (i && us_rewrites[r].not_after && strchr(us_rewrites[r].not_after, low[i - 1])) ||
			    (i + gl < n && us_rewrites[r].not_before && strchr(us_rewrites[r].not_before, low[i + gl])))
				continue;
			memcpy(out, low, i);
			memcpy(out + i, us_rewrites[r].us, ul);
			memcpy(out + i + ul, low + i + gl, n - i - gl);
			size_t k = n - gl + ul;
			if (words_lookup(out, k, NULL) & (WORDS_US | WORDS_DICT)) {
				if (isupper((unsigned char)s[0]))
					out[0] = (char)toupper((unsigned char)out[0]);
				*m = k;
				return 1;
			}
		}
	}
	return 0;
}

/* A word a list knows (why: which), said as written; a British spelling is
 * given to the engine in its American form, the transcript keeping the
 * writer's (a hint, core/text.h). */
static void say_spelling(struct en *e, const char *s, size_t n, const char *why)
{
	char us[64];
	size_t m;
	if (!us_spelling(s, n, us, &m)) {
		decide(e, "word", why);
		emitn(e, s, n);
		return;
	}
	snprintf(e->whybuf, sizeof e->whybuf, "%s; a British spelling, said as en_US writes it: %.*s", why, (int)m, us);
	decide(e, "word", e->whybuf);
	us[m] = 0;
	emit_hint(e, s, n, us);
}

/* A word some list knows is never split; a British spelling is said in
 * its American form (us_spelling). */
static int w_known(struct en *e, const char *s, size_t n, int flags)
{
	const char *why;
	if (!known_word(s, n, &why))
		return 0;
	say_spelling(e, s, n, why);
	return 1;
}

/* Whether two consonants can end an English syllable: "nt", "st", "rk". */
static int coda_ok(const char *s)
{
	static const char *const codas[] = {
		"bs", "ch", "ck", "ct", "ds", "ff", "ft", "gh", "gs", "ks", "ld", "lf", "lk", "ll", "lm",
		"lp", "ls", "lt", "mb", "mp", "ms", "nc", "nd", "ng", "nk", "ns", "nt", "ph", "ps", "pt",
		"rb", "rc", "rd", "rf", "rg", "rk", "rl", "rm", "rn", "rp", "rs", "rt", "sh", "sk", "sm",
		"sp", "ss", "st", "th", "ts", "tt", "xt", "zz", "rh", "lb", "lv", "wn", "ws", "wd", "wk",
	};
	for (size_t i = 0; i < ARRAY_LEN(codas); i++)
		if (tolower((unsigned char)s[0]) == codas[i][0] && tolower((unsigned char)s[1]) == codas[i][1])
			return 1;
	return 0;
}

/*
 * Whether English can end a word with the consonants c[0..run): one, a
 * coda_ok pair, one of the longer endings English words have ("fetch",
 * "month", "first"), or any of these with an s, d or t after it ("archs",
 * "mountd", "texts"), but not after one consonant ("osd" is letters).
 */
static int final_ok(const char *c, size_t run)
{
	static const char *const longer[] = {
		"tch", "nch", "rch", "lch", "rth", "nth", "lth", "dth", "fth", "ngth", "rst", "nst",
		"mpt", "nct", "ght", "sch", "rld", "rsh", "lsh", "nks", "nkt", "nx",
	};
	if (run <= 1 || (run == 2 && coda_ok(c)))
		return 1;
	for (size_t i = 0; i < ARRAY_LEN(longer); i++)
		if (strlen(longer[i]) == run && strncasecmp(c, longer[i], run) == 0)
			return 1;
	char last = (char)tolower((unsigned char)c[run - 1]);
	return run >= 3 && run <= 5 && (last == 's' || last == 'd' || last == 't') && final_ok(c, run - 1);
}

/*
 * Whether English could say the consonants between the vowels of s (small
 * letters, its start being another rule's): every run in the middle splits
 * into the end of a syllable (nothing, one consonant or a coda_ok pair) and
 * the start of the next (onset_ok), and the run at the end is one consonant
 * or a coda_ok pair. "ixgbe" ("xgb") and "iavf" ("vf") cannot be said.
 */
int sayable(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !is_vowel(s[i], i > 0))
		i++;
	while (i < n) {
		while (i < n && is_vowel(s[i], 1))
			i++;
		size_t st = i;
		while (i < n && !is_vowel(s[i], 1))
			i++;
		size_t run = i - st;
		if (!run)
			continue;
		if (i == n)     /* ("purr", "burr": "durr") */
			return final_ok(s + st, run) ||
			       (run == 2 && st > 0 && tolower((unsigned char)s[st - 1]) == 'u' && strncasecmp(s + st, "rr", 2) == 0);
		int ok = 0;
		for (size_t c = 0; c <= run && c <= 2 && !ok; c++)
			ok = (c < 2 || coda_ok(s + st)) && (c == run || onset_ok(s + st + c, n - st - c));
		if (!ok)
			return 0;
	}
	return 1;
}

/* Small letters that no list knows and English cannot say are letters:
 * two that are no word (in an identifier, "ti"), or up to four with no consonant
 * ("aoe"), three starting with two vowels ("uaf"), an ending no English syllable has ("acr", "iwl"), or a "q"
 * not before "u" ("sqe"). */
/* A word of identifiers said as written (id_words: "dev", "buf", "sys")
 * and one consonant, a name no list has and English cannot say whole:
 * "devm" dev M (devres' managed calls), not D-E-V-M; "sysv" sys V. */
static int w_term_letter(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 4 || n > 5 || !all_lower(s, n) || is_vowel(s[n - 1], 1) || s[n - 1] == 's' ||
	    dict_word(s, n) || vocab_kind(s, n) != VOCAB_NONE || lex_find(e, s, n, &(const char *){0}, &(size_t){0}))
		return 0;
	const struct id_word *w = id_word(s, n - 1);
	if (!w || w->say || !onset_ok(s, n - 1) || !sayable(s, n - 1) || (onset_ok(s, n) && sayable(s, n)))
		return 0;
	decide(e, "split word", "a kernel term and a letter");
	say_word(e, s, n - 1, flags | F_PART);
	spell(e, s + n - 1, 1, 0);
	return 1;
}

/* An acronym of kernel text in small letters and a v before a version
 * glued to it ("apuv2", "iommuv2", "ipuv3"): the acronym said as alone,
 * the v a letter ("A-P-U V two", was "apuv two"), as "DWARFv5" is. */
static int w_lower_v(struct en *e, const char *s, size_t n, int flags)
{
	const char *w;
	if (n < 4 || n > 8 || s[n - 1] != 'v' || !all_lower(s, n) || !all_alpha(s, n) ||
	    vocab_kind(s, n) != VOCAB_NONE || known_word(s, n, &w) || lex_find(e, s, n, &w, &(size_t){0}) ||
	    vocab_kind(s, n - 1) != VOCAB_ACRONYM || words_common(s, n - 1, 70) ||
	    /* a letter and a term: "idev" I-dev, "edev" */
	    vocab_kind(s + 1, n - 1) == VOCAB_TERM || words_common(s + 1, n - 1, 70))
		return 0;
	say_word(e, s, n - 1, flags | F_PART);
	decide(e, "version", "an acronym of kernel text in small letters and a v before a version glued to it");
	emit(e, "V");
	return 1;
}

static int w_short_unknown(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const two[] = {"ok", "oh", "hi", "ah", "ox", "ma", "pa", "ye", "yo", "eh", "uh", "um", "id", "un"};
	if (n > 4 || n < 2 || !all_lower(s, n) || vocab_kind(s, n) != VOCAB_NONE)
		return 0;
	const char *why = NULL;
	if (n == 2) {
		int word = is_short_word(s, n);
		for (size_t i = 0; i < ARRAY_LEN(two) && !word; i++)
			word = memcmp(two[i], s, 2) == 0;
		/* (in running text, two letters a list knows are left to espeak-ng: "et al", "mi") */
		if (!word && lex_find(e, s, n, &why, &(size_t){0}) == NULL &&
		    ((flags & F_PART) || !words_lookup(s, n, NULL)))
			why = "two small letters that are no word";
		else
			why = NULL;
	} else if (!dict_word(s, n)) {
		int cons = 0, q = 0;
		for (size_t i = 0; i < n; i++) {
			cons |= !is_vowel(s[i], 0);
			q |= s[i] == 'q' && (i + 1 == n || s[i + 1] != 'u');
		}
		if (!cons)
			why = "small letters no list knows, without a consonant";
		else if (n == 3 && is_vowel(s[0], 0) && is_vowel(s[1], 0))
			why = "three small letters no list knows, starting with two vowels";
		else if (q)
			why = "small letters no list knows, a q without u";
		else if (!is_vowel(s[n - 1], 1) && !is_vowel(s[n - 2], 1) && !coda_ok(s + n - 2) &&
			 !(n == 4 && memcmp(s + 1, "urr", 3) == 0))     /* "purr", "burr": "durr" */
			why = "small letters no list knows, with an ending English does not have";
		else if (n == 4 && is_vowel(s[0], 0) && is_vowel(s[3], 0) && !is_vowel(s[1], 1) && !is_vowel(s[2], 1))
			why = "four small letters no list knows, a vowel, two consonants, a vowel (isci)";
	}
	if (!why)
		return 0;
	decide(e, "acronym", why);
	spell(e, s, n, 0);
	return 1;
}

/* A common word or a kernel term and one letter: the accessors "readb",
 * "writel", "statx" are the word and the letter (not "s", "d", "r", "y",
 * the endings of words: "rebased"). */
static int w_word_letter(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 5 || !all_lower(s, n) || is_vowel(s[n - 1], 1) || dict_word(s, n) ||
	    vocab_kind(s, n) != VOCAB_NONE)
		return 0;
	/* one letter ("readb"), or two without a vowel ("listns") */
	size_t k = !strchr("sdry", s[n - 1]) && (words_common(s, n - 1, 35) || vocab_kind(s, n - 1) == VOCAB_TERM) ? 1 :
		   !is_vowel(s[n - 2], 1) && n >= 6 && words_common(s, n - 2, 35) ? 2 : 0;
	/* the word ends in a consonant or a silent e ("write"): "sarin" is no "sari";
	 * a doubled last letter is a name's spelling ("scarlett"), no letter */
	if (!k || (is_vowel(s[n - k - 1], 1) && s[n - k - 1] != 'e') || (k == 1 && s[n - 1] == s[n - 2]))
		return 0;
	/* "phonet", "pavel", "marek": a name kernel text writes capitalised
	 * (kernel.names) is said whole, not a word and letters ("phone T",
	 * "pave L"); a word and an acronym's two letters stay ("orangefs"
	 * orange F-S, "metronomefb") */
	if (kernel_name(s, n) && !(k == 2 && vocab_kind(s + n - 2, 2) == VOCAB_ACRONYM)) {
		decide(e, "name", "a name kernel text writes capitalised (kernel.names), not a word and letters");
		emitn(e, s, n);
		return 1;
	}
	/* "shaders": the plural of a word kernel text knows (kernel.names,
	 * kernel.vocab, hunspell, the lexicon) is that word and its s, said
	 * whole as the word is, not a shorter word and letters ("shade R-S") */
	if (k == 2 && s[n - 1] == 's' && (kernel_name(s, n - 1) || vocab_kind(s, n - 1) != VOCAB_NONE ||
					  dict_word(s, n - 1) || lex_find(e, s, n - 1, &(const char *){0}, &(size_t){0})))
		return 0;
	/* "chown": letters kernel names are made of (kernel.parts: ch, mk, rm,
	 * spelled) before a commoner word are the command's shape, as "chmod"
	 * C-H-mod: C-H own, not "chow N" */
	for (size_t j = 2; j <= 3 && n - j >= 3; j++) {
		const char *how;
		int w = words_common(s + j, n - j, 35), v = words_common(s, n - k, 70);
		if (!has_vowel(s, j) && parts_count(s, j, &how) >= 1000 && how && strcmp(how, "letters") == 0 && w &&
		    (!v || w < v)) {
			decide(e, "split word", "letters of kernel names (kernel.parts) and a commoner word (scowl)");
			spell(e, s, j, 0);
			emitn(e, s + j, n - j);
			return 1;
		}
	}
	/* "dirent": a word English has ("dire") that kernel names do not use
	 * as a part, where the whole is two parts they use often (kernel.parts,
	 * 500 names or more each: dir, ent) is those parts, "dir ent", not
	 * "dire N-T" */
	if (!parts_count(s, n - k, NULL))
		for (size_t j = 3; j + 3 <= n; j++)
			if (j != n - k && parts_count(s, j, NULL) >= 500 && parts_count(s + j, n - j, NULL) >= 500) {
				decide(e, "split word", "two parts of kernel names (kernel.parts), not a word they do not use and letters");
				say_word(e, s, j, flags | F_PART);
				say_word(e, s + j, n - j, flags | F_PART);
				return 1;
			}
	decide(e, "split word", "a common word (scowl) and letters");
	const char *star = NULL;
	if (lex_find(e, s, n - k, &star, &(size_t){0}) && !star)
		lex_say(e, s, n - k);     /* the lexicon's way with the word: "nvmet" N-V-M-E T */
	else
		emitn(e, s, n - k);
	spell(e, s + n - k, k, 0);
	return 1;
}

/* A C type and one letter: the module parameter types "charp" (char
 * pointer), "intp" are the type and the letter, not "C-harp". */
static int w_ctype_letter(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const types[] = {"char", "int", "uint", "long", "ulong", "short", "ushort",
					     "bool", "invbool", "void", "byte", "hexint"};
	if (n < 4 || !all_lower(s, n) || is_vowel(s[n - 1], 1) || strchr("sdry", s[n - 1]) || dict_word(s, n) ||
	    words_common(s, n, 70))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(types); i++)
		if (strlen(types[i]) == n - 1 && memcmp(types[i], s, n - 1) == 0) {
			decide(e, "split word", "a C type and a letter");
			emitn(e, s, n - 1);
			spell(e, s + n - 1, 1, 0);
			return 1;
		}
	return 0;
}

/* Letters before a lexicon entry of five letters or more that the entry
 * says partly spelled, a function's family ("printf" print-F): the letters
 * are its prefix, spelled: "scnprintf" S-C-N print-F, "kasprintf" K-A-S
 * print-F, "vsnprintf"; the prefix no word ("kas", not "as"), the whole
 * not two words ("pagefault" is no "pag" and EFAULT). */
static int w_letters_entry(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 7 || !all_lower(s, n) || dict_word(s, n))
		return 0;
	for (size_t j = 2; j + 2 <= n; j++)     /* two words: "pagefault", not P-A-G E-fault */
		if (dict_word(s, j) && dict_word(s + j, n - j))
			return 0;
	for (size_t k = 1; k <= 4 && n - k >= 5; k++) {
		const char *say, *star;
		size_t sl;
		if (!(say = lex_find(e, s + k, n - k, &star, &sl)) || star || !strchr(say, '-') ||
		    dict_word(s, k) || words_common(s, k, 70) || vocab_kind(s, k) == VOCAB_TERM)
			continue;
		/* a British spelling en_US does not know: "armouring" is no
		 * A-R-M-O and the entry "uring" (asked last: en_GB costs 40 ms
		 * to load, and few tokens come this far) */
		if (british_word(s, n))
			return 0;
		decide(e, "split word", "letters before a lexicon entry said partly spelled: a prefix");
		spell(e, s, k, 0);
		say_word(e, s + k, n - k, flags | F_PART);
		return 1;
	}
	return 0;
}

/*
 * An acronym of kernel text in small letters with one more letter glued
 * after it, that English cannot say, the whole no word any list knows nor
 * a name of the lexicon: one acronym, all its letters spelled, as its
 * writers spell it in capitals with a hyphen ("msix" M-S-I-X for MSI-X,
 * was "M six"; "pcix", "usbc"). The acronym is of two to four letters
 * kernel text writes in capitals 20 times or more (kernel.vocab), no
 * common word, and kernel names have it as a part ten times as often as
 * the rest after the first letter (kernel.parts: "msi" 17,215 names, "six"
 * 23; "fput" stays F-put, "put" 5,940 against "fpu" 675, and "dmap" D-map,
 * "map" 22,274 against "dma" 35,467); the letter is a
 * consonant and none that ends English words or starts a version (s, d,
 * r, y, v: "msis" is a plural, "icmpv6" a version).
 */
static int w_acronym_letter(struct en *e, const char *s, size_t n, int flags)
{
	const char *w, *how;
	if (n < 4 || n > 5 || !all_lower(s, n) || !all_alpha(s, n) || is_vowel(s[n - 1], 1) ||
	    strchr("sdryv", s[n - 1]) || (onset_ok(s, n) && sayable(s, n)) || vocab_kind(s, n) != VOCAB_NONE ||
	    known_word(s, n, &w) || lex_find(e, s, n, &w, &(size_t){0}) || vocab_kind(s, n - 1) != VOCAB_ACRONYM ||
	    vocab_count(s, n - 1) < 20 || words_common(s, n - 1, 70) || (n - 1 >= 4 && acronym_sayable(s, n - 1)) ||
	    parts_count(s, n - 1, &how) < 10 * parts_count(s + 1, n - 1, &how))
		return 0;
	decide(e, "acronym", "an acronym of kernel text in small letters and one letter glued to it (kernel.vocab, kernel.parts)");
	spell(e, s, n, 0);
	return 1;
}

/* A letter before a lexicon entry said as a word, which kernel text writes
 * four times as often as the whole: a variant of that thing, the letter
 * spelled and the entry said ("dphy" D-phy, "cphy" C-phy, as "phy" is
 * fy; was D-P-H-Y), as "LAPIC" is L and APIC. An entry said as written
 * is no pronunciation of its own: "vpid" stays V-P-I-D. */
static int w_letter_term(struct en *e, const char *s, size_t n, int flags)
{
	const char *say, *star;
	size_t sl;
	if (n < 4 || n > 8 || !all_lower(s, n) || is_vowel(s[0], 1) || dict_word(s, n) || words_common(s, n, 70) ||
	    !(say = lex_find(e, s + 1, n - 1, &star, &sl)) || star || strchr(say, '-') || strchr(say, ' ') ||
	    !isalpha((unsigned char)say[0]) || (strlen(say) == n - 1 && strncasecmp(say, s + 1, n - 1) == 0) ||
	    vocab_count(s + 1, n - 1) < 50 ||
	    vocab_count(s + 1, n - 1) < 4 * vocab_count(s, n))
		return 0;
	decide(e, "split word", "a letter and a lexicon entry said as a word, far more common (kernel.vocab)");
	char pre[3] = {(char)toupper((unsigned char)s[0]), '-', 0};
	emit(e, pre);
	e->glue = 1;
	say_word(e, s + 1, n - 1, flags | F_PART);
	e->glue = 0;
	return 1;
}

/* A letter and a common word, the whole no word of any list: "strace" is
 * S-trace (not "S-T race"), "kfree" K-free; "travelling", "harbour" and
 * "spelt" are words of the British lists, never T-ravelling. */
/* Whether s is a common word (scowl) with a regular ending its writer
 * made though no list has the form: "sinked" (sink), "sended", "spinned"
 * (its last letter doubled), "shrinked"; said as written, as a reader
 * would, never a letter and a word ("S-inked"). */
static int own_inflection(const char *s, size_t n)
{
	static const char *const ends[] = {"ed", "ing"};
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		size_t k = strlen(ends[i]), m = n - k;
		if (n < k + 3 || strncmp(s + n - k, ends[i], k) != 0)
			continue;
		if (words_common(s, m, 50) || (m >= 4 && s[m - 1] == s[m - 2] && words_common(s, m - 1, 50)))
			return 1;
	}
	return 0;
}

/* A word and an ending after its last consonant doubled, as English
 * writes "mappable" and "stopping": "debuggable" (debug), "unmappable"
 * (unmap, a kernel term), "grepping"; the stem a common word (scowl up to
 * 50) or a term of kernel text. Said whole, as espeak-ng says such a word
 * (stress on the stem), never cut into two words ("debug gable") or
 * letters ("unma P-P able"). */
static int w_doubled_ending(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	static const char *const ends[] = {"able", "ables", "ability", "er", "ers", "ed", "ing", "ings"};
	if (n < 6 || !all_lower(s, n))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(ends); i++) {
		size_t k = strlen(ends[i]);
		if (n < k + 4)
			continue;
		size_t m = n - k;
		if (strncmp(s + n - k, ends[i], k) != 0 || s[m - 1] != s[m - 2] || !strchr("bdgmnprt", s[m - 1]) ||
		    is_vowel(s[m - 3], 1) == 0)
			continue;
		if (words_common(s, m - 1, 50) || vocab_kind(s, m - 1) == VOCAB_TERM) {
			snprintf(e->whybuf, sizeof e->whybuf, "a word (%.*s) and an ending after its consonant doubled",
				 (int)(m - 1), s);
			decide(e, "word", e->whybuf);
			emitn(e, s, n);
			return 1;
		}
	}
	return 0;
}

/* A word stretched for emphasis, as a writer draws it out ("sooo",
 * "yesss", "reeeally"; with two (a vowel doubled, "a _loong_ time") only
 * between emphasis marks: alone "tracee", "loong64" are words of their
 * own): a run of three letters or more that taken down to one (or two)
 * letters makes a common word (scowl up to 35) where the token is no word,
 * term nor part of kernel names: said as that word ("so", "long"), never a
 * word and a letter ("loon G") nor the engine's guess at the run. */
int say_stretched(struct en *e, const char *s, size_t n, int two)
{
	enum { MAXN = 24 };
	const char *star;
	if (n < 4 || n > MAXN || !all_lower(s, n) || dict_word(s, n) || words_common(s, n, 70) ||
	    vocab_kind(s, n) != VOCAB_NONE || vocab_platform(s, n) || parts_count(s, n, NULL) ||
	    lex_find(e, s, n, &star, &(size_t){0}))
		return 0;
	for (int keep = 2; keep >= 1; keep--) {
		char w[MAXN + 1];
		size_t m = 0;
		int cut = 0;
		for (size_t i = 0; i < n;) {
			size_t r = 1;
			while (i + r < n && s[i + r] == s[i])
				r++;
			size_t k = r;
			if (r >= 3 || (two && r == 2 && is_vowel(s[i], 0)))
				k = (size_t)keep < r ? (size_t)keep : r, cut |= k < r;
			for (size_t j = 0; j < k; j++)
				w[m++] = s[i];
			i += r;
		}
		if (cut && m >= 2 && words_common(w, m, 35)) {
			snprintf(e->whybuf, sizeof e->whybuf, "a word stretched for emphasis: %.*s", (int)m, w);
			decide(e, "word", e->whybuf);
			emitn(e, w, m);
			return 1;
		}
	}
	return 0;
}

static int w_stretched(struct en *e, const char *s, size_t n, int flags)
{
	(void)flags;
	return say_stretched(e, s, n, 0);
}

static int w_letter_word(struct en *e, const char *s, size_t n, int flags)
{
	const char *star;
	/* an i of inode before a common verb of three letters: "iput" I-put, "iget" */
	int inode = n == 4 && s[0] == 'i' && all_lower(s, n) && !dict_word(s, n) && !words_common(s, n, 70) &&
		    vocab_kind(s, n) == VOCAB_NONE && words_common(s + 1, 3, 10) && !is_short_word(s + 1, 3) &&
		    !lex_find(e, s, n, &star, &(size_t){0});
	/* a vowel letter kernel names put before a word (e, i, u: "ecard"
	 * E-card, "etext" E-text, "ecall" E-call), before a consonant, the
	 * whole in no list, not even kernel text's: as a consonant's letter */
	int vowel_letter = n >= 5 && strchr("eiu", s[0]) && !is_vowel(s[1], 1) && all_lower(s, n) &&
			   vocab_kind(s, n) == VOCAB_NONE && !lex_find(e, s, n, &star, &(size_t){0});
	if (!inode && (n < 5 || !all_lower(s, n) || (is_vowel(s[0], 1) && !vowel_letter) || dict_word(s, n) || words_common(s, n, 70) ||
	    !words_common(s + 1, n - 1, 35) ||
	    lex_find(e, s, 2, &star, &(size_t){0})))     /* "fstab": the entry "fs", then "tab" */
		return 0;
	if (!inode && own_inflection(s, n)) {
		decide(e, "word", "a common word and a regular ending no list has (the writer's form)");
		emitn(e, s, n);
		return 1;
	}
	decide(e, "split word", "a letter and a common word (scowl)");
	char pre[3] = {(char)toupper((unsigned char)s[0]), '-', 0};
	emit(e, pre);
	e->glue = 1;
	emitn(e, s + 1, n - 1);
	e->glue = 0;
	return 1;
}

/* A long token a larger scowl list knows whole (words of size 80, names
 * of 60 to 80) is that word, never split: "autoantibodies", "Loughborough",
 * "synchronisers" (not "synchronise R-S"). Shorter ones are left to the
 * rules after: such lists also hold kernel text's abbreviations ("mips",
 * "regs"). Only "re" and "pre" before a common word of five letters or
 * more keep their split, as a prefix: espeak-ng says them whole as the
 * unstressed "ri" of "repair", where "again" is "ree" ("re-balance",
 * "pre-process"; "deregistration" whole, where "de-" is said "duh"). */
static int w_large(struct en *e, const char *s, size_t n, int flags)
{
	if (n < WORDS_LARGE_MIN || !all_alpha(s, n) || !all_lower(s + 1, n - 1) || !words_large(s, n))
		return 0;
	/* (a known word and an ending is that word, as for split_words:
	 * "relocations", "restings" are no "re-stings") */
	static const char *const endings[] = {"s", "es", "d", "ed", "ing", "er", "ers", "ly"};
	const char *why;
	for (size_t i = 0; i < ARRAY_LEN(endings); i++) {
		size_t k = strlen(endings[i]);
		if (n >= k + 4 && strncasecmp(s + n - k, endings[i], k) == 0 && known_word(s, n - k, &why))
			goto whole;
	}
	for (size_t k = 2; k <= 3; k++)
		if (strncasecmp(s, k == 2 ? "re" : "pre", k) == 0 && n - k >= 5 && words_common(s + k, n - k, 35)) {
			decide(e, "split word", "a long word of scowl's larger lists (80): a prefix, re or pre, and a common word");
			emitn(e, s, k);
			buf_putc(&e->out, '-');
			e->glue = 1;
			emitn(e, s + k, n - k);
			e->glue = 0;
			return 1;
		}
whole:
	say_spelling(e, s, n, "a long word of scowl's larger lists (80)");
	return 1;
}

static int w_compound(struct en *e, const char *s, size_t n, int flags)
{
	return !(flags & F_NAME) && split_compound(e, s, n);
}

static int w_split(struct en *e, const char *s, size_t n, int flags)
{
	/* a name is split only into words of three letters or more: "bigunclemax", not "min go" */
	return islower((unsigned char)s[0]) && split_words(e, s, n, 0, (flags & F_NAME) ? 3 : 1);
}

static int w_no_vowel(struct en *e, const char *s, size_t n, int flags)
{
	if (has_vowel(s, n))
		return 0;
	decide_guess(e, "acronym", spell_letters(e, s, n) ? "no vowel; the plural of its letters" : "no vowel");
	return 1;
}

/* A file system's name: a stem and "fs" ("reiserfs", "cramfs", "netfs"),
 * the stem said as a word of its own and F-S spelled, when kernel text has
 * the whole as a term or the stem is known; not a plural of a word in f
 * ("typedefs", "zonerefs", "ubufs") nor a word some list knows ("chefs"). */
static int w_fs_name(struct en *e, const char *s, size_t n, int flags)
{
	/* with a capital ("Reiserfs", "Cramfs", eCryptfs's "Cryptfs"): the same name */
	char low[64];
	if (n >= 5 && n < sizeof low && isupper((unsigned char)s[0]) && all_lower(s + 1, n - 1)) {
		for (size_t i = 0; i < n; i++)
			low[i] = (char)tolower((unsigned char)s[i]);
		s = low;
	}
	if (n < 5 || !all_lower(s, n) || memcmp(s + n - 2, "fs", 2) != 0 || s[n - 3] == 'f' ||
	    !has_vowel(s, n - 2) || dict_word(s, n) || words_common(s, n, 70) ||
	    vocab_kind(s, n - 1) != VOCAB_NONE || dict_word(s, n - 1))
		return 0;
	/* a letter and a word: "ecryptfs" E-crypt F-S */
	int letter = n - 2 >= 5 && !is_vowel(s[1], 1) && dict_word(s + 1, n - 3);
	if (vocab_kind(s, n) != VOCAB_TERM && vocab_kind(s, n - 2) == VOCAB_NONE && !dict_word(s, n - 2) &&
	    !words_common(s, n - 2, 70) && !letter)
		return 0;
	decide(e, "split word", "a file system's name: a stem and F-S");
	if (letter && !dict_word(s, n - 2) && vocab_kind(s, n - 2) == VOCAB_NONE) {
		char pre[3] = {(char)toupper((unsigned char)s[0]), '-', 0};
		emit(e, pre);
		e->glue = 1;
		say_word(e, s + 1, n - 3, flags | F_PART);
		e->glue = 0;
	} else {
		say_word(e, s, n - 2, flags | F_PART);
	}
	spell(e, s + n - 2, 2, 0);
	return 1;
}

/* A framebuffer driver's name: a stem and "fb" ("vesafb", "rivafb",
 * "offb"), the stem said as it is said alone (two letters spelled; a
 * letter before a stem kernel text knows spelled: "uvesafb") and
 * F-B spelled; no English word ends in "fb", so any stem of two letters or
 * more that no list has with the ending is one. */
static int w_fb_name(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 4 || !all_lower(s, n) || memcmp(s + n - 2, "fb", 2) != 0 || dict_word(s, n) ||
	    vocab_kind(s, n) == VOCAB_ACRONYM || lex_find(e, s, n, &(const char *){0}, &(size_t){0}))
		return 0;
	decide(e, "split word", "a framebuffer driver's name: a stem and F-B");
	const char *w;
	size_t wl, m = n - 2;
	if (m == 2) {
		spell(e, s, 2, 0);   /* "offb": Open Firmware's, O-F F-B */
	} else if (!dict_word(s, m) && vocab_kind(s, m) == VOCAB_NONE && !lex_find(e, s, m, &w, &wl) &&
		   (vocab_kind(s + 1, m - 1) != VOCAB_NONE || lex_find(e, s + 1, m - 1, &w, &wl))) {
		spell(e, s, 1, 0);   /* "uvesafb": a letter and a stem kernel text knows, U vesa F-B */
		say_word(e, s + 1, m - 1, flags | F_PART);
	} else {
		say_word(e, s, m, flags | F_PART);
	}
	spell(e, s + n - 2, 2, 0);
	return 1;
}

/* Five consonants: not a word; spell what is short enough to spell. */
/* "MrChromebox", "DrNick": a handle of a title glued to a capitalised
 * word, the title said as a word and the rest as alone ("mister
 * Chromebox", not M-R-C-H-R-O-M-E-B-O-X). */
static int w_title_handle(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const titles[] = {"Mr", "Mister", "Dr", "Doc", "Mrs", "Ms", "Sir", "Lady", "Lord"};
	static const char *const said[] = {"mister", "mister", "doctor", "doc", "missus", "miz", "sir", "lady", "lord"};
	for (size_t i = 0; i < ARRAY_LEN(titles); i++) {
		size_t k = strlen(titles[i]);
		if (n >= k + 4 && strncmp(s, titles[i], k) == 0 && isupper((unsigned char)s[k]) &&
		    all_lower(s + k + 1, n - k - 1)) {
			decide(e, "name", "a title glued to a capitalised word: a handle");
			emit(e, said[i]);
			say_word(e, s + k, n - k, flags | F_PART);
			return 1;
		}
	}
	return 0;
}

static int say_letters_rest(struct en *e, const char *s, size_t n, int flags);
static int w_five_consonants(struct en *e, const char *s, size_t n, int flags)
{
	size_t cons = 0;
	while (cons < n && !is_vowel(s[cons], cons > 0))
		cons++;
	if (cons <= 4)
		return 0;
	if (n <= 12 && all_lower(s, n) && say_letters_rest(e, s, n, flags))
		return 1;
	decide_guess(e, "acronym", "five consonants at the start");
	if (n <= 12)
		spell(e, s, n, 0);
	else
		emitn(e, s, n);
	return 1;
}

static int w_name_word(struct en *e, const char *s, size_t n, int flags)
{
	return isupper((unsigned char)s[0]) && split_name_word(e, s, n);
}

static int w_first_word(struct en *e, const char *s, size_t n, int flags)
{
	return isupper((unsigned char)s[0]) && split_first_word(e, s, n);
}

static int w_british(struct en *e, const char *s, size_t n, int flags)
{
	return islower((unsigned char)s[0]) && n >= 5 && gb_word(e, s, n);
}

/* Glued words, "thismemory". Capitalised, only a small word of grammar
 * glued to a common word, as a typing slip writes them at a sentence's
 * start ("Whenassemble", "Thismemory"): names are glued words too
 * ("Abbotsford", "Forman"), and no list has them all. */
static int w_glued(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const grammar[] = {
		"when", "this", "that", "with", "from", "into", "than", "what", "which", "where",
		"these", "those", "also",     /* not "the", "and", "for", "will": "Theriot", "Andover" */
	};
	if (flags & F_NAME)
		return 0;
	if (islower((unsigned char)s[0]))
		return split_glued(e, s, n, flags);
	if (!isupper((unsigned char)s[0]) || n < 7 || !all_lower(s + 1, n - 1) ||
	    (words_lookup(s, n, NULL) & (WORDS_NAME | WORDS_UPPER)))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(grammar); i++) {
		size_t k = strlen(grammar[i]);
		if (n - k >= 4 && strncasecmp(s, grammar[i], k) == 0 && words_common(s + k, n - k, 35)) {
			decide(e, "split word", "a small word of grammar glued to a common word (scowl)");
			emitn(e, s, k);
			emitn(e, s + k, n - k);
			return 1;
		}
	}
	return 0;
}

/* Small letters no list knows that English cannot say: "ixgbe". */
static int w_unsayable(struct en *e, const char *s, size_t n, int flags)
{
	if (n > 6 || !all_lower(s, n) || !onset_ok(s, n) || sayable(s, n))
		return 0;
	/* "libffi", "libgcc": a library's name is "lib" and its letters, as
	 * kernel.lexicon says libusb, libbpf (not L-I-B-F-F-I) */
	if (n >= 5 && memcmp(s, "lib", 3) == 0) {
		decide(e, "acronym", "lib and small letters English cannot say: lib, then the letters");
		emitn(e, s, 3);
		spell(e, s + 3, n - 3, 0);
		return 1;
	}
	decide(e, "acronym", "small letters English cannot say (a cluster no syllable has)");
	spell(e, s, n, 0);
	return 1;
}

/* "rcvlowat", "SO_RCVLOWAT": letters kernel names spell (kernel.parts:
 * rcv, snd, skb, in 1000 names or more) before a rest English can say, of
 * five letters or more and starting with a consonant, are those letters and the rest said as alone
 * ("lowat" low at, as in "notsent_lowat"), not one run of letters; s in
 * small letters. 1 when it said so. */
static int say_letters_rest(struct en *e, const char *s, size_t n, int flags)
{
	for (size_t j = 2; j <= 4 && n >= j + 4; j++) {
		const char *how;
		/* (the rest starts with a consonant: a vowel would join the
		   letters into a syllable, "checkpointed" is no C-H eckpointed;
		   a rest of four letters only when a common word: "srctree"
		   S-R-C tree, as "dsttree") */
		if (!has_vowel(s, j) && !is_vowel(s[j], 1) && parts_count(s, j, &how) >= 1000 && how &&
		    !strcmp(how, "letters") && (n >= j + 5 || words_common(s + j, n - j, 35)) &&
		    has_vowel(s + j, n - j) && onset_ok(s + j, n - j) && sayable(s + j, n - j) &&
		    /* (not a word and a vowel's letter: "timeo" of RCVTIMEO is time O) */
		    !(is_vowel(s[n - 1], 0) && words_common(s + j, n - j - 1, 70))) {
			decide(e, "split word", "letters kernel names spell (kernel.parts) and a rest English can say");
			spell(e, s, j, 0);
			say_word(e, s + j, n - j, flags | F_PART);
			return 1;
		}
	}
	return 0;
}

/* The same in capitals, as a part of a constant ("SO_RCVLOWAT"): R-C-V
 * low at; only where nothing earlier says the part. */
static int w_caps_letters_rest(struct en *e, const char *s, size_t n, int flags)
{
	char low[16];
	if (!(flags & F_CNAME) || n < 6 || n >= sizeof low || !all_upper(s, n) || !all_alpha(s, n) ||
	    vocab_kind(s, n) != VOCAB_NONE || parts_count(s, n, NULL))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	return say_letters_rest(e, low, n, flags);
}

/* Four consonants together: not a word, spelled ("igvtg"). */
static int w_four_consonants(struct en *e, const char *s, size_t n, int flags)
{
	size_t run = 0, most = 0;
	for (size_t i = 0; i < n; i++) {
		run = is_vowel(s[i], i > 0) ? 0 : run + 1;
		if (run > most)
			most = run;
	}
	if (most < 4 || n > 8 || !islower((unsigned char)s[0]))
		return 0;
	if (all_lower(s, n) && say_letters_rest(e, s, n, flags))
		return 1;
	decide_guess(e, "acronym", "letters that cannot be said as a word");
	spell(e, s, n, 0);
	return 1;
}

/* Whether kernel text writes s in capitals: an acronym of kernel.vocab, or
 * a lexicon entry of its own in capitals ("PID"; "dev" has none). */
static int caps_known(struct en *e, const char *s, size_t n)
{
	char up[16], low[16], where[256];
	if (n >= sizeof up)
		return 0;
	if (vocab_kind(s, n) == VOCAB_ACRONYM)
		return 1;
	for (size_t i = 0; i < n; i++)
		up[i] = (char)toupper((unsigned char)s[i]), low[i] = (char)tolower((unsigned char)s[i]);
	const char *star;
	if (!lex_find(e, up, n, &star, &(size_t){0}) || !lex_find(e, low, n, &star, &(size_t){0}))
		return 0;
	snprintf(where, sizeof where, "%s", lex_where(e, up, n));
	return strcmp(where, lex_where(e, low, n)) != 0;
}

/* "ss" after a consonant ends no English word: small letters no list knows
 * that end so are a name and SS (a subsystem, as in "CAMSS"): the name
 * said as alone, the two letters spelled ("camss" cam S-S, was said as
 * "cams"; "tidss" T-I-D S-S). */
static int w_ss_tail(struct en *e, const char *s, size_t n, int flags)
{
	const char *w;
	if (n < 5 || n > 12 || !all_lower(s, n) || !all_alpha(s, n) || s[n - 1] != 's' || s[n - 2] != 's' ||
	    s[n - 3] == 's' || is_vowel(s[n - 3], 1) || vocab_kind(s, n) != VOCAB_NONE || known_word(s, n, &w) ||
	    lex_find(e, s, n, &w, &(size_t){0}))
		return 0;
	decide(e, "acronym", "small letters no list knows ending in a consonant and ss: a name and S-S");
	say_word(e, s, n - 2, flags | F_PART);
	emit(e, "S-S");
	return 1;
}

/* kmalloc, ftrace, xarray: the first letter spelled, the rest a word;
 * five letters or fewer whose rest is no word are letters ("mmotm"). */
static int w_onset(struct en *e, const char *s, size_t n, int flags)
{
	if (!islower((unsigned char)s[0]) || n < 3 || onset_ok(s, n))
		return 0;
	const char *w;
	size_t wl;
	if (n <= 5 && onset_ok(s + 1, n - 1) && !known_word(s + 1, n - 1, &w) &&
	    vocab_kind(s + 1, n - 1) == VOCAB_NONE && !lex_find(e, s + 1, n - 1, &w, &wl)) {
		decide(e, "acronym", "five letters or fewer that cannot start a word, the rest no word");
		spell(e, s, n, 0);
		return 1;
	}
	/* a letter before three of kernel text that English does not have is
	 * one acronym: "vpid" V-P-I-D (PID), "vgic"; not "kfree" */
	if (n == 4 && !e->glue && caps_known(e, s + 1, n - 1) && !words_common(s + 1, n - 1, 70) &&
	    !dict_word(s + 1, n - 1)) {
		decide(e, "acronym", "a letter and three letters of kernel text: one acronym");
		spell(e, s, n, 0);
		return 1;
	}
	char pre[3] = {(char)toupper((unsigned char)s[0]), '-', 0};
	emit(e, pre);
	e->glue = 1;
	say_word(e, s + 1, n - 1, flags);
	e->glue = 0;
	return 1;
}

/* "COREv4", "HOSTv2": four capitals that are a common English word, and a
 * v before a version glued to them: the word and the letter, "core V four"
 * (not C-O-R-E-V; "GICv3", "SMMUv3" are no words and stay letters). */
static int w_caps_word_v(struct en *e, const char *s, size_t n, int flags)
{
	if (n != 5 || s[n - 1] != 'v' || !all_upper(s, n - 1) || !all_alpha(s, n - 1) || !words_common(s, 4, 35))
		return 0;
	(void)flags;
	decide(e, "version", "four capitals that are a common word and a v before a version glued to them");
	char low[5];
	for (size_t i = 0; i < 4; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[4] = 0;
	emit(e, low);
	emit(e, "V");
	return 1;
}

/* "DWARFv5", "IOMMUv2": capitals and a v before a version glued to them;
 * the capitals said as they are alone, the v a letter ("dwarf V five").
 * (Four capitals or fewer are letters with theirs: "GICv3" G-I-C-V three;
 * but see w_caps_word_v.) */
static int w_caps_v(struct en *e, const char *s, size_t n, int flags)
{
	if (n < 6 || s[n - 1] != 'v' || !all_upper(s, n - 1) || !all_alpha(s, n - 1))
		return 0;
	say_word(e, s, n - 1, flags | F_PART);
	decide(e, "version", "capitals and a v before a version glued to them");
	emit(e, "V");
	return 1;
}

/*
 * A capitalised token no English word could start ("Kmemleak", "Fbdev",
 * "Hwmon", "Clkout") is no name but a word of kernel text capitalised at
 * a sentence's start or by its writer: said as in small letters, when
 * kernel.vocab has it in small letters or its letters before the first
 * vowel are an entry of kernel.vocab and the rest a word ("clk" and "out").
 * Names whose start English lacks ("Dmitry", "Zwane", "Vlastimil") are in
 * neither, and stay as written.
 */
/* Whether low (small letters, k of them before its first vowel) is a word
 * of identifiers of two letters or more inside those k, then a term of
 * kernel.vocab, the lexicon or scowl's common words of four letters or
 * more: "mksquashfs" (mk, squashfs), "mkswap". */
static int id_term(struct en *e, const char *low, size_t n, size_t k)
{
	const char *star;
	size_t sn;
	for (size_t j = 2; j <= k && n - j >= 4; j++)
		if (id_word(low, j) &&
		    (vocab_kind(low + j, n - j) == VOCAB_TERM || words_common(low + j, n - j, 50) ||
		     lex_find(e, low + j, n - j, &star, &sn)))
			return 1;
	return 0;
}

static int w_caps_term(struct en *e, const char *s, size_t n, int flags)
{
	char low[64];
	if ((flags & F_NAME) || n < 4 || n >= sizeof low || !isupper((unsigned char)s[0]) || !all_lower(s + 1, n - 1) ||
	    onset_ok(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	enum vocab_kind v = vocab_kind(low, n);
	size_t k = 0;
	while (k < n && !is_vowel(low[k], k > 0))
		k++;
	enum vocab_kind pv = k >= 2 ? vocab_kind(low, k) : VOCAB_NONE;
	/* (or a word of identifiers before a term of the lexicon:
	 * "Mksquashfs" as "mksquashfs", make squash F-S) */
	if (!(v == VOCAB_TERM || v == VOCAB_ACRONYM || v == VOCAB_PLATFORM) &&
	    !(pv != VOCAB_NONE && pv != VOCAB_CAPSWORD && n - k >= 2 &&
	      (words_common(low + k, n - k, 50) || vocab_kind(low + k, n - k) == VOCAB_TERM)) &&
	    !id_term(e, low, n, k))
		return 0;
	decide(e, "word", "capitalised, English cannot start it, and kernel.vocab knows it in small letters");
	say_word(e, low, n, flags);
	return 1;
}

/*
 * Onsets of names that no English word has and espeak-ng spells the first
 * letter of ("Zbigniew" zee-bigniew, "Tkhai" tee-khai, "Przemyslaw"
 * P-R-zemyslaw): the letters a row replaces at a name's start and what
 * espeak-ng is given in their place. The first consonant is given in
 * phonemes, a word of its own that espeak-ng says as the bare consonant
 * before the rest ("[[z]]bigniew" z big-nyoo); where the spelling is
 * another language's for a sound English writes otherwise it is written
 * so (Wade-Giles hs is sh, Hungarian cs ch, Polish rz zh, prz psh, hj and
 * a consonant before j a y). The longest row matching is taken; each row
 * was tried in espeak-ng's phonemes (espeak-ng -x).
 */
static const struct { const char *onset, *said; } name_onsets[] = {
	{"bd", "[[b]]d"}, {"cs", "ch"}, {"cv", "[[t]]sv"}, {"dh", "d"}, {"dv", "[[d]]v"},
	{"fj", "[[f]]y"}, {"gd", "[[g]]d"}, {"gm", "[[g]]m"}, {"grz", "[[g]]zh"}, {"hj", "y"},
	{"krz", "[[k]]sh"},
	{"hs", "sh"}, {"kj", "[[k]]y"}, {"ks", "[[k]]s"}, {"mk", "[[m]]k"},
	{"ml", "[[m]]l"}, {"mw", "[[m]]w"}, {"nj", "[[n]]y"}, {"pj", "[[p]]y"}, {"prz", "[[p]]sh"},
	{"rz", "zh"}, {"sht", "[[S]]t"}, {"sj", "sh"}, {"sr", "shr"}, {"sv", "[[s]]v"}, {"tj", "[[t]]y"},
	{"tk", "[[t]]k"}, {"trz", "[[t]]sh"}, {"tsch", "ch"}, {"tsv", "[[t]]sv"}, {"tv", "[[t]]v"},
	{"tz", "ts"}, {"vs", "[[v]]s"}, {"wl", "vl"}, {"zb", "[[z]]b"}, {"zd", "[[z]]d"},
	{"zg", "[[z]]g"}, {"zv", "[[z]]v"},
};

/* A capitalised name said as written, with what espeak-ng is given for an
 * onset it spells (name_onsets) and for an r that is the first syllable's
 * vowel, between consonants at the start ("Tvrtko", "Mkrtchyan", "Trmac":
 * espeak-ng spells them; given an e before the r, "tvertko", it says the
 * syllable "ver"). */
/* A name written w, said s: as written, or a hint when they differ. */
static void name_out(struct en *e, const char *w, size_t wn, const char *s, size_t n)
{
	char said[128];
	if (n == wn && memcmp(w, s, n) == 0) {
		emitn(e, w, wn);
		return;
	}
	snprintf(said, sizeof said, "%.*s", (int)n, s);
	emit_hint(e, w, wn, said);
}

static void emit_name_as(struct en *e, const char *w, size_t wn, const char *s, size_t n)
{
	size_t best = 0, run = 0;
	const char *said = NULL;
	char out[96], low[64];
	for (size_t i = 0; i < n && i < sizeof low; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	/* a letter before a word is a product's name, its letter a letter:
	 * "Zbook" Z book, as espeak-ng says it */
	if (n >= 4 && n < sizeof low && words_common(low + 1, n - 1, 50)) {
		name_out(e, w, wn, s, n);
		return;
	}
	if (n >= 3 && n < 64) {
		for (size_t i = 0; i < ARRAY_LEN(name_onsets); i++) {
			size_t k = strlen(name_onsets[i].onset);
			if (k > best && k < n && strncasecmp(s, name_onsets[i].onset, k) == 0 &&
			    (name_onsets[i].onset[k - 1] == 'z' || name_onsets[i].onset[k - 1] == 'h' ||
			     !onset_ok(s, n))) {
				best = k;
				said = name_onsets[i].said;
			}
		}
		/* (a letter outside ASCII is taken for a vowel: "Trønnes",
		   "Prémont" have no syllabic r) */
		while (run < n && (unsigned char)s[run] < 0x80 && !is_vowel(s[run], run > 0))
			run++;
	}
	/* (after Polish rz the y is the vowel i: "Krzysztof" k-shish-tof, not "shy") */
	int rz_y = best >= 2 && best < n && tolower((unsigned char)s[best - 2]) == 'r' &&
		   tolower((unsigned char)s[best - 1]) == 'z' && tolower((unsigned char)s[best]) == 'y';
	size_t r = best ? best : 1;
	/* (rz is Polish's zh, no vowel: "Krzysztof" is left to espeak-ng, which knows it) */
	int syllabic = run < n && run >= 3 && r < run - 1 && tolower((unsigned char)s[r]) == 'r' &&
		       tolower((unsigned char)s[r + 1]) != 'z';
	if (!said && !syllabic) {
		name_out(e, w, wn, s, n);
		return;
	}
	size_t o = 0;
	if (said) {
		o = (size_t)snprintf(out, sizeof out, "%s", said);
		if (out[0] != '[')    /* (in phonemes a capital is another sound: Z is zh) */
			out[0] = (char)toupper((unsigned char)out[0]);
	} else {
		out[o++] = s[0];
	}
	size_t from = said ? best : 1;
	if (syllabic) {
		memcpy(out + o, s + from, r - from);
		o += r - from;
		out[o++] = 'e';
		from = r;
	}
	memcpy(out + o, s + from, n - from);
	out[o + n - from] = 0;
	if (rz_y && !syllabic)
		out[o] = 'i';
	emit_hint(e, w, wn, out);
}

/*
 * Vowels of a name no list knows that espeak-ng reads as no language
 * writing them would: "ae" between consonants is German's a-umlaut or
 * Korean's ae, said "ay" ("Baechle", "Schaefer", "Taehee", "Jaehoon",
 * "Dae"; espeak-ng said "ee": "bee-chle", "tee-hee"), not before a final
 * l ("Azael", "Ismael" are -a-el) nor before g, which espeak-ng would
 * soften ("Borntraeger"), nor before r, which it says right ("Faerber",
 * air); Russian's -aev is "ayev" ("Dunaev"); "ie" before "sch" is
 * German's long i, "ee" ("Riesch": espeak-ng said ri-ESS; given "Riesh").
 * Writes the spelling to say in out; returns its length.
 */
static size_t name_vowels(const char *s, size_t n, char *out, size_t outsz)
{
	size_t o = 0;
	for (size_t i = 0; i < n && o + 3 < outsz; i++) {
		int c = tolower((unsigned char)s[i]);
		int nx = i + 1 < n ? tolower((unsigned char)s[i + 1]) : 0;
		int after = i + 2 < n ? tolower((unsigned char)s[i + 2]) : 0;
		if (c == 'a' && nx == 'e' && i > 0 && !is_vowel(s[i - 1], 1) &&
		    (!after || (!is_vowel(after, 1) && !strchr("gr", after) && !(i + 3 == n && after == 'l')))) {
			out[o++] = s[i];
			out[o++] = 'y';
			if (after == 'v')     /* Russian -aev: "Dunaev" doo-nay-ev */
				out[o++] = 'e';
			i++;
			continue;
		}
		if (c == 'i' && nx == 'e' && i + 5 <= n && strncasecmp(s + i + 2, "sch", 3) == 0 &&
		    (i + 5 == n || tolower((unsigned char)s[i + 5]) != 'i')) {
			/* (written "iesh": espeak-ng says "eesh" as ee-esh) */
			out[o++] = s[i];
			out[o++] = 'e';
			out[o++] = 's';
			out[o++] = 'h';
			i += 4;
			continue;
		}
		/* "ire" before a doubled consonant is two syllables, i and re:
		 * "Lakkireddy" lucky-reddy (espeak-ng read "ire" as in "fire",
		 * LAK-eye-dee); written with a break, "Lakki-reddy" */
		if (c == 'i' && nx == 'r' && after == 'e' && i > 0 && i + 4 < n &&
		    tolower((unsigned char)s[i + 3]) == tolower((unsigned char)s[i + 4]) &&
		    !is_vowel(s[i + 3], 1) && !is_vowel(s[i - 1], 1)) {
			out[o++] = s[i];
			out[o++] = '-';
			continue;
		}
		/* "guire" is gwire ("Mc Guire", "Maguire"; espeak-ng said guy-er) */
		if (c == 'g' && i + 5 <= n && strncasecmp(s + i + 1, "uire", 4) == 0) {
			out[o++] = s[i];
			out[o++] = 'w';
			i++;
			continue;
		}
		/* a final "ys" after one consonant after a vowel is "is":
		 * "Denys" DEN-is, "Gladys" (espeak-ng said duh-NIZE) */
		if (c == 'y' && nx == 's' && i + 2 == n && i >= 2 && !is_vowel(s[i - 1], 1) &&
		    is_vowel(s[i - 2], 1) && tolower((unsigned char)s[i - 1]) != 'e') {
			out[o++] = 'i';
			out[o++] = 's';
			out[o++] = 's';
			i++;
			continue;
		}
		/* a final "ij" after a consonant is Ukrainian's -iy, "ee":
		 * "Oleksij", "Andrij", "Serhij" (espeak-ng said -idge) */
		if (c == 'i' && nx == 'j' && i + 2 == n && i > 0 && !is_vowel(s[i - 1], 1)) {
			out[o++] = s[i];
			out[o++] = 'y';
			i++;
			continue;
		}
		/* a name's first U before a w and a vowel is "oo", never "you"
		 * ("Uwe", "Uwais", "Uwem"); of three letters, the final e is
		 * said ("Uwe" OO-weh; espeak-ng said "you-w") */
		if (i == 0 && c == 'u' && nx == 'w' && after && is_vowel(after, 1)) {
			out[o++] = isupper((unsigned char)s[0]) ? 'O' : 'o';
			out[o++] = 'o';
			if (n == 3 && after == 'e') {
				out[o++] = s[1];
				out[o++] = 'e';
				out[o++] = 'h';
				i += 2;
			}
			continue;
		}
		out[o++] = s[i];
	}
	return o;
}

/*
 * Spellings of other languages in a name no list knows that espeak-ng
 * reads as English, written as English writes their sound: Polish sz
 * ("Krzysztof", "Janusz" was yanus-Z) is sh, at a name's end or after an
 * onset of rz; Polish and Czech c in a final -cek is ts, and the J before
 * it a y ("Jacek" was jay-sek, "Vacek"); Japanese -suke ends in a vowel
 * ("Ryusuke", "Daisuke" were ryoo-sook); Dutch ij before a consonant is
 * "ay" ("Mattijs" was mat-idge-z, "Martijn" mar-tay-en; not at the end:
 * "Kshitij"); Irish -ghue is
 * "hue" ("O'Donoghue" was o-don-uh-g-hyoo); Romanian and Italian ci
 * before u or o at the start is ch ("Ciubotariu" was see-yoo-botariu,
 * "Cioffi"), only in a person's name (person: a name line's word or a
 * word of people.names), as Spanish has ci for s ("Ciudad Juarez").
 * Polish names by their ending (-ski, -wicz, -czak...) have cz ch and ew
 * before a consonant ev ("Benedyczak" was bened-ik-zak, "Anaszewski"
 * ana-sz-yoo-ski); Polish and Czech -ej after a consonant is "ay", drz
 * before it j, ci c before it ch ("Andrzej" was and-uh-zedge, "Maciej",
 * "Ondrej"); Finnish -inen is -innen ("Sakkinen" was sak-eye-nen);
 * Ukrainian -ii after a consonant is -iy and Iu- at the start Yu- ("Andrii",
 * "Iurii" were -ee-eye, ee-yoo-); Portuguese -lho, -lha at the end are
 * -lyo, -lya ("Filho" was fil-ho,
 * "Carvalho"; not "Culhane", "Selhorst"). names27: Italian gh before e, i
 * after a vowel is a hard g ("Dureghello"; not "Hughes"); South Slavic ije
 * and a final ija are iye, iya ("Danijel", "Marija"; not Indian "Vijay");
 * Finnish -anen is -annen ("Virtanen" was -tay-nen); German -nther is -nter
 * ("Guenther"); tthi before a vowel is tti ("Matthieu" was math-); an
 * Indian given name's -Cesh after one short syllable is said apart, its i
 * ee ("Brijesh" was bry-jesh, "Ramesh" ray-mush, "Mukesh" myoo-; "Mahesh"
 * unchanged); Gur before a vowel at the start is goo- ("Gurevich",
 * "Gurinder" were gyoo-). names28: u after a first consonant and before
 * one consonant and a vowel is oo ("Puranjay", "Mukadam", "Kuba", "Sunil"
 * were pyoo-, myoo-, kyoo-, syoo-; not before m, where espeak-ng reads
 * "uum" as yoo-um; only after b, f, h, k, m, p, s, v, where it reads
 * yoo: "Dunaev", "Rudin", "Junie" it reads doo-, roo-, joo- already;
 * not before an e, English's "muse", "fume": "Musepack"). German eu in the
 * first syllable, before a consonant, is oy ("Neukum", "Feurstein",
 * "Neuschafer" were noo-, fyoo-; not Cantonese -eung, "Leung", nor
 * French "Meunier"), only in a person's name (French "Peuple").
 * Writes the spelling to say in out; returns its length.
 */
/* Whether the first k letters of s are all consonants (no vowel, no y). */
static int all_consonants(const char *s, size_t k)
{
	for (size_t j = 0; j < k; j++)
		if (!isalpha((unsigned char)s[j]) || is_vowel(s[j], 1) || tolower((unsigned char)s[j]) == 'y')
			return 0;
	return 1;
}

static size_t name_foreign(const char *s, size_t n, char *out, size_t outsz, int person)
{
	size_t o = 0;
	static const char *const pl_ends[] = {"ski", "ska", "cki", "cka", "wicz", "czak", "czyk", "czuk"};
	int polish = n > 3 && (strncasecmp(s, "krz", 3) == 0 || strncasecmp(s, "prz", 3) == 0 ||
			       strncasecmp(s, "trz", 3) == 0 || strncasecmp(s, "grz", 3) == 0);
	for (size_t k = 0; k < ARRAY_LEN(pl_ends) && !polish; k++) {
		size_t l = strlen(pl_ends[k]);
		polish = n >= l + 3 && strncasecmp(s + n - l, pl_ends[k], l) == 0;
	}
	int cek = n >= 5 && strncasecmp(s + n - 3, "cek", 3) == 0;
	/* (an Indian given name's -Cesh after a short syllable: Brijesh, Ramesh, Mukesh, Naresh) */
	int esh = n >= 6 && strncasecmp(s + n - 3, "esh", 3) == 0 && !is_vowel(s[n - 4], 1) &&
		  tolower((unsigned char)s[n - 4]) != 'h' && strchr("aiou", tolower((unsigned char)s[n - 5])) &&
		  !is_vowel(s[n - 6], 1);
	/* (Polish and Czech -ej: "Andrzej" an-jay, "Maciej", "Ondrej") */
	int ej = n >= 5 && strncasecmp(s + n - 2, "ej", 2) == 0 && !is_vowel(s[n - 3], 1);
	if (n + 4 >= outsz)
		return 0;
	for (size_t i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);
		int nx = i + 1 < n ? tolower((unsigned char)s[i + 1]) : 0;
		int after = i + 2 < n ? tolower((unsigned char)s[i + 2]) : 0;
		if (c == 's' && nx == 'z' && i > 0 && (polish || (i + 2 == n && n >= 5))) {
			out[o++] = s[i];
			out[o++] = 'h';
			i++;
			continue;
		}
		if (c == 'c' && nx == 'z' && i > 0 && polish) {     /* "Benedyczak", "Wilczynski" */
			out[o++] = 'c';
			out[o++] = 'h';
			i++;
			continue;
		}
		if (c == 'e' && nx == 'w' && polish && after && !is_vowel(after, 1)) {     /* "-ewski" evski */
			out[o++] = s[i];
			out[o++] = 'v';
			i++;
			continue;
		}
		if (c == 'd' && nx == 'r' && after == 'z' && ej) {     /* "Andrzej", "Jedrzej" */
			out[o++] = 'j';
			i += 2;
			continue;
		}
		if (c == 'c' && nx == 'i' && ej && i > 0 && is_vowel(after, 1)) {     /* "Maciej" machay */
			out[o++] = 'c';
			out[o++] = 'h';
			i++;
			continue;
		}
		if (c == 'e' && nx == 'j' && ej && i + 2 == n) {
			out[o++] = 'a';
			out[o++] = 'y';
			i++;
			continue;
		}
		if (c == 'i' && nx == 'n' && i + 4 == n && n >= 7 && strncasecmp(s + i, "inen", 4) == 0 &&
		    tolower((unsigned char)s[i - 1]) != 'e') {     /* Finnish "Sakkinen" sak-ki-nen, not -eye- */
			memcpy(out + o, "innen", 5);
			o += 5;
			i += 3;
			continue;
		}
		if (c == 'w' && polish && i + 4 == n && strncasecmp(s + i, "wicz", 4) == 0) {
			out[o++] = 'v';     /* "-owicz", "-kiewicz" o-vich, kee-e-vich */
			continue;
		}
		if (c == 'l' && nx == 'h' && i > 0 && is_vowel(s[i - 1], 1) && after && strchr("ao", after) &&
		    (i + 3 == n || (i + 4 == n && tolower((unsigned char)s[n - 1]) == 's'))) {
			out[o++] = 'l';     /* Portuguese lh: "Filho" feel-yo, "Carvalho" */
			out[o++] = 'y';
			i++;
			continue;
		}
		if (c == 'i' && nx == 'i' && i + 2 == n && n >= 5 && !is_vowel(s[i - 1], 1)) {
			out[o++] = 'i';     /* Ukrainian -ii: "Andrii", "Oleksii" -ee, not -ee-eye */
			out[o++] = 'y';
			i++;
			continue;
		}
		if (i == 0 && c == 'i' && nx == 'u' && n >= 5 && !is_vowel(after, 1)) {
			out[o++] = 'Y';     /* Ukrainian, Romanian Iu-: "Iurii", "Iulian" yoo-, not ee-yoo- */
			continue;
		}
		if (c == 'c' && cek && i + 3 == n && i > 0) {
			out[o++] = 't';
			out[o++] = 's';
			continue;
		}
		if (i == 0 && c == 'j' && cek) {
			out[o++] = 'Y';
			continue;
		}
		if (c == 'i' && nx == 'j' && i > 0 && after && !is_vowel(after, 1) && !is_vowel(s[i - 1], 1)) {
			out[o++] = 'a';     /* (written "ei", "Martein" is mar-teen) */
			out[o++] = 'y';
			i++;
			continue;
		}
		if (i == 0 && c == 'c' && nx == 'i' && (after == 'u' || after == 'o') && n >= 5 && person) {
			out[o++] = s[0];
			out[o++] = 'h';
			i++;
			continue;
		}
		if (i == 0 && c == 'g' && nx == 'u' && after == 'r' && n >= 5 && is_vowel(s[3], 1)) {
			out[o++] = s[0];     /* Gur before a vowel, "Gurevich", "Gurinder", "Gurudasani": goo-, not gyoo- */
			out[o++] = 'u';
			out[o++] = 'u';
			i++;
			continue;
		}
		if (i == 1 && c == 'u' && n >= 5 && !(esh && n == 6) && strchr("bfhkmpsv", tolower((unsigned char)s[0])) &&
		    nx && !strchr("aeiouycmwxhq", nx) && after && strchr("aio", after)) {
			out[o++] = 'u';     /* u after a first consonant, before one: "Puranjay", "Mukadam", "Kuba"
					     * poo-, moo-, koo-, not pyoo-, myoo- */
			out[o++] = 'u';
			continue;
		}
		if (person && c == 'e' && nx == 'u' && i >= 1 && i <= 3 && n >= 5 && all_consonants(s, i) && after &&
		    !is_vowel(after, 1) && after != 'y' && !(after == 'n' && i + 3 < n && tolower((unsigned char)s[i + 3]) == 'g') &&
		    !(i + 3 < n && tolower((unsigned char)s[i + 3]) == 'i')) {
			out[o++] = 'o';     /* German eu in the first syllable: "Neukum", "Feurstein" noy-, foy-, not noo-, fyoo-;
					     * not Cantonese -eung ("Leung", "Cheung"), nor French eu before a consonant
					     * and i ("Meunier") */
			out[o++] = 'y';
			i++;
			continue;
		}
		if (esh && i + 5 == n) {     /* Indian -Cesh: "Brijesh" bree-jesh, "Ramesh" rah-mesh */
			if (c == 'i') {
				out[o++] = 'e';
				out[o++] = 'e';
			} else {
				out[o++] = s[i];
			}
			out[o++] = '-';
			continue;
		}
		if (c == 'g' && nx == 'h' && i >= 2 && after && strchr("ei", after) &&
		    strchr("aeo", tolower((unsigned char)s[i - 1])) && !is_vowel(s[i - 2], 1)) {
			out[o++] = 'g';     /* Italian gh before e, i is a hard g: "Dureghello" -eg-gello, not eg-hello */
			out[o++] = 'g';
			i++;
			continue;
		}
		if (c == 'i' && nx == 'j' && i > 0 && (after == 'e' || (after == 'a' && i + 3 == n)) &&
		    !is_vowel(s[i - 1], 1)) {
			/* South Slavic ije, a final ija are iye, iya: "Danijel" dan-ee-yel, not -idge-,
			 * "Marija"; not Indian "Vijay" */
			out[o++] = 'i';
			out[o++] = 'y';
			i++;
			continue;
		}
		if (c == 'a' && nx == 'n' && i + 4 == n && n >= 7 && strncasecmp(s + i, "anen", 4) == 0 &&
		    !is_vowel(s[i - 1], 1)) {     /* Finnish "Virtanen" vir-ta-nen, not -tay- */
			memcpy(out + o, "annen", 5);
			o += 5;
			i += 3;
			continue;
		}
		if (c == 't' && nx == 'h' && i > 0 && i + 4 == n && tolower((unsigned char)s[i - 1]) == 'n' &&
		    strncasecmp(s + i, "ther", 4) == 0 && n >= 7) {
			out[o++] = 't';     /* German -nther: "Guenther" -ter, not -ther */
			i++;
			continue;
		}
		if (c == 't' && nx == 'h' && i > 0 && tolower((unsigned char)s[i - 1]) == 't' && after == 'i' &&
		    i + 3 < n && is_vowel(s[i + 3], 1)) {
			out[o++] = 't';     /* French, German tthi before a vowel: "Matthieu", "Matthias" matt-ee- */
			i++;
			continue;
		}
		if (c == 'g' && nx == 'h' && i + 4 == n && strncasecmp(s + i, "ghue", 4) == 0 && i > 0) {
			i++;
			out[o++] = 'h';
			continue;
		}
		out[o++] = s[i];
	}
	if (n >= 6 && strncasecmp(s + n - 4, "suke", 4) == 0)
		out[o++] = 'h';
	out[o] = 0;
	return o;
}

static void emit_name_of(struct en *e, const char *s, size_t n, int person)
{
	char said[128], fw[128];
	const char *w = s;
	size_t wn = n, fn = n < 64 ? name_foreign(s, n, fw, sizeof fw, person) : 0;
	if (fn) {
		s = fw;
		n = fn;
	}
	/* (only a word English could start: "Wfamnae", a warning's name, is none) */
	if (n >= 64 || !onset_ok(s, n)) {
		emit_name_as(e, w, wn, s, n);
		return;
	}
	size_t k = name_vowels(s, n, said, sizeof said);
	emit_name_as(e, w, wn, said, k);
}

static void emit_name(struct en *e, const char *s, size_t n)
{
	emit_name_of(e, s, n, 0);
}

/* Whether w is a capitalised word no list or kernel text knows, of three
 * letters or more: a name's word ("Ursulin", "Vahram"). */
static int name_shaped(const char *w, size_t n)
{
	char low[64];
	if (n < 3 || n >= sizeof low || !isupper((unsigned char)w[0]) || !all_lower(w + 1, n - 1))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)w[i]);
	return vocab_kind(low, n) == VOCAB_NONE && !words_common(low, n, 50) && !dict_lower(low, n);
}

/*
 * A capitalised word in a name's place is a name, said as written (with
 * emit_name's help for espeak-ng), never letters, whatever its consonants:
 * beside another name's word ("Tvrtko Ursulin", "Vahram Mkrtchyan"),
 * before an address or a shortlog's count ("<", "(3):"), after a tag's
 * "-by:" or "Cc:". Only a word no list knows, with a vowel.
 */
static int w_name_place(struct en *e, const char *s, size_t n, int flags)
{
	char low[64];
	if ((flags & (F_PART | F_NAME)) || n < 4 || n >= sizeof low || !isupper((unsigned char)s[0]) ||
	    !all_lower(s + 1, n - 1) || !has_vowel(s, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	/* only what English cannot say, which the rules after would spell:
	 * a name glued to a word ("Bhagatdescribed") is theirs */
	size_t cons = 0;
	while (cons < n && !is_vowel(s[cons], cons > 0))
		cons++;
	if (vocab_kind(low, n) != VOCAB_NONE || words_common(low, n, 70) || dict_word(s, n) ||
	    (onset_ok(s, n) && sayable(s, n) && cons < 4))
		return 0;
	for (size_t k = 3; k + 4 <= n; k++)
		if (words_common(low + k, n - k, 35))
			return 0;
	size_t pn = strlen(e->prev);
	int place = name_shaped(e->prev, pn) || (e->next && name_shaped(e->next, e->nextn)) ||
		    (e->next && (e->next[-1] == '<' || (e->next[-1] == '(' && isdigit((unsigned char)e->next[0])))) ||
		    (pn > 3 && strcasecmp(e->prev + pn - 3, "-by") == 0) || strcasecmp(e->prev, "Cc") == 0;
	if (!place)
		return 0;
	decide(e, "name", "a capitalised word in a name's place: beside a name, before an address or a count, after a tag");
	emit_name(e, s, n);
	return 1;
}

/*
 * A word of a person's name by its line's shape (speech_person.c): said
 * as a name, never cut into words ("Andrew Bresticker" was "Bre sticker",
 * "Andries" "An dries") or letters ("OGAWA Hirofumi", "Stas Sergeev" was
 * the lexicon's STA and a plural). A surname in capitals is the name
 * ("OGAWA" Ogawa); a name in pinyin is said from pinyin.table. A word the
 * lexicon has, or a word the lists know whole ("Mark Brown"), is left to
 * the usual rules, and so are names written with letters outside ASCII.
 */
int say_person_word(struct en *e, const char *s, size_t n, int pinyin)
{
	char tmp[64];
	const char *why;
	if (n >= sizeof tmp)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	if (e->ctx->lex && lexicon_lookup(e->ctx->lex, tmp))
		return 0;
	if (pinyin && say_pinyin_person(e, s, n))
		return 1;
	if (memchr(s, '-', n))
		return 0;
	/* a name written with letters outside ASCII gets the onset help too
	   ("Hjønnevåg" was "aitch-jonnevag", "Przemysław", "Csókás") */
	int utf8 = 0, upper = 0;
	for (size_t i = 0; i < n; i++) {
		utf8 |= (unsigned char)s[i] >= 0x80;
		upper += i > 0 && isupper((unsigned char)s[i]);
		if ((unsigned char)s[i] < 0x80 && !isalpha((unsigned char)s[i]))
			return 0;
	}
	if (utf8) {
		if (!isupper((unsigned char)s[0]) || upper || n < 3)
			return 0;
		decide(e, "name", "a word of a person's name by its line's shape (an author line, a tag, a table row): "
		       "said as a name, never cut");
		emit_name_of(e, s, n, 1);
		return 1;
	}
	/* a surname in capitals: "OGAWA Hirofumi", "Thomas GENTY" */
	if (all_upper(s, n)) {
		int vowels = 0;
		for (size_t i = 0; i < n; i++)
			vowels += is_vowel(s[i], i > 0);
		if (n < 4 || vowels < 2 || vocab_kind(s, n) == VOCAB_ACRONYM || !sayable(s, n))
			return 0;
		for (size_t i = 1; i < n; i++)
			tmp[i] = (char)tolower((unsigned char)s[i]);
	} else if (!isupper((unsigned char)s[0]) || !all_lower(s + 1, n - 1) || !has_vowel(s, n)) {
		return 0;     /* ("Prasanth Ksr": no vowel, initials) */
	}
	char low[64];
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	if (words_common(low, n, 70) || vocab_kind(low, n) != VOCAB_NONE)
		return 0;
	if (known_word(tmp, n, &why) || dict_word(tmp, n)) {
		/* a name hunspell or the lists know, whose letters espeak-ng
		 * reads as no language writing them would ("Denys"
		 * duh-NIZE): the vowels' respelling alone (name_vowels) */
		char said[128];
		size_t k = name_vowels(tmp, n, said, sizeof said);
		if (all_upper(s, n) || (k == n && memcmp(said, tmp, n) == 0))
			return 0;
		decide(e, "name", "a word of a person's name by its line's shape, a name the lists know whose "
		       "letters espeak-ng misreads: respelled");
		emit_hint(e, s, n, (said[k] = 0, said));
		return 1;
	}
	/* pinyin beside a name marked as pinyin ("Joakim Zhang" keeps Zhang) */
	if (say_pinyin(e, tmp, n, F_TOKEN | F_START))
		return 1;
	decide(e, "name", "a word of a person's name by its line's shape (an author line, a tag, a table row): "
	       "said as a name, never cut");
	emit_name_of(e, tmp, n, 1);
	return 1;
}

/* A word of a kernel developer's name that no list knows (people.names,
 * from MAINTAINERS and CREDITS) is a name wherever it stands, said whole
 * with emit_name's help: never cut into words ("Kepplinger" was "Kepp
 * linger", "Wiklander" "Wik lander", "Andries" "An dries"). Only
 * capitalised, as a name is written; the lists' words ("Lever", "Fair")
 * are not in the file. */
static int w_person_name(struct en *e, const char *s, size_t n, int flags)
{
	if ((flags & F_PART) || n < 5 || !isupper((unsigned char)s[0]) || !all_lower(s + 1, n - 1) ||
	    !person_name(s, n))
		return 0;
	decide(e, "name", "a word of a kernel developer's name (people.names, MAINTAINERS and CREDITS)");
	emit_name_of(e, s, n, 1);
	return 1;
}

/* A word in mixed case no rule before has cut, with a capital inside
 * that is no camel case's start ("LoWPAN" of 6LoWPAN, low power wireless
 * PAN): said as its small letters split into words, as "6lowpan" is, "low
 * pan" (espeak-ng would read the W as "double-you"); words of three letters
 * or more only, so that a name ("DeVries") stays as written. */
static int w_mixed_case(struct en *e, const char *s, size_t n, int flags)
{
	char low[41];
	int inner = 0, small = 0;
	if ((flags & F_NAME) || n < 5 || n >= sizeof low || !all_alpha(s, n))
		return 0;
	for (size_t i = 1; i < n; i++) {
		inner |= isupper((unsigned char)s[i]) && isupper((unsigned char)s[i - 1]) == 0 &&
			 i + 1 < n && isupper((unsigned char)s[i + 1]);
		small |= islower((unsigned char)s[i]);
	}
	if (!inner || !small)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	low[n] = 0;
	return split_words(e, low, n, 0, 3);
}

static int w_as_written(struct en *e, const char *s, size_t n, int flags)
{
	if (!e->why && isupper((unsigned char)s[0]) && n > 1 && all_lower(s + 1, n - 1))
		decide(e, "name", "capitalised, no list knows it and nothing splits it: a name, said as written");
	else if (!e->why)
		decide_guess(e, "word", "no list knows it and nothing splits it: said as written");
	/* (a part of a hyphenated name too: "Yan-Hsuan") */
	if (isupper((unsigned char)s[0]) && n > 1 && all_lower(s + 1, n - 1) && !(flags & (F_CNAME | F_PATH)))
		emit_name(e, s, n);
	else
		emitn(e, s, n);
	return 1;
}

/* A signal's name (signal(7)): "sig" and what it signals, as kernel
 * people say them: SIGCHLD sig child, SIGHUP sig hup, SIGIO sig I-O (was
 * spelled whole, or "sigh up"). A name not in the table is "sig" and the
 * rest said as a part of a constant. */
static int w_signal(struct en *e, const char *s, size_t n, int flags)
{
	static const struct { const char *w, *say; } sigs[] = {
		{"HUP", "hup"}, {"INT", "int"}, {"QUIT", "quit"}, {"ILL", "ill"}, {"TRAP", "trap"},
		{"ABRT", "abort"}, {"IOT", "I-O-T"}, {"BUS", "bus"}, {"FPE", "F-P-E"}, {"KILL", "kill"},
		{"USR1", "U-S-R one"}, {"USR2", "U-S-R two"}, {"SEGV", "seg-V"}, {"PIPE", "pipe"},
		{"ALRM", "alarm"}, {"TERM", "term"}, {"STKFLT", "stack fault"}, {"CHLD", "child"},
		{"CLD", "child"}, {"CONT", "cont"}, {"STOP", "stop"}, {"TSTP", "T-stop"},
		{"TTIN", "T-T in"}, {"TTOU", "T-T out"}, {"URG", "U-R-G"}, {"XCPU", "X-C-P-U"},
		{"XFSZ", "X-F-S-Z"}, {"VTALRM", "V-T alarm"}, {"PROF", "prof"}, {"WINCH", "winch"},
		{"IO", "I-O"}, {"POLL", "poll"}, {"PWR", "power"}, {"SYS", "sys"}, {"EMT", "E-M-T"},
		{"RTMIN", "R-T min"}, {"RTMAX", "R-T max"}, {"INFO", "info"}, {"LOST", "lost"},
	};
	if (n < 5 || n > 9 || memcmp(s, "SIG", 3) != 0 || !all_upper(s, n) || dict_word(s, n))
		return 0;     /* (SIGNAL, SIGMA are words) */
	for (size_t i = 0; i < ARRAY_LEN(sigs); i++)
		if (strlen(sigs[i].w) == n - 3 && memcmp(sigs[i].w, s + 3, n - 3) == 0) {
			decide(e, "identifier", "a signal's name: sig and what it signals (signal(7))");
			emit(e, "sig");
			emit(e, sigs[i].say);
			return 1;
		}
	return 0;
}

/* An error number's name (errno(3), the kernel's include/linux/errno.h):
 * E and what it names, as kernel people say them: ENOTTY E-not-T-T-Y,
 * ENODATA E-no-data, EBADF E-bad-F, EADDRINUSE E-address-in-use (they were
 * spelled, "E-N-O-T-T-Y", or left to espeak-ng, "enametoolong"). The
 * commonest are the lexicon's (EINVAL E-inval, ENOMEM E-no-mem). */
static int w_errno(struct en *e, const char *s, size_t n, int flags)
{
	static const struct { const char *w, *say; } errs[] = {
		{"2BIG", "two big"}, {"ADDRINUSE", "address in use"}, {"ADDRNOTAVAIL", "address not avail"},
		{"AFNOSUPPORT", "A-F no support"}, {"ALREADY", "already"}, {"BADE", "bad E"}, {"BADF", "bad F"},
		{"BADFD", "bad F-D"}, {"BADMSG", "bad message"}, {"BADR", "bad R"}, {"BADRQC", "bad R-Q-C"},
		{"BADSLT", "bad slot"}, {"BADHANDLE", "bad handle"}, {"BADTYPE", "bad type"},
		{"BADCOOKIE", "bad cookie"}, {"CANCELED", "canceled"}, {"CHILD", "child"},
		{"CONNABORTED", "conn aborted"}, {"CONNREFUSED", "conn refused"}, {"CONNRESET", "conn reset"},
		{"DEADLK", "dead lock"}, {"DEADLOCK", "deadlock"}, {"DESTADDRREQ", "dest address req"}, {"DOM", "dom"},
		{"DQUOT", "D-quot"}, {"FBIG", "F-big"}, {"FSBADCRC", "F-S bad C-R-C"},
		{"FSCORRUPTED", "F-S corrupted"}, {"HOSTDOWN", "host down"}, {"HOSTUNREACH", "host unreach"},
		{"HWPOISON", "H-W poison"}, {"IDRM", "I-D-R-M"}, {"ILSEQ", "I-L seq"},
		{"INPROGRESS", "in progress"}, {"ISCONN", "is conn"}, {"ISDIR", "is dir"},
		{"KEYEXPIRED", "key expired"}, {"KEYREJECTED", "key rejected"}, {"KEYREVOKED", "key revoked"},
		{"LOOP", "loop"}, {"MFILE", "M-file"}, {"MLINK", "M-link"}, {"MSGSIZE", "message size"},
		{"MULTIHOP", "multi hop"}, {"NAMETOOLONG", "name too long"}, {"NETDOWN", "net down"},
		{"NETRESET", "net reset"}, {"NETUNREACH", "net unreach"}, {"NFILE", "N-file"},
		{"NOBUFS", "no bufs"}, {"NODATA", "no data"}, {"NOEXEC", "no exec"}, {"NOGRACE", "no grace"},
		{"NOIOCTLCMD", "no I-O control command"}, {"NOKEY", "no key"}, {"NOLCK", "no lock"},
		{"NOLINK", "no link"}, {"NOMEDIUM", "no medium"}, {"NOMSG", "no message"}, {"NONET", "no net"},
		{"NOPARAM", "no param"}, {"NOPKG", "no package"}, {"NOPROTOOPT", "no proto opt"},
		{"NOSR", "no S-R"}, {"NOSTR", "no S-T-R"}, {"NOTBLK", "not block"}, {"NOTCONN", "not conn"},
		{"NOTDIR", "not dir"}, {"NOTEMPTY", "not empty"}, {"NOTRECOVERABLE", "not recoverable"},
		{"NOTSOCK", "not sock"}, {"NOTSUP", "not sup"}, {"NOTSYNC", "not sync"}, {"NOTTY", "not T-T-Y"},
		{"NOTUNIQ", "not unique"}, {"NXIO", "N-X-I-O"}, {"OVERFLOW", "overflow"},
		{"OWNERDEAD", "owner dead"}, {"PFNOSUPPORT", "P-F no support"}, {"PIPE", "pipe"},
		{"PROTO", "proto"}, {"PROTONOSUPPORT", "proto no support"}, {"PROTOTYPE", "proto type"},
		{"RANGE", "range"}, {"REMOTE", "remote"}, {"REMOTEIO", "remote I-O"}, {"RESTART", "restart"}, {"SHUTDOWN", "shutdown"}, {"SPIPE", "S-pipe"},
		{"SRCH", "search"}, {"STALE", "stale"}, {"STRPIPE", "S-T-R pipe"}, {"TIME", "time"}, {"TOOMANYREFS", "too many refs"},
		{"TXTBSY", "text busy"}, {"UCLEAN", "U-clean"}, {"USERS", "users"}, {"XDEV", "X-dev"},
		{"XFULL", "X-full"},
	};
	(void)flags;
	if (n < 3 || n > 15 || s[0] != 'E' || !all_upper(s, n))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(errs); i++)
		if (strlen(errs[i].w) == n - 1 && memcmp(errs[i].w, s + 1, n - 1) == 0) {
			char buf[64];
			size_t k = 0;
			buf[k++] = 'E';
			for (const char *p = errs[i].say; *p && k < sizeof buf - 2; p++)
				buf[k++] = *p == ' ' ? '-' : *p;
			if (k == 1 || buf[1] != '-') {
				memmove(buf + 2, buf + 1, k - 1);
				buf[1] = '-';
				k++;
			}
			buf[k] = 0;
			/* "ENOTDIR", "EISDIR": its last word as the lexicon says it
			 * in phonemes (dir [[d'3:]] "dur", as in readdir) */
			char *dash = strrchr(buf, '-');
			const char *star, *ph = dash ? lex_find(e, dash + 1, strlen(dash + 1), &star, &(size_t){0}) : NULL;
			decide(e, "identifier", "an error number's name: E and what it names (errno(3))");
			if (ph && !star && strncmp(ph, "[[", 2) == 0 && islower((unsigned char)dash[1])) {
				*dash = 0;
				emit(e, buf);
				emit(e, ph);
			} else
				emit(e, buf);
			return 1;
		}
	return 0;
}

/* "several hundred MB", "a few GB", "many kHz": a unit's symbol after a
 * word of quantity is the unit, in the plural, as after a number (a
 * symbol with a capital only: "a few us" keeps its pronoun). */
static int w_unit_quantity(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const q[] = {"hundred", "thousand", "million", "billion", "few", "several", "many", "dozen"};
	const struct unit *u;
	int cap = 0, word = 0;
	if ((flags & F_PART) || n < 2 || n > 5)
		return 0;
	for (size_t i = 0; i < n; i++)
		cap |= isupper((unsigned char)s[i]) != 0;
	for (size_t i = 0; i < ARRAY_LEN(q) && !word; i++)
		word = strcasecmp(e->prev, q[i]) == 0;
	/* "tens of GiB", "a lot of MB": a size's symbol after "of" too */
	int of = strcasecmp(e->prev, "of") == 0;
	/* "sum:212545.245 ms": after a tool's label and its decimal, glued */
	const char *colon = strchr(e->prev, ':');
	size_t pl = strlen(e->prev);
	int label = colon && colon > e->prev && pl > 2 && isdigit((unsigned char)e->prev[pl - 1]) &&
		    strchr(colon, '.') && strspn(colon + 1, "0123456789.") == strlen(colon + 1);
	for (const char *p = e->prev; label && p < colon; p++)
		label = islower((unsigned char)*p);
	if (label && (u = find_unit(s, n, 1)) != NULL) {
		decide(e, "measure", "a unit's symbol after a label's decimal glued to its colon (sum:0.25 ms)");
		emit(e, u->many);
		return 1;
	}
	if (!cap || (!word && !of) || (u = find_unit(s, n, 1)) == NULL || (!word && !strstr(u->many, "bytes")))
		return 0;
	decide(e, "measure", "a unit's symbol after a word of quantity (hundred, few, several)");
	emit(e, u->many);
	return 1;
}

/* An article or preposition of French, German, Spanish or Italian that
 * kernel text would spell ("des" the cipher, "du" the command, "le", "el",
 * "da"), between two capitalised words, in a title or a name: "Geschichte
 * des Mittelalters", "Amis du Peuple", "Leonardo da Vinci" are said as
 * words, as "der", "del" and "la" are. */
static int caps_particle(struct en *e, const char *s, size_t n);
static int w_foreign_article(struct en *e, const char *s, size_t n, int flags)
{
	static const char *const articles[] = {"des", "du", "das", "im", "le", "el", "da", "au"};
	size_t pn = strlen(e->prev);
	if (!(flags & F_PART) && caps_particle(e, s, n))
		return 1;
	if ((flags & F_PART) || n > 3 || !e->next || e->nextn < 2 || pn < 2 || !all_lower(s, n) ||
	    !isupper((unsigned char)e->prev[0]) || !all_lower(e->prev + 1, pn - 1) ||
	    !isupper((unsigned char)e->next[0]) || !all_lower(e->next + 1, e->nextn - 1))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(articles); i++)
		if (strlen(articles[i]) == n && memcmp(articles[i], s, n) == 0) {
			decide(e, "word", "a French, German, Spanish or Italian article between capitalised words");
			emitn(e, s, n);
			return 1;
		}
	return 0;
}

/* Whether capitals w[0..n) are a word of a name or heading in capitals:
 * three letters or more English can say, no acronym of kernel text. */
static int caps_name_word(const char *w, size_t n)
{
	return n >= 3 && all_upper(w, n) && all_alpha(w, n) && vocab_kind(w, n) != VOCAB_ACRONYM &&
	       pronounceable(w, n) && sayable(w, n);
}

/* A name's particle in capitals, in a name or a heading written in
 * capitals: "DE OCAMPO TURNS", "JUAN DE LA CRUZ", "LEONARDO DA VINCI" are
 * said as words (were D-E, L-A, D-A): after a word in capitals (or a
 * particle) and before a name in capitals that is no common word (or a
 * second particle), or first before such a name of four letters or more.
 * Beside an acronym or before a common word it stays letters ("HDMI DE
 * signal", "DE AND HSYNC"). */
static int is_particle(const char *s, size_t n)
{
	static const char *const particles[] = {"DE", "DA", "DI", "DU", "LA", "LE", "DEL", "DER", "DOS", "DAS",
						"DES", "VAN", "VON"};
	for (size_t i = 0; i < ARRAY_LEN(particles); i++)
		if (strlen(particles[i]) == n && memcmp(particles[i], s, n) == 0)
			return 1;
	return 0;
}

static int caps_particle(struct en *e, const char *s, size_t n)
{
	if (n > 3 || !e->next || !is_particle(s, n))
		return 0;
	size_t pn = strlen(e->prev);
	int next_particle = e->nextn <= 3 && is_particle(e->next, e->nextn);
	int name_next = caps_name_word(e->next, e->nextn) && !words_common(e->next, e->nextn, 50);
	int ok = pn ? (caps_name_word(e->prev, pn) || is_particle(e->prev, pn)) && (next_particle || name_next)
		    : e->nextn >= 4 && name_next;
	if (!ok)
		return 0;
	decide(e, "word", "a name's particle in capitals, among words of a name or heading in capitals");
	say_lower(e, s, n);
	return 1;
}

/*
 * The questions asked of a run of letters, in order; the first that says
 * it decides. Each row's function states its rule; adding a kind of word
 * is adding a row (and a row of tests/speech/class-<class>.tsv).
 */
static const struct word_rule {
	const char *name;
	int (*say)(struct en *e, const char *s, size_t n, int flags);
} word_rules[] = {
	{"lexicon entry", w_lexicon},
	{"a kind of namespace and ns", w_namespace},
	{"a maker written in mixed case", w_vendor},
	{"an acronym of mail and chat", w_chat},
	{"an article of a foreign title", w_foreign_article},
	{"a unit after a word of quantity", w_unit_quantity},
	{"a signal's name", w_signal},
	{"an error number's name", w_errno},
	{"a word of identifiers", w_id_word},
	{"a part of a constant used as a word", w_caps_part_word},
	{"a name written capitalised, in capitals", w_caps_name},
	{"a user-space or kernel copy", w_side_copy},
	{"plural of an entry or of capitals", w_plural},
	{"one letter", w_letter},
	{"a pinyin name", say_pinyin},
	{"plural of an entry in capitals", w_caps_plural},
	{"a surname in capitals", w_caps_surname},
	{"letters and mem", w_letters_mem},
	{"no and an acronym", w_no_acronym},
	{"no and a term", w_no_term},
	{"a common word in capitals and a v", w_caps_word_v},
	{"a word in capitals", w_caps_word},
	{"an acronym of kernel text", w_caps_kernel},
	{"a socket's or terminal's ioctl name", w_caps_sioc},
	{"a block device's ioctl name", w_caps_blk},
	{"capitals: a kernel name by its parts", w_caps_parts},
	{"capitals glued", w_caps_glued},
	{"capitals in a constant: letters and a rest", w_caps_letters_rest},
	{"capitals", w_caps},
	{"a name's particle glued", w_particle_name},
	{"mixed case", w_mixed},
	{"an acronym and an ending", w_acronym_ending},
	{"camel case", w_camel},
	{"a long word of the larger lists", w_large},
	{"a C type and a letter", w_ctype_letter},
	{"letters and a lexicon entry", w_letters_entry},
	{"an acronym and a letter", w_acronym_letter},
	{"a letter and a lexicon entry", w_letter_term},
	{"a letter and a word", w_letter_word},
	{"a time unit", w_time_unit},
	{"two known pieces", w_two_pieces},
	{"a lower-case acronym of kernel text", w_lower_kernel},
	{"a framebuffer driver's name", w_fb_name},
	{"a file system's name", w_fs_name},
	{"a library's name", w_library},
	{"a daemon's name", w_daemon},
	{"an English word kernel text writes in capitals", w_capsword},
	{"a rare capsword glued to an acronym or a word", w_capsword_glued},
	{"three letters or fewer", w_short_letters},
	{"a SoC platform's name", w_platform},
	{"a term of kernel text", w_kernel_term},
	{"a kernel term and a letter", w_term_letter},
	{"an acronym in small letters and a v", w_lower_v},
	{"small letters English cannot say", w_short_unknown},
	{"a kernel word capitalised", w_caps_term},
	{"a word a list knows", w_known},
	{"a word of a developer's name", w_person_name},
	{"a word and an ending, its consonant doubled", w_doubled_ending},
	{"a word stretched for emphasis", w_stretched},
	{"a word and a letter", w_word_letter},
	{"two words espeak-ng says as one", w_compound},
	{"split into words", w_split},
	{"a word in a name's place", w_name_place},
	{"no vowel", w_no_vowel},
	{"a title glued to a word", w_title_handle},
	{"five consonants", w_five_consonants},
	{"a name and a word", w_name_word},
	{"a word and a name", w_first_word},
	{"British spelling", w_british},
	{"glued words", w_glued},
	{"letters English cannot say", w_unsayable},
	{"four consonants", w_four_consonants},
	{"a name and SS", w_ss_tail},
	{"an impossible start", w_onset},
	{"capitals and a v", w_caps_v},
	{"a kernel name by its parts", w_parts},
	{"mixed case, its small letters split", w_mixed_case},
	{"as written", w_as_written},
};

void say_word(struct en *e, const char *s, size_t n, int flags)
{
	if (!n)
		return;
	for (size_t r = 0; r < ARRAY_LEN(word_rules); r++)
		if (word_rules[r].say(e, s, n, flags))
			return;
}
