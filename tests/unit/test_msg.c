/*
 * test_msg.c: the message catalogue (msg.h): every row well formed, names
 * unique, and msg() putting the detail into the text's holes.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "core/msg.h"
#include "core/util.h"

/* What msg(m, file, line, 0, detail) prints on stderr; the caller frees. */
static char *said(enum msg m, const char *file, int line, const char *detail)
{
	char path[] = "/tmp/podsynth-msg.XXXXXX";
	int fd = mkstemp(path);
	fflush(stderr);
	int saved = dup(2);
	dup2(fd, 2);
	close(fd);
	if (detail)
		msg(m, file, line, 0, "%s", detail);
	else
		msg(m, file, line, 0, NULL);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	char *s = read_file(path, NULL);
	unlink(path);
	return s ? s : xstrdup("");
}

static void test_rows(void)
{
	int bad_holes = 0, dup_names = 0, bad_names = 0, bad_text = 0;
	for (int m = 0; m < MSG__COUNT; m++) {
		const char *t = msg_text(m);
		for (const char *p = strchr(t, '%'); p; p = strchr(p + 2, '%'))
			if (p[1] != 's') {
				bad_holes++;
				break;
			}
		/* lower case first, no full stop (STYLE.md, git's guidelines) */
		size_t n = strlen(t);
		if (n == 0 || t[n - 1] == '.' || (t[0] >= 'A' && t[0] <= 'Z' && strncmp(t, "NUL", 3) != 0))
			bad_text++;
		const char *name = msg_name(m);
		if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(name) || !*name)
			bad_names++;
		for (int k = 0; k < m; k++)
			if (strcmp(msg_name(k), name) == 0)
				dup_names++;
	}
	OK(MSG__COUNT > 50, "the catalogue has %d messages", MSG__COUNT);
	INT_EQ(bad_holes, 0, "every text's only conversions are %s holes");
	INT_EQ(bad_text, 0, "every text starts in lower case and has no full stop");
	INT_EQ(bad_names, 0, "every name is lower case words and dashes");
	INT_EQ(dup_names, 0, "no two messages share a name");
	STR_EQ(msg_name(MSG_FM_BAD_DATE), "fm-bad-date", "names come from the ids");
	INT_EQ(msg_level(MSG_FM_UNKNOWN_KEY), DIAG_WARNING, "an unknown key is a warning");
	INT_EQ(msg_level(MSG_FM_BAD_DATE), DIAG_ERROR, "a bad date is an error");
}

static void test_say(void)
{
	char *s = said(MSG_FM_BAD_DATE, "episodes/a.md", 3, "\"2026-13-01\"");
	STR_EQ(s, "episodes/a.md:3: error: bad date \"2026-13-01\": expected YYYY-MM-DD, "
	       "optionally with a time\n", "the detail goes into the hole");
	free(s);
	s = said(MSG_FM_NO_TITLE, "episodes/a.md", 1, NULL);
	STR_EQ(s, "episodes/a.md:1: error: missing title: in the front matter\n", "a text without a hole");
	free(s);
	s = said(MSG_YAML_RANGE, "rss/channel.yaml", 7, "bitrate: 9999" MSG_SEP "32 to 320");
	STR_EQ(s, "rss/channel.yaml:7: error: bitrate: 9999 is out of range (32 to 320)\n",
	       "MSG_SEP splits the detail among two holes");
	free(s);
	s = said(MSG_FILE_UNREADABLE, "voices/x.voice", 0, "voice profile");
	STR_EQ(s, "voices/x.voice: error: cannot read voice profile: \n",
	       "a missing part leaves its hole empty; no line, no :0");
	free(s);
	s = said(MSG_CH_UNKNOWN_KEY, "rss/channel.yaml", 2, "\"colour\"");
	STR_EQ(s, "rss/channel.yaml:2: warning: unknown setting \"colour\"\n", "warnings say so");
	free(s);
}

int main(void)
{
	test_rows();
	test_say();
	return harness_done();
}
