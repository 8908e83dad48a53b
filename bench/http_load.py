"""The HTTP benchmark (BENCHMARKS.md section 2), run by bench/http-load.sh.

The packaged server (`serve --demo --no-rate-limits`, SQLite, durable commits) at a fixed heap, and wrk on
the same machine: GET /health (the lean reference: routing, JSON, one pooled connection checked) and then
POST /api/v1/payments (0.01 at a time, alice to bob and bob to alice in turn, so that neither runs out of
money nor of daily limit however fast the server goes), the same connections and seconds each. Afterwards
it waits until every accepted payment has settled and checks that each one completed: none of alice's or
bob's movements is still pending or processing and none failed (the only payments on the server are theirs),
and their money together is what it was. Then it stops the server and runs `verify`. Beside each phase: the server's CPU
seconds, wrk's, the rest of the machine's (other work sharing the cores), and the server's peak heap from
its GC log. A server that runs out of heap stops (-XX:+ExitOnOutOfMemoryError) and the run says so.
"""
import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from decimal import Decimal

import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "server-stub", "target", "coffer-server.jar")
AMOUNT = Decimal("0.01")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("connections", nargs="?", type=int, default=64)
    p.add_argument("seconds", nargs="?", type=int, default=15, help="length of each measured phase")
    p.add_argument("--heap", default="256m", help="the server's -Xmx (default %(default)s)")
    p.add_argument("--warmup", type=int, default=30,
                   help="seconds of warm-up on payments, and a third of it on /health, before measuring (default %(default)s:"
                        " on 2 shared cores the JIT needs about that long for the payment path)")
    p.add_argument("--jfr", metavar="FILE", help="record the payments phase with Flight Recorder (settings=profile) into FILE")
    p.add_argument("--jar", default=JAR, help="the server jar to run (default: this tree's build), e.g. an older build to compare")
    p.add_argument("--access-log", action="store_true", help="keep the server's access log at info (off by default, as before)")
    p.add_argument("--keep", action="store_true", help="keep the data folder and the server's logs")
    p.add_argument("--threads", action="store_true", help="also print the server's CPU seconds by thread during each phase")
    args = p.parse_args()
    if not shutil.which("wrk"):
        sys.exit("needs wrk (Debian: apt-get install wrk)")
    if not os.path.exists(args.jar):
        sys.exit("build first: mvn -B -q -DskipTests package")

    data = tempfile.mkdtemp(prefix="coffer-http-load-")
    server = Server(args.jar, data, args.heap, args.access_log)
    try:
        run(args, server)
    except (OSError, subprocess.CalledProcessError):
        # the server going away mid-run shows up first as a refused or dropped request
        try:
            server.process.wait(10)
        except subprocess.TimeoutExpired:
            raise
        server.gone()
    finally:
        server.stop()
        if args.keep:
            print(f"data and logs kept in {data}")
        else:
            shutil.rmtree(data, ignore_errors=True)


