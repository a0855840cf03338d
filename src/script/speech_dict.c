/*
 * speech_dict.c: whether a string of letters is a correctly written English
 * word, by Debian's en_US hunspell dictionary (and en_GB, asked apart). The normaliser asks it when
 * it must decide between saying a word and spelling letters, and before it
 * splits words that lost the space between them.
 *
 * In: a word. Out: yes or no. en_US is what the program carries: scowl's
 * lists (speech_words.c) and the forms hunspell en_US adds to them
 * (hunspell.words, made by scripts/hunspell-words), asked with hunspell's
 * rules of case; loading hunspell itself would cost 40 ms of a 60-minute
 * episode. A dictionary named by PODSYNTH_DICT (a path without .dic/.aff)
 * is loaded with hunspell instead, once, on first use, and freed at exit;
 * when it cannot be read nothing is a word, which is reported once.
 */
#include <hunspell.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "speech_int.h"
#include "core/core.h"

static Hunhandle *dict;
static pthread_once_t dict_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t dict_lock = PTHREAD_MUTEX_INITIALIZER;   /* hunspell is not thread-safe */

static void dict_close(void)
{
	if (dict)
		Hunspell_destroy(dict);
	dict = NULL;
}

static void dict_open(void)
{
	const char *base = getenv("PODSYNTH_DICT");
	if (!base || !*base)
		base = "/usr/share/hunspell/en_US";
	char *aff = xasprintf("%s.aff", base), *dic = xasprintf("%s.dic", base);
	if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
		dict = Hunspell_create(aff, dic);
		atexit(dict_close);
	} else {
		msg(MSG_SPEECH_NO_DICT, dic, 0, 0, NULL);
	}
	free(aff);
	free(dic);
}

/* Whether PODSYNTH_DICT names a dictionary for hunspell (read once: it is
 * asked for every word). */
static int use_hunspell;
static pthread_once_t use_once = PTHREAD_ONCE_INIT;

static void use_read(void)
{
	const char *base = getenv("PODSYNTH_DICT");
	use_hunspell = base && *base;
}

static int dict_hunspell(void)
{
	pthread_once(&use_once, use_read);
	return use_hunspell;
}

int speech_dict_ready(void)
{
	if (!dict_hunspell())
		return 1;
	pthread_once(&dict_once, dict_open);
	return dict != NULL;
}

static Hunhandle *gb;
static pthread_once_t gb_once = PTHREAD_ONCE_INIT;

static void gb_close(void)
{
	if (gb)
		Hunspell_destroy(gb);
	gb = NULL;
}

/* en_GB beside en_US, from PODSYNTH_DICT_GB or Debian's hunspell-en-gb; quietly absent. */
static void gb_open(void)
{
	const char *base = getenv("PODSYNTH_DICT_GB");
	if (!base || !*base)
		base = "/usr/share/hunspell/en_GB";
	char *aff = xasprintf("%s.aff", base), *dic = xasprintf("%s.dic", base);
	if (access(aff, R_OK) == 0 && access(dic, R_OK) == 0) {
		gb = Hunspell_create(aff, dic);
		atexit(gb_close);
	}
	free(aff);
	free(dic);
}

int speech_dict_gb(const char *s, size_t n)
{
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return 0;
	pthread_once(&gb_once, gb_open);
	if (!gb)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	pthread_mutex_lock(&dict_lock);
	int ok = Hunspell_spell(gb, tmp) != 0;
	pthread_mutex_unlock(&dict_lock);
	return ok;
}

int speech_dict_word(const char *s, size_t n)
{
	char tmp[64];
	if (n == 0 || n >= sizeof tmp)
		return 0;
	if (!dict_hunspell())
		return words_dict(s, n);
	pthread_once(&dict_once, dict_open);
	if (!dict)
		return 0;
	memcpy(tmp, s, n);
	tmp[n] = 0;
	pthread_mutex_lock(&dict_lock);
	int ok = Hunspell_spell(dict, tmp) != 0;
	pthread_mutex_unlock(&dict_lock);
	return ok;
}
