/*
 * speech_units.c: the tables of the English normaliser: units of measure
 * (a symbol, how one and many are said, whether it may stand after a
 * space) and currencies. Adding a unit is one row.
 *
 * In: a symbol as written. Out: its row.
 */
#include <ctype.h>
#include <string.h>

#include "speech_en_int.h"

/* symbol, one, many, whether it may follow the number after a space */
static const struct unit units[] = {
	{"ns", "nanosecond", "nanoseconds", 1},
	{"us", "microsecond", "microseconds", 1},
	{"\xc2\xb5s", "microsecond", "microseconds", 1},
	{"\xce\xbcs", "microsecond", "microseconds", 1},
	{"ms", "millisecond", "milliseconds", 1},
	/* the abbreviations kernel text and benchmark output write after a
	 * count: "2 msec", "runt= 17925msec", "250 usecs" */
	{"nsec", "nanosecond", "nanoseconds", 1},
	{"nsecs", "nanoseconds", "nanoseconds", 1},
	{"usec", "microsecond", "microseconds", 1},
	{"usecs", "microseconds", "microseconds", 1},
	{"msec", "millisecond", "milliseconds", 1},
	{"msecs", "milliseconds", "milliseconds", 1},
	{"s", "second", "seconds", 0},
	{"sec", "second", "seconds", 1},
	{"secs", "seconds", "seconds", 1},
	{"min", "minute", "minutes", 1},
	{"mins", "minutes", "minutes", 1},
	{"h", "hour", "hours", 0},
	{"hr", "hour", "hours", 0},
	{"hrs", "hours", "hours", 0},
	{"Hz", "hertz", "hertz", 1},
	{"kHz", "kilohertz", "kilohertz", 1},
	{"KHz", "kilohertz", "kilohertz", 1},
	{"MHz", "megahertz", "megahertz", 1},
	{"GHz", "gigahertz", "gigahertz", 1},
	/* in small letters only glued to a number: "100khz", "24mhz" */
	{"hz", "hertz", "hertz", 0},
	{"khz", "kilohertz", "kilohertz", 0},
	{"mhz", "megahertz", "megahertz", 0},
	{"ghz", "gigahertz", "gigahertz", 0},
	/* the writer's other cases, only glued to a number: "100Khz", "24Mhz", "2GHZ" */
	{"Khz", "kilohertz", "kilohertz", 0},
	{"Mhz", "megahertz", "megahertz", 0},
	{"Ghz", "gigahertz", "gigahertz", 0},
	{"KHZ", "kilohertz", "kilohertz", 0},
	{"MHZ", "megahertz", "megahertz", 0},
	{"GHZ", "gigahertz", "gigahertz", 0},
	{"B", "byte", "bytes", 0},
	{"KB", "kilobyte", "kilobytes", 1},
	{"kB", "kilobyte", "kilobytes", 1},
	{"MB", "megabyte", "megabytes", 1},
	{"GB", "gigabyte", "gigabytes", 1},
	{"TB", "terabyte", "terabytes", 1},
	{"PB", "petabyte", "petabytes", 1},
	/* the prefix and "byte" written out: "4 KBytes"; in the singular a compound
	 * before its noun, said so: "64Mbyte area", "4KByte boundaries" */
	{"Kbyte", "kilobyte", "kilobyte", 1}, {"Kbytes", "kilobytes", "kilobytes", 1},
	{"KByte", "kilobyte", "kilobyte", 1}, {"KBytes", "kilobytes", "kilobytes", 1},
	{"kbyte", "kilobyte", "kilobyte", 1}, {"kbytes", "kilobytes", "kilobytes", 1},
	{"kByte", "kilobyte", "kilobyte", 1}, {"kBytes", "kilobytes", "kilobytes", 1},
	{"Mbyte", "megabyte", "megabyte", 1}, {"Mbytes", "megabytes", "megabytes", 1},
	{"MByte", "megabyte", "megabyte", 1}, {"MBytes", "megabytes", "megabytes", 1},
	{"Gbyte", "gigabyte", "gigabyte", 1}, {"Gbytes", "gigabytes", "gigabytes", 1},
	{"GByte", "gigabyte", "gigabyte", 1}, {"GBytes", "gigabytes", "gigabytes", 1},
	{"KiB", "kibibyte", "kibibytes", 1},
	{"MiB", "mebibyte", "mebibytes", 1},
	{"GiB", "gibibyte", "gibibytes", 1},
	{"TiB", "tebibyte", "tebibytes", 1},
	/* "32Mi sockets", "64Ki entries": a binary prefix glued to a count */
	{"Ki", "kibi", "kibi", 0},
	{"Mi", "mebi", "mebi", 0},
	{"Gi", "gibi", "gibi", 0},
	{"Kb", "kilobit", "kilobits", 0},
	{"Mb", "megabit", "megabits", 0},
	/* a capacity in bits after a space too: a flash die's "128 Gb", a
	 * drive's "26 Tb", "2 Pb" of endurance */
	{"Gb", "gigabit", "gigabits", 1},
	{"Tb", "terabit", "terabits", 1},
	{"Pb", "petabit", "petabits", 1},
	{"b", "bit", "bits", 0},
	{"GbE", "gigabit Ethernet", "gigabit Ethernet", 1},
	{"GigE", "gigabit Ethernet", "gigabit Ethernet", 1},
	/* "bit" written out in the singular, glued: the compound, "64bit accesses" */
	{"bit", "bit", "bit", 0},
	{"bits", "bits", "bits", 0},
	{"Kbps", "kilobit per second", "kilobits per second", 1},
	{"Mbps", "megabit per second", "megabits per second", 1},
	{"Gbps", "gigabit per second", "gigabits per second", 1},
	{"Gbit/s", "gigabit per second", "gigabits per second", 1},
	{"Gb/s", "gigabit per second", "gigabits per second", 1},
	{"GB/s", "gigabyte per second", "gigabytes per second", 1},
	/* the bytes' rate without its slash: "20 GBps", "12,400MBps" */
	{"GBps", "gigabyte per second", "gigabytes per second", 1},
	{"MBps", "megabyte per second", "megabytes per second", 1},
	{"MB/s", "megabyte per second", "megabytes per second", 1},
	{"GT/s", "gigatransfer per second", "gigatransfers per second", 1},
	/* memory's data rate: "DDR5 at 6400 MT/s", "5600MT/s" */
	{"MT/s", "megatransfer per second", "megatransfers per second", 1},
	{"W", "watt", "watts", 1},
	{"mW", "milliwatt", "milliwatts", 1},
	{"kW", "kilowatt", "kilowatts", 1},
	{"V", "volt", "volts", 1},
	{"mV", "millivolt", "millivolts", 1},
	{"mA", "milliamp", "milliamps", 1},
	{"mm", "millimeter", "millimeters", 1},
	{"cm", "centimeter", "centimeters", 1},
	{"km", "kilometer", "kilometers", 1},
	{"kg", "kilogram", "kilograms", 1},
	{"\xc2\xb0" "C", "degree Celsius", "degrees Celsius", 1},
	{"fps", "frame per second", "frames per second", 1},
	/* audio's channels glued to their count: "2ch", "8ch ADC", "5.1ch";
	 * the compound before its noun, "two channel" (kinds38) */
	{"ch", "channel", "channel", 0},
	{"%", "percent", "percent", 1},
	{"\xc2\xa2", "cent", "cents", 1},    /* "45 cents" written with the cent sign, glued or set apart (gtn29) */
	/* benchmark tables' abbreviation after a share: "0.74 pct", "12pct" */
	{"pct", "percent", "percent", 1},
	{"x", "times", "times", 0},
	{"\xc3\x97", "times", "times", 0},
	{"k", "thousand", "thousand", 0},
	{"ft", "foot", "feet", 1},
	{"in.", "inch", "inches", 1},
	{"mi", "mile", "miles", 1},
	{"yd", "yard", "yards", 1},
	{"m", "meter", "meters", 1},
	{"m\xc2\xb2", "square meter", "square meters", 1},
	{"km\xc2\xb2", "square kilometer", "square kilometers", 1},
	{"km2", "square kilometer", "square kilometers", 1},
	{"m2", "square meter", "square meters", 1},
	{"mi2", "square mile", "square miles", 1},
	{"cm\xc2\xb2", "square centimeter", "square centimeters", 1},
	{"mm\xc2\xb2", "square millimeter", "square millimeters", 1},
	{"mm2", "square millimeter", "square millimeters", 1},     /* a die's area: "257mm2" */
	{"mi\xc2\xb2", "square mile", "square miles", 1},
	{"ft\xc2\xb2", "square foot", "square feet", 1},
	{"m\xc2\xb3", "cubic meter", "cubic meters", 1},
	{"m3", "cubic meter", "cubic meters", 1},
	{"cm\xc2\xb3", "cubic centimeter", "cubic centimeters", 1},
	{"cm3", "cubic centimeter", "cubic centimeters", 1},
	{"cc", "cubic centimeter", "cubic centimeters", 1},
	{"ha", "hectare", "hectares", 1},
	{"g", "gram", "grams", 0},
	{"mg", "milligram", "milligrams", 1},
	{"lb", "pound", "pounds", 1},
	{"lbs", "pounds", "pounds", 1},
	{"oz", "ounce", "ounces", 1},
	{"t", "tonne", "tonnes", 0},
	{"L", "liter", "liters", 0},
	{"ml", "milliliter", "milliliters", 1},
	{"mL", "milliliter", "milliliters", 1},
	{"mph", "mile per hour", "miles per hour", 1},
	{"km/h", "kilometer per hour", "kilometers per hour", 1},
	{"kph", "kilometer per hour", "kilometers per hour", 1},
	{"\xc2\xb0" "F", "degree Fahrenheit", "degrees Fahrenheit", 1},
	{"\xc2\xb0", "degree", "degrees", 0},
	{"MW", "megawatt", "megawatts", 1},
	{"GW", "gigawatt", "gigawatts", 1},
	{"TW", "terawatt", "terawatts", 1},
	{"kWh", "kilowatt hour", "kilowatt hours", 1},
	{"MWh", "megawatt hour", "megawatt hours", 1},
	{"GWh", "gigawatt hour", "gigawatt hours", 1},
	{"dB", "decibel", "decibels", 1},
	{"dBm", "decibel milliwatt", "decibel milliwatts", 1},
	{"nm", "nanometer", "nanometers", 1},
	{"\xc2\xb5m", "micrometer", "micrometers", 1},
	{"\xce\xbcm", "micrometer", "micrometers", 1},     /* the Greek mu, as often written as the micro sign */
	{"\xc2\xb5g", "microgram", "micrograms", 1},
	{"\xce\xbcg", "microgram", "micrograms", 1},
	{"hp", "horsepower", "horsepower", 1},
	{"M", "megabyte", "megabytes", 0},
	{"G", "gigabyte", "gigabytes", 0},
	{"T", "terabyte", "terabytes", 0},
	{"Mbit", "megabit", "megabits", 1},
	{"Gbit", "gigabit", "gigabits", 1},
	{"GBit", "gigabit", "gigabits", 1},
	/* a CAN bus's rates as its drivers write them: "1 MBit", "500 KBit" */
	{"MBit", "megabit", "megabits", 1},
	{"KBit", "kilobit", "kilobits", 1},
	{"Kbit", "kilobit", "kilobits", 1},
	{"kbps", "kilobit per second", "kilobits per second", 1},
	/* the other rates in small letters, as news and forums write them after a
	 * count: "480 mbps", "10 gbps", "a 100 mbit port" (only after a number) */
	{"mbps", "megabit per second", "megabits per second", 1},
	{"gbps", "gigabit per second", "gigabits per second", 1},
	{"mbit", "megabit", "megabits", 1},
	{"gbit", "gigabit", "gigabits", 1},
};

