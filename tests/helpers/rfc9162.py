#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Independent RFC 6962 / RFC 9162 checker for akios audit output (python3 standard library).

Written from the RFC text (RFC 6962 section 2.1, RFC 9162 sections 2.1.1, 2.1.3.2, 2.1.4.2),
not from akios's C code, so that the tests compare two implementations.

  rfc9162.py export FILE          recompute every leaf hash and the root of an
                                  `akios audit export`, check the checkpoint body and every
                                  inclusion proof
  rfc9162.py inclusion  < JSON    check `akios audit proof --json` (needs --data LINE_FILE
                                  or trusts leaf_hash)
  rfc9162.py consistency < JSON   check `akios audit consistency --json`
  rfc9162.py proof FILE           check a run's audit-proof.json: leaf hashes, every
                                  inclusion proof in the signed tree, the checkpoint
                                  bodies, the consistency proof from the previous one

Prints "ok ..." and exits 0, or prints the failure and exits 1.
"""
import base64
import hashlib
import json
import sys


def leaf_hash(data: bytes) -> bytes:
    # RFC 6962 2.1: MTH({d(0)}) = SHA-256(0x00 || d(0)).
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def mth(leaves):
    """RFC 6962 2.1 Merkle Tree Hash over a list of leaf hashes (recursive definition)."""
    n = len(leaves)
    if n == 0:
        return hashlib.sha256(b"").digest()
    if n == 1:
        return leaves[0]
    k = 1
    while k * 2 < n:  # largest power of two smaller than n
        k *= 2
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def verify_inclusion(index, size, leaf, proof, root):
    """RFC 9162 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_hash, second_hash, proof):
    """RFC 9162 2.1.4.2."""
    if first == 0 or first > second:
        return False
    if first == second:
        return not proof and first_hash == second_hash
    if not proof:
        return False
    if first & (first - 1) == 0:  # exact power of two
        proof = [first_hash] + list(proof)
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_hash and sr == second_hash and sn == 0


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def check_export(path):
    with open(path, "rb") as f:
        doc = json.load(f)
    if doc.get("format") != "akios-audit-export/1":
        fail("format is %r" % doc.get("format"))
    size = doc["tree_size"]
    entries = doc["entries"]
    if len(entries) != size:
        fail("%d entries for tree_size %d" % (len(entries), size))
    leaves = []
    for i, e in enumerate(entries):
        if e["index"] != i:
            fail("entry %d has index %d" % (i, e["index"]))
        h = leaf_hash(e["data"].encode("utf-8"))
        if h.hex() != e["leaf_hash"]:
            fail("leaf hash of entry %d differs" % i)
        event = json.loads(e["data"])
        if event.get("seq") != i:
            fail("entry %d has seq %r" % (i, event.get("seq")))
        leaves.append(h)
    root = mth(leaves)
    if root.hex() != doc["root_hash"]:
        fail("root differs: computed %s, export says %s" % (root.hex(), doc["root_hash"]))
    # C2SP checkpoint body: origin, size, base64 root; then a blank line and signatures.
    body, _, sigs = doc["checkpoint"].partition("\n\n")
    lines = body.split("\n")
    if lines[0] != doc["origin"] or lines[1] != str(size):
        fail("checkpoint body does not name origin/size: %r" % lines[:2])
    if base64.b64decode(lines[2], validate=True) != root:
        fail("checkpoint root differs from the recomputed root")
    if not sigs.startswith("\u2014 " + doc["origin"] + " "):
        fail("no signature line by the origin key")
    if not doc["verifier_key"].startswith(doc["origin"] + "+"):
        fail("verifier key is not named after the origin")
    for i, e in enumerate(entries):
        proof = [bytes.fromhex(p) for p in e["inclusion_proof"]]
        if not verify_inclusion(i, size, leaves[i], proof, root):
            fail("inclusion proof of entry %d does not verify" % i)
    print("ok export: %d entries, root %s, every inclusion proof verifies" % (size, root.hex()))


def checkpoint_body(note, origin):
    """C2SP checkpoint: origin, decimal size, base64 root; a blank line, signature lines."""
    body, _, sigs = note.partition("\n\n")
    lines = body.split("\n")
    if len(lines) < 3 or lines[0] != origin:
        fail("checkpoint body does not name the origin: %r" % lines[:1])
    if not sigs.startswith("\u2014 " + origin + " "):
        fail("no signature line by the origin key")
    return int(lines[1]), base64.b64decode(lines[2], validate=True)


