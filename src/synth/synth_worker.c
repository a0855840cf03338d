/*
 * synth_worker.c: the worker side of the synthesiser, the only code that
 * calls libespeak-ng (and, through synth_flite.c, Flite). In: requests
 * (engine, voice, rate, pitch, range, text) on a pipe. Out: answers
 * (samples at the engine's rate and word, sentence and run events, or why
 * there are none) on another. A worker initialises espeak-ng once, loads a
 * Flite voice when a request first asks for it, and forks a piece child
 * per request; an espeak-ng request goes through a voice holder, a child of
 * the worker that has loaded that one voice and forks the piece children
 * that speak with it, so every piece with a voice starts from the same
 * state; see synth.c for the whole design. Also the engines' facts (version
 * and sample rate) and the voice check, which need the engines too.
 */
#include "synth_int.h"
#include "segcache.h"
#include "core/core.h"
#include "show/show.h"

#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
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
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <espeak-ng/speak_lib.h>

/* libespeak-ng is opened by the processes that speak (a worker, the voice
   check's child), never by the build process: with it come the sound
   servers' client libraries (PulseAudio, ALSA), X11, D-Bus and systemd,
   which every other command would map and relocate at start (dynlib.h). */
#ifndef PODSYNTH_SONAME_ESPEAK
#error "PODSYNTH_SONAME_ESPEAK (the Makefile sets it) is the soname of libespeak-ng"
#endif
#define ESPEAK_FNS(X) X(espeak_GetCurrentVoice) X(espeak_GetParameter) X(espeak_Info) \
	X(espeak_Initialize) X(espeak_ListVoices) X(espeak_SetParameter) \
	X(espeak_SetSynthCallback) X(espeak_SetVoiceByName) \
	X(espeak_SetVoiceByProperties) X(espeak_Synth)
ESPEAK_FNS(DYNLIB_PTR)
static const struct dynsym espeak_syms[] = {ESPEAK_FNS(DYNLIB_SYM)};
#define espeak_GetCurrentVoice (*dl_espeak_GetCurrentVoice)
#define espeak_GetParameter (*dl_espeak_GetParameter)
#define espeak_Info (*dl_espeak_Info)
#define espeak_Initialize (*dl_espeak_Initialize)
#define espeak_ListVoices (*dl_espeak_ListVoices)
#define espeak_SetParameter (*dl_espeak_SetParameter)
#define espeak_SetSynthCallback (*dl_espeak_SetSynthCallback)
#define espeak_SetVoiceByName (*dl_espeak_SetVoiceByName)
#define espeak_SetVoiceByProperties (*dl_espeak_SetVoiceByProperties)
#define espeak_Synth (*dl_espeak_Synth)

/* Opens libespeak-ng in this process; 0, or -1 when it cannot be. */
static int espeak_open(void)
{
	return dynlib_bind(PODSYNTH_SONAME_ESPEAK, espeak_syms, ARRAY_LEN(espeak_syms));
}

static int espeak_rate;  /* the worker's espeak-ng output rate */

/* What the synth callback collects in a piece child. */
static struct {
	int16_t *s;
	size_t n, cap;
	struct wire_event *ev;
	size_t nev, evcap;
} col;

static int synth_callback(short *wav, int n, espeak_EVENT *ev)
{
	if (wav != NULL && n > 0) {
		if (col.n + (size_t)n > col.cap) {
			size_t cap = col.cap ? col.cap : 1 << 16;
			while (cap < col.n + (size_t)n)
				cap *= 2;
			col.s = xreallocarray(col.s, cap, sizeof *col.s);
			col.cap = cap;
		}
		memcpy(col.s + col.n, wav, (size_t)n * sizeof *wav);
		col.n += (size_t)n;
	}
	for (; ev != NULL && ev->type != espeakEVENT_LIST_TERMINATED; ev++) {
		uint32_t type;
		if (ev->type == espeakEVENT_WORD && ev->length > 0)
			type = SYNTH_EV_WORD;   /* 1.51 also emits empty word events: skip */
		else if (ev->type == espeakEVENT_SENTENCE)
			type = SYNTH_EV_SENTENCE;
		else
			continue;
		if (col.nev == col.evcap) {
			col.evcap = col.evcap ? col.evcap * 2 : 64;
			col.ev = xreallocarray(col.ev, col.evcap, sizeof *col.ev);
		}
		/* Character positions for now; converted to bytes afterwards. */
		col.ev[col.nev++] = (struct wire_event){
			.type = type,
			.pos = ev->text_position > 0 ? (uint32_t)ev->text_position : 1,
			.len = ev->length > 0 && type == SYNTH_EV_WORD ? (uint32_t)ev->length : 0,
			.sample = ev->sample > 0 ? (uint32_t)ev->sample : 0,
		};
	}
	return 0;
}

/*
 * Makes text safe for espeak-ng in place, keeping every byte offset: C0
 * controls (espeak-ng's embedded commands) become spaces and bytes that are
 * not UTF-8 become '?'. Returns the number of code points.
 */
