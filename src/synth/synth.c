/*
 * synth.c: speech synthesis with libespeak-ng and Flite in worker processes.
 *
 * In: synth jobs, one per segment (its runs of text and their voices).
 * Out: one segment cache file per job (segcache.c): mono 16-bit audio at
 * the engine's rate (the higher one when a segment's runs use both) plus
 * word, sentence and run events.
 *
 * espeak-ng 1.51 keeps global state, aborts on some ordinary inputs, and
 * what it says depends slightly on what it said before (pause lengths carry
 * over from one text to the next). So:
 *
 *   parent --request--> worker (one per job slot, espeak-ng initialised once)
 *                         | fork per espeak-ng voice
 *                         v
 *                       voice holder: loads its voice once
 *                         | fork per piece
 *                         v
 *                       piece child: sets rate/pitch/range, synthesises,
 *   parent <--answer----- writes samples + events straight to the parent
 *
 * (A Flite piece child is forked by the worker itself, which keeps the
 * Flite voice loaded.) Every piece starts from the same pristine state (the
 * worker never synthesises itself, nor loads an espeak-ng voice, and a
 * holder only loads its own: synth_worker.c says why), so the audio does not
 * depend on which worker got a piece or in what order: builds are
 * reproducible whatever -j is (and the
 * parent resamples without dither, piece_samples). A piece
 * that crashes (SIGABRT, SIGSEGV, SIGFPE, SIGBUS, SIGILL, ...: espeak-ng's
 * aborts on certain text) or runs over its time limit costs only that
 * child; the worker tells the parent, which splits the piece and queues
 * the parts again: a run into sentences, then halves by words, down to
 * single words (single characters for CJK text). A word that still fails
 * is dropped with a warning naming file:line. The time limit is processor
 * time (ITIMER_PROF in the child), so a segment's audio does not depend on
 * how loaded the machine is. A piece that outlives a generous wall-clock
 * backstop without using its processor time (it blocked) is not split: its
 * segment fails, uncached, and the worker is killed and replaced, as is a
 * worker that dies or stops answering. A child killed from outside (SIGKILL,
 * SIGTERM), a worker that dies under a piece, or an answer torn part-way
 * says nothing about the text: that segment fails the same way, uncached
 * (piece_killed), so a segment's cached bytes depend on its key alone.
 *
 * The parent drives all workers with poll(); pipes are non-blocking on its
 * side and every message is length-prefixed. Only the jobs with pieces in
 * flight hold audio, so memory stays bounded by the number of workers. A
 * finished job is assembled and written (with its fsync) only after the
 * idle workers have been given new pieces, so they never wait on the disk.
 *
 * Voices are looked up as the espeak-ng command line does: by name, else by
 * language ("en-gb"), then the variant; an unknown voice or variant fails
 * the job instead of being silently replaced.
 *
 * The files: synth.c (this one) is the parent's scheduler: jobs, pieces,
 * workers driven with poll(), retries, assembling and writing each job;
 * synth_worker.c the worker and piece children (espeak-ng, and Flite
 * through synth_flite.c); synth_wire.c
 * the messages between them; synth_split.c the splitting of failed pieces;
 * synth_int.h what they share.
 */
#include "synth.h"
#include "synth_int.h"
#include "segcache.h"
#include "core/core.h"
#include "show/show.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <soxr.h>

#define MAX_WORKERS 64
#define START_TIMEOUT 30.0         /* seconds for a worker to initialise */
#define ANSWER_GRACE 2.0           /* parent's margin over the child's timer */
/* The wall-clock backstop for a piece: this many times its processor
   time limit, plus STALL_PLUS seconds (PODSYNTH_STALL_TIMEOUT sets it). */
#define STALL_TIMES 4.0
#define STALL_PLUS 60.0
#define MAX_START_FAILURES 3       /* in a row, before giving up */

/* ================= parent side ================= */

enum piece_state { P_PENDING, P_BUSY, P_DONE, P_DROPPED, P_SKIPPED };

struct jstate;

/* A stretch of one run's text, synthesised in one go. */
struct piece {
	struct jstate *js;
	int run;
	uint32_t off, len;      /* bytes in the run's text */
	int level;              /* 0: a whole run; 1: a sentence; 2: less */
	enum piece_state state;
	unsigned char *answer;  /* the worker's answer body (P_DONE) */
	uint32_t nsamples, nevents;
	int rate;               /* of its samples: the engine's */
};

/* A job's progress. */
struct jstate {
	struct synth_job *job;
	struct piece **pieces;  /* in text order: run, then offset */
	int np, cap;
	int pending, busy;
	int failed;
	int queued;             /* complete, waiting to be written */
	int finished;
};

/* W_DORMANT: forked by synth_pool_new, waiting for its wake byte. */
enum worker_state { W_DEAD, W_DORMANT, W_STARTING, W_IDLE, W_BUSY };

struct worker {
	pid_t pid;
	int to, from;           /* our pipe ends, non-blocking */
	enum worker_state state;
	struct piece *piece;    /* W_BUSY */
	double deadline;
	double stall;           /* W_BUSY: the piece's wall-clock backstop, seconds */
	char *out;              /* request being written */
	size_t outlen, outoff;
	unsigned char lenbuf[4];
	size_t lenhave;
	unsigned char *in;      /* answer being read */
	size_t inlen, inhave;
};

