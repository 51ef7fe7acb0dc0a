# SPDX-License-Identifier: GPL-3.0-or-later
"""Tests of the installed akios package: the console command and the Python API, against the
real bundled binary. Run with the package installed (tests/ops/python.t does it in a venv)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import akios


class TestPackage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="akios-py-")
        cls.proj = os.path.join(cls.tmp, "proj")
        subprocess.run([akios.binary(), "init", cls.proj], check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_bundled_binary(self):
        path = akios.binary()
        self.assertTrue(path.endswith(os.path.join("akios", "bin", "akios")), path)
        self.assertTrue(os.access(path, os.X_OK))
        self.assertRegex(akios.version(), r"^\d+\.\d+\.\d+$")

    def test_console_script(self):
        exe = shutil.which("akios")
        self.assertIsNotNone(exe, "the akios command is on PATH")
        p = subprocess.run([exe, "--version"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0)
        self.assertEqual(p.stdout.split()[-1], akios.version())
        p = subprocess.run([exe, "validate", "/nonexistent.yml"], capture_output=True)
        self.assertEqual(p.returncode, 2, "exit codes pass through the console script")

    def test_run_hello(self):
        r = akios.run("templates/hello-workflow.yml", cwd=self.proj, env={"AKIOS_MOCK_LLM": "1"})
        self.assertEqual(r["status"], "completed")
        self.assertEqual(r["exit_code"], 0)
        self.assertEqual([s["agent"] for s in r["steps"]], ["llm", "filesystem", "filesystem"])
        self.assertTrue(os.path.isfile(os.path.join(r["output_dir"], "output.json")))

    def test_run_invalid_raises(self):
        with self.assertRaises(akios.AkiosError) as cm:
            akios.run("no-such-workflow.yml", cwd=self.proj)
        self.assertEqual(cm.exception.exit_code, 2)

    def test_scan_and_redact(self):
        text = "write to jane.doe@example.com today"
        f = akios.scan(text)
        self.assertEqual(len(f), 1)
        self.assertEqual(f[0]["type"], "EMAIL_ADDRESS")
        self.assertEqual(text.encode()[f[0]["start"]:f[0]["end"]], b"jane.doe@example.com")
        self.assertNotIn("jane", json.dumps(f))
        self.assertEqual(akios.redact(text), "write to [EMAIL_ADDRESS] today")
        self.assertEqual(akios.redact(text, strategy="remove"), "write to  today")
        self.assertEqual(akios.scan(b"nothing here"), [])

    def test_verify(self):
        akios.run("templates/hello-workflow.yml", cwd=self.proj, env={"AKIOS_MOCK_LLM": "1"})
        v = akios.verify(self.proj)
        self.assertTrue(v["verified"], v)
        self.assertEqual(v["exit_code"], 0)
        ledger = os.path.join(self.proj, "audit", "ledger.jsonl")
        with open(ledger) as fh:
            lines = fh.readlines()
        lines[0] = lines[0].replace('"started"', '"STARTED"')
        with open(ledger, "w") as fh:
            fh.writelines(lines)
        v = akios.verify(self.proj)
        self.assertFalse(v["verified"])
        self.assertEqual(v["exit_code"], 6)


if __name__ == "__main__":
    unittest.main()
