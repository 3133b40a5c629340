#!/usr/bin/env python3
"""Runs a command and prints its wall time, CPU time (user + system, children included) and peak RSS.

usage: measure.py LABEL OUTPUT-LOG -- COMMAND [ARGS...]
Prints "raw: LABEL: ..." and a "| LABEL | ... |" row for scale.sh's summary table; the command's output goes to
OUTPUT-LOG. Exits with the command's exit code.
"""
import resource
import subprocess
import sys
import time

if len(sys.argv) < 5 or sys.argv[3] != "--":
    print(__doc__, file=sys.stderr)
    sys.exit(2)
label, log, command = sys.argv[1], sys.argv[2], sys.argv[4:]
started = time.perf_counter()
with open(log, "w") as output:
    code = subprocess.call(command, stdout=output, stderr=subprocess.STDOUT)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
peak_mb = usage.ru_maxrss / 1024  # kilobytes on Linux
print(f"raw: {label}: wall {wall:.1f} s, CPU {cpu:.1f} s (user {usage.ru_utime:.1f}, system {usage.ru_stime:.1f}), peak RSS {peak_mb:.0f} MB, exit {code}")
print(f"| {label}: wall / CPU / peak RSS | {wall:.1f} s / {cpu:.1f} s / {peak_mb:.0f} MB |")
sys.exit(code)
