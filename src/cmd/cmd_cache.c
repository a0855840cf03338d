/*
 * cmd_cache.c: `podsynth cache [--prune] [--older-than AGE] [-n]
 * [EPISODE.md|DIR]...` reports the segment cache (entries, size, how many
 * the show's current episodes use, stale temporary files) and prunes it.
 *
 * In: the cache directory (project.h), the episodes (default episodes/,
 * drafts too) and their scripts, which give the keys in use. Out: a report
 * on standard output; with --prune the entries no current episode uses,
 * with --older-than AGE the entries older than AGE, and in both cases the
 * temporary files of runs that were killed, removed. An entry is a key's
 * files in the cache (KEY.seg, KEY.seg.lvl, ...).
 *
 * Safety: pruning holds the show's lock (showlock.h), refuses to run when
 * any episode has an error (its segments would look unused), and never
 * removes a temporary file whose process still runs (tmp_stale; another
 * host's, in a cache shared over a network file system, only after an
 * hour without a write).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "core/core.h"
#include "project.h"

static const char cache_usage[] =
	"usage: podsynth cache [--channel FILE] [--prune] [--older-than AGE] [-n] [EPISODE.md|DIR]...\n"
	"  reports the segment cache: entries, size, how many the episodes use\n"
	"  --prune           remove the entries no current episode uses (default: episodes/)\n"
	"  --older-than AGE  remove the entries older than AGE (30d, 12h, 90m, 600s), used or not\n"
	"  -n, --dry-run     say what would be removed, remove nothing\n"
	"  --channel FILE    show settings (default rss/channel.yaml)\n";

/* The keys in use, sorted for bsearch. */
struct keys {
	char **v;
	int n, cap;
};

static void keys_add(struct keys *k, const char *key)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? 2 * k->cap : 64;
		k->v = xreallocarray(k->v, (size_t)k->cap, sizeof *k->v);
	}
	k->v[k->n++] = xstrdup(key);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int keys_has(const struct keys *k, const char *key)
{
	return k->n > 0 && bsearch(&key, k->v, (size_t)k->n, sizeof *k->v, cmp_str) != NULL;
}

/* AGE as seconds: a number and one of s, m, h, d. -1 when malformed. */
static double parse_age(const char *s)
{
	char *e;
	double v = strtod(s, &e);
	if (e == s || v < 0 || e[0] == '\0' || e[1] != '\0')
		return -1;
	switch (e[0]) {
	case 's': return v;
	case 'm': return v * 60;
	case 'h': return v * 3600;
	case 'd': return v * 86400;
	default: return -1;
	}
}

/* --older-than: *(double *)out, seconds. */
static int age_opt(void *out, const char *arg)
{
	*(double *)out = parse_age(arg);
	return *(double *)out < 0 ? -1 : 0;
}

struct tally {
	long entries, used, removed, tmps, tmps_removed;
	long long bytes, used_bytes, removed_bytes;
};

/* Looks at (and removes, when asked) every file of one cache subdirectory. */
static void walk_dir(const char *dir, const struct keys *used, int prune, double max_age,
		     int dry, time_t now, struct tally *t)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char *path = path_join(dir, de->d_name);
		struct stat st;
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		int remove = 0;
		if (strstr(de->d_name, ".tmp.") != NULL) {
			/* A temporary file: only when its process is gone (another
			 * host's: when it has not been written to for an hour). */
			if (tmp_stale(dir, de->d_name)) {
				t->tmps++;
				if (prune || max_age >= 0) {
					remove = 1;
					t->tmps_removed++;
				}
			}
		} else {
			size_t klen = strcspn(de->d_name, ".");
			char *key = xstrndup(de->d_name, klen);
			int is_entry = strcmp(de->d_name + klen, ".seg") == 0;
			int in_use = keys_has(used, key);
			free(key);
			t->entries += is_entry;
			t->bytes += st.st_size;
			if (in_use) {
				t->used += is_entry;
				t->used_bytes += st.st_size;
			}
			if ((prune && !in_use) || (max_age >= 0 && difftime(now, st.st_mtime) > max_age)) {
				remove = 1;
				t->removed += is_entry;
				t->removed_bytes += st.st_size;
			}
		}
		if (remove) {
			if (dry)
				printf("would remove %s\n", path);
			else if (unlink(path) != 0 && errno != ENOENT)
				msg(MSG_CACHE_REMOVE, path, 0, 0, "%s", strerror(errno));
		}
		free(path);
	}
	closedir(d);
	if (!dry)
		rmdir(dir); /* only succeeds when it is now empty */
}

