/*
 * test_util.c: util.c's files and render.c's threads, with open, fsync
 * and pthread_create interposed (this program's definitions win over
 * libc's) to watch and to fail them: commit_tmp syncs the file and then
 * its directory, and renames nothing it could not sync; a directory it
 * cannot sync is its 1, and msg_commit_tmp's warning; mkdir_p("");
 * a thread that cannot start is reported with pthread_create's own error.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "core/msg.h"
#include "render/render.h"
#include "audio/timeline.h"
#include "core/util.h"

/* ---- the interposers ---- */

static const char *fail_open_path;   /* open of this path fails with EACCES */
static int nsync_file, nsync_dir;    /* fsyncs seen, by kind of file */
static int fail_dir_sync;            /* fsync of a directory fails with EIO */
static int fail_threads;             /* pthread_create returns EAGAIN */

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	if (fail_open_path && strcmp(path, fail_open_path) == 0) {
		errno = EACCES;
		return -1;
	}
	return (int)syscall(SYS_openat, AT_FDCWD, path, flags, mode);
}

int fsync(int fd)
{
	struct stat st;
	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			nsync_dir++;
			if (fail_dir_sync) {
				errno = EIO;
				return -1;
			}
		}
		else if (S_ISREG(st.st_mode))
			nsync_file++;
	}
	return (int)syscall(SYS_fsync, fd);
}

int pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *), void *arg)
{
	if (fail_threads) {
		errno = ENOENT; /* a stale errno that must not be reported */
		return EAGAIN;
	}
	int (*real)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);
	*(void **)&real = dlsym(RTLD_NEXT, "pthread_create");
	return real(t, a, fn, arg);
}

/* ---- helpers ---- */

static char dir[] = "/tmp/podsynth-util.XXXXXX";

