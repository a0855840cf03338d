/*
 * cmd_segments.c: `podsynth segments EPISODE.md` prints one line per
 * segment: ID, cached or stale, voice(s), duration when known, first words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "synth/synth.h"
#include "show/show.h"

/* The first words of s, cut at a word boundary to fit about n bytes. */
static void first_words(char *out, size_t n, const char *s)
{
	size_t len = strlen(s);
	if (len < n) {
		memcpy(out, s, len + 1);
		return;
	}
	size_t cut = n - 4;
	while (cut > 0 && s[cut] != ' ')
		cut--;
	if (cut == 0)
		cut = text_cut(s, n - 4);
	memcpy(out, s, cut);
	memcpy(out + cut, "...", 4);
}

static const char *kind_name(enum block_kind k)
{
	static const char *names[] = {"heading", "paragraph", "quote", "item", "table"};
	return names[k];
}

/*
 * --dump: everything the parse and script stages decided, one segment a
 * line, tab-separated, for golden tests: ID, kind, line, section, pause
 * after, then each run as [voice pause] text.
 */
static void dump_segment(const struct segment *seg)
{
	printf("%s\t%s\t%d\t%d\t%d", seg->id, kind_name(seg->kind), seg->line,
	       seg->section, seg->pause_after_ms);
	for (int r = 0; r < seg->nruns; r++)
		printf("\t[%s %d] %s", seg->runs[r].voice->name, seg->runs[r].pause_ms,
		       seg->runs[r].display);
	putchar('\n');
}

static const char segments_usage[] =
	"usage: podsynth segments [--channel FILE] [--dump] EPISODE.md...\n";

int cmd_segments(int argc, char **argv)
{
	const char *channel = NULL;
	struct project *p = NULL;
	int rc = 0, dump = 0;
	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"dump", 0, OPT_FLAG, &dump, 1, 0, 0, NULL, NULL},
	};
	int i = opts_parse(argc, argv, tab, ARRAY_LEN(tab), segments_usage);
	if (i < 0)
		return i == OPTS_HELP ? 0 : 2;
	if (i >= argc)
		return opts_fail(argv[0], segments_usage, "no episode given");
	if (project_open_for(channel, 0, &p) != 0)
		return 1;
	for (; i < argc; i++) {
		struct episode *ep = NULL;
		struct script *s = NULL;
		if (project_episode(p, argv[i], &ep, &s) != 0) {
			rc = 1;
			continue;
		}
		for (int k = 0; k < s->nsegs; k++) {
			const struct segment *seg = &s->segs[k];
			if (dump) {
				dump_segment(seg);
				continue;
			}
			char *path = segment_cache_path(p->cache_dir, seg);
			int rate = 0;
			uint32_t n = 0;
			enum segcache_err e = segcache_probe(path, &rate, &n);
			char voices[64] = "";
			for (int r = 0; r < seg->nruns; r++) {
				const char *name = seg->runs[r].voice->name;
				if (strstr(voices, name) == NULL && strlen(voices) + strlen(name) + 2 < sizeof voices) {
					if (voices[0])
						strcat(voices, "+");
					strcat(voices, name);
				}
			}
			char dur[16] = "-";
			if (e == SEGCACHE_OK && rate > 0)
				snprintf(dur, sizeof dur, "%.1fs", (double)n / rate);
			char words[64];
			first_words(words, sizeof words, seg->source);
			printf("%-12s %-6s %-10s %7s  %s\n", seg->id,
			       e == SEGCACHE_OK ? "cached" : "stale", voices, dur, words);
			free(path);
		}
		script_free(&s);
		episode_free(&ep);
	}
	project_close(&p);
	return rc;
}
