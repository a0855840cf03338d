/*
 * build.h: one episode through the whole pipeline: parse, script, synthesise
 * what the cache lacks, lay out, render, and write the episode's files.
 * Used by `podsynth build` and `podsynth render`.
 */
#ifndef PODSYNTH_BUILD_H
#define PODSYNTH_BUILD_H

#include "project.h"

struct build_opts {
	int jobs;               /* synthesis workers */
	int drafts;             /* render drafts too */
	const char *segment;    /* re-synthesise this segment even when cached */
	int progress;           /* -1 auto (terminal), 0 off, 1 on */
	struct synth_pool *pool; /* workers forked early, or NULL (synth.h) */
};

/* One episode read and checked, ready to render. */
struct build_job;

/*
 * Reads and checks one episode as the build will use it (front matter,
 * script, inserts and bed, artwork, slug, guid and the published ledger),
 * without the show's lock: every input is read here. Returns 0 and the
 * job in *out (the caller frees it with build_run or build_job_free), 1 when
 * it is skipped (a draft), -1 on error (reported).
 */
int build_prepare(struct project *p, const char *path, const struct build_opts *o,
		  struct build_job **out);
/*
 * Renders a prepared episode (the caller holds the show's lock) and prints
 * its summary line on standard output:
 *   FILE: S synthesized, C cached, DURATION, L LUFS, P dBTP, OUT
 * Frees the job (*j NULL). Returns 0, or -1 on error (reported; nothing
 * already published is changed).
 */
int build_run(struct project *p, struct build_job **j, const struct build_opts *o);
void build_job_free(struct build_job **j);

/* Parses "-j N" style options shared by build and render; see cmd_build.c. */
int build_default_jobs(void);

#endif
