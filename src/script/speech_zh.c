/*
 * speech_zh.c: Mandarin text for the Mandarin voice. Han script is passed
 * through; Arabic numerals become Chinese numerals as a reader says them
 * (45 "四十五", a year 2023 "二零二三", 6.3 "六点三", 20% "百分之二十",
 * 2023-05-07 "二零二三年五月七日", 03月 "三月", 6.1.112 "六点一点一百一十二",
 * 2 个 "两个", 2.5 GHz "二点五吉赫兹", -40°C "零下四十摄氏度", a version of Linux
 * 5.10 "五点十", 14:30 "十四点三十分", 2 万 "两万"; tables below); full-width digits and letters are
 * treated as their ASCII forms; lexicon entries written in Han script are
 * said as the entry says.
 *
 * In: a stretch of Mandarin text. Out: the text to speak.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "show/show.h"
#include "speech_int.h"

static const char *const han_digit[] = {
	"零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
};


/* Measure words after which 2 is 两: "两个补丁", "两位维护者". */
static const char *const zh_measure_words[] = {
	"个", "位", "次", "种", "条", "项", "款", "台", "名", "周", "天", "份", "篇", "家",
	"块", "张", "本", "部", "件", "组", "只", "套", "颗", "核", "倍", "岁", "小时", "分钟",
	"秒", "年", "届", "场", "轮", "批", "处", "点", "行", "段", "层", "级", "路",
	"字节", "比特", "兆", "像素", "线程", "毫秒", "微秒", "纳秒",     /* units written in Han: "2 字节" */
	/* the same in traditional characters: "兩個補丁" */
	"個", "種", "條", "項", "臺", "週", "塊", "張", "組", "隻", "顆", "歲", "小時", "分鐘",
	"屆", "場", "輪", "處", "點", "層", "級",
};

/* Words after a number that make it a count or a range, not a year: "2000 多名", "1990 到". */
static const char *const zh_count_after[] = {
	"年", "万", "萬", "千", "亿", "億", "多", "余", "餘", "到", "至", "左右", "以上", "以下", "、",
};

/* Measure words of things only counted whole: "13.467 个文件" is thousands. */
static const char *const zh_whole_words[] = {"个", "個", "行", "名", "位", "条", "條", "家", "件", "项", "項",
					     "次", "人", "台", "臺", "款", "篇", "封"};

/* Parts of a text a range of numbers counts: "01-03 章". */
static const char *const zh_part_words[] = {"章", "节", "節", "页", "頁", "集", "期", "卷", "号", "號"};

/* Words after a number that make it a chip's name, said digit by digit: "386 处理器", "8086 是". */
static const char *const zh_chip_after[] = {
	"处理器", "處理器", "芯片", "晶片", "驱动", "驅動", "串口", "终端", "終端", "控制器", "系列",
	"架构", "架構", "主板", "电脑", "電腦", "微处理器", "微處理器", "兼容", "相容", "是", "或",
	"显卡", "顯卡", "网卡", "網卡", "声卡", "聲卡",     /* "GTX 460显卡" 四六零, a card's model */
};

/* Chinese names of chip families a model number follows, said digit by digit as
 * their makers and the press say them: "鲲鹏920" 九二零, "麒麟990" 九九零,
 * "昇腾910" 九一零; a round thousand stays a count ("天玑9000" 九千). */
static const char *const zh_chip_before[] = {
	"鲲鹏", "鯤鵬", "麒麟", "骁龙", "驍龍", "昇腾", "昇騰", "飞腾", "飛騰", "天玑", "天璣",
	"海光", "兆芯", "申威", "龙芯", "龍芯", "海思",
};

/* Whether a chip family's name ends before s[p], spaces between: "鲲鹏 920". */
/* Whether one of l[0..n) ends before s[p], spaces between. */
static int ends_with_any_before(const char *s, size_t p, const char *const *l, size_t n)
{
	while (p > 0 && s[p - 1] == ' ')
		p--;
	for (size_t w = 0; w < n; w++) {
		size_t k = strlen(l[w]);
		if (p >= k && memcmp(s + p - k, l[w], k) == 0)
			return 1;
	}
	return 0;
}

int zh_chip_family_before(const char *s, size_t p)
{
	return ends_with_any_before(s, p, zh_chip_before, ARRAY_LEN(zh_chip_before));
}

/* The model's suffix glued after a chip family's number: one or two letters
 * and a plus, "910B", "9000S", "990E", "920s", "2000+"; its length, 0 when the
 * number has none or what is glued is a measure ("920MB") or goes on ("3A5000"). */
size_t zh_chip_suffix(const char *s, size_t n)
{
	size_t k = 0, ul;
	while (k < n && k < 2 && isalpha((unsigned char)s[k]))
		k++;
	if (k < n && s[k] == '+')
		k++;
	if (k == 0 || (k < n && isalnum((unsigned char)s[k])) || (zh_unit_at(s, n, &ul) >= 0 && ul >= 2))
		return 0;
	return k;
}

/* Words before a number that make it a count: "第 386", "约 8086", "共 3270". */
static const char *const zh_count_before[] = {"第", "约", "約", "共", "有", "近", "超"};

/* Whether one of the words l ends just before s[p]. */
static int zh_word_before(const char *s, size_t p, const char *const *l, size_t nl)
{
	for (size_t w = 0; w < nl; w++) {
		size_t k = strlen(l[w]);
		if (p >= k && memcmp(s + p - k, l[w], k) == 0)
			return 1;
	}
	return 0;
}

/* A number a count is written as more often than a chip: a power of two, a round thousand, a year. */
static int zh_count_shaped(long long v)
{
	return (v & (v - 1)) == 0 || v % 1000 == 0 || (v >= 1000 && v <= 2099);
}

/* Where a zero-padded number is a count: "03月" is 三月. */
static const char *const zh_date_words[] = {"月", "日", "号", "时", "点", "分", "秒"};

/* Units after a number, said in Mandarin: "2.5 GHz" 二点五吉赫兹. */
static const struct {
	const char *sym, *said;
} zh_units[] = {
	{"GHz", "吉赫兹"}, {"MHz", "兆赫兹"}, {"kHz", "千赫兹"}, {"Hz", "赫兹"},
	{"TB", "太字节"}, {"GB", "吉字节"}, {"MB", "兆字节"}, {"KB", "千字节"}, {"kB", "千字节"},
	{"TiB", "太字节"}, {"GiB", "吉字节"}, {"MiB", "兆字节"}, {"KiB", "千字节"},
	{"ns", "纳秒"}, {"us", "微秒"}, {"\xc2\xb5s", "微秒"}, {"\xce\xbcs", "微秒"}, {"ms", "毫秒"}, {"s", "秒"},
	{"\xc2\xb5m", "微米"}, {"\xce\xbcm", "微米"},    /* the micro sign and the Greek mu both: "50μs" */
	{"nm", "纳米"}, {"mm", "毫米"}, {"cm", "厘米"}, {"km", "公里"}, {"m", "米"},
	{"mW", "毫瓦"}, {"W", "瓦"}, {"kW", "千瓦"}, {"V", "伏"}, {"mA", "毫安"},
	{"Gbps", "吉比特每秒"}, {"Mbps", "兆比特每秒"}, {"fps", "帧每秒"}, {"x", "倍"},
	{"\xc2\xb0" "C", "摄氏度"}, {"\xc2\xb0" "F", "华氏度"}, {"\xc2\xb0", "度"},
	{"GB/s", "吉字节每秒"}, {"MB/s", "兆字节每秒"}, {"Gbit/s", "吉比特每秒"}, {"GT/s", "吉传输每秒"},
	{"kg", "千克"}, {"mV", "毫伏"}, {"dB", "分贝"},
	{"G", "G"},     /* "2.5G 网卡", "5G 网络": the letter, as Mandarin says it */
	{"M", "M"},     /* "主频900M", "256M的缓存", "3M 公司": the letter too; M alone is
			   bytes, bits or hertz as the text has it, which 兆 leaves open too */
	{"k", ""},      /* "13k 次": thousands, the number said a thousand times over (zh_thousands) */
	{"K", "K"},     /* "13K": thousands too; "4K 显示器": the letter, a resolution */
};

/* "13k", "1.5K" glued: the number times a thousand in digits ("13000"), into
 * out; 0 when s[0..n) is not such a number. */
static size_t zh_thousands(const char *s, size_t n, char *out, size_t outn)
{
	size_t i = 0, dot = 0;
	while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == '.' && !dot && i && (dot = i))))
		i++;
	if (i == 0 || i + 1 > n || (s[i] != 'k' && s[i] != 'K') || (i + 1 < n && isalpha((unsigned char)s[i + 1])) ||
	    i > 9 || (dot && i - dot - 1 > 3) || s[i - 1] == '.')
		return 0;
	if (i == 1 && s[i] == 'K')
		return 0;       /* "4K 显示器", "8K": a resolution, 四K */
	size_t k = 0;
	for (size_t j = 0; j < i; j++)
		if (s[j] != '.' && k + 1 < outn)
			out[k++] = s[j];
	for (size_t z = dot ? 3 - (i - dot - 1) : 3; z > 0 && k + 1 < outn; z--)
		out[k++] = '0';
	out[k] = 0;
	size_t lead = 0;
	while (out[lead] == '0' && out[lead + 1])
		lead++;
	memmove(out, out + lead, k - lead + 1);
	return i + 1;
}

