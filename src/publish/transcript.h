/*
 * transcript.h: the WebVTT transcript of a rendered episode
 * (rss/episodes/<slug>.vtt), timed from espeak-ng's word and sentence
 * events.
 *
 * In: the episode's script (each run's spoken and written text and voice)
 * and the laid-out timeline it was rendered from (where every segment
 * starts; its cache file holds the events). Out: WebVTT text.
 */
#ifndef PODSYNTH_TRANSCRIPT_H
#define PODSYNTH_TRANSCRIPT_H

#include "script/script.h"
#include "audio/audio.h"
#include "core/core.h"

/* The longest cue line, in characters; a cue has at most two lines. */
#define TRANSCRIPT_LINE_MAX 65

/*
 * Appends the WebVTT document to out. One cue per sentence (longer ones
 * split at words into cues of at most two lines of TRANSCRIPT_LINE_MAX
 * characters), in the written form of the text when its sentences can be
 * matched with the spoken ones, else the spoken form. transcript_vtt names
 * no host: a cue starts with a voice tag only for a paragraph's declared
 * speaker ("<v Ana>"); see transcript_both. A cue starts where espeak-ng
 * put its first word, in output time (segment start + event offset);
 * cues are in order, never overlap, and none ends after the timeline's end.
 * Returns 0, or -1 when a segment's cache file cannot be read (reported).
 */
int transcript_vtt(const struct script *s, const struct timeline *tl, struct buf *out);

/*
 * Like transcript_vtt, with host (the show's host by name, or NULL) as the
 * speaker of every paragraph that declares none: each cue starts with
 * "<v Name>" for its speaker, a person (none when neither is known), then
 * "<c.quote>" for a block quote and "<lang xx>" when the voice speaking it
 * has another language than the episode's first voice. When srt is not
 * NULL appends the same cues to it as SubRip (SRT): numbered from 1,
 * "HH:MM:SS,mmm" times, the speaker as "Ana: " at the start of a cue whose
 * speaker differs from the last one's, text as written (no entities, no tags).
 */
int transcript_both(const struct script *s, const struct timeline *tl, struct buf *out,
		    struct buf *srt, const char *host);

/*
 * Writes the WebVTT transcript to vtt_path and, when srt_path is not NULL,
 * the SRT one to srt_path, each atomically (temporary file, then rename).
 * Returns 0, or -1 with the problem reported naming the path.
 */
int transcript_write(const char *vtt_path, const char *srt_path, const struct script *s,
		     const struct timeline *tl, const char *host);

/*
 * Writes transcript_vtt(s, tl) to path atomically (temporary file, then
 * rename). Returns 0, or -1 with the problem reported naming path.
 */
int transcript_write_vtt(const char *path, const struct script *s,
			 const struct timeline *tl);

/*
 * Appends the word transcript to out: a Podcasting 2.0 JSON transcript
 * (version 1.0.0) with one segment per written word, in order, each with
 * its speaker (the person of the cues, transcript_both; no "speaker" when
 * none is known), startTime and endTime in
 * output seconds (millisecond precision) and body (the word as written,
 * with its punctuation). A word starts where espeak-ng started the spoken
 * words it became ("6.3" where "six point three" starts) and ends where the
 * next word starts, at most 1 s after the start of the last of those
 * spoken words; words never overlap and none ends
 * after the timeline's end. Returns 0, or -1 when a segment's cache file
 * cannot be read (reported).
 */
int transcript_words_json(const struct script *s, const struct timeline *tl, struct buf *out,
			  const char *host);

/* Writes transcript_words_json(s, tl, host) to path atomically. 0, or -1 (reported naming path). */
int transcript_write_words(const char *path, const struct script *s,
			   const struct timeline *tl, const char *host);

#endif
