#!/bin/sh
# The whole test suite under one sanitizer: `scripts/sanitize/run.sh address` or `scripts/sanitize/run.sh thread`;
# further arguments go to swift test (`scripts/sanitize/run.sh thread --filter WebSocketTests`).
# Each sanitizer builds in its own folder (.build-asan, .build-tsan), so the plain .build stays as it is. Any report
# fails the run: AddressSanitizer stops at the first error, LeakSanitizer reports at exit and fails the run then,
# ThreadSanitizer exits non-zero at the end.
# The suppression files next to this script hold only proven false positives, each with its proof.
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
# Leak checking is on (LeakSanitizer, at the exit of the test process): the tests close what they open, and lsan.supp
# names the proven false positives (docs/sanitizers.md). ASAN_OPTIONS=detect_leaks=0 turns it off for one run.
export ASAN_OPTIONS="detect_leaks=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export TSAN_OPTIONS="suppressions=$here/tsan.supp:print_suppressions=0${TSAN_OPTIONS:+:$TSAN_OPTIONS}"
exec ${SWIFT:-swift} test --sanitize="$sanitizer" --scratch-path "$folder" "$@"
