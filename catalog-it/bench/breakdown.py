#!/usr/bin/env python3
"""Where the CPU of a forked `mvn …:fetch` goes, from the runs of compare-fetch.sh's `profile` scenario.

usage: breakdown.py PROFILE_DIR   (PROFILE_DIR/run-N/ hold stdout.log with -XX:+CITime's report, classes.log from
-Xlog:class+load and fetch.jfr)

Prints, per run and as medians: the JIT's compile time (CITime: time spent compiling, on the compiler threads, next
to the Java threads), the classes loaded (all, and those of the plugin's realm: ours and our dependencies), and the
JFR execution samples of the Java threads by what they were doing: Maven's own start, class loading, HTTP, JSON
parsing, writing the legacy layout, sorting, hashing, YAML, other. A sample is put in the category of the frame
nearest its leaf that names one; any class-loading frame on the stack makes it class loading.
"""
import json
import os
import re
import statistics
import subprocess
import sys
from collections import Counter

CLASS_LOADING = re.compile(
    r"^(java\.lang\.ClassLoader\.(loadClass|defineClass)|jdk\.internal\.loader\.|java\.net\.URLClassLoader\.|"
    r"org\.codehaus\.plexus\.classworlds\.|java\.lang\.Class\.forName|java\.lang\.System\$2\.defineClass|"
    r"java\.security\.SecureClassLoader\.defineClass)")
LEAF_CATEGORIES = [
    ("JSON parsing", re.compile(r"^com\.fasterxml\.jackson\.")),
    ("writing (legacy layout, files)",
     re.compile(r"^io\.modelcatalog\.(legacy\.(PythonJsonWriter|LegacyTomlWriter|LegacyTxtWriter|LegacyListFiles)|"
                r"files\.)|^sun\.nio\.fs\.|^java\.nio\.file\.|^sun\.nio\.ch\.FileChannelImpl")),
    ("sorting", re.compile(r"^io\.modelcatalog\.documents\.(ModelList|CodePointOrder)|^java\.util\.(TimSort|Arrays\.sort)")),
    ("hashing (SHA-256)", re.compile(r"^sun\.security\.provider\.(SHA|Digest)|^java\.security\.MessageDigest")),
    ("HTTP", re.compile(r"^org\.apache\.hc\.|^sun\.nio\.ch\.|^java\.net\.|^sun\.security\.ssl\.|^javax\.net\.")),
    ("YAML (registry)", re.compile(r"^org\.snakeyaml\.|^org\.yaml\.")),
]
OURS = re.compile(r"^io\.modelcatalog\.")


def frame_name(frame):
    method = frame.get("method", {})
    owner = method.get("type", {}).get("name", "?").replace("/", ".")
    return owner + "." + method.get("name", "?")


def categorize(frames):
    names = [frame_name(f) for f in frames]  # leaf first
    ours = any(OURS.match(n) for n in names)
    if any(CLASS_LOADING.match(n) for n in names):
        return "class loading" + ("" if ours else " (Maven's start)")
    if not ours:
        return "Maven's own start and other threads"
    for n in names:
        for label, pattern in LEAF_CATEGORIES:
            if pattern.match(n):
                return label
    return "other (ours)"


def jfr_samples(jfr):
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", jfr],
                          check=True, capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    return Counter(categorize(e["values"]["stackTrace"]["frames"]) for e in events if e["values"].get("stackTrace"))


def citime(stdout):
    out = {}
    for line in open(stdout, encoding="utf-8", errors="replace"):
        m = re.match(r"\s+(Total compilation time|C1 Compile Time|C2 Compile Time)\s*:\s*([0-9.]+) s", line)
        if m:
            out[m.group(1)] = float(m.group(2))
    return out


def classes(log):
    total = ours = 0
    for line in open(log, encoding="utf-8", errors="replace"):
        if "source:" not in line:
            continue
        total += 1
        if "it-repo" in line and ("catalog-" in line or "/com/fasterxml/" in line or "/org/apache/httpcomponents/" in line
                                  or "/org/snakeyaml/" in line or "/org/tomlj/" in line):
            ours += 1
    return total, ours


def main():
    base = sys.argv[1]
    runs = sorted(d for d in os.listdir(base) if d.startswith("run-"))[1:]  # run-0 is compare.sh's warm-up
    per_run = []
    for r in runs:
        d = os.path.join(base, r)
        try:
            samples = jfr_samples(os.path.join(d, "fetch.jfr"))
        except (subprocess.CalledProcessError, FileNotFoundError, ValueError) as e:
            print("%s: no JFR samples (%s)" % (r, e))
            continue
        ci = citime(os.path.join(d, "stdout.log"))
        total, ours = classes(os.path.join(d, "classes.log"))
        per_run.append((samples, ci, total, ours))
        n = sum(samples.values())
        print("%s: JIT %.2f s (C1 %.2f, C2 %.2f); %d classes loaded, %d of the plugin's realm; %d samples"
              % (r, ci.get("Total compilation time", float("nan")), ci.get("C1 Compile Time", float("nan")),
                 ci.get("C2 Compile Time", float("nan")), total, ours, n))
    if not per_run:
        return
    print()
    print("medians over %d runs" % len(per_run))
    for key in ("Total compilation time", "C1 Compile Time", "C2 Compile Time"):
        print("  %-34s %6.2f s" % ("JIT " + key, statistics.median(r[1].get(key, 0.0) for r in per_run)))
    print("  %-34s %6d" % ("classes loaded", statistics.median(r[2] for r in per_run)))
    print("  %-34s %6d" % ("  of the plugin's realm", statistics.median(r[3] for r in per_run)))
    labels = sorted({k for r in per_run for k in r[0]}, key=lambda k: -sum(r[0][k] for r in per_run))
    print("  Java-thread execution samples (JFR, ~20 ms each), share of all samples, median:")
    for k in labels:
        shares = [100.0 * r[0][k] / max(1, sum(r[0].values())) for r in per_run]
        print("    %-40s %5.1f %%" % (k, statistics.median(shares)))


if __name__ == "__main__":
    main()
