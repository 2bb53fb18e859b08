# A damaged snapshot is refused, through the command line, with exit status 1, nothing on standard
# output and exactly one line on standard error, "orgraph: FILE: <what is wrong>": an empty file,
# a file cut short at several sizes, a flipped byte (the checksum), another format version or
# byte order, an extended file, a broken section table or metadata (with the checksum made
# right again, so that the structural checks are what refuses it), a text file named .orgraph,
# a FIFO, named .orgraph or not (which must not hang). A snapshot combined with other layers, or
# given as an overlay, is misuse (exit status 2).
# `validate` of a fresh snapshot succeeds; after an input changed, or went missing, it says the
# snapshot is stale (exit status 1), and the stale snapshot still answers.
# Every case runs; failures are listed at the end.
# $1 (or ORGRAPH_BINARY): the orgraph binary. Working directory: any (it moves to tests/).
set -euo pipefail
orgraph="${1:-${ORGRAPH_BINARY:-}}"
[ -n "$orgraph" ] || { echo "usage: $0 ORGRAPH_BINARY" >&2; exit 2; }
orgraph=$(cd "$(dirname "$orgraph")" && pwd)/$(basename "$orgraph")
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

fail() {
  failures=$((failures + 1))
  echo "FAIL: $*" >&2
}

# outcome ARGS...: runs orgraph (at most 10 s) with ARGS; sets code, out, err.
outcome() {
  code=0
  timeout 10 "$orgraph" "$@" >"$work/stdout" 2>"$work/stderr" </dev/null || code=$?
  out=$(cat "$work/stdout")
  err=$(cat "$work/stderr")
}

