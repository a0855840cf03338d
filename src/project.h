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

#include "channel.h"
#include "episode.h"
#include "segment.h"
#include "voice.h"
#include "lexicon.h"

struct project {
	struct channel *ch;
	struct voiceset *voices;
	struct engine_facts engine;  /* espeak-ng's version and rate, for the cache keys */
	struct lexicon *lex;       /* the show's lexicons */
	char *cache_dir;           /* $PODSYNTH_CACHE or build/cache */
	struct roster *roster;     /* the episodes of roster_dir, read on first use */
	char *roster_dir;
};

/* channel_path NULL means rss/channel.yaml. Returns -1 on error (reported). */
int project_open(const char *channel_path, struct project **out);
void project_close(struct project **p);
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

#endif
