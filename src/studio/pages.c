/*
 * pages.c: the studio's pages and actions, one handler a route (the route
 * table is in server.c, which has already checked the session, the role
 * and the CSRF token a route needs). In: a request's fields; out: HTML,
 * JSON or audio, every value from outside escaped for where it goes.
 */
#include "studio_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assets.h"
#include "auth.h"
#include "checkrun.h"
#include "epfile.h"
#include "esc.h"
#include "lexfix.h"

enum {
	LOGIN_WINDOW = 15 * 60,   /* seconds over which failed sign-ins are counted */
	LOGIN_MAX_FAILS = 10,     /* per name and per address in that window */
	MESSAGE_SHOWN = 8000,     /* bytes of a message's body shown */
	MESSAGES_SHOWN = 50,      /* messages of a thread shown */
};

static void head(struct req *r, struct resp *o, const char *title)
{
	struct buf *b = &o->body;
	buf_puts(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	esc_html(b, title);
	buf_puts(b, " · podsynth studio</title><link rel=\"stylesheet\" href=\"/studio.css\">"
		    "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
		    "<script src=\"/studio.js\" defer></script></head>\n<body>"
		    "<a class=\"skip\" href=\"#main\">Skip to the content</a><header><nav aria-label=\"Studio\">"
		    "<a href=\"/\">");
	esc_html(b, r && r->st->cfg->ch && r->st->cfg->ch->title ? r->st->cfg->ch->title : "podsynth");
	buf_puts(b, ": the week</a>");
	if (r && r->user.id && strcmp(r->user.role, "editor") == 0)
		buf_puts(b, " <a href=\"/episode\">The episode</a> <a href=\"/people\">People</a>"
			    " <a href=\"/publish\">Publish</a>");
	if (r && r->user.id)
		buf_puts(b, " <a href=\"/profile\">Your profile</a>");
	if (r && r->user.id) {
		buf_puts(b, " <span class=\"who\">Signed in as ");
		esc_html(b, r->user.name);
		buf_puts(b, " (");
		esc_html(b, r->user.role);
		buf_puts(b, ")</span> <form class=\"inline\" method=\"post\" action=\"/logout\">"
			    "<input type=\"hidden\" name=\"csrf\" value=\"");
		esc_html(b, r->csrf);
		buf_puts(b, "\"><button type=\"submit\">Sign out</button></form>");
	}
	buf_puts(b, "</nav></header>\n<main id=\"main\">");
}

static void foot(struct resp *o)
{
	buf_puts(&o->body, "</main></body></html>\n");
}

void page_error(struct resp *o, int status, const char *message)
{
	o->status = status;
	buf_reset(&o->body);
	head(NULL, o, "Error");
	buf_printf(&o->body, "<h1>Error %d</h1><p role=\"alert\">", status);
	esc_html(&o->body, message);
	buf_puts(&o->body, "</p><p><a href=\"/\">Back to the week</a></p>");
	foot(o);
}

/* An HTML hidden field. */
static void hidden(struct buf *b, const char *name, const char *value)
{
	buf_printf(b, "<input type=\"hidden\" name=\"%s\" value=\"", name);
	esc_html(b, value);
	buf_puts(b, "\">");
}

static char *episode_text(struct req *r)
{
	size_t len;
	char *t = read_file(r->st->cfg->episode, &len);
	return t ? t : xstrdup("");
}

/* epfile_edit_save's edit: the writers: block ud in the front matter. */
static char *edit_writers(const char *text, void *ud)
{
	return epfile_with_writers(text, ud);
}

/*
 * The episode's writers: block made from who wrote the summaries it holds
 * now (the wrote table and each writer's profile), in the order first
 * written; written into the file when it changed. 0, or -1 (reported).
 */
int credit_writers(struct req *r)
{
	struct profile *p = NULL;
	int n = 0, k = 0, rc = -1;
	if (sdb_writers(r->st->db, &p, &n) != 0)
		return -1;
	char *text = episode_text(r);
	struct epfile_writer *w = xcalloc((size_t)n + 1, sizeof *w);
	const char **who = xcalloc((size_t)n + 1, sizeof *who);   /* the account of each w[] */
	for (int i = 0; i < n; i++) {
		int dup = 0;
		for (int j = 0; j < k && !dup; j++)
			dup = strcmp(who[j], p[i].user) == 0;
		char *sum = dup ? NULL : epfile_summary(text, p[i].thread, NULL);
		if (sum) {
			who[k] = p[i].user;
			w[k++] = (struct epfile_writer){p[i].fullname[0] ? p[i].fullname : p[i].user, p[i].bio, p[i].links};
		}
		free(sum);
	}
	char *yaml = epfile_writers_yaml(w, k);
	const char *why;
	rc = epfile_edit_save(r->st->cfg->episode, NULL, edit_writers, yaml,
			      "the episode has no front matter", &why) == EPFILE_SAVED ? 0 : -1;
	free(yaml);
	free(w);
	free(who);
	free(text);
	profiles_free(&p, n);
	return rc;
}

/* The claim on thread id among c[0..n), or NULL. */
static const struct claim *claim_of(const struct claim *c, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(c[i].thread, id) == 0)
			return &c[i];
	return NULL;
}

