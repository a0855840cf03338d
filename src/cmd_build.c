/*
 * cmd_build.c: `podsynth build [-j N] [--drafts] EPISODE.md...` renders
 * episodes; only segments the cache lacks are synthesised.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "cmd.h"
#include "showlock.h"
#include "util.h"

static const char build_usage[] =
	"usage: podsynth build [-j N] [--drafts] [--channel FILE] [--progress|--no-progress] EPISODE.md...\n"
	"  -j N            synthesis worker processes (default: number of cores)\n"
	"  --drafts        render drafts too\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n";

/*
 * Options common to build and render. Returns the index of the first
 * operand, or -1 after a usage error (exit 2), -2 after --help (exit 0).
 */
static int parse_opts(int argc, char **argv, struct build_opts *o, const char **channel,
		      const char **segment, const char *usage)
{
	static const struct option longs[] = {
		{"jobs", required_argument, NULL, 'j'},
		{"drafts", no_argument, NULL, 'd'},
		{"channel", required_argument, NULL, 'c'},
		{"segment", required_argument, NULL, 's'},
		{"progress", no_argument, NULL, 'p'},
		{"no-progress", no_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	o->jobs = build_default_jobs();
	o->progress = -1;
	optind = 1;
	while ((c = getopt_long(argc, argv, "j:s:h", longs, NULL)) != -1) {
		switch (c) {
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end != '\0' || n < 1 || n > 256) {
				fprintf(stderr, "podsynth: -j: expected a number from 1 to 256, not \"%s\"\n", optarg);
				return -1;
			}
			o->jobs = (int)n;
			break;
		}
		case 'd': o->drafts = 1; break;
		case 'c': *channel = optarg; break;
		case 's':
			if (segment == NULL)
				goto bad;
			*segment = optarg;
			break;
		case 'p': o->progress = 1; break;
		case 'P': o->progress = 0; break;
		case 'h':
			fputs(usage, stdout);
			return -2;
		default:
			goto bad;
		}
	}
	return optind;
bad:
	fputs(usage, stderr);
	return -1;
}

int cmd_build(int argc, char **argv)
{
	struct build_opts o = {0};
	const char *channel = NULL;
	struct project *p = NULL;
	int first = parse_opts(argc, argv, &o, &channel, NULL, build_usage);
	if (first < 0)
		return first == -2 ? 0 : 2;
	if (first >= argc) {
		fputs(build_usage, stderr);
		return 2;
	}
	if (project_open(channel, &p) != 0)
		return 1;
	struct showlock *lock = NULL;
	if (showlock_take(p->ch, &lock) != 0) {
		project_close(&p);
		return 1;
	}
	int failed = 0;
	for (int i = first; i < argc; i++)
		if (build_episode(p, argv[i], &o) < 0)
			failed = 1;
	showlock_release(&lock);
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
		return first == -2 ? 0 : 2;
	if (first != argc - 1 || segment == NULL) {
		fputs(render_usage, stderr);
		return 2;
	}
	if (project_open(channel, &p) != 0)
		return 1;
	o.segment = segment;
	o.drafts = 1;
	struct showlock *lock = NULL;
	int r = -1;
	if (showlock_take(p->ch, &lock) == 0)
		r = build_episode(p, argv[first], &o);
	showlock_release(&lock);
	project_close(&p);
	return r < 0 ? 1 : 0;
}
