/*
 * esc.h: text made safe for where it goes in a page: HTML text and
 * attribute values, JSON strings (also inside a <script> or an attribute),
 * URL query components. Every byte the studio writes into a response that
 * came from a mailbox, an episode file, a form or the database goes through
 * one of these. In: UTF-8 text. Out: appended to a buffer.
 */
#ifndef PODSYNTH_STUDIO_ESC_H
#define PODSYNTH_STUDIO_ESC_H

#include "core/core.h"

/* & < > " ' as entities: right for element text and quoted attribute values. */
void esc_html(struct buf *b, const char *s);
/* A JSON string literal with its quotes; < > & and U+2028/9 as \u escapes. */
void esc_json(struct buf *b, const char *s);
/* Every byte but [A-Za-z0-9-._~] as %XX: a query component or path segment. */
void esc_url(struct buf *b, const char *s);

#endif
