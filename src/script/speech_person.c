/*
 * speech_person.c: the words of a person's name, known from the shape of
 * the line they stand in rather than from the words themselves. A
 * shortlog's author line ("Andrew Bresticker (1):", "zhang kai (1):",
 * "Jiri Slaby (SUSE) (2):"), a tag's name ("Signed-off-by: Hai Li <...>"),
 * a row of a table of developers ("Hai Li 4487 0.8%") and the name before
 * "wrote:" at the end of a line are a person's name, whatever its words:
 * everything before " (N):" is a name.
 *
 * The marks say which tokens are a name's words (PERSON_WORD), and which of
 * them are said in pinyin (PERSON_PINYIN, speech_pinyin.c's pinyin_person
 * decides); a name written all in small letters ("bo liu (1):") is
 * capitalised in the text, as its owner would write it in prose, so that
 * the rules for names see it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "speech_en_int.h"

#define MAX_WORDS 6

/* A word of a name: letters (and UTF-8's), a hyphen or an apostrophe
 * inside, two letters or more, no mark around it. */
static int name_token(const struct tok *t)
{
	const unsigned char *s = (const unsigned char *)t->raw;
	size_t n = t->rawlen;
	if (t->lead || t->trail || n < 2 || !(isalpha(s[0]) || s[0] >= 0x80) || s[n - 1] == '-' || s[n - 1] == '\'')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(isalpha(s[i]) || s[i] >= 0x80 || s[i] == '-' || s[i] == '\''))
			return 0;
	return 1;
}

/* An initial, "J." or "J". */
static int initial_token(const struct tok *t)
{
	return t->lead == 0 && isupper((unsigned char)t->raw[0]) &&
	       (t->rawlen == 1 || (t->rawlen == 2 && t->raw[1] == '.'));
}

/* A family name's particle in small letters: "Hans de Goede". */
static int particle_token(const struct tok *t)
{
	static const char *const particles[] = {"de", "van", "von", "der", "den", "da", "di", "du", "le",
						"la", "del", "dos", "das", "ter", "ten", "zu", "bin", "al"};
	for (size_t i = 0; i < ARRAY_LEN(particles); i++)
		if (strlen(particles[i]) == t->rawlen && memcmp(particles[i], t->raw, t->rawlen) == 0)
			return 1;
	return 0;
}

/* Whether t[from..to) is a name: its words capitalised (or in capitals),
 * with initials and particles between; or its words all in small letters
 * (1 then, 2 when in small letters). */
static int name_span(const struct tok *t, int from, int to, int lower_ok)
{
	int words = 0, lower = 0, caps = 0;
	if (to - from < 1 || to - from > MAX_WORDS)
		return 0;
	for (int i = from; i < to; i++) {
		if (initial_token(&t[i])) {
			caps = 1;
			continue;
		}
		if (!name_token(&t[i]))
			return 0;
		if (particle_token(&t[i]) && i > from && i + 1 < to) {
			caps = 1;
			continue;
		}
		if (!has_upper(t[i].raw, t[i].rawlen)) {
			lower = 1;
		} else {
			if (!isupper((unsigned char)t[i].raw[0]) && (unsigned char)t[i].raw[0] < 0x80)
				return 0;
			caps = 1;
		}
		words++;
	}
	if (!words || (lower && (caps || !lower_ok)))
		return 0;
	return lower ? 2 : 1;
}

/* "(3):", a shortlog's count of a person's commits. */
static int count_token(const struct tok *t)
{
	const char *c = t->raw + t->lead;
	size_t cn = t->rawlen - t->lead - t->trail;
	return t->lead == 1 && t->raw[0] == '(' && cn >= 1 && cn <= 5 && all_digit(c, cn) && t->trail == 2 &&
	       memcmp(c + cn, "):", 2) == 0;
}

/* "(SUSE)", "(Google)": an affiliation after the name. */
static int affiliation_token(const struct tok *t)
{
	return t->rawlen >= 3 && t->raw[0] == '(' && t->raw[t->rawlen - 1] == ')' && t->lead == 1 && t->trail == 1;
}

/* "4487", "1,234": a table's count; "0.8%", "12%": its share. */
static int table_count(const struct tok *t)
{
	if (t->lead || t->trail || !isdigit((unsigned char)t->raw[0]))
		return 0;
	for (size_t i = 0; i < t->rawlen; i++)
		if (!isdigit((unsigned char)t->raw[i]) && t->raw[i] != ',')
			return 0;
	return 1;
}