const struct unit *find_unit(const char *s, size_t n, int spaced)
{
	for (size_t i = 0; i < ARRAY_LEN(units); i++)
		if (n && units[i].sym[0] == s[0] && strlen(units[i].sym) == n && memcmp(units[i].sym, s, n) == 0 &&
		    (!spaced || units[i].spaced))
			return &units[i];
	return NULL;
}

int unit_word(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(units); i++)
		if (n && (strlen(units[i].many) == n && strncasecmp(units[i].many, s, n) == 0))
			return 1;
	return 0;
}

/* A unit per a unit, "g/cm3", "m/s", "req/s": both halves units of the
 * table (the first one as find_unit wants it); *per is the second. */
const struct unit *find_unit_per(const char *s, size_t n, int spaced, const struct unit **per)
{
	const char *sl = memchr(s, '/', n);
	if (!sl || sl == s || sl + 1 == s + n)
		return NULL;
	const struct unit *u = find_unit(s, (size_t)(sl - s), spaced);
	const struct unit *d = u ? find_unit(sl + 1, n - (size_t)(sl - s) - 1, 0) : NULL;
	if (!d || strcmp(d->one, d->many) == 0)
		return NULL;     /* "%", "x", "k", "secs" are no denominators */
	*per = d;
	return u;
}

