/*
 * synth_split.c: cutting a piece of text that failed to synthesise into
 * smaller ones: its sentences (by text.h's rule, the transcript's too),
 * then halves at the middle word, then (CJK) at the middle character.
 * In: a run's text and a byte range; out: spans of it (synth_int.h).
 */
#include "synth_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/core.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Trims whitespace off [*off, *off + *len) of t. */
void synth_trim(const char *t, uint32_t *off, uint32_t *len)
{
	while (*len > 0 && is_space(t[*off])) {
		(*off)++;
		(*len)--;
	}
	while (*len > 0 && is_space(t[*off + *len - 1]))
		(*len)--;
}

static void add_span(struct span **v, int *n, const char *t, uint32_t off, uint32_t end)
{
	uint32_t len = end - off;
	synth_trim(t, &off, &len);
	if (len == 0)
		return;
	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	(*v)[(*n)++] = (struct span){off, len};
}

/*
 * Splits t[off, off+len) into its sentences, by the rule the transcript
 * uses too (text.h); phoneme input [[...]] is kept whole.
 */
int synth_split_sentences(const char *t, uint32_t off, uint32_t len, struct span **out)
{
	size_t *r = NULL;
	int k = text_sentences(t + off, len, TEXT_PHONEMES, &r), n = 0;
	*out = NULL;
	for (int i = 0; i < k; i++)
		add_span(out, &n, t, off + (uint32_t)r[2 * i], off + (uint32_t)r[2 * i + 1]);
	free(r);
	return n;
}

/*
 * Splits t[off, off+len) into two halves at the middle word (outside
 * phoneme input and hints, text.h); a single word of CJK text is halved by characters.
 * Returns the number of spans: 2, or 0 when it cannot be split.
 */
int synth_split_halves(const char *t, uint32_t off, uint32_t len, struct span **out)
{
	uint32_t end = off + len;
	uint32_t *starts = xmalloc(((size_t)len + 1) * sizeof *starts);
	int nw = 0, phon = 0, cjk = 0;
	*out = NULL;
	for (uint32_t i = off; i < end; i++) {
		size_t h = text_hint_end(t, i, end);
		if (h != i) {   /* a hint is one word */
			starts[nw++] = i;
			i = (uint32_t)h - 1;
			continue;
		}
		if (!phon && i + 1 < end && t[i] == '[' && t[i + 1] == '[')
			phon = 1;
		else if (phon && i > off && t[i] == ']' && t[i - 1] == ']')
			phon = 0;
		uint32_t cp;
		if ((unsigned char)t[i] >= 0xe0 && utf8_decode(t + i, end - i, &cp) > 0 &&
		    text_is_cjk(cp))
			cjk = 1;  /* no spaces between words */
		if (!is_space(t[i]) && (i == off || is_space(t[i - 1])) &&
		    (!phon || (t[i] == '[' && i + 1 < end && t[i + 1] == '[')))
			starts[nw++] = i;
	}
	int n = 0;
	if (nw >= 2) {
		uint32_t mid = starts[nw / 2];
		add_span(out, &n, t, off, mid);
		add_span(out, &n, t, mid, end);
	} else if (cjk && memmem(t + off, len, "[[", 2) == NULL) {
		/* Code point boundaries; split at the middle one. */
		uint32_t ncp = 0;
		for (uint32_t i = off; i < end; i++)
			if (((unsigned char)t[i] & 0xc0) != 0x80)
				starts[ncp++] = i;
		if (ncp >= 2) {
			uint32_t mid = starts[ncp / 2];
			add_span(out, &n, t, off, mid);
			add_span(out, &n, t, mid, end);
		}
	}
	free(starts);
	if (n < 2) {
		free(*out);
		*out = NULL;
		n = 0;
	}
	return n;
}
