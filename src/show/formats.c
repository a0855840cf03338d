/*
 * formats.c: the table of published audio formats.
 *
 * In: a format or its name. Out: the facts every stage agrees on (see
 * formats.h). Defaults are for speech, mono; docs/channel.md says why.
 */
#include "formats.h"

#include <string.h>

#include "core/core.h"

static const struct format_info formats[FMT_COUNT] = {
	/* MP3: constant bitrate, so that every player seeks to the right
	 * place from the byte offset alone; 64 kbit/s mono at 44.1 kHz keeps
	 * speech clean (its 16 kHz low-pass is above what a voice needs). */
	[FMT_MP3] = {"mp3", "mp3", "audio/mpeg", NULL, "MP3", 64, 32, 320, 0.45},
	/* Opus: VBR; 32 kbit/s is transparent for mono speech (Opus's speech
	 * and hybrid modes were made for this). */
	[FMT_OPUS] = {"opus", "opus", "audio/ogg", "opus", "Opus", 32, 6, 256, 0.45},
	/* Vorbis: VBR around the nominal bitrate, as before.
	 * The losses: espeak-ng speech levelled to -16 LUFS decodes 0.4 to 0.5
	 * LU quieter from MP3 at 64 kbit/s and Opus at 32 kbit/s, 0.1 from
	 * Vorbis at 64 (the example show's episodes, ffmpeg's ebur128). */
	[FMT_VORBIS] = {"vorbis", "ogg", "audio/ogg", "vorbis", "Ogg Vorbis", 64, 32, 320, 0.0},
};

const struct format_info *format_info(enum audio_format f)
{
	return &formats[f];
}

int format_by_name(const char *name)
{
	for (int i = 0; i < FMT_COUNT; i++)
		if (strcmp(name, formats[i].name) == 0)
			return i;
	return -1;
}

int format_bitrate_ok(enum audio_format f, int kbps)
{
	if (f == FMT_MP3) {
		static const int cbr[] = {32, 40, 48, 56, 64, 80, 96, 112, 128, 160,
					  192, 224, 256, 320};
		for (size_t i = 0; i < ARRAY_LEN(cbr); i++)
			if (kbps == cbr[i])
				return 1;
		return 0;
	}
	return kbps >= formats[f].min_kbps && kbps <= formats[f].max_kbps;
}

int format_rate_ok(enum audio_format f, int rate)
{
	if (f != FMT_MP3)
		return rate > 0;
	static const int rates[] = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
	for (size_t i = 0; i < ARRAY_LEN(rates); i++)
		if (rate == rates[i])
			return 1;
	return 0;
}

char *format_source_type(enum audio_format f)
{
	if (formats[f].codecs == NULL)
		return xstrdup(formats[f].mime);
	return xasprintf("%s; codecs=%s", formats[f].mime, formats[f].codecs);
}