static const struct currency currencies[] = {
	{"US$", "dollar", "dollars"},
	{"A$", "Australian dollar", "Australian dollars"},
	{"C$", "Canadian dollar", "Canadian dollars"},
	{"\xe2\x82\xb9", "rupee", "rupees"},
	{"GBP", "pound", "pounds"},
	{"JPY", "yen", "yen"},
	{"$", "dollar", "dollars"},
	{"\xe2\x82\xac", "euro", "euros"},
	{"\xc2\xa3", "pound", "pounds"},
	{"\xc2\xa5", "yen", "yen"},
	{"USD", "dollar", "dollars"},
	{"EUR", "euro", "euros"},
	{"CNY", "yuan", "yuan"},
	{"RMB", "yuan", "yuan"},
};

/* Codes of the dollars other than the US's, as written after an amount in
 * dollars ("$5 CAD"): said with the amount, "five Canadian dollars", not the
 * code as a word ("cad"). Only after an amount: "CAD 5" may be design. */
static const struct currency dollar_codes[] = {
	{"CAD", "Canadian dollar", "Canadian dollars"},
	{"AUD", "Australian dollar", "Australian dollars"},
	{"NZD", "New Zealand dollar", "New Zealand dollars"},
	{"HKD", "Hong Kong dollar", "Hong Kong dollars"},
	{"SGD", "Singapore dollar", "Singapore dollars"},
};