def run(args, server):
    load_start = benchlib.load_average()
    print(f"load average {load_start:.2f} at the start; {benchlib.cores()} cores shared by the server, wrk and anything else")
    print(f"server {server.base} (-Xmx{args.heap}), {args.connections} connections, {args.seconds} s per phase")
    alice = Client(server.base, login(server.base, "alice@example.com"))
    bob = Client(server.base, login(server.base, "bob@example.com"))
    alice_wallet, bob_wallet = alice.wallet(), bob.wallet()
    total_start = alice.balance(alice_wallet) + bob.balance(bob_wallet)

    script = os.path.join(server.data, "pay.lua")
    with open(script, "w") as f:
        f.write(pay_script([(alice.token, alice_wallet, bob_wallet), (bob.token, bob_wallet, alice_wallet)]))
    health, payments = server.base + "/health", server.base + "/api/v1/payments"

    # warm-up: the JIT compiles both paths before either is measured
    wrk(args.connections, args.warmup, payments, script)
    wrk(args.connections, max(1, args.warmup // 3), health)
    settle([alice, bob], server)

    h = phase(server, lambda: wrk(args.connections, args.seconds, health))
    accepted_before = server.accepted()
    served_before = server.payment_seconds()
    if args.jfr:
        server.jcmd("JFR.start", "name=bench", f"settings={jfr_settings(server.data)}", f"filename={os.path.abspath(args.jfr)}")
    pay = phase(server, lambda: wrk(args.connections, args.seconds, payments, script))
    if args.jfr:
        server.jcmd("JFR.stop", "name=bench")
    served = server.payment_seconds() - served_before
    started = time.monotonic() - pay.wall
    settle([alice, bob], server)
    settled_after = time.monotonic() - started
    accepted = server.accepted()
    in_flight = alice.in_flight() + bob.in_flight()
    failed = alice.failed() + bob.failed()
    total_end = alice.balance(alice_wallet) + bob.balance(bob_wallet)
    peak, last, committed = benchlib.gc_log_heap(server.gc_log)
    used_now = server.heap_used_now()
    rss = server.peak_rss()
    load_end = benchlib.load_average()
    alive = server.alive()
    server.stop()
    verified = verify(args.jar, server.data)
    oom = server.out_of_memory()

    print()
    print(benchlib.table(
        ["route", "requests/s", "p50 ms", "p99 ms", "non-2xx", "server CPU s (cores)", "wrk CPU s", "others' CPU s"],
        [row("`GET /health`", h, args.seconds), row("`POST /api/v1/payments`", pay, args.seconds)]))
    print()
    print(f"payments / health: {pay.rate / h.rate:.2f} of the requests/s (goal >= 0.5); "
          f"p99 {pay.p99 / h.p99:.2f}x /health's (goal <= 1.5x)")
    print(f"accepted (201) since the server started: {accepted:.0f}, {accepted - accepted_before:.0f} in the measured phase; "
          f"still pending or processing: {in_flight}; failed: {failed}; alice's and bob's money together "
          f"{'unchanged' if total_end == total_start else 'CHANGED'} ({total_end})")
    print(f"every accepted payment settled and completed: {'yes' if in_flight == 0 and failed == 0 else 'NO'}; "
          f"the measured phase's last payment settled {settled_after:.1f} s after its first request "
          f"({(accepted - accepted_before) / settled_after:.0f} settled/s)")
    print(f"server heap (-Xmx{args.heap}): peak {peak:.0f} MB in use before a GC, {last or 0:.0f} MB after the last GC, "
          f"{used_now or 0:.0f} MB in use at the end, {committed or 0:.0f} MB committed; peak RSS {rss or 0:.0f} MB")
    print(f"the load held at -Xmx{args.heap}: {'yes' if alive and not oom else 'NO'}"
          f" (server {'still answering' if alive else 'DEAD'} at the end, {'an OutOfMemoryError' if oom else 'no OutOfMemoryError'})")
    print(f"verify: {verified}")
    if args.threads:
        print_threads("/health", h)
        print_threads("payments", pay)
    print(f"load average {load_end:.2f} at the end")
    if args.jfr:
        print(f"Flight Recording of the payments phase: {args.jfr}")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "jfr_waits.py"), args.jfr, f"{served:.3f}"])


def jfr_settings(folder):
    """The JDK's `profile` settings, with every park recorded (not only those over 10 ms), so the time the HTTP
    threads wait for the ledger's writer can be summed."""
    java_home = os.path.dirname(os.path.dirname(os.path.realpath(shutil.which("java"))))
    with open(os.path.join(java_home, "lib", "jfr", "profile.jfc")) as f:
        text = f.read()
    text = re.sub(r'(<event name="jdk.ThreadPark">.*?<setting name="threshold"[^>]*>)[^<]*(</setting>)',
                  r"\g<1>0 ms\2", text, count=1, flags=re.S)
    # a sample every millisecond rather than every 10: enough of them to rank what the HTTP threads spend CPU on
    text = re.sub(r'(<event name="jdk.ExecutionSample">.*?<setting name="period"[^>]*>)[^<]*(</setting>)',
                  r"\g<1>1 ms\2", text, count=1, flags=re.S)
    path = os.path.join(folder, "bench.jfc")
    with open(path, "w") as f:
        f.write(text)
    return path


