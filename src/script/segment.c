/*
 * segment.c: the script stage. Each spoken block becomes a segment: its
 * runs come from the normaliser (speech.c); this file gives each segment
 * its ID, its pauses and its cache key.
 *
 * IDs: a letter for the kind (h heading, p paragraph, q quote, l list item)
 * and 8 hex digits of a hash of the block's own text, with "-2", "-3" for
 * repeats of the same text. An edit elsewhere in the episode therefore never
 * changes a segment's ID; an edit to the block itself gives it a new one.
 *
 * Cache key: a hash of everything that changes the sound: the engine's
 * version and rate (facts the caller hands in: struct engine_facts), the
 * cache format, and for every run the voice (espeak-ng: its name and
 * variant; flite: the engine, its version and the voice, a .flitevox
 * file's contents hashed), rate, pitch, range and gain, the spoken text and
 * the pause before it. espeak-ng's version and rate go in only when one of
 * the segment's runs is espeak-ng's, so the keys of espeak-ng segments are
 * as they were before Flite, and a Flite segment does not change when
 * espeak-ng does. A lexicon edit
 * changes the spoken text of exactly the segments it touches, so exactly
 * those are synthesised again.
 */
#include "segment.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "show/show.h"
#include "speech.h"
#include "core/core.h"

#define CACHE_FORMAT "podsynth-segment-1"

static char kind_letter(enum block_kind k)
{
	switch (k) {
	case BLOCK_HEADING: return 'h';
	case BLOCK_QUOTE: return 'q';
	case BLOCK_LIST_ITEM: return 'l';
	case BLOCK_TABLE: return 't';
	default: return 'p';
	}
}

/* How many segments so far have each base ID: open addressing, twice the blocks. */
struct idcount {
	uint64_t *key;   /* kind letter << 32 | the hash's 32 bits; 0: empty */
	int *n;
	size_t cap;
};

/* The count for key, after adding one; linear in nothing but collisions. */
static int idcount_bump(struct idcount *t, uint64_t key)
{
	size_t i = (size_t)(key * 0x9E3779B97F4A7C15ull >> 32) & (t->cap - 1);
	while (t->key[i] != 0 && t->key[i] != key)
		i = (i + 1) & (t->cap - 1);
	t->key[i] = key;
	return ++t->n[i];
}

static void make_id(struct idcount *t, struct segment *seg)
{
	char base[12];
	uint64_t h = hash64(seg->source, strlen(seg->source));
	char kind = kind_letter(seg->kind);
	snprintf(base, sizeof base, "%c%08x", kind, (unsigned)(h >> 32));
	int repeat = idcount_bump(t, (uint64_t)(unsigned char)kind << 32 | (h >> 32));
	if (repeat == 1)
		snprintf(seg->id, sizeof seg->id, "%s", base);
	else
		snprintf(seg->id, sizeof seg->id, "%.9s-%u", base, (unsigned)repeat % 100000u);
}

/* The engine, its version and the voice of a flite run, for its key. */
static void flite_key(struct hasher *h, const struct voice *v, const struct engine_facts *eng)
{
	hasher_str(h, "flite");
	hasher_str(h, eng->flite_version ? eng->flite_version : "");
	hasher_str(h, v->fvoice);
	hasher_str(h, v->fvoice_sum ? v->fvoice_sum : "");
}

