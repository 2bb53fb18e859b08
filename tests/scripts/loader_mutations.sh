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
if ! "$python" ../scripts/fuzz-loaders --orgraph "$orgraph" --runs 300 --snapshot-runs 200 --seed 1 --timeout 60 --keep "$work/failures"; then
  echo "FAIL: damaged datasets or snapshots made orgraph fail badly (inputs listed above)" >&2
  exit 1
fi
