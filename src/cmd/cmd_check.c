/*
 * cmd_check.c: `podsynth check [EPISODE.md...]` reports problems in the
 * show settings, voices, lexicons and episodes without rendering anything.
 * With no operands it checks every episode in episodes/.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "script/script.h"

/* The names speech markdown and inserts use (docs/speech-markdown.md). */
static const char *const markup_names[] = {
	"audio", "break", "sub", "voice", "lang", "rate", "pitch", "volume", "emphasis",
	"whisper", "characters", "chars", "number", "date", "ipa",
};

/* The markup name closest to name[0..n) (two edits at most), or NULL. */
static const char *closest_markup(const char *name, size_t n, int *exact)
{
	const char *best = NULL;
	int bd = 3;
	for (size_t i = 0; i < ARRAY_LEN(markup_names); i++) {
		int d = text_edit_distance(name, n, markup_names[i], strlen(markup_names[i]), 2);
		if (d < bd && (d == 0 || n > 3)) {
			bd = d;
			best = markup_names[i];
		}
	}
	*exact = bd == 0;
	return best;
}

/*
 * Markup a host meant that the speech stage left as text: in the words
 * each run will speak (as written), "[name:...", "[name]" or
 * "name:\"...\"" with a markup name or one close to it. Warned about at
 * the line where it is written, with the fix when there is one.
 */
static void check_spoken_markup(const struct episode *ep, const struct script *s)
{
	struct episode_pos at = {0};
	for (int i = 0; i < s->nsegs; i++) {
		const struct segment *seg = &s->segs[i];
		for (int r = 0; r < seg->nruns; r++) {
			const char *t = seg->runs[r].display ? seg->runs[r].display : seg->runs[r].text;
			for (const char *p = t; p && *p; p++) {
				int bracket = *p == '[';
				const char *name = p + bracket;
				if (!bracket && p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
					continue;   /* not the start of a word */
				size_t n = 0;
				while (n < 20 && ((name[n] >= 'a' && name[n] <= 'z') || name[n] == '-'))
					n++;
				if (n == 0)
					continue;
				char after = name[n];
				int exact = 0;
				if (!(bracket ? after == ':' || after == ']' || after == ';'
					      : after == ':' && name[n + 1] == '"'))
					continue;
				const char *near = closest_markup(name, n, &exact);
				int looks = bracket ? after == ':' || near : exact;
				if (!looks)
					continue;
				size_t len = strcspn(p, bracket ? "]" : " ");
				if (p[len] == ']')
					len++;
				char *what = xstrndup(p, len < 40 ? len : 40), hint[96] = "";
				if (exact && strcmp(near, "audio") == 0)
					snprintf(hint, sizeof hint, ": an insert is [audio:\"file.wav\"]");
				else if (exact && !bracket)
					snprintf(hint, sizeof hint, ": write (text)[%s:\"...\"]", near);
				else if (exact)
					snprintf(hint, sizeof hint, ": speech markdown is (text)[%s...]", near);
				else if (near)
					snprintf(hint, sizeof hint, " (did you mean %s?)", near);
				msg(MSG_SPEECH_SPOKEN_MARKUP, ep->path, episode_line_of(ep, &at, seg->line,
							i + 1 < s->nsegs ? s->segs[i + 1].line : 0, what), 0,
				    "\"%s\"" MSG_SEP "%s", what, hint);
				free(what);
				p += len - 1;
			}
		}
	}
}

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
			check_spoken_markup(ep, s);
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
