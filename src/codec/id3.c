/*
 * id3.c: an ID3v2.4 tag with CHAP and CTOC frames (a chapter's title,
 * link and image as its TIT2, WXXX and APIC sub-frames).
 *
 * In: struct audio_meta, rate, total frames, the picture. Out: the tag's
 * bytes: a 10-byte header, then frames, each a 4-character ID, a syncsafe
 * size and two zero flag bytes. Text is UTF-8 (encoding byte 3).
 */
#include "id3.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

static void put_be32(struct buf *b, uint32_t v)
{
	unsigned char p[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
			      (unsigned char)(v >> 8), (unsigned char)v};
	buf_add(b, p, 4);
}

/* 28 bits in four bytes of seven. */
static void put_syncsafe(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)((v >> 21) & 0x7f);
	p[1] = (unsigned char)((v >> 14) & 0x7f);
	p[2] = (unsigned char)((v >> 7) & 0x7f);
	p[3] = (unsigned char)(v & 0x7f);
}

/*
 * Appends a frame inside a CHAP frame: its size a plain 32-bit number, as
 * FFmpeg reads it there (libavformat's read_chapter does not decode a
 * syncsafe size); the same bytes as a syncsafe size up to 127, and mutagen
 * and the others that decode one tell the two apart by where the next
 * frame starts.
 */
static void sub_frame(struct buf *b, const char *id, const struct buf *body)
{
	buf_add(b, id, 4);
	put_be32(b, (uint32_t)body->len);
	buf_putc(b, 0);
	buf_putc(b, 0);
	buf_add(b, body->data, body->len);
}

/* Appends frame id with body to b. */
static void frame(struct buf *b, const char *id, const struct buf *body)
{
	unsigned char h[10];
	memcpy(h, id, 4);
	put_syncsafe(h + 4, (uint32_t)body->len);
	h[8] = h[9] = 0;
	buf_add(b, h, 10);
	buf_add(b, body->data, body->len);
}

/* A text frame: encoding UTF-8, then the text. Skipped when empty. */
static void text_frame(struct buf *b, const char *id, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	struct buf body = {0};
	buf_putc(&body, 3);
	buf_puts(&body, text);
	frame(b, id, &body);
	buf_free(&body);
}

const char *id3_language(const char *lang)
{
	static const char *map[][2] = {
		{"en", "eng"}, {"zh", "zho"}, {"de", "deu"}, {"fr", "fra"}, {"es", "spa"},
		{"it", "ita"}, {"ja", "jpn"}, {"pt", "por"}, {"nl", "nld"}, {"ru", "rus"},
		{"sv", "swe"}, {"pl", "pol"}, {"ko", "kor"}, {"da", "dan"}, {"fi", "fin"},
		{"nb", "nob"}, {"no", "nor"}, {"cs", "ces"}, {"el", "ell"}, {"tr", "tur"},
	};
	if (lang == NULL)
		return NULL;
	size_t n = strcspn(lang, "-_");
	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (n == 2 && strncmp(lang, map[i][0], 2) == 0)
			return map[i][1];
	return NULL;
}

static uint32_t ms_of(int64_t frame, int rate)
{
	int64_t ms = chapter_ms(frame, rate);
	return ms > 0xfffffffe ? 0xfffffffe : (uint32_t)ms;
}

/*
 * A chapter's link and image as CHAP sub-frames: WXXX (no description, the
 * URL in ISO-8859-1, which a publishable URL is) and APIC (the PNG or
 * JPEG file's bytes, picture type 3). An image that cannot be read is left
 * out (check has refused it already).
 */
