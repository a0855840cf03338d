/*
 * words.c: what the draft says about one item, in the episode's language.
 *
 * In: a series item (series.h), the mail's people (people.h), the show's
 * draft settings (its subsystems and people) and the language. Out: the
 * item's sentences as Markdown: what it is (draft_item_sentence), why it
 * matters, its history, its discussion and its status (draft.h), and how
 * interesting it is. What is said in which language is data: the
 * language table (lang_words), the subsystem table (subsystems[]) and the
 * verb table (gerunds[]); the show's draft.subsystems come first.
 */
#include "draft.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/core.h"
#include "people.h"
#include "prose.h"

/* ---- tables ---- */

/* A subject prefix (components, lower case, ": " between) and what it is called. */
static const struct subsystem {
	const char *prefix, *en, *zh;
} subsystems[] = {
	{"riscv", "the RISC-V architecture code", "RISC-V 架构支持"},
	{"risc-v", "the RISC-V architecture code", "RISC-V 架构支持"},
	{"riscv: mm", "the RISC-V memory-management code", "RISC-V 内存管理"},
	{"riscv: dts", "the RISC-V device trees", "RISC-V 设备树"},
	{"riscv: kvm", "KVM on RISC-V", "RISC-V 虚拟化（KVM）"},
	{"risc-v: kvm", "KVM on RISC-V", "RISC-V 虚拟化（KVM）"},
	{"kvm: riscv", "KVM on RISC-V", "RISC-V 虚拟化（KVM）"},
	{"riscv: errata", "the RISC-V errata handling", "RISC-V 勘误处理"},
	{"riscv: vector", "the RISC-V vector support", "RISC-V 向量扩展支持"},
	{"riscv: ftrace", "function tracing on RISC-V", "RISC-V 函数跟踪"},
	{"riscv: kexec", "kexec on RISC-V", "RISC-V kexec"},
	{"riscv: acpi", "ACPI on RISC-V", "RISC-V ACPI 支持"},
	{"riscv: sbi", "the RISC-V SBI interface", "RISC-V SBI 接口"},
	{"riscv: entry", "the RISC-V kernel entry code", "RISC-V 内核入口代码"},
	{"riscv: bpf", "BPF on RISC-V", "RISC-V BPF"},
	{"arm64", "the 64-bit Arm architecture code", "ARM64 架构支持"},
	{"arm64: dts", "the 64-bit Arm device trees", "ARM64 设备树"},
	{"arm", "the 32-bit Arm architecture code", "ARM 架构支持"},
	{"x86", "the x86 architecture code", "x86 架构支持"},
	{"loongarch", "the LoongArch architecture code", "LoongArch 架构支持"},
	{"mm", "the memory-management code", "内存管理"},
	{"mm: thp", "the transparent huge page code", "透明大页"},
	{"mm: hugetlb", "the huge page code", "大页"},
	{"mm: slab", "the slab allocator", "slab 分配器"},
	{"mm: gup", "the get-user-pages code", "get_user_pages（GUP）"},
	{"mm: mmap", "the memory-mapping code", "内存映射"},
	{"mm: vmscan", "page reclaim", "页面回收"},
	{"mm: memcontrol", "the memory controller", "内存控制器（memcg）"},
	{"memcontrol", "the memory controller", "内存控制器（memcg）"},
	{"filemap", "the page cache", "页缓存"},
	{"maple_tree", "the maple tree", "maple tree"},
	{"sched: deadline", "the deadline scheduler", "deadline 调度器"},
	{"sched: numa", "NUMA balancing", "NUMA 均衡"},
	{"sched: topology", "the scheduler's topology code", "调度器拓扑"},
	{"sched: fair", "the fair scheduler", "CFS 调度器"},
	{"kvm", "KVM virtualisation", "KVM 虚拟化"},
	{"asoc", "the sound drivers", "音频驱动（ASoC）"},
	{"asoc: dt-bindings", "the device-tree bindings of the sound drivers", "音频驱动的设备树绑定"},
	{"alsa", "the sound subsystem", "音频子系统"},
	{"dt-bindings", "the device-tree bindings", "设备树绑定"},
	{"spi", "the SPI drivers", "SPI 驱动"},
	{"i2c", "the I2C drivers", "I2C 驱动"},
	{"gpio", "the GPIO drivers", "GPIO 驱动"},
	{"pinctrl", "the pin-control drivers", "引脚控制驱动"},
	{"clk", "the clock drivers", "时钟驱动"},
	{"irqchip", "the interrupt-controller drivers", "中断控制器驱动"},
	{"iommu", "the IOMMU drivers", "IOMMU 驱动"},
	{"pci", "the PCI subsystem", "PCI 子系统"},
	{"usb", "the USB subsystem", "USB 子系统"},
	{"mmc", "the MMC and SD card drivers", "MMC/SD 驱动"},
	{"drm", "the graphics drivers", "图形驱动"},
	{"net", "the networking code", "网络子系统"},
	{"bpf", "BPF", "BPF"},
	{"perf", "the perf tools", "perf 工具"},
	{"perf build", "the build of the perf tools", "perf 工具的构建"},
	{"sched", "the scheduler", "调度器"},
	{"rcu", "RCU", "RCU"},
	{"locking", "the locking code", "锁机制"},
	{"timers", "the timer code", "定时器"},
	{"cpufreq", "CPU frequency scaling", "CPU 调频"},
	{"thermal", "the thermal drivers", "温控驱动"},
	{"tracing", "the tracing code", "跟踪子系统"},
	{"ftrace", "function tracing", "函数跟踪"},
	{"kbuild", "the kernel build system", "内核构建系统"},
	{"selftests", "the self-tests", "自测试"},
	{"kselftest", "the self-tests", "自测试"},
	{"docs", "the documentation", "文档"},
	{"documentation", "the documentation", "文档"},
	{"rust", "the Rust support", "Rust 支持"},
	{"fs", "the file-system code", "文件系统"},
	{"ext4", "the ext4 file system", "ext4 文件系统"},
	{"btrfs", "the Btrfs file system", "Btrfs 文件系统"},
	{"xfs", "the XFS file system", "XFS 文件系统"},
	{"block", "the block layer", "块设备层"},
	{"crypto", "the crypto code", "加密子系统"},
	{"lib", "the kernel library code", "内核库函数"},
	{"tty", "the TTY and serial drivers", "TTY 与串口驱动"},
	{"serial", "the serial drivers", "串口驱动"},
	{"firmware", "the firmware drivers", "固件驱动"},
	{"soc", "the SoC support", "SoC 支持"},
};

