/*
 * speech.c: a block's written text into runs of spoken text, each in one
 * voice. Speech Markdown overrides, as speech_markup.c finds them, are
 * applied first ([500ms] pauses, (text)[sub:"..."], (text)[voice:"..."],
 * (text)[lang:"..."]); then
 * quotations inside a paragraph go to the quote voice, the text is split
 * into sentences, and each sentence into stretches of Han script (the
 * Mandarin voice) and of everything else (the English voice); each stretch
 * is normalised (speech_en.c, speech_zh.c) into what espeak-ng is given.
 *
 * In: a struct block and a struct speech_ctx (voices, lexicon, language).
 * Out: struct run, appended to the caller's array.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "speech_int.h"
#include "show/show.h"

static int explaining;

void speech_explain(int on)
{
	explaining = on;
}

/* ---- cleaning ---- */

/*
 * C0 controls, DEL and zero-width characters removed, white space (also
 * no-break and other Unicode spaces) collapsed and trimmed; the caller frees.
 */
/* Whether s[0..n) is a whole number a table's cell holds alone: "4",
 * "16384"; at most six characters, no leading zero but "0" itself (a
 * version, "3.16  Ben Hutchings", is no count: it keeps its voice). */
static int cell_number(const char *s, size_t n)
{
	if (!n || n > 6 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[n - 1]) || (s[0] == '0' && n > 1))
		return 0;
	int seps = 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && !(s[i] == ',' && !seps++))
			return 0;
	return 1;
}

static char *clean(const char *s)
{
	struct buf b = {0};
	int space = 0;
	/* "4   _/M       16  處理器報告了…": in a text with Han script, a gap of
	   a tab or two spaces or more inside a line parts a table's cells, said
	   as the Mandarin's enumeration pause (、), so that a number alone in a
	   cell goes with the row's Mandarin (四、M、十六) */
	int han = 0;
	for (const char *p = s; *p && !han; p++)
		han = (unsigned char)*p >= 0xE4 && (unsigned char)*p <= 0xE9;
	if (strchr(s, '|'))
		han = 0;     /* (a table drawn with bars has its separators) */
	size_t opened = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 0xC2) {
			uint32_t cp;
			int k = utf8_decode(s, strnlen(s, 4), &cp); /* a character is at most 4 bytes */
			if (k > 1 && (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
				      cp == 0x205F || cp == 0x3000)) {
				space = 1;
				s += k - 1;
				continue;
			}
			/* "size=50％": the full-width percent sign is the ASCII one, so
			   that it goes with its number in either voice */
			if (k == 3 && cp == 0xFF05) {
				if (space && b.len)
					buf_putc(&b, ' ');
				space = 0;
				buf_putc(&b, '%');
				s += k - 1;
				continue;
			}
			/* U+FFFD, what a bad byte became: never said (espeak-ng names it) */
			if (k > 1 && ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF || cp == 0xFFFD)) {
				s += k - 1;
				continue;
			}
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			if (han && space >= 0)
				space = c == '\n' || c == '\r' ? -1 : c == '\t' || (c == ' ' && space) ? 2 : 1;
			else if (!han)
				space = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (space && b.len) {
			/* (only beside a cell that is a number alone: "0x10   TLB索引" and
			   an address's "0000000000000000 |" keep their space) */
			size_t pb = b.len;
			while (pb > 0 && b.data[pb - 1] != ' ' && (unsigned char)b.data[pb - 1] < 0x80)
				pb--;
			size_t nl = 0;
			while (s[nl] && s[nl] != ' ' && s[nl] != '\t' && s[nl] != '\n' && (unsigned char)s[nl] < 0x80)
				nl++;
			/* a cell: a gap of its own before it (or the line's start) and after it */
			int after = !s[nl] || s[nl] == '\n' || s[nl] == '\t' || (s[nl] == ' ' && (s[nl + 1] == ' ' || s[nl + 1] == '\t'));
			int cell = han && space == 2 &&
				   ((cell_number(b.data + pb, b.len - pb) && (pb == 0 || pb == opened)) ||
				    (cell_number(s, nl) && after));
			buf_puts(&b, cell ? "\xe3\x80\x81" : " ");
			if (space == 2)
				opened = b.len;     /* (where a token after a wide gap starts) */
		}
		space = 0;
		buf_putc(&b, c);
	}
	return buf_detach(&b);
}

static char *trimmed(const char *s, size_t n)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

static int lang_is_zh(const char *lang)
{
	return lang && (strncasecmp(lang, "zh", 2) == 0 || strncasecmp(lang, "cmn", 3) == 0);
}

static int lang_is_en(const char *lang)
{
	return !lang || strncasecmp(lang, "en", 2) == 0;
}

char *speech_normalise(const struct speech_ctx *ctx, const char *text, const char *lang)
{
	char *c = clean(text);
	char *out;
	if (lang_is_zh(lang)) {
		out = speech_zh(ctx, c);
		if (ctx->explain && *c)
			buf_printf(ctx->explain, "%s\tCJK\tthe Mandarin normaliser (speech_zh.c)\t%s\n", c, out);
	} else if (lang_is_en(lang)) {
		/* "en-x-zh": English words inside a Chinese sentence */
		out = speech_en_in(ctx, c, strcasecmp(lang, "en-x-zh") == 0);
	} else {
		out = xstrdup(c);
	}
	free(c);
	return out;
}

/* ---- voices ---- */

static const struct voice *voice_for_lang(const struct voiceset *vs, const char *lang)
{
	if (!vs)
		return NULL;
	const struct voice *host = voiceset_find(vs, "host");
	if (host && host->lang && strncasecmp(host->lang, lang, strlen(lang)) == 0)
		return host;
	for (int i = 0; i < vs->n; i++)
		if (vs->v[i].lang && strncasecmp(vs->v[i].lang, lang, strlen(lang)) == 0)
			return &vs->v[i];
	return NULL;
}

/* The English voice to use where base would speak: base unless it speaks Mandarin. */
static const struct voice *english(const struct speech_ctx *ctx, const struct voice *base)
{
	if (base && !lang_is_zh(base->lang))
		return base;
	const struct voice *v = voice_for_lang(ctx->voices, "en");
	return v ? v : base;
}

static const struct voice *mandarin(const struct speech_ctx *ctx)
{
	if (ctx->zh)
		return ctx->zh;
	if (ctx->host && lang_is_zh(ctx->host->lang))
		return ctx->host;
	const struct voice *v = voice_for_lang(ctx->voices, "zh");
	return v ? v : voice_for_lang(ctx->voices, "cmn");
}

/* ---- pieces: the block split by overrides and quotations ---- */

struct piece {
	size_t st, en;               /* the text to speak, in the cleaned block */
	size_t dst, den;             /* the text as written, for display */
	int pause_ms;                /* silence before this piece */
	const struct voice *voice;   /* explicit voice, or NULL */
	char *lang;                  /* explicit language, or NULL */
	char *sub;                   /* explicit spoken form, or NULL */
	int quote;                   /* a quotation */
	char tail;                   /* punctuation written after the closing mark, or 0 */
	struct prosody pro;          /* rate, pitch, volume... modifiers */
};

struct pieces {
	struct piece *p;
	int n;
};

static struct piece *piece_add(struct pieces *ps, size_t st, size_t en)
{
	ps->p = xreallocarray(ps->p, (size_t)ps->n + 1, sizeof *ps->p);
	struct piece *p = &ps->p[ps->n++];
	memset(p, 0, sizeof *p);
	p->st = p->dst = st;
	p->en = p->den = en;
	return p;
}

