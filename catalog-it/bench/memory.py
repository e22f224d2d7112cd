#!/usr/bin/env python3
"""What sets the peak memory of a cold `mvn …:fetch`, from the runs of compare-fetch.sh's `memory` scenario.

usage: memory.py MEMORY_DIR   (MEMORY_DIR/run-N/ hold gc.log from -Xlog:gc, peak-kib from GNU time's %M and
stdout.log with the goal's summary)

Prints per run: the peak RSS, G1's young collections, the heap's committed size before the first and after the last
collection, and the goal's own time; then the median peak of the runs in which G1 kept the heap's size and of those
in which it grew it. Maven's own start already takes four young collections; G1 grows the heap at about the fifth
(its pause-time ratio is judged against 1 % while the heap is far below its maximum), and the eden regions it then
allocates from are fresh pages, so those runs peak 30-45 MiB higher.
"""
import os
import re
import statistics
import sys

PAUSE = re.compile(r"GC\((\d+)\) Pause Young .* (\d+)M->(\d+)M\((\d+)M\)")
GOAL = re.compile(r"providers: .* in (\d+) ms")


def run_figures(folder):
    with open(os.path.join(folder, "peak-kib")) as f:
        peak = int(f.read().split()[-1]) / 1024
    pauses = []
    with open(os.path.join(folder, "gc.log")) as f:
        for line in f:
            m = PAUSE.search(line)
            if m:
                pauses.append(int(m.group(4)))
    goal = None
    with open(os.path.join(folder, "stdout.log"), errors="replace") as f:
        for line in f:
            m = GOAL.search(line)
            if m:
                goal = int(m.group(1))
    return peak, pauses, goal


def main(root):
    runs = sorted((d for d in os.listdir(root) if d.startswith("run-")), key=lambda d: int(d[4:]))
    kept, grown = [], []
    print(f"{'run':<7} {'peak MiB':>8} {'young GCs':>9} {'heap MiB':>13} {'goal ms':>8}")
    for r in runs:
        peak, pauses, goal = run_figures(os.path.join(root, r))
        first, last = (pauses[0], pauses[-1]) if pauses else (0, 0)
        (grown if last > first else kept).append(peak)
        print(f"{r:<7} {peak:>8.0f} {len(pauses):>9} {f'{first} -> {last}':>13} {goal if goal else '-':>8}")
    for name, peaks in (("heap kept", kept), ("heap grown", grown)):
        if peaks:
            print(f"# {name}: {len(peaks)} runs, peak median {statistics.median(peaks):.0f} MiB "
                  f"({min(peaks):.0f}-{max(peaks):.0f})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