/* Imperative verbs that open a title, and the word that says them after "a patch". */
static const struct {
	const char *verb, *ing;
} gerunds[] = {
	{"add", "adding"}, {"use", "using"}, {"fix", "fixing"}, {"support", "supporting"},
	{"remove", "removing"}, {"drop", "dropping"}, {"introduce", "introducing"},
	{"implement", "implementing"}, {"enable", "enabling"}, {"disable", "disabling"},
	{"convert", "converting"}, {"optimize", "optimizing"}, {"optimise", "optimising"},
	{"move", "moving"}, {"rework", "reworking"}, {"update", "updating"}, {"allow", "allowing"},
	{"make", "making"}, {"avoid", "avoiding"}, {"switch", "switching"}, {"replace", "replacing"},
	{"refactor", "refactoring"}, {"document", "documenting"}, {"export", "exporting"},
	{"handle", "handling"}, {"correct", "correcting"}, {"simplify", "simplifying"},
	{"extend", "extending"}, {"improve", "improving"}, {"split", "splitting"},
	{"rename", "renaming"}, {"clean", "cleaning"}, {"check", "checking"}, {"limit", "limiting"},
	{"revert", "reverting"}, {"prevent", "preventing"}, {"expose", "exposing"},
	{"select", "selecting"}, {"reduce", "reducing"}, {"increase", "increasing"},
	{"skip", "skipping"}, {"mark", "marking"}, {"return", "returning"}, {"change", "changing"},
	{"report", "reporting"}, {"define", "defining"}, {"initialize", "initializing"},
	{"initialise", "initialising"}, {"align", "aligning"}, {"wire", "wiring"},
	{"disallow", "disallowing"}, {"forbid", "forbidding"}, {"permit", "permitting"},
	{"reject", "rejecting"}, {"restrict", "restricting"}, {"teach", "teaching"},
	{"let", "letting"}, {"keep", "keeping"}, {"free", "freeing"}, {"fold", "folding"},
	{"merge", "merging"}, {"unify", "unifying"}, {"factor", "factoring"},
	{"deprecate", "deprecating"}, {"relax", "relaxing"}, {"stop", "stopping"},
};

/* What a kind of trailer says someone did. */
static const struct {
	const char *kind, *en, *zh;
} trailer_words[] = {
	{"Reviewed-by:", "reviewed", "Reviewed-by"},
	{"Acked-by:", "acked", "Acked-by"},
	{"Tested-by:", "tested", "Tested-by"},
};

