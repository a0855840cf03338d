/*
 * cmd_say.c: `podsynth say [--voice NAME] "text" -o out.wav` speaks a line
 * through the same normaliser and synthesiser as an episode, for trying a
 * lexicon entry or a voice. The words spoken are printed, run by run.
 *
 * In: text (arguments, or "-" for standard input), the show's voices and
 * lexicons. Out: a WAV file (16-bit mono at the engine's rate: espeak-ng's
 * 22.05 kHz, a Flite voice's 16 kHz; the higher when a line uses both).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sndfile.h>

#include "cmd.h"
#include "core/core.h"
#include "show/show.h"
#include "project.h"
#include "synth/synth.h"
#include "script/script.h"

static const char say_usage[] =
	"usage: podsynth say [--channel FILE] [--voice NAME] [--lang LANG] [-n] [-o OUT.wav] TEXT...\n"
	"  --voice NAME   the voice profile to speak with (default: the show's host)\n"
	"  --lang LANG    the language of the text (default: the voice's)\n"
	"  -n             print the spoken text only, do not synthesise\n"
	"  -o FILE        the WAV file to write (default: say.wav); TEXT \"-\" reads standard input\n";

static int cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Without a show (no rss/channel.yaml): every *.lexicon in the voices directory. */
static int load_lexicons(struct lexicon *lex, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	char **names = NULL;
	int n = 0, rc = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t l = strlen(de->d_name);
		if (l > 8 && strcmp(de->d_name + l - 8, ".lexicon") == 0 && de->d_name[0] != '.') {
			names = xreallocarray(names, (size_t)n + 1, sizeof *names);
			names[n++] = xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmpstr);
	for (int i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		if (lexicon_load(lex, path) != 0)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

static char *read_stdin(void)
{
	struct buf b = {0};
	char tmp[4096];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, stdin)) > 0)
		buf_add(&b, tmp, n);
	return buf_detach(&b);
}

