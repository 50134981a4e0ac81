#!/usr/bin/env python3
"""Independent reference computation of churn/retention and historical CLV on CDNOW.

What it computes
----------------
From the CDNOW transaction log (CDNOW_master.txt; Fader/Hardie data set, see
shared/data/cdnow/SOURCE.md) it computes, under the cskpi 90-day inactivity rule
for a non-contractual business:

* for each calendar quarter of 1997 and 1998 (half-open [start, end), UTC):
  S (active at start), C (of S, not active at end), churn rate C/S*100,
  retention (S-C)/S*100, new customers, reactivation events, new-and-churned
  customers and customers active at the end;
* the HISTORICAL customer lifetime value for [1997-01-01, 1998-01-01):
  APV * F * L (average purchase value, purchases per customer per day,
  average lifespan in days of the customers churned at the period end);
* file totals (customers, purchases, revenue), asserted against SOURCE.md.

Rules used (from the product spec)
----------------------------------
* One purchase per data line (several lines on one day are separate purchases);
  a purchase given as a date happens at 00:00 UTC of that date.
* A customer is acquired at its first purchase. It churns exactly N = 90 days
  (90 * 24 h) after a purchase that is not followed by another purchase within
  N days (a purchase exactly at the churn instant counts as "within", so no churn).
  Its next purchase after a churn is a reactivation.
* "Active at instant t" is judged just before t: only events strictly before t
  count; active iff acquired strictly before t and the latest such event is an
  acquisition or a reactivation (not a churn).
* Churns are placed 90 days after a customer's final purchase even when that
  instant lies after the end of the data (1998-06-30); the rule is applied
  literally, with no "as of" cut-off.

Independence
------------
This script was written from the rules above only, without reading the cskpi
service code. It uses the Python 3.11 standard library only (Decimal for money,
datetime for instants). Every quarter figure and the CLV lifespan are computed
twice: (1) from per-customer lists of lifecycle events judged at instants, and
(2) from per-customer activity intervals (a, c]; the script asserts that both agree.

How to run
----------
    python3 server/src/test/independent/cdnow_kpis.py [path/to/CDNOW_master.txt]

Without an argument the file is looked up as $CSKPI_SHARED_DIR/data/cdnow/CDNOW_master.txt
if CSKPI_SHARED_DIR is set, otherwise in the "shared" directory next to the project
directory (/work/shared/... when the project is /work/main). It prints one JSON object.
"""

import json
import os
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 50

N_DAYS = 90
CHURN_DELAY = timedelta(days=N_DAYS)
UTC = timezone.utc

ACQ, CHURN, REACT = "acquisition", "churn", "reactivation"

EXPECTED_CUSTOMERS = 23570
EXPECTED_PURCHASES = 69659
EXPECTED_REVENUE = Decimal("2500315.63")


# ----------------------------------------------------------------------------
# input
# ----------------------------------------------------------------------------

def default_path() -> Path:
    env = os.environ.get("CSKPI_SHARED_DIR")
    if env:
        return Path(env) / "data" / "cdnow" / "CDNOW_master.txt"
    here = Path(__file__).resolve().parent  # <project>/server/src/test/independent
    project = here.parents[3]               # <project>
    candidates = [
        project.parent / "shared" / "data" / "cdnow" / "CDNOW_master.txt",  # /work/shared
        project / "shared" / "data" / "cdnow" / "CDNOW_master.txt",         # <project>/shared
    ]
    for c in candidates:
        if c.exists():
            return c
    return candidates[0]


def utc_day(yyyymmdd: str) -> datetime:
    d = datetime.strptime(yyyymmdd, "%Y%m%d")
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def read_purchases(path: Path):
    """Return list of (line_no, customer_id, instant, cds, Decimal dollars)."""
    rows = []
    with open(path, "r", encoding="ascii", newline="") as f:
        header = f.readline().split()
        assert header == ["customer_id", "date", "number_of_cds", "dollar_value"], header
        for line_no, line in enumerate(f, start=1):
            parts = line.split()
            if not parts:
                continue
            assert len(parts) == 4, (line_no, line)
            cid, date, cds, dollars = parts
            assert len(cid) == 5 and cid.isdigit(), cid
            rows.append((line_no, cid, utc_day(date), int(cds), Decimal(dollars)))
    return rows


# ----------------------------------------------------------------------------
# method 1: lifecycle event lists, evaluated at instants
# ----------------------------------------------------------------------------

