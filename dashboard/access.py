"""Who may change data: password hashes and a limit on failed attempts, without Streamlit (tested alone).

The stored form is `pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>`, so the work factor can be raised
later without breaking the hashes already in secrets.toml. The login form itself is dashboard/ui/auth.py.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections.abc import Callable

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
MAX_FAILURES = 5      # failed attempts of one session before it is locked out
# failures of all sessions of a process before all are locked out (a new session costs an attacker nothing)
PROCESS_FAILURES = 25
LOCKOUT_S = 300.0


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii").rstrip("=")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s + "=" * (-len(s) % 4), validate=True)


def hash_password(password: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    if not password:
        raise ValueError("the password is empty")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"{SCHEME}${iterations}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True if password matches the stored hash; a malformed stored hash never matches."""
    try:
        scheme, iters, salt_s, digest_s = stored.strip().split("$")
        iterations = int(iters)
        salt, digest = _unb64(salt_s), _unb64(digest_s)
    except (ValueError, AttributeError):
        return False
    if scheme != SCHEME or not 1 <= iterations <= 10_000_000 or not digest:
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return hmac.compare_digest(candidate, digest)  # constant time: no timing hint of how much matched


class Throttle:
    """Failed login attempts per key (a session) and for the whole process; locks out for LOCKOUT_S."""

    PROCESS = "*process*"

    def __init__(self, max_failures: int = MAX_FAILURES, process_failures: int = PROCESS_FAILURES,
                 lockout_s: float = LOCKOUT_S, clock: Callable[[], float] = time.monotonic):
        self.max_failures, self.process_failures, self.lockout_s = max_failures, process_failures, lockout_s
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, list[float]] = {}
        self._locked_until: dict[str, float] = {}

    def locked_for(self, key: str) -> float:
        """Seconds until key may try again (0 = now); the process-wide lock counts for every key."""
        now = self._clock()
        with self._lock:
            until = max(self._locked_until.get(key, 0.0), self._locked_until.get(self.PROCESS, 0.0))
        return max(0.0, until - now)

    def failure(self, key: str) -> int:
        """Record a failed attempt; returns how many attempts key has left before a lockout."""
        now = self._clock()
        with self._lock:
            left = self.max_failures
            for k, limit in ((key, self.max_failures), (self.PROCESS, self.process_failures)):
                recent = [t for t in self._failures.get(k, []) if now - t < self.lockout_s] + [now]
                self._failures[k] = recent
                if len(recent) >= limit:
                    self._locked_until[k] = now + self.lockout_s
                    self._failures[k] = []
                if k == key:
                    left = max(0, limit - len(recent))
            return left

    def success(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
            self._locked_until.pop(key, None)


def secrets_lines(password_hash: str) -> str:
    """The lines to paste into .streamlit/secrets.toml."""
    return f'[dashboard]\npassword_hash = "{password_hash}"\n'
