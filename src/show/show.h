/*
 * show.h: the public header of src/show/:
 * the show as a host writes it: channel settings, voices, lexicons,
 * speakers, licences, output formats, episodes, the roster, the lock and
 * artwork.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_SHOW_H
#define PODSYNTH_SHOW_H

#include "artwork.h"
#include "channel.h"
#include "episode.h"
#include "formats.h"
#include "lexicon.h"
#include "license.h"
#include "roster.h"
#include "showlock.h"
#include "voice.h"

#endif
