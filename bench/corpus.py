#!/usr/bin/env python3
"""Synthetic corpus generator for the factcheck benchmark.

Usage:
    python bench/corpus.py N DIR [--seed S]

Writes N synthetic tech-deal news articles into DIR (created if missing).
Roughly one file in three is Markdown (``.md``) with YAML front matter
(title, source, pub_date, author); the rest are plain ``.txt``.  Every
article is 3-8 KB of English prose, built from templates with varied
vocabulary and full of figures in newsroom notations ("$3B", "€2bn",
"250K+ GPUs", "a 50,000-GPU cluster", "between 5 and 6 GW", ...), plus
distractor numbers that are not figures (model numbers, ordinals, years).

Output is fully deterministic: the same N and seed give byte-identical
files.  Only a private ``random.Random(seed)`` instance is used.  Articles
are generated and written one at a time, so memory use does not grow with N.

Standard library only.
"""

import argparse
import datetime as _dt
import os
import random
import sys
import time

MIN_BYTES = 3100   # keep safely above 3 KB (3072 bytes)
MAX_BYTES = 8000   # keep safely below 8 KB (8192 bytes)

# ---------------------------------------------------------------------------
# Static pools
# ---------------------------------------------------------------------------

# (name, short name, kind, ticker or None, home country adjective)
COMPANIES = [
    # chipmakers
    ("Veridian Semiconductor", "Veridian", "chip", "VRDN", "American"),
    ("NOVARA", "Novara", "chip", "NVRA", "American"),
    ("Halcyon Micro Devices", "Halcyon", "chip", "HMD", "American"),
    ("Tenstrix", "Tenstrix", "chip", "TNSX", "Canadian"),
    ("Arclight Silicon", "Arclight", "chip", "ARCS", "British"),
    ("Kaizen Semiconductor", "Kaizen", "chip", "6731", "Japanese"),
    ("Hanul Electronics", "Hanul", "chip", "005940", "South Korean"),
    ("Corvid Systems", "Corvid", "chip", "CRVD", "American"),
    # AI labs
    ("Lumen Reasoning Labs", "Lumen", "ai", None, "American"),
    ("Cortexa AI", "Cortexa", "ai", None, "American"),
    ("Parallax Intelligence", "Parallax", "ai", None, "American"),
    ("Northwind AI", "Northwind", "ai", None, "British"),
    ("Mistrale", "Mistrale", "ai", None, "French"),
    ("Aleph Minds", "Aleph", "ai", None, "Israeli"),
    ("Sakura Cognition", "Sakura", "ai", None, "Japanese"),
    ("Openfield AI", "Openfield", "ai", None, "American"),
    # cloud providers
    ("Stratos Cloud", "Stratos", "cloud", "STRA", "American"),
    ("Helix Compute", "Helix", "cloud", "HLXC", "American"),
    ("Orbitra", "Orbitra", "cloud", "ORBT", "American"),
    ("Nimbus Web Services", "Nimbus", "cloud", "NWS", "American"),
    ("CoreVault", "CoreVault", "cloud", "CRVT", "American"),
    ("Nebulon", "Nebulon", "cloud", "NBLN", "Dutch"),
    ("Pinnacle Data Centers", "Pinnacle", "cloud", None, "American"),
    # telecoms
    ("Telvana", "Telvana", "telecom", "TLV", "German"),
    ("Orion Telecom", "Orion", "telecom", "ORTC", "British"),
    ("KT Nexus", "KT Nexus", "telecom", "030210", "South Korean"),
    ("Yamato Mobile", "Yamato", "telecom", "9480", "Japanese"),
    ("Meridia Telecom", "Meridia", "telecom", "MDT", "Spanish"),
    # automakers
    ("Hanseong Motor Group", "Hanseong", "auto", "005390", "South Korean"),
    ("Kestrel Automotive", "Kestrel", "auto", "KSTL", "American"),
    ("Volta Motors", "Volta", "auto", "VLTM", "German"),
    ("Tsubasa Motor", "Tsubasa", "auto", "7230", "Japanese"),
    # investors
    ("Meridian Capital Partners", "Meridian", "investor", None, "American"),
    ("Blackridge Ventures", "Blackridge", "investor", None, "American"),
    ("Gulfstar Investment Authority", "Gulfstar", "investor", None, "Emirati"),
    ("Thornbury Capital", "Thornbury", "investor", None, "American"),
    # governments
    ("the Japanese government", "Tokyo", "gov", None, "Japanese"),
    ("the South Korean government", "Seoul", "gov", None, "South Korean"),
    ("the UK government", "London", "gov", None, "British"),
    ("the French government", "Paris", "gov", None, "French"),
    ("the Saudi government", "Riyadh", "gov", None, "Saudi"),
    ("the Indian government", "New Delhi", "gov", None, "Indian"),
]

KIND_NOUN = {
    "chip": ["chipmaker", "chip designer", "semiconductor company",
             "processor maker", "chip giant", "semiconductor group"],
    "ai": ["AI lab", "artificial intelligence startup", "AI developer",
           "model maker", "AI company", "foundation-model developer"],
    "cloud": ["cloud provider", "cloud computing company", "data center operator",
              "GPU cloud specialist", "hyperscaler", "infrastructure provider"],
    "telecom": ["telecom operator", "carrier", "telecommunications group",
                "mobile operator", "network operator"],
    "auto": ["automaker", "carmaker", "car manufacturer", "auto group",
             "vehicle maker"],
    "investor": ["investment firm", "fund", "asset manager", "investor",
                 "private equity firm"],
    "gov": ["government", "administration", "state"],
}

CHIP_PRODUCTS = ["H100", "H200", "B200", "GB300", "MI300X", "MI355X", "MI450",
                 "RTX PRO 6000", "Gaudi 3", "TPU v6e", "V100X", "Blaze-2",
                 "Tachyon T5", "NX-9000", "Atlas 900", "Vera Rubin NVL144",
                 "Spectra X2", "Q7 Pro"]

GPU_UNITS = [("GPU", "GPUs"), ("GPU", "GPUs"), ("GPU", "GPUs"),
             ("chip", "chips"), ("accelerator", "accelerators"),
             ("processor", "processors")]

FIRST_NAMES = ["Jane", "Marcus", "Priya", "Kenji", "Elena", "David", "Soo-jin",
               "Amara", "Thomas", "Lucia", "Rafael", "Hiroshi", "Nadia",
               "Oliver", "Mei", "Arjun", "Claire", "Tobias", "Ingrid", "Samuel",
               "Yuki", "Fatima", "Daniel", "Chloe", "Min-ho", "Gabriel",
               "Helena", "Victor", "Aisha", "Patrick"]
LAST_NAMES = ["Doe", "Whitfield", "Raman", "Tanaka", "Vasquez", "Okafor",
              "Kim", "Lindqvist", "Moreau", "Brennan", "Sato", "Haddad",
              "Fischer", "Castellano", "Park", "Iyer", "Novak", "Achebe",
              "Hartmann", "Delacroix", "Nakamura", "Reyes", "Holloway",
              "Chen", "Abernathy", "Kowalski", "Mensah", "Larsen",
              "Bertrand", "Yoon"]

EXEC_TITLES = [("president", "president"), ("chief financial officer", "CFO"),
               ("chief technology officer", "CTO"),
               ("head of infrastructure", "infrastructure chief"),
               ("chief operating officer", "COO")]
GOV_TITLES = [("minister of digital affairs", "digital minister"),
              ("trade minister", "trade minister"),
              ("minister for science and technology", "science minister"),
              ("deputy prime minister", "deputy prime minister")]

ANALYST_FIRMS = ["Calder Research", "Whitmore Securities", "Ridgeway & Co",
                 "Hollis Partners", "Brightline Capital Markets",
                 "Fairhaven Research", "Kepler Ashby", "Marlowe Equity Research",
                 "Stonebridge Securities", "Aldgate Analytics"]

SOURCES = ["TechWire", "The Ledger", "Silicon Daily", "Market Pulse",
           "Deal Street Journal", "Circuit Report", "The Compute Brief",
           "Asia Tech Monitor", "Euro Digital Review", "Bytewise News",
           "The Infrastructure Post", "Capital & Code"]

AUTHOR_FIRST = ["Terry", "Anna", "Ben", "Carla", "Dev", "Erin", "Felix",
                "Grace", "Hugo", "Isla", "Jonah", "Keiko", "Leo", "Maya",
                "Nina", "Omar", "Paula", "Quinn", "Rosa", "Sam"]
AUTHOR_LAST = ["Ashford", "Bell", "Cruz", "Dunn", "Ellis", "Ford", "Gupta",
               "Hale", "Ito", "Jensen", "Keller", "Lowe", "Mori", "Nash",
               "Ortiz", "Price", "Quade", "Ruiz", "Stone", "Tran"]

DATELINES = {"American": ["SAN FRANCISCO", "NEW YORK", "SANTA CLARA, Calif.",
                          "SEATTLE", "AUSTIN, Texas"],
             "Japanese": ["TOKYO", "OSAKA"],
             "South Korean": ["SEOUL", "GYEONGJU, South Korea"],
             "British": ["LONDON"], "French": ["PARIS"], "German": ["BERLIN", "MUNICH"],
             "Dutch": ["AMSTERDAM"], "Spanish": ["MADRID"], "Canadian": ["TORONTO"],
             "Israeli": ["TEL AVIV"], "Emirati": ["ABU DHABI", "DUBAI"],
             "Saudi": ["RIYADH"], "Indian": ["NEW DELHI", "BENGALURU"]}

EURO_HOMES = {"French", "German", "Dutch", "Spanish"}

QUOTE_TAILS = ["We are not slowing down", "This is just the beginning",
               "The opportunity is enormous", "We have the balance sheet to do it",
               "Our customers asked for exactly this", "Execution is everything now",
               "We think the market is still underestimating demand"]

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
MONTH_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.",
              "Sept.", "Oct.", "Nov.", "Dec."]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday"]

SMALL_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
               "eight", "nine", "ten", "eleven", "twelve", "thirteen",
               "fourteen", "fifteen"]
