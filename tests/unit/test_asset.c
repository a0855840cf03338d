/*
 * test_asset.c: the asset check (asset.c) that the intro and outro
 * settings, the music bed's file and inserts all go through, and the
 * raised-cosine ramp (fade.c) that the jingles, the bed and the timeline
 * all fade with.
 */
#include "harness.h"
#include "audio/asset.h"
#include "audio/fade.h"
#include "core/util.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/podsynth-test-asset.XXXXXX";

static void write_wav(const char *path, int frames)
{
	SF_INFO info = {.samplerate = 8000, .channels = 1, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
	SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
	short s[100] = {0};
	if (sf != NULL) {
		sf_write_short(sf, s, frames);
		sf_close(sf);
	}
}

static void test_asset(void)
{
	char why[256];
	char *ok = path_join(dir, "ok.wav"), *empty = path_join(dir, "empty.wav");
	char *text = path_join(dir, "notes.wav"), *missing = path_join(dir, "missing.wav");
	write_wav(ok, 100);
	write_wav(empty, 0);
	FILE *f = fopen(text, "w");
	if (f) {
		fputs("not audio at all\n", f);
		fclose(f);
	}

	INT_EQ(asset_check(ok, why, sizeof why), 0, "a wav file with frames is an asset");
	INT_EQ(asset_check(missing, why, sizeof why), -1, "a missing file is not");
	STR_EQ(why, strerror(ENOENT), "... and the reason is the system's");
	INT_EQ(asset_check(dir, why, sizeof why), -1, "a directory is not");
	STR_EQ(why, "not a regular file (a directory)", "... and says which kind of file it is");
	INT_EQ(asset_check(empty, why, sizeof why), -1, "a wav file without frames is not");
	STR_EQ(why, "no audio in it", "... and says so");
	INT_EQ(asset_check(text, why, sizeof why), -1, "a text file is not");
	OK(why[0] != '\0' && why[0] == (char)tolower((unsigned char)why[0]) &&
	   why[strlen(why) - 1] != '.', "... and libsndfile's reason is in our style (\"%s\")", why);

	STR_EQ(asset_why(why, sizeof why, "File contains data in an unknown format."),
	       "file contains data in an unknown format", "asset_why: lower case, no full stop");
	STR_EQ(asset_why(why, sizeof why, "WAV header is bad. \n"), "WAV header is bad",
	       "asset_why keeps an acronym's capitals");
	STR_EQ(asset_why(why, sizeof why, NULL), "unknown error", "asset_why without a message");

	unlink(ok);
	unlink(empty);
	unlink(text);
	free(ok);
	free(empty);
	free(text);
	free(missing);
}

static void test_fade(void)
{
	OK(fade_rcos(-1) == 0 && fade_rcos(0) == 0, "the ramp is 0 up to its start");
	OK(fade_rcos(1) == 1 && fade_rcos(2) == 1, "the ramp is 1 from its end");
	OK(fade_rcos(0.5) == 0.5 - 0.5 * cos(M_PI * 0.5), "the ramp is a raised cosine (%.17g)",
	   fade_rcos(0.5));
	int mono = 1, sym = 1;
	for (int i = 0; i < 1000; i++) {
		double x = i / 1000.0, y = (i + 1) / 1000.0;
		mono &= fade_rcos(x) <= fade_rcos(y);
		sym &= fabs(fade_rcos(x) + fade_rcos(1 - x) - 1) < 1e-12;
	}
	OK(mono, "the ramp rises");
	OK(sym, "the ramp is symmetric: a fade out and in sum to one");
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("not ok - mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_asset();
	test_fade();
	rmdir(dir);
	return harness_done();
}
