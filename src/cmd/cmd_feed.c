/*
 * cmd_feed.c: `podsynth feed [--channel FILE] [-o FILE] [EPISODE.md|DIR]...`
 * writes rss/feed.xml (and each episode's page) from the show's settings
 * and every non-draft episode that has been rendered. With no operands the
 * episodes are the *.md files in episodes/.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "show/show.h"
#include "cmd.h"
#include "core/core.h"
#include "publish/publish.h"
#include "project.h"

static const char feed_usage[] =
	"usage: podsynth feed [--channel FILE] [-o FILE] [-q] [EPISODE.md|DIR]...\n"
	"  writes the feed from every rendered, non-draft episode (default: episodes/)\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n"
	"  -o, --output FILE  where the feed goes (default: feed.xml in the site, rss/)\n"
	"  -q, --quiet     no notes, only warnings and errors\n";

int cmd_feed(int argc, char **argv)
{
	const char *channel = "rss/channel.yaml", *output = NULL;
	struct project *p = NULL;
	struct channel *ch = NULL;
	struct feed *feed = NULL;
	struct episode **eps = NULL;
	struct episode_files files = {0};
	int neps = 0, failed = 0, drafts = 0, pending = 0;

	int quiet = 0;
	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"output", 'o', OPT_STR, &output, 0, 0, 0, NULL, NULL},
		{"quiet", 'q', OPT_FLAG, &quiet, 1, 0, 0, NULL, NULL},
	};
	int first = opts_parse(argc, argv, tab, ARRAY_LEN(tab), feed_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	diag_set_quiet(quiet);
	/* The episodes are read and checked first, the lock taken for the writing. */
	if (project_open_for(channel, PROJECT_SETTINGS, &p) != 0)
		return 1;
	ch = p->ch;
	if (artwork_check_channel(ch) != 0)
		failed = 1;
	/* the feed insists on episodes/: a show without it has nothing to publish */
	char *episodes_dir[] = {"episodes"};
	if (first >= argc ? project_episode_files(1, episodes_dir, &files) != 0
			  : project_episode_files(argc - first, argv + first, &files) != 0)
		failed = 1;
	feed = feed_new(ch);
	eps = xcalloc((size_t)files.n + 1, sizeof *eps);
	struct roster *roster = roster_new();
	for (int i = 0; i < files.n; i++) {
		struct episode *ep = NULL;
		if (episode_load(files.v[i], ch, &ep) != 0) {
			failed = 1;
			continue;
		}
		if (artwork_check_episode(ch, ep) != 0)
			failed = 1;
		eps[neps++] = ep;
		roster_add(roster, ep);
	}
	/* Two episodes with one slug or guid: neither is published. */
	int dups = roster_check_all(roster);
	if (dups > 0)
		failed = 1;
	/* A renamed file of a published episode, rendered or not, as build and check see it. */
	for (int i = 0; i < neps && dups == 0; i++) {
		if (project_identity_known(ch, roster, eps[i]) != 0)
			failed = 1;
	}
	roster_free(&roster);
	/* Only a feed that can be written needs the lock (feed_add only reads). */
	if (!failed && project_lock(p, 0) != 0)
		failed = 1;
	for (int i = 0; i < neps && dups == 0; i++) {
		struct episode *ep = eps[i];
		switch (feed_add(feed, ep)) {
		case FEED_OK: break;
		case FEED_SKIPPED:
			if (ep->draft)
				drafts++;
			else
				pending++;
			break;
		default: failed = 1; break;
		}
	}
	char *def = path_join(ch->rss_dir ? ch->rss_dir : "rss", "feed.xml");
	const char *where = output ? output : def;
	if (failed) {
		/* A broken episode must not vanish from the feed: keep the old one. */
		msg(MSG_FEED_NOT_WRITTEN, where, 0, 0, NULL);
	} else if (feed_check_channel(feed) != FEED_OK || artwork_prepare(ch) != 0 ||
		   feed_write(feed, output) != FEED_OK) {
		failed = 1;
	} else {
		if (output == NULL)
			artwork_prune(ch); /* covers of an older title */
		msg(MSG_FEED_PUBLISHED, where, 0, 0,
		    "%d episode%s" MSG_SEP "%d draft%s" MSG_SEP "%d", feed_count(feed),
		    feed_count(feed) == 1 ? "" : "s", drafts, drafts == 1 ? "" : "s", pending);
	}
	free(def);
	feed_free(&feed);
	for (int i = 0; i < neps; i++)
		episode_free(&eps[i]);
	free(eps);
	episode_files_free(&files);
	project_close(&p);
	return failed ? 1 : 0;
}
