"""A real `winebox serve` on a free loopback port, with a temporary data directory, for the browser tests.

Rate limits are off (one test signs in many times), Argon2 uses its smallest allowed cost so sign-ins are quick,
mail goes to the console backend (the log), and the log is JSON lines, so tests can read the setup link and the
mailed links from it.
"""

import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class APIError(Exception):
    def __init__(self, status: int, body: str):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class WineBoxServer:
    """Starts the server in `start()`, stops it and removes its data in `stop()`."""

    def __init__(self, binary: Path | None = None, environment: dict[str, str] | None = None):
        self.binary = Path(binary or os.environ.get("WINEBOX_BINARY") or ROOT / ".build/debug/winebox").resolve()
        if not self.binary.exists():
            raise FileNotFoundError(f"{self.binary} is missing: run `swift build` first (or set WINEBOX_BINARY)")
        self.work = Path(tempfile.mkdtemp(prefix="winebox-browser-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.config = self.work / "config.toml"
        self.config.write_text("")
        self.log_path = self.work / "server.log"
        self.process: subprocess.Popen | None = None
        self.environment = {
            **{key: value for key, value in os.environ.items() if not key.startswith("WINEBOX_")},
            "WINEBOX_SECRET_KEY": secrets.token_hex(32),
            "WINEBOX_STORAGE_DATA_DIR": str(self.work / "data"),
            "WINEBOX_SERVER_PORT": str(self.port),
            "WINEBOX_SERVER_PUBLIC_DIR": str(ROOT / "Public"),
            "WINEBOX_SERVER_RATE_LIMIT_ENABLED": "false",
            "WINEBOX_LOGGING_FORMAT": "json",
            "WINEBOX_LOGGING_ACCESS_LOG": "false",
            "WINEBOX_AUTH_ARGON2_MEMORY_KIB": "19456",
            "WINEBOX_AUTH_ARGON2_ITERATIONS": "2",
            "WINEBOX_EMAIL_BACKEND": "console",
            "WINEBOX_EMAIL_FRONTEND_URL": self.url,
            **(environment or {}),
        }

    def cli(self, *arguments: str, stdin: str = "") -> str:
        """Runs `winebox ARGUMENTS` on this server's data directory and answers its standard output."""
        result = subprocess.run(
            [str(self.binary), "--config", str(self.config), *arguments],
            input=stdin, capture_output=True, text=True, env=self.environment, cwd=self.work, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"winebox {' '.join(arguments)} failed: {result.stderr}")
        return result.stdout

    def add_user(self, email: str, password: str, admin: bool = False) -> None:
        self.cli("user", "add", email, *(["--admin"] if admin else []), "--password-stdin", stdin=password + "\n")

    def start(self) -> "WineBoxServer":
        log = open(self.log_path, "w")
        self.process = subprocess.Popen(
            [str(self.binary), "--config", str(self.config), "serve"],
            stdout=log, stderr=subprocess.STDOUT, env=self.environment, cwd=self.work)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"winebox serve exited:\n{self.log_path.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"winebox serve did not answer within 30 s:\n{self.log_path.read_text()}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.work, ignore_errors=True)

    def log_records(self) -> list[dict]:
        records = []
        for line in self.log_path.read_text().splitlines():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                pass
        return records

    def setup_link(self) -> str:
        """The first-run link the server logs while it has no accounts."""
        for record in self.log_records():
            if "setup_url" in record:
                return record["setup_url"]
        raise AssertionError("the server logged no setup link")

    def mailed_texts(self) -> list[str]:
        """Text bodies of the messages the console mail backend has "sent", oldest first."""
        return [record["text"] for record in self.log_records() if record.get("backend") == "console" and "text" in record]

    def wait_for_mail(self, containing: str, timeout: float = 10) -> str:
        """The newest mailed text containing `containing`, waiting for it since mail is sent in the background."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            matches = [text for text in self.mailed_texts() if containing in text]
            if matches:
                return matches[-1]
            time.sleep(0.1)
        raise AssertionError(f"no mail containing {containing!r} within {timeout} s")

    def api(self, method: str, path: str, body: dict | None = None, token: str | None = None):
        """Calls the API directly (to prepare data or check what the interface did); answers the decoded JSON."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                payload = response.read()
        except urllib.error.HTTPError as error:
            raise APIError(error.code, error.read().decode(errors="replace")) from None
        return json.loads(payload) if payload else None

    def sign_in(self, email: str, password: str) -> str:
        return self.api("POST", "/api/auth/login", {"email": email, "password": password})["access_token"]