/* Whether X.Y (Y of two digits) is a version of Linux, said "五点十", not "五点一零". */
static int zh_linux_version(const char *s, size_t intlen, const char *frac, size_t fl)
{
	static const struct { int major, last; } lv[] = {{2, 6}, {3, 19}, {4, 20}, {5, 19}, {6, 29}, {7, 9}};
	if (intlen != 1 || fl != 2 || frac[0] == '0')
		return 0;
	int x = s[0] - '0', y = (frac[0] - '0') * 10 + (frac[1] - '0');
	for (size_t i = 0; i < ARRAY_LEN(lv); i++)
		if (lv[i].major == x)
			return y <= lv[i].last;
	return 0;
}

/* Words near X.Y that make it a version: "内核 5.10", "5.15 稳定版", "6.17 正式版",
 * "6.17 系列" (版 is in 版本, 稳定版, 正式版), "6.19 的开发周期" (its development cycle). */
static const char *const zh_version_words[] = {
	"内核", "版", "系列", "主线", "分支", "发布", "Linux", "linux", "kernel", "-rc", "rc", "LTS",
	"开发周期", "合并窗口",     /* "6.19 的开发周期", "6.1 合并窗口" */
	"合并", "合入", "并入", "patch",  /* "4.20 已经合并了该 patchset": merged in 4.20 */
	/* the same in traditional characters: "內核 5.10", "6.1 發布" */
	"內核", "主線", "發布", "發佈", "開發週期", "合併窗口", "合併",
};

static int starts_with_any(const char *s, const char *const *l, size_t n);

static int zh_version_cue(const char *s, size_t i, const char *after);

/* "Linux 6.1、5.15 和 5.10": the start of the number X.Y before s[i] in a list
 * (、 和 与 與 及 或 between them), or -1. */
static long zh_list_before(const char *s, size_t i)
{
	static const char *const seps[] = {"、", "和", "与", "與", "及", "或", ","};
	size_t p = i;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	size_t k = 0;
	for (size_t w = 0; w < ARRAY_LEN(seps) && !k; w++) {
		size_t l = strlen(seps[w]);
		if (p >= l && memcmp(s + p - l, seps[w], l) == 0)
			k = l;
	}
	if (!k)
		return -1;
	p -= k;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	size_t e = p;
	while (p > 0 && (isdigit((unsigned char)s[p - 1]) || s[p - 1] == '.'))
		p--;
	if (e - p < 3 || !isdigit((unsigned char)s[p]) || !memchr(s + p, '.', e - p))
		return -1;
	return (long)p;
}

/* Whether a version word is just before s[i] (within 12 bytes) or just after it,
 * or s[i] follows, in a list, a number that is a version. */
static int zh_version_cue(const char *s, size_t i, const char *after)
{
	long prev = zh_list_before(s, i);
	if (prev >= 0 && (size_t)prev < i && zh_version_cue(s, (size_t)prev, NULL))
		return 1;
	size_t from = i > 12 ? i - 12 : 0;
	for (size_t w = 0; w < ARRAY_LEN(zh_version_words); w++) {
		size_t k = strlen(zh_version_words[w]);
		for (size_t p = from; p + k <= i; p++)
			if (memcmp(s + p, zh_version_words[w], k) == 0)
				return 1;
	}
	for (size_t w = 0; after && w < ARRAY_LEN(zh_version_words); w++) {
		size_t k = strlen(zh_version_words[w]);
		for (size_t p = 0; p < 16 && after[p] && strncmp(after + p, "。", 3) != 0 && strncmp(after + p, "，", 3) != 0; p++)
			if (strncmp(after + p, zh_version_words[w], k) == 0)
				return 1;
	}
	return 0;
}

static int starts_with_any(const char *s, const char *const *l, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(s, l[i], strlen(l[i])) == 0)
			return 1;
	return 0;
}

/* The unit at s (after a number), or -1; *len is its length in s. */
/* Whether s[0..n) opens with a measure word a count is said with
 * ("岁", "个", "多轮"), not a word that also starts a noun ("周期", "点") */
int zh_measure_at(const char *s, size_t n)
{
	if (n >= 3 && (memcmp(s, "多", 3) == 0 || memcmp(s, "余", 3) == 0 || memcmp(s, "餘", 3) == 0))
		s += 3, n -= 3;
	static const char *const not_counts[] = {"点", "點", "周期", "週期", "周边", "层面", "行业", "名称", "部分",
						 "组件", "处理", "级别", "路径", "本地", "条件", "项目", "台湾", "核心",
						 "核显", "名单", "處理", "層面", "行業", "組件", "級別", "項目"};
	for (size_t i = 0; i < ARRAY_LEN(not_counts); i++)
		if (strlen(not_counts[i]) <= n && memcmp(s, not_counts[i], strlen(not_counts[i])) == 0)
			return 0;
	for (size_t i = 0; i < ARRAY_LEN(zh_measure_words); i++)
		if (strlen(zh_measure_words[i]) <= n && memcmp(s, zh_measure_words[i], strlen(zh_measure_words[i])) == 0)
			return 1;
	return 0;
}

int zh_unit_at(const char *s, size_t n, size_t *len)
{
	int best = -1;
	size_t bl = 0;
	for (size_t i = 0; i < ARRAY_LEN(zh_units); i++) {
		size_t k = strlen(zh_units[i].sym);
		if (k <= n && k > bl && memcmp(s, zh_units[i].sym, k) == 0 &&
		    (k == n || !isalpha((unsigned char)s[k]))) {
			best = (int)i;
			bl = k;
		}
	}
	*len = bl;
	return best;
}

const char *zh_compare_at(const char *s, size_t n, size_t *len)
{
	static const struct { const char *sign, *said; } cmp[] = {
		{"<=", "小于等于"}, {">=", "大于等于"}, {"\xe2\x89\xa4", "小于等于"}, {"\xe2\x89\xa5", "大于等于"},
		{"\xe2\x89\x88", "约等于"}, {"<", "小于"}, {">", "大于"},
	};
	for (size_t i = 0; i < ARRAY_LEN(cmp); i++) {
		size_t k = strlen(cmp[i].sign), q;
		if (k > n || memcmp(s, cmp[i].sign, k) != 0)
			continue;
		for (q = k; q < n && s[q] == ' '; q++)
			;
		if (q < n && s[q] == '-')
			q++;
		if (q < n && isdigit((unsigned char)s[q])) {
			*len = k;
			return cmp[i].said;
		}
		return NULL;
	}
	return NULL;
}

static void zh_digits(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			buf_puts(b, han_digit[s[i] - '0']);
}

/* 0 < v < 10000; lead: nothing larger came before (then 10-19 are 十, 十一). */
static void zh_below_10000(struct buf *b, unsigned v, int lead)
{
	static const char *const unit[] = {"千", "百", "十", ""};
	unsigned div = 1000;
	int zero = 0, started = 0;
	for (int i = 0; i < 4; i++, div /= 10) {
		unsigned d = (v / div) % 10;
		if (!d) {
			zero = started;
			continue;
		}
		if (zero)
			buf_puts(b, "零");
		zero = 0;
		if (!(i == 2 && d == 1 && !started && lead))
			buf_puts(b, (d == 2 && i == 0 && !started) ? "两" : han_digit[d]);
		buf_puts(b, unit[i]);
		started = 1;
	}
}

static void zh_cardinal(struct buf *b, unsigned long long v)
{
	if (v == 0) {
		buf_puts(b, "零");
		return;
	}
	if (v >= 1000000000000ULL) {
		char tmp[32];
		int n = snprintf(tmp, sizeof tmp, "%llu", v);
		zh_digits(b, tmp, (size_t)n);
		return;
	}
	unsigned yi = (unsigned)(v / 100000000ULL), wan = (unsigned)(v / 10000 % 10000), rest = (unsigned)(v % 10000);
	int lead = 1;
	if (yi) {
		if (yi == 2)
			buf_puts(b, "两");      /* 200000000: 两亿, as 2000 is 两千 */
		else
			zh_below_10000(b, yi, 1);
		buf_puts(b, "亿");
		lead = 0;
	}
	if (wan) {
		if (!lead && wan < 1000)
			buf_puts(b, "零");
		if (wan == 2 && lead)
			buf_puts(b, "两");      /* 20000: 两万 */
		else
			zh_below_10000(b, wan, 1);
		buf_puts(b, "万");
		lead = 0;
	} else if (!lead && rest) {
		buf_puts(b, "零");
	}
	if (rest) {
		if (!lead && wan && rest < 1000)
			buf_puts(b, "零");
		zh_below_10000(b, rest, lead);
	}
}

/* A date of four year digits at s and its month and day: 二零二零年六月十五日. */
static void zh_ymd(struct buf *b, const char *s, long long m, long long d)
{
	zh_digits(b, s, 4);
	buf_puts(b, "年");
	zh_cardinal(b, (unsigned long long)m);
	buf_puts(b, "月");
	zh_cardinal(b, (unsigned long long)d);
	buf_puts(b, "日");
}

