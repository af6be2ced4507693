"""A file read into a table of strings with known line numbers: what every reader (CSV, DBF) hands the
format parsers."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass
class RawTable:
    name: str
    header: list[str]
    table: pa.Table           # every column a string, one row per data line
    lines: np.ndarray | None  # file line of each row when it is not simply row + 2
    encoding: str
    delimiter: str
    deleted: int = 0          # records marked deleted in a DBF: read, not loaded, counted in the load log

    @property
    def read(self) -> int:
        """Data lines (or records) read from the file: every one is loaded or skipped for a counted reason."""
        return self.table.num_rows + self.deleted

    def line_of(self, row_indices: np.ndarray) -> np.ndarray:
        idx = np.asarray(row_indices, dtype=np.int64)
        return self.lines[idx] if self.lines is not None else idx + 2
