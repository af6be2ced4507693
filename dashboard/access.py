"""Who may change data, without Streamlit (tested alone): named accounts, password hashes, the delays after failed
logins, the client's address, and the signed cookie of a browser that has logged in before.

The stored form of a password is `pbkdf2_sha256$<iterations>$<salt base64>$<hash base64>`, so the work factor can
be raised later without breaking the hashes already in secrets.toml. The login form itself is dashboard/ui/auth.py.

Failed logins slow down, they never lock the process: each failure is counted against the session and against
the client's address (or, for a browser carrying a valid device cookie, against that browser instead of the
address), and the next attempt of a key waits longer the more failures it has (Backoff). An address many people
share behind NAT gets more free failures than a session; one attacker's failures delay only that attacker's
session and address, and never a browser that has logged in before.
"""
from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import hmac
import ipaddress
import os
import re
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

SCHEME = "pbkdf2_sha256"
ITERATIONS = 600_000  # OWASP's 2023 figure for PBKDF2-HMAC-SHA256
SHARED = "shared password"  # who the audit trail names for the legacy shared password: nobody in particular
LOGIN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")  # a login as written in secrets.toml (lower case, ASCII)


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


@functools.cache
def _decoy(iterations: int) -> str:
    return hash_password(secrets.token_hex(16), iterations=iterations)


def _iterations(stored: str) -> int:
    try:
        return max(1, min(10_000_000, int(stored.split("$")[1])))
    except (IndexError, ValueError, AttributeError):
        return ITERATIONS


def normal_login(login: str | None) -> str:
    return (login or "").strip().lower()


@dataclass(frozen=True)
class Accounts:
    """The people who may log in ([dashboard.users] of secrets.toml: login -> hash) and, only while it is still
    configured, the old shared password ([dashboard] password_hash), which the audit trail names SHARED."""

    users: Mapping[str, str]
    shared: str | None = None

    def __bool__(self) -> bool:
        return bool(self.users) or bool(self.shared)

    def authenticate(self, login: str | None, password: str) -> str | None:
        """The name for the audit trail (the login, or SHARED), or None. An unknown login costs the same hash
        work as a known one, so the time taken does not tell which logins exist."""
        name = normal_login(login)
        if name:
            stored = self.users.get(name)
            if stored is None:
                some = next(iter(self.users.values()), self.shared or "")
                verify_password(password, _decoy(_iterations(some)))
                return None
            return name if verify_password(password, stored) else None
        if self.shared:
            return SHARED if verify_password(password, self.shared) else None
        return None


def accounts(users: Mapping[str, object] | None, shared: object | None) -> Accounts:
    """Accounts from the secrets' values, logins compared in lower case."""
    table = {normal_login(str(k)): str(v) for k, v in (users or {}).items() if normal_login(str(k)) and v}
    return Accounts(table, str(shared) if shared else None)


def secrets_lines(password_hash: str, user: str | None = None) -> str:
    """The lines to paste into .streamlit/secrets.toml: one named user's, or (user None) the old shared form."""
    if user is None:
        return f'[dashboard]\npassword_hash = "{password_hash}"\n'
    if not LOGIN.fullmatch(user):
        raise ValueError(f"a login is 1-64 of a-z 0-9 . _ - (starting with a letter or digit): {user!r}")
    return f'[dashboard.users]\n"{user}" = "{password_hash}"\n'


# --- the delays after failed attempts

@dataclass(frozen=True)
class Backoff:
    """No wait for the first `free` failures of a key, then first_s, doubling up to max_s; a failure older than
    forget_s no longer counts."""

    free: int
    first_s: float
    max_s: float
    forget_s: float

    def wait(self, failures: int) -> float:
        if failures <= self.free:
            return 0.0
        return min(self.max_s, self.first_s * 2.0 ** min(failures - self.free - 1, 32))


SESSION = Backoff(free=3, first_s=5, max_s=300, forget_s=3600)
ADDRESS = Backoff(free=10, first_s=5, max_s=900, forget_s=3600)  # NAT: one address, a whole office
DEVICE = Backoff(free=5, first_s=5, max_s=300, forget_s=3600)
POLICIES = {"session": SESSION, "address": ADDRESS, "device": DEVICE}


def policies(first_s: float) -> dict[str, Backoff]:
    """The three policies with their first wait set (DASHBOARD_LOGIN_DELAY_S); the doubling and caps stay."""
    return {k: dataclasses.replace(b, first_s=first_s) for k, b in POLICIES.items()}
MAX_KEYS = 100_000  # keys tracked at most (an attacker with many addresses cannot grow the table without end)


def attempt_keys(session: str, address: str, device: str | None = None) -> list[str]:
    """What one login attempt is counted against: its session, and its browser's device id when the browser
    carries a valid device cookie, else its address (so other people's failures there never delay it)."""
    return [f"session:{session}", f"device:{device}" if device else f"address:{address}"]