def build_events(purchase_instants):
    """purchase_instants: sorted list (may contain duplicates).
    Returns sorted list of (instant, kind)."""
    events = []
    n = len(purchase_instants)
    for i, p in enumerate(purchase_instants):
        if i == 0:
            events.append((p, ACQ))
        else:
            prev = purchase_instants[i - 1]
            # did prev's churn happen before p? churn instant = prev + 90d, and
            # it only happens if no purchase in (prev, prev+90d].
            if p > prev + CHURN_DELAY:
                events.append((p, REACT))
        # this purchase churns if the next purchase is not within 90 days
        if i == n - 1 or purchase_instants[i + 1] > p + CHURN_DELAY:
            events.append((p + CHURN_DELAY, CHURN))
    events.sort(key=lambda e: e[0])
    return events


def active_just_before(events, t):
    last = None
    acquired = False
    for inst, kind in events:
        if inst >= t:
            break
        if kind == ACQ:
            acquired = True
        last = kind
    return acquired and last in (ACQ, REACT)


def quarter_stats_events(cust_events, start, end):
    S = C = new = react = new_churned = active_end = 0
    for events in cust_events.values():
        a_start = active_just_before(events, start)
        a_end = active_just_before(events, end)
        if a_start:
            S += 1
            if not a_end:
                C += 1
        if a_end:
            active_end += 1
        acq_inst = events[0][0]
        assert events[0][1] == ACQ
        if start <= acq_inst < end:
            new += 1
            if not a_end:
                new_churned += 1
        react += sum(1 for inst, kind in events if kind == REACT and start <= inst < end)
    return dict(S=S, C=C, new=new, reactivations=react,
                new_and_churned=new_churned, active_at_end=active_end)


def lifespans_events(cust_events, end):
    """Lifespans (timedelta) of customers acquired before `end` and not active just
    before `end`: latest churn before end minus acquisition."""
    out = []
    for events in cust_events.values():
        if not events[0][0] < end:
            continue
        if active_just_before(events, end):
            continue
        churns = [inst for inst, kind in events if kind == CHURN and inst < end]
        assert churns
        out.append(max(churns) - events[0][0])
    return out


# ----------------------------------------------------------------------------
# method 2: activity intervals (a, c] built from runs of purchases
# ----------------------------------------------------------------------------

def build_intervals(purchase_days):
    """Split the distinct purchase instants into runs where consecutive gaps are
    <= 90 days; each run [first .. last] gives an activity interval (first, last+90d]:
    the customer is active just before t iff first < t <= last + 90d."""
    days = sorted(set(purchase_days))
    runs = [[days[0], days[0]]]
    for d in days[1:]:
        if (d - runs[-1][1]).days <= N_DAYS:
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return [(first, last + CHURN_DELAY) for first, last in runs]


def covered(intervals, t):
    return any(a < t <= c for a, c in intervals)


def quarter_stats_intervals(cust_intervals, start, end):
    S = C = new = react = new_churned = active_end = 0
    for ivs in cust_intervals.values():
        s, e = covered(ivs, start), covered(ivs, end)
        S += s
        C += s and not e
        active_end += e
        if start <= ivs[0][0] < end:
            new += 1
            new_churned += not e
        react += sum(1 for a, _ in ivs[1:] if start <= a < end)
    return dict(S=S, C=C, new=new, reactivations=react,
                new_and_churned=new_churned, active_at_end=active_end)


def lifespans_intervals(cust_intervals, end):
    out = []
    for ivs in cust_intervals.values():
        if ivs[0][0] >= end or covered(ivs, end):
            continue
        last_end = max(c for _, c in ivs if c < end)
        out.append(last_end - ivs[0][0])
    return out


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------

def quarters():
    for year in (1997, 1998):
        for q in range(4):
            m = 3 * q + 1
            start = datetime(year, m, 1, tzinfo=UTC)
            end = datetime(year + (m + 3 > 12), (m + 3 - 1) % 12 + 1, 1, tzinfo=UTC)
            yield f"{year}-Q{q + 1}", start, end


def td_days(td: timedelta) -> Fraction:
    return Fraction(td.days * 86400 + td.seconds, 86400) + Fraction(td.microseconds, 86400 * 10**6)


