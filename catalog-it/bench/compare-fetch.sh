#!/usr/bin/env bash
# Side-by-side figures of `mvn …:fetch` against the legacy dump_models.py, every scenario through the shared
# legacy-bench/compare.sh (the Python mock both sides share; interleaved pairs; medians of wall, CPU, peak RSS and of
# the pair-by-pair ratios ours/legacy). Nothing here times anything itself: it only prepares the commands.
#
# usage: catalog-it/bench/compare-fetch.sh [--runs N] [--out DIR] [SCENARIO...]
#   scenarios (default: skip cold warm c1-skip c1-cold c1-warm):
#     skip      Maven's own start, the goal skipped (-Dcatalog.fetch.skip=true), no POM: the floor
#     cold      fresh cache and output folder every run
#     warm      the cache and output of the warm-up run, nothing changed (every provider answers the cached bytes)
#     c1-*      the same three with MAVEN_OPTS=-XX:TieredStopAtLevel=1
#     profile   cold runs with -XX:+CITime, a class-loading log and a JFR recording (for the CPU breakdown;
#               these flags cost time themselves, so its wall figures are not comparable with the others)
#     memory    cold runs with a GC log (-Xlog:gc, which costs next to nothing) and each run's own peak RSS, then
#               memory.py: per run the peak, the young collections and whether G1 grew the heap (what splits
#               the cold peak in two groups; see BENCHMARKS.md)
# Results: DIR (default catalog-it/target/compare-fetch/<UTC time>) holds each scenario's compare.sh table
# (<scenario>.txt, with the load average before and after), the goal's own summary line of every run
# (<scenario>.goal: "... in N ms"), for `profile` the per-run logs, JFR files and breakdown.txt, for `memory` the
# per-run GC logs and peaks and memory.txt.
#
# Needs: the plugin in catalog-it/target/it-repo (any `mvn -B -ntp verify` of the reactor, or
#   mvn -B -ntp -pl catalog-it -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false
# puts it there), Debian's python3-httpx python3-tomli-w python3-loguru python3-rich python3-fire (.ci/install-tools),
# GNU time (/usr/bin/time, Debian's `time`) for the memory scenario,
# and the legacy bench: $LEGACY_BENCH, else ../shared/legacy-bench beside the repository, else /work/shared/legacy-bench.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=5
out=
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;;
    --out) out=$2; shift 2;;
    -h|--help) sed -n '2,26p' "$0"; exit 0;;
    --*) echo "unknown option $1" >&2; exit 2;;
    *) break;;
  esac
done
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(skip cold warm c1-skip c1-cold c1-warm)

bench=${LEGACY_BENCH:-}
for b in "$bench" "$root/../shared/legacy-bench" /work/shared/legacy-bench; do
  if [ -n "$b" ] && [ -x "$b/compare.sh" ]; then bench=$(cd "$b" && pwd); break; fi
done
[ -x "$bench/compare.sh" ] || { echo "legacy-bench/compare.sh not found: set LEGACY_BENCH" >&2; exit 2; }
repo=$root/catalog-it/target/it-repo
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
[ -d "$repo/io/modelcatalog/catalog-maven-plugin/$version" ] || {
  echo "no catalog-maven-plugin $version in $repo: build the reactor first (see the header)" >&2; exit 2; }
out=${out:-$root/catalog-it/target/compare-fetch/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$out"
out=$(cd "$out" && pwd)
# no mirrors, servers or proxies of the user's own; from the IT repository (not -o: that would make the fetch offline)
printf '<settings/>\n' > "$out/settings.xml"
mvn="mvn -B -ntp -s $out/settings.xml -Dmaven.repo.local=$repo io.modelcatalog:catalog-maven-plugin:$version:fetch"
# the goal's summary ("36 providers: … in N ms") of each run, appended to a file of this folder; compare.sh throws
# the command's output away, so the command keeps the line itself. It runs in $WORK: no POM there.
summary="grep -E 'providers: .* in [0-9]+ ms' | sed 's/^\\[INFO\\] //'"

command_for() {
  local opts=$1 kind=$2 goal=$3
  local folders='-Dcatalog.outputDirectory="$WORK/m" -Dcatalog.cacheDirectory="$WORK/c"'
  case $kind in
    skip) echo "cd \"\$WORK\" && MAVEN_OPTS='$opts' $mvn -Dcatalog.fetch.skip=true -q";;
    cold) echo "cd \"\$WORK\" && rm -rf \"\$WORK/m\" \"\$WORK/c\" && MAVEN_OPTS='$opts' $mvn $folders | $summary >> '$goal'";;
    warm) echo "cd \"\$WORK\" && MAVEN_OPTS='$opts' $mvn $folders | $summary >> '$goal'";;
  esac
}

