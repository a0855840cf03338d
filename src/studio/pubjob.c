/*
 * pubjob.c: the publish job (pubjob.h). In: the episode and the log's
 * path; out: a child process that runs this program's build and feed
 * commands one after the other, its output in the log.
 *
 * The child is forked from the server's request thread, so until it execs
 * it calls only async-signal-safe functions (fork, execv, waitpid, _exit,
 * dup2, sigprocmask); the paths are made before the fork.
 */
#include "pubjob.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/core.h"

/* Runs argv (execv) and waits for it; its exit status, or 1. Async-signal-safe. */
static int run(char *const argv[])
{
	pid_t p = fork();
	if (p == 0) {
		execv(argv[0], argv);
		_exit(127);
	}
	int st;
	if (p < 0)
		return 1;
	while (waitpid(p, &st, 0) < 0)
		if (errno != EINTR)
			return 1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

int pubjob_start(struct pubjob *j, const char *episode, const char *channel, const char *log)
{
	pubjob_poll(j);
	if (j->pid > 0)
		return 1;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0) {
		msg(MSG_STUDIO_PUBLISH, "podsynth studio", 0, 0, "%s", strerror(errno));
		return -1;
	}
	exe[n] = '\0';
	int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		msg(MSG_FILE_WRITE, log, 0, 0, "the publish log" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	char *build[] = {exe, "build", "--channel", (char *)(channel ? channel : "rss/channel.yaml"),
			 (char *)episode, NULL};
	char *feed[] = {exe, "feed", "--channel", (char *)(channel ? channel : "rss/channel.yaml"), NULL};
	sigset_t all;
	sigemptyset(&all);
	pid_t p = fork();
	if (p == 0) {
		/* the server blocks SIGINT and SIGTERM for sigwait; the job takes them */
		sigprocmask(SIG_SETMASK, &all, NULL);
		setpgid(0, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		int rc = run(build);
		if (rc == 0)
			rc = run(feed);
		_exit(rc);
	}
	close(fd);
	if (p < 0) {
		msg(MSG_STUDIO_PUBLISH, "podsynth studio", 0, 0, "%s", strerror(errno));
		return -1;
	}
	j->pid = p;
	j->ran = 1;
	j->status = 0;
	j->started = (long long)time(NULL);
	j->ended = 0;
	return 0;
}

void pubjob_poll(struct pubjob *j)
{
	int st;
	if (j->pid <= 0 || waitpid(j->pid, &st, WNOHANG) != j->pid)
		return;
	j->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	j->ended = (long long)time(NULL);
	j->pid = 0;
}
