/*
 * id3.c: an ID3v2.4 tag with CHAP and CTOC frames.
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
			text_frame(&body, "TIT2", t && t[0] ? t : id);
			frame(&b, "CHAP", &body);
		}
	}
	buf_free(&body);
	put_syncsafe((unsigned char *)b.data + 6, (uint32_t)(b.len - 10));
	*len = b.len;
	return (unsigned char *)buf_detach(&b);
}
