"""Documents: files → decoded text, metadata, positions and sentences.

A document keeps the decoded text of its file unchanged, so every character
keeps its line and column.  What is not to be scanned (front matter other
than the headline fields) is blanked out in ``scan_text``, which has the same
length as ``text``: an offset in one is an offset in the other.
"""

from __future__ import annotations

import bisect
import codecs
import datetime as _dt
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import regex

from .claims import NO_TEXT, Problem, Source

#: Web-page suffixes: their article is extracted first (html_input.py).
HTML_SUFFIXES = (".html", ".htm")

#: File suffixes read when a folder is given.
TEXT_SUFFIXES = (".txt", ".md", ".markdown") + HTML_SUFFIXES

#: Front-matter fields that are headlines: scanned for claims at their own lines.
HEADLINE_FIELDS = ("title", "description", "subtitle", "summary")

#: Default refusal size; see README "Limits".
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """A file that cannot be read as a document (the message names why)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Document:
    """One source file, decoded, with what is known about it."""

    path: str  # as the reports name it: the command-line path joined with the relative path
    text: str
    scan_text: str
    metadata: dict[str, str] = field(default_factory=dict)
    pub_date: str | None = None
    pub_date_origin: str | None = None
    warnings: list[Problem] = field(default_factory=list)
    #: For text extracted from another format (HTML): per character of ``text``, its line in the file (0: unknown).
    source_lines: Sequence[int] | None = field(default=None, repr=False)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    _sentences: list[tuple[int, int]] | None = field(default=None, repr=False)
    _paragraphs: list[tuple[int, int]] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            self._line_starts = line_starts(self.text)

    @property
    def name(self) -> str:
        """A source's display name: its front-matter ``source`` or ``title``, else the file name."""
        return self.metadata.get("source") or self.metadata.get("title") or Path(self.path).name

    @property
    def source(self) -> Source:
        return Source(self.path, self.name, self.pub_date, self.pub_date_origin)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def source_line(self, offset: int) -> int | None:
        """The line of the original file (an HTML page) a character was extracted from, if known."""
        if self.source_lines is None or not 0 <= offset < len(self.source_lines):
            return None
        return self.source_lines[offset] or None

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = split_sentences(self.scan_text)
        return self._sentences

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        if self._paragraphs is None:
            self._paragraphs = split_paragraphs(self.scan_text)
        return self._paragraphs


# --------------------------------------------------------------------------- files


def iter_input_files(
    paths: Iterable[str], follow_links: bool = False, suffixes: tuple[str, ...] = TEXT_SUFFIXES
) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """Expand command-line paths into (display path, file path) pairs, sorted per folder.

    Folders are walked recursively; links inside them are followed only with
    ``follow_links`` (a link loop or a link out of the folder is reported).
    A link named on the command line is followed, as ``grep -r`` and
    ``find -H`` do: the user asked for that file.
    """
    found: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for raw in paths:
        if raw == "-":
            found.append(("-", Path("-")))
            continue
        path, given = Path(raw), display_path(raw)
        try:
            st = path.stat()
        except FileNotFoundError:
            problems.append(Problem(given, "no such file or folder" if not path.is_symlink()
                                    else "symbolic link to a missing file"))
            continue
        except OSError as exc:
            problems.append(Problem(given, _os_message(exc)))
            continue
        if stat.S_ISDIR(st.st_mode):
            before = len(found)
            _walk(path, given, follow_links, suffixes, found, problems)
            if len(found) == before:
                problems.append(Problem(given, f"no text files ({', '.join(suffixes)}) in this folder"))
        elif stat.S_ISREG(st.st_mode):
            found.append((given, path))
        else:
            problems.append(Problem(given, "not a regular file (FIFO, device or socket): skipped"))
    return found, problems


