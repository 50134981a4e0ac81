#!/usr/bin/env python3
"""Independent reference computation of churn, CLV and CSAT on three shared data sets.

What it computes
----------------
From the shared data directory (see each data set's SOURCE.md) it computes the
cskpi KPIs below and prints ONE JSON object
{"telco": {...}, "online_retail": {...}, "clothing_reviews": {...}}.
Money is printed as strings (exact; a non-terminating quotient is printed with
50 significant digits) plus "..._rounded" (half-up to cents) where useful; rates
are unrounded floats on a 0-100 scale.

1. TELCO (telco-churn/WA_Fn-UseC_-Telco-Customer-Churn.csv), contractual, zone UTC:
   * one customer per row (customerID); attributes contract = Contract,
     internet_service = InternetService, payment_method = PaymentMethod;
   * acquisition = 2020-01-01T00:00Z minus `tenure` calendar months (tenure 0 is
     acquired at 2020-01-01T00:00Z itself);
   * one purchase of exactly MonthlyCharges (USD) at 00:00Z on the 1st of every
     month from the acquisition month through 2019-12-01 (tenure purchases);
   * Churn = "Yes" -> churn event at 2019-12-31T00:00Z; no reactivations.
   Computed: churn of December 2019 (overall and per contract: S, C, rate, new,
   new_and_churned, active_at_end); CLV ARPA_CHURN for 2019 (12 months) and Q4
   2019 (3 months), overall and per contract; counts of customers and purchases
   and the purchase total.

2. ONLINE RETAIL (online-retail/online_retail.csv.gz, full file), zone
   Europe/London, GBP, 90-day inactivity churn:
   * InvoiceDate is London local time, converted to UTC instants;
   * lines with an empty CustomerID are rejected ("no customer", counted in lines);
   * a purchase is an invoice: amount = exact sum of Quantity*UnitPrice over its
     lines, customer = its CustomerID (asserted unique per invoice), time = its
     InvoiceDate (the earliest if its lines disagree; such invoices are counted);
   * "C..." invoices are cancellations = refunds; a non-C invoice with amount <= 0
     is rejected ("non-positive invoice"); a cancellation with amount >= 0 is
     rejected ("non-negative cancellation");
   * each refund is matched, in (InvoiceDate, InvoiceNo) order, to the same
     customer's non-C invoice with InvoiceDate <= the cancellation's whose
     remaining amount (amount minus refunds already matched to it) >= |refund|,
     the latest such InvoiceDate, ties -> greatest InvoiceNo (string order); none
     -> rejected ("refund without an order to refund");
   * customer country = Country of the customer's first line in file order;
     acquisition = first accepted non-refund purchase;
   * churn exactly 90*24 h after a purchase not followed by another purchase within
     90 days (a purchase exactly at that instant counts as within); the next
     purchase is a reactivation; refunds are not activity. Churns are placed
     literally, even after the end of the data (no "as of" cut-off).
   Computed: accepted/rejected counts; churn per London-local quarter of 2011
   (S, C, rate, new, reactivations, new_and_churned, active_at_end); CLV
   HISTORICAL for London-local 2011, overall and per country (a country segment
   keeps only that country's customers for purchases, churn and lifespans).

3. CLOTHING REVIEWS (womens-clothing-reviews/womens_clothing_ecommerce_reviews.csv),
   CSAT on a 1-5 scale, satisfied = 4 or 5: CSAT = satisfied/answered*100 overall
   and per Department Name (empty -> "unknown"), answered, satisfied, mean rating,
   and the 95 % Wilson score interval (z = 1.96) of the overall rate.

Rules used (from the product spec)
----------------------------------
* A period is half-open [start, end). "Active just before t": only events
  strictly before t count; active iff acquired strictly before t and the latest
  such event is an acquisition or reactivation (not a churn).
* Churn of a period: S = active just before start, C = members of S not active
  just before end, rate = C/S*100 (null when S = 0). new = acquired in the
  period; new_and_churned = acquired in the period and not active just before
  the end; reactivations = reactivation events in the period.
* activeDuring(period) = active just before start, or acquired in it, or
  reactivated in it.
* CLV HISTORICAL: revenue = all purchase amounts in the period incl. refunds;
  purchases = non-refund purchases; customers = distinct customers with a
  non-refund purchase; days = period length; L = mean over customers acquired
  before the end and not active just before it of (their latest churn before the
  end - acquisition) in days, or days/(C/S) of the period when there are none;
  CLV = revenue*L/(customers*days) (= APV*F*L).
* CLV ARPA_CHURN over whole months m: ARPA = sum revenue_m / sum
  |activeDuring(m)|; monthly churn = sum C_m / sum S_m; CLV = ARPA / monthly churn.

Independence and cross-checks
-----------------------------
This script was written from the rules above and the SOURCE.md files only,
without reading the cskpi service code. Python 3.11 standard library only
(Decimal/Fraction for money, datetime + zoneinfo for instants). Main figures are
computed twice and asserted equal:
* churn statistics from per-customer lifecycle event lists judged at instants,
  and from per-customer activity intervals (a, c] (active just before t iff
  a < t <= c);
* Telco additionally from closed-form counts over tenure (no events at all);
* revenue by filtering purchases per period and by pre-bucketed calendar months;
* refund matching by one global pass and by a per-customer pass;
* CLV as revenue*L/(customers*days) and as APV*F*L;
* CSAT from per-row counting and from the rating histogram.
File facts are asserted against the check values in each SOURCE.md.

How to run
----------
    python3 server/src/test/independent/datasets_kpis.py /work/shared/data

The argument is the shared data directory holding telco-churn/, online-retail/
and womens-clothing-reviews/. Without an argument, $CSKPI_SHARED_DIR/data is used
if set, otherwise the "shared/data" directory next to the project directory.
It prints one JSON object on stdout (runtime well under a minute).
"""

