"""Benchmark factcheck on this machine: throughput, scale, parallel speed-up, start-up.

    python bench/run.py                 # 1k and 10k documents
    python bench/run.py --with-100k     # and 100k documents (about half an hour on 2 cores)
    python bench/run.py --quick         # 300 documents only: a smoke run

Prints a table and writes ``bench/results.json``.  Every throughput is given
with a *floor* measured in the same process on the same texts (one bare pass
of a simple number regex), so the ratio holds on a busy machine where the
absolute figures do not.  Corpora come from ``bench/corpus.py`` (deterministic)
and are cached in ``--work`` between runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = ROOT / "seeds"
SEED = 1  # corpus seed

#: The targets (issue "Performance and scale"), as (figure, comparison, bound).
TARGETS = {
    "floor_ratio": (">=", 1 / 3),
    "extract_mb_s": (">=", 3.0),
    "peer_ratio": (">=", 100.0),
    "version_s": ("<=", 0.150),
    "one_draft_s": ("<=", 0.6),
    "jobs_speedup": (">=", 1.7),
    "extract_speedup": (">=", 4.0),
    "peak_mb_100k": ("<=", 1536.0),
    "growth_10k_100k": ("<=", 11.0),
}


def factcheck_command() -> list[str]:
    """The installed ``factcheck`` next to this Python, else ``python -m factcheck``."""
    exe = Path(sys.executable).with_name("factcheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "factcheck"]


def corpus(n: int, work: Path) -> Path:
    """A corpus of ``n`` articles (cached: the generator is deterministic)."""
    folder = work / f"corpus_{n}_seed{SEED}"
    marker = folder / ".complete"
    if not marker.exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(HERE / "corpus.py"), str(n), str(folder), "--seed", str(SEED)],
                       check=True, stdout=subprocess.DEVNULL)
        marker.write_text("ok\n")
    return folder


def corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))


# --------------------------------------------------------------------------- measuring a command


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(cmd: list[str], timeout: float | None = None) -> dict:
    """Wall time, CPU time of the children and peak memory of the whole process tree of one command."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sys.platform.startswith("linux"):
        sampler.start()
    _, err = proc.communicate(timeout=timeout)
    wall = time.perf_counter() - start
    done.set()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-500:]}")
    return {"wall_s": wall, "cpu_s": cpu, "peak_mb": peak / 2**20 if peak else None}


def median_wall(cmd: list[str], repeat: int) -> float:
    return statistics.median(run_measured(cmd)["wall_s"] for _ in range(repeat))


# --------------------------------------------------------------------------- in-process throughput

FLOOR = regex.compile(r"\d+(?:[.,]\d+)*")  # the engine factcheck uses


def throughput(files: list[Path], repeat: int) -> dict:
    """Extraction MB/s in this process (decoding, sentences, rules, claims; no file I/O) and the floor."""
    from factcheck.documents import document_from_text
    from factcheck.extract import extract_claims
    from factcheck.rules import load_rules

    rules = load_rules()
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    runs, floors, claims = [], [], 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        claims = sum(len(extract_claims(document_from_text(path, text), rules)) for path, text in texts)
        runs.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for _, text in texts:
            for _ in FLOOR.finditer(text):
                pass
        floors.append(time.perf_counter() - t0)
    extract_s, floor_s = statistics.median(runs), statistics.median(floors)
    return {"documents": len(texts), "mb": mb, "claims": claims, "extract_mb_s": mb / extract_s,
            "floor_mb_s": mb / floor_s, "floor_ratio": floor_s / extract_s, "ms_per_document": 1000 * extract_s / len(texts)}


#: Run by ``--baseline``'s Python and by this one, in turn: extraction throughput of whichever factcheck that Python
#: imports, with the floor (:data:`FLOOR`, given as an argument) measured in the same process.
_SIDE_BY_SIDE = """
import json, statistics, sys, time
import regex
from factcheck.documents import document_from_text
from factcheck.extract import extract_claims
from factcheck.rules import load_rules
paths = json.load(open(sys.argv[1]))
rules = load_rules()
texts = [(p, open(p, encoding="utf-8").read()) for p in paths]
floor = regex.compile(sys.argv[2])
t0 = time.perf_counter()
claims = sum(len(extract_claims(document_from_text(p, t), rules)) for p, t in texts)
extract_s = time.perf_counter() - t0
t0 = time.perf_counter()
for _, t in texts:
    for _ in floor.finditer(t):
        pass
print(json.dumps({"extract_s": extract_s, "floor_s": time.perf_counter() - t0, "claims": claims}))
"""