class Phase:
    def __init__(self, wrk_result, wall, server_cpu, wrk_cpu, machine_cpu, threads):
        self.rate, self.p50, self.p99, self.non2xx, self.requests = wrk_result
        self.wall, self.server_cpu, self.wrk_cpu = wall, server_cpu, wrk_cpu
        self.others_cpu = max(0.0, machine_cpu - server_cpu - wrk_cpu)
        self.threads = threads


def phase(server, work):
    th0 = benchlib.thread_cpu(server.process.pid)
    s0, m0, c0, t0 = server.cpu(), benchlib.machine_cpu(), benchlib.children_cpu(), time.monotonic()
    result = work()
    t1, s1, m1, c1 = time.monotonic(), server.cpu(), benchlib.machine_cpu(), benchlib.children_cpu()
    th1 = benchlib.thread_cpu(server.process.pid)
    threads = {k: v - th0.get(k, 0.0) for k, v in th1.items()}
    return Phase(result, t1 - t0, (s1 or s0) - s0, c1 - c0, m1 - m0, threads)


def print_threads(name, ph):
    busiest = sorted(ph.threads.items(), key=lambda kv: -kv[1])[:8]
    print(f"server CPU s by thread, {name}: " + ", ".join(f"{k} {v:.1f}" for k, v in busiest if v >= 0.05))


def row(name, ph, seconds):
    return [name, f"{ph.rate:,.0f}", f"{ph.p50:.1f}", f"{ph.p99:.1f}", ph.non2xx,
            f"{ph.server_cpu:.1f} ({ph.server_cpu / ph.wall:.2f})", f"{ph.wrk_cpu:.1f}", f"{ph.others_cpu:.1f}"]


LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", re.M)
TO_MS = {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}


