/*
 * synth_wire.c: the synthesiser's messages between the parent and its
 * workers, read and written whole on blocking pipes. In: a file
 * descriptor and a buffer; out: all of it, or an error. The message
 * layouts are in synth_int.h.
 */
#include "synth_int.h"

#include <errno.h>
#include <unistd.h>

/* Writes all of p; 0 or -1. Blocking fds only. */
int wire_write_all(int fd, const void *p, size_t n)
{
	const char *c = p;
	while (n > 0) {
		ssize_t w = write(fd, c, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads all of p: 1 done, 0 end of file before any byte, -1 otherwise. */
int wire_read_all(int fd, void *p, size_t n)
{
	char *c = p;
	size_t got = 0;
	while (got < n) {
		ssize_t r = read(fd, c + got, n - got);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)r;
	}
	return 1;
}
