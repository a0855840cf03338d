/*
 * asset.c: checks an audio file a show names before anything uses it, and
 * puts libsndfile's messages in our style.
 *
 * In: a path, or a libsndfile message. Out: 0 or -1 and the reason, as
 * text for the caller's message (nothing is reported here).
 */
#include "asset.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/core.h"

const char *asset_why(char *buf, size_t size, const char *sf_message)
{
	snprintf(buf, size, "%s", sf_message ? sf_message : "unknown error");
	size_t n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '.' || buf[n - 1] == ' ' || buf[n - 1] == '\n'))
		buf[--n] = '\0';
	if (buf[0] && !(isupper((unsigned char)buf[0]) && isupper((unsigned char)buf[1])))
		buf[0] = (char)tolower((unsigned char)buf[0]);
	return buf;
}

SNDFILE *asset_open(const char *path, SF_INFO *info, char *why, size_t n)
{
	const char *reason = NULL;
	memset(info, 0, sizeof *info);
	int fd = input_open(path, INPUT_AUDIO, &reason);
	if (fd < 0) {
		snprintf(why, n, "%s", reason);
		return NULL;
	}
	SNDFILE *sf = sf_open_fd(fd, SFM_READ, info, 1);
	if (sf == NULL)
		asset_why(why, n, sf_strerror(NULL));
	return sf;
}

int asset_check(const char *path, char *why, size_t n)
{
	SF_INFO info;
	SNDFILE *sf = asset_open(path, &info, why, n);
	if (sf == NULL)
		return -1;
	int ok = info.samplerate > 0 && info.channels >= 1 && info.frames > 0 &&
		 info.frames != SF_COUNT_MAX;
	sf_close(sf);
	if (!ok) {
		snprintf(why, n, "no audio in it");
		return -1;
	}
	return 0;
}