def _walk(
    root: Path,
    given: str,
    follow_links: bool,
    suffixes: tuple[str, ...],
    found: list[tuple[str, Path]],
    problems: list[Problem],
) -> None:
    real_root = os.path.realpath(root)
    seen_dirs: set[str] = {real_root}

    def on_error(exc: OSError) -> None:
        problems.append(Problem(_join(given, os.path.relpath(exc.filename or str(root), root)), _os_message(exc)))

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error, followlinks=follow_links):
        dirnames.sort()
        kept = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            link = os.path.islink(full)
            if link and not follow_links:
                problems.append(Problem(_join(given, os.path.relpath(full, root)),
                                        "symbolic link not followed (use --follow-links)", fatal=False))
                continue
            if follow_links:  # each real folder is read once, however many links lead to it
                real = os.path.realpath(full)
                if real in seen_dirs:
                    why = "symbolic link loop" if link else "folder already read through a symbolic link"
                    problems.append(Problem(_join(given, os.path.relpath(full, root)), f"{why}: skipped",
                                            fatal=False))
                    continue
                seen_dirs.add(real)
            kept.append(d)
        dirnames[:] = kept
        for name in sorted(filenames):
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            if not name.lower().endswith(suffixes):
                continue
            if os.path.islink(full) and not follow_links:
                problems.append(Problem(_join(given, rel), "symbolic link not followed (use --follow-links)", fatal=False))
                continue
            try:
                mode = os.stat(full).st_mode
            except OSError as exc:
                problems.append(Problem(_join(given, rel), _os_message(exc)))
                continue
            if not stat.S_ISREG(mode):
                problems.append(Problem(_join(given, rel), "not a regular file (FIFO, device or socket): skipped"))
                continue
            found.append((_join(given, rel), Path(full)))


def _join(given: str, rel: str) -> str:
    rel = display_path(rel)
    if rel == ".":
        return given
    return given.rstrip("/") + "/" + rel.replace(os.sep, "/") if given not in ("", ".") else rel


def display_path(name: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 (kept by Python as lone
    surrogates) become U+FFFD, so that every report can be written as valid UTF-8."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _os_message(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


# --------------------------------------------------------------------------- decoding


def read_document(
    display: str | Path, path: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES, data: bytes | None = None
) -> Document:
    """Read and decode one file (named by a string or a ``Path``); raise :class:`InputError` if it cannot be used."""
    display = str(display)
    if data is None:
        data = _read_regular_file(path or Path(display), max_bytes)
    if len(data) > max_bytes:
        raise InputError(f"larger than --max-bytes ({max_bytes:,} bytes): refused")
    if is_html(display, data):
        from . import html_input  # imported only for a web page, and the HTML library only from there

        page, warnings = html_input.decode_html(data, display)
        document = html_input.document_from_html(display, page, warnings)
        why = "in this HTML page"
    else:
        text, warnings = decode(data, display)
        document = document_from_text(display, text, warnings)
        why = "(empty file)" if not text.strip() else "(no words in the file)"
    if not _ANY_LETTER.search(document.scan_text):
        document.warnings.append(no_text_warning(display, why))
    return document


#: Article text has words: a file with no letter in it (empty, blank, rules and bullets only) has none to check.
_ANY_LETTER = regex.compile(r"\p{L}")


def no_text_warning(display: str, why: str) -> Problem:
    """A readable input with nothing to check: a warning, counted in the summaries, never an input error."""
    return Problem(display, f"no article text found {why}", fatal=False, kind=NO_TEXT)


def is_html(display: str, data: bytes | None = None) -> bool:
    """A web page by its suffix, or any input (standard input, a saved .php page) by its first bytes."""
    if display.lower().endswith(HTML_SUFFIXES):
        return True
    if data is not None:
        head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return head.startswith((b"<!doctype html", b"<html"))
    return False


def _read_upto(handle, limit: int, first: int) -> bytes:
    """At most ``limit`` bytes.  ``read(n)`` allocates n bytes up front, so the
    file's size is asked for first and a file that grows is read in chunks."""
    chunks, total, size = [], 0, min(first, limit)
    while total < limit:
        chunk = handle.read(size)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
        size = min(1 << 20, limit - total)
    return b"".join(chunks)


def _read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes + 1`` of them.

    The file is opened without blocking and checked on the open descriptor, so
    a FIFO or device (even one swapped in after the folder was listed) is
    refused instead of hanging the run, and an over-large file is refused from
    its size before any of it is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(_os_message(exc)) from None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError("not a regular file (FIFO, device or socket): skipped")
        if st.st_size > max_bytes:
            raise InputError(f"larger than --max-bytes ({max_bytes:,} bytes): refused")
        try:
            return _read_upto(handle, max_bytes + 1, first=st.st_size + 1)
        except OSError as exc:
            raise InputError(_os_message(exc)) from None


def decode(data: bytes, display: str) -> tuple[str, list[Problem]]:
    """Decode bytes as UTF-8 (or UTF-16/UTF-8 with a BOM); binary data is refused.

    Invalid UTF-8 is decoded with replacement characters and a warning that
    gives the byte offset of the first bad byte.
    """
    bom = 0
    if data.startswith(codecs.BOM_UTF8):
        bom = len(codecs.BOM_UTF8)
        data = data[bom:]
    else:
        for mark, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
            if data.startswith(mark):  # UTF-32 first: its little-endian BOM begins with UTF-16's
                try:
                    return data.decode(codec), []
                except UnicodeDecodeError as exc:
                    raise InputError(f"invalid {codec.upper()} at byte {exc.start}") from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes): skipped")
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = len(line_starts(data[:exc.start].decode("utf-8", "replace")))  # CR and CRLF count as in positions
        bad = Problem(display, f"invalid UTF-8 at byte {exc.start + bom}: decoded with replacement characters",
                      line=line, fatal=False)
        return data.decode("utf-8", errors="replace"), [bad]


