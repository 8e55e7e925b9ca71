#!/usr/bin/env python3
"""Side-by-side table of SimPy and TwinLab runs written by run-kernel-benchmarks.sh.

Usage: compare.py RESULTS_DIR

Reads simpy_{a,b,c}.json, twinlab_{a,b,bs,c}.json, twinlab_hold.json and
cpp_hold.jsonl from RESULTS_DIR (missing files are reported, not fatal), prints
the speed table, the hold-model floor and the output agreement, and exits 1 if
any output disagrees beyond tolerance. Speed targets never fail the run: the
host is shared, so they are reported as MET / MISSED only.
"""
import json
import sys
from pathlib import Path

# Seed-42 reference outputs of the SimPy 4.1.2 reference models (docs/kernel.md, "Seed-42
# reference outputs"; the message below calls them "the README values"); used
# when SimPy itself could not run, so agreement is still checked.
REFERENCE = {
    "a": {"final_time": 1118.741846722531},
    "b": {"mean_wait": 1.438818002550016, "sum_wait": 287763.60051000316},
    "c": {"availability": 0.9451900533266854, "failures": 53212},
}
TARGET_RATIO = {"a": 30.0, "b": 100.0, "bs": 100.0, "c": 50.0}
# SimPy's model events/s as first quoted when the kernel was designed (docs/kernel.md, "SimPy's
# speed"; the issue's premise; measured on a loaded machine, 1.2-1.6x below a quiet one).
QUOTED_SIMPY = {"a": 0.34e6, "b": 0.14e6, "bs": 0.14e6, "c": 0.17e6}
NAMES = {"a": "a timeouts", "b": "b M/M/3, customer processes", "bs": "b M/M/3, server processes",
         "c": "c factory"}
# TwinLab benchmark -> the SimPy run it is compared with (bs is model b written differently).
KEYS = ["a", "b", "bs", "c"]
SIMPY_KEY = {"a": "a", "b": "b", "bs": "b", "c": "c"}


def load(path):
    """One JSON object, or None if the file is absent or empty (that run did not happen)."""
    try:
        text = path.read_text().strip()
    except FileNotFoundError:
        return None
    return json.loads(text) if text else None


def fmt_rate(x):
    if x is None:
        return "–"
    return f"{x / 1e6:.2f} M" if x >= 1e6 else f"{x / 1e3:.0f} k"


def table(header, rows):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    print(line(header))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


def speed_table(results):
    rows = []
    for key in KEYS:
        simpy, tw = results[key]
        if tw is None:
            rows.append([NAMES[key], fmt_rate(simpy and simpy["model_events_per_s"]), "(no run)",
                         "–", "–", "–", "–", "–", "–", f"≥{TARGET_RATIO[key]:.0f}×", "–"])
            continue
        ratio = tw["model_events_per_s"] / simpy["model_events_per_s"] if simpy else None
        met = "–" if ratio is None else ("MET" if ratio >= TARGET_RATIO[key] else "MISSED")
        rows.append([
            NAMES[key],
            fmt_rate(simpy["model_events_per_s"]) if simpy else "(not run)",
            fmt_rate(tw["model_events_per_s"]),
            f"{ratio:.1f}×" if ratio else "–",
            f"{simpy['median_cpu_s'] / tw['median_cpu_s']:.1f}×" if simpy else "–",
            # Fastest run against fastest run: the least disturbed by a shared host's noise.
            f"{simpy['min_s'] / tw['min_s']:.1f}×" if simpy else "–",
            f"{tw['model_events_per_s'] / QUOTED_SIMPY[key]:.0f}×",
            fmt_rate(tw["kernel_events_per_s"]),
            f"{tw['allocations_per_model_event']:.3f}",
            f"≥{TARGET_RATIO[key]:.0f}×",
            met,
        ])
    table(["benchmark", "SimPy model ev/s", "TwinLab model ev/s", "ratio", "ratio (CPU time)",
           "ratio (fastest runs)", "ratio to des-kernels.md SimPy", "TwinLab kernel ev/s",
           "allocs / model event", "target", "met?"], rows)


