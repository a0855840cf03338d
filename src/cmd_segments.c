/*
 * cmd_segments.c: `podsynth segments EPISODE.md` prints one line per
 * segment: ID, cached or stale, voice(s), duration when known, first words.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "project.h"
#include "segcache.h"
#include "util.h"
#include "voice.h"

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
	if (cut == 0) {
		cut = n - 4;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
	}
	memcpy(out, s, cut);
	memcpy(out + cut, "...", 4);
}

int cmd_segments(int argc, char **argv)
{
	const char *channel = NULL;
	struct project *p = NULL;
	int rc = 0;
	if (argc == 2 && strcmp(argv[1], "--help") == 0) {
		puts("usage: podsynth segments [--channel FILE] EPISODE.md...");
		return 0;
	}
	int i = 1;
	if (argc > 2 && strcmp(argv[1], "--channel") == 0) {
		channel = argv[2];
		i = 3;
	}
	if (i >= argc) {
		fputs("usage: podsynth segments [--channel FILE] EPISODE.md...\n", stderr);
		return 2;
	}
	if (project_open(channel, &p) != 0)
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
