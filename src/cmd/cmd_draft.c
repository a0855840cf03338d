/*
 * cmd_draft.c: `podsynth draft [OPTIONS] INPUT... [-o episodes/x.md]`
 * writes a first draft of an episode from mailing-list archives.
 *
 * In: mbox/mboxrd files (gzipped or not), single messages and public-inbox
 * Atom feeds, or standard input ("-"); the `draft:` settings and the
 * language in rss/channel.yaml; a template (draft.LANG.md). Out: the
 * episode's Markdown on standard output or, with -o, in a file written
 * atomically (an existing file is kept unless --force). Pipeline:
 * mail.c / atom.c -> series.c -> draft.c.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "show/show.h"
#include "cmd.h"
#include "core/core.h"
#include "draft/draft.h"

#ifndef PODSYNTH_DATADIR
#define PODSYNTH_DATADIR "/usr/local/share/podsynth"
#endif

static const char usage_text[] =
	"usage: podsynth draft [OPTIONS] INPUT... [-o episodes/x.md]\n"
	"  INPUT                 an mbox or mboxrd file (gzipped or not), a message,\n"
	"                        or a public-inbox Atom feed; - for standard input\n"
	"  -o, --output FILE     write the draft to FILE (default: standard output)\n"
	"  -f, --force           overwrite FILE when it exists\n"
	"  -l, --lang LANG       the template's language: en, zh (default: the show's)\n"
	"  -t, --template FILE   use FILE as the template\n"
	"  -n, --issue N         the issue number (default: one more than the\n"
	"                        highest episode: in the output's directory)\n"
	"  -d, --date YYYY-MM-DD the episode's date (default: the date the output's\n"
	"                        file name starts with, else the last day covered)\n"
	"  -s, --since YYYY-MM-DD   only series posted on or after that day (UTC)\n"
	"  -u, --until YYYY-MM-DD   only series posted on or before that day (UTC)\n"
	"  -m, --max-per-section N  at most N items per section\n"
	"  -c, --channel FILE    the show settings (default: rss/channel.yaml)\n";

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
	if (back.tm_mday != d)
		return -1;
	return (long long)t;
}

/*
 * One more than the largest "episode: N" in the front matter of the .md
 * files in dir (1 when none); *season gets the "season:" of that episode
 * (0 when it has none).
 */
static int next_issue(const char *dir, int *season)
{
	DIR *d = opendir(dir);
	int best = 0;
	*season = 0;
	if (d == NULL)
		return 1;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 3, ".md") != 0)
			continue;
		char *path = path_join(dir, e->d_name);
		FILE *f = fopen(path, "r");
		free(path);
		if (f == NULL)
			continue;
		char line[256];
		int lineno = 0, in_fm = 0, ep = 0, se = 0;
		while (fgets(line, sizeof line, f)) {
			lineno++;
			if (strcmp(line, "---\n") == 0) {
				if (lineno == 1) {
					in_fm = 1;
					continue;
				}
				break;
			}
			if (!in_fm)
				break;
			int v;
			if (sscanf(line, "episode: %d", &v) == 1 && v > 0 && v < 1000000)
				ep = v;
			if (sscanf(line, "season: %d", &v) == 1 && v > 0 && v < 10000)
				se = v;
		}
		fclose(f);
		if (ep > best) {
			best = ep;
			*season = se;
		}
	}
	closedir(d);
	return best + 1;
}

/* The "YYYY-MM-DD" a file name starts with ("episodes/2026-11-23-weekly.md"), or NULL. */
static char *date_of_name(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char d[11];
	if (strlen(base) < 10)
		return NULL;
	memcpy(d, base, 10);
	d[10] = '\0';
	if (parse_day(d) < 0 || (base[10] != '-' && base[10] != '.' && base[10] != '\0'))
		return NULL;
	return xstrdup(d);
}