def loop_table(results, loops):
    """TwinLab against the same model hand-written as a bare event loop (no kernel)."""
    if loops is None:
        print("(hand-written loops did not run)")
        return
    rows = []
    for key in KEYS:
        simpy, tw = results[key]
        loop = loops.get(SIMPY_KEY[key])
        if tw is None or loop is None:
            continue
        needed = TARGET_RATIO[key] * simpy["model_events_per_s"] if simpy else None
        rows.append([NAMES[key], fmt_rate(loop["model_events_per_s"]), fmt_rate(tw["model_events_per_s"]),
                     f"{tw['model_events_per_s'] / loop['model_events_per_s']:.2f}",
                     f"{loop['model_events_per_s'] / simpy['model_events_per_s']:.0f}×" if simpy else "–",
                     f"{needed / loop['model_events_per_s']:.2f}" if needed else "–"])
    table(["benchmark", "hand-written loop model ev/s", "TwinLab model ev/s", "TwinLab ÷ loop",
           "loop ÷ SimPy", "target ÷ loop"], rows)


def detail_table(results):
    rows = []
    for key in KEYS:
        simpy, tw = results[key]
        if tw is None:
            continue
        rows.append([NAMES[key],
                     f"{simpy['median_s']:.4f} / {simpy['min_s']:.4f} / {simpy['median_cpu_s']:.4f}" if simpy else "–",
                     f"{tw['median_s']:.4f} / {tw['min_s']:.4f} / {tw['median_cpu_s']:.4f}", tw["model_events"],
                     f"{simpy['kernel_events']} / {tw['kernel_events']}" if simpy else tw["kernel_events"],
                     tw["allocations_per_run"], f"{tw['allocations_per_kernel_event']:.3f}",
                     tw["fingerprint"], "yes" if tw["deterministic_across_runs"] else "NO"])
    table(["benchmark", "SimPy median / min / CPU s", "TwinLab median / min / CPU s", "model events",
           "kernel events SimPy / TwinLab", "allocs / run", "allocs / kernel event", "fingerprint",
           "deterministic"], rows)


def agreement(results, loops):
    """Rows of the agreement table and whether every check passed."""
    rows, ok = [], True

    def check(key, quantity, ours, theirs, source, passed, tolerance, name=None):
        nonlocal ok
        ok &= passed
        delta = ours - theirs
        rows.append([name or NAMES[key], quantity, repr(ours), f"{theirs!r} ({source})",
                     f"{delta:.3g}", tolerance, "ok" if passed else "DISAGREE"])

    # The hand-written loops use Double time and SimPy's event order: equal to the last bit.
    for key, quantity, field in [("a", "final time", "final_time"), ("b", "sum of waits", "sum_wait"),
                                 ("c", "availability", "availability"), ("c", "failures", "failures")]:
        if loops is None:
            break
        simpy = results[key][0]
        source, ref = ("SimPy", simpy) if simpy else ("README", REFERENCE[key])
        ours = loops[key][field]
        check(key, quantity, ours, ref[field], source, ours == ref[field], "bit-identical",
              name=f"{key} hand-written loop")

    for key in KEYS:
        simpy, tw = results[key]
        if tw is None:
            ok = False
            rows.append([NAMES[key], "(TwinLab did not run)", "", "", "", "", "DISAGREE"])
            continue
        source, ref = ("SimPy", simpy) if simpy else ("README", REFERENCE[SIMPY_KEY[key]])
        if key == "a":
            # The brief fixes the comparison to the published value; SimPy is shown too when it ran.
            for name, value in [("README", REFERENCE["a"]["final_time"])] + (
                    [("SimPy", simpy["final_time"])] if simpy else []):
                d = abs(tw["final_time"] - value)
                check(key, "final time", tw["final_time"], value, name, d < 1e-6, "abs(Δ) < 1e-6")
        elif key in ("b", "bs"):
            check(key, "mean wait", tw["mean_wait"], ref["mean_wait"], source, True, "(shown)")
            rel = abs(tw["sum_wait"] - ref["sum_wait"]) / abs(ref["sum_wait"])
            check(key, "sum of waits", tw["sum_wait"], ref["sum_wait"], source, rel < 1e-6, "rel. abs(Δ) < 1e-6")
        else:
            check(key, "availability", tw["availability"], ref["availability"], source,
                  abs(tw["availability"] - ref["availability"]) < 1e-7, "abs(Δ) < 1e-7")
            check(key, "failures", tw["failures"], ref["failures"], source,
                  tw["failures"] == ref["failures"], "equal")
    return rows, ok


