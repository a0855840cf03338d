/*
 * studio_int.h: what the studio's own files share: the server's state,
 * a request as the handlers see it, and the answers they give.
 */
#ifndef PODSYNTH_STUDIO_INT_H
#define PODSYNTH_STUDIO_INT_H

#include "studio.h"
#include "db.h"
#include "form.h"
#include "hear.h"
#include "hearq.h"
#include "pubjob.h"
#include "week.h"

struct studio {
	const struct studio_cfg *cfg;
	struct sdb *db;
	struct week *week;
	struct hear_show hear;
	struct hearq q;          /* hearings waiting for synthesis (hearq.h) */
	char *lexicon_path;      /* where fixed pronunciations go (lexfix.h) */
	struct pubjob job;       /* publishing: one job at a time */
	char *publish_log;       /* its output */
	char dummy_hash[128];    /* checked for an unknown name, so that it takes as long as a known one */
};

struct req {
	struct studio *st;
	const char *method;      /* "GET", "POST" */
	const char *path;        /* without the query */
	struct form query;       /* the query string's fields */
	struct form form;        /* a POST body's fields */
	const char *range;       /* the Range header, or NULL */
	struct studio_user user; /* the signed-in user (id 0: none) */
	char csrf[65];           /* the session's CSRF token */
	char session[65];        /* the session's token hash, "" when none */
	const char *login_cookie;/* the sign-in form's token cookie, or NULL */
	const char *client;      /* the client's address, for rate limits */
};

struct resp {
	int status;
	const char *type;        /* Content-Type */
	struct buf body;
	char *location;          /* a redirect's target */
	char *cookie[2];         /* Set-Cookie headers */
	int ranges;              /* the body may be served in ranges */
	struct hearq_item *hear; /* a hearing to synthesise first: the server queues it and answers later */
};

/* The handlers (pages.c), one a route; the table is in server.c. */
void page_week(struct req *r, struct resp *o);
void page_login(struct req *r, struct resp *o);
void do_login(struct req *r, struct resp *o);
void do_logout(struct req *r, struct resp *o);
void page_thread(struct req *r, struct resp *o);
void do_claim(struct req *r, struct resp *o);
void do_save(struct req *r, struct resp *o);
void do_hear(struct req *r, struct resp *o);
void get_audio(struct req *r, struct resp *o);
void get_css(struct req *r, struct resp *o);
void get_js(struct req *r, struct resp *o);
void get_icon(struct req *r, struct resp *o);
void page_episode(struct req *r, struct resp *o);
void do_move(struct req *r, struct resp *o);
void do_lexicon(struct req *r, struct resp *o);
void page_publish(struct req *r, struct resp *o);
void do_publish(struct req *r, struct resp *o);
void do_check(struct req *r, struct resp *o);

/* The answer to a hearing (prepared, and synthesised when it had to be). */
void hear_reply(struct hearing *h, struct resp *o);

/* The episode's writers: made from who wrote the summaries in it (pages.c). 0, or -1. */
int credit_writers(struct req *r);
void page_profile(struct req *r, struct resp *o);
void do_profile(struct req *r, struct resp *o);
void page_people(struct req *r, struct resp *o);
void do_welcome(struct req *r, struct resp *o);

/* A plain page with a heading and a message, for errors (pages.c). */
void page_error(struct resp *o, int status, const char *message);
/* A 303 redirect to location (a path of this site). */
void redirect(struct resp *o, const char *location);

/* A new session for user: its cookie set on o. 0, or -1 (reported). */
int session_start(struct req *r, struct resp *o, long long user);
void session_end(struct req *r, struct resp *o);

#endif
