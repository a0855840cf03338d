/*
 * fade.c: the raised-cosine ramp (fade.h), one function so that every fade
 * in the mix has the same shape, to the bit.
 *
 * In: a position in the ramp. Out: a gain, 0 to 1.
 */
#include "fade.h"

#include <math.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

double fade_rcos(double x)
{
	if (x <= 0)
		return 0;
	if (x >= 1)
		return 1;
	return 0.5 - 0.5 * cos(M_PI * x);
}
