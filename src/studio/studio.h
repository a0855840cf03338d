/*
 * studio.h: the public header of src/studio/: `podsynth studio`, a web
 * room where contributors write the week's summaries into the episode file
 * and hear them at once.
 *
 * In: the show (settings, voices, lexicons, the engine's facts, the cache,
 * opened by cmd/), the episode file, the week's mailboxes, a SQLite file
 * for accounts, sessions and claims. Out: an HTTP server (libmicrohttpd) on
 * 127.0.0.1 unless told otherwise; summaries written into the episode.
 */
#ifndef PODSYNTH_STUDIO_H
#define PODSYNTH_STUDIO_H

#include "show/show.h"
#include "script/script.h"
#include "draft/draft.h"

struct studio_cfg {
	const char *listen;        /* an IPv4 or IPv6 address; NULL: 127.0.0.1 */
	int port;                  /* 0: any free port (printed) */
	const char *db_path;
	const char *episode;       /* the episode file the summaries go into */
	char **mailboxes;
	int nmailboxes;
	long long since, until;    /* the week: [since, until), 0: no bound */
	int secure_cookies;        /* behind a TLS proxy: cookies are Secure */
	const struct channel *ch;
	const struct voiceset *vs;
	struct lexicon *lex;       /* the show's: pronunciations fixed in the studio are added */
	const struct engine_facts *eng;
	const char *cache_dir;
	const char *channel_path;  /* the show settings (NULL: rss/channel.yaml), for publishing */
	const struct draft_settings *draft;
};

/*
 * Serves until SIGINT or SIGTERM; prints "studio: http://ADDR:PORT/" on
 * standard error once listening. Returns 0, or -1 after reporting.
 */
int studio_serve(const struct studio_cfg *cfg);

/*
 * Adds an account to the database at db_path with role "contributor" or
 * "editor" and a password (hashed with Argon2id). Returns 0, or -1 after
 * reporting (a taken name, a bad role or name, a short password).
 */
int studio_user_add(const char *db_path, const char *name, const char *role, const char *password);

#endif