void segment_key(const struct segment *seg, const struct engine_facts *eng, char key[33])
{
	struct hasher *h = hasher_new();
	int espeak = 0;
	for (int i = 0; i < seg->nruns; i++)
		espeak |= seg->runs[i].voice->engine == VOICE_ESPEAK;
	hasher_str(h, CACHE_FORMAT);
	if (espeak || seg->nruns == 0) {
		/* (a segment espeak-ng speaks alone keeps the key it always had) */
		hasher_str(h, eng->version);
		hasher_int(h, eng->rate);
	}
	for (int i = 0; i < seg->nruns; i++) {
		const struct run *r = &seg->runs[i];
		char gain[32];
		snprintf(gain, sizeof gain, "%.3f", r->voice->gain_db);
		if (r->voice->engine == VOICE_FLITE)
			flite_key(h, r->voice, eng);
		else
			hasher_str(h, r->voice->espeak);
		hasher_str(h, r->voice->variant ? r->voice->variant : "");
		hasher_int(h, r->voice->rate);
		hasher_int(h, r->voice->pitch);
		hasher_int(h, r->voice->range);
		hasher_str(h, gain);
		hasher_int(h, r->pause_ms);
		hasher_str(h, r->text);
		if (prosody_any(&r->pro)) {
			/* only then, so that the keys of plain runs stay as they were */
			struct run_params rp;
			run_params(r, &rp);
			hasher_str(h, "prosody");
			hasher_str(h, rp.voice);
			hasher_int(h, rp.rate);
			hasher_int(h, rp.pitch);
			hasher_int(h, rp.range);
			hasher_int(h, rp.volume);
			if (rp.pace)
				hasher_int(h, rp.pace);
		}
	}
	hasher_hex(h, key);
}

static int ends_sentence(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == ')'))
		n--;
	return n > 0 && strchr(".!?", s[n - 1]) != NULL;
}

static int pause_after(const struct episode *ep, const struct channel *ch, int i)
{
	const struct block *b = &ep->blocks[i];
	const struct block *next = i + 1 < ep->nblocks ? &ep->blocks[i + 1] : NULL;
	if (next == NULL)
		return 0;
	if (next->kind == BLOCK_HEADING)
		return ch->pauses.section;
	if (ep->speakers.n > 0 && b->kind != BLOCK_HEADING && b->speaker != next->speaker &&
	    b->speaker >= 0 && next->speaker >= 0)
		return ch->pauses.turn;
	if (b->kind == BLOCK_LIST_ITEM && next->kind == BLOCK_LIST_ITEM)
		return ch->pauses.list_item;
	return ch->pauses.paragraph;
}

