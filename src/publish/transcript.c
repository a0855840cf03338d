/*
 * transcript.c: the WebVTT transcript of a rendered episode (see
 * transcript.h).
 *
 * In: the script (runs: spoken text, written text, voice) and the laid-out
 * timeline; each segment's cache file gives espeak-ng's word and sentence
 * events (sample offsets in the segment, byte positions in the run's
 * spoken text). Out: cues in output time.
 *
 * How text is timed: each run's spoken text and its written (display)
 * text are cut into sentences the same way. When both have the same number
 * of sentences they are paired and every cue shows the written sentence,
 * starting at the first word event inside the spoken one; otherwise the
 * run's written text is one unit spread over the run. A unit longer than
 * two lines (65 columns each, CJK characters two) is spread evenly over as
 * few cues as it needs, cut at words (in Chinese where ICU's line and word
 * breaking agree: never inside a word, never before a closing mark), and
 * each part is timed at the word event nearest to its proportional place
 * in the spoken text.
 *
 * Who speaks is a person: the paragraph's declared speaker, else the show's
 * host by name (<v Ana>), never a voice profile; a block quote is marked
 * as a quotation (<c.quote>), not as a speaker; a cue in a voice of another
 * language than the episode's first voice carries <lang xx>, which changes
 * no speaker.
 *
 * The SRT transcript is made in the same pass from the same cues: numbered,
 * times with a comma, the speaker as an "Ana: " prefix where the speaker
 * changes (SRT has no voice tags), text unescaped.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "synth/synth.h"
#include "core/core.h"
#include "shownotes.h"
#include "transcript.h"
#include "show/show.h"

/* A stretch of text to show, with the spoken bytes it stands for. */
struct unit {
	char *text;       /* written form, one clean line */
	int run;
	size_t a, b;      /* byte range in the run's spoken text */
	int64_t t0, t1;   /* in segment samples; t0 -1 while unknown */
};

struct units {
	struct unit *u;
	int n, cap;
};

struct vtt {
	struct buf *out;
	const char *host;    /* the show's host by name, or NULL */
	const char *lang;    /* the episode's language: its first voice's */
	struct buf *srt;     /* the same cues as SRT, or NULL */
	char *last_label;    /* the speaker of the last SRT cue ("" when none) */
	const struct timeline *tl;
	int64_t last_end_ms; /* cues never overlap */
	int64_t total_ms;
	int ncues;
};

/* ---- sentences ---- */

/* The sentence rules (terminators, closers, abbreviations, CJK) are text.c's,
 * shared with the synthesiser's splitter: the two must agree. */

/* ---- events ---- */

/*
 * The sample of the first word event of run in spoken bytes [lo, hi), else
 * of a sentence event there; -1 when there is none.
 */
static int64_t first_event(const struct seg_audio *a, int run, size_t lo, size_t hi)
{
	int64_t sent = -1;
	for (uint32_t i = 0; i < a->nevents; i++) {
		const struct synth_event *e = &a->events[i];
		if ((int)e->run != run || e->pos < lo || e->pos >= hi)
			continue;
		if (e->type == SYNTH_EV_WORD)
			return e->sample;
		if (e->type == SYNTH_EV_SENTENCE && sent < 0)
			sent = e->sample;
	}
	return sent;
}

static int64_t run_event(const struct seg_audio *a, int run)
{
	for (uint32_t i = 0; i < a->nevents; i++)
		if ((int)a->events[i].run == run && a->events[i].type == SYNTH_EV_RUN)
			return a->events[i].sample;
	return -1;
}

/* ---- units ---- */

static void units_add(struct units *us, char *text, int run, size_t a, size_t b, int64_t t0)
{
	if (text[0] == '\0') {
		free(text);
		return;
	}
	if (us->n == us->cap) {
		us->cap = us->cap ? us->cap * 2 : 16;
		us->u = xreallocarray(us->u, (size_t)us->cap, sizeof *us->u);
	}
	us->u[us->n++] = (struct unit){text, run, a, b, t0, -1};
}

static void units_clear(struct units *us)
{
	for (int i = 0; i < us->n; i++)
		free(us->u[i].text);
	free(us->u);
	memset(us, 0, sizeof *us);
}

/* Text fit for a cue: written form, no Speech Markdown, one clean line. */
static char *cue_text(const char *s, size_t n)
{
	char *plain = shownotes_unspeech(s, n);
	char *r = xmltext_clean(plain, strlen(plain), XMLTEXT_LINE, NULL);
	free(plain);
	/* a line break in Chinese source text is not a space */
	size_t len = strlen(r), o = 0;
	uint32_t prev = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp, nx = 0;
		size_t l = text_cp_at(r, len, i, &cp);
		if (cp == ' ' && text_is_cjk(prev) && i + 1 < len) {
			text_cp_at(r, len, i + 1, &nx);
			if (text_is_cjk(nx)) {
				i += l;
				continue;
			}
		}
		memmove(r + o, r + i, l);
		o += l;
		i += l;
		prev = cp;
	}
	r[o] = '\0';
	return r;
}

