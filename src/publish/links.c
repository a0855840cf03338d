/*
 * links.c: the published audio, rss/episodes/<slug>.<hash>.<ext>.
 *
 * In: an item's audio as read by pubcheck.c (the build's <slug>.<ext>,
 * its size, inode and published name), and the feed's items and slugs.
 * Out: the published name made (a hard link to the build's file, or a
 * copy where the file system has no hard links), and, once a new feed is
 * in place, the published audio it no longer names deleted. Calls nothing
 * else of the feed's.
 *
 * The build replaces rss/episodes/<slug>.<ext> whenever it renders, and a
 * build can be killed before the feed is rewritten; a feed naming
 * <slug>.mp3 would then state a length the file no longer has. So the feed
 * never names <slug>.<ext> but <slug>.<hash>.<ext>, the hash being the
 * first 12 hex digits of the XXH3 64-bit hash of its bytes. Such a file is
 * never changed once made (the build's rename gives <slug>.<ext> a new
 * inode and leaves the link alone), and it is deleted only after a feed
 * that no longer names it has been renamed into place. Same bytes, same
 * name: a rebuild with nothing changed gives the same feed.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "feed_int.h"
#include "core/core.h"

/* Copies the file open as src, from its start, to dst, and syncs it. 0 or -1 (errno). */
static int copy_fd(int src, const char *dst)
{
	enum { BLOCK = 256 * 1024 };
	char *block = xmalloc(BLOCK);
	int fd = open(dst, O_WRONLY | O_CREAT | O_TRUNC, 0644), e = 0;
	off_t off = 0;
	ssize_t k;

	if (fd < 0) {
		e = errno;
		goto out;
	}
	while ((k = pread(src, block, BLOCK, off)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			e = errno;
			goto out;
		}
		off += k;
		for (ssize_t w = 0; w < k;) {
			ssize_t r = write(fd, block + w, (size_t)(k - w));
			if (r < 0) {
				if (errno == EINTR)
					continue;
				e = errno;
				goto out;
			}
			w += r;
		}
	}
	if (fsync(fd) != 0)
		e = errno;
out:
	if (fd >= 0 && close(fd) != 0 && e == 0)
		e = errno;
	free(block);
	errno = e;
	return e ? -1 : 0;
}

/*
 * Makes it->pub, the published audio: a hard link to it->audio (a copy
 * where the file system has no hard links), made under a temporary name
 * and renamed into place, so that the name never holds anything but the
 * whole file. An existing one of the right size is kept (same name, same
 * bytes), or replaced by a link to it->audio when that is another inode.
 * it->made tells whether the name is new. FEED_OK, or an error reported
 * naming the file.
 */
enum feed_err feed_publish_audio(struct item_audio *it)
{
	struct stat st;
	char *tmp = NULL;
	int src = -1;
	enum feed_err rc = FEED_ERR_WRITE;

	tmp = tmp_path_for(it->pub);
	int existed = lstat(it->pub, &st) == 0;
	if (existed && S_ISREG(st.st_mode) && st.st_size == it->bytes) {
		/*
		 * Published already. When the build has rendered the same bytes
		 * again (a new inode), the name is moved to the new file, so that
		 * the old one's space is freed; if that fails, the old one serves.
		 */
		if (st.st_dev != it->dev || st.st_ino != it->ino) {
			unlink(tmp);
			if (link(it->audio, tmp) != 0 || stat(tmp, &st) != 0 ||
			    st.st_dev != it->dev || st.st_ino != it->ino || rename(tmp, it->pub) != 0)
				unlink(tmp);
		}
		free(tmp);
		return FEED_OK;
	}
	unlink(tmp);
	if (link(it->audio, tmp) == 0) {
		/* the file hashed, not one a build has put there since */
		if (stat(tmp, &st) != 0)
			goto fail;
		if (st.st_dev != it->dev || st.st_ino != it->ino)
			goto changed;
	} else if (errno == EXDEV || errno == EPERM || errno == ENOTSUP ||
		   errno == EOPNOTSUPP || errno == EMLINK || errno == ENOSYS) {
		src = open(it->audio, O_RDONLY);
		if (src < 0 || fstat(src, &st) != 0) {
			msg(MSG_FEED_AUDIO_PUBLISH, it->audio, 0, 0, "%s", strerror(errno));
			goto out;
		}
		if (st.st_dev != it->dev || st.st_ino != it->ino)
			goto changed;
		if (copy_fd(src, tmp) != 0)
			goto fail;
	} else {
		goto fail;
	}
	if (rename(tmp, it->pub) != 0)
		goto fail;
	it->made = !existed;
	rc = FEED_OK;
	goto out;
changed:
	msg(MSG_FEED_AUDIO_REPLACED, it->audio, 0, 0, NULL);
	rc = FEED_ERR_AUDIO;
	goto out;
fail:
	msg(MSG_FEED_AUDIO_KEPT, it->pub, 0, 0, "%s", strerror(errno));
out:
	if (rc != FEED_OK)
		unlink(tmp);
	if (src >= 0)
		close(src);
	free(tmp);
	return rc;
}

/* The length of name's extension with its dot when it is a format's
 * (".mp3", ".opus", ".ogg"), else 0. */
static size_t audio_ext_len(const char *name)
{
	size_t n = strlen(name);
	for (int f = 0; f < FMT_COUNT; f++) {
		const char *e = format_info(f)->ext;
		size_t k = strlen(e);
		if (n > k + 1 && name[n - k - 1] == '.' && strcmp(name + n - k, e) == 0)
			return k + 1;
	}
	return 0;
}

/*
 * Length of the slug part when name has the form of published audio,
 * SLUG.HHHHHHHHHHHH.EXT (12 lower-case hex digits, a format's extension),
 * else 0.
 */
static size_t pub_name_stem(const char *name)
{
	size_t n = strlen(name), e = audio_ext_len(name);
	if (e == 0 || n < 1 + 1 + PUB_HASH_LEN + e)
		return 0;
	const char *h = name + n - e - PUB_HASH_LEN;
	if (h[-1] != '.')
		return 0;
	for (int i = 0; i < PUB_HASH_LEN; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return (size_t)(h - 1 - name);
}

/*
 * After a new feed is in place: deletes the published audio in the episode
 * directory that it does not name (older versions, episodes withdrawn).
 * Only names of the form SLUG.HHHHHHHHHHHH.EXT are touched, and never the
 * build's own <slug>.EXT of an episode (in case a slug has that form).
 */
void feed_remove_unpublished(const struct feed *f)
{
	DIR *d = opendir(f->out_dir);
	struct dirent *de;
	if (d == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		const char *name = de->d_name;
		size_t stem = pub_name_stem(name), n = strlen(name);
		int keep = stem == 0;
		for (int i = 0; !keep && i < f->n; i++) {
			for (int k = 0; !keep && k < f->items[i].naud; k++) {
				const char *pub = f->items[i].aud[k].pub;
				const char *b = strrchr(pub, '/');
				keep = strcmp(b ? b + 1 : pub, name) == 0;
			}
		}
		size_t e = audio_ext_len(name);
		for (int i = 0; !keep && i < f->nslugs; i++)
			keep = strlen(f->slugs[i]) == n - e && strncmp(f->slugs[i], name, n - e) == 0;
		if (keep)
			continue;
		struct stat st;
		char *p = path_join(f->out_dir, name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && unlink(p) != 0)
			msg(MSG_FEED_AUDIO_REMOVE, p, 0, 0, "%s", strerror(errno));
		free(p);
	}
	closedir(d);
}
