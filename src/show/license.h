/*
 * license.h: the licences an episode may declare (podcast:license), one
 * table shared by the show settings and the front matter.
 *
 * In: a licence identifier as a host writes it ("cc-by-nc-nd-4.0",
 * "CC-BY-4.0"). Out: whether it is one of the SPDX identifiers podsynth
 * knows, its canonical lower-case form, and the licence's URL.
 */
#ifndef PODSYNTH_LICENSE_H
#define PODSYNTH_LICENSE_H

/*
 * The URL of the licence whose SPDX identifier is id (compared without
 * regard to case), or NULL when podsynth does not know it. Static strings.
 */
const char *license_url(const char *id);

/* id in lower case, as the podcast namespace writes it; the caller frees. */
char *license_canonical(const char *id);

#endif
