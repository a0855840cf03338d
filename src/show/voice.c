/*
 * voice.c: voice profiles from voices/NAME.voice (YAML mappings).
 *
 * In: a directory. Out: struct voiceset, sorted by name. Every problem is
 * reported at file:line; an unknown key is a warning.
 */
#include "voice.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* The engines a profile can name (engine:), and what each is called. */
static const struct {
	const char *name;
	enum voice_engine e;
} engines[] = {
	{"espeak-ng", VOICE_ESPEAK},
	{"flite", VOICE_FLITE},
};

const char *voice_engine_name(enum voice_engine e)
{
	for (size_t i = 0; i < ARRAY_LEN(engines); i++)
		if (engines[i].e == e)
			return engines[i].name;
	return "?";
}

static int engine_key(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	struct voice *vo = obj;
	const char *s = ydoc_scalar(v);
	(void)row;
	vo->engine_line = ydoc_line(y, v);
	for (size_t i = 0; s && i < ARRAY_LEN(engines); i++) {
		if (strcmp(s, engines[i].name) == 0) {
			vo->engine = engines[i].e;
			return 0;
		}
	}
	msg(MSG_VOICE_BAD_ENGINE, y->file, vo->engine_line, 0, "\"%s\"", s ? s : k);
	return -1;
}

static int voice_line(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	(void)row, (void)k;
	((struct voice *)obj)->voice_line = ydoc_line(y, v);
	return 0;
}

/* Where espeak: and variant: were given, for the checks after the walk. */
static int espeak_line(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	(void)row, (void)k;
	((struct voice *)obj)->espeak_line = ydoc_line(y, v);
	return 0;
}

static int variant_line(void *obj, const struct ykey *row, struct ydoc *y, const char *k, yaml_node_t *v)
{
	(void)row, (void)k;
	((struct voice *)obj)->variant_line = ydoc_line(y, v);
	return 0;
}

#define VSTR(k, f, fn) {k, YK_STR, offsetof(struct voice, f), 0, 0, 0, fn}
#define VNUM(k, t, f, lo, hi) {k, t, offsetof(struct voice, f), 0, lo, hi, NULL}

/* The keys of a voice profile (docs/voices.md). */
static const struct ykey voice_keys[] = {
	{"engine", YK_CUSTOM, 0, 0, 0, 0, engine_key},
	VSTR("espeak", espeak, espeak_line),
	VSTR("voice", fvoice, voice_line),
	VSTR("variant", variant, variant_line),
	VSTR("lang", lang, NULL),
	VSTR("description", description, NULL),
	VNUM("rate", YK_INT, rate, 80, 450),
	VNUM("pitch", YK_INT, pitch, 0, 100),
	VNUM("range", YK_INT, range, 0, 100),
	VNUM("gain", YK_DOUBLE, gain_db, -30, 30),
};

/* A key a voice profile does not know (a warning), or one that is not text (an error, unreported). */
static int other_key(void *obj, struct ydoc *y, const char *k, yaml_node_t *kn, yaml_node_t *v)
{
	(void)obj, (void)kn;
	if (k == NULL)
		return -1;
	msg(MSG_VOICE_UNKNOWN_KEY, y->file, ydoc_line(y, v), 0, "\"%s\"", k);
	return 0;
}

/* A key given to the other engine's profile: an error at its line. */
static int other_engine_key(const struct voice *v, const char *key, int line)
{
	if (line == 0)
		return 0;
	enum voice_engine other = v->engine == VOICE_FLITE ? VOICE_ESPEAK : VOICE_FLITE;
	msg(MSG_VOICE_KEY_ENGINE, v->file, line, 0, "%s:" MSG_SEP "%s" MSG_SEP "%s", key,
	    voice_engine_name(other), voice_engine_name(v->engine));
	return 1;
}

/* The checks of an espeak-ng profile after its keys are read; 0 or 1 (reported). */
static int espeak_profile(struct voice *v, const char *file)
{
	if (other_engine_key(v, "voice", v->voice_line))
		return 1;
	if (v->espeak == NULL) {
		msg(MSG_VOICE_NO_ESPEAK, file, 1, 0, NULL);
		return 1;
	}
	static const char name_chars[] = "abcdefghijklmnopqrstuvwxyz0123456789-_";
	if (v->espeak[0] == '\0' || strspn(v->espeak, name_chars) != strlen(v->espeak)) {
		msg(MSG_VOICE_BAD_ESPEAK, file, v->espeak_line, 0, "\"%s\"", v->espeak);
		return 1;
	}
	static const char variant_chars[] = "abcdefghijklmnopqrstuvwxyz"
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
	if (v->variant != NULL &&
	    (v->variant[0] == '\0' || strspn(v->variant, variant_chars) != strlen(v->variant))) {
		msg(MSG_VOICE_BAD_VARIANT, file, v->variant_line, 0, "\"%s\"", v->variant);
		return 1;
	}
	if (v->rate == 0)
		v->rate = 140;
	return 0;
}

/*
 * The checks of a flite profile: a built-in voice name, or a .flitevox
 * file, joined to the profile's directory and hashed for the cache key
 * (the file is the voice: a new one must be synthesised again). 0 or 1.
 */
