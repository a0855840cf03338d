/*
 * cmd_build.c: `podsynth build [-j N] [--drafts] EPISODE.md...` renders
 * episodes; only segments the cache lacks are synthesised.
 */
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "cmd.h"
#include "core/core.h"

static const char build_usage[] =
	"usage: podsynth build [-j N] [--drafts] [--channel FILE] [--progress|--no-progress] EPISODE.md...\n"
	"  -j N            synthesis worker processes (default: number of cores)\n"
	"  --drafts        render drafts too\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n";

/*
 * Options common to build and render. Returns the index of the first
 * operand, or OPTS_USAGE / OPTS_HELP (opts.h).
 */
static int parse_opts(int argc, char **argv, struct build_opts *o, const char **channel,
		      const char **segment, const char *usage)
{
	const struct opt tab[] = {
		{"jobs", 'j', OPT_INT, &o->jobs, 0, 1, 256, NULL, NULL},
		{"drafts", 0, OPT_FLAG, &o->drafts, 1, 0, 0, NULL, NULL},
		{"channel", 0, OPT_STR, channel, 0, 0, 0, NULL, NULL},
		{"progress", 0, OPT_FLAG, &o->progress, 1, 0, 0, NULL, NULL},
		{"no-progress", 0, OPT_FLAG, &o->progress, 0, 0, 0, NULL, NULL},
		{"segment", 's', OPT_STR, segment, 0, 0, 0, NULL, NULL},
	};
	o->jobs = build_default_jobs();
	o->progress = -1;
	/* only render takes --segment */
	return opts_parse(argc, argv, tab, ARRAY_LEN(tab) - (segment == NULL), usage);
}

int cmd_build(int argc, char **argv)
{
	struct build_opts o = {0};
	const char *channel = NULL;
	struct project *p = NULL;
	int first = parse_opts(argc, argv, &o, &channel, NULL, build_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (first >= argc)
		return opts_fail(argv[0], build_usage, "no episode given");
	if (project_open_for(channel, PROJECT_LOCK, &p) != 0)
		return 1;
	int failed = 0, built = 0;
	for (int i = first; i < argc; i++) {
		int r = build_episode(p, argv[i], &o);
		if (r < 0)
			failed = 1;
		else if (r == 0)
			built++;
	}
	/* The audio and transcripts are new, the published feed and pages are
	 * not: say so, so that the two are never thought to agree. */
	char *feed = path_join(p->ch->rss_dir ? p->ch->rss_dir : "rss", "feed.xml");
	if (built > 0 && file_exists(feed))
		msg(MSG_BUILD_NOT_PUBLISHED, feed, 0, 0, "%s", built == 1 ? "episode" : "episodes");
	free(feed);
	project_close(&p);
	return failed ? 1 : 0;
}

static const char render_usage[] =
	"usage: podsynth render EPISODE.md --segment ID [-j N] [--channel FILE]\n"
	"  re-synthesises segment ID even when it is cached, then rebuilds the episode\n";

int cmd_render(int argc, char **argv)
{
	struct build_opts o = {0};
	const char *channel = NULL, *segment = NULL;
	struct project *p = NULL;
	int first = parse_opts(argc, argv, &o, &channel, &segment, render_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (segment == NULL)
		return opts_fail(argv[0], render_usage, "no segment given (--segment ID)");
	if (first != argc - 1)
		return opts_fail(argv[0], render_usage, "expected one episode");
	if (project_open_for(channel, PROJECT_LOCK, &p) != 0)
		return 1;
	o.segment = segment;
	o.drafts = 1;
	int r = build_episode(p, argv[first], &o);
	project_close(&p);
	return r < 0 ? 1 : 0;
}
