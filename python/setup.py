# SPDX-License-Identifier: GPL-3.0-or-later
"""Build hook of the akios Python package: compile the C binary with the source tree's
Makefile and bundle it as akios/bin/akios. Everything else is in pyproject.toml.

Where the binary comes from, in order:
  AKIOS_BINARY=/path/to/akios   bundle this prebuilt binary (no compiler needed)
  the akios source tree that holds this python/ folder: `make` into a private build folder
  (python/build/c), so a developer's ./akios and build/ are left alone.
Offline: it needs only Debian's python3-setuptools and python3-wheel and the C build
dependencies of akios (scripts/install-deps), no package index.
"""
import os
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.dist import Distribution

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)


def build_binary(dest):
    prebuilt = os.environ.get("AKIOS_BINARY")
    if prebuilt:
        if not os.access(prebuilt, os.X_OK):
            raise SystemExit("akios: AKIOS_BINARY=%r is not an executable file" % prebuilt)
        shutil.copy2(prebuilt, dest)
        return
    if not os.path.exists(os.path.join(SRC, "Makefile")) or \
       not os.path.isdir(os.path.join(SRC, "src")):
        raise SystemExit("akios: the C sources are not next to python/ (%s); build from the "
                         "akios source tree, or set AKIOS_BINARY to a built akios" % SRC)
    out = os.path.join(HERE, "build", "c")
    jobs = str(os.cpu_count() or 1)
    subprocess.check_call(["make", "-C", SRC, "-j" + jobs, "B=" + os.path.join(out, "obj"),
                           "BIN=" + os.path.join(out, "akios"), os.path.join(out, "akios")])
    shutil.copy2(os.path.join(out, "akios"), dest)


class BuildWithBinary(build_py):
    def run(self):
        super().run()
        bindir = os.path.join(self.build_lib, "akios", "bin")
        os.makedirs(bindir, exist_ok=True)
        dest = os.path.join(bindir, "akios")
        build_binary(dest)
        os.chmod(dest, 0o755)


class BinaryDistribution(Distribution):
    """The wheel holds a native executable: tag it for this platform, not 'any'."""

    def has_ext_modules(self):
        return True


setup(cmdclass={"build_py": BuildWithBinary}, distclass=BinaryDistribution)