def document_from_text(display: str, text: str, warnings: list[Problem] | None = None) -> Document:
    """Build a document from decoded text: front matter, scanned regions, publication date.

    The publication date comes from the front matter (``pub_date``, ``date``),
    else a dateline among the first lines.  Other readers (HTML) set
    ``Document.pub_date`` and ``pub_date_origin`` ("html") themselves; a
    ``--pub-date`` override replaces both (origin "option").
    """
    metadata, scan_text = _front_matter(text)
    pub_date, origin = _metadata_date(metadata)
    dateline = find_dateline(scan_text)
    if pub_date is None and dateline:
        pub_date, origin = dateline[0], "dateline"
    if pub_date is None:
        pub_date = _url_date(metadata)
        origin = "url" if pub_date else None
    if dateline and dateline[1]:  # "NEW YORK, Sept 30, 2025 (Reuters) -" dates the article, not its events
        start, end = dateline[1]
        scan_text = scan_text[:start] + _blank(scan_text[start:end]) + scan_text[end:]
    for m in _RETRACTED.finditer(scan_text):  # what a correction says was wrong is no claim of the article
        scan_text = scan_text[:m.start()] + _blank(m.group()) + scan_text[m.end():]
    return Document(display, text, scan_text, metadata, pub_date, origin, list(warnings or []))


#: A correction's account of the error: "An earlier version of this story said xAI raised $12 billion.",
#: "(Corrects paragraph 3 to say $10 billion, not $12 billion)".
_RETRACTED = regex.compile(
    r"(?i:\b(?:an?\s+|the\s+)?(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:article|story|post|report|item)"
    r"\s+(?:said|stated|misstated|reported|gave|described|incorrectly|wrongly|misidentified)\b)[^.!?\n]*(?:\.(?=\d)[^.!?\n]*)*[.!?]?"
    r"|\((?i:corrects?|correction)\b[^()\n]{0,300}\)")


def _blank(text: str) -> str:
    """Spaces for every character but line ends, so offsets and line numbers stay."""
    return regex.sub(r"[^\r\n]", " ", text)


def line_starts(text: str) -> list[int]:
    """Offsets where lines start; CRLF, CR and LF all end a line."""
    starts = [0]
    for m in _NEWLINE.finditer(text):
        starts.append(m.end())
    return starts


_NEWLINE = regex.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------- front matter