/* Dormant workers, forked early (synth_pool_new). */
struct synth_pool {
	struct worker *w;
	int n;
};

struct synth {
	const struct synth_opts *o;
	struct synth_job *jobs;
	int njobs;
	struct jstate *js;
	int next_job;           /* the next job to start */
	int *active;            /* started, unfinished jobs, in order */
	int nactive;
	int *ready;             /* complete jobs to write, in order of completion */
	int nready;
	int done;
	struct worker *w;
	int nw;
	int start_failures;     /* worker starts failed in a row */
	int broken;             /* workers cannot be started: give up */
	double env_timeout;
	double env_stall;       /* PODSYNTH_STALL_TIMEOUT, or 0 */
	int rate;
};

/* ---- pieces and jobs ---- */

static struct piece *piece_new(struct jstate *js, int run, uint32_t off, uint32_t len, int level)
{
	struct piece *p = xcalloc(1, sizeof *p);
	p->js = js;
	p->run = run;
	p->off = off;
	p->len = len;
	p->level = level;
	p->state = P_PENDING;
	return p;
}

static void piece_free(struct piece **pp)
{
	if (*pp == NULL)
		return;
	free((*pp)->answer);
	free(*pp);
	*pp = NULL;
}

static const char *run_text(const struct piece *p)
{
	return p->js->job->seg->runs[p->run].text;
}

static double piece_timeout(const struct synth *s, const struct piece *p)
{
	if (s->o->timeout > 0)
		return s->o->timeout;
	if (s->env_timeout > 0)
		return s->env_timeout;
	return 10.0 + p->len / 1000.0;  /* espeak-ng does ~1 KB in 20 ms */
}

/*
 * How long (wall clock) a piece may take before the parent gives up on it,
 * given its processor time limit. The limit itself is processor time, so
 * that a loaded machine does not split pieces (and change their audio);
 * this only catches a child that blocks without using the processor.
 */
static double piece_stall(const struct synth *s, double timeout)
{
	if (s->env_stall > 0)
		return s->env_stall;
	return STALL_TIMES * timeout + STALL_PLUS;
}

/* Starts job i: one piece per run with something to say. */
static void job_start(struct synth *s, int i)
{
	struct jstate *js = &s->js[i];
	const struct segment *seg = js->job->seg;
	js->job->dropped_words = 0;
	js->job->failed = 0;
	for (int r = 0; r < seg->nruns; r++) {
		const char *t = seg->runs[r].text ? seg->runs[r].text : "";
		uint32_t off = 0, len = (uint32_t)strlen(t);
		synth_trim(t, &off, &len);
		if (len == 0)
			continue;
		if (js->np == js->cap) {
			js->cap = js->cap ? js->cap * 2 : 4;
			js->pieces = xreallocarray(js->pieces, (size_t)js->cap, sizeof *js->pieces);
		}
		js->pieces[js->np++] = piece_new(js, r, off, len, 0);
		js->pending++;
	}
	s->active = xreallocarray(s->active, (size_t)s->nactive + 1, sizeof *s->active);
	s->active[s->nactive++] = i;
}

/* Replaces piece k of js by n new pieces. */
static void job_replace(struct jstate *js, int k, struct piece **np, int n)
{
	if (js->np - 1 + n > js->cap) {
		while (js->np - 1 + n > js->cap)
			js->cap = js->cap ? js->cap * 2 : 4;
		js->pieces = xreallocarray(js->pieces, (size_t)js->cap, sizeof *js->pieces);
	}
	memmove(js->pieces + k + n, js->pieces + k + 1,
		(size_t)(js->np - k - 1) * sizeof *js->pieces);
	memcpy(js->pieces + k, np, (size_t)n * sizeof *np);
	js->np += n - 1;
}

static int16_t clip16(double v)
{
	if (v > 32767.0)
		return 32767;
	if (v < -32768.0)
		return -32768;
	return (int16_t)lrint(v);
}

/* A sample count or position at rate from, at rate to. */
static uint64_t at_rate(uint64_t n, int from, int to)
{
	return from == to ? n : (n * (uint64_t)to + (uint64_t)from / 2) / (uint64_t)from;
}

/*
 * p's samples at rate: its own, or resampled with libsoxr when its engine
 * speaks at another rate (Flite's 16 kHz beside espeak-ng's 22.05 kHz in
 * one segment); exactly at_rate(p->nsamples) of them. The caller frees.
 */
