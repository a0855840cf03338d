/*
 * db.h: the studio's state in SQLite: accounts and their profiles,
 * sessions, claims on threads, who wrote which summary, failed sign-ins.
 * What the show is made of (summaries, order, the welcome, the writers it
 * credits) is not here: it is in the episode Markdown file.
 *
 * In: a database file (created with its tables on first open). Out: rows
 * as plain C data. Every statement is prepared with bound parameters.
 */
#ifndef PODSYNTH_STUDIO_DB_H
#define PODSYNTH_STUDIO_DB_H

struct sdb;

struct studio_user {
	long long id;
	char *name;
	char *role;       /* "contributor" or "editor" */
	char *hash;       /* crypto_pwhash_str's string */
};

struct claim {
	char *thread;     /* the thread's Message-ID */
	char *user;       /* who claimed it */
	char *status;     /* "claimed" or "written" */
};

/* Opens (creating) path. Returns 0, or -1 after reporting at path. Free with sdb_close. */
int sdb_open(const char *path, struct sdb **out);
void sdb_close(struct sdb **db);

/* 0 added, 1 the name is taken, -1 a database error. */
int sdb_user_add(struct sdb *db, const char *name, const char *role, const char *hash);
/* 0 found (caller clears u), 1 no such user, -1 error. */
int sdb_user_by_name(struct sdb *db, const char *name, struct studio_user *u);
int sdb_user_by_id(struct sdb *db, long long id, struct studio_user *u);
void studio_user_clear(struct studio_user *u);

/* Sessions: a token's hash, its user, its CSRF token, when it ends (seconds). */
int sdb_session_add(struct sdb *db, const char *token_hash, long long user, const char *csrf,
		    long long expires);
/* 0 found (*user, csrf[65] set), 1 none or expired, -1 error. */
int sdb_session_get(struct sdb *db, const char *token_hash, long long now, long long *user,
		    char csrf[65]);
int sdb_session_del(struct sdb *db, const char *token_hash);

/* Failed sign-ins for key ("user:NAME", "ip:ADDR") since since. */
int sdb_fail_add(struct sdb *db, const char *key, long long at);
int sdb_fail_count(struct sdb *db, const char *key, long long since);

/*
 * Claims: sdb_claim sets thread's claim to user with status; it returns 1
 * when another user holds it (nothing changed). sdb_unclaim drops user's
 * claim. sdb_claims lists every claim (caller frees with claims_free).
 */
int sdb_claim(struct sdb *db, const char *thread, long long user, const char *status);
int sdb_unclaim(struct sdb *db, const char *thread, long long user);
int sdb_claims(struct sdb *db, struct claim **out, int *n);
void claims_free(struct claim **c, int n);

/* A contributor's profile: what the episode credits them with. */
struct profile {
	char *user;       /* the account's name */
	char *role;
	char *fullname;   /* as credited ("" : not given) */
	char *bio;        /* one short paragraph, or "" */
	char *links;      /* http(s) URLs, one a line, or "" */
	char *thread;     /* sdb_writers: the thread written; else NULL */
};

/* 0 found (the caller frees with profile_clear), 1 no such user, -1 error. */
int sdb_profile_get(struct sdb *db, long long user, struct profile *p);
int sdb_profile_set(struct sdb *db, long long user, const char *fullname, const char *bio, const char *links);
/* Every account with its profile, by name. The caller frees with profiles_free. */
int sdb_profiles(struct sdb *db, struct profile **out, int *n);
/* Records that user saved a summary of thread (at: seconds). */
int sdb_wrote(struct sdb *db, const char *thread, long long user, long long at);
/* Who wrote what: a profile a (thread, writer), in the order first written. Free with profiles_free. */
int sdb_writers(struct sdb *db, struct profile **out, int *n);
void profiles_free(struct profile **p, int n);
void profile_clear(struct profile *p);

#endif
