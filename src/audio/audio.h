/*
 * audio.h: the public header of src/audio/:
 * the mix: the timeline of segments and pauses, jingles, the music
 * bed, loudness measurement and the level search and cache.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_AUDIO_H
#define PODSYNTH_AUDIO_H

#include "asset.h"
#include "bed.h"
#include "level.h"
#include "loudness.h"
#include "timeline.h"

#endif
