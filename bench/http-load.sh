#!/usr/bin/env bash
# The HTTP benchmark (BENCHMARKS.md): the packaged server with the demo data, then wrk (Debian's `wrk`)
# at 64 connections on GET /health and on POST /api/v1/payments (alice pays bob 0.01 each time),
# in the same run on the same machine. Afterwards it waits for every accepted payment to settle and
# runs `verify` on the ledger.
#
#   mvn -B -q -DskipTests package && bench/http-load.sh [connections] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-64}
SECONDS_PER_PHASE=${2:-15}
JAR=server-stub/target/coffer-server.jar
command -v wrk >/dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests package" >&2; exit 2; }

DATA=$(mktemp -d)
OUT=$(mktemp)
java -Xmx1g -Dorg.slf4j.simpleLogger.log.coffer.server.http.RequestLog=warn \
  -jar "$JAR" serve --port 0 --data "$DATA" --demo --no-rate-limits >"$OUT" 2>"$DATA/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA" "$OUT"' EXIT
for _ in $(seq 1 60); do grep -q listening "$OUT" && break; sleep 0.5; done
BASE=$(grep -o 'http://localhost:[0-9]*' "$OUT")

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
login() { curl -sf -X POST "$BASE/api/v1/auth/login" -d "{\"email\":\"$1\",\"password\":\"demo-password\"}" | json "d['access_token']"; }
ALICE=$(login alice@example.com)
BOB=$(login bob@example.com)
ALICE_WALLET=$(curl -sf "$BASE/api/v1/accounts" -H "Authorization: Bearer $ALICE" | json "d['accounts'][0]['id']")
BOB_WALLET=$(curl -sf "$BASE/api/v1/accounts" -H "Authorization: Bearer $BOB" | json "d['accounts'][0]['id']")

SCRIPT="$DATA/pay.lua"
cat >"$SCRIPT" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $ALICE"
wrk.body = '{"amount":"0.01","currency":"USD","source_wallet_id":"$ALICE_WALLET","destination":"$BOB_WALLET","description":"bench"}'
LUA

echo "server $BASE, $CONNECTIONS connections, $SECONDS_PER_PHASE s per phase, $(nproc) cores shared by server and wrk"
wrk -t2 -c"$CONNECTIONS" -d3s -s "$SCRIPT" "$BASE/api/v1/payments" >/dev/null   # warm-up
echo "== GET /health"
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --latency "$BASE/health" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx"
accepted() { curl -sf "$BASE/metrics" | grep 'uri="/api/v1/payments"' | grep 'status="201"' | grep '_count' | awk '{print $2}'; }
echo "== POST /api/v1/payments"
BEFORE=$(accepted)
START=$(date +%s.%N)
wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_PHASE}s" --latency -s "$SCRIPT" "$BASE/api/v1/payments" \
  | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|requests in"
# every accepted payment must settle: nothing pending or processing is left
until [ "$(curl -sf "$BASE/api/v1/transactions?status=pending,processing&limit=1" -H "Authorization: Bearer $ALICE" | json "len(d['transactions'])")" = 0 ]; do
  sleep 0.2
done
END=$(date +%s.%N)
COMPLETED=$(python3 -c "print(float($(accepted)) - float($BEFORE))")
python3 -c "print(f'payments completed: {float($COMPLETED):.0f} in {$END-$START:.1f} s from the first request to the last settlement = {float($COMPLETED)/($END-$START):.0f}/s')"
kill $SERVER; wait $SERVER 2>/dev/null || true
java -jar "$JAR" verify --data "$DATA" 2>/dev/null
