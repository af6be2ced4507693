"""Importers: read -> normalise -> validate -> load, each stage pure except the last."""