static int write_wav(const char *path, const struct seg_audio *a)
{
	SF_INFO info = {0};
	info.samplerate = a->rate;
	info.channels = 1;
	info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
	char *tmp = tmp_path_for(path);
	SNDFILE *sf = sf_open(tmp, SFM_WRITE, &info);
	if (!sf) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", sf_strerror(NULL));
		free(tmp);
		return -1;
	}
	sf_count_t w = sf_write_short(sf, a->samples, (sf_count_t)a->nsamples);
	int rc = w == (sf_count_t)a->nsamples ? 0 : -1;
	if (rc)
		msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", sf_strerror(sf));
	if (sf_close(sf) != 0)
		rc = -1;
	if (rc == 0 && msg_commit_tmp(tmp, path) != 0) {
		msg(MSG_FILE_WRITE, path, 0, 0, "the audio" MSG_SEP "%s", strerror(errno));
		rc = -1;
	} else if (rc) {
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

int cmd_say(int argc, char **argv)
{
	const char *channel = NULL, *voice = NULL, *lang = NULL, *out = "say.wav";
	int dry = 0, rc = 1, i;
	struct project *p = NULL;
	struct voiceset *own_vs = NULL;
	struct lexicon *own_lex = NULL;
	struct run *runs = NULL;
	int nruns = 0;
	char *text = NULL, *dir = NULL, *cache = NULL;
	struct seg_audio audio = {0};
	struct buf versions = {0};

	/* options may come before or after the text */
	const struct opt tab[] = {
		{"channel", 0, OPT_STR, &channel, 0, 0, 0, NULL, NULL},
		{"voice", 0, OPT_STR, &voice, 0, 0, 0, NULL, NULL},
		{"lang", 0, OPT_STR, &lang, 0, 0, 0, NULL, NULL},
		{"output", 'o', OPT_STR, &out, 0, 0, 0, NULL, NULL},
		{"dry-run", 'n', OPT_FLAG, &dry, 1, 0, 0, NULL, NULL},
	};
	i = opts_parse(argc, argv, tab, ARRAY_LEN(tab), say_usage);
	if (i < 0)
		return i == OPTS_HELP ? 0 : 2;
	if (i >= argc)
		return opts_fail(argv[0], say_usage, "nothing to say");
	char **words = argv + i;
	int nwords = argc - i;
	if (nwords == 1 && strcmp(words[0], "-") == 0) {
		text = read_stdin();
	} else {
		struct buf b = {0};
		for (int k = 0; k < nwords; k++) {
			if (b.len)
				buf_putc(&b, ' ');
			buf_puts(&b, words[k]);
		}
		text = buf_detach(&b);
	}
	size_t bad;
	if (utf8_check(text, strlen(text), &bad) != 0) {
		msg(MSG_FILE_UTF8, "say", 1, 0, " in the text to say");
		goto out;
	}

	/* the show's voices and lexicons, or the voices directory alone */
	const struct voiceset *vs;
	const struct lexicon *lex;
	const char *host_name = "host";
	if (channel || file_exists("rss/channel.yaml")) {
		if (project_open_for(channel, 0, &p) != 0)
			goto out;
		vs = p->voices;
		lex = p->lex;
		host_name = p->ch->host_voice;
	} else {
		const char *vdir = file_exists("voices") ? "voices" : PODSYNTH_DATADIR "/voices";
		if (voiceset_load(vdir, &own_vs) != 0)
			goto out;
		own_lex = lexicon_new();
		if (load_lexicons(own_lex, vdir) != 0)
			goto out;
		vs = own_vs;
		lex = own_lex;
	}
	struct speech_ctx ctx = {0};
	ctx.voices = vs;
	ctx.lex = lex;
	ctx.file = "say";
	ctx.host = voiceset_find(vs, voice ? voice : host_name);
	if (!ctx.host) {
		msg(MSG_UNKNOWN_VOICE, vs->dir, 0, 0, "\"%s\"", voice ? voice : host_name);
		goto out;
	}
	ctx.quote = voiceset_find(vs, "quote");
	if (!ctx.quote)
		ctx.quote = ctx.host;
	ctx.zh = voiceset_find(vs, "zh");
	ctx.lang = lang ? lang : ctx.host->lang ? ctx.host->lang : "en";
	/* the numbers X.YY the text calls a version, as an episode's are gathered
	   from all of its blocks: "如5.15 LTS" 五点十五 as in the script */
	speech_versions(&versions, text);
	ctx.versions = versions.data;

	struct block b = {0};
	b.kind = BLOCK_PARAGRAPH;
	b.line = 1;
	b.section = -1;
	b.text = text;
	if (speech_block(&ctx, &b, &runs, &nruns) != 0)
		goto out;
	for (int r = 0; r < nruns; r++) {
		printf("%s: ", runs[r].voice->name);
		if (runs[r].pause_ms)
			printf("[%dms] ", runs[r].pause_ms);
		char *shown = text_form(runs[r].text, strlen(runs[r].text), TEXT_SHOWN);
		printf("%s\n", shown);
		free(shown);
	}
	fflush(stdout);
	if (nruns == 0) {
		msg(MSG_SAY_NOTHING, "say", 1, 0, NULL);
		goto out;
	}
	if (dry) {
		rc = 0;
		goto out;
	}

	/* synthesise as a one-segment episode, into a private cache file */
	dir = xstrdup("/tmp/podsynth-say.XXXXXX");
	const char *tmpdir = getenv("TMPDIR");
	if (tmpdir && *tmpdir) {
		free(dir);
		dir = xasprintf("%s/podsynth-say.XXXXXX", tmpdir);
	}
	if (!mkdtemp(dir)) {
		msg(MSG_FILE_TMPDIR, dir, 0, 0, "%s", strerror(errno));
		free(dir);
		dir = NULL;
		goto out;
	}
	cache = path_join(dir, "say.seg");
	struct segment seg = {0};
	snprintf(seg.id, sizeof seg.id, "say");
	seg.kind = BLOCK_PARAGRAPH;
	seg.line = 1;
	seg.section = -1;
	seg.source = text;
	seg.runs = runs;
	seg.nruns = nruns;
	struct synth_job job = {0};
	job.seg = &seg;
	job.file = "say";
	job.cache_path = cache;
	struct synth_opts o = {0};
	o.jobs = 1;
	if (synth_run(&job, 1, &o) != 0 || job.failed)
		goto out;
	enum segcache_err e = segcache_read(cache, &audio);
	if (e != SEGCACHE_OK) {
		msg(MSG_AUDIO_SEGMENT, cache, 0, 0, "%s", segcache_strerror(e));
		goto out;
	}
	if (write_wav(out, &audio) != 0)
		goto out;
	fprintf(stderr, "podsynth: wrote %s (%.2f s)\n", out, audio.rate ? (double)audio.nsamples / audio.rate : 0.0);
	rc = 0;
out:
	seg_audio_clear(&audio);
	if (cache) {
		unlink(cache);
		free(cache);
	}
	if (dir) {
		rmdir(dir);
		free(dir);
	}
	for (int r = 0; r < nruns; r++) {
		free(runs[r].text);
		free(runs[r].display);
		free(runs[r].explain);
	}
	free(runs);
	free(text);
	buf_free(&versions);
	voiceset_free(&own_vs);
	lexicon_free(&own_lex);
	project_close(&p);
	return rc ? rc : diag_exit_status();
}