static size_t sanitise(char *t, size_t n)
{
	size_t i = 0, ncp = 0;
	while (i < n) {
		unsigned char c = (unsigned char)t[i];
		if (c < 0x20) {
			t[i++] = ' ';
		} else if (c < 0x80) {
			i++;
		} else {
			uint32_t cp;
			int l = utf8_decode(t + i, n - i, &cp);
			if (l == 0) {
				t[i++] = '?';
			} else {
				i += (size_t)l;
			}
		}
		ncp++;
	}
	return ncp;
}

/*
 * Set by a piece child once its whole answer is written, in memory shared
 * with the worker: the worker then knows not to answer for it, whatever
 * the exit status (valgrind's --error-exitcode, say, changes that).
 */
static volatile uint32_t *answered;

static void send_status(int fd, uint32_t status, uint32_t aux)
{
	struct answer_hdr h = {
		.len = ANSWER_BODY, .status = status, .aux = aux,
	};
	if (wire_write_all(fd, &h, sizeof h) != 0)
		_exit(1);
}

/*
 * Test hook: with PODSYNTH_TEST_PARAMS=FILE every piece child appends what
 * espeak-ng is set to and the text, one line each, so that tests can see
 * the parameters a modifier asks for reach the synthesiser.
 */
static void record_params(const struct req_hdr *rq, const char *voice, const char *text)
{
	const char *path = getenv("PODSYNTH_TEST_PARAMS");
	if (path == NULL || *path == '\0')
		return;
	char *line = rq->engine == VOICE_FLITE ?
		xasprintf("engine=flite voice=%s stretch=%d pitch=%d volume=%d text=%s\n",
			  voice, rq->rate, rq->pitch, rq->volume, text) :
		xasprintf("voice=%s rate=%d pitch=%d range=%d volume=%d text=%s\n",
			  voice, espeak_GetParameter(espeakRATE, 1),
			  espeak_GetParameter(espeakPITCH, 1), espeak_GetParameter(espeakRANGE, 1),
			  espeak_GetParameter(espeakVOLUME, 1), text);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0644);
	if (fd >= 0) {
		(void)wire_write_all(fd, line, strlen(line));
		close(fd);
	}
	free(line);
}

static int is_cap(const char *s, size_t n, size_t i)
{
	return i < n && s[i] >= 'A' && s[i] <= 'Z';
}

static int is_alnum_at(const char *s, size_t n, size_t i)
{
	unsigned char c = i < n ? (unsigned char)s[i] : 0;
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/*
 * espeak-ng says an A after a hyphen as the article ("D-M-A engine" is
 * heard "D M uh engine") and after a dot as the letter. In each spelling
 * of single capitals joined by hyphens with an A past its first letter,
 * the hyphens of text become dots ("D.M.A"), in place: the length, and so
 * every word's position, stays. The script keeps "D-M-A"; this is how
 * espeak-ng is told to say it.
 */
static void espeak_spelled_a(char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_cap(p, n, i) || (i > 0 && (is_alnum_at(p, n, i - 1) || p[i - 1] == '-' ||
						  p[i - 1] == '.')))
			continue;
		size_t j = i + 1;   /* past the spelling's last letter */
		int letters = 1, late_a = 0;
		while (j + 1 < n && p[j] == '-' && is_cap(p, n, j + 1) && !is_alnum_at(p, n, j + 2)) {
			late_a |= p[j + 1] == 'A';
			letters++;
			j += 2;
		}
		if (letters > 1 && late_a && !is_alnum_at(p, n, j))
			for (size_t k = i + 1; k < j; k += 2)
				p[k] = '.';
		i = j;
	}
}

/*
 * espeak-ng speaks text (len bytes, ncp code points) in voice (loaded
 * already) into *o, its events' character positions made byte offsets.
 * 0, or espeak_Synth's error.
 */
