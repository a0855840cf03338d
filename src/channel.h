/*
 * channel.h: the show's settings, read from rss/channel.yaml (libyaml).
 *
 * In: the path of channel.yaml (which may be absent: every setting has a
 * default). Out: a plain struct channel used by every later stage.
 */
#ifndef PODSYNTH_CHANNEL_H
#define PODSYNTH_CHANNEL_H

/* Pauses inserted by the mixer, in milliseconds. */
struct pauses {
	int sentence;     /* extra pause after each sentence (espeak pauses too) */
	int list_item;    /* after each list item */
	int paragraph;    /* after each paragraph or block quote */
	int section;      /* before a heading (new section) */
	int after_intro;  /* between the intro and the first segment */
	int before_outro; /* between the last segment and the outro */
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
	int bitrate;       /* nominal kbit/s, default 64 */
	struct pauses pauses;
	int table_rows;    /* rows of a table read aloud before "and N more", default 10 */
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
	int *lexicon_lines; /* one per lexicons[] entry */
	int *key_lines;     /* every setting's line, by its row in channel.c (channel_line) */
};

/*
 * Reads path (which need not exist). Errors are reported with diag() as
 * "path:line: error: ..." and make the function return -1; *out is then NULL.
 * The caller frees *out with channel_free.
 */
int channel_load(const char *path, struct channel **out);
void channel_free(struct channel **c);
/* The line of setting key ("link", "category"...) in c->path, 0 when not given. */
int channel_line(const struct channel *c, const char *key);

#endif
