/*
 * artwork.c: cover art checks and the default cover (see artwork.h).
 *
 * In: image paths from channel.yaml and the front matter; the show title.
 * Out: diagnostics for images Apple Podcasts would refuse, read from the
 * file headers only (libpng, libjpeg: cairo decodes a whole PNG and cannot
 * tell greyscale from RGB, and reads no JPEG at all); and the default
 * cover, drawn with cairo on an RGB24 surface (so the PNG has no alpha
 * channel) with the title laid out by pango, which wraps it at word (or,
 * in Chinese, character) boundaries and falls back through fontconfig to a
 * font that has the glyphs (DejaVu Sans for Latin, Noto Sans CJK for
 * Chinese), which cairo's own text calls do not.
 */
#include "artwork.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <jpeglib.h>
#include <pango/pangocairo.h>
#include <png.h>

#include "channel.h"
#include "episode.h"
#include "core/core.h"

/* pangocairo (and through it pango, cairo, fontconfig, HarfBuzz, GLib and
   X11's client libraries) is opened when a cover is drawn, not linked: no
   other command needs it (core/dynlib.h). libpng and libjpeg, which the
   checks read headers with, stay linked (small, and nothing comes with
   them). */
#ifndef PODSYNTH_SONAME_PANGOCAIRO
#error "PODSYNTH_SONAME_PANGOCAIRO (the Makefile sets it) is the soname of pangocairo"
#endif
#define PANGOCAIRO_FNS(X) X(FcFini) X(cairo_create) X(cairo_destroy) X(cairo_fill) \
	X(cairo_font_options_create) X(cairo_font_options_destroy) \
	X(cairo_font_options_set_antialias) X(cairo_font_options_set_hint_metrics) \
	X(cairo_font_options_set_hint_style) X(cairo_image_surface_create) X(cairo_move_to) \
	X(cairo_paint) X(cairo_pattern_add_color_stop_rgb) X(cairo_pattern_create_linear) \
	X(cairo_pattern_destroy) X(cairo_rectangle) X(cairo_set_source) X(cairo_set_source_rgb) \
	X(cairo_set_source_rgba) X(cairo_status) X(cairo_surface_destroy) X(cairo_surface_flush) \
	X(cairo_surface_write_to_png_stream) X(g_object_unref) \
	X(pango_cairo_context_set_font_options) X(pango_cairo_create_layout) \
	X(pango_cairo_font_map_set_default) X(pango_cairo_show_layout) \
	X(pango_font_description_free) X(pango_font_description_from_string) \
	X(pango_font_description_set_absolute_size) X(pango_layout_context_changed) \
	X(pango_layout_get_context) X(pango_layout_get_line_count) \
	X(pango_layout_get_pixel_extents) X(pango_layout_get_unknown_glyphs_count) \
	X(pango_layout_set_ellipsize) X(pango_layout_set_font_description) \
	X(pango_layout_set_height) X(pango_layout_set_text) X(pango_layout_set_width) \
	X(pango_layout_set_wrap)
