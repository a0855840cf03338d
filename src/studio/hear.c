/*
 * hear.c: one paragraph heard (hear.h). In: Markdown text and the show.
 * Out: JSON for the page (what will be said, the words' times, the words
 * the normaliser guessed) and WAV audio. The paragraph is read as a
 * one-paragraph episode (a private temporary file) so that what is heard
 * is exactly what the episode will say, and shares its cache files.
 */
#include "hear.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "esc.h"
#include "textep.h"
#include "synth/synth.h"

/* text as the body of a one-paragraph episode; *ep on success. */
static int read_paragraph(const struct hear_show *sh, const char *text, struct episode **ep)
{
	char *doc = xasprintf("---\ntitle: hear\n---\n\n%s\n", text);
	textep_read("2000-01-01-hear.md", doc, sh->ch, ep);
	free(doc);
	return *ep ? 0 : -1;
}

/* The start of the UTF-8 character at or before i (not before floor). */
static size_t char_start(const char *s, size_t floor, size_t i)
{
	while (i > floor && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

/*
 * One part of "parts": the text s[0..n), and its time in ms when it is a
 * word (t >= 0); "g":1 when it is (part of) a word the normaliser guessed.
 */
static void put_part(struct buf *json, int *first, const char *s, size_t n, double t, int guessed)
{
	if (n == 0)
		return;
	char *w = text_form(s, n, TEXT_WRITTEN);
	buf_puts(json, *first ? "{\"w\":" : ",{\"w\":");
	esc_json(json, w);
	if (t >= 0)
		buf_printf(json, ",\"t\":%.0f", t);
	if (guessed)
		buf_puts(json, ",\"g\":1");
	buf_putc(json, '}');
	free(w);
	*first = 0;
}

struct hearing {
	const struct hear_show *sh;
	double t0;              /* when it was asked for */
	struct episode *ep;
	struct script *sc;
	char *path;             /* the segment's cache file */
	int cached;             /* the cache file was there when prepared */
	int failed;             /* synthesis failed (reported) */
};

void hearing_free(struct hearing **hp)
{
	struct hearing *h = *hp;
	if (h == NULL)
		return;
	free(h->path);
	script_free(&h->sc);
	episode_free(&h->ep);
	free(h);
	*hp = NULL;
}

enum hear_result hear_prepare(const struct hear_show *sh, const char *text, struct hearing **out)
{
	struct hearing *h = xcalloc(1, sizeof *h);
	h->sh = sh;
	h->t0 = now_seconds();
	*out = NULL;
	if (read_paragraph(sh, text, &h->ep) != 0 || h->ep->nblocks == 0)
		goto nothing;
	int was = diag_set_muted(1);
	/* the explanation of every token, for the words the normaliser guessed */
	speech_explain(1);
	int bad = script_build(h->ep, sh->ch, sh->vs, sh->lex, sh->eng, &h->sc);
	speech_explain(0);
	diag_set_muted(was);
	if (bad != 0 || h->sc == NULL || h->sc->nsegs == 0 || h->sc->segs[0].nruns == 0)
		goto nothing;
	h->path = segment_cache_path(sh->cache_dir, &h->sc->segs[0]);
	h->cached = segcache_verify(h->path) == SEGCACHE_OK;
	*out = h;
	return HEAR_OK;
nothing:
	hearing_free(&h);
	return HEAR_NOTHING;
}

void hear_fail(struct hearing *h)
{
	h->failed = 1;
}

int hear_needs_synthesis(const struct hearing *h)
{
	return !h->cached;
}

int hear_synthesise(struct hearing *h)
{
	if (h->cached)
		return 0;
	char *dir = path_dirname(h->path);
	mkdir_p(dir);
	free(dir);
	struct synth_job job = {.seg = &h->sc->segs[0], .file = h->sh->file, .cache_path = h->path};
	struct synth_opts o = {.jobs = 1};
	if (synth_run(&job, 1, &o) != 0 || job.failed)
		h->failed = 1;
	return h->failed ? -1 : 0;
}

/* Where what is said of a guessed token lies in its run's text: [from, to). */
struct guess { size_t from, to; };

/*
 * The guessed tokens of a run's explanation (rows "written\tclass\twhy\t
 * said[\tguess]"): appended to json as {"w":written,"why":why,"said":said}
 * (*gfirst as put_part's first), and where they are said in *out (the
 * caller frees); returns how many.
 */
static int guesses_of(const struct run *run, struct buf *json, int *gfirst, struct guess **out)
{
	int n = 0;
	*out = NULL;
	size_t at = 0;
	for (const char *p = run->explain; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *row = xstrndup(p, len);
		char *f[5] = {row, NULL, NULL, NULL, NULL};
		int k = 0;
		for (char *q = row; *q && k < 4; q++)
			if (*q == '\t') {
				*q = '\0';
				f[++k] = q + 1;
			}
		if (k == 4 && f[3][0]) {
			/* what is said of the token, found from where the last one was */
			const char *said = strstr(run->text + at, f[3]);
			size_t from = said ? (size_t)(said - run->text) : at, to = said ? from + strlen(f[3]) : at;
			if (said)
				at = to;
			if (strcmp(f[4], "guess") == 0 && said) {
				buf_puts(json, *gfirst ? "{\"w\":" : ",{\"w\":");
				esc_json(json, f[0]);
				buf_puts(json, ",\"why\":");
				esc_json(json, f[2]);
				buf_puts(json, ",\"said\":");
				char *said = text_form(f[3], strlen(f[3]), TEXT_WRITTEN);
				esc_json(json, said);
				free(said);
				buf_putc(json, '}');
				*gfirst = 0;
				*out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
				(*out)[n++] = (struct guess){from, to};
			}
		}
		free(row);
		p = nl ? nl + 1 : p + len;
	}
	return n;
}

/* Whether [from, to) overlaps a guess among g[0..n). */
static int in_guess(const struct guess *g, int n, size_t from, size_t to)
{
	for (int i = 0; i < n; i++)
		if (from < g[i].to && g[i].from < to)
			return 1;
	return 0;
}

enum hear_result hear_answer(const struct hearing *h, struct buf *json)
{
	if (h->failed)
		return HEAR_FAILED;
	struct seg_audio a = {0};
	enum hear_result r = HEAR_FAILED;
	char *spoken = NULL;
	const struct segment *seg = &h->sc->segs[0];
	enum segcache_err e = segcache_read_events(h->path, &a);
	if (e != SEGCACHE_OK) {
		msg(MSG_AUDIO_SEGMENT, h->path, 0, 0, "%s", segcache_strerror(e));
		goto out;
	}
	spoken = segment_spoken(seg);
	buf_printf(json, "{\"key\":\"%s\",\"cached\":%s,\"ms\":%.0f,\"spoken\":", seg->key,
		   h->cached ? "true" : "false", (now_seconds() - h->t0) * 1000);
	esc_json(json, spoken);
	buf_puts(json, ",\"guessed\":[");
	int gfirst = 1;
	struct guess **g = xcalloc((size_t)seg->nruns, sizeof *g);
	int *ng = xcalloc((size_t)seg->nruns, sizeof *ng);
	for (int r = 0; r < seg->nruns; r++)
		ng[r] = guesses_of(&seg->runs[r], json, &gfirst, &g[r]);
	buf_puts(json, "],\"parts\":[");
	int first = 1;
	for (int r = 0; r < seg->nruns; r++) {
		const char *rt = seg->runs[r].text;
		size_t rl = strlen(rt), at = 0;
		if (r > 0)
			put_part(json, &first, " ", 1, -1, 0);
		for (uint32_t i = 0; i < a.nevents; i++) {
			const struct synth_event *ev = &a.events[i];
			if (ev->type != SYNTH_EV_WORD || ev->run != (uint32_t)r || ev->len == 0 || ev->pos < at || ev->pos >= rl)
				continue;
			size_t from = char_start(rt, at, ev->pos);
			size_t to = ev->len > rl - from ? rl : char_start(rt, from, from + ev->len);
			if (to <= from)
				continue;
			put_part(json, &first, rt + at, from - at, -1, 0);
			put_part(json, &first, rt + from, to - from, a.rate ? (double)ev->sample * 1000.0 / a.rate : 0.0,
				 in_guess(g[r], ng[r], from, to));
			at = to;
		}
		put_part(json, &first, rt + at, rl - at, -1, 0);
	}
	buf_puts(json, "]}");
	for (int r = 0; r < seg->nruns; r++)
		free(g[r]);
	free(g);
	free(ng);
	r = HEAR_OK;
out:
	seg_audio_clear(&a);
	free(spoken);
	return r;
}

enum hear_result hear_paragraph(const struct hear_show *sh, const char *text, struct buf *json)
{
	struct hearing *h = NULL;
	enum hear_result r = hear_prepare(sh, text, &h);
	if (r == HEAR_OK && hear_synthesise(h) != 0)
		r = HEAR_FAILED;
	if (r == HEAR_OK)
		r = hear_answer(h, json);
	hearing_free(&h);
	return r;
}

/* Whether key is 32 lower-case hex digits (nothing else can name a file). */
static int is_key(const char *key)
{
	size_t i = 0;
	for (; key[i]; i++)
		if (!isxdigit((unsigned char)key[i]) || isupper((unsigned char)key[i]))
			return 0;
	return i == 32;
}

int hear_wav(const char *cache_dir, const char *key, struct buf *wav)
{
	if (!is_key(key))
		return -1;
	struct segment seg = {0};
	snprintf(seg.key, sizeof seg.key, "%s", key);
	char *path = segment_cache_path(cache_dir, &seg);
	struct seg_audio a = {0};
	int rc = -1;
	if (segcache_read(path, &a) != SEGCACHE_OK)
		goto out;
	unsigned char h[44];
	uint32_t bytes = a.nsamples * 2;
	memcpy(h, "RIFF", 4);
	put_u32(h + 4, 36 + bytes);
	memcpy(h + 8, "WAVEfmt ", 8);
	put_u32(h + 16, 16);
	h[20] = 1, h[21] = 0;   /* PCM */
	h[22] = 1, h[23] = 0;   /* mono */
	put_u32(h + 24, (uint32_t)a.rate);
	put_u32(h + 28, (uint32_t)a.rate * 2);
	h[32] = 2, h[33] = 0;
	h[34] = 16, h[35] = 0;
	memcpy(h + 36, "data", 4);
	put_u32(h + 40, bytes);
	buf_add(wav, h, sizeof h);
	/* the samples as little-endian 16-bit, in one piece */
	unsigned char *pcm = xmalloc((size_t)bytes + 1);
	for (uint32_t i = 0; i < a.nsamples; i++) {
		pcm[2 * i] = (unsigned char)(a.samples[i] & 0xff);
		pcm[2 * i + 1] = (unsigned char)((uint16_t)a.samples[i] >> 8);
	}
	buf_add(wav, pcm, bytes);
	free(pcm);
	rc = 0;
out:
	seg_audio_clear(&a);
	free(path);
	return rc;
}
