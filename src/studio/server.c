/*
 * server.c: the studio's HTTP server on libmicrohttpd. In: requests;
 * out: responses from the handlers of the route table below. Here is
 * everything every request goes through: the bounds (header memory, body
 * size, connections, time), the session from its cookie, the CSRF token
 * on every state-changing request, the role a route needs, the security
 * headers, and byte ranges for audio.
 *
 * To add a page: a handler in pages.c, declared in studio_int.h, and a
 * row in routes[].
 */
#include "studio_int.h"

#include <arpa/inet.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <microhttpd.h>

/* libmicrohttpd (and with it GnuTLS) is opened by studio_serve, not
   linked: only the studio needs it (core/dynlib.h). */
#ifndef PODSYNTH_SONAME_MHD
#error "PODSYNTH_SONAME_MHD (the Makefile sets it) is the soname of libmicrohttpd"
#endif
#define MHD_FNS(X) X(MHD_add_response_header) X(MHD_create_response_from_buffer) \
	X(MHD_destroy_response) X(MHD_get_connection_info) X(MHD_get_connection_values) \
	X(MHD_get_daemon_info) X(MHD_lookup_connection_value) X(MHD_queue_response) \
	X(MHD_resume_connection) X(MHD_start_daemon) X(MHD_stop_daemon) X(MHD_suspend_connection)
MHD_FNS(DYNLIB_PTR)
static const struct dynsym mhd_syms[] = {MHD_FNS(DYNLIB_SYM)};
#define MHD_add_response_header (*dl_MHD_add_response_header)
#define MHD_create_response_from_buffer (*dl_MHD_create_response_from_buffer)
#define MHD_destroy_response (*dl_MHD_destroy_response)
#define MHD_get_connection_info (*dl_MHD_get_connection_info)
#define MHD_get_connection_values (*dl_MHD_get_connection_values)
#define MHD_get_daemon_info (*dl_MHD_get_daemon_info)
#define MHD_lookup_connection_value (*dl_MHD_lookup_connection_value)
#define MHD_queue_response (*dl_MHD_queue_response)
#define MHD_resume_connection (*dl_MHD_resume_connection)
#define MHD_start_daemon (*dl_MHD_start_daemon)
#define MHD_stop_daemon (*dl_MHD_stop_daemon)
#define MHD_suspend_connection (*dl_MHD_suspend_connection)


/* Opens the library on first need (exits when it cannot be: dynlib_need). */
static void mhd_need(void)
{
	dynlib_need(PODSYNTH_SONAME_MHD, mhd_syms, ARRAY_LEN(mhd_syms));
}

#include "auth.h"
#include "lexfix.h"

/* Who may use a route. */
enum access {
	ANYONE,      /* no session needed */
	SIGNED_IN,   /* a contributor or an editor */
	EDITOR,      /* an editor */
};

static const struct route {
	const char *method, *path;
	void (*fn)(struct req *, struct resp *);
	enum access who;
	int csrf;    /* state-changing: the session's CSRF token must come with it */
} routes[] = {
	{"GET", "/", page_week, SIGNED_IN, 0},
	{"GET", "/login", page_login, ANYONE, 0},
	{"POST", "/login", do_login, ANYONE, 0},   /* its own token: see do_login */
	{"POST", "/logout", do_logout, SIGNED_IN, 1},
	{"GET", "/thread", page_thread, SIGNED_IN, 0},
	{"POST", "/claim", do_claim, SIGNED_IN, 1},
	{"POST", "/save", do_save, SIGNED_IN, 1},
	{"POST", "/hear", do_hear, SIGNED_IN, 1},
	{"POST", "/check", do_check, SIGNED_IN, 1},
	{"GET", "/audio", get_audio, SIGNED_IN, 0},
	{"POST", "/lexicon", do_lexicon, SIGNED_IN, 1},
	{"GET", "/profile", page_profile, SIGNED_IN, 0},
	{"POST", "/profile", do_profile, SIGNED_IN, 1},
	{"GET", "/people", page_people, EDITOR, 0},
	{"GET", "/episode", page_episode, EDITOR, 0},
	{"POST", "/welcome", do_welcome, EDITOR, 1},
	{"POST", "/move", do_move, EDITOR, 1},
	{"GET", "/publish", page_publish, EDITOR, 0},
	{"POST", "/publish", do_publish, EDITOR, 1},
	{"GET", "/studio.css", get_css, ANYONE, 0},
	{"GET", "/studio.js", get_js, ANYONE, 0},
	{"GET", "/favicon.svg", get_icon, ANYONE, 0},
};

