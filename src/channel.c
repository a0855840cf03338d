/*
 * channel.c: the show's settings from rss/channel.yaml.
 *
 * In: the file's path (the file may be absent). Out: struct channel with a
 * default for every setting. Unknown keys are warned about, bad values are
 * errors naming file:line.
 */
#include "channel.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "license.h"
#include "table.h"
#include "util.h"
#include "yamlmap.h"

void bed_settings_init(struct bed_settings *b)
{
	*b = (struct bed_settings){
		.play = BED_NONE, .level = -14, .duck = 15, .attack = 150, .release = 700,
		.fade = 2000, .lead = 3000, .hold = 1500,
	};
}

void bed_settings_copy(struct bed_settings *dst, const struct bed_settings *src)
{
	*dst = *src;
	dst->file = src->file ? xstrdup(src->file) : NULL;
	dst->conf = src->conf ? xstrdup(src->conf) : NULL;
}

void bed_settings_clear(struct bed_settings *b)
{
	free(b->file);
	free(b->conf);
	b->file = b->conf = NULL;
}

static int bed_place(struct ydoc *y, yaml_node_t *v, enum bed_play *out)
{
	static const struct { const char *name; enum bed_play play; } places[] = {
		{"none", BED_NONE}, {"intro", BED_INTRO}, {"sections", BED_SECTIONS},
		{"episode", BED_EPISODE},
	};
	const char *s = ydoc_scalar(v);
	for (size_t i = 0; s && i < ARRAY_LEN(places); i++)
		if (strcmp(s, places[i].name) == 0) {
			*out = places[i].play;
			return 0;
		}
	diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0,
	     "bad bed place \"%s\": expected none, intro, sections or episode", s ? s : "");
	return -1;
}

int bed_settings_read(struct ydoc *y, yaml_node_t *v, const char *dir, struct bed_settings *b)
{
	static const struct { const char *key; size_t off; int max; } ms[] = {
		{"attack", offsetof(struct bed_settings, attack), 10000},
		{"release", offsetof(struct bed_settings, release), 10000},
		{"fade", offsetof(struct bed_settings, fade), 30000},
		{"lead", offsetof(struct bed_settings, lead), 60000},
		{"hold", offsetof(struct bed_settings, hold), 60000},
	};
	free(b->conf);
	b->conf = xstrdup(y->file ? y->file : "");
	b->line = ydoc_line(y, v);
	if (v->type == YAML_SCALAR_NODE)
		return bed_place(y, v, &b->play);
	if (v->type != YAML_MAPPING_NODE) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0,
		     "bed: expected a place (intro, sections, episode, none) or a mapping");
		return -1;
	}
	int rc = 0, place = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		char name[64];
		size_t i;
		snprintf(name, sizeof name, "bed.%s", k ? k : "?");
		for (i = 0; k && i < ARRAY_LEN(ms); i++)
			if (strcmp(k, ms[i].key) == 0)
				break;
		if (k && i < ARRAY_LEN(ms)) {
			rc |= ydoc_get_int(y, name, val, 0, ms[i].max, (int *)((char *)b + ms[i].off));
		} else if (k && strcmp(k, "play") == 0) {
			rc |= bed_place(y, val, &b->play);
			place = 1;
		} else if (k && strcmp(k, "level") == 0) {
			rc |= ydoc_get_double(y, name, val, -40, 0, &b->level);
		} else if (k && strcmp(k, "duck") == 0) {
			rc |= ydoc_get_double(y, name, val, 0, 60, &b->duck);
		} else if (k && strcmp(k, "file") == 0) {
			char *f = NULL;
			if (ydoc_get_str(y, name, val, &f) != 0) {
				rc = -1;
				continue;
			}
			free(b->file);
			b->file = NULL;
			if (strcmp(f, "builtin") == 0)
				free(f);
			else if (f[0] == '/' || dir == NULL)
				b->file = f;
			else {
				b->file = path_join(dir, f);
				free(f);
			}
		} else {
			diag(DIAG_WARNING, y->file, ydoc_line(y, val), 0, "unknown key \"%s\"", name);
		}
	}
	/* A mapping without play: names a bed for the intro. */
	if (!place && b->play == BED_NONE)
		b->play = BED_INTRO;
	return rc ? -1 : 0;
}

