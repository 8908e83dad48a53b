"""What the benchmark scripts in this folder share: the machine's load, CPU seconds of a process and of
the whole machine (from /proc), the peak heap a JVM's GC log shows, and a free loopback port."""
import os
import re
import socket
import subprocess
import statistics

TICKS = os.sysconf("SC_CLK_TCK")


def load_average():
    """The 1-minute load average, as `uptime` prints it."""
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def cores():
    return os.cpu_count() or 1


def process_cpu(pid):
    """CPU seconds (user + system) a live process has used so far; None once it has ended."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    # after the command's ")": state is field 3, utime 14 and stime 15 of the whole line
    return (int(fields[11]) + int(fields[12])) / TICKS


def process_peak_rss_mb(pid):
    """The most resident memory the process has held (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return None


def machine_cpu():
    """CPU seconds every process of the machine has used so far (busy time of all cores)."""
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    user, nice, system, idle, iowait, irq, softirq, steal = (values + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / TICKS


def children_cpu():
    """CPU seconds of the children this process has waited for (such as wrk)."""
    usage = os.times()
    return usage.children_user + usage.children_system


GC_LINE = re.compile(r"(\d+)([KMG])->(\d+)([KMG])\((\d+)([KMG])\)")
UNITS = {"K": 1 / 1024, "M": 1, "G": 1024}


def gc_log_heap(path):
    """(peak heap used before a GC, heap used after the last GC, heap committed) in MB, from -Xlog:gc."""
    peak, last, committed = 0.0, None, None
    try:
        with open(path) as f:
            for line in f:
                m = GC_LINE.search(line)
                if m:
                    before = int(m.group(1)) * UNITS[m.group(2)]
                    last = int(m.group(3)) * UNITS[m.group(4)]
                    committed = int(m.group(5)) * UNITS[m.group(6)]
                    peak = max(peak, before)
    except FileNotFoundError:
        pass
    return peak, last, committed


def heap_used_now_mb(pid):
    """The heap in use right now, from `jcmd <pid> GC.heap_info` (G1 and the other collectors print `used NK`)."""
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) / 1024 if m else None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def median(values):
    return statistics.median(values) if values else float("nan")


def table(headers, rows):
    """A Markdown table, so a run's output can be pasted into BENCHMARKS.md as it is."""
    lines = ["| " + " | ".join(headers) + " |",
             "|" + "|".join("---" if i == 0 else "---:" for i in range(len(headers))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def thread_cpu(pid):
    """CPU seconds per thread-name group of a live process (names as the kernel keeps them, digits folded)."""
    groups = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return groups
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except FileNotFoundError:
            continue
        name = re.sub(r"\d+", "N", stat[stat.index("(") + 1:stat.rindex(")")])
        fields = stat.rsplit(")", 1)[1].split()
        groups[name] = groups.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / TICKS
    return groups