/* The thread page's link: "/thread?id=..." */
static void thread_link(struct buf *b, const char *id)
{
	buf_puts(b, "/thread?id=");
	struct buf u = {0};
	esc_url(&u, id);
	esc_html(b, u.data ? u.data : "");
	buf_free(&u);
}

void page_week(struct req *r, struct resp *o)
{
	struct claim *c = NULL;
	int nc = 0;
	char *text = episode_text(r);
	sdb_claims(r->st->db, &c, &nc);
	head(r, o, "The week");
	struct buf *b = &o->body;
	buf_puts(b, "<h1>The week's threads</h1><p>The summaries go into <code>");
	esc_html(b, r->st->cfg->episode);
	buf_printf(b, "</code>. %d threads.</p>", r->st->week->n);
	buf_puts(b, "<table class=\"week\"><caption>Threads, their status and who is on them</caption>"
		    "<thead><tr><th scope=\"col\">Thread</th><th scope=\"col\">Status</th>"
		    "<th scope=\"col\">Who</th><th scope=\"col\">Draft</th></tr></thead><tbody>");
	for (int i = 0; i < r->st->week->n; i++) {
		const struct thread *t = &r->st->week->t[i];
		const struct claim *cl = claim_of(c, nc, t->id);
		char *sum = epfile_summary(text, t->id, NULL);
		const char *status = cl && strcmp(cl->status, "written") == 0 ? "written"
				     : cl ? "claimed" : sum ? "in the episode" : "open";
		buf_puts(b, "<tr><td><a href=\"");
		thread_link(b, t->id);
		buf_puts(b, "\">");
		esc_html(b, t->subject);
		buf_printf(b, "</a></td><td class=\"status-%c\">", status[0]);
		esc_html(b, status);
		buf_puts(b, "</td><td>");
		esc_html(b, cl ? cl->user : "");
		buf_puts(b, "</td><td class=\"draft\">");
		char *plain = draft_md_plain(t->draft);
		size_t dl = strlen(plain);
		char *d = xstrndup(plain, dl > 200 ? text_cut(plain, 200) : dl);
		esc_html(b, d);
		free(d);
		free(plain);
		buf_puts(b, "</td></tr>\n");
		free(sum);
	}
	buf_puts(b, "</tbody></table>");
	foot(o);
	claims_free(&c, nc);
	free(text);
}

void page_login(struct req *r, struct resp *o)
{
	char token[AUTH_TOKEN_HEX + 1];
	auth_token(token);
	o->cookie[1] = xasprintf("studio_login=%s; Path=/login; HttpOnly; SameSite=Strict; Max-Age=600%s", token,
				 r->st->cfg->secure_cookies ? "; Secure" : "");
	head(NULL, o, "Sign in");
	struct buf *b = &o->body;
	buf_puts(b, "<h1>Sign in</h1>");
	if (o->status == 401)
		buf_puts(b, "<p role=\"alert\" class=\"problem\">Wrong name or password.</p>");
	buf_puts(b, "<form method=\"post\" action=\"/login\">");
	hidden(b, "login", token);
	buf_puts(b, "<p><label for=\"name\">Name</label> <input id=\"name\" name=\"name\" autocomplete=\"username\" "
		    "maxlength=\"64\" required></p><p><label for=\"password\">Password</label> <input id=\"password\" "
		    "name=\"password\" type=\"password\" autocomplete=\"current-password\" maxlength=\"1024\" required></p>"
		    "<p><button type=\"submit\">Sign in</button></p></form>");
	foot(o);
}

void do_login(struct req *r, struct resp *o)
{
	const char *name = form_get(&r->form, "name"), *pw = form_get(&r->form, "password");
	const char *tok = form_get(&r->form, "login");
	if (tok == NULL || r->login_cookie == NULL || !auth_equal(tok, r->login_cookie)) {
		page_error(o, 403, "the sign-in form's token is missing or stale: reload the page");
		return;
	}
	if (name == NULL || pw == NULL || strlen(name) > 64 || strlen(pw) > 1024) {
		page_error(o, 400, "a name and a password, please");
		return;
	}
	long long now = (long long)time(NULL);
	char *kn = xasprintf("name:%s", name), *ka = xasprintf("addr:%s", r->client);
	if (sdb_fail_count(r->st->db, kn, now - LOGIN_WINDOW) >= LOGIN_MAX_FAILS ||
	    sdb_fail_count(r->st->db, ka, now - LOGIN_WINDOW) >= LOGIN_MAX_FAILS) {
		page_error(o, 429, "too many failed sign-ins: wait a quarter of an hour");
		goto out;
	}
	struct studio_user u;
	int found = sdb_user_by_name(r->st->db, name, &u) == 0;
	if (!found)
		auth_check_password(r->st->dummy_hash, pw);
	if (!found || !auth_check_password(u.hash, pw)) {
		sdb_fail_add(r->st->db, kn, now);
		sdb_fail_add(r->st->db, ka, now);
		if (found)
			studio_user_clear(&u);
		o->status = 401;
		page_login(r, o);
		goto out;
	}
	if (session_start(r, o, u.id) != 0)
		page_error(o, 500, "cannot start a session");
	else
		redirect(o, "/");
	studio_user_clear(&u);
out:
	free(kn);
	free(ka);
}

