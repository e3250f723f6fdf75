#!/usr/bin/env bash
# The HTTP framework comparison (docs/adr/0001-http-framework.md, bench/frameworks/README.md).
# Starts each server in turn on loopback, checks that it answers both endpoints correctly, warms
# it up, runs wrk with the same settings on GET /healthz and POST /v1/generate, and prints req/s,
# p50/p99 latency, peak RSS, CPU seconds per 10k requests and the ratios to Express and Fastify.
#
#   bench/frameworks/compare.sh                      # quick: wrk -t1 -c32 -d10s, 3 s warm-up
#   bench/frameworks/compare.sh --long               # -d30s, 10 s warm-up
#   bench/frameworks/compare.sh --rounds 3           # every server 3 times, interleaved; medians
#   bench/frameworks/compare.sh --build build-frameworks --only restinio,fastify --duration 20s
#   bench/frameworks/compare.sh --only express,fastify --snai build/snai --snai-data build/test-var
#                                                    # `snai serve` (warm cache) vs Express, Fastify
#   bench/frameworks/compare.sh --rounds 3 --nice -10  # as root on a busy shared machine
#   bench/frameworks/compare.sh --check --no-node    # correctness checks only (CTest runs this)
#   ... --save DIR    # also keep results.tsv, inside.tsv, summary.md, wrk outputs (plot.sh DIR charts them)
#
# Single-core by default: each server is pinned to CPU 0 (one event loop / one Node process;
# cpp-httplib and CivetWeb, which block one thread per connection, get one thread per wrk
# connection on that core) and wrk to CPU 1. --threads N (N > 1) gives the C++ servers N loops
# and pins nothing; Node stays one process. `snai serve` runs with SNAI_THREADS=$threads, L1 cache
# only (SNAI_REDIS_URL unset), and is measured on a warm cache: every fixture body is posted until
# it answers X-Cache: hit-l1 before wrk starts. For snai it also prints the /v1/generate p99 seen
# inside the server (/metrics histogram, measured run only), its VmHWM and start-up to /readyz.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build="$root/build"
duration=10s warmup=3s connections=32 wrk_threads=1 threads=1 rounds=1
only="" check_only=0 node=1 pin=1 snai="" snai_data="" nice=0 save=""
declare -A server_bin=()

usage() { sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) duration=10s warmup=3s; shift ;;
    --long) duration=30s warmup=10s; shift ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --wrk-threads) wrk_threads="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --build) build=$(cd "$2" && pwd); shift 2 ;;
    --server) server_bin["${2%%=*}"]="${2#*=}"; shift 2 ;;
    --only) only=",$2,"; shift 2 ;;
    --check) check_only=1; shift ;;
    --no-node) node=0; shift ;;
    --no-pin) pin=0; shift ;;
    --nice) nice="$2"; shift 2 ;;
    --snai) snai=$(realpath "$2"); shift 2 ;;
    --snai-data) snai_data="$2"; shift 2 ;;
    --save) save=$(realpath -m "$2"); shift 2 ;;
    -h|--help) usage 0 ;;
    *) echo "unknown option $1" >&2; usage 2 ;;
  esac
done
[[ "$threads" -gt 1 || $(nproc) -lt 2 ]] && pin=0
fixture="$here/fixtures/generate.json"
work=$(mktemp -d)
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "compare.sh: $*" >&2; exit 1; }
wanted() { [[ -z "$only" || "$only" == *",$1,"* ]]; }
command -v curl >/dev/null || fail "curl is missing (apt install curl)"
command -v node >/dev/null || fail "node is missing (apt install nodejs npm)"
[[ $check_only == 1 ]] || command -v wrk >/dev/null || fail "wrk is missing (apt install wrk)"

# --- the servers -------------------------------------------------------------------------------
cpp_servers=(restinio beast httplib civetweb)
missing=()
for name in "${cpp_servers[@]}"; do
  wanted "$name" || continue
  [[ -n "${server_bin[$name]:-}" ]] || server_bin[$name]="$build/bench/frameworks/${name}_server"
  [[ -x "${server_bin[$name]}" ]] || missing+=("${name}_server")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  [[ -f "$build/CMakeCache.txt" ]] || fail "no build in $build: configure it (cmake --preset release) or pass --build DIR"
  echo "building ${missing[*]} in $build"
  cmake --build "$build" --target "${missing[@]}" -j"$(nproc)" >/dev/null || fail "building ${missing[*]} failed"