ORDINAL_WORDS = ["", "first", "second", "third", "fourth", "fifth", "sixth",
                 "seventh", "eighth", "ninth", "10th"]
QUARTER_WORDS = ["", "first", "second", "third", "fourth"]

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def num(x):
    """Format a number: thousands separators, no trailing zeros."""
    if isinstance(x, int) or float(x).is_integer():
        return f"{int(x):,}"
    s = f"{x:,.2f}".rstrip("0").rstrip(".")
    return s


def article_for(phrase):
    """'a' or 'an' for a phrase that may start with a number."""
    p = phrase.lstrip("$€£")
    if p != phrase:
        return "a"
    if p[:1].isdigit():
        lead = ""
        for ch in p:
            if ch.isdigit():
                lead += ch
            else:
                break
        if lead.startswith("8"):
            return "an"
        if lead in ("11", "18"):
            return "an"
        if len(lead) in (2, 5) and lead[:2] in ("11", "18") and "," in p[:3]:
            return "an"
        return "a"
    return "an" if p[:1].lower() in "aeio" else "a"


def join_names(names):
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def per_year(bn, years):
    x = bn / years
    return round(x, 3) if x < 1 else round(x, 1)


def with_article(phrase):
    return f"{article_for(phrase)} {phrase}"


def possessive(name):
    return name + ("'" if name.endswith("s") else "'s")


def small_word(n):
    return SMALL_WORDS[n] if 0 <= n < len(SMALL_WORDS) else str(n)


class Company:
    __slots__ = ("name", "short", "kind", "ticker", "home", "exec_name",
                 "exec_title", "exec_short", "spokes", "city", "spokes_title")

    def __init__(self, row, rng):
        self.name, self.short, self.kind, self.ticker, self.home = row
        first = rng.choice(FIRST_NAMES)
        last = rng.choice(LAST_NAMES)
        self.exec_name = f"{first} {last}"
        if self.kind == "gov":
            self.exec_title, self.exec_short = rng.choice(GOV_TITLES)
        else:
            self.exec_title, self.exec_short = "chief executive", "CEO"
        self.spokes = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        self.city = rng.choice(DATELINES.get(self.home, ["NEW YORK"]))
        self.spokes_title = rng.choice(EXEC_TITLES)


