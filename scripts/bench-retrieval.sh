#!/usr/bin/env bash
# Retrieval benchmark on the MultiHop-RAG news corpus (not part of the repository): ingest throughput, then
# Hits@10 / Hits@4 / MRR@10 / MAP@10 and search latency for the default hybrid search and for its parts.
# Usage: scripts/bench-retrieval.sh [DATA_FOLDER] [STORE_DIR]   (defaults: ../shared/data/multihop, a temp dir)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data/multihop}
store=${2:-$(mktemp -d)}
dotnet build src/NewsBot.Cli -c Release -v quiet -nologo >/dev/null
cli="dotnet src/NewsBot.Cli/bin/Release/net10.0/newsbot.dll"

echo "ingest (passages_per_second end to end vs embedding_passages_per_second of the model alone):"
$cli ingest "$data/corpus.jsonl" --data "$store" --json
for setting in \
  "default (hybrid, outlet lanes)|" \
  "keywords only, outlet lanes|--set Search:DenseWeight=0" \
  "vectors only, outlet lanes|--set Search:DenseWeight=10" \
  "hybrid, no lanes|--set Search:OutletLanes=false" \
  "keywords only, no lanes|--set Search:DenseWeight=0 --set Search:OutletLanes=false" \
  "vectors only, no lanes|--set Search:DenseWeight=10 --set Search:OutletLanes=false"; do
  name=${setting%%|*}
  # shellcheck disable=SC2086
  echo "$name: $($cli eval retrieval "$data/queries_dev.jsonl" --data "$store" --json ${setting#*|})"
done
