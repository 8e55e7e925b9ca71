#!/usr/bin/env bash
# TwinLab's Isolation Forest vs scikit-learn, side by side on the same rows: the one command.
#
#   Benchmarks/run-iforest-benchmark.sh
#
# Creates Benchmarks/.venv-sklearn (scikit-learn + numpy from PyPI) if needed, writes one
# seeded 1,000,000 x 4 float64 table with 1 % injected anomalies (iforest_sklearn.py
# generate), fits and scores it with sklearn (100 trees, n_jobs=1) and with
# `twinlab-bench iforest` (100 trees, 1 thread), and prints one table: fit, score and
# total seconds, the speed ratio, ROC-AUC and average precision of each against the labels.
# A second, harder set (100,000 rows, anomalies +8 degC, +1.5 mm/s) compares ROC-AUC where
# it is not saturated at 1; one forest's AUC there varies by ~0.007 (sd) with the seed, so
# both engines also fit 40 further seeds and the means are compared (informational). Not part of CI: it downloads packages. About 75 s after
# the first build and venv (those take a few minutes).
#
# Exits non-zero when the ROC-AUCs of the 1,000,000-row set differ by more than 0.005 or TwinLab's RankingMetrics
# disagree with sklearn.metrics on TwinLab's own scores; speed is reported MET / MISSED only
# (the host is shared and timings are noisy).
#
# Environment:
#   IFOREST_ROWS     rows (default 1000000)
#   SKLEARN_RUNS     timed sklearn repetitions (default 3)
#   TWINLAB_RUNS     timed TwinLab repetitions (default 5)
#   TWINLAB_THREADS  also time TwinLab scoring on this many threads (default 2; 1 = skip)
#   SKIP_HARD=1      skip the harder set
#   BENCH_SCRATCH    swift build --scratch-path for the benchmark package (default: Benchmarks/.build)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROWS=${IFOREST_ROWS:-1000000}
SKLEARN_RUNS=${SKLEARN_RUNS:-3}
TWINLAB_RUNS=${TWINLAB_RUNS:-5}
THREADS=${TWINLAB_THREADS:-2}
SCRATCH=${BENCH_SCRATCH:-$HERE/.build}
VENV=$HERE/.venv-sklearn
OUT=$HERE/results/iforest-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

log() { printf '==> %s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }
START=$(date +%s)
log "results in $OUT; load average $(load)"
{ date -Iseconds; uname -srm; nproc; echo "loadavg start: $(load)"; } > "$OUT/machine.txt"

# 1. scikit-learn venv.
if ! "$VENV/bin/python" -c 'import sklearn, numpy' 2>/dev/null; then
    log "creating $VENV with scikit-learn and numpy"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check scikit-learn numpy
fi
PY="$VENV/bin/python"

# 2. Release build.
cd "$HERE"
if [[ ! -f Package.resolved && -f ../Package.resolved ]]; then cp ../Package.resolved Package.resolved; fi
log "swift build -c release (Benchmarks, scratch $SCRATCH)"
if ! swift build -c release --scratch-path "$SCRATCH" > "$OUT/build.log" 2>&1; then
    tail -40 "$OUT/build.log" >&2
    echo "release build failed (full log: $OUT/build.log)" >&2
    exit 1
fi
BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/twinlab-bench

# 3.-4. One table for both engines per data set, sklearn first (it also warms the page cache).
status=0
compare_set() {  # name, generate flags, sklearn runs, TwinLab runs, further seeds
    local dir=$OUT/$1
    mkdir -p "$dir"
    log "$1: generating rows ($2)"
    # shellcheck disable=SC2086  # $2 is a list of flags
    "$PY" "$HERE/iforest_sklearn.py" generate --out "$dir" $2 > "$dir/data.json"
    log "$1: scikit-learn ($3 runs); load $(load)"
    "$PY" "$HERE/iforest_sklearn.py" run --dir "$dir" --runs "$3" --seeds "$5" > "$dir/sklearn.json"
    log "$1: TwinLab ($4 runs); load $(load)"
    "$BIN" iforest --data "$dir/x.f64" --labels "$dir/y.u8" --columns 4 --trees 100 --runs "$4" \
        --threads "$THREADS" --seeds "$5" --scores-out "$dir/twinlab_scores.f64" > "$dir/twinlab.json"
    echo
    "$PY" "$HERE/iforest_sklearn.py" compare "$dir" | tee "$dir/table.md" || status=$?
    # The data files are large and reproducible from the seed.
    rm -f "$dir/x.f64" "$dir/twinlab_scores.f64"
}
echo "TwinLab Isolation Forest vs scikit-learn — $(date -Iseconds) — $(nproc) CPUs — load $(load)"
compare_set default "--rows $ROWS --temp-shift 25 --vib-shift 6" "$SKLEARN_RUNS" "$TWINLAB_RUNS" 1
if [[ ${SKIP_HARD:-0} != 1 ]]; then
    compare_set hard "--rows 100000 --temp-shift 8 --vib-shift 1.5" 1 1 40
fi
echo "loadavg end: $(load)" >> "$OUT/machine.txt"
log "done in $(( $(date +%s) - START )) s"
exit "$status"