def check_proof(path):
    with open(path, "rb") as f:
        doc = json.load(f)
    if doc.get("format") != "akios-audit-proof/1":
        fail("format is %r" % doc.get("format"))
    origin, size = doc["origin"], doc["tree_size"]
    root = bytes.fromhex(doc["root_hash"])
    csize, croot = checkpoint_body(doc["checkpoint"], origin)
    if csize != size or croot != root:
        fail("checkpoint does not sign tree_size/root_hash")
    first = doc["first_index"]
    cons = doc["consistency"]
    if cons is None:
        if first != 0 or doc["previous_checkpoint"] is not None:
            fail("no consistency proof, but the entries start at %d" % first)
    else:
        osize, oroot = checkpoint_body(doc["previous_checkpoint"], origin)
        if (cons["old_size"], bytes.fromhex(cons["old_root"])) != (osize, oroot):
            fail("consistency does not start at the previous checkpoint")
        if (cons["new_size"], bytes.fromhex(cons["new_root"])) != (size, root):
            fail("consistency does not end at the checkpoint")
        if first != osize:
            fail("first_index %d is not the previous checkpoint's size %d" % (first, osize))
        if not verify_consistency(osize, size, oroot, root,
                                  [bytes.fromhex(p) for p in cons["proof"]]):
            fail("consistency proof %d -> %d does not verify" % (osize, size))
    entries = doc["entries"]
    if [e["index"] for e in entries] != list(range(first, size)):
        fail("entries are not exactly the events %d..%d" % (first, size - 1))
    for e in entries:
        data = e["data"].encode("utf-8")
        leaf = leaf_hash(data)
        if leaf.hex() != e["leaf_hash"]:
            fail("leaf hash of event %d differs" % e["index"])
        if json.loads(data).get("seq") != e["index"]:
            fail("event %d has another seq" % e["index"])
        proof = [bytes.fromhex(p) for p in e["inclusion_proof"]]
        if not verify_inclusion(e["index"], size, leaf, proof, root):
            fail("inclusion proof of event %d does not verify" % e["index"])
    print("ok proof: events %d..%d in the tree of %d, root %s%s" %
          (first, size - 1, size, root.hex(), ", consistent" if cons else ""))


def check_inclusion(doc, data_file):
    leaf = bytes.fromhex(doc["leaf_hash"])
    if data_file:
        with open(data_file, "rb") as f:
            data = f.read().rstrip(b"\n")
        if leaf_hash(data) != leaf:
            fail("leaf hash is not SHA-256(0x00 || line)")
    proof = [bytes.fromhex(p) for p in doc["proof"]]
    if not verify_inclusion(doc["index"], doc["tree_size"], leaf, proof,
                            bytes.fromhex(doc["root_hash"])):
        fail("inclusion proof does not verify")
    print("ok inclusion of %d in %d" % (doc["index"], doc["tree_size"]))


def check_consistency(doc):
    proof = [bytes.fromhex(p) for p in doc["proof"]]
    if not verify_consistency(doc["old_size"], doc["new_size"], bytes.fromhex(doc["old_root"]),
                              bytes.fromhex(doc["new_root"]), proof):
        fail("consistency proof does not verify")
    print("ok consistency %d -> %d" % (doc["old_size"], doc["new_size"]))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "export":
        check_export(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "proof":
        check_proof(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "inclusion":
        data = sys.argv[3] if len(sys.argv) >= 4 and sys.argv[2] == "--data" else None
        check_inclusion(json.load(sys.stdin), data)
    elif len(sys.argv) >= 2 and sys.argv[1] == "consistency":
        check_consistency(json.load(sys.stdin))
    elif len(sys.argv) >= 2 and sys.argv[1] == "roots":
        # Self-check against the published roots for sizes 0-8 (transparency-dev).
        inputs = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
                  "606162636465666768696a6b6c6d6e6f"]
        for n in range(9):
            print(n, mth([leaf_hash(bytes.fromhex(x)) for x in inputs[:n]]).hex())
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
