"""Formats as a registry: each name in ingest/formats.NAMES is a module that says what a format is, and the
CLI's --format choices, the uploader's file types and the i18n keys all come from that one list."""
from __future__ import annotations

import argparse
import importlib
import inspect

import pytest

from dashboard.__main__ import parser
from dashboard.i18n import catalog
from dashboard.ingest import formats
from dashboard.ingest.format import Format


@pytest.mark.parametrize("name", formats.NAMES)
def test_each_format_is_a_module_that_says_what_it_is(name):
    module = importlib.import_module(f"dashboard.ingest.{name}")
    assert module.NAME == name and formats.by_name(name) is module
    for attr in ("looks_like", "parse", "describe", "load"):
        assert callable(getattr(module, attr)), attr
    assert module.SUFFIXES and all(s.startswith(".") for s in module.SUFFIXES)
    # the Protocol's members, each defined by the module
    members = {n for n, _ in inspect.getmembers(Format) if not n.startswith("_")} | set(Format.__annotations__)
    assert members <= set(dir(module))


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_choice_has_its_name_in_both_catalogues(lang):
    for choice in formats.CHOICES:
        assert f"data.formats.{choice}" in catalog(lang)


def test_the_cli_offers_the_registered_formats():
    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction))
    fmt = next(a for a in sub.choices["import"]._actions if "--format" in a.option_strings)
    assert tuple(fmt.choices) == formats.CHOICES == ("auto", *formats.NAMES)


def test_the_uploader_takes_every_format_s_file_types():
    types = formats.file_types()
    for f in formats.all_formats():
        assert {s.lstrip(".") for s in f.SUFFIXES} <= set(types)
    assert "zip" in types and len(types) == len(set(types))


def test_a_header_is_recognised_by_its_format_alone():
    headers = {"fts": ["napr", "period", "nastranapr", "tnved", "Stoim", "Region"],
               "comtrade": ["refYear", "reporterISO", "partnerISO", "flowCode", "cmdCode", "primaryValue"],
               "firms": ["год", "страна", "число фирм", "вид"],
               "letters": ["period", "partner", "metric", "value", "unit", "document", "document date"]}
    assert set(headers) == set(formats.NAMES)
    for name, header in headers.items():
        assert formats.detect(header) is formats.by_name(name)
        assert [f.NAME for f in formats.all_formats() if f.looks_like(header)] == [name]
    assert formats.detect(["a", "b"]) is None
    with pytest.raises(ValueError, match="unknown format"):
        formats.by_name("xlsx")
