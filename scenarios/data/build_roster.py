#!/usr/bin/env python3
"""Builds the dated series of scenarios/roster.yaml (issue 8: data vintages).

Provenance script, kept with the data it read: run from the repository root as
    python3 scenarios/data/build_roster.py scenarios/roster.yaml > /tmp/roster.yaml
It reads the roster (names, blocs, the cited 2020-era values and their sources) and
scenarios/data/state-series.csv, and writes the roster with every numeric attribute and
priorRelations as a dated series, by the rules in RULES below (one rule per attribute, the same
for every state). Nothing here is tuned to the record; every date is the date of a measurement.
"""
import csv
import sys
from collections import defaultdict

import yaml

ROSTER = sys.argv[1]
# --asks: also write the dated stated conditions and standing asks in model8's schema (soft conditions)
ASKS_AND_CONDITIONS = "--asks" in sys.argv[2:]
SERIES = "scenarios/data/state-series.csv"
VDEM_SRC = "V-Dem v2x_polyarchy (country-year extract, release not stated, probably v15) via scenarios/data/state-series.csv; github.com/ES-1085/f2025-ds1-project-f4 data/vdem3.csv"
WB_SRC = "World Bank WDI NY.GDP.TOTL.RT.ZS, file of 2026-02-24 via scenarios/data/state-series.csv; github.com/sohelcr77/geospatial-analysis API_NY.GDP.TOTL.RT.ZS_DS2_en_csv_v2_362.csv"

ARAB = {"ARE", "BHR", "SAU", "QAT", "KWT", "OMN", "IRQ", "JOR", "LBN", "SYR", "EGY", "LBY", "TUN", "DZA", "MAR", "MRT",
        "SDN", "SOM", "DJI", "COM", "YEM"}

# ---- publicOpposition: surveys enter from the end of their fieldwork ---------------------------------
AOI_REGIONAL = [  # (date, share opposing recognition, wave), Arab Opinion Index regional averages
    ("2011-12", 0.84, "AOI 2011"), ("2013-12", 0.87, "AOI 2012-13"), ("2014-12", 0.87, "AOI 2014"),
    ("2015-12", 0.85, "AOI 2015"), ("2016-12", 0.86, "AOI 2016"), ("2018-12", 0.87, "AOI 2017-18"),
    ("2020-09", 0.88, "AOI 2019-20 (fieldwork Nov 2019 - Sep 2020)"), ("2022-12", 0.84, "AOI 2022"),
    ("2024-01", 0.89, "AOI Gaza-war poll (Dec 2023 - Jan 2024)"), ("2025-12", 0.87, "AOI 2025"),
]
AOI_REGIONAL_SRC = ("https://jvl.levit.dev/public-opinion-polls-arab-world-opinion-index-polls (2011-2019/20 waves); "
                    "https://jpost.com/middle-east/article-726753 (2022); scenarios/data/README.md (2023-24, 2025)")
AOI1920 = "ACRPS Arab Opinion Index 2019/20, https://ms1.palinfo.com/2020/10/07/7136 ; https://www.dailyalert.org/rss/Mainissues.php?id=80394"
AOI2022 = "ACRPS Arab Opinion Index 2022, https://jpost.com/middle-east/article-726753"
WINEP = "Washington Institute poll, Nov 2020, https://washingtoninstitute.org/policy-analysis/arab-public-opinion-arab-israeli-normalization-and-abraham-accords"
NATIONAL = {  # state: [(date, value, source, rule)]
    "SAU": [("2020-09", 0.65, AOI1920, "share opposing recognition 65% (29% no answer)")],
    "QAT": [("2020-09", 0.90, AOI1920, "share opposing recognition 90%")],
    "KWT": [("2020-09", 0.90, AOI1920, "share opposing recognition 90%")],
    "JOR": [("2020-09", 0.93, AOI1920, "share opposing recognition 93%")],
    "LBN": [("2020-09", 0.94, AOI1920, "share opposing recognition 94%")],
    "TUN": [("2020-09", 0.93, AOI1920, "share opposing recognition 93%")],
    "DZA": [("2020-09", 0.99, AOI1920, "share opposing recognition 99%")],
    "SDN": [("2020-09", 0.79, AOI1920, "share opposing recognition 79%")],
    "IRQ": [("2022-12", 0.92, AOI2022, "share opposing recognition 92%")],
    "LBY": [("2022-12", 0.96, AOI2022, "share opposing recognition 96%")],
    "MAR": [("2022-12", 0.67, AOI2022, "share opposing recognition 67% (after the December 2020 normalization)")],
    "MRT": [("2022-12", 0.99, AOI2022, "share opposing recognition 99%")],
    "ARE": [("2020-11", 0.53, WINEP, "1 - 47% favourable to the Accords (after the August 2020 join)")],
    "BHR": [("2020-11", 0.55, WINEP, "1 - 45% favourable to the Accords (after the September 2020 join)")],
    "IDN": [("2025-06", 0.75, "Median online survey, 12-18 Jun 2025 (n=907), https://abikarawang.com/?p=2317",
             "share saying Indonesia should never open relations with or recognize Israel (74.9%)")],
}

