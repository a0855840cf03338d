/*
 * speech_verbal.c: each class of token said in words, as a knowledgeable
 * host says it: a year "eighteen sixty-eight", money "twelve thousand
 * five hundred dollars", a measure "sixteen millimeters", a model number
 * "seventy-four twenty", a serial digit by digit, a Roman numeral "the
 * thirteenth". Only words reach the synthesiser, never digits: what is
 * said does not depend on how an engine reads "1868" or "-".
 *
 * In: a class and what its rule found (struct match). Out: words appended
 * to the normaliser's output.
 */
#include <ctype.h>
#include <string.h>

#include "speech_class.h"

static void say_number(struct en *e, const char *s, size_t n)
{
	const char *dot = memchr(s, '.', n);
	if (!dot) {
		emit_numstr(e, s, n);
		return;
	}
	emit_numstr(e, s, (size_t)(dot - s));
	emit(e, "point");
	struct buf b = {0};
	num_digits(&b, dot + 1, n - (size_t)(dot - s) - 1);
	emit(e, b.data);
	buf_free(&b);
}

static int is_one(const char *s, size_t n)
{
	return n == 1 && s[0] == '1';
}

static void v_serial(struct en *e, const struct match *m)
{
	struct buf b = {0};
	for (size_t i = 0; i < m->alen; i++) {
		if (m->a[i] == '0')
			buf_puts(&b, b.len ? " oh" : "oh");    /* a digit of a serial, as in a phone number */
		else if (isdigit((unsigned char)m->a[i]))
			num_digits(&b, m->a + i, 1);
		else if (m->a[i] == 'X' || m->a[i] == 'x')
			buf_puts(&b, b.len ? " X" : "X");
		if (isdigit((unsigned char)m->a[i]) && i + 1 < m->alen && m->a[i + 1] == '-')
			buf_putc(&b, ',');
	}
	emit(e, b.data ? b.data : "");
	buf_free(&b);
}

static void v_money(struct en *e, const struct match *m)
{
	const char *dot = memchr(m->a, '.', m->alen);
	if (dot && !m->scale && m->alen - (size_t)(dot - m->a) - 1 == 2) {
		/* $1.50: one dollar and fifty cents */
		size_t wl = (size_t)(dot - m->a);
		emit_numstr(e, m->a, wl);
		emit(e, is_one(m->a, wl) ? m->cur->one : m->cur->many);
		if (num_parse(dot + 1, 2) > 0 && strcmp(m->cur->many, "dollars") == 0) {
			emit(e, "and");
			emit_numstr(e, dot + 1 + (dot[1] == '0'), dot[1] == '0' ? 1 : 2);
			emit(e, num_parse(dot + 1, 2) == 1 ? "cent" : "cents");
		} else if (num_parse(dot + 1, 2) > 0) {
			emit_numstr(e, dot + 1 + (dot[1] == '0'), dot[1] == '0' ? 1 : 2);
		}
		return;
	}
	say_number(e, m->a, m->alen);
	if (m->scale)
		emit(e, m->scale);
	emit(e, is_one(m->a, m->alen) && !m->scale ? m->cur->one : m->cur->many);
}

static void v_year_range(struct en *e, const struct match *m)
{
	emit_year(e, (unsigned)m->y1);
	emit(e, "to");
	if (m->short2 && m->y2 % 100 >= 10)
		emit_num(e, (unsigned)(m->y2 % 100));
	else
		emit_year(e, (unsigned)m->y2);
}

static void v_fraction(struct en *e, const struct match *m)
{
	static const char *const said[][2] = {
		{"a half", "and a half"}, {"a quarter", "and a quarter"},
		{"three quarters", "and three quarters"}, {"a third", "and a third"},
		{"two thirds", "and two thirds"}, {"an eighth", "and an eighth"},
	};
	if (m->alen) {
		emit_numstr(e, m->a, m->alen);
		emit(e, said[m->frac][1]);
	} else {
		emit(e, said[m->frac][0]);
	}
}

static void v_number_sign(struct en *e, const struct match *m)
{
	emit(e, "number");
	emit_numstr(e, m->a, m->alen);
}

static void v_measure(struct en *e, const struct match *m)
{
	say_number(e, m->a, m->alen);
	if (m->plus)
		emit(e, "plus");
	if (m->square)
		emit(e, "square");
	emit(e, (is_one(m->a, m->alen) && !m->plus) || m->adjective ? m->unit->one : m->unit->many);
}

static void v_year(struct en *e, const struct match *m)
{
	emit_year(e, (unsigned)m->y1);
}

static void v_cardinal(struct en *e, const struct match *m)
{
	if (m->a)
		emit_numstr(e, m->a, m->alen);
	else
		emit_num(e, (unsigned long long)m->y1);
}

static void v_decimal(struct en *e, const struct match *m)
{
	say_number(e, m->a, m->alen);
}

static void v_version(struct en *e, const struct match *m)
{
	const char *dot = memchr(m->a, '.', m->alen);
	size_t xl = (size_t)(dot - m->a), yl = m->alen - xl - 1;
	emit_numstr(e, m->a, xl);
	emit(e, "point");
	if (yl > 1 && dot[1] == '0') {
		emit(e, "oh");
		emit_numstr(e, dot + 2, yl - 1);
	} else {
		emit_numstr(e, dot + 1, yl);
	}
}

static void v_model(struct en *e, const struct match *m)
{
	struct buf b = {0};
	num_model(&b, m->a, m->alen);
	emit(e, b.data);
	buf_free(&b);
}

static void v_roman(struct en *e, const struct match *m)
{
	if (m->nth) {
		emit(e, "the");
		emit_ordinal(e, (unsigned long long)m->value);
	} else {
		emit_num(e, (unsigned long long)m->value);
	}
}

static void v_abbreviation(struct en *e, const struct match *m)
{
	/* "Dr." "Doctor", "dr" "doctor": the written capital kept */
	size_t from = e->out.len;
	emit(e, m->say);
	while (from < e->out.len && e->out.data[from] == ' ')
		from++;
	if (m->cap && from < e->out.len)
		e->out.data[from] = (char)toupper((unsigned char)e->out.data[from]);
	if (m->a)
		emit_numstr(e, m->a, m->alen);
}

/* One verbaliser a class. */
static void (*const verbalisers[C_COUNT])(struct en *, const struct match *) = {
	[C_SERIAL] = v_serial, [C_MONEY] = v_money, [C_YEAR_RANGE] = v_year_range,
	[C_FRACTION] = v_fraction, [C_NUMBER_SIGN] = v_number_sign, [C_MEASURE] = v_measure,
	[C_YEAR] = v_year, [C_CARDINAL] = v_cardinal, [C_DECIMAL] = v_decimal,
	[C_VERSION] = v_version, [C_MODEL] = v_model, [C_ROMAN] = v_roman,
	[C_ABBREVIATION] = v_abbreviation,
};

void verbalise(struct en *e, enum tclass cls, const struct match *m)
{
	if (cls > C_NONE && cls < C_COUNT && verbalisers[cls])
		verbalisers[cls](e, m);
}