enum {
	MAX_CONNECTIONS = 64,
	HEADER_MEMORY = 32 * 1024,   /* request line and headers, per connection */
	TIMEOUT_SECONDS = 30,
	SESSION_SECONDS = 12 * 3600,
};

static const char session_cookie[] = "studio_session";

/* A connection's request body, bounded, and its hearing while it waits for synthesis. */
struct upload {
	struct buf body;
	int too_big;
	struct hearq_item *hear;
};

/* A queued hearing is synthesised: its request is answered (on_request again). Any thread. */
static void resume_hearing(void *ud)
{
	MHD_resume_connection(ud);
}

void redirect(struct resp *o, const char *location)
{
	o->status = 303;
	free(o->location);
	o->location = xstrdup(location);
}

int session_start(struct req *r, struct resp *o, long long user)
{
	char token[AUTH_TOKEN_HEX + 1], hash[AUTH_TOKEN_HEX + 1], csrf[AUTH_TOKEN_HEX + 1];
	auth_token(token);
	auth_token(csrf);
	auth_token_hash(token, hash);
	if (sdb_session_add(r->st->db, hash, user, csrf, (long long)time(NULL) + SESSION_SECONDS) != 0)
		return -1;
	free(o->cookie[0]);
	o->cookie[0] = xasprintf("%s=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%d%s", session_cookie,
				 token, SESSION_SECONDS, r->st->cfg->secure_cookies ? "; Secure" : "");
	return 0;
}

void session_end(struct req *r, struct resp *o)
{
	if (r->session[0])
		sdb_session_del(r->st->db, r->session);
	free(o->cookie[0]);
	o->cookie[0] = xasprintf("%s=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", session_cookie,
				 r->st->cfg->secure_cookies ? "; Secure" : "");
}

/* The session named by the Cookie header: r->user and r->csrf; nothing when none. */
static void find_session(struct req *r, struct MHD_Connection *c)
{
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE);
	char *token = cookie_get(h, session_cookie);
	if (token == NULL)
		return;
	char hash[AUTH_TOKEN_HEX + 1];
	long long uid;
	auth_token_hash(token, hash);
	if (sdb_session_get(r->st->db, hash, (long long)time(NULL), &uid, r->csrf) == 0 &&
	    sdb_user_by_id(r->st->db, uid, &r->user) == 0)
		snprintf(r->session, sizeof r->session, "%s", hash);
	else
		r->csrf[0] = '\0';
	free(token);
}

/* Adds a header, or fails the response. */
static int header(struct MHD_Response *m, const char *k, const char *v)
{
	return MHD_add_response_header(m, k, v) == MHD_YES ? 0 : -1;
}

