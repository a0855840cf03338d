/*
 * core.h: the public header of src/core/:
 * the bottom layer: allocation, buffers, files, hashing (util), libraries
 * opened on first use (dynlib), UTF-8 and
 * text rules (text), the message catalogue (msg), options, progress, YAML
 * key tables, XML text and spoken tables.
 *
 * The rest of the program includes this header and no other of the
 * folder (docs/design.md, "The layers"; tests/t-layers.sh keeps it).
 */
#ifndef PODSYNTH_CORE_H
#define PODSYNTH_CORE_H

#include "dynlib.h"
#include "msg.h"
#include "opts.h"
#include "progress.h"
#include "safefile.h"
#include "table.h"
#include "text.h"
#include "util.h"
#include "xmltext.h"
#include "yamlmap.h"

#endif