/* Everything said differently in another language. */
struct lang_words {
	const char *lang;
	const char *const *ordinal; /* [1..] "first", "second" */
	int nordinal;
	const char *const *number;  /* [0..] "zero", "one" */
	int nnumber;
	const char *const *month;   /* [0..11] */
	int han;                    /* Chinese: no spaces, full-width punctuation */
	const char *and_;           /* " and ", "和" */
	const char *list_sep;       /* ", ", "、" */
	const char *no_replies;
	const char *also;           /* "Also in the thread: %s." */
	const char *answered;       /* after the author's name */
	const char *lead[4];        /* before the why: a cover letter, a pull request, a lone patch, a thread */
	const char *talk_verb[5];   /* a thread without a patch, by enum series_talk: "reported" */
	const char *talk_what[5];   /* and what: "a bug, " */
};

static const char *const en_ordinal[] = {
	"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
	"tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
	"seventeenth", "eighteenth", "nineteenth", "twentieth",
};
static const char *const en_number[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
	"nineteen", "twenty",
};
static const char *const en_month[] = {
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December",
};

static const struct lang_words langs[] = {
	{"en", en_ordinal, (int)ARRAY_LEN(en_ordinal), en_number, (int)ARRAY_LEN(en_number), en_month,
	 0, " and ", ", ", "No replies yet.", "Also in the thread: %s.",
	 " answered in the thread.",
	 {"In the cover letter:", "In the pull request:", "In the commit message:", "In the first message:"},
	 {"", "announced", "reported", "reported", "started"},
	 {"", "", "a bug, ", "a regression, ", "a discussion, "}},
	{"zh", NULL, 0, NULL, 0, NULL, 1, "和", "、", "暂无回复。", "参与讨论的还有%s。", " 也在讨论中作了回复。",
	 {"补丁说明中写道：", "合并请求中写道：", "提交说明中写道：", "首封邮件中写道："},
	 {"", "发布了", "报告了", "报告了", "发起了"},
	 {"", "公告", "问题", "回归问题", "讨论"}},
};

/* ---- the words of a show ---- */

struct draft_words {
	const struct lang_words *lw;
	const struct draft_settings *set;
	struct people *people;
	char *lang;
};

struct draft_words *draft_words_new(const struct mailbox *mb, const struct draft_settings *set,
				    const char *lang)
{
	static const struct mailbox empty;
	struct draft_words *w = xcalloc(1, sizeof *w);
	w->lw = &langs[0];
	for (size_t i = 0; lang && i < ARRAY_LEN(langs); i++)
		if (strncasecmp(lang, langs[i].lang, strlen(langs[i].lang)) == 0)
			w->lw = &langs[i];
	w->set = set;
	w->lang = xstrdup(lang ? lang : "en");
	w->people = people_new(mb ? mb : &empty, set->people, set->npeople, w->lang);
	return w;
}

void draft_words_free(struct draft_words **wp)
{
	struct draft_words *w = *wp;
	if (w == NULL)
		return;
	people_free(&w->people);
	free(w->lang);
	free(w);
	*wp = NULL;
}

const char *draft_person(const struct draft_words *w, const char *addr, const char *name)
{
	return people_name(w->people, addr, name);
}

/* ---- pieces ---- */

/* Appends name, escaped for Markdown. */
static void put_esc(struct buf *b, const char *s)
{
	char *e = draft_md_escape(s);
	buf_puts(b, e);
	free(e);
}

/* Joins the n names of v: "A", "A and B", "A, B and C" (or the Chinese forms). */
static void put_list(struct buf *b, const struct lang_words *lw, const char *const *v, int n)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i == n - 1 ? lw->and_ : lw->list_sep);
		put_esc(b, v[i]);
	}
}

/* The item's subject without its prefix chain, tags or full stop; the caller frees. */
char *draft_item_title(const struct series_item *it)
{
	const char *s = it->subject;
	if (it->prefix) {
		/* the prefix was read from the subject: skip as many components */
		const char *p = s;
		for (const char *q = it->prefix; *q;) {
			const char *c = strstr(q, ": ");
			size_t n = c ? (size_t)(c - q) : strlen(q);
			p += n;
			while (*p == ':' || *p == ' ')
				p++;
			q += n;
			while (*q == ':' || *q == ' ')
				q++;
		}
		s = p;
	}
	while (*s == '[') { /* "[RESEND]" left over */
		const char *e = strchr(s, ']');
		if (e == NULL)
			break;
		s = e + 1;
		while (*s == ' ')
			s++;
	}
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ' '))
		n--;
	if (n == 0)
		return xstrdup(it->subject);
	return xstrndup(s, n);
}

