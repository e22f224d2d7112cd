#!/usr/bin/env bash
# The config half side by side with Maven's own start: each scenario's goal run and the same command with
# -Dcatalog.skip=true (Maven starts, resolves the plugin, skips the goal) in interleaved pairs (goal, skip, goal,
# skip, ...) so that the machine's load drifts onto both sides alike. Prints a table: per scenario the median wall
# of the goal, of the skipped goal, and the median of the pair-by-pair ratio goal/skip, with the load average.
# Target for the reruns: goal/skip <= 1.3.
#
# usage: catalog-it/bench/compare-configs.sh [--runs N] [SCENARIO...]
#   scenarios (default: all four, in this order):
#     generate-rerun generate-configs of the corpus catalog again, nothing changed
#     update-first   update-configs -Dcatalog.tools=codex -Dcatalog.include=* into a fresh home (8,508 profile files)
#     update-rerun   the same again, nothing to change
#     generate-first generate-configs of the corpus catalog into fresh configs and cache folders
# Every run has its own home and cache folder under a temporary folder: the real home is never touched.
# Needs: the plugin in catalog-it/target/it-repo (any `mvn -B -ntp verify` of the reactor, or
#   mvn -B -ntp -o -pl catalog-it -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false
# ) and the corpus (../shared/legacy-corpus, or LEGACY_CORPUS).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=5
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2;;
    -h|--help) sed -n '2,19p' "$0"; exit 0;;
    --*) echo "unknown option $1" >&2; exit 2;;
    *) break;;
  esac
done
scenarios=("$@")
[ ${#scenarios[@]} -gt 0 ] || scenarios=(generate-rerun update-first update-rerun generate-first)
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
# HOME for update-configs (its configs, locks, backups and record), catalog.cacheDirectory for generate-configs
# (whose default is ${user.home}, the JVM's, not $HOME): both inside the temporary folder
mvn() { (cd "$work" && HOME="$work/home" CODEX_HOME="$work/home/.codex" command mvn -B -ntp -o -s "$work/settings.xml" \
  -Dmaven.repo.local="$repo" -Dcatalog.outputDirectory="$work/models" \
  -Dcatalog.cacheDirectory="$work/home/.cache/model-catalog" "$@" > "$work/last.log" 2>&1) || {
  cat "$work/last.log" >&2; exit 1; }; }
goal_args() {
  case $1 in
    update-*) echo "$plugin:update-configs -Dcatalog.tools=codex -Dcatalog.include=*";;
    generate-*) echo "$plugin:generate-configs";;
  esac
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }
fresh() { rm -rf "$work/home" "$work/models/configs"; mkdir -p "$work/home/.codex"; }
printf '%-15s | %9s | %9s | %9s | %s\n' scenario "goal ms" "skip ms" goal/skip "pairs, load before -> after"
printf '%-15s-+-%9s-+-%9s-+-%9s-+-%s\n' --------------- --------- --------- --------- ---------------------------
for s in "${scenarios[@]}"; do
  args=$(goal_args "$s")
  [ -n "$args" ] || { echo "unknown scenario $s" >&2; exit 2; }
  fresh
  case $s in
    *-rerun)
      mvn $args   # the run the reruns find
      mvn $args   # and one rerun to warm the file cache
      grep -q -e 'Unchanged since the last run' -e 'Nothing to change since the last run' "$work/last.log" || {
        echo "$s: the rerun did not take the fast path:" >&2; cat "$work/last.log" >&2; exit 1; };;
  esac
  : > "$work/goal"; : > "$work/skip"; : > "$work/ratio"
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  for i in $(seq "$runs"); do
    case $s in *-first) fresh;; esac
    t=$(ms); mvn $args; g=$(( $(ms) - t ))
    t=$(ms); mvn $args -Dcatalog.skip=true; k=$(( $(ms) - t ))
    echo "$g" >> "$work/goal"; echo "$k" >> "$work/skip"
    awk -v g="$g" -v k="$k" 'BEGIN {printf "%.3f\n", g / k}' >> "$work/ratio"
  done
  extra=
  case $s in
    update-*) extra="; $(find "$work/home/.codex" -maxdepth 1 -name '*.config.toml' | wc -l) profile files in the home";;
    generate-*) extra="; $(find "$work/models/configs/codex/profiles" -name '*.config.toml' | wc -l) generated profiles";;
  esac
  printf '%-15s | %9s | %9s | %9s | %s pairs, load %s -> %s%s\n' "$s" \
    "$(median < "$work/goal")" "$(median < "$work/skip")" "$(median < "$work/ratio")" "$runs" \
    "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" "$extra"
done