fi
if [[ $node == 1 ]]; then
  for name in express fastify; do
    wanted "$name" || continue
    if [[ ! -d "$here/$name/node_modules" ]]; then
      echo "npm ci in bench/frameworks/$name"
      (cd "$here/$name" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || fail "npm ci failed in $name"
    fi
  done
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
server_cpu=() wrk_cpu=()
# --nice -10 (root) lets the server and wrk win the CPU from other work on a shared machine.
if [[ $nice != 0 ]]; then server_cpu=(nice -n "$nice"); wrk_cpu=(nice -n "$nice"); fi
if [[ $pin == 1 ]]; then server_cpu+=(taskset -c 0); wrk_cpu+=(taskset -c 1); fi

# start NAME PORT: runs the server in the background, sets $pid, waits for /healthz.
start() {
  local name=$1 port=$2
  case "$name" in
    express|fastify) "${server_cpu[@]}" node "$here/$name/server.js" --port "$port" >"$work/$name.log" 2>&1 & ;;
    httplib|civetweb) "${server_cpu[@]}" "${server_bin[$name]}" --port "$port" --threads $((threads > connections ? threads : connections)) \
               --fixture "$fixture" >"$work/$name.log" 2>&1 & ;;
    # The anonymous rate limit would answer most of the load with 429.
    # L1 only: a Redis L2 would only matter after a restart, and the L1 is what a warm cache hits.
    snai) launched=$(date +%s%N)
          env -u SNAI_REDIS_URL SNAI_DATA_DIR="$work/snai-var" SNAI_THREADS="$threads" SNAI_LOG_LEVEL=warn \
            SNAI_LIMIT_ANONYMOUS_PER_MINUTE=1000000 SNAI_LIMIT_ANONYMOUS_BURST=1000000 \
            "${server_cpu[@]}" "$snai" serve --port "$port" >"$work/$name.log" 2>&1 & ;;
    *) "${server_cpu[@]}" "${server_bin[$name]}" --port "$port" --threads "$threads" --fixture "$fixture" \
         >"$work/$name.log" 2>&1 & ;;
  esac
  pid=$!
  # snai: ready means /readyz answers 200 (models loaded, storage up); the start-up figure is
  # launch to that answer, polled every 20 ms.
  local probe=healthz pause=0.1 tries=300
  [[ $name == snai ]] && probe=readyz pause=0.02 tries=1500
  for _ in $(seq 1 "$tries"); do
    if curl -sf "http://127.0.0.1:$port/$probe" >/dev/null 2>&1; then
      [[ $name == snai ]] && startup_s=$(awk -v a="$launched" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { cat "$work/$name.log" >&2; fail "$name exited at start"; }
    sleep "$pause"
  done
  fail "$name did not answer /$probe within 30 s"
}

stop() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

# --- correctness: the same answers from every server ---------------------------------------------
node -e '
  const fs = require("fs"), [fixture, dir] = process.argv.slice(1);
  const pairs = JSON.parse(fs.readFileSync(fixture, "utf8"));
  pairs.forEach((p, i) => {
    fs.writeFileSync(`${dir}/req${i}.json`, JSON.stringify(p.request));
    fs.writeFileSync(`${dir}/resp${i}.json`, p.response);
    // The same request with keywords reordered, case and spaces changed: the same cache key.
    const v = { ...p.request, description: "  " + p.request.description.toUpperCase().replace(/ /g, "   ") + " " };
    if (v.keywords) v.keywords = [...v.keywords].reverse().map((k) => k.toUpperCase());
    fs.writeFileSync(`${dir}/var${i}.json`, JSON.stringify(v));
  });
  fs.writeFileSync(`${dir}/count`, String(pairs.length));
  // wrk script: cycles through the fixture requests and their variants.
  const bodies = pairs.flatMap((p, i) => [fs.readFileSync(`${dir}/req${i}.json`, "utf8"), fs.readFileSync(`${dir}/var${i}.json`, "utf8")]);
  fs.writeFileSync(`${dir}/post.lua`, `local bodies = {\n${bodies.map((b) => `  [==[${b}]==],`).join("\n")}\n}
local requests, i = {}, 0
function init(args)
  for k, b in ipairs(bodies) do
    requests[k] = wrk.format("POST", "/v1/generate", { ["Content-Type"] = "application/json" }, b)
  end
end
function request()
  i = i % #requests + 1
  return requests[i]
end
`);
' "$fixture" "$work"
fixture_count=$(cat "$work/count")

post() {  # post PORT BODY-FILE CONTENT-TYPE OUT-FILE -> prints the status
  curl -s -o "$4" -w '%{http_code}' -H "Content-Type: $3" --data-binary "@$2" "http://127.0.0.1:$1/v1/generate"
}

