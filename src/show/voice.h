/*
 * voice.h: voice profiles, the named voices an episode speaks with.
 *
 * A profile is a file voices/NAME.voice of "key: value" lines (YAML):
 *   espeak: en-us        espeak-ng voice name
 *   variant: m3          espeak-ng variant, optional
 *   lang: en             the language it speaks (BCP 47)
 *   rate: 140            words per minute
 *   pitch: 45            0-100
 *   range: 50            0-100
 *   gain: 0              dB applied to the synthesised audio
 *   description: ...     shown by `podsynth voices`
 */
#ifndef PODSYNTH_VOICE_H
#define PODSYNTH_VOICE_H

struct voice {
	char *name;
	char *espeak;
	char *variant;    /* NULL when none */
	char *lang;
	char *description;
	int rate;
	int pitch;
	int range;
	double gain_db;
	char *file;       /* where it was read from */
	int espeak_line;  /* lines of espeak: and variant: in the file */
	int variant_line;
};

struct voiceset {
	struct voice *v;
	int n;
	char *dir;
};

/*
 * Reads every *.voice file in dir. Problems are reported with diag() naming
 * file and line; returns -1 on any error. The caller frees with voiceset_free.
 */
int voiceset_load(const char *dir, struct voiceset **out);
void voiceset_free(struct voiceset **vs);
/* NULL when there is no profile called name. */
const struct voice *voiceset_find(const struct voiceset *vs, const char *name);

#endif
