/*
 * test_words.c: the word transcript (transcript_words_json) from a
 * hand-made script and timeline whose segment cache files carry known word
 * events: every written word is there once, in order; a word the
 * normaliser rewrote ("v6.3" spoken as "version six point three") starts
 * at the first spoken word it became; the others start at their own word
 * event (segment start + event offset); words never overlap; speakers are
 * the voice labels; Chinese characters get times between their events.
 */
#include "harness.h"
#include "synth/segcache.h"
#include "script/segment.h"
#include "audio/timeline.h"
#include "publish/transcript.h"
#include "core/util.h"
#include "show/voice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SEG_RATE 22050
#define OUT_RATE 44100
#define STEP (SEG_RATE / 4)   /* a word event every 0.25 s */
#define FIRST 1000            /* the first word's offset in the segment */

static char dir[] = "/tmp/podsynth-test-words.XXXXXX";

/*
 * Word events for the space-separated words of each run (each CJK
 * character pair counts as one word), STEP apart; returns the sample count.
 */
static uint32_t write_seg(const char *path, const struct segment *seg, int cjk_pairs)
{
	struct seg_audio a = {0};
	uint32_t t = FIRST;
	a.rate = SEG_RATE;
	for (int r = 0; r < seg->nruns; r++) {
		const char *text = seg->runs[r].text;
		size_t n = strlen(text);
		a.events = xreallocarray(a.events, a.nevents + n + 2, sizeof *a.events);
		a.events[a.nevents++] = (struct synth_event){t, (uint32_t)r, 0, 0, SYNTH_EV_RUN};
		a.events[a.nevents++] = (struct synth_event){t, (uint32_t)r, 0, 0, SYNTH_EV_SENTENCE};
		for (size_t i = 0; i < n;) {
			size_t e = i;
			if (cjk_pairs) {
				e = i + 6 <= n ? i + 6 : n; /* two 3-byte characters */
			} else {
				while (e < n && text[e] != ' ')
					e++;
			}
			a.events[a.nevents++] = (struct synth_event){t, (uint32_t)r, (uint32_t)i,
								    (uint32_t)(e - i), SYNTH_EV_WORD};
			t += STEP;
			i = e;
			while (i < n && text[i] == ' ')
				i++;
		}
	}
	a.nsamples = t + SEG_RATE / 2;
	a.samples = xcalloc(a.nsamples, sizeof *a.samples);
	OK(segcache_write(path, &a) == SEGCACHE_OK, "cache file written");
	uint32_t ns = a.nsamples;
	seg_audio_clear(&a);
	return ns;
}

struct word {
	char speaker[32], body[64];
	double t0, t1;
};

/* The segments of the JSON as this program writes it (one per line). */
static int parse_words(const char *json, struct word *w, int max)
{
	int n = 0;
	for (const char *p = strstr(json, "{\"speaker\""); p && n < max;
	     p = strstr(p + 1, "{\"speaker\"")) {
		if (sscanf(p, "{\"speaker\": \"%31[^\"]\", \"startTime\": %lf, \"endTime\": %lf, "
			      "\"body\": \"%63[^\"]\"}", w[n].speaker, &w[n].t0, &w[n].t1,
			   w[n].body) != 4)
			return -1;
		n++;
	}
	return n;
}

/* Output seconds of a segment's sample when the segment starts at start_s. */
static double at(double start_s, uint32_t sample)
{
	return start_s + (double)sample / SEG_RATE;
}

