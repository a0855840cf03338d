/*
 * render_pipe.h: the threads that turn levelled PCM into the episode's
 * files, one lane per format, all fed from one PCM queue. Used by render.c.
 *
 *   producer (render.c) -> PCM queue -+-> lane: encoder -> file + byte queue
 *                                     |         -> checker (decoder + meter)
 *                                     +-> lane: ...
 *
 * Each lane's encoder thread writes its temporary file and a copy of every
 * byte to the lane's byte queue; its checker thread decodes those bytes as
 * a player would (render_check.c) and measures loudness and true peak,
 * placing the decoded peaks over a guard in the timeline item they fall in.
 * Nothing grows with the episode. The first failure anywhere stops every
 * thread; it is the one told.
 */
#ifndef PODSYNTH_RENDER_PIPE_H
#define PODSYNTH_RENDER_PIPE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "codec/codec.h"
#include "show/show.h"
#include "audio/audio.h"

#define QFRAMES 4096                  /* frames per block on the way to the encoders */
#define QSLOTS 128                    /* blocks the PCM queue holds (12 s at 44.1 kHz) */
#define BQ_SIZE ((size_t)1 << 18)     /* bytes a byte queue holds */

enum stage { STAGE_NONE, STAGE_PRODUCER, STAGE_ENCODER, STAGE_CHECKER };

/* Blocks of PCM, in order, from the producer to every lane's encoder; a
 * block is freed when every lane has taken it. */
struct pcm_queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	float *slots;           /* QSLOTS * QFRAMES frames */
	long n[QSLOTS];
	int ch;
	int head, count;        /* the oldest full slot, full slots */
	int nreaders;
	int pos[FMT_COUNT];     /* per reader: its next block, counted from head */
	int closed, stop;
};

/* Bytes of one file, in order, from its encoder to its checker. */
struct byte_queue {
	pthread_mutex_t mu;
	pthread_cond_t changed;
	unsigned char *buf;
	size_t head, len;
	int closed, stop;
};

struct stages;

/* One format's encoder and checker. */
struct lane {
	struct stages *s;
	int idx;                /* reader index in the PCM queue */
	enum audio_format fmt;
	int kbps;
	uint32_t serial;
	const char *out_path;   /* for messages */
	struct byte_queue bq;
	/* encoder thread */
	void *enc;              /* the format's encoder */
	FILE *f;
	int file_err;           /* errno of the first write failure */
	int enc_err;
	int mp3_delay;          /* MP3: frames the checker skips */
	pthread_t enc_th, chk_th;
	int enc_started, chk_started;
	/* checker thread */
	int dec_rate;           /* the rate the decoder gives (48000 for Opus) */
	struct loud_meter *dec;
	int64_t dec_frames;     /* at dec_rate */
	int item;               /* the item the next decoded frame belongs to */
	double *item_peak;      /* per item: the largest decoded true peak placed there */
	char dec_why[96];
};

struct stages {
	struct pcm_queue pq;
	pthread_mutex_t fail_mu;
	enum stage failed;      /* the stage that failed first */
	int failed_lane;        /* ... and its lane (encoder, checker) */
	const struct timeline *tl;
	int rate, channels;
	double watch_db;        /* decoded true peaks from here up are placed */
	struct lane lanes[FMT_COUNT];
	int nlanes;
};

/* Sets up s for tl with the lanes' formats (lanes[i].fmt, kbps, serial
 * and out_path filled in by the caller first, nlanes set). */
void stages_init(struct stages *s, const struct timeline *tl, double watch_db);
/* Frees what stages_init and the lanes made. */
void stages_destroy(struct stages *s);
/* Stage who (of lane, or -1) failed: every thread stops. */
void stages_fail(struct stages *s, enum stage who, int lane);

/* The producer's side of the PCM queue. */
float *pq_slot(struct pcm_queue *q);
void pq_commit(struct pcm_queue *q, long n);
void pq_close(struct pcm_queue *q);

/*
 * Opens tmp, makes the lane's encoder (comments com, the picture, the ID3
 * tag for MP3 from m) and starts its two threads. 0, or -1 with the
 * problem reported (naming the lane's out_path) and every stage stopped.
 */
int lane_start(struct lane *l, const char *tmp, const struct enc_comments *com,
	       const struct audio_meta *m, const unsigned char *pic, size_t pic_len,
	       const char *pic_mime);
/* Waits for the lane's threads. */
void lane_join(struct lane *l);
/* Reports why the stages failed, if they did (names out paths). 0 when
 * they did not, -1 when they did (and the producer's own failures were
 * already reported). */
int stages_report(struct stages *s);

/* The checkers (render_check.c): each decodes l->bq to the end. */
void *check_vorbis(void *lane);
void *check_opus(void *lane);
void *check_mp3(void *lane);
/* Takes up to max bytes into dst: how many, 0 at the end, -1 when stopped. */
long bq_get(struct byte_queue *q, unsigned char *dst, size_t max);
/* Meters n decoded frames (at l->dec_rate) and places their peaks. 0, or
 * -1 with l->dec_why set. */
int check_frames(struct lane *l, const float *f, long n);
/* The number of frames the lane's decoder must give for the timeline. */
int64_t lane_expected_frames(const struct lane *l);

#endif
