#!/usr/bin/env bash
# The gongwen CLI: formats, several files, standard input, errors and exit codes.
set -u
cli=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {  # check NAME EXPECTED_STATUS COMMAND...
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; sed 's/^/    /' "$tmp/err" | head -5
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
expect() {  # expect NAME FILE PATTERN: grep -E PATTERN in FILE
  if grep -qE -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no /$3/ in $2"; sed 's/^/    /' "$2" | head -5; failures=$((failures + 1)); fi
}
speech=$src/examples/speech.txt

check "--help" 0 "$cli" --help
expect "help names the formats" "$tmp/out" "outline"
check "--version" 0 "$cli" --version
expect "version" "$tmp/out" "^gongwen [0-9]+\.[0-9]+\.[0-9]+"

check "json" 0 "$cli" "$speech"
expect "json schema" "$tmp/out" '^\{"schema":"gongwen-tree/1"'
[ "$(wc -l <"$tmp/out")" -eq 1 ] && echo "ok   compact json is one line" || { echo "FAIL compact json"; failures=$((failures+1)); }
if command -v python3 >/dev/null; then
  python3 -m json.tool "$tmp/out" >/dev/null && echo "ok   json parses" || { echo "FAIL json parses"; failures=$((failures+1)); }
fi

check "pretty" 0 "$cli" --pretty "$speech"
expect "pretty is indented" "$tmp/out" '^  "source": \{'

check "outline" 0 "$cli" --format outline "$speech"
expect "outline has line numbers and markers" "$tmp/out" '^ +5  一、清醒认识当前经济运行面临的形势$'
expect "outline indents by level" "$tmp/out" '^ +7    一是项目支撑不够有力$'
check "--format=outline" 0 "$cli" --format=outline "$speech"

check "several files: JSON Lines" 0 "$cli" "$speech" "$src/tests/fixtures/plan.txt"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && echo "ok   two JSON lines" || { echo "FAIL two JSON lines"; failures=$((failures+1)); }
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" && echo "ok   each line parses" || { echo "FAIL lines parse"; failures=$((failures+1)); }
fi

"$cli" - <"$speech" >"$tmp/stdin.json" 2>/dev/null
"$cli" "$speech" | sed 's/"name":"[^"]*"/"name":"-"/' >"$tmp/file.json"
sed -i 's/"name":"[^"]*"/"name":"-"/' "$tmp/stdin.json"
cmp -s "$tmp/stdin.json" "$tmp/file.json" && echo "ok   standard input reads like the file" || { echo "FAIL stdin"; failures=$((failures+1)); }

check "missing file" 1 "$cli" "$tmp/no-such-file.txt"
expect "missing file is named" "$tmp/err" "no-such-file.txt: cannot read"

printf '一、甲\n二、乙\377丙\n' >"$tmp/bad.txt"
check "invalid UTF-8" 1 "$cli" "$tmp/bad.txt"
expect "error with line and character column" "$tmp/err" "bad.txt:2:4: error: invalid UTF-8 byte 0xFF"
expect "output still written" "$tmp/out" '"type":"section"'

fixtures=$src/tests/fixtures
check "a .docx is refused" 1 "$cli" "$fixtures/not-text/notice.docx"
expect "it says what the file is, at 1:1" "$tmp/err" "notice.docx:1:1: error: this is a Word document \(\.docx\), not plain text"
check "a PDF is refused" 1 "$cli" --format outline "$fixtures/not-text/notice.pdf"
expect "a PDF is named" "$tmp/err" "notice.pdf:1:1: error: this is a PDF document"
check "a refused file among others" 1 "$cli" "$fixtures/not-text/seal.png" "$speech"
expect "the other file is still read" "$tmp/out" '"name":"[^"]*speech.txt"'
expect "the image is named" "$tmp/err" "seal.png:1:1: error: this is a PNG image"
check "UTF-16 without a byte order mark" 0 "$cli" "$fixtures/encodings/speech-tasks.utf16le.txt"
expect "UTF-16LE named" "$tmp/out" '"encoding":"UTF-16LE"'
check "--check on a good tree" 0 "$cli" --check --format outline "$speech" "$fixtures/encodings/speech-tasks.gb18030.txt"
: >"$tmp/empty.txt"
check "empty input" 0 "$cli" --check "$tmp/empty.txt"
expect "an empty document" "$tmp/out" '"root":\{"type":"document","span":\[0,0\],"line":1\}'

mkdir -p "$tmp/dir/sub" "$tmp/dir/.hidden"
cp "$speech" "$tmp/dir/b.txt"; cp "$fixtures/plan.txt" "$tmp/dir/a.txt"; cp "$fixtures/notice.txt" "$tmp/dir/sub/c.txt"
cp "$fixtures/report.txt" "$tmp/dir/.hidden/d.txt"
check "a directory: the files below it" 0 "$cli" --format outline "$tmp/dir"
[ "$(grep -c '^==> ' "$tmp/out")" -eq 3 ] && echo "ok   three files, hidden ones left out" || { echo "FAIL directory files"; failures=$((failures+1)); }
[ "$(grep '^==> ' "$tmp/out" | sed 's|.*/dir/||; s| <==||' | tr '\n' ' ')" = "a.txt b.txt sub/c.txt " ] && echo "ok   in the order of their paths" || { echo "FAIL directory order"; failures=$((failures+1)); }
check "--jobs 2 over a directory" 0 "$cli" --jobs 2 "$tmp/dir" "$speech" "$fixtures/encodings"
cp "$tmp/out" "$tmp/parallel.jsonl"
check "--jobs 1, the same files" 0 "$cli" -j 1 "$tmp/dir" "$speech" "$fixtures/encodings"
cmp -s "$tmp/out" "$tmp/parallel.jsonl" && echo "ok   --jobs 2 writes what --jobs 1 writes, in order" || { echo "FAIL --jobs output differs"; failures=$((failures+1)); }
[ "$(wc -l <"$tmp/out")" -eq 10 ] && echo "ok   one JSON line per file" || { echo "FAIL jobs line count"; failures=$((failures+1)); }
[ -s "$tmp/err" ] && { echo "FAIL no progress bar when standard error is not a terminal"; failures=$((failures+1)); } || echo "ok   no progress bar on a pipe"
if command -v script >/dev/null; then  # a terminal for standard error
  script -qc "'$cli' -j 2 '$tmp/dir' >/dev/null" /dev/null >"$tmp/tty" 2>&1
  expect "a progress bar on a terminal" "$tmp/tty" '\[#+\] 3/3 files'
fi
check "--jobs with an error among the files" 1 "$cli" --jobs=2 "$fixtures/not-text/seal.png" "$speech"
expect "the error is reported" "$tmp/err" "seal.png:1:1: error"
check "--jobs needs a number" 2 "$cli" --jobs x "$speech"

check "unknown option" 2 "$cli" --bogus "$speech"
expect "usage hint" "$tmp/err" "Try 'gongwen --help'"
check "unknown format" 2 "$cli" --format xml "$speech"
check "missing value" 2 "$cli" "$speech" --format
check "no input" 2 "$cli"
check "encoding option" 0 "$cli" --encoding gb18030 "$src/tests/fixtures/notice-gb18030.txt"
expect "GB18030 named" "$tmp/out" '"encoding":"GB18030"'

check "tasks (CSV)" 0 "$cli" --format tasks "$speech"
expect "CSV starts with a BOM and the columns" "$tmp/out" $'^\xEF\xBB\xBF序号,所在章节,任务内容,牵头单位,配合单位,责任单位,完成时限,行号,字节位置,文件'
expect "a task row" "$tmp/out" '县商务局牵头、县财政局配合，×月底前发放第二批消费券×万元。,县商务局,县财政局,,×月底前,14,'
check "tasks for two files: one header" 0 "$cli" --format tasks "$speech" "$src/tests/fixtures/plan.txt"
[ "$(grep -c '序号,所在章节' "$tmp/out")" -eq 1 ] && echo "ok   one header" || { echo "FAIL one header"; failures=$((failures+1)); }
check "tasks-jsonl" 0 "$cli" --format tasks-jsonl "$speech"
expect "a JSON task" "$tmp/out" '"section_path":\["二","（三）","第一件事"\],"task":"县商务局牵头、县财政局配合'
if command -v python3 >/dev/null; then
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$tmp/out" && echo "ok   each task parses" || { echo "FAIL tasks parse"; failures=$((failures+1)); }
fi

check "--no-directives" 0 "$cli" --no-directives "$speech"
grep -q '"type":"directive"' "$tmp/out" && { echo "FAIL directives written"; failures=$((failures+1)); } || echo "ok   no directives"
expect "structure kept" "$tmp/out" '"type":"section"'
check "--no-directives with tasks" 2 "$cli" --no-directives --format tasks "$speech"

[ $failures -eq 0 ] || { echo "$failures CLI checks failed"; exit 1; }
echo "all CLI checks passed"
