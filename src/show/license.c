/*
 * license.c: the known licence identifiers (see license.h).
 *
 * In: an identifier. Out: its URL from a table of the SPDX identifiers a
 * podcast is likely to use: the Creative Commons licences (4.0 and 3.0) and
 * dedications. A licence outside the table is refused by the callers, so a
 * typing slip never reaches the feed.
 */
#include "license.h"

#include <stdlib.h>
#include <strings.h>

#include "core/core.h"

static const struct {
	const char *id;
	const char *url;
} licenses[] = {
	{"cc0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/"},
	{"cc-pdm-1.0", "https://creativecommons.org/publicdomain/mark/1.0/"},
	{"cc-by-4.0", "https://creativecommons.org/licenses/by/4.0/"},
	{"cc-by-sa-4.0", "https://creativecommons.org/licenses/by-sa/4.0/"},
	{"cc-by-nd-4.0", "https://creativecommons.org/licenses/by-nd/4.0/"},
	{"cc-by-nc-4.0", "https://creativecommons.org/licenses/by-nc/4.0/"},
	{"cc-by-nc-sa-4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"},
	{"cc-by-nc-nd-4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"},
	{"cc-by-3.0", "https://creativecommons.org/licenses/by/3.0/"},
	{"cc-by-sa-3.0", "https://creativecommons.org/licenses/by-sa/3.0/"},
	{"cc-by-nd-3.0", "https://creativecommons.org/licenses/by-nd/3.0/"},
	{"cc-by-nc-3.0", "https://creativecommons.org/licenses/by-nc/3.0/"},
	{"cc-by-nc-sa-3.0", "https://creativecommons.org/licenses/by-nc-sa/3.0/"},
	{"cc-by-nc-nd-3.0", "https://creativecommons.org/licenses/by-nc-nd/3.0/"},
};

const char *license_url(const char *id)
{
	for (size_t i = 0; id && i < ARRAY_LEN(licenses); i++)
		if (strcasecmp(id, licenses[i].id) == 0)
			return licenses[i].url;
	return NULL;
}

char *license_canonical(const char *id)
{
	char *s = xstrdup(id);
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}