void do_logout(struct req *r, struct resp *o)
{
	session_end(r, o);
	redirect(o, "/login");
}

/* The thread named by the request's id field (query or form), or an error page and NULL. */
static const struct thread *the_thread(struct req *r, struct resp *o, const struct form *f)
{
	const char *id = form_get(f, "id");
	const struct thread *t = id ? week_find(r->st->week, id) : NULL;
	if (t == NULL)
		page_error(o, 404, "no such thread this week");
	return t;
}

/*
 * The thread page: its messages beside the summary editor. text: what the
 * editor holds (NULL: the episode's summary, else the draft's sentence);
 * notice: a line above the editor, or NULL.
 */
static void thread_page(struct req *r, struct resp *o, const struct thread *t, const char *text,
			const char *notice)
{
	char *ep = episode_text(r);
	int line = 0;
	char *sum = epfile_summary(ep, t->id, &line);
	char version[17];
	epfile_version(sum, version);
	struct claim *c = NULL;
	int nc = 0;
	sdb_claims(r->st->db, &c, &nc);
	const struct claim *cl = claim_of(c, nc, t->id);
	struct buf *b = &o->body;

	head(r, o, t->subject);
	buf_puts(b, "<h1>");
	esc_html(b, t->subject);
	buf_puts(b, "</h1><p><a href=\"");
	esc_html(b, t->url);
	buf_puts(b, "\">In the archive</a>. ");
	if (cl) {
		buf_puts(b, "<span class=\"claim\">");
		esc_html(b, strcmp(cl->status, "written") == 0 ? "Written by " : "Claimed by ");
		esc_html(b, cl->user);
		buf_puts(b, ".</span>");
	} else {
		buf_puts(b, "<span class=\"claim\">Nobody is on it yet.</span>");
	}
	buf_puts(b, "</p><form method=\"post\" action=\"/claim\">");
	hidden(b, "csrf", r->csrf);
	hidden(b, "id", t->id);
	if (cl && strcmp(cl->user, r->user.name) == 0) {
		hidden(b, "action", "release");
		buf_puts(b, "<button type=\"submit\">Release it</button>");
	} else if (!cl) {
		hidden(b, "action", "claim");
		buf_puts(b, "<button type=\"submit\" id=\"claim\">Claim it</button>");
	}
	buf_puts(b, "</form><div class=\"columns\"><section class=\"editor\" aria-labelledby=\"ed\">"
		    "<h2 id=\"ed\">Summary</h2>");
	if (notice) {
		buf_puts(b, "<p role=\"status\" class=\"notice\">");
		esc_html(b, notice);
		buf_puts(b, "</p>");
	}
	if (sum)
		buf_printf(b, "<p>In the episode at line %d.</p>", line);
	buf_puts(b, "<form method=\"post\" action=\"/save\">");
	hidden(b, "csrf", r->csrf);
	hidden(b, "id", t->id);
	hidden(b, "base", version);
	buf_printf(b, "<p><label for=\"summary\">What the episode says about it (Markdown)</label></p>"
		      "<textarea id=\"summary\" name=\"summary\" rows=\"8\" maxlength=\"%d\">", EPFILE_MAX_SUMMARY);
	esc_html(b, text ? text : sum ? sum : t->draft);
	buf_puts(b, "</textarea><div aria-live=\"polite\"><ul id=\"check\" class=\"check\"></ul></div>"
		    "<p><button type=\"submit\" id=\"save\">Save into the episode</button> "
		    "<button type=\"button\" id=\"hear\">Hear the paragraph at the cursor</button></p></form>"
		    "<p id=\"hear-status\" role=\"status\"></p><audio id=\"player\" controls preload=\"none\">"
		    "</audio><h3>What will be said</h3><p id=\"spoken\" class=\"spoken\"></p>"
		    "<div id=\"guesses\" hidden><h3>Words it had to guess</h3><p>No list, rule or lexicon entry "
		    "knows these words (marked above): listen to them, and fix any that sound wrong.</p>"
		    "<ul id=\"guessed\" class=\"guessed\"></ul></div>");
	buf_puts(b, "<form id=\"fix\" method=\"post\" action=\"/lexicon\"><h3>Fix a pronunciation</h3>");
	hidden(b, "csrf", r->csrf);
	hidden(b, "id", t->id);
	buf_puts(b, "<p><label for=\"word\">Word as written</label> <input id=\"word\" name=\"word\" maxlength=\"64\" required> "
		    "<label for=\"say\">Say it as</label> <input id=\"say\" name=\"say\" maxlength=\"200\" required> "
		    "<button type=\"submit\">Fix and hear again</button></p><p id=\"fix-status\" role=\"status\"></p>"
		    "</form></section>"
		    "<section class=\"messages\" aria-labelledby=\"msgs\"><h2 id=\"msgs\">Messages</h2>");
	const struct mail_msg **m = NULL;
	int nm = week_messages(r->st->week, t, &m, MESSAGES_SHOWN);
	for (int i = 0; i < nm; i++) {
		char date[32] = "unknown";
		time_t tt = (time_t)m[i]->date;
		struct tm tm;
		if (m[i]->date > 0 && gmtime_r(&tt, &tm))
			strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
		buf_puts(b, "<article><h3>");
		esc_html(b, m[i]->subject);
		buf_puts(b, "</h3><p class=\"from\">");
		esc_html(b, m[i]->author);
		buf_printf(b, ", %s UTC</p><pre tabindex=\"0\">", date);
		const char *bt = m[i]->body ? m[i]->body : "";
		char *body = xstrndup(bt, strlen(bt) > MESSAGE_SHOWN ? text_cut(bt, MESSAGE_SHOWN) : strlen(bt));
		esc_html(b, body);
		free(body);
		buf_puts(b, "</pre></article>");
	}
	free(m);
	buf_puts(b, "</section></div>");
	foot(o);
	claims_free(&c, nc);
	free(sum);
	free(ep);
}

