/*
 * assets.h: the studio's stylesheet and script, built in (assets.c), so
 * the program is the whole studio and the page needs nothing from outside
 * (its Content-Security-Policy allows only this site).
 */
#ifndef PODSYNTH_STUDIO_ASSETS_H
#define PODSYNTH_STUDIO_ASSETS_H

extern const char studio_css[];
extern const char studio_js[];
extern const char studio_icon[];   /* SVG */

#endif