# ---------------------------------------------------------------------------
# Article generator
# ---------------------------------------------------------------------------


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.companies = [Company(row, self.r) for row in COMPANIES]
        self.by_kind = {}
        self.used_frames = set()
        self.introduced = set()
        for c in self.companies:
            self.by_kind.setdefault(c.kind, []).append(c)

    # ------------------------------------------------------------ basics
    def pick(self, seq):
        return self.r.choice(seq)

    def chance(self, p):
        return self.r.random() < p

    def company(self, kinds, exclude=()):
        pool = [c for k in kinds for c in self.by_kind[k] if c not in exclude]
        return self.pick(pool)

    def ref(self, c, first=False):
        """A reference to company c: full name first time, varied later."""
        if first or c.kind == "gov":
            return c.name
        return self.pick([c.short, c.short, c.name, "the " + self.pick(KIND_NOUN[c.kind])])

    def desc(self, c):
        """Company with a descriptive appositive for first mention."""
        if c.kind == "gov":
            return c.name
        noun = self.pick(KIND_NOUN[c.kind])
        form = self.r.randrange(4)
        if form == 0:
            return f"{c.home} {noun} {c.name}"
        if form == 1:
            return f"{c.name}, the {c.home} {noun},"
        if form == 2 and c.ticker and not c.ticker.isdigit():
            return f"{c.name} ({c.ticker})"
        return c.name

    # ------------------------------------------------------------ money
    def money(self, bn, cur="$", allow_vague=True, allow_qual=True):
        """Format an amount in billions in a random newsroom notation."""
        r = self.r
        if allow_vague and r.random() < 0.07:
            if bn >= 100:
                return "hundreds of billions of dollars" if cur == "$" else "hundreds of billions of euros"
            if bn >= 10:
                return "tens of billions of dollars" if cur == "$" else "tens of billions of euros"
            if bn >= 2:
                return "several billion dollars" if cur == "$" else "several billion euros"
        if bn >= 1000:
            t = num(round(bn / 1000, 2))
            s = self.pick([f"{cur}{t} trillion", f"{cur}{t}T", f"{cur}{t} trillion",
                           f"{cur}{t}tn"])
        elif bn < 1:
            m = num(int(round(bn * 1000)))
            forms = [f"{cur}{m} million", f"{cur}{m}M", f"{cur}{m}m", f"{cur}{m} million"]
            if cur == "€":
                forms.append(f"{m} million euros")
            s = self.pick(forms)
        else:
            b = num(bn)
            forms = [f"{cur}{b} billion", f"{cur}{b} billion", f"{cur}{b}B",
                     f"{cur}{b}bn", f"{cur}{b} bln"]
            if cur == "$":
                forms.append(f"US${b} billion")
                if bn < 10 and float(bn).is_integer() and r.random() < 0.3:
                    forms.append(f"${int(bn) * 1000:,} million")
            if cur == "€":
                forms.append(f"{b} billion euros")
            s = self.pick(forms)
        if allow_qual and r.random() < 0.3:
            s = self.pick(["approximately ", "about ", "roughly ", "some ",
                           "an estimated ", "around ", "nearly ", "close to "]) + s
        return s

    def money_floor(self, bn, cur="$"):
        """'more than $X' style with X a round number below bn."""
        if bn >= 100:
            lo = int(bn // 50 * 50) or 100
        elif bn >= 10:
            lo = int(bn // 5 * 5) or 10
        elif bn >= 1:
            lo = int(bn)
        else:
            lo = round(bn, 1) or bn
        return self.pick(["more than ", "over ", "at least ", "north of "]) + \
            self.money(lo, cur, allow_vague=False, allow_qual=False)

    def money_range(self, lo, hi, cur="$"):
        a, b = num(lo), num(hi)
        return self.pick([f"{cur}{a}-{cur}{b} billion", f"{cur}{a}-{b} billion",
                          f"{cur}{a} billion to {cur}{b} billion",
                          f"between {cur}{a} billion and {cur}{b} billion",
                          f"{cur}{a}bn-{cur}{b}bn", f"{cur}{a}–{b} billion"])

    # ------------------------------------------------------------ counts
    def count(self, n, unit=("GPU", "GPUs"), qual=True):
        """A noun phrase for n units, e.g. '50,000 GPUs', 'a 50,000-GPU cluster'."""
        r = self.r
        sing, plur = unit
        roll = r.random()
        if n == 250000 and roll < 0.35:
            return self.pick(["over a quarter-million", "a quarter-million",
                              "more than a quarter of a million"]) + f" {plur}"
        if n == 500000 and roll < 0.35:
            return self.pick(["half a million", "a half-million", "some half a million"]) + f" {plur}"
        if n >= 1000000 and roll < 0.4:
            m = num(n / 1e6)
            word = "one" if n == 1000000 and r.random() < 0.5 else m
            return f"{word} million {plur}" if r.random() < 0.8 else f"{m}M {plur}"
        if roll < 0.45 and n < 1000000:
            base = f"{num(n)} {plur}"
        elif roll < 0.6 and n % 1000 == 0:
            base = f"{num(n // 1000)}K {plur}" if r.random() < 0.6 else f"{num(n // 1000)}K+ {plur}"
        elif roll < 0.78:
            noun = self.pick(["cluster", "supercomputer", "deployment", "order",
                              "installation", "AI factory", "system"])
            nn = num(n)
            return with_article(f"{nn}-{sing} {noun}")
        elif roll < 0.85:
            if n < 100000:
                return f"tens of thousands of {plur}"
            if n < 1000000:
                return f"hundreds of thousands of {plur}"
            return f"millions of {plur}"
        else:
            base = f"{num(n)} {plur}"
        if qual and r.random() < 0.35:
            base = self.pick(["up to ", "more than ", "over ", "about ",
                              "roughly ", "as many as ", "at least "]) + base
        return base

    # ------------------------------------------------------------ power
    def power(self, gw, adjectival=False, suffix=True):
        r = self.r
        if gw < 1:
            mw = int(round(gw * 1000))
            if adjectival:
                return with_article(f"{mw}-megawatt " + self.pick(["campus", "facility", "site", "data center"]))
            return self.pick([f"{mw} MW", f"{mw} megawatts", f"{mw}MW", f"{mw} MW"])
        g = num(gw)
        if adjectival:
            return with_article(f"{g}-gigawatt " + self.pick(["campus", "buildout", "project", "data center complex"]))
        unit = "gigawatt" if g == "1" else "gigawatts"
        forms = [f"{g} {unit}", f"{g} GW", f"{g}GW"]
        if suffix:
            forms.append(f"{g} {unit} of capacity")
        if r.random() < 0.15 and float(gw).is_integer() and gw < 10:
            forms.append(f"{int(gw * 1000):,} megawatts")
        s = self.pick(forms)
        if r.random() < 0.25:
            s = self.pick(["up to ", "about ", "more than ", "roughly "]) + s
        return s

    def power_range(self, gw):
        lo = max(1, int(gw))
        hi = lo + self.pick([1, 1, 2])
        return self.pick([f"between {lo} and {hi} GW", f"{lo}-{hi} gigawatts",
                          f"{lo} to {hi} GW", f"between {lo} and {hi} gigawatts"])

    # ------------------------------------------------------------ percent
    def pct(self, p):
        s = num(p)
        return self.pick([f"{s}%", f"{s}%", f"{s} percent", f"{s} per cent", f"{s} pct"])

    def stake(self, p):
        words = {10: "a tenth", 25: "a quarter", 50: "half", 20: "a fifth", 33: "a third"}
        if p in words and self.chance(0.2):
            return f"{words[p]} of the company"
        pre = self.pick(["", "", "roughly ", "approximately ", "about "])
        return with_article(f"{pre}{self.pct(p)} stake")

    # ------------------------------------------------------------ time
    def duration(self, years, adjectival=True):
        w = small_word(years)
        if adjectival:
            noun = self.pick(["deal", "agreement", "contract", "pact", "partnership",
                              "commitment"])
            return self.pick([with_article(f"{w}-year {noun}"),
                              with_article(f"{years}-year {noun}"),
                              with_article(f"{w}-year {noun}")])
        return self.pick([f"over {w} years", f"over {years} years",
                          f"spanning {w} years", f"across {w} years",
                          f"for {w} years"])

    def future(self, year):
        r = self.r
        q = r.randint(1, 4)
        h = r.randint(1, 2)
        forms = [f"by late {year}", f"by early {year}", f"by the end of {year}",
                 f"in the {'first' if h == 1 else 'second'} half of {year}",
                 f"in the {QUARTER_WORDS[q]} quarter of {year}",
                 f"in Q{q} {year}", f"Q{q} {year}", f"in {h}H {year}",
                 f"starting in {year}", f"in {year}", f"by mid-{year}",
                 f"during fiscal {year}", f"in calendar {year}",
                 f"in {self.pick(MONTHS)} {year}"]
        return self.pick(forms)

    def date_full(self, d):
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"

    def date_ref(self, d, pub):
        """A reference to event date d relative to publication date pub."""
        forms = [f"on {self.date_full(d)}", f"on {MONTH_ABBR[d.month - 1]} {d.day}",
                 f"on {MONTHS[d.month - 1]} {d.day}"]
        delta = (pub - d).days
        if delta == 0:
            forms += ["on " + WEEKDAYS[d.weekday()], "today", "earlier today"]
        elif delta == 1:
            forms += ["on " + WEEKDAYS[d.weekday()], "yesterday"]
        elif delta < 7:
            forms += ["on " + WEEKDAYS[d.weekday()]]
        return self.pick(forms)

    # ------------------------------------------------------------ quotes
    def quote(self, c, body):
        """Attach attribution for company c to quote text body (no quotes)."""
        r = self.r
        if c.kind == "gov" or r.random() < 0.6:
            name, title, short = c.exec_name, c.exec_title, c.exec_short
        else:
            title, short = c.spokes_title
            name = c.spokes
        org = c.name
        said = self.pick(["said", "said", "said", "added", "told reporters",
                          "said in a statement"] + ([] if c.kind == "gov" else ["said on a call with analysts"]))
        body = body.rstrip(".")
        lower = body[0].lower() + body[1:]
        # Paragraphs get reordered later, so every attribution names the
        # speaker in full (or by role) rather than relying on an earlier one.
        if name in self.introduced:
            form = self.pick([2, 4, 4, 7, 0, 1]) if c.kind != "gov" else self.pick([4, 7, 0])
        else:
            form = self.pick([0, 1, 3, 5]) if c.kind != "gov" else self.pick([0, 3, 5])
            self.introduced.add(name)
        if form == 0:
            return f"\u201c{body},\u201d {name}, {title} of {org}, {said}."
        if form == 1:
            return f"\u201c{body},\u201d said {name}, {possessive(org)} {title}."
        if form == 2:
            return f"{possessive(c.short)} {short} said, \u201c{body}.\u201d"
        if form == 3:
            return f"{name}, {title} of {org}, said in a statement: \u201c{body}.\u201d"
        if form == 4:
            return f"\u201c{body},\u201d {name} {said}."
        if form == 5:
            return f"According to {name}, {title} of {org}, \u201c{lower}.\u201d"
        return (f"\u201c{body},\u201d said {name}{', ' + possessive(c.short) + ' ' + short if c.kind != 'gov' else ''}. "
                f"\u201c{self.pick(QUOTE_TAILS)}.\u201d")

    # ------------------------------------------------------------ fillers
    def filler_sentence(self):
        r = self.r
        p = self.pick
        free = [i for i in range(16) if i not in self.used_frames]
        if not free:
            self.used_frames.clear()
            free = list(range(16))
        k = r.choice(free)
        self.used_frames.add(k)
        yr = r.randint(2019, 2024)
        if k == 0:
            return (f"{p(['Investors', 'Analysts', 'Market watchers', 'Fund managers', 'Traders'])} "
                    f"have {p(['grown increasingly wary of', 'spent months debating', 'poured money into', 'kept a close eye on', 'been split over'])} "
                    f"{p(['the pace of AI infrastructure spending', 'so-called circular financing deals', 'the sector’s soaring valuations', 'the economics of large-scale model training', 'the scramble for data center power'])}, "
                    f"{p(['with some warning of a bubble', 'even as revenue lags capital spending', 'though few expect the buildout to slow soon', 'and the debate shows little sign of settling', 'while demand for compute keeps outrunning supply'])}.")
        if k == 1:
            return (f"{p(['Demand for', 'Competition for', 'The race to secure', 'Spending on'])} "
                    f"{p(['advanced accelerators', 'high-bandwidth memory', 'data center capacity', 'grid connections', 'top AI researchers'])} "
                    f"has {p(['outstripped supply', 'intensified', 'reshaped the industry', 'become a defining theme'])} "
                    f"since {p(['the launch of ChatGPT', 'late ' + str(yr), 'early ' + str(yr), 'the H100 first shipped in 2022', 'the start of the decade'])}.")
        if k == 2:
            return (f"{p(['Regulators in Washington and Brussels', 'Antitrust officials', 'Lawmakers', 'Export-control authorities'])} "
                    f"{p(['are scrutinizing', 'have raised questions about', 'are expected to review', 'have signaled interest in'])} "
                    f"{p(['arrangements of this kind', 'the web of cross-investments among AI companies', 'the concentration of compute in a few hands', 'chip sales to overseas buyers'])}.")
        if k == 3:
            return (f"The {p(['agreement', 'announcement', 'transaction', 'arrangement'])} "
                    f"{p(['follows', 'comes on the heels of', 'builds on', 'arrives weeks after'])} "
                    f"{p(['a string of similar tie-ups across the industry', 'a flurry of infrastructure deals in the sector', 'a record quarter for AI funding', 'months of on-and-off negotiations', 'a broader push into sovereign AI', 'a series of deals that have redrawn alliances in the chip world'])}.")
        if k == 4:
            return (f"{p(['Power', 'Electricity', 'Cooling', 'Access to the grid'])} has become "
                    f"{p(['the main bottleneck', 'a central constraint', 'as important as chips', 'the scarcest resource'])} "
                    f"for {p(['AI developers', 'data center builders', 'cloud operators', 'the industry'])}, "
                    f"{p(['with utilities struggling to keep up', 'pushing some to build their own generation', 'and lead times for transformers now stretch for years', 'prompting interest in small modular reactors'])}.")
        if k == 5:
            return (f"{p(['Industry estimates suggest', 'Some analysts estimate', 'By one count,', 'Consultants project'])} "
                    f"{p(['global AI capital expenditure', 'data center investment worldwide', 'spending on AI hardware', 'hyperscaler capex'])} "
                    f"could {p(['reach', 'exceed', 'top', 'approach'])} "
                    f"{self.money(p([400, 500, 600, 1000, 2000, 3000, 5000]), allow_qual=False)} "
                    f"{p(['by ' + str(r.randint(2027, 2030)), 'annually by the end of the decade', 'over the next five years', 'within a few years'])}.")
        if k == 6:
            return (f"{p(['When the first large language-model clusters were assembled in', 'As recently as', 'Back in'])} "
                    f"{yr}, {self.count(p([1000, 4000, 10000, 16000]), p(GPU_UNITS), qual=False)} "
                    f"{p(['was considered enormous', 'counted as a frontier-scale system', 'was enough to train a leading model'])}.")
        if k == 7:
            return (f"{p(['Shortages of', 'Supply constraints in', 'Bottlenecks in'])} "
                    f"{p(['advanced packaging', 'HBM3E memory', 'leading-edge 3-nanometer wafers', 'optical interconnects', 'power equipment'])} "
                    + p(['have constrained shipments for much of the past year', 'remain a risk, according to suppliers',
                         'could delay deliveries next year', 'weighed on margins in recent quarters',
                         'have rippled through the industry', 'are expected to ease only gradually']) + ".")
        if k == 8:
            return (f"{p(['Such agreements are', 'Arrangements like this one are', 'Deals of this kind are'])} "
                    + p(['part of a broader trend in which suppliers help finance their own customers',
                         'increasingly common as AI developers lock in capacity years ahead',
                         'seen by some as a template for governments seeking sovereign compute',
                         'a bet on continued demand for training and inference',
                         'becoming the norm as companies hedge against supply shocks',
                         'drawing attention from credit analysts worried about leverage']) + ".")
        if k == 9:
            return (f"{p(['Critics', 'Skeptics', 'Some economists', 'Short sellers'])} "
                    f"{p(['argue', 'contend', 'have warned', 'point out'])} that "
                    f"{p(['much of the revenue is still speculative', 'the returns on AI spending remain unproven', 'depreciation schedules for GPUs may be too generous', 'the same dollars are being counted several times over'])}.")
        if k == 10:
            return (f"{p(['Supporters', 'Executives', 'Proponents', 'Bulls'])} "
                    f"{p(['counter', 'say', 'argue', 'insist'])} that "
                    f"{p(['demand is real and broadening', 'enterprise adoption is only beginning', 'inference workloads will dwarf training', 'the buildout resembles railroads or electrification more than a bubble'])}.")
        if k == 11:
            return (f"It is the {p(['third', 'fourth', 'second', 'fifth', 'latest'])} "
                    f"{p(['such deal', 'major partnership', 'multibillion-dollar commitment', 'infrastructure agreement'])} "
                    f"{p(['announced this quarter', 'in as many months', 'this year', 'since the summer'])}.")
        if k == 12:
            return (f"{p(['Sovereign AI', 'National compute capacity', 'Domestic AI infrastructure'])} has "
                    f"{p(['moved up the policy agenda', 'become a priority', 'drawn public funding'])} "
                    f"in {p(['Europe', 'Asia', 'the Gulf', 'several G7 countries', 'Japan and South Korea'])}, "
                    f"{p(['where officials worry about dependence on foreign providers', 'as governments court chipmakers', 'with dedicated funds set up since ' + str(yr)])}.")
        if k == 13:
            return (f"{p(['Model releases', 'Product cycles', 'Chip generations'])} now "
                    f"{p(['arrive roughly every year', 'turn over faster than ever', 'come in quick succession'])}, "
                    f"{p(['compressing the window to recoup investments', 'putting pressure on older hardware such as the A100', 'forcing buyers to plan several generations ahead'])}.")
        if k == 14:
            return (f"{p(['Terms', 'Financial details', 'Some terms', 'Pricing details'])} "
                    f"{p(['were not disclosed', 'were not made public', 'remain confidential', 'were not fully disclosed'])}"
                    f"{p(['.', ', and the companies declined to comment further.', ', according to people familiar with the matter.', ' in the filing.'])}")
        return (f"{p(['Chip stocks have', 'AI-linked shares have', 'The sector has', 'The Philadelphia semiconductor index has'])} "
                f"{p(['more than doubled', 'climbed sharply', 'been volatile', 'lagged the broader market'])} "
                f"{p(['this year', 'over the past 12 months', 'since ' + str(yr), 'year to date'])}.")

    def filler_paragraph(self, lo=2, hi=4):
        return " ".join(self.filler_sentence() for _ in range(self.r.randint(lo, hi)))

    # ------------------------------------------------------------ context
    def side_deal(self, pub, exclude):
        """A sentence about another (earlier) deal: cross-article distractor."""
        a = self.company(["chip", "cloud", "investor", "telecom"], exclude)
        b = self.company(["ai", "cloud", "chip", "auto"], exclude + [a])
        when = self.pick([f"in {MONTHS[self.r.randrange(12)]}", "earlier this year",
                          "last month", f"in {pub.year - 1}", "last quarter",
                          "over the summer"])
        k = self.r.randrange(5)
        if k == 0:
            return (f"{when.capitalize() if not when.startswith('in ') else cap(when)}, "
                    f"{a.name} agreed to invest {self.money(self.pick([1, 2, 5, 10, 40, 100]))} in {b.name}.")
        if k == 1:
            return (f"{b.name} {self.pick(['signed', 'struck', 'inked'])} "
                    f"{self.duration(self.r.randint(3, 8))} worth {self.money(self.pick([3, 9.7, 12, 22.4, 38, 300]))} "
                    f"with {a.name} {when}.")
        if k == 2:
            return (f"{cap(when)}, {b.name} said it would deploy "
                    f"{self.count(self.pick([20000, 50000, 100000, 400000]), self.pick(GPU_UNITS))} "
                    f"supplied by {a.name}.")
        if k == 3:
            return (f"{a.name} {self.pick(['took', 'acquired', 'bought'])} {self.stake(self.pick([2, 4, 5, 9.9, 15]))} "
                    f"in {b.name} {when}, valuing it at {self.money(self.pick([20, 61.5, 90, 150, 183]))}.")
        return (f"{a.name} and {b.name} announced a partnership {when} covering "
                f"{self.power(self.pick([0.3, 0.5, 1, 1.5, 4.5, 10]), suffix=False)} of data center capacity.")

    def analyst_para(self, c, pub, bn=None):
        r = self.r
        firm = self.pick(ANALYST_FIRMS)
        analyst = f"{self.pick(FIRST_NAMES)} {self.pick(LAST_NAMES)}"
        parts = []
        if c.ticker:
            move = round(r.uniform(0.8, 24.0), 1) if r.random() < 0.8 else r.randint(2, 30)
            up = r.random() < 0.75
            verb = self.pick(["jumped", "rose", "climbed", "surged", "gained", "soared"] if up
                             else ["fell", "slid", "dropped", "declined", "slipped"])
            when = self.pick(["in early trading", "in premarket trading", "on the news",
                              "in New York", "by midday", "in after-hours trading",
                              "at the open", f"on {WEEKDAYS[pub.weekday()] if pub.weekday() < 5 else 'Friday'}"])
            price = round(r.uniform(20, 450), 2)
            form = r.randrange(4)
            if form == 0:
                parts.append(f"{possessive(c.short)} shares {verb} {self.pct(move)} {when}.")
            elif form == 1:
                parts.append(f"Shares of {c.name} {verb} {self.pct(move)} to ${price:.2f} {when}.")
            elif form == 2:
                parts.append(f"{c.short} stock {verb} as much as {self.pct(move)} {when}, "
                             f"{self.pick(['its biggest move since', 'the largest one-day gain since', 'extending a rally that began in'])} "
                             f"{self.pick(MONTHS)}.")
            else:
                parts.append(f"{c.short} ({c.ticker}) {verb} {self.pct(move)} {when}, "
                             f"giving it a market value of {self.money(round(r.uniform(50, 4800), 0), allow_vague=False)}.")
            pt = r.choice([120, 150, 180, 200, 225, 250, 275, 300, 320, 350, 400, 500])
            old = pt - r.choice([10, 15, 20, 25, 40, 50])
            form = r.randrange(4)
            if form == 0:
                parts.append(f"{analyst} of {firm} {self.pick(['raised', 'lifted', 'boosted'])} "
                             f"{self.pick(['his', 'her', 'the firm’s'])} price target to ${pt} from ${old}, "
                             f"citing {self.pick(['the visibility the deal provides', 'upside to data center revenue', 'stronger-than-expected demand'])}.")
            elif form == 1:
                parts.append(f"{firm} reiterated its {self.pick(['buy', 'outperform', 'overweight'])} rating with "
                             f"{with_article('$' + str(pt))} price target.")
            elif form == 2:
                parts.append(f"\u201cThis {self.pick(['removes a key overhang', 'validates the road map', 'is a meaningful incremental win', 'changes the narrative'])},\u201d "
                             f"{analyst}, an analyst at {firm}, wrote in a note, keeping a ${pt} target on the shares.")
            else:
                parts.append(f"Analysts at {firm} set a price objective of ${pt}, "
                             f"{self.pick(['well above', 'roughly in line with', 'modestly above'])} the consensus.")
        if not parts:
            parts.append(f"Analysts at {firm} said the deal "
                         f"{self.pick(['underscores', 'highlights', 'reflects'])} "
                         f"{possessive(c.short)} {self.pick(['ambitions', 'growing clout', 'need for capacity'])}.")
        if bn is not None and r.random() < 0.7:
            lo = max(1, int(bn * self.pick([0.6, 0.8, 0.9])))
            hi = lo + max(1, int(bn * self.pick([0.1, 0.2, 0.3])))
            parts.append(f"The firm "
                         f"{self.pick(['estimates', 'expects', 'projects'])} the deal could add "
                         f"{self.money_range(lo, hi)} in {self.pick(['annual revenue', 'revenue over its life', 'sales by ' + str(pub.year + 2)])}.")
        return " ".join(parts)

    # ------------------------------------------------------------ deals
    def deal_chip_supply(self, pub, ev):
        r = self.r
        seller = self.company(["chip"])
        buyer = self.company(["ai", "cloud", "telecom", "auto", "gov"])
        product = self.pick(CHIP_PRODUCTS)
        unit = self.pick(GPU_UNITS)
        n = self.pick([10000, 16000, 18000, 20000, 25000, 50000, 60000, 80000,
                       100000, 150000, 200000, 250000, 260000, 300000, 400000,
                       500000, 1000000, 1200000])
        bn = n * r.uniform(22000, 42000) / 1e9
        bn = round(bn) if bn >= 10 else round(bn, 1)
        bn = max(bn, 0.3)
        gw = round(n * r.uniform(1.2, 2.2) / 1e6, 1)
        if gw < 1:
            gw = round(n * r.uniform(1.2, 2.2) / 1e6, 2)
        years = r.randint(3, 10)
        start = pub.year + r.randint(0, 2)
        cur = "€" if buyer.home in EURO_HOMES and r.random() < 0.5 else "$"
        verb = self.pick(["will supply", "agreed to supply", "will provide", "is set to deliver",
                          "signed a deal to sell"])
        title = self.pick([
            f"{seller.short} to supply {self.count(n, unit, qual=False)} to {buyer.short if buyer.kind != 'gov' else buyer.name.replace('the ', '')}",
            f"{seller.short} lands {self.money(bn, cur, allow_vague=False, allow_qual=False)} chip deal with {buyer.short}",
            f"{buyer.short} bets big on {seller.short} {product} chips in {self.duration(years)}",
            f"{seller.short}, {buyer.short} strike {self.power(gw, adjectival=True).split(' ', 1)[1].rsplit(' ', 1)[0]} AI infrastructure pact",
        ])
        lede = (f"{cap(self.desc(seller))} {verb} {self.count(n, unit)} to {self.desc(buyer)} "
                f"under {self.duration(years)} {self.pick(['valued at', 'worth', 'that could be worth'])} "
                f"{self.money(bn, cur)}, the companies said {self.date_ref(ev, pub)}.")
        p2 = (f"The first {self.pick([product + ' systems', 'shipments', 'racks', 'deliveries'])} are "
              f"{self.pick(['expected', 'scheduled', 'due'])} {self.future(start)}, "
              f"with the full {self.pick(['deployment', 'buildout', 'order'])} "
              f"{self.pick(['reaching', 'totaling', 'drawing'])} {self.power(gw)} "
              f"{self.future(start + r.randint(1, 3))}. "
              f"{cap(self.ref(buyer))} "
              f"plans to use the chips for {self.pick(['training frontier models', 'inference at scale', 'sovereign cloud services', 'autonomous-driving research', 'network AI workloads'])}.")
        p2 = cap(p2)
        p3_parts = []
        if r.random() < 0.5:
            wm = self.pick([40, 60, 80, 100, 160])
            p3_parts.append(f"As part of the arrangement, {seller.short} granted {buyer.short} "
                            f"{self.pick(['warrants for up to', 'a warrant to buy as many as', 'warrants covering up to'])} "
                            f"{wm} million {seller.short} shares, "
                            f"{self.pick(['vesting in tranches tied to deployment milestones', 'exercisable at a penny per share', 'contingent on purchase targets'])}.")
            p3_parts.append(f"If fully exercised, that would amount to roughly {self.stake(self.pick([5, 8, 10, 12]))}.")
        else:
            p3_parts.append(f"The {product} is {possessive(seller.short)} "
                            f"{self.pick(['newest', 'most advanced', 'flagship', 'top-end'])} "
                            f"{unit[0]}, {self.pick(['successor to', 'replacing', 'a step up from'])} the "
                            f"{self.pick(CHIP_PRODUCTS)}, and {self.pick(['began sampling', 'entered volume production', 'was unveiled'])} "
                            f"{self.pick(['earlier this year', 'in ' + str(pub.year - 1), 'last quarter'])}.")
            p3_parts.append(f"Each rack holds {self.pick([36, 72, 144])} {unit[1]}, and the "
                            f"{self.pick(['third-largest', 'second-biggest', 'largest', 'fourth-largest'])} "
                            f"installation of its kind would {self.pick(['draw', 'consume', 'need'])} "
                            f"{self.power_range(gw) if gw >= 1 and r.random() < 0.4 else self.power(gw)}.")
        quotes = [
            (seller, f"This is {self.pick(['a landmark', 'a defining', 'a multi-generational', 'an important'])} "
                     f"partnership for {self.pick(['us', 'the industry', 'the AI era'])}, and {self.count(n, unit, qual=False)} "
                     f"is only the {self.pick(['beginning', 'first phase', 'start'])}"),
            (buyer, f"{self.pick(['Compute is the foundation of everything we do', 'We need compute at an unprecedented scale', 'Securing supply years in advance is essential'])}"
                    f", and {seller.short} gives us a path to {self.power(gw)} {self.future(start + 2)}"),
        ]
        return dict(title=title, lede=lede, body=[p2, " ".join(p3_parts)], quotes=quotes,
                    main=seller, other=buyer, bn=bn, cur=cur, n=n, unit=unit, gw=gw,
                    years=years, kind="chip", dl=seller)

    def deal_funding(self, pub, ev):
        r = self.r
        raiser = self.company(["ai", "ai", "ai", "cloud"])
        lead = self.company(["investor", "chip", "cloud", "gov", "telecom"], [raiser])
        co = [self.company(["investor", "chip", "telecom", "cloud"], [raiser, lead])
              for _ in range(r.randint(1, 3))]
        co_names = []
        for c in co:
            if c.name not in co_names and c is not lead:
                co_names.append(c.name)
        bn = self.pick([0.3, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 4, 5, 6.6, 8, 10, 13, 20, 30, 40])
        val = bn * r.uniform(8, 40)
        val = round(val / 5) * 5 if val >= 20 else round(val, 1)
        val = max(val, bn * 5)
        val = round(val, 1)
        prior = round(val * r.uniform(0.3, 0.7))
        prior = max(prior, 1)
        stake_p = round(bn / val * 100, 1)
        if stake_p >= 10:
            stake_p = round(stake_p)
        rnd = self.pick(["Series B", "Series C", "Series D", "Series E", "Series F",
                         "a new funding round", "a growth round", "a tender offer"])
        cur = "€" if raiser.home in EURO_HOMES and r.random() < 0.6 else "$"
        title = self.pick([
            f"{raiser.short} raises {self.money(bn, cur, allow_vague=False, allow_qual=False)} at {self.money(val, cur, allow_vague=False, allow_qual=False)} valuation",
            f"{lead.short} leads {self.money(bn, cur, allow_vague=False, allow_qual=False)} round in {raiser.short}",
            f"{raiser.short} valuation {self.pick(['soars', 'jumps', 'more than doubles'])} to {self.money(val, cur, allow_vague=False, allow_qual=False)} in new funding",
        ])
        when = self.date_ref(ev, pub)
        if when[-4:].isdigit():
            when += ","
        lede = (f"{cap(self.desc(raiser))} said {when} it had raised "
                f"{self.money(bn, cur)} in {rnd} led by {lead.name}, "
                f"{self.pick(['valuing the company at', 'at a post-money valuation of', 'lifting its valuation to'])} "
                f"{self.money(val, cur, allow_vague=False)}.")
        p2 = (f"{cap(self.pick(['other participants', 'existing backers', 'new investors']))} include "
              f"{join_names(co_names) if co_names else 'several sovereign funds'}. "
              f"The valuation compares with {self.money(prior, cur, allow_vague=False)} "
              f"{self.pick(['less than a year ago', 'in its previous round', 'in ' + str(pub.year - 1), 'at the start of the year'])}, "
              f"and {lead.short if lead.kind != 'gov' else lead.name} will hold {self.stake(stake_p)} "
              f"{self.pick(['after the deal', 'once the round closes', 'on a fully diluted basis'])}.")
        rev = round(r.uniform(0.2, 20), 1)
        p3 = (f"{raiser.short} {self.pick(['expects', 'is targeting', 'projects'])} "
              f"{self.pick(['annualized revenue', 'revenue', 'a revenue run rate'])} of "
              f"{self.money(rev, cur)} {self.future(pub.year + 1)}, "
              f"{self.pick(['up from', 'compared with', 'versus'])} {self.money(round(rev * r.uniform(0.2, 0.6), 1), cur)} "
              f"{self.pick(['this year', 'last year', 'a year earlier'])}. "
              f"The company employs {self.pick(['about', 'roughly', 'more than', 'nearly'])} "
              f"{num(self.pick([120, 250, 400, 800, 1200, 1500, 3000]))} people and is "
              f"{self.pick(['spending heavily on compute', 'burning cash on training runs', 'expanding into enterprise sales', 'building its own data centers'])}.")
        if r.random() < 0.5:
            p3 += (f" Part of the proceeds will fund {self.count(self.pick([20000, 50000, 100000]), self.pick(GPU_UNITS))} "
                   f"and {self.power(self.pick([0.2, 0.3, 0.5, 1, 1.5]), suffix=False)} of capacity.")
        quotes = [
            (raiser, f"{self.pick(['This funding lets us', 'With this capital we can', 'The round allows us to'])} "
                     f"{self.pick(['scale our research', 'build the next generation of models', 'expand our compute fleet', 'hire the best people in the field'])}"),
            (lead, f"We believe {raiser.short} is {self.pick(['among the', 'one of the'])} "
                   f"{self.pick(['three', 'two', 'handful of', 'few'])} companies that "
                   f"{self.pick(['will define', 'can lead', 'are positioned to win'])} this market"),
        ]
        return dict(title=title, lede=lede, body=[p2, p3], quotes=quotes, main=lead,
                    other=raiser, bn=bn, cur=cur, n=None, unit=None, gw=None,
                    years=None, kind="funding", val=val, dl=raiser)

    def deal_acquisition(self, pub, ev):
        r = self.r
        buyer = self.company(["chip", "cloud", "telecom", "auto", "investor"])
        target = self.company(["ai", "chip", "cloud"], [buyer])
        bn = self.pick([0.4, 0.65, 1.2, 1.9, 2.5, 4, 6.5, 9, 14, 19, 26, 35, 44, 69])
        cur = "€" if buyer.home in EURO_HOMES and r.random() < 0.6 else "$"
        per_share = round(r.uniform(12, 180), 2)
        premium = r.randint(15, 65)
        close_year = pub.year + r.randint(0, 1)
        staff = self.pick([180, 350, 600, 1100, 2400, 4700, 9000, 14000])
        title = self.pick([
            f"{buyer.short} to buy {target.short} for {self.money(bn, cur, allow_vague=False, allow_qual=False)}",
            f"{buyer.short} agrees {self.money(bn, cur, allow_vague=False, allow_qual=False)} takeover of {target.short}",
            f"{buyer.short} snaps up {target.short} in {self.pick(['all-cash', 'cash-and-stock', 'stock'])} deal",
        ])
        lede = (f"{cap(self.desc(buyer))} agreed to acquire {self.desc(target)} "
                f"for {self.money(bn, cur)} {self.pick(['in cash', 'in cash and stock', 'including debt', 'in an all-stock transaction'])}, "
                f"the companies announced {self.date_ref(ev, pub)}.")
        p2 = (f"The offer of {cur}{per_share:.2f} a share represents a premium of "
              f"{self.pct(premium)} to {possessive(target.short)} "
              f"{self.pick(['last closing price', '30-day average price', 'undisturbed share price'])}. "
              f"The transaction is expected to close {self.future(close_year)}, "
              f"{self.pick(['subject to regulatory approvals', 'pending shareholder and regulatory approval', 'assuming antitrust clearance'])}.")
        if r.random() < 0.5:
            p2 += (f" {buyer.short} already owned {self.stake(self.pick([5, 10, 12, 19.9]))} in "
                   f"{target.short} before the deal.")
        p3 = (f"{target.short}, which has {self.pick(['about', 'roughly', 'more than', 'some'])} "
              f"{num(staff)} employees, "
              f"{self.pick(['designs interconnect chips', 'builds inference software', 'runs GPU clusters', 'develops small language models', 'makes optical networking gear'])} "
              f"and {self.pick(['generated', 'reported', 'posted'])} revenue of "
              f"{self.money(round(bn * r.uniform(0.05, 0.25), 2), cur)} last year. "
              f"It would be {possessive(buyer.short)} "
              f"{self.pick(['largest', 'second-largest', 'third-largest', 'biggest'])} acquisition "
              f"{self.pick(['to date', 'since ' + str(r.randint(2015, 2022)), 'in its history'])}.")
        syn = round(r.uniform(0.1, 1.5), 1)
        quotes = [
            (buyer, f"{target.short} brings {self.pick(['world-class talent', 'technology we could not build fast enough ourselves', 'a customer base we have long admired'])}"
                    f", and we expect {self.money(syn, cur)} in annual synergies {self.future(close_year + 2)}"),
            (target, f"{self.pick(['Joining', 'Becoming part of', 'Combining with'])} {buyer.short} "
                     f"{self.pick(['accelerates our road map', 'gives us the scale we need', 'is the right next chapter'])}"),
        ]
        return dict(title=title, lede=lede, body=[p2, p3], quotes=quotes, main=buyer,
                    other=target, bn=bn, cur=cur, n=None, unit=None, gw=None,
                    years=None, kind="acq", dl=buyer)

    def deal_cloud(self, pub, ev):
        r = self.r
        prov = self.company(["cloud"])
        cust = self.company(["ai", "ai", "gov", "auto", "telecom", "chip"], [prov])
        bn = self.pick([1.5, 3, 6.3, 9.7, 12, 14.2, 22.4, 30, 38, 50, 100, 250, 300])
        years = r.randint(3, 10)
        gw = self.pick([0.2, 0.3, 0.45, 1, 1.4, 2, 2.5, 4.5, 5, 10])
        n = self.pick([20000, 32000, 50000, 100000, 200000, 400000, 600000])
        unit = self.pick(GPU_UNITS)
        start = pub.year + r.randint(0, 2)
        cur = "€" if cust.home in EURO_HOMES and r.random() < 0.5 else "$"
        title = self.pick([
            f"{cust.short if cust.kind != 'gov' else cap(cust.name)} signs {self.money(bn, cur, allow_vague=False, allow_qual=False)} cloud deal with {prov.short}",
            f"{prov.short} wins {self.duration(years).split(' ', 1)[1]} from {cust.short}",
            f"{prov.short} to provide {self.power(gw, suffix=False)} of compute to {cust.short}",
        ])
        lede = (f"{cap(self.desc(cust))} {self.pick(['signed', 'has signed', 'struck', 'agreed to'])} "
                f"{self.duration(years)} {self.pick(['worth', 'valued at', 'with a total value of'])} "
                f"{self.money(bn, cur)} to {self.pick(['rent', 'buy', 'secure'])} computing capacity from {self.desc(prov)}, "
                f"{self.pick(['the companies said', 'according to a regulatory filing', 'people familiar with the matter said'])} "
                f"{self.date_ref(ev, pub)}.")
        p2 = (f"Under the contract, {prov.short} will {self.pick(['provide', 'make available', 'dedicate'])} "
              f"{self.count(n, unit)} across "
              f"{self.pick(['data centers in Texas and Norway', 'several U.S. sites', 'a new campus in Ohio', 'facilities in Japan', 'sites in Europe and the Middle East'])}, "
              f"{self.pick(['drawing', 'totaling', 'requiring'])} {self.power(gw)}. "
              f"Capacity will come online {self.future(start)}, "
              f"with {self.pick(['the bulk', 'the remainder', 'most of it'])} {self.future(start + r.randint(1, 2))}.")
        if gw >= 1 and r.random() < 0.5:
            p2 += (f" The site could eventually scale to {self.power_range(gw * 2)}.")
        annual = per_year(bn, years)
        p3 = (f"That works out to {self.pick(['roughly', 'about', 'around'])} "
              f"{self.money(annual, cur, allow_vague=False, allow_qual=False)} a year, "
              f"{self.pick(['a significant share of', 'more than a third of', 'a meaningful boost to', 'nearly double'])} "
              f"{possessive(prov.short)} {self.pick(['current annual revenue', 'backlog', 'cloud revenue'])}. "
              f"{prov.short} said its {self.pick(['backlog of remaining performance obligations', 'contracted backlog', 'order book'])} "
              f"now {self.pick(['totals', 'amounts to', 'comes to'])} {self.money_floor(bn * r.uniform(2, 8))}.")
        quotes = [
            (prov, f"Customers want {self.pick(['capacity they can count on', 'scale and speed', 'long-term certainty'])}, "
                   f"and {self.duration(years)} like this gives {self.pick(['both sides', 'them', 'us'])} exactly that"),
            (cust, f"{self.pick(['Our compute needs are growing faster than anyone predicted', 'We are planning years ahead', 'Demand for our products keeps rising'])}, "
                   f"and {self.count(n, unit, qual=False)} is what it takes"),
        ]
        return dict(title=title, lede=lede, body=[p2, p3], quotes=quotes, main=prov,
                    other=cust, bn=bn, cur=cur, n=n, unit=unit, gw=gw, years=years,
                    kind="cloud", dl=cust)

    def recap_para(self, d, pub):
        """Restate the main figures in other notations ("in numbers" style)."""
        r = self.r
        parts = []
        o = d["other"]
        oname = o.short if o.kind != "gov" else o.name
        parts.append(f"{self.pick(['All told', 'In total', 'Taken together', 'Overall'])}, "
                     f"the {self.pick(['deal', 'agreement', 'package', 'commitment'])} "
                     f"{self.pick(['is worth', 'amounts to', 'represents'])} "
                     f"{self.money(d['bn'], d['cur'])} for {oname}.")
        if d.get("n"):
            parts.append(f"{self.pick(['The order', 'The deployment', 'The capacity'])} "
                         f"{self.pick(['covers', 'includes', 'spans'])} "
                         f"{self.count(d['n'], d['unit'])}"
                         f"{', or ' + self.power(d['gw']) if d.get('gw') and r.random() < 0.6 else ''}.")
        if d.get("val"):
            parts.append(f"At {self.money(d['val'], d['cur'], allow_vague=False)}, "
                         f"{oname} ranks as the "
                         f"{self.pick(['third-most valuable', 'second-most valuable', 'fifth-most valuable', 'most valuable'])} "
                         f"private {self.pick(['AI company', 'tech startup', 'company in its sector'])}.")
        if d.get("years"):
            parts.append(f"{cap(self.duration(d['years'], adjectival=False))}, "
                         f"{self.pick(['that is', 'that works out to', 'the commitment averages'])} "
                         f"{self.money(per_year(d['bn'], d['years']), d['cur'], allow_vague=False)} "
                         f"{self.pick(['a year', 'annually', 'per year'])}.")
        return " ".join(parts)


    # ------------------------------------------------------------ extras
    def background_para(self, c, pub):
        r = self.r
        p = self.pick
        if c.kind == "gov":
            fund = self.pick([1, 2.5, 4, 6.5, 10, 25, 40])
            cur = "€" if c.home in EURO_HOMES else "$"
            return (f"{cap(c.name)} has {p(['set aside', 'earmarked', 'pledged', 'committed'])} "
                    f"{self.money(fund, cur)} for {p(['AI infrastructure', 'domestic compute', 'semiconductor subsidies', 'a national AI program'])} "
                    f"{p(['through ' + str(pub.year + r.randint(3, 6)), 'over the next five years', 'since ' + str(pub.year - 1)])}, "
                    f"and its {p(['national AI strategy', 'digital plan', 'industrial policy'])} targets "
                    f"{self.power(self.pick([1, 2, 3, 5]), suffix=False)} of data center capacity by {pub.year + r.randint(3, 8)}. "
                    f"Officials have said the country aims to rank among the "
                    f"{p(['top three', 'top five', 'top 10', 'leading'])} AI nations.")
        noun = p(KIND_NOUN[c.kind])
        rank = p(["third-largest", "second-biggest", "largest", "fifth-largest",
                  "10th-largest", "fourth-biggest", "No. 2"])
        founded = {"chip": (1968, 2016), "telecom": (1885, 2001), "auto": (1899, 2010),
                   "cloud": (2006, 2021), "investor": (1975, 2015)}.get(c.kind, (2012, 2023))
        founded = r.randint(*founded)
        rev = round(r.uniform(0.3, 120), 1)
        growth = r.randint(3, 180)
        staff = p({"ai": [150, 300, 600, 900, 1500], "investor": [80, 140, 300, 650],
                   "cloud": [900, 1500, 4200, 12000, 26000]}.get(c.kind, [4200, 12000, 26000, 48000, 110000, 230000]))
        city = c.city.split(",")[0].title()
        sent = [f"{c.short}, {p(['founded', 'established', 'started'])} in {founded} and based in {city}, is "
                f"{p(['the world’s', 'the', 'by some measures the'])} {rank} {noun} "
                f"{p(['by revenue', 'by market value', 'in its home market', 'by installed capacity', ''])}".rstrip() + "."]
        if c.kind == "ai":
            sent.append(f"Its {p(['latest model', 'flagship model', 'newest release'])}, "
                        f"{p(['Atlas', 'Quill', 'Meridian', 'Sable', 'Orca'])}-{r.randint(2, 7)}, "
                        f"{p(['launched', 'shipped', 'debuted'])} in {p(MONTHS)} and is used by "
                        f"{p(['more than', 'over', 'about'])} {p(['10 million', '400 million', '2 million', '800,000'])} people each week.")
        else:
            sent.append(f"It reported {p(['revenue', 'sales', 'turnover'])} of {self.money(rev)} "
                        f"for {p(['fiscal ' + str(pub.year - 1), 'its most recent fiscal year', str(pub.year - 1), 'the latest quarter'])}, "
                        f"{p(['up', 'an increase of', 'a rise of'])} {self.pct(growth)} from a year earlier.")
        sent.append(f"The company {p(['employs', 'has', 'counts'])} {p(['about', 'roughly', 'more than', 'nearly', ''])} "
                    f"{num(staff)} {p(['people', 'employees', 'staff'])}".replace("  ", " ") + ".")
        return " ".join(sent)

    def timeline_para(self, d, pub):
        r = self.r
        p = self.pick
        gw = d.get("gw") or p([0.5, 1, 2])
        y = pub.year + r.randint(0, 2)
        frac = p([0.25, 0.3, 0.4, 0.5])
        if gw < 1:
            first = max(1, int(gw * 1000 * frac)) / 1000
            second = max(1, int(gw * 1000) - int(first * 1000)) / 1000
        else:
            first = round(gw * frac, 1) or 0.1
            second = round(max(gw - first, 0.1), 2)
        return (f"{p(['Construction', 'Work', 'Site preparation'])} on the first phase, "
                f"{self.power(first, adjectival=True)}, "
                f"{p(['is scheduled to begin', 'begins', 'is slated to start', 'will get under way'])} {self.future(y)}. "
                f"A second phase would add {self.power(second, suffix=False)} "
                f"{self.future(y + r.randint(1, 2))}, and the partners have discussed "
                f"{p(['eventually reaching', 'scaling to', 'expanding to'])} "
                f"{self.power_range(gw * 2) if gw >= 0.5 else self.power(gw * 3)} "
                f"{p(['by the end of the decade', 'by ' + str(y + 4), 'in later phases'])}.")

    def supply_para(self, d, pub):
        r = self.r
        p = self.pick
        prod = p(CHIP_PRODUCTS)
        per_rack = p([36, 72, 144])
        return (f"The systems are built around the {prod}, "
                f"{p(['manufactured on', 'produced on', 'fabricated using'])} "
                f"{with_article(p(['3-nanometer', '2-nanometer', '4-nanometer', '1.8-nanometer', '18A', '5-nanometer']))} process and paired with "
                f"{p(['HBM3E', 'HBM4', 'HBM4E'])} memory. "
                f"{p(['Each NVL' + str(per_rack) + ' rack', 'Each rack', 'A single cabinet'])} houses "
                f"{per_rack} {p(['GPUs', 'accelerators', 'chips'])} and draws about "
                f"{p([120, 130, 190, 600])} kilowatts, "
                f"{p(['roughly triple', 'about twice', 'several times'])} what the previous "
                f"{p([x for x in CHIP_PRODUCTS if x != prod])} generation required.")

    def deal_extra(self, d, pub):
        r = self.r
        p = self.pick
        bn, cur, k = d["bn"], d["cur"], d["kind"]
        m, o = d["main"], d["other"]
        if k == "chip":
            fin = round(bn * p([0.1, 0.2, 0.25, 0.5]), 1) or 0.1
            return (f"{m.short} will also {p(['provide', 'arrange', 'extend'])} up to "
                    f"{self.money(fin, cur, allow_qual=False)} in {p(['vendor financing', 'credit support', 'equity investment'])} "
                    f"to help {o.short if o.kind != 'gov' else 'the government'} pay for the hardware, "
                    f"{p(['a structure that has drawn scrutiny', 'an increasingly common arrangement', 'according to the filing'])}. "
                    f"The {p(['order', 'contract', 'commitment'])} is equivalent to roughly "
                    f"{self.pct(r.randint(3, 40))} of {possessive(m.short)} {p(['annual data center revenue', 'expected sales next year', 'current backlog'])}.")
        if k == "funding":
            total = bn * r.uniform(1.5, 4)
            return (f"The round brings {possessive(o.short)} total funding to "
                    f"{self.money_floor(total, cur)} since its founding. "
                    f"{p(['Employees', 'Early staff', 'Existing shareholders'])} will be able to sell up to "
                    f"{self.money(round(bn * p([0.1, 0.2, 0.3]), 2) or 0.1, cur)} of shares in a "
                    f"{p(['secondary sale', 'tender offer', 'parallel transaction'])}, and the company said it "
                    f"{p(['has no plans to go public before', 'could consider an IPO as early as', 'is unlikely to list before'])} "
                    f"{pub.year + r.randint(1, 3)}.")
        if k == "acq":
            debt = round(bn * p([0.3, 0.5, 0.6]), 1) or 0.1
            fee = round(bn * p([0.03, 0.04, 0.05]), 2) or 0.02
            return (f"{m.short} plans to fund the {p(['purchase', 'deal', 'acquisition'])} with "
                    f"{self.money(debt, cur, allow_qual=False)} of new debt and cash on hand. "
                    f"{o.short} would owe a {p(['break-up', 'termination'])} fee of "
                    f"{self.money(fee, cur, allow_vague=False, allow_qual=False)} if it walked away, "
                    f"while {m.short} agreed to pay a {p(['reverse termination fee', 'regulatory break fee'])} of "
                    f"{self.money(round(fee * 2, 2), cur, allow_vague=False, allow_qual=False)}.")
        exp = r.randint(10, 50)
        return (f"The contract includes an option to expand capacity by up to {self.pct(exp)}, "
                f"which would lift its value to {self.money_floor(bn * (1 + exp / 100), cur)}. "
                f"{o.short if o.kind != 'gov' else cap(o.name)} "
                f"{p(['can terminate', 'may exit', 'has the right to end'])} the agreement after "
                f"{small_word(r.randint(2, 4))} years {p(['with a penalty', 'at a cost', 'subject to fees'])}.")

    def competitor_para(self, d, pub):
        r = self.r
        p = self.pick
        a = self.company(["chip", "cloud", "telecom", "investor"], [d["main"], d["other"]])
        b = self.company(["ai", "cloud", "gov", "auto"], [d["main"], d["other"], a])
        bn = p([2, 6.3, 10, 12, 22, 30, 100, 300])
        bname = b.short if b.kind != "gov" else b.name
        return (f"The {p(['deal', 'agreement', 'announcement'])} "
                f"{p(['dwarfs', 'rivals', 'follows', 'echoes'])} "
                f"{possessive(a.short)} {self.money(bn, allow_qual=False)} "
                f"{p(['agreement', 'pact', 'contract'])} with {bname} {p(['in ' + str(pub.year - 1), 'earlier this year', 'last spring'])}, "
                f"which {p(['covered', 'included', 'called for'])} "
                f"{self.count(p([16000, 50000, 100000, 250000, 500000]), p(GPU_UNITS))}. "
                + self.filler_sentence())

    def history_para(self, d, pub):
        r = self.r
        p = self.pick
        m, o = d["main"], d["other"]
        y = pub.year - r.randint(1, 5)
        oname = o.short if o.kind != "gov" else o.name
        mname = m.short if m.kind != "gov" else m.name
        if d["kind"] == "funding":
            return (f"{cap(mname)} first {p(['backed', 'invested in', 'bet on'])} {oname} in {y}, "
                    f"{p(['leading', 'joining', 'anchoring'])} its {p(['Series A', 'Series B', 'seed round', 'Series C'])} "
                    f"at a valuation of {self.money(round(d.get('val', 10) * p([0.01, 0.02, 0.05, 0.1]), 2) or 0.1, d['cur'], allow_vague=False)}. "
                    f"That stake {p(['has since grown', 'is now worth', 'has appreciated'])} roughly "
                    f"{p(['tenfold', '30-fold', 'fivefold', '12 times'])}, by {p(['some estimates', 'one estimate', 'analysts’ math'])}.")
        if d["kind"] == "acq":
            return (f"{mname} first approached {oname} in {y}, "
                    f"{p(['people familiar with the talks said', 'according to the merger filing', 'the companies disclosed'])}. "
                    f"{cap(oname)} rejected an earlier offer of {self.money(round(d['bn'] * p([0.6, 0.7, 0.8]), 2), d['cur'], allow_vague=False)} "
                    f"{p(['as too low', 'in ' + str(y + 1), 'last year'])}, and the final price is "
                    f"{p(['the second-highest', 'the highest', 'the third-highest'])} paid for a company in the sector.")
        return (f"{p(['The two sides', 'The companies', 'The partners'])} have "
                f"{p(['worked together', 'had ties', 'collaborated'])} since {y}, when {oname} "
                f"{p(['ordered', 'bought', 'signed up for'])} {self.count(p([2000, 4000, 8000, 10000, 24000]), p(GPU_UNITS))} "
                f"from {mname}. {cap(oname)} "
                f"{p(['accounted for', 'made up', 'represented'])} {self.pct(r.randint(2, 22))} of "
                f"{possessive(mname)} {p(['revenue', 'sales', 'bookings'])} in {pub.year - 1}, "
                f"{p(['making it the', 'ranking as the'])} {p(['second-largest', 'third-largest', 'largest', 'fifth-biggest'])} customer.")

    def reaction_para(self, d, pub):
        r = self.r
        p = self.pick
        pool = [c for c in self.companies if c.ticker and c not in (d["main"], d["other"])]
        a = p(pool)
        b = p([c for c in pool if c is not a])
        up = r.random() < 0.5
        return (f"Shares of {p(['rival', 'peer', 'competitor'])} {a.name} "
                f"{p(['rose', 'gained', 'added']) if up else p(['fell', 'dipped', 'lost'])} {self.pct(round(r.uniform(0.4, 9), 1))}, "
                f"while {b.short} {p(['ended', 'closed', 'finished'])} "
                f"{p(['up', 'down'])} {self.pct(round(r.uniform(0.2, 6), 1))}. "
                f"{p(['A broad index of chip stocks', 'The Nasdaq Composite', 'The Philadelphia semiconductor index', 'The tech-heavy index'])} "
                f"{p(['gained', 'added', 'slipped', 'lost'])} {self.pct(round(r.uniform(0.1, 3.5), 1))} "
                f"{p(['on the day', 'by the close', 'in afternoon trading'])}.")

    def risk_para(self, d, pub):
        r = self.r
        p = self.pick
        o = d["other"]
        oname = o.short if o.kind != "gov" else cap(o.name)
        commit = d["bn"] * r.uniform(3, 12)
        if o.kind == "gov":
            return (f"{oname} faces {p(['budget pressure', 'questions from lawmakers', 'scrutiny from auditors'])} over the cost. "
                    f"{p(['Opposition lawmakers', 'Fiscal watchdogs', 'Critics'])} have noted that total public commitments to AI now exceed "
                    f"{self.money(round(commit), allow_vague=False, allow_qual=False) if commit >= 1 else self.money(round(commit, 2), allow_vague=False, allow_qual=False)}, {p(['roughly', 'about', 'nearly'])} {self.pct(round(r.uniform(0.3, 2.5), 1))} of annual spending.")
        return (f"{oname} {p(['has yet to turn a profit', 'remains loss-making', 'is burning cash'])}, and its "
                f"{p(['total commitments', 'spending pledges', 'infrastructure obligations'])} now "
                f"{p(['total', 'amount to', 'run to'])} {self.money_floor(commit)} "
                f"{p(['over the next several years', 'through ' + str(pub.year + r.randint(5, 8)), 'across partners'])}. "
                f"{p(['Sterling Ratings', 'Harcourt Credit', 'Norwood Ratings'])} said the deal could push leverage to "
                f"{p(['3', '4.5', '5', 'six'])} times earnings {p(['by ' + str(pub.year + 2), 'at its peak', 'next year'])}.")

    def numbers_list(self, d, pub):
        items = []
        items.append(f"- **{self.money(d['bn'], d['cur'], allow_vague=False, allow_qual=False)}**: "
                     f"{self.pick(['headline value', 'total deal value', 'reported value'])}")
        if d.get("n"):
            items.append(f"- **{num(d['n'])}** {d['unit'][1]}: {self.pick(['planned deployment', 'order size', 'contracted capacity'])}")
        if d.get("gw"):
            items.append(f"- **{self.power(d['gw'])}**: power draw at full build")
        if d.get("years"):
            items.append(f"- **{d['years']} years**: contract term")
        if d.get("val"):
            items.append(f"- **{self.money(d['val'], d['cur'], allow_vague=False, allow_qual=False)}**: post-money valuation")
        items.append(f"- **{self.future(pub.year + self.r.randint(1, 3))}**: "
                     f"{self.pick(['expected close', 'regulatory decision due'] if d['kind'] == 'acq' else ['first milestone', 'target completion', 'next checkpoint'])}")
        return "## By the numbers\n\n" + "\n".join(items)

    # ------------------------------------------------------------ article
    def article(self, idx):
        r = self.r
        self.used_frames = set()
        self.introduced = set()
        pub = _dt.date(2024, 1, 1) + _dt.timedelta(days=r.randrange(3 * 365))
        ev = pub - _dt.timedelta(days=self.pick([0, 0, 0, 1, 1, 2, 3, 6]))
        kind = self.pick(["chip", "chip", "funding", "acq", "cloud", "cloud"])
        if kind == "chip":
            d = self.deal_chip_supply(pub, ev)
        elif kind == "funding":
            d = self.deal_funding(pub, ev)
        elif kind == "acq":
            d = self.deal_acquisition(pub, ev)
        else:
            d = self.deal_cloud(pub, ev)
        title = cap(d["title"])
        title = title[0].upper() + title[1:]
        main, other = d["main"], d["other"]
        source = self.pick(SOURCES)
        author = f"{self.pick(AUTHOR_FIRST)} {self.pick(AUTHOR_LAST)}"
        is_md = r.random() < 1 / 3

        lede = d["lede"]
        if r.random() < 0.4:
            city = d["dl"].city
            lede = f"{city} \u2014 " + lede
        paras = [lede]
        paras.extend(d["body"])
        q1 = self.quote(d["quotes"][0][0], d["quotes"][0][1])
        q2 = self.quote(d["quotes"][1][0], d["quotes"][1][1])
        middle = [q1 + " " + self.filler_sentence(), self.analyst_para(
            main if main.ticker else other, pub, d["bn"]), q2,
            self.recap_para(d, pub)]
        r.shuffle(middle)
        paras.extend(middle)
        heads_all = ["Market reaction", "Background", "What it means", "The bigger picture",
                 "Why it matters", "By the numbers", "Context", "What's next",
                 "A crowded field", "Power and capacity", "Money trail", "Risks",
                 "The road ahead", "Inside the deal"]
        heads = heads_all[:]
        r.shuffle(heads)
        # optional extras, appended until the size target is met
        target = int(r.triangular(MIN_BYTES + 200, MAX_BYTES - 400, 4800))

        def render(ps):
            # drop headings that would be empty (followed by a heading or last)
            ps = [q for i, q in enumerate(ps)
                  if not (q.startswith("## ") and "\n" not in q
                          and (i + 1 == len(ps) or ps[i + 1].startswith("## ")))]
            out = []
            if is_md:
                out.append("---\n")
                out.append(f"title: \"{title.replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}\"\n")
                out.append(f"source: \"{source}\"\n")
                out.append(f"pub_date: {pub.isoformat()}\n")
                out.append(f"author: \"{author}\"\n")
                out.append("---\n\n")
                for p in ps:
                    out.append(p)
                    out.append("\n\n")
            else:
                out.append(title + "\n")
                byline = self_byline
                out.append(byline + "\n\n")
                for p in ps:
                    if p.startswith("## "):
                        continue
                    out.append(p)
                    out.append("\n\n")
            return "".join(out).rstrip("\n").replace(",,", ",") + "\n"

        if not is_md:
            bl = r.randrange(3)
            if bl == 0:
                self_byline = f"By {author} | {source} | {self.date_full(pub)}"
            elif bl == 1:
                self_byline = f"{source} \u2014 {author}, {pub.isoformat()}"
            else:
                self_byline = f"By {author}, {source}\nPublished {MONTH_ABBR[pub.month - 1]} {pub.day}, {pub.year}"
        else:
            self_byline = ""
            if r.random() < 0.5:
                paras.insert(0, f"**{self.pick(['The deal', 'The agreement', 'The move'])} "
                                f"{self.pick(['underscores', 'signals', 'deepens'])} "
                                f"{self.pick(['the scramble for AI compute', 'a new phase of the AI buildout', 'shifting alliances in the chip industry'])}**")
            # section headings
            for _ in range(r.randint(1, 2)):
                pos = r.randint(2, len(paras) - 1)
                if paras[pos - 1].startswith(("## ", "**")) or paras[pos].startswith("## "):
                    continue
                paras.insert(pos, "## " + (heads.pop() if heads else "More"))

        size = len(render(paras).encode("utf-8"))
        makers = ["side", "bg_main", "bg_other", "extra", "competitor", "quote", "quote",
                  "history", "reaction", "risk"]
        if kind in ("chip", "cloud"):
            makers += ["timeline", "supply"]
        if is_md:
            makers.append("list")
        r.shuffle(makers)
        extra_quotes = ["We are still in the early innings of this buildout",
                        "Nobody has ever built at this scale before",
                        "The demand signal we are seeing is extraordinary",
                        f"We intend to be the {self.pick(['largest', 'second-largest', 'most efficient'])} "
                        f"operator in this market by {pub.year + r.randint(2, 5)}",
                        "Every part of the supply chain has to scale with us",
                        "We were disciplined about price, and we walked away twice before agreeing terms",
                        "This gives us visibility well into the next decade",
                        "Our balance sheet can support this and more",
                        "We looked at every option, and this was the fastest path to scale",
                        "Sovereign capability matters, and this partnership delivers it"]
        r.shuffle(extra_quotes)
        budget = 40
        while size < target and budget > 0:
            budget -= 1
            m = makers.pop() if makers else "filler"
            if m == "side":
                p = self.side_deal(pub, [main, other]) + " " + self.filler_paragraph(1, 2)
            elif m == "bg_main":
                p = self.background_para(main, pub)
            elif m == "bg_other":
                p = self.background_para(other, pub)
            elif m == "extra":
                p = self.deal_extra(d, pub)
            elif m == "competitor":
                p = self.competitor_para(d, pub)
            elif m == "quote":
                p = self.quote(self.pick([main, other]), extra_quotes.pop()) + " " + self.filler_sentence()
            elif m == "timeline":
                p = self.timeline_para(d, pub)
            elif m == "supply":
                p = self.supply_para(d, pub)
            elif m == "history":
                p = self.history_para(d, pub)
            elif m == "reaction":
                p = self.reaction_para(d, pub)
            elif m == "risk":
                p = self.risk_para(d, pub)
            elif m == "list":
                p = self.numbers_list(d, pub)
            else:
                p = self.filler_paragraph()
            if is_md and m != "list" and r.random() < 0.12:
                p = "## " + (heads.pop() if heads else "More") + "\n\n" + p
            added = len(p.encode("utf-8")) + 2
            if size + added > MAX_BYTES:
                continue
            pos = r.randint(max(2, len(paras) - 3), len(paras))
            paras.insert(pos, p)
            size += added
        # closing line
        if r.random() < 0.5:
            closing = self.pick([
                f"{main.short if main.kind != 'gov' else cap(main.name)} is scheduled to report quarterly results {self.future(pub.year + 1 if pub.month > 9 else pub.year)}.",
                f"Representatives for {other.name if other.kind != 'gov' else 'the government'} did not immediately respond to a request for comment.",
                f"{cap(self.filler_sentence())}",
                f"({self.pick(['Reporting', 'Additional reporting'])} by {self.pick(AUTHOR_FIRST)} {self.pick(AUTHOR_LAST)}; editing by {self.pick(AUTHOR_FIRST)} {self.pick(AUTHOR_LAST)})",
            ])
            if size + len(closing.encode("utf-8")) + 2 <= MAX_BYTES:
                paras.append(closing)
        text = render(paras)
        data = text.encode("utf-8")
        # safety: drop trailing non-lede paragraphs if somehow too long
        while len(data) > MAX_BYTES and len(paras) > 3:
            paras.pop()
            data = render(paras).encode("utf-8")
        # safety: pad with filler if somehow too short
        while len(data) < MIN_BYTES:
            paras.append(self.filler_paragraph(2, 3))
            data = render(paras).encode("utf-8")
            if len(data) > MAX_BYTES:
                paras.pop()
                paras.append(self.filler_sentence())
                data = render(paras).encode("utf-8")
        return ("md" if is_md else "txt"), data


def main(argv=None):
    ap = argparse.ArgumentParser(description="Generate a synthetic tech-deal news corpus.")
    ap.add_argument("n", type=int, metavar="N", help="number of articles to write")
    ap.add_argument("dir", metavar="DIR", help="output directory (created if missing)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args(argv)
    if args.n < 0:
        ap.error("N must be non-negative")
    os.makedirs(args.dir, exist_ok=True)
    gen = Gen(args.seed)
    width = max(6, len(str(args.n)))
    total = 0
    t0 = time.perf_counter()
    for i in range(1, args.n + 1):
        ext, data = gen.article(i)
        path = os.path.join(args.dir, f"article_{i:0{width}d}.{ext}")
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
    dt = time.perf_counter() - t0
    print(f"wrote {args.n} files to {args.dir} ({total / 1e6:.2f} MB) in {dt:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
