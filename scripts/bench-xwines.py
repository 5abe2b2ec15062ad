#!/usr/bin/env python3
"""Measures the X-Wines reference at full size: import time and autocomplete latency (goal: p99 under 10 ms).

It generates a synthetic X-Wines wines file (and a ratings file) with scripts/generate-xwines.py, imports them
with the release binary into a fresh data folder, starts `winebox serve` on 127.0.0.1 with rate limits off,
signs in, then sends GET /api/xwines/search one request at a time over one keep-alive connection, for a few
prefixes of 2 to 6 characters, and prints p50/p99 per prefix and overall. Latency is measured in this client,
so it includes the HTTP round trip on loopback. Sends traffic only to 127.0.0.1 and stops every process it
started.

Usage: scripts/bench-xwines.py [--rows 100000] [--ratings-rows 1000000] [--requests 300] [--binary PATH]
"""
import argparse
import http.client
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PORT = 18290
EMAIL = "bench@example.com"
PASSWORD = "a benchmark passphrase"
QUERIES = ["ca", "ch", "re", "bar", "pin", "chat", "marg", "rios", "casa v", "pinot n", "chatea", "gauch"]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--ratings-rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per query (default 300)")
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "winebox"))
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="winebox-xwines-bench-")
    server = None
    try:
        wines = os.path.join(work, "wines.csv")
        ratings = os.path.join(work, "ratings.csv")
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "generate-xwines.py"), wines, "--rows",
                        str(options.rows), "--ratings", ratings, "--ratings-rows", str(options.ratings_rows)],
                       check=True)
        environment = dict(os.environ, WINEBOX_SECRET_KEY=secrets.token_hex(32), WINEBOX_RATE_LIMIT_DISABLED="1",
                           WINEBOX_LOGGING_ACCESS_LOG="false", WINEBOX_LOGGING_LEVEL="warning",
                           WINEBOX_STORAGE_DATA_DIR=os.path.join(work, "data"), WINEBOX_SERVER_PORT=str(PORT))
        subprocess.run([options.binary, "user", "add", EMAIL, "--password-stdin"], input=PASSWORD + "\n", text=True,
                       env=environment, check=True, stdout=subprocess.DEVNULL, cwd=work)

        for label, arguments in [("wines only", [wines]), ("wines and ratings", [wines, "--ratings", ratings]),
                                 ("same files again", [wines, "--ratings", ratings])]:
            started = time.perf_counter()
            result = subprocess.run([options.binary, "xwines", "import", *arguments], env=environment, cwd=work,
                                    check=True, capture_output=True, text=True)
            print(f"import {label}: {time.perf_counter() - started:.1f} s  | {result.stdout.splitlines()[0]}")

        server = subprocess.Popen([options.binary, "serve"], env=environment, cwd=work, stderr=subprocess.DEVNULL)
        connection = None
        for _ in range(100):
            try:
                connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
                connection.request("GET", "/health")
                connection.getresponse().read()
                break
            except OSError:
                connection = None
                time.sleep(0.1)
        if connection is None:
            raise SystemExit("WineBox did not become ready")
        connection.request("POST", "/api/auth/login", body=json.dumps({"email": EMAIL, "password": PASSWORD}),
                           headers={"Content-Type": "application/json"})
        token = json.loads(connection.getresponse().read())["access_token"]
        headers = {"Authorization": "Bearer " + token}

        everything = []
        print(f"{'query':10} {'total':>7} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}")
        for query in QUERIES:
            path = "/api/xwines/search?" + urllib.parse.urlencode({"q": query, "limit": 10})
            latencies = []
            total = None
            for index in range(options.requests + 20):
                started = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                elapsed = (time.perf_counter() - started) * 1000
                if response.status != 200:
                    raise SystemExit(f"{path} answered {response.status}: {body[:200]}")
                if index >= 20:
                    latencies.append(elapsed)
                total = json.loads(body)["total"]
            everything += latencies
            print(f"{query:10} {total:7} {statistics.median(latencies):7.2f} {percentile(latencies, 0.99):7.2f} "
                  f"{max(latencies):7.2f}")
        print(f"{'all':10} {'':7} {statistics.median(everything):7.2f} {percentile(everything, 0.99):7.2f} "
              f"{max(everything):7.2f}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
