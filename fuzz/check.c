/*
 * fuzz/check.c: fuzz target for `podsynth check` on whole episodes with
 * audio inserts: any bytes as an episode file in a scratch show whose
 * episodes/ holds every kind of file an insert may name (a real WAV, a text
 * file named .wav, a FIFO, a directory, a symlink to /dev/zero, a missing
 * name), through project_episode (the one path check and build share:
 * front matter, body, inserts, bed, artwork, script), the spoken-markup
 * check and the check of the links the notes leave out.
 *
 * In: the bytes, as episodes/2026-01-01-fuzz.md. Out: nothing; aborts when
 * a contract breaks:
 *  - nothing hangs on a FIFO or reads /dev/zero (libFuzzer's -timeout and
 *    -rss_limit_mb catch it);
 *  - an episode project_episode accepts has only inserts that are audio
 *    as the build opens it (asset_check), each at a line of the file;
 *  - an insert naming a bad file is never accepted.
 * Leaks are caught by LeakSanitizer (libFuzzer's -detect_leaks).
 */
#include "fuzz.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "audio/audio.h"
#include "cmd/project.h"
#include "publish/publish.h"
#include "show/episode.h"

static struct project *proj;
static char *ep_path;
static int top_fd = -1;   /* where libFuzzer runs (its corpus paths are relative) */

static void check_fuzz_exit(void)
{
	project_close(&proj);
	free(ep_path);
}

/* A 0.1 s mono 8 kHz 16-bit WAV of a quiet tone. */
static void write_wav(const char *path)
{
	unsigned char h[44 + 1600] = "RIFF";
	put_u32(h + 4, 36 + 1600);
	memcpy(h + 8, "WAVEfmt ", 8);
	put_u32(h + 16, 16);
	h[20] = 1, h[22] = 1;
	put_u32(h + 24, 8000);
	put_u32(h + 28, 16000);
	h[32] = 2, h[34] = 16;
	memcpy(h + 36, "data", 4);
	put_u32(h + 40, 1600);
	for (int i = 0; i < 800; i++)
		h[44 + 2 * i + 1] = (unsigned char)((i / 10) % 2 ? 0x08 : 0xf8);
	fuzz_write(path, h, sizeof h);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_init();
	char *dir = fuzz_path("episodes"), *rss = fuzz_path("rss"), *chan = fuzz_path("rss/channel.yaml");
	char *top_voices = fuzz_top_path("voices");
	if (mkdir(dir, 0755) != 0 || mkdir(rss, 0755) != 0) {
		fprintf(fuzz_err, "fuzz check: cannot make the scratch show\n");
		exit(2);
	}
	char *settings = xasprintf("title: Fuzz\nlink: http://127.0.0.1:8000\nvoices: %s\n", top_voices);
	fuzz_write(chan, settings, strlen(settings));
	free(settings);
	char *p;
	write_wav(p = path_join(dir, "clip.wav")), free(p);
	fuzz_write(p = path_join(dir, "text.wav"), "not audio\n", 10), free(p);
	mkfifo(p = path_join(dir, "fifo.wav"), 0644), free(p);
	mkdir(p = path_join(dir, "dir.wav"), 0755), free(p);
	symlink("/dev/zero", p = path_join(dir, "zero.wav")), free(p);
	ep_path = path_join(dir, "2026-01-01-fuzz.md");
	top_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (project_open(chan, &proj) != 0) {
		fprintf(fuzz_err, "fuzz check: cannot open the scratch show (voices in %s)\n", top_voices);
		exit(2);
	}
	free(dir), free(rss), free(chan), free(top_voices);
	atexit(check_fuzz_exit);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the scratch show is the project while an input runs: inserts must be in it (project.c) */
	if (top_fd < 0 || chdir(fuzz_dir) != 0)
		abort();
	fuzz_write(ep_path, data, size);
	int lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	struct episode *ep = NULL;
	struct script *s = NULL;
	if (project_episode(proj, ep_path, &ep, &s) == 0) {
		for (int i = 0; i < ep->ninserts; i++) {
			char why[256];
			FUZZ_CHECK(asset_check(ep->inserts[i].path, why, sizeof why) == 0,
				   "insert %s accepted by check, refused by the build: %s", ep->inserts[i].path, why);
			FUZZ_CHECK(ep->inserts[i].line >= 1 && ep->inserts[i].line <= lines,
				   "insert %d at line %d of %d", i, ep->inserts[i].line, lines);
		}
		project_check_markup(ep, s);
		/* the links the notes leave out, as check names them (shownotes.h) */
		shownotes_check_links(ep, proj->ch->link);
		script_free(&s);
		episode_free(&ep);
	}
	if (fchdir(top_fd) != 0)
		abort();
	return 0;
}
