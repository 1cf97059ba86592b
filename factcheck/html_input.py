"""Saved web pages: HTML → the article's text and metadata, with a map back to HTML lines.

The article is extracted with trafilatura (boilerplate removal made for news
pages; publication dates through htmldate): menus, related-article lists,
ads, scripts and comments are left out, so their figures are never scanned.
trafilatura is an optional dependency (the ``html`` extra) and is imported
only when an HTML file is read, so plain-text runs start as fast as before.

The document's ``text`` is the extracted text (what ``extract --show-text``
prints and what claim lines refer to); ``source_lines`` maps each of its
characters back to the line of the HTML file it came from, found by aligning
the extracted text with the page's visible characters.
"""

from __future__ import annotations

import bisect
import codecs
import html as _html
import logging
from array import array

import regex

from .claims import Problem
from .documents import HTML_SUFFIXES, Document, InputError, decode, is_html, line_starts, parse_plain_date

__all__ = ["HTML_SUFFIXES", "is_html", "decode_html", "document_from_html", "map_to_page_lines", "visible_characters"]

MISSING_EXTRA = "reading HTML needs trafilatura: install the html extra (pip install 'factcheck[html]')"

#: Legacy encodings as browsers read them (WHATWG): EUC-KR pages are really CP949.
_CHARSET_ALIASES = {"euc-kr": "cp949", "ks_c_5601-1987": "cp949", "x-windows-949": "cp949", "windows-949": "cp949",
                    "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "gb2312": "gbk"}
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", regex.I)


def decode_html(data: bytes, display: str) -> tuple[str, list[Problem]]:
    """Decode a page: UTF-8 (or a BOM) first, else the charset its ``<meta>`` declares (EUC-KR …)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, display)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes): skipped")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = _CHARSET_ALIASES.get(name, name)
        try:
            codecs.lookup(name)
        except LookupError:
            name = ""
        if name and name not in ("utf-8", "utf8"):
            text = data.decode(name, errors="replace")
            warnings = []
            if "\ufffd" in text:
                warnings.append(Problem(display, f"bytes not valid in the declared charset {name}: "
                                                 "decoded with replacement characters", fatal=False))
            return text, warnings
    return decode(data, display)


def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:  # not installed, or installed without a library it needs
        detail = "" if getattr(exc, "name", None) == "trafilatura" else f" ({' '.join(str(exc).split())})"
        raise InputError(MISSING_EXTRA + detail) from None
    for name in ("trafilatura", "htmldate", "courlan"):  # their warnings are not ours to print
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    return trafilatura


def document_from_html(display: str, page: str, warnings: list[Problem] | None = None) -> Document:
    """The article in a page as a :class:`Document` whose text is the extracted text."""
    trafilatura = _trafilatura()
    try:
        result = trafilatura.bare_extraction(
            page, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_precision=True, deduplicate=False,
        )
    except Exception as exc:  # noqa: BLE001 - a page the library chokes on is a bad input, not a crash
        raise InputError(f"cannot extract the article from this HTML: {type(exc).__name__}: {exc}") from None
    body = (getattr(result, "text", None) or "").strip() if result is not None else ""
    if not body:  # navigation only, or an app shell: nothing to check (read_document warns), not an input error
        return Document(display, "", "", {"format": "html"}, warnings=list(warnings or []))
    title = (getattr(result, "title", None) or "").strip()
    paragraphs = [" ".join(line.split()) for line in body.splitlines() if line.strip()]
    if title and (not paragraphs or " ".join(title.split()) != paragraphs[0]):
        paragraphs.insert(0, " ".join(title.split()))
    text = "\n\n".join(paragraphs) + "\n"
    metadata = {"format": "html"}
    for key, attr in (("title", "title"), ("source", "sitename"), ("author", "author"), ("date", "date"),
                      ("url", "url"), ("description", "description")):
        value = getattr(result, attr, None)
        if value:
            metadata[key] = " ".join(str(value).split())
    pub_date = parse_plain_date(metadata["date"]) if "date" in metadata else None
    return Document(display, text, text, metadata, pub_date, "html" if pub_date else None,
                    list(warnings or []), source_lines=map_to_page_lines(text, page))


# --------------------------------------------------------------------------- text → page lines


_PAGE_TOKEN = regex.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|template|noscript)\b[^>]*>.*?(?:</\1\s*>|\Z)|<[^>]*>?"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",
    regex.S | regex.I,
)


_BODY = regex.compile(r"<body\b", regex.I)


def visible_characters(page: str) -> tuple[str, list[int]]:
    """The page's visible non-space characters and, for each, its offset in the page."""
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0

    def plain(a: int, b: int) -> None:
        for i in range(a, b):
            ch = page[i]
            if not ch.isspace():
                chars.append(ch)
                offsets.append(i)

    for m in _PAGE_TOKEN.finditer(page):
        plain(pos, m.start())
        token = m.group()
        if token.startswith("&"):
            for ch in _html.unescape(token):
                if not ch.isspace():
                    chars.append(ch)
                    offsets.append(m.start())
        pos = m.end()
    plain(pos, len(page))
    return "".join(chars), offsets


def map_to_page_lines(text: str, page: str) -> array:
    """For each character of ``text``, the 1-based line of ``page`` it came from (0: not found).

    Each line of the extracted text is looked for, spaces ignored, among the
    page's visible characters, after the previous line's match when possible
    (extraction keeps page order); a line that was reworded (list markers,
    joined cells) is placed word by word.
    """
    stream, offsets = visible_characters(page)
    starts = line_starts(page)
    result = array("I", bytes(4 * len(text)))
    body = _BODY.search(page)  # the headline is looked for in the page body first, then in <title>
    cursor = bisect.bisect_left(offsets, body.start()) if body else 0
    for m in regex.finditer(r"[^\n]+", text):
        positions = [m.start() + i for i, ch in enumerate(m.group()) if not ch.isspace()]
        if not positions:
            continue
        compact = "".join(text[p] for p in positions)
        found = stream.find(compact, cursor)
        if found < 0:
            found = stream.find(compact)
        if found >= 0:
            for k, p in enumerate(positions):
                result[p] = bisect.bisect_right(starts, offsets[found + k])
            cursor = found + len(compact)
        else:
            cursor = _place_words(text, m.start(), m.end(), stream, offsets, starts, cursor, result)
        _fill(result, m.start(), m.end())
    return result


def _fill(result: array, a: int, b: int) -> None:
    """Spaces and unplaced characters of a line take the line of the nearest placed character."""
    last = next((result[i] for i in range(a, b) if result[i]), 0)
    for i in range(a, b):
        if result[i]:
            last = result[i]
        else:
            result[i] = last


def _place_words(text: str, a: int, b: int, stream: str, offsets: list[int], starts: list[int], cursor: int,
                 result: array) -> int:
    for w in regex.finditer(r"\S+", text[a:b]):
        word = w.group()
        if len(word) < 3:
            continue
        found = stream.find(word, cursor, cursor + 5000 + len(word))
        if found < 0:
            continue
        for k in range(len(word)):
            result[a + w.start() + k] = bisect.bisect_right(starts, offsets[found + k])
        cursor = found + len(word)
    return cursor