def hold_table(directory):
    hold = load(directory / "twinlab_hold.json")
    cpp = {}
    try:
        for line in (directory / "cpp_hold.jsonl").read_text().splitlines():
            rec = json.loads(line)
            if rec.get("bench") == "cpp_hold":
                cpp[rec["n"]] = rec
    except FileNotFoundError:
        pass
    if hold is None:
        print("(hold benchmark did not run)")
        return
    rows = []
    for size in hold["sizes"]:
        c = cpp.get(size["processes"])
        heap = c["binary_heap_ns"] if c else None
        rows.append([size["processes"], f"{size['ns_per_hold_median']:.1f} / {size['ns_per_hold_min']:.1f}",
                     f"{heap:.1f}" if c else "(no g++)", f"{c['std_priority_queue_ns']:.1f}" if c else "–",
                     f"{size['ns_per_hold_median'] / heap:.2f}×" if c else "–",
                     f"{size['allocations_per_hold']:.4f}"])
    table(["pending (processes)", "TwinLab ns/hold median / min", "C++ binary heap ns/hold",
           "C++ std::priority_queue ns/hold", "TwinLab / C++ heap", "allocs / hold"], rows)


def recorder_table(directory):
    rec = load(directory / "twinlab_recorder.json")
    if rec is None:
        print("(recorder benchmark did not run)")
        return
    print(f"{rec['rooms']} rooms × {rec['rows_per_room']} rows × {rec['columns']} float64 columns "
          f"({rec['raw_megabytes']:.1f} MB), chunks of 4096 rows, no compression\n")
    table(["writer", "median s", "rows/s", "MB/s"], [
        ["TwinLab TimeSeriesWriter", f"{rec['twinlab_median_s']:.4f}", fmt_rate(rec["twinlab_rows_per_s"]),
         f"{rec['twinlab_mb_per_s']:.0f}"],
        ["plain C (H5Dwrite per chunk)", f"{rec['c_median_s']:.4f}", fmt_rate(rec["c_rows_per_s"]),
         f"{rec['c_mb_per_s']:.0f}"],
    ])
    print(f"\nTwinLab takes {rec['twinlab_over_c_time']:.2f}× the time of the plain C writer.")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = Path(sys.argv[1])
    results = {k: (load(directory / f"simpy_{SIMPY_KEY[k]}.json"), load(directory / f"twinlab_{k}.json"))
               for k in KEYS}
    if all(s is None for s, _ in results.values()):
        print("SimPy reference results are missing: TwinLab alone, agreement checked against the README values.\n")

    print("## Model benchmarks (events/s from the median of the runs)\n")
    speed_table(results)
    print()
    detail_table(results)
    print("\n## The same models as hand-written event loops (no processes, no kernel)\n")
    loops = load(directory / "handwritten.json")
    loop_table(results, loops)
    print("\n## Hold-model floor (pending events = processes, Exp(1) holds)\n")
    hold_table(directory)
    print("\n## Recorder: a year of an 8-room facility at a 5-minute interval\n")
    recorder_table(directory)
    print("\n## Output agreement\n")
    rows, ok = agreement(results, loops)
    table(["benchmark", "quantity", "TwinLab", "reference", "Δ", "tolerance", "status"], rows)
    verified = [tw.get("alloc_counter_verified") for _, tw in results.values() if tw]
    if not all(verified):
        print("\nWARNING: the malloc counter did not see 1000 allocations for 1000 objects; "
              "allocation counts are not trustworthy.")
    print("\nagreement:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
