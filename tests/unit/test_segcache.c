/*
 * test_segcache.c: the segment cache file format (segcache.c): a round trip
 * keeps every sample and event, and damaged files (truncated, one byte
 * flipped, garbage, missing) are reported as such, never read as audio.
 */
#include "harness.h"
#include "synth/segcache.h"
#include "core/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/podsynth-test-segcache.XXXXXX";

static void make_audio(struct seg_audio *a, uint32_t ns, uint32_t ne)
{
	a->rate = 22050;
	a->nsamples = ns;
	a->samples = xmalloc((ns ? ns : 1) * sizeof *a->samples);
	uint32_t x = 12345;
	for (uint32_t i = 0; i < ns; i++) {
		x = x * 1103515245u + 12345u;
		a->samples[i] = (int16_t)(x >> 16);
	}
	if (ns > 0)
		a->samples[0] = -32768;
	if (ns > 1)
		a->samples[1] = 32767;
	a->nevents = ne;
	a->events = xcalloc(ne ? ne : 1, sizeof *a->events);
	for (uint32_t i = 0; i < ne; i++) {
		a->events[i].sample = ns ? (uint32_t)((uint64_t)ns * i / ne) : 0;
		a->events[i].run = i / 3;
		a->events[i].pos = i * 7;
		a->events[i].len = i % 2 ? 5 : 0;
		a->events[i].type = 1 + i % 3;
	}
}

static int same_audio(const struct seg_audio *a, const struct seg_audio *b)
{
	if (a->rate != b->rate || a->nsamples != b->nsamples || a->nevents != b->nevents)
		return 0;
	if (a->nsamples && memcmp(a->samples, b->samples, a->nsamples * sizeof *a->samples))
		return 0;
	for (uint32_t i = 0; i < a->nevents; i++) {
		const struct synth_event *x = &a->events[i], *y = &b->events[i];
		if (x->sample != y->sample || x->run != y->run || x->pos != y->pos ||
		    x->len != y->len || x->type != y->type)
			return 0;
	}
	return 1;
}