def side_by_side(files: list[Path], baseline: str, repeat: int) -> dict:
    """Extraction in this checkout and in another installation (``--baseline``: its Python), in turn, on the same
    texts: the speed-up of one over the other holds on a busy machine, and both are given against the floor."""
    mb = sum(len(p.read_bytes()) for p in files) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([str(p) for p in files], fh)
    runs: dict[str, list[dict]] = {"current": [], "baseline": []}
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    try:
        for _ in range(repeat):
            for name, python, run_env in (("current", sys.executable, env), ("baseline", baseline, None)):
                out = subprocess.run([python, "-c", _SIDE_BY_SIDE, fh.name, FLOOR.pattern], capture_output=True,
                                     text=True, check=True, env=run_env,
                                     cwd=tempfile.gettempdir())  # not this checkout's factcheck
                runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        os.unlink(fh.name)
    result: dict = {"documents": len(files), "mb": mb, "baseline_python": baseline}
    for name, measured in runs.items():
        extract_s = statistics.median(r["extract_s"] for r in measured)
        floor_s = statistics.median(r["floor_s"] for r in measured)
        result[name] = {"extract_mb_s": mb / extract_s, "floor_ratio": floor_s / extract_s,
                        "claims": measured[0]["claims"]}
    result["speedup"] = result["current"]["extract_mb_s"] / result["baseline"]["extract_mb_s"]
    return result


