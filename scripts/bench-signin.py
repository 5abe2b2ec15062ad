#!/usr/bin/env python3
"""Sign-in benchmark for WineBox: timing parity and throughput under load.

Starts the release binary on 127.0.0.1 with a fresh data directory and the production Argon2 settings
(64 MiB, t=3, p=1), creates one account with `winebox user add`, then measures:

1. Timing parity: median latency of sign-ins with a wrong password for the existing account, and with an
   unknown e-mail address, interleaved (the security model promises they cost the same, within 10%).
2. Sign-ins per second sustained by 4 concurrent clients, and the latency of an authenticated API request
   (GET /api/auth/me) measured alone and during that sign-in load.

Rate limits are turned off (WINEBOX_RATE_LIMIT_DISABLED=1); lockout is avoided by presenting a different
client address per failed attempt through X-Forwarded-For from the trusted proxy 127.0.0.1. Traffic goes to
127.0.0.1 only and the server is stopped at the end.

Usage: scripts/bench-signin.py [seconds]   (default 10 s for the load phase)
"""
import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "winebox")
PORT = 18181
EMAIL = "bench@example.com"
PASSWORD = "a benchmark passphrase"


def request(method, path, body=None, token=None, forwarded=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
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


def sign_in(email, password, forwarded):
    return request("POST", "/api/auth/login", {"email": email, "password": password}, forwarded=forwarded)


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    subprocess.run(["swift", "build", "-c", "release", "--product", "winebox", "--static-swift-stdlib"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    work = tempfile.mkdtemp(prefix="winebox-bench-")
    environment = dict(os.environ, WINEBOX_SECRET_KEY=secrets.token_hex(32), WINEBOX_RATE_LIMIT_DISABLED="1",
                       WINEBOX_LOGGING_ACCESS_LOG="false", WINEBOX_LOGGING_LEVEL="warning",
                       WINEBOX_STORAGE_DATA_DIR=os.path.join(work, "data"),
                       WINEBOX_SERVER_TRUSTED_PROXIES="127.0.0.1", WINEBOX_SERVER_PORT=str(PORT))
    subprocess.run([BINARY, "user", "add", EMAIL, "--password-stdin"], input=PASSWORD + "\n", text=True,
                   env=environment, check=True, stdout=subprocess.DEVNULL, cwd=work)
    server = subprocess.Popen([BINARY, "serve"], env=environment, cwd=work, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if request("GET", "/health")[0] == 200:
                    break
            except OSError:
                time.sleep(0.1)

        # 1. Timing parity, interleaved.
        wrong, unknown = [], []
        for round_ in range(20):
            wrong.append(sign_in(EMAIL, "not the password", f"10.1.{round_ // 250}.{round_ % 250}")[2])
            unknown.append(sign_in("nobody@example.com", "not the password", f"10.2.{round_ // 250}.{round_ % 250}")[2])
        wrong_ms, unknown_ms = statistics.median(wrong) * 1000, statistics.median(unknown) * 1000
        difference = abs(wrong_ms - unknown_ms) / unknown_ms * 100

        # 2. API latency alone, then during sign-in load.
        status, data, _ = sign_in(EMAIL, PASSWORD, "10.3.0.1")
        token = json.loads(data)["access_token"]

        def api_latencies(duration):
            samples, end = [], time.perf_counter() + duration
            while time.perf_counter() < end:
                samples.append(request("GET", "/api/auth/me", token=token)[2])
            return samples

        baseline = api_latencies(3)
        stop = threading.Event()
        completed = []

        def sign_in_loop(index):
            count = 0
            while not stop.is_set():
                if sign_in(EMAIL, PASSWORD, f"10.4.0.{index}")[0] == 200:
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
        elapsed = time.perf_counter() - started

        def percentile(values, fraction):
            ordered = sorted(values)
            return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000

        print(f"Machine: {os.cpu_count()} cores, {time.strftime('%Y-%m-%d', time.gmtime())}; Argon2id m=64 MiB t=3 p=1,"
              " max_concurrent_hashes=2")
        print(f"Sign-in, wrong password (known account): median {wrong_ms:.1f} ms")
        print(f"Sign-in, unknown e-mail address:          median {unknown_ms:.1f} ms  (difference {difference:.1f}%)")
        print(f"Successful sign-ins per second, 4 clients: {sum(completed) / elapsed:.1f}")
        print(f"GET /api/auth/me alone:          p50 {percentile(baseline, 0.5):.2f} ms, p99 {percentile(baseline, 0.99):.2f} ms")
        print(f"GET /api/auth/me during sign-ins: p50 {percentile(loaded, 0.5):.2f} ms, p99 {percentile(loaded, 0.99):.2f} ms")
    finally:
        server.terminate()
        server.wait(timeout=30)
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
