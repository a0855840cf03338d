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

#include "core/core.h"

int64_t chapter_ms(int64_t frame, int rate)
{
	if (rate <= 0)
		return 0;
	return (frame * 1000 + rate / 2) / rate;
}

double chapter_seconds(int64_t frame, int rate)
{
	return rate > 0 ? (double)frame / rate : 0;
}

void audio_chapter_time(char out[32], int64_t frame, int rate)
{
	int64_t ms = chapter_ms(frame, rate);
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
		msg(MSG_AUDIO_TOO_MANY_CHAPTERS, m->source && *m->source ? m->source : "podsynth build",
		    0, 0, "%d" MSG_SEP "%d", n, AUDIO_MAX_CHAPTERS);
		n = AUDIO_MAX_CHAPTERS;
	}
	for (int i = 0; i < n; i++) {
		char tag[32], t[32];
		audio_chapter_time(t, m->chapters[i].start, rate);
		snprintf(tag, sizeof tag, "CHAPTER%03d", i + 1);
		enc_comments_add(c, tag, t);
		snprintf(tag, sizeof tag, "CHAPTER%03dNAME", i + 1);
		enc_comments_add(c, tag, m->chapters[i].title ? m->chapters[i].title : "");
		/* the chapter's link (the extension's CHAPTERxxxURL); it has no field for an image */
		if (m->chapters[i].url && m->chapters[i].url[0]) {
			snprintf(tag, sizeof tag, "CHAPTER%03dURL", i + 1);
			enc_comments_add(c, tag, m->chapters[i].url);
		}
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
	const char *why = NULL;
	unsigned char *d = (unsigned char *)input_read(m->picture, INPUT_IMAGE, &n, &why);
	if (d == NULL) {
		msg(MSG_FILE_UNREADABLE, m->picture, 0, 0, "the cover picture" MSG_SEP "%s", why);
		return -1;
	}
	if (n >= 8 && memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) {
		*mime = "image/png";
	} else if (n >= 3 && memcmp(d, "\xff\xd8\xff", 3) == 0) {
		*mime = "image/jpeg";
	} else {
		msg(MSG_ART_NOT_IMAGE, m->picture, 0, 0, NULL);
		free(d);
		return -1;
	}
	*data = d;
	*len = n;
	return 0;
}

static uint32_t be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Width, height and bits per pixel from a PNG's IHDR or a JPEG's SOF. */
static void picture_size(const unsigned char *d, size_t n, uint32_t *w, uint32_t *h,
			 uint32_t *depth)
{
	*w = *h = *depth = 0;
	if (n >= 26 && memcmp(d, "\x89PNG", 4) == 0 && memcmp(d + 12, "IHDR", 4) == 0) {
		static const int per_pixel[7] = {1, 0, 3, 1, 2, 0, 4}; /* by colour type */
		*w = be32(d + 16);
		*h = be32(d + 20);
		if (d[25] < 7)
			*depth = (uint32_t)(d[24] * per_pixel[d[25]]);
		return;
	}
	for (size_t i = 2; i + 9 < n;) {
		if (d[i] != 0xff) {
			i++;
			continue;
		}
		unsigned m = d[i + 1];
		if (m == 0xd8 || m == 0x01 || (m >= 0xd0 && m <= 0xd7) || m == 0xff) {
			i += m == 0xff ? 1 : 2;
			continue;
		}
		if ((m >= 0xc0 && m <= 0xcf) && m != 0xc4 && m != 0xc8 && m != 0xcc) {
			*h = be16(d + i + 5);
			*w = be16(d + i + 7);
			*depth = (uint32_t)d[i + 4] * d[i + 9];
			return;
		}
		i += 2 + be16(d + i + 2);
	}
}

static void put32(struct buf *b, uint32_t v)
{
	unsigned char p[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 8), (unsigned char)v};
	buf_add(b, p, 4);
}

char *audio_picture_block(const unsigned char *data, size_t len, const char *mime)
{
	struct buf b = {0};
	uint32_t w, h, depth;
	picture_size(data, len, &w, &h, &depth);
	put32(&b, 3);
	put32(&b, (uint32_t)strlen(mime));
	buf_puts(&b, mime);
	put32(&b, 0);           /* no description */
	put32(&b, w);
	put32(&b, h);
	put32(&b, depth);
	put32(&b, 0);           /* not indexed */
	put32(&b, (uint32_t)len);
	buf_add(&b, data, len);
	char *out = xmalloc(4 * ((b.len + 2) / 3) + 1);
	base64_encode(out, b.data, b.len);
	buf_free(&b);
	return out;
}
