#!/usr/bin/env bash
# Set up, build, and run every test:
#   1. the release build: unit and golden tests, the CLI, find_package, the saved fuzz
#      inputs, and the corpus scores (printed; skipped with a message without ../shared);
#   2. the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer;
#   3. the libFuzzer target (clang) for GONGWEN_FUZZ_SECONDS (default 60) on the
#      fixtures as seed corpus. A crash fails the run and leaves its input in
#      build-fuzz/crashes/; keep it in tests/fuzz/regressions/ once fixed.
# --quick runs step 1 only (for quick work on a change; CI runs all three).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GONGWEN_BUILD_DIR:-$here/build}
quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
  shift
fi

step() { printf '\n== %s\n' "$*"; }

if $quick; then
  bash "$here/examples/setup.sh"
else
  # clang and its fuzzer runtime build the fuzz target.
  bash "$here/examples/setup.sh" clang libclang-rt-14-dev
fi

step "tests (release build)"
ctest --test-dir "$build" --output-on-failure -j2 -E '^corpus$' "$@"
step "corpus"
ctest --test-dir "$build" --output-on-failure -R '^corpus$' --verbose "$@" | sed -n '/^[0-9]*: /s/^[0-9]*: //p'
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
$quick && exit 0

step "tests with AddressSanitizer and UndefinedBehaviorSanitizer"
sanitized=$here/build-debug
cmake -S "$here" -B "$sanitized" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGONGWEN_SANITIZE=ON \
  -DGONGWEN_WERROR=ON -DGONGWEN_BUILD_TESTS=ON >/dev/null
cmake --build "$sanitized"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$sanitized" --output-on-failure -j2 "$@"

step "fuzzing parse(), the JSON writer and the ledger for ${GONGWEN_FUZZ_SECONDS:-60} s"
fuzz=$here/build-fuzz
CXX=clang++ cmake -S "$here" -B "$fuzz" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGWEN_FUZZ=ON >/dev/null
cmake --build "$fuzz"
rm -rf "$fuzz/corpus"
mkdir -p "$fuzz/corpus" "$fuzz/crashes"
"$fuzz/tests/fuzz/gongwen-fuzz" -max_total_time="${GONGWEN_FUZZ_SECONDS:-60}" -max_len=16384 \
  -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$fuzz/crashes/" \
  -dict="$here/tests/fuzz/gongwen.dict" "$fuzz/corpus" \
  "$here/tests/fixtures" "$here/tests/fixtures/encodings" "$here/tests/fixtures/not-text" \
  "$here/tests/fuzz/regressions" 2>"$fuzz/fuzz.log" ||
  { tail -n 60 "$fuzz/fuzz.log"; echo "FAILED: the fuzzer found a crash; its input is in $fuzz/crashes/"; exit 1; }
grep -E '^(Done|stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb)' "$fuzz/fuzz.log"
echo "fuzzing: no crash, no broken invariant, every JSON text parsed back"
