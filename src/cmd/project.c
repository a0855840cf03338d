/*
 * project.c: opens what every command needs: the show's settings, the
 * voices, the engine's facts (espeak-ng's version and rate, asked once), the
 * show's lexicons and the cache directory; and per episode, the
 * parsed episode and its script with the episode's own lexicon entries.
 */
#include "project.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "show/show.h"
#include "audio/audio.h"
#include "synth/synth.h"
#include "publish/publish.h"
#include "core/core.h"

#ifndef PODSYNTH_DATADIR
#define PODSYNTH_DATADIR "/usr/local/share/podsynth"
#endif

/* The show's lexicon files: channel.yaml's list, or every .lexicon file in the voices directory. */
static int load_show_lexicons(struct project *p, struct lexicon *lex)
{
	int err = 0;
	if (p->ch->nlexicons > 0) {
		for (int i = 0; i < p->ch->nlexicons; i++) {
			if (access(p->ch->lexicons[i], R_OK) != 0) {
				msg(MSG_FILE_UNREADABLE, p->ch->path, p->ch->lexicon_lines[i], 0,
				    "lexicon \"%s\"" MSG_SEP "%s", p->ch->lexicons[i], strerror(errno));
				err = 1;
			} else if (lexicon_load(lex, p->ch->lexicons[i]) != 0)
				err = 1;
		}
		return err ? -1 : 0;
	}
	DIR *d = opendir(p->voices->dir);
	if (d == NULL)
		return 0;
	char **names = NULL;
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l > 8 && strcmp(de->d_name + l - 8, ".lexicon") == 0 && de->d_name[0] != '.') {
			names = xreallocarray(names, (size_t)n + 1, sizeof *names);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	/* A fixed order, so later files win the same way every time. */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char *t = names[j];
			names[j] = names[j - 1];
			names[j - 1] = t;
		}
	for (int i = 0; i < n; i++) {
		char *path = path_join(p->voices->dir, names[i]);
		if (lexicon_load(lex, path) != 0)
			err = 1;
		free(path);
		free(names[i]);
	}
	free(names);
	return err ? -1 : 0;
}

static int check_asset(const struct channel *ch, const char *what, const char *path, int line)
{
	char why[256];
	if (path == NULL || strcmp(path, "none") == 0)
		return 0;
	if (asset_check(path, why, sizeof why) == 0)
		return 0;
	msg(MSG_FILE_UNREADABLE, ch->path ? ch->path : "rss/channel.yaml", line, 0,
	    "%s \"%s\"" MSG_SEP "%s", what, path, why);
	return -1;
}

int project_check_assets(const struct project *p)
{
	int a = check_asset(p->ch, "intro", p->ch->intro, p->ch->intro_line);
	int b = check_asset(p->ch, "outro", p->ch->outro, p->ch->outro_line);
	int c = artwork_check_channel(p->ch);
	return a || b || c ? -1 : 0;
}

int project_open(const char *channel_path, struct project **out)
{
	struct project *p = xcalloc(1, sizeof *p);
	*out = NULL;
	if (channel_load(channel_path ? channel_path : "rss/channel.yaml", &p->ch) != 0)
		goto fail;
	const char *vdir = p->ch->voices_dir;
	if (vdir == NULL)
		vdir = file_exists("voices") ? "voices" : PODSYNTH_DATADIR "/voices";
	if (voiceset_load(vdir, &p->voices) != 0)
		goto fail;
	if (voiceset_find(p->voices, p->ch->host_voice) == NULL) {
		msg(MSG_UNKNOWN_VOICE, p->ch->path ? p->ch->path : "rss/channel.yaml", p->ch->voice_line, 0,
		    "\"%s\"", p->ch->host_voice);
		goto fail;
	}
	const char *cache = getenv("PODSYNTH_CACHE");
	p->cache_dir = xstrdup(cache && *cache ? cache : "build/cache");
	if (synth_engine_open(p->voices, p->cache_dir, &p->engine) != 0)
		goto fail;
	p->lex = lexicon_new();
	if (load_show_lexicons(p, p->lex) != 0)
		goto fail;
	if (project_check_assets(p) != 0)
		goto fail;
	*out = p;
	return 0;
fail:
	project_close(&p);
	return -1;
}

