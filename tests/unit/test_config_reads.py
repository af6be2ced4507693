"""Streamlit's settings read without its process-wide lock (dashboard/ui/config_reads.py): the same values as
Streamlit's own reads, no wait while another thread holds the lock, and Streamlit's path during a reparse."""
from __future__ import annotations

import threading

import pytest
from streamlit import config as cfg

from dashboard.ui import config_reads


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch):
    for name in ("get_option", "get_options_for_section", "get_config_options"):
        monkeypatch.setattr(cfg, name, getattr(cfg, name))  # restored after the test
    originals = cfg.get_option, cfg.get_options_for_section
    cfg.get_config_options()
    assert config_reads.install(cfg) is True
    return originals


def test_every_option_and_section_reads_as_streamlit_reads_it(installed):
    locked_get, locked_section = installed
    options = cfg._config_options
    assert options
    for key in options:
        assert cfg.get_option(key) == locked_get(key), key
    for section in {o.section for o in options.values()}:
        assert cfg.get_options_for_section(section) == locked_section(section), section
    with pytest.raises(RuntimeError, match="not defined"):
        cfg.get_option("no.suchOption")


def test_a_set_option_is_read_back(installed):
    cfg.set_option("client.showErrorDetails", "type")
    try:
        assert cfg.get_option("client.showErrorDetails") == "type"
    finally:
        cfg.set_option("client.showErrorDetails", "full")


def test_a_read_does_not_wait_for_a_thread_holding_the_lock(installed):
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with cfg._config_lock:
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    got: list[object] = []
    reader = threading.Thread(target=lambda: got.append(cfg.get_option("global.minCachedMessageSize")))
    reader.start()
    reader.join(5)
    finished = not reader.is_alive()
    release.set()
    holder.join(10)
    reader.join(10)
    assert finished and got == [cfg._config_options["global.minCachedMessageSize"].value]


class SpyLock:
    """Streamlit's lock, noting each `with` entered."""

    def __init__(self, lock):
        self.lock, self.entered = lock, 0

    def __enter__(self):
        self.entered += 1
        return self.lock.__enter__()

    def __exit__(self, *exc):
        return self.lock.__exit__(*exc)


def test_during_a_reparse_a_read_takes_streamlits_locked_path(installed, monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path):
    monkeypatch.setattr(cfg, "_config_options", cfg._config_options)  # the process's parsed settings, put back
    (tmp_path / "config.toml").write_text("[global]\nminCachedMessageSize = 10\n", encoding="utf-8")
    monkeypatch.setattr(cfg, "get_config_files", lambda name: [str(tmp_path / name)])
    spy = SpyLock(cfg._config_lock)
    monkeypatch.setattr(cfg, "_config_lock", spy)
    update = cfg._update_config_with_toml
    inside: list[int] = []

    def reading_update(contents: str, where: str) -> None:  # a read half way through the reparse
        before = spy.entered
        cfg.get_option("global.minCachedMessageSize")
        inside.append(spy.entered - before)
        update(contents, where)

    monkeypatch.setattr(cfg, "_update_config_with_toml", reading_update)
    cfg.get_config_options(force_reparse=True)
    assert inside == [1]  # Streamlit's locked read, not the half-filled dict
    before = spy.entered
    assert cfg.get_option("global.minCachedMessageSize") == 10
    assert spy.entered == before  # after the reparse: lock-free again
