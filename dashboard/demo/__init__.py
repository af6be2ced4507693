"""The bundled demonstration data: generated deterministically, written in the real FTS format."""
