#!/usr/bin/env python3
# Writes a busy week of a mailing list as an mboxrd on standard output, for
# tests/t-draft.sh and scripts/bench: SERIES patch series (argv[1], default
# 600), each a cover letter, three patches and two replies (one with a
# Reviewed-by), spread over seven days, over ten subsystems; every tenth
# series also has an older version. Deterministic.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 600
areas = ["riscv", "mm", "x86/mce", "net", "bpf", "drm/i915", "fs/ext4", "sched", "arm64", "usb"]
out = []
def msg(mid, subj, day, sec, body, irt=None, refs=()):
    h = [f"From mboxrd@z Thu Jan  1 00:00:00 1970",
         f"From: Dev {mid % 97} <dev{mid % 97}@example.org>",
         f"Subject: {subj}",
         f"Date: {['Mon','Tue','Wed','Thu','Fri','Sat','Sun'][day]}, {16 + day} Nov 2026 {sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d} +0000",
         f"Message-ID: <m{mid}@example.org>",
         "List-Id: <linux-kernel.vger.kernel.org>"]
    if irt is not None:
        h.append(f"In-Reply-To: <m{irt}@example.org>")
        h.append("References: " + " ".join(f"<m{r}@example.org>" for r in refs))
    out.append("\n".join(h) + "\n\n" + body + "\n")
mid = 0
for s in range(n):
    area = areas[s % len(areas)]
    day, sec = s % 7, (s * 37) % 86000
    versions = [1, 2] if s % 10 == 0 else [2]
    for v in versions:
        cover = mid
        msg(cover, f"[PATCH v{v} 0/3] {area}: make thing {s} faster", day, sec + v,
            f"This series makes thing {s} faster by doing less work.\n>From now on it\nis lazy.\n\n-- \n2.42.0\n")
        mid += 1
        for p in range(1, 4):
            msg(mid, f"[PATCH v{v} {p}/3] {area}: step {p} for thing {s}", day, sec + v + p,
                f"Step {p}.\n\nSigned-off-by: Dev <dev@example.org>\n---\n a.c | 1 +\n", cover, (cover,))
            mid += 1
        msg(mid, f"Re: [PATCH v{v} 1/3] {area}: step 1 for thing {s}", day, sec + 50,
            "> Step 1.\n\nReviewed-by: Rev {0} <rev@example.org>\n".format(s % 13), cover + 1, (cover, cover + 1))
        mid += 1
        msg(mid, f"Re: [PATCH v{v} 0/3] {area}: make thing {s} faster", day, sec + 60,
            "Thanks, looks good.\n", cover, (cover,))
        mid += 1
sys.stdout.write("\n".join(out))