void page_thread(struct req *r, struct resp *o)
{
	const struct thread *t = the_thread(r, o, &r->query);
	if (t)
		thread_page(r, o, t, NULL, form_get(&r->query, "saved") ? "Saved into the episode."
					   : form_get(&r->query, "fixed") ? "The pronunciation is in the show's lexicon."
					   : NULL);
}

void do_claim(struct req *r, struct resp *o)
{
	const struct thread *t = the_thread(r, o, &r->form);
	const char *action = form_get(&r->form, "action");
	if (t == NULL)
		return;
	int rc;
	if (action && strcmp(action, "claim") == 0)
		rc = sdb_claim(r->st->db, t->id, r->user.id, "claimed");
	else if (action && strcmp(action, "release") == 0)
		rc = sdb_unclaim(r->st->db, t->id, r->user.id);
	else {
		page_error(o, 400, "action: claim or release");
		return;
	}
	if (rc == 1) {
		page_error(o, 409, "someone else has claimed this thread");
		return;
	}
	if (rc < 0) {
		page_error(o, 500, "the database failed");
		return;
	}
	struct buf to = {0};
	thread_link(&to, t->id);
	/* thread_link escapes for HTML; a Location needs the URL itself, which has no & < > " ' */
	redirect(o, to.data);
	buf_free(&to);
}

void do_save(struct req *r, struct resp *o)
{
	const struct thread *t = the_thread(r, o, &r->form);
	const char *base = form_get(&r->form, "base"), *summary = form_get(&r->form, "summary");
	if (t == NULL)
		return;
	if (base == NULL || summary == NULL) {
		page_error(o, 400, "a summary and its base version, please");
		return;
	}
	struct claim *c = NULL;
	int nc = 0;
	sdb_claims(r->st->db, &c, &nc);
	const struct claim *cl = claim_of(c, nc, t->id);
	int theirs = cl && strcmp(cl->user, r->user.name) != 0;
	claims_free(&c, nc);
	if (theirs && strcmp(r->user.role, "editor") != 0) {
		page_error(o, 409, "someone else has claimed this thread");
		return;
	}
	const char *why = NULL;
	enum epfile_result res = epfile_save(r->st->cfg->episode, t->id, t->subject, t->url, base, summary, &why);
	switch (res) {
	case EPFILE_SAVED:
		if (!theirs)
			sdb_claim(r->st->db, t->id, r->user.id, "written");
		sdb_wrote(r->st->db, t->id, r->user.id, (long long)time(NULL));
		credit_writers(r);
		break;
	case EPFILE_CONFLICT:
		o->status = 409;
		thread_page(r, o, t, summary,
			    "The summary in the episode changed since you opened it. Yours is below; "
			    "the episode's is the one saved now. Save again to replace it.");
		return;
	case EPFILE_REFUSED:
		o->status = 422;
		thread_page(r, o, t, summary, why);
		return;
	case EPFILE_IO:
		page_error(o, 500, "the episode file could not be written");
		return;
	}
	struct buf to = {0};
	thread_link(&to, t->id);
	buf_puts(&to, "&saved=1");
	redirect(o, to.data);
	buf_free(&to);
}

void hear_reply(struct hearing *h, struct resp *o)
{
	o->type = "application/json";
	buf_reset(&o->body);
	if (hear_answer(h, &o->body) != HEAR_OK) {
		o->status = 500;
		buf_reset(&o->body);
		buf_puts(&o->body, "{\"error\":\"synthesis failed\"}");
	}
}

/*
 * Hear a paragraph: from the cache at once; else the hearing goes to the
 * queue (hearq.h) and the server answers when it is synthesised, serving
 * other requests meanwhile.
 */
void do_hear(struct req *r, struct resp *o)
{
	const char *text = form_get(&r->form, "text");
	size_t bad;
	struct hearing *h = NULL;
	o->type = "application/json";
	if (text == NULL || strlen(text) > EPFILE_MAX_SUMMARY || utf8_check(text, strlen(text), &bad) != 0) {
		o->status = 400;
		buf_puts(&o->body, "{\"error\":\"text: at most 16 KiB of UTF-8\"}");
		return;
	}
	if (hear_prepare(&r->st->hear, text, &h) != HEAR_OK) {
		o->status = 422;
		buf_puts(&o->body, "{\"error\":\"nothing in it is spoken\"}");
		return;
	}
	if (!hear_needs_synthesis(h)) {
		hear_reply(h, o);
		hearing_free(&h);
		return;
	}
	if (hearq_full(&r->st->q)) {
		o->status = 503;
		buf_puts(&o->body, "{\"error\":\"too many paragraphs are being heard: try again in a moment\"}");
		hearing_free(&h);
		return;
	}
	o->hear = xcalloc(1, sizeof *o->hear);
	o->hear->h = h;
}