int project_open_for(const char *channel_path, unsigned flags, struct project **out)
{
	struct project *p = NULL;
	*out = NULL;
	if (flags & PROJECT_SETTINGS) {
		p = xcalloc(1, sizeof *p);
		if (channel_load(channel_path ? channel_path : "rss/channel.yaml", &p->ch) != 0)
			goto fail;
	} else if (project_open(channel_path, &p) != 0) {
		return -1;
	}
	if ((flags & PROJECT_LOCK) &&
	    showlock_take(p->ch, (flags & PROJECT_LOCK_SHARED) != 0, &p->lock) != 0)
		goto fail;
	*out = p;
	return 0;
fail:
	project_close(&p);
	return -1;
}

int project_lock(struct project *p, int shared)
{
	return p->lock ? 0 : showlock_take(p->ch, shared, &p->lock);
}

static void files_add(struct episode_files *f, const char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->v = xreallocarray(f->v, (size_t)f->cap, sizeof *f->v);
	}
	f->v[f->n++] = xstrdup(path);
}

/* Adds the episode files of a directory (sorted by glob), or the file itself. */
static int collect(struct episode_files *f, const char *arg, int quiet_if_missing)
{
	struct stat st;
	if (stat(arg, &st) != 0) {
		if (quiet_if_missing && errno == ENOENT)
			return 0;
		msg(MSG_FILE_UNREADABLE, arg, 0, 0, "the episodes" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		files_add(f, arg);
		return 0;
	}
	char *pat = xasprintf("%s/*.md", arg);
	glob_t g;
	int r = glob(pat, 0, NULL, &g);
	free(pat);
	if (r == 0) {
		/* Drafts too: episode_load marks them (one rule, see episode.h). */
		for (size_t i = 0; i < g.gl_pathc; i++)
			files_add(f, g.gl_pathv[i]);
		globfree(&g);
	}
	return 0;
}

int project_episode_files(int n, char *const *args, struct episode_files *out)
{
	int rc = 0;
	memset(out, 0, sizeof *out);
	if (n == 0)
		return collect(out, "episodes", 1);
	for (int i = 0; i < n; i++)
		if (collect(out, args[i], 0) != 0)
			rc = -1;
	return rc;
}

void episode_files_free(struct episode_files *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof *f);
}

void project_close(struct project **pp)
{
	struct project *p = *pp;
	if (p == NULL)
		return;
	showlock_release(&p->lock);
	channel_free(&p->ch);
	voiceset_free(&p->voices);
	lexicon_free(&p->lex);
	free(p->cache_dir);
	roster_free(&p->roster);
	free(p->roster_dir);
	free(p);
	*pp = NULL;
}

/*
 * 1 when path, as the build opens it, is in the project (the working
 * directory): relative and never climbing above it with "..", or absolute
 * under it. Symlinks in the project are the host's own and are followed.
 */
static int in_project(const char *path)
{
	char cwd[PATH_MAX];
	const char *p = path;
	if (path[0] == '/') {
		if (getcwd(cwd, sizeof cwd) == NULL)
			return 0;
		size_t n = strlen(cwd);
		while (n > 0 && cwd[n - 1] == '/')
			n--;
		if (strncmp(path, cwd, n) != 0 || path[n] != '/')
			return 0;
		p = path + n;
	}
	int depth = 0;
	while (*p) {
		while (*p == '/')
			p++;
		size_t len = strcspn(p, "/");
		if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (--depth < 0)
				return 0;
		} else if (len > 0 && !(len == 1 && p[0] == '.')) {
			depth++;
		}
		p += len;
	}
	return 1;
}

/* Orders insert indices by path, then line, then place (for qsort_r). */
static int insert_cmp(const void *a, const void *b, void *arg)
{
	const struct insert *ins = arg;
	int i = *(const int *)a, j = *(const int *)b;
	int c = strcmp(ins[i].path, ins[j].path);
	if (c == 0)
		c = (ins[i].line > ins[j].line) - (ins[i].line < ins[j].line);
	return c ? c : (i > j) - (i < j);
}