profile_command() {
  # one folder per run: the CITime report (the JVM prints it to stdout at exit), the class-loading log, the JFR file
  local p=$out/profile
  mkdir -p "$p"
  echo "cd \"\$WORK\" && rm -rf \"\$WORK/m\" \"\$WORK/c\" && n=\$(ls '$p' | grep -c '^run-' || true) && d='$p'/run-\$n && mkdir -p \"\$d\" && MAVEN_OPTS=\"-XX:+UnlockDiagnosticVMOptions -XX:+CITime -Xlog:class+load:file=\$d/classes.log -XX:StartFlightRecording=filename=\$d/fetch.jfr,settings=profile\" $mvn -Dcatalog.outputDirectory=\"\$WORK/m\" -Dcatalog.cacheDirectory=\"\$WORK/c\" > \"\$d/stdout.log\" 2>&1"
}

memory_command() {
  # one folder per run: the GC log and the run's peak RSS (GNU time's %M, KiB), beside compare.sh's own median
  [ -x /usr/bin/time ] || { echo "the memory scenario needs GNU time: apt-get install -y time" >&2; exit 2; }
  local p=$out/memory
  mkdir -p "$p"
  echo "cd \"\$WORK\" && rm -rf \"\$WORK/m\" \"\$WORK/c\" && n=\$(ls '$p' | grep -c '^run-' || true) && d='$p'/run-\$n && mkdir -p \"\$d\" && MAVEN_OPTS=\"-Xlog:gc:file=\$d/gc.log\" /usr/bin/time -f %M -o \"\$d/peak-kib\" $mvn -Dcatalog.outputDirectory=\"\$WORK/m\" -Dcatalog.cacheDirectory=\"\$WORK/c\" > \"\$d/stdout.log\" 2>&1"
}

for s in "${scenarios[@]}"; do
  opts=
  kind=$s
  case $s in c1-*) opts=-XX:TieredStopAtLevel=1; kind=${s#c1-};; esac
  case $kind in
    skip|cold|warm) cmd=$(command_for "$opts" "$kind" "$out/$s.goal");;
    profile) cmd=$(profile_command);;
    memory) cmd=$(memory_command);;
    *) echo "unknown scenario $s" >&2; exit 2;;
  esac
  : > "$out/$s.goal"
  {
    echo "# scenario $s, $(date -u +%FT%TZ), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$bench/compare.sh" --runs "$runs" -- sh -c "$cmd"
    echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  } 2>&1 | tee "$out/$s.txt"
  if [ -s "$out/$s.goal" ]; then
    # the warm-up run is the first line; the median of the timed runs
    tail -n +2 "$out/$s.goal" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p' | sort -n |
      awk -v s="$s" '{v[NR]=$1} END {if (NR) printf "# %s: goal median %d ms over %d runs\n", s, (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2), NR}' |
      tee -a "$out/$s.txt"
    if grep -vq ' 0 failed' "$out/$s.goal"; then
      echo "# WARNING: a run of $s had failed providers (see $out/$s.goal): its figures do not count" | tee -a "$out/$s.txt"
    fi
  fi
done
if printf '%s\n' "${scenarios[@]}" | grep -qx profile; then
  python3 "$here/breakdown.py" "$out/profile" | tee "$out/profile/breakdown.txt"
fi
if printf '%s\n' "${scenarios[@]}" | grep -qx memory; then
  python3 "$here/memory.py" "$out/memory" | tee "$out/memory/memory.txt"
fi
echo "results: $out"
