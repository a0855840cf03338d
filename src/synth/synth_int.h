/*
 * synth_int.h: what the files of the synthesiser share, included by them
 * alone. synth.c schedules pieces of text on worker processes and
 * assembles each job's cache file; synth_wire.c reads and writes the
 * length-prefixed messages between them (defined here); synth_worker.c is
 * the worker and its piece children, the only code that calls espeak-ng;
 * synth_split.c cuts a piece that failed into smaller ones.
 */
#ifndef PODSYNTH_SYNTH_INT_H
#define PODSYNTH_SYNTH_INT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "synth.h"

#define ESPEAK_RATE 22050          /* espeak-ng 1.51's fixed output rate */
#define MAX_TEXT (16u << 20)
#define MAX_VOICE 256u
#define MAX_ANSWER (1u << 30)

/* ---- protocol (host byte order: both ends are this program) ---- */

#define REQ_MAGIC 0x51525350u      /* "PSRQ" */

struct req_hdr {
	uint32_t len;          /* bytes after this field */
	uint32_t magic;
	int32_t rate, pitch, range;  /* < 0: leave espeak-ng's default */
	int32_t volume;        /* espeak-ng amplitude; < 0: its default */
	uint32_t flags;        /* reserved, 0 */
	uint32_t engine;       /* enum voice_engine; for flite, rate is the duration
				  stretch in thousandths (< 0: the voice's own) */
	uint32_t timeout_ms;
	uint32_t voice_len;
	uint32_t text_len;
	/* then voice_len bytes of voice name, text_len bytes of text */
};

enum answer_status {
	ANS_READY = 1,         /* worker initialised; aux = sample rate */
	ANS_OK,                /* samples and events follow; aux = their sample rate */
	ANS_FAILED,            /* the piece child died; aux = signal, or 256 + exit code */
	ANS_VOICE,             /* espeak-ng has no such voice */
	ANS_SYNTH,             /* espeak_Synth returned an error; aux = its code */
};

struct answer_hdr {
	uint32_t len;          /* bytes after this field */
	uint32_t status;
	uint32_t aux;
	uint32_t nsamples;
	uint32_t nevents;
	/* then nevents struct wire_event, nsamples int16_t */
};
#define ANSWER_BODY (sizeof(struct answer_hdr) - sizeof(uint32_t))

struct wire_event {
	uint32_t type;         /* enum synth_event_type */
	uint32_t pos, len;     /* bytes in the piece's text */
	uint32_t sample;       /* in the piece's audio */
};

/* Writes all of p (blocking fds only); 0 or -1. */
int wire_write_all(int fd, const void *p, size_t n);
/* Reads exactly n bytes (blocking): 1 done, 0 end of file before any byte, -1 otherwise. */
int wire_read_all(int fd, void *p, size_t n);

/* The byte that wakes a dormant worker (synth_pool_new). */
#define WORKER_WAKE 0x57

/*
 * A worker process: initialises espeak-ng once, then answers requests read
 * from in on out, forking a piece child for each. A dormant worker first
 * waits for the byte WORKER_WAKE, and exits quietly at end of file instead.
 * Never returns; exits when the parent closes the request pipe.
 */
void synth_worker_main(int in, int out, pid_t parent, int dormant) __attribute__((noreturn));

/* A stretch of a run's text: bytes [off, off + len). */
struct span {
	uint32_t off, len;
};
/* Trims white space off [*off, *off + *len) of t. */
void synth_trim(const char *t, uint32_t *off, uint32_t *len);
/* The sentences of t[off, off+len) (text.h's rule, phoneme input kept whole); the caller frees *out. */
int synth_split_sentences(const char *t, uint32_t off, uint32_t len, struct span **out);
/* Two halves of t[off, off+len) at the middle word (CJK: character); 2, or 0 when it cannot be split. */
int synth_split_halves(const char *t, uint32_t off, uint32_t len, struct span **out);

/* ---- Flite (synth_flite.c), in workers and their piece children ---- */

/* A piece's audio and events as an engine made them. */
struct piece_out {
	int16_t *s;
	size_t n;
	struct wire_event *ev;
	size_t nev, evcap;
	int rate;
};

/* Loads a Flite voice (built-in name or .flitevox path) as the current one; 0 or -1. */
int flite_set_voice(const char *name);
/*
 * Synthesises text (len bytes, NUL-terminated, ours to change) with the
 * current voice and rq's prosody into *o (samples, events with byte
 * offsets, rate; the caller frees o->s and o->ev). 0, or -1 when Flite made
 * nothing.
 */
int flite_piece(const struct req_hdr *rq, char *text, size_t len, struct piece_out *o);
/* espeak-ng phonemes (the inside of [[...]]) as CMU phones; the caller frees; NULL when unknown. */
char *flite_map_phonemes(const char *s, size_t n);
/* A Flite voice's own pace in words per minute (the rate its stretch 1 gives). */
int flite_voice_wpm(const char *name);
/* What a Flite voice cannot do: SYNTH_CANNOT_* bits. */
unsigned flite_voice_cannot(const char *name);
/* Flite's version; static storage (no initialisation needed). */
const char *flite_engine_version(void);

#endif
