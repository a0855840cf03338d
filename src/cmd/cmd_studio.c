/*
 * cmd_studio.c: `podsynth studio [OPTIONS] --episode FILE MAILBOX...`
 * serves the studio (src/studio/), and `podsynth studio user add NAME
 * --role ROLE` creates an account (the password on standard input).
 *
 * In: the show (opened as every command opens it, project.c), the episode
 * file the summaries go into, the week's mailboxes and date range, the
 * database file. Out: a web server until SIGINT or SIGTERM; an account.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"
#include "studio/studio.h"

static const char usage_text[] =
	"usage: podsynth studio [OPTIONS] --episode FILE MAILBOX...\n"
	"       podsynth studio user add NAME --role contributor|editor [--db FILE]\n"
	"  -e, --episode FILE    the episode file the summaries are written into\n"
	"  MAILBOX               the week's mail: mbox, mboxrd (gzipped or not), Atom\n"
	"  -l, --listen ADDR     the address to listen on (default: 127.0.0.1 only)\n"
	"  -p, --port N          the port (default: 8090; 0: any free port)\n"
	"      --db FILE         accounts, sessions and claims (default: studio.db)\n"
	"  -s, --since YYYY-MM-DD   only threads posted on or after that day (UTC)\n"
	"  -u, --until YYYY-MM-DD   only threads posted on or before that day (UTC)\n"
	"      --secure-cookies  cookies only over HTTPS (behind a TLS proxy)\n"
	"  -r, --role ROLE       user add: contributor or editor\n"
	"  -c, --channel FILE    the show settings (default: rss/channel.yaml)\n"
	"The user's password is read from the first line of standard input.\n";

/* "YYYY-MM-DD" as the seconds of its midnight, UTC; -1 when it is not a date. */
static long long parse_day(const char *s)
{
	int y, m, d, used = 0;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || s[used] != '\0' ||
	    y < 1970 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d};
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	return back.tm_mday == d ? (long long)t : -1;
}

static int since_opt(void *out, const char *arg)
{
	*(long long *)out = parse_day(arg);
	return *(long long *)out < 0 ? -1 : 0;
}

static int until_opt(void *out, const char *arg)
{
	long long t = parse_day(arg);
	*(long long *)out = t + 86400;
	return t < 0 ? -1 : 0;
}

/* The first line of standard input, without its newline; the caller frees. */
static char *read_password(void)
{
	char line[1100];
	if (fgets(line, sizeof line, stdin) == NULL)
		return xstrdup("");
	line[strcspn(line, "\r\n")] = '\0';
	return xstrdup(line);
}

static int user_add(int argc, char **argv)
{
	const char *role = NULL, *db = "studio.db";
	const struct opt tab[] = {
		{"role", 'r', OPT_STR, &role, 0, 0, 0, NULL, NULL},
		{"db", 0, OPT_STR, &db, 0, 0, 0, NULL, NULL},
	};
	int first = opts_parse(argc, argv, tab, ARRAY_LEN(tab), usage_text);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (first + 1 != argc)
		return opts_fail("studio user add", usage_text, "give one user name");
	if (role == NULL)
		return opts_fail("studio user add", usage_text, "--role contributor or --role editor");
	char *pw = read_password();
	int rc = studio_user_add(db, argv[first], role, pw);
	memset(pw, 0, strlen(pw));
	free(pw);
	if (rc == 0)
		fprintf(stderr, "%s: added %s (%s)\n", db, argv[first], role);
	return rc == 0 ? 0 : 1;
}

int cmd_studio(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "user") == 0 && strcmp(argv[2], "add") == 0)
		return user_add(argc - 2, argv + 2);
	const char *episode = NULL, *listen = NULL, *db = "studio.db", *channel = NULL;
	int port = 8090, secure = 0, rc = 1, mail_up = 0;
	long long since = 0, until = 0;
	struct project *p = NULL;
	struct draft_settings set = {0};
	const struct opt tab[] = {
		{"episode", 'e', OPT_STR, &episode, 0, 0, 0, NULL, NULL},
		{"listen", 'l', OPT_STR, &listen, 0, 0, 0, NULL, NULL},
		{"port", 'p', OPT_INT, &port, 0, 0, 65535, NULL, NULL},
		{"db", 0, OPT_STR, &db, 0, 0, 0, NULL, NULL},
		{"since", 's', OPT_FN, &since, 0, 0, 0, since_opt, "a YYYY-MM-DD date"},
		{"until", 'u', OPT_FN, &until, 0, 0, 0, until_opt, "a YYYY-MM-DD date"},
		{"secure-cookies", 0, OPT_FLAG, &secure, 1, 0, 0, NULL, NULL},
		{"channel", 'c', OPT_STR, &channel, 0, 0, 0, NULL, NULL},
	};
	int first = opts_parse(argc, argv, tab, ARRAY_LEN(tab), usage_text);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (episode == NULL)
		return opts_fail(argv[0], usage_text, "--episode FILE: the episode the summaries go into");
	if (first >= argc)
		return opts_fail(argv[0], usage_text, "no mailbox or feed given");
	if (!file_exists(episode)) {
		msg(MSG_FILE_UNREADABLE, episode, 0, 0, "the episode" MSG_SEP "%s", "no such file");
		return 1;
	}
	if (project_open_for(channel, 0, &p) != 0 ||
	    draft_settings_load(channel ? channel : "rss/channel.yaml", &set) != 0)
		goto out;
	mail_init();
	mail_up = 1;
	struct studio_cfg cfg = {
		.listen = listen, .port = port, .db_path = db, .episode = episode,
		.mailboxes = argv + first, .nmailboxes = argc - first, .since = since, .until = until,
		.secure_cookies = secure, .ch = p->ch, .vs = p->voices, .lex = p->lex, .eng = &p->engine,
		.cache_dir = p->cache_dir, .draft = &set, .channel_path = channel,
	};
	rc = studio_serve(&cfg) == 0 ? 0 : 1;
out:
	if (mail_up)
		mail_shutdown();
	draft_settings_free(&set);
	project_close(&p);
	return rc;
}
