#!/usr/bin/env bash
# Builds and runs the example programs the way any embedding application would use Coffer: installs the parent
# pom, shared-core and server-stub into the local Maven repository, builds this separate project (it depends on
# dev.coffer:shared-core and dev.coffer:server-stub by their coordinates, nothing else), checks that no SLF4J
# backend (the server jar's slf4j-simple) came along with them, then runs each program in a new data folder.
# Each program checks its own outcome and exits non-zero when the library did not do what it says.
# Usage: examples/check.sh [extra Maven options, e.g. -o]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"

mvn -B -q "$@" -f "$root/pom.xml" -pl .,shared-core,server-stub -DskipTests install
mvn -B -q "$@" -f "$here/pom.xml" -Dcoffer.version="$version" clean compile \
    dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"

classpath="$(cat "$here/target/classpath.txt")"
if tr ':' '\n' <<<"$classpath" | grep -q 'slf4j-simple'; then
    echo "examples: slf4j-simple reached an embedding application's class path" >&2
    exit 1
fi

data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
for program in SimpleWallet ShopCheckout MarketplaceEscrow; do
    echo "== example.$program"
    java -cp "$here/target/classes:$classpath" "example.$program" "$data/$program" 2>"$data/$program.err" \
        || { cat "$data/$program.err" >&2; echo "examples: example.$program failed" >&2; exit 1; }
done
echo "examples: three programs built against dev.coffer:shared-core and dev.coffer:server-stub $version, and run"