/* The words for the item's prefix: the show's table, then the built-in one; NULL when none. */
static const char *subsystem_words(const struct draft_words *w, const char *prefix, char **own)
{
	*own = NULL;
	if (prefix == NULL)
		return NULL;
	/* "x86/mce: foo" -> "x86: mce: foo", lower case */
	struct buf k = {0};
	for (const char *p = prefix; *p; p++) {
		if (*p == '/')
			buf_puts(&k, ": ");
		else
			buf_putc(&k, (char)tolower((unsigned char)*p));
	}
	const char *best = NULL;
	size_t best_len = 0;
	for (int i = 0; i + 1 < w->set->nsubsystems; i += 2) {
		const char *pat = w->set->subsystems[i];
		size_t n = strlen(pat);
		while (n > 0 && pat[n - 1] == ':')
			n--;
		if (n > best_len && strncasecmp(k.data, pat, n) == 0 &&
		    (k.data[n] == '\0' || k.data[n] == ':')) {
			best = w->set->subsystems[i + 1];
			best_len = n;
		}
	}
	if (best == NULL) {
		for (size_t i = 0; i < ARRAY_LEN(subsystems); i++) {
			size_t n = strlen(subsystems[i].prefix);
			if (n > best_len && strncmp(k.data, subsystems[i].prefix, n) == 0 &&
			    (k.data[n] == '\0' || k.data[n] == ':')) {
				best = w->lw->han ? subsystems[i].zh : subsystems[i].en;
				best_len = n;
			}
		}
	}
	if (best == NULL) {
		size_t n = strcspn(prefix, ":/");
		if (w->lw->han)
			*own = xasprintf("%.*s 子系统", (int)n, prefix);
		else
			*own = xasprintf("the %.*s code", (int)n, prefix);
		best = *own;
	}
	buf_free(&k);
	return best;
}

/* "adding X" for "Add X"; NULL when the title does not open with a known verb. */
static char *gerund_title(const char *title)
{
	size_t n = 0;
	while (isalpha((unsigned char)title[n]))
		n++;
	if (n == 0 || title[n] != ' ')
		return NULL;
	for (size_t i = 0; i < ARRAY_LEN(gerunds); i++)
		if (strlen(gerunds[i].verb) == n && strncasecmp(title, gerunds[i].verb, n) == 0)
			return xasprintf("%s%s", gerunds[i].ing, title + n);
	return NULL;
}

static void fmt_day(const struct lang_words *lw, long long t, struct buf *b)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (t <= 0 || gmtime_r(&tt, &tm) == NULL)
		return;
	if (lw->han)
		buf_printf(b, "%d 月 %d 日", tm.tm_mon + 1, tm.tm_mday);
	else
		buf_printf(b, "%d %s", tm.tm_mday, lw->month[tm.tm_mon]);
}

static void put_ordinal(struct buf *b, const struct lang_words *lw, int v)
{
	if (lw->han)
		buf_printf(b, "第 %d 版", v);
	else if (v < lw->nordinal)
		buf_puts(b, lw->ordinal[v]);
	else
		buf_printf(b, "%dth", v);
}

static const char *author_of(const struct draft_words *w, const struct mail_msg *m)
{
	return draft_person(w, m->addr, m->author);
}

/* ---- the sentence ---- */

