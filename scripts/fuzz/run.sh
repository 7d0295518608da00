#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ with the fuzzer and address sanitizers and runs each for FUZZ_SECONDS
# (default 60). Seeds come from Fuzz/Corpus/<target> (read only); what libFuzzer learns goes to
# .build-fuzz-work/corpus/<target>, crash, timeout and out-of-memory inputs to .build-fuzz-work/artifacts/<target>/.
# Each run ends with libFuzzer's own "Done N runs in S second(s)" line, then one table row per target.
# Usage: scripts/fuzz/run.sh [TARGET...]   (FUZZ_SECONDS=600 scripts/fuzz/run.sh FuzzOCPPFrame)
set -u -o pipefail
cd "$(dirname "$0")/../.."

SECONDS_EACH=${FUZZ_SECONDS:-60}
SWIFT=${SWIFT:-swift}
SCRATCH=.build-fuzz
WORK=.build-fuzz-work
ALL_TARGETS=(FuzzScenario FuzzExpression FuzzOCPPFrame FuzzTrace FuzzWebSocketFrame FuzzHandshake FuzzUpgradeResponse)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

echo "Building the fuzz targets with -sanitize=fuzzer,address…"
# ld.gold warns "Cannot export local symbol" for sanitizer symbols: harmless, filtered out.
if ! "$SWIFT" build --package-path Fuzz --scratch-path "$SCRATCH" -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING 2>&1 \
    | { grep -v "Cannot export local symbol" | grep -E "error|warning:|Compiling Fuzz|complete" || true; }; then
    echo "the build of the fuzz targets failed"
    exit 2
fi

rows=()
failed=0
for target in "${TARGETS[@]}"; do
    corpus="$WORK/corpus/$target"
    artifacts="$WORK/artifacts/$target/"
    log="$WORK/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
    dict=()
    [ -f "Fuzz/Dictionaries/$target.dict" ] && dict=("-dict=Fuzz/Dictionaries/$target.dict")
    echo "== $target: ${SECONDS_EACH} s"
    # detect_leaks=0: the Swift runtime's lazily filled metadata caches read as leaks to LeakSanitizer.
    ASAN_OPTIONS=detect_leaks=0 "$SCRATCH/debug/$target" "$corpus" "Fuzz/Corpus/$target" "${dict[@]}" \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$artifacts" -detect_leaks=0 >"$log" 2>&1
    status=$?
    grep -E "^Done [0-9]+ runs" "$log" || true
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
    edges=$(grep -oE "cov: [0-9]+" "$log" | tail -n1 | cut -d' ' -f2)
    found=$(grep -oE "(crash|leak|timeout|oom|slow-unit)-[0-9a-f]+" "$log" | sort -u | tr '\n' ' ')
    if [ $status -ne 0 ]; then
        failed=1
        grep -E "ERROR: |SUMMARY: |Fatal error|Test unit written" "$log" | head -n 6
        result="FAILED ${found:-exit $status} (log: $log)"
    else
        result="no crash"
    fi
    rows+=("$(printf '%-20s %12s %10s %8s  %s' "$target" "${runs:-?}" "${rate:-?}" "${edges:-?}" "$result")")
done

echo
printf '%-20s %12s %10s %8s  %s\n' "target" "executions" "exec/s" "edges" "result"
printf '%s\n' "${rows[@]}"
exit $failed
