#!/usr/bin/env bash
# Set up, build, and show the outline of the bundled example speech.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/examples/setup.sh"
"${GONGWEN_BUILD_DIR:-$here/build}/examples/gongwen" --format outline "$here/examples/speech.txt"