const struct currency *dollar_code(const char *s, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(dollar_codes); i++)
		if (n == 3 && memcmp(dollar_codes[i].sym, s, 3) == 0)
			return &dollar_codes[i];
	return NULL;
}

/* The currency symbol at the start of s, or NULL; *len is its length. */
const struct currency *currency_at(const char *s, size_t n, size_t *len, int whole)
{
	for (size_t i = 0; i < ARRAY_LEN(currencies); i++) {
		if (!n || currencies[i].sym[0] != s[0])
			continue;
		size_t k = strlen(currencies[i].sym);
		if (k <= n && memcmp(currencies[i].sym, s, k) == 0 && (!whole || k == n) &&
		    (k == 1 || !isalpha((unsigned char)s[0]) || k == n ||
		     !isalpha((unsigned char)currencies[i].sym[k - 1]))) {
			*len = k;
			return &currencies[i];
		}
	}
	return NULL;
}


/* Words after a measure that are not a noun's modifier: "2MB in size",
 * "10 ms long", "5 MB more memory", "10 km last week". */
static const char *const not_modifiers[] = {
	"of", "in", "on", "at", "to", "for", "per", "from", "into", "onto", "by", "via", "with",
	"without", "within", "over", "under", "above", "below", "after", "before", "and", "or",
	"but", "nor", "than", "as", "is", "are", "was", "were", "be", "been", "will", "would",
	"can", "could", "may", "might", "must", "should", "has", "have", "had", "less", "more",
	"fewer", "worth", "each", "every", "this", "that", "these", "those", "the", "a", "an",
	"last", "next", "long", "wide", "high", "deep", "tall", "thick", "old", "apart", "ago",
	"later", "earlier", "total", "max", "maximum", "min", "minimum", "free", "left", "used",
	"away", "off", "out", "up", "down", "only", "just", "so", "too", "instead", "where",
	"when", "which", "while", "if", "then", "all", "any", "some", "both", "either", "average",
	"including", "excluding", "using", "during", "following", "containing", "plus", "minus", "times",
};