static char *tpath(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* Runs fn with standard error going to a file; returns what it printed (the caller frees). */
static char *capture_stderr(int (*fn)(void *), void *arg, int *ret)
{
	char *path = tpath("stderr.txt");
	fflush(stderr);
	int saved = dup(2);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	*ret = fn(arg);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	char *s = read_file(path, NULL);
	free(path);
	return s ? s : xstrdup("");
}

/* ---- the tests ---- */

static void test_mkdir_p(void)
{
	errno = 0;
	INT_EQ(mkdir_p(""), -1, "mkdir_p(\"\") fails");
	INT_EQ(errno, ENOENT, "...with ENOENT");
	char *deep = tpath("a/b/c");
	INT_EQ(mkdir_p(deep), 0, "mkdir_p makes every level");
	struct stat st;
	OK(stat(deep, &st) == 0 && S_ISDIR(st.st_mode), "the deepest level is a directory");
	INT_EQ(mkdir_p(deep), 0, "mkdir_p of an existing directory succeeds");
	free(deep);
}

struct commit_call {
	const char *tmp, *path;
	int (*commit)(const char *tmp, const char *path);
	int err;  /* errno after it */
};

/* Writes "fourth" to c->tmp and commits it with c->commit. */
static int do_commit(void *arg)
{
	struct commit_call *c = arg;
	FILE *f = fopen(c->tmp, "w");
	fputs("fourth", f);
	fclose(f);
	int r = c->commit(c->tmp, c->path);
	c->err = errno;
	return r;
}

static void test_commit_tmp(void)
{
	char *path = tpath("out.txt"), *tmp = tmp_path_for(path);
	INT_EQ(write_file_atomic(path, "old", 3), 0, "write the previous file");

	FILE *f = fopen(tmp, "w");
	fputs("new", f);
	fclose(f);
	nsync_file = nsync_dir = 0;
	INT_EQ(commit_tmp(tmp, path), 0, "commit_tmp succeeds");
	INT_EQ(nsync_file, 1, "commit_tmp syncs the file");
	INT_EQ(nsync_dir, 1, "commit_tmp syncs the directory after the rename");
	char *s = read_file(path, NULL);
	STR_EQ(s, "new", "the new contents are in place");
	free(s);

	/* The file cannot be reopened to sync it: nothing is renamed. */
	f = fopen(tmp, "w");
	fputs("unsynced", f);
	fclose(f);
	fail_open_path = tmp;
	nsync_file = nsync_dir = 0;
	errno = 0;
	INT_EQ(commit_tmp(tmp, path), -1, "commit_tmp fails when the file cannot be reopened");
	INT_EQ(errno, EACCES, "...with open's error");
	fail_open_path = NULL;
	s = read_file(path, NULL);
	STR_EQ(s, "new", "...and the previous file stays");
	free(s);
	OK(!file_exists(tmp), "...and the temporary file is removed");

	nsync_file = nsync_dir = 0;
	INT_EQ(write_file_atomic(path, "third", 5), 0, "write_file_atomic succeeds");
	OK(nsync_file == 1 && nsync_dir == 1, "write_file_atomic syncs the file and the directory");

	/* The directory cannot be synced: the file is in place, util.c says 1
	 * and prints nothing; msg_commit_tmp reports it as a warning. */
	fail_dir_sync = 1;
	struct commit_call c = {tmp, path, commit_tmp, 0};
	int r;
	errno = 0;
	char *err = capture_stderr(do_commit, &c, &r);
	INT_EQ(r, 1, "commit_tmp is 1 when the directory cannot be synced");
	INT_EQ(c.err, EIO, "...with fsync's error");
	STR_EQ(err, "", "...and prints nothing");
	free(err);
	s = read_file(path, NULL);
	STR_EQ(s, "fourth", "...the new file is in place");
	free(s);
	int warnings = diag_count(DIAG_WARNING);
	c.commit = msg_commit_tmp;
	err = capture_stderr(do_commit, &c, &r);
	INT_EQ(r, 0, "msg_commit_tmp is 0 then");
	char *dirname = path_dirname(path);
	char *want = xasprintf("%s: warning: cannot sync the directory after writing \"%s\": %s\n",
			       dirname, path, strerror(EIO));
	STR_EQ(err, want, "...and warns, naming the directory and the file");
	INT_EQ(diag_count(DIAG_WARNING) - warnings, 1, "...one warning");
	fail_dir_sync = 0;
	free(want);
	free(dirname);
	free(err);
	free(tmp);
	free(path);
}

static void test_tmp_stale(void)
{
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0);
	char *dead = xasprintf("k.seg.tmp.%ld", (long)child);
	char *mine = xasprintf("k.seg.tmp.%ld", (long)getpid());
	char *parent = xasprintf("k.seg.lvl.tmp.%ld", (long)getppid());
	OK(tmp_name_stale(dead), "a temporary file of a process that is gone is stale");
	OK(!tmp_name_stale(mine), "...not one of this process");
	OK(!tmp_name_stale(parent), "...not one of a running process");
	OK(!tmp_name_stale("k.seg"), "...not a file that is not temporary");
	OK(!tmp_name_stale("k.tmp.12x"), "...not a name whose PID is not a number");
	OK(!tmp_name_stale("k.tmp."), "...not a name without a PID");

	/* Names carry the host: a cache or site shared between machines. */
	char *made = tmp_path_for("k.seg");
	char *want = xasprintf("k.seg.tmp.%ld@%s", (long)getpid(), tmp_host());
	STR_EQ(made, want, "a temporary name carries the process and the host");
	char *dead_here = xasprintf("k.seg.tmp.%ld@%s", (long)child, tmp_host());
	char *elsewhere = xasprintf("k.seg.tmp.%ld@other-host.example", (long)child);
	OK(tmp_name_stale(dead_here), "this host's, of a process that is gone: stale");
	OK(!tmp_name_stale(elsewhere), "another host's, whatever its PID: not stale by its name");
	char *fresh = tpath(elsewhere);
	char *olds = xasprintf("k.lvl.tmp.%ld@other-host.example", (long)child);
	char *old = tpath(olds);
	FILE *f = fopen(fresh, "w");
	FILE *g = fopen(old, "w");
	OK(f && g, "two temporary files of another host written");
	if (f)
		fclose(f);
	if (g)
		fclose(g);
	struct timespec ts[2] = {{time(NULL) - TMP_ABANDONED_S - 60, 0}, {time(NULL) - TMP_ABANDONED_S - 60, 0}};
	utimensat(AT_FDCWD, old, ts, 0);
	OK(!tmp_stale(dir, elsewhere), "another host's, written just now: not stale (it may be writing)");
	OK(tmp_stale(dir, olds), "another host's, not written for over an hour: stale (a crashed host's)");
	OK(!tmp_stale(dir, "gone.tmp.1@other-host.example"), "...and another host's file that is not there is not");
	free(made);
	free(want);
	free(dead_here);
	free(elsewhere);
	free(fresh);
	free(olds);
	free(old);
	free(dead);
	free(mine);
	free(parent);
}