static void pieces_free(struct pieces *ps)
{
	for (int i = 0; i < ps->n; i++) {
		free(ps->p[i].lang);
		free(ps->p[i].sub);
	}
	free(ps->p);
	ps->p = NULL;
	ps->n = 0;
}

static int break_strength(const char *s)
{
	static const struct { const char *name; int ms; } st[] = {
		{"none", 0}, {"x-weak", 100}, {"weak", 250}, {"medium", 400},
		{"strong", 750}, {"x-strong", 1200},
	};
	for (size_t i = 0; i < ARRAY_LEN(st); i++)
		if (strcmp(s, st[i].name) == 0)
			return st[i].ms;
	return -1;
}

/* ---- prosody and spoken forms ---- */

/* A named level of a prosody modifier and what it adds. */
struct level {
	const char *name;
	struct prosody add;
};

static const struct level rate_levels[] = {
	{"x-slow", {.rate = -40}}, {"slow", {.rate = -20}}, {"medium", {0}},
	{"fast", {.rate = 20}}, {"x-fast", {.rate = 45}},
};
static const struct level pitch_levels[] = {
	{"x-low", {.pitch = -25}}, {"low", {.pitch = -12}}, {"medium", {0}},
	{"high", {.pitch = 12}}, {"x-high", {.pitch = 25}},
};
static const struct level volume_levels[] = {
	{"silent", {.volume = -100}}, {"x-soft", {.volume = -60}}, {"soft", {.volume = -35}},
	{"medium", {0}}, {"loud", {.volume = 35}}, {"x-loud", {.volume = 70}},
};
/* Emphasis: slower, wider and louder; "reduced" the other way. */
static const struct level emphasis_levels[] = {
	{"none", {0}}, {"reduced", {.rate = 5, .pitch = -4, .range = -15, .volume = -15}},
	{"mild", {.rate = -5, .pitch = 3, .range = 12, .volume = 8}},   /* *text*, when the show asks */
	{"moderate", {.rate = -10, .pitch = 6, .range = 25, .volume = 15}},
	{"strong", {.rate = -18, .pitch = 10, .range = 40, .volume = 30}},
};

static void prosody_add(struct prosody *p, const struct prosody *a)
{
	p->rate += a->rate;
	p->pitch += a->pitch;
	p->range += a->range;
	p->volume += a->volume;
	p->whisper |= a->whisper;
}

/* Finds val in a table of levels; "NN%" sets rate or volume to NN percent. 0, or -1. */
static int apply_level(const struct level *t, size_t n, const char *val, int *pct, struct prosody *p)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(val, t[i].name) == 0) {
			prosody_add(p, &t[i].add);
			return 0;
		}
	size_t l = strlen(val);
	if (pct && l >= 2 && l <= 4 && val[l - 1] == '%' && strspn(val, "0123456789") == l - 1) {
		int v = atoi(val);
		if (v < 20 || v > 300)
			return -1;
		*pct += v - 100;
		return 0;
	}
	return -1;
}

/* The written text of piece p, which a spoken form replaces. */
static int set_sayas(const struct speech_ctx *ctx, const struct block *b, const char *text,
		     struct piece *p, const char *key, char *said)
{
	if (said == NULL) {
		msg(MSG_SPEECH_SAY_AS, ctx->file, b->line, 0, "\"%.*s\"" MSG_SEP "%s",
		    (int)(p->en - p->st), text + p->st, key);
		return 0;
	}
	free(p->sub);
	p->sub = said;
	return 0;
}

/*
 * How much of s[0..n) a message quotes: at most 60 bytes, cut at a
 * character, so that no input makes a message longer than a line.
 */
