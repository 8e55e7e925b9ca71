#!/usr/bin/env bash
# The main job: set up, build, run the demo scenario, write results/ and print KPIs and where
# the run file went.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product twinlab 2>&1 | tail -n 1
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
.build/release/twinlab run scenarios/whole-facility.yaml "$@" | tee "$summary"
# The file name carries seed, horizon and the scenario's hash: say exactly where it is.
run_file=$(sed -n 's/^output  *//p' "$summary")
if [ -n "$run_file" ]; then
    echo
    echo "run file: $run_file"
    echo "  layout: docs/run-file-format.md · every run: .build/release/twinlab catalog list"
fi