/*
 * The episode's audio, checked as the build will open it: every insert
 * (at its own line) and the bed's file: audio files (asset_check), and
 * for what the episode itself names, files in the project. Reports each
 * bad one; -1 if any. A file named many times is opened once, and a bad
 * one reported once a line: ten thousand inserts of one missing file on
 * one line are one message, not ten thousand.
 */
static int check_episode_audio(const struct episode *ep)
{
	char why[256];
	int err = 0;
	int n = ep->ninserts;
	/* Per insert: the first of its path that was checked (first[i] == i
	 * for that one, whose verdict and reason the others share) and whether
	 * it is the first of its (path, line). */
	int *order = xmalloc(((size_t)n + 1) * sizeof *order);
	int *first = xmalloc(((size_t)n + 1) * sizeof *first);
	char *report = xmalloc((size_t)n + 1);
	signed char *bad = xmalloc((size_t)n + 1);    /* 0 good, 1 unreadable, 2 outside */
	char **whys = xcalloc((size_t)n + 1, sizeof *whys);
	for (int i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, (size_t)n, sizeof *order, insert_cmp, ep->inserts);
	for (int k = 0; k < n; k++) {
		int i = order[k], prev = k > 0 ? order[k - 1] : -1;
		const char *f = ep->inserts[i].path;
		if (prev >= 0 && strcmp(ep->inserts[prev].path, f) == 0) {
			first[i] = first[prev];
			report[i] = ep->inserts[prev].line != ep->inserts[i].line;
			continue;
		}
		first[i] = i;
		report[i] = 1;
		if (asset_check(f, why, sizeof why) != 0) {
			bad[i] = 1;
			whys[i] = xstrdup(why);
		} else {
			bad[i] = in_project(f) ? 0 : 2;
		}
	}
	for (int i = 0; i < n; i++) {
		const char *f = ep->inserts[i].path;
		int v = bad[first[i]];
		err |= v != 0;
		if (v == 1 && report[i])
			msg(MSG_INSERT_UNREADABLE, ep->path, ep->inserts[i].line, 0, "\"%s\"" MSG_SEP "%s",
			    f, whys[first[i]]);
		else if (v == 2 && report[i])
			msg(MSG_INSERT_OUTSIDE, ep->path, ep->inserts[i].line, 0, "\"%s\"", f);
	}
	for (int i = 0; i < n; i++)
		free(whys[i]);
	free(order);
	free(first);
	free(report);
	free(bad);
	free(whys);
	if (ep->bed.play != BED_NONE && ep->bed.file != NULL) {
		int own = ep->bed.conf && strcmp(ep->bed.conf, ep->path) == 0;
		if (asset_check(ep->bed.file, why, sizeof why) != 0) {
			msg(MSG_BED_UNREADABLE, ep->bed.conf ? ep->bed.conf : ep->path, ep->bed.line, 0,
			    "\"%s\"" MSG_SEP ": %s", ep->bed.file, why);
			err = 1;
		} else if (own && !in_project(ep->bed.file)) {
			msg(MSG_INSERT_OUTSIDE, ep->path, ep->bed.line, 0, "\"%s\"", ep->bed.file);
			err = 1;
		}
	}
	return err ? -1 : 0;
}

int project_episode(struct project *p, const char *path, struct episode **ep,
		    struct script **script)
{
	struct lexicon *lex = NULL;
	int rc = -1;

	*script = NULL;
	if (episode_load(path, p->ch, ep) != 0)
		return -1;
	const struct lexicon *use = p->lex;
	if ((*ep)->nlexicon > 0) {
		lex = lexicon_new();
		if (load_show_lexicons(p, lex) != 0)
			goto out;
		for (int i = 0; i < (*ep)->nlexicon; i++)
			lexicon_add(lex, (*ep)->lexicon[i].word, (*ep)->lexicon[i].say);
		use = lex;
	}
	int bad_media = check_episode_audio(*ep) != 0;
	if (artwork_check_episode(p->ch, *ep) != 0 || bad_media)
		goto out;
	if (script_build(*ep, p->ch, p->voices, use, &p->engine, script) != 0)
		goto out;
	rc = 0;
out:
	lexicon_free(&lex);
	if (rc != 0)
		episode_free(ep);
	return rc;
}

