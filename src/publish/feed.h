/*
 * feed.h: the podcast feed, rss/feed.xml: RSS 2.0 with the itunes,
 * podcast (Podcasting 2.0), atom and content namespaces, written with
 * libxml2 from the show's settings and every rendered, non-draft episode.
 *
 * In: struct channel, struct episode for each episode, the files the build
 * made in rss/episodes/ (<slug>.mp3, .opus, .ogg: the show's formats; .vtt, .srt,
 * .chapters.json, .words.json) and the default cover (artwork.h). Out: the published audio rss/episodes/<slug>.<hash>.<ext>
 * (a hard link to, or a copy of, <slug>.<ext>, named by the first 12 hex
 * digits of the XXH3 64-bit hash
 * of its bytes: the feed's enclosures name these files, which never change
 * once made), rss/guids.txt (the GUIDs as first published), the feed,
 * which is written to a temporary file, parsed again and checked, and only
 * then renamed over the old one, and with it the website (site.h: the
 * index, a page per episode, the assets), made once the new feed has
 * passed its check and put in place right after it.
 *
 * The one header of the feed's files for the rest of the program:
 * feed_write is publish.c's, the rest feed.c's; what they share with
 * guids.c, pubcheck.c and links.c is in feed_int.h.
 */
#ifndef PODSYNTH_FEED_H
#define PODSYNTH_FEED_H

#include "show/show.h"

enum feed_err {
	FEED_OK = 0,
	FEED_SKIPPED,      /* a draft, or not rendered yet: not in the feed */
	FEED_ERR_SETTINGS, /* the channel settings cannot make a valid feed */
	FEED_ERR_EPISODE,  /* the episode cannot be published (date, slug, GUID) */
	FEED_ERR_AUDIO,    /* the episode's audio cannot be read */
	FEED_ERR_WRITE,    /* a file could not be written; the old feed is kept */
	FEED_ERR_CHECK,    /* the new feed failed its check; the old feed is kept */
};
const char *feed_strerror(enum feed_err e);

struct feed;

/* ch is borrowed and must outlive the feed. Never NULL. */
struct feed *feed_new(const struct channel *ch);
void feed_free(struct feed **f);

/*
 * Adds an episode, borrowed until feed_free. Drafts give FEED_SKIPPED;
 * so does an episode whose audio <out_dir>/<slug>.<ext> does not exist yet
 * in every format of the show (with a note). Each format's length in bytes,
 * content hashes (XXH3 for the name, SHA-384 for podcast:integrity) and
 * duration (libmpg123, libopusfile, libvorbisfile) are read now, from one
 * open file per format. Problems are reported
 * with diag() naming the file.
 */
enum feed_err feed_add(struct feed *f, const struct episode *ep);

/*
 * Writes the feed to path (NULL: <rss_dir>/feed.xml), newest episode
 * first, and each episode's page. First each episode's audio is published
 * as <slug>.<hash>.<ext> (made if missing); last, once the new feed is in
 * place, the published audio it no longer names is deleted (only when
 * path is the site's feed.xml). Nothing in it depends on the time it is
 * run: with the same inputs the output is byte for byte the same. Problems
 * are reported with diag(); on any error the previous feed is left as it
 * was, and so is every file it names.
 */
/*
 * Checks the show's settings the feed needs, reporting each problem (once:
 * feed_write does not repeat a check that passed).
 */
enum feed_err feed_check_channel(struct feed *f);
enum feed_err feed_write(struct feed *f, const char *path);

/* One format of an episode's published audio. */
struct feed_audio {
	const char *format;     /* "mp3", "opus", "vorbis" */
	const char *type;       /* MIME type with codecs: "audio/ogg; codecs=opus" */
	const char *file;       /* the published file's name in rss/episodes/:
				   <slug>.<hash>.<ext> */
	long long bytes;
	long bitrate;           /* the encoding rate, bits per second */
	double seconds;
};

/*
 * The published audio of the episode added with slug, the enclosure
 * first: *list (borrowed until feed_free) and the count; 0 when the slug
 * is not in the feed.
 */
int feed_audio_of(const struct feed *f, const char *slug, const struct feed_audio **list);

/* Number of episodes added (not skipped). */
int feed_count(const struct feed *f);

/*
 * The podcast:guid for a feed URL: the UUIDv5 of the URL without its
 * scheme and trailing slashes, in the Podcasting 2.0 namespace
 * ead4c236-bf58-58c6-a2c6-a6b28d128cb6. out gets 36 characters + NUL.
 */
void feed_podcast_guid(const char *feed_url, char out[37]);

/*
 * What the feed will make of ep's identity, asked before it is built (the
 * build and check ask; feed_write decides the same way): an episode with a
 * guid: of its own, a slug the ledger (rss/guids.txt) has, or a
 * previous_slug: it has, is known; one whose previous_slug: was never
 * published is refused; a new slug whose title is that of a published item
 * no episode file claims any more (claimed(ud, slug, guid): non-zero when
 * a file other than ep's has that slug, which may be NULL, or gives that
 * guid) is a renamed file, refused with the fix. Drafts are not asked
 * about (the feed leaves them out). Returns 0, or -1 after
 * reporting.
 */
int feed_check_identity(const struct channel *ch, const struct episode *ep,
			int (*claimed)(void *ud, const char *slug, const char *guid), void *ud);

/*
 * 1 when category (and subcategory, which may be NULL) is in Apple
 * Podcasts' list of categories, else 0.
 */
int feed_category_ok(const char *category, const char *subcategory);

/*
 * date "YYYY-MM-DD" and time "HH:MM[:SS]" (may be NULL: midnight), UTC, as
 * an RFC 2822 date in out ("Mon, 24 Apr 2023 00:00:00 +0000"). Returns 0,
 * or -1 when they are not a valid date and time. *when gets the time.
 */
int feed_rfc2822(const char *date, const char *time, char out[40], long long *when);

#endif
