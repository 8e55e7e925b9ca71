#!/usr/bin/env bash
# The main job: set up, build, run the demo scenario, write results/ and print KPIs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build -c release --product twinlab 2>&1 | tail -n 1
.build/release/twinlab run scenarios/whole-facility.yaml "$@"