def peer(files: list[Path], ours_mb_s: float) -> dict | None:
    """quantulum3's throughput on the same texts (when installed): the peer ratio."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # its optional classifier is not needed for throughput
            from quantulum3 import parser
    except Exception:  # not installed (the bench extra), or its data failed to load
        return None
    texts = [p.read_text(encoding="utf-8") for p in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    found = sum(len(parser.parse(t)) for t in texts)
    seconds = time.perf_counter() - t0
    return {"documents": len(texts), "quantities": found, "mb_s": mb / seconds, "peer_ratio": ours_mb_s / (mb / seconds)}


# --------------------------------------------------------------------------- start-up


def has_check(fc: list[str]) -> bool:
    return subprocess.run(fc + ["check", "--help"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def startup(fc: list[str], draft: Path, repeat: int) -> dict:
    seeds = sorted(str(p) for p in SEEDS.iterdir() if p.suffix in (".txt", ".md"))
    if has_check(fc):
        one = fc + ["check", str(draft), "--against", str(SEEDS)]
        how = "check"
    else:
        one = fc + ["scan", str(draft), *seeds, "--quiet"]
        how = "scan (no check command yet)"
    median_wall(one, 1)  # warm the file cache and .pyc files
    return {"version_s": median_wall(fc + ["--version"], repeat), "one_draft_s": median_wall(one, repeat),
            "one_draft_command": how}


# --------------------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--with-100k", action="store_true", help="also scan 100,000 documents")
    ap.add_argument("--quick", action="store_true", help="a smoke run: 300 documents, no 10k step")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "factcheck-bench"),
                    help="where corpora are generated and cached")
    ap.add_argument("--repeat", type=int, default=3, help="repetitions of the short measurements (median)")
    ap.add_argument("--output", default=str(HERE / "results.json"))
    ap.add_argument("--baseline", metavar="PYTHON",
                    help="the Python of another installation of factcheck (an earlier commit in a second venv): "
                         "extraction is measured in both, in turn, on the same texts")
    ap.add_argument("--throughput-only", action="store_true", help="stop after the extraction figures")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT))
    import factcheck

    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    fc = factcheck_command()
    sizes = [300] if args.quick else [1000, 10000] + ([100000] if args.with_100k else [])
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    results: dict = {
        "factcheck": factcheck.__version__,
        "machine": {"cores": jobs, "cpu": _cpu_name(), "python": platform.python_version(),
                    "system": f"{platform.system()} {platform.release()}", "load_before": os.getloadavg()[0]},
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
    }
    output = Path(args.output)

    def save() -> None:  # after every step, so that a run stopped part-way still leaves its figures
        output.write_text(json.dumps(results, indent=2) + "\n")

    small = corpus(sizes[0], work)
    sample = corpus_files(small)[:300]
    print(f"throughput on {len(sample)} documents …", file=sys.stderr)
    results["throughput"] = throughput(sample, args.repeat)
    if args.baseline:
        print(f"extraction side by side with {args.baseline} …", file=sys.stderr)
        results["side_by_side"] = side_by_side(sample, args.baseline, args.repeat)
        save()
    if args.throughput_only:
        print_table(results)
        return
    results["peer"] = peer(sample[:100], throughput(sample[:100], 1)["extract_mb_s"])
    save()
    print("start-up …", file=sys.stderr)
    results["startup"] = startup(fc, sample[0], max(args.repeat, 5))
    save()
    scans: dict[int, dict] = {}
    results["scan"] = {}
    for n in sizes:
        folder = corpus(n, work)
        print(f"scan of {n} documents (--jobs {jobs}) …", file=sys.stderr)
        scans[n] = run_measured(fc + ["scan", str(folder), "--format", "json", "--output", os.devnull,
                                      "--jobs", str(jobs), "--quiet"])
        results["scan"][str(n)] = scans[n]
        if n == sizes[0]:  # the default format lays out every group with rich: its own time and memory
            print(f"scan of {n} documents to a table …", file=sys.stderr)
            results["table_scan"] = {"documents": n, **run_measured(
                fc + ["scan", str(folder), "--output", os.devnull, "--jobs", str(jobs), "--quiet"])}
        if n == 10000 and jobs >= 2:
            print("scan of 10000 documents (--jobs 1) …", file=sys.stderr)
            one = run_measured(fc + ["scan", str(folder), "--format", "json", "--output", os.devnull,
                                     "--jobs", "1", "--quiet"])
            results["jobs"] = {"documents": 10000, "jobs_1_s": one["wall_s"], f"jobs_{jobs}_s": scans[n]["wall_s"],
                               "jobs_speedup": one["wall_s"] / scans[n]["wall_s"], "jobs_1_peak_mb": one["peak_mb"]}
        if 10000 in scans and 100000 in scans:
            results["growth_10k_100k"] = scans[100000]["wall_s"] / scans[10000]["wall_s"]
        save()
    results["machine"]["load_after"] = os.getloadavg()[0]
    save()
    print_table(results)
    print(f"\nwritten to {args.output}", file=sys.stderr)


def figures(results: dict) -> list[tuple[str, str, float | None, str | None]]:
    """(label, unit, value, target key) rows for the table and the docs."""
    tp, st = results["throughput"], results.get("startup", {})
    rows = [
        ("extraction throughput (1 process)", "MB/s", tp["extract_mb_s"], "extract_mb_s"),
        ("floor: bare number regex, same texts", "MB/s", tp["floor_mb_s"], None),
        ("extraction / floor", "×", tp["floor_ratio"], "floor_ratio"),
        ("extraction cost per document", "ms", tp["ms_per_document"], None),
    ]
    if results.get("side_by_side"):
        side = results["side_by_side"]
        rows += [("extraction, baseline installation (same texts, in turn)", "MB/s",
                  side["baseline"]["extract_mb_s"], None),
                 ("extraction, this checkout (same texts, in turn)", "MB/s", side["current"]["extract_mb_s"], None),
                 ("baseline extraction / floor", "×", side["baseline"]["floor_ratio"], None),
                 ("this checkout / floor", "×", side["current"]["floor_ratio"], None),
                 ("this checkout / baseline", "×", side["speedup"], "extract_speedup")]
    if "startup" not in results:
        return rows
    if results.get("peer"):
        rows += [("quantulum3 on 100 documents", "MB/s", results["peer"]["mb_s"], None),
                 ("extraction / quantulum3", "×", results["peer"]["peer_ratio"], "peer_ratio")]
    else:
        rows.append(("quantulum3 (not installed: pip install '.[bench]')", "", None, None))
    rows += [("factcheck --version", "s", st["version_s"], "version_s"),
             (f"one draft against five seeds ({st['one_draft_command']})", "s", st["one_draft_s"], "one_draft_s")]
    for n, scan in results["scan"].items():
        rows.append((f"scan {int(n):,} documents: wall", "s", scan["wall_s"], None))
        rows.append((f"scan {int(n):,} documents: CPU (all processes)", "s", scan["cpu_s"], None))
        rows.append((f"scan {int(n):,} documents: peak memory", "MB", scan["peak_mb"],
                     "peak_mb_100k" if n == "100000" else None))
    if "table_scan" in results:
        table = results["table_scan"]
        rows.append((f"scan {table['documents']:,} documents to a table: wall", "s", table["wall_s"], None))
        rows.append((f"scan {table['documents']:,} documents to a table: peak memory", "MB", table["peak_mb"], None))
    if "jobs" in results:
        rows.append(("--jobs 2 vs --jobs 1 on 10,000 documents", "×", results["jobs"]["jobs_speedup"], "jobs_speedup"))
    if "growth_10k_100k" in results:
        rows.append(("scan time 100k / 10k", "×", results["growth_10k_100k"], "growth_10k_100k"))
    return rows


def verdict(key: str | None, value: float | None) -> str:
    if key is None or value is None:
        return ""
    op, bound = TARGETS[key]
    ok = value >= bound if op == ">=" else value <= bound
    return f"{'met' if ok else 'NOT met'} ({op} {bound:g})"


def print_table(results: dict) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover
        Console = None
    machine = results["machine"]
    title = (f"factcheck {results['factcheck']} · {machine['cores']} cores · {machine['cpu']} · Python "
             f"{machine['python']} · load {machine['load_before']:.1f}")
    rows = [(label, "" if value is None else f"{value:,.3f}" if value < 10 else f"{value:,.1f}", unit,
             verdict(key, value)) for label, unit, value, key in figures(results)]
    if Console is None:
        print(title)
        for row in rows:
            print("  ".join(row))
        return
    table = Table(title=title, title_justify="left")
    for name, justify in (("figure", "left"), ("value", "right"), ("unit", "left"), ("target", "left")):
        table.add_column(name, justify=justify)
    for row in rows:
        table.add_row(*row)
    Console().print(table)


def _cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


if __name__ == "__main__":
    main()
