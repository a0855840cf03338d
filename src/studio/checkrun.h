/*
 * checkrun.h: "check as you type": the messages `podsynth check` gives for
 * the episode with a summary in it, at the summary's own lines. check runs
 * as it does from the command line (this program, in a child process), on
 * the text written under the episode's file name in a private temporary
 * directory, so its messages are exactly check's.
 *
 * In: the episode's text with the summary in it, and where the summary's
 * lines are. Out: a JSON array of {"line": N, "level": "...", "text": "..."}.
 */
#ifndef PODSYNTH_STUDIO_CHECKRUN_H
#define PODSYNTH_STUDIO_CHECKRUN_H

#include "core/core.h"

/*
 * Runs check on text as the episode name (a path; its base name is used),
 * with the show settings channel (NULL: rss/channel.yaml), and appends to
 * json the messages about lines [first, first + n) of text, numbered from 1
 * at first. Returns 0, or -1 when check could not run (reported).
 */
int checkrun(const char *channel, const char *name, const char *text, int first, int n, struct buf *json);

#endif
