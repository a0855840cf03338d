/*
 * test_transcript.c: the WebVTT transcript (transcript.c) and chapters
 * (chapters.c) from a hand-made script and timeline whose segment cache
 * files (written with segcache_write) carry known word events: cue times
 * are segment start + event offset, cues are in order and never run past
 * the end, long sentences are cut into cues of at most two lines of 65
 * characters, the written form is shown, voices are tagged, no text is lost.
 */
#include "publish/chapters.h"
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

static char dir[] = "/tmp/podsynth-test-transcript.XXXXXX";

/* Word events every 0.25 s from first, for each word of text; sentence events too. */
static void events_for(struct seg_audio *a, const char *text, uint32_t run, uint32_t first,
		       uint32_t *t)
{
	size_t n = strlen(text);
	int sentence_start = 1;
	a->events = xreallocarray(a->events, a->nevents + n + 2, sizeof *a->events);
	a->events[a->nevents++] = (struct synth_event){*t ? *t : first, run, 0, 0, SYNTH_EV_RUN};
	if (*t == 0)
		*t = first;
	for (size_t i = 0; i < n; i++) {
		if (text[i] == ' ' || (i > 0 && text[i - 1] != ' '))
			continue;
		size_t e = i;
		while (e < n && text[e] != ' ')
			e++;
		if (sentence_start)
			a->events[a->nevents++] = (struct synth_event){*t, run, (uint32_t)i, 0,
									 SYNTH_EV_SENTENCE};
		a->events[a->nevents++] = (struct synth_event){*t, run, (uint32_t)i,
								 (uint32_t)(e - i), SYNTH_EV_WORD};
		sentence_start = strchr(".!?", text[e - 1]) != NULL;
		*t += SEG_RATE / 4;
		if (sentence_start)
			*t += SEG_RATE / 2; /* espeak pauses between sentences */
	}
}

/* Writes a cache file for a segment and returns its sample count. */
static uint32_t write_seg(const char *path, const struct segment *seg)
{
	struct seg_audio a = {0};
	uint32_t t = 0;
	a.rate = SEG_RATE;
	for (int r = 0; r < seg->nruns; r++) {
		if (r > 0)
			t += (uint32_t)seg->runs[r].pause_ms * SEG_RATE / 1000;
		events_for(&a, seg->runs[r].text, (uint32_t)r, 1000, &t);
	}
	a.nsamples = t + SEG_RATE / 2;
	a.samples = xcalloc(a.nsamples, sizeof *a.samples);
	OK(segcache_write(path, &a) == SEGCACHE_OK, "cache file written");
	uint32_t ns = a.nsamples;
	seg_audio_clear(&a);
	return ns;
}

struct cue {
	long t0, t1;
	char text[1024];
	int nlines, maxline;
};

static long ms_of(int h, int m, int s, int ms)
{
	return ((h * 60L + m) * 60 + s) * 1000 + ms;
}

