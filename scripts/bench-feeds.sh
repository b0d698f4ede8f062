#!/usr/bin/env bash
# Reading a news site's feed: a local web server serves an RSS feed of teasers (first 25 words) whose linked pages
# hold the full stories, built in a temp folder from a JSONL export. Ingests the feed twice and prints both runs:
# the first downloads every page, the second only the feed (stored pages are not downloaded again; within the
# running bot the feed itself is then a "304 Not Modified").
# Usage: scripts/bench-feeds.sh [ARTICLES.jsonl] [COUNT]   (default: samples/news.jsonl, all of it)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-samples/news.jsonl}
count=${2:-1000000}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$corpus" "$count" "$work/site" "$port" <<'PY'
import html, json, os, sys
from email.utils import format_datetime
from datetime import datetime
corpus, count, site, port = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
os.makedirs(f"{site}/a")
items = []
with open(corpus, encoding="utf-8") as lines:
    for i, line in enumerate(lines):
        if i >= count:
            break
        a = json.loads(line)
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in a["body"].split("\n") if p.strip())
        with open(f"{site}/a/{i}.html", "w", encoding="utf-8") as page:
            page.write(f"<html><head><title>{html.escape(a['title'])}</title></head><body><nav>Home</nav>"
                       f"<article><h1>{html.escape(a['title'])}</h1>{paragraphs}</article><footer>Footer</footer></body></html>")
        date = format_datetime(datetime.fromisoformat(a["published_at"].replace("Z", "+00:00"))) if a.get("published_at") else ""
        teaser = " ".join(a["body"].split()[:25])
        items.append(f"<item><title>{html.escape(a['title'])}</title><link>http://127.0.0.1:{port}/a/{i}.html</link>"
                     f"<description>{html.escape(teaser)}</description><pubDate>{date}</pubDate></item>")
with open(f"{site}/feed.xml", "w", encoding="utf-8") as feed:
    feed.write(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench Feed</title>{"".join(items)}</channel></rss>')
print(f"feed: {len(items)} items")
PY
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
dotnet build src/NewsBot.Cli -c Release -v quiet -nologo >/dev/null
cli=(dotnet src/NewsBot.Cli/bin/Release/net10.0/newsbot.dll)
for run in first second; do
  start=$(date +%s.%N)
  result=$("${cli[@]}" ingest "http://127.0.0.1:$port/feed.xml" --data "$work/data" --json)
  end=$(date +%s.%N)
  pages=$(grep -c 'GET /a/' "$work/server.log" || true)
  echo "$run run: $(echo "$end - $start" | bc) s wall  pages downloaded so far: $pages  $result" | cut -c1-300
done