_FRONT_MATTER = regex.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n|\r)---[ \t]*(?:\r?\n|\r|\Z)", regex.S)
_FIELD_LINE = regex.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", regex.M)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    block_start, block_end = m.start(1), m.end(1)
    metadata: dict[str, str] = {}
    keep: list[tuple[int, int]] = []
    for fm in _FIELD_LINE.finditer(text, block_start, block_end):
        key, raw = fm.group(1).lower(), fm.group(2)
        value = raw
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
            start, end = fm.start(2) + 1, fm.end(2) - 1
        else:
            start, end = fm.start(2), fm.end(2)
        metadata[key] = value
        if key in HEADLINE_FIELDS and value:
            keep.append((start, end))
    chars = list(text[: m.end()])
    blank = [c if c in "\r\n" else " " for c in chars]
    for start, end in keep:
        blank[start:end] = chars[start:end]
    return metadata, "".join(blank) + text[m.end():]


def _metadata_date(metadata: dict[str, str]) -> tuple[str | None, str | None]:
    for key in ("pub_date", "date", "published", "publication_date"):
        value = metadata.get(key)
        if value:
            parsed = parse_plain_date(value.strip())
            if parsed:
                return parsed, "front matter"
    return None, None


_DATE_FORMATS = ("%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%b %d %Y", "%B %d %Y",
                 "%Y/%m/%d", "%d.%m.%Y", "%Y년 %m월 %d일", "%Y. %m. %d", "%d-%b-%Y", "%d %B, %Y", "%d %b, %Y")

#: A date in an article's address: ".../2025/03/14/story", ".../20250314-story", ".../2025-03-14-story",
#: ".../September-08-2025/...".
_URL_DATE = regex.compile(
    r"(?<![\d])(?P<y>20\d\d)(?P<s>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>0[1-9]|[12]\d|3[01])(?![\d])"
    r"|/(?P<month>(?i:january|february|march|april|may|june|july|august|september|october|november|december))"
    r"-(?P<d2>0?[1-9]|[12]\d|3[01])-(?P<y2>20\d\d)(?![\d])")
_URL_FIELDS = ("url", "link", "source_url", "canonical_url", "permalink")


def _url_date(metadata: dict[str, str]) -> str | None:
    """The publication date written in the article's address (front matter ``url``), if any."""
    for key in _URL_FIELDS:
        value = metadata.get(key)
        if not value:
            continue
        path = regex.sub(r"^[a-z]+://[^/]+", "", value.strip())  # not the host: "example2025.com"
        for m in _URL_DATE.finditer(path):
            try:
                if m["y"]:
                    return _dt.date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
                month = _dt.datetime.strptime(m["month"][:3].title(), "%b").month
                return _dt.date(int(m["y2"]), month, int(m["d2"])).isoformat()
            except ValueError:
                continue
    return None


_MONTH_ABBREVIATION = regex.compile(r"^((?i:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.|(?i:sept)\.?)(?=\s)")
_WEEKDAY_PREFIX = regex.compile(r"^(?i:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)")


def parse_plain_date(text: str) -> str | None:
    """Parse a stand-alone calendar date in a common layout; ISO string or None."""
    text = _WEEKDAY_PREFIX.sub("", text.strip().rstrip("."))  # "Monday, June 8, 2026"
    text = _MONTH_ABBREVIATION.sub(lambda m: m.group(1)[:3], text)  # "Oct. 31, 2025", "Sept. 4, 2025"
    if "T" in text[:11] and len(text) > 10:
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return _dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


_TIME = r"\d{1,2}[:.]\d\d(?:[:.]\d\d)?\s*(?i:[ap]\.?m\.?)?\s*(?:\p{Lu}{2,4}(?!\p{L}))?"  # "9:15 AM ET", "1:29:34 PM"
_DATELINE = regex.compile(r"^\s*(?:[\p{L} ]{1,20}:\s*|(?i:published|updated|posted|first\s+published)(?:\s+on)?\s+"
                          # a byline: "By Jane Doe · September 5, 2025", "By Jane Doe, Mar 3, 2025", "Jane Doe | …"
                          r"|(?i:by)\s+[^·|•,—–\n]{2,60}?\s*[·|•,—–]\s*|[\p{L}.'’ -]{2,40}?\s*[·|•]\s*)?"
                          rf"(?:{_TIME},?\s+)?"  # "3:42 p.m. ET, July 1, 2025"
                          r"(?P<date>[\p{L}\d ,./-]{6,30}?)"
                          # "Mar 3, 2025, 9:15 AM ET", "Monday, Jun 9, 2025 2:29 am ET · 3 min read"
                          rf"(?:,?\s+(?i:at\s+)?{_TIME})?(?:\s*[·|•]?\s*\d+\s*(?i:min(?:ute)?s?)\s+(?i:read))?\s*$")