static int all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Whether a Chinese run names a date part besides a bare year: a month
   after a numeral ("06月", "六月"), an issue after a numeral ("第四期",
   "3 期"), or 年度 or 发布于 ("2019 年度", "发布于 2019"). A four-digit
   number there with no measure word after it is a year, not a count. */
static int zh_date_context(const char *s, size_t n)
{
	static const char *const numerals[] = {"一", "二", "三", "四", "五", "六", "七",
					       "八", "九", "十", "零", "〇"};
	for (size_t k = 0; k + 3 <= n; k++) {
		if (k + 6 <= n && memcmp(s + k, "年度", 6) == 0)
			return 1;
		if (k + 9 <= n && (memcmp(s + k, "发布于", 9) == 0 || memcmp(s + k, "發佈於", 9) == 0 ||
				   memcmp(s + k, "發布於", 9) == 0))
			return 1;
		if (memcmp(s + k, "月", 3) != 0 && memcmp(s + k, "期", 3) != 0)
			continue;
		size_t p = k;
		while (p > 0 && s[p - 1] == ' ')
			p--;
		if (p > 0 && isdigit((unsigned char)s[p - 1]))
			return 1;
		for (size_t m = 0; m < ARRAY_LEN(numerals); m++)
			if (p >= 3 && memcmp(s + p - 3, numerals[m], 3) == 0)
				return 1;
	}
	return 0;
}

/* Whether s[0..n) is a count: digits, commas between groups of three ("12,000"). */
static int count_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) &&
		    !(s[i] == ',' && i > 0 && i + 3 < n + 1 && all_digits(s + i + 1, 3) && (i + 4 == n || s[i + 4] == ',')))
			return 0;
	return n > 0;
}

/* The value of the count s[0..n), its commas skipped. */
static long long num_parse_commas(const char *s, size_t n)
{
	long long v = 0;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			v = v * 10 + (s[i] - '0');
	return v;
}

/* The number X.YY at s[0..n), when it is one (not part of a longer number). */
static int x_yy(const char *s, size_t n)
{
	return n == 4 && isdigit((unsigned char)s[0]) && s[1] == '.' && isdigit((unsigned char)s[2]) &&
	       isdigit((unsigned char)s[3]);
}

/* Whether the paragraph around s[i] (between blank lines) names Linux or its kernel. */
static int zh_linux_paragraph(const char *s, size_t i)
{
	static const char *const words[] = {"Linux", "linux", "LINUX", "内核", "內核", "kernel", "Kernel"};
	size_t a = i, e = i;
	while (a > 0 && !(s[a - 1] == '\n' && a > 1 && s[a - 2] == '\n'))
		a--;
	while (s[e] && !(s[e] == '\n' && s[e + 1] == '\n'))
		e++;
	for (size_t w = 0; w < ARRAY_LEN(words); w++) {
		size_t k = strlen(words[w]);
		for (size_t p = a; p + k <= e; p++)
			if (memcmp(s + p, words[w], k) == 0)
				return 1;
	}
	return 0;
}

/* Whether the bare X.YY at s[i..j) is a plain quantity: a unit, 倍, a percent
   sign, a measure word or an operator after it, 百分之, 约 or an operator
   before it ("4.15 倍", "百分之 5.12", "约 3.14"). */
static int zh_quantity_around(const char *s, size_t i, const char *after)
{
	static const char *const next[] = {"倍", "%", "％", "x", "×", "*", "+", "=", "/", "万", "亿", "千", "百", "元", "秒", "分"};
	static const char *const prev[] = {"百分之", "约", "約", "平均", "为", "為", "是", "=", "+", "*", "×", "$", "¥", "￥"};
	size_t ul;
	if (zh_unit_at(after, strlen(after), &ul) >= 0 || zh_measure_at(after, strlen(after)) ||
	    starts_with_any(after, next, ARRAY_LEN(next)))
		return 1;
	return ends_with_any_before(s, i, prev, ARRAY_LEN(prev));
}

/* Whether the bare X.YY at s[i] opens a sentence as its subject, Han after
   it ("5.17 看起来仍然很正常。": a release's number, as a quoted release mail
   opens): a version. Not a number that a sentence defines or computes
   ("3.14 是圆周率", "2.50 乘 4"), nor one a quantity's marks follow. */
static int zh_version_subject(const char *s, size_t i, const char *after)
{
	static const char *const ends[] = {"。", "！", "？", "\n"};
	static const char *const verbs[] = {"是", "为", "為", "等于", "等於", "乘", "加", "减", "減", "除", "约", "約", "左右"};
	size_t p = i;
	while (p > 0 && s[p - 1] == ' ')
		p--;
	int start = p == 0;
	for (size_t w = 0; w < ARRAY_LEN(ends) && !start; w++) {
		size_t k = strlen(ends[w]);
		start = p >= k && memcmp(s + p - k, ends[w], k) == 0;
	}
	if (!start)
		return 0;
	/* "5.18" alone on its line (a section's heading in a text on the kernel) */
	if (after[0] == '\0' || after[0] == '\n')
		return 1;
	if ((unsigned char)after[0] < 0xe4 || (unsigned char)after[0] > 0xe9)
		return 0;
	return !starts_with_any(after, verbs, ARRAY_LEN(verbs));
}

void speech_versions(struct buf *out, const char *text)
{
	const char *s = text;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		if (!isdigit((unsigned char)s[i]) || (i > 0 && (isalnum((unsigned char)s[i - 1]) || s[i - 1] == '.'))) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && (isdigit((unsigned char)s[j]) || s[j] == '.'))
			j++;
		const char *after = s + j;
		while (*after == ' ')
			after++;
		/* a version in its known range (4.0 to 4.20) with a cue beside it, or
		   bare in a paragraph that names Linux or its kernel ("Linux 发布 5.1
		   …；4.20 已经…") when no unit, 倍 or operator makes it a quantity */
		if (x_yy(s + i, j - i) && zh_linux_version(s + i, 1, s + i + 2, 2) &&
		    (zh_version_cue(s, i, after) ||
		     ((zh_linux_paragraph(s, i) || zh_version_subject(s, i, after)) && !zh_quantity_around(s, i, after)))) {
			buf_putc(out, '\n');
			buf_add(out, s + i, 4);
		}
		i = j;
	}
	if (out->len)
		buf_putc(out, '\n');
}

/* Whether the number at s[0..n) is X.YY that the episode called a version. */
static int seen_version(const char *versions, const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && (isdigit((unsigned char)s[k]) || s[k] == '.'))
		k++;
	if (!versions || !x_yy(s, k))
		return 0;
	char key[7] = {'\n', s[0], s[1], s[2], s[3], '\n', 0};
	return strstr(versions, key) != NULL;
}