static void set_defaults(struct channel *c)
{
	c->title = xstrdup("Untitled show");
	c->description = xstrdup("A podcast made with podsynth.");
	c->author = xstrdup("podsynth");
	c->language = xstrdup("en");
	c->link = xstrdup("http://localhost:8000");
	c->category = xstrdup("Technology");
	c->type = xstrdup("episodic");
	c->host_voice = xstrdup("host");
	c->loudness = -16.0;
	c->true_peak = -1.0;
	c->sample_rate = 44100;
	c->channels = 1;
	c->bitrate = 64;
	c->table_rows = 10;
	c->formats[0] = FMT_MP3;
	c->formats[1] = FMT_OPUS;
	c->nformats = 2;
	for (int f = 0; f < FMT_COUNT; f++)
		c->kbps[f] = format_info(f)->def_kbps;
	bed_settings_init(&c->bed);
	c->pauses = (struct pauses){
		.sentence = 0, .list_item = 400, .paragraph = 750,
		.section = 1200, .after_intro = 600, .before_outro = 900,
		.turn = 350,
	};
}

/* A path from the file, resolved against the file's directory. */
static int get_path(struct channel *c, struct ydoc *y, const char *key, yaml_node_t *v, char **out)
{
	char *s = NULL;
	if (ydoc_get_str(y, key, v, &s) != 0)
		return -1;
	free(*out);
	if (strcmp(s, "none") == 0 || strstr(s, "://") != NULL)
		*out = s;
	else {
		*out = path_join(c->dir, s);
		free(s);
	}
	return 0;
}

static int read_owner(struct channel *c, struct ydoc *y, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0, "owner: expected name: and email:");
		return -1;
	}
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		if (k && strcmp(k, "name") == 0)
			rc |= ydoc_get_str(y, "owner.name", val, &c->owner_name);
		else if (k && strcmp(k, "email") == 0)
			rc |= ydoc_get_str(y, "owner.email", val, &c->owner_email);
		else
			diag(DIAG_WARNING, y->file, ydoc_line(y, val), 0, "unknown key \"owner.%s\"", k ? k : "?");
	}
	return rc;
}

static int read_pauses(struct channel *c, struct ydoc *y, yaml_node_t *v)
{
	static const struct { const char *key; size_t off; } keys[] = {
		{"sentence", offsetof(struct pauses, sentence)},
		{"list_item", offsetof(struct pauses, list_item)},
		{"paragraph", offsetof(struct pauses, paragraph)},
		{"section", offsetof(struct pauses, section)},
		{"after_intro", offsetof(struct pauses, after_intro)},
		{"before_outro", offsetof(struct pauses, before_outro)},
		{"turn", offsetof(struct pauses, turn)},
	};
	if (v->type != YAML_MAPPING_NODE) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0, "pauses: expected a mapping of milliseconds");
		return -1;
	}
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		size_t i;
		for (i = 0; i < ARRAY_LEN(keys); i++)
			if (k && strcmp(k, keys[i].key) == 0)
				break;
		if (i == ARRAY_LEN(keys)) {
			diag(DIAG_WARNING, y->file, ydoc_line(y, val), 0, "unknown key \"pauses.%s\"", k ? k : "?");
			continue;
		}
		char name[64];
		snprintf(name, sizeof name, "pauses.%s", keys[i].key);
		rc |= ydoc_get_int(y, name, val, 0, 60000, (int *)((char *)&c->pauses + keys[i].off));
	}
	return rc;
}

/* directories: a mapping of a directory's name to the show's URL there. */
static int read_directories(struct channel *c, struct ydoc *y, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0,
		     "directories: expected \"Name: URL\" lines (Apple Podcasts: https://...)");
		return -1;
	}
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		char *url = NULL;
		if (k == NULL || k[0] == '\0' || ydoc_get_str(y, "directories", val, &url) != 0) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, val), 0, "directories: expected a name");
			rc = -1;
			free(url);
			continue;
		}
		if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, val), 0,
			     "directories.%s: \"%s\" is not an absolute http(s) URL", k, url);
			rc = -1;
			free(url);
			continue;
		}
		int n = c->ndirectories++;
		c->directory_names = xreallocarray(c->directory_names, (size_t)n + 1, sizeof(char *));
		c->directory_urls = xreallocarray(c->directory_urls, (size_t)n + 1, sizeof(char *));
		c->directory_names[n] = xstrdup(k);
		c->directory_urls[n] = url;
	}
	return rc;
}

