#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score `akios protect scan --json` findings against gold labels (span overlap, same type).

  score.py LABELS FINDINGS.json TEXT [--min-f2 0.95]

Prints, as TAP comment lines, precision, recall, F1 and F2 per type and overall (micro),
Presidio's entity-level metric with span overlap. Exit 1 when overall F2 < --min-f2.
FINDINGS.json is one document {"findings":[{"type","start","end",...}],"bytes":N}.
"""
import json
import sys
from collections import defaultdict


def fbeta(p, r, b):
    return 0.0 if p + r == 0 else (1 + b * b) * p * r / (b * b * p + r)


def main():
    args = sys.argv[1:]
    min_f2 = 0.0
    if "--min-f2" in args:
        i = args.index("--min-f2")
        min_f2 = float(args[i + 1])
        del args[i:i + 2]
    labels_path, findings_path, text_path = args
    gold = [json.loads(l) for l in open(labels_path) if l.strip()]
    found = json.load(open(findings_path))["findings"]
    text = open(text_path, "rb").read()
    by_type = defaultdict(list)
    for g in gold:
        by_type[g["type"]].append(g)
    tp_p, fp, tp_g, fn = defaultdict(int), defaultdict(int), defaultdict(int), defaultdict(int)
    gold_sorted = sorted(gold, key=lambda g: g["start"])
    starts = [g["start"] for g in gold_sorted]
    import bisect
    examples = defaultdict(list)
    # PERSON, STREET_ADDRESS and LOCATION (src/pii/names.c) are not labelled by this corpus
    # (its filler text is full of names): unscored here, scored by tests/pii-names/.
    unlabelled = {"PERSON", "STREET_ADDRESS", "LOCATION"} - set(by_type)
    found = [f for f in found if f["type"] not in unlabelled]
    for f in found:
        i = bisect.bisect_left(starts, f["end"])
        hit = False
        for g in gold_sorted[max(0, i - 8):i]:
            if g["end"] > f["start"] and g["start"] < f["end"] and g["type"] == f["type"]:
                hit = True
        if hit:
            tp_p[f["type"]] += 1
        else:
            fp[f["type"]] += 1
            if len(examples["FP " + f["type"]]) < 3:
                examples["FP " + f["type"]].append(text[max(0, f["start"] - 25):f["end"] + 5])
    fstarts = sorted((f["start"], f["end"], f["type"]) for f in found)
    fs = [x[0] for x in fstarts]
    for g in gold:
        i = bisect.bisect_left(fs, g["end"])
        if any(e > g["start"] and t == g["type"] for s, e, t in fstarts[max(0, i - 8):i]):
            tp_g[g["type"]] += 1
        else:
            fn[g["type"]] += 1
            if len(examples["FN " + g["type"]]) < 3:
                examples["FN " + g["type"]].append(text[max(0, g["start"] - 25):g["end"] + 5])
    types = sorted(set(by_type) | set(fp) | set(tp_p))
    print("# %-24s %6s %6s %6s %6s %6s %6s" % ("type", "gold", "found", "P", "R", "F1", "F2"))
    TP_P = TP_G = FP = FN = 0
    for t in types:
        p = tp_p[t] / (tp_p[t] + fp[t]) if tp_p[t] + fp[t] else 1.0
        r = tp_g[t] / (tp_g[t] + fn[t]) if tp_g[t] + fn[t] else 1.0
        print("# %-24s %6d %6d %6.3f %6.3f %6.3f %6.3f" % (
            t, len(by_type[t]), tp_p[t] + fp[t], p, r, fbeta(p, r, 1), fbeta(p, r, 2)))
        TP_P += tp_p[t]
        TP_G += tp_g[t]
        FP += fp[t]
        FN += fn[t]
    P = TP_P / (TP_P + FP) if TP_P + FP else 1.0
    Rc = TP_G / (TP_G + FN) if TP_G + FN else 1.0
    F2 = fbeta(P, Rc, 2)
    print("# %-24s %6d %6d %6.3f %6.3f %6.3f %6.3f" % ("ALL", len(gold), len(found), P, Rc,
                                                        fbeta(P, Rc, 1), F2))
    for k in sorted(examples):
        for ex in examples[k]:
            print("#   %s: %r" % (k, ex))
    print("# overall F2 %.4f (minimum %.2f)" % (F2, min_f2))
    sys.exit(0 if F2 >= min_f2 else 1)


if __name__ == "__main__":
    main()
