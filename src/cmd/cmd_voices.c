/*
 * cmd_voices.c: `podsynth voices` lists the voice profiles: name, engine
 * (espeak-ng or flite), voice (espeak-ng's and its variant, Flite's name or
 * .flitevox file), rate ("own": the Flite voice's own pace), language and
 * description, from the show's voices directory (see voice.h for the
 * profile format).
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
	int wn = 4, we = 5;
	char (*names)[320] = xcalloc((size_t)vs->n + 1, sizeof *names);
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		if (v->engine == VOICE_FLITE) {  /* a .flitevox file: its name */
			const char *slash = strrchr(v->fvoice, '/');
			snprintf(names[i], sizeof names[i], "%s", slash ? slash + 1 : v->fvoice);
		} else
		{
			snprintf(names[i], sizeof names[i], "%s%s%s", v->espeak, v->variant ? "+" : "",
				 v->variant ? v->variant : "");
		}
		int n = (int)strlen(v->name), e = (int)strlen(names[i]);
		if (n > wn)
			wn = n;
		if (e > we)
			we = e;
	}
	printf("%-*s  %-9s  %-*s  %4s  %-5s  %s\n", wn, "NAME", "ENGINE", we, "VOICE", "RATE", "LANG",
	       "DESCRIPTION");
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		char rate[16];
		snprintf(rate, sizeof rate, v->rate > 0 ? "%d" : "own", v->rate);
		printf("%-*s  %-9s  %-*s  %4s  %-5s  %s\n", wn, v->name, voice_engine_name(v->engine), we,
		       names[i], rate, v->lang ? v->lang : "-", v->description ? v->description : "");
	}
	free(names);
	voiceset_free(&vs);
	return fflush(stdout) == 0 ? diag_exit_status() : 1;
}
