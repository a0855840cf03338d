/*
 * channel.c: the show's settings from rss/channel.yaml.
 *
 * In: the file's path (the file may be absent). Out: struct channel with a
 * default for every setting. Unknown keys are warned about, bad values are
 * errors naming file:line.
 */
#include "channel.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "license.h"
#include "core/core.h"

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
	msg(MSG_BED_PLACE, y->file, ydoc_line(y, v), 0, "\"%s\"", s ? s : "");
	return -1;
}

/* What the bed table fills: a copy of the settings, and what the keys need. */
struct bed_read {
	struct bed_settings b;
	const char *dir;   /* where a relative file: starts, or NULL */
	int place;         /* play: was given */
};

static int read_bed_play(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct bed_read *r = obj;
	(void)row, (void)k;
	r->place = 1;
	return bed_place(y, v, &r->b.play);
}

/* file: "builtin", or a path resolved against the settings file's directory. */
static int read_bed_file(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct bed_read *r = obj;
	char *f = NULL;
	(void)row;
	if (ydoc_get_str(y, k, v, &f) != 0)
		return -1;
	free(r->b.file);
	r->b.file = NULL;
	if (strcmp(f, "builtin") == 0)
		free(f);
	else if (f[0] == '/' || r->dir == NULL)
		r->b.file = f;
	else {
		r->b.file = path_join(r->dir, f);
		free(f);
	}
	return 0;
}

#define BED(k, t, f, lo, hi) {k, t, offsetof(struct bed_read, b.f), 0, lo, hi, NULL}

/* The keys of a bed: mapping (docs/channel.md). */
static const struct ykey bed_keys[] = {
	BED("attack", YK_INT, attack, 0, 10000),
	BED("release", YK_INT, release, 0, 10000),
	BED("fade", YK_INT, fade, 0, 30000),
	BED("lead", YK_INT, lead, 0, 60000),
	BED("hold", YK_INT, hold, 0, 60000),
	{"play", YK_CUSTOM, 0, 0, 0, 0, read_bed_play},
	BED("level", YK_DOUBLE, level, -40, 0),
	BED("duck", YK_DOUBLE, duck, 0, 60),
	{"file", YK_CUSTOM, 0, 0, 0, 0, read_bed_file},
};

int bed_settings_read(struct ydoc *y, yaml_node_t *v, const char *dir, struct bed_settings *b)
{
	static const struct ymap map = {
		.tab = bed_keys, .n = ARRAY_LEN(bed_keys), .prefix = "bed.",
		.unknown = MSG_CH_UNKNOWN_SUBKEY, .must_map = 1, .not_mapping = MSG_BED_NOT_MAPPING,
	};
	free(b->conf);
	b->conf = xstrdup(y->file ? y->file : "");
	b->line = ydoc_line(y, v);
	if (v->type == YAML_SCALAR_NODE)
		return bed_place(y, v, &b->play);
	/* The table fills a copy; the settings (and what they own) go back after. */
	struct bed_read r = {.b = *b, .dir = dir};
	int rc = ydoc_read_map(&map, &r, y, v);
	*b = r.b;
	/* A mapping without play: names a bed for the intro. */
	if (!r.place && b->play == BED_NONE)
		b->play = BED_INTRO;
	return rc;
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
	c->sample_rate = 48000;
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
static int check_path(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	char **out = (char **)((char *)c + row->off);
	(void)y, (void)k, (void)v;
	if (strcmp(*out, "none") != 0 && strstr(*out, "://") == NULL) {
		char *p = path_join(c->dir, *out);
		free(*out);
		*out = p;
	}
	return 0;
}

static const struct ykey owner_keys[] = {
	{"name", YK_STR, offsetof(struct channel, owner_name), 0, 0, 0, NULL},
	{"email", YK_STR, offsetof(struct channel, owner_email), 0, 0, 0, NULL},
};

/* site_css: a regular file inside the site (the directory of channel.yaml), as the pages link it. */
static int check_site_css(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	char root[PATH_MAX], real[PATH_MAX];
	struct stat st;
	if (check_path(obj, row, y, k, v) != 0)
		return -1;
	if (stat(c->site_css, &st) != 0 || !S_ISREG(st.st_mode)) {
		msg(MSG_SITE_CSS, y->file, ydoc_line(y, v), 0, "\"%s\"", c->site_css);
		return -1;
	}
	size_t n = realpath(c->dir, root) ? strlen(root) : 0;
	if (n == 0 || realpath(c->site_css, real) == NULL || strncmp(real, root, n) != 0 || real[n] != '/') {
		msg(MSG_CH_SITE_CSS, y->file, ydoc_line(y, v), 0, "%s/" MSG_SEP "\"%s\"", c->dir, c->site_css);
		return -1;
	}
	return 0;
}

static int read_owner(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = owner_keys, .n = ARRAY_LEN(owner_keys), .prefix = "owner.",
		.unknown = MSG_CH_UNKNOWN_SUBKEY, .must_map = 1, .not_mapping = MSG_CH_OWNER,
	};
	(void)row, (void)key;
	return ydoc_read_map(&map, obj, y, v);
}

