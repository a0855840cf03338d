/*
 * showlock.c: one run at a time on a show: an exclusive flock on the site
 * directory (shared for the shards of one build), taken without waiting
 * first, then (after one message) waiting.
 * See showlock.h.
 */
#include "showlock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "channel.h"
#include "core/core.h"

struct showlock {
	int fd;
};

int showlock_take(const struct channel *ch, int shared, struct showlock **out)
{
	const char *dir = ch->rss_dir ? ch->rss_dir : "rss";
	*out = NULL;
	if (mkdir_p(dir) != 0) {
		msg(MSG_BUILD_MKDIR, dir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		msg(MSG_LOCK_OPEN, dir, 0, 0, "%s", strerror(errno));
		return -1;
	}
	int r, how = shared ? LOCK_SH : LOCK_EX;
	while ((r = flock(fd, how | LOCK_NB)) != 0 && errno == EINTR)
		;
	if (r != 0 && errno == EWOULDBLOCK) {
		msg(MSG_LOCK_WAIT, dir, 0, 0, NULL);
		while ((r = flock(fd, how)) != 0 && errno == EINTR)
			;
	}
	if (r != 0) {
		msg(MSG_LOCK_FAILED, dir, 0, 0, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	struct showlock *l = xmalloc(sizeof *l);
	l->fd = fd;
	*out = l;
	return 0;
}

void showlock_release(struct showlock **lp)
{
	struct showlock *l = *lp;
	if (l == NULL)
		return;
	close(l->fd);
	free(l);
	*lp = NULL;
}