/* The units of one run. */
static void run_units(struct units *us, const struct seg_audio *a, const struct run *run, int r)
{
	const char *sp = run->text ? run->text : "";
	const char *dp = run->display ? run->display : sp;
	size_t ns = strlen(sp), nd = strlen(dp);
	size_t *ss = NULL, *ds = NULL;
	int ks = text_sentences(sp, ns, 0, &ss), kd = text_sentences(dp, nd, 0, &ds);

	if (ks > 0 && ks == kd) {
		for (int i = 0; i < ks; i++)
			units_add(us, cue_text(dp + ds[2 * i], ds[2 * i + 1] - ds[2 * i]), r,
				  ss[2 * i], ss[2 * i + 1],
				  first_event(a, r, ss[2 * i], ss[2 * i + 1]));
	} else if (kd > 0 || ks > 0) {
		/* sentences do not pair up: the whole run as one unit */
		size_t lo = ks > 0 ? ss[0] : 0;
		int64_t t0 = first_event(a, r, lo, ns);
		if (t0 < 0)
			t0 = run_event(a, r);
		units_add(us, cue_text(dp, nd), r, lo, ns, t0);
	}
	free(ss);
	free(ds);
}

/*
 * Gives every unit of a segment a start and an end in segment samples:
 * unknown starts are spread evenly between known ones; a unit ends where
 * the next starts (less the pause before the next run), the last one at
 * the end of the segment's audio.
 */
static void time_units(struct units *us, const struct segment *seg, const struct seg_audio *a)
{
	int64_t prev = 0;
	for (int i = 0; i < us->n; i++) {
		if (us->u[i].t0 >= prev) {
			prev = us->u[i].t0;
			continue;
		}
		/* unknown (or out of order): between prev and the next known one */
		int j = i;
		while (j < us->n && us->u[j].t0 < prev)
			j++;
		int64_t next = j < us->n ? us->u[j].t0 : (int64_t)a->nsamples;
		for (int k = i; k < j; k++)
			us->u[k].t0 = prev + (next - prev) * (k - i + 1) / (j - i + 1);
		prev = us->u[j - 1].t0;
		i = j - 1;
	}
	for (int i = 0; i < us->n; i++) {
		struct unit *u = &us->u[i];
		if (i + 1 < us->n) {
			u->t1 = us->u[i + 1].t0;
			int nr = us->u[i + 1].run;
			if (nr != u->run && nr < seg->nruns) {
				int64_t pause = (int64_t)seg->runs[nr].pause_ms * a->rate / 1000;
				if (u->t1 - pause > u->t0)
					u->t1 -= pause;
			}
		} else {
			u->t1 = a->nsamples;
		}
		if (u->t1 < u->t0)
			u->t1 = u->t0;
	}
}

/* ---- cues ---- */

static void put_time_sep(struct buf *b, int64_t ms, char sep)
{
	buf_printf(b, "%02lld:%02lld:%02lld%c%03lld", (long long)(ms / 3600000),
		   (long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60), sep,
		   (long long)(ms % 1000));
}

static void put_time(struct buf *b, int64_t ms)
{
	put_time_sep(b, ms, '.');
}

/*
 * A line of SRT text: as written, but "-->" (which a reader takes for a
 * timing line, and so for the start of a cue) as "--&gt;", as in WebVTT.
 */
static void put_srt_text(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i + 2 < n && s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>') {
			buf_puts(b, "--&gt;");
			i += 2;
		} else {
			buf_putc(b, s[i]);
		}
	}
}

/* The cue in SRT: number, times, the speaker where it changes, the lines. */
static void put_srt(struct vtt *v, int64_t t0, int64_t t1, const char *label,
		    const char *text, const size_t *lines, int nlines)
{
	struct buf *b = v->srt;
	if (v->ncues > 1)
		buf_putc(b, '\n');
	buf_printf(b, "%d\n", v->ncues);
	put_time_sep(b, t0, ',');
	buf_puts(b, " --> ");
	put_time_sep(b, t1, ',');
	buf_putc(b, '\n');
	if (v->last_label == NULL || strcmp(v->last_label, label ? label : "") != 0) {
		if (label)
			buf_printf(b, "%s: ", label);
		free(v->last_label);
		v->last_label = xstrdup(label ? label : "");
	}
	for (int i = 0; i < nlines; i++) {
		if (i)
			buf_putc(b, '\n');
		put_srt_text(b, text + lines[2 * i], lines[2 * i + 1] - lines[2 * i]);
	}
	buf_putc(b, '\n');
}

static void put_escaped(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		default: buf_putc(b, s[i]); break;
		}
	}
}

/*
 * Who speaks a segment, for a cue's <v Name> and the word transcript: a
 * person, never a voice profile: the declared speaker of the paragraph,
 * else the show's host by name; NULL when neither is known. What a voice
 * tag cannot hold (< > & and line breaks) is left out. The caller frees.
 */
static char *person_label(const struct segment *seg, const char *host)
{
	const char *name = seg->speaker ? seg->speaker : host;
	if (name == NULL)
		return NULL;
	struct buf b = {0};
	for (const char *p = name; *p; p++)
		if (*p != '<' && *p != '>' && *p != '&' && *p != '\n' && *p != '\r')
			buf_putc(&b, *p);
	if (b.len == 0) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b);
}

/* 1 when the language tags a and b have different primary subtags. */
static int other_lang(const char *a, const char *b)
{
	size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");
	return na != nb || strncasecmp(a, b, na) != 0;
}

/*
 * Writes one cue; times in output milliseconds. label: the person (<v
 * Name>) or NULL; quote: a quotation (<c.quote>); lang: the cue's language
 * when not the episode's (<lang xx>), else NULL.
 */