# ---- usAlignment: 0.1 + 0.4 MNNA (from designation) + 0.3 hosts US forces + 0.2 C5+1 (from 2015-09) ----
MNNA = {  # designation month, source
    "EGY": ("1987-01", "https://en.wikipedia.org/wiki/Major_non-NATO_ally (one of the initial MNNAs, 1987)"),
    "JOR": ("1996-11", "https://en.wikipedia.org/wiki/Major_non-NATO_ally (1996)"),
    "BHR": ("2002-03", "record-1993-2019-notes.md: announced 2001-10-25 (VOA), designated 2002 (WorldTribune); The National says 2004"),
    "KWT": ("2004-04", "record-1993-2019-notes.md: memorandum 2004-01-15 (WorldTribune); https://en.wikipedia.org/wiki/Major_non-NATO_ally"),
    "MAR": ("2004-06", "record-1993-2019-notes.md: 2004-06-03 (news24/AFX)"),
    "PAK": ("2004-06", "record-1993-2019-notes.md: 2004-06-16 (UPI)"),
    "TUN": ("2015-07", "record-1993-2019-notes.md: 2015-07-10 (Xinhua)"),
    "QAT": ("2022-03", "record-1993-2019-notes.md: 2022-03-10 (Al Arabiya)"),
    "SAU": ("2025-11", "https://www.jpost.com/international/article-874508 (announced 2025-11-18)"),
}
C5 = {"KAZ", "UZB", "TKM", "KGZ", "TJK"}
C5_DATE = ("2015-09", "https://en.inform.kz/amp/john-kerry-holds-new-format-meeting-with-central-asian-foreign-ministers_a2822269/ (format opened 2015-09-26; Samarkand declaration 2015-11-01)")
HOSTS_2020 = {"ARE", "BHR", "SAU", "QAT", "KWT", "IRQ", "JOR", "DJI"}  # roster at 2020-01
# Where the start of hosting is sourced, the host component is a measurement from then on; elsewhere
# it is measured only at 2020-01 and carried back (an assumption).
GULFIF = "https://gulfif.org/evolution-of-u-s-gcc-defense-cooperation/ (formal defence pacts with Kuwait, Bahrain, Qatar and the UAE during 1991-1994: access to Al Udeid and Al Dhafra; dated 1994-12, the end of that span)"
SENTINEL = "http://articles.orlandosentinel.com/1991-10-28/news/9110280490_1_bahrain-pact-navy-warships (Bahrain's defence pact 1991-10-27; Kuwait's, with US troops stationed, the month before)"
HOST_FROM = {"KWT": ("1991-09", SENTINEL), "BHR": ("1991-10", SENTINEL), "QAT": ("1994-12", GULFIF), "ARE": ("1994-12", GULFIF)}
HOST_SRC = "https://5pillarsuk.com/2020/01/09/which-muslim-countries-host-u-s-military-bases ; https://www.business-standard.com/amp/world-news/what-are-the-main-us-military-bases-across-the-middle-east-126022800465_1.html ; https://knowafrika.com/top-5-african-countries-with-us-military-bases-and-troops/ (Djibouti)"

