/*
 * util.c: allocation, buffers, hashing and atomic files for every stage of
 * the pipeline. In: sizes, bytes, paths. Out: memory, files, and -1 or 1
 * with errno for the caller to report (util.c prints nothing but its fatal
 * out-of-memory line). See util.h for the contracts.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <xxhash.h>

static void die_oom(void)
{
	fputs("podsynth: fatal: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die_oom();
	return p;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		die_oom();
	return xrealloc(p, n * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s;
	if (vasprintf(&s, fmt, ap) < 0)
		die_oom();
	va_end(ap);
	return s;
}

/* ---- buffers ---- */

static void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(struct buf *b, int c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	buf_grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	b->len += (size_t)n;
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *buf_detach(struct buf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

/* ---- lines ---- */

int line_of(const char *text, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* ---- hashing ---- */

struct hasher {
	XXH3_state_t *st;
};

struct hasher *hasher_new(void)
{
	struct hasher *h = xmalloc(sizeof *h);
	h->st = XXH3_createState();
	if (h->st == NULL)
		die_oom();
	XXH3_128bits_reset(h->st);
	return h;
}

void hasher_add(struct hasher *h, const void *p, size_t n)
{
	XXH3_128bits_update(h->st, p, n);
}

void hasher_str(struct hasher *h, const char *s)
{
	hasher_add(h, s ? s : "", s ? strlen(s) + 1 : 1);
}

void hasher_int(struct hasher *h, long long v)
{
	char tmp[32];
	int n = snprintf(tmp, sizeof tmp, "%lld;", v);
	hasher_add(h, tmp, (size_t)n);
}

void hasher_hex(struct hasher *h, char out[33])
{
	XXH128_hash_t d = XXH3_128bits_digest(h->st);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)d.high64,
		 (unsigned long long)d.low64);
	XXH3_freeState(h->st);
	free(h);
}

void base64_encode(char *out, const void *in, size_t n)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = in;
	for (; n >= 3; n -= 3, p += 3) {
		uint32_t v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
		*out++ = tab[v >> 18];
		*out++ = tab[v >> 12 & 63];
		*out++ = tab[v >> 6 & 63];
		*out++ = tab[v & 63];
	}
	if (n > 0) {
		uint32_t v = (uint32_t)p[0] << 16 | (n > 1 ? (uint32_t)p[1] << 8 : 0);
		*out++ = tab[v >> 18];
		*out++ = tab[v >> 12 & 63];
		*out++ = n > 1 ? tab[v >> 6 & 63] : '=';
		*out++ = '=';
	}
	*out = '\0';
}

uint64_t hash64(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}

/* ---- files ---- */

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	struct buf b = {0};
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		buf_add(&b, tmp, n);
	int err = ferror(f);
	fclose(f);
	if (err) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	if (len)
		*len = b.len;
	return buf_detach(&b);
}

const char *tmp_host(void)
{
	/* Set once; a race between threads writes the same bytes. */
	static char host[65];
	if (host[0] == '\0') {
		char h[sizeof host];
		if (gethostname(h, sizeof h - 1) != 0 || h[0] == '\0')
			strcpy(h, "localhost");
		h[sizeof h - 1] = '\0';
		for (char *c = h; *c; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
			      (*c >= '0' && *c <= '9') || *c == '-' || *c == '.'))
				*c = '_';
		memcpy(host, h, sizeof host);
	}
	return host;
}

char *tmp_path_for(const char *path)
{
	return xasprintf("%s.tmp.%ld@%s", path, (long)getpid(), tmp_host());
}

/*
 * The PID of a NAME.tmp.PID or NAME.tmp.PID@HOST name, or 0 when name is
 * not one; *host points at HOST (NULL when there is none: this host's).
 */
static long tmp_name_pid(const char *name, const char **host)
{
	const char *t = strstr(name, ".tmp."), *n;
	*host = NULL;
	if (t == NULL)
		return 0;
	while ((n = strstr(t + 1, ".tmp.")) != NULL)
		t = n;
	if (t[5] < '0' || t[5] > '9')
		return 0;
	char *e;
	errno = 0;
	long p = strtol(t + 5, &e, 10);
	if (*e == '@' && e[1] != '\0')
		*host = e + 1;
	else if (*e != '\0')
		return 0;
	return errno == 0 && p > 0 ? p : 0;
}

int tmp_name_stale(const char *name)
{
	const char *host;
	long p = tmp_name_pid(name, &host);
	if (p == 0 || p > INT_MAX || (host != NULL && strcmp(host, tmp_host()) != 0))
		return 0;
	if (p == (long)getpid())
		return 0;
	return kill((pid_t)p, 0) != 0 && errno == ESRCH;
}

int tmp_stale(const char *dir, const char *name)
{
	const char *host;
	if (tmp_name_pid(name, &host) == 0)
		return 0;
	if (host == NULL || strcmp(host, tmp_host()) == 0)
		return tmp_name_stale(name);
	/* Another machine's: its processes cannot be asked; a file it has
	 * not written to for TMP_ABANDONED_S is one a crashed host left. */
	char *path = path_join(dir, name);
	struct stat st;
	int r = lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		time(NULL) - st.st_mtime > TMP_ABANDONED_S;
	free(path);
	return r;
}

/* fsync of path opened with flags; 0 or -1 (errno). */
static int sync_path(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int r = fsync(fd);
	int e = errno;
	close(fd);
	errno = e;
	return r;
}

int commit_tmp(const char *tmp, const char *path)
{
	/* The data must be on disk before the name points at it: a file that
	 * cannot be reopened to sync is not renamed. */
	if (sync_path(tmp, O_RDONLY) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	/* And the rename itself, in the directory. Some file systems refuse
	 * fsync on a directory; either way the rename has happened, so a
	 * failure here is 1 (the caller's warning), not -1. */
	char *dir = path_dirname(path);
	int r = 0;
	if (sync_path(dir, O_RDONLY | O_DIRECTORY) != 0 && errno != EINVAL && errno != EROFS)
		r = 1;
	int e = errno;
	free(dir);
	errno = e;
	return r;
}

int write_file_atomic(const char *path, const void *data, size_t n)
{
	char *tmp = tmp_path_for(path);
	int r = -1, e;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		goto done;
	const char *p = data;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			close(fd);
			unlink(tmp);
			errno = e;
			goto done;
		}
		p += w;
		n -= (size_t)w;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(tmp);
		errno = e;
		goto done;
	}
	r = commit_tmp(tmp, path);
done:
	e = errno;
	free(tmp);
	errno = e;
	return r;
}

int mkdir_p(const char *dir)
{
	if (dir[0] == '\0') {
		errno = ENOENT;
		return -1;
	}
	char *p = xstrdup(dir);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		*s = '/';
	}
	int r = mkdir(p, 0755);
	int e = errno;
	free(p);
	if (r != 0 && e != EEXIST) {
		errno = e;
		return -1;
	}
	return 0;
}

int url_publishable(const char *s)
{
	size_t n = strncasecmp(s, "https://", 8) == 0 ? 8 : strncasecmp(s, "http://", 7) == 0 ? 7 : 0;
	if (n == 0 || s[n] == '\0' || s[n] == '/')
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || strchr("\"<>\\`", *p) != NULL)
			return 0;
	return 1;
}

int file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_join(const char *dir, const char *name)
{
	if (name[0] == '/' || dir == NULL || dir[0] == '\0' || strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
