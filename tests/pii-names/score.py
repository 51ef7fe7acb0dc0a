#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Score `akios protect scan --json` on the held-out names corpus (gen.py) per type with the
# span-overlap rule (a label is found when a finding of the same type overlaps it; a finding
# is right when it overlaps a label of its type), and count false PERSON findings on ordinary
# English prose (files given with --prose: Debian's /usr/share/common-licenses texts).
# Prints the table; exits 1 when a bar is missed (--min-f2 TYPE=X ..., --max-fp-per-10kb).
import argparse, json, subprocess, sys

TYPES = ['PERSON', 'STREET_ADDRESS', 'LOCATION']


def scan(akios, path, env=None):
    out = subprocess.run([akios, 'protect', 'scan', '--json', path], check=True,
                         capture_output=True, env=env).stdout
    return json.loads(out)['findings']


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--akios', required=True)
    ap.add_argument('--min-f2', action='append', default=[])
    ap.add_argument('--max-fp-per-10kb', type=float, default=None)
    ap.add_argument('--prose', nargs='*', default=[])
    ap.add_argument('--show', type=int, default=0, help='list this many misses and false alarms')
    ap.add_argument('text')
    ap.add_argument('labels')
    a = ap.parse_args()
    text = open(a.text, 'rb').read()
    labels = [json.loads(ln) for ln in open(a.labels)]
    found = [f for f in scan(a.akios, a.text) if f['type'] in TYPES]
    ok = True
    print(f"{'type':16} {'labels':>6} {'found':>6} {'P':>6} {'R':>6} {'F1':>6} {'F2':>6}")
    bars = dict(x.split('=') for x in a.min_f2)
    for t in TYPES:
        L = [l for l in labels if l['type'] == t]
        F = [f for f in found if f['type'] == t]
        # sweep: both sorted by start
        hit_l = sum(1 for l in L if any(f['start'] < l['end'] and l['start'] < f['end'] for f in F))
        hit_f = sum(1 for f in F if any(f['start'] < l['end'] and l['start'] < f['end'] for l in L))
        p = hit_f / len(F) if F else 1.0
        r = hit_l / len(L) if L else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        f2 = 5 * p * r / (4 * p + r) if p + r else 0.0
        print(f'{t:16} {len(L):6} {len(F):6} {p:6.3f} {r:6.3f} {f1:6.3f} {f2:6.3f}')
        if t in bars and f2 < float(bars[t]):
            print(f'# {t}: F2 {f2:.3f} < {bars[t]}')
            ok = False
        if a.show:
            miss = [l for l in L if not any(f['start'] < l['end'] and l['start'] < f['end'] for f in F)]
            fa = [f for f in F if not any(f['start'] < l['end'] and l['start'] < f['end'] for l in L)]
            for l in miss[:a.show]:
                print(f"#  miss {t}: ...{text[max(0, l['start'] - 30):l['start']].decode('utf-8', 'replace')!r} [{text[l['start']:l['end']].decode('utf-8', 'replace')}] {text[l['end']:l['end'] + 20].decode('utf-8', 'replace')!r}")
            for f in fa[:a.show]:
                print(f"#  false {t}: ...{text[max(0, f['start'] - 30):f['start']].decode('utf-8', 'replace')!r} [{text[f['start']:f['end']].decode('utf-8', 'replace')}] {text[f['end']:f['end'] + 20].decode('utf-8', 'replace')!r}")
    if a.prose:
        nbytes, nfp = 0, 0
        for path in a.prose:
            data = open(path, 'rb').read()
            fs = [f for f in scan(a.akios, path) if f['type'] == 'PERSON']
            nbytes += len(data)
            nfp += len(fs)
            for f in fs[:a.show]:
                print(f"#  prose PERSON in {path}: {data[max(0, f['start'] - 30):f['end'] + 20].decode('utf-8', 'replace')!r}")
        rate = nfp / (nbytes / 10240) if nbytes else 0.0
        print(f'prose: {nbytes} bytes in {len(a.prose)} files, {nfp} PERSON findings, '
              f'{rate:.3f} per 10 KB')
        if a.max_fp_per_10kb is not None and rate >= a.max_fp_per_10kb:
            print(f'# prose: {rate:.3f} PERSON findings per 10 KB, not < {a.max_fp_per_10kb}')
            ok = False
    sys.exit(0 if ok else 1)


main()