static enum MHD_Result send_resp(struct MHD_Connection *c, struct req *r, struct resp *o)
{
	const char *data = o->body.data ? o->body.data : "";
	size_t len = o->body.len, from = 0, to = len ? len - 1 : 0;
	int status = o->status ? o->status : 200;
	char cr[96] = "";
	if (o->ranges && status == 200) {
		int rg = range_parse(r->range, len, &from, &to);
		if (rg < 0) {
			status = 416;
			snprintf(cr, sizeof cr, "bytes */%zu", len);
			data = "";
			from = 0, len = 0;
		} else if (rg == 0) {
			status = 206;
			snprintf(cr, sizeof cr, "bytes %zu-%zu/%zu", from, to, len);
			len = to - from + 1;
		}
	}
	if (status == 303)
		len = 0;
	struct MHD_Response *m = MHD_create_response_from_buffer(len, (void *)(data + from), MHD_RESPMEM_MUST_COPY);
	if (m == NULL)
		return MHD_NO;
	int bad = header(m, MHD_HTTP_HEADER_CONTENT_TYPE, o->type ? o->type : "text/html; charset=utf-8");
	bad |= header(m, "Content-Security-Policy",
		      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
		      "media-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
		      "frame-ancestors 'none'");
	bad |= header(m, "X-Content-Type-Options", "nosniff");
	bad |= header(m, "X-Frame-Options", "DENY");
	bad |= header(m, "Referrer-Policy", "same-origin");
	bad |= header(m, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	if (o->ranges)
		bad |= header(m, MHD_HTTP_HEADER_ACCEPT_RANGES, "bytes");
	if (cr[0])
		bad |= header(m, MHD_HTTP_HEADER_CONTENT_RANGE, cr);
	if (o->location)
		bad |= header(m, MHD_HTTP_HEADER_LOCATION, o->location);
	for (int i = 0; i < 2; i++)
		if (o->cookie[i])
			bad |= header(m, MHD_HTTP_HEADER_SET_COOKIE, o->cookie[i]);
	enum MHD_Result ret = bad ? MHD_NO : MHD_queue_response(c, (unsigned)status, m);
	MHD_destroy_response(m);
	return ret;
}

static void resp_clear(struct resp *o)
{
	if (o->hear) {
		hearing_free(&o->hear->h);
		free(o->hear);
		o->hear = NULL;
	}
	buf_free(&o->body);
	free(o->location);
	free(o->cookie[0]);
	free(o->cookie[1]);
}

/* Query string pairs into a buffer "k=v&k=v" (MHD has split and decoded them already). */
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *k, const char *v)
{
	struct buf *b = cls;
	if (b->len)
		buf_putc(b, '&');
	struct buf e = {0};
	buf_puts(&e, "");
	for (const unsigned char *p = (const unsigned char *)k; *p; p++)
		buf_printf(&e, "%%%02X", *p);
	buf_putc(&e, '=');
	for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p; p++)
		buf_printf(&e, "%%%02X", *p);
	buf_add(b, e.data, e.len);
	buf_free(&e);
	return b->len > FORM_MAX_BODY ? MHD_NO : MHD_YES;
}

/* Whether the Origin header, when sent, names this server (the Host header). */
static int same_origin(struct MHD_Connection *c)
{
	const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	const char *host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST);
	if (origin == NULL)
		return 1;
	if (host == NULL)
		return 0;
	const char *o = strstr(origin, "://");
	return o != NULL && strcmp(o + 3, host) == 0;
}