/* "Kernel Weekly" -> "kernel-weekly": the show's title as a file name's words. */
static char *slug_of(const char *title)
{
	struct buf b = {0};
	for (const char *p = title ? title : ""; *p && b.len < 40; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			buf_putc(&b, *p);
		else if (*p >= 'A' && *p <= 'Z')
			buf_putc(&b, (char)(*p - 'A' + 'a'));
		else if (b.len && b.data[b.len - 1] != '-')
			buf_putc(&b, '-');
	}
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (b.len == 0)
		buf_puts(&b, "episode");
	return buf_detach(&b);
}

/* The template for lang: draft.L.md in the settings' directory, src/templates or DATADIR. */
static char *find_template(const struct draft_settings *set, const char *lang)
{
	char l[16];
	size_t n = strcspn(lang, "-_");
	if (n == 0 || n >= sizeof l)
		n = 2;
	snprintf(l, sizeof l, "%.*s", (int)n, lang);
	for (char *p = l; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	const char *dirs[] = {set->templates, "src/templates", PODSYNTH_DATADIR "/templates"};
	for (size_t i = 0; i < ARRAY_LEN(dirs); i++) {
		if (dirs[i] == NULL)
			continue;
		char *name = xasprintf("draft.%s.md", l);
		char *p = path_join(dirs[i], name);
		free(name);
		if (file_exists(p))
			return p;
		free(p);
	}
	msg(MSG_DRAFT_NO_TEMPLATE, "podsynth draft", 0, 0,
	    "%s" MSG_SEP "\"%s\"" MSG_SEP "%s%ssrc/templates and " PODSYNTH_DATADIR "/templates",
	    l, lang, set->templates ? set->templates : "", set->templates ? ", " : "");
	return NULL;
}

/* --date: a valid YYYY-MM-DD, kept as written. */
static int date_opt(void *out, const char *arg)
{
	*(const char **)out = arg;
	return parse_day(arg) < 0 ? -1 : 0;
}

/* --since: the seconds of that day's midnight, UTC. */
static int since_opt(void *out, const char *arg)
{
	*(long long *)out = parse_day(arg);
	return *(long long *)out < 0 ? -1 : 0;
}

/* --until: the end of that day. */
static int until_opt(void *out, const char *arg)
{
	long long t = parse_day(arg);
	*(long long *)out = t + 86400;
	return t < 0 ? -1 : 0;
}

int cmd_draft(int argc, char **argv)
{
	const char *output = NULL, *lang = NULL, *template = NULL, *channel_path = "rss/channel.yaml";
	const char *date = NULL;
	int force = 0, issue = 0, max = -1, rc = 1, mail_up = 0;
	long long since = 0, until = 0;
	struct channel *ch = NULL;
	struct draft_settings set = {0};
	struct mailbox *mb = NULL;
	struct series *s = NULL;
	struct buf out = {0};
	char *tmpl_path = NULL, *tmpl = NULL, *name_date = NULL;
	struct draft_words *words = NULL;
	int season = 0;

	const struct opt tab[] = {
		{"output", 'o', OPT_STR, &output, 0, 0, 0, NULL, NULL},
		{"force", 'f', OPT_FLAG, &force, 1, 0, 0, NULL, NULL},
		{"lang", 'l', OPT_STR, &lang, 0, 0, 0, NULL, NULL},
		{"template", 't', OPT_STR, &template, 0, 0, 0, NULL, NULL},
		{"issue", 'n', OPT_INT, &issue, 0, 1, 999999, NULL, NULL},
		{"date", 'd', OPT_FN, &date, 0, 0, 0, date_opt, "a YYYY-MM-DD date"},
		{"since", 's', OPT_FN, &since, 0, 0, 0, since_opt, "a YYYY-MM-DD date"},
		{"until", 'u', OPT_FN, &until, 0, 0, 0, until_opt, "a YYYY-MM-DD date"},
		{"max-per-section", 'm', OPT_INT, &max, 0, 1, 10000, NULL, NULL},
		{"channel", 'c', OPT_STR, &channel_path, 0, 0, 0, NULL, NULL},
	};
	int first = opts_parse(argc, argv, tab, ARRAY_LEN(tab), usage_text);
	if (first < 0) {
		rc = first == OPTS_HELP ? 0 : 2;
		goto out;
	}
	if (first >= argc) {
		rc = opts_fail(argv[0], usage_text, "no mailbox or feed given");
		goto out;
	}
	if (since && until && until <= since) {
		rc = opts_fail(argv[0], usage_text, "--until is before --since");
		goto out;
	}
	if (output && !force && file_exists(output)) {
		msg(MSG_DRAFT_EXISTS, output, 0, 0, NULL);
		goto out;
	}
	if (channel_load(channel_path, &ch) != 0 || draft_settings_load(channel_path, &set) != 0)
		goto out;
	if (max > 0)
		set.max_per_section = max;
	if (lang == NULL)
		lang = ch->language;
	if (lang[0] == '\0' || strspn(lang, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen(lang)) {
		msg(MSG_DRAFT_BAD_LANG, "podsynth draft", 0, 0, "\"%s\"", lang);
		goto out;
	}
	tmpl_path = template ? xstrdup(template) : find_template(&set, lang);
	if (tmpl_path == NULL)
		goto out;
	size_t tlen, bad;
	const char *why = NULL;
	tmpl = input_read(tmpl_path, INPUT_TEMPLATE, &tlen, &why);
	if (tmpl == NULL) {
		msg(MSG_FILE_UNREADABLE, tmpl_path, 0, 0, "the template" MSG_SEP "%s", why);
		goto out;
	}
	if (utf8_check(tmpl, tlen, &bad) != 0) {
		msg(MSG_FILE_UTF8, tmpl_path, line_of(tmpl, bad), 0, NULL);
		goto out;
	}
	if (issue == 0) {
		char *dir = output ? path_dirname(output) : xstrdup("episodes");
		issue = next_issue(dir, &season);
		free(dir);
	} else {
		char *dir = output ? path_dirname(output) : xstrdup("episodes");
		next_issue(dir, &season);
		free(dir);
	}
	/* the date: --date, else the output file's name, else the end of the range */
	if (date == NULL && output && (name_date = date_of_name(output)) != NULL)
		date = name_date;

	mail_init();
	mail_up = 1;
	mb = mailbox_new();
	int bad_input = 0;
	for (int i = first; i < argc; i++)
		if (mailbox_read_file(mb, argv[i]) != 0)
			bad_input = 1;
	if (bad_input)
		goto out;
	s = series_build(mb);
	if (s->n == 0)
		msg(MSG_DRAFT_NO_SERIES, argc - first == 1 ? argv[first] : "podsynth draft", 0, 0,
		    "%zu" MSG_SEP "%d", mb->n, s->threads);
	words = draft_words_new(mb, &set, lang);
	struct draft_vars v = {.issue = issue, .lang = lang, .since = since, .until = until, .date = date,
			       .season = season, .words = words};
	if (draft_render(s, &set, &v, tmpl_path, tmpl, &out) != 0)
		goto out;
	if (output) {
		if (msg_write_file_atomic(output, out.data, out.len) != 0) {
			msg(MSG_FILE_WRITE, output, 0, 0, "the draft" MSG_SEP "%s", strerror(errno));
			goto out;
		}
		fprintf(stderr, "%s: %zu messages, %d threads, %d patch series; issue %d\n",
			output, mb->n, s->threads, s->n, issue);
	} else if (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		msg(MSG_FILE_WRITE, "podsynth draft", 0, 0, "the draft to standard output" MSG_SEP "%s", strerror(errno));
		goto out;
	} else {
		/* the file name that agrees with the draft's date: */
		const char *d = strstr(out.data, "\ndate: ");
		if (d && strlen(d) >= 18 && d[17] == '\n') {
			char *slug = slug_of(ch->title);
			msg(MSG_DRAFT_SUGGEST, "podsynth draft", 0, 0, "%.10s" MSG_SEP "episodes/%.10s-%s.md",
			    d + 7, d + 7, slug);
			free(slug);
		}
	}
	rc = 0;
out:
	buf_free(&out);
	draft_words_free(&words);
	free(name_date);
	series_free(&s);
	mailbox_free(&mb);
	if (mail_up)
		mail_shutdown();
	free(tmpl);
	free(tmpl_path);
	draft_settings_free(&set);
	channel_free(&ch);
	return rc;
}
