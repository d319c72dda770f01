#!/usr/bin/env bash
# Install what is missing (Debian packages), then configure and build gongwen.
# Used by examples/demo.sh and tests/run.sh; safe to run again. Arguments name
# further packages to install (tests/run.sh adds the fuzzer's clang).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${GONGWEN_BUILD_DIR:-$here/build}

packages=(cmake ninja-build g++ tao-pegtl-dev libicu-dev libfmt-dev doctest-dev nlohmann-json3-dev python3 "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "gongwen: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends "${missing[@]}" ||
    { $sudo apt-get update && $sudo apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGWEN_BUILD_TESTS=ON >/dev/null
cmake --build "$build"
