/*
 * fuzz/voice.c: fuzz target for the YAML settings readers: any bytes as a
 * voice profile (voices/NAME.voice) through voiceset_load, and the same
 * bytes as the show's settings (rss/channel.yaml) through channel_load.
 * Both use yamlmap.c on libyaml.
 *
 * In: the bytes, written to fuzz.voice in a scratch directory of its own
 * and to channel.yaml. Out: nothing; aborts when a loaded profile breaks
 * the contract voice.h states (name, its engine's voice name, language, values in
 * range) or a loaded channel lacks its defaults.
 */
#include "fuzz.h"

#include "show/channel.h"
#include "show/voice.h"

static char *vdir, *vfile, *chan;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	vdir = fuzz_path("voices");
	vfile = path_join(vdir, "fuzz.voice");
	chan = fuzz_path("channel.yaml");
	if (mkdir_p(vdir) != 0) {
		fprintf(fuzz_err, "fuzz voice: cannot make %s\n", vdir);
		exit(2);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct voiceset *vs = NULL;
	struct channel *ch = NULL;

	fuzz_write(vfile, data, size);
	if (voiceset_load(vdir, &vs) == 0) {
		FUZZ_CHECK(vs->n == 1, "one profile, %d loaded", vs->n);
		const struct voice *v = voiceset_find(vs, "fuzz");
		FUZZ_CHECK(v != NULL, "the profile is called fuzz");
		FUZZ_CHECK(v->lang, "no language");
		FUZZ_CHECK(v->engine == VOICE_FLITE ? v->fvoice && v->fvoice[0] && !v->espeak :
			   v->espeak && v->espeak[0] && !v->fvoice, "no voice for its engine, or the other's");
		FUZZ_CHECK(v->rate >= 80 && v->rate <= 450, "rate %d", v->rate);
		FUZZ_CHECK(v->pitch >= 0 && v->pitch <= 100, "pitch %d", v->pitch);
		FUZZ_CHECK(v->range >= 0 && v->range <= 100, "range %d", v->range);
		FUZZ_CHECK(v->gain_db >= -30 && v->gain_db <= 30, "gain %g", v->gain_db);
		voiceset_free(&vs);
		FUZZ_CHECK(vs == NULL, "voiceset_free leaves the pointer");
	}
	FUZZ_CHECK(vs == NULL, "a failed load returns a voiceset");

	fuzz_write(chan, data, size);
	if (channel_load(chan, &ch) == 0) {
		FUZZ_CHECK(ch->title && ch->link && ch->language && ch->host_voice,
			   "a loaded channel lacks a default");
		FUZZ_CHECK(ch->channels == 1 || ch->channels == 2, "channels %d", ch->channels);
		FUZZ_CHECK(ch->sample_rate > 0 && ch->bitrate > 0, "rate %d, bitrate %d",
			   ch->sample_rate, ch->bitrate);
		channel_free(&ch);
	}
	FUZZ_CHECK(ch == NULL, "channel pointer left set");
	return 0;
}
