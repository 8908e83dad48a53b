"""Start-up benchmarks (BENCHMARKS.md section 4), run by bench/startup.sh.

server: the packaged server (`java -jar server-stub/target/coffer-server.jar serve`), from the moment the
  process is started to its first 200 on GET /health (polled every 5 ms), on a fresh data folder and on
  the folder the fresh start left (an existing database), with and without --demo.
app: the desktop app (coffer.app.Launcher with COFFER_STARTUP_PROBE=1), from the JVM's start
  (RuntimeMXBean.getStartTime) to its first frame shown, under xvfb-run; its bundled server's data and the
  app's settings in a fresh temporary folder on every run.

Beside each, in the same run, the lean reference measured the same way: a trivial Java program's start to
its first line of output (for the server), a minimal JavaFX window's first frame (for the app). Each row is
the median of --runs runs, with the process's CPU seconds and its heap in use at that moment.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import benchlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "server-stub", "target", "coffer-server.jar")
APP = os.path.join(ROOT, "app")
HELLO = "public final class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }\n"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("what", nargs="?", choices=["server", "app", "all"], default="all")
    p.add_argument("--runs", type=int, default=7, help="runs per row; the median is reported (default %(default)s)")
    p.add_argument("--heap", default="256m", help="-Xmx of the measured JVMs (default %(default)s)")
    p.add_argument("--jar", default=JAR, help="the server jar to start (default: this tree's build), e.g. an older build to compare")
    p.add_argument("--jvm-arg", action="append", default=[], help="an extra JVM argument for the measured server or app")
    p.add_argument("--cds", action="store_true",
                   help="server: also measure every row with a class-data archive (README, \"A faster start\") made by one "
                        "training start (serve --demo) of the same jar, each run beside a plain one")
    args = p.parse_args()
    print(f"load average {benchlib.load_average():.2f} at the start; {benchlib.cores()} cores; "
          f"{args.runs} runs per row, medians; -Xmx{args.heap}")
    work = tempfile.mkdtemp(prefix="coffer-startup-")
    try:
        if args.what in ("server", "all"):
            server_rows(args, work)
        if args.what in ("app", "all"):
            app_rows(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load average {benchlib.load_average():.2f} at the end")


class Sample:
    def __init__(self, ms, cpu, heap, parts=None):
        self.ms, self.cpu, self.heap, self.parts = ms, cpu, heap, parts or {}


def summary(name, samples, goal=None):
    ms = benchlib.median([s.ms for s in samples])
    cpu = benchlib.median([s.cpu for s in samples if s.cpu is not None])
    heaps = [s.heap for s in samples if s.heap is not None]
    return [name, f"{ms:,.0f}", f"{min(s.ms for s in samples):,.0f}–{max(s.ms for s in samples):,.0f}",
            f"{cpu:.2f}", f"{benchlib.median(heaps):.0f}" if heaps else "", goal or ""]


HEADERS = ["start", "median ms", "range ms", "CPU s", "heap in use MB", "goal"]


# ---- the server ----------------------------------------------------------------------------------------

def server_rows(args, work):
    if not os.path.exists(args.jar):
        sys.exit("build first: mvn -B -q -DskipTests package")
    hello = compile_hello(work)
    rows = [summary("reference: `java Hello` to its first line", [first_line(args, hello) for _ in range(args.runs)])]
    archived = [f"-XX:SharedArchiveFile={train_archive(args, work)}"] if args.cds else None
    cds_rows = []
    for demo in (False, True):
        fresh, existing, cds_fresh, cds_existing = [], [], [], []
        for i in range(args.runs):
            data = os.path.join(work, f"data-{demo}-{i}")
            fresh.append(server_start(args, data, demo))
            existing.append(server_start(args, data, demo))
            if archived:
                data = os.path.join(work, f"data-{demo}-{i}-cds")
                cds_fresh.append(server_start(args, data, demo, archived))
                cds_existing.append(server_start(args, data, demo, archived))
        flag = " --demo" if demo else ""
        rows.append(summary(f"`serve{flag}`, fresh data folder", fresh, "≤ 1,000 ms"))
        rows.append(summary(f"`serve{flag}`, existing data folder", existing, "≤ 1,000 ms"))
        if archived:
            cds_rows.append(summary(f"`serve{flag}`, fresh data folder, with the archive", cds_fresh, "≤ 1,000 ms"))
            cds_rows.append(summary(f"`serve{flag}`, existing data folder, with the archive", cds_existing, "≤ 1,000 ms"))
    print()
    print("server: process start to the first 200 on GET /health")
    print(benchlib.table(HEADERS, rows + cds_rows))
    print("CPU s by thread until then (`serve --demo`, existing folder, medians):", by_thread(existing))
    print("where the time went in the last run (the server's own log):", phases(work))


def compile_hello(work):
    src = os.path.join(work, "Hello.java")
    with open(src, "w") as f:
        f.write(HELLO)
    subprocess.run(["javac", "-d", work, src], check=True)
    return work


def first_line(args, classes):
    t0 = time.monotonic()
    proc = subprocess.Popen(["java", f"-Xmx{args.heap}", "-cp", classes, "Hello"], stdout=subprocess.PIPE, text=True)
    proc.stdout.readline()
    ms = (time.monotonic() - t0) * 1000
    cpu = benchlib.process_cpu(proc.pid)
    proc.wait()
    return Sample(ms, cpu, None)


def train_archive(args, work):
    """A class-data archive of the classes one `serve --demo` start loads, written when that server stops."""
    archive = os.path.join(work, "coffer-server.jsa")
    server_start(args, os.path.join(work, "cds-training"), True, [f"-XX:ArchiveClassesAtExit={archive}"])
    if not os.path.exists(archive):
        sys.exit(f"the training start wrote no archive; see {os.path.join(work, 'cds-training', 'server.log')}")
    return archive


def server_start(args, data, demo, jvm_args=()):
    port = benchlib.free_port()
    os.makedirs(data, exist_ok=True)
    cmd = ["java", f"-Xmx{args.heap}", *args.jvm_arg, *jvm_args, "-jar", args.jar, "serve", "--port", str(port), "--data", data]
    if demo:
        cmd.append("--demo")
    url = f"http://127.0.0.1:{port}/health"
    with open(os.path.join(data, "server.log"), "w") as log:
        t0 = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=log)
        try:
            while True:
                try:
                    with urllib.request.urlopen(url, timeout=5) as r:
                        if r.status == 200:
                            break
                except (OSError, urllib.error.URLError):
                    if proc.poll() is not None:
                        sys.exit(f"the server stopped; see {log.name}")
                    time.sleep(0.005)
            ms = (time.monotonic() - t0) * 1000
            cpu = benchlib.process_cpu(proc.pid)
            threads = benchlib.thread_cpu(proc.pid)
            heap = benchlib.heap_used_now_mb(proc.pid)
        finally:
            proc.terminate()
            proc.wait(60)
    shutil.copy(os.path.join(data, "server.log"), os.path.join(os.path.dirname(data), "last-server.log"))
    return Sample(ms, cpu, heap, threads)


def by_thread(samples):
    """Median CPU seconds by thread group over the runs, the busiest first."""
    names = {k for s in samples for k in s.parts}
    medians = {k: benchlib.median([s.parts.get(k, 0.0) for s in samples]) for k in names}
    return ", ".join(f"{k} {v:.2f}" for k, v in sorted(medians.items(), key=lambda kv: -kv[1]) if v >= 0.05)


def phases(work):
    with open(os.path.join(work, "last-server.log"), errors="replace") as f:
        m = re.search(r"Started in .*", f.read())
    return m.group(0) if m else "(not logged)"


# ---- the app -------------------------------------------------------------------------------------------

def app_rows(args, work):
    if not shutil.which("xvfb-run"):
        sys.exit("needs xvfb-run (Debian: apt-get install xvfb) and libgtk-3-0")
    classpath = app_classpath(work)
    bare = [app_frame(args, work, classpath, "coffer.app.bench.BareWindow") for _ in range(args.runs)]
    app = [app_frame(args, work, classpath, "coffer.app.Launcher") for _ in range(args.runs)]
    remote = [app_frame(args, work, classpath, "coffer.app.Launcher", server_url="http://127.0.0.1:9")
              for _ in range(args.runs)]
    rows = [summary("reference: a bare JavaFX window's first frame", bare),
            summary("the app (`coffer.app.Launcher`), first start (fresh settings, bundled server)", app, "≤ 2,000 ms"),
            summary("the app with a server URL set (no bundled server starting beside the window)", remote, "≤ 2,000 ms")]
    print()
    print("app: JVM start to the first frame shown (xvfb-run, JavaFX's default pipeline)")
    print(benchlib.table(HEADERS, rows))
    print()
    print(benchlib.table(["medians, ms", "JVM start to Application.start", "start to window shown", "shown to first frame"],
                         [[name] + [f"{benchlib.median([x.parts[k] for x in runs]):,.0f}" for k in ("start", "shown", "frame")]
                          for name, runs in (("bare window", bare), ("the app", app), ("the app, server URL set", remote))]))


def app_classpath(work):
    """The app's classes (the bare window is in its test classes) and its dependencies, as the reactor resolves
    them: the sibling modules' classes folders, the rest from the local repository (offline)."""
    out = "target/bench.classpath"
    build = subprocess.run(["mvn", "-B", "-q", "-o", "-f", os.path.join(ROOT, "pom.xml"), "-pl", "app", "-am", "test-compile",
                            "dependency:build-classpath", "-Dmdep.includeScope=test", f"-Dmdep.outputFile={out}"],
                           capture_output=True, text=True)
    if build.returncode != 0:
        sys.exit("could not build the app's classpath:\n" + build.stdout + build.stderr)
    with open(os.path.join(APP, out)) as f:
        deps = f.read().strip()
    classes = [os.path.join(APP, "target", "classes"), os.path.join(APP, "target", "test-classes")]
    return os.pathsep.join(classes + [deps])


