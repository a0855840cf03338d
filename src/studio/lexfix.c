/*
 * lexfix.c: a pronunciation fixed from the studio (lexfix.h). In: a word
 * and its spoken form; out: a line in the show's lexicon file and an entry
 * in the running lexicon. The file is checked by show/'s own lexicon
 * reader before it replaces the old one.
 */
#include "lexfix.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"

enum { WORD_MAX = 64, SAY_MAX = 200 };

char *lexfix_path(const struct channel *ch, const struct voiceset *vs)
{
	if (ch && ch->nlexicons > 0)
		return xstrdup(ch->lexicons[ch->nlexicons - 1]);
	return path_join(vs->dir, "studio.lexicon");
}

/* Whether s has a C0 control character or DEL. */
static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

const char *lexfix_problem(const char *word, const char *say)
{
	size_t wl = strlen(word), sl = strlen(say), bad;
	if (wl == 0 || wl > WORD_MAX)
		return "the word must be 1 to 64 bytes";
	if (sl == 0 || sl > SAY_MAX)
		return "how to say it must be 1 to 200 bytes";
	if (utf8_check(word, wl, &bad) != 0 || utf8_check(say, sl, &bad) != 0)
		return "not valid UTF-8";
	if (has_control(word) || has_control(say))
		return "no control characters";
	if (strpbrk(word, " *") != NULL || word[0] == '#')
		return "one word, without spaces or '*', not starting with '#'";
	if (say[0] == ' ' || say[sl - 1] == ' ')
		return "how to say it may not start or end with a space";
	return NULL;
}

int lexfix_add(const char *path, struct lexicon *lex, const char *word, const char *say, const char **why)
{
	size_t len = 0;
	char *old = read_file(path, &len), *dir = NULL, *tmp = NULL;
	struct buf b = {0};
	struct lexicon *check = NULL;
	int rc = -1;
	*why = lexfix_problem(word, say);
	if (*why) {
		rc = 1;
		goto out;
	}
	if (old == NULL && errno != ENOENT) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the lexicon" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	if (old == NULL)
		buf_puts(&b, "# studio.lexicon: pronunciations fixed in podsynth studio (docs/studio.md).\n");
	else
		buf_add(&b, old, len);
	if (b.len && b.data[b.len - 1] != '\n')
		buf_putc(&b, '\n');
	buf_printf(&b, "%s\t%s\n", word, say);
	/* read back by the lexicon reader before it replaces the file */
	const char *t = getenv("TMPDIR");
	dir = xasprintf("%s/podsynth-lexfix.XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(dir) == NULL) {
		msg(MSG_FILE_TMPDIR, dir, 0, 0, "%s", strerror(errno));
		free(dir);
		dir = NULL;
		goto out;
	}
	tmp = path_join(dir, "check.lexicon");
	check = lexicon_new();
	int was = diag_set_muted(1);
	int bad = write_file_atomic(tmp, b.data, b.len) != 0 || lexicon_load(check, tmp) != 0;
	diag_set_muted(was);
	unlink(tmp);
	if (bad) {
		*why = "the lexicon would not read with this entry";
		rc = 1;
		goto out;
	}
	if (msg_write_file_atomic(path, b.data, b.len) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the lexicon" MSG_SEP "%s", strerror(errno));
		goto out;
	}
	lexicon_add(lex, word, say);
	rc = 0;
out:
	lexicon_free(&check);
	if (dir)
		rmdir(dir);
	free(dir);
	free(tmp);
	free(old);
	buf_free(&b);
	return rc;
}
