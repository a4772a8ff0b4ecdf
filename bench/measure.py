#!/usr/bin/python3
"""The measuring half of bench/run (run it through bench/run, which installs the peers,
publishes RuleForge and enters a loopback-only network namespace first).

Every case runs each tool once per round, in an order that rotates from round to round, so
that load from other users of the machine falls on all tools alike; medians are reported."""
import argparse
import ipaddress
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time

PY = "/usr/bin/python3"
COLLAPSE = r"""
import ipaddress, sys
nets = [ipaddress.ip_network(l.strip(), strict=False) for l in open(sys.argv[1]) if l.strip()]
out = sys.stdout
for v in (4, 6):
    for n in ipaddress.collapse_addresses([n for n in nets if n.version == v]):
        out.write(str(n) + "\n")
"""
NETADDR = r"""
import netaddr, sys
out = sys.stdout
for n in netaddr.cidr_merge([netaddr.IPNetwork(l.strip()).cidr for l in open(sys.argv[1]) if l.strip()]):
    out.write(str(n) + "\n")
"""


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--work", required=True)
    p.add_argument("--feeds", required=True)
    p.add_argument("--repo", required=True)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--rounds", type=int)
    p.add_argument("--markdown")
    a = p.parse_args()
    rounds = a.rounds or (1 if a.quick else 5)
    os.makedirs(a.work, exist_ok=True)
    b = Bench(a.work, a.feeds, a.repo, rounds, a.quick)
    b.machine()
    b.startup()
    b.merge_cases()
    b.aws_build()
    b.feed_scaling()
    b.spf_tree()
    text = b.report()
    print(text)
    if a.markdown:
        with open(a.markdown, "w") as f:
            f.write(text)
    return 1 if b.disagreements else 0