static int espeak_said(const struct req_hdr *rq, const char *voice, char *text, size_t len,
		       size_t ncp, struct piece_out *o)
{
	if (rq->rate >= 0)
		espeak_SetParameter(espeakRATE, rq->rate, 0);
	if (rq->pitch >= 0)
		espeak_SetParameter(espeakPITCH, rq->pitch, 0);
	if (rq->range >= 0)
		espeak_SetParameter(espeakRANGE, rq->range, 0);
	if (rq->volume >= 0)
		espeak_SetParameter(espeakVOLUME, rq->volume, 0);
	espeak_spelled_a(text, len);
	record_params(rq, voice, text);
	/* No espeakENDPAUSE: the pauses between runs and segments are ours,
	   and its 0.4 s would also outlast the gap between sentences when a
	   run has been split. */
	unsigned flags = espeakCHARS_UTF8 | espeakPHONEMES;
	espeak_ERROR r = espeak_Synth(text, len + 1, 0, POS_CHARACTER, 0, flags, NULL, NULL);
	if (r != EE_OK)
		return r ? (int)r : -1;

	/* Character positions (from 1) to byte offsets in the piece. */
	size_t *cpoff = xmalloc((ncp + 1) * sizeof *cpoff);
	for (size_t i = 0, k = 0; i < len; k++) {
		uint32_t cp;
		int l = utf8_decode(text + i, len - i, &cp);
		cpoff[k] = i;
		i += l > 0 ? (size_t)l : 1;
	}
	cpoff[ncp] = len;
	for (size_t i = 0; i < col.nev; i++) {
		struct wire_event *e = &col.ev[i];
		size_t c0 = e->pos - 1 < ncp ? e->pos - 1 : ncp;
		size_t c1 = c0 + e->len < ncp ? c0 + e->len : ncp;
		e->pos = (uint32_t)cpoff[c0];
		e->len = (uint32_t)(cpoff[c1] - cpoff[c0]);
	}
	free(cpoff);
	*o = (struct piece_out){
		.s = col.s, .n = col.n, .ev = col.ev, .nev = col.nev, .rate = espeak_rate,
	};
	return 0;
}

/* Flite speaks text in its current voice into *o (synth_flite.c); 0 or -1. */
static int flite_said(const struct req_hdr *rq, const char *voice, char *text, size_t len,
		      struct piece_out *o)
{
	record_params(rq, voice, text);
	return flite_piece(rq, text, len, o);
}

/*
 * An event that falls in a hint (the engine's part of it, text.h) is moved
 * to the hint's start, and a word event spans the whole hint, marks and
 * written form included, so that every reader of the events finds the
 * word a person reads; a second word event in the same hint is dropped.
 * hs holds the nh hints' byte ranges.
 */
static void events_to_hints(struct piece_out *o, const size_t *hs, int nh)
{
	size_t k = 0;
	for (size_t i = 0; i < o->nev; i++) {
		struct wire_event e = o->ev[i];
		int dup = 0;
		for (int h = 0; h < nh; h++) {
			if (e.pos + (e.len ? e.len : 1) <= hs[2 * h] || e.pos >= hs[2 * h + 1])
				continue;
			e.pos = (uint32_t)hs[2 * h];
			if (e.type != SYNTH_EV_WORD)
				break;
			e.len = (uint32_t)(hs[2 * h + 1] - hs[2 * h]);
			for (size_t j = k; j-- > 0 && !dup && o->ev[j].pos == e.pos;)
				dup = o->ev[j].type == SYNTH_EV_WORD;
			break;
		}
		if (!dup)
			o->ev[k++] = e;
	}
	o->nev = k;
}

static int set_voice(const char *name);

/*
 * The piece child: synthesises text (len bytes, NUL-terminated, ours to
 * change) in voice and writes the answer to out. Never returns. An espeak-ng
 * piece child is forked from its voice's holder (holder_main), which has
 * loaded the voice and done nothing else since it was forked from the
 * worker: espeak-ng 1.51 queues every voice change on its wave command ring
 * (DoVoiceChange), which only synthesis drains, so a worker that loaded
 * voices itself would hand each child a ring holding one command per voice
 * change it ever made; where that ring stands changes what the child says
 * (events dropped, and near a full ring the speed command lost: speech at
 * espeak-ng's 450 words a minute). So every piece starts from the worker's
 * state just after espeak_Initialize plus one load of its own voice,
 * whatever the worker was asked before: the state a child that loaded the
 * voice itself would have. The C library's rand(), which espeak-ng uses for
 * some variants' breath noise (f3), is seeded the same for every piece too
 * (for espeak-ng by the holder, before the voice load, as a child loading
 * the voice would have seeded it).
 */
