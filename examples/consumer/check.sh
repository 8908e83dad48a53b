#!/usr/bin/env bash
# Proves that Coffer's artifacts are usable by their coordinates: installs the parent pom, shared-core and
# server-stub into the local Maven repository, then builds this separate project, which depends on
# dev.coffer:shared-core and dev.coffer:server-stub like any embedding application, runs it, and checks that
# no SLF4J backend (the server jar's slf4j-simple) came along with them.
# Usage: examples/consumer/check.sh [extra Maven options, e.g. -o]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"

mvn -B -q "$@" -f "$root/pom.xml" -pl .,shared-core,server-stub -DskipTests install
mvn -B -q "$@" -f "$here/pom.xml" -Dcoffer.version="$version" clean compile \
    dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"

classpath="$(cat "$here/target/classpath.txt")"
if tr ':' '\n' <<<"$classpath" | grep -q 'slf4j-simple'; then
    echo "consumer: slf4j-simple reached an embedding application's class path" >&2
    exit 1
fi
out="$(java -cp "$here/target/classes:$classpath" example.Checkout)"
echo "$out"
grep -q '^USD 19.99 = USD 19.39 + USD 0.60$' <<<"$out" || { echo "consumer: unexpected output" >&2; exit 1; }
echo "consumer: dev.coffer:shared-core and dev.coffer:server-stub $version compile and run in a fresh project"