void get_audio(struct req *r, struct resp *o)
{
	const char *key = form_get(&r->query, "key");
	if (key == NULL || hear_wav(r->st->cfg->cache_dir, key, &o->body) != 0) {
		buf_reset(&o->body);
		page_error(o, 404, "no such audio");
		return;
	}
	o->type = "audio/wav";
	o->ranges = 1;
}

void get_css(struct req *r, struct resp *o)
{
	o->type = "text/css; charset=utf-8";
	buf_puts(&o->body, studio_css);
}

void get_js(struct req *r, struct resp *o)
{
	o->type = "text/javascript; charset=utf-8";
	buf_puts(&o->body, studio_js);
}

void get_icon(struct req *r, struct resp *o)
{
	o->type = "image/svg+xml";
	buf_puts(&o->body, studio_icon);
}

/* A small form posting to action with the session's token and the given fields (name, value pairs). */
static void button_form(struct buf *b, struct req *r, const char *action, const char *label,
			const char *aria, const char *const *fields, int nfields)
{
	buf_printf(b, "<form class=\"inline\" method=\"post\" action=\"%s\">", action);
	hidden(b, "csrf", r->csrf);
	for (int i = 0; i + 1 < nfields; i += 2)
		hidden(b, fields[i], fields[i + 1]);
	buf_puts(b, "<button type=\"submit\" aria-label=\"");
	esc_html(b, aria);
	buf_puts(b, "\">");
	esc_html(b, label);
	buf_puts(b, "</button></form>");
}

void page_episode(struct req *r, struct resp *o)
{
	char *text = episode_text(r);
	char version[17];
	epfile_file_version(text, version);
	struct outline_entry *e = NULL;
	int n = epfile_outline(text, &e);
	struct buf *b = &o->body;
	head(r, o, "The episode");
	buf_puts(b, "<h1>The episode</h1><p>The order of <code>");
	esc_html(b, r->st->cfg->episode);
	buf_puts(b, "</code>: move an item up or down, past its neighbour or into the next section.</p>");
	if (form_get(&r->query, "moved"))
		buf_puts(b, "<p role=\"status\" class=\"notice\">Moved.</p>");
	if (form_get(&r->query, "welcome"))
		buf_puts(b, "<p role=\"status\" class=\"notice\">The welcome is in the episode.</p>");
	int wline = 0;
	char *welcome = epfile_welcome(text, &wline);
	buf_puts(b, "<section class=\"welcome\" aria-labelledby=\"welcome-h\"><h2 id=\"welcome-h\">The welcome</h2>"
		    "<form method=\"post\" action=\"/welcome\">");
	hidden(b, "csrf", r->csrf);
	hidden(b, "base", version);
	buf_printf(b, "<p><label for=\"welcome\">What the episode opens with (Markdown; at line %d of the file)</label></p>"
		      "<textarea id=\"welcome\" name=\"welcome\" rows=\"5\" maxlength=\"%d\">", wline, EPFILE_MAX_SUMMARY);
	esc_html(b, welcome);
	buf_puts(b, "</textarea><p><button type=\"submit\" id=\"save-welcome\">Save the welcome</button></p></form></section>"
		    "<h2>The order</h2>");
	free(welcome);
	buf_puts(b, "<ol class=\"outline\">");
	int open = 0;
	for (int i = 0; i < n; i++) {
		if (e[i].heading) {
			if (open)
				buf_puts(b, "</ol></li>");
			buf_puts(b, "<li><h2>");
			esc_html(b, e[i].text);
			buf_puts(b, "</h2><ol>");
			open = 1;
			continue;
		}
		const struct thread *t = week_find(r->st->week, e[i].id);
		const char *title = t ? t->subject : e[i].text;
		if (!open) {
			buf_puts(b, "<li><ol>");
			open = 1;
		}
		buf_puts(b, "<li class=\"item\"><span class=\"title\">");
		esc_html(b, title);
		buf_printf(b, "</span> <span class=\"line\">line %d</span> ", e[i].line);
		char *up = xasprintf("Move up: %s", title), *down = xasprintf("Move down: %s", title);
		const char *fu[] = {"id", e[i].id, "dir", "up", "base", version};
		const char *fd[] = {"id", e[i].id, "dir", "down", "base", version};
		button_form(b, r, "/move", "Up", up, fu, 6);
		button_form(b, r, "/move", "Down", down, fd, 6);
		free(up);
		free(down);
		buf_puts(b, "</li>");
	}
	if (open)
		buf_puts(b, "</ol></li>");
	buf_puts(b, "</ol>");
	foot(o);
	outline_free(&e, n);
	free(text);
}

