/*
 * people.h: one name per person, in the episode's language.
 *
 * In: a mailbox (the From: of every message and the "Name <address>" of
 * every Signed-off-by:, Reviewed-by:, Acked-by:, Tested-by: and similar
 * line that is not quoted), the show's own names (draft: people: in
 * rss/channel.yaml, address or name: the name to say) and the episode's
 * language. Out: for an address, or a name that signs with an address,
 * the name to write: the show's, else for a Chinese episode the one in Han
 * script and for any other the one in Latin script, the most used of them.
 */
#ifndef PODSYNTH_PEOPLE_H
#define PODSYNTH_PEOPLE_H

#include "mailbox.h"

struct people;

/*
 * Learns the names of mb. names is pairs (address or name, the name to
 * say), n strings; lang is the episode's language ("en", "zh-CN").
 * Free with people_free, which sets *p to NULL.
 */
struct people *people_new(const struct mailbox *mb, char *const *names, int n, const char *lang);
void people_free(struct people **p);

/*
 * The name to say for the person with address addr (may be NULL) who
 * wrote name: points into p, or is name itself.
 */
const char *people_name(const struct people *p, const char *addr, const char *name);

#endif
