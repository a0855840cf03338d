#!/usr/bin/env python3
# tests/band.py FILE FREQ T0 T1 [T0 T1]...: the level (dBFS RMS) of FILE at
# FREQ Hz over each window T0..T1 seconds, one figure a line, measured with
# a Goertzel filter on the file decoded by ffmpeg to 8 kHz mono. A tone bed
# at FREQ is read through the voice this way: speech has little energy in
# so narrow a band. A helper of tests/t-production.sh.
import array
import math
import subprocess
import sys

RATE = 8000


def main(a):
    path, freq, wins = a[0], float(a[1]), [float(x) for x in a[2:]]
    raw = subprocess.run(['ffmpeg', '-v', 'error', '-nostdin', '-i', path, '-ac', '1',
                          '-ar', str(RATE), '-f', 's16le', '-'],
                         capture_output=True, check=True).stdout
    x = array.array('h')
    x.frombytes(raw)
    w = 2 * math.cos(2 * math.pi * freq / RATE)
    for t0, t1 in zip(wins[0::2], wins[1::2]):
        seg = x[int(t0 * RATE):int(t1 * RATE)]
        s1 = s2 = 0.0
        for v in seg:
            s1, s2 = v / 32768.0 + w * s1 - s2, s1
        power = s1 * s1 + s2 * s2 - w * s1 * s2
        # a sine of amplitude A gives power (A N / 2)^2; its RMS is A / sqrt 2
        amp = 2 * math.sqrt(max(power, 0)) / max(len(seg), 1)
        print('%.1f' % (20 * math.log10(amp / math.sqrt(2)) if amp > 0 else -200))


if __name__ == '__main__':
    main(sys.argv[1:])
