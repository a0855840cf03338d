/*
 * script.h: the public header of src/script/:
 * the script of an episode: its segments of runs (voice and
 * spoken text) and their cache keys, the Speech Markdown scanner and the
 * normalisers that turn written text into what is said.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_SCRIPT_H
#define PODSYNTH_SCRIPT_H

#include "segment.h"
#include "speech.h"

#endif
