/*
 * test_id3.c: the ID3v2.4 tag of the MP3 byte by byte: the header and its
 * syncsafe size, the text frames, COMM, APIC, the CTOC with its children
 * and each CHAP's times and embedded title; the MP3 frame length helper;
 * the language codes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "codec/encode_mp3.h"
#include "harness.h"
#include "codec/id3.h"

static uint32_t syncsafe(const unsigned char *p)
{
	return (uint32_t)p[0] << 21 | (uint32_t)p[1] << 14 | (uint32_t)p[2] << 7 | p[3];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The body of the first frame id at or after *at in the frames [p, end). */
static const unsigned char *find(const unsigned char *p, const unsigned char *end,
				 const char *id, uint32_t *len)
{
	while (p + 10 <= end) {
		uint32_t n = syncsafe(p + 4);
		if (memcmp(p, id, 4) == 0) {
			*len = n;
			return p + 10;
		}
		p += 10 + n;
	}
	*len = 0;
	return NULL;
}

int main(void)
{
	struct chapter ch[3] = {{.start = 0, .title = "Welcome"}, {.start = 44100 * 30, .title = "Mainline: 6.18-rc6"}, {.start = 44100 * 95, .title = ""}};
	struct audio_meta m = {
		.title = "Kernel Weekly 46", .album = "Kernel Weekly", .artist = "The team",
		.date = "2026-11-16", .tracknumber = "46", .language = "en-GB",
		.description = "Releases and regressions.", .chapters = ch, .nchapters = 3,
	};
	static const unsigned char png[] = "\x89PNG\r\n\x1a\nfakedata";
	size_t len;
	unsigned char *t = id3_tag(&m, 44100, 44100 * 120 + 22050, png, sizeof png - 1, "image/png",
				   &len);
	const unsigned char *end = t + len;
	OK(len > 10 && memcmp(t, "ID3\x04\x00\x00", 6) == 0, "ID3v2.4 header, no flags");
	INT_EQ(syncsafe(t + 6), len - 10, "syncsafe tag size is the frames' length");
	OK((t[6] | t[7] | t[8] | t[9]) < 0x80, "size bytes have their top bit clear");

	uint32_t n;
	const unsigned char *b = find(t + 10, end, "TIT2", &n);
	OK(b && n == 1 + strlen(m.title) && b[0] == 3 && memcmp(b + 1, m.title, n - 1) == 0,
	   "TIT2 is UTF-8 title");
	b = find(t + 10, end, "TALB", &n);
	OK(b && memcmp(b + 1, "Kernel Weekly", 13) == 0, "TALB is the show");
	b = find(t + 10, end, "TPE1", &n);
	OK(b && memcmp(b + 1, "The team", 8) == 0, "TPE1 is the author");
	b = find(t + 10, end, "TDRC", &n);
	OK(b && n == 11 && memcmp(b + 1, "2026-11-16", 10) == 0, "TDRC is the date");
	b = find(t + 10, end, "TRCK", &n);
	OK(b && n == 3 && memcmp(b + 1, "46", 2) == 0, "TRCK is the episode number");
	b = find(t + 10, end, "TLAN", &n);
	OK(b && n == 4 && memcmp(b + 1, "eng", 3) == 0, "TLAN is ISO 639-2 of en-GB");
	b = find(t + 10, end, "COMM", &n);
	OK(b && b[0] == 3 && memcmp(b + 1, "eng", 3) == 0 && b[4] == 0 &&
	   n == 5 + strlen(m.description) && memcmp(b + 5, m.description, n - 5) == 0,
	   "COMM: language, empty short description, the description");
	b = find(t + 10, end, "APIC", &n);
	OK(b && b[0] == 3 && memcmp(b + 1, "image/png\0", 10) == 0 && b[11] == 3 && b[12] == 0 &&
	   n == 13 + sizeof png - 1 && memcmp(b + 13, png, sizeof png - 1) == 0,
	   "APIC: MIME type, front cover, the picture's bytes");

	b = find(t + 10, end, "CTOC", &n);
	static const char toc[] = "toc\0\x03\x03" "chp1\0chp2\0chp3";
	OK(b && n == sizeof toc && memcmp(b, toc, sizeof toc) == 0,
	   "CTOC: top level, ordered, three children in order");
	const unsigned char *p = t + 10;
	static const uint32_t want[3][2] = {{0, 30000}, {30000, 95000}, {95000, 120500}};
	static const char *titles[3] = {"Welcome", "Mainline: 6.18-rc6", "chp3"};
	for (int i = 0; i < 3; i++) {
		b = find(p, end, "CHAP", &n);
		char id[8];
		snprintf(id, sizeof id, "chp%d", i + 1);
		OK(b && strcmp((const char *)b, id) == 0, "CHAP %d has element ID %s", i + 1, id);
		if (b == NULL)
			break;
		const unsigned char *q = b + strlen(id) + 1;
		INT_EQ(be32(q), want[i][0], "CHAP start in ms");
		INT_EQ(be32(q + 4), want[i][1], "CHAP end in ms (the next start, or the end)");
		OK(be32(q + 8) == 0xffffffffu && be32(q + 12) == 0xffffffffu, "CHAP has no byte offsets");
		uint32_t tn;
		const unsigned char *sub = find(q + 16, b + n, "TIT2", &tn);
		OK(sub && tn == 1 + strlen(titles[i]) && memcmp(sub + 1, titles[i], tn - 1) == 0,
		   "CHAP %d title \"%s\"", i + 1, titles[i]);
		p = b + n;
	}
	free(t);

	/* No metadata at all: only the encoder's frame. */
	t = id3_tag(NULL, 44100, 0, NULL, 0, NULL, &len);
	OK(find(t + 10, t + len, "TSSE", &n) != NULL && find(t + 10, t + len, "CTOC", &n) == NULL,
	   "empty metadata: TSSE only, no chapters");
	free(t);

	STR_EQ(id3_language("zh-CN"), "zho", "zh-CN is zho");
	OK(id3_language("xx") == NULL && id3_language(NULL) == NULL, "unknown language: none");

	static const unsigned char h64[4] = {0xff, 0xfb, 0x50, 0xc4};     /* MPEG-1, 64k, 44.1k */
	static const unsigned char h64p[4] = {0xff, 0xfb, 0x52, 0xc4};    /* ... padded */
	static const unsigned char h22[4] = {0xff, 0xf3, 0x80, 0xc4};     /* MPEG-2, 64k, 22.05k */
	INT_EQ(mp3_frame_bytes(h64), 208, "64 kbit/s at 44.1 kHz: 208 bytes");
	INT_EQ(mp3_frame_bytes(h64p), 209, "padded: one more");
	INT_EQ(mp3_frame_bytes(h22), 208, "MPEG-2 64 kbit/s at 22.05 kHz: 208 bytes");
	static const unsigned char bad[4] = {'I', 'D', '3', 4};
	INT_EQ(mp3_frame_bytes(bad), 0, "not a frame header");
	return harness_done();
}