# ---- priorRelations: from the record (scenarios/history.yaml); a year while relations stand --------
PRIOR = {  # state: [(month, year or None, source)]
    "EGY": [("1980-02", 1980, "https://todayshistory.org/26-february-1980-2/19303/")],
    "KGZ": [("1992-03", 1992, "https://perceptiode.com/Израильско-киргизские_отношения")],
    "TJK": [("1992-03", 1992, "https://khovar.tj/far/2022/08/36640")],
    "AZE": [("1992-04", 1992, "https://menafn.com/1108068212/We-Will-Further-Deepen-The-Baku-Tel-Aviv-Relations-With-Joint-Efforts-Azerbaijani-Embassy")],
    "KAZ": [("1992-04", 1992, "https://en.wikipedia.org/wiki/Israel%E2%80%93Kazakhstan_relations")],
    "UZB": [("1992-04", 1992, "https://he.hamichlol.org.il/ (Israel-Uzbekistan relations, 1992-04-10)")],
    "TKM": [("1993-01", None, "https://jta.org/1993/10/06/archive/israel-firms-ties-with-turkmenistan"),
            ("1993-10", 1993, "https://jta.org/1993/10/06/archive/israel-firms-ties-with-turkmenistan")],
    "JOR": [("1993-01", None, "https://en.wikipedia.org/wiki/Israel%E2%80%93Jordan_peace_treaty"),
            ("1994-10", 1994, "https://en.wikipedia.org/wiki/Israel%E2%80%93Jordan_peace_treaty")],
    "MRT": [("1993-01", None, "http://israelforeignaffairs.com/1999/12/israel-and-mauritania-to-establish-diplomatic-relations/"),
            ("1999-10", 1999, "http://israelforeignaffairs.com/1999/12/israel-and-mauritania-to-establish-diplomatic-relations/"),
            ("2010-03", None, "http://www.jweekly.com/2010/03/26/african-nation-cuts-ties-with-israel/")],
    "TCD": [("1993-01", None, "https://finance.yahoo.com/news/israel-chad-revive-diplomatic-relations-call-closer-security-161231156.html (cut 1972)"),
            ("2019-01", 2019, "https://www.timesofisrael.com/liveblog_entry/police-officers-start-using-body-cameras-in-tel-aviv-region/")],
    "ARE": [("1993-01", None, "scenarios/data/state-indicators.csv"), ("2020-08", 2020, "https://jewishworldnews.org/uae-and-bahrain-officially-ink-ties-with-israel/")],
    "BHR": [("1993-01", None, "scenarios/data/state-indicators.csv"), ("2020-09", 2020, "https://jewishworldnews.org/uae-and-bahrain-officially-ink-ties-with-israel/")],
    "MAR": [("1993-01", None, "scenarios/data/state-indicators.csv (liaison offices 1994-2000 are not relations)"),
            ("2020-12", 2020, "https://en.wikipedia.org/wiki/Israel%E2%80%93Morocco_normalization_agreement")],
}
PRIOR_RULE = "year diplomatic relations with Israel were established, while they stand; none before and after (liaison, interest and trade offices count as none); dated by the record (scenarios/history.yaml)"


# ---- standing asks (model8's schema: {from, kind, size, source, rule}) -------------------------------
# One rule for every state: the kind is the first that applies, dated from when it first applied (before
# any grant); size 1.0 for a change of US legal status or a commitment, 0.5 for a sale or trade status.
ASK_RULE = ("first that applies: on the US State Sponsors of Terrorism list -> sanctionsRelief (from the listing); "
            "a territorial claim the US does not recognise -> recognition (from the claim); subject to Jackson-Vanik "
            "(no permanent normal trade relations) -> trade (from independence); a reported request for a US defence "
            "treaty -> defencePact; a reported request to buy F-35s -> arms (from the request); else none. Size 1.0 for "
            "sanctionsRelief, recognition, defencePact; 0.5 for arms, trade; 0 for none")
