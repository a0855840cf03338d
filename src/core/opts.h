/*
 * opts.h: the command-line options of every subcommand, read by one table
 * (getopt_long underneath) so that each command takes --channel and friends
 * the same way and reports a usage error in the same shape:
 *
 *   podsynth build: unknown option "--chanel"
 *   usage: podsynth build ...
 *
 * on stderr, exit status 2. --help and -h print the usage on stdout.
 */
#ifndef PODSYNTH_OPTS_H
#define PODSYNTH_OPTS_H

#include <stddef.h>

enum opt_type {
	OPT_FLAG, /* no value: *(int *)out = val */
	OPT_STR,  /* a value: *(const char **)out = the argument (not copied) */
	OPT_INT,  /* a whole number from min to max: *(int *)out */
	OPT_FN,   /* a value that fn checks and stores in out */
};

struct opt {
	const char *name;   /* the long name, "channel" for --channel */
	int short_name;     /* 'o' for -o, 0 when none */
	enum opt_type type;
	void *out;
	int val, min, max;  /* OPT_FLAG: the value stored; OPT_INT: the range */
	/* OPT_FN: stores arg in out, returns -1 when it is not a valid value. */
	int (*fn)(void *out, const char *arg);
	const char *expect; /* OPT_FN: what a value looks like, for the error: "an age such as 30d" */
};

#define OPTS_HELP  (-2)  /* --help was given: exit 0 */
#define OPTS_USAGE (-1)  /* a usage error, reported: exit 2 */

/*
 * Reads the options of argv (argv[0] the subcommand's name) by the n rows of
 * tab, options and operands in any order ("--" ends the options). Returns
 * the index of the first operand in the permuted argv, OPTS_HELP after
 * printing usage on stdout, or OPTS_USAGE after reporting the problem and
 * the usage on stderr.
 */
int opts_parse(int argc, char **argv, const struct opt *tab, size_t n, const char *usage);

/*
 * Reports a usage error of subcommand cmd ("podsynth CMD: PROBLEM" and the
 * usage, on stderr) and returns 2, the exit status for it.
 */
int opts_fail(const char *cmd, const char *usage, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
