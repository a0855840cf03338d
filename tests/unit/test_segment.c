/*
 * test_segment.c: the segment cache key (segment_key). It is made from what
 * the caller hands in, the engine's facts among them, and from nothing a
 * later stage learns: the same segment and facts give the same key, every
 * fact changes it, and the keys are the ones every cache already holds.
 */
#include "harness.h"
#include "script/segment.h"
#include "show/voice.h"

#include <string.h>

static struct voice v_host = {
	.name = "host", .espeak = "en-us", .variant = "m3", .rate = 160, .pitch = 50,
	.range = 40, .gain_db = -1.5,
};
static struct voice v_quote = {.name = "quote", .espeak = "en-gb"};

int main(void)
{
	struct run runs[2] = {
		{.voice = &v_host, .text = "Hello there, listeners.",
		 .display = "Hello there, listeners."},
		{.voice = &v_quote, .text = "A second voice.", .display = "A second voice.",
		 .pause_ms = 300, .pro = {.rate = 20, .pitch = -10}},
	};
	struct segment seg = {.runs = runs, .nruns = 2};
	const struct engine_facts e151 = {"1.51", 22050};
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
	segment_key(&seg, &(struct engine_facts){"1.51", 22050}, k2);
	STR_EQ(k2, k, "the same facts give the same key");
	segment_key(&seg, &(struct engine_facts){"1.51", 24000}, k2);
	OK(strcmp(k, k2) != 0, "the engine's rate is in the key (%s, %s)", k, k2);
	segment_key(&seg, &(struct engine_facts){"1.52", 22050}, k2);
	OK(strcmp(k, k2) != 0, "the engine's version is in the key (%s, %s)", k, k2);
	segment_key(&seg, &e151, k2);
	STR_EQ(k2, k, "and the key goes back with the facts");
	return harness_done();
}
