/*
 * fuzz.h: what the fuzz targets in fuzz/ share.
 *
 * Each target is one file defining LLVMFuzzerInitialize and
 * LLVMFuzzerTestOneInput. It is built two ways: with clang and libFuzzer
 * (scripts/fuzz, for finding new inputs), and with the ordinary compiler and
 * fuzz/replay.c (tests/t-fuzz-regress.sh, for replaying the inputs found in
 * every `make test`). So nothing here may depend on clang.
 *
 * In: the environment (PODSYNTH_TOP: the source tree, for voices/;
 * FUZZ_TMPDIR: where temporary files go; FUZZ_VERBOSE: keep diagnostics).
 * Out: a private scratch directory, removed at exit (or by the next target
 * to start, when this one crashed), and FUZZ_CHECK, which
 * aborts (a crash libFuzzer records) when a property of the output fails.
 */
#ifndef PODSYNTH_FUZZ_H
#define PODSYNTH_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <ftw.h>
#include <glob.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/msg.h"
#include "core/text.h"
#include "core/util.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The stream diagnostics went to before fuzz_quiet; never NULL after fuzz_init. */
static FILE *fuzz_err;
static char *fuzz_dir;

/* Aborts with a message on the real standard error when cond is false. */
#define FUZZ_CHECK(cond, ...) do { \
	if (!(cond)) { \
		fprintf(fuzz_err ? fuzz_err : stderr, "fuzz check failed: %s:%d: %s: ", \
			__FILE__, __LINE__, #cond); \
		fprintf(fuzz_err ? fuzz_err : stderr, __VA_ARGS__); \
		fputc('\n', fuzz_err ? fuzz_err : stderr); \
		fflush(fuzz_err ? fuzz_err : stderr); \
		abort(); \
	} \
} while (0)

/* The source tree (voices/ and the seed files are found there). */
static inline const char *fuzz_top(void)
{
	const char *t = getenv("PODSYNTH_TOP");
	return t && *t ? t : FUZZ_TOP;
}

/* A path in the source tree; the caller frees. */
static inline char *fuzz_top_path(const char *rel)
{
	return path_join(fuzz_top(), rel);
}

static inline int fuzz_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st; (void)flag; (void)ftw;
	remove(path);
	return 0;
}

/* Removes the scratch directory and everything in it (at exit). */
static inline void fuzz_rm_dir(void)
{
	if (fuzz_dir == NULL)
		return;
	nftw(fuzz_dir, fuzz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
	free(fuzz_dir);
	fuzz_dir = NULL;
}

/*
 * Removes the scratch directories of targets that died without cleaning up
 * (a crash is an abort: no atexit): podsynth-fuzz.PID.* in base whose PID
 * is gone.
 */
static inline void fuzz_rm_stale(const char *base)
{
	char *pat = xasprintf("%s/podsynth-fuzz.*.*", base);
	glob_t g;
	if (glob(pat, GLOB_NOSORT, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++) {
			const char *p = strrchr(g.gl_pathv[i], '/');
			char *end;
			long pid = strtol(p + strlen("/podsynth-fuzz."), &end, 10);
			if (pid > 0 && *end == '.' && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
				nftw(g.gl_pathv[i], fuzz_rm_one, 16, FTW_DEPTH | FTW_PHYS);
		}
		globfree(&g);
	}
	free(pat);
}

/*
 * Sets up a target: diagnostics (the program's, libxml2's) go to /dev/null
 * unless FUZZ_VERBOSE is set, so that libFuzzer's and the sanitizers' own
 * reports (written to file descriptor 2 directly) stay readable; makes the
 * scratch directory. Dies when it cannot.
 */
static inline void fuzz_init(void)
{
	fuzz_err = stderr;
	if (getenv("FUZZ_VERBOSE") == NULL) {
		FILE *nul = fopen("/dev/null", "w");
		if (nul)
			stderr = nul;
	}
	diag_set_quiet(1);
	const char *base = getenv("FUZZ_TMPDIR");
	if (!base || !*base)
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	if (mkdir_p(base) != 0) {
		fprintf(fuzz_err, "fuzz: cannot make %s\n", base);
		exit(2);
	}
	fuzz_rm_stale(base);
	fuzz_dir = xasprintf("%s/podsynth-fuzz.%ld.XXXXXX", base, (long)getpid());
	if (mkdtemp(fuzz_dir) == NULL) {
		fprintf(fuzz_err, "fuzz: cannot make a directory in %s\n", base);
		exit(2);
	}
	atexit(fuzz_rm_dir);
}

/* A path in the scratch directory; the caller frees. */
static inline char *fuzz_path(const char *name)
{
	return path_join(fuzz_dir, name);
}

/* Writes data to path (not atomically: speed matters here). Dies on failure. */
static inline void fuzz_write(const char *path, const void *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL || (n && fwrite(data, 1, n, f) != n) || fclose(f) != 0) {
		fprintf(fuzz_err, "fuzz: cannot write %s\n", path);
		abort();
	}
}

/*
 * 1 when s holds a C0 control character (what espeak-ng takes as a command)
 * outside the marks of a well-formed hint (core/text.h): open, the written
 * form, say, the engine's part, close, with no other control and neither
 * part empty. The piece child turns those marks into spaces.
 */
static inline int fuzz_has_c0(const char *s)
{
	for (; *s; s++) {
		if ((unsigned char)*s >= 0x20)
			continue;
		if (*s != TEXT_HINT_OPEN)
			return 1;
		const char *w = s + 1, *e;
		for (e = w; (unsigned char)*e >= 0x20; e++)
			;
		if (*e != TEXT_HINT_SAY || e == w)
			return 1;
		for (w = ++e; (unsigned char)*e >= 0x20; e++)
			;
		if (*e != TEXT_HINT_CLOSE || e == w)
			return 1;
		s = e;
	}
	return 0;
}

/* 1 when s holds any C0 control, a hint's marks included (what a person reads has none). */
static inline int fuzz_any_c0(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20)
			return 1;
	return 0;
}

/* 1 when s is valid UTF-8 (and has no NUL before its end). */
static inline int fuzz_utf8_ok(const char *s)
{
	size_t bad;
	return utf8_check(s, strlen(s), &bad) == 0;
}

#endif