#define PAUSE(k, f) {k, YK_INT, offsetof(struct channel, pauses.f), 0, 0, 60000, NULL}

/* The pauses between blocks, in milliseconds. */
static const struct ykey pause_keys[] = {
	PAUSE("sentence", sentence),
	PAUSE("list_item", list_item),
	PAUSE("paragraph", paragraph),
	PAUSE("section", section),
	PAUSE("after_intro", after_intro),
	PAUSE("before_outro", before_outro),
	PAUSE("turn", turn),
};

static int read_pauses(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.tab = pause_keys, .n = ARRAY_LEN(pause_keys), .prefix = "pauses.",
		.unknown = MSG_CH_UNKNOWN_SUBKEY, .must_map = 1, .not_mapping = MSG_CH_PAUSES,
	};
	(void)row, (void)key;
	return ydoc_read_map(&map, obj, y, v);
}

/* One directories: entry: a directory's name and the show's URL there. */
static int read_directory(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *val)
{
	struct channel *c = obj;
	char *url = NULL;
	(void)kn;
	if (k == NULL || k[0] == '\0' || ydoc_get_str(y, "directories", val, &url) != 0) {
		msg(MSG_CH_DIRECTORY_NAME, y->file, ydoc_line(y, val), 0, NULL);
		free(url);
		return -1;
	}
	if (!url_publishable(url)) {
		msg(MSG_CH_NOT_URL, y->file, ydoc_line(y, val), 0, "directories.%s: \"%s\"", k, url);
		free(url);
		return -1;
	}
	int n = c->ndirectories++;
	c->directory_names = xreallocarray(c->directory_names, (size_t)n + 1, sizeof(char *));
	c->directory_urls = xreallocarray(c->directory_urls, (size_t)n + 1, sizeof(char *));
	c->directory_names[n] = xstrdup(k);
	c->directory_urls[n] = url;
	return 0;
}

/* directories: a mapping of a directory's name to the show's URL there. */
static int read_directories(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {
		.other = read_directory, .must_map = 1, .not_mapping = MSG_CH_DIRECTORIES,
	};
	(void)row, (void)key;
	return ydoc_read_map(&map, obj, y, v);
}