class Throttle:
    """Failed attempts per key ("session:…", "address:…", "device:…"), each kind with its Backoff."""

    def __init__(self, policies: Mapping[str, Backoff] | None = None, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_KEYS):
        self.policies = dict(policies or POLICIES)
        self._clock, self._max_keys = clock, max_keys
        self._lock = threading.Lock()
        self._failures: dict[str, deque[float]] = {}

    def _policy(self, key: str) -> Backoff:
        return self.policies[key.split(":", 1)[0]]

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        forget = self._policy(key).forget_s
        while times and now - times[0] >= forget:
            times.popleft()
        return times

    def _wait(self, key: str, now: float) -> float:
        times = self._recent(key, now)
        if not times:
            self._failures.pop(key, None)
            return 0.0
        return max(0.0, times[-1] + self._policy(key).wait(len(times)) - now)

    def wait(self, keys: Iterable[str]) -> float:
        """Seconds until an attempt counted against all of keys may be made (0 = now)."""
        now = self._clock()
        with self._lock:
            return max((self._wait(k, now) for k in keys), default=0.0)

    def failures(self, key: str) -> int:
        with self._lock:
            return len(self._recent(key, self._clock()))

    def failure(self, keys: Iterable[str]) -> float:
        """Record a failed attempt against every key; returns the wait that now applies to them."""
        now = self._clock()
        keys = list(keys)
        with self._lock:
            for k in keys:
                times = self._recent(k, now)
                times.append(now)
                limit = self._policy(k).free + 40  # past this the wait is at its cap anyway
                while len(times) > limit:
                    times.popleft()
                self._failures[k] = times
            if len(self._failures) > self._max_keys:
                self._prune(now)
            return max(self._wait(k, now) for k in keys)

    def success(self, keys: Iterable[str]) -> None:
        """Forget the failures of the session and the device; an address keeps its count (the person who just
        logged in may share it with the one who is guessing)."""
        with self._lock:
            for k in keys:
                if not k.startswith("address:"):
                    self._failures.pop(k, None)

    def _prune(self, now: float) -> None:
        for k in list(self._failures):
            if not self._recent(k, now):
                del self._failures[k]
        excess = len(self._failures) - self._max_keys
        if excess > 0:  # still too many: the keys whose last failure is oldest go first
            for k in sorted(self._failures, key=lambda k: self._failures[k][-1])[:excess]:
                del self._failures[k]


# --- the client's address

def _networks(trusted: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    out = []
    for item in trusted:
        try:
            out.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError:
            continue
    return out


def _ip(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        a = ipaddress.ip_address((text or "").strip().strip("[]"))
    except ValueError:
        return None
    return a.ipv4_mapped or a if isinstance(a, ipaddress.IPv6Address) else a  # ::ffff:10.0.0.1 is 10.0.0.1


def client_address(peer: str | None, headers: Mapping[str, str], trusted: Iterable[str]) -> str:
    """The address a login attempt is counted against. `peer` is the address of the connection (None: loopback,
    as Streamlit reports it); X-Forwarded-For and X-Real-IP (header names in lower case) are believed only when
    the peer is one of the `trusted` proxies, and then the right-most address of X-Forwarded-For that is not a
    trusted proxy is the client (what the proxy nearest to us saw). IPv6 addresses count by their /64 network,
    which one machine usually holds whole."""
    nets = _networks(trusted)
    addr = _ip(peer) if peer is not None else ipaddress.ip_address("127.0.0.1")
    if addr is None:
        return f"unparsed:{(peer or '')[:64]}"

    def is_proxy(a: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return any(a in n for n in nets)

    if is_proxy(addr):
        forwarded = [_ip(part) for part in headers.get("x-forwarded-for", "").split(",")]
        chain = [a for a in forwarded if a is not None]
        found = next((a for a in reversed(chain) if not is_proxy(a)), None)
        real = _ip(headers.get("x-real-ip"))
        addr = found or (real if real is not None and not is_proxy(real) else addr)
    if isinstance(addr, ipaddress.IPv6Address):
        return str(ipaddress.ip_network(f"{addr}/64", strict=False))
    return str(addr)


# --- the device cookie: a browser that has logged in before

DEVICE_COOKIE = "dashboard_device"
DEVICE_MAX_AGE_S = 180 * 24 * 3600
_DEVICE_TAG = b"dashboard device cookie v1"


class DeviceCookie:
    """Signed device ids: `v1.<id>.<issued unix time>.<HMAC-SHA256>`; the key never leaves the server."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time, max_age_s: int = DEVICE_MAX_AGE_S):
        if len(secret) < 16:
            raise ValueError("the device cookie secret is too short")
        self._key = hmac.new(secret, _DEVICE_TAG, hashlib.sha256).digest()  # its own key, derived
        self._clock, self.max_age_s = clock, max_age_s

    def _sign(self, body: str) -> str:
        return base64.urlsafe_b64encode(hmac.new(self._key, body.encode(), hashlib.sha256).digest()).decode()

    def issue(self) -> str:
        body = f"v1.{secrets.token_hex(12)}.{int(self._clock())}"
        return f"{body}.{self._sign(body)}"

    def device(self, token: str | None) -> str | None:
        """The device id of a genuine, unexpired token; None for anything else."""
        parts = (token or "").split(".")
        if len(parts) != 4 or parts[0] != "v1" or not re.fullmatch(r"[0-9a-f]{24}", parts[1]):
            return None
        body = ".".join(parts[:3])
        if not hmac.compare_digest(self._sign(body).encode(), parts[3].encode()):
            return None
        try:
            issued = int(parts[2])
        except ValueError:
            return None
        age = self._clock() - issued
        return parts[1] if -300 <= age <= self.max_age_s else None


def device_secret(path: Path, create: bool) -> bytes | None:
    """The device cookies' key kept in `path` (made, readable by the owner only, when create and missing);
    None when there is none and none may be made, or the folder is read-only."""
    try:
        return bytes.fromhex(path.read_text(encoding="ascii").strip()) or None
    except FileNotFoundError:
        if not create:
            return None
    except (OSError, ValueError):
        return None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it first: use theirs
        return device_secret(path, create=False)
    except OSError:
        return None
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(secrets.token_hex(32) + "\n")
    return device_secret(path, create=False)
