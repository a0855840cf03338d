/*
 * cmd_script.c: `podsynth script EPISODE.md...` prints exactly what will be
 * spoken, for proofreading before a render: for each segment its ID, kind
 * and line, then each run's voice (and speaker, and pause) and the words
 * after normalisation, and, where they are in the file, the audio inserts
 * and the things left out (code, images, table rows past the limit). With
 * --plain only the spoken words, one segment a line, so two revisions of an
 * episode can be diffed; with --explain, under each run, why each token is
 * said as it is (its class and what decided it).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "show/show.h"

static const char script_usage[] =
	"usage: podsynth script [--channel FILE] [--plain | --explain] EPISODE.md...\n"
	"  --plain     only the spoken words, one segment a line\n"
	"  --explain   under each run, every token: as written, its class, what is said, what decided it\n";

static const char *kind_name(enum block_kind k)
{
	switch (k) {
	case BLOCK_HEADING: return "heading";
	case BLOCK_PARAGRAPH: return "paragraph";
	case BLOCK_QUOTE: return "quote";
	case BLOCK_LIST_ITEM: return "item";
	case BLOCK_TABLE: return "table";
	}
	return "block";
}

/* Who speaks a run: the voice, or "Speaker/voice" in a speaker's segment. The caller frees. */
static char *run_label(const struct segment *seg, const struct run *run)
{
	if (seg->speaker)
		return xasprintf("%s/%s", seg->speaker, run->voice->name);
	return xstrdup(run->voice->name);
}

/* "{rate -20%, pitch +12, whisper} " for a run with prosody; nothing otherwise. */
static void print_prosody(const struct prosody *p)
{
	if (!prosody_any(p))
		return;
	const char *sep = "{";
	if (p->rate)
		printf("%srate %+d%%", sep, p->rate), sep = ", ";
	if (p->pitch)
		printf("%spitch %+d", sep, p->pitch), sep = ", ";
	if (p->range)
		printf("%srange %+d", sep, p->range), sep = ", ";
	if (p->volume)
		printf("%svolume %+d%%", sep, p->volume), sep = ", ";
	if (p->whisper)
		printf("%swhisper", sep);
	printf("} ");
}

/*
 * The rows of a run's explanation, "written  class  said  (why)", indented
 * under it; a guess (nothing knew the token) ends in "guessed".
 */
static void print_explain(const char *rows)
{
	for (const char *p = rows; p && *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *f[5] = {p, "", "", "", ""};
		size_t fl[5] = {n, 0, 0, 0, 0};
		int k = 0;
		for (size_t i = 0; i < n && k < 4; i++)
			if (p[i] == '\t') {
				fl[k] = (size_t)(p + i - f[k]);
				f[++k] = p + i + 1;
				fl[k] = n - i - 1;
			}
		char *said = text_form(f[3], fl[3], TEXT_SHOWN);
		printf("        %-20.*s %-13.*s %-28s (%.*s)%s\n", (int)fl[0], f[0], (int)fl[1], f[1],
		       said, (int)fl[2], f[2], fl[4] ? " guessed" : "");
		free(said);
		p = nl ? nl + 1 : p + n;
	}
}

static void print_segment(const struct episode *ep, const struct segment *seg)
{
	printf("%s  %s  %s:%d\n", seg->id, kind_name(seg->kind), ep->path, seg->line);
	int width = 0;
	for (int r = 0; r < seg->nruns; r++) {
		char *l = run_label(seg, &seg->runs[r]);
		int w = (int)strlen(l);
		if (w > width)
			width = w;
		free(l);
	}
	for (int r = 0; r < seg->nruns; r++) {
		const struct run *run = &seg->runs[r];
		char *l = run_label(seg, run);
		printf("    %-*s  ", width, l);
		free(l);
		if (run->pause_ms)
			printf("[%dms] ", run->pause_ms);
		print_prosody(&run->pro);
		char *shown = text_form(run->text, strlen(run->text), TEXT_SHOWN);
		printf("%s\n", shown);
		free(shown);
		print_explain(run->explain);
	}
	if (seg->pause_after_ms)
		printf("    %-*s  [%dms]\n", width, "", seg->pause_after_ms);
}

static void print_omission(const struct episode *ep, const struct omission *o)
{
	if (o->said)   /* the segment shows what is said */
		return;
	printf("-  not said  %s:%d\n    %s\n", ep->path, o->line, o->what);
}

/* The audio inserts that follow block k (-1: before the first). */
static void print_inserts(const struct episode *ep, int k, int plain)
{
	for (int n = 0; !plain && n < ep->ninserts; n++)
		if (ep->inserts[n].after == k)
			printf("audio  %s  %s:%d\n", ep->inserts[n].path, ep->path, ep->inserts[n].line);
}

int cmd_script(int argc, char **argv)
{
	const char *channel = NULL;
	struct project *p = NULL;
	int plain = 0, explain = 0, rc = 0;
	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"plain", 0, OPT_FLAG, &plain, 1, 0, 0, NULL, NULL},
		{"explain", 0, OPT_FLAG, &explain, 1, 0, 0, NULL, NULL},
	};
	int i = opts_parse(argc, argv, tab, ARRAY_LEN(tab), script_usage);
	if (i < 0)
		return i == OPTS_HELP ? 0 : 2;
	if (i >= argc)
		return opts_fail(argv[0], script_usage, "no episode given");
	if (plain && explain)
		return opts_fail(argv[0], script_usage, "--plain and --explain go apart");
	speech_explain(explain);
	if (project_open_for(channel, 0, &p) != 0)
		return 1;
	int several = argc - i > 1;
	for (; i < argc; i++) {
		struct episode *ep = NULL;
		struct script *s = NULL;
		if (project_episode(p, argv[i], &ep, &s) != 0) {
			rc = 1;
			continue;
		}
		if (several && !plain)
			printf("# %s\n", ep->path);
		int om = 0;
		print_inserts(ep, -1, plain);
		for (int k = 0; k < s->nsegs; k++) {
			/* what is not said, where it would have been */
			for (; !plain && om < ep->nomitted && ep->omitted[om].line < s->segs[k].line; om++)
				print_omission(ep, &ep->omitted[om]);
			if (plain) {
				char *t = segment_spoken(&s->segs[k]);
				puts(t);
				free(t);
			} else {
				print_segment(ep, &s->segs[k]);
			}
			print_inserts(ep, k, plain);
		}
		for (; !plain && om < ep->nomitted; om++)
			print_omission(ep, &ep->omitted[om]);
		script_free(&s);
		episode_free(&ep);
	}
	project_close(&p);
	if (fflush(stdout) != 0)
		rc = 1;
	return rc ? rc : diag_exit_status();
}