def wrk(connections, seconds, url, script=None):
    """(requests/s, p50 ms, p99 ms, non-2xx responses, requests) of one wrk run."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        cmd[1:1] = ["-s", script]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    latency = {m.group(1): float(m.group(2)) * TO_MS[m.group(3)] for m in LATENCY.finditer(out)}
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if errors:
        print(f"wrk on {url}: socket errors {errors.group(1)}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return rate, latency["50"], latency["99"], int(non2xx.group(1)) if non2xx else 0, requests


class Server:
    def __init__(self, jar, data, heap, access_log):
        self.data, self.heap = data, heap
        self.gc_log = os.path.join(data, "gc.log")
        self.log_path = os.path.join(data, "server.log")
        cmd = ["java", f"-Xmx{heap}", "-XX:+ExitOnOutOfMemoryError", f"-Xlog:gc:file={self.gc_log}"]
        if not access_log:
            cmd.append("-Dorg.slf4j.simpleLogger.log.coffer.server.http.RequestLog=warn")
        cmd += ["-jar", jar, "serve", "--port", "0", "--data", data, "--demo", "--no-rate-limits"]
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.log, text=True)
        deadline = time.monotonic() + 60
        for line in self.process.stdout:
            m = re.search(r"http://localhost:\d+", line)
            if m:
                self.base = m.group(0)
                break
            if time.monotonic() > deadline:
                break
        else:
            self.process.wait(10)
            self.gone()

    def cpu(self):
        return benchlib.process_cpu(self.process.pid)

    def peak_rss(self):
        return benchlib.process_peak_rss_mb(self.process.pid)

    def heap_used_now(self):
        return benchlib.heap_used_now_mb(self.process.pid) if self.alive() else None

    def alive(self):
        return self.process.poll() is None

    def jcmd(self, *command):
        subprocess.run(["jcmd", str(self.process.pid), *command], capture_output=True, check=True)

    def accepted(self):
        """Payments answered 201 since the server started, from its own /metrics."""
        return self.payments_metric("http_server_requests_seconds_count")

    def payment_seconds(self):
        """Seconds the server spent on payments it answered 201 (its request timer), since it started."""
        return self.payments_metric("http_server_requests_seconds_sum")

    def payments_metric(self, name):
        with urllib.request.urlopen(self.base + "/metrics") as r:
            for line in r.read().decode().splitlines():
                if (line.startswith(name + "{") and 'uri="/api/v1/payments"' in line
                        and 'method="POST"' in line and 'status="201"' in line):
                    return float(line.rsplit(" ", 1)[1])
        return 0.0

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def gone(self):
        """Ends the run: the server stopped before it was told to."""
        sys.exit(f"the load did NOT hold at -Xmx{self.heap}: the server stopped during the run"
                 + (" with an OutOfMemoryError" if self.out_of_memory() else "") + f" (exit {self.process.poll()})")

    def out_of_memory(self):
        """Whether the server reported an OutOfMemoryError: in its log, or (-XX:+ExitOnOutOfMemoryError, which
        ends the JVM with status 3) on its standard output once it has stopped."""
        with open(self.log_path, errors="replace") as f:
            logged = "OutOfMemoryError" in f.read()
        said = self.process.poll() is not None and "OutOfMemoryError" in (self.process.stdout.read() or "")
        return logged or said


class Client:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def get(self, path):
        req = urllib.request.Request(self.base + path, headers={"Authorization": "Bearer " + self.token})
        with urllib.request.urlopen(req) as r:
            return json.load(r)

    def wallet(self):
        return self.get("/api/v1/accounts")["accounts"][0]["id"]

    def balance(self, wallet):
        return Decimal(self.get(f"/api/v1/accounts/{wallet}")["account"]["balance"])

    def in_flight(self):
        return len(self.get("/api/v1/transactions?status=pending,processing&limit=1")["transactions"])

    def failed(self):
        return len(self.get("/api/v1/transactions?status=failed&limit=1")["transactions"])


def login(base, email):
    body = json.dumps({"email": email, "password": "demo-password"}).encode()
    req = urllib.request.Request(base + "/api/v1/auth/login", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)["access_token"]


def pay_script(payers):
    """A wrk script whose connections send the payers' payments in turn, each request prepared once."""
    # built in init, once wrk knows the URL's path (wrk.format reads it)
    lines = ["local requests = {}", "init = function(args)"]
    for token, source, destination in payers:
        body = json.dumps(dict(amount=str(AMOUNT), currency="USD", source_wallet_id=source, destination=destination,
                               description="bench"))
        lines.append(f'  requests[#requests + 1] = wrk.format("POST", nil, {{["Content-Type"] = "application/json", '
                     f'["Authorization"] = "Bearer {token}"}}, \'{body}\')')
    lines += ["end",
              "local n = 0",
              "request = function()",
              "  n = n + 1",
              "  return requests[n % #requests + 1]",
              "end"]
    return "\n".join(lines) + "\n"


def settle(clients, server, timeout=300):
    """Waits until none of the clients' movements is pending or processing."""
    deadline = time.monotonic() + timeout
    while server.alive() and any(c.in_flight() for c in clients):
        if time.monotonic() > deadline:
            sys.exit(f"payments did not settle within {timeout} s")
        time.sleep(0.1)
    if not server.alive():
        server.gone()


def verify(jar, data):
    out = subprocess.run(["java", "-jar", jar, "verify", "--data", data], capture_output=True, text=True)
    lines = [line for line in out.stdout.splitlines() if line.strip()]
    return ("exit " + str(out.returncode) + ": ") + " ".join(lines[-2:])


if __name__ == "__main__":
    main()
