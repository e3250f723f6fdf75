#!/usr/bin/env bash
# Regenerates fixtures/generate.json: for each request in fixtures/requests.json, the exact body
# bytes that a real `snai serve` answers to POST /v1/generate, as [{request, status, response}].
# The Node reference servers (and the C++ candidates) answer from this file.
#
#   bench/frameworks/make_fixture.sh [--snai build/snai] [--data-dir build/test-var] [--port 0]
#
# --data-dir must hold the artifacts of `snai data build` in DIR/data/ (default: $SNAI_DATA_DIR,
# else build/test-var). The server runs on a scratch copy of that layout (data/ is a symlink),
# so the SQLite database it creates never lands in the data dir.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
snai="$root/build/snai"
data_dir="${SNAI_DATA_DIR:-$root/build/test-var}"
port=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --snai) snai="$2"; shift 2 ;;
    --data-dir) data_dir="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x "$snai" ]] || { echo "no snai binary at $snai (build it first)" >&2; exit 1; }
[[ -f "$data_dir/data/lexicon.bin" ]] || { echo "no built data in $data_dir/data (run snai data build)" >&2; exit 1; }
if [[ "$port" == 0 ]]; then
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
fi

scratch=$(mktemp -d)
ln -s "$(cd "$data_dir/data" && pwd)" "$scratch/data"
SNAI_DATA_DIR="$scratch" SNAI_THREADS=1 SNAI_LOG_LEVEL=warn "$snai" serve --port "$port" >"$scratch/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { cat "$scratch/serve.log" >&2; exit 1; }
  sleep 0.1
done

count=$(node -e 'console.log(require(process.argv[1]).length)' "$here/fixtures/requests.json")
for ((i = 0; i < count; i++)); do
  node -e 'process.stdout.write(JSON.stringify(require(process.argv[1])[+process.argv[2]]))' \
    "$here/fixtures/requests.json" "$i" >"$scratch/req$i.json"
  status=$(curl -s -o "$scratch/resp$i.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "@$scratch/req$i.json" "http://127.0.0.1:$port/v1/generate")
  [[ "$status" == 200 ]] || { echo "request $i answered $status: $(cat "$scratch/resp$i.json")" >&2; exit 1; }
  echo "$status" >"$scratch/status$i"
done

# Bodies are kept as strings so the bytes survive exactly (no re-serialisation).
node -e '
  const fs = require("fs");
  const [dir, count, out] = [process.argv[1], +process.argv[2], process.argv[3]];
  const pairs = [];
  for (let i = 0; i < count; i++) pairs.push({
    request: JSON.parse(fs.readFileSync(`${dir}/req${i}.json`, "utf8")),
    status: +fs.readFileSync(`${dir}/status${i}`, "utf8"),
    response: fs.readFileSync(`${dir}/resp${i}.json`, "utf8"),
  });
  fs.writeFileSync(out, JSON.stringify(pairs, null, 1) + "\n");
  for (const p of pairs) console.log(`${Buffer.byteLength(p.response)} bytes  ${p.request.description}`);
' "$scratch" "$count" "$here/fixtures/generate.json"
echo "wrote $here/fixtures/generate.json"