static int table_share(const struct tok *t)
{
	size_t i = 0, n = t->rawlen;
	const char *s = t->raw;
	if (n < 2 || s[n - 1] != '%' || t->lead)
		return 0;
	while (i < n - 1 && isdigit((unsigned char)s[i]))
		i++;
	if (!i)
		return 0;
	if (i < n - 1 && s[i] == '.') {
		size_t j = ++i;
		while (i < n - 1 && isdigit((unsigned char)s[i]))
			i++;
		if (i == j)
			return 0;
	}
	return i == n - 1;
}

/* A tag whose value is a person: "Signed-off-by:", "Reported-by:", "Cc:". */
static int tag_token(const struct tok *t)
{
	const char *c = t->raw + t->lead;
	size_t cn = t->rawlen - t->lead - t->trail;
	if (t->trail != 1 || c[cn] != ':')
		return 0;
	return (cn > 3 && strncasecmp(c + cn - 3, "-by", 3) == 0) || (cn == 2 && strncasecmp(c, "cc", 2) == 0);
}

/* Marks t[from..to) as a name; a name in small letters is capitalised in
 * place (each word, and each part after a hyphen). */
static void mark(struct en *e, struct tok *t, int from, int to, int lower, unsigned char *marks)
{
	const char *w[MAX_WORDS] = {0};
	size_t wn[MAX_WORDS] = {0};
	int idx[MAX_WORDS] = {0}, k = 0;
	for (int i = from; i < to; i++) {
		if (!name_token(&t[i]) || (particle_token(&t[i]) && i > from && i + 1 < to))
			continue;
		if (lower) {
			char *s = (char *)t[i].raw;
			for (size_t j = 0; j < t[i].rawlen; j++)
				if (j == 0 || s[j - 1] == '-')
					s[j] = (char)toupper((unsigned char)s[j]);
		}
		marks[i] |= PERSON_WORD;
		w[k] = t[i].raw;
		wn[k] = t[i].rawlen;
		idx[k++] = i;
	}
	unsigned pin = pinyin_person(e, w, wn, k);
	for (int j = 0; j < k; j++)
		if (pin & (1u << j))
			marks[idx[j]] |= PERSON_PINYIN;
}

unsigned char *person_marks(struct en *e, struct tok *t, int nt)
{
	unsigned char *marks = NULL;
	int found = 0, r;
	if (nt < 2)
		return NULL;
	marks = calloc((size_t)nt, 1);
	if (!marks)
		abort();
	/* "Given Family (N):", "family given (N):", "Jiri Slaby (SUSE) (2):" */
	if (count_token(&t[nt - 1])) {
		int end = nt - 1;
		while (end > 1 && affiliation_token(&t[end - 1]))
			end--;
		if ((r = name_span(t, 0, end, 1)) != 0) {
			mark(e, t, 0, end, r == 2, marks);
			found = 1;
		}
	}
	/* "Hai Li 4487 0.8%": a row of a table of developers */
	if (!found && nt >= 3 && table_share(&t[nt - 1]) && table_count(&t[nt - 2]) &&
	    (r = name_span(t, 0, nt - 2, 0)) != 0) {
		mark(e, t, 0, nt - 2, 0, marks);
		found = 1;
	}
	/* "Hai Li wrote:" at the end, after the start or a comma */
	if (!found && t[nt - 1].lead == 0 && t[nt - 1].rawlen == 6 && memcmp(t[nt - 1].raw, "wrote:", 6) == 0) {
		int from = nt - 1;
		while (from > 0 && nt - 1 - from < MAX_WORDS && (name_token(&t[from - 1]) || initial_token(&t[from - 1])))
			from--;
		if (from < nt - 1 && (from == 0 || (t[from - 1].trail && t[from - 1].raw[t[from - 1].rawlen - 1] == ',')) &&
		    name_span(t, from, nt - 1, 0) == 1) {
			mark(e, t, from, nt - 1, 0, marks);
			found = 1;
		}
	}
	/* "Signed-off-by: Hai Li <hai@example.com>", "Cc: bo liu <...>" */
	for (int i = 0; i + 1 < nt; i++) {
		if (!tag_token(&t[i]))
			continue;
		int end = i + 1;
		while (end < nt && t[end].raw[0] != '<' && end - i <= MAX_WORDS)
			end++;
		if ((end == nt || t[end].raw[0] == '<') && (r = name_span(t, i + 1, end, 1)) != 0) {
			mark(e, t, i + 1, end, r == 2, marks);
			found = 1;
		}
	}
	if (!found) {
		free(marks);
		return NULL;
	}
	return marks;
}