static void piece_child(int out, const struct req_hdr *rq, const char *voice, char *text,
			size_t len)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	prctl(PR_SET_DUMPABLE, 0);  /* no core files from espeak-ng's aborts */
	if (getenv("PODSYNTH_DEBUG") == NULL) {
		/* glibc's "stack smashing detected" would only alarm: the
		   parent reports what was lost, naming the words. */
		int nul = open("/dev/null", O_WRONLY);
		if (nul >= 0) {
			dup2(nul, STDERR_FILENO);
			close(nul);
		}
	}
	/* The time limit is the processor time this child uses (ITIMER_PROF:
	   user and system), not the clock's: on a loaded machine a piece must
	   not run out of time, and be split and said differently, only
	   because it waited for a processor. SIGPROF ends a spin; a child
	   that blocks without using the processor is the parent's to kill
	   (its wall-clock backstop, synth.c), and that fails the segment. */
	if (rq->engine == VOICE_FLITE)
		srand(1);   /* (an espeak-ng piece's holder seeded it) */
	struct itimerval it = {0};
	it.it_value.tv_sec = rq->timeout_ms / 1000;
	it.it_value.tv_usec = (suseconds_t)(rq->timeout_ms % 1000) * 1000;
	setitimer(ITIMER_PROF, &it, NULL);

	/* Test hooks (synth.h): a piece with the word spins, blocks, or
	   sleeps twice its time limit without using the processor. */
	const char *crash = getenv("PODSYNTH_TEST_CRASH");
	const char *hang = getenv("PODSYNTH_TEST_HANG");
	const char *block = getenv("PODSYNTH_TEST_BLOCK");
	const char *nap = getenv("PODSYNTH_TEST_SLEEP");
	const char *kill9 = getenv("PODSYNTH_TEST_KILL");
	const char *killmid = getenv("PODSYNTH_TEST_KILL_ANSWER");
	const char *term = getenv("PODSYNTH_TEST_TERM");
	if (crash && *crash && strstr(text, crash))
		abort();
	if (kill9 && *kill9 && strstr(text, kill9))
		raise(SIGKILL);
	if (term && *term && strstr(text, term))
		raise(SIGTERM);
	int kill_midway = killmid && *killmid && strstr(text, killmid);
	if (hang && *hang && strstr(text, hang))
		for (volatile unsigned long spin = 0;; spin++)
			;
	if (block && *block && strstr(text, block))
		for (;;)
			pause();
	if (nap && *nap && strstr(text, nap)) {
		uint64_t ns = (uint64_t)rq->timeout_ms * 2000000u;
		struct timespec ts = {.tv_sec = (time_t)(ns / 1000000000u),
				      .tv_nsec = (long)(ns % 1000000000u)};
		while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
			;
	}

	size_t *hs = NULL;
	int nh = text_engine_blank(text, len, &hs);   /* the engine's part of every hint */
	size_t ncp = sanitise(text, len);
	struct piece_out o = {0};
	int r = rq->engine == VOICE_FLITE ? flite_said(rq, voice, text, len, &o) :
		espeak_said(rq, voice, text, len, ncp, &o);
	if (r == 0)
		events_to_hints(&o, hs, nh);
	free(hs);
	struct itimerval off = {0};
	setitimer(ITIMER_PROF, &off, NULL);  /* never die half-way through the answer */
	if (r != 0) {
		send_status(out, ANS_SYNTH, (uint32_t)r);
		*answered = 1;
		_exit(0);
	}
	uint32_t last = 0;
	for (size_t i = 0; i < o.nev; i++) {
		struct wire_event *e = &o.ev[i];
		if (e->sample > o.n)
			e->sample = (uint32_t)o.n;
		if (e->sample < last)
			e->sample = last;
		last = e->sample;
	}
	size_t body = ANSWER_BODY + o.nev * sizeof *o.ev + o.n * sizeof *o.s;
	if (body > MAX_ANSWER) {
		send_status(out, ANS_SYNTH, 0);
		*answered = 1;
		_exit(0);
	}
	struct answer_hdr h = {
		.len = (uint32_t)body, .status = ANS_OK, .aux = (uint32_t)o.rate,
		.nsamples = (uint32_t)o.n, .nevents = (uint32_t)o.nev,
	};
	/* From here the parent may have part of an answer: a child that dies
	   now leaves the worker nothing to add (see synth_worker_main). */
	*answered = 2;
	if (wire_write_all(out, &h, sizeof h) != 0)
		_exit(1);
	if (kill_midway)
		raise(SIGKILL);  /* (test hook: killed part-way through its answer) */
	if (wire_write_all(out, o.ev, o.nev * sizeof *o.ev) != 0 ||
	    wire_write_all(out, o.s, o.n * sizeof *o.s) != 0)
		_exit(1);
	*answered = 1;
	_exit(0);
}

/*
 * Loads the voice "NAME[+VARIANT]" as the espeak-ng command line does: by
 * voice name or file ("en-us", "gmw/en"), else by language ("en-gb"), and
 * then the variant, which espeak-ng would silently ignore when it does not
 * exist. 0, or -1 when there is no such voice or variant.
 */
static int set_voice(const char *name)
{
	char base[MAX_VOICE + 1];
	snprintf(base, sizeof base, "%s", name);
	char *plus = strchr(base, '+');
	const char *variant = plus && plus[1] ? plus + 1 : NULL;
	if (plus)
		*plus = '\0';
	if (espeak_SetVoiceByName(name) != EE_OK) {
		espeak_VOICE sel;
		memset(&sel, 0, sizeof sel);
		sel.languages = base;
		if (espeak_SetVoiceByProperties(&sel) != EE_OK)
			return -1;
		if (variant) {
			espeak_VOICE *cur = espeak_GetCurrentVoice();
			if (cur == NULL || cur->identifier == NULL)
				return -1;
			char *full = xasprintf("%s+%s", cur->identifier, variant);
			espeak_ERROR r = espeak_SetVoiceByName(full);
			free(full);
			if (r != EE_OK)
				return -1;
		}
	}
	if (variant) {
		espeak_VOICE *cur = espeak_GetCurrentVoice();
		const char *v = cur && cur->identifier ? strrchr(cur->identifier, '+') : NULL;
		if (v == NULL || strcasecmp(v + 1, variant) != 0)
			return -1;
	}
	return 0;
}

