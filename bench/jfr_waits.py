"""Where the payment requests' time went, from a Flight Recording made by `bench/http-load.sh --jfr FILE`:

- how long the HTTP threads were parked waiting for the ledger's writer to answer (LedgerService.run's
  future), against the time the server spent on those requests (its own request timer, given by the caller);
- the HTTP threads' CPU samples by the first Coffer frame on the stack (what the HTTP layer spends CPU on);
- the writer thread's CPU samples by top frame.

    python3 bench/jfr_waits.py FILE [server-seconds-of-the-requests]
"""
import collections
import json
import re
import subprocess
import sys

HTTP_THREAD = "JettyServerThreadPool"
WRITER_THREAD = "coffer-ledger-writer"


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", name, path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(event):
    trace = event["values"].get("stackTrace") or {}
    return [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in trace.get("frames", [])]


def thread_name(event, key="eventThread"):
    thread = event["values"].get(key) or event["values"].get("sampledThread") or {}
    return thread.get("javaName") or thread.get("osName") or ""


def seconds(duration):
    # "PT0.012345S" as jfr --json writes durations
    return float(duration[2:-1]) if duration.startswith("PT") and duration.endswith("S") else 0.0


def recording_seconds(path):
    out = subprocess.run(["jfr", "summary", path], capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Duration: (\d+) s", out).group(1))


def parked(path, prefix):
    """Seconds the threads whose name starts with prefix were parked, and how many threads there were."""
    total, threads = 0.0, set()
    for e in events(path, "jdk.ThreadPark"):
        name = thread_name(e)
        if name.startswith(prefix):
            total += seconds(e["values"]["duration"])
            threads.add(name)
    return total, len(threads)


def waits(path):
    """Seconds HTTP threads were parked, split by what they waited for."""
    by_site = collections.Counter()
    count = collections.Counter()
    for e in events(path, "jdk.ThreadPark"):
        if not thread_name(e).startswith(HTTP_THREAD):
            continue
        stack = frames(e)
        if any(f.startswith("coffer.server.ledger.LedgerService.run") for f in stack):
            site = "the ledger writer's answer (LedgerService.run)"
        elif any("QueuedThreadPool" in f for f in stack):
            site = "idle in Jetty's pool (no request)"
        else:
            coffer = next((f for f in stack if f.startswith("coffer.")), stack[0] if stack else "?")
            site = coffer
        by_site[site] += seconds(e["values"]["duration"])
        count[site] += 1
    return by_site, count


def samples(path, thread_prefix, keys):
    """CPU samples of the threads whose name starts with thread_prefix, counted under each key keys(stack) gives."""
    counter = collections.Counter()
    total = 0
    for e in events(path, "jdk.ExecutionSample"):
        if not thread_name(e, "sampledThread").startswith(thread_prefix):
            continue
        total += 1
        counter.update(keys(frames(e)))
    return counter, total


def first_coffer(stack):
    for f in stack:
        if f.startswith("coffer."):
            return f
    return "(no Coffer frame: Jetty, Javalin) " + (stack[0] if stack else "?")


def main():
    path = sys.argv[1]
    server_seconds = float(sys.argv[2]) if len(sys.argv) > 2 else None
    by_site, count = waits(path)
    print("HTTP threads parked (s, parks):")
    for site, s in by_site.most_common(8):
        print(f"  {s:8.1f} s  {count[site]:7d}  {site}")
    writer = by_site.get("the ledger writer's answer (LedgerService.run)", 0.0)
    if server_seconds:
        print(f"waiting for the ledger writer: {writer:.1f} s of the payment requests' {server_seconds:.1f} s in the server "
              f"= {100 * writer / server_seconds:.0f}%")
    http, total = samples(path, HTTP_THREAD, lambda stack: [first_coffer(stack)])
    print(f"HTTP threads' CPU samples ({total}), by the innermost Coffer frame:")
    for site, n in http.most_common(15):
        print(f"  {100 * n / max(total, 1):5.1f}%  {site}")
    inclusive, total = samples(path, HTTP_THREAD, set)
    print(f"HTTP threads' CPU samples ({total}), by every frame on the stack (inclusive), Coffer's and the libraries' entry points:")
    for site, n in inclusive.most_common(40):
        print(f"  {100 * n / max(total, 1):5.1f}%  {site}")
    length = recording_seconds(path)
    idle, _ = parked(path, WRITER_THREAD)
    print(f"the ledger writer's thread waited for work (parked) {idle:.1f} s of the recording's {length:.0f} s")
    w, wtotal = samples(path, WRITER_THREAD, lambda stack: [stack[0] if stack else "?"])
    print(f"writer thread's CPU samples ({wtotal}), by top frame:")
    for site, n in w.most_common(8):
        print(f"  {100 * n / max(wtotal, 1):5.1f}%  {site}")
    native = collections.Counter()
    ntotal = 0
    for e in events(path, "jdk.NativeMethodSample"):
        if thread_name(e, "sampledThread").startswith(WRITER_THREAD):
            ntotal += 1
            stack = frames(e)
            native[next((f for f in stack if "SQLiteConnection.commit" in f), None) and "commit (SQLite, fsync)"
                   or (stack[0] if stack else "?")] += 1
    print(f"writer thread in native code ({ntotal} samples):")
    for site, n in native.most_common(5):
        print(f"  {100 * n / max(ntotal, 1):5.1f}%  {site}")


if __name__ == "__main__":
    main()