check() {
  local name=$1 port=$2 status
  [[ $(curl -s "http://127.0.0.1:$port/healthz") == '{"status":"ok"}' ]] || fail "$name: GET /healthz body differs"
  for ((i = 0; i < fixture_count; i++)); do
    for body in req var; do
      status=$(post "$port" "$work/$body$i.json" application/json "$work/out")
      [[ $status == 200 ]] || fail "$name: fixture $body$i answered $status: $(head -c 300 "$work/out")"
      if [[ $name == snai ]]; then
        # snai computed this answer itself: the same bytes but for its own "took_ms".
        cmp -s <(sed -E 's/"took_ms":[-0-9.eE+]+/"took_ms":0/' "$work/out") <(sed -E 's/"took_ms":[-0-9.eE+]+/"took_ms":0/' "$work/resp$i.json") ||
          fail "$name: fixture $body$i: body differs from the fixture (other than took_ms); regenerate it with make_fixture.sh"
      else
        cmp -s "$work/out" "$work/resp$i.json" || fail "$name: fixture $body$i: body differs from the fixture bytes"
      fi
    done
  done
  printf '{"description":"x","colour":"red"}' >"$work/bad"
  status=$(post "$port" "$work/bad" application/json "$work/out")
  [[ $status == 400 ]] && grep -q '"field":"colour"' "$work/out" && grep -q '"code":"invalid_argument"' "$work/out" ||
    fail "$name: unknown field: $status $(cat "$work/out")"
  if [[ $name != snai ]]; then  # snai allows count up to 1000
    printf '{"description":"x","count":101}' >"$work/bad"
    status=$(post "$port" "$work/bad" application/json "$work/out")
    [[ $status == 400 ]] && grep -q '"field":"count"' "$work/out" || fail "$name: count 101: $status $(cat "$work/out")"
  fi
  printf '{"description":"x","styles":["poem"]}' >"$work/bad"
  status=$(post "$port" "$work/bad" application/json "$work/out")
  [[ $status == 400 ]] && grep -q '"field":"styles"' "$work/out" || fail "$name: bad style: $status $(cat "$work/out")"
  printf '{"keywords":["a"]}' >"$work/bad"
  status=$(post "$port" "$work/bad" application/json "$work/out")
  [[ $status == 400 ]] && grep -q '"field":"description"' "$work/out" || fail "$name: no description: $status $(cat "$work/out")"
  printf '{"description": ' >"$work/bad"
  status=$(post "$port" "$work/bad" application/json "$work/out")
  [[ $status == 400 ]] && grep -q '"field":"body"' "$work/out" || fail "$name: malformed JSON: $status $(cat "$work/out")"
  status=$(post "$port" "$work/req0.json" text/plain "$work/out")
  [[ $status == 415 ]] || fail "$name: text/plain answered $status, expected 415"
  [[ $name == snai ]] && warm_cache "$port"
  return 0
}

# Every body the wrk script sends must now be an L1 hit in snai, or wrk would time generation.
warm_cache() {
  local port=$1 i body level
  for ((i = 0; i < fixture_count; i++)); do
    for body in req var; do
      level=$(curl -s -o /dev/null -D - -H 'Content-Type: application/json' --data-binary "@$work/$body$i.json" \
                "http://127.0.0.1:$port/v1/generate" | awk 'tolower($1) == "x-cache:" { sub(/\r$/, "", $2); print $2 }')
      [[ $level == hit-l1 ]] || fail "snai: fixture $body$i answered X-Cache: '$level' after warming, expected hit-l1"
    done
  done
}

