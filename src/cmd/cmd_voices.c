/*
 * cmd_voices.c: `podsynth voices` lists the voice profiles: name, espeak-ng
 * voice (and variant), rate, language and description, from the show's
 * voices directory (see voice.h for the profile format).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "core/core.h"
#include "show/show.h"

static const char voices_usage[] =
	"usage: podsynth voices [DIR]\n"
	"  lists the voice profiles in DIR (default: voices/, else the installed ones)\n";

int cmd_voices(int argc, char **argv)
{
	const char *dir = NULL;
	int first = opts_parse(argc, argv, NULL, 0, voices_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (argc - first > 1)
		return opts_fail(argv[0], voices_usage, "expected one directory");
	if (first < argc)
		dir = argv[first];
	if (!dir)
		dir = file_exists("voices") ? "voices" : PODSYNTH_DATADIR "/voices";
	struct voiceset *vs = NULL;
	if (voiceset_load(dir, &vs) != 0 || !vs)
		return 1;
	int wn = 4, we = 6;
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		int n = (int)strlen(v->name);
		int e = (int)strlen(v->espeak ? v->espeak : "") + (v->variant ? 1 + (int)strlen(v->variant) : 0);
		if (n > wn)
			wn = n;
		if (e > we)
			we = e;
	}
	printf("%-*s  %-*s  %4s  %-5s  %s\n", wn, "NAME", we, "ESPEAK", "RATE", "LANG", "DESCRIPTION");
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		char esp[128];
		snprintf(esp, sizeof esp, "%s%s%s", v->espeak ? v->espeak : "", v->variant ? "+" : "",
			 v->variant ? v->variant : "");
		printf("%-*s  %-*s  %4d  %-5s  %s\n", wn, v->name, we, esp, v->rate,
		       v->lang ? v->lang : "-", v->description ? v->description : "");
	}
	voiceset_free(&vs);
	return fflush(stdout) == 0 ? diag_exit_status() : 1;
}
