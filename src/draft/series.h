/*
 * series.h: patch series from threaded mail, the second stage of
 * `podsynth draft`.
 *
 * In: a struct mailbox (mail.h). Messages are threaded by Message-ID,
 * In-Reply-To and References; each thread's patch messages are grouped by
 * version, and the versions of one series (the same subject without its
 * tag) become one item: the latest, with its replies and the earlier
 * versions. A thread without a patch is an item when its tag says what it
 * is ("[REGRESSION]") or it has SERIES_TALK_REPLIES replies. Out: a plain
 * array of struct series_item, pointing into the mailbox (which must
 * outlive it).
 */
#ifndef PODSYNTH_SERIES_H
#define PODSYNTH_SERIES_H

#include "mailbox.h"

/* What a subject's "[RFC PATCH net-next v3 2/5]" tags say. */
struct subject_tag {
	int reply;       /* "Re:" and the like in front */
	int patch;       /* PATCH, RFC or GIT PULL seen */
	int rfc;
	int pull;        /* GIT PULL */
	int version;     /* N of vN; 1 when absent */
	int num, total;  /* N/M; both -1 when absent */
	int talk;        /* a thread that is not a patch: 1 + its row of series_talk_tags, 0 none */
	const char *rest;/* the subject after the tags (points into it) */
};

/* The tags that make a thread without a patch an item: "[ANNOUNCE]", "[BUG]"... */
enum series_talk { TALK_NONE, TALK_ANNOUNCE, TALK_BUG, TALK_REGRESSION, TALK_DISCUSSION };
/* A thread without a patch tag is an item with at least this many replies (a discussion). */
#define SERIES_TALK_REPLIES 3

/* Reads the tags at the start of subject. */
void subject_parse(const char *subject, struct subject_tag *t);

/* An earlier version of a series, as found in the input. */
struct series_version {
	int version;
	int rfc;
	long long date;    /* of its cover letter (or first patch) */
	const struct mail_msg *msg;
};

struct series_item {
	const struct mail_msg *msg; /* the cover letter, or the first patch */
	char *subject;     /* without the tag */
	char *prefix;      /* subsystem prefix ("riscv: mm", "x86/mce"), or NULL */
	int version;
	int rfc;
	int pull;
	int patches;       /* M of N/M, 1 for a single patch */
	int cover;         /* msg is a cover letter (0/M) */
	enum series_talk talk; /* not a patch: an announcement, a bug, a discussion... */
	int versions;      /* how many versions were in the input */
	int replies;       /* replies to this version (not its patches) */
	char **trailers;   /* "Reviewed-by: Name", each once, in the order given */
	int ntrailers;
	const struct mail_msg **reply; /* the replies counted in replies, in mail order */
	struct series_version *earlier; /* older versions in the input, oldest first */
	int nearlier;
	int posts;         /* copies of this version merged (cross-posts, resends) */
};

struct series {
	struct series_item *items;
	int n;
	int threads;       /* threads seen, items or not */
	int skipped;       /* threads that are no item (no patch, no tag, few replies) */
};

/* Threads mb into series; the caller frees with series_free (sets *s to NULL). */
struct series *series_build(const struct mailbox *mb);
void series_free(struct series **s);

#endif
