/*
 * site.c: the show's website (see site.h).
 *
 * In: the channel settings and the published episodes, with the files the
 * build made beside their audio: the WebVTT transcript (its cues become the
 * transcript's sentences, grouped into paragraphs where the voice changes
 * or the speaker pauses), the JSON chapters (read with libyaml: JSON is
 * YAML's flow style) and the word timings (linked for the page's script,
 * which highlights the word being spoken). Out: rss/index.html,
 * rss/episodes/<slug>.html and rss/assets/, each through a temporary file.
 *
 * Every page works without JavaScript: the player, the chapter list with
 * times and the transcript text are plain HTML; podsynth.js adds seeking,
 * highlighting, search, #t= links, the speed control and the copy button.
 * Every URL in a page is relative, or starts with the show's link: (the
 * canonical and Open Graph metadata). Nothing is loaded from another site.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "site.h"

#include "show/show.h"
#include "codec/codec.h"
#include "core/core.h"
#include "site_assets.h"
#include "chapters.h"
#include "site_int.h"

/* ---- words shown on the pages, by language ---- */

enum ui_word {
	UI_SKIP, UI_EPISODES, UI_SUBSCRIBE, UI_FEED, UI_COPY, UI_COPIED, UI_LISTEN_ON,
	UI_CHAPTERS, UI_TRANSCRIPT, UI_SEARCH, UI_NOTES, UI_DOWNLOADS, UI_SPEED, UI_NO_AUDIO,
	UI_WORDS, UI_CHAPTERS_JSON, UI_ALL_EPISODES, UI_PLAYER, UI_NONE_YET, UI_FOUND, UI_KEYS,
	UI_PLAY, UI_PAUSE, UI_BACK15, UI_FWD30, UI_POSITION, UI_SHARE, UI_SHARE_URL, UI_PLAYER_KEYS,
	UI_OF, UI_CAST, UI_HOST, UI_COHOST, UI_GUEST, UI_EMBED, UI_EMBED_CODE, UI_WRITER, UI_COUNT
};

static const struct {
	const char *lang;   /* primary language subtag */
	const char *w[UI_COUNT];
} ui_words[] = {
	{"en", {"Skip to the content", "Episodes", "Subscribe", "Feed address", "Copy",
		"Copied", "Listen on", "Chapters", "Transcript", "Search the transcript",
		"Show notes", "Downloads", "Speed", "Your browser cannot play this audio:",
		"Word timings (JSON)", "Chapters (JSON)", "All episodes", "Player",
		"No episodes yet.", "found",
		"In the transcript, the arrow keys move between sentences; Enter plays from one.",
		"Play", "Pause", "Back 15 seconds", "Forward 30 seconds", "Position",
		"Share from here", "Link to this moment",
		"Keys: Space or K plays and pauses, J or \u2190 goes back 15 s, L or \u2192 forward 30 s.",
		"of", "Cast", "host", "co-host", "guest", "Embed", "Code for another site", "writer"}},
	{"zh", {"跳到正文", "节目列表", "订阅", "订阅地址", "复制", "已复制", "收听平台",
		"章节", "文字稿", "搜索文字稿", "节目说明", "下载", "语速",
		"您的浏览器无法播放此音频：", "逐词时间 (JSON)", "章节 (JSON)", "全部节目",
		"播放器", "还没有节目。", "处",
		"在文字稿中，用方向键在句子间移动，按回车键从该句开始播放。",
		"播放", "暂停", "后退 15 秒", "前进 30 秒", "播放位置", "分享此刻", "此刻的链接",
		"快捷键：空格或 K 播放/暂停，J 或 \u2190 后退 15 秒，L 或 \u2192 前进 30 秒。",
		"/", "主播与嘉宾", "主持", "联合主持", "嘉宾", "嵌入", "嵌入其他网站的代码", "撰稿"}},
};

/* The words for language lang (BCP 47): its primary subtag's, else English. */
static const char *const *ui_for(const char *lang)
{
	size_t n = lang ? strcspn(lang, "-_") : 0;
	for (size_t i = 0; i < ARRAY_LEN(ui_words); i++)
		if (n == strlen(ui_words[i].lang) && strncmp(lang, ui_words[i].lang, n) == 0)
			return ui_words[i].w;
	return ui_words[0].w;
}

/* ---- the site ---- */

/* A file made under a temporary name, waiting for site_commit. */
struct pending {
	char *tmp;
	char *path;
};

struct site {
	const struct channel *ch;
	char *rss_dir;
	struct site_episode *eps;
	int n, cap;
	struct pending *pend;
	int npend, cappend;
};

struct site *site_new(const struct channel *ch, const char *rss_dir)
{
	struct site *s = xcalloc(1, sizeof *s);
	s->ch = ch;
	s->rss_dir = xstrdup(rss_dir);
	return s;
}

void site_free(struct site **sp)
{
	struct site *s = *sp;
	if (s == NULL)
		return;
	for (int i = 0; i < s->npend; i++) {
		unlink(s->pend[i].tmp);
		free(s->pend[i].tmp);
		free(s->pend[i].path);
	}
	free(s->pend);
	free(s->eps);
	free(s->rss_dir);
	free(s);
	*sp = NULL;
}

void site_add(struct site *s, const struct site_episode *e)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->eps = xreallocarray(s->eps, (size_t)s->cap, sizeof *s->eps);
	}
	s->eps[s->n++] = *e;
}

char *site_page_rel(const char *slug)
{
	return xasprintf("episodes/%s.html", slug);
}

const char *site_strerror(enum site_err e)
{
	switch (e) {
	case SITE_OK: return "success";
	case SITE_ERR_INPUT: return "a file the pages are made from cannot be read";
	case SITE_ERR_WRITE: return "a page could not be written";
	}
	return "unknown error";
}

/* ---- HTML text ---- */

/* Appends s, sanitised (one line when line), with & < > " escaped. */
static void put_text(struct buf *b, const char *s, int line)
{
	char *c = xmltext_cleans(s ? s : "", line ? XMLTEXT_LINE : 0);
	for (const char *p = c; *p; p++) {
		switch (*p) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default: buf_putc(b, *p); break;
		}
	}
	free(c);
}

static void put(struct buf *b, const char *s)
{
	put_text(b, s, 1);
}

/* A path (relative or absolute URL) escaped as a URL, then as an attribute. */
static void put_url(struct buf *b, const char *u)
{
	xmlChar *e = xmlURIEscapeStr((const xmlChar *)u, (const xmlChar *)"/:#?=&%.-_~+");
	put(b, e ? (const char *)e : u);
	xmlFree(e);
}

