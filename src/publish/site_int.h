/*
 * site_int.h: what the website's files share inside src/publish/ (site.c
 * makes the pages, site_text.c the episode's one text on its page).
 */
#ifndef PODSYNTH_SITE_INT_H
#define PODSYNTH_SITE_INT_H

#include "core/core.h"
#include "chapters.h"

/* One cue of the WebVTT transcript, as site.c reads it back. */
struct cue {
	double t0, t1;
	char *speaker;  /* the person speaking (<v Name>), "" when not named */
	char *lang;     /* the cue's own language (<lang xx>), "" when the page's */
	int quote;      /* a quotation (<c.quote>) */
	char *text;     /* plain text, one line */
};

/* 1 when the language tags a and b have different primary subtags. */
int site_other_lang(const char *a, const char *b);

/*
 * Appends the episode's one text: the show notes' HTML (shownotes_html,
 * already sanitised) as written, its headings moved down so that the
 * highest is level top, with every sentence of the transcript woven in:
 * each cue's words are found in order in the notes' text (letters and
 * digits compared, case, spaces and punctuation aside) and wrapped in
 * <span class="cue" data-start data-end> (more than one span when the
 * sentence crosses an element, as a link or emphasis it holds stays
 * inside it). A cue whose words are not found takes the notes' text
 * between its neighbours' when that is about as long; one still without a
 * place is a paragraph of its own where it is spoken. A paragraph where
 * the speaker changes starts with the speaker's name, unless it opens
 * with the written label ("Ana:"); a heading that is a chapter's title
 * gets id "ch-K" (K from 1; has[K-1] is set). On a page in a CJK
 * language (lang), a paragraph or list item in Latin letters only is
 * lang=other, a cue in another language carries its lang, and a line
 * break between CJK characters is no space.
 */
void site_text(struct buf *b, const char *notes_html, const struct cue *c, int n,
	       const struct chapter *chap, int nchap, char *has, int top, const char *lang,
	       const char *other);

#endif
