/*
 * roster.h: which episode owns which published names.
 *
 * In: the episode files of a show (a directory's *.md, drafts too) and the
 * episode being built, checked or published. Out: an error naming both
 * files, with the line of the key, when two episodes claim the same slug
 * or the same guid; callers stop before writing anything.
 *
 * Every file a build or the feed writes for an episode is named
 * "<slug>.<suffix>" in the episode directory, and a slug holds only a-z,
 * 0-9 and '-' (no '.', see episode.c), so two different slugs never give
 * the same file name: unique slugs are what keeps one episode from writing
 * over another's files.
 */
#ifndef PODSYNTH_ROSTER_H
#define PODSYNTH_ROSTER_H

#include "episode.h"

struct roster;

struct roster *roster_new(void);
void roster_free(struct roster **r);
/* Records ep's keys (copied: ep may be freed afterwards). */
void roster_add(struct roster *r, const struct episode *ep);
/*
 * Records the keys of every *.md file in dir. Files that do not load are
 * left out silently: their own build or check reports them.
 */
void roster_scan(struct roster *r, const char *dir, const struct channel *ch);
/*
 * Reports (as errors at ep's key) every other file of the roster that
 * claims ep's slug or guid; a file is "other" when it is not the same file
 * as ep->path. Returns the number of conflicts, 0 when none.
 */
int roster_check(const struct roster *r, const struct episode *ep);
/*
 * 1 when a file of the roster other than ep's has the slug slug or gives
 * guid as its guid: (either may be NULL), else 0. Nothing is reported.
 */
int roster_claims(const struct roster *r, const struct episode *ep, const char *slug,
		  const char *guid);
/* Reports every conflict among the roster's own entries once. Returns their number. */
int roster_check_all(const struct roster *r);

#endif