/* Seconds as H:MM:SS or M:SS. */
static void put_clock(struct buf *b, double secs)
{
	long t = secs > 0 ? (long)secs : 0;
	if (t >= 3600)
		buf_printf(b, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
	else
		buf_printf(b, "%ld:%02ld", t / 60, t % 60);
}

/* A date YYYY-MM-DD as readers of lang write it. */
static void put_date(struct buf *b, const char *date, const char *lang)
{
	static const char *months[] = {"January", "February", "March", "April", "May", "June",
				       "July", "August", "September", "October", "November",
				       "December"};
	int y, m, d;
	if (date == NULL || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		put(b, date ? date : "");
		return;
	}
	if (lang && strncmp(lang, "zh", 2) == 0)
		buf_printf(b, "%d年%d月%d日", y, m, d);
	else if (lang && strncmp(lang, "en", 2) == 0)
		buf_printf(b, "%d %s %d", d, months[m - 1], y);
	else
		buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

/* Bytes for people: "2.8 MB". */
static void put_size(struct buf *b, long long bytes)
{
	if (bytes >= 1000000)
		buf_printf(b, "%.1f MB", (double)bytes / 1e6);
	else
		buf_printf(b, "%lld kB", (bytes + 999) / 1000);
}

/* ---- paths ---- */

/*
 * The path of path relative to the site root, or NULL when it is not
 * inside it (both made real; path's directory must exist). The caller frees.
 */
static char *rel_to_root(const struct site *s, const char *path)
{
	char root[PATH_MAX], dir[PATH_MAX];
	char *d = path_dirname(path), *res = NULL;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (realpath(s->rss_dir, root) && realpath(d, dir)) {
		size_t n = strlen(root);
		char *full = xasprintf("%s/%s", dir, base);
		if (strncmp(full, root, n) == 0 && full[n] == '/')
			res = xstrdup(full + n + 1);
		free(full);
	}
	free(d);
	return res;
}

/*
 * The URL of a file inside the site for a page in directory page_dir
 * (relative to the root, "" for the root): a relative URL. NULL (reported)
 * when the file is outside the site. The caller frees.
 */
static char *url_from(const struct site *s, const char *page_dir, const char *path)
{
	char *rel = rel_to_root(s, path);
	if (rel == NULL) {
		msg(MSG_SITE_OUTSIDE, path, 0, 0, "%s/", s->rss_dir);
		return NULL;
	}
	size_t n = strlen(page_dir);
	char *u;
	if (n == 0)
		u = xstrdup(rel);
	else if (strncmp(rel, page_dir, n) == 0 && rel[n] == '/')
		u = xstrdup(rel + n + 1);
	else
		u = xasprintf("../%s", rel); /* pages are never deeper than one directory */
	free(rel);
	return u;
}

/* The show's artwork for a page in page_dir: a relative URL, an absolute one, or NULL. */
static char *art_url(const struct site *s, const char *page_dir)
{
	/* the show's image:, else the default cover (the feed's own artwork) */
	char *img = artwork_show_image(s->ch);
	char *u = NULL;
	if (img == NULL)
		return NULL;
	if (strstr(img, "://")) {
		u = img;
		img = NULL;
	} else if (file_exists(img)) {  /* else the feed warns about it */
		char *rel = rel_to_root(s, img);
		if (rel) {
			free(rel);
			u = url_from(s, page_dir, img);
		}
	}
	free(img);
	return u;
}

/* The absolute (show-based) URL of a path relative to the root. The caller frees. */
static char *abs_url(const struct site *s, const char *rel)
{
	return xasprintf("%s/%s", s->ch->link, rel);
}

/* ---- writing ---- */

/*
 * Writes data to a temporary file beside path and records it for
 * site_commit; nothing when path already holds exactly data. 0, or -1
 * (reported).
 */
static int stage(struct site *s, const char *path, const char *data, size_t n)
{
	size_t len;
	char *old = read_file(path, &len);
	int same = old && len == n && memcmp(old, data, n) == 0;
	free(old);
	if (same)
		return 0;
	char *dir = path_dirname(path);
	int rc = mkdir_p(dir);
	free(dir);
	char *tmp = tmp_path_for(path);
	FILE *fp = rc == 0 ? fopen(tmp, "wb") : NULL;
	if (fp == NULL || fwrite(data, 1, n, fp) != n || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		msg(MSG_SITE_WRITE, path, 0, 0, "%s", strerror(errno));
		if (fp)
			fclose(fp);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (fclose(fp) != 0) {
		msg(MSG_SITE_WRITE, path, 0, 0, "%s", strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (s->npend == s->cappend) {
		s->cappend = s->cappend ? 2 * s->cappend : 16;
		s->pend = xreallocarray(s->pend, (size_t)s->cappend, sizeof *s->pend);
	}
	s->pend[s->npend++] = (struct pending){tmp, xstrdup(path)};
	return 0;
}

/* How every oEmbed document this program writes starts. */
#define OEMBED_START "{\n  \"version\": \"1.0\",\n  \"type\": \"rich\","

/* What every page this program writes has in its head, and nothing else is likely to. */
#define GENERATOR_META "<meta name=\"generator\" content=\"podsynth\">"

/*
 * Removes the pages in rss/episodes/ that this program wrote for episodes
 * no longer published (withdrawn, made drafts again): they would offer
 * audio the feed no longer names. A page is ours when its head carries
 * GENERATOR_META; other HTML files are left alone.
 */
static void remove_old_pages(struct site *s)
{
	char *dir = path_join(s->rss_dir, "episodes");
	DIR *d = opendir(dir);
	struct dirent *de;
	while (d && (de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name), base;
		int json = n > 12 && strcmp(de->d_name + n - 12, ".oembed.json") == 0;
		if (json)
			base = n - 12;
		else if (n > 5 && strcmp(de->d_name + n - 5, ".html") == 0)
			base = n - 5;
		else
			continue;
		/* <slug>.html, <slug>.embed.html and <slug>.oembed.json of a published episode stay */
		if (!json && base > 6 && strncmp(de->d_name + base - 6, ".embed", 6) == 0)
			base -= 6;
		int keep = 0;
		for (int i = 0; !keep && i < s->n; i++)
			keep = strlen(s->eps[i].slug) == base &&
			       strncmp(s->eps[i].slug, de->d_name, base) == 0;
		if (keep)
			continue;
		char *p = path_join(dir, de->d_name);
		size_t len;
		char *text = read_file(p, &len);
		char *head_end = text ? strstr(text, "</head>") : NULL;
		if (json && text && strncmp(text, OEMBED_START, strlen(OEMBED_START)) == 0) {
			if (unlink(p) != 0)   /* the oEmbed document this program wrote */
				msg(MSG_SITE_REMOVE, p, 0, 0, "%s", strerror(errno));
		} else if (!json && head_end) {
			*head_end = '\0';
			if (strstr(text, GENERATOR_META) && unlink(p) != 0)
				msg(MSG_SITE_REMOVE, p, 0, 0, "%s", strerror(errno));
		}
		free(text);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
}

enum site_err site_commit(struct site *s)
{
	enum site_err rc = SITE_OK;
	for (int i = 0; i < s->npend; i++) {
		if (rename(s->pend[i].tmp, s->pend[i].path) != 0) {
			msg(MSG_SITE_RENAME, s->pend[i].path, 0, 0, "%s", strerror(errno));
			unlink(s->pend[i].tmp);
			rc = SITE_ERR_WRITE;
		}
		free(s->pend[i].tmp);
		free(s->pend[i].path);
	}
	s->npend = 0;
	remove_old_pages(s);
	return rc;
}

/* ---- the inputs: cues and chapters ---- */


/* 1 when t starts with a CJK character (text_is_cjk, the transcript's rule). */
static int starts_cjk(const char *t)
{
	uint32_t cp;
	size_t n = strlen(t);
	return n > 0 && text_cp_at(t, n, 0, &cp) > 0 && text_is_cjk(cp);
}

/* 1 when t (n bytes) ends with a CJK character. */
static int ends_cjk_n(const char *t, size_t n)
{
	uint32_t cp;
	return n > 0 && text_cp_at(t, n, text_prev(t, n), &cp) > 0 && text_is_cjk(cp);
}


static double vtt_time(const char *p, int *ok)
{
	int h, m, sec, ms, used = 0;
	if (sscanf(p, "%d:%2d:%2d.%3d%n", &h, &m, &sec, &ms, &used) != 4) {
		*ok = 0;
		return 0;
	}
	return h * 3600.0 + m * 60.0 + sec + ms / 1000.0;
}

/* VTT text (the escapes this program writes) back to plain text, in place. */
static void vtt_unescape(char *t)
{
	static const struct { const char *e; char c; } esc[] = {
		{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
	};
	char *o = t;
	for (char *p = t; *p;) {
		size_t k;
		for (k = 0; k < ARRAY_LEN(esc); k++)
			if (strncmp(p, esc[k].e, strlen(esc[k].e)) == 0)
				break;
		if (k < ARRAY_LEN(esc)) {
			*o++ = esc[k].c;
			p += strlen(esc[k].e);
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
}

/*
 * Takes the tags out of a cue line (this program's: <v Name>, <c.quote>,
 * <lang xx> and their ends), noting what they say in c, in place.
 */
static void cue_tags(char *q, struct cue *c)
{
	char *o = q;
	for (char *p = q; *p;) {
		char *gt = *p == '<' ? strchr(p, '>') : NULL;
		if (gt == NULL) {
			*o++ = *p++;
			continue;
		}
		if (strncmp(p, "<v ", 3) == 0 || strncmp(p, "<v.", 3) == 0) {
			char *sp = memchr(p, ' ', (size_t)(gt - p));
			free(c->speaker);
			c->speaker = sp ? xstrndup(sp + 1, (size_t)(gt - sp - 1)) : xstrdup("");
		} else if (strncmp(p, "<c.quote>", 9) == 0) {
			c->quote = 1;
		} else if (strncmp(p, "<lang ", 6) == 0) {
			free(c->lang);
			c->lang = xstrndup(p + 6, (size_t)(gt - p - 6));
		}
		p = gt + 1;
	}
	*o = '\0';
}

/*
 * Reads the cues of a WebVTT file as this program writes it (<v Name>,
 * <c.quote> and <lang xx> tags, & < > escaped; a line break between CJK
 * characters is no space). Returns the count (*out set, free with
 * cues_free), or -1 (reported naming the file and line).
 */
static int read_cues(const char *path, struct cue **out)
{
	size_t len;
	char *text = read_file(path, &len);
	struct cue *v = NULL;
	int n = 0, cap = 0, line = 0;
	*out = NULL;
	if (text == NULL) {
		msg(MSG_FILE_UNREADABLE, path, 0, 0, "the transcript" MSG_SEP "%s", strerror(errno));
		return -1;
	}
	for (char *p = text, *nl; *p; p = nl) {
		nl = strchr(p, '\n');
		if (nl)
			*nl++ = '\0';
		else
			nl = p + strlen(p);
		line++;
		char *arrow = strstr(p, " --> ");
		if (arrow == NULL)
			continue;
		int ok = 1;
		double t0 = vtt_time(p, &ok), t1 = vtt_time(arrow + 5, &ok);
		if (!ok) {
			msg(MSG_SITE_CUE_TIME, path, line, 0, NULL);
			goto fail;
		}
		struct buf body = {0};
		struct cue c = {t0, t1, NULL, NULL, 0, NULL};
		buf_puts(&body, "");
		while (*nl && *nl != '\n') {
			char *q = nl;
			nl = strchr(q, '\n');
			if (nl)
				*nl++ = '\0';
			else
				nl = q + strlen(q);
			line++;
			cue_tags(q, &c);
			if (body.len && !(ends_cjk_n(body.data, body.len) && starts_cjk(q)))
				buf_putc(&body, ' ');
			buf_puts(&body, q);
		}
		vtt_unescape(body.data);
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		c.speaker = c.speaker ? c.speaker : xstrdup("");
		c.lang = c.lang ? c.lang : xstrdup("");
		c.text = buf_detach(&body);
		v[n++] = c;
	}
	free(text);
	*out = v;
	return n;
fail:
	for (int i = 0; i < n; i++) {
		free(v[i].speaker);
		free(v[i].lang);
		free(v[i].text);
	}
	free(v);
	free(text);
	return -1;
}

static void cues_free(struct cue *c, int n)
{
	for (int i = 0; i < n; i++) {
		free(c[i].speaker);
		free(c[i].lang);
		free(c[i].text);
	}
	free(c);
}

/* ---- pages ---- */

/*
 * The <head> of a page and the start of its <body>. page_dir: the page's
 * directory relative to the root ("" or "episodes"); canon: its path
 * relative to the root; image and audio: absolute URLs or NULL.
 */
static void put_head(struct site *s, struct buf *b, const char *lang, const char *title,
		     const char *desc, const char *page_dir, const char *canon, const char *type,
		     const char *image, const struct site_audio *audio, const char *audio_url,
		     const char *oembed)
{
	const struct channel *ch = s->ch;
	const char *up = page_dir[0] ? "../" : "";
	char *u;

	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	put(b, lang);
	buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	put(b, title);
	buf_puts(b, "</title>\n<meta name=\"description\" content=\"");
	put(b, desc);
	buf_puts(b, "\">\n" GENERATOR_META "\n");
	u = abs_url(s, canon);
	buf_puts(b, "<link rel=\"canonical\" href=\"");
	put_url(b, u);
	buf_puts(b, "\">\n<link rel=\"alternate\" type=\"application/rss+xml\" title=\"");
	put(b, ch->title);
	buf_puts(b, "\" href=\"");
	char *feed = abs_url(s, "feed.xml");
	put_url(b, feed);
	free(feed);
	buf_puts(b, "\">\n<meta property=\"og:type\" content=\"");
	buf_puts(b, type);
	buf_puts(b, "\">\n<meta property=\"og:site_name\" content=\"");
	put(b, ch->title);
	buf_puts(b, "\">\n<meta property=\"og:title\" content=\"");
	put(b, title);
	buf_puts(b, "\">\n<meta property=\"og:description\" content=\"");
	put(b, desc);
	buf_puts(b, "\">\n<meta property=\"og:url\" content=\"");
	put_url(b, u);
	buf_puts(b, "\">\n");
	free(u);
	if (image) {
		buf_puts(b, "<meta property=\"og:image\" content=\"");
		put_url(b, image);
		buf_puts(b, "\">\n");
	}
	if (audio && audio_url) {
		buf_puts(b, "<meta property=\"og:audio\" content=\"");
		put_url(b, audio_url);
		buf_puts(b, "\">\n<meta property=\"og:audio:type\" content=\"");
		put_text(b, audio->mime, 1);
		buf_puts(b, "\">\n");
	}
	/* a small icon, not the 3000-pixel cover */
	buf_printf(b, "<link rel=\"icon\" type=\"image/svg+xml\" href=\"%sassets/favicon.svg\">\n", up);
	/* before the first paint, so that what the script adds has its place from the start */
	buf_puts(b, "<script>document.documentElement.classList.add('js')</script>\n");
	if (oembed) {   /* so that a post on another site shows the player */
		buf_puts(b, "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"");
		put_url(b, oembed);
		buf_puts(b, "\" title=\"");
		put(b, title);
		buf_puts(b, "\">\n");
	}
	buf_printf(b, "<link rel=\"stylesheet\" href=\"%sassets/podsynth.css\">\n", up);
	if (ch->site_css) {
		char *cu = url_from(s, page_dir, ch->site_css);
		if (cu) {
			buf_puts(b, "<link rel=\"stylesheet\" href=\"");
			put_url(b, cu);
			buf_puts(b, "\">\n");
		}
		free(cu);
	}
	buf_printf(b, "<script src=\"%sassets/podsynth.js\" defer></script>\n</head>\n<body>\n",
		   up);
	buf_printf(b, "<a class=\"skip\" href=\"#main\">%s</a>\n", ui_for(lang)[UI_SKIP]);
}

/*
 * The footer: the episode's own licence (license: in its front matter)
 * where it has one, else the show's copyright line and licence.
 */
static void put_foot(struct site *s, struct buf *b, const char *up, const char *ep_license)
{
	const char *lic = ep_license ? ep_license : s->ch->license;
	buf_puts(b, "<footer>\n<p>");
	if (s->ch->copyright && ep_license == NULL) {
		put(b, s->ch->copyright);
		buf_puts(b, " · ");
	}
	if (lic && license_url(lic)) {
		char *id = license_canonical(lic);
		for (char *p = id; *p; p++)
			*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p);
		buf_puts(b, "<a rel=\"license\" href=\"");
		put_url(b, license_url(lic));
		buf_puts(b, "\">");
		put(b, id);
		buf_puts(b, "</a> · ");
		free(id);
	}
	buf_printf(b, "<a href=\"%sfeed.xml\">RSS</a></p>\n</footer>\n</body>\n</html>\n", up);
}

/* A podcast:person role in the page's words ("co-host" -> "联合主持"). */
static const char *role_word(const char *const *w, const char *role)
{
	static const struct { const char *role; enum ui_word word; } roles[] = {
		{"host", UI_HOST}, {"co-host", UI_COHOST}, {"cohost", UI_COHOST}, {"guest", UI_GUEST},
	};
	for (size_t i = 0; role && i < ARRAY_LEN(roles); i++)
		if (strcmp(roles[i].role, role) == 0)
			return w[roles[i].word];
	return role;
}

/*
 * Cast and credits: who speaks the episode, as the feed's podcast:person
 * names them: the speakers it declares with their roles, else its authors,
 * else the show's host:, each a host; with the link (on the name), the
 * picture (a file in the site) and the short bio the show settings give
 * (channel_person); then who wrote it (writers:), each with a short bio
 * and links.
 */
static void put_cast(const struct site *s, struct buf *b, const char *const *w,
		     const struct episode *ep)
{
	int n = ep->speakers.n > 0 ? ep->speakers.n : ep->nauthors > 0 ? ep->nauthors
					: s->ch->host ? 1 : 0;
	if (n == 0 && ep->nwriters == 0)
		return;
	buf_printf(b, "<section class=\"cast\" aria-labelledby=\"cast-h\">\n<h2 id=\"cast-h\">%s</h2>\n"
		   "<ul>\n", w[UI_CAST]);
	for (int i = 0; i < n; i++) {
		const struct speaker *sp = ep->speakers.n > 0 ? &ep->speakers.v[i] : NULL;
		const char *name = sp ? sp->name : ep->nauthors > 0 ? ep->authors[i] : s->ch->host;
		const char *role = sp ? sp->role : "host";
		struct person_info pi = channel_person(s->ch, sp, name);
		buf_puts(b, "<li>");
		if (pi.img && !strstr(pi.img, "://")) {   /* only what the site itself holds */
			buf_puts(b, "<img class=\"person\" src=\"../");
			put_url(b, pi.img);
			buf_puts(b, "\" alt=\"\" width=\"48\" height=\"48\">");
		}
		buf_puts(b, "<span class=\"name\">");
		if (pi.link) {
			buf_puts(b, "<a href=\"");
			put_url(b, pi.link);
			buf_puts(b, "\">");
		}
		put(b, name);
		if (pi.link)
			buf_puts(b, "</a>");
		buf_puts(b, "</span> <span class=\"role\">");
		put(b, role_word(w, role));
		buf_puts(b, "</span>");
		if (pi.bio) {
			buf_puts(b, "<span class=\"bio\">");
			put(b, pi.bio);
			buf_puts(b, "</span>");
		}
		buf_puts(b, "</li>\n");
	}
	for (int i = 0; i < ep->nwriters; i++) {
		const struct writer *wr = &ep->writers[i];
		buf_puts(b, "<li class=\"writer\"><span class=\"name\">");
		put(b, wr->name);
		buf_printf(b, "</span> <span class=\"role\">%s</span>", w[UI_WRITER]);
		if (wr->bio) {
			buf_puts(b, " <span class=\"bio\">");
			put(b, wr->bio);
			buf_puts(b, "</span>");
		}
		for (int l = 0; l < wr->nlinks; l++) {
			buf_puts(b, " <a class=\"link\" rel=\"me\" href=\"");
			put_url(b, wr->links[l]);
			buf_puts(b, "\">");
			put(b, wr->links[l]);
			buf_puts(b, "</a>");
		}
		buf_puts(b, "</li>\n");
	}
	buf_puts(b, "</ul>\n</section>\n");
}

/* An absolute URL for the show's artwork, for og:image; NULL when none. */
static char *art_abs(const struct site *s)
{
	char *rel = art_url(s, "");
	char *u = NULL;
	if (rel && strstr(rel, "://"))
		u = rel;
	else if (rel) {
		u = abs_url(s, rel);
		free(rel);
	}
	return u;
}

static enum site_err write_index(struct site *s)
{
	const struct channel *ch = s->ch;
	const char *lang = ch->language ? ch->language : "en";
	const char *const *w = ui_for(lang);
	struct buf b = {0};
	char *art = art_url(s, ""), *art_a = art_abs(s);
	const char *desc = ch->description ? ch->description : ch->title;
	enum site_err rc = SITE_OK;

	put_head(s, &b, lang, ch->title, desc, "", "index.html", "website", art_a, NULL, NULL, NULL);
	buf_puts(&b, "<header class=\"show\">\n");
	if (art) {
		buf_puts(&b, "<img class=\"cover\" src=\"");
		put_url(&b, art);
		buf_puts(&b, "\" alt=\"\" width=\"240\" height=\"240\">\n");
	}
	buf_puts(&b, "<div class=\"about\">\n<h1>");
	put(&b, ch->title);
	buf_puts(&b, "</h1>\n<p class=\"description\">");
	put_text(&b, desc, 0);
	buf_printf(&b, "</p>\n<section class=\"subscribe\" aria-labelledby=\"subscribe-h\">\n"
		   "<h2 id=\"subscribe-h\">%s</h2>\n<p class=\"feed\"><label for=\"feed-url\">%s"
		   "</label>\n<input id=\"feed-url\" type=\"url\" readonly value=\"",
		   w[UI_SUBSCRIBE], w[UI_FEED]);
	char *feed = abs_url(s, "feed.xml");
	put_url(&b, feed);
	free(feed);
	/* js-only: its place is kept from the first paint, so nothing moves when it shows */
	buf_printf(&b, "\">\n<button type=\"button\" class=\"copy js-only\" data-copy=\"feed-url\" "
		   "data-done=\"%s\">%s</button></p>\n", w[UI_COPIED], w[UI_COPY]);
	if (ch->ndirectories > 0) {
		buf_printf(&b, "<p class=\"directories\">%s:</p>\n<ul class=\"directories\">\n",
			   w[UI_LISTEN_ON]);
		for (int i = 0; i < ch->ndirectories; i++) {
			buf_puts(&b, "<li><a href=\"");
			put(&b, ch->directory_urls[i]);
			buf_puts(&b, "\">");
			put(&b, ch->directory_names[i]);
			buf_puts(&b, "</a></li>\n");
		}
		buf_puts(&b, "</ul>\n");
	}
	buf_printf(&b, "</section>\n</div>\n</header>\n<main id=\"main\">\n<h2>%s</h2>\n",
		   w[UI_EPISODES]);
	if (s->n == 0)
		buf_printf(&b, "<p>%s</p>\n", w[UI_NONE_YET]);
	else
		buf_puts(&b, "<ol class=\"episodes\">\n");
	for (int i = 0; i < s->n; i++) {
		const struct site_episode *e = &s->eps[i];
		const char *elang = e->ep->lang ? e->ep->lang : lang;
		char *page = site_page_rel(e->slug);
		buf_puts(&b, "<li>\n<article");
		if (strcmp(elang, lang) != 0) {
			buf_puts(&b, " lang=\"");
			put(&b, elang);
			buf_puts(&b, "\"");
		}
		buf_puts(&b, ">\n<h3><a href=\"");
		put_url(&b, page);
		buf_puts(&b, "\">");
		put(&b, e->ep->title);
		buf_puts(&b, "</a></h3>\n<p class=\"meta\"><time datetime=\"");
		put(&b, e->ep->date);
		buf_puts(&b, "\">");
		put_date(&b, e->ep->date, elang);
		buf_puts(&b, "</time> · <span class=\"duration\">");
		put_clock(&b, (double)e->seconds);
		buf_puts(&b, "</span></p>\n<p>");
		put(&b, e->summary);
		buf_puts(&b, "</p>\n</article>\n</li>\n");
		free(page);
	}
	if (s->n > 0)
		buf_puts(&b, "</ol>\n");
	buf_puts(&b, "</main>\n");
	put_foot(s, &b, "", NULL);
	char *path = path_join(s->rss_dir, "index.html");
	if (stage(s, path, b.data, b.len) != 0)
		rc = SITE_ERR_WRITE;
	free(path);
	free(art);
	free(art_a);
	buf_free(&b);
	return rc;
}

/* The embed page's size in another site: the player and the title. */
#define EMBED_W 600
#define EMBED_H 200

/* The <iframe> that shows the episode's embed page on another site. The caller frees. */
static char *embed_iframe(const struct site *s, const struct site_episode *e, const char *title)
{
	char *rel = xasprintf("episodes/%s.embed.html", e->slug);
	char *u = abs_url(s, rel);
	struct buf b = {0};
	buf_puts(&b, "<iframe src=\"");
	put_url(&b, u);
	buf_printf(&b, "\" width=\"%d\" height=\"%d\" title=\"", EMBED_W, EMBED_H);
	put(&b, title);
	buf_puts(&b, "\" style=\"border: 0; max-width: 100%\" loading=\"lazy\"></iframe>");
	free(rel);
	free(u);
	return buf_detach(&b);
}

static void put_controls(struct buf *b, const char *const *w, const struct site_episode *e,
			 const struct chapter *chap, int nchap);

/*
 * The episode's player alone, for an <iframe> on another site
 * (<slug>.embed.html), and its oEmbed document (<slug>.oembed.json, type
 * "rich", the iframe as its html), which the episode page names for
 * discovery. 0, or -1 (reported).
 */
static int write_embed(struct site *s, const struct site_episode *e, const char *const *w,
		       const char *lang, const char *title, char *const *src,
		       const struct chapter *chap, int nchap, const char *iframe, const char *art)
{
	const struct channel *ch = s->ch;
	struct buf b = {0}, j = {0};
	char *rel = xasprintf("episodes/%s.embed.html", e->slug), *page = site_page_rel(e->slug);
	char *page_abs = abs_url(s, page);
	int rc = 0;

	buf_puts(&b, "<!DOCTYPE html>\n<html lang=\"");
	put(&b, lang);
	buf_puts(&b, "\" class=\"embedded\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	put(&b, title);
	buf_puts(&b, "</title>\n" GENERATOR_META "\n<meta name=\"robots\" content=\"noindex\">\n"
		 "<link rel=\"canonical\" href=\"");
	put_url(&b, page_abs);
	buf_puts(&b, "\">\n<link rel=\"stylesheet\" href=\"../assets/podsynth.css\">\n"
		 "<script>document.documentElement.classList.add('js')</script>\n"
		 "<script src=\"../assets/podsynth.js\" defer></script>\n</head>\n<body>\n<main>\n"
		 "<h1 class=\"embed-title\"><a href=\"");
	put_url(&b, page_abs);
	buf_puts(&b, "\" target=\"_blank\" rel=\"noopener\">");
	put(&b, e->ep->title);
	buf_puts(&b, "</a> <span class=\"meta\">");
	put(&b, ch->title);
	buf_printf(&b, "</span></h1>\n<section class=\"player\" aria-label=\"%s\">\n"
		   "<audio id=\"player\" controls preload=\"metadata\">\n", w[UI_PLAYER]);
	for (int i = 0; i < e->naudio; i++) {
		buf_puts(&b, "<source src=\"");
		put_url(&b, src[i]);
		buf_puts(&b, "\" type=\"");
		put(&b, e->audio[i].mime);
		buf_puts(&b, "\">\n");
	}
	buf_puts(&b, "</audio>\n");
	put_controls(&b, w, e, chap, nchap);
	buf_puts(&b, "</section>\n</main>\n</body>\n</html>\n");

	/* oEmbed 1.0, type rich */
	buf_puts(&j, OEMBED_START "\n  \"title\": ");
	chapters_json_str(&j, e->ep->title);
	buf_puts(&j, ",\n  \"provider_name\": ");
	chapters_json_str(&j, ch->title);
	buf_puts(&j, ",\n  \"provider_url\": ");
	chapters_json_str(&j, ch->link);
	if (e->ep->author || ch->author) {
		buf_puts(&j, ",\n  \"author_name\": ");
		chapters_json_str(&j, e->ep->author ? e->ep->author : ch->author);
	}
	if (art && strstr(art, "://")) {
		buf_puts(&j, ",\n  \"thumbnail_url\": ");
		chapters_json_str(&j, art);
	}
	buf_printf(&j, ",\n  \"width\": %d,\n  \"height\": %d,\n  \"html\": ", EMBED_W, EMBED_H);
	chapters_json_str(&j, iframe);
	buf_puts(&j, "\n}\n");

	char *path = path_join(s->rss_dir, rel);
	char *jrel = xasprintf("episodes/%s.oembed.json", e->slug);
	char *jpath = path_join(s->rss_dir, jrel);
	if (stage(s, path, b.data, b.len) != 0 || stage(s, jpath, j.data, j.len) != 0)
		rc = -1;
	free(path);
	free(jpath);
	free(jrel);
	free(rel);
	free(page);
	free(page_abs);
	buf_free(&b);
	buf_free(&j);
	return rc;
}

/*
 * The player of our own, over the <audio> (whose controls show without
 * the script): play, back 15 s, forward 30 s, the time, a progress bar
 * with the chapters marked on it and the current one named, the speed, a
 * share button giving the page's link at the current time, and the keys.
 * All of it is .js-only: shown from the first paint when the script will
 * run (nothing moves), never without it.
 */
static void put_controls(struct buf *b, const char *const *w, const struct site_episode *e,
			 const struct chapter *chap, int nchap)
{
	double dur = e->naudio > 0 && e->audio[0].seconds > 0 ? e->audio[0].seconds
							      : (double)e->seconds;
	buf_printf(b, "<div class=\"controls js-only\">\n"
		   "<button type=\"button\" class=\"play\" id=\"play\" aria-label=\"%s\" "
		   "data-play=\"%s\" data-pause=\"%s\"><span class=\"icon\" aria-hidden=\"true\">"
		   "</span></button>\n"
		   "<button type=\"button\" class=\"skip-by\" data-skip=\"-15\" aria-label=\"%s\">"
		   "\u21ba 15</button>\n"
		   "<button type=\"button\" class=\"skip-by\" data-skip=\"30\" aria-label=\"%s\">"
		   "30 \u21bb</button>\n<span class=\"clock\"><span id=\"pos\">0:00</span> %s ",
		   w[UI_PLAY], w[UI_PLAY], w[UI_PAUSE], w[UI_BACK15], w[UI_FWD30], w[UI_OF]);
	put_clock(b, dur);
	buf_printf(b, "</span>\n<span class=\"speed\"><label for=\"speed\">%s</label>\n"
		   "<select id=\"speed\">\n", w[UI_SPEED]);
	static const char *const speeds[] = {"0.75", "1", "1.25", "1.5", "1.75", "2"};
	for (size_t i = 0; i < ARRAY_LEN(speeds); i++)
		buf_printf(b, "<option value=\"%s\"%s>%s×</option>\n", speeds[i],
			   strcmp(speeds[i], "1") == 0 ? " selected" : "", speeds[i]);
	buf_printf(b, "</select></span>\n<button type=\"button\" id=\"share\">%s</button>\n"
		   "</div>\n<div class=\"progress js-only\">\n<input id=\"seek\" type=\"range\" "
		   "min=\"0\" max=\"%.3f\" step=\"1\" value=\"0\" aria-label=\"%s\">\n",
		   w[UI_SHARE], dur, w[UI_POSITION]);
	if (nchap > 1 && dur > 0) {
		buf_puts(b, "<div class=\"marks\" aria-hidden=\"true\">");
		for (int i = 1; i < nchap; i++) {
			double t = chapter_seconds(chap[i].start, CHAPTERS_JSON_RATE);
			buf_printf(b, "<span class=\"mark\" style=\"left: %.2f%%\" title=\"",
				   100.0 * (t < dur ? t : dur) / dur);
			put(b, chap[i].title);
			buf_puts(b, "\"></span>");
		}
		buf_puts(b, "</div>\n");
	}
	buf_printf(b, "</div>\n<p class=\"now js-only\"><span id=\"now-chapter\">");
	if (nchap > 0)
		put(b, chap[0].title);
	buf_printf(b, "</span></p>\n<p class=\"share-to js-only\" hidden><label for=\"share-url\">"
		   "%s</label>\n<input id=\"share-url\" type=\"url\" readonly></p>\n", w[UI_SHARE_URL]);
}

static enum site_err write_episode(struct site *s, const struct site_episode *e)
{
	const struct channel *ch = s->ch;
	const struct episode *ep = e->ep;
	const char *lang = ep->lang ? ep->lang : ch->language ? ch->language : "en";
	const char *const *w = ui_for(lang);
	struct buf b = {0};
	struct cue *cues = NULL;
	struct chapter *chap = NULL;
	int ncues = 0, nchap = 0;
	struct buf text = {0};
	char *has = NULL;
	char **src = xcalloc((size_t)e->naudio + 1, sizeof *src);
	char *page = site_page_rel(e->slug), *title = NULL, *art_a = NULL, *art = NULL;
	char *vtt = NULL, *words = NULL, *chj = NULL, *audio_abs = NULL, *path = NULL;
	enum site_err rc = SITE_ERR_INPUT;

	if (e->vtt && (ncues = read_cues(e->vtt, &cues)) < 0)
		goto out;
	if (e->chapters && (nchap = chapters_read_json(e->chapters, &chap)) < 0)
		goto out;
	has = xcalloc((size_t)nchap + 1, 1);
	for (int i = 0; i < e->naudio; i++)
		if ((src[i] = url_from(s, "episodes", e->audio[i].path)) == NULL)
			goto out;
	if ((e->vtt && (vtt = url_from(s, "episodes", e->vtt)) == NULL) ||
	    (e->words && (words = url_from(s, "episodes", e->words)) == NULL) ||
	    (e->chapters && (chj = url_from(s, "episodes", e->chapters)) == NULL))
		goto out;
	if (e->naudio > 0) {
		char *rel = rel_to_root(s, e->audio[0].path);
		audio_abs = abs_url(s, rel);
		free(rel);
	}
	/* the episode's artwork, else the show's: on the page and in og:image */
	char *epf = artwork_episode_file(ch, ep), *rel = NULL;
	if (ep->image && strstr(ep->image, "://")) {
		art = xstrdup(ep->image);
		art_a = xstrdup(ep->image);
	} else if (epf && file_exists(epf) && (rel = rel_to_root(s, epf)) != NULL) {
		art = url_from(s, "episodes", epf);
		art_a = abs_url(s, rel);
	} else {
		art = art_url(s, "episodes");
		art_a = art_abs(s);
	}
	free(rel);
	free(epf);
	/* "Episode — Show", unless the episode's title starts with the show's */
	const char *et = ep->title ? ep->title : e->slug;
	if (ch->title && strncmp(et, ch->title, strlen(ch->title)) != 0)
		title = xasprintf("%s — %s", et, ch->title);
	else
		title = xstrdup(et);
	char *oe_rel = xasprintf("episodes/%s.oembed.json", e->slug);
	char *oembed = abs_url(s, oe_rel);
	free(oe_rel);
	put_head(s, &b, lang, title, e->summary, "episodes", page, "article", art_a,
		 e->naudio > 0 ? &e->audio[0] : NULL, audio_abs, oembed);
	free(oembed);
	buf_puts(&b, "<header class=\"top\">\n<p><a href=\"../\">");
	put(&b, ch->title);
	buf_printf(&b, "</a> · <a href=\"../\">%s</a></p>\n</header>\n", w[UI_ALL_EPISODES]);
	buf_puts(&b, "<main id=\"main\">\n<article class=\"episode\">\n<div class=\"head\">\n");
	if (art) {
		buf_puts(&b, "<img class=\"art\" src=\"");
		put_url(&b, art);
		buf_puts(&b, "\" alt=\"\" width=\"96\" height=\"96\">\n");
	}
	buf_puts(&b, "<div>\n<h1>");
	put(&b, ep->title);
	buf_puts(&b, "</h1>\n<p class=\"meta\"><time datetime=\"");
	put(&b, ep->date);
	buf_puts(&b, "\">");
	put_date(&b, ep->date, lang);
	buf_puts(&b, "</time> · <span class=\"duration\">");
	/* as the player shows it: whole seconds, not rounded */
	put_clock(&b, e->naudio > 0 && e->audio[0].seconds > 0 ? e->audio[0].seconds
							       : (double)e->seconds);
	buf_puts(&b, "</span></p>\n</div>\n</div>\n");

	/* the player */
	buf_printf(&b, "<section class=\"player\" aria-label=\"%s\">\n"
		   "<audio id=\"player\" controls preload=\"metadata\">\n", w[UI_PLAYER]);
	for (int i = 0; i < e->naudio; i++) {
		buf_puts(&b, "<source src=\"");
		put_url(&b, src[i]);
		buf_puts(&b, "\" type=\"");
		put(&b, e->audio[i].mime);
		buf_puts(&b, "\">\n");
	}
	buf_printf(&b, "<p>%s ", w[UI_NO_AUDIO]);
	if (e->naudio > 0) {
		buf_puts(&b, "<a href=\"");
		put_url(&b, src[0]);
		buf_puts(&b, "\">");
		put(&b, e->audio[0].format);
		buf_puts(&b, "</a>");
	}
	buf_puts(&b, "</p>\n</audio>\n");
	put_controls(&b, w, e, chap, nchap);
	buf_printf(&b, "</section>\n<p id=\"player-keys\" class=\"keys js-only\">%s</p>\n",
		   w[UI_PLAYER_KEYS]);

	/* the other language of a CJK page: the show's, else English */
	const char *other = ch->language && site_other_lang(ch->language, lang) ? ch->language
										: "en";
	/* first, to know which chapters have their heading in it */
	site_text(&text, e->notes_html, cues, ncues, chap, nchap, has, 3, lang, other);

	/* chapters */
	if (nchap > 0) {
		buf_printf(&b, "<nav class=\"chapters\" aria-labelledby=\"chapters-h\">\n"
			   "<h2 id=\"chapters-h\">%s</h2>\n<ol>\n", w[UI_CHAPTERS]);
		for (int i = 0; i < nchap; i++) {
			double t = chapter_seconds(chap[i].start, CHAPTERS_JSON_RATE);
			/* without the script, the link goes to the chapter in the text */
			if (has[i])
				buf_printf(&b, "<li><a href=\"#ch-%d\" data-start=\"%.3f\">"
					   "<span class=\"time\">", i + 1, t);
			else
				buf_printf(&b, "<li><a href=\"#t=%.3f\" data-start=\"%.3f\">"
					   "<span class=\"time\">", t, t);
			put_clock(&b, t);
			buf_puts(&b, "</span> <span class=\"title\">");
			put(&b, chap[i].title);
			buf_puts(&b, "</span></a>");
			/* the chapter's image (a file in the site) and link, from the JSON chapters */
			size_t nl = strlen(ch->link);
			if (chap[i].img && strncmp(chap[i].img, ch->link, nl) == 0 &&
			    chap[i].img[nl] == '/') {
				buf_puts(&b, "<img class=\"chapter-art\" src=\"../");
				put_url(&b, chap[i].img + nl + 1);
				buf_puts(&b, "\" alt=\"\" width=\"48\" height=\"48\" loading=\"lazy\">");
			}
			if (chap[i].url) {
				xmlURIPtr uri = xmlParseURI(chap[i].url);
				buf_puts(&b, " <a class=\"chapter-link\" href=\"");
				put_url(&b, chap[i].url);
				buf_puts(&b, "\">");
				put(&b, uri && uri->server ? uri->server : chap[i].url);
				buf_puts(&b, "</a>");
				xmlFreeURI(uri);
			}
			buf_puts(&b, "</li>\n");
		}
		buf_puts(&b, "</ol>\n</nav>\n");
	}

	/* the text: the notes as written, every sentence of the transcript in it */
	if (ncues > 0 || (e->notes_html && e->notes_html[0])) {
		buf_printf(&b, "<section class=\"transcript\" aria-labelledby=\"transcript-h\">\n"
			   "<h2 id=\"transcript-h\">%s</h2>\n", w[ncues > 0 ? UI_TRANSCRIPT : UI_NOTES]);
		if (ncues > 0)
			buf_printf(&b, "<p class=\"search js-only\" role=\"search\">"
				   "<label for=\"search\">%s</label>\n<input id=\"search\" type=\"search\">\n"
				   "<output id=\"hits\" for=\"search\" aria-live=\"polite\" data-found=\"%s\">"
				   "</output></p>\n<p id=\"transcript-keys\" class=\"keys js-only\">%s</p>\n",
				   w[UI_SEARCH], w[UI_FOUND], w[UI_KEYS]);
		buf_puts(&b, "<div id=\"transcript\" class=\"text\" tabindex=\"0\" "
			 "aria-labelledby=\"transcript-h\"");
		if (ncues > 0)
			buf_puts(&b, " aria-describedby=\"transcript-keys\"");
		if (words) {
			buf_puts(&b, " data-words=\"");
			put_url(&b, words);
			buf_puts(&b, "\"");
		}
		buf_puts(&b, ">\n");
		buf_add(&b, text.data, text.len);
		buf_puts(&b, "</div>\n</section>\n");
	}

	put_cast(s, &b, w, ep);

	/* the code that embeds the player in another site */
	char *iframe = embed_iframe(s, e, title);
	buf_printf(&b, "<section class=\"embed\" aria-labelledby=\"embed-h\">\n<h2 id=\"embed-h\">%s"
		   "</h2>\n<p><label for=\"embed-code\">%s</label></p>\n<textarea id=\"embed-code\" "
		   "readonly rows=\"3\">", w[UI_EMBED], w[UI_EMBED_CODE]);
	put_text(&b, iframe, 1);
	buf_puts(&b, "</textarea>\n</section>\n");
	if (write_embed(s, e, w, lang, title, src, chap, nchap, iframe, art_a) != 0) {
		free(iframe);
		rc = SITE_ERR_WRITE;
		goto out;
	}
	free(iframe);

	/* downloads */
	buf_printf(&b, "<section class=\"downloads\" aria-labelledby=\"downloads-h\">\n"
		   "<h2 id=\"downloads-h\">%s</h2>\n<ul>\n", w[UI_DOWNLOADS]);
	for (int i = 0; i < e->naudio; i++) {
		buf_puts(&b, "<li><a href=\"");
		put_url(&b, src[i]);
		buf_puts(&b, "\" download>");
		put(&b, e->audio[i].format);
		buf_puts(&b, "</a> (");
		if (e->audio[i].kbps > 0)
			buf_printf(&b, "%d kbit/s, ", e->audio[i].kbps);
		put_size(&b, e->audio[i].bytes);
		buf_puts(&b, ")</li>\n");
	}
	const struct { const char *url; const char *label; } extra[] = {
		{vtt, NULL}, {words, w[UI_WORDS]}, {chj, w[UI_CHAPTERS_JSON]},
	};
	for (size_t i = 0; i < ARRAY_LEN(extra); i++) {
		if (extra[i].url == NULL)
			continue;
		buf_puts(&b, "<li><a href=\"");
		put_url(&b, extra[i].url);
		buf_puts(&b, "\" download>");
		if (extra[i].label)
			put(&b, extra[i].label);
		else
			buf_printf(&b, "%s (WebVTT)", w[UI_TRANSCRIPT]);
		buf_puts(&b, "</a></li>\n");
	}
	buf_puts(&b, "</ul>\n</section>\n</article>\n</main>\n");
	put_foot(s, &b, "../", ep->license);

	path = path_join(s->rss_dir, page);
	rc = stage(s, path, b.data, b.len) == 0 ? SITE_OK : SITE_ERR_WRITE;
out:
	for (int i = 0; i < e->naudio; i++)
		free(src[i]);
	free(src);
	cues_free(cues, ncues);
	chapters_list_free(chap, nchap);
	free(has);
	buf_free(&text);
	free(page);
	free(title);
	free(art_a);
	free(art);
	free(vtt);
	free(words);
	free(chj);
	free(audio_abs);
	free(path);
	buf_free(&b);
	return rc;
}

enum site_err site_prepare(struct site *s)
{
	enum site_err rc;
	if (s->ch->site_css && !file_exists(s->ch->site_css)) {
		msg(MSG_SITE_CSS, s->ch->path ? s->ch->path : "rss/channel.yaml",
		    channel_line(s->ch, "site_css"), 0, "\"%s\"", s->ch->site_css);
		return SITE_ERR_INPUT;
	}
	for (int i = 0; i < site_nassets; i++) {
		char *name = xasprintf("assets/%s", site_assets[i].name);
		char *path = path_join(s->rss_dir, name);
		int r = stage(s, path, site_assets[i].data, site_assets[i].len);
		free(name);
		free(path);
		if (r != 0)
			return SITE_ERR_WRITE;
	}
	for (int i = 0; i < s->n; i++)
		if ((rc = write_episode(s, &s->eps[i])) != SITE_OK)
			return rc;
	return write_index(s);
}
