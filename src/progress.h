/*
 * progress.h: a progress bar on standard error for long renders (segments
 * done / total, elapsed, ETA), drawn only when standard error is a terminal.
 */
#ifndef PODSYNTH_PROGRESS_H
#define PODSYNTH_PROGRESS_H

struct progress {
	const char *label;
	double start;
	int enabled;
	int drawn;
};

/* enabled < 0: decide from isatty(2); 0 or 1: as given. */
void progress_start(struct progress *p, const char *label, int enabled);
void progress_update(struct progress *p, int done, int total);
/* Erases the bar, if one was drawn. */
void progress_end(struct progress *p);

#endif
