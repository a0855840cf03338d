/*
 * run.h: a run, the unit the speech stage makes and the synthesiser
 * speaks: a stretch of spoken text in one voice, with the pause before it
 * and the prosody Speech Markdown asks for; and what espeak-ng is set to
 * for one run.
 *
 * In: a voice (voice.h) and the normaliser's text. Out: struct run (plain
 * data) and struct run_params. Used by speech.c (which makes runs),
 * segment.c (which groups them into segments) and the synthesiser; it uses
 * none of them.
 */
#ifndef PODSYNTH_RUN_H
#define PODSYNTH_RUN_H

struct voice;

/*
 * Prosody a run asks for (Speech Markdown modifiers such as [rate:"slow"],
 * [emphasis], [whisper]); all zero: the voice as its profile says.
 */
struct prosody {
	int rate;     /* percent added to the voice's words per minute */
	int pitch;    /* added to the voice's pitch (0-100 scale) */
	int range;    /* added to the voice's pitch range (0-100 scale) */
	int volume;   /* percent added to espeak-ng's amplitude (100) */
	int whisper;  /* espeak-ng's whisper variant instead of the voice's */
};

struct run {
	const struct voice *voice;  /* never NULL; points into the voiceset */
	char *text;                 /* the words said, as a person reads them; where the engine
				       is given something else, a hint holds both (core/text.h:
				       its marks are the only C0 controls) */
	char *display;              /* the words as written in the episode, for transcripts */
	int pause_ms;               /* silence before this run */
	struct prosody pro;         /* changes to the voice for this run */
	char *explain;              /* with speech_explain(1): why each token is said so, rows
				       "written\tclass\twhy\tsaid\n", or "...\tsaid\tguess\n" when
				       nothing knew the token (see speech.h); else NULL */
};

/*
 * What the engine is set to for a run: the voice with the run's prosody.
 * For a flite voice the voice is its built-in name or .flitevox path (no
 * variant: Flite has none, whisper included), and a profile without a
 * rate speaks at the voice's own pace times pace / 100.
 */
struct run_params {
	char voice[320];   /* "en-us+m3", "en-gb+whisper", "cmu_us_rms" */
	int rate;          /* words per minute, 0: the engine's default */
	int pace;          /* flite, rate 0: percent of the voice's own pace */
	int pitch, range;  /* 0-100 */
	int volume;        /* espeak-ng amplitude, 100 normal */
};
void run_params(const struct run *r, struct run_params *out);
/* Whether any prosody is asked for. */
int prosody_any(const struct prosody *p);

#endif
