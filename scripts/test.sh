#!/usr/bin/env bash
# Runs every test against real services: starts PostgreSQL and Redis (scripts/services.sh),
# runs ctest (all labels, or the ctest arguments given), and always stops the services.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${BUILD_DIR:-build}
cd "$root"

trap '"$root/scripts/services.sh" stop' EXIT
scripts/services.sh start
# shellcheck disable=SC1091
source build/services/env

cd "$build_dir"
ctest --output-on-failure -j"$(nproc)" "$@"