PANGOCAIRO_FNS(DYNLIB_PTR)
static const struct dynsym pangocairo_syms[] = {PANGOCAIRO_FNS(DYNLIB_SYM)};
#define FcFini (*dl_FcFini)
#define cairo_create (*dl_cairo_create)
#define cairo_destroy (*dl_cairo_destroy)
#define cairo_fill (*dl_cairo_fill)
#define cairo_font_options_create (*dl_cairo_font_options_create)
#define cairo_font_options_destroy (*dl_cairo_font_options_destroy)
#define cairo_font_options_set_antialias (*dl_cairo_font_options_set_antialias)
#define cairo_font_options_set_hint_metrics (*dl_cairo_font_options_set_hint_metrics)
#define cairo_font_options_set_hint_style (*dl_cairo_font_options_set_hint_style)
#define cairo_image_surface_create (*dl_cairo_image_surface_create)
#define cairo_move_to (*dl_cairo_move_to)
#define cairo_paint (*dl_cairo_paint)
#define cairo_pattern_add_color_stop_rgb (*dl_cairo_pattern_add_color_stop_rgb)
#define cairo_pattern_create_linear (*dl_cairo_pattern_create_linear)
#define cairo_pattern_destroy (*dl_cairo_pattern_destroy)
#define cairo_rectangle (*dl_cairo_rectangle)
#define cairo_set_source (*dl_cairo_set_source)
#define cairo_set_source_rgb (*dl_cairo_set_source_rgb)
#define cairo_set_source_rgba (*dl_cairo_set_source_rgba)
#define cairo_status (*dl_cairo_status)
#define cairo_surface_destroy (*dl_cairo_surface_destroy)
#define cairo_surface_flush (*dl_cairo_surface_flush)
#define cairo_surface_write_to_png_stream (*dl_cairo_surface_write_to_png_stream)
#define g_object_unref (*dl_g_object_unref)
#define pango_cairo_context_set_font_options (*dl_pango_cairo_context_set_font_options)
#define pango_cairo_create_layout (*dl_pango_cairo_create_layout)
#define pango_cairo_font_map_set_default (*dl_pango_cairo_font_map_set_default)
#define pango_cairo_show_layout (*dl_pango_cairo_show_layout)
#define pango_font_description_free (*dl_pango_font_description_free)
#define pango_font_description_from_string (*dl_pango_font_description_from_string)
#define pango_font_description_set_absolute_size (*dl_pango_font_description_set_absolute_size)
#define pango_layout_context_changed (*dl_pango_layout_context_changed)
#define pango_layout_get_context (*dl_pango_layout_get_context)
#define pango_layout_get_line_count (*dl_pango_layout_get_line_count)
#define pango_layout_get_pixel_extents (*dl_pango_layout_get_pixel_extents)
#define pango_layout_get_unknown_glyphs_count (*dl_pango_layout_get_unknown_glyphs_count)
#define pango_layout_set_ellipsize (*dl_pango_layout_set_ellipsize)
#define pango_layout_set_font_description (*dl_pango_layout_set_font_description)
#define pango_layout_set_height (*dl_pango_layout_set_height)
#define pango_layout_set_text (*dl_pango_layout_set_text)
#define pango_layout_set_width (*dl_pango_layout_set_width)
#define pango_layout_set_wrap (*dl_pango_layout_set_wrap)


/* Bump when the drawing below changes: every show's cover is drawn again. */
#define COVER_DESIGN 1
#define COVER_PREFIX "cover."
#define COVER_SUFFIX ".png"
#define COVER_HASH_LEN 12

/* ---- reading headers ---- */