/*
 * Reads one request: 1 with *rq, *voice and *text (NUL-terminated, the
 * caller frees them), 0 at end of file. A broken request ends the process.
 */
static int read_request(int in, struct req_hdr *rq, char **voice, char **text)
{
	int r = wire_read_all(in, rq, sizeof *rq);
	if (r == 0)
		return 0;
	if (r < 0 || rq->magic != REQ_MAGIC || rq->voice_len > MAX_VOICE ||
	    rq->text_len > MAX_TEXT ||
	    rq->len != sizeof *rq - sizeof rq->len + rq->voice_len + rq->text_len)
		_exit(3);
	char *v = xmalloc(rq->voice_len + 1);
	char *t = xmalloc(rq->text_len + 1);
	if (wire_read_all(in, v, rq->voice_len) < 0 || wire_read_all(in, t, rq->text_len) < 0)
		_exit(3);
	v[rq->voice_len] = '\0';
	t[rq->text_len] = '\0';
	*voice = v;
	*text = t;
	return 1;
}

/* The status a worker reports for a process that ended with st unanswered. */
static uint32_t died_how(int st)
{
	return WIFSIGNALED(st) ? (uint32_t)WTERMSIG(st) : 256u + (uint32_t)WEXITSTATUS(st);
}

/*
 * Forks a piece child for the request, waits for it, and answers for it
 * when it could not (ANS_FAILED, with how it ended). A child killed
 * part-way through its answer has left the parent a torn message that
 * nothing can complete: this process ends too (and so does the worker, see
 * holder_ask), so the parent sees end of file at once (and fails the
 * segment) instead of waiting for bytes until its backstop.
 */
static void run_piece(int out, const struct req_hdr *rq, const char *voice, char *text)
{
	*answered = 0;
	pid_t pid = fork();
	if (pid == 0)
		piece_child(out, rq, voice, text, rq->text_len);
	if (pid < 0) {
		send_status(out, ANS_FAILED, 0);
		*answered = 1;
		return;
	}
	int st = 0;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (*answered == 2)
		_exit(4);
	if (!*answered) {
		send_status(out, ANS_FAILED, died_how(st));
		*answered = 1;
	}
}

/*
 * The voice holders of a worker: one per espeak-ng voice it has been asked
 * for (at most MAX_HOLDERS, the least recently used ended first), each a
 * child that loaded its voice once and forks the pieces spoken with it.
 * Loading the voice in every piece child instead (about 3 ms of processor
 * time a piece: the voice file, its variant, the language's dictionary)
 * gives the same state, and was a fortieth of a cold build's CPU.
 */
#define MAX_HOLDERS 8
static struct holder {
	char voice[MAX_VOICE + 1];
	pid_t pid;
	int fd;                 /* the worker's end of a socket pair: requests
				   out, one byte back per request answered */
	unsigned long used;
} holders[MAX_HOLDERS];
static int nholders;
static unsigned long holder_clock;

/*
 * A voice holder: seeds rand() and loads its voice (as a piece child that
 * loaded it would), then for each request on fd forks a piece child (or
 * answers ANS_VOICE when the voice did not load) and writes one byte back
 * once the answer is complete. Never returns; exits at end of file.
 */
static void holder_main(int fd, int out, const char *voice, pid_t worker)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != worker)
		_exit(1);
	prctl(PR_SET_DUMPABLE, 0);  /* no core files from espeak-ng's aborts */
	if (getenv("PODSYNTH_DEBUG") == NULL) {
		int nul = open("/dev/null", O_WRONLY);
		if (nul >= 0) {
			dup2(nul, STDERR_FILENO);
			close(nul);
		}
	}
	srand(1);
	int ok = set_voice(voice) == 0;
	for (;;) {
		struct req_hdr rq;
		char *v, *text;
		if (read_request(fd, &rq, &v, &text) == 0)
			_exit(0);
		if (ok) {
			run_piece(out, &rq, v, text);
		} else {
			send_status(out, ANS_VOICE, 0);
			*answered = 1;
		}
		free(v);
		free(text);
		unsigned char done = 1;
		if (wire_write_all(fd, &done, 1) != 0)
			_exit(0);
	}
}

/* Ends holder h (it exits at end of file) and takes it out of the list;
 * *st its wait status. */
static void holder_end(struct holder *h, int *st)
{
	close(h->fd);
	while (waitpid(h->pid, st, 0) < 0 && errno == EINTR)
		;
	*h = holders[--nholders];
}

