/*
 * project.h: what every subcommand opens first: the show's settings, the
 * voices and lexicons, the engine's facts, and where the segment cache is;
 * and, per episode, the parsed episode and its script.
 *
 * In: rss/channel.yaml (or --channel FILE), voices/, episodes. Out: a struct
 * project the commands pass down the pipeline.
 */
#ifndef PODSYNTH_PROJECT_H
#define PODSYNTH_PROJECT_H

#include "show/show.h"
#include "script/script.h"

struct project {
	struct channel *ch;
	struct voiceset *voices;
	struct engine_facts engine;  /* espeak-ng's version and rate, for the cache keys */
	struct lexicon *lex;       /* the show's lexicons */
	char *cache_dir;           /* $PODSYNTH_CACHE or build/cache */
	struct roster *roster;     /* the episodes of roster_dir, read on first use */
	char *roster_dir;
	struct showlock *lock;     /* the show's lock when opened with PROJECT_LOCK */
};

/* channel_path NULL means rss/channel.yaml. Returns -1 on error (reported). */
int project_open(const char *channel_path, struct project **out);

/* What a command opens with project_open_for. */
enum project_open_flags {
	PROJECT_LOCK = 1,      /* and hold the show's lock (showlock.h) until project_close */
	PROJECT_SETTINGS = 2,  /* the show's settings alone: no voices, lexicons or asset checks */
	PROJECT_LOCK_SHARED = 4, /* with PROJECT_LOCK: the lock shared with other shards */
};

/*
 * The opening every command that works on the show shares: project_open
 * (or only the settings), then the show's lock when flags ask for it.
 * Returns 0, or -1 after reporting, with nothing left open (*out NULL).
 */
int project_open_for(const char *channel_path, unsigned flags, struct project **out);
/*
 * Takes the show's lock (showlock.h), shared with other shards when shared
 * is non-zero, for a project opened without PROJECT_LOCK: commands read and
 * check every input first (episodes, inserts' headers, voices, lexicons,
 * images), then take the lock for what they write, so that no input, however
 * slow or large, is read while another run waits. Returns 0 or -1 (reported).
 */
int project_lock(struct project *p, int shared);
/* Releases the lock (if held) and frees everything; sets *p to NULL. */
void project_close(struct project **p);

/* Episode files, as every command that takes them collects them. */
struct episode_files {
	char **v;      /* paths; the caller frees with episode_files_free */
	int n, cap;
};
/*
 * The episode files the operands name: a directory gives its *.md files,
 * sorted; anything else is taken as one episode file. No operands means
 * the directory episodes/, and none at all when it is missing. Returns 0,
 * or -1 when an operand cannot be read (reported; the others are kept).
 */
int project_episode_files(int n, char *const *args, struct episode_files *out);
void episode_files_free(struct episode_files *f);
/*
 * Checks that the intro and outro are readable audio, reporting each that is
 * not at its line in channel.yaml. project_open already did this once.
 */
int project_check_assets(const struct project *p);

/*
 * Loads an episode and builds its script, with the episode's own lexicon
 * entries on top of the show's. Returns -1 on error (reported); the caller
 * frees both with episode_free and script_free.
 */
int project_episode(struct project *p, const char *path, struct episode **ep,
		    struct script **script);

/*
 * Checks that no other episode file in ep's directory claims ep's slug or
 * guid (see roster.h), reporting each conflict naming both files. Returns
 * 0, or -1 when there was a conflict. Build and check call it before
 * anything is written.
 */
int project_check_unique(struct project *p, const struct episode *ep);

/*
 * Checks that ep's identity is known to what was published (after
 * project_check_unique, whose roster it uses): a renamed file of a
 * published episode needs previous_slug: or its guid: (feed_check_identity,
 * publish.h). Build and check call it. Returns 0, or -1 (reported).
 */
int project_check_identity(struct project *p, const struct episode *ep);
/* The same for ep among the episodes of roster r (podsynth feed's). */
int project_identity_known(const struct channel *ch, const struct roster *r,
			   const struct episode *ep);

/*
 * Warns about markup a host meant that the speech stage left as text
 * (podsynth check): "[audio:clips/x.wav]", "[audo:...]", "[whisper]" on its
 * own, "emphasis:\"strong\"" without brackets; at the line where it is
 * written, with the fix.
 */
void project_check_markup(const struct episode *ep, const struct script *s);

#endif
