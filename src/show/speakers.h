/*
 * speakers.h: the people who speak an episode, declared in the front matter
 * or the show settings (`speakers: {Ana: host, Ben: cohost}`), and the
 * speaker label that starts a paragraph ("Ana: ..."). One rule for every
 * stage that needs it: the episode parser strips the label, the script
 * gives the paragraph the speaker's voice, the transcript and the feed name
 * the speaker.
 *
 * In: a YAML mapping (name: voice profile, or name: {voice:, role:}).
 * Out: struct speakers, plain data.
 */
#ifndef PODSYNTH_SPEAKERS_H
#define PODSYNTH_SPEAKERS_H

#include <stddef.h>

struct ydoc;
struct yaml_node_s;

struct speaker {
	char *name;     /* as written in labels and shown in transcripts */
	char *voice;    /* the voice profile (voices/NAME.voice) */
	char *role;     /* podcast:person role: "host" for the first, else "co-host" */
	char *bio;      /* a short bio for the episode page's credits, or NULL */
	char *link;     /* their page (podcast:person href), an http(s) address, or NULL */
	char *img;      /* their picture (podcast:person img): an http(s) address or a
			   file in the site relative to rss/, or NULL */
	char *file;     /* where it was declared, for messages */
	int line;
};

struct speakers {
	struct speaker *v;
	int n;
};

/*
 * Reads a speakers: mapping from y (node v) and appends to s. Problems are
 * reported as y->file:line errors; returns -1 then. Free with speakers_clear.
 */
int speakers_read(struct ydoc *y, struct yaml_node_s *v, struct speakers *s);
/*
 * Reads a people: mapping (the show's credits: each name with bio:, link:
 * and img:, no voice) from y (node v) into s, as speakers_read does.
 */
int people_read(struct ydoc *y, struct yaml_node_s *v, struct speakers *s);
/* Frees what s holds and empties it. */
void speakers_clear(struct speakers *s);
/* Copies src into the empty dst (deep copy; free dst with speakers_clear). */
void speakers_copy(struct speakers *dst, const struct speakers *src);
/* The speaker called name, or -1. */
int speakers_find(const struct speakers *s, const char *name, size_t n);
/*
 * Whether text starts with a speaker label: a declared name followed by a
 * colon ("Ana:" and, once Markdown emphasis is dropped, "**Ana:**" and
 * "**Ana**:"). Returns the speaker's index and sets *skip to the bytes of
 * the label and the spaces after it; -1 when there is no label.
 */
int speakers_label(const struct speakers *s, const char *text, size_t *skip);

#endif
