#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Scores the real akios binary on a labelled corpus from gen.py.
#
# Each document is written to a scratch file and scanned with `$AKIOS protect scan FILE
# --json`. Matching is Presidio-style span overlap: a label is found (recall) when some finding
# of the same type overlaps it; a finding is correct (precision) when it overlaps some label of
# the same type. Findings whose type this corpus never labels (PERSON, LOCATION, ...) are
# counted apart as "unscored" in positive documents; in hard-negative documents every finding
# of any type is a false alarm. Prints per-type and overall precision, recall, F1, F2, then
# every miss and false positive with 20 characters of context on each side, in which the value
# itself and any other labelled value are replaced by their length, so no PII reaches the log.
# It does not judge span exactness beyond overlap, nor redaction.
#
# Usage: score.py CORPUS.jsonl [--akios BIN] [--min-f2 0.95] [--json OUT] [--quiet]
# Exit: 0 ok; 1 overall F2 below --min-f2 or a hard negative flagged; 2 usage / binary error.

import argparse
import json
import os
import subprocess
import sys
import tempfile


def fbeta(p, r, beta):
    if p == 0 and r == 0:
        return 0.0
    b2 = beta * beta
    return (1 + b2) * p * r / (b2 * p + r)


def scan(binary, path):
    res = subprocess.run([binary, "protect", "scan", path, "--json"], capture_output=True,
                         timeout=60)
    try:
        out = json.loads(res.stdout.decode())
    except ValueError:
        sys.stderr.write("score.py: no JSON from %s (rc %d): %s\n" % (
            binary, res.returncode, res.stderr.decode(errors="replace")[:300]))
        sys.exit(2)
    return out


def masked_context(raw, start, end, labels, width=20):
    """Context around raw[start:end] with that value and any labelled value masked."""
    lo, hi = max(0, start - width), min(len(raw), end + width)
    spans = [(start, end, "<%d>" % (end - start))]
    for lab in labels:
        if lab["end"] > lo and lab["start"] < hi and not (lab["start"] == start and
                                                          lab["end"] == end):
            spans.append((lab["start"], lab["end"], "<%s:%d>" % (lab["type"],
                                                                 lab["end"] - lab["start"])))
    spans.sort()
    out, pos = [], lo
    for s, e, tag in spans:
        s2, e2 = max(s, lo), min(e, hi)
        if s2 < pos:                  # overlapping masks: extend the previous one
            pos = max(pos, e2)
            continue
        out.append(raw[pos:s2].decode("utf-8", errors="replace"))
        out.append(tag)
        pos = e2
    out.append(raw[pos:hi].decode("utf-8", errors="replace"))
    txt = "".join(out)
    return txt.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--akios", default=os.environ.get("AKIOS", "akios"))
    ap.add_argument("--min-f2", type=float, default=0.95)
    ap.add_argument("--json", dest="json_out")
    ap.add_argument("--quiet", action="store_true", help="no miss / FP listing")
    a = ap.parse_args()

    docs = [json.loads(line) for line in open(a.corpus, encoding="utf-8") if line.strip()]
    labelled_types = sorted({lab["type"] for d in docs for lab in d["labels"]})
    stats = {t: {"labels": 0, "found": 0, "preds": 0, "correct": 0} for t in labelled_types}
    misses, fps, negs, unscored = [], [], [], {}
    nbytes = 0

    with tempfile.TemporaryDirectory(prefix="pii-eval.") as tmp:
        path = os.path.join(tmp, "doc.txt")
        for d in docs:
            raw = d["text"].encode("utf-8")
            nbytes += len(raw)
            with open(path, "wb") as f:
                f.write(raw)
            res = scan(a.akios, path)
            if res.get("bytes") not in (None, len(raw)):
                sys.stderr.write("score.py: doc %d: bytes %s != %d\n" % (
                    d["id"], res.get("bytes"), len(raw)))
                sys.exit(2)
            preds = res.get("findings", [])
            labels = d["labels"]
            if d["negative"]:
                for p in preds:
                    negs.append((d["id"], d["genre"], p["type"],
                                 masked_context(raw, p["start"], p["end"], labels)))
                continue
            for lab in labels:
                st = stats[lab["type"]]
                st["labels"] += 1
                if any(p["type"] == lab["type"] and p["start"] < lab["end"] and
                       lab["start"] < p["end"] for p in preds):
                    st["found"] += 1
                else:
                    got = [p["type"] for p in preds if p["start"] < lab["end"] and
                           lab["start"] < p["end"]]
                    misses.append((d["id"], d["genre"], lab["type"], ",".join(got) or "-",
                                   masked_context(raw, lab["start"], lab["end"], labels)))
            for p in preds:
                if p["type"] not in stats:
                    unscored[p["type"]] = unscored.get(p["type"], 0) + 1
                    continue
                st = stats[p["type"]]
                st["preds"] += 1
                if any(lab["type"] == p["type"] and p["start"] < lab["end"] and
                       lab["start"] < p["end"] for lab in labels):
                    st["correct"] += 1
                else:
                    got = [lab["type"] for lab in labels if p["start"] < lab["end"] and
                           lab["start"] < p["end"]]
                    fps.append((d["id"], d["genre"], p["type"], ",".join(got) or "-",
                                masked_context(raw, p["start"], p["end"], labels)))

    def prf(st):
        p = st["correct"] / st["preds"] if st["preds"] else (1.0 if not st["labels"] else 0.0)
        r = st["found"] / st["labels"] if st["labels"] else 1.0
        return p, r, fbeta(p, r, 1), fbeta(p, r, 2)

    tot = {k: sum(st[k] for st in stats.values()) for k in ("labels", "found", "preds",
                                                            "correct")}
    npos = sum(1 for d in docs if not d["negative"])
    print("corpus %s: %d documents (%d hard-negative), %d bytes, %d labels" % (
        os.path.basename(a.corpus), len(docs), len(docs) - npos, nbytes, tot["labels"]))
    print("%-22s %6s %6s %6s %6s %6s %6s" % ("type", "labels", "preds", "P", "R", "F1", "F2"))
    table = {}
    for t in labelled_types + ["OVERALL"]:
        st = tot if t == "OVERALL" else stats[t]
        p, r, f1, f2 = prf(st)
        table[t] = {"labels": st["labels"], "preds": st["preds"], "precision": p, "recall": r,
                    "f1": f1, "f2": f2}
        print("%-22s %6d %6d %6.3f %6.3f %6.3f %6.3f" % (t, st["labels"], st["preds"], p, r,
                                                        f1, f2))
    print("hard negatives flagged: %d" % len(negs))
    if unscored:
        print("unscored finding types (not labelled by this corpus): %s" % ", ".join(
            "%s=%d" % kv for kv in sorted(unscored.items())))
    if not a.quiet:
        for m in misses:
            print("MISS  doc %d %-8s %-22s got=%s  |%s|" % m)
        for f in fps:
            print("FP    doc %d %-8s %-22s label=%s  |%s|" % f)
        for n in negs:
            print("NEG   doc %d %-12s %-22s |%s|" % n)
    if a.json_out:
        with open(a.json_out, "w") as f:
            json.dump({"table": table, "hard_negatives_flagged": len(negs),
                       "misses": len(misses), "false_positives": len(fps)}, f, indent=1)
    ok = table["OVERALL"]["f2"] >= a.min_f2 and not negs
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