/* Reads the number at s (digits, commas, one decimal point); returns its length. */
static size_t zh_number(struct buf *b, const char *s, size_t n, const char *after, int vcue)
{
	size_t i = 0;
	while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == ',' && i + 1 < n && isdigit((unsigned char)s[i + 1]))))
		i++;
	size_t intlen = i;
	/* dates: 2023-05-07, 2023/05/07, 20230507 */
	if (intlen == 4 && i + 5 < n + 1 && (s[i] == '-' || s[i] == '/') && i + 6 <= n &&
	    isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2]) && s[i + 3] == s[i] &&
	    isdigit((unsigned char)s[i + 4]) && isdigit((unsigned char)s[i + 5])) {
		zh_digits(b, s, 4);
		buf_puts(b, "年");
		zh_cardinal(b, (unsigned long long)num_parse(s + 5, 2));
		buf_puts(b, "月");
		zh_cardinal(b, (unsigned long long)num_parse(s + 8, 2));
		buf_puts(b, "日");
		return 10;
	}
	/* 2011/7/21, 2023-5-7: a month and a day of one or two digits; so with
	   dots, "2005.6.17", "2024.12.24" (二零零五年六月十七日), unless it is a
	   version named so, after a Latin name or 版 ("Buildroot 2020.02.1",
	   "版本 2019.3.1") */
	size_t lb = b->len;
	while (lb > 0 && b->data[lb - 1] == ' ')
		lb--;
	int dots = intlen == 4 && i < n && s[i] == '.' && !(lb > 0 && isalpha((unsigned char)b->data[lb - 1])) &&
		   !(lb >= 3 && (memcmp(b->data + lb - 3, "版", 3) == 0 || memcmp(b->data + lb - 3, "本", 3) == 0));
	if (intlen == 4 && i + 3 < n && (s[i] == '-' || s[i] == '/' || dots) && num_parse(s, 4) >= 1900 &&
	    num_parse(s, 4) <= 2099) {
		size_t m0 = i + 1, m1 = m0;
		while (m1 < n && m1 - m0 < 3 && isdigit((unsigned char)s[m1]))
			m1++;
		size_t d0 = m1 + 1, d1 = d0;
		while (d1 < n && d1 - d0 < 3 && isdigit((unsigned char)s[d1]))
			d1++;
		if (m1 > m0 && m1 - m0 <= 2 && m1 < n && s[m1] == s[i] && d1 > d0 && d1 - d0 <= 2 &&
		    (d1 == n || !isdigit((unsigned char)s[d1])) &&
		    !(s[i] == '.' && d1 + 1 < n && s[d1] == '.' && isdigit((unsigned char)s[d1 + 1]))) {
			long long m = num_parse(s + m0, m1 - m0), d = num_parse(s + d0, d1 - d0);
			if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
				zh_ymd(b, s, m, d);
				return d1;
			}
		}
	}
	if (intlen == 8 && (s[0] == '1' || s[0] == '2')) {
		long long m = num_parse(s + 4, 2), d = num_parse(s + 6, 2);
		if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
			zh_ymd(b, s, m, d);
			return 8;
		}
	}
	/* 14:30: 十四点三十分; 9:05: 九点零五分 */
	if (intlen >= 1 && intlen <= 2 && i + 3 <= n && s[i] == ':' && isdigit((unsigned char)s[i + 1]) &&
	    isdigit((unsigned char)s[i + 2]) && (i + 3 == n || !isdigit((unsigned char)s[i + 3]))) {
		long long h = num_parse(s, intlen), mi = num_parse(s + i + 1, 2);
		if (h <= 24 && mi <= 59) {
			/* 19:39:20: and its seconds, 十九点三十九分二十秒 */
			int sec = i + 6 <= n && s[i + 3] == ':' && isdigit((unsigned char)s[i + 4]) &&
				  isdigit((unsigned char)s[i + 5]) && (i + 6 == n || !isdigit((unsigned char)s[i + 6])) &&
				  num_parse(s + i + 4, 2) <= 59;
			zh_cardinal(b, (unsigned long long)h);
			buf_puts(b, "点");
			if (mi == 0 && !sec) {
				buf_puts(b, "整");
			} else {
				if (mi < 10 && mi > 0)
					buf_puts(b, "零");
				zh_cardinal(b, (unsigned long long)mi);
				buf_puts(b, "分");
			}
			if (sec) {
				zh_cardinal(b, (unsigned long long)num_parse(s + i + 4, 2));
				buf_puts(b, "秒");
				return i + 6;
			}
			return i + 3;
		}
	}
	/* 3/4: a fraction, 四分之三 (a denominator of up to three digits larger than
	   its numerator; "9/20/54" and dates are not, nor a patch series
	   "1/4、2/4、3/4、4/4") */
	if (intlen >= 1 && intlen <= 3 && i + 1 < n && s[i] == '/' && isdigit((unsigned char)s[i + 1])) {
		size_t k = i + 1;
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
		long long num = num_parse(s, intlen), den = num_parse(s + i + 1, k - i - 1);
		const char *nx = after && strncmp(after, "、", 3) == 0 ? after + 3 : NULL;
		while (nx && *nx == ' ')
			nx++;
		int series = nx && isdigit((unsigned char)*nx);
		if (k - i - 1 <= 3 && (k == n || (s[k] != '/' && s[k] != '.')) && num >= 1 && den > num && !series) {
			zh_cardinal(b, (unsigned long long)den);
			buf_puts(b, "分之");
			zh_cardinal(b, (unsigned long long)num);
			return k;
		}
	}
	/* 3:1: 三比一 (one digit after the colon: a ratio, not a time) */
	if (intlen >= 1 && intlen <= 3 && i + 2 <= n && s[i] == ':' && isdigit((unsigned char)s[i + 1]) &&
	    (i + 2 == n || !isdigit((unsigned char)s[i + 2]))) {
		zh_cardinal(b, (unsigned long long)num_parse(s, intlen));
		buf_puts(b, "比");
		zh_cardinal(b, (unsigned long long)(s[i + 1] - '0'));
		return i + 2;
	}
	/* "06-06", "12-05", "06/06": a month and a day written with two digits each, one
	   of them zero-padded (a range is not), 六月六日 */
	if (intlen == 2 && i + 3 <= n && (s[i] == '-' || s[i] == '/') && all_digits(s + i + 1, 2) &&
	    (i + 3 == n || !isalnum((unsigned char)s[i + 3])) && (i + 3 == n || !strchr("%-./", s[i + 3])) &&
	    (s[0] == '0' || s[i + 1] == '0') && num_parse(s, 2) >= 1 && num_parse(s, 2) <= 12 &&
	    num_parse(s + i + 1, 2) >= 1 && num_parse(s + i + 1, 2) <= 31 &&
	    !(b->len >= 3 && memcmp(b->data + b->len - 3, "第", 3) == 0) &&    /* 第 01-03 章: a range */
	    !(after && (starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) ||
			starts_with_any(after, zh_part_words, ARRAY_LEN(zh_part_words))))) {
		zh_cardinal(b, (unsigned long long)num_parse(s, 2));
		buf_puts(b, "月");
		zh_cardinal(b, (unsigned long long)num_parse(s + i + 1, 2));
		buf_puts(b, "日");
		return i + 3;
	}
	/* 5-10%: 百分之五到十; 6-10: 六到十 */
	if (intlen >= 1 && intlen <= 4 && i + 1 < n && s[i] == '-' && isdigit((unsigned char)s[i + 1])) {
		size_t k = i + 1;
		while (k < n && isdigit((unsigned char)s[k]))
			k++;
		if (k - i - 1 <= 4 && (k == n || s[k] == '%')) {
			int pct = k < n && s[k] == '%';
			if (pct)
				buf_puts(b, "百分之");
			/* 1999-2000 年: years digit by digit */
			/* 2022-2026 alone (no measure word or unit after it): years too */
			long long y0 = num_parse(s, intlen), y1 = num_parse(s + i + 1, k - i - 1);
			size_t ul;
			int years = !pct && intlen == 4 && k - i - 1 == 4 && after &&
				    (strncmp(after, "年", 3) == 0 ||
				     (y0 >= 1900 && y1 <= 2099 && y1 > y0 && y1 - y0 <= 20 && num_parse(s, 2) == num_parse(s + i + 1, 2) &&
				      !starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
				      !starts_with_any(after, zh_count_after, ARRAY_LEN(zh_count_after)) &&
				      zh_unit_at(after, strlen(after), &ul) < 0));
			if (years)
				zh_digits(b, s, intlen);
			else
				zh_cardinal(b, (unsigned long long)num_parse(s, intlen));
			buf_puts(b, "到");
			if (years)
				zh_digits(b, s + i + 1, 4);
			else
				zh_cardinal(b, (unsigned long long)num_parse(s + i + 1, k - i - 1));
			return k + (size_t)pct;
		}
	}
	/* "13.467 个文件", "906.147 行代码": a dot between thousands (a translation
	   from a language that writes them so) before a measure word of things
	   counted whole is the count, 一万三千四百六十七 */
	if (intlen >= 1 && intlen <= 3 && s[0] != '0' && i + 4 <= n && s[i] == '.' && all_digits(s + i + 1, 3) &&
	    (i + 4 == n || !isdigit((unsigned char)s[i + 4])) && after && starts_with_any(after, zh_whole_words, ARRAY_LEN(zh_whole_words))) {
		zh_cardinal(b, (unsigned long long)(num_parse(s, intlen) * 1000 + num_parse(s + i + 1, 3)));
		return i + 4;
	}
	int percent = 0;
	size_t j = i;
	if (i + 1 < n && s[i] == '.' && isdigit((unsigned char)s[i + 1])) {
		j = i + 1;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
	}
	/* 6.x: a series, 六点X */
	if (j == i && i + 1 < n && s[i] == '.' && (s[i + 1] == 'x' || s[i + 1] == 'X') &&
	    (i + 2 >= n || !isalnum((unsigned char)s[i + 2]))) {
		zh_cardinal(b, (unsigned long long)num_parse(s, intlen));
		buf_puts(b, "点X");
		return i + 2;
	}
	if (j < n && s[j] == '%')
		percent = 1;
	if (percent)
		buf_puts(b, "百分之");
	/* years before 年 and long numbers digit by digit */
	/* 6.1.112: a version, each part a number */
	if (j > i && j + 1 < n && s[j] == '.' && isdigit((unsigned char)s[j + 1]) && !percent) {
		size_t k = 0;
		while (k < n) {
			size_t st = k;
			while (k < n && isdigit((unsigned char)s[k]))
				k++;
			zh_cardinal(b, (unsigned long long)num_parse(s + st, k - st));
			if (k + 1 < n && s[k] == '.' && isdigit((unsigned char)s[k + 1])) {
				buf_puts(b, "点");
				k++;
			} else {
				break;
			}
		}
		return k;
	}
	/* 2.6.x: a version's series, 二点六点X */
	if (j > i && j + 1 < n && s[j] == '.' && (s[j + 1] == 'x' || s[j + 1] == 'X') &&
	    (j + 2 >= n || !isalnum((unsigned char)s[j + 2])) && !percent) {
		zh_cardinal(b, (unsigned long long)num_parse(s, intlen));
		buf_puts(b, "点");
		zh_cardinal(b, (unsigned long long)num_parse(s + i + 1, j - i - 1));
		buf_puts(b, "点X");
		return j + 2;
	}
	int u;
	size_t ul;
	/* "03月" 三月; "第071期", "第 07 章": an ordinal after 第, before a part
	   of a text or a measure word, is a count too (第七十一期), its zeros
	   only padding */
	int zero_count = intlen > 1 && s[0] == '0' && j == i && after &&
			 (starts_with_any(after, zh_date_words, ARRAY_LEN(zh_date_words)) ||
			  (b->len >= 3 && memcmp(b->data + b->len - 3, "第", 3) == 0 &&
			   (starts_with_any(after, zh_part_words, ARRAY_LEN(zh_part_words)) ||
			    starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)))));
	if ((intlen == 4 && after && strncmp(after, "年", 3) == 0) || intlen > 12 ||
	    (intlen > 1 && s[0] == '0' && !zero_count))
		zh_digits(b, s, intlen);
	else if (intlen == 1 && s[0] == '2' && j == i && !percent && after &&
		 !(b->len >= 3 && memcmp(b->data + b->len - 3, "第", 3) == 0) &&     /* 第 2 个: 第二个 */
		 (starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) ||
		  strncmp(after, "千", 3) == 0 || strncmp(after, "万", 3) == 0 || strncmp(after, "亿", 3) == 0 ||
		  strncmp(after, "萬", 3) == 0 || strncmp(after, "億", 3) == 0 ||
		  strncmp(after, "百万", 6) == 0 || strncmp(after, "百萬", 6) == 0 ||
		  ((u = zh_unit_at(after, strlen(after), &ul)) >= 0 && !strstr(zh_units[u].said, "度"))))
		buf_puts(b, "两");      /* 2 个: 两个; 2 kg: 两千克 */
	else
		zh_cardinal(b, (unsigned long long)num_parse(s, intlen));
	if (j > i) {
		buf_puts(b, "点");
		size_t ul;
		if (!percent && vcue && zh_linux_version(s, intlen, s + i + 1, j - i - 1) &&
		    !(after && zh_unit_at(after, strlen(after), &ul) >= 0))
			zh_cardinal(b, (unsigned long long)num_parse(s + i + 1, 2));    /* 5.10: 五点十 */
		else
			zh_digits(b, s + i + 1, j - i - 1);
	}
	return j + (size_t)percent;
}

