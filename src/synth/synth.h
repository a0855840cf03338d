/*
 * synth.h: speech synthesis with libespeak-ng and Flite (each voice
 * profile names its engine), in worker processes.
 *
 * espeak-ng 1.51 keeps global state and aborts on some inputs, so each
 * worker is a process of its own (Flite runs the same way); the workers are also the parallelism. A
 * worker that crashes or exceeds its time limit is replaced and the text it
 * was given is retried in smaller pieces (sentences, then halves, down to
 * single words), so that every piece that can be spoken is spoken. A word
 * that cannot be spoken is left out with a warning naming file:line.
 *
 * In: segments (runs of text with their voices). Out: one segment cache file
 * per segment (segcache.h), with word and sentence events.
 */
#ifndef PODSYNTH_SYNTH_H
#define PODSYNTH_SYNTH_H

#include "segcache.h"

#include "script/script.h"

struct synth_job {
	const struct segment *seg;
	const char *file;        /* the episode file, for messages */
	const char *cache_path;  /* where the result goes */
	int dropped_words;       /* out: words left out */
	int failed;              /* out: nonzero when nothing could be written */
};

struct synth_pool;

struct synth_opts {
	int jobs;                /* worker processes, >= 1 */
	/* Workers forked earlier (synth_pool_new), used in place of new
	 * ones as far as they go, and then the run's own; may be NULL. */
	struct synth_pool *pool;
	double timeout;          /* processor seconds per piece before it is split; 0: default */
	/* Called in the parent after each finished job; may be NULL. */
	void (*progress)(void *ud, int done, int total);
	void *ud;
	/* Called in the parent once job i's cache file is written and synced
	 * (before progress); may be NULL. A build renders ahead with it. */
	void (*written)(void *ud, int i);
};

/*
 * Synthesises every job, writing each segment's cache file. Returns 0 when
 * every job wrote its file (even if some words were dropped), -1 otherwise.
 *
 * Test hooks (environment): a piece child whose text contains WORD
 * abort()s with PODSYNTH_TEST_CRASH=WORD, spins (uses processor time
 * until its limit) with PODSYNTH_TEST_HANG=WORD, blocks for good with
 * PODSYNTH_TEST_BLOCK=WORD (the wall-clock backstop, PODSYNTH_STALL_TIMEOUT
 * seconds when set, fails the job), and sleeps twice its time limit
 * without using the processor, then goes on, with PODSYNTH_TEST_SLEEP=WORD.
 * PODSYNTH_TEST_KILL=WORD makes the child SIGKILL itself before it speaks,
 * PODSYNTH_TEST_KILL_ANSWER=WORD part-way through its answer (after the
 * header), PODSYNTH_TEST_TERM=WORD SIGTERM itself before it speaks: each
 * fails the job, uncached, at once.
 */
int synth_run(struct synth_job *jobs, int njobs, const struct synth_opts *o);
/*
 * Forks up to jobs workers now, dormant: they start their engines only when
 * a synth_run takes them (synth_opts.pool), and the first run that does
 * takes them all. A worker is a fork of this process, and every page this
 * process holds at the fork counts again in its resident size and in each
 * of its piece children's, though they never use it: so a command forks
 * its workers early, while it is small (before the normaliser's word lists
 * and the episode's script are in memory). Cheap when unused: a fork and
 * an exit each. Free with synth_pool_free (it ends the workers no run took).
 */
struct synth_pool *synth_pool_new(int jobs);
/* Ends the workers no run took (the pool stays, empty: a later run forks
 * its own). A build calls it once its episode's synthesis is done, so that
 * no idle worker outlives it into the render. NULL is ignored. */
void synth_pool_drain(struct synth_pool *pool);
void synth_pool_free(struct synth_pool **pool);

/*
 * Starts espeak-ng once, in a short-lived child process (espeak-ng never
 * runs in this one): learns the engine's facts for the cache keys (*eng:
 * its version and the sample rate of its audio) and checks that every
 * profile's voice and variant exist, reporting each that does not at its
 * file:line. Returns -1 when any is missing or espeak-ng cannot start.
 * With facts_dir (the cache directory; NULL: none), an answer with every
 * voice found is kept there (engine-facts) and used again, without the
 * child, while nothing it depends on has changed (synth_worker.c).
 */
int synth_engine_open(const struct voiceset *vs, const char *facts_dir, struct engine_facts *eng);

/* What an engine cannot do of what a run asks for. */
enum synth_cannot {
	SYNTH_CANNOT_PITCH = 1,    /* pitch: [pitch], emphasis, the profile's pitch */
	SYNTH_CANNOT_RANGE = 2,    /* pitch range: emphasis, the profile's range */
	SYNTH_CANNOT_WHISPER = 4,  /* [whisper] */
};
/* The SYNTH_CANNOT_* bits of what run r asks for and its voice's engine cannot do; 0: none. */
unsigned synth_run_cannot(const struct run *r);

#endif