/* The holder of voice, forked when there is none; NULL when it cannot be. */
static struct holder *holder_for(const char *voice, int out)
{
	struct holder *h = NULL;
	for (int i = 0; i < nholders; i++)
		if (strcmp(holders[i].voice, voice) == 0)
			h = &holders[i];
	if (h == NULL) {
		int st;
		if (nholders == MAX_HOLDERS) {
			struct holder *old = &holders[0];
			for (int i = 1; i < nholders; i++)
				if (holders[i].used < old->used)
					old = &holders[i];
			holder_end(old, &st);
		}
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
			return NULL;
		pid_t worker = getpid();
		pid_t pid = fork();
		if (pid == 0) {
			/* Only its own socket: another holder sees end of file
			   when the worker closes its end. */
			for (int i = 0; i < nholders; i++)
				close(holders[i].fd);
			close(sv[0]);
			holder_main(sv[1], out, voice, worker);
		}
		close(sv[1]);
		if (pid < 0) {
			close(sv[0]);
			return NULL;
		}
		h = &holders[nholders++];
		snprintf(h->voice, sizeof h->voice, "%s", voice);
		h->pid = pid;
		h->fd = sv[0];
	}
	h->used = ++holder_clock;
	return h;
}

/* Sends the request to h and waits until it is answered. A holder that
 * dies first (its voice load crashed, say) is ended and answered for. */
static void holder_ask(struct holder *h, int out, const struct req_hdr *rq, const char *v,
		       const char *text)
{
	*answered = 0;
	/* (MSG_NOSIGNAL: a holder gone is seen below, not as SIGPIPE) */
	const void *part[3] = {rq, v, text};
	size_t plen[3] = {sizeof *rq, rq->voice_len, rq->text_len};
	for (int i = 0; i < 3; i++) {
		const char *p = part[i];
		size_t n = plen[i];
		while (n > 0) {
			ssize_t w = send(h->fd, p, n, MSG_NOSIGNAL);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				goto gone;
			p += w;
			n -= (size_t)w;
		}
	}
	unsigned char done;
	if (wire_read_all(h->fd, &done, 1) == 1)
		return;
gone:;
	int st = 0;
	holder_end(h, &st);
	if (*answered == 2)
		_exit(4);
	if (!*answered)
		send_status(out, ANS_FAILED, died_how(st));
}

/*
 * A worker: initialises espeak-ng once, then for each request loads a
 * Flite voice (kept between requests) and forks a piece child, or hands
 * an espeak-ng request to its voice's holder. Never returns; exits when
 * the parent closes the request pipe, once its holders have ended (killed
 * with it when it is killed).
 */
void synth_worker_main(int in, int out, pid_t parent, int dormant)
{
	static const int reset[] = {SIGPIPE, SIGCHLD, SIGINT, SIGTERM, SIGHUP,
				    SIGQUIT, SIGALRM, SIGPROF, SIGUSR1, SIGUSR2};
	for (size_t i = 0; i < ARRAY_LEN(reset); i++)
		signal(reset[i], SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(1);
	struct rlimit nocore = {0, 0};
	setrlimit(RLIMIT_CORE, &nocore);

	void *shared = mmap(NULL, sizeof *answered, PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (shared == MAP_FAILED)
		_exit(2);
	answered = shared;

	/* A pool's worker starts its engine only when a run needs it. */
	unsigned char wake = 0;
	if (dormant && (wire_read_all(in, &wake, 1) != 1 || wake != WORKER_WAKE))
		_exit(0);

	if (espeak_open() != 0)
		_exit(2);
	int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL,
				     espeakINITIALIZE_DONT_EXIT);
	if (rate <= 0)
		_exit(2);
	espeak_SetSynthCallback(synth_callback);
	espeak_rate = rate;
	/* espeak-ng finds a voice by name in its list of every voice file,
	   which it builds on first need by reading them all (some 360 files);
	   built here once, each holder's voice load finds it made instead of
	   reading them again. The list is only read, never changed, by a
	   voice load, and queues nothing on the wave command ring. */
	espeak_ListVoices(NULL);
	send_status(out, ANS_READY, (uint32_t)rate);

	for (;;) {
		struct req_hdr rq;
		char *v, *text;
		if (read_request(in, &rq, &v, &text) == 0) {
			/* The holders end at end of file; reaped, so that the
			   parent's count of its children's time has theirs. */
			while (nholders > 0) {
				int st;
				holder_end(&holders[0], &st);
			}
			_exit(0);
		}
		if (rq.engine == VOICE_FLITE) {
			/* (Flite keeps its current voice while the name stays.) */
			if (flite_set_voice(v) != 0)
				send_status(out, ANS_VOICE, 0);
			else
				run_piece(out, &rq, v, text);
		} else {
			struct holder *h = holder_for(v, out);
			if (h != NULL)
				holder_ask(h, out, &rq, v, text);
			else
				send_status(out, ANS_FAILED, 0);
		}
		free(v);
		free(text);
	}
}

/*
 * The engines' facts and the voice check: a child initialises espeak-ng,
 * answers the sample rate espeak-ng gives, then tries every profile's voice
 * and then voice+variant the way the workers will (a flite profile's voice:
 * Flite loads it), and answers one byte per profile (0 fine, 1 no such
 * voice, 2 no such variant, 3 no such Flite voice), then espeak-ng's
 * version (espeak_Info: the child has the library open; this process never
 * opens it) and where the library and its data are. Flite's version comes
 * from its header.
 */
#define ESPEAK_VERSION_MAX 64
#define FACTS_PATH_MAX 1024
static char espeak_version[ESPEAK_VERSION_MAX];

/*
 * The facts kept between runs, in FACTS_FILE in the cache directory. The
 * child costs more CPU than the normaliser spends on an hour of text
 * (docs/performance.md), and its answer changes only when something it
 * read changes. So the file holds what the answer depends on, as text:
 * this program, the library and espeak-ng's data (path, device, inode,
 * size and modification time each: a package upgrade replaces the files),
 * ESPEAK_DATA_PATH, and every profile's engine, voice, variant and Flite
 * voice (a .flitevox file by its contents' hash); then the answer. A run
 * whose own description matches the file's uses the answer; any other
 * runs the child. Only an answer with every voice found is kept, so a
 * missing voice is always checked afresh; the file is written atomically,
 * and one that cannot be read or written is passed over in silence.
 */
#define FACTS_FILE "engine-facts"
#define FACTS_MAGIC "podsynth engine facts 1\n"

static void facts_stat(struct buf *b, const char *what, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		buf_printf(b, "%s %s missing\n", what, path);
	else
		buf_printf(b, "%s %s %ju %ju %jd %jd.%09ld\n", what, path, (uintmax_t)st.st_dev,
			   (uintmax_t)st.st_ino, (intmax_t)st.st_size, (intmax_t)st.st_mtim.tv_sec,
			   st.st_mtim.tv_nsec);
}

/* What the child's answer depends on, given where the library and its data are. */
static void facts_key(struct buf *b, const struct voiceset *vs, const char *lib, const char *data)
{
	const char *env = getenv("ESPEAK_DATA_PATH");
	facts_stat(b, "program", "/proc/self/exe");
	facts_stat(b, "library", lib);
	char *phondata = path_join(data, "phondata");
	facts_stat(b, "phondata", phondata);
	free(phondata);
	buf_printf(b, "env %s\n", env ? env : "-");
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		buf_printf(b, "profile %s|%s|%s|%s|%s\n", voice_engine_name(v->engine),
			   v->espeak ? v->espeak : "-", v->variant ? v->variant : "-",
			   v->fvoice ? v->fvoice : "-", v->fvoice_sum ? v->fvoice_sum : "-");
	}
}

