/*
 * publish.h: the public header of src/publish/:
 * what listeners get beside the audio: the feed and its GUID
 * ledger, show notes, the website, transcripts and chapters.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_PUBLISH_H
#define PODSYNTH_PUBLISH_H

#include "chapters.h"
#include "feed.h"
#include "shownotes.h"
#include "transcript.h"

#endif