char *draft_item_sentence(const struct draft_words *w, const struct series_item *it, const char *url)
{
	const struct lang_words *lw = w->lw;
	struct buf b = {0}, what = {0};
	char *title = draft_item_title(it), *own = NULL, *ing = NULL;
	const char *sub = subsystem_words(w, it->prefix, &own);
	const char *who = author_of(w, it->msg);

	if (it->talk) {
		/* "Ana Lee reported a regression, "title", for the x86 architecture code." */
		put_esc(&b, who);
		buf_printf(&b, " %s%s", lw->talk_verb[it->talk], lw->han ? "" : " ");
		buf_printf(&what, "%s%s", lw->talk_what[it->talk], lw->han ? "“" : "\"");
		put_esc(&what, title);
		buf_puts(&what, lw->han ? "”" : "\"");
		if (url)
			buf_printf(&b, "[%s](%s)", what.data, url);
		else
			buf_puts(&b, what.data);
		if (sub && lw->han)
			buf_printf(&b, "，涉及%s%s", (unsigned char)sub[0] < 0x80 ? " " : "", sub);
		else if (sub)
			buf_printf(&b, ", for %s", sub);
		buf_puts(&b, lw->han ? "。" : ".");
		goto out;
	}

	if (lw->han) {
		if (it->pull) {
			buf_puts(&what, "合并请求");
		} else {
			if (it->version > 1)
				put_ordinal(&what, lw, it->version);
			if (it->rfc)
				buf_puts(&what, "RFC ");
			if (it->patches > 1)
				buf_printf(&what, "补丁系列（共 %d 个补丁）", it->patches);
			else
				buf_puts(&what, "补丁");
		}
		buf_puts(&what, "“");
		put_esc(&what, title);
		buf_puts(&what, "”");
		put_esc(&b, who);
		buf_puts(&b, it->pull ? " 发出了" : " 提交了");
		if (url)
			buf_printf(&b, "[%s](%s)", what.data, url);
		else
			buf_puts(&b, what.data);
		if (sub)
			buf_printf(&b, "，涉及%s%s", (unsigned char)sub[0] < 0x80 ? " " : "", sub);
		buf_puts(&b, "。");
		goto out;
	}

	if (it->pull) {
		buf_puts(&what, "a pull request, \"");
		put_esc(&what, title);
		buf_puts(&what, "\"");
	} else {
		if (it->version > 1) {
			buf_puts(&what, "the ");
			put_ordinal(&what, lw, it->version);
			buf_puts(&what, " version of ");
		}
		if (it->patches <= 1) {
			buf_puts(&what, it->rfc ? "an RFC patch" : "a patch");
		} else {
			char num[16];
			const char *nw = num;
			if (it->patches < lw->nnumber)
				nw = lw->number[it->patches];
			else
				snprintf(num, sizeof num, "%d", it->patches);
			int an = nw[0] == 'e' || nw[0] == 'a' || nw[0] == 'i' || nw[0] == 'o' ||
				 it->patches == 8 || it->patches == 11 || it->patches == 18 ||
				 (it->patches >= 80 && it->patches < 90);
			buf_printf(&what, "%s %s-patch %sseries", an ? "an" : "a", nw, it->rfc ? "RFC " : "");
		}
		ing = gerund_title(title);
		if (ing) {
			buf_putc(&what, ' ');
			put_esc(&what, ing);
		} else {
			buf_puts(&what, ", \"");
			put_esc(&what, title);
			buf_puts(&what, "\"");
		}
	}
	put_esc(&b, who);
	buf_puts(&b, it->pull ? " sent " : " posted ");
	if (url)
		buf_printf(&b, "[%s](%s)", what.data, url);
	else
		buf_puts(&b, what.data);
	if (sub)
		buf_printf(&b, "%s%s", ing ? " in " : ", for ", sub);
	buf_putc(&b, '.');
out:
	free(ing);
	free(own);
	free(title);
	buf_free(&what);
	return buf_detach(&b);
}

/* ---- why, history ---- */

const char *draft_why_lead(const struct draft_words *w, const struct series_item *it)
{
	return w->lw->lead[it->talk ? 3 : it->pull ? 1 : it->cover ? 0 : 2];
}

int draft_words_cjk(const struct draft_words *w)
{
	return w->lw->han;
}

char *draft_item_why(const struct draft_words *w, const struct series_item *it)
{
	(void)w;
	char *why = prose_why(it->msg->body, 2);
	if (why[0] == '\0')
		return why;
	char *e = draft_md_escape(why);
	free(why);
	return e;
}