# --- measurement --------------------------------------------------------------------------------
cpu_ticks() { awk '{ sub(/.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
to_ms() {  # wrk's 12.34us / 1.23ms / 1.02s -> ms
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
hz=$(getconf CLK_TCK)
results="$work/results.tsv" inside="$work/inside.tsv"
: >"$results"; : >"$inside"
launched=0 startup_s=""

measure() {  # measure NAME PORT ENDPOINT
  local name=$1 port=$2 endpoint=$3 script=() url
  url="http://127.0.0.1:$port/healthz"
  if [[ $endpoint == generate ]]; then script=(-s "$work/post.lua"); url="http://127.0.0.1:$port/v1/generate"; fi
  "${wrk_cpu[@]}" wrk -t"$wrk_threads" -c"$connections" -d"$warmup" "${script[@]}" "$url" >/dev/null
  local before after out inside_run=0
  [[ $name == snai && $endpoint == generate ]] && inside_run=1
  [[ $inside_run == 1 ]] && curl -sf "http://127.0.0.1:$port/metrics" >"$work/metrics-before.txt"
  before=$(cpu_ticks "$pid")
  out=$("${wrk_cpu[@]}" wrk -t"$wrk_threads" -c"$connections" -d"$duration" --latency "${script[@]}" "$url")
  after=$(cpu_ticks "$pid")
  [[ $inside_run == 1 ]] && curl -sf "http://127.0.0.1:$port/metrics" >"$work/metrics-after.txt"
  echo "$out" >"$work/wrk-$name-$endpoint.txt"
  local rps p50 p99 total errors rss cpu
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  total=$(awk '/requests in/ { print $1 }' <<<"$out")
  errors=$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")
  rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  cpu=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$total" 'BEGIN { printf "%.3f", n ? t / hz * 10000 / n : 0 }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$endpoint" "$rps" "$p50" "$p99" "$rss" "$cpu" "$errors" >>"$results"
  printf '  %-8s %-9s %10s req/s  p50 %7s ms  p99 %7s ms  errors %s\n' "$name" "$endpoint" "$rps" "$p50" "$p99" "$errors"
  [[ $inside_run == 1 ]] && inside_figures
  return 0
}

# snai's own view of the measured run: the /v1/generate histogram's bucket counts after minus
# before, the p99 as the upper bound of the bucket that holds it, and the share within 1 ms.
inside_figures() {
  local line rss total p99 share
  line=$(awk '
    /^snai_http_request_duration_seconds_bucket\{route="\/v1\/generate",method="POST",le="/ {
      match($0, /le="[^"]*"/); le = substr($0, RSTART + 4, RLENGTH - 5)
      if (FILENAME ~ /before/) b[le] = $NF; else { a[le] = $NF; order[++n] = le }
    }
    END {
      total = a["+Inf"] - b["+Inf"]
      for (i = 1; i <= n; i++) { le = order[i]; d = a[le] - b[le]
        if (p99 == "" && d >= 0.99 * total) p99 = le
        if (le == "0.001") ms1 = d }
      printf "%d\t%s\t%.4f", total, p99, total ? ms1 / total : 0
    }' "$work/metrics-before.txt" "$work/metrics-after.txt")
  rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  printf '%s\t%s\t%s\t%s\n' "$round" "$line" "$rss" "$startup_s" >>"$inside"
  IFS=$'\t' read -r total p99 share <<<"$line"
  printf '  %-8s inside the server: %s generate requests, p99 <= %s s (histogram bucket bound), %s within 1 ms;\n' \
    snai "$total" "$p99" "$(awk -v s="$share" 'BEGIN { printf "%.2f%%", s * 100 }')"
  printf '  %-8s VmHWM %s MB; start-up to /readyz %s s\n' snai "$rss" "$startup_s"
}

order=()
for name in "${cpp_servers[@]}"; do wanted "$name" && order+=("$name"); done
if [[ $node == 1 ]]; then for name in fastify express; do wanted "$name" && order+=("$name"); done; fi
if [[ -n "$snai" ]]; then
  [[ -x "$snai" ]] || fail "no snai binary at $snai"
  [[ -n "$snai_data" && -f "$snai_data/data/lexicon.bin" ]] || fail "--snai needs --snai-data DIR with DIR/data built"
  mkdir -p "$work/snai-var"
  ln -s "$(cd "$snai_data/data" && pwd)" "$work/snai-var/data"
  order+=(snai)
fi
[[ ${#order[@]} -gt 0 ]] || fail "no server selected"

echo "wrk -t$wrk_threads -c$connections -d$duration --latency (warm-up $warmup); server threads $threads;" \
  "$([[ $pin == 1 ]] && echo "server on CPU 0, wrk on CPU 1" || echo "not pinned"); nice $nice; $(nproc) CPUs; $rounds round(s)"
[[ $check_only == 1 ]] && rounds=1
for ((round = 1; round <= rounds; round++)); do
  [[ $check_only == 1 ]] || echo "round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for name in "${order[@]}"; do
    port=$(free_port)
    start "$name" "$port"
    check "$name" "$port"
    if [[ $check_only == 1 ]]; then
      echo "  $name: both endpoints answer as specified"
    else
      measure "$name" "$port" healthz
      measure "$name" "$port" generate
    fi
    stop
  done
done
[[ $check_only == 1 ]] && { echo "all ${#order[@]} servers passed the checks"; exit 0; }

# Medians over the rounds (peak RSS: the largest; errors: the sum); ratios from the medians.
echo
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => l.split("\t"));
  const groups = new Map();
  for (const [, name, endpoint, rps, p50, p99, rss, cpu, errors] of rows) {
    const key = `${name}\t${endpoint}`;
    if (!groups.has(key)) groups.set(key, { name, endpoint, rps: [], p50: [], p99: [], rss: [], cpu: [], errors: 0 });
    const g = groups.get(key);
    g.rps.push(+rps); g.p50.push(+p50); g.p99.push(+p99); g.rss.push(+rss); g.cpu.push(+cpu); g.errors += +errors;
  }
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const stats = [...groups.values()].map((g) => ({ ...g, rps: median(g.rps), p50: median(g.p50), p99: median(g.p99), rss: Math.max(...g.rss), cpu: median(g.cpu) }));
  const ref = (name, endpoint) => stats.find((s) => s.name === name && s.endpoint === endpoint);
  const ratio = (a, b) => (b ? (a / b).toFixed(2) : "-");
  console.log("| server | endpoint | req/s | p50 ms | p99 ms | peak RSS MB | CPU s / 10k req | errors | req/s × Express | req/s × Fastify | p99 ÷ Fastify p99 |");
  console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  for (const s of stats) {
    const ex = ref("express", s.endpoint), fa = ref("fastify", s.endpoint);
    console.log(`| ${s.name} | ${s.endpoint} | ${Math.round(s.rps)} | ${s.p50.toFixed(3)} | ${s.p99.toFixed(3)} | ${s.rss.toFixed(1)} | ` +
      `${s.cpu.toFixed(3)} | ${s.errors} | ${ratio(s.rps, ex?.rps)} | ${ratio(s.rps, fa?.rps)} | ${ratio(s.p99, fa?.p99)} |`);
  }

  // snai: its own figures and the speed targets (generate endpoint, warm cache).
  const inside = require("fs").readFileSync(process.argv[2], "utf8").trim().split("\n").filter(Boolean).map((l) => l.split("\t"));
  const sn = ref("snai", "generate"), ex = ref("express", "generate"), fa = ref("fastify", "generate");
  if (sn && inside.length > 0) {
  const bound = (le) => (le === "+Inf" ? Infinity : +le);
  const worst = inside.map((r) => r[2]).sort((a, b) => bound(a) - bound(b)).at(-1);
  const within = median(inside.map((r) => +r[3])), hwm = Math.max(...inside.map((r) => +r[4]));
  const startups = inside.map((r) => +r[5]), startup = median(startups);
  console.log("");
  console.log("| snai serve | value |");
  console.log("| --- | ---: |");
  console.log(`| cached generate p99 inside the server (histogram bucket bound, worst round) | ≤ ${(bound(worst) * 1000).toString()} ms |`);
  console.log(`| share of cached generate requests within 1 ms inside the server (median) | ${(within * 100).toFixed(2)}% |`);
  console.log(`| RSS with all models loaded (VmHWM, largest) | ${hwm.toFixed(1)} MB |`);
  console.log(`| start-up to /readyz 200 (median of ${startups.length}; max ${Math.max(...startups).toFixed(2)} s) | ${startup.toFixed(2)} s |`);
  console.log("");
  const rows = [];
  const target = (what, value, goal, met) => rows.push(`| ${what} | ${value} | ${goal} | ${met ? "met" : "NOT met"} |`);
  if (ex) target("req/s snai ÷ Express (generate)", (sn.rps / ex.rps).toFixed(2), "≥ 10", sn.rps / ex.rps >= 10);
  if (fa) target("req/s snai ÷ Fastify (generate)", (sn.rps / fa.rps).toFixed(2), "≥ 3", sn.rps / fa.rps >= 3);
  if (fa) target("p99 snai ÷ Fastify (generate)", (sn.p99 / fa.p99).toFixed(2), "≤ 0.33", sn.p99 * 3 <= fa.p99);
  target("cached generate p99 inside the server", `≤ ${bound(worst) * 1000} ms`, "≤ 1 ms", bound(worst) <= 0.001);
  target("RSS with all models loaded", `${hwm.toFixed(1)} MB`, "≤ 300 MB", hwm <= 300);
  target("start-up to ready", `${startup.toFixed(2)} s`, "≤ 3 s", startup <= 3);
  console.log("| issue 8 target | measured | goal | |");
  console.log("| --- | ---: | ---: | --- |");
  for (const r of rows) console.log(r);
  }
' "$results" "$inside" | tee "$work/summary.md"
if [[ -n "$save" ]]; then
  mkdir -p "$save"
  cp "$results" "$inside" "$work/summary.md" "$save/"
  for f in "$work"/wrk-*.txt; do cp "$f" "$save/"; done
  echo "saved the tables and wrk outputs in $save (bench/frameworks/plot.sh $save draws the chart)"
fi