static void put_cue(struct vtt *v, int64_t t0, int64_t t1, const char *label, int quote,
		    const char *lang, const char *text, const size_t *lines, int nlines)
{
	if (t0 < v->last_end_ms)
		t0 = v->last_end_ms;
	if (t1 > v->total_ms)
		t1 = v->total_ms;
	if (t0 >= v->total_ms)
		return;
	if (t1 <= t0)
		t1 = t0 + 1 <= v->total_ms ? t0 + 1 : v->total_ms;
	if (t1 <= t0)
		return;
	v->ncues++;
	buf_putc(v->out, '\n');
	put_time(v->out, t0);
	buf_puts(v->out, " --> ");
	put_time(v->out, t1);
	buf_putc(v->out, '\n');
	if (label)
		buf_printf(v->out, "<v %s>", label);
	if (quote)
		buf_puts(v->out, "<c.quote>");
	if (lang)
		buf_printf(v->out, "<lang %s>", lang);
	for (int i = 0; i < nlines; i++) {
		if (i)
			buf_putc(v->out, '\n');
		put_escaped(v->out, text + lines[2 * i], lines[2 * i + 1] - lines[2 * i]);
	}
	if (lang)
		buf_puts(v->out, "</lang>");
	if (quote)
		buf_puts(v->out, "</c>");
	buf_putc(v->out, '\n');
	v->last_end_ms = t1;
	if (v->srt)
		put_srt(v, t0, t1, label, text, lines, nlines);
}

/* Columns a code point takes: 2 for East Asian wide characters, else 1. */
static int cp_width(uint32_t cp)
{
	return text_is_cjk(cp) && cp != 0xFF61 && !(cp >= 0xFF64 && cp <= 0xFFDC) ? 2 : 1;
}

/* A text cut into code points, with where a line may start. */
struct glyphs {
	size_t n;
	size_t *off;   /* byte offset of each code point, and off[n] = the length */
	size_t *col;   /* columns before each code point, and col[n] */
	char *brk;     /* a line may start at code point k */
};

/*
 * Where ICU lets a line start between two characters of t: sets ok[k] for
 * code point k (g's numbering) when k is both a line-break opportunity
 * (UAX #14: never before a closing mark or full stop) and a word boundary
 * (ICU's dictionary: not inside a Chinese word such as 本身). Returns 0, or
 * -1 when ICU cannot segment the text (ok untouched).
 */
static int icu_breaks(const char *t, const struct glyphs *g, char *ok)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t n16 = 0, len = (int32_t)g->off[g->n];
	int rc = -1;
	UChar *u = NULL;
	int32_t *cp_at = NULL;   /* the code point that starts at each UTF-16 index, or -1 */
	char *line = NULL;
	UBreakIterator *bi = NULL;

	u_strFromUTF8(NULL, 0, &n16, t, len, &e);
	if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
		return -1;
	e = U_ZERO_ERROR;
	u = xcalloc((size_t)n16 + 1, sizeof *u);
	u_strFromUTF8(u, n16 + 1, NULL, t, len, &e);
	if (U_FAILURE(e))
		goto out;
	cp_at = xreallocarray(NULL, (size_t)n16 + 1, sizeof *cp_at);
	for (int32_t i = 0; i <= n16; i++)
		cp_at[i] = -1;
	for (size_t k = 0, i = 0; k <= g->n && i <= (size_t)n16; k++) {
		cp_at[i] = (int32_t)k;
		if (k < g->n)
			i += U16_IS_LEAD(u[i]) ? 2 : 1;
	}
	line = xcalloc(g->n + 1, 1);
	bi = ubrk_open(UBRK_LINE, "zh", u, n16, &e);
	if (U_FAILURE(e))
		goto out;
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		if (cp_at[b] >= 0)
			line[cp_at[b]] = 1;
	ubrk_close(bi);
	bi = ubrk_open(UBRK_WORD, "zh", u, n16, &e);
	if (U_FAILURE(e))
		goto out;
	memset(ok, 0, g->n + 1);
	for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi))
		if (cp_at[b] >= 0 && line[cp_at[b]])
			ok[cp_at[b]] = 1;
	rc = 0;
out:
	if (bi)
		ubrk_close(bi);
	free(line);
	free(cp_at);
	free(u);
	return rc;
}

static void glyphs_init(struct glyphs *g, const char *t)
{
	size_t len = strlen(t);
	uint32_t prev = 0;
	g->n = 0;
	g->off = xreallocarray(NULL, len + 1, sizeof *g->off);
	g->col = xreallocarray(NULL, len + 1, sizeof *g->col);
	g->brk = xcalloc(len + 1, 1);
	size_t c = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t l = text_cp_at(t, len, i, &cp);
		g->off[g->n] = i;
		g->col[g->n] = c;
		if (g->n > 0 && (prev == ' ' || (cp != ' ' && (text_is_cjk(cp) || text_is_cjk(prev)))))
			g->brk[g->n] = 1;
		c += (size_t)cp_width(cp);
		prev = cp;
		g->n++;
		i += l;
	}
	g->off[g->n] = len;
	g->col[g->n] = c;
	/* between CJK characters, only where a Chinese reader breaks a line */
	int any = 0;
	for (size_t k = 1; k < g->n && !any; k++)
		any = g->brk[k] && t[g->off[k - 1]] != ' ' && t[g->off[k]] != ' ';
	char *ok = any ? xcalloc(g->n + 1, 1) : NULL;
	if (ok && icu_breaks(t, g, ok) == 0)
		for (size_t k = 1; k < g->n; k++)
			if (g->brk[k] && t[g->off[k - 1]] != ' ' && t[g->off[k]] != ' ')
				g->brk[k] = ok[k];
	free(ok);
}

