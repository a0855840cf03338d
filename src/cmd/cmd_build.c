/*
 * cmd_build.c: `podsynth build [-j N] [--drafts] [--shard I/N] EPISODE.md|DIR...`
 * renders episodes; only segments the cache lacks are synthesised. With
 * --shard, only this task's share of them (shard.h), under the show's lock
 * shared with the other tasks.
 */
#include <stdio.h>
#include <stdlib.h>

#include "build.h"
#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "shard.h"
#include "synth/synth.h"

static const char build_usage[] =
	"usage: podsynth build [-j N] [--drafts] [--shard I/N] [--channel FILE] [--progress|--no-progress]\n"
	"                      EPISODE.md|DIR...\n"
	"  -j N            synthesis worker processes (default: number of cores)\n"
	"  --drafts        render drafts too\n"
	"  --shard I/N     only task I's share of the episodes (0 <= I < N); auto: the\n"
	"                  task and count of a Slurm job array; auto/N: the task from\n"
	"                  Slurm or Kubernetes (JOB_COMPLETION_INDEX), of N\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n"
	"  a DIR stands for its *.md files\n";

/*
 * Options common to build and render. Returns the index of the first
 * operand, or OPTS_USAGE / OPTS_HELP (opts.h).
 */
static int parse_opts(int argc, char **argv, struct build_opts *o, const char **channel,
		      const char **segment, const char **shard, const char *usage)
{
	const struct opt tab[] = {
		{"shard", 0, OPT_STR, shard, 0, 0, 0, NULL, NULL},
		{"jobs", 'j', OPT_INT, &o->jobs, 0, 1, 256, NULL, NULL},
		{"drafts", 0, OPT_FLAG, &o->drafts, 1, 0, 0, NULL, NULL},
		{"channel", 0, OPT_STR, channel, 0, 0, 0, NULL, NULL},
		{"progress", 0, OPT_FLAG, &o->progress, 1, 0, 0, NULL, NULL},
		{"no-progress", 0, OPT_FLAG, &o->progress, 0, 0, 0, NULL, NULL},
		{"segment", 's', OPT_STR, segment, 0, 0, 0, NULL, NULL},
	};
	o->jobs = build_default_jobs();
	o->progress = -1;
	/* only render takes --segment, only build --shard */
	return opts_parse(argc, argv, tab + (shard == NULL),
			  ARRAY_LEN(tab) - (segment == NULL) - (shard == NULL), usage);
}

int cmd_build(int argc, char **argv)
{
	struct build_opts o = {0};
	const char *channel = NULL, *shard_arg = NULL;
	struct project *p = NULL;
	struct shard sh = {0};
	struct episode_files eps = {0};
	struct build_job **jobs = NULL;
	int njobs = 0;
	int first = parse_opts(argc, argv, &o, &channel, NULL, &shard_arg, build_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (first >= argc)
		return opts_fail(argv[0], build_usage, "no episode given");
	char why[256];
	if (shard_arg != NULL && shard_parse(shard_arg, &sh, why, sizeof why) != 0)
		return opts_fail(argv[0], build_usage, "--shard: %s", why);
	/* (an operand that cannot be read is reported; the others are built) */
	int failed = project_episode_files(argc - first, argv + first, &eps) != 0;
	int mine = 0;
	for (int i = 0; i < eps.n; i++)
		mine += shard_owns(&sh, eps.v[i]);
	if (sh.count > 0) {
		printf("shard %d/%d: %d of %d episode%s\n", sh.index, sh.count, mine, eps.n,
		       eps.n == 1 ? "" : "s");
		fflush(stdout);
	}
	int built = 0;
	/* The synthesis workers are forked now, while this process is small
	 * (see synth_pool_new); the first episode that synthesises uses them. */
	if (mine > 0)
		o.pool = synth_pool_new(o.jobs);
	if (project_open_for(channel, 0, &p) != 0) {
		failed = 1;
		goto out;
	}
	/* Every input is read and checked first; the lock is for the writing. */
	jobs = xcalloc((size_t)eps.n + 1, sizeof *jobs);
	for (int i = 0; i < eps.n; i++) {
		if (!shard_owns(&sh, eps.v[i]))
			continue;
		if (build_prepare(p, eps.v[i], &o, &jobs[njobs]) < 0)
			failed = 1;
		else if (jobs[njobs] != NULL)
			njobs++;
	}
	if (njobs > 0 && project_lock(p, sh.count > 0) != 0) {
		failed = 1;
		goto out;
	}
	for (int i = 0; i < njobs; i++) {
		if (build_run(p, &jobs[i], &o) != 0)
			failed = 1;
		else
			built++;
	}
	/* The audio and transcripts are new, the published feed and pages are
	 * not: say so, so that the two are never thought to agree. */
	char *feed = path_join(p->ch->rss_dir ? p->ch->rss_dir : "rss", "feed.xml");
	if (built > 0 && file_exists(feed))
		msg(MSG_BUILD_NOT_PUBLISHED, feed, 0, 0, "%s", built == 1 ? "episode" : "episodes");
	free(feed);
out:
	for (int i = 0; i < njobs; i++)
		build_job_free(&jobs[i]);
	free(jobs);
	project_close(&p);
	episode_files_free(&eps);
	synth_pool_free(&o.pool);
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
	int first = parse_opts(argc, argv, &o, &channel, &segment, NULL, render_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (segment == NULL)
		return opts_fail(argv[0], render_usage, "no segment given (--segment ID)");
	if (first != argc - 1)
		return opts_fail(argv[0], render_usage, "expected one episode");
	o.segment = segment;
	o.drafts = 1;
	struct build_job *job = NULL;
	int r = -1;
	o.pool = synth_pool_new(o.jobs);   /* while small: see cmd_build */
	if (project_open_for(channel, 0, &p) != 0) {
		synth_pool_free(&o.pool);
		return 1;
	}
	if (build_prepare(p, argv[first], &o, &job) == 0 && project_lock(p, 0) == 0)
		r = build_run(p, &job, &o);
	build_job_free(&job);
	synth_pool_free(&o.pool);
	project_close(&p);
	return r < 0 ? 1 : 0;
}