int main(void)
{
	struct voice host = {.name = "host", .lang = "en"}, guest = {.name = "guest", .lang = "en"};
	struct voice zhv = {.name = "zh", .lang = "zh"};
	struct run r0[] = {{.voice = &host, .text = "Linus said version six point three is out.",
			    .display = "Linus said v6.3 is out."},
			   {.voice = &guest, .text = "Thanks, Linus!", .display = "Thanks, Linus!"}};
	struct run r1[] = {{.voice = &zhv, .text = "你好世界。", .display = "你好世界。"}};
	struct segment segs[2] = {
		{.kind = BLOCK_PARAGRAPH, .runs = r0, .nruns = 2},
		{.kind = BLOCK_PARAGRAPH, .runs = r1, .nruns = 1},
	};
	struct script s = {segs, 2};
	char *paths[2];
	uint32_t ns[2];

	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	for (int i = 0; i < 2; i++) {
		paths[i] = xasprintf("%s/seg%d", dir, i);
		ns[i] = write_seg(paths[i], &segs[i], i == 1);
	}
	/* seg0 from 1 s, then seg1 */
	struct timeline *tl = timeline_new(OUT_RATE, 1);
	timeline_add_silence(tl, 1000);
	timeline_add(tl, TL_SEGMENT, paths[0], 0);
	timeline_add(tl, TL_SEGMENT, paths[1], 1);
	int64_t pos = 0;
	for (int i = 0; i < tl->n; i++) {
		struct tl_item *x = &tl->items[i];
		if (x->kind == TL_SEGMENT)
			x->length = (int64_t)ns[x->seg] * OUT_RATE / SEG_RATE;
		x->start = pos;
		x->src_rate = x->kind == TL_SEGMENT ? SEG_RATE : OUT_RATE;
		pos += x->length;
	}
	tl->total = pos;
	double seg1 = 1.0 + (double)ns[0] / SEG_RATE;

	struct buf b = {0};
	INT_EQ(transcript_words_json(&s, tl, &b, "Ana"), 0, "word transcript made");
	OK(strstr(b.data, "\"version\": \"1.0.0\"") != NULL, "Podcasting 2.0 transcript version");
	struct word w[32];
	int n = parse_words(b.data, w, 32);
	const char *want[] = {"Linus", "said", "v6.3", "is", "out.", "Thanks,", "Linus!",
			      "你", "好", "世", "界。"};
	INT_EQ(n, (int)ARRAY_LEN(want), "one segment per written word");
	for (int i = 0; i < n && i < (int)ARRAY_LEN(want); i++)
		STR_EQ(w[i].body, want[i], "word as written, in order");
	if (n == (int)ARRAY_LEN(want)) {
		/* spoken words: Linus said version six point three is out. Thanks, Linus! */
		OK(w[0].t0 > at(1.0, FIRST) - 0.0015 && w[0].t0 < at(1.0, FIRST) + 0.0015,
		   "first word at its event (%.3f)", w[0].t0);
		OK(w[2].t0 > at(1.0, FIRST + 2 * STEP) - 0.0015 &&
		   w[2].t0 < at(1.0, FIRST + 2 * STEP) + 0.0015,
		   "v6.3 starts where \"version\" does (%.3f)", w[2].t0);
		OK(w[3].t0 > at(1.0, FIRST + 6 * STEP) - 0.0015 &&
		   w[3].t0 < at(1.0, FIRST + 6 * STEP) + 0.0015,
		   "the word after it at its own event, \"is\" (%.3f)", w[3].t0);
		OK(w[2].t1 > at(1.0, FIRST + 5 * STEP), "v6.3 lasts until \"three\" is over (%.3f)",
		   w[2].t1);
		STR_EQ(w[0].speaker, "Ana", "speaker is the host, by name (not the voice profile)");
		STR_EQ(w[5].speaker, "Ana", "a change of voice is not a change of speaker");
		OK(w[7].t0 >= seg1 - 0.001 && w[7].t0 < w[8].t0 && w[8].t0 < w[9].t0,
		   "Chinese characters in order, each its own time (%.3f %.3f %.3f)", w[7].t0,
		   w[8].t0, w[9].t0);
		OK(w[9].t0 > at(seg1, FIRST + STEP) - 0.0015 && w[9].t0 < at(seg1, FIRST + STEP) + 0.0015,
		   "the second character pair starts at its event (%.3f)", w[9].t0);
	}
	int ordered = n > 0;
	for (int i = 0; i < n; i++)
		if (w[i].t1 < w[i].t0 || (i + 1 < n && w[i].t1 > w[i + 1].t0 + 0.0005))
			ordered = 0;
	OK(ordered, "words never overlap and never end before they start");
	OK(n > 0 && w[n - 1].t1 <= (double)tl->total / OUT_RATE + 0.001, "none ends after the end");

	char *out = xasprintf("%s/x.words.json", dir);
	INT_EQ(transcript_write_words(out, &s, tl, "Ana"), 0, "written to a file");
	size_t len;
	char *back = read_file(out, &len);
	OK(back && len == b.len && memcmp(back, b.data, len) == 0, "the file holds the same JSON");
	free(back);
	unlink(out);
	free(out);

	/* a missing cache file is an error, not an empty transcript */
	unlink(paths[1]);
	struct buf b2 = {0};
	INT_EQ(transcript_words_json(&s, tl, &b2, "Host"), -1, "missing segment audio reported");
	buf_free(&b2);

	buf_free(&b);
	timeline_free(&tl);
	for (int i = 0; i < 2; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
	return harness_done();
}
