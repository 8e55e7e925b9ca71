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
# Not part of CI: it downloads packages. About 1-2 minutes after the first build and venv.
#
# Exits non-zero when the ROC-AUCs differ by more than 0.005 or TwinLab's RankingMetrics
# disagree with sklearn.metrics on TwinLab's own scores; speed is reported MET / MISSED only
# (the host is shared and timings are noisy).
#
# Environment:
#   IFOREST_ROWS     rows (default 1000000)
#   SKLEARN_RUNS     timed sklearn repetitions (default 3)
#   TWINLAB_RUNS     timed TwinLab repetitions (default 5)
#   TWINLAB_THREADS  also time TwinLab scoring on this many threads (default 2; 1 = skip)
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

# 3. One table for both.
log "generating $ROWS x 4 rows"
"$PY" "$HERE/iforest_sklearn.py" generate --out "$OUT" --rows "$ROWS" > "$OUT/data.json"

# 4. Both engines on the same file, sklearn first (it also warms the page cache).
log "scikit-learn (${SKLEARN_RUNS} runs); load $(load)"
"$PY" "$HERE/iforest_sklearn.py" run --dir "$OUT" --runs "$SKLEARN_RUNS" > "$OUT/sklearn.json"
log "TwinLab (${TWINLAB_RUNS} runs); load $(load)"
"$BIN" iforest --data "$OUT/x.f64" --labels "$OUT/y.u8" --columns 4 --trees 100 --runs "$TWINLAB_RUNS" \
    --threads "$THREADS" --scores-out "$OUT/twinlab_scores.f64" > "$OUT/twinlab.json"
echo "loadavg end: $(load)" >> "$OUT/machine.txt"

# 5. The table; its exit status is the script's.
echo
echo "TwinLab Isolation Forest vs scikit-learn — $(date -Iseconds) — $(nproc) CPUs — $(grep loadavg "$OUT/machine.txt" | tr '\n' ' ')"
status=0
"$PY" "$HERE/iforest_sklearn.py" compare "$OUT" | tee "$OUT/table.md" || status=$?
# The data files are large and reproducible from the seed.
rm -f "$OUT/x.f64" "$OUT/twinlab_scores.f64"
log "done in $(( $(date +%s) - START )) s"
exit "$status"
