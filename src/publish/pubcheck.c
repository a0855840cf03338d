/*
 * pubcheck.c: the audio the build left for the feed, read and checked
 * before it is published.
 *
 * In: an item's slug and the episode directory; each format's file
 * <slug>.<ext> as the build wrote it. Out: for each format its size, its
 * inode, its content hashes (XXH3 for the published name, SHA-384 for
 * podcast:integrity) and its duration as a player decodes it (libmpg123,
 * libopusfile, libvorbisfile), all from one open file, and the name it
 * will be published under (struct item_audio, feed_int.h). Calls nothing
 * else of the feed's.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <mpg123.h>
#include <openssl/evp.h>
#include <opus/opusfile.h>
#include <vorbis/vorbisfile.h>
#include <xxhash.h>

#include "feed_int.h"
#include "core/core.h"

/* libcrypto (SHA-384 for the pages' integrity attributes) is opened when a
   file is first hashed, not linked: its 4,000 relocations, all bound at
   load, cost every command's start (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_CRYPTO
#error "PODSYNTH_SONAME_CRYPTO (the Makefile sets it) is the soname of libcrypto"
#endif
#define CRYPTO_FNS(X) X(EVP_DigestFinal_ex) X(EVP_DigestInit_ex) X(EVP_DigestUpdate) \
	X(EVP_MD_CTX_free) X(EVP_MD_CTX_new) X(EVP_sha384)
CRYPTO_FNS(DYNLIB_PTR)
static const struct dynsym crypto_syms[] = {CRYPTO_FNS(DYNLIB_SYM)};
#define EVP_DigestFinal_ex (*dl_EVP_DigestFinal_ex)
#define EVP_DigestInit_ex (*dl_EVP_DigestInit_ex)
#define EVP_DigestUpdate (*dl_EVP_DigestUpdate)
#define EVP_MD_CTX_free (*dl_EVP_MD_CTX_free)
#define EVP_MD_CTX_new (*dl_EVP_MD_CTX_new)
#define EVP_sha384 (*dl_EVP_sha384)


/* The path of the file slug+ext in the episode directory when it exists, else NULL. */
char *feed_beside(const struct feed *f, const char *slug, const char *ext)
{
	char *name = xasprintf("%s%s", slug, ext);
	char *p = path_join(f->out_dir, name);
	free(name);
	if (file_exists(p))
		return p;
	free(p);
	return NULL;
}

/* ov_open_callbacks() on a FILE * that stays ours: vorbisfile must not close it. */
static size_t ov_read_cb(void *p, size_t size, size_t n, void *fp)
{
	return fread(p, size, n, fp);
}

static int ov_seek_cb(void *fp, ogg_int64_t off, int whence)
{
	return fseeko(fp, (off_t)off, whence);
}

static long ov_tell_cb(void *fp)
{
	return (long)ftello(fp);
}

/*
 * Hashes the whole of fp from the start, in blocks (an episode can be
 * 80 MB and more), into out: PUB_HASH_LEN hex digits + NUL, and into sri:
 * "sha384-" and the base64 of its SHA-384 digest. 0, or -1 on a read
 * error (errno set).
 */
static int hash_stream(FILE *fp, char out[PUB_HASH_LEN + 1], char sri[8 + 88])
{
	enum { BLOCK = 256 * 1024 };
	dynlib_need(PODSYNTH_SONAME_CRYPTO, crypto_syms, ARRAY_LEN(crypto_syms));
	char *block = xmalloc(BLOCK);
	XXH3_state_t *st = XXH3_createState();
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int rc = -1;
	size_t k;

	if (st == NULL || md == NULL || EVP_DigestInit_ex(md, EVP_sha384(), NULL) != 1) {
		errno = ENOMEM;
		goto out;
	}
	XXH3_64bits_reset(st);
	rewind(fp);
	while ((k = fread(block, 1, BLOCK, fp)) > 0) {
		XXH3_64bits_update(st, block, k);
		if (EVP_DigestUpdate(md, block, k) != 1) {
			errno = EIO;
			goto out;
		}
	}
	if (ferror(fp)) {
		if (errno == 0)
			errno = EIO;
		goto out;
	}
	char full[17];
	snprintf(full, sizeof full, "%016llx", (unsigned long long)XXH3_64bits_digest(st));
	memcpy(out, full, PUB_HASH_LEN);
	out[PUB_HASH_LEN] = '\0';
	unsigned char dig[EVP_MAX_MD_SIZE];
	unsigned int dn = 0;
	if (EVP_DigestFinal_ex(md, dig, &dn) != 1 || dn != 48) {
		errno = EIO;
		goto out;
	}
	memcpy(sri, "sha384-", 7);
	base64_encode(sri + 7, dig, dn);
	rc = 0;
out:
	EVP_MD_CTX_free(md);
	XXH3_freeState(st);
	free(block);
	return rc;
}

