#!/usr/bin/env bash
# How long one `newsbot` command takes as people run it: the installed .NET tool (`newsbot`, see the README) on a
# store that already holds the sample news, each call a new process (start, read the model, answer, exit).
# Prints every run's wall time and the median and slowest, for `ask`, `search` and `stats`.
# Usage: scripts/bench-cli.sh [RUNS]   (default 10; installs the tool from this checkout first when it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
tool=${NEWSBOT:-$HOME/.dotnet/tools/newsbot}
if [ ! -x "$tool" ]; then
  dotnet pack src/NewsBot.Cli -c Release -o packaging/feed >/dev/null
  dotnet tool install -g NewsBot.Cli >/dev/null
fi
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$tool" ingest samples/news.jsonl --data "$data" --json >/dev/null
"$tool" ask "warm up" --data "$data" >/dev/null || true

measure() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$tool" "$@" --data "$data" >/dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '{ t[NR] = $1 } END {
    printf "%-8s runs %d  median %.2f s  slowest %.2f s\n", name, NR, t[int((NR + 1) / 2)] / 1000, t[NR] / 1000 }'
}

measure ask ask "Where will NATO open its liaison office?"
measure search search "eastern tram line cost" --top 5
measure stats stats
