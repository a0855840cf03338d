/*
 * synth_flite.c: the Flite engine, called only in worker processes and
 * their piece children (like espeak-ng in synth_worker.c). In: a voice (a
 * built-in CMU voice or a .flitevox file), a piece of text and its
 * prosody (duration stretch, pitch, volume). Out: samples at the voice's
 * own rate and word and sentence events, timed from Flite's utterance:
 * each token's first Word, through SylStructure, to its first Segment.
 *
 * Phoneme input written for espeak-ng ([[gl'aIksn3]], the lexicon's and
 * say-as's notation) is mapped to Flite's phone set (CMU ARPAbet with
 * stress digits) by the table below: each such span becomes a placeholder
 * word, padded with spaces so byte offsets stay, with a run-time lexicon
 * entry of its own.
 *
 * The CMU voices' libraries are opened (dlopen) by the process that first
 * asks for one, not linked into the program: each holds over a megabyte of
 * relocated tables that the loader would otherwise make resident in the
 * build process and copy into every worker and piece child, whatever
 * engine the show speaks with.
 */
#include "synth_int.h"

#include "core/core.h"

#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <flite/flite.h>
#include <flite/flite_version.h>

void usenglish_init(cst_voice *v);
cst_lexicon *cmulex_init(void);
cst_val *us_tokentowords(cst_item *token);

/*
 * The voices built into Debian's libflite1, with their own pace (words per
 * minute from the first word's start to the last word's end over the 60
 * Harvard sentences, Flite 2.2) and what they cannot do. cmu_us_rms keeps
 * its pitch whatever f0_shift or int_f0_target_mean say (101.3 Hz median
 * in every case); none of them has a pitch range setting or a whisper.
 */
static const struct flite_builtin {
	const char *name;       /* its library is libflite_NAME.so.1, with register_NAME() */
	int wpm;
	unsigned cannot;
} builtins[] = {
	{"cmu_us_rms", 193, SYNTH_CANNOT_PITCH | SYNTH_CANNOT_RANGE | SYNTH_CANNOT_WHISPER},
	{"cmu_us_slt", 222, SYNTH_CANNOT_RANGE | SYNTH_CANNOT_WHISPER},
	{"cmu_us_awb", 223, SYNTH_CANNOT_RANGE | SYNTH_CANNOT_WHISPER},
	{"cmu_us_kal16", 237, SYNTH_CANNOT_RANGE | SYNTH_CANNOT_WHISPER},
};
/* A .flitevox voice: its pace is not known; Flite's own voices are about this. */
#define VOX_WPM 200
#define VOX_CANNOT (SYNTH_CANNOT_RANGE | SYNTH_CANNOT_WHISPER)