/* The duration of the open file fp in format fmt, as a player reads it
 * (gapless: the MP3's LAME tag, Opus's pre-skip and end granule); -1 when
 * it cannot be read. */
static double audio_seconds(FILE *fp, enum audio_format fmt)
{
	static const ov_callbacks keep_open = {ov_read_cb, ov_seek_cb, NULL, ov_tell_cb};
	double secs = -1;
	rewind(fp);
	switch (fmt) {
	case FMT_VORBIS: {
		OggVorbis_File vf;
		if (ov_open_callbacks(fp, &vf, NULL, 0, keep_open) != 0)
			return -1;
		secs = ov_time_total(&vf, -1);
		ov_clear(&vf);
		break;
	}
	case FMT_MP3: {
		mpg123_handle *mh = mpg123_new(NULL, NULL);
		long rate;
		int ch, enc;
		if (mh != NULL && mpg123_param(mh, MPG123_ADD_FLAGS, MPG123_QUIET, 0) == MPG123_OK &&
		    lseek(fileno(fp), 0, SEEK_SET) == 0 &&
		    mpg123_open_fd(mh, fileno(fp)) == MPG123_OK &&
		    mpg123_getformat(mh, &rate, &ch, &enc) == MPG123_OK && rate > 0) {
			off_t n = mpg123_length(mh);
			if (n > 0)
				secs = (double)n / (double)rate;
			mpg123_close(mh);
		}
		if (mh != NULL)
			mpg123_delete(mh);
		break;
	}
	case FMT_OPUS: {
		OpusFileCallbacks cb;
		int fd = dup(fileno(fp)), err;
		if (fd < 0 || lseek(fd, 0, SEEK_SET) != 0) {
			if (fd >= 0)
				close(fd);
			return -1;
		}
		void *stream = op_fdopen(&cb, fd, "rb");
		if (stream == NULL) {
			close(fd);
			return -1;
		}
		OggOpusFile *of = op_open_callbacks(stream, &cb, NULL, 0, &err);
		if (of == NULL) {
			cb.close(stream);
			return -1;
		}
		ogg_int64_t n = op_pcm_total(of, -1);
		if (n > 0)
			secs = (double)n / 48000.0;
		op_free(of);
		break;
	}
	case FMT_COUNT:
		break;
	}
	return secs;
}

/*
 * Reads one format of the item's audio: its size, hashes and duration, all
 * from one open file. FEED_OK; FEED_SKIPPED (with a note) when the build
 * has not written it; else an error reported naming the file.
 */
enum feed_err feed_read_audio(struct feed *f, struct item *it, enum audio_format fmt,
				struct item_audio *a)
{
	const struct format_info *fi = format_info(fmt);
	char ext[16], hash[PUB_HASH_LEN + 1];
	struct stat st;
	FILE *fp = NULL;
	enum feed_err rc = FEED_ERR_AUDIO;

	a->fmt = fmt;
	snprintf(ext, sizeof ext, ".%s", fi->ext);
	a->audio = feed_beside(f, it->slug, ext);
	if (a->audio == NULL) {
		msg(MSG_FEED_NOT_RENDERED, it->ep->path, 0, 0, "%s%s" MSG_SEP "\"%s\"",
		    it->naud > 0 ? " as " : "", it->naud > 0 ? fi->name : "", it->slug);
		return FEED_SKIPPED;
	}
	fp = fopen(a->audio, "rb");
	if (fp == NULL || fstat(fileno(fp), &st) != 0) {
		msg(MSG_FEED_AUDIO_PUBLISH, a->audio, 0, 0, "%s", strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		msg(MSG_FEED_AUDIO_PUBLISH, a->audio, 0, 0, "empty or not a file");
		goto out;
	}
	a->bytes = (long long)st.st_size;
	a->dev = st.st_dev;
	a->ino = st.st_ino;
	errno = 0;
	if (hash_stream(fp, hash, a->sri) != 0) {
		msg(MSG_AUDIO_UNREADABLE, a->audio, 0, 0, "%s", strerror(errno));
		goto out;
	}
	a->seconds = audio_seconds(fp, fmt);
	if (!(a->seconds >= 0)) {
		msg(MSG_AUDIO_UNREADABLE, a->audio, 0, 0, "not %s, or no duration", fi->title);
		goto out;
	}
	char *name = xasprintf("%s.%s.%s", it->slug, hash, fi->ext);
	a->pub = path_join(f->out_dir, name);
	free(name);
	a->source_type = format_source_type(fmt);
	rc = FEED_OK;
out:
	if (fp)
		fclose(fp);
	return rc;
}
