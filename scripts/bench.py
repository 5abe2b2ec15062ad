#!/usr/bin/env python3
"""make bench: measures WineBox against the limit of this machine, side by side, and writes docs/performance.md.

Every figure is a ratio or a measurement taken in the same run, because the machines here are shared and noisy:
nginx serving a small static file on 127.0.0.1 is the reference for HTTP serving. The script builds the release
binary, starts nginx and WineBox (rate limits off, access log off), runs wrk at 50 connections against each
target several times and keeps the median, and measures start-up time, idle and peak memory, CPU time per
request and sign-ins per second. It sends traffic only to 127.0.0.1, stops every process it started, and
finishes in a few minutes.

Endpoints of the cellar, search and X-Wines issues are added here as those issues land.

Usage: scripts/bench.py [--runs N] [--seconds S] [--no-write]
"""
import argparse
import datetime
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "winebox")
WINEBOX_PORT = 18280
NGINX_PORT = 18281
CONNECTIONS = 50
EMAIL = "bench@example.com"
PASSWORD = "a benchmark passphrase"

# Targets from the issues: (figure name, predicate on the measured value, description of the target).
TARGETS = {
    "/health vs nginx": (lambda ratio: ratio >= 0.70, "at least 70% of nginx"),
    "idle RSS": (lambda mib: mib * 1.048576 < 30, "under 30 MB"),
    "sign-in timing difference": (lambda percent: percent < 10, "within 10%"),
}


