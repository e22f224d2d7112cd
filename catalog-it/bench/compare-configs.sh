#!/usr/bin/env bash
# The config half side by side with Maven's own start: each scenario's goal run and the same command with
# -Dcatalog.skip=true (Maven starts, resolves the plugin, skips the goal) in interleaved pairs (goal, skip, goal,
# skip, ...) so that the shared machine's load drifts onto both sides alike. Prints per scenario the medians of
# both walls and of the pair-by-pair ratio goal/skip, with the load average before and after.
#
# usage: catalog-it/bench/compare-configs.sh [--runs N] [SCENARIO...]
#   scenarios (default: update-rerun generate-rerun):
#     update-first   update-configs -Dcatalog.tools=codex -Dcatalog.include=* into a fresh home (8,508 profile files)
#     update-rerun   the same again, nothing to change
#     generate-rerun generate-configs of the corpus catalog again, nothing changed
# Needs: the plugin in catalog-it/target/it-repo (see compare-fetch.sh) and the corpus (../shared/legacy-corpus).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;;
    -h|--help) sed -n '2,13p' "$0"; exit 0;;
    --*) echo "unknown option $1" >&2; exit 2;;
    *) break;;
  esac
done
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(update-rerun generate-rerun)
corpus=
for c in "${LEGACY_CORPUS:-}" "$root/../shared/legacy-corpus" /work/shared/legacy-corpus; do
  if [ -n "$c" ] && [ -d "$c/bak" ]; then corpus=$c/bak; break; fi
done
[ -n "$corpus" ] || { echo "legacy-corpus/bak not found: set LEGACY_CORPUS" >&2; exit 2; }
repo=$root/catalog-it/target/it-repo
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
[ -d "$repo/io/modelcatalog/catalog-maven-plugin/$version" ] || {
  echo "no catalog-maven-plugin $version in $repo: build the reactor first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$corpus" "$work/models"
printf '<settings/>\n' > "$work/settings.xml"
plugin=io.modelcatalog:catalog-maven-plugin:$version
mvn() { (cd "$work" && HOME="$work/home" CODEX_HOME="$work/home/.codex" command mvn -B -ntp -q -o -s "$work/settings.xml" \
  -Dmaven.repo.local="$repo" -Dcatalog.outputDirectory="$work/models" "$@" > "$work/last.log" 2>&1) || {
  cat "$work/last.log" >&2; exit 1; }; }
goal_args() {
  case $1 in
    update-*) echo "$plugin:update-configs -Dcatalog.tools=codex -Dcatalog.include=*";;
    generate-rerun) echo "$plugin:generate-configs";;
  esac
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
for s in "${scenarios[@]}"; do
  args=$(goal_args "$s")
  [ -n "$args" ] || { echo "unknown scenario $s" >&2; exit 2; }
  rm -rf "$work/home" "$work/models/configs"; mkdir -p "$work/home/.codex"
  [ "$s" = update-first ] || mvn $args   # the warm-up run that the reruns find
  : > "$work/goal"; : > "$work/skip"; : > "$work/ratio"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for i in $(seq "$runs"); do
    if [ "$s" = update-first ]; then rm -rf "$work/home"; mkdir -p "$work/home/.codex"; fi
    t=$(ms); mvn $args; g=$(( $(ms) - t ))
    t=$(ms); mvn $args -Dcatalog.skip=true; k=$(( $(ms) - t ))
    echo "$g" >> "$work/goal"; echo "$k" >> "$work/skip"
    awk -v g="$g" -v k="$k" 'BEGIN {printf "%.3f\n", g / k}' >> "$work/ratio"
  done
  tail -1 "$work/last.log" > /dev/null
  printf '%-15s goal %6s ms  skip %6s ms  goal/skip %s  (%s pairs; load %s -> %s)\n' "$s" \
    "$(median < "$work/goal")" "$(median < "$work/skip")" "$(median < "$work/ratio")" "$runs" \
    "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
