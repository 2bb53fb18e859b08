# Three hundred damaged copies of the example datasets (cut bytes, stray quotes and brackets,
# flipped bytes, repeated and reordered lines; GraphML and node-link JSON imports too): orgraph
# must answer each with exit status 0 or 1, never crash or hang, and name file:line for every
# problem it reports, each on one line. Then two hundred damaged snapshots (cut, flipped and
# overwritten bytes, most behind a recomputed checksum so that the structural checks meet them):
# orgraph must refuse each on one line naming the file, or answer; never crash or hang. The seed
# fixes the inputs, so a failure repeats.
# $1: the orgraph binary.
set -euo pipefail
orgraph="$1"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python=/usr/bin/python3
# Under the sanitizers each run costs several times more: fewer runs (the fuzzers cover the same
# readers there).
runs=300 snapshot_runs=200
if [ "${ORGRAPH_TEST_SANITIZED:-0}" = 1 ]; then runs=100 snapshot_runs=60; fi
if ! "$python" ../scripts/fuzz-loaders --orgraph "$orgraph" --runs "$runs" --snapshot-runs "$snapshot_runs" --seed 1 --timeout 60 --keep "$work/failures"; then
  echo "FAIL: damaged datasets or snapshots made orgraph fail badly (inputs listed above)" >&2
  exit 1
fi