static void glyphs_clear(struct glyphs *g)
{
	free(g->off);
	free(g->col);
	free(g->brk);
}

/* Columns of the line from code point s up to (not with) k, less a trailing space. */
static size_t line_cols(const char *t, const struct glyphs *g, size_t s, size_t k)
{
	size_t w = g->col[k] - g->col[s];
	if (k > s && t[g->off[k - 1]] == ' ')
		w--;
	return w;
}

/*
 * Greedy line breaking at width max: each line ends at the last place a
 * line may start that keeps it within max columns (a word longer than a
 * line is cut). Sets (*r)[2k], (*r)[2k+1] to each line's byte range.
 * Returns the count; the caller frees *r.
 */
static int wrap_at(const char *t, const struct glyphs *g, size_t max, size_t **r)
{
	size_t *v = NULL;
	int cnt = 0, cap = 0;
	size_t s = 0;
	while (s < g->n) {
		size_t e = 0; /* the next line starts at code point e */
		if (line_cols(t, g, s, g->n) <= max) {
			e = g->n;
		} else {
			for (size_t k = s + 1; k < g->n && g->col[k] - g->col[s] <= max + 1; k++)
				if (g->brk[k] && line_cols(t, g, s, k) <= max)
					e = k;
			if (e == 0) /* no place to break: cut the word */
				for (e = s + 1; e < g->n && g->col[e + 1] - g->col[s] <= max; e++)
					;
		}
		size_t lb = g->off[s], le = g->off[e];
		while (le > lb && t[le - 1] == ' ')
			le--;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 8;
			v = xreallocarray(v, (size_t)cap * 2, sizeof *v);
		}
		v[2 * cnt] = lb;
		v[2 * cnt + 1] = le;
		cnt++;
		s = e;
		while (s < g->n && t[g->off[s]] == ' ')
			s++;
	}
	*r = v;
	return cnt;
}

/* 1 when a line starting at code point k follows a comma, colon or the like. */
static int after_punct(const char *t, const struct glyphs *g, size_t k)
{
	uint32_t cp;
	size_t j = k;
	while (j > 0 && t[g->off[j - 1]] == ' ')
		j--;
	if (j == 0)
		return 0;
	text_cp_at(t, g->off[g->n], g->off[j - 1], &cp);
	return cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0x3001 ||
	       cp == 0xFF1B || cp == 0xFF1A || cp == 0x2014;
}

/*
 * Cuts a clean one-line text into lines of at most TRANSCRIPT_LINE_MAX
 * columns (a CJK character counts two), at spaces or between CJK
 * characters. Text that fits two lines is cut nearest the middle; longer
 * text is spread evenly over as few two-line cues as it needs. Sets
 * (*r)[2k], (*r)[2k+1] to each line's byte range; returns the count. The
 * caller frees *r.
 */
static int wrap(const char *t, size_t **r)
{
	const size_t max = TRANSCRIPT_LINE_MAX;
	struct glyphs g;
	glyphs_init(&g, t);
	size_t total = g.col[g.n];
	int cnt = wrap_at(t, &g, max, r);

	if (cnt == 2) {
		/* two lines: the cut nearest the middle that fits, after punctuation if near */
		size_t best = 0;
		long bestd = LONG_MAX;
		for (size_t k = 1; k < g.n; k++) {
			size_t l1 = line_cols(t, &g, 0, k), l2 = total - g.col[k];
			if (!g.brk[k] || l1 > max || l2 > max)
				continue;
			long d = l1 > l2 ? (long)(l1 - l2) : (long)(l2 - l1);
			if (after_punct(t, &g, k))
				d -= 16;
			if (d < bestd) {
				bestd = d;
				best = k;
			}
		}
		if (best > 0) {
			size_t le = g.off[best];
			while (le > 0 && t[le - 1] == ' ')
				le--;
			(*r)[1] = le;
			(*r)[2] = g.off[best];
		}
	} else if (cnt > 2) {
		/* narrower lines, as long as they need no more cues */
		size_t cues = (size_t)(cnt + 1) / 2;
		size_t narrow = (total + 2 * cues - 1) / (2 * cues) + 6;
		size_t *r2;
		if (narrow < max) {
			int c2 = wrap_at(t, &g, narrow, &r2);
			if ((size_t)(c2 + 1) / 2 <= cues) {
				free(*r);
				*r = r2;
				cnt = c2;
			} else {
				free(r2);
			}
		}
	}
	glyphs_clear(&g);
	return cnt;
}

/* Output milliseconds of a sample offset in the segment of item it. */
static int64_t out_ms(const struct vtt *v, const struct tl_item *it, int rate, int64_t sample)
{
	int64_t f = it->start + (int64_t)llround((double)sample * v->tl->rate / rate);
	if (f > it->start + it->length)
		f = it->start + it->length;
	return (f * 1000 + v->tl->rate / 2) / v->tl->rate;
}