/* Copies the rest of line `what ` at *p (moving *p past it) into out; 0, or -1. */
static int facts_field(const char **p, const char *what, char *out, size_t max)
{
	size_t n = strlen(what);
	const char *nl = strchr(*p, '\n');
	if (nl == NULL || strncmp(*p, what, n) != 0 || (*p)[n] != ' ' ||
	    (size_t)(nl - *p) - n - 1 >= max)
		return -1;
	memcpy(out, *p + n + 1, (size_t)(nl - *p) - n - 1);
	out[(size_t)(nl - *p) - n - 1] = '\0';
	*p = nl + 1;
	return 0;
}

/* The kept facts, when they still hold: 0, else -1. */
static int facts_load(const char *dir, const struct voiceset *vs, struct engine_facts *eng)
{
	char *path = path_join(dir, FACTS_FILE), *text = NULL;
	char lib[FACTS_PATH_MAX], data[FACTS_PATH_MAX], rate[16], version[ESPEAK_VERSION_MAX];
	struct buf key = {0};
	size_t len;
	const char *why;
	int rc = -1;
	/* (the program's own file: not followed through a link, a regular file,
	   read as a settings file is, within its limit) */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (text = input_read_fd(fd, INPUT_SETTINGS, &len, &why)) == NULL || strlen(text) != len)
		goto out;
	if (strncmp(text, FACTS_MAGIC, strlen(FACTS_MAGIC)) != 0)
		goto out;
	const char *p = text + strlen(FACTS_MAGIC);
	if (facts_field(&p, "where", lib, sizeof lib) != 0 || facts_field(&p, "data", data, sizeof data) != 0)
		goto out;
	facts_key(&key, vs, lib, data);
	if (strncmp(p, key.data, key.len) != 0)
		goto out;
	p += key.len;
	if (facts_field(&p, "rate", rate, sizeof rate) != 0 ||
	    facts_field(&p, "version", version, sizeof version) != 0 || *p != '\0')
		goto out;
	char *end;
	long r = strtol(rate, &end, 10);
	if (*end != '\0' || r <= 0 || r > 384000)
		goto out;
	memcpy(espeak_version, version, sizeof version);
	eng->version = espeak_version;
	eng->rate = (int)r;
	eng->flite_version = flite_engine_version();
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	free(text);
	buf_free(&key);
	free(path);
	return rc;
}

