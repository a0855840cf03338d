/*
 * test_segment.c: the segment cache key (segment_key). It is made from what
 * the caller hands in, the engine's facts among them, and from nothing a
 * later stage learns: the same segment and facts give the same key, every
 * fact changes it, and the keys are the ones every cache already holds.
 * A flite run's key holds its engine, Flite's version and the voice (a
 * .flitevox file's contents), and not espeak-ng's facts. A hint's engine
 * part and written word are in the key; segment_spoken shows the word.
 */
#include "harness.h"
#include "script/segment.h"
#include "show/voice.h"

#include <stdlib.h>
#include <string.h>

static struct voice v_host = {
	.name = "host", .espeak = "en-us", .variant = "m3", .rate = 160, .pitch = 50,
	.range = 40, .gain_db = -1.5,
};
static struct voice v_quote = {.name = "quote", .espeak = "en-gb"};
static struct voice v_rms = {
	.name = "fhost", .engine = VOICE_FLITE, .fvoice = "cmu_us_rms", .rate = 170, .pitch = 50,
	.range = 50,
};
static struct voice v_slt = {
	.name = "fcohost", .engine = VOICE_FLITE, .fvoice = "cmu_us_slt", .rate = 170, .pitch = 50,
	.range = 50,
};

int main(void)
{
	struct run runs[2] = {
		{.voice = &v_host, .text = "Hello there, listeners.",
		 .display = "Hello there, listeners."},
		{.voice = &v_quote, .text = "A second voice.", .display = "A second voice.",
		 .pause_ms = 300, .pro = {.rate = 20, .pitch = -10}},
	};
	struct segment seg = {.runs = runs, .nruns = 2};
	const struct engine_facts e151 = {"1.51", 22050, "2.2"};
	char k[33], k2[33];

	/* The keys podsynth made before the facts were handed in (espeak-ng
	   1.51 at 22050 Hz): existing caches stay valid. */
	segment_key(&seg, &e151, k);
	STR_EQ(k, "024d0033e8b18edd154b6fd3b4000a1c", "the key of a segment with prosody is unchanged");
	seg.nruns = 1;
	segment_key(&seg, &e151, k);
	STR_EQ(k, "24c68e893ad669f2817a6f1c5a1ddde9", "the key of a plain segment is unchanged");
	seg.nruns = 2;

	segment_key(&seg, &e151, k);
	segment_key(&seg, &(struct engine_facts){"1.51", 22050, "2.2"}, k2);
	STR_EQ(k2, k, "the same facts give the same key");
	segment_key(&seg, &(struct engine_facts){"1.51", 24000, "2.2"}, k2);
	OK(strcmp(k, k2) != 0, "the engine's rate is in the key (%s, %s)", k, k2);
	segment_key(&seg, &(struct engine_facts){"1.52", 22050, "2.2"}, k2);
	OK(strcmp(k, k2) != 0, "the engine's version is in the key (%s, %s)", k, k2);
	segment_key(&seg, &e151, k2);
	STR_EQ(k2, k, "and the key goes back with the facts");
	segment_key(&seg, &(struct engine_facts){"1.51", 22050, "2.3"}, k2);
	STR_EQ(k2, k, "Flite's version is not in an espeak-ng segment's key");

	/* A segment Flite speaks. */
	struct run fr = {.voice = &v_rms, .text = "Hello there, listeners.",
			 .display = "Hello there, listeners."};
	struct segment fseg = {.runs = &fr, .nruns = 1};
	char f[33], f2[33];
	segment_key(&fseg, &e151, f);
	seg.nruns = 1;
	segment_key(&seg, &e151, k);
	OK(strcmp(f, k) != 0, "the engine is in the key (%s, %s)", f, k);
	segment_key(&fseg, &(struct engine_facts){"1.52", 24000, "2.2"}, f2);
	STR_EQ(f2, f, "espeak-ng's facts are not in a Flite segment's key");
	segment_key(&fseg, &(struct engine_facts){"1.51", 22050, "2.3"}, f2);
	OK(strcmp(f, f2) != 0, "Flite's version is in its segments' keys (%s, %s)", f, f2);
	fr.voice = &v_slt;
	segment_key(&fseg, &e151, f2);
	OK(strcmp(f, f2) != 0, "the Flite voice is in the key (%s, %s)", f, f2);
	v_slt.fvoice = "voices/x.flitevox";
	v_slt.fvoice_sum = "0123456789abcdef";
	segment_key(&fseg, &e151, f);
	v_slt.fvoice_sum = "0123456789abcdee";
	segment_key(&fseg, &e151, f2);
	OK(strcmp(f, f2) != 0, "a .flitevox file's contents are in the key (%s, %s)", f, f2);

	/* Hints (core/text.h): the key is made from what the engine is given,
	   and from the written word (the events' offsets depend on it). */
	struct run hr = {.voice = &v_host, .text = "Plan \x02" "A\x1f[['eI]]\x03 works."};
	struct segment hseg = {.runs = &hr, .nruns = 1};
	char h[33], h2[33], h3[33];
	segment_key(&hseg, &e151, h);
	hr.text = "Plan \x02" "A\x1f[[eI]]\x03 works.";
	segment_key(&hseg, &e151, h2);
	OK(strcmp(h, h2) != 0, "a hint's engine part is in the key (%s, %s)", h, h2);
	hr.text = "Plan \x02" "a\x1f[['eI]]\x03 works.";
	segment_key(&hseg, &e151, h3);
	OK(strcmp(h, h3) != 0, "and its written word (%s, %s)", h, h3);
	hr.text = "Plan A works.";
	segment_key(&hseg, &e151, h2);
	OK(strcmp(h, h2) != 0, "a word with a hint is another key than the word alone (%s, %s)", h, h2);
	hr.text = "Plan \x02" "A\x1f[['eI]]\x03 works.";
	char *sp = segment_spoken(&hseg);
	STR_EQ(sp, "Plan A works.", "segment_spoken gives the written words");
	free(sp);
	return harness_done();
}