_EMPHASIS = regex.compile(r"(?<![\p{L}\d])[*_]{1,3}|[*_]{1,3}(?![\p{L}\d])")
#: A lead paragraph that opens with its dateline: "July 2, 2025 — OpenAI has agreed …",
#: "SEOUL, Oct. 31, 2025 (Reuters) - Samsung said …".  The place is capitalised words before a comma.
_LEAD_DATELINE = regex.compile(
    r"^\s*(?:\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s+)?(?P<date>[\p{L}\d ,./-]{6,30}?)\s*"
    r"(?:\([^()\n]{1,40}\)\s*)?(?:—|–|--?)(?=\s+\S)"
    # the place and a full date, then a comma: "SAN JOSE, Calif., March 3, 2025, Example Corp said …"
    r"|^\s*(?!(?i:on|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s+(?:\p{Lu}[\p{L}.]*,\s+)?"
    r"(?P<date>(?:\p{L}+\.?\s+\d{1,2}|\d{1,2}\s+\p{L}+),?\s+\d{4}),\s+(?=\p{Lu})"
    # a labelled date before the lead: "Date: 2025-03-14 Example Corp said …", "Published 2025-03-14 …"
    r"|^\s*(?i:date[d]?|published|updated|posted)\s*:?\s+(?P<date>\d{4}-\d\d-\d\d)(?:T[\d:.]+Z?)?\s+(?=\S)")


def find_dateline(text: str, lines: int = 6) -> tuple[str, tuple[int, int] | None] | None:
    """A publication date from a dateline among the first non-empty lines, if any, and where the dateline
    is when it opens a lead paragraph ("SEOUL, Oct. 31, 2025 (Reuters) -"), to be left out of the scan."""
    seen = 0
    for line in _LINE.finditer(text, 0, min(len(text), 2000)):
        raw = line.group()
        if not raw.strip():
            continue
        seen += 1
        if seen > lines:
            break
        m = _DATELINE.match(_EMPHASIS.sub("", raw))  # "_September 3, 2025_", "**Published:** …"
        if m:
            parsed = parse_plain_date(m.group("date"))
            if parsed:  # a line of its own: left out of the scan as a whole
                return parsed, (line.start() + len(raw) - len(raw.lstrip()), line.end())
        m = _LEAD_DATELINE.match(raw)
        if m:
            parsed = parse_plain_date(m.group("date"))
            if parsed:
                return parsed, (line.start() + len(raw) - len(raw.lstrip()), line.start() + m.end())
    return None


_LINE = regex.compile(r"[^\r\n]*")


# --------------------------------------------------------------------------- sentences

#: Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset(
    """corp inc ltd co dr mr mrs ms prof st jr sr no nos vs etc e.g i.e approx est gov sen rep gen col
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft fig al univ dept assn bros plc llc""".split()
)

_BOUNDARY = regex.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|(?<=\p{Hangul})[.!?](?=[\p{Hangul}\p{Lu}])|(?:\r\n|\r|\n)")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")
_LATIN = regex.compile(r"\p{Latin}")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of ``text``; whitespace between them is left out.

    A period ends a sentence unless it closes an abbreviation ("Corp.", "U.S.")
    or an initial, or the next word starts in lower case; decimals never split
    because the period must be followed by white space.  A line break ends a
    sentence when the line looks complete (ends in punctuation or is short, as
    headings and datelines are) or when a blank line follows.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group().strip():  # punctuation
            if not _ends_sentence(text, m.start(), end):
                continue
        else:  # a line break
            if not _line_break_ends_sentence(text, start, m.start(), end):
                continue
        _add_span(text, start, end, spans)
        start = end
    if start < n:
        _add_span(text, start, n, spans)
    if any(e - s > MAX_SENTENCE_CHARS for s, e in spans):
        spans = [piece for span in spans for piece in _bounded(text, *span)]
    return spans


