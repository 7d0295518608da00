#!/bin/sh
# The whole test suite under one sanitizer: `scripts/sanitize/run.sh address` or `scripts/sanitize/run.sh thread`;
# further arguments go to swift test (`scripts/sanitize/run.sh thread --filter WebSocketTests`).
# Each sanitizer builds in its own folder (.build-asan, .build-tsan), so the plain .build stays as it is. Any report
# fails the run: AddressSanitizer stops at the first error, ThreadSanitizer exits non-zero at the end.
# The suppression files next to this script hold only proven false positives in system libraries, each with its proof.
set -eu
cd "$(dirname "$0")/../.."
here=$(pwd)/scripts/sanitize
sanitizer=${1:-}
[ $# -gt 0 ] && shift
case "$sanitizer" in
    address) folder=.build-asan ;;
    thread) folder=.build-tsan ;;
    *) echo "usage: $0 address|thread" >&2; exit 2 ;;
esac
# Leak checking is off: the tests leave in-memory OCPP sessions open (a session keeps itself alive until its transport
# closes), which LeakSanitizer reports at exit; docs/sanitizers.md has the analysis. ASAN_OPTIONS=detect_leaks=1 turns
# it on (lsan.supp then hides XCTest's own leak).
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TSAN_OPTIONS="suppressions=$here/tsan.supp:print_suppressions=0${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
exec ${SWIFT:-swift} test --sanitize="$sanitizer" --scratch-path "$folder" "$@"
