/*
 * build.c: drives one episode down the pipeline.
 *
 *   episode.md -> episode + script -> synthesis of segments the cache lacks
 *   -> timeline (intro, segments, pauses, outro) -> render (loudness, limiter,
 *   Vorbis) -> rss/episodes/<slug>.ogg
 *
 * Everything that can fail on bad input (front matter, voices, normaliser,
 * intro and outro files) is checked before anything is written.
 */
#include "build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artwork.h"
#include "chapters.h"
#include "progress.h"
#include "render.h"
#include "segcache.h"
#include "synth.h"
#include "timeline.h"
#include "transcript.h"
#include "msg.h"
#include "util.h"

int build_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static void on_progress(void *ud, int done, int total)
{
	progress_update(ud, done, total);
}

static void add_item(struct timeline *tl, const char *setting, enum tl_kind jingle)
{
	if (setting == NULL)
		timeline_add(tl, jingle, NULL, -1);
	else if (strcmp(setting, "none") != 0)
		timeline_add(tl, TL_ASSET, setting, -1);
}

/* The timeline: intro, segments with their pauses, outro. */
static struct timeline *make_timeline(const struct project *p, const struct script *s,
				      char **paths)
{
	const struct channel *ch = p->ch;
	struct timeline *tl = timeline_new(ch->sample_rate, ch->channels);
	add_item(tl, ch->intro, TL_JINGLE_INTRO);
	if (tl->n > 0 && ch->pauses.after_intro > 0)
		timeline_add_silence(tl, ch->pauses.after_intro);
	for (int i = 0; i < s->nsegs; i++) {
		timeline_add(tl, TL_SEGMENT, paths[i], i);
		if (s->segs[i].pause_after_ms > 0)
			timeline_add_silence(tl, s->segs[i].pause_after_ms);
	}
	int before = tl->n;
	if (ch->pauses.before_outro > 0)
		timeline_add_silence(tl, ch->pauses.before_outro);
	add_item(tl, ch->outro, TL_JINGLE_OUTRO);
	if (tl->n == before + 1) {
		/* No outro: no pause for it either. */
		free(tl->items[tl->n - 1].path);
		tl->n--;
	}
	return tl;
}

static void format_duration(char *out, size_t n, double s)
{
	int ms = (int)(s * 1000 + 0.5);
	int h = ms / 3600000, m = ms / 60000 % 60;
	double sec = (ms % 60000) / 1000.0;
	if (h > 0)
		snprintf(out, n, "%d:%02d:%04.1f", h, m, sec);
	else
		snprintf(out, n, "%d:%04.1f", m, sec);
}

