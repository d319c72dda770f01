#!/usr/bin/env bash
# Score the CLI against the gold annotations of ../shared/corpus and hold it to the
# project's thresholds. Exit 77 (CTest: skipped) when ../shared is not there.
set -u
cli=$1
shared=$2
if [ ! -f "$shared/tools/score.py" ] || [ ! -d "$shared/corpus/gold" ]; then
  echo "SKIPPED: the corpus test needs $shared/corpus and $shared/tools/score.py, which are not present."
  exit 77
fi
command -v python3 >/dev/null || { echo "the corpus test needs python3"; exit 1; }
out=$(python3 "$shared/tools/score.py" --corpus "$shared/corpus" --cli "$cli --format json" \
        --min-heading-f1 0.98 --min-parent-acc 0.97 --min-agency-f1 0.90)
status=$?
echo "$out"
summary=$(printf '%s\n' "$out" | tail -n 1)
echo
echo "corpus scores: $summary"
[ $status -eq 0 ] || { echo "FAILED: below heading F1 0.98, parent accuracy 0.97 or agency F1 0.90"; exit 1; }
# Every document of the corpus, gold or not: the tree keeps its invariants.
broken=0
checked=0
for f in "$shared"/corpus/seeds/* "$shared"/corpus/docs/*; do
  [ -f "$f" ] || continue
  checked=$((checked + 1))
  if "$cli" --check --format outline "$f" 2>&1 >/dev/null | grep 'broken tree'; then broken=$((broken + 1)); fi
done
echo "invariants: $checked corpus documents checked, $broken broken"
[ $broken -eq 0 ] || { echo "FAILED: broken trees"; exit 1; }
# The scorer has no threshold flag for the role score: read it from the summary.
role=$(printf '%s\n' "$summary" | sed -n 's/.*agency_role_f1=\([0-9.]*\).*/\1/p')
if [ -n "$role" ] && ! python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) >= 0.85 else 1)" "$role"; then
  echo "FAILED: agency role F1 $role is below 0.85"
  exit 1
fi
exit 0