/*
 * Where the part of u starting at byte off of its text starts, in segment
 * samples: at the word event nearest after the same proportion of the
 * spoken text, or proportionally in time when there is none after lo.
 */
static int64_t part_start(const struct seg_audio *a, const struct unit *u, size_t off,
			  int64_t lo)
{
	size_t tlen = strlen(u->text);
	double f = tlen ? (double)off / (double)tlen : 0;
	size_t p = u->a + (size_t)(f * (double)(u->b - u->a) + 0.5);
	int64_t t = first_event(a, u->run, p, u->b);
	if (t <= lo || t >= u->t1)
		t = u->t0 + (int64_t)(f * (double)(u->t1 - u->t0));
	return t > lo ? t : lo;
}

/*
 * A cue's text made of one or more units (parts of one sentence spoken by
 * voices of different languages), with where each unit's text starts.
 */
struct group {
	const struct unit *u;
	int n;
	char *text;
	size_t *off;
};

static void group_init(struct group *g, const struct unit *u, int n)
{
	struct buf b = {0};
	g->u = u;
	g->n = n;
	g->off = xcalloc((size_t)n, sizeof *g->off);
	buf_puts(&b, "");
	for (int k = 0; k < n; k++) {
		if (k > 0) {
			/* a space between the parts unless both sides are CJK */
			uint32_t last = 0, first = 0;
			if (b.len > 0)
				text_cp_at(b.data, b.len, text_prev(b.data, b.len), &last);
			text_cp_at(u[k].text, strlen(u[k].text), 0, &first);
			if (!(text_is_cjk(last) && text_is_cjk(first)))
				buf_putc(&b, ' ');
		}
		g->off[k] = b.len;
		buf_puts(&b, u[k].text);
	}
	g->text = buf_detach(&b);
}

static void group_clear(struct group *g)
{
	free(g->text);
	free(g->off);
}

/* Where the part of the group starting at byte off of its text starts. */
static int64_t group_part_start(const struct seg_audio *a, const struct group *g, size_t off,
				int64_t lo)
{
	int k = 0;
	while (k + 1 < g->n && g->off[k + 1] <= off)
		k++;
	if (off <= g->off[k])
		return g->u[k].t0 > lo ? g->u[k].t0 : lo;
	return part_start(a, &g->u[k], off - g->off[k], lo);
}

/* 1 when the text ends a sentence (a full stop, perhaps in quotes). */
static int ends_sentence(const char *t)
{
	size_t n = strlen(t);
	int ends = 0, cjk;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_cp_at(t, n, i, &cp);
		if (text_is_terminator(cp, &cjk))
			ends = 1;
		else if (!text_is_closer(cp))
			ends = 0;
	}
	return ends;
}

static const char *voice_lang(const struct segment *seg, int run)
{
	const struct voice *v = run >= 0 && run < seg->nruns ? seg->runs[run].voice : NULL;
	return v && v->lang ? v->lang : "";
}

/*
 * 1 when unit y goes in the same cue as x: y's run follows x's in the
 * middle of a sentence, in a voice of another language (a Latin name in a
 * Chinese sentence). A change of voice in one language (a quotation) gets
 * a cue of its own.
 */
static int joins(const struct segment *seg, const struct unit *x, const struct unit *y)
{
	return x->run != y->run && !ends_sentence(x->text) &&
	       strcmp(voice_lang(seg, x->run), voice_lang(seg, y->run)) != 0;
}

/* Writes the cues of a group of units: two lines each. */
static void group_cues(struct vtt *v, const struct tl_item *it, const struct seg_audio *a,
		       const struct segment *seg, const struct unit *u, int n)
{
	struct group g;
	size_t *lines;
	int best = 0;
	size_t bestw = 0;

	group_init(&g, u, n);
	/* the cue is tagged with the voice that speaks most of it (in columns) */
	for (int k = 0; k < n; k++) {
		size_t w = 0, len = strlen(u[k].text);
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			i += text_cp_at(u[k].text, len, i, &cp);
			w += (size_t)cp_width(cp);
		}
		if (w > bestw) {
			bestw = w;
			best = k;
		}
	}
	/* the person speaks, also when quoting or in another language */
	char *label = person_label(seg, v->host);
	const char *lang = voice_lang(seg, u[best].run);
	if (!lang[0] || !v->lang || !other_lang(lang, v->lang))
		lang = NULL;
	int quote = seg->kind == BLOCK_QUOTE;
	int nl = wrap(g.text, &lines);
	int64_t t0 = u[0].t0, end = u[n - 1].t1;

	for (int i = 0; i < nl; i += 2) {
		int k = i + 2 <= nl ? 2 : 1;
		int64_t t1 = i + 2 < nl ? group_part_start(a, &g, lines[2 * (i + 2)], t0) : end;
		if (t1 > end)
			t1 = end;
		put_cue(v, out_ms(v, it, a->rate, t0), out_ms(v, it, a->rate, t1), label, quote,
			lang, g.text, lines + 2 * i, k);
		t0 = t1;
	}
	free(lines);
	free(label);
	group_clear(&g);
}

int transcript_vtt(const struct script *s, const struct timeline *tl, struct buf *out)
{
	return transcript_both(s, tl, out, NULL, NULL);
}

/* The episode's language: that of the voice of its first run; NULL when unknown. */
static const char *script_lang(const struct script *s)
{
	for (int i = 0; i < s->nsegs; i++)
		if (s->segs[i].nruns > 0)
			return voice_lang(&s->segs[i], 0);
	return NULL;
}