static void handle(struct studio *st, struct MHD_Connection *c, const char *url, const char *method,
		   struct upload *up, struct resp *o)
{
	struct req r = {.st = st, .method = method, .path = url};
	struct buf q = {0};
	char addr[INET6_ADDRSTRLEN] = "unknown";
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, addr, sizeof addr);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, addr, sizeof addr);
	}
	r.client = addr;
	r.range = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_RANGE);

	const struct route *rt = NULL;
	int path_known = 0;
	for (size_t i = 0; i < ARRAY_LEN(routes); i++)
		if (strcmp(routes[i].path, url) == 0) {
			path_known = 1;
			if (strcmp(routes[i].method, method) == 0)
				rt = &routes[i];
		}
	if (rt == NULL) {
		page_error(o, path_known ? 405 : 404, path_known ? "method not allowed" : "no such page");
		goto out;
	}
	if (up->too_big) {
		page_error(o, 413, "the request is too large");
		goto out;
	}
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg, &q);
	enum form_err fe = form_decode(q.data ? q.data : "", q.len, &r.query);
	if (fe == FORM_OK && strcmp(method, "POST") == 0) {
		const char *ct = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE);
		if (ct == NULL || strncmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
			page_error(o, 415, "forms only: application/x-www-form-urlencoded");
			goto out;
		}
		fe = form_decode(up->body.data ? up->body.data : "", up->body.len, &r.form);
	}
	if (fe != FORM_OK) {
		page_error(o, fe == FORM_TOO_BIG ? 413 : 400, form_strerror(fe));
		goto out;
	}
	find_session(&r, c);
	r.login_cookie = NULL;
	if (rt->who != ANYONE && r.user.id == 0) {
		if (strcmp(method, "GET") == 0 && strcmp(url, "/audio") != 0)
			redirect(o, "/login");
		else
			page_error(o, 403, "sign in first");
		goto out;
	}
	if (rt->who == EDITOR && strcmp(r.user.role, "editor") != 0) {
		page_error(o, 403, "only an editor may do this");
		goto out;
	}
	if (strcmp(method, "POST") == 0 && !same_origin(c)) {
		page_error(o, 403, "the request came from another site");
		goto out;
	}
	if (rt->csrf) {
		const char *t = form_get(&r.form, "csrf");
		if (t == NULL || r.csrf[0] == '\0' || !auth_equal(t, r.csrf)) {
			page_error(o, 403, "the form's token is missing or stale: reload the page");
			goto out;
		}
	}
	char *lc = cookie_get(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_COOKIE),
			      "studio_login");
	r.login_cookie = lc;
	rt->fn(&r, o);
	free(lc);
out:
	buf_free(&q);
	form_free(&r.query);
	form_free(&r.form);
	studio_user_clear(&r.user);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *data, size_t *size, void **con_cls)
{
	struct studio *st = cls;
	struct upload *up = *con_cls;
	if (up == NULL) {
		*con_cls = xcalloc(1, sizeof *up);
		return MHD_YES;
	}
	if (*size) {
		if (up->body.len + *size > FORM_MAX_BODY)
			up->too_big = 1;
		else
			buf_add(&up->body, data, *size);
		*size = 0;
		return MHD_YES;
	}
	struct resp o = {0};
	if (up->hear) {
		/* resumed: the hearing queued below is synthesised (or failed) */
		hear_reply(up->hear->h, &o);
	} else {
		handle(st, c, url, method, up, &o);
		if (o.hear) {
			/* suspended first, so that the queue's resume cannot come before it */
			up->hear = o.hear;
			o.hear = NULL;
			up->hear->done = resume_hearing;
			up->hear->ud = c;
			MHD_suspend_connection(c);
			hearq_push(&st->q, up->hear);
			resp_clear(&o);
			return MHD_YES;
		}
	}
	enum MHD_Result ret = send_resp(c, &(struct req){.range = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
											 MHD_HTTP_HEADER_RANGE)}, &o);
	resp_clear(&o);
	return ret;
}

static void on_done(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	struct upload *up = *con_cls;
	if (up) {
		if (up->hear) {
			hearing_free(&up->hear->h);
			free(up->hear);
		}
		buf_free(&up->body);
		free(up);
		*con_cls = NULL;
	}
}

