/*
 * util.h: the small things every stage uses.
 *
 * Allocation that dies on failure (the program is not a library: callers
 * need not check), a growable byte buffer, line numbers, hashing,
 * little-endian integers, and files written atomically (temporary name,
 * then rename).
 *
 * The bottom layer: it includes nothing of the program's and reports
 * nothing. A failure comes back as -1 (or 1, see commit_tmp) with errno;
 * the caller reports it through the catalogue (msg.h). Above it: text.h
 * (UTF-8, the text rules), then msg.h (the messages and diag).
 */
#ifndef PODSYNTH_UTIL_H
#define PODSYNTH_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation: on failure these print one message and exit(3). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* The caller frees the returned string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated byte buffer. Zero-initialise to use. */
struct buf {
	char *data;
	size_t len;
	size_t cap;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(struct buf *b);
/* Returns the contents (never NULL) and empties the buffer; the caller frees. */
char *buf_detach(struct buf *b);
void buf_free(struct buf *b);

/* Line number (1-based) of byte offset off in text. */
int line_of(const char *text, size_t off);

/* Hashing (xxHash XXH3, 128 bits as 32 lowercase hex digits + NUL). */
struct hasher;
struct hasher *hasher_new(void);
void hasher_add(struct hasher *h, const void *p, size_t n);
void hasher_str(struct hasher *h, const char *s); /* adds s and its NUL */
void hasher_int(struct hasher *h, long long v);
void hasher_hex(struct hasher *h, char out[33]); /* frees h */
uint64_t hash64(const void *p, size_t n);

/* Base64 (RFC 4648, with padding, no line breaks) of in[0..n) into out,
 * which holds 4 * ((n + 2) / 3) + 1 bytes; NUL-terminated. */
void base64_encode(char *out, const void *in, size_t n);

/* Little-endian integers and the bits of a double, for the cache files
 * (segcache.c, chunkcache.c, level_cache.c), whatever the host. */
static inline void put_u32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static inline uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static inline void put_u64(unsigned char *p, uint64_t v)
{
	put_u32(p, (uint32_t)v);
	put_u32(p + 4, (uint32_t)(v >> 32));
}

static inline uint64_t get_u64(const unsigned char *p)
{
	return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

static inline uint64_t dbits(double d)
{
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return u;
}

static inline double bitsd(uint64_t u)
{
	double d;
	memcpy(&d, &u, sizeof d);
	return d;
}

/* Files. */
/* Reads a whole file; the caller frees. NULL with errno set on failure. */
char *read_file(const char *path, size_t *len);
/*
 * Writes data to path atomically: path.tmp.PID, then commit_tmp. Returns
 * what commit_tmp returns (0, -1 or 1, errno set on -1 and 1); -1 also
 * when the temporary file cannot be written. msg_write_file_atomic
 * (msg.h) reports the 1.
 */
int write_file_atomic(const char *path, const void *data, size_t n);
/*
 * A temporary name next to path, for callers that stream:
 * NAME.tmp.PID@HOST, HOST being tmp_host(), so that machines sharing a
 * directory over a network file system never write one file. The caller
 * frees.
 */
char *tmp_path_for(const char *path);
/* This machine's name as temporary names carry it (letters, digits, - and .). */
const char *tmp_host(void);
/*
 * 1 when name (a file name, no directory) is a temporary file
 * (NAME.tmp.PID, or NAME.tmp.PID@HOST of this host) whose process is gone:
 * nobody will finish or remove it. Never 1 for a file of a process that is
 * still running, nor for another host's.
 */
int tmp_name_stale(const char *name);
/* Seconds without a write after which another host's temporary file is abandoned. */
#define TMP_ABANDONED_S 3600
/*
 * tmp_name_stale, and also 1 for another host's temporary file in dir (a
 * shared cache or site) that has not been written to for TMP_ABANDONED_S:
 * what a crashed or killed host left.
 */
int tmp_stale(const char *dir, const char *name);
/*
 * Renames tmp over path after fsync of the file, then fsyncs path's
 * directory so that the rename survives a crash. Returns 0; -1 (errno)
 * when the file cannot be reopened or synced, or the rename fails: then
 * tmp is removed and path is left as it was; 1 (errno) when the rename
 * has happened but the directory could not be synced (worth a warning,
 * not an error: msg_commit_tmp in msg.h reports it). File systems that
 * refuse fsync on a directory (EINVAL, EROFS) count as synced.
 */
int commit_tmp(const char *tmp, const char *path);
/* mkdir -p; 0 or -1 (errno; ENOENT for ""). */
int mkdir_p(const char *dir);
int file_exists(const char *path);
/* Directory part of path ("." when none); the caller frees. */
char *path_dirname(const char *path);
/* Joins dir and name unless name is absolute; the caller frees. */
char *path_join(const char *dir, const char *name);

/*
 * 1 when s is an address podsynth may publish: http:// or https:// (either
 * case) and then no space, control character, quote, < > or backslash.
 * The one rule for every URL that reaches the feed, a page or a draft.
 */
int url_publishable(const char *s);

/* Monotonic seconds. */
double now_seconds(void);

#endif
