/*
 * xmltext.h: strings made safe to publish, before they go into XML (the
 * feed), HTML pages, WebVTT cues or JSON.
 *
 * libxml2 2.9 writes whatever bytes it is given, and one stray control
 * character or broken UTF-8 sequence in a title makes the whole feed fail
 * to parse in every podcast app. In: any bytes. Out: valid UTF-8 holding
 * only characters XML 1.0 allows (and no discouraged ones).
 */
#ifndef PODSYNTH_XMLTEXT_H
#define PODSYNTH_XMLTEXT_H

#include <stddef.h>

enum xmltext_flags {
	/*
	 * One line (titles, names): tabs and line breaks become spaces, runs
	 * of white space become one space, and the ends are trimmed.
	 */
	XMLTEXT_LINE = 1,
};

/*
 * Returns a cleaned copy of s[0..n):
 *  - invalid UTF-8 (stray or truncated bytes, overlong forms, encoded
 *    surrogates, code points past U+10FFFF) becomes U+FFFD, one for each
 *    maximal ill-formed subsequence as Unicode recommends;
 *  - C0 controls other than tab and line feed, DEL, C1 controls
 *    (U+0080..U+009F), NUL, and the noncharacters (U+FFFE, U+FFFF,
 *    U+FDD0..U+FDEF and U+nFFFE/U+nFFFF in every plane) are removed;
 *  - CR LF and lone CR become LF.
 * When repaired is not NULL it is set to the number of characters replaced
 * or removed (white space folded by XMLTEXT_LINE does not count).
 * s may be NULL (an empty string is returned). The caller frees.
 */
char *xmltext_clean(const char *s, size_t n, int flags, int *repaired);
/* xmltext_clean of a NUL-terminated string (NULL gives ""); the caller frees. */
char *xmltext_cleans(const char *s, int flags);
/* 1 when code point cp may appear in published text (see above), else 0. */
int xmltext_char_ok(unsigned long cp);

#endif