int build_episode(struct project *p, const char *path, const struct build_opts *o)
{
	struct episode *ep = NULL;
	struct script *s = NULL;
	struct timeline *tl = NULL;
	struct synth_job *jobs = NULL;
	struct chapter *chapters = NULL;
	char **paths = NULL;
	char *out_path = NULL, *vtt_path = NULL, *json_path = NULL, *srt_path = NULL;
	char *words_path = NULL;
	int nchapters = 0, njobs = 0, cached, rc = -1;

	if (project_episode(p, path, &ep, &s) != 0)
		return -1;
	/* Another episode's slug or guid: its files are not ours to write. */
	if (project_check_unique(p, ep) != 0)
		goto out;
	if (ep->draft && !o->drafts) {
		msg(MSG_BUILD_DRAFT, path, 0, 0, NULL);
		rc = 1;
		goto out;
	}
	struct segment *forced = NULL;
	if (o->segment != NULL && (forced = script_find(s, o->segment)) == NULL) {
		msg(MSG_BUILD_NO_SEGMENT, path, 0, 0, "\"%s\" (see podsynth segments %s)", o->segment, path);
		goto out;
	}

	/* The default cover when the show names no image (the audio embeds it). */
	if (artwork_prepare(p->ch) != 0)
		goto out;

	/* Which segments the cache lacks (or holds corrupt). */
	paths = xcalloc((size_t)s->nsegs, sizeof *paths);
	jobs = xcalloc((size_t)s->nsegs, sizeof *jobs);
	for (int i = 0; i < s->nsegs; i++) {
		struct segment *seg = &s->segs[i];
		paths[i] = segment_cache_path(p->cache_dir, seg);
		int dup = 0;
		for (int j = 0; j < njobs; j++)
			if (strcmp(jobs[j].cache_path, paths[i]) == 0)
				dup = 1;
		if (dup)
			continue;
		if (seg != forced) {
			struct seg_audio a = {0};
			enum segcache_err e = segcache_read(paths[i], &a);
			seg_audio_clear(&a);
			if (e == SEGCACHE_OK)
				continue;
			if (e == SEGCACHE_CORRUPT)
				msg(MSG_BUILD_CORRUPT_CACHE, paths[i], 0, 0, "%s", seg->id);
		}
		jobs[njobs].seg = seg;
		jobs[njobs].file = path;
		jobs[njobs].cache_path = paths[i];
		njobs++;
	}
	/* Segments whose text repeats one being synthesised count as cached. */
	cached = s->nsegs - njobs;

	/* project_open has checked the intro and outro: nothing is written on bad input. */
	tl = make_timeline(p, s, paths);
	if (njobs > 0) {
		struct progress bar;
		struct synth_opts so = {0};
		progress_start(&bar, ep->slug, o->progress);
		so.jobs = o->jobs > 0 ? o->jobs : build_default_jobs();
		so.progress = on_progress;
		so.ud = &bar;
		int r = synth_run(jobs, njobs, &so);
		progress_end(&bar);
		if (r != 0) {
			msg(MSG_BUILD_SYNTH_FAILED, path, 0, 0, NULL);
			goto out;
		}
	}

	if (timeline_layout(tl) != 0)
		goto out;
	nchapters = chapters_from_timeline(ep, s, tl, &chapters);

	if (mkdir_p(p->ch->out_dir) != 0) {
		msg(MSG_BUILD_MKDIR, p->ch->out_dir, 0, 0, "%s", strerror(errno));
		goto out;
	}
	out_path = xasprintf("%s/%s.ogg", p->ch->out_dir, ep->slug);
	char track[16];
	snprintf(track, sizeof track, "%d", ep->number);
	struct vorbis_meta meta = {
		.title = ep->title,
		.album = p->ch->title,
		.artist = ep->author ? ep->author : p->ch->author,
		.date = ep->date,
		.tracknumber = ep->number > 0 ? track : NULL,
		.language = ep->lang,
		.description = ep->description,
		.chapters = chapters,
		.nchapters = nchapters,
	};
	struct render_opts ro = {
		.target_lufs = p->ch->loudness,
		.ceiling_dbtp = p->ch->true_peak,
		.bitrate = p->ch->bitrate,
		.serial = (uint32_t)hash64(ep->slug, strlen(ep->slug)),
	};
	struct render_report rep = {0};
	if (render_episode(tl, &ro, &meta, out_path, &rep) != 0)
		goto out;
	/* The audio first, then its transcript and chapters; the feed comes last. */
	vtt_path = xasprintf("%s/%s.vtt", p->ch->out_dir, ep->slug);
	json_path = xasprintf("%s/%s.chapters.json", p->ch->out_dir, ep->slug);
	srt_path = xasprintf("%s/%s.srt", p->ch->out_dir, ep->slug);
	words_path = xasprintf("%s/%s.words.json", p->ch->out_dir, ep->slug);
	if (transcript_write(vtt_path, srt_path, s, tl) != 0 ||
	    transcript_write_words(words_path, s, tl) != 0 ||
	    chapters_write_json(json_path, chapters, nchapters, tl->rate, ep->title, p->ch->title) != 0)
		goto out;

	int dropped = 0;
	for (int j = 0; j < njobs; j++)
		dropped += jobs[j].dropped_words;
	char dur[32];
	format_duration(dur, sizeof dur, rep.seconds);
	printf("%s: %d synthesized, %d cached, %s, %.1f LUFS, %.1f dBTP", path, njobs,
	       cached, dur, rep.decoded_lufs, rep.decoded_true_peak);
	if (dropped > 0)
		printf(", %d words dropped", dropped);
	printf(", %s\n", out_path);
	fflush(stdout);
	rc = 0;
out:
	if (paths)
		for (int i = 0; i < s->nsegs; i++)
			free(paths[i]);
	free(paths);
	free(jobs);
	chapters_free(&chapters, nchapters);
	free(out_path);
	free(vtt_path);
	free(srt_path);
	free(json_path);
	free(words_path);
	timeline_free(&tl);
	script_free(&s);
	episode_free(&ep);
	return rc;
}
