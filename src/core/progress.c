/*
 * progress.c: the terminal progress bar of long renders. Nothing is drawn
 * unless standard error is a terminal, so logs and pipes stay clean.
 */
#include "progress.h"

#include <stdio.h>
#include <unistd.h>

#include "util.h"

void progress_start(struct progress *p, const char *label, int enabled)
{
	p->label = label;
	p->start = now_seconds();
	p->enabled = enabled < 0 ? isatty(2) : enabled;
	p->drawn = 0;
	p->phase_start = p->start;
	p->last = 0;
}

static void clock_str(char *out, size_t n, double s)
{
	int t = (int)(s + 0.5);
	snprintf(out, n, "%d:%02d", t / 60, t % 60);
}

void progress_update(struct progress *p, int done, int total)
{
	if (!p->enabled || total <= 0)
		return;
	enum { WIDTH = 24 };
	double el = now_seconds() - p->start;
	char bar[WIDTH + 1], e[16], eta[16];
	int fill = done * WIDTH / total;
	for (int i = 0; i < WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[WIDTH] = '\0';
	clock_str(e, sizeof e, el);
	if (done > 0 && done < total)
		clock_str(eta, sizeof eta, el / done * (total - done));
	else
		snprintf(eta, sizeof eta, "--:--");
	fprintf(stderr, "\r\033[K%s [%s] %d/%d segments  %s elapsed  ETA %s",
		p->label, bar, done, total, e, eta);
	fflush(stderr);
	p->drawn = 1;
}

void progress_render(struct progress *p, double done_s, double total_s, int pass)
{
	if (!p->enabled || total_s <= 0)
		return;
	double now = now_seconds();
	if (done_s <= 0) {
		p->phase_start = now;   /* a new pass */
	} else if (now - p->last < 0.1 && done_s < total_s) {
		return;
	}
	p->last = now;
	enum { WIDTH = 24 };
	char bar[WIDTH + 1], e[16], eta[16], a[16], t[16], again[24] = "";
	double frac = done_s < total_s ? done_s / total_s : 1;
	int fill = (int)(frac * WIDTH);
	for (int i = 0; i < WIDTH; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[WIDTH] = '\0';
	double el = now - p->phase_start;
	clock_str(e, sizeof e, now - p->start);
	clock_str(a, sizeof a, done_s);
	clock_str(t, sizeof t, total_s);
	if (done_s > 0 && done_s < total_s)
		clock_str(eta, sizeof eta, el / done_s * (total_s - done_s));
	else
		snprintf(eta, sizeof eta, "--:--");
	if (pass > 1)
		snprintf(again, sizeof again, " (pass %d)", pass);
	fprintf(stderr, "\r\033[K%s [%s] %s/%s audio encoded%s  %s elapsed  ETA %s",
		p->label, bar, a, t, again, e, eta);
	fflush(stderr);
	p->drawn = 1;
}

void progress_end(struct progress *p)
{
	if (p->drawn)
		fputs("\r\033[K", stderr);
	p->drawn = 0;
}