/* The operator at s (an ASCII sign, × or ÷) in an arithmetic expression, said
 * in Mandarin; *len its length. */
static const char *zh_operator(const char *s, size_t n, size_t *len)
{
	static const struct { const char *op, *said; } ops[] = {
		{"+", "加"}, {"-", "减"}, {"*", "乘"}, {"/", "除以"}, {"=", "等于"},
		{"\xc3\x97", "乘"}, {"\xc3\xb7", "除以"},
	};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
		size_t k = strlen(ops[i].op);
		if (k <= n && memcmp(s, ops[i].op, k) == 0) {
			*len = k;
			return ops[i].said;
		}
	}
	return NULL;
}

/* "9*20/54=3.3": numbers joined by operators and an equals sign, said as
 * arithmetic, 九乘二十除以五十四等于三点三 (a date's slash or a range's hyphen
 * has no equals sign after it). Returns the bytes said, or 0. */
static size_t zh_arithmetic(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, l, ops = 0, eq = 0;
	for (;;) {
		size_t k = plain_number_len(s + i, n - i);
		if (!k)
			return 0;
		i += k;
		while (i < n && s[i] == ' ')
			i++;
		const char *said = i < n ? zh_operator(s + i, n - i, &l) : NULL;
		if (!said || eq)
			break;
		eq |= s[i] == '=';
		ops++;
		i += l;
		while (i < n && s[i] == ' ')
			i++;
	}
	if (!eq || ops < 2)
		return 0;
	size_t end = i;
	for (i = 0; i < end;) {
		size_t k = plain_number_len(s + i, end - i);
		zh_number(b, s + i, k, "", 0);
		i += k;
		while (i < end && s[i] == ' ')
			i++;
		if (i < end) {
			buf_puts(b, zh_operator(s + i, end - i, &l));
			i += l;
			while (i < end && s[i] == ' ')
				i++;
		}
	}
	return end;
}

/* The length of an arrow at s[i] (->, -->, =>, <->, →), or 0. */
static size_t zh_arrow(const char *s, size_t i, size_t n)
{
	if (i + 2 < n + 0 && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x86 && (unsigned char)s[i + 2] == 0x92)
		return 3;
	size_t k = i + (s[i] == '<');
	if (k < n && s[k] == '=' && k + 1 < n && s[k + 1] == '>' && k == i)
		return 2;
	size_t d = k;
	while (d < n && s[d] == '-' && d - k < 3)
		d++;
	if (d == k || d >= n || s[d] != '>')
		return 0;
	return d + 1 - i;
}

/* Whether s[i] comes just after / just before a quotation mark. */
static int zh_quote_before(const char *s, size_t i)
{
	static const char *const q[] = {"\"", "'", "`", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
					"\xe3\x80\x8c", "\xe3\x80\x8d"};    /* " ' ` “ ” ‘ ’ 「 」 */
	for (size_t k = 0; k < ARRAY_LEN(q); k++) {
		size_t l = strlen(q[k]);
		if (i >= l && memcmp(s + i - l, q[k], l) == 0)
			return 1;
	}
	return 0;
}

static int zh_quote_after(const char *s, size_t i, size_t n)
{
	static const char *const q[] = {"\"", "'", "`", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99",
					"\xe3\x80\x8c", "\xe3\x80\x8d"};
	for (size_t k = 0; k < ARRAY_LEN(q); k++)
		if (strlen(q[k]) <= n - i && memcmp(s + i, q[k], strlen(q[k])) == 0)
			return 1;
	return 0;
}

/* Whether s[i] is an ASCII dot glued between two Han words (of at most five
 * characters) with another such dot next to it: "主版本.次版本.修订版本", a
 * format's separator (not the dot that ends "发布了.下一个"). */
static int zh_format_dot(const char *s, size_t i, size_t n)
{
	uint32_t c;
	int k;
	if (s[i] != '.' || i < 3 || i + 3 >= n || utf8_decode(s + i - 3, 3, &c) != 3 || !text_is_han(c) ||
	    utf8_decode(s + i + 1, 3, &c) != 3 || !text_is_han(c))
		return 0;
	/* after: Han words, then a dot glued before Han */
	size_t p = i + 1;
	for (int w = 0; w < 5 && p + 3 <= n && (k = utf8_decode(s + p, 3, &c)) == 3 && text_is_han(c); w++)
		p += 3;
	if (p + 3 < n && s[p] == '.' && utf8_decode(s + p + 1, 3, &c) == 3 && text_is_han(c))
		return 1;
	/* before: Han words, then a dot glued after Han */
	p = i;
	for (int w = 0; w < 5 && p >= 3 && utf8_decode(s + p - 3, 3, &c) == 3 && text_is_han(c); w++)
		p -= 3;
	return p >= 4 && p < i && s[p - 1] == '.' && utf8_decode(s + p - 4, 3, &c) == 3 && text_is_han(c);
}

/* The length of a citation mark at s[i], "[16]" glued after Han, Chinese
 * punctuation or another mark ("延迟[17][18]。"), not said; 0 when it is none. */
static size_t zh_citation(const char *s, size_t i, size_t n)
{
	size_t k = i + 1;
	while (k < n && k - i <= 3 && isdigit((unsigned char)s[k]))
		k++;
	if (s[i] != '[' || k == i + 1 || k >= n || s[k] != ']' || i == 0 ||
	    (k + 1 < n && isalnum((unsigned char)s[k + 1])))
		return 0;
	uint32_t c = 0;
	/* "第[3]章": an ordinal, 第三章; "对[6]的严格解释", "按照[1]中描述的":
	   after a preposition the mark names the source, 对六的 */
	static const char *const keep_after[] = {"第", "对", "對", "照", "见", "見", "据", "據", "如", "从", "從",
						 "在", "和", "与", "與", "献", "獻"};     /* 文献[3] */
	for (size_t q = 0; q < ARRAY_LEN(keep_after); q++)
		if (i >= 3 && memcmp(s + i - 3, keep_after[q], 3) == 0)
			return 0;
	if (s[i - 1] == ']' || s[i - 1] == ')' || (i >= 3 && utf8_decode(s + i - 3, 3, &c) == 3 &&
						   (text_is_han(c) || text_is_cjk_punct(c))))
		return k + 1 - i;
	return 0;
}

/* A plus in a Mandarin run: before a number, not after one, a sign, 正 ("nice +19" 正十九); between
 * words 加 ("主动扫描 + 主动追踪", "长度+填充"); in a drawing or an
 * operator (+---+, ++, +=) it is left as it was. Returns 0 when left. */
static int zh_plus(struct buf *b, const char *s, size_t i, size_t n)
{
	char prev = i ? s[i - 1] : ' ', next = i + 1 < n ? s[i + 1] : ' ';
	if (strchr("-+=|", prev) || strchr("-+=|", next))
		return 0;
	size_t pb = i;
	while (pb > 0 && s[pb - 1] == ' ')
		pb--;
	if (isdigit((unsigned char)next) && (prev == ' ' || prev == '(' || i == 0) &&
	    !(pb > 0 && isalnum((unsigned char)s[pb - 1]))) {     /* "0x...0 +256G": a sum */
		buf_puts(b, "正");
		return 1;
	}
	buf_puts(b, "加");
	return 1;
}