/*
 * The next spoken segment of the timeline from item *i on: sets *i, *itp,
 * *segp and *a (its cached audio, which the caller clears) and returns 1;
 * 0 when there is none; -1 when its cache file cannot be read (reported).
 * Segments without audio are passed over.
 */
static int next_spoken(const struct script *s, const struct timeline *tl, int *i,
		       const struct tl_item **itp, const struct segment **segp,
		       struct seg_audio *a)
{
	for (; *i < tl->n; (*i)++) {
		const struct tl_item *it = &tl->items[*i];
		if (it->kind != TL_SEGMENT || it->seg < 0 || it->seg >= s->nsegs)
			continue;
		const struct segment *seg = &s->segs[it->seg];
		enum segcache_err e = segcache_read_events(it->path, a);
		if (e != SEGCACHE_OK) {
			msg(MSG_TRANSCRIPT_SEGMENT, it->path, 0, 0, "%s" MSG_SEP "%s", seg->id,
			    segcache_strerror(e));
			return -1;
		}
		if (a->rate <= 0) {
			seg_audio_clear(a);
			continue;
		}
		*itp = it;
		*segp = seg;
		return 1;
	}
	return 0;
}

int transcript_both(const struct script *s, const struct timeline *tl, struct buf *out,
		    struct buf *srt, const char *host)
{
	struct vtt v = {out, host, script_lang(s), srt, NULL, tl, 0, 0, 0};
	int rc = 0;

	v.total_ms = tl->rate > 0 ? (tl->total * 1000) / tl->rate : 0;
	buf_puts(out, "WEBVTT\n");
	for (int i = 0; rc == 0; i++) {
		const struct tl_item *it;
		const struct segment *seg;
		struct seg_audio a = {0};
		int got = next_spoken(s, tl, &i, &it, &seg, &a);
		if (got <= 0) {
			rc = got;
			break;
		}
		struct units us = {0};
		for (int r = 0; r < seg->nruns; r++)
			run_units(&us, &a, &seg->runs[r], r);
		time_units(&us, seg, &a);
		for (int k = 0; k < us.n;) {
			int e = k + 1;
			while (e < us.n && joins(seg, &us.u[e - 1], &us.u[e]))
				e++;
			group_cues(&v, it, &a, seg, us.u + k, e - k);
			k = e;
		}
		units_clear(&us);
		seg_audio_clear(&a);
	}
	free(v.last_label);
	return rc;
}

int transcript_write_vtt(const char *path, const struct script *s,
			 const struct timeline *tl)
{
	return transcript_write(path, NULL, s, tl, NULL);
}

int transcript_write(const char *vtt_path, const char *srt_path, const struct script *s,
		     const struct timeline *tl, const char *host)
{
	struct buf b = {0}, srt = {0};
	int rc = transcript_both(s, tl, &b, srt_path ? &srt : NULL, host);
	if (rc == 0 && msg_write_file_atomic(vtt_path, b.data, b.len) != 0) {
		msg(MSG_FILE_WRITE, vtt_path, 0, 0, "the transcript" MSG_SEP "%s", strerror(errno));
		rc = -1;
	}
	if (rc == 0 && srt_path && msg_write_file_atomic(srt_path, srt.data, srt.len) != 0) {
		msg(MSG_FILE_WRITE, srt_path, 0, 0, "the transcript" MSG_SEP "%s", strerror(errno));
		rc = -1;
	}
	buf_free(&b);
	buf_free(&srt);
	return rc;
}

/* ---- the word transcript (Podcasting 2.0 JSON, one segment per word) ---- */

/*
 * How written words get their times. Each run's spoken and written text
 * are paired sentence by sentence as for the cues (or whole, when the
 * sentences do not pair up). In each pair the written words and the words
 * espeak-ng reported (its word events) are aligned by their longest common
 * subsequence of equal words (case and punctuation ignored): equal words
 * are anchors, and the written words between two anchors share out the
 * spoken words between them in order, so "6.3" takes the time of "six" in
 * "six point three". A written word with no spoken word to take gets a time
 * spread evenly between its neighbours.
 */

struct tword {
	char *body;       /* the written word */
	const char *speaker;
	int64_t sample;   /* start in segment samples, -1 while unknown */
	int64_t last;     /* start of the last spoken word it stands for, -1 when none */
};

struct twords {
	struct tword *w;
	int n, cap;
};

/* The comparison key of a word: ASCII letters lower-cased, ASCII punctuation gone. */
static char *word_key(const char *s, size_t n)
{
	char *k = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
			k[o++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			k[o++] = (char)(c - 'A' + 'a');
	}
	k[o] = '\0';
	return k;
}

/*
 * Cuts t into words: runs of non-space characters, each CJK character a
 * word of its own (with the punctuation after it). Sets (*r)[2k], (*r)[2k+1]
 * to each word's byte range and returns the count. The caller frees *r.
 */
