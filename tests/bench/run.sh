#!/usr/bin/env bash
# The benchmark: install what is missing (md4c and cmark from Debian among it), build
# the bench target, and run it. Arguments go to gongwen-bench (--mb, --rounds, --huge-gb …).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${GONGWEN_BUILD_DIR:-$here/build}
bash "$here/examples/setup.sh" libmd4c-dev libmd4c-html0-dev libcmark-dev
cmake "$build" >/dev/null  # find md4c and cmark if they were just installed
cmake --build "$build" --target bench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
"$build/tests/bench/gongwen-bench" "$@"