/* formats: a list of format names, each once; the first is the enclosure. */
static int read_formats(struct channel *c, struct ydoc *y, yaml_node_t *v)
{
	char **names = NULL;
	int n = 0, rc = -1;
	c->formats_line = ydoc_line(y, v);
	if (ydoc_get_list(y, "formats", v, &names, &n) != 0)
		goto out;
	if (n == 0) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0, "formats: expected at least one of "
		     "mp3, opus, vorbis");
		goto out;
	}
	c->nformats = 0;
	for (int i = 0; i < n; i++) {
		int f = format_by_name(names[i]);
		yaml_node_t *item = v->type == YAML_SEQUENCE_NODE
				    ? ydoc_node(y, v->data.sequence.items.start[i]) : v;
		if (f < 0) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, item), 0,
			     "formats: unknown format \"%s\" (mp3, opus or vorbis)", names[i]);
			goto out;
		}
		for (int j = 0; j < c->nformats; j++) {
			if ((int)c->formats[j] == f) {
				diag(DIAG_ERROR, y->file, ydoc_line(y, item), 0,
				     "formats: \"%s\" listed twice", names[i]);
				goto out;
			}
		}
		c->formats[c->nformats++] = (enum audio_format)f;
	}
	rc = 0;
out:
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

/* One format's bitrate, checked against what it can encode. */
static int get_kbps(struct channel *c, struct ydoc *y, enum audio_format f, const char *key,
		    yaml_node_t *v)
{
	const struct format_info *fi = format_info(f);
	int kbps;
	if (ydoc_get_int(y, key, v, fi->min_kbps, fi->max_kbps, &kbps) != 0)
		return -1;
	if (!format_bitrate_ok(f, kbps)) {
		diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0, "%s: %d is not an MP3 bitrate "
		     "(32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256 or 320)", key, kbps);
		return -1;
	}
	c->kbps[f] = kbps;
	if (f == FMT_VORBIS)
		c->bitrate = kbps;
	return 0;
}

/* bitrate: a number (Vorbis's, as it always was), or a mapping per format. */
static int read_bitrate(struct channel *c, struct ydoc *y, yaml_node_t *v)
{
	if (v->type != YAML_MAPPING_NODE)
		return get_kbps(c, y, FMT_VORBIS, "bitrate", v);
	int rc = 0;
	for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		const char *k = ydoc_scalar(ydoc_node(y, p->key));
		yaml_node_t *val = ydoc_node(y, p->value);
		int f = k ? format_by_name(k) : -1;
		if (f < 0) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, val), 0,
			     "bitrate: unknown format \"%s\" (mp3, opus or vorbis)", k ? k : "?");
			rc = -1;
			continue;
		}
		char key[32];
		snprintf(key, sizeof key, "bitrate.%s", k);
		rc |= get_kbps(c, y, (enum audio_format)f, key, val);
	}
	return rc;
}

