/*
 * showlock.h: one run at a time on a show.
 *
 * In: the show's settings (the site directory, rss/). Out: a held lock
 * (flock on that directory) that build, render, feed and cache --prune take
 * before they read or write what another run could be changing, so two
 * runs on one show never interleave their writes. A second run waits,
 * saying so once on standard error, and goes on when the first ends (its
 * lock goes with its process, however that ends).
 *
 * Shards of one build (`podsynth build --shard I/N`, on one machine or
 * several sharing the show over a network file system) take it shared:
 * they write disjoint episodes and content-addressed cache entries, so they
 * run together, while a feed, a whole build or a prune waits for all of
 * them (and they for it).
 */
#ifndef PODSYNTH_SHOWLOCK_H
#define PODSYNTH_SHOWLOCK_H

struct channel;
struct showlock;

/*
 * Takes the lock of ch's site directory (creating the directory when it
 * is missing), exclusive, or with shared non-zero shared with other shared
 * holders, waiting while another run holds it in the other way. Returns 0
 * and the lock in *out, or -1 when it cannot be taken (reported). The
 * caller frees with showlock_release.
 */
int showlock_take(const struct channel *ch, int shared, struct showlock **out);
/* Releases the lock (NULL is fine) and sets *l to NULL. */
void showlock_release(struct showlock **l);

#endif
