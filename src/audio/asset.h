/*
 * asset.h: the audio files a show names (intro, outro, the music bed's
 * file, inserts), as libsndfile sees them; below the timeline and the bed,
 * which both read them.
 *
 * In: a path. Out: whether it is audio with at least one frame, and why
 * not, in our messages' style (lower case, no full stop).
 */
#ifndef PODSYNTH_ASSET_H
#define PODSYNTH_ASSET_H

#include <stddef.h>

#include <sndfile.h>

/*
 * Checks that path is audio libsndfile can read, with at least one frame.
 * Returns 0, or -1 with the reason written to why (n bytes); nothing is
 * reported, so the caller can name the setting that gave the path.
 */
int asset_check(const char *path, char *why, size_t n);
/*
 * Opens path with libsndfile the way every audio input is opened (core's
 * input_open: a regular file after following symlinks, within the audio
 * limit; never a FIFO or a device). NULL with the reason in why.
 */
SNDFILE *asset_open(const char *path, SF_INFO *info, char *why, size_t n);

/*
 * One of libsndfile's messages (sf_strerror), made to fit ours: lower case,
 * no full stop. Writes it to buf (size bytes) and returns buf.
 */
const char *asset_why(char *buf, size_t size, const char *sf_message);

#endif