/* The answer to an edit of the episode that was not saved (epfile.h): what
 * the editor does next is said with `again` ("move", "publish"). */
static void save_failed(struct resp *o, enum epfile_result rr, const char *why, const char *again)
{
	char *text;
	switch (rr) {
	case EPFILE_CONFLICT:
		text = xasprintf("the episode changed since the page was loaded: reload it and %s again", again);
		page_error(o, 409, text);
		free(text);
		return;
	case EPFILE_REFUSED:
		page_error(o, 422, why);
		return;
	default:
		page_error(o, 500, "the episode file could not be written");
		return;
	}
}

void do_move(struct req *r, struct resp *o)
{
	const char *id = form_get(&r->form, "id"), *dir = form_get(&r->form, "dir");
	const char *base = form_get(&r->form, "base");
	if (id == NULL || dir == NULL || base == NULL || (strcmp(dir, "up") != 0 && strcmp(dir, "down") != 0)) {
		page_error(o, 400, "id, dir (up or down) and base, please");
		return;
	}
	const char *why;
	enum epfile_result rr = epfile_move_save(r->st->cfg->episode, id, strcmp(dir, "up") == 0 ? -1 : 1, base, &why);
	switch (rr) {
	case EPFILE_SAVED:
		redirect(o, "/episode?moved=1");
		return;
	default:
		save_failed(o, rr, why, "move");
		return;
	}
}

void do_lexicon(struct req *r, struct resp *o)
{
	const char *word = form_get(&r->form, "word"), *say = form_get(&r->form, "say");
	const char *id = form_get(&r->form, "id");
	const char *why = NULL;
	if (word == NULL || say == NULL) {
		page_error(o, 400, "a word and how to say it, please");
		return;
	}
	int rc = lexfix_add(r->st->lexicon_path, r->st->cfg->lex, word, say, &why);
	if (rc > 0) {
		page_error(o, 422, why);
		return;
	}
	if (rc < 0) {
		page_error(o, 500, "the lexicon file could not be written");
		return;
	}
	struct buf to = {0};
	if (id && week_find(r->st->week, id)) {
		thread_link(&to, id);
		buf_puts(&to, "&fixed=1");
	} else {
		buf_puts(&to, "/");
	}
	redirect(o, to.data);
	buf_free(&to);
}

enum { LOG_SHOWN = 6000 };   /* bytes of the publish log's end shown */

void page_publish(struct req *r, struct resp *o)
{
	struct studio *st = r->st;
	pubjob_poll(&st->job);
	char *text = episode_text(r);
	char version[17];
	epfile_file_version(text, version);
	struct buf *b = &o->body;
	head(r, o, "Publish");
	if (st->job.pid > 0) {
		/* while the job runs the page reloads itself (no script needed) */
		const char *h = "</title>";
		char *at = strstr(b->data, h);
		if (at) {
			size_t off = (size_t)(at - b->data) + strlen(h);
			struct buf nb = {0};
			buf_add(&nb, b->data, off);
			buf_puts(&nb, "<meta http-equiv=\"refresh\" content=\"2\">");
			buf_puts(&nb, b->data + off);
			buf_free(b);
			*b = nb;
		}
	}
	buf_puts(b, "<h1>Publish</h1><p>Publishing makes <code>");
	esc_html(b, st->cfg->episode);
	buf_puts(b, "</code> no longer a draft, then builds it (<code>podsynth build</code>) and writes the feed "
		    "and the site (<code>podsynth feed</code>), as <code>make episode</code> does.</p>");
	const char *state = st->job.pid > 0 ? "running" : !st->job.ran ? "not started"
			    : st->job.status == 0 ? "done" : "failed";
	buf_printf(b, "<p role=\"status\" id=\"publish-state\" data-state=\"%s\">", state);
	if (st->job.pid > 0)
		buf_printf(b, "Publishing, for %lld s now.", (long long)time(NULL) - st->job.started);
	else if (st->job.ran)
		buf_printf(b, "The last publish %s after %lld s.", st->job.status == 0 ? "succeeded" : "failed",
			   st->job.ended - st->job.started);
	else
		buf_puts(b, "Not published from the studio yet.");
	buf_puts(b, "</p>");
	if (st->job.pid <= 0) {
		buf_puts(b, "<form method=\"post\" action=\"/publish\">");
		hidden(b, "csrf", r->csrf);
		hidden(b, "base", version);
		buf_puts(b, "<button type=\"submit\" id=\"publish\">Publish: build the episode and the feed</button></form>");
	}
	if (st->job.ran) {
		size_t len;
		char *log = read_file(st->publish_log, &len);
		if (log) {
			size_t from = len > LOG_SHOWN ? len - LOG_SHOWN : 0;
			while (from < len && ((unsigned char)log[from] & 0xC0) == 0x80)
				from++;
			size_t bad;
			buf_puts(b, "<h2>Progress</h2><pre id=\"publish-log\" tabindex=\"0\">");
			if (utf8_check(log + from, len - from, &bad) == 0)
				esc_html(b, log + from);
			else
				buf_puts(b, "(the log is not valid UTF-8)");
			buf_puts(b, "</pre>");
			free(log);
		}
	}
	foot(o);
	free(text);
}

