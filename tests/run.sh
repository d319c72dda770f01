#!/usr/bin/env bash
# Set up, build, and run every test: unit and golden tests, the CLI, find_package,
# and the corpus scores (printed; skipped with a message when ../shared is absent).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GONGWEN_BUILD_DIR:-$here/build}
bash "$here/examples/setup.sh"
ctest --test-dir "$build" --output-on-failure -E '^corpus$' "$@"
ctest --test-dir "$build" --output-on-failure -R '^corpus$' --verbose "$@" | sed -n '/^[0-9]*: /s/^[0-9]*: //p'
exit "${PIPESTATUS[0]}"