static int read_setting(struct channel *c, struct ydoc *y, const char *k, yaml_node_t *v)
{
	static const struct { const char *key; size_t off; } strs[] = {
		{"title", offsetof(struct channel, title)},
		{"description", offsetof(struct channel, description)},
		{"author", offsetof(struct channel, author)},
		{"language", offsetof(struct channel, language)},
		{"copyright", offsetof(struct channel, copyright)},
		{"category", offsetof(struct channel, category)},
		{"subcategory", offsetof(struct channel, subcategory)},
		{"type", offsetof(struct channel, type)},
		{"voice", offsetof(struct channel, host_voice)},
		{"host", offsetof(struct channel, host)},
	};
	if (strcmp(k, "voice") == 0)
		c->voice_line = ydoc_line(y, v);
	for (size_t i = 0; i < ARRAY_LEN(strs); i++)
		if (strcmp(k, strs[i].key) == 0)
			return ydoc_get_str(y, k, v, (char **)((char *)c + strs[i].off));
	if (strcmp(k, "link") == 0 || strcmp(k, "url") == 0) {
		if (ydoc_get_str(y, k, v, &c->link) != 0)
			return -1;
		size_t n = strlen(c->link);
		while (n > 0 && c->link[n - 1] == '/')
			c->link[--n] = '\0';
		if (strncmp(c->link, "http://", 7) != 0 && strncmp(c->link, "https://", 8) != 0) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0,
			     "%s: \"%s\" is not an absolute http(s) URL", k, c->link);
			return -1;
		}
		return 0;
	}
	if (strcmp(k, "draft") == 0)
		return 0; /* podsynth draft's settings: draftset.c reads them */
	if (strcmp(k, "owner") == 0)
		return read_owner(c, y, v);
	if (strcmp(k, "license") == 0 || strcmp(k, "licence") == 0) {
		if (ydoc_get_str(y, k, v, &c->license) != 0)
			return -1;
		if (license_url(c->license) == NULL) {
			diag(DIAG_ERROR, y->file, ydoc_line(y, v), 0, "unknown licence \"%s\": expected an "
			     "SPDX identifier such as cc-by-4.0 or cc-by-nc-nd-4.0", c->license);
			return -1;
		}
		char *lc = license_canonical(c->license);
		free(c->license);
		c->license = lc;
		return 0;
	}
	if (strcmp(k, "pauses") == 0)
		return read_pauses(c, y, v);
	if (strcmp(k, "speakers") == 0) {
		speakers_clear(&c->speakers);
		return speakers_read(y, v, &c->speakers);
	}
	if (strcmp(k, "bed") == 0)
		return bed_settings_read(y, v, c->dir, &c->bed);
	if (strcmp(k, "explicit") == 0)
		return ydoc_get_bool(y, k, v, &c->explicit_);
	if (strcmp(k, "table_rows") == 0) {
		const char *s = ydoc_scalar(v);
		if (s && strcmp(s, "all") == 0) {
			c->table_rows = TABLE_ALL_ROWS;
			return 0;
		}
		return ydoc_get_int(y, k, v, 1, 100000, &c->table_rows);
	}
	if (strcmp(k, "locked") == 0)
		return ydoc_get_bool(y, k, v, &c->locked);
	if (strcmp(k, "emphasis") == 0)
		return ydoc_get_bool(y, k, v, &c->emphasis);
	if (strcmp(k, "image") == 0) {
		c->image_line = ydoc_line(y, v);
		return get_path(c, y, k, v, &c->image);
	}
	if (strcmp(k, "intro") == 0) {
		c->intro_line = ydoc_line(y, v);
		return get_path(c, y, k, v, &c->intro);
	}
	if (strcmp(k, "outro") == 0) {
		c->outro_line = ydoc_line(y, v);
		return get_path(c, y, k, v, &c->outro);
	}
	if (strcmp(k, "voices") == 0)
		return get_path(c, y, k, v, &c->voices_dir);
	if (strcmp(k, "loudness") == 0)
		return ydoc_get_double(y, k, v, -40, -5, &c->loudness);
	if (strcmp(k, "true_peak") == 0)
		return ydoc_get_double(y, k, v, -12, 0, &c->true_peak);
	if (strcmp(k, "sample_rate") == 0) {
		c->rate_line = ydoc_line(y, v);
		if (ydoc_get_int(y, k, v, 8000, 192000, &c->sample_rate) != 0)
			return -1;
		return 0;
	}
	if (strcmp(k, "channels") == 0)
		return ydoc_get_int(y, k, v, 1, 2, &c->channels);
	if (strcmp(k, "bitrate") == 0)
		return read_bitrate(c, y, v);
	if (strcmp(k, "formats") == 0)
		return read_formats(c, y, v);
	if (strcmp(k, "lexicons") == 0) {
		int first = c->nlexicons;
		if (ydoc_get_list(y, k, v, &c->lexicons, &c->nlexicons) != 0)
			return -1;
		c->lexicon_lines = xreallocarray(c->lexicon_lines, (size_t)c->nlexicons, sizeof(int));
		for (int i = first; i < c->nlexicons; i++) {
			yaml_node_t *item = v;
			if (v->type == YAML_SEQUENCE_NODE)
				item = ydoc_node(y, v->data.sequence.items.start[i - first]);
			c->lexicon_lines[i] = ydoc_line(y, item);
			char *p = path_join(c->dir, c->lexicons[i]);
			free(c->lexicons[i]);
			c->lexicons[i] = p;
		}
		return 0;
	}
	if (strcmp(k, "site_css") == 0)
		return get_path(c, y, k, v, &c->site_css);
	if (strcmp(k, "directories") == 0)
		return read_directories(c, y, v);
	diag(DIAG_WARNING, y->file, ydoc_line(y, v), 0, "unknown setting \"%s\"", k);
	return 0;
}