static double mb(long long n)
{
	return (double)n / 1e6;
}

int cmd_cache(int argc, char **argv)
{
	const char *channel = NULL;
	struct project *p = NULL;
	struct keys used = {0};
	struct episode_files g = {0};
	int prune = 0, dry = 0, err = 0, rc = 1, nep = 0;
	double max_age = -1;

	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"prune", 0, OPT_FLAG, &prune, 1, 0, 0, NULL, NULL},
		{"older-than", 0, OPT_FN, &max_age, 0, 0, 0, age_opt, "an age such as 30d, 12h, 90m or 600s"},
		{"dry-run", 'n', OPT_FLAG, &dry, 1, 0, 0, NULL, NULL},
	};
	int first = opts_parse(argc, argv, tab, ARRAY_LEN(tab), cache_usage);
	if (first < 0)
		return first == OPTS_HELP ? 0 : 2;
	if (project_open_for(channel, 0, &p) != 0)
		return 1;

	if (project_episode_files(argc - first, argv + first, &g) != 0)
		err = 1;
	for (int i = 0; i < g.n; i++) {
		const char *f = g.v[i];
		struct episode *ep = NULL;
		struct script *s = NULL;
		if (project_episode(p, f, &ep, &s) != 0) {
			err = 1;
			continue;
		}
		for (int j = 0; j < s->nsegs; j++)
			keys_add(&used, s->segs[j].key);
		nep++;
		script_free(&s);
		episode_free(&ep);
	}
	if (used.n > 1)
		qsort(used.v, (size_t)used.n, sizeof *used.v, cmp_str);
	if (err && prune) {
		msg(MSG_CACHE_NOT_PRUNED, p->cache_dir, 0, 0, NULL);
		goto out;
	}
	/* Only removing needs the lock, taken once every episode has been read. */
	if ((prune || max_age >= 0) && !dry && project_lock(p, 0) != 0)
		goto out;

	struct tally t = {0};
	time_t now = time(NULL);
	DIR *d = opendir(p->cache_dir);
	if (d != NULL) {
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			char *sub = path_join(p->cache_dir, de->d_name);
			struct stat st;
			if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
				walk_dir(sub, &used, prune, max_age, dry, now, &t);
			free(sub);
		}
		closedir(d);
	} else if (errno != ENOENT) {
		msg(MSG_CACHE_UNREADABLE, p->cache_dir, 0, 0, "%s", strerror(errno));
		goto out;
	}

	printf("%s: %ld entr%s, %.1f MB; %ld used by %d episode%s (%.1f MB), %ld unused; "
	       "%ld stale temporary file%s\n", p->cache_dir, t.entries, t.entries == 1 ? "y" : "ies",
	       mb(t.bytes), t.used, nep, nep == 1 ? "" : "s", mb(t.used_bytes), t.entries - t.used,
	       t.tmps, t.tmps == 1 ? "" : "s");
	if (prune || max_age >= 0)
		printf("%s: %s %ld entr%s (%.1f MB) and %ld stale temporary file%s\n", p->cache_dir,
		       dry ? "would remove" : "removed", t.removed, t.removed == 1 ? "y" : "ies",
		       mb(t.removed_bytes), t.tmps_removed, t.tmps_removed == 1 ? "" : "s");
	rc = err ? 1 : 0;
out:
	for (int i = 0; i < used.n; i++)
		free(used.v[i]);
	free(used.v);
	episode_files_free(&g);
	project_close(&p);
	return rc;
}
