# -o writes safely: the temporary file has a name nobody can plant a link at, a device or FIFO
# is written as it is and never replaced, the replaced file keeps its mode, SIGINT and SIGTERM
# leave no temporary file or directory behind (exit 130, 143), and every write to standard
# output is checked (a full disk is exit 1 with a message; a closed pipe ends quietly).
# $1: the orgraph binary. Working directory: tests/.
set -euo pipefail
orgraph="$1"
python=/usr/bin/python3
[ -x "$python" ] || { echo "missing $python (Debian python3; run scripts/setup)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "$*" >&2; exit 1; }

# A symbolic link planted where a temporary file might be created is not followed: orgraph used
# to write through .NAME.tmp-PID, a name anyone could plant a link at beforehand.
printf 'victim\n' >"$work/victim"
bash -c 'ln -s "$2/victim" "$2/.out.txt.tmp-$$"; exec "$1" --data data/example info -o "$2/out.txt"' _ "$orgraph" "$work"
[ "$(cat "$work/victim")" = victim ] || fail "-o wrote through a planted symbolic link"
[ -f "$work/out.txt" ] && [ ! -L "$work/out.txt" ] || fail "-o did not write a regular file"
"$orgraph" --data data/example info | cmp - "$work/out.txt" || fail "-o wrote something else than standard output"
rm -f "$work"/.out.txt.tmp-*

# The temporary file is created beside the target, so that the rename stays on one file system,
# and nothing is left of it.
[ -z "$(find "$work" -name '.out.txt.tmp-*')" ] || fail "a temporary file was left behind"

# A new file gets 0666 less the umask; a replaced file keeps its mode.
(umask 027 && "$orgraph" --data data/example info -o "$work/new.txt")
[ "$(stat -c %a "$work/new.txt")" = 640 ] || fail "a new file has mode $(stat -c %a "$work/new.txt"), not 640"
chmod 600 "$work/new.txt"
"$orgraph" --data data/example info --format json -o "$work/new.txt"
[ "$(stat -c %a "$work/new.txt")" = 600 ] || fail "the replaced file lost its mode 600"
chmod 604 "$work/new.txt"
"$orgraph" --data data/example export --to graphml -o "$work/new.txt"
[ "$(stat -c %a "$work/new.txt")" = 604 ] || fail "export lost the mode of the file it replaced"

# A FIFO is written into, never replaced by a regular file.
mkfifo "$work/fifo"
timeout 20 cat "$work/fifo" >"$work/from-fifo" &
reader=$!
timeout 20 "$orgraph" --data data/example info -o "$work/fifo" || fail "info -o FIFO failed"
wait "$reader" || fail "the FIFO's reader did not see the end of the output"
[ -p "$work/fifo" ] || fail "-o replaced a FIFO with a regular file"
"$orgraph" --data data/example info | cmp - "$work/from-fifo" || fail "the FIFO did not carry the output"

# A character device (/dev/null, or one made here when allowed) is written, never replaced.
"$orgraph" --data data/example export --to json -o /dev/null
[ -c /dev/null ] || fail "/dev/null is not a character device any more"
if mknod "$work/null" c 1 3 2>/dev/null; then
  "$orgraph" --data data/example info -o "$work/null"
  [ -c "$work/null" ] || fail "-o replaced a character device with a regular file"
fi
# -o - is standard output.
"$orgraph" --data data/example info -o - | cmp - "$work/out.txt" || fail "-o - is not standard output"

# Every printing command reports a full disk: exit 1 and a message, not exit 0.
check_full() {  # ARGS...
  local status=0
  "$orgraph" "$@" >/dev/full 2>"$work/err" || status=$?
  [ "$status" = 1 ] || fail "orgraph $* > /dev/full: exit $status, not 1"
  grep -q "orgraph: cannot write to standard output: No space left on device" "$work/err" ||
    fail "orgraph $* > /dev/full: no message ($(cat "$work/err"))"
}
check_full --version
check_full help
check_full info --help
check_full info
check_full info --format json
check_full show korua
check_full find embassy
check_full coverage
check_full coverage --format csv
check_full reach korua
check_full --with dprk-missions routes korua --to-kind embassy
check_full path korua malta
check_full weak-points korua emb-rus-moscow --with dprk-missions
check_full dot
check_full export --to json
check_full export --to graphml
check_full export --to ftm
check_full validate data/example
check_full --data data/example snapshot -o "$work/snap.orgraph"
check_full generate --entities 100 --relations 200 -o "$work/gen"
# -o onto a full device is a failed write too.
status=0
"$orgraph" export --to json -o /dev/full 2>"$work/err" || status=$?
[ "$status" = 1 ] && grep -q "No space left on device" "$work/err" || fail "-o /dev/full: exit $status"

# A closed pipe ends orgraph by SIGPIPE, quietly, as it ends cat (status 141 in the shell); when
# SIGPIPE is ignored, the failed write is reported (exit 1, "Broken pipe").
set +o pipefail
"$orgraph" export --to json 2>"$work/err" | head -c1 >/dev/null
status=${PIPESTATUS[0]}
[ "$status" = 141 ] || fail "a closed pipe: exit $status, not 141 (SIGPIPE)"
[ ! -s "$work/err" ] || fail "a closed pipe printed: $(cat "$work/err")"
status=$(bash -c 'trap "" PIPE; "$1" export --to json 2>"$2/err" | head -c1 >/dev/null; echo "${PIPESTATUS[0]}"' _ "$orgraph" "$work")
[ "$status" = 1 ] || fail "a closed pipe with SIGPIPE ignored: exit $status, not 1"
grep -q "cannot write to standard output: Broken pipe" "$work/err" || fail "no message for EPIPE: $(cat "$work/err")"
set -o pipefail

# SIGTERM or SIGINT while a large export is written: the temporary file (or directory) is
# removed and the exit status is 143 (or 130).
"$orgraph" generate --entities 40000 --relations 160000 -o "$work/big" >/dev/null
"$python" - "$orgraph" "$work" <<'PY'
import glob, os, signal, subprocess, sys, time
orgraph, work = sys.argv[1], sys.argv[2]

def interrupt(args, pattern, sig, status):
    for attempt in range(5):
        process = subprocess.Popen([orgraph] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seen = False
        while process.poll() is None:
            if glob.glob(os.path.join(work, pattern)):
                seen = True
                time.sleep(0.05)
                process.send_signal(sig)
                break
            time.sleep(0.002)
        code = process.wait()
        if not seen:
            continue  # finished before a temporary path was seen: try again
        assert code == status, f"{args}: exit {code} after signal {sig}, not {status}"
        left = glob.glob(os.path.join(work, pattern))
        assert not left, f"{args}: left behind {left}"
        return
    raise AssertionError(f"{args}: never caught writing")

big = os.path.join(work, "big")
interrupt(["--data", big, "export", "--to", "json", "-o", os.path.join(work, "big.json")],
          ".big.json.tmp-*", signal.SIGTERM, 143)
interrupt(["--data", big, "export", "--to", "graphml", "-o", os.path.join(work, "big.graphml")],
          ".big.graphml.tmp-*", signal.SIGINT, 130)
interrupt(["--data", big, "export", "--to", "csv", "-o", os.path.join(work, "big-csv")],
          ".big-csv.tmp-*", signal.SIGTERM, 143)
interrupt(["generate", "--entities", "300000", "--relations", "1200000", "-o", os.path.join(work, "gen2")],
          ".gen2.tmp-*", signal.SIGTERM, 143)
assert not os.path.exists(os.path.join(work, "big.json"))
assert not os.path.exists(os.path.join(work, "gen2"))
PY
