/*
 * shownotes.h: an episode's show notes, as published: the HTML that goes
 * into the feed's content:encoded and the episode's page, and the plain
 * text summary that goes into its description.
 *
 * In: the episode Markdown (struct episode: body and blocks). Out: strings
 * (the episode's page itself is made by site.c).
 */
#ifndef PODSYNTH_SHOWNOTES_H
#define PODSYNTH_SHOWNOTES_H

#include <stddef.h>

#include "show/show.h"

/*
 * Markdown text with the Speech Markdown markup taken out, for reading
 * rather than listening: "(x)[sub:\"y\"]", "(x)[voice:\"v\"]" and
 * "(x)[characters]" become x, pauses such as "[500ms]", "[2s]" or
 * "[break:\"strong\"]" and inserts "[audio:\"f.wav\"]" go. What is markup
 * is the speech stage's grammar (speech_markup_at, speech.h), within one
 * paragraph. Code spans, fenced code blocks, escaped brackets and link
 * text are left alone. The caller frees.
 */
char *shownotes_unspeech(const char *md, size_t n);

/*
 * The episode body rendered to an HTML fragment with md4c-html (GitHub
 * dialect: tables, strikethrough, autolinks): links and code kept, the
 * sections as headings. The result is parsed again with libxml2's HTML
 * parser and only an allowlist is written back: comments (producer notes)
 * go, script, style, iframe, forms and the like go with their content,
 * other unknown elements are unwrapped, and only plain attributes (href,
 * src, alt, title...) stay. Relative link and image targets are made
 * absolute against base_url (the site's root URL, may be NULL);
 * javascript:, data: and other unsafe targets are dropped. The text is
 * sanitised (xmltext.h).
 * Returns NULL when md4c fails (reported). The caller frees.
 */
char *shownotes_html(const struct episode *ep, const char *base_url);

/*
 * Warns (at the file's line of each) about every link and image target of
 * the body that shownotes_html leaves out, by the same rule: anything but
 * an http(s) address or a path in the site (javascript:, data:, "//host",
 * a control character...). Markdown links, autolinks, reference
 * definitions and raw HTML <a href> and <img src> are all seen. Returns
 * how many; the build drops them just the same.
 */
int shownotes_check_links(const struct episode *ep, const char *base_url);

/*
 * The published notes (shownotes_html) as Apple Podcasts renders them in
 * <content:encoded>: only paragraphs, lists and links; headings, code
 * blocks and table rows become paragraphs, block quotes and inline markup
 * are unwrapped (their text kept), images go. The caller frees.
 */
char *shownotes_apple(const char *html);

/*
 * The plain text summary: the front matter's description, else its
 * summary, else the first paragraph of the body, shortened at a word to
 * about max bytes with an ellipsis. One line, sanitised. The caller frees.
 */
char *shownotes_summary(const struct episode *ep, size_t max);

#endif