static int16_t *piece_samples(const struct piece *p, int rate)
{
	const unsigned char *sm = p->answer + ANSWER_BODY + (size_t)p->nevents * sizeof(struct wire_event);
	size_t n = (size_t)at_rate(p->nsamples, p->rate, rate);
	int16_t *out = xcalloc(n ? n : 1, sizeof *out);
	if (p->rate == rate) {
		memcpy(out, sm, n * sizeof *out);
		return out;
	}
	/* No dither: libsoxr seeds it from time(0) and an address, so the
	   same piece would come out different in every build (and the
	   cache's bytes would depend on when and where it was made). */
	soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
	io.flags |= SOXR_NO_DITHER;
	soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
	size_t done = 0;
	soxr_error_t e = soxr_oneshot(p->rate, rate, 1, sm, p->nsamples, NULL, out, n, &done,
				      &io, &q, NULL);
	if (e != NULL)
		memset(out, 0, n * sizeof *out);  /* cannot happen with these specs */
	return out;
}

/*
 * Puts a finished job's audio together (per run: its pause, then its
 * pieces, at the voice's gain) and writes the cache file at the highest
 * rate of its pieces (every engine's audio is kept at its own rate; a
 * segment that mixes engines is resampled to the higher one). 0 or -1.
 */
static int job_write(struct synth *s, struct jstate *js)
{
	const struct segment *seg = js->job->seg;
	int rate = 0;
	for (int k = 0; k < js->np; k++)
		if (js->pieces[k]->state == P_DONE && js->pieces[k]->rate > rate)
			rate = js->pieces[k]->rate;
	if (rate == 0)
		rate = s->rate > 0 ? s->rate : ESPEAK_RATE;
	uint64_t total = 0, nev = (uint64_t)seg->nruns;
	for (int r = 0; r < seg->nruns; r++)
		if (seg->runs[r].pause_ms > 0)
			total += (uint64_t)seg->runs[r].pause_ms * (uint64_t)rate / 1000;
	for (int k = 0; k < js->np; k++) {
		if (js->pieces[k]->state == P_DONE)
			total += at_rate(js->pieces[k]->nsamples, js->pieces[k]->rate, rate);
		nev += js->pieces[k]->nevents;
	}
	if (total > UINT32_MAX / 2) {
		msg(MSG_SYNTH_TOO_LONG, js->job->file, seg->line, 0, NULL);
		return -1;
	}
	struct seg_audio a = {
		.rate = rate,
		.nsamples = (uint32_t)total,
		.samples = xcalloc(total ? total : 1, sizeof(int16_t)),
		.nevents = 0,
		.events = xcalloc(nev ? nev : 1, sizeof(struct synth_event)),
	};
	uint32_t at = 0;
	int k = 0;
	for (int r = 0; r < seg->nruns; r++) {
		const struct run *run = &seg->runs[r];
		if (run->pause_ms > 0)
			at += (uint32_t)((uint64_t)run->pause_ms * (uint64_t)rate / 1000);
		a.events[a.nevents++] = (struct synth_event){
			.sample = at, .run = (uint32_t)r, .type = SYNTH_EV_RUN,
		};
		double gain_db = run->voice ? run->voice->gain_db : 0.0;
		double g = pow(10.0, gain_db / 20.0);
		for (; k < js->np && js->pieces[k]->run == r; k++) {
			struct piece *p = js->pieces[k];
			if (p->state != P_DONE)
				continue;
			const unsigned char *ev = p->answer + ANSWER_BODY;
			uint32_t n = (uint32_t)at_rate(p->nsamples, p->rate, rate);
			for (uint32_t e = 0; e < p->nevents; e++) {
				struct wire_event we;
				memcpy(&we, ev + (size_t)e * sizeof we, sizeof we);
				uint32_t at_e = (uint32_t)at_rate(we.sample, p->rate, rate);
				a.events[a.nevents++] = (struct synth_event){
					.sample = at + (at_e < n ? at_e : n), .run = (uint32_t)r,
					.pos = p->off + we.pos, .len = we.len, .type = we.type,
				};
			}
			int16_t *src = piece_samples(p, rate);
			int16_t *dst = a.samples + at;
			memcpy(dst, src, (size_t)n * sizeof *dst);
			free(src);
			if (gain_db != 0.0)
				for (uint32_t i = 0; i < n; i++)
					dst[i] = clip16(dst[i] * g);
			at += n;
			free(p->answer);  /* done with it: keep memory low */
			p->answer = NULL;
		}
	}

	int ret = 0;
	char *dir = path_dirname(js->job->cache_path);
	if (mkdir_p(dir) != 0) {
		msg(MSG_BUILD_MKDIR, dir, 0, 0, "%s", strerror(errno));
		ret = -1;
	} else if (segcache_write(js->job->cache_path, &a) != SEGCACHE_OK) {
		msg(MSG_FILE_WRITE, js->job->cache_path, 0, 0, "the segment cache" MSG_SEP "%s",
		    strerror(errno));
		ret = -1;
	}
	free(dir);
	seg_audio_clear(&a);
	return ret;
}

/* Reports the words a job lost, in text order. */
static void job_report_dropped(struct jstate *js)
{
	struct buf b = {0};
	for (int k = 0; k < js->np; k++) {
		struct piece *p = js->pieces[k];
		if (p->state != P_DROPPED)
			continue;
		if (b.len)
			buf_putc(&b, ' ');
		char *w = text_form(run_text(p) + p->off, p->len, TEXT_WRITTEN);
		buf_puts(&b, w);
		free(w);
	}
	if (b.len > 100) {  /* keep the message short, cut on a character */
		size_t n = 100;
		while (n > 0 && ((unsigned char)b.data[n] & 0xc0) == 0x80)
			n--;
		b.len = n;
		buf_puts(&b, "...");
	}
	msg(MSG_SYNTH_DROPPED, js->job->file, js->job->seg->line, 0, "\"%s\"", b.data ? b.data : "");
	buf_free(&b);
}