int channel_load(const char *path, struct channel **out)
{
	struct channel *c = xcalloc(1, sizeof *c);
	struct ydoc y;
	int rc = -1;
	char *text = NULL;
	size_t len;

	*out = NULL;
	memset(&y, 0, sizeof y);
	c->dir = path_dirname(path);
	c->rss_dir = xstrdup(c->dir);
	c->out_dir = path_join(c->dir, "episodes");
	set_defaults(c);

	text = read_file(path, &len);
	if (text == NULL) {
		if (errno == ENOENT) {
			rc = 0;
			goto out;
		}
		diag(DIAG_ERROR, path, 0, 0, "cannot read show settings: %s", strerror(errno));
		goto out;
	}
	c->path = xstrdup(path);
	size_t bad;
	if (utf8_check(text, len, &bad) != 0) {
		diag(DIAG_ERROR, path, line_of(text, bad), 0, "invalid UTF-8");
		goto out;
	}
	if (ydoc_load(&y, path, text, len, 1) != 0)
		goto out;
	yaml_node_t *root = ydoc_root(&y);
	if (root == NULL) {
		rc = 0;
		goto out;
	}
	if (root->type != YAML_MAPPING_NODE) {
		diag(DIAG_ERROR, path, ydoc_line(&y, root), 0, "expected settings as \"key: value\" lines");
		goto out;
	}
	int err = 0;
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = ydoc_node(&y, p->key);
		const char *key = ydoc_scalar(k);
		if (key == NULL) {
			diag(DIAG_ERROR, path, ydoc_line(&y, k), 0, "expected a setting name");
			err = 1;
			continue;
		}
		if (read_setting(c, &y, key, ydoc_node(&y, p->value)) != 0)
			err = 1;
	}
	for (int i = 0; i < c->nformats && !err; i++) {
		if (!format_rate_ok(c->formats[i], c->sample_rate)) {
			diag(DIAG_ERROR, path, c->rate_line ? c->rate_line : c->formats_line, 0,
			     "formats: %s cannot carry "
			     "sample_rate %d (8000, 11025, 12000, 16000, 22050, 24000, 32000, "
			     "44100 or 48000)", format_info(c->formats[i])->name, c->sample_rate);
			err = 1;
		}
	}
	rc = err ? -1 : 0;
out:
	ydoc_free(&y);
	free(text);
	if (rc == 0)
		*out = c;
	else
		channel_free(&c);
	return rc;
}

void channel_free(struct channel **cp)
{
	struct channel *c = *cp;
	if (c == NULL)
		return;
	char **strs[] = {
		&c->path, &c->dir, &c->title, &c->description, &c->author, &c->language,
		&c->link, &c->copyright, &c->owner_name, &c->owner_email, &c->image,
		&c->category, &c->subcategory, &c->type, &c->intro, &c->outro,
		&c->host_voice, &c->voices_dir, &c->out_dir, &c->rss_dir, &c->host, &c->license,
	};
	for (size_t i = 0; i < ARRAY_LEN(strs); i++)
		free(*strs[i]);
	for (int i = 0; i < c->nlexicons; i++)
		free(c->lexicons[i]);
	free(c->lexicons);
	free(c->lexicon_lines);
	for (int i = 0; i < c->ndirectories; i++) {
		free(c->directory_names[i]);
		free(c->directory_urls[i]);
	}
	free(c->directory_names);
	free(c->directory_urls);
	free(c->site_css);
	speakers_clear(&c->speakers);
	bed_settings_clear(&c->bed);
	free(c);
	*cp = NULL;
}
