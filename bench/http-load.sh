#!/usr/bin/env bash
# The HTTP benchmark (BENCHMARKS.md section 2): the packaged server with the demo data at -Xmx256m, then wrk
# (Debian's `wrk`) on GET /health and on POST /api/v1/payments in the same run, each with the server's, wrk's
# and the rest of the machine's CPU seconds; every accepted payment's settlement checked, `verify`, the
# server's peak heap. bench/http-load.sh --help lists the options (--heap, --jfr, ...).
#
#   mvn -B -q -DskipTests package && bench/http-load.sh [connections] [seconds]
set -euo pipefail
exec python3 "$(dirname "$0")/http_load.py" "$@"
