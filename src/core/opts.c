/*
 * opts.c: subcommand options by table. In: argv and a table of struct opt.
 * Out: the values stored through the table, the index of the operands, and
 * usage errors in one shape for every command (see opts.h).
 */
#include "opts.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

static void vfail(const char *cmd, const char *usage, const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "podsynth %s: ", cmd);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	fputs(usage, stderr);
}

int opts_fail(const char *cmd, const char *usage, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(cmd, usage, fmt, ap);
	va_end(ap);
	return 2;
}

/* The option as the user wrote it: "--channel" or "-o". */
static void spelled(const struct opt *o, int as_long, char *out, size_t size)
{
	if (as_long || o->short_name == 0)
		snprintf(out, size, "--%s", o->name);
	else
		snprintf(out, size, "-%c", o->short_name);
}

int opts_parse(int argc, char **argv, const struct opt *tab, size_t n, const char *usage)
{
	struct option *longs = xcalloc(n + 2, sizeof *longs);
	struct buf shorts = {0};
	const char *cmd = argv[0];
	int rc = OPTS_USAGE, c, li;

	buf_puts(&shorts, ":h");   /* ':' first: a missing value is ':', not '?' */
	for (size_t i = 0; i < n; i++) {
		longs[i].name = tab[i].name;
		longs[i].has_arg = tab[i].type == OPT_FLAG ? no_argument : required_argument;
		longs[i].val = 256 + (int)i;
		if (tab[i].short_name) {
			buf_putc(&shorts, (char)tab[i].short_name);
			if (tab[i].type != OPT_FLAG)
				buf_putc(&shorts, ':');
		}
	}
	longs[n].name = "help";
	longs[n].val = 'h';
	optind = 1;
	opterr = 0;
	for (;;) {
		li = -1;
		c = getopt_long(argc, argv, shorts.data, longs, &li);
		if (c == -1)
			break;
		if (c == 'h') {
			fputs(usage, stdout);
			rc = OPTS_HELP;
			goto out;
		}
		if (c == '?') {
			if (optopt && optopt < 256)
				opts_fail(cmd, usage, "unknown option \"-%c\"", optopt);
			else
				opts_fail(cmd, usage, "unknown option \"%s\"", argv[optind - 1]);
			goto out;
		}
		if (c == ':') {
			const char *a = argv[optind - 1];
			if (optopt && optopt < 256 && strncmp(a, "--", 2) != 0)
				opts_fail(cmd, usage, "option \"-%c\" needs a value", optopt);
			else
				opts_fail(cmd, usage, "option \"%.*s\" needs a value",
					  (int)strcspn(a, "="), a);
			goto out;
		}
		size_t i;
		if (c >= 256)
			i = (size_t)(c - 256);
		else
			for (i = 0; i < n && tab[i].short_name != c; i++)
				;
		const struct opt *o = &tab[i];
		char name[64];
		spelled(o, c >= 256, name, sizeof name);
		switch (o->type) {
		case OPT_FLAG:
			*(int *)o->out = o->val;
			break;
		case OPT_STR:
			*(const char **)o->out = optarg;
			break;
		case OPT_INT: {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || v < o->min || v > o->max) {
				opts_fail(cmd, usage, "%s: expected a number from %d to %d, not \"%s\"",
					  name, o->min, o->max, optarg);
				goto out;
			}
			*(int *)o->out = (int)v;
			break;
		}
		case OPT_FN:
			if (o->fn(o->out, optarg) != 0) {
				opts_fail(cmd, usage, "%s: expected %s, not \"%s\"", name, o->expect, optarg);
				goto out;
			}
			break;
		}
	}
	rc = optind;
out:
	free(longs);
	buf_free(&shorts);
	return rc;
}