class Bench:
    def __init__(self, work, feeds, repo, rounds, quick):
        self.work, self.feeds, self.repo, self.rounds, self.quick = work, feeds, repo, rounds, quick
        self.rf = [os.path.join(work, "publish", "RuleForge.Cli")]
        self.merge_rows = []
        self.startup_rows = []
        self.targets = []
        self.scaling = []
        self.disagreements = []
        self.info = []

    # ---- helpers -------------------------------------------------------------------------
    def path(self, *parts):
        return os.path.join(self.work, *parts)

    def log(self, text):
        print(text, file=sys.stderr, flush=True)

    def timed(self, cmd, out_path, stdin_path=None, timeout=None, env=None):
        """One whole-process run: (wall seconds, CPU seconds user + system); stdout to out_path."""
        with open(out_path, "wb") as out, open(stdin_path or os.devnull, "rb") as inp, \
                open(out_path + ".err", "wb") as err:
            start = time.perf_counter()
            child = subprocess.Popen(cmd, stdin=inp, stdout=out, stderr=err, env=env)
            deadline = None if timeout is None else start + timeout
            while True:
                pid, status, usage = os.wait4(child.pid, os.WNOHANG)
                if pid:
                    break
                if deadline is not None and time.perf_counter() > deadline:
                    child.kill()
                    os.wait4(child.pid, 0)
                    raise subprocess.TimeoutExpired(cmd, timeout)
                time.sleep(0.002)
            elapsed = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise SystemExit(f"measure: {' '.join(cmd)} exited {code}: {open(out_path + '.err').read()[-2000:]}")
        return elapsed, usage.ru_utime + usage.ru_stime

    def race(self, tools, timeout=None, slow=(), rounds=None):
        """tools: list of (name, cmd, out_path, stdin_path). Rotates the order every round.
        Tools named in slow run in the first round only (Python on a million lines takes
        minutes). Returns name -> (median wall s, median CPU s), or None when one timed out."""
        times = {t[0]: [] for t in tools}
        skipped = set()
        for r in range(rounds or self.rounds):
            order = tools[r % len(tools):] + tools[:r % len(tools)]
            for name, cmd, out, stdin in order:
                if name in skipped or (r > 0 and name in slow):
                    continue
                try:
                    times[name].append(self.timed(cmd, out, stdin, timeout))
                except subprocess.TimeoutExpired:
                    skipped.add(name)
                    times[name] = []
        return {k: ((statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) if v else None)
                for k, v in times.items()}

    def machine(self):
        cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
        mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
        dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
        runtime = subprocess.run(["dotnet", "--list-runtimes"], capture_output=True, text=True).stdout
        core = [l.split()[1] for l in runtime.splitlines() if l.startswith("Microsoft.NETCore.App")]
        ipr = subprocess.run(["iprange", "--version"], capture_output=True, text=True)
        self.info = [
            f"cores (nproc): {os.cpu_count()}, CPU: {cpu}, memory: {int(mem) // 1024 // 1024} GiB",
            f".NET SDK {dotnet}, runtime {', '.join(core)}; Python {platform.python_version()}; "
            f"{(ipr.stdout or ipr.stderr).strip().splitlines()[0] if (ipr.stdout or ipr.stderr) else 'iprange'}",
            f"load average at start: {' '.join(open('/proc/loadavg').read().split()[:3])} "
            f"(a shared machine: other developers' builds and tests ran at the same time)",
            f"rounds per case: {self.rounds}, except Python and netaddr on the random IPv4 input (one "
            f"round) and the synthetic feed builds (at most two)" + (" (--quick: smaller inputs)" if self.quick else ""),
        ]

    # ---- inputs --------------------------------------------------------------------------
    def gen_v4(self, path, n, seed):
        r = random.Random(seed)
        with open(path, "w") as f:
            for _ in range(n):
                a = r.getrandbits(32)
                p = r.randint(24, 32)
                text = f"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}"
                f.write(text + "\n" if p == 32 and r.random() < 0.5 else f"{text}/{p}\n")

    def gen_v6(self, path, n, seed):
        # Clustered under 512 /32s, so that networks overlap and touch as real lists do.
        r = random.Random(seed)
        bases = [(0x2001 << 112) | (r.getrandbits(16) << 96) for _ in range(512)]
        with open(path, "w") as f:
            for _ in range(n):
                p = r.choice((48, 56, 64, 64, 96, 112, 120, 124, 127, 128))
                value = r.choice(bases) | (r.getrandbits(24) << 72) | r.getrandbits(72)
                f.write(f"{ipaddress.IPv6Address(value)}/{p}\n")

    def feed_lists(self):
        v4, v6 = [], []

        def take(text):
            if isinstance(text, str):
                try:
                    n = ipaddress.ip_network(text.strip(), strict=False)
                except ValueError:
                    return
                (v4 if n.version == 4 else v6).append(text.strip())

        def walk(node):
            if isinstance(node, dict):
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)
            else:
                take(node)

        names = sorted(os.listdir(self.feeds))
        used = []
        for name in names:
            full = os.path.join(self.feeds, name)
            if name.endswith(".json"):
                walk(json.load(open(full, encoding="utf-8-sig")))
            elif name.endswith(".txt"):
                for line in open(full):
                    take(line.split("#", 1)[0])
            else:
                continue
            used.append(name)
        with open(self.path("feeds-v4.txt"), "w") as f:
            f.writelines(l + "\n" for l in v4)
        with open(self.path("feeds-all.txt"), "w") as f:
            f.writelines(l + "\n" for l in v4 + v6)
        return len(v4), len(v6), used

    # ---- checks --------------------------------------------------------------------------
    def same_bytes(self, a, b, what):
        ok = open(a, "rb").read() == open(b, "rb").read()
        if not ok:
            self.disagreements.append(what)
        return ok

    def same_networks(self, a, b, what):
        def nets(p):
            return [ipaddress.ip_network(l.strip()) for l in open(p) if l.strip()]
        ok = nets(a) == nets(b)
        if not ok:
            self.disagreements.append(what)
        return ok

    # ---- cases ---------------------------------------------------------------------------
    def merge_cases(self):
        n4 = 100_000 if self.quick else 1_000_000
        n6 = 20_000 if self.quick else 200_000
        v4, v6 = self.path(f"v4-{n4}.txt"), self.path(f"v6-{n6}.txt")
        self.log(f"== inputs: {n4} random IPv4 networks, {n6} IPv6 networks, the real feeds")
        if not os.path.exists(v4):
            self.gen_v4(v4, n4, seed=8)
        if not os.path.exists(v6):
            self.gen_v6(v6, n6, seed=6)
        f4, f6, used = self.feed_lists()
        self.info.append(f"real feeds ({', '.join(used)}): {f4} IPv4 and {f6} IPv6 CIDRs")

        o = self.path
        # IPv4, 1M: byte-identical to iprange with --bare-hosts; python and netaddr print /32.
        self.log(f"== ranges merge, {n4} IPv4 lines")
        t = self.race([
            ("ruleforge", self.rf + ["ranges", "merge", "--bare-hosts", v4], o("v4.rf"), None),
            ("iprange", ["iprange", v4], o("v4.iprange"), None),
            ("python collapse_addresses", [PY, "-c", COLLAPSE, v4], o("v4.py"), None),
            ("netaddr cidr_merge", [PY, "-c", NETADDR, v4], o("v4.netaddr"), None),
        ], slow=("python collapse_addresses", "netaddr cidr_merge"))
        self.timed(self.rf + ["ranges", "merge", v4], o("v4.rf-cidr"))
        checks = {
            "iprange": self.same_bytes(o("v4.rf"), o("v4.iprange"), "IPv4 random: iprange"),
            "python collapse_addresses": self.same_bytes(o("v4.rf-cidr"), o("v4.py"), "IPv4 random: python"),
            "netaddr cidr_merge": self.same_bytes(o("v4.rf-cidr"), o("v4.netaddr"), "IPv4 random: netaddr"),
        }
        self.add_merge(f"{n4:,} random IPv4 CIDRs", t, checks)
        ipr = [t["ruleforge"][k] / t["iprange"][k] for k in (0, 1)]
        py = [t["python collapse_addresses"][k] / t["ruleforge"][k] for k in (0, 1)]
        self.targets.append((f"merge {n4:,} IPv4 CIDRs within 1.5x of iprange",
                             f"{ipr[0]:.2f}x iprange's wall time, {ipr[1]:.2f}x its CPU time",
                             max(ipr) <= 1.5))
        self.targets.append((f"merge {n4:,} IPv4 CIDRs at least 20x faster than Python",
                             f"{py[0]:.1f}x faster (wall), {py[1]:.1f}x (CPU)", min(py) >= 20))
        self.targets.append((f"output identical to iprange's ({n4:,} IPv4)",
                             "identical" if checks["iprange"] else "DIFFERENT", checks["iprange"]))

        self.log(f"== ranges merge, {n6} IPv6 lines")
        t = self.race([
            ("ruleforge", self.rf + ["ranges", "merge", v6], o("v6.rf"), None),
            ("python collapse_addresses", [PY, "-c", COLLAPSE, v6], o("v6.py"), None),
            ("netaddr cidr_merge", [PY, "-c", NETADDR, v6], o("v6.netaddr"), None),
        ])
        checks = {
            "python collapse_addresses": self.same_networks(o("v6.rf"), o("v6.py"), "IPv6: python"),
            "netaddr cidr_merge": self.same_networks(o("v6.rf"), o("v6.netaddr"), "IPv6: netaddr"),
        }
        self.add_merge(f"{n6:,} IPv6 CIDRs", t, checks)
        self.targets.append((f"output equal to Python's collapse ({n6:,} IPv6)",
                             "equal" if checks["python collapse_addresses"] else "DIFFERENT",
                             checks["python collapse_addresses"]))

        self.log("== ranges merge, the real feeds")
        fv4, fall = o("feeds-v4.txt"), o("feeds-all.txt")
        t = self.race([
            ("ruleforge", self.rf + ["ranges", "merge", "--bare-hosts", fv4], o("f4.rf"), None),
            ("iprange", ["iprange", fv4], o("f4.iprange"), None),
            ("aggregate", ["aggregate", "-q", "-t"], o("f4.aggregate"), fv4),
            ("python collapse_addresses", [PY, "-c", COLLAPSE, fv4], o("f4.py"), None),
        ], timeout=120)
        self.timed(self.rf + ["ranges", "merge", fv4], o("f4.rf-cidr"))
        checks = {
            "iprange": self.same_bytes(o("f4.rf"), o("f4.iprange"), "feeds IPv4: iprange"),
            "aggregate": self.same_bytes(o("f4.rf-cidr"), o("f4.aggregate"), "feeds IPv4: aggregate"),
            "python collapse_addresses": self.same_bytes(o("f4.rf-cidr"), o("f4.py"), "feeds IPv4: python"),
        }
        self.add_merge(f"real feeds, {f4:,} IPv4 CIDRs", t, checks)
        self.targets.append(("output identical to iprange's (real feeds, IPv4)",
                             "identical" if checks["iprange"] else "DIFFERENT", checks["iprange"]))
        t = self.race([
            ("ruleforge", self.rf + ["ranges", "merge", fall], o("fa.rf"), None),
            ("python collapse_addresses", [PY, "-c", COLLAPSE, fall], o("fa.py"), None),
        ])
        checks = {"python collapse_addresses": self.same_networks(o("fa.rf"), o("fa.py"), "feeds all: python")}
        self.add_merge(f"real feeds, {f4 + f6:,} CIDRs of both families", t, checks)
        self.targets.append(("output equal to Python's collapse (real feeds, IPv6 part)",
                             "equal" if checks["python collapse_addresses"] else "DIFFERENT",
                             checks["python collapse_addresses"]))

    def startup(self):
        """Start-up settings, all on the one published build: ReadyToRun code on or off
        (DOTNET_ReadyToRun=0 makes the runtime ignore it, as a plain build would), tiered PGO
        off, and methods with loops compiled fully optimised at once."""
        n = 100_000
        lines = self.path(f"v4-{n}.txt")
        if not os.path.exists(lines):
            self.gen_v4(lines, n, seed=8)
        variants = [("ReadyToRun (shipped)", {}),
                    ("ReadyToRun off (JIT only)", {"DOTNET_ReadyToRun": "0"}),
                    ("ReadyToRun, TieredPGO=0", {"DOTNET_TieredPGO": "0"}),
                    ("ReadyToRun, QuickJitForLoops=0", {"DOTNET_TC_QuickJitForLoops": "0"})]
        for label, args in (("--version", ["--version"]), (f"ranges merge {n:,} lines", ["ranges", "merge", lines])):
            self.log(f"== start-up: {label}")
            times = {name: [] for name, _ in variants}
            for r in range(max(self.rounds, 3)):
                for name, extra in variants[r % len(variants):] + variants[:r % len(variants)]:
                    env = dict(os.environ, **extra)
                    times[name].append(self.timed(self.rf + args, self.path("startup.out"), env=env))
            for name, _ in variants:
                wall = statistics.median(w for w, _ in times[name])
                cpu = statistics.median(c for _, c in times[name])
                self.startup_rows.append((label, name, f"{wall:.3f}", f"{cpu:.3f}"))

    def add_merge(self, case, times, checks):
        base = times["ruleforge"]
        for name, t in times.items():
            if t is None:
                self.merge_rows.append((case, name, "timed out", "", "", "", "not run"))
                continue
            agree = "reference" if name == "ruleforge" else ("yes" if checks.get(name) else "NO")
            self.merge_rows.append((case, name, f"{t[0]:.3f}", f"{t[0] / base[0]:.2f}",
                                    f"{t[1]:.3f}", f"{t[1] / base[1]:.2f}", agree))

    POLICY = """policy: bench-{name}
description: Benchmark policy that trusts ranges selected from a feed.
targets:
  postfix:
    version: "3.7"
    restriction_list: smtpd_recipient_restrictions
    before: [permit_mynetworks, reject_unauth_destination]
    postscreen: {{ threshold: 3, action: enforce }}
  rspamd:
    version: "3.4"
    actions: {{ greylist: 4, add_header: 6, reject: 15 }}
  spamassassin:
    version: "4.0"
    required_score: 5
proof:
  margin: 5
feeds:
  - {{ id: cloud, file: {feed}, shape: aws }}
senders:
  - id: cloud-mail
    domains: [mail.bench.example]
    authentication: {{ match: all, spf: pass, dkim: aligned, dmarc: pass }}
    ranges:
      select:
        - feed: cloud
          where: {where}
      acknowledge: [broad]
    credit: outrank
blocklists:
  - id: zen
    zone: zen.spamhaus.org
    checks: client-ip
    listing_codes: [127.0.0.2-127.0.0.11]
    act:
      postscreen: {{ weight: 3 }}
      smtpd: reject
      rspamd: {{ score: 7 }}
      spamassassin: {{ score: 4 }}
"""

    def policy(self, name, feed, where):
        folder = self.path(name)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, "policy.yaml")
        with open(path, "w") as f:
            f.write(self.POLICY.format(name=name, feed=feed, where=where))
        return folder, path

    def aws_build(self):
        self.log("== build: a policy trusting ranges selected from the real AWS feed")
        feed = os.path.join(os.path.abspath(self.feeds), "aws-ip-ranges.json")
        folder, policy = self.policy("aws", feed, "{ service: EC2, region: [us-east-1, eu-west-1] }")
        t = self.race([("ruleforge build", self.rf + ["build", policy, "--out", os.path.join(folder, "out")],
                        os.path.join(folder, "build.log"), None)])
        seconds, cpu = t["ruleforge build"]
        rows = sum(1 for _ in json.load(open(feed))["prefixes"]) + len(json.load(open(feed))["ipv6_prefixes"])
        self.targets.append((f"build a policy from the real AWS feed ({rows:,} rows), whole process, < 0.5 s",
                             f"{seconds:.3f} s wall, {cpu:.3f} s CPU", seconds < 0.5))

    def gen_feed(self, path, rows, seed):
        r = random.Random(seed)
        regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1", "sa-east-1", "GLOBAL"]
        services = ["AMAZON", "EC2", "S3", "CLOUDFRONT", "ROUTE53", "API_GATEWAY"]
        v4rows = rows * 6 // 10

        def row(key, cidr):
            region = r.choice(regions)
            return {key: cidr, "region": region, "service": r.choice(services), "network_border_group": region}

        v4 = [row("ip_prefix", f"{r.randint(20, 99)}.{r.randrange(256)}.{r.randrange(256)}.0/24")
              for _ in range(v4rows)]
        v6 = [row("ipv6_prefix", f"2600:{r.randrange(0x1000, 0x10000):x}:{r.randrange(0x10000):x}::/48")
              for _ in range(rows - v4rows)]
        with open(path, "w") as f:
            json.dump({"syncToken": "1", "createDate": "2026-01-01-00-00-00", "prefixes": v4,
                       "ipv6_prefixes": v6}, f, indent=1)

    def feed_scaling(self):
        sizes = (25_000, 50_000, 100_000) if self.quick else (250_000, 500_000, 1_000_000)
        self.log(f"== build: synthetic AWS-shaped feeds of {', '.join(map(str, sizes))} rows")
        tools = []
        for n in sizes:
            feed = self.path(f"feed-{n}.json")
            if not os.path.exists(feed):
                self.gen_feed(feed, n, seed=n)
            folder, policy = self.policy(f"feed-{n}", feed, "{ region: us-east-1 }")
            tools.append((f"{n:,} rows", self.rf + ["build", policy, "--out", os.path.join(folder, "out")],
                          os.path.join(folder, "build.log"), None))
        t = self.race(tools, rounds=min(self.rounds, 2))
        first = t[f"{sizes[0]:,} rows"]
        for n in sizes:
            wall, cpu = t[f"{n:,} rows"]
            self.scaling.append((f"{n:,}", f"{wall:.3f}", f"{cpu:.3f}", f"{cpu / first[1]:.2f}",
                                 f"{n / sizes[0]:.0f}", f"{cpu / n * 1e6:.2f}"))
        growth = t[f"{sizes[-1]:,} rows"][1] / first[1]
        expected = sizes[-1] / sizes[0]
        self.targets.append((f"a synthetic feed scales linearly ({sizes[0]:,} to {sizes[-1]:,} rows)",
                             f"CPU time x{growth:.2f} for rows x{expected:.0f}", growth <= expected * 1.25))

    def spf_tree(self):
        self.log("== SPF: a 30-name tree, 50 ms per answer, loopback DNS")
        dll = os.path.join(self.repo, "bench/RuleForge.Benchmarks/bin/Release/net10.0/RuleForge.Benchmarks.dll")
        r = subprocess.run(["dotnet", dll, "spf-tree", "--rounds", str(max(self.rounds, 3)), "--delay-ms", "50"],
                           capture_output=True, text=True, check=True)
        line = next(l for l in r.stdout.splitlines() if l.startswith("spf-tree "))
        v = dict(kv.split("=") for kv in line.split()[1:])
        median, target, serial = float(v["median_ms"]), float(v["target_ms"]), float(v["serial_ms"])
        self.targets.append((f"SPF tree of {v['names']} names, depth {v['depth']}, 50 ms per answer: "
                             f"about (depth+1) x 50 = {target:.0f} ms, not {serial:.0f} ms",
                             f"{median:.0f} ms (median, in-process)", median < target * 1.5))

    # ---- report --------------------------------------------------------------------------
    def report(self):
        lines = ["### Machine", ""] + [f"- {i}" for i in self.info] + [
            f"- load average at end: {' '.join(open('/proc/loadavg').read().split()[:3])}", "",
            "### ranges merge, whole process (medians; CPU = user + system of the process)", "",
            "| input | tool | wall s | wall / RuleForge | CPU s | CPU / RuleForge | output agrees |",
            "| --- | --- | ---: | ---: | ---: | ---: | --- |"]
        lines += ["| " + " | ".join(row) + " |" for row in self.merge_rows]
        lines += ["", "### Start-up settings of the published tool (medians)", "",
                  "| command | settings | wall s | CPU s |", "| --- | --- | ---: | ---: |"]
        lines += ["| " + " | ".join(row) + " |" for row in self.startup_rows]
        lines += ["", "### Policy build on synthetic AWS-shaped feeds (whole process)", "",
                  "| rows | wall s | CPU s | CPU ratio | rows ratio | CPU us per row |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: |"]
        lines += ["| " + " | ".join(row) + " |" for row in self.scaling]
        lines += ["", "### Targets", "", "| target | measured | met |", "| --- | --- | --- |"]
        lines += [f"| {t} | {m} | {'met' if ok else 'MISSED'} |" for t, m, ok in self.targets]
        if self.disagreements:
            lines += ["", "Outputs that disagree: " + ", ".join(self.disagreements)]
        return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
