"""Reading Streamlit's settings without its one process-wide lock (what serve.py installs in the server).

Streamlit's `config.get_option` takes `config._config_lock`, an RLock of the whole process, for every read, and
reads happen all the time: every message a script run sends asks `global.minCachedMessageSize`
(`forward_msg_cache.populate_hash_if_needed`), every widget asks for the testing flag, and the event loop builds
each run's `new_session` message from every option of the theme and client sections (`get_options_for_section`).
The lock guards nothing a read needs once the settings are parsed (the dict of options is built first and then
only replaced whole by a reparse; a set_option changes one value), but under load it was the stall behind the
capacity misses: a thread holding it is switched out by the interpreter lock like any other, and then every other
session's thread and the event loop queue on it, each hand-over waiting for a turn at the interpreter lock. A
py-spy record of 50 sessions on one server (benchmarks/README.md, "The capacity stall") found the script threads
waiting ~58 s for it in a 70 s level and the event loop ~5 s, while every session's messages waited with it.

`install` replaces the two read functions of the module with ones that read the parsed options directly and fall
back to Streamlit's own (locked) functions before the first parse, while a reparse is under way (a config.toml
changed), and for an unknown key (so the error is Streamlit's). Values are Streamlit's own: the same ConfigOption
objects, read the same way. Only the server entry calls it; AppTest and the CLI keep Streamlit's functions.
"""
from __future__ import annotations

import threading
from typing import Any

_NEEDED = ("_config_lock", "_config_options", "get_config_options", "get_option", "get_options_for_section")


def install(cfg: Any = None) -> bool:
    """Make cfg's (streamlit.config's) reads lock-free; False, and nothing changed, if this Streamlit lacks a
    piece the replacement relies on. Installing twice is installing once."""
    if cfg is None:
        from streamlit import config
        cfg = config
    if getattr(cfg.get_option, "lock_free", False):
        return True
    if not all(hasattr(cfg, name) for name in _NEEDED):
        return False
    locked_get, locked_section, parse = cfg.get_option, cfg.get_options_for_section, cfg.get_config_options
    parsing = [0]  # reparses under way: while one is, a read takes Streamlit's locked path
    count_lock = threading.Lock()  # only around a reparse, which is rare

    def get_config_options(force_reparse: bool = False, options_from_flags: dict[str, Any] | None = None) -> Any:
        if not force_reparse and cfg._config_options:
            return cfg._config_options
        with count_lock:  # set before the reparse replaces the dict, so no read sees it half filled
            parsing[0] += 1
        try:
            return parse(force_reparse=force_reparse, options_from_flags=options_from_flags)
        finally:
            with count_lock:
                parsing[0] -= 1

    def get_option(key: str) -> Any:
        options = cfg._config_options  # read before the reparse count: see get_config_options
        if parsing[0] or not options or key not in options:
            return locked_get(key)
        return options[key].value

    def get_options_for_section(section: str) -> dict[str, Any]:
        options = cfg._config_options
        if parsing[0] or not options:
            return locked_section(section)
        return {o.name: o.value for o in list(options.values()) if o.section == section}

    fn: Any
    for fn, original in ((get_option, locked_get), (get_options_for_section, locked_section),
                         (get_config_options, parse)):
        fn.__doc__ = original.__doc__
        fn.lock_free = True
    cfg.get_config_options = get_config_options
    cfg.get_option = get_option
    cfg.get_options_for_section = get_options_for_section
    return True
