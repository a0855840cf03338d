/*
 * dynlib.c: libraries opened on first use (dynlib.h). In: a library's
 * soname and a table of function names. Out: their addresses, or the
 * loader's reason for failing.
 */
#include "dynlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

static char last_error[512];

int dynlib_bind(const char *soname, const struct dynsym *syms, size_t n)
{
	/* A table already bound has its last slot filled (slots fill in order). */
	if (n > 0 && *syms[n - 1].slot != NULL)
		return 0;
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL) {
		const char *e = dlerror();
		snprintf(last_error, sizeof last_error, "%s", e ? e : soname);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		void *p = dlsym(h, syms[i].name);
		if (p == NULL) {
			snprintf(last_error, sizeof last_error, "%s: no function %s",
				 soname, syms[i].name);
			for (size_t j = 0; j < i; j++)
				*syms[j].slot = NULL;
			return -1;
		}
		*syms[i].slot = p;
	}
	return 0;
}

void dynlib_need(const char *soname, const struct dynsym *syms, size_t n)
{
	if (dynlib_bind(soname, syms, n) != 0) {
		fprintf(stderr, "podsynth: fatal: cannot open a library: %s\n", last_error);
		exit(3);
	}
}

const char *dynlib_error(void)
{
	return last_error;
}