def dec(fr: Fraction) -> Decimal:
    return Decimal(fr.numerator) / Decimal(fr.denominator)


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else default_path()
    rows = read_purchases(path)

    # totals (asserted against SOURCE.md)
    total_customers = len({r[1] for r in rows})
    total_purchases = len(rows)
    total_revenue = sum((r[4] for r in rows), Decimal("0"))
    assert total_customers == EXPECTED_CUSTOMERS, total_customers
    assert total_purchases == EXPECTED_PURCHASES, total_purchases
    assert total_revenue == EXPECTED_REVENUE, total_revenue
    assert sum(r[3] for r in rows) == 167881

    by_cust = defaultdict(list)
    for _, cid, inst, _, _ in rows:
        by_cust[cid].append(inst)
    for v in by_cust.values():
        v.sort()

    cust_events = {cid: build_events(v) for cid, v in by_cust.items()}
    cust_intervals = {cid: build_intervals(v) for cid, v in by_cust.items()}

    # SOURCE.md: all customers made their first purchase in Q1 1997
    assert all(datetime(1997, 1, 1, tzinfo=UTC) <= v[0] < datetime(1997, 4, 1, tzinfo=UTC)
               for v in by_cust.values())

    out_quarters = []
    for label, start, end in quarters():
        st = quarter_stats_events(cust_events, start, end)
        st2 = quarter_stats_intervals(cust_intervals, start, end)
        assert st == st2, (label, st, st2)
        S, C = st["S"], st["C"]
        out_quarters.append({
            "label": label,
            "start": start.date().isoformat(),
            "end": end.date().isoformat(),
            "S": S,
            "C": C,
            "rate": (C / S * 100) if S else None,
            "retention": ((S - C) / S * 100) if S else None,
            "new": st["new"],
            "reactivations": st["reactivations"],
            "new_and_churned": st["new_and_churned"],
            "active_at_end": st["active_at_end"],
        })

    # ---- historical CLV 1997 ----
    p_start = datetime(1997, 1, 1, tzinfo=UTC)
    p_end = datetime(1998, 1, 1, tzinfo=UTC)
    in_p = [r for r in rows if p_start <= r[2] < p_end]
    revenue = sum((r[4] for r in in_p), Decimal("0"))
    purchases = len(in_p)
    customers = len({r[1] for r in in_p})
    days = (p_end - p_start).days
    assert days == 365

    spans = lifespans_events(cust_events, p_end)
    spans2 = lifespans_intervals(cust_intervals, p_end)
    assert sorted(spans) == sorted(spans2)
    churned = len(spans)

    # churn rate of the whole period (only used for the fallback)
    st_year = quarter_stats_events(cust_events, p_start, p_end)
    if churned:
        L = sum((td_days(s) for s in spans), Fraction(0)) / churned
        lifespan_method = "mean_of_churned"
    else:
        rate = Fraction(st_year["C"], st_year["S"]) if st_year["S"] else None
        L = Fraction(days) / rate if rate else None
        lifespan_method = "days_over_churn_rate"

    apv = Fraction(revenue) / purchases
    freq = Fraction(purchases, customers * days)
    clv = apv * freq * L if L is not None else None

    # Decimal computation (money in Decimal) for comparison with the exact Fraction
    apv_d = revenue / Decimal(purchases)
    freq_d = Decimal(purchases) / Decimal(customers) / Decimal(days)
    L_d = dec(L) if L is not None else None
    clv_d = apv_d * freq_d * L_d if L_d is not None else None
    if clv is not None:
        assert abs(dec(clv) - clv_d) < Decimal("1e-40")

    clv_1997 = {
        "start": p_start.date().isoformat(),
        "end": p_end.date().isoformat(),
        "revenue": str(revenue),
        "purchases": purchases,
        "customers": customers,
        "days": days,
        "apv": str(dec(apv)),
        "frequency_per_day": str(dec(freq)),
        "lifespan_days": str(L_d) if L_d is not None else None,
        "lifespan_method": lifespan_method,
        "churned_customers": churned,
        "period_S": st_year["S"],
        "period_C": st_year["C"],
        "clv": str(dec(clv)) if clv is not None else None,
        "clv_rounded": str(dec(clv).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        if clv is not None else None,
        "clv_exact_fraction": f"{clv.numerator}/{clv.denominator}" if clv is not None else None,
    }

    result = {
        "rules": {"inactivity_days": N_DAYS, "timezone": "UTC",
                  "cross_checked": "event-list and interval methods agree on all quarters and CLV lifespans"},
        "quarters": out_quarters,
        "clv_1997": clv_1997,
        "totals": {"customers": total_customers, "purchases": total_purchases,
                   "revenue": str(total_revenue)},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main(sys.argv)