PROBE = re.compile(r"coffer-startup-probe: first frame after (\d+) ms; heap in use (\d+) MB; CPU ([\d.]+) s; "
                   r"application start after (\d+) ms; window shown after (\d+) ms")


def app_frame(args, work, classpath, main_class, server_url=None):
    home = tempfile.mkdtemp(dir=work, prefix="home-")
    if server_url:
        # a loopback port nothing listens on: the app shows its window and fails to connect, as offline
        with open(os.path.join(home, "settings.properties"), "w") as f:
            f.write("server.url=" + server_url.replace(":", "\\:") + "\n")
    env = dict(os.environ, COFFER_STARTUP_PROBE="1")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
           "java", f"-Xmx{args.heap}", *args.jvm_arg, f"-Djavafx.cachedir={os.path.join(work, 'openjfx-cache')}",
           f"-Dcoffer.home={home}", f"-Dcoffer.embedded.dir={os.path.join(home, 'embedded')}",
           "-cp", classpath, main_class]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    m = PROBE.search(out.stdout + out.stderr)
    if not m:
        sys.exit(f"{main_class} printed no first frame:\n{out.stdout}\n{out.stderr}")
    frame, start, shown = float(m.group(1)), float(m.group(4)), float(m.group(5))
    return Sample(frame, float(m.group(3)), float(m.group(2)),
                  {"start": start, "shown": shown - start, "frame": frame - shown})


if __name__ == "__main__":
    main()
