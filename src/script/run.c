/*
 * run.c: what the engine is set to for one run (see run.h): the run's voice
 * profile with the prosody its Speech Markdown asks for added and clamped
 * to espeak-ng's ranges (Flite's are mapped from them in the synthesiser).
 *
 * In: struct run (its voice and prosody). Out: struct run_params.
 */
#include "run.h"

#include <stdio.h>

#include "show/show.h"

int prosody_any(const struct prosody *p)
{
	return p->rate || p->pitch || p->range || p->volume || p->whisper;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void run_params(const struct run *r, struct run_params *out)
{
	const struct voice *v = r->voice;
	out->pace = 0;
	if (v->engine == VOICE_FLITE) {
		snprintf(out->voice, sizeof out->voice, "%s", v->fvoice);
		out->rate = v->rate > 0 ? clamp(v->rate * (100 + r->pro.rate) / 100, 40, 600) : 0;
		out->pace = v->rate > 0 ? 0 : clamp(100 + r->pro.rate, 20, 300);
		out->pitch = clamp(v->pitch + r->pro.pitch, 0, 100);
		out->range = clamp(v->range + r->pro.range, 0, 100);
		out->volume = clamp(100 + r->pro.volume, 0, 200);
		return;
	}
	const char *variant = r->pro.whisper ? "whisper" : v->variant;
	const char *name = v->espeak ? v->espeak : "en";
	if (variant && *variant)
		snprintf(out->voice, sizeof out->voice, "%s+%s", name, variant);
	else
		snprintf(out->voice, sizeof out->voice, "%s", name);
	int rate = v->rate > 0 ? v->rate : 175;   /* espeak-ng's own default */
	out->rate = v->rate > 0 || r->pro.rate ? clamp(rate * (100 + r->pro.rate) / 100, 80, 450) : 0;
	out->pitch = clamp(v->pitch + r->pro.pitch, 0, 100);
	out->range = clamp(v->range + r->pro.range, 0, 100);
	out->volume = clamp(100 + r->pro.volume, 0, 200);
}
