/*
 * channel.h: the show's settings, read from rss/channel.yaml (libyaml).
 *
 * In: the path of channel.yaml (which may be absent: every setting has a
 * default). Out: a plain struct channel used by every later stage.
 */
#ifndef PODSYNTH_CHANNEL_H
#define PODSYNTH_CHANNEL_H

#include "formats.h"
#include "speakers.h"

/* Pauses inserted by the mixer, in milliseconds. */
struct pauses {
	int sentence;     /* extra pause after each sentence (espeak pauses too) */
	int list_item;    /* after each list item */
	int paragraph;    /* after each paragraph or block quote */
	int section;      /* before a heading (new section) */
	int after_intro;  /* between the intro and the first segment */
	int before_outro; /* between the last segment and the outro */
	int turn;         /* between paragraphs of different speakers */
};

/* The music bed: where it plays, how loud, how it ducks under voices. */
enum bed_play {
	BED_NONE,      /* no bed (the default) */
	BED_INTRO,     /* from the start to the first heading */
	BED_SECTIONS,  /* in each break before a heading, under the heading */
	BED_EPISODE,   /* from the first word to the last */
};

struct bed_settings {
	enum bed_play play;
	char *file;     /* any file libsndfile reads; NULL: the built-in pad */
	double level;   /* dB: the bed alone, relative to the loudness target (-14) */
	double duck;    /* dB the bed drops while a voice speaks (15) */
	int attack;     /* ms to duck, finished as the voice starts (150) */
	int release;    /* ms to come back after it stops (700) */
	int fade;       /* ms of fade in and out where the bed starts and stops (2000) */
	int lead;       /* ms of bed alone before the voice, and in each break it plays in (3000) */
	int hold;       /* ms: a gap between voices shorter than this stays ducked (1500) */
	char *conf;     /* the file and line of the setting, for messages */
	int line;
};

struct channel {
	char *path;        /* the file read, or NULL when it was absent */
	char *dir;         /* directory relative paths are resolved against */
	/* Show metadata. */
	char *title;
	char *description;
	char *author;
	char *language;    /* BCP 47, default "en" */
	char *link;        /* base URL of the site (no trailing slash) */
	char *copyright;
	char *owner_name;
	char *owner_email;
	char *image;       /* artwork path or URL, NULL when none */
	char *host;        /* the host's name (podcast:person), NULL when none */
	char *license;     /* default SPDX licence of the episodes, lower case, or NULL */
	char *category;    /* Apple Podcasts category */
	char *subcategory;
	int explicit_;     /* 0 or 1 */
	char *type;        /* "episodic" or "serial" */
	int locked;        /* podcast:locked */
	/* Audio. NULL intro/outro means the built-in jingle; "none" means none. */
	char *intro;
	char *outro;
	char *host_voice;  /* default voice profile, "host" */
	double loudness;   /* integrated target, LUFS, default -16 */
	double true_peak;  /* ceiling, dBTP, default -1 */
	int sample_rate;   /* output rate, default 44100 */
	int channels;      /* 1 or 2, default 1 */
	int bitrate;       /* Vorbis nominal kbit/s, default 64 (the scalar
			      `bitrate:` setting, as before formats existed) */
	/* Published formats in order (the first is the RSS enclosure), default
	 * mp3, opus (nformats 0, in a struct made by hand: vorbis alone); and
	 * each format's nominal kbit/s (kbps[FMT_VORBIS] is bitrate). */
	enum audio_format formats[FMT_COUNT];
	int nformats;
	int kbps[FMT_COUNT];
	struct pauses pauses;
	int table_rows;    /* rows of a table read aloud before "and N more", default 10 */
	int emphasis;      /* *text* in episodes is spoken as (text)[emphasis] (default 0) */
	struct speakers speakers; /* the show's default speakers (episodes may name their own) */
	struct speakers people;   /* people: the credits' bio, link and picture by name */
	struct bed_settings bed;  /* the show's music bed; episodes may change it */
	/* Where things are. */
	char *voices_dir;  /* voice profiles and lexicons */
	char **lexicons;   /* extra show lexicon files, resolved paths */
	int nlexicons;
	char *out_dir;     /* where episode audio goes: rss/episodes */
	char *rss_dir;     /* the site root: rss */
	/* The website (site.h). */
	char *site_css;          /* the show's own style sheet in rss/, NULL when none */
	char **directory_names;  /* "Apple Podcasts", "Spotify"...: the show's listings */
	char **directory_urls;   /* their http(s) URLs, in the order given */
	int ndirectories;
	/* Lines of the settings that later stages check, 0 when not given. */
	int intro_line;
	int outro_line;
	int voice_line;
	int image_line;
	int formats_line;
	int rate_line;      /* sample_rate: */
	int *lexicon_lines; /* one per lexicons[] entry */
	int *key_lines;     /* every setting's line, by its row in channel.c (channel_line) */
};

/*
 * Reads path (which need not exist). Errors are reported with diag() as
 * "path:line: error: ..." and make the function return -1; *out is then NULL.
 * The caller frees *out with channel_free.
 */
int channel_load(const char *path, struct channel **out);

struct ydoc;
struct yaml_node_s;
/*
 * Reads a bed: setting into b, over what b holds: "none", a place
 * ("intro", "sections", "episode"), or a mapping of file:, play:, level:,
 * duck:, attack:, release:, fade:, lead:, hold:. A relative file is
 * resolved against dir. Problems are reported at y's file:line; -1 then.
 */
int bed_settings_read(struct ydoc *y, struct yaml_node_s *v, const char *dir, struct bed_settings *b);
/* Defaults into b (which holds nothing to free). */
void bed_settings_init(struct bed_settings *b);
/* A deep copy of src into dst (which holds nothing to free). */
void bed_settings_copy(struct bed_settings *dst, const struct bed_settings *src);
void bed_settings_clear(struct bed_settings *b);
void channel_free(struct channel **c);
/* The line of setting key ("link", "category"...) in c->path, 0 when not given. */
int channel_line(const struct channel *c, const char *key);

/* What the credits say about a person besides their name and role; each may be NULL. */
struct person_info {
	const char *bio, *link, *img;   /* img: an address, or a file relative to rss/ */
};
/*
 * The bio, link and picture of the person called name (sp: their
 * declaration in the episode, or NULL): each from sp where it says, else
 * from the show's people: entry of that name, else from its speakers:
 * entry of that name. Borrowed from sp and c.
 */
struct person_info channel_person(const struct channel *c, const struct speaker *sp,
				  const char *name);

#endif
