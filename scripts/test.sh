#!/usr/bin/env bash
# Runs every test against real services: builds the data artifacts the `data` tests read
# (build/test-var, kept between runs: unchanged stages are skipped), starts PostgreSQL and
# Redis (scripts/services.sh), runs ctest (all labels, or the ctest arguments given), and
# always stops the services.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-build}
cd "$root"

export SNAI_TEST_DATA_DIR="$root/$build_dir/test-var"
SNAI_DATA_DIR="$SNAI_TEST_DATA_DIR" "$build_dir/snai" data build

trap '"$root/scripts/services.sh" stop' EXIT
scripts/services.sh start
# shellcheck disable=SC1091
source build/services/env

cd "$build_dir"
ctest --output-on-failure -j"$(nproc)" "$@"