/* Determiners before a measure and a noun: "the 2 MB file", "each 4 KiB page". */
static const char *const measure_determiners[] = {
	"the", "this", "that", "each", "every", "its", "their", "our", "your", "his", "her", "any",
};

int measure_determiner(const char *w, size_t wn)
{
	for (size_t i = 0; w && i < ARRAY_LEN(measure_determiners); i++)
		if (strlen(measure_determiners[i]) == wn && strncasecmp(measure_determiners[i], w, wn) == 0)
			return 1;
	return 0;
}

int measure_adjective(const char *before, size_t bn, const char *w, size_t wn)
{
	static const char *const not_adjectives[] = {"and", "or", "to", "of", "in", "for", "from", "per", "than",
						     "with", "at", "by", "on", "about", "around", "only", "just"};
	if (!before || !w || wn < 3 || wn > 20 || !all_alpha(w, wn) || !islower((unsigned char)w[0]))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(not_adjectives); i++)
		if (strlen(not_adjectives[i]) == wn && strncasecmp(not_adjectives[i], w, wn) == 0)
			return 0;
	return (bn == 1 && (before[0] == 'a' || before[0] == 'A')) ||
	       (bn == 2 && strncasecmp(before, "an", 2) == 0) || (bn == 3 && strncasecmp(before, "the", 3) == 0);
}

int measure_name(const char *w, size_t wn)
{
	if (!w || wn < 2 || wn > 12 || !all_alpha(w, wn) || !isupper((unsigned char)w[0]))
		return 0;
	size_t un = wn > 2 && w[wn - 1] == 's' ? wn - 1 : wn;   /* "SSDs", "CPUs" */
	if (un <= 5 && all_upper(w, un))
		return 1;
	return islower((unsigned char)w[1]) && !all_upper(w + 1, 1);
}

int modifier_noun(const char *w, size_t wn, const char *h, size_t hn)
{
	if (!w || !h || wn < 3 || wn > 40 || !all_alpha(w, wn) || !islower((unsigned char)w[0]) ||
	    !words_common(w, wn, 50))
		return 0;
	for (size_t i = 0; i < ARRAY_LEN(not_modifiers); i++)
		if (strlen(not_modifiers[i]) == wn && strncasecmp(not_modifiers[i], w, wn) == 0)
			return 0;
	return plural_noun(h, hn) || singular_noun(h, hn);
}

int plural_noun(const char *s, size_t n)
{
	if (!s || n < 5 || n > 40 || s[n - 1] != 's' || s[n - 2] == 's' || !islower((unsigned char)s[0]))
		return 0;
	/* (or a word hunspell knows in both numbers: "timeouts", "timestamps") */
	return (words_common(s, n, 50) && words_common(s, n - 1, 50)) || (dict_word(s, n) && dict_word(s, n - 1));
}

int singular_noun(const char *s, size_t n)
{
	char w[48];
	if (!s || n < 3 || n + 3 > sizeof w || !islower((unsigned char)s[0]))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]))
			return 0;
	/* (a plural in -es too: "process", "launch", "box"; "ss" is no plural's s) */
	int es = (n >= 4 && s[n - 1] == 's' && s[n - 2] == 's') || s[n - 1] == 'x' || s[n - 1] == 'z' ||
		 (s[n - 1] == 'h' && (s[n - 2] == 'c' || s[n - 2] == 's'));
	if (s[n - 1] == 's' && !es)
		return 0;
	memcpy(w, s, n);
	size_t wn = n;
	if (es)
		w[wn++] = 'e';
	w[wn++] = 's';
	w[wn] = 0;
	return words_common(s, n, 50) && words_common(w, wn, 50);
}
