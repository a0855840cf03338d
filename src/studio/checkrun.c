/*
 * checkrun.c: `podsynth check` on a summary (checkrun.h). In: the
 * episode's text; out: check's messages about the summary's lines, as
 * JSON. The child is forked from the request thread: until it execs it
 * calls only dup2, sigprocmask, execv and _exit.
 */
#include "checkrun.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

enum { OUTPUT_MAX = 64 * 1024 };   /* bytes of check's output read */

/* Appends the messages in out (check's output for file) about lines [first, first + n). */
static void parse(const char *out, const char *file, int first, int n, struct buf *json)
{
	size_t fl = strlen(file);
	int any = 0;
	buf_putc(json, '[');
	for (const char *p = out; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, len);
		int ln, used = 0;
		char level[16];
		if (strncmp(line, file, fl) == 0 && line[fl] == ':' &&
		    sscanf(line + fl + 1, "%d: %15[a-z]: %n", &ln, level, &used) == 2 && used > 0 &&
		    ln >= first && ln < first + n) {
			buf_printf(json, "%s{\"line\":%d,\"level\":", any ? "," : "", ln - first + 1);
			esc_json(json, level);
			buf_puts(json, ",\"text\":");
			esc_json(json, line + fl + 1 + used);
			buf_putc(json, '}');
			any = 1;
		}
		free(line);
		p += len + (nl ? 1 : 0);
	}
	buf_putc(json, ']');
}

int checkrun(const char *channel, const char *name, const char *text, int first, int n, struct buf *json)
{
	const char *t = getenv("TMPDIR");
	char *dir = xasprintf("%s/podsynth-check.XXXXXX", t && *t ? t : "/tmp");
	char *file = NULL;
	struct buf out = {0};
	int rc = -1, fds[2] = {-1, -1};
	char exe[4096];
	ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (el <= 0 || mkdtemp(dir) == NULL) {
		msg(MSG_FILE_TMPDIR, dir, 0, 0, "%s", strerror(errno));
		free(dir);
		return -1;
	}
	exe[el] = '\0';
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	file = path_join(dir, base);
	FILE *f = fopen(file, "w");
	if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
		msg(MSG_FILE_WRITE, file, 0, 0, "the episode to check" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	if (pipe(fds) != 0) {
		msg(MSG_STUDIO_CHECK, "podsynth studio", 0, 0, "%s", strerror(errno));
		goto out;
	}
	char *argv[] = {exe, "check", "--channel", (char *)(channel ? channel : "rss/channel.yaml"), file, NULL};
	sigset_t none;
	sigemptyset(&none);
	pid_t p = fork();
	if (p == 0) {
		sigprocmask(SIG_SETMASK, &none, NULL);
		dup2(fds[1], 1);
		dup2(fds[1], 2);
		close(fds[0]);
		execv(exe, argv);
		_exit(127);
	}
	close(fds[1]);
	fds[1] = -1;
	if (p < 0) {
		msg(MSG_STUDIO_CHECK, "podsynth studio", 0, 0, "%s", strerror(errno));
		goto out;
	}
	char chunk[4096];
	ssize_t k;
	while ((k = read(fds[0], chunk, sizeof chunk)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out.len + (size_t)k <= OUTPUT_MAX)
			buf_add(&out, chunk, (size_t)k);
	}
	int st;
	while (waitpid(p, &st, 0) < 0 && errno == EINTR)
		;
	buf_puts(&out, "");
	parse(out.data, file, first, n, json);
	rc = 0;
out:
	if (fds[0] >= 0)
		close(fds[0]);
	if (fds[1] >= 0)
		close(fds[1]);
	if (file)
		unlink(file);
	rmdir(dir);
	buf_free(&out);
	free(file);
	free(dir);
	return rc;
}
