/*
 * site_assets.h: the website's own CSS and JavaScript (the files in src/site/), built
 * into the program by scripts/embed-assets as src/site_assets.c.
 *
 * In: nothing at run time. Out: the files' names and bytes, which the site
 * stage (site.c) copies into rss/assets/.
 */
#ifndef PODSYNTH_SITE_ASSETS_H
#define PODSYNTH_SITE_ASSETS_H

#include <stddef.h>

struct site_asset {
	const char *name;  /* file name in rss/assets/ */
	const char *data;  /* static: never freed */
	size_t len;
};

extern const struct site_asset site_assets[];
extern const int site_nassets;

#endif