static int split_words(const char *t, size_t **r)
{
	size_t n = strlen(t), *v = NULL;
	int cnt = 0, cap = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = text_cp_at(t, n, i, &cp);
		if (text_is_space(cp)) {
			i += l;
			continue;
		}
		size_t s = i;
		int cjk = text_is_cjk(cp);
		i += l;
		while (i < n) {
			l = text_cp_at(t, n, i, &cp);
			if (text_is_space(cp) || (!text_is_cjk_punct(cp) && (cjk || text_is_cjk(cp))))
				break;
			i += l;
		}
		if (cnt == cap) {
			cap = cap ? 2 * cap : 32;
			v = xreallocarray(v, (size_t)cap * 2, sizeof *v);
		}
		v[2 * cnt] = s;
		v[2 * cnt + 1] = i;
		cnt++;
	}
	*r = v;
	return cnt;
}

/*
 * For written words d[0..nd) and spoken words s[0..ns) (keys), sets
 * take[i] to the spoken word whose time written word i takes, or -1.
 */
static void align_words(char **d, int nd, char **s, int ns, int *take)
{
	for (int i = 0; i < nd; i++)
		take[i] = -1;
	if (nd == 0 || ns == 0)
		return;
	int *pd = xcalloc((size_t)nd + 2, sizeof *pd), *ps = xcalloc((size_t)nd + 2, sizeof *ps);
	int na = 0;
	if ((long long)nd * ns <= 4000000) {
		/* longest common subsequence, lengths of the suffixes */
		int *L = xcalloc((size_t)(nd + 1) * (size_t)(ns + 1), sizeof *L);
#define LCS(i, j) L[(size_t)(i) * (size_t)(ns + 1) + (size_t)(j)]
		for (int i = nd - 1; i >= 0; i--)
			for (int j = ns - 1; j >= 0; j--)
				LCS(i, j) = d[i][0] && strcmp(d[i], s[j]) == 0 ? LCS(i + 1, j + 1) + 1 :
					    LCS(i + 1, j) > LCS(i, j + 1) ? LCS(i + 1, j) : LCS(i, j + 1);
		for (int i = 0, j = 0; i < nd && j < ns;) {
			if (d[i][0] && strcmp(d[i], s[j]) == 0 && LCS(i, j) == LCS(i + 1, j + 1) + 1) {
				pd[na] = i++;
				ps[na++] = j++;
			} else if (LCS(i + 1, j) >= LCS(i, j + 1)) {
				i++;
			} else {
				j++;
			}
		}
#undef LCS
		free(L);
	}
	/* the gaps between anchors (and before the first, after the last) */
	pd[na] = nd;
	ps[na] = ns;
	int pi = -1, pj = -1;
	for (int k = 0; k <= na; k++) {
		int gd = pd[k] - pi - 1, gs = ps[k] - pj - 1;
		for (int m = 0; m < gd && gs > 0; m++)
			take[pi + 1 + m] = pj + 1 + (int)((long long)m * gs / gd);
		if (k < na)
			take[pd[k]] = ps[k];
		pi = pd[k];
		pj = ps[k];
	}
	free(pd);
	free(ps);
}

static void twords_add(struct twords *tw, char *body, const char *speaker, int64_t sample,
		       int64_t last)
{
	if (tw->n == tw->cap) {
		tw->cap = tw->cap ? 2 * tw->cap : 64;
		tw->w = xreallocarray(tw->w, (size_t)tw->cap, sizeof *tw->w);
	}
	tw->w[tw->n++] = (struct tword){body, speaker, sample, last};
}

/* The written words of spoken bytes [sa, sb) of run r, shown as display text dp[0..dn). */
static void pair_words(struct twords *tw, const struct seg_audio *a, const struct run *run,
		       int r, size_t sa, size_t sb, const char *dp, size_t dn, const char *speaker)
{
	char *shown = cue_text(dp, dn);
	size_t *dr = NULL;
	int nd = split_words(shown, &dr), ns = 0;
	char **dk = xcalloc((size_t)nd + 1, sizeof *dk), **sk = NULL;
	int64_t *st = NULL;
	const char *sp = run->text ? run->text : "";
	size_t splen = strlen(sp);

	for (uint32_t i = 0; i < a->nevents; i++) {
		const struct synth_event *e = &a->events[i];
		if (e->type != SYNTH_EV_WORD || (int)e->run != r || e->pos < sa || e->pos >= sb ||
		    e->pos >= splen)
			continue;
		sk = xreallocarray(sk, (size_t)ns + 1, sizeof *sk);
		st = xreallocarray(st, (size_t)ns + 1, sizeof *st);
		size_t len = e->len;
		if (len > splen - e->pos)
			len = splen - e->pos;
		char *said = text_form(sp + e->pos, len, TEXT_WRITTEN);   /* a hint's written word */
		sk[ns] = word_key(said, strlen(said));
		free(said);
		st[ns++] = e->sample;
	}
	for (int i = 0; i < nd; i++)
		dk[i] = word_key(shown + dr[2 * i], dr[2 * i + 1] - dr[2 * i]);
	int *take = xcalloc((size_t)nd + 1, sizeof *take);
	align_words(dk, nd, sk, ns, take);
	for (int i = 0; i < nd; i++) {
		/* the spoken words up to the next written word's are this one's */
		int lastw = take[i];
		for (int k = i + 1; lastw >= 0 && k <= nd; k++) {
			if (k == nd) {
				lastw = ns - 1;
			} else if (take[k] >= 0) {
				lastw = take[k] > take[i] ? take[k] - 1 : take[i];
				break;
			}
		}
		/* written words sharing one spoken word share out its time */
		int shared = i > 0 && take[i] >= 0 && take[i] == take[i - 1];
		twords_add(tw, xstrndup(shown + dr[2 * i], dr[2 * i + 1] - dr[2 * i]), speaker,
			   take[i] >= 0 && !shared ? st[take[i]] : -1, lastw >= 0 ? st[lastw] : -1);
	}
	for (int i = 0; i < nd; i++)
		free(dk[i]);
	for (int i = 0; i < ns; i++)
		free(sk[i]);
	free(dk);
	free(sk);
	free(st);
	free(take);
	free(dr);
	free(shown);
}

