/*
 * main.c: ./podsynth, the command-line front end. Finds the subcommand in
 * the table below and runs it; see cmd.h for how to add one.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
} commands[] = {
	{"build", cmd_build, "render episodes (only what changed is synthesised)"},
	{"render", cmd_render, "re-synthesise one segment and rebuild the episode"},
	{"segments", cmd_segments, "list an episode's segments and their cache state"},
	{"check", cmd_check, "report problems in episodes without rendering"},
	{"script", cmd_script, "print exactly what will be spoken"},
	{"say", cmd_say, "speak a line through the normaliser to a WAV file"},
	{"voices", cmd_voices, "list the voice profiles"},
	{"feed", cmd_feed, "write rss/feed.xml from the rendered episodes"},
	{"draft", cmd_draft, "draft an episode from mailing-list archives (mbox, Atom)"},
	{"cache", cmd_cache, "report the segment cache; prune what no episode uses"},
	{"studio", cmd_studio, "a web room to write the week's summaries and hear them"},
};

static void usage(FILE *f)
{
	fputs("usage: podsynth COMMAND [OPTIONS] [ARGS]\n\ncommands:\n", f);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'podsynth COMMAND --help' for a command's options; "
	      "'man podsynth' for the whole manual.\n", f);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		puts("podsynth " PODSYNTH_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "podsynth: unknown command \"%s\"\n", argv[1]);
	usage(stderr);
	return 2;
}