int studio_serve(const struct studio_cfg *cfg)
{
	struct studio st = {.cfg = cfg};
	struct MHD_Daemon *d = NULL;
	int rc = -1;
	const char *addr = cfg->listen ? cfg->listen : "127.0.0.1";
	struct sockaddr_storage ss = {0};
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG | MHD_ALLOW_SUSPEND_RESUME;
	int queue = 0;

	mhd_need();
	if (strchr(addr, ':')) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET6, addr, &s6->sin6_addr) != 1)
			goto bad_addr;
		flags |= MHD_USE_IPv6;
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)cfg->port);
		if (inet_pton(AF_INET, addr, &s4->sin_addr) != 1)
			goto bad_addr;
	}
	char pw[AUTH_TOKEN_HEX + 1];
	if (auth_init() != 0) {
		msg(MSG_SYS_INTERNAL, "podsynth studio", 0, 0, "libsodium cannot start");
		goto out;
	}
	auth_token(pw);
	if (sdb_open(cfg->db_path, &st.db) != 0 || auth_hash_password(pw, st.dummy_hash) != 0)
		goto out;
	if (week_load(cfg->mailboxes, cfg->nmailboxes, cfg->since, cfg->until, cfg->draft,
		      cfg->ch ? cfg->ch->language : NULL, &st.week) != 0)
		goto out;
	st.hear = (struct hear_show){cfg->ch, cfg->vs, cfg->lex, cfg->eng, cfg->cache_dir, cfg->episode};
	st.lexicon_path = lexfix_path(cfg->ch, cfg->vs);
	st.publish_log = xasprintf("%s.publish.log", cfg->db_path);

	/* SIGINT and SIGTERM are taken by sigwait below, in this thread only */
	sigset_t sigs;
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	/* a worker or a client gone away is an error where it is written to, not a signal */
	signal(SIGPIPE, SIG_IGN);
	/* the queue's threads are made after the mask, so that they leave the signals to sigwait */
	if (hearq_start(&st.q) != 0)
		goto out;
	queue = 1;

	d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, &st,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
			     MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNECTIONS,
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADER_MEMORY,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)TIMEOUT_SECONDS,
			     MHD_OPTION_NOTIFY_COMPLETED, on_done, NULL,
			     MHD_OPTION_END);
	if (d == NULL) {
		msg(MSG_STUDIO_LISTEN, "podsynth studio", 0, 0, "%s" MSG_SEP "%d" MSG_SEP "%s", addr, cfg->port,
		    strerror(errno));
		goto out;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	fprintf(stderr, strchr(addr, ':') ? "studio: http://[%s]:%u/\n" : "studio: http://%s:%u/\n", addr,
		di ? (unsigned)di->port : (unsigned)cfg->port);
	int sig;
	sigwait(&sigs, &sig);
	rc = 0;
	goto out;
bad_addr:
	msg(MSG_STUDIO_ADDRESS, "podsynth studio", 0, 0, "\"%s\"", addr);
out:
	/* the hearings still waiting are answered (failed) before the daemon stops */
	if (queue)
		hearq_stop(&st.q);
	if (d)
		MHD_stop_daemon(d);
	week_free(&st.week);
	sdb_close(&st.db);
	free(st.lexicon_path);
	free(st.publish_log);
	return rc;
}

int studio_user_add(const char *db_path, const char *name, const char *role, const char *password)
{
	struct sdb *db = NULL;
	int rc = -1;
	char hash[AUTH_HASH_MAX];
	size_t n = strlen(name);
	if (n == 0 || n > 64 || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != n) {
		msg(MSG_STUDIO_USER_NAME, "podsynth studio", 0, 0, "\"%s\"", name);
		return -1;
	}
	if (strcmp(role, "contributor") != 0 && strcmp(role, "editor") != 0) {
		msg(MSG_STUDIO_ROLE, "podsynth studio", 0, 0, "\"%s\"", role);
		return -1;
	}
	if (strlen(password) < 8 || strlen(password) > 1024) {
		msg(MSG_STUDIO_PASSWORD, "podsynth studio", 0, 0, NULL);
		return -1;
	}
	if (auth_init() != 0 || auth_hash_password(password, hash) != 0) {
		msg(MSG_SYS_INTERNAL, "podsynth studio", 0, 0, "libsodium cannot hash the password");
		goto out;
	}
	if (sdb_open(db_path, &db) != 0)
		goto out;
	int r = sdb_user_add(db, name, role, hash);
	if (r == 1)
		msg(MSG_STUDIO_USER_EXISTS, db_path, 0, 0, "\"%s\"", name);
	rc = r == 0 ? 0 : -1;
out:
	sdb_close(&db);
	return rc;
}