/* Unknown or out-of-order starts spread evenly between the known ones around them. */
static void fill_times(struct twords *tw, int from, int64_t end)
{
	int64_t prev = 0;
	for (int i = from; i < tw->n; i++) {
		if (tw->w[i].sample >= prev) {
			prev = tw->w[i].sample;
			continue;
		}
		int j = i;
		while (j < tw->n && tw->w[j].sample < prev)
			j++;
		int64_t next = j < tw->n ? tw->w[j].sample : end;
		for (int k = i; k < j; k++)
			tw->w[k].sample = prev + (next - prev) * (k - i + 1) / (j - i + 1);
		prev = tw->w[j - 1].sample;
		i = j - 1;
	}
}

/* Appends s as a JSON string (already clean text). */
static void json_str(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

/*
 * A word is highlighted until the next starts, but at most this long after
 * the start of the last spoken word it stands for (a pause follows).
 */
#define WORD_MAX_MS 1000

int transcript_words_json(const struct script *s, const struct timeline *tl, struct buf *out,
			  const char *host)
{
	struct vtt v = {.tl = tl};
	int rc = 0, first = 1;
	int64_t last_end = 0;

	v.total_ms = tl->rate > 0 ? (tl->total * 1000) / tl->rate : 0;
	buf_puts(out, "{\n  \"version\": \"1.0.0\",\n  \"segments\": [");
	for (int i = 0; rc == 0; i++) {
		const struct tl_item *it;
		const struct segment *seg;
		struct seg_audio a = {0};
		int got = next_spoken(s, tl, &i, &it, &seg, &a);
		if (got <= 0) {
			rc = got;
			break;
		}
		struct twords tw = {0};
		char **labels = xcalloc((size_t)seg->nruns + 1, sizeof *labels);
		for (int r = 0; r < seg->nruns; r++) {
			const struct run *run = &seg->runs[r];
			const char *sp = run->text ? run->text : "";
			const char *dp = run->display ? run->display : sp;
			size_t ns = strlen(sp), nd = strlen(dp), *ss = NULL, *ds = NULL;
			int ks = text_sentences(sp, ns, 0, &ss), kd = text_sentences(dp, nd, 0, &ds);
			labels[r] = person_label(seg, host);
			if (ks > 0 && ks == kd) {
				for (int k = 0; k < ks; k++)
					pair_words(&tw, &a, run, r, ss[2 * k], ss[2 * k + 1],
						   dp + ds[2 * k], ds[2 * k + 1] - ds[2 * k], labels[r]);
			} else if (kd > 0) {
				pair_words(&tw, &a, run, r, 0, ns, dp, nd, labels[r]);
			}
			free(ss);
			free(ds);
		}
		fill_times(&tw, 0, a.nsamples);
		for (int k = 0; k < tw.n; k++) {
			int64_t t0 = out_ms(&v, it, a.rate, tw.w[k].sample);
			int64_t t1 = out_ms(&v, it, a.rate, k + 1 < tw.n ? tw.w[k + 1].sample : a.nsamples);
			if (t0 < last_end)
				t0 = last_end;
			int64_t tl0 = tw.w[k].last > tw.w[k].sample ?
				      out_ms(&v, it, a.rate, tw.w[k].last) : t0;
			if (t1 > tl0 + WORD_MAX_MS)
				t1 = tl0 + WORD_MAX_MS;
			if (t1 > v.total_ms)
				t1 = v.total_ms;
			if (t1 < t0)
				t1 = t0;
			last_end = t1;
			buf_printf(out, "%s\n    {", first ? "" : ",");
			if (tw.w[k].speaker) {
				buf_puts(out, "\"speaker\": ");
				json_str(out, tw.w[k].speaker);
				buf_puts(out, ", ");
			}
			buf_printf(out, "\"startTime\": %lld.%03lld, \"endTime\": %lld.%03lld, \"body\": ",
				   (long long)(t0 / 1000), (long long)(t0 % 1000),
				   (long long)(t1 / 1000), (long long)(t1 % 1000));
			json_str(out, tw.w[k].body);
			buf_putc(out, '}');
			first = 0;
			free(tw.w[k].body);
		}
		free(tw.w);
		for (int r = 0; r < seg->nruns; r++)
			free(labels[r]);
		free(labels);
		seg_audio_clear(&a);
	}
	buf_puts(out, first ? "]\n}\n" : "\n  ]\n}\n");
	return rc;
}

int transcript_write_words(const char *path, const struct script *s,
			   const struct timeline *tl, const char *host)
{
	struct buf b = {0};
	int rc = transcript_words_json(s, tl, &b, host);
	if (rc == 0 && msg_write_file_atomic(path, b.data, b.len) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the word transcript" MSG_SEP "%s", strerror(errno));
		rc = -1;
	}
	buf_free(&b);
	return rc;
}