/*
 * Queues a job for writing once nothing of it is pending or in flight.
 * Writing waits until the idle workers have new pieces (flush_ready), so
 * that they synthesise while the parent assembles and syncs files.
 */
static void job_maybe_finish(struct synth *s, struct jstate *js)
{
	if (js->queued || js->finished || js->busy > 0 || (js->pending > 0 && !js->failed))
		return;
	js->queued = 1;
	s->ready = xreallocarray(s->ready, (size_t)s->nready + 1, sizeof *s->ready);
	s->ready[s->nready++] = (int)(js - s->js);
}

/* Writes a complete job's file, reports, frees its pieces. */
static void job_finish(struct synth *s, struct jstate *js)
{
	if (!js->failed && job_write(s, js) != 0)
		js->failed = 1;
	if (!js->failed && js->job->dropped_words > 0)
		job_report_dropped(js);
	js->job->failed = js->failed;
	for (int k = 0; k < js->np; k++)
		piece_free(&js->pieces[k]);
	free(js->pieces);
	js->pieces = NULL;
	js->np = js->cap = js->pending = 0;
	js->finished = 1;
	int idx = (int)(js - s->js);
	for (int i = 0; i < s->nactive; i++) {
		if (s->active[i] == idx) {
			memmove(s->active + i, s->active + i + 1,
				(size_t)(s->nactive - i - 1) * sizeof *s->active);
			s->nactive--;
			break;
		}
	}
	s->done++;
	if (!js->failed && s->o->written)
		s->o->written(s->o->ud, idx);
	if (s->o->progress)
		s->o->progress(s->o->ud, s->done, s->njobs);
}

/* Finishes every queued job. */
static void flush_ready(struct synth *s)
{
	for (int i = 0; i < s->nready; i++)
		job_finish(s, &s->js[s->ready[i]]);
	s->nready = 0;
}

/* The next piece to synthesise, starting jobs as needed; NULL when none. */
static struct piece *next_piece(struct synth *s)
{
	for (;;) {
		for (int i = 0; i < s->nactive; i++) {
			struct jstate *js = &s->js[s->active[i]];
			if (js->pending == 0 || js->failed)
				continue;
			for (int k = 0; k < js->np; k++)
				if (js->pieces[k]->state == P_PENDING)
					return js->pieces[k];
		}
		if (s->next_job >= s->njobs)
			return NULL;
		int i = s->next_job++;
		job_start(s, i);
		job_maybe_finish(s, &s->js[i]);  /* nothing to say at all */
	}
}

static int piece_index(const struct jstate *js, const struct piece *p)
{
	for (int k = 0; k < js->np; k++)
		if (js->pieces[k] == p)
			return k;
	return -1;
}

/* A piece came back synthesised: answer is its body, now owned by p. */
static void piece_done(struct synth *s, struct piece *p, unsigned char *answer,
		       uint32_t nsamples, uint32_t nevents, int rate)
{
	struct jstate *js = p->js;
	p->rate = rate > 0 ? rate : s->rate > 0 ? s->rate : ESPEAK_RATE;
	p->answer = answer;
	p->nsamples = nsamples;
	p->nevents = nevents;
	p->state = P_DONE;
	js->busy--;
	job_maybe_finish(s, js);
}

/* A piece could not be synthesised: split it, or drop it when it is one word. */
static void piece_failed(struct synth *s, struct piece *p)
{
	struct jstate *js = p->js;
	js->busy--;
	if (js->failed) {
		p->state = P_SKIPPED;
		job_maybe_finish(s, js);
		return;
	}
	const char *t = run_text(p);
	struct span *sp = NULL;
	int n = 0, level = 2;
	if (p->level == 0) {
		n = synth_split_sentences(t, p->off, p->len, &sp);
		level = 1;
		if (n < 2) {
			free(sp);
			sp = NULL;
			n = 0;
		}
	}
	if (n == 0) {
		n = synth_split_halves(t, p->off, p->len, &sp);
		level = 2;
	}
	if (n == 0) {
		p->state = P_DROPPED;
		js->job->dropped_words++;
	} else {
		struct piece **np = xmalloc((size_t)n * sizeof *np);
		for (int i = 0; i < n; i++)
			np[i] = piece_new(js, p->run, sp[i].off, sp[i].len, level);
		job_replace(js, piece_index(js, p), np, n);
		js->pending += n;
		free(np);
		piece_free(&p);
	}
	free(sp);
	job_maybe_finish(s, js);
}

