"""Every setting in one place: a default, a help text, and an environment variable that overrides it.

The README's settings table is checked against SETTINGS by a unit test, so the two cannot drift apart.
"""
from __future__ import annotations

import datetime as dt
import math
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("DASHBOARD_DB", "data/dashboard.duckdb",
            "Path of the published database; its versions live beside it in the same folder."),
    Setting("DASHBOARD_DATA_DIR", "data", "Folder of the bundled default inputs."),
    Setting("DASHBOARD_REGION", "18000", "OKATO code of the region the app shows (18000 = Volgograd Oblast)."),
    Setting("DASHBOARD_KEEP_VERSIONS", "5", "How many published versions are kept for rollback."),
    Setting("DASHBOARD_MAX_UPLOAD_MB", "200", "Largest file an import accepts, in megabytes."),
    Setting("DASHBOARD_READ_ONLY", "0", "1 = a viewing deployment: the pages that change data do not exist."),
    Setting("DASHBOARD_LANG", "ru", "Default interface language (ru or en)."),
    Setting("DASHBOARD_LOGIN_DELAY_S", "5",
            "Seconds of the first wait after too many failed logins; each further failure doubles it."),
    Setting("DASHBOARD_TRUSTED_PROXIES", "127.0.0.1,::1",
            "Addresses or networks of the reverse proxy (nginx) whose X-Forwarded-For names the client, for the "
            "login's delays per address; from any other peer the header is ignored."),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name: str) -> str:
    return os.environ.get(name) or _BY_NAME[name].default


def _path(name: str) -> Path:
    p = Path(get(name)).expanduser()
    return p if p.is_absolute() else ROOT / p


def db_path() -> Path:
    return _path("DASHBOARD_DB")


def data_dir() -> Path:
    return _path("DASHBOARD_DATA_DIR")


def region() -> str:
    return get("DASHBOARD_REGION")


def keep_versions() -> int:
    return max(1, int(get("DASHBOARD_KEEP_VERSIONS")))


def max_upload_bytes() -> int:
    return int(float(get("DASHBOARD_MAX_UPLOAD_MB")) * 1024 * 1024)


def max_upload_mb() -> int:
    """The same limit for Streamlit's uploader (serve.py sets server.maxUploadSize from it), which counts whole
    megabytes: a fraction rounds up, and the importer still refuses what passes max_upload_bytes()."""
    return max(1, math.ceil(float(get("DASHBOARD_MAX_UPLOAD_MB"))))


def login_delay_s() -> float:
    return max(1.0, float(get("DASHBOARD_LOGIN_DELAY_S")))


def trusted_proxies() -> list[str]:
    return [x.strip() for x in get("DASHBOARD_TRUSTED_PROXIES").split(",") if x.strip()]


def read_only() -> bool:
    return get("DASHBOARD_READ_ONLY").strip().lower() in ("1", "true", "yes")


def today() -> dt.date:
    """The date pages and slides judge the data's age by ("данные на …" and its warning): one clock, which a
    test replaces."""
    return dt.date.today()
