/*
 * pubjob.h: publishing from the studio: `podsynth build EPISODE` and then
 * `podsynth feed`, as `make episode EP=...` runs them, in a child process
 * of their own whose output goes to a log file the editor's page shows.
 * One job at a time.
 *
 * In: the program (this one), the episode, the show settings' path. Out: a
 * running job, its log, and when it ends, its exit status.
 */
#ifndef PODSYNTH_STUDIO_PUBJOB_H
#define PODSYNTH_STUDIO_PUBJOB_H

#include <sys/types.h>

struct pubjob {
	pid_t pid;         /* the job's process while it runs, else 0 */
	int ran;           /* a job has been started */
	int status;        /* its exit status when it ended (-1: killed) */
	long long started, ended;   /* seconds since the epoch */
};

/*
 * Starts the job unless one runs: 0 started, 1 one is running, -1 it could
 * not start (reported). channel may be NULL (rss/channel.yaml).
 */
int pubjob_start(struct pubjob *j, const char *episode, const char *channel, const char *log);
/* Notices whether the job has ended (never blocks). */
void pubjob_poll(struct pubjob *j);

#endif
