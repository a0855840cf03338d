/*
 * voice.h: voice profiles, the named voices an episode speaks with.
 *
 * A profile is a file voices/NAME.voice of "key: value" lines (YAML):
 *   engine: flite        the speech engine: espeak-ng (the default) or flite
 *   espeak: en-us        espeak-ng voice name (espeak-ng profiles)
 *   variant: m3          espeak-ng variant, optional
 *   voice: cmu_us_rms    Flite voice: a built-in name or a .flitevox file
 *                        (relative to the voices directory) (flite profiles)
 *   lang: en             the language it speaks (BCP 47)
 *   rate: 140            words per minute (flite: left out, the voice's own)
 *   pitch: 45            0-100
 *   range: 50            0-100
 *   gain: 0              dB applied to the synthesised audio
 *   description: ...     shown by `podsynth voices`
 */
#ifndef PODSYNTH_VOICE_H
#define PODSYNTH_VOICE_H

enum voice_engine {
	VOICE_ESPEAK,     /* espeak-ng (the default) */
	VOICE_FLITE,      /* Flite */
};

struct voice {
	char *name;
	enum voice_engine engine;
	char *espeak;     /* espeak-ng profiles: the voice name; NULL for flite */
	char *variant;    /* NULL when none */
	char *fvoice;     /* flite profiles: a built-in voice name, or a .flitevox
			     file's path (joined to the voices directory) */
	char *fvoice_sum; /* a .flitevox file's contents hashed (hex), for the
			     cache key; NULL otherwise */
	char *lang;
	char *description;
	int rate;         /* words per minute; 0 (flite only): the voice's own */
	int pitch;
	int range;
	double gain_db;
	char *file;       /* where it was read from */
	int espeak_line;  /* lines of espeak:, variant:, voice: and engine: in the file */
	int variant_line;
	int voice_line;
	int engine_line;
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
/* The engine's name as a profile writes it: "espeak-ng", "flite". */
const char *voice_engine_name(enum voice_engine e);
/* NULL when there is no profile called name. */
const struct voice *voiceset_find(const struct voiceset *vs, const char *name);

#endif