# refused FILE REASON [ARGS...]: `--data FILE info`, `--data FILE show mca` and `validate FILE`
# (or the one command line ARGS) each exit 1, print nothing on standard output, and one line on
# standard error, "orgraph: FILE: ..." with REASON (an extended regular expression) in it.
refused() {
  local file="$1" reason="$2" args
  shift 2
  local commands=("--data $file info" "--data $file show mca" "validate $file")
  [ $# -eq 0 ] || commands=("$*")
  for args in "${commands[@]}"; do
    checks=$((checks + 1))
    # shellcheck disable=SC2086  # the file names have no spaces
    outcome $args
    local wrong=()
    if [ "$code" = 124 ]; then
      wrong+=("no answer within 10 s")
    else
      [ "$code" = 1 ] || wrong+=("exit status $code, expected 1")
      [ -z "$out" ] || wrong+=("it printed on standard output")
      local lines
      lines=$(grep -c '' "$work/stderr" || true)
      [ "$lines" = 1 ] || wrong+=("$lines lines on standard error, expected 1")
      case "$err" in
        "orgraph: $file: "*) ;;
        *) wrong+=("the message does not start with 'orgraph: $file: '") ;;
      esac
      grep -Eq -- "$reason" "$work/stderr" || wrong+=("the message does not say /$reason/")
    fi
    if [ ${#wrong[@]} -gt 0 ]; then
      local joined
      joined=$(printf '%s; ' "${wrong[@]}")
      fail "orgraph $args: ${joined%; }; standard error:"
      sed -n '1,5s/^/    /p' "$work/stderr" >&2
    fi
  done
}

# surgery IN OUT PYTHON: OUT is IN with the bytes changed by PYTHON, which edits `d` (a
# bytearray of the whole file); `fix()` recomputes the checksum afterwards, as orgraph would.
surgery() {
  "$python" - "$1" "$2" "$3" <<'PY'
import struct, sys
M = (1 << 64) - 1
def rotl(x, r): return ((x << r) | (x >> (64 - r))) & M
def mix(h):
    h ^= h >> 33; h = (h * 0xFF51AFD7ED558CCD) & M
    h ^= h >> 33; h = (h * 0xC4CEB9FE1A85EC53) & M
    return h ^ (h >> 33)
def content_hash(b):  # engine/src/load/snapshot.cpp, content_hash()
    p1, p2 = 0x9E3779B185EBCA87, 0xC2B2AE3D27D4EB4F
    lane = [(p1 + p2) & M, p2, 0, (-p1) & M]
    full = len(b) - len(b) % 32
    words = struct.unpack_from("<%dQ" % (full // 8), b, 0)
    for j in range(0, len(words), 4):
        for k in range(4):
            lane[k] = (rotl((lane[k] + words[j + k] * p2) & M, 31) * p1) & M
    h = (rotl(lane[0], 1) + rotl(lane[1], 7) + rotl(lane[2], 12) + rotl(lane[3], 18) + len(b)) & M
    for c in b[full:]:
        h = (rotl(h ^ ((c * p1) & M), 11) * p2) & M
    return mix(h)
src, dst, code = sys.argv[1:4]
d = bytearray(open(src, "rb").read())
assert struct.unpack_from("<Q", d, 24)[0] == content_hash(bytes(d[40:])), "content_hash differs from orgraph's"
def fix():
    struct.pack_into("<Q", d, 24, content_hash(bytes(d[40:])))
def section(i):  # (id, record size, offset, size) of section i, and where its entry is
    at = 40 + 24 * i
    return struct.unpack_from("<IIQQ", d, at) + (at,)
exec(code)
open(dst, "wb").write(d)
PY
}

# ---- a good snapshot to damage: of a copy of tests/data/example, so that its inputs can change
cp -r data/example "$work/example"
"$orgraph" --data "$work/example" snapshot -o "$work/good.orgraph" >/dev/null
cd "$work"
size=$(stat -c %s good.orgraph)

checks=$((checks + 1))
outcome --data good.orgraph info
[ "$code" = 0 ] && [ -n "$out" ] && [ -z "$err" ] || fail "the good snapshot does not answer: exit $code, $err"

# ---- files that are not snapshots at all, but named as one
: >empty.orgraph
refused empty.orgraph "snapshot|empty"
echo hello >hello.orgraph
refused hello.orgraph "not an orgraph snapshot"
head -c 4 good.orgraph >cut-4.orgraph  # not even the magic number
refused cut-4.orgraph "snapshot"
"$python" -c "import sys; d = bytearray(open('good.orgraph', 'rb').read()); d[1] ^= 0x20; open('magic.orgraph', 'wb').write(d)"
refused magic.orgraph "not an orgraph snapshot"

# A text file with a dataset's extension is a dataset: its problems are reported as a dataset's
# (file:line: error: ..., then the count), with exit status 1 and nothing on standard output.
echo hello >hello.toml
checks=$((checks + 1))
outcome --data hello.toml info
[ "$code" = 1 ] && [ -z "$out" ] || fail "--data hello.toml info: exit $code (expected 1), stdout: $out"
grep -q '^hello.toml:1:[0-9]*: error: ' stderr || fail "--data hello.toml info: no hello.toml:1: problem line: $err"
[ "$(tail -n 1 stderr)" = "orgraph: the dataset has 1 problem; nothing was loaded" ] ||
  fail "--data hello.toml info: the last line is not the summary: $err"

# ---- cut short, or extended
for cut in 8 20 39; do
  head -c "$cut" good.orgraph >"cut-$cut.orgraph"
  refused "cut-$cut.orgraph" "truncated snapshot: $cut bytes, shorter than the header"
done
for cut in 40 41 64 1000 $((size / 2)) $((size - 8)) $((size - 1)); do
  head -c "$cut" good.orgraph >"cut-$cut.orgraph"
  refused "cut-$cut.orgraph" "truncated or extended snapshot: $cut bytes, but its header says $size"
done
{ cat good.orgraph; printf '\0\0\0\0\0\0\0\0'; } >extended.orgraph
refused extended.orgraph "truncated or extended snapshot: $((size + 8)) bytes, but its header says $size"

# ---- the checksum: one byte flipped in the section table, the metadata, a table, the last byte;
# and the stored checksum itself
for at in 40 200 $((size / 2)) $((size - 1)); do
  surgery good.orgraph "flip-$at.orgraph" "d[$at] ^= 0x01"
  refused "flip-$at.orgraph" "damaged snapshot: its checksum does not match its contents"
done
surgery good.orgraph flip-checksum.orgraph "d[27] ^= 0x80"
refused flip-checksum.orgraph "damaged snapshot: its checksum does not match its contents"

# ---- the header
surgery good.orgraph version.orgraph "struct.pack_into('<I', d, 8, 1)"
refused version.orgraph "snapshot format version 1, but this orgraph reads version 7"
surgery good.orgraph version-0.orgraph "struct.pack_into('<I', d, 8, 0)"
refused version-0.orgraph "snapshot format version 0, but this orgraph reads version 7"
surgery good.orgraph order.orgraph "d[12:16] = d[12:16][::-1]"
refused order.orgraph "other byte order"
surgery good.orgraph size.orgraph "struct.pack_into('<Q', d, 16, $((size * 2)))"
refused size.orgraph "truncated or extended snapshot: $size bytes, but its header says $((size * 2))"

# ---- the structure, with a checksum that matches: the checks after the checksum refuse it
# (their wording may change: the messages are matched loosely)
surgery good.orgraph sections.orgraph "struct.pack_into('<I', d, 32, 15); fix()"
refused sections.orgraph "damaged snapshot: .*number of sections"
surgery good.orgraph order-of-sections.orgraph "
a, b = section(2)[4], section(3)[4]
d[a:a + 24], d[b:b + 24] = d[b:b + 24], d[a:a + 24]
fix()"
refused order-of-sections.orgraph "damaged snapshot: .*sections"
surgery good.orgraph outside.orgraph "struct.pack_into('<Q', d, section(6)[4] + 8, len(d) + 8); fix()"
refused outside.orgraph "damaged snapshot: .*section"
surgery good.orgraph long-section.orgraph "struct.pack_into('<Q', d, section(6)[4] + 16, len(d)); fix()"
refused long-section.orgraph "damaged snapshot: .*section"
surgery good.orgraph unaligned.orgraph "struct.pack_into('<Q', d, section(2)[4] + 8, section(2)[2] + 4); fix()"
refused unaligned.orgraph "damaged snapshot: .*section"
surgery good.orgraph record-size.orgraph "struct.pack_into('<I', d, section(3)[4] + 4, 40); fix()"
refused record-size.orgraph "damaged snapshot: .*(record|size)"
surgery good.orgraph ragged.orgraph "struct.pack_into('<Q', d, section(3)[4] + 16, section(3)[3] - 1); fix()"
refused ragged.orgraph "damaged snapshot: .*(record|size)"
# The metadata: its first string's length made huge, then its last byte cut off.
surgery good.orgraph meta-string.orgraph "struct.pack_into('<I', d, section(0)[2], 0x7fffffff); fix()"
refused meta-string.orgraph "damaged snapshot: .*metadata"
surgery good.orgraph meta-short.orgraph "struct.pack_into('<Q', d, section(0)[4] + 16, section(0)[3] - 1); fix()"
refused meta-short.orgraph "damaged snapshot: .*metadata"
# The tables: an entity's kind far out of range, a relation's end past the last entity, every
# slot of the id index full.
surgery good.orgraph entity-kind.orgraph "struct.pack_into('<H', d, section(2)[2] + 24, 0xffff); fix()"
refused entity-kind.orgraph "damaged snapshot: .*entit"
surgery good.orgraph relation-end.orgraph "struct.pack_into('<I', d, section(6)[2], 0xfffffff0); fix()"
refused relation-end.orgraph "damaged snapshot: .*relation"
surgery good.orgraph id-index.orgraph "
_, _, off, n, _ = section(13)
for i in range(n // 4): struct.pack_into('<I', d, off + 4 * i, 1)
fix()"
refused id-index.orgraph "damaged snapshot: .*id index"
surgery good.orgraph text-pool.orgraph "struct.pack_into('<Q', d, section(1)[4] + 16, 0); fix()"
refused text-pool.orgraph "damaged snapshot: "
# A date no snapshot holds: month 15 (a packed date keeps the month in 4 bits). Answering from it
# would print "2030-15" and, with --as-of, look up the length of month 15.
surgery good.orgraph month.orgraph "struct.pack_into('<I', d, section(2)[2] + 32, 0x80000000 | (2030 << 9) | (15 << 5)); fix()"
refused month.orgraph "damaged snapshot: "
refused month.orgraph "damaged snapshot: " --as-of 2020 --data month.orgraph info

# ---- a FIFO: nobody writes to it, and orgraph must not wait for a writer
mkfifo fifo.orgraph
refused fifo.orgraph "not a regular file|not an orgraph snapshot|cannot" --data fifo.orgraph info
refused fifo.orgraph "not a regular file|not an orgraph snapshot|cannot" validate fifo.orgraph

# A FIFO under another name is read as a dataset file: that must not wait for a writer either.
mkfifo fifo fifo.toml
for file in fifo fifo.toml; do
  checks=$((checks + 1))
  if [ "$file" = fifo ]; then outcome --data fifo info; else outcome validate fifo.toml; fi
  if [ "$code" = 124 ]; then
    fail "a FIFO named $file: no answer within 10 s"
    continue
  fi
  [ "$code" = 1 ] && [ -z "$out" ] || fail "a FIFO named $file: exit $code (expected 1), stdout: $(head -c 200 stdout)"
  case "$(head -n 1 stderr)" in
    "$file:"* | "orgraph: $file:"*) ;;
    *) fail "a FIFO named $file: the message does not name it: $(head -n 1 stderr)" ;;
  esac
done

# ---- a snapshot stands alone: with other layers (before or after them, or as an overlay) it is misuse
for args in "--data good.orgraph --with dprk-missions info" "--with dprk-missions --data good.orgraph coverage" \
  "--data good.orgraph --data example info" "--data example --data good.orgraph info" \
  "--with good.orgraph info" "--data example --with good.orgraph info" "validate example --with good.orgraph"; do
  checks=$((checks + 1))
  # shellcheck disable=SC2086
  outcome $args
  [ "$code" = 2 ] || fail "orgraph $args: exit status $code, expected 2 (misuse)"
  [ -z "$out" ] || fail "orgraph $args: printed on standard output"
  grep -q "good.orgraph is a snapshot, which stands alone" stderr || fail "orgraph $args: the message does not say why: $(head -n 1 stderr)"
done

# ---- validate: fresh, then stale (an input changed, an input missing); a stale snapshot answers
checks=$((checks + 1))
outcome validate good.orgraph
[ "$code" = 0 ] && [ -z "$err" ] || fail "validate of a fresh snapshot: exit $code, $err"
grep -q "^ok: the snapshot is intact" stdout || fail "validate of a fresh snapshot says: $out"
checks=$((checks + 1))
outcome --data good.orgraph validate
[ "$code" = 0 ] || fail "--data FILE validate of a fresh snapshot: exit $code, $err"

printf '\n# edited after the snapshot was made\n' >>example/ministry.toml
checks=$((checks + 1))
outcome validate good.orgraph
[ "$code" = 1 ] || fail "validate of a stale snapshot: exit status $code, expected 1"
grep -q "^good.orgraph: stale: input $work/example/ministry.toml is changed since the snapshot was made$" stderr ||
  fail "validate of a stale snapshot does not name the changed input: $err"
grep -q "^orgraph: the snapshot is stale (1 of 3 input files)" stderr || fail "validate of a stale snapshot: $err"
[ "$(grep -c stale stderr)" = "$(grep -c '' stderr)" ] || fail "validate of a stale snapshot: a line without 'stale': $err"

rm example/world.toml
checks=$((checks + 1))
outcome validate good.orgraph
[ "$code" = 1 ] || fail "validate of a snapshot whose input is gone: exit status $code, expected 1"
grep -q "^good.orgraph: stale: input $work/example/world.toml is missing since the snapshot was made$" stderr ||
  fail "validate of a snapshot whose input is gone does not say so: $err"
grep -q "^orgraph: the snapshot is stale (2 of 3 input files)" stderr || fail "validate, two inputs stale: $err"

checks=$((checks + 1))
outcome --data good.orgraph show north-office
[ "$code" = 0 ] && [ -n "$out" ] && [ -z "$err" ] || fail "a stale snapshot does not answer: exit $code, $err"

if [ "$failures" -gt 0 ]; then
  echo "FAIL: $failures failed checks in $checks cases" >&2
  exit 1
fi
echo "ok: $checks cases, every damaged snapshot refused on one line"
