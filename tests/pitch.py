#!/usr/bin/env python3
# tests/pitch.py FILE [START END]: the median fundamental frequency (Hz) of
# the voiced 40 ms frames of an audio file (or of START..END seconds),
# found by autocorrelation on the file decoded by ffmpeg to 8 kHz mono.
# Prints 0 when no frame is voiced. A helper of tests/t-production.sh.
import array
import subprocess
import sys

RATE, FRAME, HOP, LO, HI = 8000, 320, 160, 60, 400


def median_pitch(path, start=None, end=None):
    cmd = ['ffmpeg', '-v', 'error', '-nostdin']
    if start is not None:
        cmd += ['-ss', str(start), '-to', str(end)]
    cmd += ['-i', path, '-ac', '1', '-ar', str(RATE), '-f', 's16le', '-']
    x = array.array('h')
    x.frombytes(subprocess.run(cmd, capture_output=True, check=True).stdout)
    lmin, lmax = RATE // HI, RATE // LO
    found = []
    for st in range(0, len(x) - FRAME - lmax, HOP):
        f = x[st:st + FRAME + lmax]
        energy = sum(v * v for v in f[:FRAME])
        if energy < FRAME * 300 ** 2:
            continue          # silence or a very quiet frame
        best, lag = 0, 0
        for l in range(lmin, lmax):
            c = sum(f[i] * f[i + l] for i in range(0, FRAME, 2))
            if c > best:
                best, lag = c, l
        if lag and best > 0.3 * energy / 2:
            found.append(RATE / lag)
    found.sort()
    return found[len(found) // 2] if found else 0


if __name__ == '__main__':
    a = sys.argv[1:]
    print(round(median_pitch(a[0], *(a[1:3] if len(a) >= 3 else ())), 1))