static int flite_profile(struct voice *v, const char *file)
{
	if (other_engine_key(v, "espeak", v->espeak_line) ||
	    other_engine_key(v, "variant", v->variant_line))
		return 1;
	if (v->fvoice == NULL) {
		msg(MSG_VOICE_NO_FLITE, file, v->engine_line ? v->engine_line : 1, 0, NULL);
		return 1;
	}
	static const char name_chars[] = "abcdefghijklmnopqrstuvwxyz0123456789_";
	size_t n = strlen(v->fvoice);
	if (n > 9 && strcmp(v->fvoice + n - 9, ".flitevox") == 0) {
		if (v->fvoice[0] != '/') {
			char *dir = path_dirname(file);
			char *p = path_join(dir, v->fvoice);
			free(dir);
			free(v->fvoice);
			v->fvoice = p;
		}
		size_t len;
		char *data = read_file(v->fvoice, &len);
		if (data == NULL) {
			msg(MSG_FILE_UNREADABLE, file, v->voice_line, 0, "\"%s\"" MSG_SEP "%s",
			    v->fvoice, strerror(errno));
			return 1;
		}
		v->fvoice_sum = xasprintf("%016llx", (unsigned long long)hash64(data, len));
		free(data);
		return 0;
	}
	if (n == 0 || strspn(v->fvoice, name_chars) != n) {
		msg(MSG_VOICE_BAD_FLITE, file, v->voice_line, 0, "\"%s\"", v->fvoice);
		return 1;
	}
	return 0;
}

static int voice_read(struct voice *v, const char *file)
{
	struct ydoc y;
	size_t len, bad;
	int rc = -1, err = 0;
	const char *why = NULL;
	char *text = input_read(file, INPUT_VOICE, &len, &why);

	memset(&y, 0, sizeof y);
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, file, 0, 0, "voice profile" MSG_SEP "%s", why);
		return -1;
	}
	if (utf8_check(text, len, &bad) != 0) {
		msg(MSG_FILE_UTF8, file, line_of(text, bad), 0, NULL);
		goto out;
	}
	if (ydoc_load(&y, file, text, len, 1) != 0)
		goto out;
	yaml_node_t *root = ydoc_root(&y);
	if (root == NULL || root->type != YAML_MAPPING_NODE) {
		msg(MSG_VOICE_NOT_MAPPING, file, root ? ydoc_line(&y, root) : 1, 0, NULL);
		goto out;
	}
	static const struct ymap map = {
		.tab = voice_keys, .n = ARRAY_LEN(voice_keys), .other = other_key,
	};
	err = ydoc_read_map(&map, v, &y, root) != 0;
	if (!err)
		err = v->engine == VOICE_FLITE ? flite_profile(v, file) : espeak_profile(v, file);
	rc = err ? -1 : 0;
out:
	ydoc_free(&y);
	free(text);
	return rc;
}

static void voice_clear(struct voice *v)
{
	free(v->name);
	free(v->espeak);
	free(v->variant);
	free(v->fvoice);
	free(v->fvoice_sum);
	free(v->lang);
	free(v->description);
	free(v->file);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct voice *)a)->name, ((const struct voice *)b)->name);
}

int voiceset_load(const char *dir, struct voiceset **out)
{
	struct voiceset *vs = xcalloc(1, sizeof *vs);
	int err = 0;
	struct dirent *de;
	DIR *d = opendir(dir);

	*out = NULL;
	vs->dir = xstrdup(dir);
	if (d == NULL) {
		msg(MSG_FILE_UNREADABLE, dir, 0, 0, "the voices directory" MSG_SEP "%s", strerror(errno));
		voiceset_free(&vs);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		if (n <= 6 || strcmp(de->d_name + n - 6, ".voice") != 0 || de->d_name[0] == '.')
			continue;
		struct voice v = {0};
		v.name = xstrndup(de->d_name, n - 6);
		v.file = path_join(dir, de->d_name);
		v.rate = 0;      /* set by espeak_profile when none is given */
		v.pitch = 50;
		v.range = 50;
		if (voice_read(&v, v.file) != 0) {
			voice_clear(&v);
			err = 1;
			continue;
		}
		if (v.lang == NULL)
			v.lang = xstrdup("en");
		vs->v = xreallocarray(vs->v, (size_t)vs->n + 1, sizeof *vs->v);
		vs->v[vs->n++] = v;
	}
	closedir(d);
	if (vs->n > 1)
		qsort(vs->v, (size_t)vs->n, sizeof *vs->v, by_name);
	if (!err && vs->n == 0) {
		msg(MSG_VOICE_NONE, dir, 0, 0, NULL);
		err = 1;
	}
	if (err) {
		voiceset_free(&vs);
		return -1;
	}
	*out = vs;
	return 0;
}

void voiceset_free(struct voiceset **vsp)
{
	struct voiceset *vs = *vsp;
	if (vs == NULL)
		return;
	for (int i = 0; i < vs->n; i++)
		voice_clear(&vs->v[i]);
	free(vs->v);
	free(vs->dir);
	free(vs);
	*vsp = NULL;
}

const struct voice *voiceset_find(const struct voiceset *vs, const char *name)
{
	for (int i = 0; i < vs->n; i++)
		if (strcmp(vs->v[i].name, name) == 0)
			return &vs->v[i];
	return NULL;
}