static void chapter_extras(struct buf *body, const struct chapter *c)
{
	if (c->url && c->url[0]) {
		struct buf f = {0};
		buf_putc(&f, 0);     /* ISO-8859-1 */
		buf_putc(&f, 0);     /* the empty description */
		buf_puts(&f, c->url);
		sub_frame(body, "WXXX", &f);
		buf_free(&f);
	}
	size_t len = 0;
	unsigned char *img = c->img_file ? (unsigned char *)read_file(c->img_file, &len) : NULL;
	const char *mime = NULL;
	if (img && len > 8 && memcmp(img, "\x89PNG\r\n\x1a\n", 8) == 0)
		mime = "image/png";
	else if (img && len > 3 && img[0] == 0xFF && img[1] == 0xD8 && img[2] == 0xFF)
		mime = "image/jpeg";
	if (mime) {
		struct buf f = {0};
		buf_putc(&f, 3);
		buf_add(&f, mime, strlen(mime) + 1);
		buf_putc(&f, 3);
		buf_putc(&f, 0);
		buf_add(&f, img, len);
		sub_frame(body, "APIC", &f);
		buf_free(&f);
	}
	free(img);
}

unsigned char *id3_tag(const struct audio_meta *m, int rate, int64_t total,
		       const unsigned char *picture, size_t picture_len, const char *mime,
		       size_t *len)
{
	struct buf b = {0}, body = {0};
	unsigned char h[10] = {'I', 'D', '3', 4, 0, 0};
	buf_add(&b, h, 10);
	const char *lang = m ? id3_language(m->language) : NULL;
	if (m != NULL) {
		text_frame(&b, "TIT2", m->title);
		text_frame(&b, "TALB", m->album);
		text_frame(&b, "TPE1", m->artist);
		text_frame(&b, "TDRC", m->date);
		text_frame(&b, "TRCK", m->tracknumber);
		text_frame(&b, "TLAN", lang);
		if (m->description != NULL && m->description[0] != '\0') {
			/* COMM: encoding, language, empty short description, text. */
			buf_reset(&body);
			buf_putc(&body, 3);
			buf_add(&body, lang ? lang : "und", 3);
			buf_putc(&body, 0);
			buf_puts(&body, m->description);
			frame(&b, "COMM", &body);
		}
	}
	text_frame(&b, "TSSE", "podsynth");
	if (picture != NULL) {
		/* APIC: encoding, MIME type, type 3 (front cover), description. */
		buf_reset(&body);
		buf_putc(&body, 3);
		buf_add(&body, mime, strlen(mime) + 1);
		buf_putc(&body, 3);
		buf_putc(&body, 0);
		buf_add(&body, picture, picture_len);
		frame(&b, "APIC", &body);
	}
	int n = m ? m->nchapters : 0;
	if (n > AUDIO_MAX_CHAPTERS)
		n = AUDIO_MAX_CHAPTERS;      /* audio_meta_comments warns */
	if (n > 0) {
		/* CTOC: element ID, flags (top level, ordered), the children. */
		buf_reset(&body);
		buf_add(&body, "toc", 4);
		buf_putc(&body, 0x03);
		buf_putc(&body, n);
		for (int i = 0; i < n; i++) {
			char id[16];
			int k = snprintf(id, sizeof id, "chp%d", i + 1);
			buf_add(&body, id, (size_t)k + 1);
		}
		frame(&b, "CTOC", &body);
		for (int i = 0; i < n; i++) {
			/* CHAP: element ID, start and end in ms, no byte offsets
			 * (0xFFFFFFFF), then the title as an embedded TIT2. */
			char id[16];
			int k = snprintf(id, sizeof id, "chp%d", i + 1);
			int64_t end = i + 1 < n ? m->chapters[i + 1].start : total;
			buf_reset(&body);
			buf_add(&body, id, (size_t)k + 1);
			put_be32(&body, ms_of(m->chapters[i].start, rate));
			put_be32(&body, ms_of(end, rate));
			put_be32(&body, 0xffffffffu);
			put_be32(&body, 0xffffffffu);
			const char *t = m->chapters[i].title;
			struct buf tit = {0};
			buf_putc(&tit, 3);
			buf_puts(&tit, t && t[0] ? t : id);
			sub_frame(&body, "TIT2", &tit);
			buf_free(&tit);
			chapter_extras(&body, &m->chapters[i]);
			frame(&b, "CHAP", &body);
		}
	}
	buf_free(&body);
	put_syncsafe((unsigned char *)b.data + 6, (uint32_t)(b.len - 10));
	*len = b.len;
	return (unsigned char *)buf_detach(&b);
}
