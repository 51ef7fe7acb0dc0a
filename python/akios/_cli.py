# SPDX-License-Identifier: GPL-3.0-or-later
"""The `akios` console command: replace this Python process with the bundled binary, so
signals, exit codes, the TTY and stdin/stdout behave exactly as the binary's own."""
import os
import sys

from akios import binary


def main():
    path = binary()
    try:
        os.execv(path, ["akios"] + sys.argv[1:])
    except OSError as e:
        sys.stderr.write("akios: cannot run the bundled binary %s: %s\n" % (path, e.strerror))
        return 127


if __name__ == "__main__":
    sys.exit(main())