int script_build(const struct episode *ep, const struct channel *ch,
		 const struct voiceset *vs, const struct lexicon *lex,
		 const struct engine_facts *eng, struct script **out)
{
	struct script *s = xcalloc(1, sizeof *s);
	struct speech_ctx ctx = {0};
	int err = 0;

	*out = NULL;
	ctx.voices = vs;
	ctx.lex = lex;
	ctx.file = ep->path;
	ctx.lang = ep->lang;
	ctx.host = voiceset_find(vs, ep->voice);
	ctx.quote = voiceset_find(vs, "quote");
	ctx.zh = voiceset_find(vs, "zh");
	if (ctx.host == NULL) {
		msg(MSG_UNKNOWN_VOICE, ep->path, ep->voice_line ? ep->voice_line : 1, 0, "\"%s\"", ep->voice);
		script_free(&s);
		return -1;
	}
	if (ctx.quote == NULL)
		ctx.quote = ctx.host;
	/* A Chinese episode speaks in the Mandarin voice unless it names its own. */
	if (strncmp(ep->lang, "zh", 2) == 0 && ctx.zh != NULL && ep->voice_line == 0)
		ctx.host = ctx.zh;

	/* Each speaker's voice, checked once. */
	const struct voice **spv = xcalloc((size_t)ep->speakers.n + 1, sizeof *spv);
	for (int k = 0; k < ep->speakers.n; k++) {
		const struct speaker *sp = &ep->speakers.v[k];
		if ((spv[k] = voiceset_find(vs, sp->voice)) == NULL) {
			msg(MSG_UNKNOWN_VOICE, sp->file, sp->line, 0, "\"%s\" for speaker \"%s\"",
			    sp->voice, sp->name);
			err = 1;
		}
	}
	const struct voice *episode_host = ctx.host;
	struct buf versions = {0};
	for (int i = 0; i < ep->nblocks; i++)
		speech_versions(&versions, ep->blocks[i].text);
	ctx.versions = versions.data;

	s->segs = xcalloc((size_t)ep->nblocks, sizeof *s->segs);
	struct idcount ids = {0};
	for (ids.cap = 16; ids.cap < 2 * (size_t)ep->nblocks; ids.cap *= 2)
		;
	ids.key = xcalloc(ids.cap, sizeof *ids.key);
	ids.n = xcalloc(ids.cap, sizeof *ids.n);
	for (int i = 0; i < ep->nblocks && !err; i++) {
		const struct block *b = &ep->blocks[i];
		struct segment *seg = &s->segs[s->nsegs];
		memset(seg, 0, sizeof *seg);
		seg->kind = b->kind;
		seg->line = b->line;
		seg->section = b->section;
		seg->source = xstrdup(b->text);
		ctx.host = episode_host;
		if (b->speaker >= 0 && b->speaker < ep->speakers.n) {
			ctx.host = spv[b->speaker];
			seg->speaker = xstrdup(ep->speakers.v[b->speaker].name);
		}
		if (speech_block(&ctx, b, &seg->runs, &seg->nruns) != 0) {
			err = 1;
			s->nsegs++;
			continue;
		}
		for (int r = 1; r < seg->nruns; r++)
			if (seg->runs[r].pause_ms == 0 && ends_sentence(seg->runs[r - 1].display))
				seg->runs[r].pause_ms = ch->pauses.sentence;
		seg->pause_after_ms = pause_after(ep, ch, i);
		make_id(&ids, seg);
		s->nsegs++;
		int words = 0;
		for (int r = 0; r < seg->nruns; r++)
			words += seg->runs[r].text[strspn(seg->runs[r].text, " ")] != '\0';
		if (words == 0) {
			/* Nothing left to say (e.g. only a pause): keep the pause, drop the segment. */
			msg(MSG_BODY_SILENT, ep->path, b->line, 0, "\"%.40s\"", b->text);
		}
		segment_key(seg, eng, seg->key);
	}
	free(spv);
	buf_free(&versions);
	free(ids.key);
	free(ids.n);
	if (err) {
		script_free(&s);
		return -1;
	}
	*out = s;
	return 0;
}

void script_free(struct script **sp)
{
	struct script *s = *sp;
	if (s == NULL)
		return;
	for (int i = 0; i < s->nsegs; i++) {
		struct segment *seg = &s->segs[i];
		for (int r = 0; r < seg->nruns; r++) {
			free(seg->runs[r].text);
			free(seg->runs[r].display);
			free(seg->runs[r].explain);
		}
		free(seg->runs);
		free(seg->source);
		free(seg->speaker);
	}
	free(s->segs);
	free(s);
	*sp = NULL;
}

struct segment *script_find(struct script *s, const char *id)
{
	struct segment *found = NULL;
	size_t n = strlen(id);
	for (int i = 0; i < s->nsegs; i++) {
		if (strcmp(s->segs[i].id, id) == 0)
			return &s->segs[i];
		if (n >= 3 && strncmp(s->segs[i].id, id, n) == 0) {
			if (found)
				return NULL; /* ambiguous */
			found = &s->segs[i];
		}
	}
	return found;
}

char *segment_cache_path(const char *cache_dir, const struct segment *seg)
{
	return xasprintf("%s/%.2s/%s.seg", cache_dir, seg->key, seg->key);
}

char *segment_spoken(const struct segment *seg)
{
	struct buf b = {0};
	for (int r = 0; r < seg->nruns; r++) {
		if (b.len > 0)
			buf_putc(&b, ' ');
		char *w = text_form(seg->runs[r].text, strlen(seg->runs[r].text), TEXT_WRITTEN);
		buf_puts(&b, w);
		free(w);
	}
	return b.data ? buf_detach(&b) : xstrdup("");
}