static const struct flite_builtin *builtin(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(builtins); i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

int flite_voice_wpm(const char *name)
{
	const struct flite_builtin *b = builtin(name);
	return b ? b->wpm : VOX_WPM;
}

unsigned flite_voice_cannot(const char *name)
{
	const struct flite_builtin *b = builtin(name);
	return b ? b->cannot : VOX_CANNOT;
}

/*
 * espeak-ng's English phoneme mnemonics and the CMU phones they become;
 * longest first where one is the start of another. A '1' in the output
 * marks the vowel that takes the stress written before the mnemonic.
 */
static const struct phone_map {
	const char *es, *cmu;
} phones[] = {
	{"aI@", "ay1 er"}, {"aU@", "aw1 er"}, {"i@3", "ih1 r"},
	{"A@", "aa1 r"}, {"O@", "ao1 r"}, {"o@", "ao1 r"}, {"e@", "eh1 r"},
	{"i@", "ih1 r"}, {"U@", "uh1 r"}, {"A:", "aa1"}, {"O:", "ao1"},
	{"3:", "er1"}, {"i:", "iy1"}, {"u:", "uw1"}, {"aI", "ay1"},
	{"eI", "ey1"}, {"OI", "oy1"}, {"aU", "aw1"}, {"oU", "ow1"},
	{"@U", "ow1"}, {"@L", "ah1 l"}, {"@2", "ah1"}, {"@5", "ah1"},
	{"I2", "ih1"}, {"I#", "ih1"}, {"a#", "ah1"}, {"e#", "eh1"},
	{"tS", "ch"}, {"dZ", "jh"}, {"t#", "t"}, {"d#", "d"}, {"n-", "ah1 n"},
	{"l-", "ah1 l"}, {"m-", "ah1 m"}, {"r-", "r"},
	{"a", "ae1"}, {"0", "aa1"}, {"V", "ah1"}, {"@", "ah1"}, {"3", "er1"},
	{"E", "eh1"}, {"I", "ih1"}, {"i", "iy1"}, {"U", "uh1"}, {"u", "uw1"},
	{"e", "eh1"}, {"o", "ow1"}, {"O", "ao1"}, {"A", "aa1"},
	{"p", "p"}, {"b", "b"}, {"t", "t"}, {"d", "d"}, {"k", "k"}, {"g", "g"},
	{"f", "f"}, {"v", "v"}, {"s", "s"}, {"z", "z"}, {"h", "hh"}, {"m", "m"},
	{"n", "n"}, {"l", "l"}, {"r", "r"}, {"w", "w"}, {"j", "y"},
	{"T", "th"}, {"D", "dh"}, {"S", "sh"}, {"Z", "zh"}, {"N", "ng"},
	{"x", "k"},
	/* marks that carry no sound of their own */
	{"?", ""}, {"_", ""}, {"|", ""}, {":", ""}, {"#", ""}, {"-", ""},
};

/*
 * Maps espeak-ng phonemes (the inside of [[...]]) to CMU phones with
 * stress digits: ' primary, , secondary, others unstressed; a word with
 * no stress mark stresses its first vowel. Returns the phones (the caller
 * frees), or NULL when a mnemonic is unknown or nothing is left.
 */
char *flite_map_phonemes(const char *s, size_t n)
{
	struct buf b = {0};
	char stress = 0;     /* 0 none pending, else '1' or '2' */
	int any_stress = 0, nvowel = 0;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\'' || s[i] == ',') {
			stress = s[i] == '\'' ? '1' : '2';
			any_stress = 1;
			i++;
			continue;
		}
		if (s[i] == '%' || s[i] == '=' || s[i] == ' ') {
			i++;
			continue;
		}
		const struct phone_map *m = NULL;
		size_t ml = 0;
		for (size_t k = 0; k < ARRAY_LEN(phones); k++) {
			size_t l = strlen(phones[k].es);
			if (l > ml && l <= n - i && memcmp(s + i, phones[k].es, l) == 0) {
				m = &phones[k];
				ml = l;
			}
		}
		if (m == NULL) {
			buf_free(&b);
			return NULL;
		}
		for (const char *c = m->cmu; *c; c++) {
			if (*c == '1') {
				buf_putc(&b, stress ? stress : '0');
				stress = 0;
				nvowel++;
			} else {
				buf_putc(&b, *c);
			}
		}
		if (*m->cmu)
			buf_putc(&b, ' ');
		i += ml;
	}
	if (nvowel == 0) {
		buf_free(&b);
		return NULL;
	}
	char *r = buf_detach(&b);
	if (!any_stress) {   /* espeak-ng would stress it; so must Flite */
		char *d = strchr(r, '0');
		if (d)
			*d = '1';
	}
	size_t l = strlen(r);
	while (l > 0 && r[l - 1] == ' ')
		r[--l] = '\0';
	return r;
}

/* ---- voices ---- */

static int lang_ready;
static cst_voice *cur_voice;
static char cur_name[MAX_VOICE + 1];

