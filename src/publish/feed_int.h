/*
 * feed_int.h: what the feed's files share, private to them (the rest of
 * the program uses feed.h): an item of the feed, its audio, the feed, the
 * GUID ledger, and the functions each file offers the ones above it.
 *
 * The files, lowest first; each calls only those before it:
 *   guids.c     the GUID ledger, rss/guids.txt, and every item's GUID
 *   pubcheck.c  the build's audio read and checked: size, hashes, duration
 *   links.c     the published audio <slug>.<hash>.<ext>, made and removed
 *   feed.c      the feed document: episodes added, the XML written and checked
 *   publish.c   feed_write: the publish driven, audio, GUIDs, feed, site
 */
#ifndef PODSYNTH_FEED_INT_H
#define PODSYNTH_FEED_INT_H

#include <stddef.h>
#include <sys/types.h>

#include <libxml/tree.h>

#include "feed.h"
#include "show/show.h"

/* Hex digits of the content hash in a published audio file's name. */
#define PUB_HASH_LEN 12

/* One format of an item's audio. */
struct item_audio {
	enum audio_format fmt;
	char *audio;       /* path of the file the build wrote, <slug>.<ext> */
	char *pub;         /* path of the published audio, <slug>.<hash>.<ext> */
	dev_t dev;         /* the inode of audio when it was hashed */
	ino_t ino;
	int made;          /* pub was made by this run (where nothing was) */
	long long bytes;
	double seconds;    /* duration, as a player reads it */
	char sri[8 + 88];  /* "sha384-" and the base64 of the digest */
	char *source_type; /* MIME type with codecs */
};

struct item {
	const struct episode *ep;
	char *slug;
	struct item_audio aud[FMT_COUNT]; /* the show's formats, in order */
	int naud;
	struct feed_audio list[FMT_COUNT]; /* the same, for feed_audio_of */
	char *vtt;         /* path of the transcript, NULL when there is none */
	char *srt;         /* path of the SRT transcript, NULL when there is none */
	char *chapters;    /* path of the JSON chapters, NULL when none */
	char *words;       /* path of the JSON word transcript, NULL when none */
	char *summary;     /* plain text description, set by feed_write */
	long seconds;      /* the enclosure's duration, whole seconds */
	long long when;    /* pubDate, seconds since the epoch */
	char pubdate[40];
	char *guid;        /* set by feed_write */
	char *html;        /* show notes, set by feed_write */
};

struct feed {
	const struct channel *ch;
	int channel_ok;    /* feed_check_channel passed: feed_write need not repeat it */
	char *rss_dir;     /* the site root */
	char *out_dir;     /* where episodes are */
	struct item *items;
	int n, cap;
	char **slugs;      /* every episode given to feed_add, drafts too */
	int nslugs, capslugs;
};

struct ledger_entry {
	char *slug;
	char *guid;
};

struct ledger {
	char *path;
	char *channel;           /* podcast:guid, NULL until recorded */
	struct ledger_entry *e;
	int n, cap;
	int dirty;
};

/* ---- guids.c ---- */

/* Reads the ledger at path (absent: empty). -1 on a read error (reported). */
int ledger_load(struct ledger *l, const char *path);
/* Writes the ledger back when something was added; -1 on error (reported). */
int ledger_save(struct ledger *l);
void ledger_clear(struct ledger *l);
/*
 * Gives every item its GUID, from the front matter, the ledger l, or
 * derived from pguid, the podcast's GUID (recorded in l). FEED_OK, or
 * FEED_ERR_EPISODE (reported) for an empty or repeated GUID.
 */
enum feed_err feed_assign_guids(struct feed *f, struct ledger *l, const char *pguid);

/* ---- pubcheck.c ---- */

/* The path of the file slug+ext in the episode directory when it exists, else NULL. */
char *feed_beside(const struct feed *f, const char *slug, const char *ext);
/*
 * Reads one format of the item's audio: its size, hashes and duration, all
 * from one open file. FEED_OK; FEED_SKIPPED (with a note) when the build
 * has not written it; else an error reported naming the file.
 */
enum feed_err feed_read_audio(struct feed *f, struct item *it, enum audio_format fmt,
			 struct item_audio *a);

/* ---- links.c ---- */

/*
 * Makes it->pub, the published audio, unless it is there already; it->made
 * tells whether the name is new. FEED_OK, or an error reported naming the
 * file.
 */
enum feed_err feed_publish_audio(struct item_audio *it);
/*
 * After a new feed is in place: deletes the published audio in the episode
 * directory that it does not name.
 */
void feed_remove_unpublished(const struct feed *f);

/* ---- feed.c ---- */

/* The path of path relative to the site root, or NULL when it is not inside it. The caller frees. */
char *feed_site_rel(const char *root, const char *path);
/* The absolute URL of a path inside the site (rel: relative to the root). The caller frees. */
char *feed_site_url(const struct feed *f, const char *rel);
/* The order of items for qsort: newest first, never depending on input order. */
int feed_item_cmp(const void *pa, const void *pb);
/* The whole feed into b. self is the feed's own URL, guid the podcast's. 0, or -1 (reported). */
int feed_write_xml(const struct feed *f, const char *out, const char *self, const char *guid,
	      xmlBufferPtr b);
/* Writes n bytes to a new file path and syncs it; 0 or -1 with errno set. */
int feed_write_all(const char *path, const char *data, size_t n);
/*
 * Parses the feed written to tmp again and checks it (n items, each
 * enclosure's file in the site with its stated length). 0, or -1
 * (reported naming path, the feed being replaced).
 */
int feed_verify(const struct feed *f, const char *tmp, const char *path, int n);

#endif
