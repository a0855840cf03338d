/*
 * codec.h: the public header of src/codec/:
 * encoders (MP3, Opus, Vorbis), encoded chunks and their cache,
 * meter and job pool, MP3 and Ogg assembly, ID3 tags and audio metadata.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_CODEC_H
#define PODSYNTH_CODEC_H

#include "audiometa.h"
#include "chunk.h"
#include "chunkcache.h"
#include "chunkjobs.h"
#include "chunkmeter.h"
#include "encode.h"
#include "encode_mp3.h"
#include "encode_opus.h"
#include "id3.h"
#include "mp3asm.h"
#include "oggasm.h"

#endif