static int quoted_len(const char *s, size_t n)
{
	if (n <= 60)
		return (int)n;
	n = 60;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/*
 * Parses the modifiers of "[key:"value"; key:"value"]" at s (just after
 * '['), up to close. Fills p (text: the cleaned block p indexes); reports
 * problems and returns -1. An unknown modifier is a warning and is ignored.
 */
static int parse_modifiers(const struct speech_ctx *ctx, const struct block *b, const char *text,
			   const char *s, size_t n, struct piece *p, int *pause)
{
	size_t i = 0;
	struct speech_modifier m;
	int got;
	while ((got = speech_markup_modifier(s, n, &i, &m)) != 0) {
		if (got == SPEECH_MOD_BAD_KEY || (got == 1 && m.bare && pause)) {
			/* not a key (the loop would never advance), or a bare key in a pause */
			msg(MSG_SPEECH_BAD_MARKUP, ctx->file, b->line, 0, "\"%.*s\"", quoted_len(s, n), s);
			return -1;
		}
		if (got == SPEECH_MOD_UNTERMINATED) {
			msg(MSG_SPEECH_UNTERMINATED_VALUE, ctx->file, b->line, 0, "\"%.*s\"", quoted_len(s, n), s);
			return -1;
		}
		char *key = xstrndup(m.key, m.keylen);
		char *val = xstrndup(m.val, m.vallen);
		int rc = 0;
		if (strcmp(key, "sub") == 0) {
			free(p->sub);
			p->sub = clean(val);
		} else if (strcmp(key, "voice") == 0) {
			const struct voice *v = ctx->voices ? voiceset_find(ctx->voices, val) : NULL;
			if (!v) {
				msg(MSG_UNKNOWN_VOICE, ctx->file, b->line, 0, "\"%s\"", val);
				rc = -1;
			}
			p->voice = v;
		} else if (strcmp(key, "lang") == 0) {
			if (!lang_is_en(val) && !lang_is_zh(val) && !voice_for_lang(ctx->voices, val)) {
				msg(MSG_SPEECH_NO_LANG_VOICE, ctx->file, b->line, 0, "\"%s\"", val);
				rc = -1;
			}
			free(p->lang);
			p->lang = xstrdup(val);
		} else if (strcmp(key, "break") == 0 && pause) {
			int ms = speech_markup_duration(val, strlen(val));
			if (ms < 0)
				ms = break_strength(val);
			if (ms < 0) {
				msg(MSG_SPEECH_BAD_PAUSE, ctx->file, b->line, 0, "\"%s\"", val);
				rc = -1;
			}
			*pause = ms;
		} else if (pause) {
			msg(MSG_SPEECH_UNKNOWN_MODIFIER, ctx->file, b->line, 0, "\"%s\"", key);
			rc = -1;
		} else if (strcmp(key, "rate") == 0 || strcmp(key, "pitch") == 0 ||
			   strcmp(key, "volume") == 0 || strcmp(key, "emphasis") == 0) {
			int e = key[0] == 'e';
			const struct level *t = key[0] == 'r' ? rate_levels : key[0] == 'p' ? pitch_levels :
						e ? emphasis_levels : volume_levels;
			size_t nt = key[0] == 'r' ? ARRAY_LEN(rate_levels) : key[0] == 'p' ?
				    ARRAY_LEN(pitch_levels) : e ? ARRAY_LEN(emphasis_levels) :
				    ARRAY_LEN(volume_levels);
			int *pct = key[0] == 'r' ? &p->pro.rate : key[0] == 'v' ? &p->pro.volume : NULL;
			if (apply_level(t, nt, e && !*val ? "moderate" : val, pct, &p->pro) != 0) {
				msg(MSG_SPEECH_BAD_LEVEL, ctx->file, b->line, 0, "%s" MSG_SEP "\"%s\"", key, val);
				rc = -1;
			}
		} else if (strcmp(key, "whisper") == 0) {
			p->pro.whisper = 1;
		} else if (strcmp(key, "characters") == 0 || strcmp(key, "chars") == 0) {
			rc = set_sayas(ctx, b, text, p, "characters",
				       sayas_characters(text + p->st, p->en - p->st));
		} else if (strcmp(key, "number") == 0) {
			rc = set_sayas(ctx, b, text, p, "a number", sayas_number(text + p->st, p->en - p->st));
		} else if (strcmp(key, "date") == 0) {
			char *fmt = xasprintf("a date (%s)", *val ? val : "mdy");
			rc = set_sayas(ctx, b, text, p, fmt,
				       sayas_date(text + p->st, p->en - p->st, *val ? val : "mdy"));
			free(fmt);
		} else if (strcmp(key, "ipa") == 0) {
			char bad[8] = "";
			char *said = sayas_ipa(val, bad, sizeof bad);
			if (said == NULL)
				msg(MSG_SPEECH_IPA, ctx->file, b->line, 0, "\"%s\"" MSG_SEP "\"%s\"", bad, val);
			else
				rc = set_sayas(ctx, b, text, p, "ipa", said);
		} else {
			msg(MSG_SPEECH_IGNORED_MODIFIER, ctx->file, b->line, 0, "\"%s\"", key);
		}
		free(key);
		free(val);
		if (rc)
			return -1;
	}
	return 0;
}

/* The state of split_overrides, for the markup scanner's callback. */
struct overrides {
	const struct speech_ctx *ctx;
	const struct block *b;
	const char *s;        /* the cleaned block */
	struct pieces *ps;
	size_t st;            /* where the text not yet in a piece starts */
	int pause;            /* pending silence */
	int rc;               /* -1 once an error was reported */
	int unterminated;     /* one was reported: the rest of the block is its text */
};


/* The text before element e as a piece of its own, with the pending pause. */
static void text_before(struct overrides *o, const struct speech_markup *e)
{
	if (e->st > o->st) {
		piece_add(o->ps, o->st, e->st)->pause_ms = o->pause;
		o->pause = 0;
	}
	o->st = e->en;
}

/* One element of the markup (speech_markup_scan's callback); never stops the scan. */
static int on_markup(const struct speech_markup *e, void *ud)
{
	struct overrides *o = ud;
	const char *s = o->s;
	size_t len = e->men - e->mst;
	int ms = e->ms;
	switch (e->kind) {
	case SPEECH_MARKUP_BREAK: {
		struct piece tmp = {0};
		if (parse_modifiers(o->ctx, o->b, s, s + e->mst, len, &tmp, &ms) != 0)
			o->rc = -1;
		free(tmp.sub);
		free(tmp.lang);
	}
		/* fall through */
	case SPEECH_MARKUP_PAUSE:
		if (ms > 60000) {
			msg(MSG_SPEECH_PAUSE_TOO_LONG, o->ctx->file, o->b->line, 0, "\"%.*s\"",
			    quoted_len(s + e->mst, len), s + e->mst);
			o->rc = -1;
		}
		text_before(o, e);
		if (ms > 0)
			o->pause += ms;
		return 0;
	case SPEECH_MARKUP_UNTERMINATED:
		/* once a block: each '(' after it would quote the same rest again */
		if (!o->unterminated) {
			const char *u = s + e->mst - 1;
			int n = quoted_len(u, strlen(u));
			msg(MSG_SPEECH_UNTERMINATED, o->ctx->file, o->b->line, 0, "\"%.*s%s\"", n, u,
			    u[n] ? "..." : "");
		}
		o->unterminated = 1;
		o->rc = -1;
		return 0;
	case SPEECH_MARKUP_MODIFIED: {
		text_before(o, e);
		struct piece *p = piece_add(o->ps, e->tst, e->ten);
		p->pause_ms = o->pause;
		o->pause = 0;
		if (parse_modifiers(o->ctx, o->b, s, s + e->mst, len, p, NULL) != 0)
			o->rc = -1;
		return 0;
	}
	case SPEECH_MARKUP_INSERT:
		/* episode.c has cut the block at it; in a heading it is spoken as written */
		return 0;
	}
	return 0;
}

/* Splits the cleaned text at Speech Markdown; -1 after reporting errors. */
static int split_overrides(const struct speech_ctx *ctx, const struct block *b,
			   const char *s, struct pieces *ps)
{
	size_t n = strlen(s);
	struct overrides o = {.ctx = ctx, .b = b, .s = s, .ps = ps};
	speech_markup_scan(s, n, on_markup, &o);
	if (n > o.st || o.pause) {
		struct piece *p = piece_add(ps, o.st, n);
		p->pause_ms = o.pause;
	}
	return o.rc;
}

/* ---- quotations ---- */

static int is_space_at(const char *s, size_t n, size_t i)
{
	return i >= n || s[i] == ' ';
}

/* The code point before s[i] (0 at the start) and at s[i] (0 at the end). */
static uint32_t cp_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	uint32_t cp = 0;
	return utf8_decode(s + j, i - j, &cp) ? cp : 0;
}

static uint32_t cp_at(const char *s, size_t n, size_t i)
{
	uint32_t cp = 0;
	return i < n && utf8_decode(s + i, n - i, &cp) ? cp : 0;
}

static int is_opening_punct(uint32_t c)
{
	return c == '(' || c == '[' || c == '{' || c == 0x2014 || text_is_cjk_punct(c);
}

/* Quote mark at s[i]: its length, and whether it can open or close. */
static int quote_mark(const char *s, size_t n, size_t i, int *can_open, int *can_close)
{
	uint32_t c = cp_at(s, n, i);
	int len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	*can_open = *can_close = 0;
	switch (c) {
	case 0x300C: case 0x300E: case 0x00AB: case 0x201E:  /* 「 『 « „ */
		*can_open = 1;
		return len;
	case 0x300D: case 0x300F: case 0x00BB:                /* 」 』 » */
		*can_close = 1;
		return len;
	case '"': case 0x201C: case 0x201D: {                 /* " “ ” */
		uint32_t prev = cp_before(s, i);
		uint32_t next = cp_at(s, n, i + (size_t)len);
		int prev_open = prev == 0 || prev == ' ' || is_opening_punct(prev) || text_is_han(prev);
		int next_close = next == 0 || next == ' ' || (next < 0x80 && ispunct((int)next)) ||
				 text_is_han(next) || text_is_cjk_punct(next);
		*can_open = prev_open && !is_space_at(s, n, i + (size_t)len) && next != 0;
		*can_close = !(prev == 0 || prev == ' ') && next_close;
		if (c == 0x201C && *can_open)
			*can_close = 0;
		if (c == 0x201D && *can_close)
			*can_open = 0;
		return len;
	}
	default:
		return 0;
	}
}

static int count_words(const char *s, size_t n)
{
	int w = 0, in = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ') {
			in = 0;
		} else if (!in) {
			in = 1;
			w++;
		}
	}
	return w;
}

/*
 * 1 when the word before the opening mark at s[i] makes what follows a
 * name, not someone's words: an article or a naming verb ("the “no
 * regressions rule”", "a so-called “big kernel lock”", "called “the
 * merge window”", "叫“guest vCPU stall detector”").
 */
