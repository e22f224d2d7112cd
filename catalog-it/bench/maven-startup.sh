#!/usr/bin/env bash
# Maven's start-up cost with this plugin, per Maven version side by side: the same no-op goal
# (catalog:fetch -Dcatalog.skip=true: Maven starts, resolves and loads the plugin, the goal skips) on this
# machine's mvn and on the Mavens catalog-it unpacks for MavenCompatibilityIT (target/mavens), in interleaved rounds
# (A, B, C, A, B, C, ...) so that the machine's load drifts onto every version alike. Prints one row per version:
# median, min and max wall time, with the load average before and after.
#
# usage: catalog-it/bench/maven-startup.sh [--runs N] [--warmups N]   (defaults: 9 runs, 1 warm-up per version)
# Needs: the plugin in catalog-it/target/it-repo and the Mavens in catalog-it/target/mavens, both left by
#   mvn -B -ntp verify -pl catalog-it -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=9
warmups=1
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;;
    --warmups) warmups=$2; shift 2;;
    -h|--help) sed -n '2,11p' "$0"; exit 0;;
    *) echo "unknown argument $1" >&2; exit 2;;
  esac
done
repo=$root/catalog-it/target/it-repo
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
[ -d "$repo/io/modelcatalog/catalog-maven-plugin/$version" ] || {
  echo "no catalog-maven-plugin $version in $repo: build catalog-it first (see --help)" >&2; exit 2; }
homes=("$(dirname "$(dirname "$(readlink -f "$(command -v mvn)")")")")
for d in "$root"/catalog-it/target/mavens/apache-maven-*; do
  [ -x "$d/bin/mvn" ] && homes+=("$d")
done
[ ${#homes[@]} -gt 1 ] || { echo "no Maven in $root/catalog-it/target/mavens: build catalog-it first (see --help)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '<settings/>\n' > "$work/settings.xml"
mkdir -p "$work/run/.mvn" "$work/home"
goal=io.modelcatalog:catalog-maven-plugin:$version:fetch
run() { # <maven home> [-o] -> wall ms on stdout
  local t0 t1
  t0=$(date +%s%N)
  (cd "$work/run" && env -i PATH="$PATH" HOME="$work/home" JAVA_HOME="${JAVA_HOME:-}" MAVEN_OPTS="" \
    "$1/bin/mvn" -B -ntp -q ${2:-} -s "$work/settings.xml" -Dmaven.repo.local="$repo" "$goal" -Dcatalog.skip=true \
    > "$work/last.log" 2>&1) || { echo "$1 failed:" >&2; cat "$work/last.log" >&2; exit 1; }
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}
for i in "${!homes[@]}"; do
  "${homes[$i]}/bin/mvn" -B --version 2>/dev/null | sed "s/\x1b\[[0-9;]*m//g" | sed -n 's/^Apache Maven \([^ ]*\).*/\1/p' > "$work/name.$i"
  : > "$work/times.$i"
  # the first run may fill it-repo with what the plugin's POM imports; the timed runs are offline
  run "${homes[$i]}" > /dev/null
  for _ in $(seq $((warmups - 1))); do run "${homes[$i]}" -o > /dev/null; done
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for _ in $(seq "$runs"); do
  for i in "${!homes[@]}"; do run "${homes[$i]}" >> "$work/times.$i"; done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
stats() { sort -n "$1" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%6d %6d %6d", m, a[1], a[NR]}'; }
printf 'Maven start-up with %s -Dcatalog.skip=true, %s interleaved rounds (%s warm-up each), %s cores\n' \
  "$goal" "$runs" "$warmups" "$(nproc)"
printf '%-12s %6s %6s %6s  (wall ms)\n' maven median min max
for i in "${!homes[@]}"; do
  printf '%-12s %s\n' "$(cat "$work/name.$i")" "$(stats "$work/times.$i")"
done
printf 'load average: %s before, %s after\n' "$load_before" "$load_after"