static long file_size(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Rewrites path with its first n bytes (or with byte off xor'ed). */
static void damage(const char *path, long truncate_to, long flip_at)
{
	size_t len;
	char *d = read_file(path, &len);
	if (d == NULL)
		return;
	if (flip_at >= 0 && (size_t)flip_at < len)
		d[flip_at] ^= 0x20;
	if (truncate_to >= 0 && (size_t)truncate_to < len)
		len = (size_t)truncate_to;
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(d, 1, len, f);
		fclose(f);
	}
	free(d);
}

static void test_round_trip(void)
{
	char *path = path_join(dir, "ab/rt.seg");
	char *sub = path_dirname(path);
	mkdir_p(sub);
	struct seg_audio a = {0}, b = {0};
	make_audio(&a, 22050 * 3 + 17, 40);
	INT_EQ(segcache_write(path, &a), SEGCACHE_OK, "write a segment");
	INT_EQ(file_size(path), 32 + 40 * 20 + (22050 * 3 + 17) * 2 + 8, "file size is header + events + samples + checksum");
	INT_EQ(segcache_read(path, &b), SEGCACHE_OK, "read it back");
	OK(same_audio(&a, &b), "samples and events survive the round trip");
	int rate = 0;
	uint32_t ns = 0;
	INT_EQ(segcache_probe(path, &rate, &ns), SEGCACHE_OK, "probe a good file");
	INT_EQ(rate, 22050, "probe reports the rate");
	INT_EQ(ns, a.nsamples, "probe reports the sample count");
	seg_audio_clear(&b);
	OK(b.samples == NULL && b.events == NULL && b.nsamples == 0, "seg_audio_clear empties");

	/* No temporary file is left behind. */
	char *tmp = tmp_path_for(path);
	OK(!file_exists(tmp), "no temporary file left after write");
	free(tmp);

	/* Overwriting replaces the contents. */
	seg_audio_clear(&a);
	make_audio(&a, 100, 0);
	INT_EQ(segcache_write(path, &a), SEGCACHE_OK, "overwrite with a shorter segment");
	INT_EQ(segcache_read(path, &b), SEGCACHE_OK, "read the overwritten file");
	OK(same_audio(&a, &b), "the new contents are read");
	seg_audio_clear(&b);

	/* An empty segment is a valid file too. */
	seg_audio_clear(&a);
	make_audio(&a, 0, 0);
	INT_EQ(segcache_write(path, &a), SEGCACHE_OK, "write an empty segment");
	INT_EQ(segcache_read(path, &b), SEGCACHE_OK, "read an empty segment");
	OK(same_audio(&a, &b), "an empty segment round-trips");
	seg_audio_clear(&b);
	seg_audio_clear(&a);
	unlink(path);
	rmdir(sub);
	free(sub);
	free(path);
}

static void test_damage(void)
{
	char *path = path_join(dir, "dmg.seg");
	struct seg_audio a = {0}, b = {0};
	make_audio(&a, 5000, 12);
	long full = 32 + 12 * 20 + 5000 * 2 + 8;
	struct {
		const char *what;
		long trunc, flip;
	} cases[] = {
		{"truncated in the samples", full - 100, -1},
		{"truncated checksum", full - 3, -1},
		{"truncated header", 20, -1},
		{"empty file", 0, -1},
		{"flipped sample byte", -1, full - 500},
		{"flipped event byte", -1, 32 + 5 * 20 + 9},
		{"flipped checksum byte", -1, full - 1},
		{"flipped magic", -1, 2},
		{"flipped version", -1, 8},
		{"flipped sample count", -1, 16},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		if (segcache_write(path, &a) != SEGCACHE_OK) {
			OK(0, "write for %s", cases[i].what);
			continue;
		}
		damage(path, cases[i].trunc, cases[i].flip);
		b.nsamples = 99;
		enum segcache_err e = segcache_read(path, &b);
		INT_EQ(e, SEGCACHE_CORRUPT, cases[i].what);
		OK(b.samples == NULL && b.nsamples == 0, "nothing returned for %s", cases[i].what);
		seg_audio_clear(&b);
	}
	/* probe checks the header and the size, not the checksum. */
	segcache_write(path, &a);
	damage(path, full - 2, -1);
	INT_EQ(segcache_probe(path, NULL, NULL), SEGCACHE_CORRUPT, "probe: truncated file");
	segcache_write(path, &a);
	damage(path, -1, 3);
	INT_EQ(segcache_probe(path, NULL, NULL), SEGCACHE_CORRUPT, "probe: bad magic");
	write_file_atomic(path, "RIFF....WAVEfmt garbage that is long enough to be a header", 58);
	INT_EQ(segcache_read(path, &b), SEGCACHE_CORRUPT, "garbage file");
	INT_EQ(segcache_probe(path, NULL, NULL), SEGCACHE_CORRUPT, "probe: garbage file");
	unlink(path);

	INT_EQ(segcache_read(path, &b), SEGCACHE_MISSING, "missing file");
	INT_EQ(segcache_probe(path, NULL, NULL), SEGCACHE_MISSING, "probe: missing file");
	char *nodir = path_join(dir, "no/such/dir/x.seg");
	INT_EQ(segcache_read(nodir, &b), SEGCACHE_MISSING, "missing directory");
	INT_EQ(segcache_write(nodir, &a), SEGCACHE_IO, "write into a missing directory fails");
	OK(segcache_strerror(SEGCACHE_CORRUPT) && *segcache_strerror(SEGCACHE_CORRUPT), "strerror");
	free(nodir);
	seg_audio_clear(&a);
	free(path);
}

int main(void)
{
	if (mkdtemp(dir) == NULL) {
		printf("not ok - mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	test_round_trip();
	test_damage();
	rmdir(dir);
	return harness_done();
}
