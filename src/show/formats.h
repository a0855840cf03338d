/*
 * formats.h: the audio formats an episode is published in, in one table
 * that the settings, the encoders, the build and the feed all read.
 *
 * In: a format's name as the show settings write it ("mp3", "opus",
 * "vorbis"). Out: its file extension, MIME type, RFC 6381 codecs value,
 * short title, default bitrate and the bitrates it accepts.
 */
#ifndef PODSYNTH_FORMATS_H
#define PODSYNTH_FORMATS_H

enum audio_format { FMT_MP3, FMT_OPUS, FMT_VORBIS, FMT_COUNT };

struct format_info {
	const char *name;     /* in rss/channel.yaml: "mp3" */
	const char *ext;      /* file extension without the dot: "mp3" */
	const char *mime;     /* "audio/mpeg" */
	const char *codecs;   /* RFC 6381 codecs value, NULL where none applies */
	const char *title;    /* short title for a feed or a download link */
	int def_kbps;         /* default nominal bitrate, kbit/s, for mono */
	int min_kbps, max_kbps;
	double loss_lu;       /* the integrated loudness levelled speech loses
				 through the codec at about the default bitrate
				 (measured; render.c aims that much higher) */
};

/* The entry for f (static). */
const struct format_info *format_info(enum audio_format f);

/* The format called name, or -1. */
int format_by_name(const char *name);

/*
 * 1 when kbps is a bitrate f can encode at (MP3: one of MPEG-1 Layer III's
 * fixed rates; the others: the range in the table), else 0.
 */
int format_bitrate_ok(enum audio_format f, int kbps);

/*
 * 1 when f can carry audio at rate Hz directly, else 0 (MP3 has nine
 * rates; Opus resamples any rate to 48 kHz itself; Vorbis takes any).
 */
int format_rate_ok(enum audio_format f, int rate);

/* "audio/ogg; codecs=opus": the MIME type with its codecs, for an HTML
 * <source type>. The caller frees the result. */
char *format_source_type(enum audio_format f);

#endif
