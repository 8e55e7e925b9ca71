#!/usr/bin/env bash
# Sets up and runs every test. Release mode: the queueing validations simulate
# 40 million customers. -enable-testing keeps @testable imports working.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
swift build -c release --build-tests -Xswiftc -enable-testing
swift test -c release -Xswiftc -enable-testing --skip-build "$@"
