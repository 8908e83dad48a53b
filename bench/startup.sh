#!/usr/bin/env bash
# Start-up benchmarks (BENCHMARKS.md section 4): the packaged server's start to its first 200 on /health
# (fresh and existing data folder, with and without --demo) beside a trivial Java program's start to its
# first line; the app's JVM start to its first frame (under xvfb-run) beside a bare JavaFX window's.
# Medians of several runs, with CPU seconds and heap. bench/startup.sh --help lists the options.
#
#   mvn -B -q -DskipTests package && bench/startup.sh [server|app|all]
set -euo pipefail
exec python3 "$(dirname "$0")/startup.py" "$@"