static void flite_start(void)
{
	if (lang_ready)
		return;
	flite_init();
	flite_add_lang("eng", usenglish_init, cmulex_init);
	flite_add_lang("usenglish", usenglish_init, cmulex_init);
	lang_ready = 1;
}

/*
 * A built-in voice, from its library opened now (kept open: the voice
 * points into it); NULL when the library or its register function is
 * missing.
 */
static cst_voice *builtin_register(const struct flite_builtin *b)
{
	char lib[64], sym[64];
	snprintf(lib, sizeof lib, "libflite_%s.so.1", b->name);
	snprintf(sym, sizeof sym, "register_%s", b->name);
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		return NULL;
	cst_voice *(*reg)(const char *voxdir);
	*(void **)&reg = dlsym(h, sym);
	return reg ? reg(NULL) : NULL;
}

/*
 * Loads the voice named name (a built-in name, or a .flitevox file) as the
 * current one, keeping it while the name stays the same. 0, or -1 when
 * there is no such voice.
 */
int flite_set_voice(const char *name)
{
	if (cur_voice && strcmp(cur_name, name) == 0)
		return 0;
	flite_start();
	const struct flite_builtin *b = builtin(name);
	cst_voice *v = b ? builtin_register(b) : NULL;
	if (v == NULL && strchr(name, '/') != NULL)
		v = flite_voice_load(name);
	if (v == NULL)
		return -1;
	/* (A built-in voice is registered once per name; a loaded one
	   stays for the process's life: workers use few voices.) */
	cur_voice = v;
	snprintf(cur_name, sizeof cur_name, "%s", name);
	return 0;
}

const char *flite_engine_version(void)
{
	return FLITE_PROJECT_VERSION;
}

/* ---- one piece ---- */

#define PH_PREFIX "zqxj"   /* placeholder words: zqxja, zqxjb, ... */

/* Placeholders are spoken as one word each, whatever they look like. */
static cst_val *tokentowords(cst_item *token)
{
	const char *name = item_feat_string(token, "name");
	if (strncmp(name, PH_PREFIX, sizeof PH_PREFIX - 1) == 0)
		return cons_val(string_val(name), NULL);
	return us_tokentowords(token);
}

/*
 * Replaces each [[...]] of text (in place, same length) by a placeholder
 * word padded with spaces and adds its pronunciation to the voice's
 * lexicon. Spans that cannot be mapped are blanked. *spans gets each
 * span (offset, length) in order; returns their number.
 */
static int phoneme_spans(char *text, struct span **spans)
{
	int n = 0;
	*spans = NULL;
	cst_lexicon *lex = val_lexicon(feat_val(cur_voice->features, "lexicon"));
	for (char *p = strstr(text, "[["); p; p = strstr(p, "[[")) {
		char *e = strstr(p + 2, "]]");
		if (e == NULL)
			break;
		size_t off = (size_t)(p - text), sl = (size_t)(e + 2 - p);
		char *ph = flite_map_phonemes(p + 2, (size_t)(e - p - 2));
		char word[16];
		if (n < 26)
			snprintf(word, sizeof word, PH_PREFIX "%c", 'a' + n);
		else
			snprintf(word, sizeof word, PH_PREFIX "%c%c", 'a' + n / 26 % 26, 'a' + n % 26);
		memset(p, ' ', sl);
		if (ph && sl >= strlen(word)) {
			char *entry = xasprintf("%s : %s", word, ph);
			cst_val *ent = cst_lex_make_entry(lex, entry);
			free(entry);
			if (ent) {
				lex->lex_addenda = cons_val(ent, lex->lex_addenda);
				memcpy(p, word, strlen(word));
				*spans = xreallocarray(*spans, (size_t)n + 1, sizeof **spans);
				(*spans)[n++] = (struct span){(uint32_t)off, (uint32_t)sl};
			}
		}
		free(ph);
		p += sl;
	}
	return n;
}

static int16_t clip16(double v)
{
	return v > 32767.0 ? 32767 : v < -32768.0 ? -32768 : (int16_t)lrint(v);
}