struct render_call {
	struct timeline *tl;
	const char *out;
};

static int do_render(void *arg)
{
	struct render_call *c = arg;
	struct render_opts o = {.target_lufs = -16, .ceiling_dbtp = -1, .bitrate = 64, .serial = 1};
	struct audio_meta m = {.title = "t"};
	struct render_report rep = {0};
	return render_episode(c->tl, &o, &m, c->out, &rep);
}

/* RFC 4648's test vectors, and every byte value (against Python's
   base64 of bytes 0..255, whose last characters are listed here). */
static void test_base64(void)
{
	static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
	static const char *const want[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy"};
	char out[16];
	for (size_t i = 0; i < ARRAY_LEN(in); i++) {
		memset(out, 'x', sizeof out);
		base64_encode(out, in[i], strlen(in[i]));
		STR_EQ(out, want[i], in[i]);
	}
	unsigned char all[256];
	for (int i = 0; i < 256; i++)
		all[i] = (unsigned char)i;
	char big[4 * ((256 + 2) / 3) + 1];
	base64_encode(big, all, sizeof all);
	INT_EQ((long long)strlen(big), 344, "256 bytes make 344 characters");
	STR_EQ(big + 324, "8/T19vf4+fr7/P3+/w==", "the last bytes, 0xf0..0xff (the alphabet's end, padding)");
	OK(strncmp(big, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8g", 44) == 0, "the first bytes, 0x00..0x20");
}

static void test_thread_error(void)
{
	struct timeline *tl = timeline_new(44100, 1);
	timeline_add(tl, TL_JINGLE_INTRO, NULL, -1);
	if (timeline_layout(tl) != 0) {
		OK(0, "layout of a jingle");
		timeline_free(&tl);
		return;
	}
	char *out = tpath("t.ogg");
	struct render_call c = {tl, out};
	int r;
	fail_threads = 1;
	char *err = capture_stderr(do_render, &c, &r);
	fail_threads = 0;
	INT_EQ(r, -1, "render fails when a thread cannot start");
	OK(strstr(err, strerror(EAGAIN)) != NULL, "the message has pthread_create's error: %s", err);
	OK(strstr(err, strerror(ENOENT)) == NULL, "...not the stale errno");
	OK(strncmp(err, out, strlen(out)) == 0, "...and names the file");
	OK(!file_exists(out), "no output file is left");
	free(err);
	INT_EQ(do_render(&c), 0, "with threads the same render succeeds");
	OK(file_exists(out), "...and writes the file");
	free(out);
	timeline_free(&tl);
}

int main(void)
{
	if (mkdtemp(dir) == NULL)
		return 1;
	test_mkdir_p();
	test_commit_tmp();
	test_tmp_stale();
	test_thread_error();
	test_base64();
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("# could not remove %s\n", dir);
	free(cmd);
	return harness_done();
}