SST = "https://www.wto.tj/en/press-centr/?ELEMENT_ID=120 ; http://theasian.asia/archives/109243"
ASKS = {
    "SDN": [("1993-08", "sanctionsRelief", 1.0, SST + " (listed 1993-08-12; removed 2020-12-14)")],
    "SYR": [("1993-01", "sanctionsRelief", 1.0, SST + " (listed 1979-12-29, still listed)")],
    "LBY": [("1993-01", "sanctionsRelief", 1.0, SST + " (listed 1979-12-29)"),
            ("2006-06", "none", 0.0, "http://theasian.asia/archives/109243 (removed from the list, 2006)")],
    "IRQ": [("1993-01", "sanctionsRelief", 1.0, SST + " (relisted 1990-09)"),
            ("2004-10", "none", 0.0, "http://theasian.asia/archives/109243 (removed 2004)")],
    "MAR": [("1993-01", "recognition", 1.0, "https://stephenzunes.org/foreign-policy/us-foreign-policy/trump-foreign-policy/trump-recognized-moroccos-illegal-occupation-to-boost-the-israeli-occupation/ (claimed since 1975; US recognition 2020-12-10)")],
    "KAZ": [("1993-01", "trade", 0.5, "https://thediplomat.com/2023/09/bipartisan-bill-seeks-to-repeal-jackson-vanik-for-kazakhstan-uzbekistan-and-tajikistan/")],
    "UZB": [("1993-01", "trade", 0.5, "https://thediplomat.com/2023/09/bipartisan-bill-seeks-to-repeal-jackson-vanik-for-kazakhstan-uzbekistan-and-tajikistan/")],
    "TJK": [("1993-01", "trade", 0.5, "https://thediplomat.com/2023/09/bipartisan-bill-seeks-to-repeal-jackson-vanik-for-kazakhstan-uzbekistan-and-tajikistan/")],
    "TKM": [("1993-01", "trade", 0.5, "https://centralasianlight.org/news/us-intends-to-cancel-jackson-vanik-amendment-for-central-asian-countries")],
    "AZE": [("1993-01", "trade", 0.5, "https://centralasiabusiness.com/en/novosti-1/instrument-davleniya-ssha-ne-speshat-otm-1")],
    "SAU": [("1993-01", "none", 0.0, "no request of the rule's kinds sourced before 2023"),
            ("2023-03", "defencePact", 1.0, "https://www.israelnationalnews.com/news/368525 (WSJ, 2023-03-09: security guarantees, civil nuclear help)")],
    "ARE": [("1993-01", "none", 0.0, "no request of the rule's kinds sourced before 2014"),
            ("2014-12", "arms", 0.5, "https://hamodia.com/2020/08/20/uae-official-israel-deal-remove-hurdle-f-35-sale/ (Gargash, 2020-08-20: F-35 request made six years ago)")],
}
ASK_NONE_SRC = "none of the rule's kinds applies in the sources searched (US terror list, territorial claims, Jackson-Vanik, reported defence-pact or F-35 requests)"

# ---- stated conditions (model8's schema: {variable, from, until?, source, rule}) ----------------------
API = "https://www.latimes.com/archives/la-xpm-2002-mar-29-mn-35272-story.html"
COND_RULE_API = "Arab League member at the Beirut summit that adopted the Arab Peace Initiative (normalization for a Palestinian state on the 1967 lines)"
CONDS_EXTRA = {
    "SAU": [("2024-02", "https://menafn.com/1107821578/Saudi-Arabia-No-Diplomatic-Ties-With-Israel-Without-Palestinian-State",
             "foreign ministry statement 2024-02-07: no relations unless an independent Palestinian state is recognized on the 1967 borders")],
    "IDN": [("2025-05", "http://www.ifsp-srilanka.org/survei-median-60-8-publik-tidak-suka-dengan-israel-94282.html",
             "President Prabowo (with Macron, May 2025): relations only if Israel recognizes an independent Palestine")],
}


