/*
 * dynlib.h: libraries opened on first use (dlopen), not linked into the
 * program, for subsystems that only some commands need (the studio's web
 * server and database, the draft's mail parser, the artwork's text
 * layout, the espeak-ng engine of the synthesis workers).
 *
 * Linked, each such library and everything it pulls in would be mapped
 * and relocated at every start of the program: with them all, 101 shared
 * objects and about 21,000 symbol relocations looked up across them, most
 * of `podsynth script`'s start-up cost (docs/performance.md).
 *
 * A user file lists the functions it calls once as an X-macro, declares a
 * pointer for each (DYNLIB_PTR), a table of them (DYNLIB_SYM), binds them
 * with dynlib_bind before the first call, and then defines each function's
 * name to its pointer: `#define sqlite3_step (*dl_sqlite3_step)`. A call
 * left out of the list names the real function, which nothing links: the
 * build fails, so none is missed.
 */
#ifndef PODSYNTH_DYNLIB_H
#define PODSYNTH_DYNLIB_H

#include <stddef.h>

/* A function to find in a library, and the pointer that receives it. */
struct dynsym {
	const char *name;
	void **slot;
};

#define DYNLIB_PTR(f) static __typeof__(f) *dl_##f;
#define DYNLIB_SYM(f) { #f, (void **)&dl_##f },

/*
 * Opens the library soname (kept open for the process's life) and fills
 * every slot of syms from it and the libraries it depends on. 0, or -1
 * when the library or one of the functions is missing; dynlib_error then
 * says which. Binding the same table again is cheap and returns the first
 * result.
 */
int dynlib_bind(const char *soname, const struct dynsym *syms, size_t n);

/*
 * dynlib_bind, for a library without which the program cannot go on (as
 * memory, util.h): on failure prints one message and exits with status 3.
 * A missing library is a broken installation, not bad input.
 */
void dynlib_need(const char *soname, const struct dynsym *syms, size_t n);

/* What the last failed dynlib_bind could not find (a static string). */
const char *dynlib_error(void);

#endif
