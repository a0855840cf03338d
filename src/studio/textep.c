/*
 * textep.c: text read as an episode (textep.h). In: Markdown text; out:
 * struct episode and its error count. The temporary file is thrown away,
 * so it is written plainly (no fsync): it never replaces anything.
 */
#include "textep.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/core.h"

int textep_read(const char *name, const char *text, const struct channel *ch, struct episode **ep)
{
	const char *t = getenv("TMPDIR");
	char *dir = xasprintf("%s/podsynth-studio.XXXXXX", t && *t ? t : "/tmp");
	char *file = NULL;
	int errors = 1 << 20;
	struct episode *e = NULL;
	if (ep)
		*ep = NULL;
	if (mkdtemp(dir) == NULL)
		goto out;
	const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
	file = path_join(dir, base);
	FILE *f = fopen(file, "w");
	if (f != NULL) {
		size_t n = strlen(text);
		int bad = fwrite(text, 1, n, f) != n;
		bad |= fclose(f) != 0;
		if (!bad) {
			int was = diag_set_muted(1);
			int before = diag_count(DIAG_ERROR);
			/* muted messages are not counted: count the failure itself */
			errors = episode_load(file, ch, &e) != 0 ? 1 : 0;
			errors += diag_count(DIAG_ERROR) - before;
			diag_set_muted(was);
		}
		unlink(file);
	}
	rmdir(dir);
out:
	if (ep && e && errors < (1 << 20))
		*ep = e;
	else
		episode_free(&e);
	free(file);
	free(dir);
	return errors;
}