/* A job's voice is unknown to espeak-ng: the job fails. */
static void job_voice_error(struct synth *s, struct piece *p)
{
	struct jstate *js = p->js;
	const struct voice *v = js->job->seg->runs[p->run].voice;
	js->busy--;
	p->state = P_SKIPPED;
	if (!js->failed && v && v->engine == VOICE_FLITE)
		msg(MSG_VOICE_NO_FLITE_VOICE, js->job->file, js->job->seg->line, 0, "\"%s\"", v->fvoice);
	else if (!js->failed)
		msg(MSG_VOICE_NO_ESPEAK_VOICE, js->job->file, js->job->seg->line, 0,
		    "\"%s%s%s\"", v && v->espeak ? v->espeak : "",
		     v && v->variant ? "+" : "", v && v->variant ? v->variant : "");
	js->failed = 1;
	job_maybe_finish(s, js);
}

/* The piece's job fails, uncached, with one message (id, its detail). */
static void piece_fails_job(struct synth *s, struct piece *p, enum msg id, const char *detail)
{
	struct jstate *js = p->js;
	js->busy--;
	p->state = P_SKIPPED;
	if (!js->failed)
		msg(id, js->job->file, js->job->seg->line, 0, "%s", detail);
	js->failed = 1;
	job_maybe_finish(s, js);
}

/*
 * A piece outlived its wall-clock backstop without using up its processor
 * time: its child blocked, or the machine is starved. Splitting it would
 * make the segment's audio depend on the machine's load, so the job fails
 * instead (nothing is cached; the next build synthesises it again).
 */
static void piece_stalled(struct synth *s, struct piece *p, double stall)
{
	char secs[32];
	snprintf(secs, sizeof secs, "%.0f", stall);
	piece_fails_job(s, p, MSG_SYNTH_STALLED, secs);
}

/*
 * A piece's child was killed from outside (SIGKILL: the OOM killer or an
 * operator; SIGTERM), or its worker died, or the answer was torn. That says
 * nothing about the text, and splitting would make the segment's audio
 * depend on the machine: the job fails, uncached, like a stall, and the next
 * build speaks the piece whole. (Not retried in this run: whatever killed
 * it, memory short or an operator, is likely still there.)
 */
static void piece_killed(struct synth *s, struct piece *p, const char *how)
{
	piece_fails_job(s, p, MSG_SYNTH_KILLED, how);
}

/* ---- workers, parent side ---- */

/* Closes every descriptor but stdio, a and b (in a child, before work). */
static void close_other_fds(int a, int b)
{
	int lo = a < b ? a : b, hi = a < b ? b : a;
	if (lo > 3 && close_range(3, (unsigned)lo - 1, 0) != 0)
		goto slow;
	if (hi > lo + 1 && close_range((unsigned)lo + 1, (unsigned)hi - 1, 0) != 0)
		goto slow;
	if (close_range((unsigned)hi + 1, ~0u, 0) != 0)
		goto slow;
	return;
slow:;
	struct rlimit rl;
	long max = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
		   ? (long)rl.rlim_cur : 65536;
	if (max > 65536)
		max = 65536;
	for (long fd = 3; fd < max; fd++)
		if (fd != a && fd != b)
			close((int)fd);
}

/*
 * Forks a worker: W_STARTING (its engine starting) or, dormant, W_DORMANT
 * (waiting for worker_wake). 0, or -1 with w W_DEAD.
 */
static int worker_fork(struct worker *w, int dormant)
{
	int to[2] = {-1, -1}, from[2] = {-1, -1};
	memset(w, 0, sizeof *w);
	w->to = w->from = -1;
	w->state = W_DEAD;
	if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0)
		goto fail;
	fcntl(from[0], F_SETPIPE_SZ, 1 << 20);  /* fewer wake-ups; best effort */
	pid_t parent = getpid();
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		close(to[1]);
		close(from[0]);
		close_other_fds(to[0], from[1]);
		synth_worker_main(to[0], from[1], parent, dormant);
		_exit(0);
	}
	close(to[0]);
	close(from[1]);
	fcntl(to[1], F_SETFL, fcntl(to[1], F_GETFL) | O_NONBLOCK);
	fcntl(from[0], F_SETFL, fcntl(from[0], F_GETFL) | O_NONBLOCK);
	w->pid = pid;
	w->to = to[1];
	w->from = from[0];
	w->state = dormant ? W_DORMANT : W_STARTING;
	w->deadline = now_seconds() + START_TIMEOUT;
	return 0;
fail:
	for (int i = 0; i < 2; i++) {
		if (to[i] >= 0)
			close(to[i]);
		if (from[i] >= 0)
			close(from[i]);
	}
	return -1;
}

static void worker_start(struct synth *s, struct worker *w)
{
	if (worker_fork(w, 0) != 0)
		s->start_failures++;
}

/* Kills (if need be) and reaps a worker, freeing its buffers. */
static void worker_stop(struct worker *w, int force)
{
	if (w->state == W_DEAD)
		return;
	if (w->to >= 0)
		close(w->to);
	if (force)
		kill(w->pid, SIGKILL);
	int st;
	while (waitpid(w->pid, &st, 0) < 0 && errno == EINTR)
		;
	if (w->from >= 0)
		close(w->from);
	free(w->out);
	free(w->in);
	memset(w, 0, sizeof *w);
	w->to = w->from = -1;
	w->state = W_DEAD;
}

