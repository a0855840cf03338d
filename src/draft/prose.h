/*
 * prose.h: what the words of a message say, for the draft's sentences.
 *
 * In: a message body (UTF-8, as mail.c leaves it). Out: plain text, mail
 * line-wrapping undone: the sentences of a cover letter that say what a
 * series does and why (prose_why), the changes its changelog lists for a
 * version (prose_changes), a reply's own words without quotes, greetings,
 * trailers and signature (prose_reply), and what a reply decides: an
 * objection (prose_objects) or that the patch was applied or merged
 * (prose_applied). The rules are tables at the top of prose.c and are
 * listed in docs/draft.md.
 */
#ifndef PODSYNTH_PROSE_H
#define PODSYNTH_PROSE_H

/*
 * Up to max sentences of the first paragraphs of body that say what it does:
 * greetings, attributions, quoted text, trailers, changelogs, links,
 * "This series is based on..." and git's pull-request boilerplate are
 * skipped; reading stops at patch text, a diffstat or a signature. List
 * items become sentences. The caller frees; "" when nothing is left.
 */
char *prose_why(const char *body, int max);

/*
 * What the changelog in body says changed in version (the block under
 * "Changes in v3:", "v2 -> v3:", "Changes since v2:" and the like, or the
 * first changelog when none names the version): up to max items joined
 * with "; ", without their list marks and full stops. The caller frees;
 * NULL when there is no changelog.
 */
char *prose_changes(const char *body, int version, int max);

/*
 * A reply's own words: its first paragraph that is not quoted text, an
 * attribution, a greeting, a trailer or a sign-off, up to max sentences.
 * The caller frees; "" when it says nothing of its own.
 */
char *prose_reply(const char *body, int max);

/* 1 when a reply objects: a NAK or Nacked-by: line of its own (not quoted). */
int prose_objects(const char *body);

/*
 * When a reply says the patch was applied ("Applied to riscv-next,
 * thanks!", "Queued for 6.19") or a pull request merged ("has been merged
 * into torvalds/linux.git"): where to ("riscv-next"), or "" when it does
 * not say; the caller frees. NULL when the reply says neither.
 */
char *prose_applied(const char *body, int *merged);

#endif
