/*
 * asset.c: checks an audio file a show names before anything uses it, and
 * puts libsndfile's messages in our style.
 *
 * In: a path, or a libsndfile message. Out: 0 or -1 and the reason, as
 * text for the caller's message (nothing is reported here).
 */
#include "asset.h"

#include <ctype.h>
#include <errno.h>
#include <sndfile.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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

int asset_check(const char *path, char *why, size_t n)
{
	SF_INFO info;
	struct stat st;
	memset(&info, 0, sizeof info);
	if (stat(path, &st) != 0) {
		snprintf(why, n, "%s", strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		snprintf(why, n, "not a regular file");
		return -1;
	}
	SNDFILE *sf = sf_open(path, SFM_READ, &info);
	if (sf == NULL) {
		asset_why(why, n, sf_strerror(NULL));
		return -1;
	}
	int ok = info.samplerate > 0 && info.channels >= 1 && info.frames > 0 &&
		 info.frames != SF_COUNT_MAX;
	sf_close(sf);
	if (!ok) {
		snprintf(why, n, "no audio in it");
		return -1;
	}
	return 0;
}