/* A worker died, broke the protocol or overran: replace it. */
static void worker_lost(struct synth *s, struct worker *w)
{
	enum worker_state was = w->state;
	struct piece *p = w->piece;
	w->piece = NULL;
	worker_stop(w, 1);
	if (was == W_STARTING)
		s->start_failures++;
	if (was == W_BUSY && p)
		piece_killed(s, p, "its worker died or its answer was cut short");
	if (s->start_failures >= MAX_START_FAILURES) {
		s->broken = 1;
		return;
	}
	worker_start(s, w);
}

/* Starts a dormant worker's engine: W_STARTING, or replaced when it is gone. */
static void worker_wake(struct synth *s, struct worker *w)
{
	unsigned char b = WORKER_WAKE;
	ssize_t r;
	while ((r = write(w->to, &b, 1)) < 0 && errno == EINTR)
		;
	if (r != 1) {
		worker_stop(w, 1);
		worker_start(s, w);
		return;
	}
	w->state = W_STARTING;
	w->deadline = now_seconds() + START_TIMEOUT;
}

/* Writes what it can of w's request; -1 when the worker is gone. */
static int worker_flush(struct worker *w)
{
	while (w->outoff < w->outlen) {
		ssize_t r = write(w->to, w->out + w->outoff, w->outlen - w->outoff);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				return 0;
			return -1;
		}
		w->outoff += (size_t)r;
	}
	free(w->out);
	w->out = NULL;
	w->outlen = w->outoff = 0;
	return 0;
}

/*
 * A flite run's duration stretch in thousandths: the voice's own pace over
 * the rate asked for (or the percent of its own pace), -1 for its own.
 */
static int32_t flite_stretch(const struct run_params *rp)
{
	double st = rp->rate > 0 ? (double)flite_voice_wpm(rp->voice) / rp->rate :
		    rp->pace > 0 ? 100.0 / rp->pace : 1.0;
	int32_t m = (int32_t)lrint(st * 1000.0);
	return m == 1000 ? -1 : m;
}

unsigned synth_run_cannot(const struct run *r)
{
	if (r->voice->engine != VOICE_FLITE)
		return 0;
	struct run_params rp;
	run_params(r, &rp);
	unsigned asked = (rp.pitch != 50 ? SYNTH_CANNOT_PITCH : 0) |
			 (rp.range != 50 ? SYNTH_CANNOT_RANGE : 0) |
			 (r->pro.whisper ? SYNTH_CANNOT_WHISPER : 0);
	return asked & flite_voice_cannot(rp.voice);
}

static void worker_send(struct synth *s, struct worker *w, struct piece *p)
{
	const struct run *run = &p->js->job->seg->runs[p->run];
	struct run_params rp;
	run_params(run, &rp);
	char *name = xstrdup(rp.voice);
	uint32_t nlen = (uint32_t)strlen(name);
	if (nlen > MAX_VOICE)
		nlen = MAX_VOICE;
	const char *t = run_text(p);
	double timeout = piece_timeout(s, p);
	if (timeout < 0.01)
		timeout = 0.01;  /* (0 would disarm the child's timer) */
	if (timeout > 86400)
		timeout = 86400;
	struct req_hdr rq = {
		.magic = REQ_MAGIC,
		.rate = rp.rate,
		.pitch = rp.pitch,
		.range = rp.range,
		.volume = rp.volume,
		.flags = 0,
		.engine = (uint32_t)run->voice->engine,
		.timeout_ms = (uint32_t)(timeout * 1000.0),
		.voice_len = nlen,
		.text_len = p->len,
	};
	if (run->voice->engine == VOICE_FLITE)
		rq.rate = flite_stretch(&rp);
	else if (rq.rate == 0)
		rq.rate = -1;
	rq.len = (uint32_t)(sizeof rq - sizeof rq.len) + nlen + p->len;
	w->outlen = sizeof rq + nlen + p->len;
	w->outoff = 0;
	w->out = xmalloc(w->outlen);
	memcpy(w->out, &rq, sizeof rq);
	memcpy(w->out + sizeof rq, name, nlen);
	memcpy(w->out + sizeof rq + nlen, t + p->off, p->len);
	free(name);

	p->state = P_BUSY;
	p->js->pending--;
	p->js->busy++;
	w->piece = p;
	w->state = W_BUSY;
	w->stall = piece_stall(s, timeout);
	w->deadline = now_seconds() + w->stall + ANSWER_GRACE;
	if (worker_flush(w) != 0) {
		/* It was gone before it saw the piece: not the piece's fault. */
		p->state = P_PENDING;
		p->js->pending++;
		p->js->busy--;
		w->piece = NULL;
		w->state = W_IDLE;
		worker_lost(s, w);
	}
}

