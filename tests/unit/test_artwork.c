/*
 * test_artwork.c: artwork.c on files written here with libjpeg and libpng
 * (greyscale and CMYK JPEGs, which ffmpeg cannot write, an RGB JPEG, a
 * 16-bit RGB PNG and an RGB PNG with a transparent colour), the default
 * cover's name (title and design in it), drawing it only once, pruning
 * older covers only, and which file artwork_episode_image gives.
 */
#include "show/artwork.h"
#include "harness.h"
#include "core/util.h"

#include <jpeglib.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/podsynth-test-artwork.XXXXXX";

static int write_jpeg(const char *path, int size, J_COLOR_SPACE cs, int comps)
{
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		return -1;
	struct jpeg_compress_struct c;
	struct jpeg_error_mgr err;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_stdio_dest(&c, fp);
	c.image_width = (JDIMENSION)size;
	c.image_height = (JDIMENSION)size;
	c.input_components = comps;
	c.in_color_space = cs;
	jpeg_set_defaults(&c);
	jpeg_start_compress(&c, TRUE);
	JSAMPLE *row = calloc((size_t)size * (size_t)comps, 1);
	for (int i = 0; i < size * comps; i++)
		row[i] = (JSAMPLE)(i * 7);
	while (c.next_scanline < c.image_height)
		jpeg_write_scanlines(&c, &row, 1);
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
	return fclose(fp);
}

