/*
 * safefile.c: opens and reads the files a host or a mailbox gives podsynth.
 * In: a path and what kind of input it is. Out: a file descriptor or the
 * bytes, or the reason in words. A FIFO, a device or a directory is refused
 * before anything is read (the open does not block: O_NONBLOCK), and a file
 * larger than its kind's limit is refused without reading it; what is read
 * is bounded again while reading, in case the file grows.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#define MiB ((size_t)1 << 20)

/* Each kind's name and limit: generous for real use, bounded for memory. */
static const struct {
	const char *name;
	size_t limit;
} kinds[INPUT__COUNT] = {
	[INPUT_EPISODE] = {"episode", 16 * MiB},
	[INPUT_SETTINGS] = {"settings file", 1 * MiB},
	[INPUT_LEXICON] = {"lexicon", 8 * MiB},
	[INPUT_VOICE] = {"voice profile", 64 * 1024},
	[INPUT_IMAGE] = {"image", 64 * MiB},
	[INPUT_AUDIO] = {"audio file", 4096 * MiB},
	[INPUT_MAIL] = {"mailbox", 256 * MiB},
	[INPUT_TEMPLATE] = {"template", 1 * MiB},
};

static __thread char why_buf[128];

const char *input_kind_name(enum input_kind kind)
{
	return kinds[kind].name;
}

size_t input_limit(enum input_kind kind)
{
	return kinds[kind].limit;
}

static const char *type_name(mode_t m)
{
	return S_ISDIR(m) ? "a directory" : S_ISFIFO(m) ? "a FIFO" : S_ISCHR(m) ? "a character device"
	       : S_ISBLK(m) ? "a block device" : S_ISSOCK(m) ? "a socket" : "not a file";
}

static const char *too_large(enum input_kind kind)
{
	size_t l = kinds[kind].limit;
	if (l >= MiB)
		snprintf(why_buf, sizeof why_buf, "larger than the %zu MiB limit for a%s %s", l / MiB,
			 strchr("aeiou", kinds[kind].name[0]) ? "n" : "", kinds[kind].name);
	else
		snprintf(why_buf, sizeof why_buf, "larger than the %zu KiB limit for a%s %s", l / 1024,
			 strchr("aeiou", kinds[kind].name[0]) ? "n" : "", kinds[kind].name);
	return why_buf;
}

int input_open(const char *path, enum input_kind kind, const char **why)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why_buf, sizeof why_buf, "not a regular file (%s)", type_name(st.st_mode));
		*why = why_buf;
		close(fd);
		return -1;
	}
	if ((unsigned long long)st.st_size > kinds[kind].limit) {
		*why = too_large(kind);
		close(fd);
		return -1;
	}
	/* A regular file: reads block as usual from here. */
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	return fd;
}

char *input_read_fd(int fd, enum input_kind kind, size_t *len, const char **why)
{
	struct buf b = {0};
	size_t limit = kinds[kind].limit;
	char tmp[65536];
	for (;;) {
		ssize_t n = read(fd, tmp, sizeof tmp);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*why = strerror(errno);
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > limit) {
			*why = too_large(kind);
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, tmp, (size_t)n);
	}
	if (len)
		*len = b.len;
	return buf_detach(&b);
}

char *input_read(const char *path, enum input_kind kind, size_t *len, const char **why)
{
	int fd = input_open(path, kind, why);
	if (fd < 0)
		return NULL;
	char *d = input_read_fd(fd, kind, len, why);
	close(fd);
	return d;
}