#: Longest span treated as one sentence.  Real sentences are far shorter; text
#: without sentence punctuation (a scraped page on one line, a table dump) is
#: cut into pieces of at most this length, so that the work per sentence —
#: which compares each figure with each entity mention in it — stays bounded
#: and a whole file is read in time linear in its length.
MAX_SENTENCE_CHARS = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long span at the last clause break (else space) before the limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        window = text[limit - MAX_SENTENCE_CHARS // 2:limit]
        cut = max(window.rfind(", "), window.rfind("; "))
        if cut != -1:
            cut += limit - MAX_SENTENCE_CHARS // 2 + 1
        else:
            space = max(window.rfind(" "), window.rfind("\t"), window.rfind("\n"))
            cut = space + limit - MAX_SENTENCE_CHARS // 2 if space != -1 else limit
        _add_span(text, start, cut, pieces)
        start = cut
    _add_span(text, start, end, pieces)
    return pieces


def _ends_sentence(text: str, punct_start: int, end: int) -> bool:
    if text[punct_start] == ".":
        wm = _WORD_BEFORE.search(text, max(0, punct_start - 20), punct_start)
        word = wm.group(1).lower() if wm else ""
        if word in ABBREVIATIONS or (len(word) == 1 and _LATIN.match(word)):  # "J." is an initial, "장." is not
            return False
        if "." in word and all(len(part) <= 2 for part in word.split(".")):  # U.S., U.K., e.g.
            follower = _next_char(text, end)
            return bool(follower) and follower.isupper() and not _next_word_is_title(text, end)
    follower = _next_char(text, end)
    return not (follower and follower.islower() and follower.isascii())


def _next_char(text: str, pos: int) -> str:
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    return text[pos] if pos < n else ""


def _next_word_is_title(text: str, pos: int) -> bool:
    """After "U.S." a capitalised noun ("U.S. President") continues the sentence."""
    m = _TITLE_WORD.match(text, pos)
    return bool(m) and m.group(1) in _CONTINUES_AFTER_INITIALS


_TITLE_WORD = regex.compile(r"\s*(\p{Lu}\p{Ll}+)")
_CONTINUES_AFTER_INITIALS = frozenset(
    "President Government Department Army Navy Senate House Treasury Commerce Congress Federal Dollar "
    "Export Trade Chips Commission Justice Secretary Administration".split()
)


def _line_break_ends_sentence(text: str, sent_start: int, br_start: int, br_end: int) -> bool:
    """A line break ends a sentence unless the line is visibly wrapped mid-sentence.

    Wrapped prose continues in lower case or after a comma, a hyphen or a
    little word ("and", "the"); a headline or a paragraph per line does not.
    """
    line_start = max(text.rfind("\n", 0, br_start), text.rfind("\r", 0, br_start)) + 1
    line = text[max(line_start, sent_start):br_start].rstrip()
    nxt = _next_line(text, br_end).lstrip()
    if not line or not nxt:
        return True
    if nxt[0].islower() and nxt[0].isascii():
        return False
    return not (line[-1] in ",;-–—(" or _WRAPPED_END.search(line))


_WRAPPED_END = regex.compile(r"(?i:\b(?:and|or|but|the|a|an|of|to|in|on|for|with|by|at|from|as|that|its|their)$)")


def _next_line(text: str, pos: int) -> str:
    m = _NEWLINE.search(text, pos)
    return text[pos: m.start() if m else len(text)]


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


_PARAGRAPH_BREAK = regex.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)\s*|(?<=[.!?:\"'”’)])[ \t]*(?:\r\n|\r|\n)")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: separated by blank lines, or by a line break after a finished sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        _add_span(text, start, m.start(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def iter_documents(
    files: Iterable[tuple[str, Path]], max_bytes: int = DEFAULT_MAX_BYTES, stdin: bytes | None = None
) -> Iterator[Document | Problem]:
    """Read each file in turn; a file that cannot be read yields a :class:`Problem`."""
    for display, path in files:
        try:
            if display == "-":
                yield read_document("-", data=stdin if stdin is not None else b"", max_bytes=max_bytes)
            else:
                yield read_document(display, path, max_bytes=max_bytes)
        except InputError as exc:
            yield Problem(display, str(exc), exc.line)
