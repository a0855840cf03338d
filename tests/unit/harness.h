/*
 * harness.h: a tiny harness for the C unit tests in tests/unit/. Each check
 * prints "ok - ..." or "not ok - ..."; main returns harness_done().
 */
#ifndef PODSYNTH_HARNESS_H
#define PODSYNTH_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_failed;

#define OK(cond, ...) do { \
	if (cond) { printf("ok - "); } \
	else { printf("not ok - %s:%d: ", __FILE__, __LINE__); harness_failed++; } \
	printf(__VA_ARGS__); printf("\n"); \
} while (0)

#define INT_EQ(got, want, what) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	OK(g_ == w_, "%s (got %lld, want %lld)", what, g_, w_); \
} while (0)

#define STR_EQ(got, want, what) do { \
	const char *g_ = (got), *w_ = (want); \
	OK(g_ && w_ && strcmp(g_, w_) == 0, "%s (got \"%s\", want \"%s\")", \
	   what, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

static inline int harness_done(void) { return harness_failed ? 1 : 0; }

#endif