def http_request(method, path, body=None, token=None, forwarded=None, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", WINEBOX_PORT, timeout=timeout)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if forwarded:
        headers["X-Forwarded-For"] = forwarded
    started = time.perf_counter()
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = time.perf_counter() - started
    connection.close()
    return response.status, data, elapsed


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


class PeakRSS(threading.Thread):
    """Samples a process's RSS every 100 ms and keeps the peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stopped = pid, 0, threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                self.peak = max(self.peak, rss_kib(self.pid))
            except OSError:
                return
            time.sleep(0.1)


def wrk(url, seconds, runs, headers=(), script=None):
    """Runs wrk `runs` times; returns the median (requests/s, p50 ms, p99 ms, total requests)."""
    results = []
    for _ in range(runs):
        command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
        for header in headers:
            command += ["-H", header]
        if script:
            command += ["-s", script]
        output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
        rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
        total = int(re.search(r"(\d+) requests in", output).group(1))

        def latency(label):
            match = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)", output, re.MULTILINE)
            value, unit = float(match.group(1)), match.group(2)
            return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        if non_2xx and int(non_2xx.group(1)) > 0:
            raise SystemExit(f"wrk got {non_2xx.group(1)} error responses from {url}")
        results.append((rps, latency("50%"), latency("99%"), total))
    results.sort()
    return results[len(results) // 2]


def start_nginx(work):
    root = os.path.join(work, "www")
    os.makedirs(root)
    with open(os.path.join(root, "health.json"), "w") as file:
        file.write('{"status":"healthy","app":"static"}\n')
    config = os.path.join(work, "nginx.conf")
    with open(config, "w") as file:
        file.write(f"""
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {work}; proxy_temp_path {work}; fastcgi_temp_path {work};
    uwsgi_temp_path {work}; scgi_temp_path {work};
    server {{ listen 127.0.0.1:{NGINX_PORT}; location / {{ root {root}; }} }}
}}
""")
    return subprocess.Popen(["nginx", "-c", config, "-g", "daemon off;"], stderr=subprocess.DEVNULL)


def wait_for(url_check, timeout=30):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            if url_check():
                return True
        except OSError:
            pass
        time.sleep(0.01)
    return False


def nginx_ready():
    connection = http.client.HTTPConnection("127.0.0.1", NGINX_PORT, timeout=2)
    connection.request("GET", "/health.json")
    ok = connection.getresponse().status == 200
    connection.close()
    return ok


def signin_figures(seconds):
    """Timing parity of failed sign-ins, sign-ins per second, and API latency alone and under sign-in load."""
    wrong, unknown = [], []
    for round_ in range(20):
        forwarded = f"10.1.0.{round_}"
        wrong.append(http_request("POST", "/api/auth/login", {"email": EMAIL, "password": "not it at all"},
                                  forwarded=forwarded)[2])
        unknown.append(http_request("POST", "/api/auth/login", {"email": "nobody@example.com",
                                                                "password": "not it at all"}, forwarded=forwarded)[2])
    wrong_ms, unknown_ms = statistics.median(wrong) * 1000, statistics.median(unknown) * 1000
    token = json.loads(http_request("POST", "/api/auth/login", {"email": EMAIL, "password": PASSWORD},
                                    forwarded="10.2.0.1")[1])["access_token"]

    def api_latencies(duration):
        samples, end = [], time.perf_counter() + duration
        while time.perf_counter() < end:
            samples.append(http_request("GET", "/api/auth/me", token=token)[2] * 1000)
        return sorted(samples)

    alone = api_latencies(3)
    stop, completed = threading.Event(), []

    def sign_in_loop(index):
        count = 0
        while not stop.is_set():
            if http_request("POST", "/api/auth/login", {"email": EMAIL, "password": PASSWORD},
                            forwarded=f"10.3.0.{index}")[0] == 200:
                count += 1
        completed.append(count)

    workers = [threading.Thread(target=sign_in_loop, args=(index,)) for index in range(4)]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    loaded = api_latencies(seconds)
    stop.set()
    for worker in workers:
        worker.join()
    per_second = sum(completed) / (time.perf_counter() - started)
    pick = lambda values, fraction: values[min(len(values) - 1, int(len(values) * fraction))]
    return {
        "wrong_ms": wrong_ms, "unknown_ms": unknown_ms,
        "difference": abs(wrong_ms - unknown_ms) / unknown_ms * 100, "per_second": per_second,
        "alone": (pick(alone, 0.5), pick(alone, 0.99)), "loaded": (pick(loaded, 0.5), pick(loaded, 0.99)),
        "token": token,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--no-write", action="store_true")
    options = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "winebox", "--static-swift-stdlib"], cwd=ROOT,
                   check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="winebox-bench-")
    processes = []
    try:
        environment = dict(os.environ, WINEBOX_SECRET_KEY=secrets.token_hex(32), WINEBOX_RATE_LIMIT_DISABLED="1",
                           WINEBOX_LOGGING_ACCESS_LOG="false", WINEBOX_LOGGING_LEVEL="warning",
                           WINEBOX_STORAGE_DATA_DIR=os.path.join(work, "data"),
                           WINEBOX_SERVER_TRUSTED_PROXIES="127.0.0.1", WINEBOX_SERVER_PORT=str(WINEBOX_PORT))
        subprocess.run([BINARY, "user", "add", EMAIL, "--password-stdin"], input=PASSWORD + "\n", text=True,
                       env=environment, check=True, stdout=subprocess.DEVNULL, cwd=work)
        nginx = start_nginx(work)
        processes.append(nginx)

        started = time.perf_counter()
        server = subprocess.Popen([BINARY, "serve"], env=environment, cwd=work, stderr=subprocess.DEVNULL)
        processes.append(server)
        if not wait_for(lambda: http_request("GET", "/health", timeout=2)[0] == 200):
            raise SystemExit("WineBox did not become ready")
        startup_ms = (time.perf_counter() - started) * 1000
        if not wait_for(nginx_ready):
            raise SystemExit("nginx did not become ready")
        time.sleep(1)
        idle_mib = rss_kib(server.pid) / 1024
        peak = PeakRSS(server.pid)
        peak.start()

        signin = signin_figures(options.seconds)
        auth_header = "Authorization: Bearer " + signin["token"]
        rows = []
        nginx_result = wrk(f"http://127.0.0.1:{NGINX_PORT}/health.json", options.seconds, options.runs)
        rows.append(("nginx static file (36 bytes)", nginx_result))
        cpu_before = cpu_seconds(server.pid)
        health = wrk(f"http://127.0.0.1:{WINEBOX_PORT}/health", options.seconds, options.runs)
        cpu_per_request_us = (cpu_seconds(server.pid) - cpu_before) / (health[3] * options.runs) * 1e6
        rows.append(("GET /health", health))
        rows.append(("GET /api/auth/me (signed in)",
                     wrk(f"http://127.0.0.1:{WINEBOX_PORT}/api/auth/me", options.seconds, options.runs,
                         headers=[auth_header])))
        peak.stopped.set()
        peak_mib = peak.peak / 1024
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)

    nginx_rps = rows[0][1][0]
    figures = {
        "/health vs nginx": rows[1][1][0] / nginx_rps,
        "idle RSS": idle_mib,
        "sign-in timing difference": signin["difference"],
    }

    def mark(name):
        check, target = TARGETS[name]
        return "" if check(figures[name]) else f" **misses the target ({target})**"

    machine = f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, " \
              f"{platform.system()} {platform.release()}"
    today = datetime.date.today().isoformat()
    lines = [
        "| Endpoint | Requests/s | p50 | p99 | vs nginx |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, (rps, p50, p99, _) in rows:
        ratio = f"{rps / nginx_rps * 100:.0f}%"
        note = mark("/health vs nginx") if name == "GET /health" else ""
        lines.append(f"| {name} | {rps:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {ratio}{note} |")
    other = [
        "| Measurement | Result |",
        "| --- | --- |",
        f"| Start-up to a ready `/health` | {startup_ms:.0f} ms |",
        f"| Idle RSS | {idle_mib:.1f} MiB ({idle_mib * 1.048576:.1f} MB){mark('idle RSS')} |",
        f"| Peak RSS during the runs | {peak_mib:.1f} MiB |",
        f"| CPU time per `/health` request | {cpu_per_request_us:.1f} µs |",
        f"| Sign-in, wrong password, median | {signin['wrong_ms']:.1f} ms |",
        f"| Sign-in, unknown address, median | {signin['unknown_ms']:.1f} ms "
        f"({signin['difference']:.1f}% apart){mark('sign-in timing difference')} |",
        f"| Successful sign-ins per second (4 clients) | {signin['per_second']:.1f} |",
        f"| `GET /api/auth/me` alone, p50 / p99 | {signin['alone'][0]:.2f} / {signin['alone'][1]:.2f} ms |",
        f"| `GET /api/auth/me` during sign-ins, p50 / p99 | {signin['loaded'][0]:.2f} / {signin['loaded'][1]:.2f} ms |",
    ]
    report = "\n".join(lines + [""] + other)
    print(f"Machine: {machine}; {today}; wrk -t2 -c{CONNECTIONS} -d{options.seconds}s, median of {options.runs} runs")
    print(report)
    if not options.no_write:
        with open(os.path.join(ROOT, "scripts", "bench-notes.md")) as notes_file:
            notes = notes_file.read()
        with open(os.path.join(ROOT, "docs", "performance.md"), "w") as output:
            output.write("# Performance\n\n")
            output.write(f"Measured by `make bench` on {today}. Machine: {machine}. wrk -t2 -c{CONNECTIONS} "
                         f"-d{options.seconds}s per target, median of {options.runs} runs; WineBox release build "
                         "(static Swift standard library) with rate limits and the access log off, production "
                         "Argon2id settings (64 MiB, t=3, p=1). Figures that miss a target of an issue are marked.\n\n")
            output.write(report + "\n\n" + notes)
        print("Wrote docs/performance.md")


if __name__ == "__main__":
    sys.exit(main())
