/*
 * fuzz/replay.c: a main() for the fuzz targets without libFuzzer, so that
 * the inputs fuzzing found (tests/fuzz-regress/TARGET/) and the seed
 * corpora (fuzz/corpus/TARGET/) are replayed in every `make test` with the
 * ordinary compiler, sanitizers or not.
 *
 * Usage: TARGET FILE-OR-DIRECTORY...   Each file is read whole and given to
 * LLVMFuzzerTestOneInput once, in the order named (a directory's files in
 * name order). Prints "replayed N inputs"; a broken property aborts (the
 * target's FUZZ_CHECK), so the exit status tells.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *out;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL) {
		fprintf(out, "replay: cannot read %s\n", path);
		return -1;
	}
	size_t cap = 4096, n = 0, k;
	uint8_t *data = malloc(cap);
	while (data && (k = fread(data + n, 1, cap - n, f)) > 0) {
		n += k;
		if (n == cap)
			data = realloc(data, cap *= 2);
	}
	int err = ferror(f);
	fclose(f);
	if (data == NULL || err) {
		fprintf(out, "replay: cannot read %s\n", path);
		free(data);
		return -1;
	}
	/* an exact-size copy, so that ASan sees reads past the end */
	uint8_t *exact = malloc(n ? n : 1);
	if (exact == NULL) {
		free(data);
		return -1;
	}
	memcpy(exact, data, n);
	free(data);
	if (getenv("REPLAY_VERBOSE"))
		fprintf(out, "replay: %s (%zu bytes)\n", path, n);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays path, a file or a directory of files; returns the count, or -1. */
static int run_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(out, "replay: no such file %s\n", path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path) == 0 ? 1 : -1;
	DIR *d = opendir(path);
	if (d == NULL)
		return -1;
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char **nn = realloc(names, (n + 1) * sizeof *names);
		if (nn == NULL)
			break;
		names = nn;
		names[n] = malloc(strlen(path) + strlen(de->d_name) + 2);
		if (names[n] == NULL)
			break;
		sprintf(names[n], "%s/%s", path, de->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp);
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(names[i]) != 0)
				count = -1;
			else if (count >= 0)
				count++;
		}
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	out = stdout;
	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE-OR-DIRECTORY...\n", argv[0]);
		return 2;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	int total = 0, rc = 0;
	for (int i = 1; i < argc; i++) {
		int n = run_path(argv[i]);
		if (n < 0)
			rc = 1;
		else
			total += n;
	}
	fprintf(out, "replayed %d inputs\n", total);
	return rc;
}