void do_publish(struct req *r, struct resp *o)
{
	const char *base = form_get(&r->form, "base"), *why = NULL;
	if (base == NULL) {
		page_error(o, 400, "base, please");
		return;
	}
	pubjob_poll(&r->st->job);
	if (r->st->job.pid > 0) {
		page_error(o, 409, "a publish is running already");
		return;
	}
	enum epfile_result rr = epfile_publish_save(r->st->cfg->episode, base, &why);
	switch (rr) {
	case EPFILE_SAVED:
		break;
	default:
		save_failed(o, rr, why, "publish");
		return;
	}
	credit_writers(r);
	int rc = pubjob_start(&r->st->job, r->st->cfg->episode, r->st->cfg->channel_path, r->st->publish_log);
	if (rc < 0) {
		page_error(o, 500, "the publish job could not start");
		return;
	}
	redirect(o, "/publish");
}

void do_check(struct req *r, struct resp *o)
{
	const struct thread *t = the_thread(r, o, &r->form);
	const char *summary = form_get(&r->form, "summary");
	if (t == NULL)
		return;
	buf_reset(&o->body);
	o->type = "application/json";
	if (summary == NULL) {
		o->status = 400;
		buf_puts(&o->body, "{\"error\":\"summary, please\"}");
		return;
	}
	const char *why = epfile_summary_problem(summary);
	if (why) {
		buf_puts(&o->body, "[{\"line\":0,\"level\":\"error\",\"text\":");
		esc_json(&o->body, why);
		buf_puts(&o->body, "}]");
		return;
	}
	char *text = episode_text(r);
	char *next = epfile_with_summary(text, t->id, t->subject, t->url, summary);
	int item = 0, n = 1;
	free(epfile_summary(next, t->id, &item));
	for (const char *p = summary; *p; p++)
		n += *p == '\n';
	/* the summary starts two lines after its item's line (epfile_with_summary) */
	if (checkrun(r->st->cfg->channel_path, r->st->cfg->episode, next, item + 2, n, &o->body) != 0) {
		buf_reset(&o->body);
		o->status = 500;
		buf_puts(&o->body, "{\"error\":\"check could not run\"}");
	}
	free(next);
	free(text);
}

/* ---- people: profiles, and the writers the episode credits ---- */

enum {
	NAME_MAX_BYTES = 100,
	BIO_MAX_BYTES = 600,
	LINKS_MAX = 4,
	LINK_MAX_BYTES = 300,
};

/* s without white space at either end, in place. */
static void trim(char *s)
{
	size_t n = strlen(s), a = strspn(s, " \t");
	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
}

/* Whether s is valid UTF-8 of at most max bytes without control characters (newlines if nl). */
static int plain_text(const char *s, size_t max, int nl)
{
	size_t n = strlen(s), bad;
	if (n > max || utf8_check(s, n, &bad) != 0)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && !(nl && (*p == '\n' || *p == '\r'))) || *p == 0x7f)
			return 0;
	return 1;
}

/*
 * links (one a line, blank lines and spaces around dropped) as the profile
 * keeps them, or NULL with *why: at most LINKS_MAX http(s) URLs without
 * spaces, quotes or angle brackets. The caller frees.
 */
static char *clean_links(const char *links, const char **why)
{
	struct buf b = {0};
	int n = 0;
	buf_puts(&b, "");
	for (const char *p = links; *p;) {
		size_t l = strcspn(p, "\r\n");
		const char *s = p;
		while (l && (*s == ' ' || *s == '\t'))
			s++, l--;
		while (l && (s[l - 1] == ' ' || s[l - 1] == '\t'))
			l--;
		if (l) {
			char *u = xstrndup(s, l);
			int ok = l <= LINK_MAX_BYTES && (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0) &&
				 strcspn(u, " \t\"'<>\\`") == l && plain_text(u, LINK_MAX_BYTES, 0);
			if (!ok || ++n > LINKS_MAX) {
				*why = ok ? "at most four links" : "a link must be an http:// or https:// address without spaces";
				free(u);
				buf_free(&b);
				return NULL;
			}
			if (b.len)
				buf_putc(&b, '\n');
			buf_puts(&b, u);
			free(u);
		}
		p = s + l;
		p += strcspn(p, "\r\n");
		p += strspn(p, "\r\n");
	}
	return buf_detach(&b);
}