/* Handles one complete answer (body of len bytes, ours to keep or free). */
static void worker_answer(struct synth *s, struct worker *w, unsigned char *body, size_t len)
{
	uint32_t f[4];  /* status, aux, nsamples, nevents */
	memcpy(f, body, sizeof f);
	if (w->state == W_STARTING && f[0] == ANS_READY) {
		free(body);
		w->state = W_IDLE;
		s->start_failures = 0;
		if (s->rate == 0)
			s->rate = (int)f[1];
		return;
	}
	if (w->state != W_BUSY || w->piece == NULL) {
		free(body);
		worker_lost(s, w);
		return;
	}
	struct piece *p = w->piece;
	if (f[0] == ANS_OK &&
	    len == ANSWER_BODY + (uint64_t)f[3] * sizeof(struct wire_event) + (uint64_t)f[2] * 2) {
		w->piece = NULL;
		w->state = W_IDLE;
		piece_done(s, p, body, f[2], f[3], (int)f[1]);
		return;
	}
	free(body);
	if (f[0] == ANS_FAILED || f[0] == ANS_SYNTH || f[0] == ANS_VOICE) {
		w->piece = NULL;
		w->state = W_IDLE;
		if (f[0] == ANS_VOICE)
			job_voice_error(s, p);
		else if (f[0] == ANS_FAILED && (f[1] == SIGKILL || f[1] == SIGTERM))
			piece_killed(s, p, f[1] == SIGKILL ? "SIGKILL" : "SIGTERM");
		else
			piece_failed(s, p);
		return;
	}
	worker_lost(s, w);  /* garbled */
}

/* Reads what w has sent; handles complete answers. */
static void worker_read(struct synth *s, struct worker *w)
{
	for (;;) {
		ssize_t r;
		if (w->lenhave < sizeof w->lenbuf)
			r = read(w->from, w->lenbuf + w->lenhave, sizeof w->lenbuf - w->lenhave);
		else
			r = read(w->from, w->in + w->inhave, w->inlen - w->inhave);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return;
		if (r <= 0) {
			worker_lost(s, w);  /* end of file: it died */
			return;
		}
		if (w->lenhave < sizeof w->lenbuf) {
			w->lenhave += (size_t)r;
			if (w->lenhave < sizeof w->lenbuf)
				continue;
			uint32_t len;
			memcpy(&len, w->lenbuf, sizeof len);
			if (len < ANSWER_BODY || len > MAX_ANSWER) {
				worker_lost(s, w);
				return;
			}
			w->inlen = len;
			w->inhave = 0;
			w->in = xmalloc(len);
			continue;
		}
		w->inhave += (size_t)r;
		if (w->inhave == w->inlen) {
			unsigned char *body = w->in;
			size_t len = w->inlen;
			w->in = NULL;
			w->inlen = w->inhave = w->lenhave = 0;
			worker_answer(s, w, body, len);
			return;  /* one answer per request */
		}
	}
}

/* The episode of the first job not finished, for messages about the synthesiser. */
static const char *job_file(const struct synth *s)
{
	int j = s->nactive > 0 ? s->active[0] : s->next_job;
	if (j >= 0 && j < s->njobs && s->jobs[j].file && *s->jobs[j].file)
		return s->jobs[j].file;
	return "podsynth";
}

/* Fails every job not finished yet (when no worker can be started). */
static void fail_remaining(struct synth *s)
{
	msg(MSG_SYNTH_NO_START, job_file(s), 0, 0, NULL);
	for (int i = 0; i < s->nw; i++) {
		struct piece *p = s->w[i].piece;
		s->w[i].piece = NULL;
		worker_stop(&s->w[i], 1);
		if (p) {
			p->js->busy--;
			p->state = P_SKIPPED;
		}
	}
	while (s->next_job < s->njobs)
		job_start(s, s->next_job++);
	for (int i = 0; i < s->njobs; i++) {
		struct jstate *js = &s->js[i];
		if (js->finished || js->queued)
			continue;  /* (queued ones are complete: flushed below) */
		js->failed = 1;
		js->pending = 0;
		job_maybe_finish(s, js);
	}
	flush_ready(s);
}

