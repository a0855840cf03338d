/*
 * cmd_check.c: `podsynth check [EPISODE.md...]` reports problems in the
 * show settings, voices, lexicons and episodes without rendering anything.
 * With no operands it checks every episode in episodes/.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"

static const char check_usage[] =
	"usage: podsynth check [--channel FILE] [EPISODE.md...]\n"
	"       podsynth check --messages\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n"
	"  --messages      list the catalogue of messages about input: name, level, text\n";

int cmd_check(int argc, char **argv)
{
	const char *channel = NULL;
	struct project *p = NULL;
	struct episode_files g = {0};
	int err = 0, list = 0;
	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"messages", 0, OPT_FLAG, &list, 1, 0, 0, NULL, NULL},
	};
	int i = opts_parse(argc, argv, tab, ARRAY_LEN(tab), check_usage);
	if (i < 0)
		return i == OPTS_HELP ? 0 : 2;
	if (list) {
		static const char *levels[] = {"note", "warning", "error"};
		for (int m = 0; m < MSG__COUNT; m++)
			printf("%s\t%s\t%s\n", msg_name(m), levels[msg_level(m)], msg_text(m));
		return 0;
	}
	if (project_open_for(channel, 0, &p) != 0)
		return 1;
	if (project_episode_files(argc - i, argv + i, &g) != 0)
		err = 1;
	char **files = g.v;
	int n = g.n;
	for (int k = 0; k < n; k++) {
		struct episode *ep = NULL;
		struct script *s = NULL;
		if (project_episode(p, files[k], &ep, &s) != 0) {
			err = 1;
			continue;
		}
		if (project_check_unique(p, ep) != 0) {
			err = 1;
		} else {
			printf("%s: ok, %d segments, %d sections%s\n", files[k], s->nsegs,
			       ep->nsections, ep->draft ? ", draft" : "");
			/* nothing is left out without a word */
			for (int o = 0; o < ep->nomitted; o++)
				printf("%s:%d: note: %s\n", files[k], ep->omitted[o].line,
				       ep->omitted[o].what);
		}
		script_free(&s);
		episode_free(&ep);
	}
	episode_files_free(&g);
	project_close(&p);
	return err || diag_exit_status() ? 1 : 0;
}
