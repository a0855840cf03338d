/*
 * site.h: the show's website, the pages beside the feed in rss/: the index
 * (rss/index.html: the show, how to subscribe, every published episode,
 * newest first), a page per episode (rss/episodes/<slug>.html: a player
 * with a source per audio format, the chapters, the transcript to read
 * along, the show notes, downloads) and the assets they use
 * (rss/assets/podsynth.css and podsynth.js, which are built into the
 * program; see site_assets.h).
 *
 * In: the show's settings and, per episode, what the feed publishes
 * (struct site_episode: the audio files, the transcript, word timings and
 * chapters the build made, the show notes). Out: the files above. Every
 * file is first written under a temporary name (site_prepare) and only
 * put in place by site_commit, which the feed calls once the new feed has
 * been checked and renamed into place; site_free removes what was not
 * committed. So a failed or interrupted publish leaves the old pages, or
 * pages that agree with the new feed.
 */
#ifndef PODSYNTH_SITE_H
#define PODSYNTH_SITE_H

#include "show/show.h"

/* One published audio file of an episode. */
struct site_audio {
	const char *format;  /* shown to listeners: "Ogg Vorbis" */
	const char *mime;    /* the <source> type, codecs included: "audio/ogg; codecs=vorbis" */
	const char *path;    /* the file, inside the site */
	long long bytes;
	int kbps;            /* nominal bit rate, 0 when unknown */
	double seconds;      /* its exact duration, as a player reads it */
};

/* One published episode; everything borrowed until site_free. */
struct site_episode {
	const struct episode *ep;
	const char *slug;
	long seconds;                   /* duration */
	const struct site_audio *audio; /* in order: the first is the feed's enclosure */
	int naudio;
	const char *vtt;                /* <slug>.vtt, NULL when none */
	const char *words;              /* <slug>.words.json, NULL when none */
	const char *chapters;           /* <slug>.chapters.json, NULL when none */
	const char *notes_html;         /* the show notes (shownotes_html) */
	const char *summary;            /* one line (shownotes_summary) */
};

enum site_err {
	SITE_OK = 0,
	SITE_ERR_INPUT,  /* a file the pages are made from cannot be read (reported) */
	SITE_ERR_WRITE,  /* a page could not be written (reported) */
};

struct site;

/*
 * ch is borrowed; rss_dir is the site root (copied). Never NULL.
 * site_free removes every temporary file site_prepare made and was not
 * committed, and sets *s to NULL.
 */
struct site *site_new(const struct channel *ch, const char *rss_dir);
void site_free(struct site **s);

/* Adds an episode (newest first is the caller's order); e is copied, what it points to is borrowed. */
void site_add(struct site *s, const struct site_episode *e);

/* The page of an episode relative to the site root, "episodes/<slug>.html". The caller frees. */
char *site_page_rel(const char *slug);

/*
 * Makes every page and asset under a temporary name next to where it
 * goes (files whose content would not change are left alone). Nothing in
 * place is touched. SITE_OK, or an error reported naming the file.
 */
enum site_err site_prepare(struct site *s);

/*
 * Renames what site_prepare made into place, then removes the pages this
 * program wrote earlier for episodes not added now (withdrawn, or drafts
 * again). SITE_OK or SITE_ERR_WRITE (reported).
 */
enum site_err site_commit(struct site *s);

const char *site_strerror(enum site_err e);

#endif
