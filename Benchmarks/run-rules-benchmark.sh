#!/usr/bin/env bash
# Rule-engine throughput without a package build: compiles Sources/Control/Rules (plus the
# ModelInputError it throws) with the malloc counter into one optimised executable, then runs
# the noisy-near-threshold and the quiet case. Usage: Benchmarks/run-rules-benchmark.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for f in "$repo"/Sources/Control/Rules/*.swift "$repo"/Sources/TwinModels/Validation/ModelInputError.swift; do
    sed 's/^import TwinModels$//' "$f" > "$work/$(basename "$f")"
done
cp "$here/rules-throughput/main.swift" "$work/main.swift"
clang -O2 -c "$here/Sources/CAllocCounter/AllocCounter.c" -I "$here/Sources/CAllocCounter/include" -o "$work/alloc.o"
# The flag spares this harness's own globals (the engine, the table) their dynamic checks; the rule
# engine itself holds no class state, so it compiles to the same code as in the package, which
# uses no unsafe flags.
swiftc -O -swift-version 6 -enforce-exclusivity=unchecked -module-name RulesBench "$work"/*.swift "$work/alloc.o" \
    -o "$work/rules-bench"
"$work/rules-bench"
"$work/rules-bench" quiet