static void profile_page(struct req *r, struct resp *o, const char *notice)
{
	struct profile p = {0};
	if (sdb_profile_get(r->st->db, r->user.id, &p) != 0) {
		page_error(o, 500, "the database failed");
		return;
	}
	struct buf *b = &o->body;
	head(r, o, "Your profile");
	buf_puts(b, "<h1>Your profile</h1><p>The episode credits you as a writer with this name, bio and links "
		    "(the feed's <code>podcast:person</code> and the episode page's credits) when a summary of "
		    "yours is in it.</p>");
	if (notice) {
		buf_puts(b, "<p role=\"status\" class=\"notice\">");
		esc_html(b, notice);
		buf_puts(b, "</p>");
	}
	buf_puts(b, "<form method=\"post\" action=\"/profile\">");
	hidden(b, "csrf", r->csrf);
	buf_printf(b, "<p><label for=\"fullname\">Your name as credited</label><br><input id=\"fullname\" "
		      "name=\"fullname\" maxlength=\"%d\" autocomplete=\"name\" value=\"", NAME_MAX_BYTES);
	esc_html(b, p.fullname);
	buf_printf(b, "\"></p><p><label for=\"bio\">A short bio (one paragraph)</label><br><textarea id=\"bio\" "
		      "name=\"bio\" rows=\"3\" maxlength=\"%d\">", BIO_MAX_BYTES);
	esc_html(b, p.bio);
	buf_puts(b, "</textarea></p><p><label for=\"links\">Links, one a line (http or https, at most four)</label>"
		    "<br><textarea id=\"links\" name=\"links\" rows=\"4\">");
	esc_html(b, p.links);
	buf_puts(b, "</textarea></p><p><button type=\"submit\" id=\"save-profile\">Save the profile</button></p></form>");
	foot(o);
	profile_clear(&p);
}

void page_profile(struct req *r, struct resp *o)
{
	profile_page(r, o, form_get(&r->query, "saved") ? "Saved." : NULL);
}

void do_profile(struct req *r, struct resp *o)
{
	const char *name = form_get(&r->form, "fullname"), *bio = form_get(&r->form, "bio");
	const char *links = form_get(&r->form, "links"), *why = NULL;
	if (name == NULL || bio == NULL || links == NULL) {
		page_error(o, 400, "fullname, bio and links, please");
		return;
	}
	if (!plain_text(name, NAME_MAX_BYTES, 0)) {
		page_error(o, 422, "the name: one line of at most 100 bytes of UTF-8");
		return;
	}
	if (!plain_text(bio, BIO_MAX_BYTES, 1)) {
		page_error(o, 422, "the bio: at most 600 bytes of UTF-8");
		return;
	}
	char *l = clean_links(links, &why);
	if (l == NULL) {
		page_error(o, 422, why);
		return;
	}
	/* the bio is one paragraph: its line breaks become spaces */
	char *b1 = xstrdup(bio);
	for (char *p = b1; *p; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	char *nm = xstrdup(name);
	trim(nm);
	trim(b1);
	int rc = sdb_profile_set(r->st->db, r->user.id, nm, b1, l);
	free(nm);
	free(b1);
	free(l);
	if (rc != 0) {
		page_error(o, 500, "the database failed");
		return;
	}
	credit_writers(r);
	redirect(o, "/profile?saved=1");
}

void page_people(struct req *r, struct resp *o)
{
	struct profile *p = NULL;
	int n = 0;
	if (sdb_profiles(r->st->db, &p, &n) != 0) {
		page_error(o, 500, "the database failed");
		return;
	}
	struct buf *b = &o->body;
	head(r, o, "People");
	buf_puts(b, "<h1>People</h1><p>Everyone who may sign in, and what the episode credits the writers with.</p>"
		    "<table class=\"week\"><caption>Accounts and their profiles</caption><thead><tr>"
		    "<th scope=\"col\">Account</th><th scope=\"col\">Role</th><th scope=\"col\">Name as credited</th>"
		    "<th scope=\"col\">Bio</th><th scope=\"col\">Links</th></tr></thead><tbody>");
	for (int i = 0; i < n; i++) {
		buf_puts(b, "<tr><td>");
		esc_html(b, p[i].user);
		buf_puts(b, "</td><td>");
		esc_html(b, p[i].role);
		buf_puts(b, "</td><td>");
		esc_html(b, p[i].fullname);
		buf_puts(b, "</td><td>");
		esc_html(b, p[i].bio);
		buf_puts(b, "</td><td>");
		for (const char *q = p[i].links; *q;) {
			size_t len = strcspn(q, "\n");
			char *u = xstrndup(q, len);
			buf_puts(b, "<a href=\"");
			esc_html(b, u);
			buf_puts(b, "\" rel=\"nofollow\">");
			esc_html(b, u);
			buf_puts(b, "</a><br>");
			free(u);
			q += len + (q[len] == '\n');
		}
		buf_puts(b, "</td></tr>");
	}
	buf_puts(b, "</tbody></table>");
	foot(o);
	profiles_free(&p, n);
}

/* epfile_edit_save's edit: the welcome ud. */
static char *edit_welcome(const char *text, void *ud)
{
	return epfile_with_welcome(text, ud);
}

void do_welcome(struct req *r, struct resp *o)
{
	const char *base = form_get(&r->form, "base"), *welcome = form_get(&r->form, "welcome");
	if (base == NULL || welcome == NULL) {
		page_error(o, 400, "the welcome and its base version, please");
		return;
	}
	const char *why = epfile_welcome_problem(welcome);
	if (why) {
		page_error(o, 422, why);
		return;
	}
	enum epfile_result rr = epfile_edit_save(r->st->cfg->episode, base, edit_welcome, (void *)welcome,
						 "the episode has no front matter", &why);
	switch (rr) {
	case EPFILE_SAVED:
		redirect(o, "/episode?welcome=1");
		return;
	default:
		save_failed(o, rr, why, "write the welcome");
		return;
	}
}