char *speech_zh(const struct speech_ctx *ctx, const char *text)
{
	/* full-width forms to ASCII first */
	struct buf a = {0};
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = utf8_decode(text + i, n - i, &cp);
		if (k <= 0) {
			i++;
			continue;
		}
		if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
		    (cp >= 0xFF41 && cp <= 0xFF5A) || cp == 0xFF05 || cp == 0xFF0E)
			buf_putc(&a, (int)(cp - 0xFEE0));
		else
			buf_add(&a, text + i, (size_t)k);
		i += (size_t)k;
	}
	struct buf b = {0};
	const char *s = a.data ? a.data : "";
	n = a.len;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c)) {
			size_t ar = zh_arithmetic(&b, s + i, n - i);
			if (ar) {
				i += ar;
				continue;
			}
			size_t j = i;
			while (j < n && (isdigit((unsigned char)s[j]) || strchr(",.-/%", s[j]) ||
					 (s[j] == ':' && j + 1 < n && isdigit((unsigned char)s[j + 1])) ||
					 ((s[j] == 'x' || s[j] == 'X') && s[j - 1] == '.' &&
					  (j + 1 >= n || !isalnum((unsigned char)s[j + 1])))))     /* 6.x */
				j++;
			const char *after = s + j;
			while (*after == ' ')
				after++;
			/* "十月 20": a day after a month's name, said with its 日 */
			int day = b.len >= 3 && memcmp(b.data + b.len - 3, "月", 3) == 0 && j - i <= 2 &&
				  all_digits(s + i, j - i) && num_parse(s + i, j - i) >= 1 && num_parse(s + i, j - i) <= 31 &&
				  !starts_with_any(after, zh_date_words, ARRAY_LEN(zh_date_words));
			/* "官方版2024", "2019版": a year naming an edition (版 just before or
			   after it), digit by digit; "版权所有 2020", "© 2010": a copyright's year */
			size_t bk = i;
			while (bk > 0 && s[bk - 1] == ' ')
				bk--;
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1900 &&
			    num_parse(s + i, 4) <= 2099 &&
			    ((i >= 3 && memcmp(s + i - 3, "版", 3) == 0) || strncmp(s + j, "版", 3) == 0 ||
			     (bk >= 12 && (memcmp(s + bk - 12, "版权所有", 12) == 0 || memcmp(s + bk - 12, "版權所有", 12) == 0)) ||
			     (bk >= 2 && memcmp(s + bk - 2, "\xc2\xa9", 2) == 0))) {
				zh_digits(&b, s + i, 4);
				i = j;
				continue;
			}
			/* "，2021 Linux内核": a year opening a clause before a Latin name (the
			   Chinese run ends with it), digit by digit; so after an ASCII
			   comma or semicolon after Han ("最高产,2021 Linux内核", as pages
			   converted to ASCII write it) */
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1900 &&
			    num_parse(s + i, 4) <= 2099 && *after == '\0' &&
			    (i == 0 || (i >= 3 && (memcmp(s + i - 3, "，", 3) == 0 || memcmp(s + i - 3, "：", 3) == 0 ||
						   memcmp(s + i - 3, "、", 3) == 0 || memcmp(s + i - 3, "。", 3) == 0)) ||
			     (i >= 2 && (s[i - 1] == ',' || s[i - 1] == ';') && (unsigned char)s[i - 2] >= 0x80))) {
				zh_digits(&b, s + i, 4);
				i = j;
				continue;
			}
			/* "ISO 2022有", "OLS 2002：": a year or a standard's number opening the
			   Chinese run after a Latin name, digit by digit (not a count: no
			   measure word, unit, 万, 多 or 到 after it; not a round hundred,
			   "RTX 2000系列" 两千) */
			size_t ul2;
			if (i == 0 && j - i == 4 && all_digits(s, 4) && num_parse(s, 4) >= 1900 &&
			    num_parse(s, 4) <= 2099 && num_parse(s, 4) % 100 != 0 && j < n && (unsigned char)s[j] >= 0x80 &&
			    !starts_with_any(s + j, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
			    !starts_with_any(s + j, zh_count_after, ARRAY_LEN(zh_count_after)) &&
			    zh_unit_at(s + j, n - j, &ul2) < 0) {
				zh_digits(&b, s, 4);
				i = j;
				continue;
			}
			/* "正逢 2022 超级碗", "于 2019 发布": a year after a word of time
			   (正逢, 逢, 于, 在, 截至), before Han or where the run ends, with no
			   measure word, unit, 万, 多 or 到 after it, digit by digit; not a
			   round hundred nor a power of two ("在 2048 以内", "于 2000 左右") */
			static const char *const zh_time_before[] = {"正逢", "恰逢", "适逢", "逢", "于", "於", "在", "截至", "截止"};
			size_t ul4;
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1900 &&
			    num_parse(s + i, 4) <= 2099 && num_parse(s + i, 4) % 100 != 0 &&
			    (num_parse(s + i, 4) & (num_parse(s + i, 4) - 1)) != 0 &&
			    (*after == '\0' || (unsigned char)*after >= 0x80) &&
			    !starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
			    !starts_with_any(after, zh_count_after, ARRAY_LEN(zh_count_after)) &&
			    zh_unit_at(after, strlen(after), &ul4) < 0 && zh_word_before(s, bk, zh_time_before, ARRAY_LEN(zh_time_before))) {
				zh_digits(&b, s + i, 4);
				i = j;
				continue;
			}
			/* "供应链2020峰会", "2022 中国开源大会": a year naming a meeting
			   (峰会, 大会, 论坛 ... within a few Han characters after it, no
			   measure word, unit or punctuation between), digit by digit;
			   not a round hundred nor a power of two ("2048峰会") */
			static const char *const zh_event_words[] = {"峰会", "大会", "论坛", "論壇", "研讨会", "研討會",
								     "博览会", "博覽會", "年会", "年會", "嘉年华", "黑客松"};
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1990 &&
			    num_parse(s + i, 4) <= 2099 && num_parse(s + i, 4) % 100 != 0 &&
			    (num_parse(s + i, 4) & (num_parse(s + i, 4) - 1)) != 0 && *after != '\0' &&
			    strncmp(after, "年", 3) != 0 &&
			    !starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
			    !starts_with_any(after, zh_whole_words, ARRAY_LEN(zh_whole_words)) &&
			    !(bk >= 3 && starts_with_any(s + bk - 3, zh_count_before, ARRAY_LEN(zh_count_before))) &&
			    !starts_with_any(after, zh_count_after, ARRAY_LEN(zh_count_after))) {
				int ev = 0;
				const char *q = after;
				for (int h = 0; h < 8 && !ev; h++) {
					ev = starts_with_any(q, zh_event_words, ARRAY_LEN(zh_event_words));
					uint32_t hc2 = 0;
					if (ev || utf8_decode(q, strnlen(q, 4), &hc2) != 3 || !text_is_han(hc2))
						break;
					q += 3;
				}
				if (ev) {
					zh_digits(&b, s + i, 4);
					i = j;
					continue;
				}
			}
			/* "内核 4.x（2015）": a year alone in brackets, digit by digit */
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1900 &&
			    num_parse(s + i, 4) <= 2099 &&
			    ((i >= 1 && s[i - 1] == '(') || (i >= 3 && memcmp(s + i - 3, "\xef\xbc\x88", 3) == 0)) &&
			    (s[j] == ')' || (j + 3 <= n && memcmp(s + j, "\xef\xbc\x89", 3) == 0))) {
				zh_digits(&b, s + i, 4);
				i = j;
				continue;
			}
			/* "泰晓资讯·06月 / 第四期 / 2019", "发布于 2019": a year with no 年
			   in a run that names a month, an issue (第四期) or 年度 or 发布于,
			   digit by digit; a count keeps its measure word or unit ("2019
			   个", "2048 字节") or a word before it (共, 约, 第); a power of two
			   (2048) is a size however it stands */
			size_t ul3;
			if (j - i == 4 && all_digits(s + i, 4) && num_parse(s + i, 4) >= 1900 &&
			    num_parse(s + i, 4) <= 2099 && (num_parse(s + i, 4) & (num_parse(s + i, 4) - 1)) != 0 &&
			    !starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
			    !starts_with_any(after, zh_count_after, ARRAY_LEN(zh_count_after)) &&
			    zh_unit_at(after, strlen(after), &ul3) < 0 &&
			    !(bk >= 3 && starts_with_any(s + bk - 3, zh_count_before, ARRAY_LEN(zh_count_before))) &&
			    zh_date_context(s, n)) {
				zh_digits(&b, s + i, 4);
				i = j;
				continue;
			}
			/* "386 处理器", "8086 是", "需要 486 或更高": a number of three to five
			   digits before a chip's noun, or before 是 or 或 with no measure
			   word between, names the chip, digit by digit as a Chinese host
			   says it (三八六, 八零八六); a count takes its measure word ("386
			   个补丁"); not a count's shape (a power of two, a round thousand,
			   a year) nor after 第, 约, 共 or 有 */
			if (j - i >= 3 && j - i <= 5 && all_digits(s + i, j - i) && s[i] != '0' &&
			    starts_with_any(after, zh_chip_after, ARRAY_LEN(zh_chip_after)) &&
			    !zh_count_shaped(num_parse(s + i, j - i)) &&
			    !(bk >= 3 && starts_with_any(s + bk - 3, zh_count_before, ARRAY_LEN(zh_count_before)))) {
				zh_digits(&b, s + i, j - i);
				i = j;
				continue;
			}
			/* "鲲鹏920", "麒麟 990": a number of three to five digits just
			   after a chip family's name is its model, digit by digit
			   (九二零); not a round thousand ("天玑9000" 九千) nor a number
			   with a measure word, unit or 多 after it ("麒麟 100 个") */
			/* its letters and plus glued after it are the model's too
			   ("昇腾910B" 九一零B, "麒麟9000S" 九千S, "飞腾2000+" 两千加, not 多) */
			size_t ul5, sfx = zh_chip_suffix(s + j, n - j);
			if (j - i >= 3 && j - i <= 5 && all_digits(s + i, j - i) && s[i] != '0' &&
			    zh_chip_family_before(s, i) && (sfx || num_parse(s + i, j - i) % 1000 != 0) &&
			    !starts_with_any(after, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
			    !starts_with_any(after, zh_count_after, ARRAY_LEN(zh_count_after)) &&
			    (sfx || zh_unit_at(s + j, n - j, &ul5) < 0)) {
				if (num_parse(s + i, j - i) % 1000 == 0)
					zh_cardinal(&b, (unsigned long long)num_parse(s + i, j - i));
				else
					zh_digits(&b, s + i, j - i);
				for (size_t k = j; k < j + sfx; k++) {
					if (s[k] == '+')
						buf_puts(&b, "加");
					else
						buf_putc(&b, (char)toupper((unsigned char)s[k]));
				}
				i = j + sfx;
				continue;
			}
			/* "64K包", "512K 的页": a power of two from 16 to 1024 and K or k is a
			   size (a packet's, a page's), 六十四K, not sixty-four thousand; a
			   measure word or a word of counting after it makes it a count
			   ("32K 个文件" 三万两千个, "16k 次") */
			if (j - i >= 2 && j - i <= 4 && all_digits(s + i, j - i) && s[i] != '0' && j < n &&
			    (s[j] == 'K' || s[j] == 'k') && (j + 1 >= n || !isalnum((unsigned char)s[j + 1]))) {
				long long v = num_parse(s + i, j - i);
				const char *ka = s + j + 1;
				while (*ka == ' ')
					ka++;
				if (v >= 16 && v <= 1024 && (v & (v - 1)) == 0 &&
				    !starts_with_any(ka, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
				    !starts_with_any(ka, zh_whole_words, ARRAY_LEN(zh_whole_words)) &&
				    !starts_with_any(ka, zh_count_after, ARRAY_LEN(zh_count_after))) {
					zh_cardinal(&b, (unsigned long long)v);
					buf_puts(&b, "K");
					i = j + 1;
					continue;
				}
			}
			char th[24];
			size_t tl = zh_thousands(s + i, n - i, th, sizeof th);
			if (tl) {       /* "13k 次": 一万三千次 */
				zh_number(&b, th, strlen(th), s + i + tl, 0);
				i += tl;
				continue;
			}
			/* "5.16+", "（4.15+）": a version and every later one, 五点十六及以上 */
			/* "GCC 11+ 或": a whole number too, when no measure word follows
			   ("100+ 个" is not a version) */
			const char *ap = s + j + 1;
			while (j < n && *ap == ' ')
				ap++;
			/* "100+TB": a unit glued after the plus, more than that measure */
			size_t pul = 0;
			int punit = j + 1 < n && s[j] == '+' && zh_unit_at(s + j + 1, n - j - 1, &pul) >= 0;
			int later = !punit && j < n && s[j] == '+' && (j + 1 >= n || !isdigit((unsigned char)s[j + 1])) &&
				    isdigit((unsigned char)s[j - 1]) &&
				    (memchr(s + i, '.', j - i) ||
				     (all_digits(s + i, j - i) && j - i <= 2 && !strchr("-+=|", s[j + 1]) &&
				      !starts_with_any(ap, zh_measure_words, ARRAY_LEN(zh_measure_words)) &&
				      !starts_with_any(ap, zh_count_after, ARRAY_LEN(zh_count_after))));
			/* "100+ 个驱动": more than, 一百多个; so before a noun glued
			   after it or where the run ends before an English word,
			   "1,200+开发者", "12,000+ commits" 一万两千多 */
			uint32_t hc = 0;
			int more = !later && j < n && s[j] == '+' && count_digits(s + i, j - i) && num_parse_commas(s + i, j - i) >= 10 &&
				   (starts_with_any(ap, zh_measure_words, ARRAY_LEN(zh_measure_words)) || *ap == '\0' ||
				    (ap == s + j + 1 && utf8_decode(ap, strnlen(ap, 4), &hc) == 3 && text_is_han(hc)));
			if (more) {
				zh_number(&b, s + i, j - i, ap, 0);
				buf_puts(&b, "多");
				i = j + 1;
				continue;
			}
			/* "超过100+TB", "16+GB内存", "3+GHz": a measure and more, its unit
			   glued after the plus: 多 after a round number (一百多太字节),
			   至少 before any other (至少十六吉字节; 十六多 is not said) */
			if (punit && count_digits(s + i, j - i) && s[i] != '0') {
				int round = s[j - 1] == '0' && num_parse_commas(s + i, j - i) >= 10;
				if (!round)
					buf_puts(&b, "至少");
				zh_number(&b, s + i, j - i, s + j + 1, 0);
				if (round)
					buf_puts(&b, "多");
				buf_puts(&b, zh_units[zh_unit_at(s + j + 1, n - j - 1, &pul)].said);
				i = j + 1 + pul;
				continue;
			}
			/* "9+个", "5+ 种": a single digit and more is at least that many
			   (多 goes after ten and over only, "十多个"), 至少九个 */
			if (!later && j == i + 1 && j < n && s[j] == '+' && s[i] != '0' &&
			    starts_with_any(ap, zh_measure_words, ARRAY_LEN(zh_measure_words))) {
				buf_puts(&b, "至少");
				zh_number(&b, s + i, 1, ap, 0);
				i = j + 1;
				while (i < n && s[i] == ' ')
					i++;
				continue;
			}
			/* "2 x 16GB", "4 × 8GB", "2x 16GB" (x glued to the first count, a
			   space before the second): a product of two counts (two modules
			   of 16 GB), 二乘十六吉字节, not 两倍 and a number */
			size_t xs = j;
			while (xs < n && s[xs] == ' ')
				xs++;
			size_t xl = xs < n && s[xs] == 'x' ? 1 : xs + 2 <= n && memcmp(s + xs, "\xc3\x97", 2) == 0 ? 2 : 0;
			size_t xe = xs + xl;
			while (xl && xe < n && s[xe] == ' ')
				xe++;
			if (xl && xe > xs + xl && xe < n && isdigit((unsigned char)s[xe]) && count_digits(s + i, j - i)) {
				zh_number(&b, s + i, j - i, NULL, 0);
				buf_puts(&b, "乘");
				i = xe;
				continue;
			}
			size_t st0 = i;
			i += zh_number(&b, s + i, j - i, after,
				       later || zh_version_cue(s, i, after) ||
				       /* a number the text called a version elsewhere, unless
					  倍, 百分之 or a unit makes it a quantity here ("内核
					  4.15 发布。性能提升 4.15 倍" 四点一五倍) */
				       (seen_version(ctx->versions, s + i, j - i) && !zh_quantity_around(s, i, after)));
			/* "2.6.13-2.6.19", "2.6.12-29版": a hyphen between a version (or a
			   decimal) and a number is a range, 到; before a date it parts the
			   two, "2.6.12-2005.6.17" (a version and its date), a pause; not
			   in a name or a package's release ("pre-patch-2.3.13-1",
			   "2.6.32-220.el6", "6.1.0-18-amd64") */
			/* "5.4/5.5 穩定分支", "5.10/5.15/6.1": versions (decimals not
			   below one) joined by slashes are a list, the enumeration pause
			   (五点四、五点五); the slash had reached espeak-ng, "slash" */
			if (i + 1 < n && s[i] == '/' && isdigit((unsigned char)s[i + 1]) && memchr(s + st0, '.', i - st0) &&
			    s[st0] != '0' && s[i + 1] != '0' &&
			    (st0 == 0 || !(isalnum((unsigned char)s[st0 - 1]) || strchr("-_.", s[st0 - 1])))) {
				size_t e = i + 1;
				while (e < n && isdigit((unsigned char)s[e]))
					e++;
				if (e + 1 < n && s[e] == '.' && isdigit((unsigned char)s[e + 1])) {
					buf_puts(&b, "、");
					i++;
					continue;
				}
			}
			if (i + 1 < n && s[i] == '-' && isdigit((unsigned char)s[i + 1]) && memchr(s + st0, '.', i - st0) &&
			    (st0 == 0 || !(isalnum((unsigned char)s[st0 - 1]) || strchr("-_.", s[st0 - 1])))) {
				size_t e = i + 1;
				while (e < n && (isdigit((unsigned char)s[e]) || (s[e] == '.' && e + 1 < n && isdigit((unsigned char)s[e + 1]))))
					e++;
				size_t ul3;
				int date = i + 7 <= n && all_digits(s + i + 1, 4) && num_parse(s + i + 1, 4) >= 1900 &&
					   num_parse(s + i + 1, 4) <= 2099 && strchr(".-/", s[i + 5]) && isdigit((unsigned char)s[i + 6]);
				if (date || e == n || !(s[e] == '-' || s[e] == '.' || s[e] == '_' ||
							(isalpha((unsigned char)s[e]) && zh_unit_at(s + e, n - e, &ul3) < 0))) {
					buf_puts(&b, date ? "，" : "到");
					i++;
					continue;
				}
			}
			if (later && i == j) {
				buf_puts(&b, "及以上");
				i++;
				continue;
			}
			if (day)
				buf_puts(&b, "日");
			size_t sp = i, ul;
			while (sp < n && s[sp] == ' ')
				sp++;
			int u = zh_unit_at(s + sp, n - sp, &ul);
			if (u >= 0) {
				buf_puts(&b, zh_units[u].said);
				i = sp + ul;
				/* "500ms~10s", "50ms-1s": a range from one measure to another */
				if (i + 1 < n && (s[i] == '~' || s[i] == '-') && isdigit((unsigned char)s[i + 1])) {
					buf_puts(&b, "到");
					i++;
				}
			}
			continue;
		}
		if (c == ' ') {
			/* spaces between Han and numbers carry nothing in Mandarin; between
			   two numbers, "2022-12-11 2026-12-31" (a table's cells), a pause;
			   not before a date's time, "2025-06-19 19:39:20" */
			size_t nx = i, tm;
			while (nx < n && s[nx] == ' ')
				nx++;
			for (tm = nx; tm < n && tm - nx < 3 && isdigit((unsigned char)s[tm]); tm++)
				;
			if (i > 0 && isdigit((unsigned char)s[i - 1]) && nx < n && isdigit((unsigned char)s[nx]) &&
			    !(tm < n && s[tm] == ':')) {
				buf_puts(&b, "，");
				i = nx;
				continue;
			}
			if (b.len && i + 1 < n && (unsigned char)s[i + 1] < 0x80 && isalpha((unsigned char)s[i + 1]))
				buf_putc(&b, ' ');
			else if (b.len && (unsigned char)b.data[b.len - 1] < 0x80 && isalpha((unsigned char)b.data[b.len - 1]))
				buf_putc(&b, ' ');
			i++;
			continue;
		}
		size_t plen;
		const char *say = c >= 0x80 && ctx->lex ? lexicon_phrase_at(ctx->lex, s + i, n - i, &plen) : NULL;
		if (say) {   /* a lexicon entry in Han script: "龙芯" */
			buf_puts(&b, say);
			i += plen;
			continue;
		}
		if (c == '%') {
			/* a percent sign after no number is named: "後綴%用來" 百分号 */
			size_t q = i;
			while (q > 0 && s[q - 1] == ' ')
				q--;
			int num = q > 0 && isdigit((unsigned char)s[q - 1]);
			buf_puts(&b, num || (i + 1 < n && isdigit((unsigned char)s[i + 1])) ? "百分之" : "百分号");
			i++;
			continue;
		}
		/* "编辑:张@宇", "李@明": an @ between two Han characters hides a
		   name from robots (no address is written in Han); a host reads the
		   name, 张宇 (the @ had reached espeak-ng) */
		if (c == '@' && i >= 3 && i + 1 < n) {
			uint32_t pc = 0, nc = 0;
			if (utf8_decode(s + i - 3, 3, &pc) == 3 && text_is_han(pc) &&
			    utf8_decode(s + i + 1, n - i - 1 < 4 ? n - i - 1 : 4, &nc) == 3 && text_is_han(nc)) {
				i++;
				continue;
			}
		}
		size_t al = c == '-' || c == '=' || c == '<' || c == 0xE2 ? zh_arrow(s, i, n) : 0;
		const char *cmp = !al && (c == '<' || c == '>' || c == 0xE2) ? zh_compare_at(s + i, n - i, &al) : NULL;
		if (cmp) {      /* "延迟 < 50μs" 延迟小于五十微秒, "≥ 5.10" 大于等于五点十 */
			buf_puts(&b, cmp);
			i += al;
			continue;
		}
		if (al) {
			/* "2 -> 主版本号", "-->", "→": an arrow between a thing and what
			   it is, a pause; glued between two Han words, "虚拟->物理", 到;
			   both ways, "主机<->客机", 和 (the signs had reached espeak-ng) */
			uint32_t pc = 0, nc = 0;
			if (i >= 3)
				utf8_decode(s + i - 3, 3, &pc);
			if (i + al < n)
				utf8_decode(s + i + al, n - i - al < 4 ? n - i - al : 4, &nc);
			if (c == '<')
				buf_puts(&b, "和");
			else if (al == 2 && text_is_han(pc) && text_is_han(nc))
				buf_puts(&b, "到");
			else
				buf_puts(&b, "，");
			i += al;
			continue;
		}
		/* "用“+”标注", "'#'就代入", "“-”（禁用）", "字符 ``_`` 表示空白": a
		   sign quoted alone (or in a code's backquotes) is named */
		static const struct { char c; const char *name; } signs[] = {
			{'+', "加号"}, {'-', "减号"}, {'#', "井号"}, {'*', "星号"}, {'=', "等号"}, {'/', "斜杠"},
			{'_', "下划线"},
		};
		const char *sign = NULL;
		/* (in backquotes, only a code span of its own: "``0``-``9``" is a range) */
		size_t bq = i, aq = i + 1;
		while (bq > 0 && s[bq - 1] == '`')
			bq--;
		while (aq < n && s[aq] == '`')
			aq++;
		int own = (bq == i || bq == 0 || !isalnum((unsigned char)s[bq - 1])) &&
			  (aq == i + 1 || aq == n || !isalnum((unsigned char)s[aq]));
		for (size_t k = 0; k < ARRAY_LEN(signs) && own && c < 0x80 && strchr("+-#*=/_", c) && zh_quote_before(s, i) &&
				   zh_quote_after(s, i + 1, n); k++)
			if (c == (unsigned char)signs[k].c)
				sign = signs[k].name;
		if (sign) {
			buf_puts(&b, sign);
			i++;
			continue;
		}
		if (c == '+' && zh_plus(&b, s, i, n)) {
			i++;
			continue;
		}
		if (c == '.' && zh_format_dot(s, i, n)) {
			buf_puts(&b, "点");      /* "主版本.次版本.修订版本" 主版本点次版本点修订版本 */
			i++;
			continue;
		}
		if (c == '&') {
			buf_puts(&b, "和");
			i++;
			continue;
		}
		if (c == '~') {
			/* between two numbers a range, 5~6 年 五到六年; before one "about" */
			int range = i > 0 && (isdigit((unsigned char)s[i - 1]) || s[i - 1] == '%') && i + 1 < n &&
				    isdigit((unsigned char)s[i + 1]);       /* "50%~60%" 百分之五十到百分之六十 */
			buf_puts(&b, range ? "到" : "约");
			i++;
			continue;
		}
		/* -40°C: 零下四十摄氏度; -3: 负三 (a minus sign, not a hyphen between numbers) */
		if (c == '-' && i > 0 && s[i - 1] == '%' && i + 1 < n && isdigit((unsigned char)s[i + 1])) {
			buf_puts(&b, "到");     /* "50%-60%": a range of percentages */
			i++;
			continue;
		}
		if (c == '-' && i + 1 < n && isdigit((unsigned char)s[i + 1]) &&
		    (i == 0 || !isalnum((unsigned char)s[i - 1]))) {
			size_t k = i + 1, ul;
			while (k < n && (isdigit((unsigned char)s[k]) || s[k] == '.'))
				k++;
			while (k < n && s[k] == ' ')
				k++;
			int u = zh_unit_at(s + k, n - k, &ul);
			buf_puts(&b, u >= 0 && strstr(zh_units[u].said, "氏度") ? "零下" : "负");
			i++;
			continue;
		}
		if (c == '/' && b.len && (unsigned char)b.data[b.len - 1] >= 0x80 && i + 1 < n &&
		    (unsigned char)s[i + 1] >= 0x80) {
			/* "和/或", "读/写": between Han words a slash is read as
			   nothing, not as the English word "slash" */
			i++;
			continue;
		}
		if (c == '/' && b.len == 0 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80) {
			/* "Bug /回归修复": a slash opening the Chinese run after an
			   English word and a space is the pause "Bug/回归修复" has
			   (the run's edge), not "slash" left to espeak-ng */
			i++;
			continue;
		}
		size_t cit = c == '[' ? zh_citation(s, i, n) : 0;
		if (cit) {      /* "显著提升[16]。": a reference to a source, not said */
			i += cit;
			continue;
		}
		/* "被调用了#次", "运行了#个时间片": a # standing for a count before a
		   measure word (a table's "number of"), 若干 */
		if (c == '#' && (i == 0 || !isalnum((unsigned char)s[i - 1])) && i + 1 < n &&
		    starts_with_any(s + i + 1, zh_measure_words, ARRAY_LEN(zh_measure_words))) {
			buf_puts(&b, "若干");
			i++;
			continue;
		}
		if (c == '[' || c == ']' || c == '*' || c == '#' || c == '`' || c == '_' || c == '|') {
			i++;
			continue;
		}
		buf_putc(&b, c);
		i++;
	}
	buf_free(&a);
	char *out = buf_detach(&b);
	size_t len = strlen(out);
	while (len && out[len - 1] == ' ')
		out[--len] = 0;
	return out;
}