import csv
import gzip
import json
import math
import os
import sys
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from decimal import Decimal, ROUND_HALF_UP, getcontext
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

getcontext().prec = 50
UTC = timezone.utc
LONDON = ZoneInfo("Europe/London")
ACTIVE_KINDS = ("acq", "react")


# --------------------------------------------------------------------------
# number formatting
# --------------------------------------------------------------------------

def frac_str(x):
    """Exact decimal string of a Fraction (50 significant digits if non-terminating)."""
    if x is None:
        return None
    x = Fraction(x)
    d = Decimal(x.numerator) / Decimal(x.denominator)
    if Fraction(d) != x:
        return str(d)  # non-terminating: 50 significant digits
    s = format(d, "f")
    return s


def round_cents(x):
    """Half-up (away from zero on .5) rounding of an exact Fraction to cents."""
    if x is None:
        return None
    x = Fraction(x)
    sign = -1 if x < 0 else 1
    cents = math.floor(abs(x) * 100 + Fraction(1, 2)) * sign
    return str(Decimal(cents).scaleb(-2).quantize(Decimal("0.01")))


def round_cents_decimal(x):
    """Same rounding done with Decimal, as a cross-check of round_cents."""
    x = Fraction(x)
    d = Decimal(x.numerator) / Decimal(x.denominator)
    return str(d.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def money(x):
    r1 = round_cents(x)
    if x is not None:
        # the 50-digit Decimal is accurate enough unless a tie is at digit 50
        assert r1 == round_cents_decimal(x), (x, r1)
    return frac_str(x), r1


def rate(c, s):
    return (c / s * 100) if s else None


# --------------------------------------------------------------------------
# generic lifecycle engine, two independent representations
# --------------------------------------------------------------------------
# A customer is a dict with:
#   "events":    sorted list of (instant, kind) with kind in acq/churn/react
#   "intervals": list of (a, c): acquired/reactivated at a, churned at c (None = never)
#   "purchases": list of (instant, amount Fraction, is_refund)


def make_customer(activity_runs, purchases, attrs=None):
    """activity_runs: sorted list of (a, c) with c None or c > a."""
    events = []
    for i, (a, c) in enumerate(activity_runs):
        events.append((a, "acq" if i == 0 else "react"))
        if c is not None:
            assert c > a
            events.append((c, "churn"))
    events.sort()
    for (t1, _), (t2, _) in zip(events, events[1:]):
        assert t1 < t2  # no two lifecycle events of one customer at the same instant
    return {"events": events, "intervals": list(activity_runs),
            "purchases": purchases, "attrs": attrs or {}}


# ---- representation 1: event lists -------------------------------------

def ev_active(cust, t):
    latest = None
    for ti, kind in cust["events"]:
        if ti < t:
            latest = kind
        else:
            break
    return latest in ACTIVE_KINDS


def ev_stats(customers, start, end):
    S = C = new = react = nac = aend = during = 0
    for cust in customers:
        a_s = ev_active(cust, start)
        a_e = ev_active(cust, end)
        kinds_in = [k for t, k in cust["events"] if start <= t < end]
        is_new = "acq" in kinds_in
        if a_s:
            S += 1
            if not a_e:
                C += 1
        if is_new:
            new += 1
            if not a_e:
                nac += 1
        react += kinds_in.count("react")
        if a_e:
            aend += 1
        if a_s or is_new or "react" in kinds_in:
            during += 1
    return {"S": S, "C": C, "new": new, "reactivations": react,
            "new_and_churned": nac, "active_at_end": aend, "active_during": during}


def ev_lifespans(customers, end):
    """Seconds from acquisition to latest churn strictly before end, for customers
    acquired before end and not active just before end."""
    out = []
    for cust in customers:
        before = [(t, k) for t, k in cust["events"] if t < end]
        if not before or before[-1][1] != "churn":
            continue
        acq = before[0][0]
        assert before[0][1] == "acq"
        out.append(int((before[-1][0] - acq).total_seconds()))
    return out


# ---- representation 2: activity intervals (a, c] -----------------------

def iv_active(cust, t):
    return any(a < t and (c is None or t <= c) for a, c in cust["intervals"])


def iv_stats(customers, start, end):
    res = Counter()
    for cust in customers:
        ivs = cust["intervals"]
        a_s, a_e = iv_active(cust, start), iv_active(cust, end)
        first_a = ivs[0][0]
        is_new = start <= first_a < end
        n_react = sum(1 for a, _ in ivs[1:] if start <= a < end)
        res["S"] += a_s
        res["C"] += a_s and not a_e
        res["new"] += is_new
        res["new_and_churned"] += is_new and not a_e
        res["reactivations"] += n_react
        res["active_at_end"] += a_e
        res["active_during"] += a_s or is_new or n_react > 0
    keys = ["S", "C", "new", "reactivations", "new_and_churned", "active_at_end",
            "active_during"]
    return {k: int(res[k]) for k in keys}


def iv_lifespans(customers, end):
    out = []
    for cust in customers:
        ivs = cust["intervals"]
        if not ivs[0][0] < end or iv_active(cust, end):
            continue
        last_churn = max(c for _a, c in ivs if c is not None and c < end)
        out.append(int((last_churn - ivs[0][0]).total_seconds()))
    return out


def stats(customers, start, end):
    s1 = ev_stats(customers, start, end)
    s2 = iv_stats(customers, start, end)
    assert s1 == s2, (start, end, s1, s2)
    return s1


def lifespans(customers, end):
    l1 = ev_lifespans(customers, end)
    l2 = iv_lifespans(customers, end)
    assert sorted(l1) == sorted(l2)
    return l1


def churn_block(st):
    return {"S": st["S"], "C": st["C"], "rate": rate(st["C"], st["S"]),
            "new": st["new"], "reactivations": st["reactivations"],
            "new_and_churned": st["new_and_churned"],
            "active_at_end": st["active_at_end"]}


# ---- revenue helpers ---------------------------------------------------------

def period_purchases(customers, start, end):
    revenue = Fraction(0)
    n = 0
    buyers = set()
    for idx, cust in enumerate(customers):
        for t, amount, is_refund in cust["purchases"]:
            if start <= t < end:
                revenue += amount
                if not is_refund:
                    n += 1
                    buyers.add(idx)
    return revenue, n, len(buyers)


def month_buckets(customers, zone):
    """Second structure: revenue and non-refund counts bucketed by local (year, month)."""
    rev = defaultdict(Fraction)
    cnt = Counter()
    for cust in customers:
        for t, amount, is_refund in cust["purchases"]:
            loc = t.astimezone(zone)
            key = (loc.year, loc.month)
            rev[key] += amount
            cnt[key] += 0 if is_refund else 1
    return rev, cnt


def month_start(y, m, zone):
    y, m = y + (m - 1) // 12, (m - 1) % 12 + 1
    return datetime(y, m, 1, tzinfo=zone).astimezone(UTC)


# ---- CLV -----------------------------------------------------------------------

def clv_historical(customers, start, end):
    revenue, n, buyers = period_purchases(customers, start, end)
    days = Fraction(int((end - start).total_seconds()), 86400)
    spans = lifespans(customers, end)
    st = stats(customers, start, end)
    L = None
    source = None
    if spans:
        L = Fraction(sum(spans), 86400 * len(spans))
        source = "churned_customers"
    elif st["S"] and st["C"]:
        L = days / Fraction(st["C"], st["S"])
        source = "fallback_days_over_churn"
    clv = None
    if n and L is not None:
        clv = revenue * L / (buyers * days)
        apv = revenue / n
        freq = Fraction(n, buyers) / days
        assert apv * freq * L == clv
    c_exact, c_round = money(clv)
    return {
        "revenue": frac_str(revenue),
        "purchases": n,
        "customers": buyers,
        "days": float(days),
        "apv": frac_str(revenue / n) if n else None,
        "lifespan_days": float(L) if L is not None else None,
        "lifespan_days_exact": frac_str(L) if L is not None else None,
        "lifespan_source": source,
        "churned_customers": len(spans),
        "period_S": st["S"], "period_C": st["C"],
        "clv": c_exact, "clv_rounded": c_round,
    }, (revenue, n, buyers, L, clv)


def clv_arpa_churn(customers, months, zone, buckets=None):
    """months: list of (y, m). Returns the block and exact values."""
    sum_rev = Fraction(0)
    sum_act = sum_S = sum_C = 0
    per_month = []
    for y, m in months:
        start, end = month_start(y, m, zone), month_start(y, m + 1, zone)
        rev, _n, _b = period_purchases(customers, start, end)
        if buckets is not None:
            assert buckets[0].get((y, m), Fraction(0)) == rev
        st = stats(customers, start, end)
        sum_rev += rev
        sum_act += st["active_during"]
        sum_S += st["S"]
        sum_C += st["C"]
        per_month.append({"month": "%04d-%02d" % (y, m), "revenue": frac_str(rev),
                          "active": st["active_during"], "S": st["S"], "C": st["C"]})
    arpa = sum_rev / sum_act if sum_act else None
    churn = Fraction(sum_C, sum_S) if sum_S else None
    clv = arpa / churn if (arpa is not None and churn) else None
    c_exact, c_round = money(clv)
    a_exact, a_round = money(arpa)
    return {
        "revenue": frac_str(sum_rev), "active_sum": sum_act, "S_sum": sum_S, "C_sum": sum_C,
        "arpa": a_exact, "arpa_rounded": a_round,
        "monthly_churn_pct": float(churn * 100) if churn is not None else None,
        "clv": c_exact, "clv_rounded": c_round,
        "months": per_month,
    }, (sum_rev, sum_act, sum_S, sum_C, clv)


# --------------------------------------------------------------------------
# 1. TELCO
# --------------------------------------------------------------------------

def telco(data_dir):
    path = data_dir / "telco-churn" / "WA_Fn-UseC_-Telco-Customer-Churn.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    ref = datetime(2020, 1, 1, tzinfo=UTC)
    churn_at = datetime(2019, 12, 31, tzinfo=UTC)

    # --- SOURCE.md checks
    assert len(rows) == 7043
    assert Counter(r["Churn"] for r in rows) == {"Yes": 1869, "No": 5174}
    assert Counter(r["Contract"] for r in rows) == {
        "Month-to-month": 3875, "One year": 1473, "Two year": 1695}
    tenures = [int(r["tenure"]) for r in rows]
    assert min(tenures) == 0 and max(tenures) == 72
    mean_mc = sum(Decimal(r["MonthlyCharges"]) for r in rows) / len(rows)
    assert round(mean_mc, 4) == Decimal("64.7617"), mean_mc
    blank_tc = [r for r in rows if r["TotalCharges"].strip() == ""]
    assert len(blank_tc) == 11 and all(r["tenure"] == "0" for r in blank_tc)
    assert sum(1 for t in tenures if t == 0) == 11
    assert len({r["customerID"] for r in rows}) == 7043

    customers = []
    for r in rows:
        k = int(r["tenure"])
        total = 2020 * 12 - k  # months since year 0, Jan 2020 = 2020*12
        acq = datetime(total // 12, total % 12 + 1, 1, tzinfo=UTC)
        mc = Fraction(Decimal(r["MonthlyCharges"]))
        purchases = []
        for i in range(k):
            tot = total + i
            purchases.append((datetime(tot // 12, tot % 12 + 1, 1, tzinfo=UTC), mc, False))
        assert k == 0 or purchases[-1][0] == datetime(2019, 12, 1, tzinfo=UTC)
        churned = r["Churn"] == "Yes"
        if churned:
            assert churn_at > acq, r["customerID"]  # no churn before acquisition
        cust = make_customer([(acq, churn_at if churned else None)], purchases,
                             {"contract": r["Contract"],
                              "internet_service": r["InternetService"],
                              "payment_method": r["PaymentMethod"]})
        cust["tenure"], cust["mc"], cust["churned"] = k, mc, churned
        customers.append(cust)

    contracts = sorted({c["attrs"]["contract"] for c in customers})
    segments = [("all", customers)] + [
        (ct, [c for c in customers if c["attrs"]["contract"] == ct]) for ct in contracts]

    dec_start, dec_end = datetime(2019, 12, 1, tzinfo=UTC), ref
    year_months = [(2019, m) for m in range(1, 13)]
    q4_months = [(2019, m) for m in (10, 11, 12)]

    december = {}
    clv_2019 = {}
    clv_q4 = {}
    for name, seg in segments:
        st = stats(seg, dec_start, dec_end)
        # closed form from tenures (second, event-free computation)
        cf = {
            "S": sum(1 for c in seg if c["tenure"] >= 2),
            "C": sum(1 for c in seg if c["tenure"] >= 2 and c["churned"]),
            "new": sum(1 for c in seg if c["tenure"] == 1),
            "reactivations": 0,
            "new_and_churned": sum(1 for c in seg if c["tenure"] == 1 and c["churned"]),
            "active_at_end": sum(1 for c in seg if c["tenure"] >= 1 and not c["churned"]),
            "active_during": sum(1 for c in seg if c["tenure"] >= 1),
        }
        assert st == cf, (name, st, cf)
        december[name] = churn_block(st)

        buckets = month_buckets(seg, UTC)
        for label, months, target in (("2019", year_months, clv_2019),
                                      ("Q4", q4_months, clv_q4)):
            block, (rev, act, S, C, clv) = clv_arpa_churn(seg, months, UTC, buckets)
            # closed form: offset o = months before Jan 2020 of the month start
            rev2 = Fraction(0)
            act2 = S2 = C2 = 0
            for _y, m in months:
                o = 13 - m
                rev2 += sum((c["mc"] for c in seg if c["tenure"] >= o), Fraction(0))
                act2 += sum(1 for c in seg if c["tenure"] >= o)
                S2 += sum(1 for c in seg if c["tenure"] > o)
                C2 += sum(1 for c in seg if c["tenure"] > o and c["churned"]) if o == 1 else 0
            assert (rev, act, S, C) == (rev2, act2, S2, C2), (name, label)
            clv2 = (rev2 / act2) / Fraction(C2, S2) if C2 else None
            assert clv == clv2
            target[name] = block

    n_purch = sum(len(c["purchases"]) for c in customers)
    total = sum((a for c in customers for _t, a, _r in c["purchases"]), Fraction(0))
    assert n_purch == sum(tenures)
    assert total == sum((Fraction(Decimal(r["MonthlyCharges"])) * int(r["tenure"])
                         for r in rows), Fraction(0))
    return {
        "customers": len(customers),
        "purchases": n_purch,
        "purchases_total": frac_str(total),
        "churn_yes": 1869,
        "december_2019_churn": december,
        "clv_arpa_churn_2019": clv_2019,
        "clv_arpa_churn_q4_2019": clv_q4,
    }


# --------------------------------------------------------------------------
# 2. ONLINE RETAIL
# --------------------------------------------------------------------------

def london_to_utc(s, quirks):
    naive = datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
    loc = naive.replace(tzinfo=LONDON)
    utc = loc.astimezone(UTC)
    # detect a nonexistent (spring-forward gap) or ambiguous (fall-back) local time
    if utc.astimezone(LONDON).replace(tzinfo=None) != naive:
        quirks["nonexistent_local_times"] += 1
    elif naive.replace(tzinfo=LONDON, fold=1).astimezone(UTC) != utc:
        quirks["ambiguous_local_times"] += 1
    return utc


def match_refunds_global(orders_by_cust, cancels):
    """Pass 1: all cancellations in (time, InvoiceNo) order, linear scan for the best order."""
    remaining = {}
    result = {}
    for cno, cust, ct, amount in sorted(cancels, key=lambda x: (x[2], x[0])):
        need = -amount
        best = None
        for ono, ot, oamount in orders_by_cust.get(cust, []):
            rem = remaining.get(ono, oamount)
            if ot <= ct and rem >= need:
                if best is None or (ot, ono) > (best[1], best[0]):
                    best = (ono, ot)
        if best is None:
            result[cno] = None
        else:
            amount_of = {o[0]: o[2] for o in orders_by_cust[cust]}
            remaining[best[0]] = remaining.get(best[0], amount_of[best[0]]) - need
            result[cno] = best[0]
    return result


def match_refunds_per_customer(orders_by_cust, cancels):
    """Pass 2: per customer, orders sorted newest first; first qualifying order wins."""
    result = {}
    by_cust = defaultdict(list)
    for c in cancels:
        by_cust[c[1]].append(c)
    for cust, cl in by_cust.items():
        orders = sorted(orders_by_cust.get(cust, []), key=lambda o: (o[1], o[0]), reverse=True)
        rem = [o[2] for o in orders]
        for cno, _cust, ct, amount in sorted(cl, key=lambda x: (x[2], x[0])):
            hit = None
            for i, (ono, ot, _oa) in enumerate(orders):
                if ot <= ct and rem[i] >= -amount:
                    hit = i
                    break
            if hit is None:
                result[cno] = None
            else:
                rem[hit] += amount
                result[cno] = orders[hit][0]
    return result


def online_retail(data_dir):
    path = data_dir / "online-retail" / "online_retail.csv.gz"
    quirks = Counter()
    n_rows = 0
    total_all = Decimal(0)
    no_customer_lines = 0
    first_country = {}
    countries_seen = defaultdict(set)
    inv = {}  # InvoiceNo -> dict
    inv_with_empty_and_nonempty = set()
    inv_empty_cust = set()
    time_cache = {}
    # line-level "usual clean filter" (SOURCE.md) for checks
    clean_rows = 0
    clean_rev = Decimal(0)
    clean_cust = set()
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        assert header == ["InvoiceNo", "StockCode", "Description", "Quantity",
                          "InvoiceDate", "UnitPrice", "CustomerID", "Country"]
        for invno, _sc, _desc, qty, date, price, cid, country in rd:
            n_rows += 1
            line_amount = int(qty) * Decimal(price)
            total_all += line_amount
            if cid == "":
                no_customer_lines += 1
                inv_empty_cust.add(invno)
                continue
            if not invno.startswith("C") and int(qty) > 0 and Decimal(price) > 0:
                clean_rows += 1
                clean_rev += line_amount
                clean_cust.add(cid)
            if cid not in first_country:
                first_country[cid] = country
            countries_seen[cid].add(country)
            t = time_cache.get(date)
            if t is None:
                t = time_cache[date] = london_to_utc(date, quirks)
            rec = inv.get(invno)
            if rec is None:
                rec = inv[invno] = {"cust": cid, "times": set(), "amount": Decimal(0),
                                    "lines": 0, "country": country}
            assert rec["cust"] == cid, ("invoice with several customers", invno)
            rec["times"].add(t)
            rec["amount"] += line_amount
            rec["lines"] += 1
    inv_with_empty_and_nonempty = inv_empty_cust & set(inv)

    # --- SOURCE.md checks
    assert n_rows == 541909
    assert no_customer_lines == 135080
    # SOURCE.md prints the totals to cents; the exact sums have a third decimal
    assert total_all.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("9747747.93"), total_all
    assert clean_rows == 397884 and len(clean_cust) == 4338
    assert clean_rev.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal("8911407.90"), clean_rev
    assert len(first_country) == 4372

    several_times = sum(1 for r in inv.values() if len(r["times"]) > 1)
    for r in inv.values():
        r["time"] = min(r["times"])

    rejected = Counter()
    orders = {}      # accepted non-refund invoices
    cancels = []     # candidate refunds (cno, cust, time, amount)
    for no, r in inv.items():
        if no.startswith("C"):
            if r["amount"] >= 0:
                rejected["non-negative cancellation"] += 1
            else:
                cancels.append((no, r["cust"], r["time"], r["amount"]))
        else:
            if r["amount"] <= 0:
                rejected["non-positive invoice"] += 1
            else:
                orders[no] = r
    orders_by_cust = defaultdict(list)
    for no, r in orders.items():
        orders_by_cust[r["cust"]].append((no, r["time"], r["amount"]))

    m1 = match_refunds_global(orders_by_cust, cancels)
    m2 = match_refunds_per_customer(orders_by_cust, cancels)
    assert m1 == m2
    refunds = [c for c in cancels if m1[c[0]] is not None]
    rejected["refund without an order to refund"] = sum(1 for v in m1.values() if v is None)
    # no order is over-refunded
    refunded = defaultdict(Decimal)
    for cno, _c, _t, amount in refunds:
        refunded[m1[cno]] += -amount
    assert all(refunded[o] <= orders[o]["amount"] for o in refunded)

    # accepted non-refund revenue vs the line-level clean revenue of SOURCE.md
    accepted_order_revenue = sum((r["amount"] for r in orders.values()), Decimal(0))
    # non-C invoices only hold lines with Quantity > 0 (price-0 lines add 0), so the
    # accepted orders carry exactly the "clean" line revenue of SOURCE.md
    assert accepted_order_revenue == clean_rev, (accepted_order_revenue, clean_rev)

    # --- customers and lifecycle
    ninety = timedelta(days=90)
    purchases_by_cust = defaultdict(list)
    for no, r in orders.items():
        purchases_by_cust[r["cust"]].append((r["time"], Fraction(r["amount"]), False))
    for cno, cust, t, amount in refunds:
        assert cust in purchases_by_cust
        purchases_by_cust[cust].append((t, Fraction(amount), True))

    customers = []
    for cid in sorted(purchases_by_cust):
        plist = sorted(purchases_by_cust[cid], key=lambda p: p[0])
        times = sorted({t for t, _a, refund in plist if not refund})
        runs = []
        run_start = times[0]
        for prev, nxt in zip(times, times[1:]):
            if nxt - prev > ninety:      # no purchase within 90 days (inclusive)
                runs.append((run_start, prev + ninety))
                run_start = nxt
        runs.append((run_start, times[-1] + ninety))
        cust = make_customer(runs, plist, {"country": first_country[cid]})
        cust["id"] = cid
        customers.append(cust)
    assert {c["id"] for c in customers} == clean_cust  # 4,338 customers (SOURCE.md)
    multi_country = sum(1 for c in customers if len(countries_seen[c["id"]]) > 1)
    # country of the first line of the customer's first accepted invoice (file order
    # of invoices equals first-line order) compared with the first line overall
    first_accepted_country = {}
    for no, r in inv.items():  # dict preserves file order of first appearance
        if no in orders:
            first_accepted_country.setdefault(r["cust"], r["country"])
    country_differs = sum(1 for c in customers
                          if first_accepted_country.get(c["id"]) != c["attrs"]["country"])

    # --- churn per London quarter of 2011
    quarters = []
    for q in range(4):
        start = month_start(2011, 1 + 3 * q, LONDON)
        end = month_start(2011, 4 + 3 * q, LONDON)
        st = stats(customers, start, end)
        block = churn_block(st)
        block = {"label": "2011-Q%d" % (q + 1), "start_utc": start.isoformat(),
                 "end_utc": end.isoformat(), **block}
        quarters.append(block)

    # --- CLV HISTORICAL 2011 (London local), overall and per country
    y_start = month_start(2011, 1, LONDON)
    y_end = month_start(2012, 1, LONDON)

    def clv_checked(seg):
        block, (rev, n, buyers, L, clv) = clv_historical(seg, y_start, y_end)
        rev_b, cnt_b = month_buckets(seg, LONDON)
        assert sum((v for (y, _m), v in rev_b.items() if y == 2011), Fraction(0)) == rev
        assert sum(v for (y, _m), v in cnt_b.items() if y == 2011) == n
        return block

    overall = clv_checked(customers)
    by_country = {}
    countries = sorted({c["attrs"]["country"] for c in customers})
    for ct in countries:
        seg = [c for c in customers if c["attrs"]["country"] == ct]
        _rev, n, _b = period_purchases(seg, y_start, y_end)
        if n == 0:
            continue
        by_country[ct] = clv_checked(seg)
    # segments partition the customers: their revenues, purchases and buyers add up
    assert sum(Fraction(Decimal(b["revenue"])) for b in by_country.values()) == \
        Fraction(Decimal(overall["revenue"]))
    assert sum(b["purchases"] for b in by_country.values()) == overall["purchases"]
    assert sum(b["customers"] for b in by_country.values()) == overall["customers"]
    by_country = dict(sorted(by_country.items(),
                             key=lambda kv: -Fraction(Decimal(kv[1]["revenue"]))))

    return {
        "rows": n_rows,
        "invoices_with_customer": len(inv),
        "accepted_purchases": len(orders),
        "accepted_refunds": len(refunds),
        "rejected": {"no customer (lines)": no_customer_lines,
                     "non-positive invoice": rejected["non-positive invoice"],
                     "non-negative cancellation": rejected["non-negative cancellation"],
                     "refund without an order to refund":
                         rejected["refund without an order to refund"]},
        "customers": len(customers),
        "accepted_purchase_revenue": str(accepted_order_revenue),
        "accepted_refund_total": str(sum((c[3] for c in refunds), Decimal(0))),
        "quirks": {
            "invoices_with_several_times": several_times,
            "invoices_with_both_empty_and_nonempty_customer": len(inv_with_empty_and_nonempty),
            "customers_with_several_countries": multi_country,
            "customers_whose_first_accepted_invoice_country_differs": country_differs,
            "nonexistent_local_times": quirks["nonexistent_local_times"],
            "ambiguous_local_times": quirks["ambiguous_local_times"],
            "churn_events_after_data_end": sum(
                1 for c in customers for t, k in c["events"]
                if k == "churn" and t > datetime(2011, 12, 10, tzinfo=UTC)),
        },
        "churn_quarters_2011": quarters,
        "clv_historical_2011": overall,
        "clv_historical_2011_by_country": by_country,
    }


# --------------------------------------------------------------------------
# 3. CLOTHING REVIEWS
# --------------------------------------------------------------------------

def wilson(sat, n, z=1.96):
    p = sat / n
    denom = 1 + z * z / n
    center = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (center - half) * 100, (center + half) * 100


def clothing(data_dir):
    path = data_dir / "womens-clothing-reviews" / "womens_clothing_ecommerce_reviews.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 23486
    per = defaultdict(lambda: [0, 0, 0])  # answered, satisfied, sum
    tot = [0, 0, 0]
    for r in rows:
        if r["Rating"].strip() == "":
            continue
        v = int(r["Rating"])
        assert 1 <= v <= 5
        dept = r["Department Name"] or "unknown"
        for acc in (per[dept], tot):
            acc[0] += 1
            acc[1] += v >= 4
            acc[2] += v
    # second computation: from the rating histogram (via csv.reader by column index)
    with open(path, newline="", encoding="utf-8") as f:
        rd = csv.reader(f)
        head = next(rd)
        ri = head.index("Rating")
        hist = Counter(int(row[ri]) for row in rd if row[ri].strip())
    assert hist == {1: 842, 2: 1565, 3: 2871, 4: 5077, 5: 13131}  # SOURCE.md
    n = sum(hist.values())
    sat = hist[4] + hist[5]
    assert (n, sat) == (tot[0], tot[1])
    assert sum(k * v for k, v in hist.items()) == tot[2]
    csat = sat / n * 100
    assert round(csat, 2) == 77.53
    assert round(tot[2] / n, 4) == 4.1960
    assert sum(a[0] for a in per.values()) == n
    lo, hi = wilson(sat, n)
    # reviews with a text (the comments), and those of the two score groups: 1-2 and 4-5
    texts = Counter()
    for r in rows:
        if r["Review Text"].strip() != "":
            rating = r["Rating"].strip()
            texts["all"] += 1
            texts["negative"] += rating in ("1", "2")
            texts["positive"] += rating in ("4", "5")
    return {
        "answered": n, "satisfied": sat, "csat": csat, "mean_rating": tot[2] / n,
        "comments": texts["all"], "negative_score_comments": texts["negative"],
        "positive_score_comments": texts["positive"],
        "wilson95": {"low": lo, "high": hi},
        "by_department": {d: {"answered": a[0], "satisfied": a[1],
                              "csat": a[1] / a[0] * 100, "mean_rating": a[2] / a[0]}
                          for d, a in sorted(per.items(), key=lambda kv: -kv[1][0])},
    }


# --------------------------------------------------------------------------

def main():
    if len(sys.argv) > 1:
        data_dir = Path(sys.argv[1])
    elif os.environ.get("CSKPI_SHARED_DIR"):
        data_dir = Path(os.environ["CSKPI_SHARED_DIR"]) / "data"
    else:
        data_dir = Path(__file__).resolve().parents[4].parent / "shared" / "data"
    t0 = time.time()
    result = {
        "telco": telco(data_dir),
        "online_retail": online_retail(data_dir),
        "clothing_reviews": clothing(data_dir),
    }
    print(json.dumps(result, indent=2))
    print("runtime %.1f s" % (time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()