static int names_what_follows(const char *s, size_t st, size_t i)
{
	static const char *const namers[] = {"the", "a", "an", "this", "these", "those", "its", "their",
					     "our", "his", "her", "your", "so-called", "called", "named", "dubbed",
					     "termed", "titled", "entitled"};
	static const char *const han[] = {"叫", "称为", "名为", "所谓", "叫做", "命名为", "题为"};
	size_t e = i;
	while (e > st && s[e - 1] == ' ')
		e--;
	for (size_t k = 0; k < ARRAY_LEN(han); k++) {
		size_t hl = strlen(han[k]);
		if (e - st >= hl && memcmp(s + e - hl, han[k], hl) == 0)
			return 1;
	}
	size_t b = e;
	while (b > st && s[b - 1] != ' ')
		b--;
	if (b == e || e - b > 12)
		return 0;
	char w[16];
	for (size_t k = 0; k < e - b; k++)
		w[k] = (char)tolower((unsigned char)s[b + k]);
	w[e - b] = 0;
	for (size_t k = 0; k < ARRAY_LEN(namers); k++)
		if (strcmp(w, namers[k]) == 0)
			return 1;
	return 0;
}

/*
 * Splits a plain piece at quotations of three words or more (shorter ones,
 * "merge window", are scare quotes and stay in the speaker's voice, and so
 * do names of up to five words after an article or a naming verb).
 */
static void split_quotes(const char *s, const struct piece *in, struct pieces *out)
{
	size_t n = in->en, st = in->st, i = in->st;
	int pause = in->pause_ms;
	while (i < n) {
		int o, c;
		int len = quote_mark(s, n, i, &o, &c);
		if (!len || !o) {
			i += len ? (size_t)len : 1;
			continue;
		}
		/* find the closing mark */
		size_t j = i + (size_t)len, close = 0;
		int clen = 0;
		while (j < n) {
			int o2, c2;
			int l2 = quote_mark(s, n, j, &o2, &c2);
			if (l2 && c2) {
				close = j;
				clen = l2;
				break;
			}
			j += l2 ? (size_t)l2 : 1;
		}
		if (!clen) {
			i += (size_t)len;
			continue;
		}
		size_t qs = i + (size_t)len, qe = close;
		int words = count_words(s + qs, qe - qs);
		if (words < 3 || (words <= 5 && names_what_follows(s, st, i))) {
			i = close + (size_t)clen;
			continue;
		}
		if (i > st) {
			struct piece *p = piece_add(out, st, i);
			p->pause_ms = pause;
			pause = 0;
		}
		struct piece *q = piece_add(out, qs, qe);
		q->dst = i;
		q->den = close + (size_t)clen;
		q->quote = 1;
		q->pause_ms = pause;
		pause = 0;
		i = st = close + (size_t)clen;
		/* “a good start”. Then: the mark after the quotation ends it */
		if (i < n && strchr(".,;:!?", s[i]) && (i + 1 >= n || s[i + 1] == ' ' || s[i + 1] == ')')) {
			q->tail = s[i];
			q->den = ++i;
			st = i;
		}
	}
	if (n > st || pause) {
		struct piece *p = piece_add(out, st, n);
		p->pause_ms = pause;
		if (st == in->st)
			p->dst = in->dst, p->den = in->den;
	}
}

/* ---- sentences ---- */

/*
 * 1 when the full stop at s[dot] does not end the sentence: initials
 * ("Andrew S. Tanenbaum", "K.P. Singh"), or an abbreviation by text.h's
 * one list (a final one, "etc.", only before a lower-case word).
 */
static int is_abbrev_before(const char *s, size_t dot)
{
	size_t st = dot;
	while (st > 0 && s[st - 1] != ' ' && s[st - 1] != '(')
		st--;
	size_t n = dot - st;
	int initials = n % 2 == 1;
	for (size_t i = 0; i < n && initials; i++)
		if (i % 2 ? s[st + i] != '.' : !isupper((unsigned char)s[st + i]))
			initials = 0;
	if (initials)
		return 1;
	enum text_abbr a = text_abbreviation(s + st, n);
	if (a == TEXT_ABBR_FINAL) {
		size_t j = dot + 1;
		while (s[j] == ' ')
			j++;
		return s[j] >= 'a' && s[j] <= 'z';
	}
	return a == TEXT_ABBR_INNER;
}

/*
 * 1 when the word before the full stop at s[dot] is one to four small
 * letters or a month's abbreviation: before a number it is an abbreviation
 * ("d. 1468", "c. 1850", "p. 82", "vol. 3", "Oct. 2010"), not the end of a
 * sentence.
 */
static int short_lower_before(const char *s, size_t st, size_t dot)
{
	static const char *const months[] = {
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	};
	size_t w = dot;
	while (w > st && islower((unsigned char)s[w - 1]))
		w--;
	if (w > st && isupper((unsigned char)s[w - 1]) && (w - 1 == st || s[w - 2] == ' ' || s[w - 2] == '('))
		for (size_t i = 0; i < ARRAY_LEN(months); i++)    /* "27 Oct. 2010" */
			if (strlen(months[i]) == dot - w + 1 && strncmp(months[i], s + w - 1, dot - w + 1) == 0)
				return 1;
	return dot - w >= 1 && dot - w <= 4 && (w == st || s[w - 1] == ' ' || s[w - 1] == '(');
}

/*
 * 1 when the word before the full stop at s[dot] is "ch" or "pt" (any case)
 * and s[r..] a capital Roman numeral (I, V and X, not I alone) ending its word, and no number
 * stands before the abbreviation ("12 pt." is a point size): "see
 * ch. IV", "pt. III" are a chapter's and a part's number, not a sentence's
 * end ("vol." and "vols." hold before anything: text.c's abbreviations).
 */
static int part_abbr_roman(const char *s, size_t st, size_t dot, size_t r, size_t en)
{
	if (dot < st + 2 || (dot > st + 2 && s[dot - 3] != ' ' && s[dot - 3] != '(') ||
	    (strncasecmp(s + dot - 2, "ch", 2) != 0 && strncasecmp(s + dot - 2, "pt", 2) != 0))
		return 0;
	size_t k = r;
	while (k < en && k - r < 7 && (s[k] == 'I' || s[k] == 'V' || s[k] == 'X'))
		k++;
	/* not a lone I (the pronoun), not after a number ("12 pt. I think": a point size) */
	size_t b = dot - 2;
	while (b > st && s[b - 1] == ' ')
		b--;
	if (b > st && b < dot - 2 && isdigit((unsigned char)s[b - 1]))
		return 0;
	return k > r + (s[r] == 'I' && k == r + 1) && (k == en || !isalnum((unsigned char)s[k]));
}

/* The end of the sentence that starts at st (at most en). */
static size_t sentence_end(const char *s, size_t st, size_t en)
{
	for (size_t i = st; i < en;) {
		uint32_t c = cp_at(s, en, i);
		int len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F) {        /* 。！？ */
			size_t j = i + (size_t)len;
			while (j < en) {
				uint32_t d = cp_at(s, en, j);
				if (d != 0x201D && d != 0x300D && d != 0x300F && d != 0xFF09 && d != ' ')
					break;
				j += d < 0x80 ? 1 : 3;
			}
			if (j < en)
				return j;
		} else if (c == '.' || c == '!' || c == '?' || c == 0x2026) {
			size_t j = i + (size_t)len;
			while (j < en && (s[j] == '"' || s[j] == ')' || s[j] == '\'' ||
					  cp_at(s, en, j) == 0x201D || cp_at(s, en, j) == 0x2019))
				j += s[j] == '"' || s[j] == ')' || s[j] == '\'' ? 1 : 3;
			if (j < en && s[j] == ' ' && j + 1 < en) {
				uint32_t d = cp_at(s, en, j + 1);
				int starts = (d < 0x80 && (isupper((int)d) || isdigit((int)d) || d == '"' || d == '(')) ||
					     d == 0x201C || text_is_han(d) || d == 0x300C;
				if (starts && !(c == '.' && (is_abbrev_before(s, i) ||
							      (d < 0x80 && isdigit((int)d) && short_lower_before(s, st, i)) ||
							      part_abbr_roman(s, st, i, j + 1, en))))
					return j;
			}
		}
		i += (size_t)len;
	}
	return en;
}

