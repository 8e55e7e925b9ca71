#!/usr/bin/env bash
# TwinLab kernel vs SimPy, side by side: the one command.
#
#   Benchmarks/run-kernel-benchmarks.sh
#
# Sets up a SimPy 4.1.2 venv (Benchmarks/.venv-simpy), builds twinlab-bench in
# release, runs benchmarks a, b, c on both engines and the hold-model floor (plus
# the C++ hold reference if g++ exists), then prints one table (compare.py).
# Exits non-zero only if an output disagrees with SimPy beyond tolerance or a
# step fails; speed targets are reported as MET / MISSED, never fatal, because
# the host is shared and timings are noisy.
#
# Environment:
#   SIMPY_REFERENCE_DIR  the SimPy 4.1.2 reference scripts bench_{a_timeouts,b_mmc,c_factory}.py
#                        (models and seed-42 outputs: docs/kernel.md, "Reference measurements");
#                        default: bench/simpy-reference in the project's read-only reference
#                        folder beside the checkout (SIMPY_DIR below). Optional: without them
#                        TwinLab runs alone and compare.py checks its published outputs.
#   CPP_HOLD_DIR         the C++ hold-loop reference hold.cpp (docs/kernel.md, "Event list");
#                        default: bench/cpp-hold in that same folder (CPP_DIR below). Optional.
#   SIMPY_RUNS           timed SimPy repetitions (default 3)
#   TWINLAB_RUNS         timed TwinLab repetitions (default 11: runs are ~100x shorter, so more are
#                        cheap), after 1 s of untimed warm-up runs (twinlab-bench --warmup)
#   HOLD_RUNS            repetitions of the hold benchmarks (default 3; C++ uses 5)
#   SKIP_CPP_HOLD=1      skip the C++ hold reference (it takes about a minute)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
SIMPY_DIR=${SIMPY_REFERENCE_DIR:-$REPO/../shared/bench/simpy-reference}
CPP_DIR=${CPP_HOLD_DIR:-$REPO/../shared/bench/cpp-hold}
SIMPY_RUNS=${SIMPY_RUNS:-3}
TWINLAB_RUNS=${TWINLAB_RUNS:-11}
HOLD_RUNS=${HOLD_RUNS:-3}
VENV=$HERE/.venv-simpy
OUT=$HERE/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

log() { printf '==> %s\n' "$*" >&2; }
load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime; }

log "results in $OUT; load average $(load)"
{ date -Iseconds; uname -srm; nproc; echo "loadavg start: $(load)"; } > "$OUT/machine.txt"

# 1. SimPy venv, only when the reference scripts exist.
HAVE_SIMPY=0
if [[ -d "$SIMPY_DIR" && -f "$SIMPY_DIR/bench_a_timeouts.py" ]]; then
    if ! "$VENV/bin/python" -c 'import simpy, sys; sys.exit(simpy.__version__ != "4.1.2")' 2>/dev/null; then
        log "creating $VENV with simpy==4.1.2"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check simpy==4.1.2
    fi
    HAVE_SIMPY=1
else
    log "SimPy reference scripts not found at $SIMPY_DIR (set SIMPY_REFERENCE_DIR);"
    log "running TwinLab alone and checking outputs against the published seed-42 values"
fi

# 2. Release build. Pin dependencies to the main package's resolution when we have none yet.
cd "$HERE"
if [[ ! -f Package.resolved && -f ../Package.resolved ]]; then cp ../Package.resolved Package.resolved; fi
log "swift build -c release (Benchmarks)"
if ! swift build -c release > "$OUT/build.log" 2>&1; then
    tail -40 "$OUT/build.log" >&2
    echo "release build failed (full log: $OUT/build.log)" >&2
    exit 1
fi
BIN=$(swift build -c release --show-bin-path)/twinlab-bench
[[ -x "$BIN" ]] || { echo "build failed: $BIN missing" >&2; exit 1; }
"$BIN" selftest > "$OUT/twinlab_selftest.json"

# 3. The three model benchmarks, engines interleaved so both see similar load.
declare -A SCRIPT=([a]=bench_a_timeouts.py [b]=bench_b_mmc.py [c]=bench_c_factory.py)
for bench in a b c; do
    if [[ $HAVE_SIMPY == 1 ]]; then
        log "SimPy $bench (${SIMPY_RUNS} runs); load $(load)"
        "$VENV/bin/python" "$SIMPY_DIR/${SCRIPT[$bench]}" --engine simpy --runs "$SIMPY_RUNS" > "$OUT/simpy_$bench.json"
    fi
    log "TwinLab $bench (${TWINLAB_RUNS} runs); load $(load)"
    "$BIN" "$bench" --runs "$TWINLAB_RUNS" > "$OUT/twinlab_$bench.json"
    if [[ $bench == b ]]; then
        log "TwinLab b, server-process formulation (${TWINLAB_RUNS} runs); load $(load)"
        "$BIN" bs --runs "$TWINLAB_RUNS" > "$OUT/twinlab_bs.json"
    fi
done

# 4. The same three models as hand-written event loops (no kernel), the baseline a kernel
#    approaches; they reproduce SimPy's outputs bit for bit.
log "Hand-written event loops a, b, c (${TWINLAB_RUNS} runs each); load $(load)"
"$BIN" handwritten --runs "$TWINLAB_RUNS" > "$OUT/handwritten.json"

# 5. Hold-model floor: TwinLab processes, then the hand-written C++ heap.
log "TwinLab hold model; load $(load)"
"$BIN" hold --runs "$HOLD_RUNS" > "$OUT/twinlab_hold.json"
if [[ ${SKIP_CPP_HOLD:-0} != 1 && -f "$CPP_DIR/hold.cpp" ]] && command -v g++ > /dev/null; then
    log "C++ hold reference (g++ -O3 -march=native); load $(load)"
    # Built into the results directory, not a shared /tmp path other users may also write.
    g++ -O3 -march=native -o "$OUT/cpp-hold" "$CPP_DIR/hold.cpp"
    "$OUT/cpp-hold" 5 > "$OUT/cpp_hold.jsonl"
else
    log "C++ hold reference skipped (no g++, no $CPP_DIR/hold.cpp, or SKIP_CPP_HOLD=1)"
fi
log "Recorder: a year of 8 rooms at 5-minute rows, TwinLab vs plain C HDF5; load $(load)"
"$BIN" recorder --runs 6 > "$OUT/twinlab_recorder.json"
echo "loadavg end: $(load)" >> "$OUT/machine.txt"

# 6. The table; its exit status is the script's (non-zero on output disagreement).
echo
echo "TwinLab kernel benchmarks — $(date -Iseconds) — $(nproc) CPUs — $(cat "$OUT/machine.txt" | grep loadavg | tr '\n' ' ')"
python3 "$HERE/compare.py" "$OUT" | tee "$OUT/table.md"
exit "${PIPESTATUS[0]}"