static void add_event(struct piece_out *o, uint32_t type, size_t pos, size_t len, double t)
{
	if (o->nev == o->evcap) {
		o->evcap = o->evcap ? o->evcap * 2 : 64;
		o->ev = xreallocarray(o->ev, o->evcap, sizeof *o->ev);
	}
	double s = t * o->rate;
	if (s < 0)
		s = 0;
	if (s > (double)o->n)
		s = (double)o->n;
	o->ev[o->nev++] = (struct wire_event){
		.type = type, .pos = (uint32_t)pos, .len = (uint32_t)len, .sample = (uint32_t)lrint(s),
	};
}

/* Where a word starts: the end of the segment before its first one. */
static double word_start(cst_item *word)
{
	cst_item *syl = item_as(word, "SylStructure");
	if (syl == NULL || item_daughter(syl) == NULL)
		return -1;
	return ffeature_float(word, "R:SylStructure.daughter1.daughter1.R:Segment.p.end");
}

/*
 * Synthesises text (len bytes, NUL-terminated, ours to change) with the
 * current voice and rq's prosody (rq->rate: duration stretch in
 * thousandths, < 0 the voice's own; rq->pitch 0-100, 50 the voice's own;
 * rq->volume percent, < 0 100). Word events for each token that is
 * spoken (its bytes in the text), a sentence event at each sentence's
 * first word. 0, or -1 when Flite made nothing.
 */
int flite_piece(const struct req_hdr *rq, char *text, size_t len, struct piece_out *o)
{
	cst_features *f = cur_voice->features;
	feat_set(f, "tokentowords_func", itemfunc_val(tokentowords));
	if (rq->rate > 0)
		flite_feat_set_float(f, "duration_stretch", (float)(rq->rate / 1000.0));
	if (rq->pitch >= 0 && rq->pitch != 50)
		flite_feat_set_float(f, "f0_shift", (float)pow(2.0, (rq->pitch - 50) / 100.0));
	struct span *sp = NULL;
	int nsp = phoneme_spans(text, &sp);

	cst_utterance *u = flite_synth_text(text, cur_voice);
	cst_wave *w = u ? utt_wave(u) : NULL;
	if (w == NULL || w->sample_rate <= 0) {
		free(sp);
		return -1;
	}
	o->rate = w->sample_rate;
	o->n = (size_t)(w->num_samples > 0 ? w->num_samples : 0);
	o->s = xmalloc((o->n ? o->n : 1) * sizeof *o->s);
	double g = rq->volume >= 0 ? rq->volume / 100.0 : 1.0;
	for (size_t i = 0; i < o->n; i++)
		o->s[i] = g == 1.0 ? w->samples[i] : clip16(w->samples[i] * g);

	size_t at = 0;
	int new_sentence = 1;
	for (cst_item *t = relation_head(utt_relation(u, "Token")); t; t = item_next(t)) {
		const char *name = item_feat_string(t, "name");
		size_t nl = strlen(name);
		char *p = nl ? strstr(text + at, name) : NULL;
		double t0 = -1;
		for (cst_item *wd = item_daughter(t); wd && t0 < 0; wd = item_next(wd))
			t0 = word_start(wd);
		if (p != NULL && t0 >= 0) {
			size_t pos = (size_t)(p - text), l = nl;
			for (int k = 0; k < nsp; k++)
				if (sp[k].off == pos)
					l = sp[k].len;
			if (new_sentence)
				add_event(o, SYNTH_EV_SENTENCE, pos, 0, t0);
			add_event(o, SYNTH_EV_WORD, pos, l, t0);
			new_sentence = 0;
			at = pos + l;
		}
		const char *punc = item_feat_string(t, "punc");
		if (strpbrk(punc, ".!?") != NULL)
			new_sentence = 1;
	}
	free(sp);
	delete_utterance(u);
	return 0;
}