char *draft_item_history(const struct draft_words *w, const struct series_item *it)
{
	const struct lang_words *lw = w->lw;
	struct buf b = {0};
	for (int i = 0; i < it->nearlier && i < 6; i++) {
		const struct series_version *e = &it->earlier[i];
		if (lw->han) {
			buf_puts(&b, i ? "，" : "");
			put_ordinal(&b, lw, e->version);
			buf_puts(&b, "发布于 ");
			fmt_day(lw, e->date, &b);
		} else {
			if (i == 0)
				buf_puts(&b, "The ");
			else
				buf_puts(&b, i == it->nearlier - 1 || i == 5 ? ", and the " : ", the ");
			put_ordinal(&b, lw, e->version);
			buf_puts(&b, i == 0 ? " version was posted on " : " on ");
			fmt_day(lw, e->date, &b);
		}
	}
	if (b.len)
		buf_puts(&b, lw->han ? "。" : ".");
	char *ch = it->version > 1 ? prose_changes(it->msg->body, it->version, 3) : NULL;
	if (ch) {
		char *e = draft_md_escape(ch);
		if (b.len)
			buf_putc(&b, lw->han ? '\0' : ' ');
		if (b.len && b.data[b.len - 1] == '\0')
			b.len--;
		if (lw->han) {
			buf_puts(&b, "与");
			put_ordinal(&b, lw, it->version - 1);
			buf_printf(&b, "相比，本版的改动：%s。", e);
		} else {
			buf_puts(&b, "Since the ");
			put_ordinal(&b, lw, it->version - 1);
			buf_printf(&b, " version, the changelog lists: %s.", e);
		}
		free(e);
		free(ch);
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

/* ---- discussion, status ---- */

static int is_bot(const struct mail_msg *m)
{
	return (m->addr && (strstr(m->addr, "bot@") || strstr(m->addr, "-bot") || strstr(m->addr, "noreply"))) ||
	       strstr(m->author, "-bot") || strstr(m->author, "bot@");
}

struct item_facts {
	int objections, applied, merged, regression, said;
	const struct mail_msg *applier;
	char *where;
};

static void facts_of(const struct series_item *it, struct item_facts *f)
{
	memset(f, 0, sizeof *f);
	int n = it->replies < 256 ? it->replies : 256;
	for (int i = 0; i < n; i++) {
		const struct mail_msg *r = it->reply[i];
		int merged = 0;
		char *where = prose_applied(r->body, &merged);
		if (where && !f->applied) {
			f->applied = 1;
			f->merged = merged;
			f->applier = r;
			f->where = where;
		} else {
			free(where);
		}
		if (prose_objects(r->body))
			f->objections++;
	}
	f->regression = it->talk == TALK_REGRESSION || strcasestr(it->subject, "regression") != NULL ||
			(it->msg->body && strcasestr(it->msg->body, "regression") != NULL);
}

/* One person's trailers: "acked and tested" (or the Chinese "Acked-by 和 Tested-by"). */
struct clause {
	const char *who;
	char *kinds;
	int used;
};

/* At most this many people are named in one discussion (replies are capped at 256). */
#define NAMED_MAX 320

/* Adds who to v (n names), once, while there is room. */
static void add_named(const char **v, int *n, const char *who)
{
	for (int k = 0; k < *n; k++)
		if (strcmp(v[k], who) == 0)
			return;
	if (*n < NAMED_MAX)
		v[(*n)++] = who;
}

static int named_in(const char *const *v, int n, const char *who)
{
	for (int k = 0; k < n; k++)
		if (strcmp(v[k], who) == 0)
			return 1;
	return 0;
}

/* The trailers grouped by person, in the order given; *n set. */
static struct clause *clauses_of(const struct draft_words *w, const struct series_item *it, int *n)
{
	const struct lang_words *lw = w->lw;
	struct clause *c = xcalloc((size_t)it->ntrailers + 1, sizeof *c);
	*n = 0;
	for (int i = 0; i < it->ntrailers; i++) {
		const char *name = strchr(it->trailers[i], ' ');
		if (name == NULL)
			continue;
		const char *who = draft_person(w, NULL, name + 1);
		int seen = 0;
		for (int k = 0; k < *n && !seen; k++)
			seen = strcmp(c[k].who, who) == 0;
		if (seen)
			continue;
		struct buf kb = {0};
		int nk = 0, total = 0;
		for (size_t t = 0; t < ARRAY_LEN(trailer_words); t++)
			for (int j = 0; j < it->ntrailers; j++) {
				size_t kl = strlen(trailer_words[t].kind);
				if (strncmp(it->trailers[j], trailer_words[t].kind, kl) == 0 &&
				    strcmp(draft_person(w, NULL, it->trailers[j] + kl + 1), who) == 0) {
					total++;
					break;
				}
			}
		for (size_t t = 0; t < ARRAY_LEN(trailer_words); t++)
			for (int j = 0; j < it->ntrailers; j++) {
				size_t kl = strlen(trailer_words[t].kind);
				if (strncmp(it->trailers[j], trailer_words[t].kind, kl) != 0 ||
				    strcmp(draft_person(w, NULL, it->trailers[j] + kl + 1), who) != 0)
					continue;
				if (nk > 0)
					buf_puts(&kb, nk == total - 1 ? (lw->han ? " 和 " : " and ") : (lw->han ? "、" : ", "));
				buf_puts(&kb, lw->han ? trailer_words[t].zh : trailer_words[t].en);
				nk++;
				break;
			}
		if (nk == 0) {
			buf_free(&kb);
			continue;
		}
		c[*n].who = who;
		c[(*n)++].kinds = buf_detach(&kb);
	}
	return c;
}

static void sep(struct buf *b, const struct lang_words *lw)
{
	if (b->len && !lw->han)
		buf_putc(b, ' ');
}

char *draft_item_discussion(const struct draft_words *w, const struct series_item *it)
{
	const struct lang_words *lw = w->lw;
	struct buf b = {0};
	int n = it->replies < 256 ? it->replies : 256;
	const char *named[NAMED_MAX];
	int nnamed = 0;
	const char *others[NAMED_MAX];
	int nothers = 0;

	if (it->replies == 0) {
		buf_puts(&b, lw->no_replies);
		return buf_detach(&b);
	}
	const char *author = author_of(w, it->msg);
	int nclauses;
	struct clause *cl = clauses_of(w, it, &nclauses);
	/* objections, always, with their words */
	int said = 0;
	for (int i = 0; i < n && said < 2; i++) {
		const struct mail_msg *r = it->reply[i];
		if (is_bot(r) || !prose_objects(r->body))
			continue;
		char *words = prose_reply(r->body, 2);
		const char *who = author_of(w, r);
		sep(&b, lw);
		put_esc(&b, who);
		if (lw->han)
			buf_puts(&b, words[0] ? " 提出反对：“" : " 提出了反对。");
		else
			buf_puts(&b, words[0] ? " objected: \"" : " objected.");
		if (words[0]) {
			put_esc(&b, words);
			buf_puts(&b, lw->han ? "”。" : "\"");
		}
		add_named(named, &nnamed, who);
		free(words);
		said++;
	}
	/* the most useful other reply: the one saying the most, another person's before the author's */
	int best = -1, best_other = 0;
	size_t best_len = 0;
	for (int i = 0; i < n; i++) {
		const struct mail_msg *r = it->reply[i];
		int merged;
		char *ap = prose_applied(r->body, &merged);
		int applier = ap != NULL;
		free(ap);
		if (applier && !is_bot(r))
			add_named(named, &nnamed, author_of(w, r)); /* named in the status */
		if (applier || is_bot(r) || prose_objects(r->body))
			continue;
		char *words = prose_reply(r->body, 2);
		size_t len = strlen(words);
		int other = strcmp(author_of(w, r), author) != 0;
		if (len > 0 && (other > best_other || (other == best_other && len > best_len))) {
			best = i;
			best_len = len;
			best_other = other;
		}
		free(words);
	}
	if (best >= 0) {
		const struct mail_msg *r = it->reply[best];
		char *words = prose_reply(r->body, 2);
		const char *who = author_of(w, r);
		struct clause *mine = NULL;
		for (int k = 0; k < nclauses && !mine; k++)
			if (strcmp(cl[k].who, who) == 0)
				mine = &cl[k];
		sep(&b, lw);
		put_esc(&b, who);
		if (mine && lw->han)
			buf_printf(&b, " 给出了 %s，并回复说：“", mine->kinds);
		else if (mine)
			buf_printf(&b, " %s it: \"", mine->kinds);
		else if (lw->han)
			buf_puts(&b, best_other ? " 回复说：“" : " 答复说：“");
		else
			buf_puts(&b, best_other ? " replied: \"" : " answered: \"");
		if (mine)
			mine->used = 1;
		put_esc(&b, words);
		buf_puts(&b, lw->han ? "”" : "\"");
		if (lw->han)
			buf_puts(&b, "。");
		add_named(named, &nnamed, who);
		free(words);
	}
	/*
	 * the other trailers, one clause per group of people who gave the same
	 * ones: "Andre Przywara reviewed it and Jernej Škrabec acked and tested
	 * it"; a group of more than four is "A, B, C, D and 12 others".
	 */
	int groups = 0;
	for (int k = 0; k < nclauses; k++) {
		if (cl[k].used)
			continue;
		int first = 1;
		for (int j = 0; j < k && first; j++)
			first = cl[j].used || strcmp(cl[j].kinds, cl[k].kinds) != 0;
		groups += first;
	}
	if (groups) {
		sep(&b, lw);
		int done = 0;
		for (int k = 0; k < nclauses; k++) {
			if (cl[k].used)
				continue;
			const char *v[5];
			int nv = 0, more = 0;
			for (int j = k; j < nclauses; j++) {
				if (cl[j].used || strcmp(cl[j].kinds, cl[k].kinds) != 0)
					continue;
				if (nv < 4)
					v[nv++] = cl[j].who;
				else
					more++;
				add_named(named, &nnamed, cl[j].who);
				cl[j].used = 2;
			}
			if (done)
				buf_puts(&b, lw->han ? "，" : done == groups - 1 ? " and " : ", ");
			if (more == 0) {
				put_list(&b, lw, v, nv);
			} else {
				for (int i = 0; i < nv; i++) {
					if (i)
						buf_puts(&b, lw->list_sep);
					put_esc(&b, v[i]);
				}
				if (lw->han)
					buf_printf(&b, " 等 %d 人", nv + more); /* "A、B 等 63 人": all of them */
				else
					buf_printf(&b, " and %d others", more);
			}
			if (lw->han)
				buf_printf(&b, " 给出了 %s", cl[k].kinds);
			else
				buf_printf(&b, " %s it", cl[k].kinds);
			done++;
		}
		buf_puts(&b, lw->han ? "。" : ".");
	}
	for (int k = 0; k < nclauses; k++)
		free(cl[k].kinds);
	free(cl);
	/* everyone else who replied; the author answering is said apart */
	int author_answered = 0;
	for (int i = 0; i < n && nothers < NAMED_MAX; i++) {
		const struct mail_msg *r = it->reply[i];
		if (is_bot(r))
			continue;
		const char *who = author_of(w, r);
		if (strcmp(who, author) == 0) {
			author_answered = 1;
			continue;
		}
		if (who[0] && !named_in(named, nnamed, who) && !named_in(others, nothers, who))
			others[nothers++] = who;
	}
	if (nothers > 0) {
		struct buf l = {0};
		if (nothers <= 6) {
			put_list(&l, lw, others, nothers);
		} else { /* "A, B, C, D, E and 330 others" */
			for (int i = 0; i < 5; i++) {
				if (i)
					buf_puts(&l, lw->list_sep);
				put_esc(&l, others[i]);
			}
			buf_printf(&l, lw->han ? " 等 %d 人" : " and %d others", lw->han ? nothers : nothers - 5);
		}
		sep(&b, lw);
		buf_printf(&b, lw->also, l.data);
		buf_free(&l);
	}
	if (author_answered && !named_in(named, nnamed, author)) {
		sep(&b, lw);
		put_esc(&b, author);
		buf_puts(&b, lw->answered);
	}
	if (b.data == NULL) /* only a bot answered, or the one who applied it */
		return xstrdup("");
	return buf_detach(&b);
}

char *draft_item_status(const struct draft_words *w, const struct series_item *it)
{
	const struct lang_words *lw = w->lw;
	struct item_facts f;
	struct buf b = {0};
	facts_of(it, &f);
	if (f.applied) {
		const char *who = author_of(w, f.applier);
		char *where = draft_md_escape(f.where);
		if (f.merged && lw->han)
			buf_printf(&b, "已合并%s%s。", where[0] ? "到 " : "", where);
		else if (f.merged)
			buf_printf(&b, "It has been merged%s%s.", where[0] ? " into " : "", where);
		else if (lw->han) {
			put_esc(&b, who);
			buf_printf(&b, " 已将其合入%s%s。", where[0] ? " " : "", where[0] ? where : "");
		} else {
			put_esc(&b, who);
			buf_printf(&b, " applied it%s%s.", where[0] ? " to " : "", where);
		}
		free(where);
	}
	free(f.where);
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}

int draft_item_interest(const struct draft_words *w, const struct series_item *it)
{
	const struct draft_interest *in = &w->set->interest;
	struct item_facts f;
	facts_of(it, &f);
	free(f.where);
	int replies = it->replies < 20 ? it->replies : 20;
	int trailers = it->ntrailers < 20 ? it->ntrailers : 20;
	return in->pull * it->pull + in->regression * f.regression + in->objection * (f.objections > 0) +
	       in->reply * replies + in->trailer * trailers + in->version * (it->version > 1) +
	       in->applied * f.applied;
}

char *draft_highlights(const struct draft_words *w, const struct series_item *const *top, int n)
{
	struct buf b = {0};
	for (int i = 0; i < n; i++) {
		char *t = draft_item_title(top[i]);
		if (i > 0)
			buf_puts(&b, i == n - 1 && !w->lw->han ? w->lw->and_ : w->lw->list_sep);
		/* a headline: "fix x" -> "Fix x"; a double-quoted YAML scalar */
		if (!w->lw->han && islower((unsigned char)t[0]))
			t[0] = (char)toupper((unsigned char)t[0]);
		for (const char *p = t; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(&b, '\\');
			buf_putc(&b, *p);
		}
		free(t);
	}
	if (b.data == NULL)
		return xstrdup("");
	return buf_detach(&b);
}
