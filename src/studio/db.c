/*
 * db.c: the studio's SQLite database (db.h). In: a file path and the
 * values of each call, always bound as parameters. Out: rows as C data.
 */
#include "db.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"

/* SQLite is opened by sdb_open, not linked: only the studio needs it
   (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_SQLITE
#error "PODSYNTH_SONAME_SQLITE (the Makefile sets it) is the soname of SQLite"
#endif
#define SQLITE_FNS(X) X(sqlite3_bind_int64) X(sqlite3_bind_text) X(sqlite3_busy_timeout) \
	X(sqlite3_changes) X(sqlite3_close) X(sqlite3_column_count) X(sqlite3_column_int) \
	X(sqlite3_column_int64) X(sqlite3_column_text) X(sqlite3_errmsg) X(sqlite3_exec) \
	X(sqlite3_finalize) X(sqlite3_open_v2) X(sqlite3_prepare_v2) X(sqlite3_step)
SQLITE_FNS(DYNLIB_PTR)
static const struct dynsym sqlite_syms[] = {SQLITE_FNS(DYNLIB_SYM)};
#define sqlite3_bind_int64 (*dl_sqlite3_bind_int64)
#define sqlite3_bind_text (*dl_sqlite3_bind_text)
#define sqlite3_busy_timeout (*dl_sqlite3_busy_timeout)
#define sqlite3_changes (*dl_sqlite3_changes)
#define sqlite3_close (*dl_sqlite3_close)
#define sqlite3_column_count (*dl_sqlite3_column_count)
#define sqlite3_column_int (*dl_sqlite3_column_int)
#define sqlite3_column_int64 (*dl_sqlite3_column_int64)
#define sqlite3_column_text (*dl_sqlite3_column_text)
#define sqlite3_errmsg (*dl_sqlite3_errmsg)
#define sqlite3_exec (*dl_sqlite3_exec)
#define sqlite3_finalize (*dl_sqlite3_finalize)
#define sqlite3_open_v2 (*dl_sqlite3_open_v2)
#define sqlite3_prepare_v2 (*dl_sqlite3_prepare_v2)
#define sqlite3_step (*dl_sqlite3_step)


/* Opens the library on first need (exits when it cannot be: dynlib_need). */
static void sqlite_need(void)
{
	dynlib_need(PODSYNTH_SONAME_SQLITE, sqlite_syms, ARRAY_LEN(sqlite_syms));
}

struct sdb {
	sqlite3 *h;
	char *path;
};

static const char schema[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA foreign_keys=ON;"
	"CREATE TABLE IF NOT EXISTS user("
	" id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,"
	" role TEXT NOT NULL CHECK(role IN ('contributor','editor')), hash TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS session("
	" token TEXT PRIMARY KEY, user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	" csrf TEXT NOT NULL, expires INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS claim("
	" thread TEXT PRIMARY KEY, user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	" status TEXT NOT NULL CHECK(status IN ('claimed','written')), at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS login_fail(key TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS profile("
	" user INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,"
	" fullname TEXT NOT NULL, bio TEXT NOT NULL, links TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS wrote("
	" thread TEXT NOT NULL, user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	" at INTEGER NOT NULL, PRIMARY KEY(thread, user));"
	"CREATE INDEX IF NOT EXISTS login_fail_key ON login_fail(key, at);";

static void report(struct sdb *db, const char *what)
{
	msg(MSG_STUDIO_DB, db->path, 0, 0, "%s" MSG_SEP "%s", what, sqlite3_errmsg(db->h));
}

int sdb_open(const char *path, struct sdb **out)
{
	sqlite_need();
	struct sdb *db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	*out = NULL;
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK ||
	    sqlite3_busy_timeout(db->h, 2000) != SQLITE_OK ||
	    sqlite3_exec(db->h, schema, NULL, NULL, NULL) != SQLITE_OK) {
		report(db, "open");
		sdb_close(&db);
		return -1;
	}
	*out = db;
	return 0;
}

void sdb_close(struct sdb **db)
{
	if (*db == NULL)
		return;
	sqlite3_close((*db)->h);
	free((*db)->path);
	free(*db);
	*db = NULL;
}

/*
 * Prepares sql and binds the arguments: fmt has one letter a parameter,
 * 's' a string, 'i' a long long. NULL after reporting.
 */
static sqlite3_stmt *prep(struct sdb *db, const char *sql, const char *fmt, ...)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		report(db, "prepare");
		return NULL;
	}
	va_list ap;
	va_start(ap, fmt);
	for (int i = 0; fmt[i]; i++) {
		int rc = fmt[i] == 's' ? sqlite3_bind_text(st, i + 1, va_arg(ap, const char *), -1, SQLITE_TRANSIENT)
				       : sqlite3_bind_int64(st, i + 1, va_arg(ap, long long));
		if (rc != SQLITE_OK) {
			va_end(ap);
			report(db, "bind");
			sqlite3_finalize(st);
			return NULL;
		}
	}
	va_end(ap);
	return st;
}