/* ---- scripts ---- */

enum sclass { SC_NONE, SC_LATIN, SC_HAN };

static enum sclass script_of(uint32_t c)
{
	if (text_is_han(c) || text_is_cjk_punct(c))
		return SC_HAN;
	if ((c < 0x80 && isalpha((int)c)) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x370 && c <= 0x52F) || (c >= 0xFF21 && c <= 0xFF5A))
		return SC_LATIN;
	return SC_NONE;
}

struct unit {
	size_t st, en;
	enum sclass sc;
};

/* Whether s[i..] is a date 2022-12-11 (or 2022/12/11) standing alone. */
static int iso_date_at(const char *s, size_t i, size_t en)
{
	if (i + 10 > en)
		return 0;
	for (size_t k = 0; k < 10; k++)
		if (k == 4 || k == 7 ? s[i + k] != s[i + 4] || (s[i + k] != '-' && s[i + k] != '/') :
				       !isdigit((unsigned char)s[i + k]))
			return 0;
	long long m = num_parse(s + i + 5, 2), d = num_parse(s + i + 8, 2);
	return m >= 1 && m <= 12 && d >= 1 && d <= 31 && (i + 10 == en || !isalnum((unsigned char)s[i + 10]));
}

/* Whether s[i..] is a date written with dots, 2020.11.21, standing alone: a
 * year from 1970 to 2099, a month and a day of two digits each. */
static int dotted_date_at(const char *s, size_t i, size_t en)
{
	if (i + 10 > en || s[i + 4] != '.' || s[i + 7] != '.')
		return 0;
	for (size_t k = 0; k < 10; k++)
		if (k != 4 && k != 7 && !isdigit((unsigned char)s[i + k]))
			return 0;
	long long y = num_parse(s + i, 4), m = num_parse(s + i + 5, 2), d = num_parse(s + i + 8, 2);
	return y >= 1970 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
	       (i + 10 == en || !(isalnum((unsigned char)s[i + 10]) ||
				  (s[i + 10] == '.' && i + 11 < en && isdigit((unsigned char)s[i + 11]))));
}

/* Whether s[st..en) has a Latin letter in small letters (a word of English). */
static int lower_latin_in(const char *s, size_t st, size_t en)
{
	for (size_t i = st; i < en; i++)
		if (islower((unsigned char)s[i]))
			return 1;
	return 0;
}

/*
 * Splits s[st..en) into stretches of Han and Latin script. Digits, spaces
 * and punctuation go with the script they are attached to: "Linux 6.3 发布"
 * keeps 6.3 with Linux, "第 45 期" keeps 45 with the Han; dflt decides
 * when there is no script at all.
 */
/* "Raspberry Pi Zero 2 W 在此版本中": two capitalised Latin words before
 * s[i] (a space apart) name a board, whose digit and capital set apart
 * are its model ("two W", the English side's m_board_letter), no
 * Mandarin measure (两瓦). */
static int board_before(const char *s, size_t st, size_t i)
{
	size_t k = i;
	for (int w = 0; w < 2; w++) {
		if (k <= st || s[k - 1] != ' ')
			return 0;
		k--;
		size_t e = k;
		while (k > st && isalpha((unsigned char)s[k - 1]))
			k--;
		if (e - k < 2 || !isupper((unsigned char)s[k]) || !islower((unsigned char)s[k + 1]))
			return 0;
	}
	return 1;
}