int synth_run(struct synth_job *jobs, int njobs, const struct synth_opts *o)
{
	if (njobs <= 0)
		return 0;
	struct synth s = {
		.o = o,
		.jobs = jobs,
		.njobs = njobs,
		.js = xcalloc((size_t)njobs, sizeof(struct jstate)),
		.nw = o->jobs < 1 ? 1 : o->jobs > MAX_WORKERS ? MAX_WORKERS : o->jobs,
	};
	const char *et = getenv("PODSYNTH_TIMEOUT");
	if (et && *et)
		s.env_timeout = strtod(et, NULL);
	const char *es = getenv("PODSYNTH_STALL_TIMEOUT");
	if (es && *es)
		s.env_stall = strtod(es, NULL);
	for (int i = 0; i < njobs; i++) {
		s.js[i].job = &jobs[i];
		jobs[i].dropped_words = 0;
		jobs[i].failed = 0;
	}

	struct sigaction ign = {.sa_handler = SIG_IGN}, old_pipe;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old_pipe);

	s.w = xcalloc((size_t)s.nw, sizeof *s.w);
	struct synth_pool *pool = o->pool;
	for (int i = 0; i < s.nw; i++) {
		if (pool != NULL && i < pool->n && pool->w[i].state == W_DORMANT) {
			s.w[i] = pool->w[i];   /* the run owns it now */
			memset(&pool->w[i], 0, sizeof pool->w[i]);
			pool->w[i].to = pool->w[i].from = -1;
			pool->w[i].state = W_DEAD;
			worker_wake(&s, &s.w[i]);
		} else {
			worker_start(&s, &s.w[i]);
		}
	}
	if (s.start_failures >= s.nw)
		s.broken = 1;
	struct pollfd *pfd = xcalloc((size_t)s.nw * 2, sizeof *pfd);
	struct worker **who = xcalloc((size_t)s.nw * 2, sizeof *who);

	while (s.done < s.njobs) {
		for (int i = 0; i < s.nw && !s.broken; i++) {
			if (s.w[i].state != W_DEAD)
				continue;
			worker_start(&s, &s.w[i]);
			if (s.start_failures >= MAX_START_FAILURES)
				s.broken = 1;
		}
		if (s.broken) {
			fail_remaining(&s);
			break;
		}
		for (int i = 0; i < s.nw; i++) {
			struct worker *w = &s.w[i];
			if (w->state != W_IDLE)
				continue;
			struct piece *p = next_piece(&s);
			if (p == NULL)
				break;
			worker_send(&s, w, p);
		}
		flush_ready(&s);
		if (s.done >= s.njobs || s.broken)
			continue;

		int n = 0;
		double now = now_seconds(), next = now + 3600;
		for (int i = 0; i < s.nw; i++) {
			struct worker *w = &s.w[i];
			if (w->state == W_DEAD)
				continue;
			pfd[n] = (struct pollfd){.fd = w->from, .events = POLLIN};
			who[n++] = w;
			if (w->outoff < w->outlen) {
				pfd[n] = (struct pollfd){.fd = w->to, .events = POLLOUT};
				who[n++] = w;
			}
			if ((w->state == W_BUSY || w->state == W_STARTING) && w->deadline < next)
				next = w->deadline;
		}
		if (n == 0) {
			/* Every worker is gone and none could be restarted. */
			s.broken = 1;
			continue;
		}
		int ms = next <= now ? 0 : (int)ceil((next - now) * 1000.0);
		int r = poll(pfd, (nfds_t)n, ms);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			msg(MSG_SYNTH_WAIT, job_file(&s), 0, 0, "%s", strerror(errno));
			s.broken = 1;
			continue;
		}
		for (int i = 0; i < n && r > 0; i++) {
			struct worker *w = who[i];
			if (pfd[i].revents == 0 || w->state == W_DEAD || pfd[i].fd != w->from)
				continue;
			/* (A worker replaced during this round has new fds.) */
			worker_read(&s, w);
		}
		for (int i = 0; i < n && r > 0; i++) {
			struct worker *w = who[i];
			if (pfd[i].revents == 0 || w->state == W_DEAD || pfd[i].fd != w->to ||
			    w->outoff >= w->outlen)
				continue;
			if (worker_flush(w) != 0)
				worker_lost(&s, w);
		}
		now = now_seconds();
		for (int i = 0; i < s.nw; i++) {
			struct worker *w = &s.w[i];
			if ((w->state != W_BUSY && w->state != W_STARTING) || now < w->deadline)
				continue;
			if (w->state == W_BUSY && w->piece != NULL) {
				struct piece *p = w->piece;
				w->piece = NULL;  /* (so that worker_lost does not split it) */
				piece_stalled(&s, p, w->stall);
			}
			worker_lost(&s, w);
		}
	}

	flush_ready(&s);
	for (int i = 0; i < s.nw; i++)
		worker_stop(&s.w[i], s.w[i].state == W_BUSY || s.w[i].state == W_STARTING);
	sigaction(SIGPIPE, &old_pipe, NULL);

	int ret = 0;
	for (int i = 0; i < njobs; i++) {
		if (jobs[i].failed)
			ret = -1;
		for (int k = 0; k < s.js[i].np; k++)
			piece_free(&s.js[i].pieces[k]);
		free(s.js[i].pieces);
	}
	free(pfd);
	free(who);
	free(s.w);
	free(s.active);
	free(s.ready);
	free(s.js);
	return ret;
}

/* ---- workers forked early ---- */

struct synth_pool *synth_pool_new(int jobs)
{
	int n = jobs < 1 ? 1 : jobs > MAX_WORKERS ? MAX_WORKERS : jobs;
	struct synth_pool *pool = xcalloc(1, sizeof *pool);
	pool->w = xcalloc((size_t)n, sizeof *pool->w);
	pool->n = n;
	for (int i = 0; i < n; i++)
		if (worker_fork(&pool->w[i], 1) != 0)
			break;  /* (synth_run forks the missing ones itself) */
	return pool;
}

void synth_pool_drain(struct synth_pool *pool)
{
	for (int i = 0; pool != NULL && i < pool->n; i++)
		worker_stop(&pool->w[i], 0);  /* a dormant worker exits at end of file */
}

void synth_pool_free(struct synth_pool **pp)
{
	struct synth_pool *pool = *pp;
	if (pool == NULL)
		return;
	synth_pool_drain(pool);
	free(pool->w);
	free(pool);
	*pp = NULL;
}
