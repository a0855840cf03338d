/*
 * audiometa.c: the episode's metadata as Vorbis comments, and its cover.
 *
 * In: struct audio_meta. Out: enc_comments (TITLE, ALBUM, ..., the Xiph
 * chapter extension), or the picture file's bytes and MIME type.
 */
#include "audiometa.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void audio_chapter_time(char out[32], int64_t frame, int rate)
{
	int64_t ms = (frame * 1000 + rate / 2) / rate;
	snprintf(out, 32, "%02lld:%02lld:%02lld.%03lld", (long long)(ms / 3600000),
		 (long long)(ms / 60000 % 60), (long long)(ms / 1000 % 60),
		 (long long)(ms % 1000));
}

static void add_nonempty(struct enc_comments *c, const char *tag, const char *v)
{
	if (v != NULL && v[0] != '\0')
		enc_comments_add(c, tag, v);
}

struct enc_comments *audio_meta_comments(const struct audio_meta *m, int rate)
{
	struct enc_comments *c = enc_comments_new();
	if (m == NULL)
		return c;
	add_nonempty(c, "TITLE", m->title);
	add_nonempty(c, "ALBUM", m->album);
	add_nonempty(c, "ARTIST", m->artist);
	add_nonempty(c, "DATE", m->date);
	add_nonempty(c, "TRACKNUMBER", m->tracknumber);
	add_nonempty(c, "LANGUAGE", m->language);
	add_nonempty(c, "DESCRIPTION", m->description);
	int n = m->nchapters;
	if (n > AUDIO_MAX_CHAPTERS) {
		diag(DIAG_WARNING, NULL, 0, 0, "too many chapters \"%d\": only the first %d are kept",
		     n, AUDIO_MAX_CHAPTERS);
		n = AUDIO_MAX_CHAPTERS;
	}
	for (int i = 0; i < n; i++) {
		char tag[32], t[32];
		audio_chapter_time(t, m->chapters[i].start, rate);
		snprintf(tag, sizeof tag, "CHAPTER%03d", i + 1);
		enc_comments_add(c, tag, t);
		snprintf(tag, sizeof tag, "CHAPTER%03dNAME", i + 1);
		enc_comments_add(c, tag, m->chapters[i].title ? m->chapters[i].title : "");
	}
	return c;
}

int audio_meta_picture(const struct audio_meta *m, unsigned char **data, size_t *len,
		       const char **mime)
{
	*data = NULL;
	*len = 0;
	*mime = NULL;
	if (m == NULL || m->picture == NULL || m->picture[0] == '\0')
		return 0;
	size_t n;
	unsigned char *d = (unsigned char *)read_file(m->picture, &n);
	if (d == NULL) {
		diag(DIAG_ERROR, m->picture, 0, 0, "cannot read the cover picture: %s", strerror(errno));
		return -1;
	}
	if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*mime = "image/png";
	} else if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0) {
		*mime = "image/jpeg";
	} else {
		diag(DIAG_ERROR, m->picture, 0, 0, "cover picture is neither PNG nor JPEG");
		free(d);
		return -1;
	}
	*data = d;
	*len = n;
	return 0;
}