static int split_scripts(const char *s, size_t st, size_t en, enum sclass dflt, struct unit *u, int max)
{
	size_t n = en;
	/* classes per byte (the lead byte of each code point) */
	enum sclass *cl = xcalloc(en - st + 1, sizeof *cl);
	for (size_t i = st; i < en;) {
		uint32_t c = cp_at(s, n, i);
		int len = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (!c)
			len = 1;
		for (int k = 0; k < len && i + (size_t)k < en; k++)
			cl[i - st + (size_t)k] = script_of(c);
		i += (size_t)len;
	}
	/* a number and its unit after Han script are Mandarin's: "频率 2.5 GHz" */
	size_t chain = (size_t)-1;      /* where the last such number or unit ended */
	for (size_t i = st; i < en;) {
		if (!isdigit((unsigned char)s[i]) || (i > st && isdigit((unsigned char)s[i - 1]))) {
			i++;
			continue;
		}
		size_t b = i;
		if (b > st && s[b - 1] == '-')
			b--;        /* "温度 -40°C": a minus sign goes with its number */
		while (b > st && s[b - 1] == ' ')
			b--;
		/* "延迟 < 50μs", "≥ 5.10": a comparison sign between Han and a number
		   goes with them (小于五十微秒) */
		for (size_t k = 1, cl2; k <= 3 && b >= st + k; k++)
			if (zh_compare_at(s + b - k, en - (b - k), &cl2) && cl2 == k && b - k > st) {
				size_t q = b - k;
				while (q > st && s[q - 1] == ' ')
					q--;
				if (q > st && cl[q - 1 - st] == SC_HAN)
					b = q;
				break;
			}
		enum sclass before = b > st ? cl[b - 1 - st] : dflt;
		/* "500ms~10s", "5~10 ms", "50ms-1s": the second number of a range goes
		   with the first */
		size_t r = i;
		while (r > st && s[r - 1] == ' ')
			r--;
		if (r > st && (s[r - 1] == '~' || s[r - 1] == '-')) {
			size_t q = r - 1;
			while (q > st && s[q - 1] == ' ')
				q--;
			if (q == chain)
				before = SC_HAN;
		}
		/* "2 x 16GB", "2 × 16GB": the second factor of a product after Han
		   goes with the first (二乘十六吉字节) */
		if (r > st && r == chain && r < i && s[r - 1] == 'x')
			before = SC_HAN;
		if (r >= st + 2 && r < i && memcmp(s + r - 2, "\xc3\x97", 2) == 0) {     /* "2 × 16GB" */
			size_t q = r - 2;
			while (q > st && s[q - 1] == ' ')
				q--;
			if (q == chain)
				before = SC_HAN;
		}
		size_t j = i;
		while (j < en && (isdigit((unsigned char)s[j]) || ((s[j] == '.' || s[j] == ',') && j + 1 < en &&
								 isdigit((unsigned char)s[j + 1]))))
			j++;
		size_t u = j, ul;
		while (u < en && s[u] == ' ')
			u++;
		if (before == SC_HAN)
			chain = j;
		/* "Linux 2024 年", "CVE-2024-1086:2024 年": a year before 年 after an
		   English word, or after an ID's colon, is Mandarin's (二零二四年) */
		if (before != SC_HAN && j - i == 4 && (s[i] == '1' || s[i] == '2') && s[i - (i > st)] != '-' && u + 3 <= en &&
		    memcmp(s + u, "\xe5\xb9\xb4", 3) == 0 &&
		    (before == SC_LATIN || (b > st + 1 && s[b - 1] == ':' && isdigit((unsigned char)s[b - 2])))) {
			for (size_t k = i; k < u; k++)
				cl[k - st] = SC_HAN;
			i = j;
			continue;
		}
		/* "6.1 (LTS) 2022-12-11 2026-12-31": a table's row in a Chinese
		   text, no Han in it and no Latin word in small letters (no English
		   sentence), says its dates in Mandarin (二零二二年十二月十一日); so
		   does a date before Han, "Linux 6.1 2022-12-11 发布" */
		size_t dh = i + 10;
		while (dh < en && s[dh] == ' ')
			dh++;
		if (before != SC_HAN && dflt == SC_HAN && iso_date_at(s, i, en) && (i == st || !isalnum((unsigned char)s[i - 1])) &&
		    (!lower_latin_in(s, st, en) || (dh < en && cl[dh - st] == SC_HAN))) {
			for (size_t k = i; k < i + 10; k++)
				cl[k - st] = SC_HAN;
			i += 10;
			continue;
		}
		/* "(From tinylab.org 2020.11.21)", "更新于 2022.03.08": a date written
		   with dots in a Chinese text is Mandarin's (二零二零年十一月二十一日),
		   after an English word too; not a version's part ("v2020.11.21",
		   "1.2020.11.21") */
		if (dflt == SC_HAN && dotted_date_at(s, i, en) &&
		    (i == st || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.' || s[i - 1] == '-' || s[i - 1] == '_'))) {
			for (size_t k = i; k < i + 10; k++)
				cl[k - st] = SC_HAN;
			i += 10;
			continue;
		}
		/* "占用 50%CPU", "1.5%CPU使用率": a percentage after Han (or opening a
		   Chinese line) glued before an English word is Mandarin's, 百分之五十 */
		if (j < en && s[j] == '%' && j + 1 < en && cl[j + 1 - st] == SC_LATIN &&
		    (before == SC_HAN || (b == st && dflt == SC_HAN))) {
			for (size_t k = (b == st ? st : i); k <= j; k++)
				cl[k - st] = SC_HAN;
			i = j;
			continue;
		}
		/* "Linux 30 岁了": a count apart from the English word before it,
		   said with a Han measure word, is Mandarin's (三十岁); so after a
		   label's colon glued to it, "OpenSSL:10秒钟" */
		int label = b == i && b > st + 1 && s[b - 1] == ':' && cl[b - 2 - st] == SC_LATIN;
		if (((before == SC_LATIN && b > st && b < i && s[b - 1] != '-') || label) && !memchr(s + i, '.', j - i) && u > j - 1 &&
		    u < en && zh_measure_at(s + u, en - u)) {
			for (size_t k = i; k < u; k++)
				cl[k - st] = SC_HAN;
			i = j;
			continue;
		}
		/* "昇腾910B", "麒麟9000S", "飞腾2000+": a chip family's model number
		   after Han, with its letters and plus glued, is Mandarin's (九一零B) */
		size_t cs;
		if (before == SC_HAN && j - i >= 3 && j - i <= 5 && u == j && zh_chip_family_before(s, i) &&
		    (cs = zh_chip_suffix(s + j, en - j)) > 0) {
			for (size_t k = j; k < j + cs; k++)
				cl[k - st] = SC_NONE;
			chain = j + cs;
			i = j + cs;
			continue;
		}
		if (before == SC_HAN && u < en && zh_unit_at(s + u, en - u, &ul) >= 0) {
			for (size_t k = u; k < u + ul; k++)
				cl[k - st] = SC_NONE;
			chain = u + ul;
		} else if (before == SC_HAN && u == j && u + 1 < en && s[u] == '+' &&
			   zh_unit_at(s + u + 1, en - u - 1, &ul) >= 0) {
			/* "超过100+TB": more than a measure, the plus glued between the
			   number and its unit, is Mandarin's too (一百多太字节) */
			for (size_t k = u; k < u + 1 + ul; k++)
				cl[k - st] = SC_NONE;
			chain = u + 1 + ul;
		} else if ((before == SC_LATIN || (b > st + 1 && s[b - 1] == ':' && cl[b - 2 - st] == SC_LATIN)) &&
			   (b == st || s[b - 1] != '-') && (b < i || label) && u < en && zh_unit_at(s + u, en - u, &ul) >= 0 &&
			   !(u > j && ul == 1 && j - i <= 2 && isupper((unsigned char)s[u]) && board_before(s, st, i))) {
			/* "Intel 2.5G 网卡": a number and its unit before Han
			   script are Mandarin's too, after an English name (and
			   after its colon, "page: 4KB页", "GnuPG:1GB文件") */
			size_t h = u + ul;
			while (h < en && s[h] == ' ')
				h++;
			if (h < en && cl[h - st] == SC_HAN)
				for (size_t k = i; k < h; k++)
					cl[k - st] = SC_HAN;
		}
		i = j;
	}
	/* "版本号从 6.x 跃升", "2004 年的 2.6.x 起": a series' x after a number after Han script is
	   Mandarin's (六点X), as the number is; "Linux 6.x" stays with Linux */
	for (size_t i = st + 2; i < en; i++) {
		if ((s[i] != 'x' && s[i] != 'X') || s[i - 1] != '.' || !isdigit((unsigned char)s[i - 2]) ||
		    (i + 1 < en && (isalnum((unsigned char)s[i + 1]) || s[i + 1] == '.')))
			continue;
		size_t b = i - 2;      /* (over "2.6" of "2.6.x" too) */
		while (b > st && (isdigit((unsigned char)s[b - 1]) || (s[b - 1] == '.' && b - 1 > st && isdigit((unsigned char)s[b - 2]))))
			b--;
		while (b > st && s[b - 1] == ' ')
			b--;
		size_t h = i + 1;
		while (h < en && s[h] == ' ')
			h++;
		if ((b > st && cl[b - 1 - st] == SC_HAN) || (b == st && h < en && cl[h - st] == SC_HAN))
			cl[i - st] = SC_NONE;   /* "2.6.x版本是": at the start, before Han, too */
	}
	/* neutral stretches */
	for (size_t i = st; i < en;) {
		if (cl[i - st] != SC_NONE) {
			i++;
			continue;
		}
		size_t a = i;
		while (i < en && cl[i - st] == SC_NONE)
			i++;
		enum sclass prev = a > st ? cl[a - 1 - st] : SC_NONE;
		enum sclass next = i < en ? cl[i - st] : SC_NONE;
		size_t cut = i;    /* [a, cut) to prev, [cut, i) to next */
		/* "(3)CVE 分配": a list number in brackets glued before an English
		   word, opening the line or after Han, is the Mandarin's (三) */
		size_t ln = a;
		while (ln < i && s[ln] == ' ')
			ln++;
		int listno = next == SC_LATIN && prev != SC_LATIN && i - ln >= 3 && i - ln <= 4 && s[ln] == '(' &&
			     s[i - 1] == ')' && isdigit((unsigned char)s[ln + 1]) && isdigit((unsigned char)s[i - 2]) &&
			     (prev == SC_HAN || dflt == SC_HAN);
		/* "1 openEuler操作系统介绍", "2. Linux 内核": a heading's number
		   opening a Chinese line before an English word, Han after it, is
		   the Mandarin's (一) */
		size_t hd = ln;
		while (hd < i && isdigit((unsigned char)s[hd]))
			hd++;
		size_t he = hd + (hd < i && (s[hd] == '.' || s[hd] == ')'));
		while (he < i && s[he] == ' ')
			he++;
		int heading = next == SC_LATIN && prev == SC_NONE && a == st && dflt == SC_HAN && hd > ln &&
			      hd - ln <= 2 && he == i && he > hd;
		size_t han = i;      /* ...and Han somewhere after it */
		while (heading && han < en && cl[han - st] != SC_HAN)
			han++;
		heading = heading && han < en;
		if (listno || heading) {
			for (size_t k = a; k < i; k++)
				cl[k - st] = SC_HAN;
			continue;
		}
		if (prev == SC_NONE && next == SC_NONE) {
			prev = next = dflt;
		} else if (prev == SC_NONE) {
			cut = a;
		} else if (next != SC_NONE && next != prev) {
			/* what is glued to the next script goes with it */
			size_t k = i;
			while (k > a && s[k - 1] != ' ')
				k--;
			cut = k;
			if (cut == a && prev == SC_LATIN)
				cut = i;   /* glued on both sides, "v6.3版": with the Latin */
			/* "密码登录 +root": a plus after Han, before a word, is Mandarin's 加 */
			if (prev == SC_HAN && next == SC_LATIN && cut + 1 == i && s[cut] == '+' &&
			    (cut == a || s[cut - 1] == ' '))
				cut = i;
			/* "内核 4.x (2015) 添加了": a year in brackets before Han is Mandarin's */
			for (size_t p = a; prev == SC_LATIN && next == SC_HAN && p + 6 <= i; p++)
				if (s[p] == '(' && (p == a || s[p - 1] == ' ') && isdigit((unsigned char)s[p + 1]) &&
				    isdigit((unsigned char)s[p + 2]) && isdigit((unsigned char)s[p + 3]) &&
				    isdigit((unsigned char)s[p + 4]) && s[p + 5] == ')' &&
				    (s[p + 1] == '1' ? s[p + 2] == '9' : s[p + 1] == '2' && s[p + 2] == '0')) {
					size_t q = p + 6;
					while (q < i && s[q] == ' ')
						q++;
					if (q == i)
						cut = p;
					break;
				}
			/* "(RAID 5/6)、": two numbers with a slash after a name in
			   capitals, before a closing mark, are the name's (its levels),
			   not a fraction of the Mandarin's */
			if (prev == SC_LATIN && next == SC_HAN && a > st && s[a] == ' ' && isupper((unsigned char)s[a - 1])) {
				size_t q = a;
				while (q < i && s[q] == ' ')
					q++;
				size_t d0 = q;
				while (q < i && isdigit((unsigned char)s[q]))
					q++;
				size_t d1 = q;
				if (d1 > d0 && d1 - d0 <= 2 && q < i && s[q] == '/') {
					size_t e0 = ++q;
					while (q < i && isdigit((unsigned char)s[q]))
						q++;
					if (q > e0 && q - e0 <= 2 && q < i && (s[q] == ')' || s[q] == ','))
						cut = q;
				}
			}
			/* a dash after Han glued to a Latin word is the Mandarin's pause:
			   "代表——Asahi" */
			if (prev == SC_HAN && next == SC_LATIN)
				for (size_t p = a; p + 3 <= i; p++)
					if ((unsigned char)s[p] == 0xE2 && (unsigned char)s[p + 1] == 0x80 &&
					    ((unsigned char)s[p + 2] == 0x94 || (unsigned char)s[p + 2] == 0x95))
						cut = p + 3 > cut ? p + 3 : cut;
			/* closing marks glued after Han stay with it: "之一,”Linus" */
			while (prev == SC_HAN && cut < i) {
				if (s[cut] == '.' && cut + 1 == i && islower((unsigned char)s[i]))
					break;      /* "扩展名为 .c", "为.rst": a file's extension, dot C */
				if (strchr(",.;:!?)", s[cut]) && s[cut])
					cut++;
				else if (cut + 3 <= i && (unsigned char)s[cut] == 0xE2 && (unsigned char)s[cut + 1] == 0x80 &&
					 ((unsigned char)s[cut + 2] == 0x9D || (unsigned char)s[cut + 2] == 0x99))
					cut += 3;   /* ” ’ */
				else
					break;
			}
		}
		for (size_t k = a; k < i; k++)
			cl[k - st] = k < cut ? prev : next;
	}
	int nu = 0;
	for (size_t i = st; i < en && nu < max;) {
		size_t a = i;
		enum sclass sc = cl[i - st];
		while (i < en && cl[i - st] == sc)
			i++;
		/* trim spaces; skip empty stretches */
		size_t x = a, y = i;
		while (x < y && s[x] == ' ')
			x++;
		while (y > x && s[y - 1] == ' ')
			y--;
		if (x == y)
			continue;
		if (nu && u[nu - 1].sc == sc) {
			u[nu - 1].en = y;
			continue;
		}
		u[nu++] = (struct unit){x, y, sc == SC_NONE ? dflt : sc};
	}
	free(cl);
	return nu;
}

/* ---- runs ---- */

struct runlist {
	struct run **runs;
	int *nruns;
	int first;          /* index of this block's first run */
	int pause;          /* pending silence */
	int sentence;       /* the sentence the last run belongs to */
	int last_sentence;
	size_t last_den;    /* where the last run's display ended */
	const char *s;
	struct prosody pro; /* of the piece being spoken */
	struct buf *explain; /* rows not yet given to a run, or NULL */
};

/* The explanation rows gathered since the last run; the caller frees. */
static char *take_explain(struct runlist *rl)
{
	if (!rl->explain || !rl->explain->len)
		return NULL;
	return buf_detach(rl->explain);
}

/* Whether text has anything to say: a letter, a digit or a Han character. */
static int speakable(const char *t)
{
	for (size_t i = 0; t[i];) {
		uint32_t c;
		int k = utf8_decode(t + i, strnlen(t + i, 4), &c);
		if (k <= 0)
			return 1;
		if (c < 0x80 ? isalnum((int)c) != 0 : !text_is_cjk_punct(c) && !(c >= 0x2000 && c <= 0x2BFF))
			return 1;
		i += (size_t)k;
	}
	return 0;
}

static void add_run(struct runlist *rl, const struct voice *v, char *text, size_t dst, size_t den, int sentence)
{
	char *why = take_explain(rl);
	if (!speakable(text)) {
		/* "我们使用 Rust。": the full stop after an English word stays with it */
		static const struct { const char *cjk; char ascii; } marks[] = {
			{"\xe3\x80\x82", '.'}, {"\xef\xbc\x81", '!'}, {"\xef\xbc\x9f", '?'},
			{"\xef\xbc\x8c", ','}, {"\xef\xbc\x9b", ';'}, {"\xef\xbc\x9a", ':'},
			{"\xe3\x80\x81", ','},
		};
		int n = *rl->nruns;
		struct run *last = n > rl->first ? &(*rl->runs)[n - 1] : NULL;
		size_t ll = last ? strlen(last->text) : 0;
		/* "（RC1）。": the mark after a closing bracket or quotation mark; a
		   bracket alone between two English stretches, "5195（Dirty COW）",
		   is a pause too */
		const char *m = text;
		while (strncmp(m, "\xef\xbc\x89", 3) == 0 || strncmp(m, "\xe2\x80\x9d", 3) == 0 ||
		       strncmp(m, "\xe3\x80\x8d", 3) == 0 || strncmp(m, "\xe3\x80\x8f", 3) == 0)
			m += 3;     /* ） ” 」 』 */
		char mark = 0;
		for (size_t i = 0; i < ARRAY_LEN(marks) && !mark; i++)
			if (strncmp(m, marks[i].cjk, strlen(marks[i].cjk)) == 0)
				mark = marks[i].ascii;
		if (!mark && (strncmp(text, "\xef\xbc\x88", 3) == 0 || strncmp(text, "\xef\xbc\x89", 3) == 0))
			mark = ',';    /* （ ） */
		if (mark && last && ll && rl->last_sentence == sentence &&
		    (isalnum((unsigned char)last->text[ll - 1]) || last->text[ll - 1] == TEXT_HINT_CLOSE)) {
			char *t = xasprintf("%s%c", last->text, mark);
			free(last->text);
			last->text = t;
		}
		free(text);
		free(why);
		return;
	}
	int n = *rl->nruns;
	struct run *last = n > rl->first ? &(*rl->runs)[n - 1] : NULL;
	if (last && last->voice == v && !rl->pause && rl->last_sentence == sentence &&
	    memcmp(&last->pro, &rl->pro, sizeof rl->pro) == 0) {
		char *t = xasprintf("%s %s", last->text, text);
		free(last->text);
		free(text);
		last->text = t;
		if (why) {
			char *x = xasprintf("%s%s", last->explain ? last->explain : "", why);
			free(last->explain);
			free(why);
			last->explain = x;
		}
		/* display: everything written from the last run's start to here */
		char *d = xasprintf("%s%.*s", last->display, (int)(den - rl->last_den), rl->s + rl->last_den);
		free(last->display);
		last->display = d;
		rl->last_den = den;
		return;
	}
	*rl->runs = xreallocarray(*rl->runs, (size_t)n + 1, sizeof **rl->runs);
	struct run *r = &(*rl->runs)[n];
	r->voice = v;
	r->pro = rl->pro;
	r->text = text;
	r->explain = why;
	r->display = trimmed(rl->s + dst, den - dst);
	r->pause_ms = rl->pause;
	rl->pause = 0;
	rl->last_sentence = sentence;
	rl->last_den = den;
	(*rl->nruns)++;
}

/* Speaks one piece: sentences, then scripts, then the normaliser. */
static int speak_piece(const struct speech_ctx *ctx, const struct block *b, const char *s,
		       const struct piece *p, const struct voice *base, struct runlist *rl)
{
	rl->pause += p->pause_ms;
	rl->pro = p->pro;
	const struct voice *zh = mandarin(ctx);
	if (p->en <= p->st && !p->sub)
		return 0;
	if (p->sub) {
		int han = 0;
		for (size_t i = 0; p->sub[i];) {
			uint32_t c;
			int k = utf8_decode(p->sub + i, strnlen(p->sub + i, 4), &c);
			han |= k > 0 && text_is_han(c);
			i += k > 0 ? (size_t)k : 1;
		}
		const struct voice *v = p->voice ? p->voice : han && zh ? zh : english(ctx, base);
		char *said = xstrdup(p->sub);
		char *w = p->en > p->st ? trimmed(s + p->st, p->en - p->st) : NULL;
		if (strstr(said, "[[") && w && *w) {
			/* phonemes: the written words are what a person reads (a hint, core/text.h) */
			char *h = text_hint(w, strlen(w), said);
			free(said);
			said = h;
		}
		free(w);
		add_run(rl, v, said, p->dst, p->den, ++rl->sentence);
		return 0;
	}
	const struct voice *en = english(ctx, p->voice ? p->voice : base);
	const char *lang = p->lang;
	if (!lang && p->voice && p->voice->lang && !lang_is_en(p->voice->lang))
		lang = p->voice->lang;
	for (size_t st = p->st; st < p->en;) {
		size_t end = sentence_end(s, st, p->en);
		int sentence = ++rl->sentence;
		if (lang && !lang_is_en(lang)) {
			/* a whole stretch in one language: Mandarin, or another voice's */
			const struct voice *v = p->voice ? p->voice : lang_is_zh(lang) ? zh : voice_for_lang(ctx->voices, lang);
			if (!v) {
				msg(MSG_SPEECH_NO_LANG_VOICE, ctx->file, b->line, 0, "\"%s\"", lang);
				return -1;
			}
			char *t = xstrndup(s + st, end - st);
			add_run(rl, v, speech_normalise(ctx, t, lang), st == p->st ? p->dst : st,
				end == p->en ? p->den : end, sentence);
			free(t);
		} else {
			struct unit u[256];
			enum sclass dflt = lang ? SC_LATIN : lang_is_zh(ctx->lang) ? SC_HAN : SC_LATIN;
			int nu = split_scripts(s, st, end, dflt, u, (int)ARRAY_LEN(u));
			for (int i = 0; i < nu; i++) {
				char *t = xstrndup(s + u[i].st, u[i].en - u[i].st);
				if (p->tail && i == nu - 1 && end == p->en) {
					char *tt = xasprintf("%s%c", t, p->tail);
					free(t);
					t = tt;
				}
				/* a quotation's written form keeps its marks */
				size_t dst = i == 0 && st == p->st && p->dst < u[i].st ? p->dst : u[i].st;
				size_t den = i == nu - 1 && end == p->en && p->den > u[i].en ? p->den : u[i].en;
				if (u[i].sc == SC_HAN) {
					if (!zh) {
						msg(MSG_SPEECH_NO_MANDARIN, ctx->file, b->line, 0, "\"%s\"", t);
						free(t);
						return -1;
					}
					const struct voice *v = p->voice && lang_is_zh(p->voice->lang) ? p->voice : zh;
					add_run(rl, v, speech_normalise(ctx, t, "zh"), dst, den, sentence);
				} else {
					int han = 0;
					for (int k = 0; k < nu; k++)
						han |= u[k].sc == SC_HAN;
					add_run(rl, en, speech_normalise(ctx, t, han ? "en-x-zh" : "en"), dst, den, sentence);
				}
				free(t);
			}
		}
		st = end;
		while (st < p->en && s[st] == ' ')
			st++;
	}
	return 0;
}

int speech_block(const struct speech_ctx *ctx, const struct block *b,
		 struct run **runs, int *nruns)
{
	char *s = clean(b->text ? b->text : "");
	struct pieces over = {0}, all = {0};
	struct buf why = {0};
	struct speech_ctx xctx;
	if (explaining && !ctx->explain) {
		xctx = *ctx;
		xctx.explain = &why;
		ctx = &xctx;
	}
	int rc = split_overrides(ctx, b, s, &over);
	if (rc)
		goto out;
	for (int i = 0; i < over.n; i++) {
		struct piece *p = &over.p[i];
		if (p->voice || p->lang || p->sub || prosody_any(&p->pro) || b->kind == BLOCK_QUOTE) {
			struct piece *q = piece_add(&all, p->st, p->en);
			*q = *p;
			p->lang = p->sub = NULL;
		} else {
			split_quotes(s, p, &all);
		}
	}
	const struct voice *base = b->kind == BLOCK_QUOTE && ctx->quote ? ctx->quote : ctx->host;
	struct runlist rl = {.runs = runs, .nruns = nruns, .first = *nruns, .s = s, .last_sentence = -1,
			     .explain = ctx->explain};
	for (int i = 0; i < all.n && rc == 0; i++) {
		const struct voice *v = all.p[i].quote && ctx->quote ? ctx->quote : base;
		rc = speak_piece(ctx, b, s, &all.p[i], v, &rl);
	}
	if (rc == 0 && rl.pause) {
		/* a pause with nothing after it: a silent run */
		*runs = xreallocarray(*runs, (size_t)*nruns + 1, sizeof **runs);
		struct run *r = &(*runs)[(*nruns)++];
		memset(r, 0, sizeof *r);
		r->voice = base;
		r->text = xstrdup("");
		r->display = xstrdup("");
		r->pause_ms = rl.pause;
	}
out:
	pieces_free(&over);
	pieces_free(&all);
	buf_free(&why);
	free(s);
	return rc;
}
