# SPDX-License-Identifier: GPL-3.0-or-later
"""A thin Python API over the bundled akios binary.

Every function runs the binary (never a shell) and returns its JSON answer as Python data.
A failure the binary reports as a result (a failed run, a ledger that does not verify) comes
back as data with its exit code; anything that produced no answer (bad arguments, an invalid
workflow, no project) raises AkiosError with the exit code and akios's message.
"""
import json
import os
import subprocess

__all__ = ["AkiosError", "binary", "run", "scan", "redact", "verify", "version"]
__version__ = "0.1.0"


class AkiosError(Exception):
    """akios exited without an answer. .exit_code follows the akios exit codes (2 usage or
    invalid input, 3 policy, 6 audit integrity, 7 missing cage layer...); .stderr is its
    message."""

    def __init__(self, exit_code, stderr, args=None):
        self.exit_code = exit_code
        self.stderr = stderr
        self.cmd = args
        super().__init__("akios exited %d: %s" % (exit_code, stderr.strip() or "(no message)"))


def binary():
    """Path of the akios binary: $AKIOS_BIN when set, else the one bundled in the package."""
    env = os.environ.get("AKIOS_BIN")
    if env:
        return env
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin", "akios")


def _call(args, cwd=None, env=None, stdin=None, timeout=None):
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([binary()] + list(args), cwd=cwd, env=e, input=stdin,
                       capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def _json(args, ok_codes, **kw):
    code, out, err = _call(args, **kw)
    if code not in ok_codes or not out.strip():
        raise AkiosError(code, err, args)
    try:
        return json.loads(out)
    except ValueError:
        raise AkiosError(code, "not JSON: %r" % out[:200], args)


def version():
    """The binary's version string, e.g. '0.1.0'."""
    code, out, err = _call(["--version"])
    if code:
        raise AkiosError(code, err)
    return out.decode().split()[-1]


def run(workflow, cwd=None, env=None, dry_run=False, config=None, timeout=None):
    """Run a workflow (path relative to cwd, the project folder). Returns the run's
    output.json as a dict; its "exit_code" and "status" say how it went (a failed step, a
    budget kill or a cage kill are results, not exceptions). Raises AkiosError when nothing
    ran (invalid workflow, policy violation found while validating, no project)."""
    args = ["run", os.fspath(workflow), "--json"]
    if dry_run:
        args.append("--dry-run")
    if config:
        args += ["--config", os.fspath(config)]
    code, out, err = _call(args, cwd=cwd, env=env, timeout=timeout)
    try:
        doc = json.loads(out) if out.strip() else None
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or "valid" in doc and doc.get("valid") is False:
        raise AkiosError(code, err, args)
    doc.setdefault("exit_code", code)
    return doc


def _text(text):
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def scan(text):
    """PII and secret findings in text (str or bytes): a list of dicts with type, category,
    start, end (byte offsets into the UTF-8 text) and score. The matched text is never
    returned."""
    return _json(["protect", "scan", "-", "--json"], (0,), stdin=_text(text))["findings"]


def redact(text, strategy="mask"):
    """text with every finding replaced (strategy: mask, hash, partial or remove). The hash
    strategy needs a project (its key): run it with cwd inside one via AKIOS_BIN or chdir."""
    args = ["protect", "redact", "-", "--strategy", strategy]
    code, out, err = _call(args, stdin=_text(text))
    if code:
        raise AkiosError(code, err, args)
    return out.decode("utf-8") if isinstance(text, str) else out


def verify(project=None):
    """Verify the project's audit ledger (akios audit verify --json). Returns the record;
    record["verified"] is False (and exit_code 6) when it was tampered with."""
    code, out, err = _call(["audit", "verify", "--json"], cwd=project)
    if not out.strip():
        raise AkiosError(code, err, ["audit", "verify", "--json"])
    doc = json.loads(out)
    doc["exit_code"] = code
    return doc