static int cps(const char *s, size_t n)
{
	int c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* Parses the cues of a WebVTT document (as this program writes it). */
static int parse_vtt(const char *vtt, struct cue *cues, int max)
{
	int n = 0;
	const char *p = vtt;
	while ((p = strstr(p, " --> ")) != NULL && n < max) {
		const char *ls = p;
		while (ls > vtt && ls[-1] != '\n')
			ls--;
		int h, m, s, ms, h2, m2, s2, ms2;
		if (sscanf(ls, "%d:%d:%d.%d --> %d:%d:%d.%d", &h, &m, &s, &ms, &h2, &m2, &s2,
			   &ms2) != 8)
			return -1;
		struct cue *c = &cues[n++];
		memset(c, 0, sizeof *c);
		c->t0 = ms_of(h, m, s, ms);
		c->t1 = ms_of(h2, m2, s2, ms2);
		const char *q = strchr(p, '\n') + 1;
		size_t len = 0;
		while (*q && *q != '\n') {
			const char *e = strchr(q, '\n');
			size_t l = e ? (size_t)(e - q) : strlen(q);
			/* the width of the line's text, its tags left out */
			int w = 0;
			for (const char *b = q; b < q + l;) {
				const char *gt = *b == '<' ? memchr(b, '>', (size_t)(q + l - b)) : NULL;
				if (gt) {
					b = gt + 1;
					continue;
				}
				const char *lt = memchr(b, '<', (size_t)(q + l - b));
				size_t k = lt ? (size_t)(lt - b) : (size_t)(q + l - b);
				w += cps(b, k);
				b += k;
			}
			if (w > c->maxline)
				c->maxline = w;
			c->nlines++;
			if (len)
				c->text[len++] = ' ';
			memcpy(c->text + len, q, l);
			len += l;
			c->text[len] = '\0';
			q += l + (e ? 1 : 0);
		}
		p = q;
	}
	return n;
}

int main(void)
{
	struct voice host = {.name = "host", .lang = "en"}, quote = {.name = "quote", .lang = "en"};
	struct run r0[] = {{&host, "Hello world. This is a test of timing & text.",
			    "Hello world. This is a test of timing & text.", 0, {0}, NULL}};
	struct run r1[] = {{&host, "Linus said", "Linus said", 0, {0}, NULL},
			   {&quote, "version six point three is out, with fixes.",
			    "v6.3 is out, with fixes.", 300, {0}, NULL}};
	const char *longtext =
		"This sentence is far too long to fit on two lines of a caption, so the "
		"transcript has to cut it into several cues at word boundaries, and each "
		"of those cues must start near the word where its text begins in the audio.";
	struct run r2[] = {{&host, (char *)longtext, (char *)longtext, 0, {0}, NULL}};
	struct run r3[] = {{&host, "for example this one. And a second one.",
			    "e.g. this one. And a second one.", 0, {0}, NULL}};
	/* 48 Han characters and a full stop: 98 columns, so two lines */
	const char *zh = "这是一个很长的中文句子用来检查字幕的换行是否按照宽度计算而不是按照字符个数计算所以每行不能超过三十二个汉字";
	struct voice zhv = {.name = "zh", .lang = "zh"};
	struct run r4[] = {{&zhv, (char *)zh, (char *)zh, 0, {0}, NULL}};
	const char *zh3 = "你好。「他说：没问题。」再见！";
	struct run r5[] = {{&zhv, (char *)zh3, (char *)zh3, 0, {0}, NULL},
			   /* a Latin name inside a Chinese sentence, in the English voice */
			   {&zhv, "欢迎收听本期", "欢迎收听本期", 0, {0}, NULL},
			   {&host, "RISC-V", "RISC-V", 0, {0}, NULL},
			   {&zhv, "内核动态， 下周见。", "内核动态，\n下周见。", 0, {0}, NULL}};
	struct segment segs[6] = {
		{.kind = BLOCK_HEADING, .section = 0, .runs = r0, .nruns = 1},
		{.kind = BLOCK_PARAGRAPH, .section = 0, .runs = r1, .nruns = 2},
		{.kind = BLOCK_HEADING, .section = 1, .runs = r2, .nruns = 1},
		{.kind = BLOCK_QUOTE, .section = 1, .runs = r3, .nruns = 1},
		{.kind = BLOCK_PARAGRAPH, .section = 1, .runs = r4, .nruns = 1},
		{.kind = BLOCK_PARAGRAPH, .section = 1, .runs = r5, .nruns = 4},
	};
	struct script s = {segs, 6};
	char *paths[6];
	uint32_t ns[6];

	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	for (int i = 0; i < 6; i++) {
		paths[i] = xasprintf("%s/seg%d", dir, i);
		ns[i] = write_seg(paths[i], &segs[i]);
	}

	/* intro 2 s, seg0, 0.75 s, seg1, 1.2 s, seg2, seg3, outro 1 s */
	struct timeline *tl = timeline_new(OUT_RATE, 1);
	int it_intro = timeline_add(tl, TL_JINGLE_INTRO, NULL, -1);
	int it[4];
	it[0] = timeline_add(tl, TL_SEGMENT, paths[0], 0);
	timeline_add_silence(tl, 750);
	it[1] = timeline_add(tl, TL_SEGMENT, paths[1], 1);
	timeline_add_silence(tl, 1200);
	it[2] = timeline_add(tl, TL_SEGMENT, paths[2], 2);
	it[3] = timeline_add(tl, TL_SEGMENT, paths[3], 3);
	timeline_add(tl, TL_SEGMENT, paths[4], 4);
	timeline_add(tl, TL_SEGMENT, paths[5], 5);
	timeline_add(tl, TL_JINGLE_OUTRO, NULL, -1);
	/* laid out by hand (the jingles are not made here) */
	int64_t at = 0;
	for (int i = 0; i < tl->n; i++) {
		struct tl_item *x = &tl->items[i];
		if (x->kind == TL_SEGMENT)
			x->length = (int64_t)ns[x->seg] * OUT_RATE / SEG_RATE;
		else if (x->kind != TL_SILENCE)
			x->length = i == it_intro ? 2 * OUT_RATE : OUT_RATE;
		x->start = at;
		at += x->length;
	}
	tl->total = at;

	struct buf b = {0};
	INT_EQ(transcript_vtt(&s, tl, &b), 0, "transcript_vtt succeeds");
	if (getenv("SHOW_VTT"))
		fputs(b.data, stderr);
	OK(strncmp(b.data, "WEBVTT\n\n", 8) == 0, "starts with WEBVTT and a blank line");
	struct cue cues[64];
	int n = parse_vtt(b.data, cues, 64);
	OK(n >= 8, "there are cues (%d)", n);

	/* seg0 starts at 2 s; its first word at sample 1000 of 22050 Hz */
	long want0 = 2000 + (1000 * 1000 + SEG_RATE / 2) / SEG_RATE;
	INT_EQ(cues[0].t0, want0, "the first cue starts at its first word (ms)");
	OK(strstr(cues[0].text, "Hello world.") == cues[0].text,
	   "no host named: no voice tag (a voice profile is not a speaker)");
	/* the second sentence of seg0 starts after 2 words and a sentence pause */
	long want1 = 2000 + ((1000 + 2 * SEG_RATE / 4 + SEG_RATE / 2) * 1000L + SEG_RATE / 2) / SEG_RATE;
	INT_EQ(cues[1].t0, want1, "a cue per sentence, at its first word");
	OK(strstr(cues[1].text, "timing &amp; text.") != NULL, "& is escaped");

	int ordered = 1, inside = 1, lines_ok = 1, quote_seen = 0, written = 0, eg = 0;
	long total_ms = (long)(tl->total * 1000 / OUT_RATE);
	for (int i = 0; i < n; i++) {
		if (cues[i].t1 <= cues[i].t0 || (i > 0 && cues[i].t0 < cues[i - 1].t1))
			ordered = 0;
		if (cues[i].t1 > total_ms)
			inside = 0;
		if (cues[i].nlines > 2 || cues[i].maxline > TRANSCRIPT_LINE_MAX)
			lines_ok = 0;
		if (strstr(cues[i].text, "<v "))
			quote_seen = -1;
		else if (strstr(cues[i].text, "<c.quote>e.g. this one.</c>") && quote_seen >= 0)
			quote_seen = 1;
		if (strstr(cues[i].text, "v6.3 is out, with fixes."))
			written = 1;
		if (strstr(cues[i].text, "e.g. this one."))
			eg = 1;
	}
	OK(ordered, "cues are in order, do not overlap, and each has a length");
	OK(inside, "no cue ends after the audio");
	OK(lines_ok, "at most two lines of at most %d characters", TRANSCRIPT_LINE_MAX);
	OK(quote_seen == 1, "a block quote is marked as a quotation (<c.quote>), not as a speaker");
	OK(written, "the written form is shown (v6.3, not the spoken words)");
	OK(eg, "\"e.g. this\" is not cut as a sentence end");
	int zi = -1;
	for (int i = 0; i < n; i++)
		if (strstr(cues[i].text, "<lang zh>"))
			zi = i;
	int zh_cues = 0;
	for (int i = 0; i < n; i++)
		if (strstr(cues[i].text, "<lang zh>你好。") || strstr(cues[i].text, "<lang zh>「他说：没问题。」") ||
		    strstr(cues[i].text, "<lang zh>再见！"))
			zh_cues++;
	INT_EQ(zh_cues, 3, "Chinese sentences end at 。 and ！, closing quotes included");
	int mixed = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(cues[i].text, "<lang zh>欢迎收听本期 RISC-V 内核动态，下周见。</lang>") == 0)
			mixed = 1;
	OK(mixed, "a sentence with a Latin name in another voice is one cue, no space between Han");
	zi = -1;
	for (int i = 0; i < n; i++)
		if (strstr(cues[i].text, "<lang zh>这是"))
			zi = i;
	OK(zi >= 0 && cues[zi].nlines == 2 && cues[zi].maxline <= TRANSCRIPT_LINE_MAX / 2,
	   "Han characters count two columns: two lines of at most %d (%d)",
	   TRANSCRIPT_LINE_MAX / 2, zi >= 0 ? cues[zi].maxline : -1);

	/* The quote run starts 300 ms after its pause: its cue starts at its first word. */
	int qi = -1;
	for (int i = 0; i < n; i++)
		if (strstr(cues[i].text, "v6.3 is out") && qi < 0)
			qi = i;
	if (qi >= 0) {
		/* seg1 words: "Linus said" (2 words), then the pause, then the quote */
		long t = (long)(tl->items[it[1]].start * 1000 / OUT_RATE) +
			 (long)((1000 + 2 * SEG_RATE / 4 + 300 * SEG_RATE / 1000) * 1000L / SEG_RATE);
		OK(labs(cues[qi].t0 - t) <= 1, "the quote cue starts at its first word (%ld, want %ld)",
		   cues[qi].t0, t);
		OK(cues[qi - 1].t1 <= t - 250, "the cue before it ends before the pause (%ld)",
		   cues[qi - 1].t1);
	}

	/* The long sentence: several cues, the words all there, each at its word. */
	int first = -1, last = -1;
	struct buf all = {0};
	for (int i = 0; i < n; i++) {
		if (cues[i].t0 >= tl->items[it[2]].start * 1000 / OUT_RATE &&
		    cues[i].t0 < tl->items[it[3]].start * 1000 / OUT_RATE) {
			if (first < 0)
				first = i;
			last = i;
			const char *t = cues[i].text;

			if (all.len)
				buf_putc(&all, ' ');
			buf_puts(&all, t);
		}
	}
	OK(first >= 0 && last > first, "the long sentence is cut into several cues (%d)",
	   last - first + 1);
	STR_EQ(all.data, longtext, "no word of the long sentence is lost");
	if (first >= 0 && last > first) {
		/* the second part starts at the word event of its first word */
		const char *t2 = cues[first + 1].text;  /* no tag: no host named */
		char word[64];
		sscanf(t2, "%63s", word);
		/* its index among the words of the long text */
		const char *at = strstr(longtext, t2);
		int idx = 0;
		for (const char *p = longtext; at && p < at; p++)
			if (*p == ' ')
				idx++;
		long t = (long)(tl->items[it[2]].start * 1000 / OUT_RATE) +
			 (long)((1000 + idx * SEG_RATE / 4) * 1000L / SEG_RATE);
		OK(labs(cues[first + 1].t0 - t) <= 1,
		   "a later part starts at its first word \"%s\" (%ld, want %ld)", word,
		   cues[first + 1].t0, t);
	}
	buf_free(&all);

	/* Chapters from the same timeline. */
	struct episode ep = {0};
	char *sections[] = {"Hello (world)[sub:\"planet\"]", "Second"};
	ep.title = "Episode";
	ep.sections = sections;
	ep.nsections = 2;
	struct chapter *ch = NULL;
	int nc = chapters_from_timeline(&ep, &s, tl, &ch);
	INT_EQ(nc, 2, "one chapter per heading");
	INT_EQ(ch[0].start, 0, "the first chapter starts at 0, with the intro");
	STR_EQ(ch[0].title, "Hello world", "chapter titles lose Speech Markdown");
	INT_EQ(ch[1].start, tl->items[it[2]].start, "the second chapter starts at its heading");
	chapters_free(&ch, nc);
	OK(ch == NULL, "chapters_free clears the pointer");
	segs[0].kind = BLOCK_PARAGRAPH;
	nc = chapters_from_timeline(&ep, &s, tl, &ch);
	INT_EQ(nc, 2, "text before the first heading: an opening chapter");
	STR_EQ(ch[0].title, "Episode", "named after the episode");
	INT_EQ(ch[1].start, tl->items[it[2]].start, "then the heading");
	chapters_free(&ch, nc);

	/* With the host named: every cue is theirs, quotations and Chinese too
	 * (a language switch is not a speaker change); SRT names them once. */
	struct buf hb = {0}, hs = {0};
	INT_EQ(transcript_both(&s, tl, &hb, &hs, "Ana"), 0, "transcript with the host named");
	struct cue hc[64];
	int hn = parse_vtt(hb.data, hc, 64), all_ana = hn == n;
	for (int i = 0; i < hn; i++)
		all_ana &= strncmp(hc[i].text, "<v Ana>", 7) == 0;
	OK(all_ana, "every cue is the host's, by name (<v Ana>)");
	OK(strstr(hb.data, "<v Ana><c.quote>e.g. this one.</c>") != NULL, "a quotation read by the host");
	OK(strstr(hs.data, "Ana: ") != NULL && strstr(strstr(hs.data, "Ana: ") + 1, "Ana: ") == NULL,
	   "SRT: the speaker named once, as nothing changes speaker");
	buf_free(&hb);
	buf_free(&hs);

	/* A missing cache file is an error, not an empty transcript. */
	unlink(paths[1]);
	buf_reset(&b);
	OK(transcript_vtt(&s, tl, &b) != 0, "a missing segment file is an error");

	buf_free(&b);
	timeline_free(&tl);
	for (int i = 0; i < 6; i++) {
		unlink(paths[i]);
		free(paths[i]);
	}
	rmdir(dir);
	return harness_done();
}
