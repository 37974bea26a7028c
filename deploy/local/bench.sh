#!/usr/bin/env bash
# Benchmarks that print figures (never asserted in tests). Run through `deploy/local/platform bench <name>`.
#   usage     usage intake against the running stack (provider-service): records/s, p50/p99, stored, duplicates
#   matching  the matching engine in-process: 100,000 vouchers × 10,000 offerings, fill vs. max-flow upper bound
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
name=${1:-}
shift || true
case $name in
  usage) exec "$HERE/bench-usage.sh" "$@" ;;
  matching) exec "$HERE/bench-matching.sh" "$@" ;;
  *) echo "usage: deploy/local/platform bench usage|matching [ARGS]" >&2; exit 2 ;;
esac
