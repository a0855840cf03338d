/*
 * test_cjk_join.c: the stages that join text agree on what is CJK, because
 * they ask one function (text_is_cjk). A Korean episode of two segments,
 * "안녕\n하세요" and "반갑습니다", goes through the transcript writer (VTT,
 * SRT, word JSON) and then the page writer (site.c, reading that VTT):
 * the line break inside a segment is no space in the captions, every
 * Hangul syllable is a word of its own in the word JSON, and the two cues
 * are joined on the page without a space, as Chinese ones are. (site.c
 * once had its own list of CJK ranges without Hangul and put a space there.)
 */
#include "show/channel.h"
#include "show/episode.h"
#include "harness.h"
#include "synth/segcache.h"
#include "script/segment.h"
#include "publish/site.h"
#include "core/text.h"
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
#define STEP (SEG_RATE / 4)
#define FIRST 1000

static char dir[] = "/tmp/podsynth-test-cjk.XXXXXX";

/* A cache file with a word event per character of the one run; returns the sample count. */
static uint32_t write_seg(const char *path, const struct segment *seg)
{
	struct seg_audio a = {0};
	const char *text = seg->runs[0].text;
	size_t n = strlen(text);
	uint32_t t = FIRST;
	a.rate = SEG_RATE;
	a.events = xcalloc(n + 2, sizeof *a.events);
	a.events[a.nevents++] = (struct synth_event){t, 0, 0, 0, SYNTH_EV_RUN};
	a.events[a.nevents++] = (struct synth_event){t, 0, 0, 0, SYNTH_EV_SENTENCE};
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = text_cp_at(text, n, i, &cp);
		if (cp != ' ' && cp != '\n') {
			a.events[a.nevents++] = (struct synth_event){t, 0, (uint32_t)i, (uint32_t)l,
								    SYNTH_EV_WORD};
			t += STEP;
		}
		i += l;
	}
	a.nsamples = t + SEG_RATE / 4;
	a.samples = xcalloc(a.nsamples, sizeof *a.samples);
	OK(segcache_write(path, &a) == SEGCACHE_OK, "cache file written");
	uint32_t ns = a.nsamples;
	seg_audio_clear(&a);
	return ns;
}

static int has(const char *text, const char *s)
{
	return text && strstr(text, s) != NULL;
}

int main(void)
{
	OK(text_is_cjk(0xAC00) && text_is_cjk(0xD7A3), "Hangul syllables are CJK (text.c)");

	struct voice ko = {.name = "ko", .lang = "ko"};
	struct run r0[] = {{.voice = &ko, .text = "안녕 하세요", .display = "안녕\n하세요"}};
	struct run r1[] = {{.voice = &ko, .text = "반갑습니다", .display = "반갑습니다"}};
	struct segment segs[2] = {
		{.kind = BLOCK_PARAGRAPH, .runs = r0, .nruns = 1},
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
		ns[i] = write_seg(paths[i], &segs[i]);
	}
	/* the two segments back to back: one paragraph on the page */
	struct timeline *tl = timeline_new(OUT_RATE, 1);
	timeline_add(tl, TL_SEGMENT, paths[0], 0);
	timeline_add(tl, TL_SEGMENT, paths[1], 1);
	int64_t pos = 0;
	for (int i = 0; i < tl->n; i++) {
		struct tl_item *x = &tl->items[i];
		x->length = (int64_t)ns[x->seg] * OUT_RATE / SEG_RATE;
		x->start = pos;
		x->src_rate = SEG_RATE;
		pos += x->length;
	}
	tl->total = pos;

	/* the captions: the line break between Hangul is no space */
	struct buf vtt = {0}, srt = {0}, words = {0};
	INT_EQ(transcript_both(&s, tl, &vtt, &srt, "Host"), 0, "VTT and SRT made");
	OK(has(vtt.data, "안녕하세요\n") && has(vtt.data, "반갑습니다\n"),
	   "VTT: a cue per segment, Hangul lines joined without a space");
	OK(has(srt.data, "안녕하세요\n") && has(srt.data, "반갑습니다\n"),
	   "SRT: the same cues");

	/* the word JSON: each Hangul syllable a word, as each Han character is */
	INT_EQ(transcript_words_json(&s, tl, &words, "Host"), 0, "word JSON made");
	const char *syll[] = {"안", "녕", "하", "세", "요", "반", "갑", "습", "니", "다"};
	int all = 1;
	for (size_t i = 0; i < ARRAY_LEN(syll); i++) {
		char *body = xasprintf("\"body\": \"%s\"", syll[i]);
		all &= has(words.data, body);
		free(body);
	}
	OK(all && !has(words.data, "안녕"), "word JSON: every Hangul syllable is a word");

	/* the page, made from that VTT: the cues joined as the captions join lines */
	char *vtt_path = xasprintf("%s/episodes/k.vtt", dir);
	char *ogg_path = xasprintf("%s/episodes/k.1.ogg", dir);
	char *epdir = path_dirname(vtt_path);
	OK(mkdir_p(epdir) == 0 && write_file_atomic(vtt_path, vtt.data, vtt.len) == 0 &&
	   write_file_atomic(ogg_path, "OggS", 4) == 0, "the episode's files");
	struct channel ch = {.title = "Show", .description = "About it.", .language = "ko",
			     .link = "https://example.org/show"};
	struct episode ep = {.title = "한국어", .date = "2026-11-14", .lang = "ko"};
	struct site_audio au[] = {{"Ogg Vorbis", "audio/ogg; codecs=vorbis", ogg_path, 4, 64, 0}};
	struct site_episode e = {.ep = &ep, .slug = "k", .seconds = 5, .audio = au, .naudio = 1,
				 .vtt = vtt_path, .notes_html = "", .summary = "한국어"};
	struct site *site = site_new(&ch, dir);
	site_add(site, &e);
	INT_EQ(site_prepare(site), SITE_OK, "site prepared");
	INT_EQ(site_commit(site), SITE_OK, "site committed");
	site_free(&site);
	char *page_path = xasprintf("%s/episodes/k.html", dir);
	char *page = read_file(page_path, NULL);
	OK(has(page, "안녕하세요</span><span class=\"cue\""),
	   "page: Hangul cues joined without a space, as in the captions");
	OK(!has(page, "안녕하세요</span> <span"), "page: no space between Hangul cues");

	free(page);
	free(page_path);
	free(epdir);
	free(vtt_path);
	free(ogg_path);
	buf_free(&vtt);
	buf_free(&srt);
	buf_free(&words);
	timeline_free(&tl);
	for (int i = 0; i < 2; i++)
		free(paths[i]);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	OK(system(cmd) == 0, "scratch removed");
	free(cmd);
	return harness_done();
}