def load_series():
    data = defaultdict(dict)
    with open(SERIES, newline="") as f:
        for row in csv.DictReader(f):
            if row["indicator"] in ("vdem_polyarchy", "wb_resource_rents_pct_gdp") and row["value"] != "":
                data[(row["iso3"], row["indicator"])][int(row["year"])] = float(row["value"])
    return data


def q(s):
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"') + '"'


def flow(d):
    """A one-line YAML flow mapping with quoted text."""
    parts = []
    for k, v in d.items():
        if isinstance(v, str) and k not in ("month",):
            parts.append(f"{k}: {q(v)}")
        elif isinstance(v, list):
            parts.append(f"{k}: [{', '.join(v)}]")
        else:
            parts.append(f"{k}: {v}")
    return "{" + ", ".join(parts) + "}"


def yearly(pairs):
    return "{" + ", ".join(f"{y}: {v}" for y, v in pairs) + "}"


def main():
    roster = yaml.safe_load(open(ROSTER))
    series = load_series()
    out = []
    w = out.append
    w("# accords-sim state roster, 1993-2025. One rule per attribute, applied identically to every state.")
    w("# Every numeric attribute and priorRelations is a series of dated measurements (a data vintage): at month t the")
    w("# model uses the latest measurement dated at or before t. A year's measurement is dated December of that year")
    w("# (it describes the year; V-Dem dates its estimates 31 December); a survey, the month its fieldwork ended. Before")
    w("# the first measurement the value is an assumption - the `before` value with its reason, or else the first")
    w("# measurement carried back - and every run counts and reports those uses (manifest.json, run summary).")
    w("# Generated by scenarios/data/build_roster.py from the cited 2020-era roster and scenarios/data/state-series.csv;")
    w("# blocs and conditions are as before. All values are in [0,1] except priorRelations.")
    w("#  iranExposure       = min(1, 0.4 shared land border or sea with Iran + 0.4 Iran-backed armed group on its territory")
    w("#                       + 0.2 such a group in a bordering state/territory); the groups are those of a 2024 Reuters list,")
    w("#                       so the value is dated 2024-01; before it, the same value carried back (an assumption).")
    w("#  publicOpposition   = the state's own survey share opposing recognition of Israel (Arab Opinion Index, else a named")
    w("#                       national survey), from the end of its fieldwork; before it, for Arab states the Arab Opinion")
    w("#                       Index regional average of the latest wave (an assumption: the region stands in for the state;")
    w("#                       the waves' spread of +-3 points is not modelled), before 2011 the first wave carried back; for")
    w("#                       non-Arab states without a survey 0.5, the uninformative midpoint (an assumption).")
    w("#  regimeInsulation   = 1 - V-Dem electoral democracy index (v2x_polyarchy) of the year.")
    w("#  diversificationNeed= min(1, World Bank total natural-resource rents % GDP of the year / 40); the series ends in")
    w("#                       2021 (earlier for some states) and its last value holds after.")
    w("#  usAlignment        = min(1, 0.1 + 0.4 US Major Non-NATO Ally from its designation + 0.3 hosts US forces or a base")
    w("#                       with its government's consent + 0.2 C5+1 member from 2015-09). Hosting is measured at 2020-01")
    w("#                       only: values before 2020-01 carry it back and are assumptions; MNNA and C5+1 dates are sourced.")
    w("#  priorRelations     = year relations with Israel were established, while they stand (offices do not count), dated")
    w("#                       by the record in scenarios/history.yaml. Because these dates are the record's join months, a run")
    w("#                       reads only the value of its first month (run.start); inside the run relations change only by the")
    w("#                       model's own joins (docs/ODD.md, Utility). Turkmenistan's ties of 1993-10 therefore count only in")
    w("#                       runs starting after 1993-10: history (from 1993-01) starts it as a candidate without relations.")
    if ASKS_AND_CONDITIONS:
        w("#  conditions         = stated conditions, each {variable, from: YYYY-MM, until (optional), source, rule}, in force from")
        w("#                       its dated statement; no level per state: the model's global model.conditionLevel x* and")
        w("#                       model.conditionCost c make each a monthly utility cost c x max(0, x* - variable), never a gate.")
        w("#  standingAsk        = what Washington could offer: dated entries {from, kind, size 0-1, source, rule}; at month t the")
        w("#                       latest entry dated at or before t applies (none before the first); the value of an offer is")
        w("#                       offer x (us.askShare x size + (1 - us.askShare) x usAlignment). Schema: docs/ODD.md, section 2.")
    w("rules:")
    w("  iranExposure: " + q("min(1, 0.4 if the state shares a land border or a sea (Persian Gulf, Gulf of Oman, Caspian) with Iran + 0.4 if an Iran-backed armed group (Reuters Axis-of-Resistance list, 2024-01-29) operates on its territory + 0.2 if one operates in a bordering state or territory); dated 2024-01, carried back before (an assumption)"))
    w("  publicOpposition: " + q("the state's own survey share opposing recognition from the end of its fieldwork (AOI 2019/20 dated 2020-09, AOI 2022 dated 2022-12, Washington Institute Nov 2020, Median Jun 2025); before it, the Arab Opinion Index regional average of the latest wave (Arab states) or 0.5 (non-Arab states), marked as assumptions"))
    w("  regimeInsulation: " + q("1 - V-Dem v2x_polyarchy of year Y, dated Y-12"))
    w("  diversificationNeed: " + q("min(1, World Bank NY.GDP.TOTL.RT.ZS of year Y / 40), dated Y-12"))
    w("  usAlignment: " + q("min(1, 0.1 + 0.4 if a US Major Non-NATO Ally (from the designation month) + 0.3 if it hosts US forces or a base with its government's consent (measured 2020-01; carried back before, an assumption) + 0.2 if a C5+1 member (from 2015-09))"))
    w("  priorRelations: " + q(PRIOR_RULE))
    w("states:")
    for st in roster["states"]:
        sid = st["id"]
        w(f"  - id: {sid}")
        w(f"    name: {st['name']}")
        b = dict(st["blocs"])
        w("    blocs: " + flow({"value": [str(x) for x in b["value"]], **{k: v for k, v in b.items() if k != "value"}}))
        # priorRelations
        pts = PRIOR.get(sid)
        if pts is None:
            pr = st["priorRelations"]
            src = pr.get("source") or "scenarios/data/state-indicators.csv"
            w("    priorRelations:")
            w(f"      rule: {q(PRIOR_RULE)}")
            w("      series:")
            w("        - " + flow({"month": "1993-01", "value": "none", "source": src}))
        else:
            w("    priorRelations:")
            w(f"      rule: {q(PRIOR_RULE)}")
            w("      series:")
            for m, y, src in pts:
                w("        - " + flow({"month": m, "value": "none" if y is None else y, "source": src}))
        # iranExposure: dated 2024-01 (the proxy list), carried back
        ie = st["iranExposure"]
        w("    iranExposure:")
        w(f"      source: {q(ie.get('source', ''))}")
        w(f"      rule: {q(ie.get('rule', ''))}")
        w("      series:")
        w("        - " + flow({"month": "2024-01", "value": ie["value"]}))
        # publicOpposition
        po = st["publicOpposition"]
        nat = NATIONAL.get(sid, [])
        w("    publicOpposition:")
        first = nat[0][0] if nat else "9999-12"
        lines = []
        if sid in ARAB:
            for d, v, wave in AOI_REGIONAL:
                if d < first:
                    lines.append("        - " + flow({"month": d, "value": v, "assumption": f"{wave} regional average (not measured in this state): {AOI_REGIONAL_SRC}"}))
        for d, v, src, rule in nat:
            lines.append("        - " + flow({"month": d, "value": v, "source": src, "rule": rule}))
        if lines:
            w("      series:")
            out.extend(lines)
        else:
            w("      series: []")
        if sid in ARAB:
            w("      before: " + flow({"value": 0.84, "assumption": "no Arab Opinion Index before 2011: its first regional average (84%) carried back"}))
        else:
            w("      before: " + flow({"value": 0.5, "assumption": "no national survey on recognizing Israel before this date: the uninformative midpoint used for every non-Arab state without one"}))
        # regimeInsulation and diversificationNeed from state-series.csv
        vd = series.get((sid, "vdem_polyarchy"), {})
        pairs = [(y, round(1 - vd[y], 3)) for y in sorted(vd) if y >= 1990]
        w("    regimeInsulation:")
        w(f"      source: {q(VDEM_SRC)}")
        w(f"      rule: {q('1 - v2x_polyarchy of year Y, dated Y-12')}")
        w("      series: " + yearly(pairs))
        wb = series.get((sid, "wb_resource_rents_pct_gdp"), {})
        pairs = [(y, round(min(1.0, wb[y] / 40), 3)) for y in sorted(wb) if y >= 1990]
        w("    diversificationNeed:")
        w(f"      source: {q(WB_SRC)}")
        w(f"      rule: {q('min(1, rents % GDP of year Y / 40), dated Y-12')}")
        w("      series: " + yearly(pairs))
        # usAlignment
        host = sid in HOSTS_2020
        mnna = MNNA.get(sid)
        def val(month):
            v = 0.1 + (0.3 if host else 0)
            if mnna and month >= mnna[0]:
                v += 0.4
            if sid in C5 and month >= C5_DATE[0]:
                v += 0.2
            return round(min(1.0, v), 2)
        host_from = HOST_FROM.get(sid)
        events = sorted({m for m in [mnna[0] if mnna else None, C5_DATE[0] if sid in C5 else None,
                                      host_from[0] if host_from else None, "2020-01"] if m})
        host_txt = "hosts US forces at 2020-01" if host else "hosts no US forces at 2020-01"
        w("    usAlignment:")
        w(f"      rule: {q('0.1 + 0.4 MNNA + 0.3 hosting US forces + 0.2 C5+1')}")
        w("      series:")
        for m in events:
            parts = []
            if mnna and mnna[0] <= m:
                parts.append(f"MNNA designated {mnna[0]}: {mnna[1]}")
            if sid in C5 and C5_DATE[0] <= m:
                parts.append(f"C5+1 from {C5_DATE[0]}: {C5_DATE[1]}")
            measured = m >= "2020-01" or (host_from is not None and host_from[0] <= m)
            if host_from and host_from[0] <= m:
                parts.append(f"hosts US forces from {host_from[0]}: {host_from[1]}")
            else:
                parts.append(f"{host_txt}: {HOST_SRC}")
            if measured:
                w("        - " + flow({"month": m, "value": val(m), "source": " ; ".join(parts)}))
            else:
                w("        - " + flow({"month": m, "value": val(m), "assumption": " ; ".join(parts) + " - hosting measured only at 2020-01, carried back"}))
        w("      before: " + flow({"value": val("1900-01"), "assumption": f"before the first dated component: {host_txt} carried back from 2020-01"}))
        if ASKS_AND_CONDITIONS:
            conds = []
            if sid in ARAB:
                conds.append({"variable": "statehoodPath", "from": "2002-03", "source": API, "rule": COND_RULE_API})
            for d, src, rule in CONDS_EXTRA.get(sid, []):
                conds.append({"variable": "statehoodPath", "from": d, "source": src, "rule": rule})
            w("    conditions:" + ("" if conds else " []"))
            for c in conds:
                w("      - {variable: statehoodPath, from: " + c["from"] + ", source: " + q(c["source"]) + ", rule: " + q(c["rule"]) + "}")
            w("    standingAsk:")
            for d, kind, size, src in ASKS.get(sid, [("1993-01", "none", 0.0, ASK_NONE_SRC)]):
                cite = ("source: " + q(src) + ", rule: " + q(ASK_RULE)) if src.startswith("http") else ("assumption: " + q(src + "; " + ASK_RULE))
                w("      - {from: " + d + ", kind: " + kind + ", size: " + str(size) + ", " + cite + "}")
            continue
        # conditions unchanged
        conds = st.get("conditions") or []
        if not conds:
            w("    conditions: []")
        else:
            w("    conditions:")
            for c in conds:
                w("      - " + flow(c))
    print("\n".join(out))


if __name__ == "__main__":
    main()
