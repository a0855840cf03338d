/*
 * build.c: drives one episode down the pipeline.
 *
 *   episode.md -> episode + script -> synthesis of segments the cache lacks
 *   -> timeline (intro, segments, pauses, outro) -> render (loudness, limiter,
 *   each format's encoder) -> rss/episodes/<slug>.mp3, .opus, .ogg (the
 *   formats the show lists)
 *
 * A cold build renders ahead (render.h): while the synthesis workers speak
 * the later segments, a thread of this process levels and encodes the
 * chunks of the first ones, as their files are written; the render then
 * finds those chunks in the cache. The cores do not wait for the last
 * segment before encoding begins, and the files are the same bytes.
 *
 * Everything that can fail on bad input (front matter, voices, normaliser,
 * intro and outro files) is checked before anything is written.
 */
#include "build.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "show/show.h"
#include "audio/audio.h"
#include "publish/publish.h"
#include "core/core.h"
#include "render/render.h"
#include "synth/synth.h"

int build_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* ---- rendering ahead while the segments are synthesised ---- */

struct ahead {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	const struct timeline *tl;
	int *item_job;           /* per item: the job writing its file, or -1 */
	unsigned char *written;  /* per job */
	int stop;                /* set under mu, read atomically by the renderer */
	int drain;               /* set under mu: stop once nothing is left to do */
	int64_t grid;
	struct render_ahead *ra;
	struct progress *bar;
	pthread_t t;
	int started;
};

static void on_progress(void *ud, int done, int total)
{
	struct ahead *a = ud;
	progress_update(a->bar, done, total);
}

