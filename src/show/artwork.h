/*
 * artwork.h: the show's and the episodes' cover art.
 *
 * In: the show settings (title, image:) and an episode's image: front
 * matter. Out: checks of named images (PNG or JPEG, square, 1400 to 3000
 * pixels, RGB without alpha: what Apple Podcasts lists), and, when the show
 * names no image, a default cover drawn with cairo and pango: the show's
 * title on a plain design, 3000x3000 RGB PNG, written atomically as
 * <rss_dir>/cover.<hash>.png, the hash being that of the title and the
 * design's version, so it is drawn again only when one of them changes.
 */
#ifndef PODSYNTH_ARTWORK_H
#define PODSYNTH_ARTWORK_H

#include "channel.h"
#include "episode.h"

#define ARTWORK_MIN 1400
#define ARTWORK_MAX 3000
#define ARTWORK_COVER_SIZE 3000

struct project;

enum artwork_kind { ARTWORK_PNG = 1, ARTWORK_JPEG };

struct artwork_info {
	enum artwork_kind kind;
	int width, height;
	int rgb;          /* 1 when RGB (or an RGB palette) with no alpha */
	const char *color; /* what the colour model is, in words ("RGB", "greyscale", ...) */
};

/*
 * Reads the header of the PNG (libpng) or JPEG (libjpeg) file at path into
 * *info. Returns 0, or -1 with *why set to a static message when the file
 * cannot be read or is neither format.
 */
int artwork_probe(const char *path, struct artwork_info *info, const char **why);

/*
 * Checks the image file at path (its name must end .png, .jpg or .jpeg to
 * match its content) and reports every problem as "file:line: error: ...".
 * A URL (anything with "://") is not checked. Returns 0 or -1.
 */
int artwork_check(const char *path, const char *file, int line);

/*
 * The local file an episode's image: names (resolved against the site,
 * rss/), or NULL when it names none or names a URL. The caller frees.
 */
char *artwork_episode_file(const struct channel *ch, const struct episode *ep);

/* Checks the show's image: (when it is a file) at its line in channel.yaml. */
int artwork_check_channel(const struct channel *ch);
/* Checks the episode's image: (when it is a file) at its line, and its chapters' links and images. */
int artwork_check_episode(const struct channel *ch, const struct episode *ep);
/* A file in the site given relative to rss/ (a chapter's image): its path. The caller frees. */
char *artwork_site_file(const struct channel *ch, const char *rel);

/* The path of the default cover for the show as it is now; the caller frees. */
char *artwork_cover_path(const struct channel *ch);

/*
 * Draws the default cover unless the file for the current title and design
 * exists already. Sets *path (the caller frees) and returns 0, or returns
 * -1 (reported; *path NULL). Used only when the show names no image.
 */
int artwork_make_cover(const struct channel *ch, char **path);

/*
 * Draws the default cover when the show's settings have no image: at all
 * (see artwork_make_cover; "image: none" means no artwork). Returns 0, or
 * -1 (reported).
 */
int artwork_prepare(const struct channel *ch);

/*
 * The show's artwork as a path or URL: its image: when it names one, else
 * the default cover when it has been drawn (artwork_prepare draws it);
 * NULL for "image: none" or no cover yet. The caller frees.
 */
char *artwork_show_image(const struct channel *ch);

/*
 * The local image file for an episode, for embedding in its audio: the
 * episode's own image when it is a file, else the show's when that is a
 * file, else the default cover (build_run has drawn it with
 * artwork_prepare before rendering). NULL when there is no local file to
 * embed: the show's image is a URL or "none". The caller frees.
 */
char *artwork_episode_image(const struct channel *ch, const struct episode *ep);

/*
 * Deletes default covers in the site other than the current one (after a
 * feed that names the current one is in place). Returns how many.
 */
int artwork_prune(const struct channel *ch);

#endif
