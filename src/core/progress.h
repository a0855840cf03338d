/*
 * progress.h: a progress bar on standard error for the whole build: first
 * the synthesis (segments done / total), then the render (audio levelled
 * and encoded in every format / the episode's length, as time), each with
 * the elapsed time and an ETA; drawn only when standard error is a
 * terminal.
 */
#ifndef PODSYNTH_PROGRESS_H
#define PODSYNTH_PROGRESS_H

struct progress {
	const char *label;
	double start;
	int enabled;
	int drawn;
	double phase_start;     /* when the current phase began */
	double last;            /* when the bar was last drawn */
};

/* enabled < 0: decide from isatty(2); 0 or 1: as given. */
void progress_start(struct progress *p, const char *label, int enabled);
void progress_update(struct progress *p, int done, int total);
/*
 * The render: done_s of total_s seconds of audio mixed and handed to the
 * encoders; pass counts the encodes (1 the first, 2 when a format missed
 * and the episode is encoded again). Redrawn at most ten times a second.
 */
void progress_render(struct progress *p, double done_s, double total_s, int pass);
/* Erases the bar, if one was drawn. */
void progress_end(struct progress *p);

#endif