static void facts_keep(const char *dir, const struct voiceset *vs, const char *lib, const char *data,
		       const struct engine_facts *eng)
{
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || strchr(lib, '\n') || strchr(data, '\n') ||
	    strchr(eng->version, '\n'))
		return;
	struct buf b = {0};
	buf_printf(&b, FACTS_MAGIC "where %s\ndata %s\n", lib, data);
	facts_key(&b, vs, lib, data);
	buf_printf(&b, "rate %d\nversion %s\n", eng->rate, eng->version);
	char *path = path_join(dir, FACTS_FILE);
	(void)write_file_atomic(path, b.data, b.len);
	free(path);
	buf_free(&b);
}

int synth_engine_open(const struct voiceset *vs, const char *facts_dir, struct engine_facts *eng)
{
	int fd[2], rc = -1;
	/* the rate, one byte per profile, the version, the library's path, the data's */
	size_t len = 4 + (size_t)vs->n + ESPEAK_VERSION_MAX + 2 * FACTS_PATH_MAX;
	unsigned char *res = NULL;
	pid_t pid = -1;

	if (facts_dir != NULL && facts_load(facts_dir, vs, eng) == 0)
		return 0;
	if (pipe(fd) != 0) {
		msg(MSG_SYNTH_CHECK_VOICES, vs->dir ? vs->dir : "voices", 0, 0, "%s", strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		msg(MSG_SYNTH_CHECK_VOICES, vs->dir ? vs->dir : "voices", 0, 0, "%s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0 && getenv("PODSYNTH_DEBUG") == NULL)
			dup2(null, 2);
		res = xcalloc(len, 1);
		if (espeak_open() != 0)
			_exit(2);
		int32_t rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 100, NULL,
						 espeakINITIALIZE_DONT_EXIT);
		if (rate <= 0)
			_exit(2);
		memcpy(res, &rate, 4);
		for (int i = 0; i < vs->n; i++) {
			const struct voice *v = &vs->v[i];
			if (v->engine == VOICE_FLITE) {
				if (flite_set_voice(v->fvoice) != 0)
					res[4 + i] = 3;
				continue;
			}
			if (set_voice(v->espeak) != 0) {
				res[4 + i] = 1;
				continue;
			}
			if (v->variant != NULL) {
				char *full = xasprintf("%s+%s", v->espeak, v->variant);
				if (set_voice(full) != 0)
					res[4 + i] = 2;
				free(full);
			}
		}
		const char *data = NULL;
		const char *ver = espeak_Info(&data);
		unsigned char *w = res + 4 + vs->n;
		snprintf((char *)w, ESPEAK_VERSION_MAX, "%s", ver ? ver : "unknown");
		/* (where: left empty when a path does not fit, which keeps nothing) */
		Dl_info where;
		w += ESPEAK_VERSION_MAX;
		if (dladdr((void *)dl_espeak_Info, &where) != 0 && where.dli_fname &&
		    strlen(where.dli_fname) < FACTS_PATH_MAX)
			strcpy((char *)w, where.dli_fname);
		w += FACTS_PATH_MAX;
		if (data && strlen(data) < FACTS_PATH_MAX)
			strcpy((char *)w, data);
		_exit(wire_write_all(fd[1], res, len) == 0 ? 0 : 3);
	}
	close(fd[1]);
	res = xcalloc(len, 1);
	int r = wire_read_all(fd[0], res, len);
	close(fd[0]);
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int32_t rate;
	memcpy(&rate, res, 4);
	if (r <= 0 || rate <= 0) {
		msg(MSG_SYNTH_NO_START, vs->dir ? vs->dir : "voices", 0, 0, NULL);
		goto out;
	}
	memcpy(espeak_version, res + 4 + vs->n, ESPEAK_VERSION_MAX);
	espeak_version[ESPEAK_VERSION_MAX - 1] = '\0';
	eng->version = espeak_version;
	eng->rate = rate;
	eng->flite_version = flite_engine_version();
	rc = 0;
	for (int i = 0; i < vs->n; i++) {
		const struct voice *v = &vs->v[i];
		unsigned char e = res[4 + i];
		if (e == 1)
			msg(MSG_VOICE_NO_ESPEAK_VOICE, v->file, v->espeak_line, 0, "\"%s\"", v->espeak);
		else if (e == 2)
			msg(MSG_VOICE_NO_VARIANT, v->file, v->variant_line, 0, "\"%s\"", v->variant);
		else if (e == 3)
			msg(MSG_VOICE_NO_FLITE_VOICE, v->file, v->voice_line, 0, "\"%s\"", v->fvoice);
		if (e)
			rc = -1;
	}
	const char *lib = (const char *)res + 4 + vs->n + ESPEAK_VERSION_MAX;
	const char *data = lib + FACTS_PATH_MAX;
	if (rc == 0 && facts_dir != NULL && lib[FACTS_PATH_MAX - 1] == '\0' && *lib &&
	    data[FACTS_PATH_MAX - 1] == '\0' && *data)
		facts_keep(facts_dir, vs, lib, data, eng);
out:
	free(res);
	return rc;
}