/* formats: a list of format names, each once; the first is the enclosure. */
static int read_formats(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	struct channel *c = obj;
	(void)row, (void)key;
	char **names = NULL;
	int n = 0, rc = -1;
	c->formats_line = ydoc_line(y, v);
	if (ydoc_get_list(y, "formats", v, &names, &n) != 0)
		goto out;
	if (n == 0) {
		msg(MSG_CH_FORMATS_EMPTY, y->file, ydoc_line(y, v), 0, NULL);
		goto out;
	}
	c->nformats = 0;
	for (int i = 0; i < n; i++) {
		int f = format_by_name(names[i]);
		yaml_node_t *item = v->type == YAML_SEQUENCE_NODE
				    ? ydoc_node(y, v->data.sequence.items.start[i]) : v;
		if (f < 0) {
			msg(MSG_CH_FORMAT_UNKNOWN, y->file, ydoc_line(y, item), 0,
			    "formats" MSG_SEP "\"%s\"", names[i]);
			goto out;
		}
		for (int j = 0; j < c->nformats; j++) {
			if ((int)c->formats[j] == f) {
				msg(MSG_CH_FORMAT_TWICE, y->file, ydoc_line(y, item), 0, "\"%s\"", names[i]);
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
		msg(MSG_CH_MP3_BITRATE, y->file, ydoc_line(y, v), 0, "%s: %d", key, kbps);
		return -1;
	}
	c->kbps[f] = kbps;
	if (f == FMT_VORBIS)
		c->bitrate = kbps;
	return 0;
}

/* One bitrate: entry: a format's name and its bitrate. */
static int read_format_kbps(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *val)
{
	int f = k ? format_by_name(k) : -1;
	(void)kn;
	if (f < 0) {
		msg(MSG_CH_FORMAT_UNKNOWN, y->file, ydoc_line(y, val), 0,
		    "bitrate" MSG_SEP "\"%s\"", k ? k : "?");
		return -1;
	}
	char key[32];
	snprintf(key, sizeof key, "bitrate.%s", k);
	return get_kbps(obj, y, (enum audio_format)f, key, val);
}

/* bitrate: a number (Vorbis's, as it always was), or a mapping per format. */
static int read_bitrate(void *obj, const struct ykey *row, struct ydoc *y, const char *key, yaml_node_t *v)
{
	static const struct ymap map = {.other = read_format_kbps};
	(void)row, (void)key;
	if (v->type != YAML_MAPPING_NODE)
		return get_kbps(obj, y, FMT_VORBIS, "bitrate", v);
	return ydoc_read_map(&map, obj, y, v);
}

static int check_link(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	size_t n = strlen(c->link);
	(void)row;
	while (n > 0 && c->link[n - 1] == '/')
		c->link[--n] = '\0';
	if (strncasecmp(c->link, "http://", 7) != 0 && strncasecmp(c->link, "https://", 8) != 0) {
		msg(MSG_CH_NOT_URL, y->file, ydoc_line(y, v), 0, "%s: \"%s\"", k, c->link);
		return -1;
	}
	if (!url_publishable(c->link)) {
		msg(MSG_CH_LINK_CHARS, y->file, ydoc_line(y, v), 0, "\"%s\"", c->link);
		return -1;
	}
	return 0;
}

static int check_license(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	(void)row, (void)k;
	if (license_url(c->license) == NULL) {
		msg(MSG_BAD_LICENSE, y->file, ydoc_line(y, v), 0, "\"%s\"", c->license);
		return -1;
	}
	char *lc = license_canonical(c->license);
	free(c->license);
	c->license = lc;
	return 0;
}

static int read_table_rows(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	const char *s = ydoc_scalar(v);
	(void)row;
	if (s && strcmp(s, "all") == 0) {
		c->table_rows = TABLE_ALL_ROWS;
		return 0;
	}
	return ydoc_get_int(y, k, v, 1, 100000, &c->table_rows);
}

static int read_lexicons(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	int first = c->nlexicons;
	(void)row;
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

static int read_people(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	(void)row;
	(void)k;
	speakers_clear(&c->people);
	return people_read(y, v, &c->people);
}

static int read_speakers(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	(void)row, (void)k;
	speakers_clear(&c->speakers);
	return speakers_read(y, v, &c->speakers);
}

static int read_bed(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct channel *c = obj;
	(void)row, (void)k;
	return bed_settings_read(y, v, c->dir, &c->bed);
}

#define STR(k, f) {k, YK_STR, offsetof(struct channel, f), 0, 0, 0, NULL}
#define STRC(k, f, fn) {k, YK_STR, offsetof(struct channel, f), 0, 0, 0, fn}
#define NUM(k, t, f, lo, hi) {k, t, offsetof(struct channel, f), 0, lo, hi, NULL}
#define BOOL(k, f) {k, YK_BOOL, offsetof(struct channel, f), 0, 0, 0, NULL}
#define CUSTOM(k, fn) {k, YK_CUSTOM, 0, 0, 0, 0, fn}

/* The settings of channel.yaml: one row per key (docs/channel.md). */
static const struct ykey settings[] = {
	STR("title", title),
	STR("description", description),
	STR("author", author),
	STR("language", language),
	STR("copyright", copyright),
	STR("category", category),
	STR("subcategory", subcategory),
	STR("type", type),
	STR("voice", host_voice),
	STR("host", host),
	STRC("link|url", link, check_link),
	{"draft", YK_IGNORE, 0, 0, 0, 0, NULL}, /* podsynth draft's: draftset.c reads them */
	CUSTOM("owner", read_owner),
	STRC("license|licence", license, check_license),
	CUSTOM("pauses", read_pauses),
	BOOL("explicit", explicit_),
	CUSTOM("table_rows", read_table_rows),
	BOOL("locked", locked),
	STRC("image", image, check_path),
	STRC("intro", intro, check_path),
	STRC("outro", outro, check_path),
	STRC("voices", voices_dir, check_path),
	NUM("loudness", YK_DOUBLE, loudness, -40, -5),
	NUM("true_peak", YK_DOUBLE, true_peak, -12, 0),
	NUM("sample_rate", YK_INT, sample_rate, 8000, 192000),
	NUM("channels", YK_INT, channels, 1, 2),
	CUSTOM("bitrate", read_bitrate),
	CUSTOM("formats", read_formats),
	CUSTOM("speakers", read_speakers),
	CUSTOM("people", read_people),
	CUSTOM("bed", read_bed),
	BOOL("emphasis", emphasis),
	CUSTOM("lexicons", read_lexicons),
	STRC("site_css", site_css, check_site_css),
	CUSTOM("directories", read_directories),
};

int channel_line(const struct channel *c, const char *key)
{
	int row = ykey_find(settings, ARRAY_LEN(settings), key);
	return row < 0 || c->key_lines == NULL ? 0 : c->key_lines[row];
}

/* A key channel.yaml does not know, or one that is not text. */
static int other_setting(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	(void)obj;
	if (k == NULL) {
		msg(MSG_CH_NO_KEY, y->file, ydoc_line(y, kn), 0, NULL);
		return -1;
	}
	msg(MSG_CH_UNKNOWN_KEY, y->file, ydoc_line(y, v), 0, "\"%s\"", k);
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
	c->key_lines = xcalloc(ARRAY_LEN(settings), sizeof *c->key_lines);
	set_defaults(c);

	const char *why = NULL;
	errno = 0;
	text = input_read(path, INPUT_SETTINGS, &len, &why);
	if (text == NULL) {
		if (errno == ENOENT) {
			rc = 0;
			goto out;
		}
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "show settings" MSG_SEP "%s", why);
		goto out;
	}
	c->path = xstrdup(path);
	size_t bad;
	if (utf8_check(text, len, &bad) != 0) {
		msg(MSG_FILE_UTF8, path, line_of(text, bad), 0, NULL);
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
		msg(MSG_CH_NOT_MAPPING, path, ydoc_line(&y, root), 0, NULL);
		goto out;
	}
	const struct ymap map = {
		.tab = settings, .n = ARRAY_LEN(settings), .other = other_setting,
		.lines = c->key_lines,
	};
	int err = ydoc_read_map(&map, c, &y, root) != 0;
	c->intro_line = channel_line(c, "intro");
	c->outro_line = channel_line(c, "outro");
	c->voice_line = channel_line(c, "voice");
	c->image_line = channel_line(c, "image");
	c->rate_line = channel_line(c, "sample_rate");
	for (int i = 0; i < c->nformats && !err; i++) {
		if (!format_rate_ok(c->formats[i], c->sample_rate)) {
			msg(MSG_CH_FORMAT_RATE, path, c->rate_line ? c->rate_line : c->formats_line, 0,
			    "%s" MSG_SEP "%d", format_info(c->formats[i])->name, c->sample_rate);
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
	free(c->key_lines);
	speakers_clear(&c->speakers);
	speakers_clear(&c->people);
	bed_settings_clear(&c->bed);
	free(c);
	*cp = NULL;
}

struct person_info channel_person(const struct channel *c, const struct speaker *sp,
				  const char *name)
{
	struct person_info p = {sp ? sp->bio : NULL, sp ? sp->link : NULL, sp ? sp->img : NULL};
	const struct speakers *from[] = {&c->people, &c->speakers};
	for (size_t i = 0; name && i < ARRAY_LEN(from); i++) {
		int k = speakers_find(from[i], name, strlen(name));
		if (k < 0)
			continue;
		const struct speaker *o = &from[i]->v[k];
		p.bio = p.bio ? p.bio : o->bio;
		p.link = p.link ? p.link : o->link;
		p.img = p.img ? p.img : o->img;
	}
	return p;
}