/* Runs a statement that returns no rows: 0, 1 on a constraint, -1 error. */
static int exec_done(struct sdb *db, sqlite3_stmt *st)
{
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_CONSTRAINT)
		return 1;
	report(db, "write");
	return -1;
}

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return xstrdup(t ? (const char *)t : "");
}

int sdb_user_add(struct sdb *db, const char *name, const char *role, const char *hash)
{
	return exec_done(db, prep(db, "INSERT INTO user(name, role, hash) VALUES(?,?,?)", "sss", name, role, hash));
}

static int user_row(struct sdb *db, sqlite3_stmt *st, struct studio_user *u)
{
	memset(u, 0, sizeof *u);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st), ret = 1;
	if (rc == SQLITE_ROW) {
		u->id = sqlite3_column_int64(st, 0);
		u->name = col(st, 1);
		u->role = col(st, 2);
		u->hash = col(st, 3);
		ret = 0;
	} else if (rc != SQLITE_DONE) {
		report(db, "read");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

int sdb_user_by_name(struct sdb *db, const char *name, struct studio_user *u)
{
	return user_row(db, prep(db, "SELECT id, name, role, hash FROM user WHERE name = ?", "s", name), u);
}

int sdb_user_by_id(struct sdb *db, long long id, struct studio_user *u)
{
	return user_row(db, prep(db, "SELECT id, name, role, hash FROM user WHERE id = ?", "i", id), u);
}

void studio_user_clear(struct studio_user *u)
{
	free(u->name);
	free(u->role);
	free(u->hash);
	memset(u, 0, sizeof *u);
}

int sdb_session_add(struct sdb *db, const char *token_hash, long long user, const char *csrf,
		    long long expires)
{
	/* sessions that ended are dropped as new ones begin */
	if (exec_done(db, prep(db, "DELETE FROM session WHERE expires < strftime('%s','now')", "")) < 0)
		return -1;
	return exec_done(db, prep(db, "INSERT INTO session(token, user, csrf, expires) VALUES(?,?,?,?)",
				  "sisi", token_hash, user, csrf, expires));
}

int sdb_session_get(struct sdb *db, const char *token_hash, long long now, long long *user, char csrf[65])
{
	sqlite3_stmt *st = prep(db, "SELECT user, csrf FROM session WHERE token = ? AND expires > ?",
				"si", token_hash, now);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st), ret = 1;
	if (rc == SQLITE_ROW) {
		*user = sqlite3_column_int64(st, 0);
		const unsigned char *c = sqlite3_column_text(st, 1);
		snprintf(csrf, 65, "%s", c ? (const char *)c : "");
		ret = 0;
	} else if (rc != SQLITE_DONE) {
		report(db, "read");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

int sdb_session_del(struct sdb *db, const char *token_hash)
{
	return exec_done(db, prep(db, "DELETE FROM session WHERE token = ?", "s", token_hash));
}

int sdb_fail_add(struct sdb *db, const char *key, long long at)
{
	if (exec_done(db, prep(db, "DELETE FROM login_fail WHERE at < ?", "i", at - 86400)) < 0)
		return -1;
	return exec_done(db, prep(db, "INSERT INTO login_fail(key, at) VALUES(?,?)", "si", key, at));
}

int sdb_fail_count(struct sdb *db, const char *key, long long since)
{
	sqlite3_stmt *st = prep(db, "SELECT count(*) FROM login_fail WHERE key = ? AND at >= ?", "si", key, since);
	if (st == NULL)
		return -1;
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

int sdb_claim(struct sdb *db, const char *thread, long long user, const char *status)
{
	/* a claim is taken only when free or already the user's */
	sqlite3_stmt *st = prep(db,
		"INSERT INTO claim(thread, user, status, at) VALUES(?1, ?2, ?3, strftime('%s','now'))"
		" ON CONFLICT(thread) DO UPDATE SET status = ?3, at = strftime('%s','now')"
		" WHERE claim.user = ?2", "sis", thread, user, status);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		report(db, "write");
		return -1;
	}
	return sqlite3_changes(db->h) == 0 ? 1 : 0;
}

int sdb_unclaim(struct sdb *db, const char *thread, long long user)
{
	return exec_done(db, prep(db, "DELETE FROM claim WHERE thread = ? AND user = ?", "si", thread, user));
}

int sdb_claims(struct sdb *db, struct claim **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = prep(db, "SELECT claim.thread, user.name, claim.status FROM claim"
				" JOIN user ON user.id = claim.user ORDER BY claim.thread", "");
	if (st == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		(*out)[*n].thread = col(st, 0);
		(*out)[*n].user = col(st, 1);
		(*out)[*n].status = col(st, 2);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		report(db, "read");
		return -1;
	}
	return 0;
}

void claims_free(struct claim **c, int n)
{
	for (int i = 0; i < n; i++) {
		free((*c)[i].thread);
		free((*c)[i].user);
		free((*c)[i].status);
	}
	free(*c);
	*c = NULL;
}

/* Rows of (name, role, fullname, bio, links[, thread]) into profiles. */
static int profile_rows(struct sdb *db, sqlite3_stmt *st, struct profile **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xreallocarray(*out, (size_t)*n + 1, sizeof **out);
		struct profile *p = &(*out)[(*n)++];
		p->user = col(st, 0);
		p->role = col(st, 1);
		p->fullname = col(st, 2);
		p->bio = col(st, 3);
		p->links = col(st, 4);
		p->thread = sqlite3_column_count(st) > 5 ? col(st, 5) : NULL;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		report(db, "read");
		return -1;
	}
	return 0;
}

static const char profile_cols[] =
	"SELECT user.name, user.role, coalesce(profile.fullname, ''), coalesce(profile.bio, ''),"
	" coalesce(profile.links, '')";

int sdb_profile_get(struct sdb *db, long long user, struct profile *p)
{
	char *sql = xasprintf("%s FROM user LEFT JOIN profile ON profile.user = user.id WHERE user.id = ?", profile_cols);
	struct profile *v = NULL;
	int n = 0, rc = profile_rows(db, prep(db, sql, "i", user), &v, &n);
	free(sql);
	if (rc == 0 && n == 1) {
		*p = v[0];
		free(v);
		return 0;
	}
	profiles_free(&v, n);
	return rc < 0 ? -1 : 1;
}

int sdb_profile_set(struct sdb *db, long long user, const char *fullname, const char *bio, const char *links)
{
	return exec_done(db, prep(db, "INSERT INTO profile(user, fullname, bio, links) VALUES(?,?,?,?)"
				  " ON CONFLICT(user) DO UPDATE SET fullname = excluded.fullname,"
				  " bio = excluded.bio, links = excluded.links", "isss", user, fullname, bio, links));
}

int sdb_profiles(struct sdb *db, struct profile **out, int *n)
{
	char *sql = xasprintf("%s FROM user LEFT JOIN profile ON profile.user = user.id ORDER BY user.name", profile_cols);
	int rc = profile_rows(db, prep(db, sql, ""), out, n);
	free(sql);
	return rc;
}

int sdb_wrote(struct sdb *db, const char *thread, long long user, long long at)
{
	return exec_done(db, prep(db, "INSERT INTO wrote(thread, user, at) VALUES(?,?,?)"
				  " ON CONFLICT(thread, user) DO NOTHING", "sii", thread, user, at));
}

int sdb_writers(struct sdb *db, struct profile **out, int *n)
{
	char *sql = xasprintf("%s, wrote.thread FROM wrote JOIN user ON user.id = wrote.user"
			      " LEFT JOIN profile ON profile.user = user.id ORDER BY wrote.at, user.name", profile_cols);
	int rc = profile_rows(db, prep(db, sql, ""), out, n);
	free(sql);
	return rc;
}

void profile_clear(struct profile *p)
{
	free(p->user);
	free(p->role);
	free(p->fullname);
	free(p->bio);
	free(p->links);
	free(p->thread);
	memset(p, 0, sizeof *p);
}

void profiles_free(struct profile **p, int n)
{
	for (int i = 0; i < n; i++)
		profile_clear(&(*p)[i]);
	free(*p);
	*p = NULL;
}