static int write_png(const char *path, int size, int depth, int trns)
{
	FILE *fp = fopen(path, "wb");
	if (fp == NULL)
		return -1;
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png_create_info_struct(png);
	png_init_io(png, fp);
	png_set_IHDR(png, info, (png_uint_32)size, (png_uint_32)size, depth, PNG_COLOR_TYPE_RGB,
		     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	if (trns) {
		png_color_16 t = {0, 1, 2, 3, 0};
		png_set_tRNS(png, info, NULL, 0, &t);
	}
	png_write_info(png, info);
	png_bytep row = calloc((size_t)size * 3 * (size_t)(depth / 8), 1);
	for (int y = 0; y < size; y++)
		png_write_row(png, row);
	png_write_end(png, info);
	png_destroy_write_struct(&png, &info);
	free(row);
	return fclose(fp);
}

static char *in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		OK(0, "mkdtemp");
		return 1;
	}
	struct artwork_info in;
	const char *why = NULL;
	char *grey = in_dir("grey.jpg"), *cmyk = in_dir("cmyk.jpg"), *rgb = in_dir("rgb.jpg");
	char *deep = in_dir("deep.png"), *trns = in_dir("trns.png");

	OK(write_jpeg(grey, 1400, JCS_GRAYSCALE, 1) == 0, "libjpeg writes a greyscale JPEG");
	OK(write_jpeg(cmyk, 1400, JCS_CMYK, 4) == 0, "libjpeg writes a CMYK JPEG");
	OK(write_jpeg(rgb, 1500, JCS_RGB, 3) == 0, "libjpeg writes an RGB JPEG");
	OK(write_png(deep, 1400, 16, 0) == 0, "libpng writes a 16-bit RGB PNG");
	OK(write_png(trns, 1400, 8, 1) == 0, "libpng writes an RGB PNG with a transparent colour");

	INT_EQ(artwork_probe(grey, &in, &why), 0, "the greyscale JPEG is read");
	OK(in.kind == ARTWORK_JPEG && in.width == 1400 && in.height == 1400 && !in.rgb &&
	   strcmp(in.color, "greyscale") == 0, "...as a 1400x1400 greyscale JPEG (%s)", in.color);
	INT_EQ(artwork_check(grey, "rss/channel.yaml", 3), -1, "a greyscale JPEG is refused");
	INT_EQ(artwork_probe(cmyk, &in, &why), 0, "the CMYK JPEG is read");
	OK(!in.rgb && strcmp(in.color, "CMYK") == 0, "...as CMYK (%s)", in.color);
	INT_EQ(artwork_check(cmyk, "rss/channel.yaml", 3), -1, "a CMYK JPEG is refused");
	INT_EQ(artwork_probe(rgb, &in, &why), 0, "the RGB JPEG is read");
	OK(in.rgb && in.width == 1500, "...as a 1500-pixel RGB JPEG");
	INT_EQ(artwork_check(rgb, "rss/channel.yaml", 3), 0, "an RGB JPEG of 1500 pixels is accepted");
	INT_EQ(artwork_check(deep, "x.md", 4), 0, "a 16-bit RGB PNG is accepted");
	INT_EQ(artwork_probe(trns, &in, &why), 0, "the PNG with tRNS is read");
	OK(!in.rgb, "...as not plain RGB (%s)", in.color);
	INT_EQ(artwork_check(trns, "x.md", 4), -1, "a PNG with a transparent colour is refused");
	INT_EQ(artwork_check("https://example.org/x.gif", "x.md", 4), 0, "a URL is not checked");
	/* a truncated PNG: its header cut short */
	char *cut = in_dir("cut.png");
	size_t n;
	char *bytes = read_file(deep, &n);
	OK(bytes && write_file_atomic(cut, bytes, 20) == 0, "a PNG cut after 20 bytes");
	free(bytes);
	OK(artwork_probe(cut, &in, &why) == -1 && strstr(why, "PNG"), "...is not readable (%s)",
	   why ? why : "");

	/* the default cover */
	struct channel ch = {0};
	ch.title = "Show One";
	ch.rss_dir = dir;
	char *p1 = artwork_cover_path(&ch);
	ch.title = "Show Two";
	char *p2 = artwork_cover_path(&ch);
	ch.title = "Show One";
	char *p1b = artwork_cover_path(&ch);
	OK(strcmp(p1, p1b) == 0, "the same title gives the same cover name");
	OK(strcmp(p1, p2) != 0, "another title gives another name");
	OK(strncmp(p1, dir, strlen(dir)) == 0 && strstr(p1, "/cover.") && strstr(p1, ".png"),
	   "the cover is cover.<hash>.png in the site (%s)", p1);

	char *made = NULL;
	INT_EQ(artwork_make_cover(&ch, &made), 0, "the cover is drawn");
	STR_EQ(made, p1, "...where artwork_cover_path says");
	INT_EQ(artwork_check(made, "cover", 0), 0, "the drawn cover passes the checks");
	INT_EQ(artwork_probe(made, &in, &why), 0, "...and is read");
	OK(in.kind == ARTWORK_PNG && in.width == ARTWORK_COVER_SIZE && in.rgb,
	   "...a %d-pixel RGB PNG", ARTWORK_COVER_SIZE);
	struct stat a, b;
	stat(made, &a);
	free(made);
	INT_EQ(artwork_make_cover(&ch, &made), 0, "asked again");
	stat(made, &b);
	OK(a.st_ino == b.st_ino && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec && a.st_mtime == b.st_mtime,
	   "...it is not drawn again");
	free(made);

	/* which image an episode embeds */
	struct episode ep = {0};
	char *got = artwork_episode_image(&ch, &ep);
	STR_EQ(got, p1, "no image anywhere: the default cover");
	free(got);
	ep.image = "https://example.org/e.jpg";
	got = artwork_episode_image(&ch, &ep);
	STR_EQ(got, p1, "an episode image URL: the default cover (nothing to embed)");
	free(got);
	ch.image = rgb;
	got = artwork_episode_image(&ch, &ep);
	STR_EQ(got, rgb, "the show names a file: that file");
	free(got);
	ep.image = "deep.png";
	got = artwork_episode_image(&ch, &ep);
	STR_EQ(got, deep, "the episode names a file in the site: that file");
	free(got);
	ep.image = NULL;
	ch.image = "https://example.org/show.jpg";
	got = artwork_episode_image(&ch, &ep);
	OK(got == NULL, "the show names a URL and the episode nothing: NULL");
	free(got);
	ch.image = NULL;

	/* pruning: only covers of other titles, only names podsynth makes */
	char *keep_other = in_dir("cover.notahashatall.png");
	OK(write_file_atomic(keep_other, "x", 1) == 0, "a file that only looks like a cover");
	ch.title = "Show Two";
	OK(artwork_make_cover(&ch, &made) == 0, "the cover of another title");
	free(made);
	ch.title = "Show One";
	INT_EQ(artwork_prune(&ch), 1, "prune deletes one file");
	OK(file_exists(p1) && !file_exists(p2) && file_exists(keep_other),
	   "...the other title's cover, keeping the current one and the look-alike");

	char *cmd = xasprintf("rm -rf %s", dir);
	OK(system(cmd) == 0, "clean up");
	free(cmd);
	free(grey), free(cmyk), free(rgb), free(deep), free(trns), free(cut);
	free(p1), free(p2), free(p1b), free(keep_other);
	return harness_done();
}
