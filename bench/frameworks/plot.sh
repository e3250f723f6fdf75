#!/usr/bin/env bash
# Draws the framework benchmark chart from a `compare.sh --save DIR` run: req/s (left) and p99
# latency (right) per server, GET /healthz and cached POST /v1/generate side by side, medians over
# the rounds. Needs gnuplot (Debian `gnuplot-nox`).
#
#   bench/frameworks/plot.sh DIR [OUT.png]     # default OUT: docs/benchmarks/frameworks.png
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
[[ $# -ge 1 && -f "$1/results.tsv" ]] || { sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
dir=$(cd "$1" && pwd)
out=${2:-$root/docs/benchmarks/frameworks.png}
command -v gnuplot >/dev/null || { echo "gnuplot is missing (apt install gnuplot-nox)" >&2; exit 1; }
mkdir -p "$(dirname "$out")"

# One row per server: name, healthz req/s, generate req/s, healthz p99, generate p99 (medians).
data=$(mktemp)
trap 'rm -f "$data"' EXIT
node -e '
  const rows = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => l.split("\t"));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b), m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
  const names = [...new Set(rows.map((r) => r[1]))];
  const pick = (name, endpoint, col) => median(rows.filter((r) => r[1] === name && r[2] === endpoint).map((r) => +r[col]));
  for (const n of names)
    console.log([n, pick(n, "healthz", 3), pick(n, "generate", 3), pick(n, "healthz", 5), pick(n, "generate", 5)].join("\t"));
' "$dir/results.tsv" >"$data"

gnuplot <<EOF
set terminal pngcairo size 1100,420 font "DejaVu Sans,10"
set output "$out"
set datafile separator "\t"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set grid ytics
set key below
set yrange [0:*]
set multiplot layout 1,2 title "wrk -c32, one core per server, loopback (from one compare.sh run; ratios matter, not absolutes)"
set title "Throughput (higher is better)"
set ylabel "requests / s"
plot "$data" using 2:xtic(1) title "GET /healthz" lc rgb "#8da0cb", \
     "" using 3 title "POST /v1/generate (cached)" lc rgb "#fc8d62"
set title "p99 latency at the client (lower is better)"
set ylabel "ms"
plot "$data" using 4:xtic(1) title "GET /healthz" lc rgb "#8da0cb", \
     "" using 5 title "POST /v1/generate (cached)" lc rgb "#fc8d62"
unset multiplot
EOF
echo "wrote $out"
