/*
 * cmd_check.c: `podsynth check [EPISODE.md...]` reports problems in the
 * show settings, voices, lexicons and episodes without rendering anything,
 * and, once per episode and voice, the prosody a voice's engine cannot give.
 * With no operands it checks every episode in episodes/.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "publish/publish.h"
#include "synth/synth.h"

static const char check_usage[] =
	"usage: podsynth check [--channel FILE] [EPISODE.md...]\n"
	"       podsynth check --messages\n"
	"  --channel FILE  show settings (default rss/channel.yaml)\n"
	"  --messages      list the catalogue of messages about input: name, level, text\n";

/* What an engine cannot do, as check says it (synth.h's SYNTH_CANNOT_*). */
static const struct {
	unsigned bit;
	const char *what;
} cannot_says[] = {
	{SYNTH_CANNOT_PITCH, "change its pitch ([pitch], emphasis, pitch:)"},
	{SYNTH_CANNOT_RANGE, "change its pitch range (emphasis, range:)"},
	{SYNTH_CANNOT_WHISPER, "whisper ([whisper])"},
};

/*
 * Prosody the episode asks for that a voice's engine cannot give: one
 * warning per voice and kind, at the first segment that asks, with how
 * many more runs do.
 */
static void check_engines(const char *file, const struct script *s)
{
	for (size_t c = 0; c < ARRAY_LEN(cannot_says); c++) {
		const struct voice *done[64];
		int ndone = 0;
		for (int i = 0; i < s->nsegs; i++) {
			for (int r = 0; r < s->segs[i].nruns; r++) {
				const struct run *run = &s->segs[i].runs[r];
				if (!(synth_run_cannot(run) & cannot_says[c].bit))
					continue;
				int seen = 0;
				for (int d = 0; d < ndone; d++)
					seen |= done[d] == run->voice;
				if (seen || ndone == (int)ARRAY_LEN(done))
					continue;
				done[ndone++] = run->voice;
				int more = 0;
				for (int j = i; j < s->nsegs; j++)
					for (int q = j == i ? r + 1 : 0; q < s->segs[j].nruns; q++)
						more += s->segs[j].runs[q].voice == run->voice &&
							(synth_run_cannot(&s->segs[j].runs[q]) & cannot_says[c].bit);
				char tail[64] = "";
				if (more > 0)
					snprintf(tail, sizeof tail, " (here and in %d more run%s of this episode)",
						 more, more == 1 ? "" : "s");
				msg(MSG_SPEECH_ENGINE_CANNOT, file, s->segs[i].line, 0,
				    "\"%s\" (%s %s)" MSG_SEP "%s" MSG_SEP "%s", run->voice->name,
				    voice_engine_name(run->voice->engine), run->voice->fvoice,
				    cannot_says[c].what, tail);
			}
		}
	}
}

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
		if (project_check_unique(p, ep) != 0 || project_check_identity(p, ep) != 0) {
			err = 1;
		} else {
			project_check_markup(ep, s);
			/* links the notes and the page will leave out */
			shownotes_check_links(ep, p->ch->link);
			printf("%s: ok, %d segments, %d sections%s\n", files[k], s->nsegs,
			       ep->nsections, ep->draft ? ", draft" : "");
			check_engines(files[k], s);
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