int project_check_unique(struct project *p, const struct episode *ep)
{
	char *dir = path_dirname(ep->path);
	if (p->roster == NULL || strcmp(p->roster_dir, dir) != 0) {
		roster_free(&p->roster);
		free(p->roster_dir);
		p->roster = roster_new();
		p->roster_dir = dir;
		roster_scan(p->roster, dir, p->ch);
	} else {
		free(dir);
	}
	return roster_check(p->roster, ep) > 0 ? -1 : 0;
}

struct identity_claims {
	const struct roster *r;
	const struct episode *ep;
};

static int other_claims(void *ud, const char *slug, const char *guid)
{
	const struct identity_claims *c = ud;
	return roster_claims(c->r, c->ep, slug, guid);
}

int project_identity_known(const struct channel *ch, const struct roster *r,
			   const struct episode *ep)
{
	struct identity_claims c = {r, ep};
	return feed_check_identity(ch, ep, other_claims, &c);
}

int project_check_identity(struct project *p, const struct episode *ep)
{
	return p->roster ? project_identity_known(p->ch, p->roster, ep) : 0;
}

/* The names speech markdown and inserts use (docs/speech-markdown.md). */
static const char *const markup_names[] = {
	"audio", "break", "sub", "voice", "lang", "rate", "pitch", "volume", "emphasis",
	"whisper", "characters", "chars", "number", "date", "ipa",
};

/* The markup name closest to name[0..n) (two edits at most), or NULL. */
static const char *closest_markup(const char *name, size_t n, int *exact)
{
	const char *best = NULL;
	int bd = 3;
	for (size_t i = 0; i < ARRAY_LEN(markup_names); i++) {
		int d = text_edit_distance(name, n, markup_names[i], strlen(markup_names[i]), 2);
		if (d < bd && (d == 0 || n > 3)) {
			bd = d;
			best = markup_names[i];
		}
	}
	*exact = bd == 0;
	return best;
}

/*
 * Markup a host meant that the speech stage left as text: in the words
 * each run will speak (as written), "[name:...", "[name]" or
 * "name:\"...\"" with a markup name or one close to it. Warned about at
 * the line where it is written, with the fix when there is one.
 */
void project_check_markup(const struct episode *ep, const struct script *s)
{
	struct episode_pos at = {0};
	for (int i = 0; i < s->nsegs; i++) {
		const struct segment *seg = &s->segs[i];
		for (int r = 0; r < seg->nruns; r++) {
			const char *t = seg->runs[r].display ? seg->runs[r].display : seg->runs[r].text;
			for (const char *p = t; p && *p; p++) {
				int bracket = *p == '[';
				const char *name = p + bracket;
				if (!bracket && p > t && (isalnum((unsigned char)p[-1]) || p[-1] == '-'))
					continue;   /* not the start of a word */
				size_t n = 0;
				while (n < 20 && ((name[n] >= 'a' && name[n] <= 'z') || name[n] == '-'))
					n++;
				if (n == 0)
					continue;
				char after = name[n];
				int exact = 0;
				if (!(bracket ? after == ':' || after == ']' || after == ';'
					      : after == ':' && name[n + 1] == '"'))
					continue;
				const char *near = closest_markup(name, n, &exact);
				int looks = bracket ? after == ':' || near : exact;
				if (!looks)
					continue;
				size_t len = strcspn(p, bracket ? "]" : " ");
				if (p[len] == ']')
					len++;
				char *what = xstrndup(p, len < 40 ? len : 40), hint[96] = "";
				if (exact && strcmp(near, "audio") == 0)
					snprintf(hint, sizeof hint, ": an insert is [audio:\"file.wav\"]");
				else if (exact && !bracket)
					snprintf(hint, sizeof hint, ": write (text)[%s:\"...\"]", near);
				else if (exact)
					snprintf(hint, sizeof hint, ": speech markdown is (text)[%s...]", near);
				else if (near)
					snprintf(hint, sizeof hint, " (did you mean %s?)", near);
				msg(MSG_SPEECH_SPOKEN_MARKUP, ep->path, episode_line_of(ep, &at, seg->line,
							i + 1 < s->nsegs ? s->segs[i + 1].line : 0, what), 0,
				    "\"%s\"" MSG_SEP "%s", what, hint);
				free(what);
				p += len - 1;
			}
		}
	}
}
