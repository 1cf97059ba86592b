"""factcheck: fact-check tech-deal news coverage.

A library first; the ``factcheck`` command is a thin layer over it::

    from factcheck import load_rules, read_document, extract_claims, group_claims
    rules = load_rules()
    claims = extract_claims(read_document("seeds/001_76c2137ffe3b86bc.txt"), rules)
    groups = group_claims(claims, rules)
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_rules", "read_document", "extract_claims", "group_claims", "scan", "check",
           "diff_paths", "load_ledger", "explain_alignment"]


def __getattr__(name: str):  # imported lazily so `factcheck --version` starts fast
    if name == "load_rules":
        from .rules import load_rules
        return load_rules
    if name == "read_document":
        from .documents import read_document
        return read_document
    if name == "extract_claims":
        from .extract import extract_claims
        return extract_claims
    if name == "group_claims":
        from .compare import group_claims
        return group_claims
    if name == "scan":
        from .scan import scan
        return scan
    if name == "check":
        from .check import check
        return check
    if name == "diff_paths":
        from .diff import diff_paths
        return diff_paths
    if name == "explain_alignment":  # why two texts' figures were or were not aligned (`rules align`)
        from .explain import explain_alignment
        return explain_alignment
    if name == "load_ledger":
        from .ledger import load_ledger
        return load_ledger
    raise AttributeError(name)
