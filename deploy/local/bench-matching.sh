#!/usr/bin/env bash
# The matching benchmark of allocation-service: a seeded, generated market (default 100,000 vouchers and
# 10,000 offerings) matched in-process by the service's own Matcher, compared with an exact max-flow upper bound.
# Usage: deploy/local/bench-matching.sh [vouchers] [offerings] [seed] [demandFactor]
# Last line: matching vouchers=<n> offerings=<m> seconds=<t> filled=<card-hours> upper_bound=<card-hours>
set -euo pipefail
cd "$(dirname "$0")/../.."
# -am builds platform-kit from this checkout too: a fresh clone has nothing installed in the local Maven repository
exec ./mvnw -B -q -Pbench -pl allocation-service -am test-compile -Dbench.args="$*"