static void on_written(void *ud, int job)
{
	struct ahead *a = ud;
	if (!a->started)
		return;
	pthread_mutex_lock(&a->mu);
	a->written[job] = 1;
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

/* The thread: renders the groups of the longest prefix of items whose files
 * are written, each time the prefix grows, until told to stop. */
static void *ahead_main(void *arg)
{
	struct ahead *a = arg;
	int done = 0;
	pthread_mutex_lock(&a->mu);
	while (!a->stop) {
		int k = 0;
		while (k < a->tl->n && (a->item_job[k] < 0 || a->written[a->item_job[k]]))
			k++;
		if (k <= done) {
			if (a->drain)
				break;
			pthread_cond_wait(&a->cv, &a->mu);
			continue;
		}
		/* A copy of the prefix, taken while the timeline is not changed. */
		struct timeline pre = *a->tl;
		pre.n = k;
		pre.items = xmalloc((size_t)k * sizeof *pre.items);
		memcpy(pre.items, a->tl->items, (size_t)k * sizeof *pre.items);
		pthread_mutex_unlock(&a->mu);
		int r = render_ahead_run(a->ra, &pre, k, a->grid, &a->stop);
		free(pre.items);
		pthread_mutex_lock(&a->mu);
		if (r != 0)
			break;
		done = k;
	}
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

/*
 * Stops the thread after the group in hand; the timeline is the caller's
 * again once this returns (the thread no longer reads it). Test hook:
 * PODSYNTH_TEST_AHEAD_DRAIN=1 lets it first make every group it can
 * (joining it here), so that a test sees the most it does whatever the
 * timing.
 */
static void ahead_stop(struct ahead *a)
{
	if (!a->started)
		return;
	const char *drain = getenv("PODSYNTH_TEST_AHEAD_DRAIN");
	pthread_mutex_lock(&a->mu);
	if (drain != NULL && strcmp(drain, "1") == 0) {
		a->drain = 1;
		pthread_cond_signal(&a->cv);
		pthread_mutex_unlock(&a->mu);
		pthread_join(a->t, NULL);
		a->started = 0;
		return;
	}
	__atomic_store_n(&a->stop, 1, __ATOMIC_RELEASE);
	pthread_cond_signal(&a->cv);
	pthread_mutex_unlock(&a->mu);
}

static void ahead_join(struct ahead *a)
{
	if (!a->started)
		return;
	ahead_stop(a);
	pthread_join(a->t, NULL);
	a->started = 0;
}

static void on_render_progress(void *ud, double done_s, double total_s, int pass)
{
	progress_render(ud, done_s, total_s, pass);
}

static void add_item(struct timeline *tl, const char *setting, enum tl_kind jingle)
{
	if (setting == NULL)
		timeline_add(tl, jingle, NULL, -1);
	else if (strcmp(setting, "none") != 0)
		timeline_add(tl, TL_ASSET, setting, -1);
}

/*
 * The timeline: intro, segments with their pauses, outro. With a music bed
 * (bed != NULL), bed->lead ms of silence where the bed plays alone: before
 * the first segment (intro, episode), before headings (sections; intro:
 * the first one), after the last segment (episode).
 */
static struct timeline *make_timeline(const struct project *p, const struct episode *ep,
				      const struct script *s, char **paths,
				      const struct bed_settings *bed)
{
	const struct channel *ch = p->ch;
	struct timeline *tl = timeline_new(ch->sample_rate, ch->channels);
	enum bed_play play = bed ? bed->play : BED_NONE;
	int headings = 0;
	add_item(tl, ch->intro, TL_JINGLE_INTRO);
	if (tl->n > 0 && ch->pauses.after_intro > 0)
		timeline_add_silence(tl, ch->pauses.after_intro);
	if (play == BED_INTRO || play == BED_EPISODE)
		timeline_add_silence(tl, bed->lead);
	int ins = 0;
	/* inserts before the first block: then the usual paragraph pause */
	for (; ins < ep->ninserts && ep->inserts[ins].after < 0; ins++) {
		timeline_add(tl, TL_ASSET, ep->inserts[ins].path, -1);
		timeline_add_silence(tl, ch->pauses.paragraph);
	}
	for (int i = 0; i < s->nsegs; i++) {
		/* (intro: not when the episode opens with its heading, there is no intro then) */
		if (s->segs[i].kind == BLOCK_HEADING &&
		    (play == BED_SECTIONS || (play == BED_INTRO && headings == 0 && i > 0)))
			timeline_add_silence(tl, bed->lead);
		headings += s->segs[i].kind == BLOCK_HEADING;
		timeline_add(tl, TL_SEGMENT, paths[i], i);
		if (s->segs[i].pause_after_ms > 0)
			timeline_add_silence(tl, s->segs[i].pause_after_ms);
		/* audio inserts after this block, each followed by the same pause */
		for (; ins < ep->ninserts && ep->inserts[ins].after == i; ins++) {
			timeline_add(tl, TL_ASSET, ep->inserts[ins].path, -1);
			timeline_add_silence(tl, s->segs[i].pause_after_ms > 0 ? s->segs[i].pause_after_ms
									 : ch->pauses.paragraph);
		}
	}
	if (play == BED_EPISODE)
		timeline_add_silence(tl, bed->lead);
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

/*
 * Where the bed plays and the voices it ducks under, from the laid-out
 * timeline (see make_timeline for the silences it plays alone in).
 */
static void place_bed(struct bed *b, const struct bed_settings *set, const struct script *s,
		      const struct timeline *tl)
{
	int first = -1, last = -1;
	int64_t fade = (int64_t)set->fade * tl->rate / 1000;
	for (int i = 0; i < tl->n; i++) {
		const struct tl_item *it = &tl->items[i];
		if (it->kind != TL_SEGMENT)
			continue;
		if (first < 0)
			first = i;
		last = i;
	}
	/* voices: the segments, and the audio inserts between them */
	for (int i = first; i >= 0 && i <= last; i++)
		if (tl->items[i].kind == TL_SEGMENT || tl->items[i].kind == TL_ASSET)
			bed_voice(b, tl->items[i].start, tl->items[i].start + tl->items[i].length);
	if (first < 0)
		return;
	/* the lead silence before the first segment, or before its heading */
	int64_t lead_start = first > 0 ? tl->items[first - 1].start : 0;
	const struct tl_item *end = &tl->items[last];
	switch (set->play) {
	case BED_NONE:
		break;
	case BED_EPISODE:
		bed_play(b, lead_start, end->start + end->length + (int64_t)set->lead * tl->rate / 1000);
		break;
	case BED_INTRO: {
		int64_t stop = end->start + end->length;
		for (int i = first; i <= last; i++)
			if (tl->items[i].kind == TL_SEGMENT && s->segs[tl->items[i].seg].kind == BLOCK_HEADING) {
				stop = tl->items[i].start;
				break;
			}
		bed_play(b, lead_start, stop);
		break;
	}
	case BED_SECTIONS: {
		int64_t prev_end = -1;
		for (int i = first; i <= last; i++) {
			const struct tl_item *it = &tl->items[i];
			if (it->kind != TL_SEGMENT)
				continue;
			if (s->segs[it->seg].kind == BLOCK_HEADING)
				bed_play(b, prev_end >= 0 ? prev_end : tl->items[i - 1 >= 0 ? i - 1 : 0].start,
					 it->start + it->length + fade);
			prev_end = it->start + it->length;
		}
		break;
	}
	}
	bed_ready(b);
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

struct build_job {
	char *path;
	struct episode *ep;
	struct script *s;
	struct segment *forced;   /* --segment: synthesised even when cached */
};

void build_job_free(struct build_job **jp)
{
	struct build_job *j = *jp;
	if (j == NULL)
		return;
	script_free(&j->s);
	episode_free(&j->ep);
	free(j->path);
	free(j);
	*jp = NULL;
}

int build_prepare(struct project *p, const char *path, const struct build_opts *o,
		  struct build_job **out)
{
	struct episode *ep = NULL;
	struct script *s = NULL;
	int rc = -1;

	*out = NULL;
	if (project_episode(p, path, &ep, &s) != 0)
		return -1;
	/* Another episode's slug or guid: its files are not ours to write. */
	if (project_check_unique(p, ep) != 0)
		goto out;
	/* A renamed file of a published episode: its guid must not change. */
	if (project_check_identity(p, ep) != 0)
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
	struct build_job *j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	j->ep = ep;
	j->s = s;
	j->forced = forced;
	*out = j;
	return 0;
out:
	script_free(&s);
	episode_free(&ep);
	return rc;
}

int build_run(struct project *p, struct build_job **jp, const struct build_opts *o)
{
	struct build_job *j = *jp;
	const char *path = j->path;
	struct episode *ep = j->ep;
	struct script *s = j->s;
	struct segment *forced = j->forced;
	struct timeline *tl = NULL;
	struct bed *bed = NULL;
	struct synth_job *jobs = NULL;
	struct chapter *chapters = NULL;
	char **paths = NULL;
	char *out_paths[FMT_COUNT] = {0};
	char *vtt_path = NULL, *json_path = NULL, *picture = NULL, *srt_path = NULL;
	char *words_path = NULL;
	int nchapters = 0, njobs = 0, cached, rc = -1;
	struct progress bar = {0};
	struct ahead ahead = {.bar = &bar};

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
			enum segcache_err e = segcache_verify(paths[i]);
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

	/* project_episode has checked the inserts and the bed's file, as check does. */
	/* The bed is read and measured now: nothing is written on bad input. */
	bed = NULL;
	if (ep->bed.play != BED_NONE &&
	    (bed = bed_new(&ep->bed, p->ch->sample_rate, p->ch->channels, p->ch->loudness)) == NULL)
		goto out;
	/* project_open has checked the intro and outro: nothing is written on bad input. */
	tl = make_timeline(p, ep, s, paths, bed ? &ep->bed : NULL);
	timeline_set_bed(tl, bed);   /* the timeline frees it */
	const struct channel *chn = p->ch;
	for (int i = 0; i < chn->nformats; i++)
		out_paths[i] = xasprintf("%s/%s.%s", chn->out_dir, ep->slug,
					 format_info(chn->formats[i])->ext);
	struct render_opts ro = {
		.target_lufs = p->ch->loudness,
		.ceiling_dbtp = p->ch->true_peak,
		.bitrate = p->ch->bitrate,
		.serial = (uint32_t)hash64(ep->slug, strlen(ep->slug)),
		.nformats = chn->nformats,
	};
	for (int i = 0; i < chn->nformats; i++) {
		ro.formats[i] = chn->formats[i];
		ro.kbps[i] = chn->kbps[chn->formats[i]];
		ro.paths[i] = out_paths[i];
	}
	ro.jobs = o->jobs > 0 ? o->jobs : build_default_jobs();
	ro.cache_dir = p->cache_dir;

	/* One bar for the whole build: synthesis, then the render. */
	progress_start(&bar, ep->slug, o->progress);
	if (njobs > 0) {
		struct synth_opts so = {0};
		so.jobs = o->jobs > 0 ? o->jobs : build_default_jobs();
		so.pool = o->pool;
		so.progress = on_progress;
		so.written = on_written;
		so.ud = &ahead;
		/* Render ahead on two cores or more, for the chunked formats. */
		if (so.jobs > 1 && tl->bed == NULL && chn->nformats > 0) {
			ahead.tl = tl;
			ahead.grid = render_chunk_grid(tl->rate, chn->formats, chn->nformats);
			ahead.item_job = xmalloc((size_t)(tl->n > 0 ? tl->n : 1) * sizeof *ahead.item_job);
			ahead.written = xcalloc((size_t)njobs, 1);
			for (int i = 0; i < tl->n; i++) {
				ahead.item_job[i] = -1;
				for (int j = 0; j < njobs && tl->items[i].kind == TL_SEGMENT; j++)
					if (tl->items[i].path != NULL &&
					    strcmp(tl->items[i].path, jobs[j].cache_path) == 0)
						ahead.item_job[i] = j;
			}
			ahead.ra = render_ahead_new(&ro);
			pthread_mutex_init(&ahead.mu, NULL);
			pthread_cond_init(&ahead.cv, NULL);
			ahead.started = pthread_create(&ahead.t, NULL, ahead_main, &ahead) == 0;
		}
		int r = synth_run(jobs, njobs, &so);
		ahead_stop(&ahead);
		if (r != 0) {
			progress_end(&bar);
			msg(MSG_BUILD_SYNTH_FAILED, path, 0, 0, NULL);
			goto out;
		}
	}

	/* Synthesis is over (or was not needed: every segment cached): the
	 * workers forked early that it did not take end here, not after the
	 * render and the transcript. */
	synth_pool_drain(o->pool);
	if (timeline_layout(tl) != 0)
		goto out;
	/* Sounds start on the MP3 and Opus frame grid, so that an edit moves
	 * what follows by whole frames and its chunks stay as they are. */
	if (tl->bed == NULL)
		timeline_align(tl, render_chunk_grid(tl->rate, p->ch->formats, p->ch->nformats));
	if (tl->bed != NULL)
		place_bed(tl->bed, &ep->bed, s, tl);
	nchapters = chapters_from_timeline(ep, s, tl, &chapters);
	for (int i = 0; i < nchapters; i++)   /* a chapter's image, embedded in the MP3 */
		if (chapters[i].img)
			chapters[i].img_file = artwork_site_file(p->ch, chapters[i].img);

	if (mkdir_p(p->ch->out_dir) != 0) {
		msg(MSG_BUILD_MKDIR, p->ch->out_dir, 0, 0, "%s", strerror(errno));
		goto out;
	}
	char track[16];
	snprintf(track, sizeof track, "%d", ep->number);
	struct audio_meta meta = {
		.source = path,
		.title = ep->title,
		.album = p->ch->title,
		.artist = ep->author ? ep->author : p->ch->author,
		.date = ep->date,
		.tracknumber = ep->number > 0 ? track : NULL,
		.language = ep->lang,
		.description = ep->description,
		/* the episode's image, else the show's, else the drawn cover */
		.picture = picture = artwork_episode_image(p->ch, ep),
		.chapters = chapters,
		.nchapters = nchapters,
	};
	struct render_report rep = {0};
	ro.progress = on_render_progress;
	ro.progress_ud = &bar;
	/* The chunks made ahead are in the cache now. Test hook: how many
	 * groups, in the chunk log (render.c writes the rest of it). */
	ahead_join(&ahead);
	ro.ahead = ahead.ra;
	const char *clog = getenv("PODSYNTH_TEST_CHUNK_LOG");
	FILE *cl = ahead.ra != NULL && clog != NULL && *clog != '\0' ? fopen(clog, "a") : NULL;
	if (cl != NULL) {
		fprintf(cl, "ahead %d\n", render_ahead_groups(ahead.ra));
		fclose(cl);
	}
	int rr = render_episode(tl, &ro, &meta, NULL, &rep);
	progress_end(&bar);
	if (rr != 0)
		goto out;
	/* The audio first, then its transcript and chapters; the feed comes last. */
	vtt_path = xasprintf("%s/%s.vtt", p->ch->out_dir, ep->slug);
	json_path = xasprintf("%s/%s.chapters.json", p->ch->out_dir, ep->slug);
	srt_path = xasprintf("%s/%s.srt", p->ch->out_dir, ep->slug);
	words_path = xasprintf("%s/%s.words.json", p->ch->out_dir, ep->slug);
	if (transcript_write(vtt_path, srt_path, s, tl, p->ch->host) != 0 ||
	    transcript_write_words(words_path, s, tl, p->ch->host) != 0 ||
	    chapters_write_json(json_path, chapters, nchapters, tl->rate, ep->title, p->ch->title,
				p->ch->link) != 0)
		goto out;

	int dropped = 0;
	for (int j = 0; j < njobs; j++)
		dropped += jobs[j].dropped_words;
	char dur[32];
	format_duration(dur, sizeof dur, rep.seconds);
	printf("%s: %d synthesized, %d cached, %s", path, njobs, cached, dur);
	for (int i = 0; i < rep.nformats; i++)
		printf(", %s %.1f LUFS %.1f dBTP", format_info(rep.formats[i].format)->name,
		       rep.formats[i].lufs, rep.formats[i].true_peak);
	if (rep.chunked)
		printf(", chunks %d encoded %d kept", rep.chunks_encoded, rep.chunks_kept);
	if (dropped > 0)
		printf(", %d words dropped", dropped);
	printf(", %s\n", out_paths[0]);
	fflush(stdout);
	rc = 0;
out:
	ahead_join(&ahead);
	if (ahead.ra != NULL) {
		pthread_mutex_destroy(&ahead.mu);
		pthread_cond_destroy(&ahead.cv);
	}
	render_ahead_free(&ahead.ra);
	free(ahead.item_job);
	free(ahead.written);
	progress_end(&bar);
	if (paths)
		for (int i = 0; i < s->nsegs; i++)
			free(paths[i]);
	free(paths);
	free(jobs);
	chapters_free(&chapters, nchapters);
	for (int i = 0; i < FMT_COUNT; i++)
		free(out_paths[i]);
	free(vtt_path);
	free(srt_path);
	free(picture);
	free(json_path);
	free(words_path);
	timeline_free(&tl);
	build_job_free(jp);
	return rc;
}
