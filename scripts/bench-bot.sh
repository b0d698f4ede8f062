#!/usr/bin/env bash
# Latency of one bot turn over loopback: POST /api/messages with expectReplies (typing + answer in the response),
# extractive answerer, sample news. Prints p50 / p95 / max in milliseconds.
# Usage: scripts/bench-bot.sh [TURNS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
turns=${1:-60}
port=3990
data=$(mktemp -d)
dotnet build src/NewsBot -c Release -v quiet -nologo >/dev/null
NEWSBOT_VectorStore__DataDirectory=$data dotnet src/NewsBot/bin/Release/net10.0/NewsBot.dll --urls "http://127.0.0.1:$port" >"$data/bot.log" 2>&1 &
bot=$!
trap 'kill $bot 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

mapfile -t questions < <(sed -n 's/.*"query": *"\([^"]*\)".*/\1/p' samples/questions.jsonl)
post() {
  curl -s -o /dev/null -w '%{time_total}\n' -X POST "http://127.0.0.1:$port/api/messages" -H 'Content-Type: application/json' \
    -d "{\"type\":\"message\",\"id\":\"$2\",\"channelId\":\"emulator\",\"serviceUrl\":\"http://127.0.0.1:9\",\"deliveryMode\":\"expectReplies\",\"from\":{\"id\":\"bench\"},\"recipient\":{\"id\":\"newsbot\"},\"conversation\":{\"id\":\"bench-$2\"},\"text\":\"$1\"}"
}
post "warm up" 0 >/dev/null
for i in $(seq 1 "$turns"); do post "${questions[$(( (i - 1) % ${#questions[@]} ))]}" "$i"; done \
  | sort -n | awk '{ ms[NR] = $1 * 1000 } END { printf "bot turns: %d  p50 %.0f ms  p95 %.0f ms  max %.0f ms\n", NR, ms[int(NR*0.5+0.5)], ms[int(NR*0.95+0.5)], ms[NR] }'
