/*
 * test_caption_lines.c: where a caption's line is broken in Chinese. A cue
 * of two lines is cut near its middle, and in Chinese text only where a
 * reader breaks a line: between words (ICU's dictionary), never inside one
 * ("规范本\n身允许" was written before) and never before a closing mark
 * (a line does not start with "，"). The lines, put back together, are the
 * sentence: no character lost, no space added.
 */
#include "harness.h"
#include "synth/segcache.h"
#include "script/segment.h"
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

static char dir[] = "/tmp/podsynth-test-caption.XXXXXX";

/* A cache file with a word event per character of the one run; returns the sample count. */
static uint32_t write_seg(const char *path, const char *text)
{
	struct seg_audio a = {0};
	size_t n = strlen(text);
	uint32_t t = 1000;
	a.rate = SEG_RATE;
	a.events = xcalloc(n + 2, sizeof *a.events);
	a.events[a.nevents++] = (struct synth_event){t, 0, 0, 0, SYNTH_EV_RUN};
	a.events[a.nevents++] = (struct synth_event){t, 0, 0, 0, SYNTH_EV_SENTENCE};
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t l = text_cp_at(text, n, i, &cp);
		if (cp != ' ') {
			a.events[a.nevents++] = (struct synth_event){t, 0, (uint32_t)i, (uint32_t)l,
								    SYNTH_EV_WORD};
			t += SEG_RATE / 8;
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

/* The text lines of the first cue of vtt (after its times), in *l1 and *l2. */
static void first_cue(const char *vtt, char *l1, char *l2, size_t max)
{
	const char *p = strstr(vtt, " --> ");
	l1[0] = l2[0] = '\0';
	if (p == NULL || (p = strchr(p, '\n')) == NULL)
		return;
	p++;
	const char *e = strchr(p, '\n');
	snprintf(l1, max, "%.*s", (int)(e ? e - p : (long)strlen(p)), p);
	if (e && e[1] && e[1] != '\n') {
		const char *e2 = strchr(e + 1, '\n');
		snprintf(l2, max, "%.*s", (int)(e2 ? e2 - e - 1 : (long)strlen(e + 1)), e + 1);
	}
}

static void check(const char *text, const char *const *words, int nwords, const char *what)
{
	struct voice zh = {.name = "zh", .lang = "zh"};
	struct run r[] = {{.voice = &zh, .text = (char *)text, .display = (char *)text}};
	struct segment seg = {.kind = BLOCK_PARAGRAPH, .runs = r, .nruns = 1};
	struct script s = {&seg, 1};
	char *path = xasprintf("%s/seg", dir);
	uint32_t ns = write_seg(path, text);
	struct timeline *tl = timeline_new(OUT_RATE, 1);
	timeline_add(tl, TL_SEGMENT, path, 0);
	tl->items[0].length = (int64_t)ns * OUT_RATE / SEG_RATE;
	tl->items[0].src_rate = SEG_RATE;
	tl->total = tl->items[0].length;

	struct buf b = {0};
	char l1[512], l2[512];
	OK(transcript_vtt(&s, tl, &b) == 0, "%s: transcript made", what);
	first_cue(b.data ? b.data : "", l1, l2, sizeof l1);
	char *both = xasprintf("%s%s", l1, l2);
	OK(l2[0] != '\0', "%s: two lines (%s | %s)", what, l1, l2);
	STR_EQ(both, text, "the lines together are the sentence, nothing added or lost");
	int inside = 0;
	for (int i = 0; i < nwords; i++)
		if (strstr(both, words[i]) && !strstr(l1, words[i]) && !strstr(l2, words[i])) {
			inside = 1;
			printf("# %s cut\n", words[i]);
		}
	OK(!inside, "%s: no word cut across the lines", what);
	OK(strncmp(l2, "，", strlen("，")) != 0 && strncmp(l2, "。", strlen("。")) != 0,
	   "%s: the second line does not start with a closing mark", what);
	free(both);
	buf_free(&b);
	timeline_free(&tl);
	unlink(path);
	free(path);
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	/* the sentence of the sample episode that was cut "规范本 | 身允许" */
	const char *isa = "另一组补丁让内核在解析 ISA 字符串时不再区分大小写，因为规范本身允许大写字母，"
			  "而 ACPI 表中的字符串可能与设备树的写法不同。";
	const char *const isa_words[] = {"本身", "规范", "允许", "大写", "字母", "字符串", "设备树",
					 "区分", "大小写"};
	check(isa, isa_words, (int)ARRAY_LEN(isa_words), "the ISA sentence");
	const char *tdm = "StarFive JH7110 的 TDM 音频驱动发布了第三版，已经在 VisionFive 2 开发板上"
			  "配合扩展板测试通过。";
	const char *const tdm_words[] = {"音频", "驱动", "发布", "开发板", "扩展板", "测试", "通过",
					 "已经"};
	check(tdm, tdm_words, (int)ARRAY_LEN(tdm_words), "the TDM sentence");
	rmdir(dir);
	return harness_done();
}
