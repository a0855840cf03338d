/*
 * hear.c: one paragraph heard (hear.h). In: Markdown text and the show.
 * Out: JSON for the page and WAV audio. The paragraph is read as a
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

/* One part of "parts": the text s[0..n), and its time in ms when it is a word (t >= 0). */
static void put_part(struct buf *json, int *first, const char *s, size_t n, double t)
{
	if (n == 0)
		return;
	char *w = xstrndup(s, n);
	buf_puts(json, *first ? "{\"w\":" : ",{\"w\":");
	esc_json(json, w);
	if (t >= 0)
		buf_printf(json, ",\"t\":%.0f", t);
	buf_putc(json, '}');
	free(w);
	*first = 0;
}

enum hear_result hear_paragraph(const struct hear_show *sh, const char *text, struct buf *json)
{
	double t0 = now_seconds();
	enum hear_result r = HEAR_FAILED;
	struct episode *ep = NULL;
	struct script *sc = NULL;
	struct seg_audio a = {0};
	char *path = NULL, *spoken = NULL;

	if (read_paragraph(sh, text, &ep) != 0 || ep->nblocks == 0) {
		r = HEAR_NOTHING;
		goto out;
	}
	int was = diag_set_muted(1);
	int bad = script_build(ep, sh->ch, sh->vs, sh->lex, sh->eng, &sc);
	diag_set_muted(was);
	if (bad != 0 || sc == NULL || sc->nsegs == 0 || sc->segs[0].nruns == 0) {
		r = HEAR_NOTHING;
		goto out;
	}
	const struct segment *seg = &sc->segs[0];
	path = segment_cache_path(sh->cache_dir, seg);
	int cached = segcache_verify(path) == SEGCACHE_OK;
	if (!cached) {
		char *dir = path_dirname(path);
		mkdir_p(dir);
		free(dir);
		struct synth_job job = {.seg = seg, .file = sh->file, .cache_path = path};
		struct synth_opts o = {.jobs = 1};
		if (synth_run(&job, 1, &o) != 0 || job.failed)
			goto out;
	}
	enum segcache_err e = segcache_read_events(path, &a);
	if (e != SEGCACHE_OK) {
		msg(MSG_AUDIO_SEGMENT, path, 0, 0, "%s", segcache_strerror(e));
		goto out;
	}
	spoken = segment_spoken(seg);
	buf_printf(json, "{\"key\":\"%s\",\"cached\":%s,\"ms\":%.0f,\"spoken\":", seg->key,
		   cached ? "true" : "false", (now_seconds() - t0) * 1000);
	esc_json(json, spoken);
	buf_puts(json, ",\"parts\":[");
	int first = 1;
	for (int r = 0; r < seg->nruns; r++) {
		const char *rt = seg->runs[r].text;
		size_t rl = strlen(rt), at = 0;
		if (r > 0)
			put_part(json, &first, " ", 1, -1);
		for (uint32_t i = 0; i < a.nevents; i++) {
			const struct synth_event *ev = &a.events[i];
			if (ev->type != SYNTH_EV_WORD || ev->run != (uint32_t)r || ev->len == 0 || ev->pos < at || ev->pos >= rl)
				continue;
			size_t from = char_start(rt, at, ev->pos);
			size_t to = ev->len > rl - from ? rl : char_start(rt, from, from + ev->len);
			if (to <= from)
				continue;
			put_part(json, &first, rt + at, from - at, -1);
			put_part(json, &first, rt + from, to - from, a.rate ? (double)ev->sample * 1000.0 / a.rate : 0.0);
			at = to;
		}
		put_part(json, &first, rt + at, rl - at, -1);
	}
	buf_puts(json, "]}");
	r = HEAR_OK;
out:
	seg_audio_clear(&a);
	free(spoken);
	free(path);
	script_free(&sc);
	episode_free(&ep);
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
