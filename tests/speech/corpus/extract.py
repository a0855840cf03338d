#!/usr/bin/env python3
"""How the frozen corpus in this folder was cut from Debian's linux-source-6.1
package (6.1.192-3): its changelog.Debian.gz and Documentation/ (GPL-2.0).
Run from this folder with the package installed; it rewrites the *.txt files
it made (not wikipedia-excerpts.txt, which was copied by hand). Kept so that
the cut can be checked, not to be rerun: the corpus is frozen."""
import gzip, re, tarfile, sys

CHANGELOG = '/usr/share/doc/linux-source-6.1/changelog.Debian.gz'
TARBALL = '/usr/src/linux-source-6.1.tar.xz'

def words(t):
    return len(t.split())

def changelog_entry(version, limit):
    """The entry of one Debian version, continuation lines joined to their bullet, cut at about limit words."""
    text = gzip.open(CHANGELOG, 'rt', encoding='utf-8').read()
    m = re.search(r'^linux \(' + re.escape(version) + r'\).*?(?=^linux \()', text, re.S | re.M)
    out = []
    for line in m.group(0).split('\n'):
        s = line.strip()
        if out and s and not re.match(r'[-*\[]|--|https?:|linux \(', s) and out[-1] and not out[-1].startswith('linux ('):
            out[-1] += ' ' + s
        else:
            out.append(s)
    kept, n = [], 0
    for s in out:
        if n >= limit:
            break
        kept.append(s)
        n += words(s)
    return '\n'.join(kept).strip() + '\n'

def rst(member):
    """A Documentation file as plain text: headings, directives, literal blocks and markup dropped."""
    with tarfile.open(TARBALL) as tf:
        src = tf.extractfile('linux-source-6.1/' + member).read().decode('utf-8')
    out, literal = [], False
    for line in src.split('\n'):
        if literal:
            if line.strip() == '' or line.startswith((' ', '\t')):
                continue
            literal = False
        if re.fullmatch(r'\s*([=\-~^*#+`]{3,}\s*)+', line) or line.startswith('..') or line.startswith(':'):
            continue
        if line.rstrip().endswith('::'):
            line = line.rstrip()[:-2].rstrip()
            line = line + ':' if line else line
            literal = True
        line = re.sub(r':\w+:`([^`<]*?)\s*(<[^>]*>)?`', r'\1', line)
        line = re.sub(r'`([^`<]+?)\s*<[^>]+>`_+', r'\1', line)
        line = re.sub(r'``([^`]+)``', r'\1', line)
        line = re.sub(r'\*\*([^*]+)\*\*|\*([^*]+)\*', lambda m: m.group(1) or m.group(2), line)
        out.append(line)
    return re.sub(r'\n{3,}', '\n\n', '\n'.join(out)).strip() + '\n'

FILES = {
    'debian-changelog-6.1.192-1.txt': lambda: changelog_entry('6.1.192-1', 2600),
    'debian-changelog-6.1.82-1.txt': lambda: changelog_entry('6.1.82-1', 2600),
    'debian-changelog-5.2.17-1.txt': lambda: changelog_entry('5.2.17-1', 2200),
    'debian-changelog-5.15.15-1.txt': lambda: changelog_entry('5.15.15-1', 2200),
    'kernel-process-intro.txt': lambda: rst('Documentation/process/1.Intro.rst'),
    'kernel-process-how.txt': lambda: rst('Documentation/process/2.Process.rst'),
    'kernel-process-changes.txt': lambda: rst('Documentation/process/changes.rst'),
    'kernel-stable-rules.txt': lambda: rst('Documentation/process/stable-kernel-rules.rst'),
    'kernel-embargoed-hardware.txt': lambda: rst('Documentation/process/embargoed-hardware-issues.rst'),
    'kernel-reporting-regressions.txt': lambda: rst('Documentation/admin-guide/reporting-regressions.rst'),
    'zh-kernel-process-intro.txt': lambda: rst('Documentation/translations/zh_CN/process/1.Intro.rst'),
    'zh-kernel-process-how.txt': lambda: rst('Documentation/translations/zh_CN/process/2.Process.rst'),
}

if __name__ == '__main__':
    for name, make in FILES.items():
        t = make()
        open(name, 'w', encoding='utf-8').write(t)
        print(f'{name}\t{words(t)}')