/* libpng's messages go to stderr by default: ours say it instead. */
static void png_fail(png_structp png, png_const_charp msg)
{
	(void)msg;
	png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static int probe_png(FILE *fp, struct artwork_info *info, const char **why)
{
	png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
	png_infop pi = png ? png_create_info_struct(png) : NULL;
	volatile int rc = -1;
	unsigned char *volatile row = NULL;

	if (pi == NULL) {
		*why = "out of memory";
		goto out;
	}
	if (setjmp(png_jmpbuf(png))) {
		*why = info->kind == ARTWORK_PNG ? "the PNG's image data is cut short or damaged"
						 : "not a readable PNG file";
		goto out;
	}
	png_init_io(png, fp);
	png_read_info(png, pi);
	png_uint_32 w, h;
	int depth, type, interlace, comp, filter;
	png_get_IHDR(png, pi, &w, &h, &depth, &type, &interlace, &comp, &filter);
	info->kind = ARTWORK_PNG;
	info->width = w > 100000 ? 100000 : (int)w;
	info->height = h > 100000 ? 100000 : (int)h;
	int trns = png_get_valid(png, pi, PNG_INFO_tRNS) != 0;
	switch (type) {
	case PNG_COLOR_TYPE_RGB:
		info->rgb = !trns;
		info->color = trns ? "RGB with a transparent colour" : "RGB";
		break;
	case PNG_COLOR_TYPE_PALETTE:
		info->rgb = !trns;
		info->color = trns ? "a palette with transparency" : "RGB palette";
		break;
	case PNG_COLOR_TYPE_RGB_ALPHA:
		info->color = "RGB with an alpha channel";
		break;
	case PNG_COLOR_TYPE_GRAY:
		info->color = "greyscale";
		break;
	default:
		info->color = "greyscale with an alpha channel";
		break;
	}
	/* Decoded to the end (at a size artwork may have): a file cut inside
	 * its image data is not artwork, whatever its header says. */
	if (w >= 1 && h >= 1 && w <= ARTWORK_MAX && h <= ARTWORK_MAX) {
		int passes = png_set_interlace_handling(png);
		png_read_update_info(png, pi);
		row = xmalloc(png_get_rowbytes(png, pi));
		for (int pass = 0; pass < passes; pass++)
			for (png_uint_32 y = 0; y < h; y++)
				png_read_row(png, row, NULL);
		png_read_end(png, NULL);
	}
	rc = 0;
out:
	free(row);
	png_destroy_read_struct(png ? &png : NULL, pi ? &pi : NULL, NULL);
	return rc;
}

struct jpeg_err {
	struct jpeg_error_mgr mgr;
	jmp_buf jb;
	int damaged;   /* libjpeg's warnings: corrupt or missing data */
};

static void jpeg_fail(j_common_ptr c)
{
	longjmp(((struct jpeg_err *)c->err)->jb, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
	if (level < 0)
		((struct jpeg_err *)c->err)->damaged = 1;
}

static int probe_jpeg(FILE *fp, struct artwork_info *info, const char **why)
{
	struct jpeg_decompress_struct d;
	struct jpeg_err err;
	volatile int rc = -1;
	unsigned char *volatile row = NULL;

	err.damaged = 0;
	d.err = jpeg_std_error(&err.mgr);
	err.mgr.error_exit = jpeg_fail;
	err.mgr.emit_message = jpeg_quiet;
	if (setjmp(err.jb)) {
		*why = "not a readable JPEG file";
		goto out;
	}
	jpeg_create_decompress(&d);
	jpeg_stdio_src(&d, fp);
	jpeg_read_header(&d, TRUE);
	info->kind = ARTWORK_JPEG;
	info->width = (int)d.image_width;
	info->height = (int)d.image_height;
	switch (d.jpeg_color_space) {
	case JCS_YCbCr:
	case JCS_RGB:
		info->rgb = d.num_components == 3;
		info->color = "RGB";
		break;
	case JCS_GRAYSCALE:
		info->color = "greyscale";
		break;
	case JCS_CMYK:
	case JCS_YCCK:
		info->color = "CMYK";
		break;
	default:
		info->color = "an unknown colour model";
		break;
	}
	/* Decoded to the end, as for PNG: a cut or damaged file is refused. */
	if (d.image_width >= 1 && d.image_height >= 1 && d.image_width <= ARTWORK_MAX &&
	    d.image_height <= ARTWORK_MAX) {
		jpeg_start_decompress(&d);
		row = xmalloc((size_t)d.output_width * (size_t)d.output_components);
		JSAMPROW rows[1] = {row};
		while (d.output_scanline < d.output_height)
			jpeg_read_scanlines(&d, rows, 1);
		jpeg_finish_decompress(&d);
		if (err.damaged) {
			*why = "the JPEG's image data is cut short or damaged";
			goto out;
		}
	}
	rc = 0;
out:
	free(row);
	jpeg_destroy_decompress(&d);
	return rc;
}

int artwork_probe(const char *path, struct artwork_info *info, const char **why)
{
	unsigned char magic[8] = {0};
	int fd = input_open(path, INPUT_IMAGE, why);
	FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
	int rc = -1;

	memset(info, 0, sizeof *info);
	if (fp == NULL) {
		if (fd >= 0) {
			*why = strerror(errno);
			close(fd);
		}
		return -1;
	}
	size_t n = fread(magic, 1, sizeof magic, fp);
	rewind(fp);
	if (n == 8 && png_sig_cmp(magic, 0, 8) == 0)
		rc = probe_png(fp, info, why);
	else if (n >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF)
		rc = probe_jpeg(fp, info, why);
	else
		*why = "neither a PNG nor a JPEG file";
	fclose(fp);
	return rc;
}

/* ---- checks ---- */

/* An address rather than a file: "://" in it, or a scheme ("javascript:", "data:") first. */
static int is_url(const char *s)
{
	if (strstr(s, "://") != NULL)
		return 1;
	size_t i = 0;
	if (!isalpha((unsigned char)s[0]))
		return 0;
	while (isalnum((unsigned char)s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')
		i++;
	return i > 1 && s[i] == ':';
}

static const char *ext_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	return dot ? dot : "";
}

int artwork_check(const char *path, const char *file, int line)
{
	struct artwork_info in;
	const char *why = NULL;
	int rc = 0;

	if (path == NULL)
		return 0;
	if (is_url(path)) {
		if (url_publishable(path))
			return 0;
		msg(MSG_ART_URL, file, line, 0, "\"%s\"", path);
		return -1;
	}
	if (artwork_probe(path, &in, &why) != 0) {
		msg(MSG_ART_UNREADABLE, file, line, 0, "%s" MSG_SEP "\"%s\"", why, path);
		return -1;
	}
	const char *ext = ext_of(path);
	int ext_png = strcasecmp(ext, ".png") == 0;
	int ext_jpg = strcasecmp(ext, ".jpg") == 0 || strcasecmp(ext, ".jpeg") == 0;
	const char *kind = in.kind == ARTWORK_PNG ? "PNG" : "JPEG";
	if (!ext_png && !ext_jpg) {
		msg(MSG_ART_EXTENSION, file, line, 0, "\"%s\"", path);
		rc = -1;
	} else if ((in.kind == ARTWORK_PNG) != ext_png) {
		msg(MSG_ART_KIND, file, line, 0, "%s" MSG_SEP "%s" MSG_SEP "\"%s\"",
		    kind, ext_png ? "PNG" : "JPEG", path);
		rc = -1;
	}
	if (in.width != in.height) {
		msg(MSG_ART_NOT_SQUARE, file, line, 0, "%dx%d" MSG_SEP "\"%s\"", in.width, in.height, path);
		rc = -1;
	}
	if (in.width < ARTWORK_MIN || in.width > ARTWORK_MAX ||
	    in.height < ARTWORK_MIN || in.height > ARTWORK_MAX) {
		msg(MSG_ART_SIZE, file, line, 0, "%d to %d" MSG_SEP "%dx%d" MSG_SEP "\"%s\"",
		    ARTWORK_MIN, ARTWORK_MAX, in.width, in.height, path);
		rc = -1;
	}
	if (!in.rgb) {
		msg(MSG_ART_COLOR, file, line, 0, "%s" MSG_SEP "%s" MSG_SEP "\"%s\"", kind, in.color, path);
		rc = -1;
	}
	return rc;
}

static const char *rss_dir_of(const struct channel *ch)
{
	return ch->rss_dir ? ch->rss_dir : ch->dir ? ch->dir : "rss";
}

char *artwork_episode_file(const struct channel *ch, const struct episode *ep)
{
	if (ep->image == NULL || ep->image[0] == '\0' || is_url(ep->image))
		return NULL;
	return path_join(rss_dir_of(ch), ep->image);
}

/*
 * A file image must be in the site (after symlinks), as the feed links it
 * and the build embeds it: never a file from elsewhere on the machine.
 * 0, or -1 after reporting at file:line.
 */
static int check_inside_site(const struct channel *ch, const char *path, const char *file, int line)
{
	char root[PATH_MAX], real[PATH_MAX];
	const char *dir = rss_dir_of(ch);
	size_t n = realpath(dir, root) ? strlen(root) : 0;
	if (n > 0 && realpath(path, real) != NULL && strncmp(real, root, n) == 0 && real[n] == '/')
		return 0;
	msg(MSG_ART_OUTSIDE, file, line, 0, "%s/" MSG_SEP "\"%s\"", dir, path);
	return -1;
}

int artwork_check_channel(const struct channel *ch)
{
	if (ch->image == NULL || strcmp(ch->image, "none") == 0)
		return 0;
	const char *file = ch->path ? ch->path : "rss/channel.yaml";
	if (artwork_check(ch->image, file, ch->image_line) != 0)
		return -1;
	return is_url(ch->image) ? 0 : check_inside_site(ch, ch->image, file, ch->image_line);
}

char *artwork_site_file(const struct channel *ch, const char *rel)
{
	return path_join(rss_dir_of(ch), rel);
}

/*
 * The chapters' links and images (episode.h, struct section_links): a link
 * must be publishable (url_publishable, the one rule); an image must be a
 * readable PNG or JPEG file in the site, its name saying which.
 */
static int check_chapter_links(const struct channel *ch, const struct episode *ep)
{
	int rc = 0;
	for (int i = 0; i < ep->nsections; i++) {
		const struct section_links *l = &ep->section_links[i];
		if (l->url && !url_publishable(l->url)) {
			msg(MSG_CHAPTER_URL, ep->path, l->url_line, 0, "\"%s\"", l->url);
			rc = -1;
		}
		if (l->image == NULL)
			continue;
		if (is_url(l->image) || l->image[0] == '/' || strstr(l->image, "..")) {
			msg(MSG_CHAPTER_IMAGE_URL, ep->path, l->image_line, 0, "\"%s\"", l->image);
			rc = -1;
			continue;
		}
		char *f = artwork_site_file(ch, l->image);
		struct artwork_info in;
		const char *why = NULL;
		const char *ext = ext_of(f);
		int png = strcasecmp(ext, ".png") == 0;
		if (artwork_probe(f, &in, &why) != 0) {
			msg(MSG_CHAPTER_IMAGE, ep->path, l->image_line, 0, "%s" MSG_SEP "\"%s\"", why, f);
			rc = -1;
		} else if (!png && strcasecmp(ext, ".jpg") != 0 && strcasecmp(ext, ".jpeg") != 0) {
			msg(MSG_ART_EXTENSION, ep->path, l->image_line, 0, "\"%s\"", f);
			rc = -1;
		} else if ((in.kind == ARTWORK_PNG) != png) {
			msg(MSG_ART_KIND, ep->path, l->image_line, 0, "%s" MSG_SEP "%s" MSG_SEP "\"%s\"",
			    in.kind == ARTWORK_PNG ? "PNG" : "JPEG", png ? "PNG" : "JPEG", f);
			rc = -1;
		} else if (check_inside_site(ch, f, ep->path, l->image_line) != 0) {
			rc = -1;   /* a symlink out of the site */
		}
		free(f);
	}
	return rc;
}

int artwork_check_episode(const struct channel *ch, const struct episode *ep)
{
	int rc = check_chapter_links(ch, ep);
	if (ep->image != NULL && is_url(ep->image))
		return artwork_check(ep->image, ep->path, ep->image_line) != 0 ? -1 : rc;
	char *f = artwork_episode_file(ch, ep);
	if (f && artwork_check(f, ep->path, ep->image_line) != 0)
		rc = -1;
	else if (f && ep->image && check_inside_site(ch, f, ep->path, ep->image_line) != 0)
		rc = -1;
	free(f);
	return rc;
}

/* ---- the default cover ---- */

char *artwork_cover_path(const struct channel *ch)
{
	struct buf key = {0};
	buf_printf(&key, "podsynth cover %d %d", COVER_DESIGN, ARTWORK_COVER_SIZE);
	buf_putc(&key, '\0');
	buf_puts(&key, ch->title ? ch->title : "");
	char hex[17];
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)hash64(key.data, key.len));
	hex[COVER_HASH_LEN] = '\0';
	buf_free(&key);
	char *name = xasprintf(COVER_PREFIX "%s" COVER_SUFFIX, hex);
	char *p = path_join(rss_dir_of(ch), name);
	free(name);
	return p;
}

static cairo_status_t png_to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	buf_add(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/*
 * The title, as large as fits in at most four lines inside the box, broken
 * only where a line may break (between words; in Chinese between
 * characters); a word too long for the box even at the smallest size is
 * broken inside.
 */
static PangoLayout *title_layout(cairo_t *cr, const char *title, int box_w, int box_h)
{
	PangoLayout *lay = pango_cairo_create_layout(cr);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(pango_layout_get_context(lay), fo);
	cairo_font_options_destroy(fo);
	pango_layout_context_changed(lay);

	PangoFontDescription *fd = pango_font_description_from_string("DejaVu Sans, Noto Sans CJK SC, Sans Bold");
	pango_layout_set_text(lay, title, -1);
	pango_layout_set_width(lay, box_w * PANGO_SCALE);
	pango_layout_set_wrap(lay, PANGO_WRAP_WORD);
	int px;
	for (px = 400; px >= 100; px -= 10) {
		pango_font_description_set_absolute_size(fd, px * PANGO_SCALE);
		pango_layout_set_font_description(lay, fd);
		PangoRectangle logical;
		pango_layout_get_pixel_extents(lay, NULL, &logical);
		if (pango_layout_get_line_count(lay) <= 4 && logical.height <= box_h &&
		    logical.width <= box_w)
			break;
	}
	if (px < 100)
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(lay, box_h * PANGO_SCALE);
	pango_font_description_free(fd);
	return lay;
}

/*
 * Draws the cover into png (a PNG file's bytes). 0, or -1. Warns, naming
 * path, when no font has some of the title's characters.
 */
static int draw_cover(const char *title, const char *path, struct buf *png)
{
	if (dynlib_bind(PODSYNTH_SONAME_PANGOCAIRO, pangocairo_syms,
			ARRAY_LEN(pangocairo_syms)) != 0) {
		msg(MSG_LIB_OPEN, path, 0, 0, "%s", dynlib_error());
		return -1;
	}
	const int S = ARTWORK_COVER_SIZE;
	cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, S, S);
	cairo_t *cr = cairo_create(sf);
	int rc = -1;

	/* a deep blue ground, darker at the foot */
	cairo_pattern_t *g = cairo_pattern_create_linear(0, 0, 0, S);
	cairo_pattern_add_color_stop_rgb(g, 0, 0.078, 0.176, 0.329);
	cairo_pattern_add_color_stop_rgb(g, 1, 0.031, 0.078, 0.161);
	cairo_set_source(cr, g);
	cairo_paint(cr);
	cairo_pattern_destroy(g);

	/* an amber rule above the title */
	const double margin = S * 0.1;
	cairo_set_source_rgb(cr, 0.988, 0.639, 0.067);
	cairo_rectangle(cr, margin, S * 0.16, S * 0.18, S * 0.022);
	cairo_fill(cr);

	/* a waveform along the foot: bars of a fixed, speech-like envelope */
	const int bars = 48;
	const double bw = (S - 2 * margin) / bars, base = S * 0.83;
	for (int i = 0; i < bars; i++) {
		double x = (double)i / (bars - 1);
		double env = 0.35 + 0.65 * (0.5 + 0.5 * sin(x * 9.0)) *
			     (0.6 + 0.4 * sin(x * 23.0 + 1.0));
		double h = S * 0.09 * env + S * 0.01;
		cairo_set_source_rgba(cr, 0.988, 0.639, 0.067, 0.35 + 0.5 * env);
		cairo_rectangle(cr, margin + i * bw + bw * 0.2, base - h / 2, bw * 0.6, h);
		cairo_fill(cr);
	}

	/* the title, left-aligned in the upper two thirds, centred in its box */
	const int box_w = (int)(S - 2 * margin), box_h = (int)(S * 0.50);
	PangoLayout *lay = title_layout(cr, title, box_w, box_h);
	int unknown = pango_layout_get_unknown_glyphs_count(lay);
	if (unknown > 0)
		msg(MSG_ART_NO_FONT, path, 0, 0, "%d character%s" MSG_SEP "\"%s\"",
		    unknown, unknown == 1 ? "" : "s", title);
	PangoRectangle ink, logical;
	pango_layout_get_pixel_extents(lay, &ink, &logical);
	double top = S * 0.22 + (box_h - logical.height) / 2.0;
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_move_to(cr, margin, top);
	pango_cairo_show_layout(cr, lay);
	g_object_unref(lay);

	cairo_surface_flush(sf);
	if (cairo_status(cr) == CAIRO_STATUS_SUCCESS &&
	    cairo_surface_write_to_png_stream(sf, png_to_buf, png) == CAIRO_STATUS_SUCCESS)
		rc = 0;
	cairo_destroy(cr);
	cairo_surface_destroy(sf);
	/*
	 * A cover is drawn at most once a run: give back pango's font map and
	 * fontconfig's configuration (they would otherwise live, unreachable
	 * for the leak checker, until exit; the next use sets them up again).
	 */
	pango_cairo_font_map_set_default(NULL);
	FcFini();
	return rc;
}

int artwork_make_cover(const struct channel *ch, char **path)
{
	struct buf png = {0};
	char *p = artwork_cover_path(ch);
	int rc = -1;

	*path = NULL;
	if (file_exists(p)) {
		rc = 0;
		goto out;
	}
	/* valid UTF-8 without control characters, as pango needs */
	char *title = xmltext_cleans(ch->title && ch->title[0] ? ch->title : "Untitled show",
				     XMLTEXT_LINE);
	int drawn = draw_cover(title, p, &png);
	free(title);
	if (drawn != 0) {
		msg(MSG_ART_DRAW, p, 0, 0, NULL);
		goto out;
	}
	char *dir = path_dirname(p);
	int made = mkdir_p(dir);
	free(dir);
	if (made != 0 || msg_write_file_atomic(p, png.data, png.len) != 0) {
		msg(MSG_FILE_WRITE, p, 0, 0, "the default cover" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	rc = 0;
out:
	buf_free(&png);
	if (rc == 0)
		*path = p;
	else
		free(p);
	return rc;
}

int artwork_prepare(const struct channel *ch)
{
	if (ch->image)
		return 0;
	char *p = NULL;
	int rc = artwork_make_cover(ch, &p);
	free(p);
	return rc;
}

char *artwork_show_image(const struct channel *ch)
{
	if (ch->image)
		return strcmp(ch->image, "none") == 0 ? NULL : xstrdup(ch->image);
	char *p = artwork_cover_path(ch);
	if (!file_exists(p)) {
		free(p);
		return NULL;
	}
	return p;
}

char *artwork_episode_image(const struct channel *ch, const struct episode *ep)
{
	char *own = artwork_episode_file(ch, ep);
	if (own)
		return own;
	char *show = artwork_show_image(ch);
	if (show && is_url(show)) {
		free(show);
		return NULL;
	}
	return show;
}

/* 1 when name is cover.<COVER_HASH_LEN hex digits>.png. */
static int is_cover_name(const char *name)
{
	size_t lp = strlen(COVER_PREFIX), ls = strlen(COVER_SUFFIX);
	if (strlen(name) != lp + COVER_HASH_LEN + ls || strncmp(name, COVER_PREFIX, lp) != 0 ||
	    strcmp(name + lp + COVER_HASH_LEN, COVER_SUFFIX) != 0)
		return 0;
	for (size_t i = lp; i < lp + COVER_HASH_LEN; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return 0;
	return 1;
}

int artwork_prune(const struct channel *ch)
{
	const char *dir = rss_dir_of(ch);
	char *keep = ch->image ? NULL : artwork_cover_path(ch);
	const char *keep_name = keep ? strrchr(keep, '/') : NULL;
	keep_name = keep_name ? keep_name + 1 : keep;
	DIR *d = opendir(dir);
	struct dirent *de;
	int n = 0;

	while (d && (de = readdir(d)) != NULL) {
		if (!is_cover_name(de->d_name) || (keep_name && strcmp(de->d_name, keep_name) == 0))
			continue;
		char *p = path_join(dir, de->d_name);
		if (unlink(p) == 0)
			n++;
		free(p);
	}
	if (d)
		closedir(d);
	free(keep);
	return n;
}
