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
};

/*
 * Builds one episode and prints its summary line on standard output:
 *   FILE: S synthesized, C cached, DURATION, L LUFS, P dBTP, OUT
 * Returns 0, 1 when it was skipped (a draft), -1 on error (reported; nothing
 * already published is changed).
 */
int build_episode(struct project *p, const char *path, const struct build_opts *o);

/* Parses "-j N" style options shared by build and render; see cmd_build.c. */
int build_default_jobs(void);

#endif
