"""Reports: one module per output format, each formatting result objects it is given.

Reports never compute: they receive a ScanResult (or a check/diff result)
and write it out.  Text taken from articles is escaped for each format.
"""

from __future__ import annotations

FORMATS = ("table", "json", "html")
#: Formats of `factcheck check` (and, but for sarif, of `factcheck diff`).
CHECK_FORMATS = ("table", "json", "sarif", "github", "markdown", "html")
