#!/usr/bin/env python3
"""Independent reference of the Customer Health Score on UCI Online Retail (spec section 6).

What it computes
----------------
From online_retail.csv.gz (shared/data/online-retail), with the import rules of the README: an
invoice is a purchase when its number does not start with "C" and its lines sum to more than 0;
a customer exists from its first purchase (times are London local time); every "C" invoice of an
existing customer is a return. As of the end of a London date D:
- days since last purchase = D - the London date of the last purchase before the end;
- purchases in the last 90 days = purchases in [end - 90 x 24 h, end);
- returns to date = the customer's "C" invoices before the end.
Scores, as spec section 6 defines them, under two models (no survey data, so the default model's
NPS and CSAT measures are missing and left out):
- default: days (weight 30, 0 points at 180 days, 100 at 0), purchases (25, tiers <= 0: 0,
  <= 1: 40, <= 3: 70, more: 100);
- custom: days (40, 0 points at 120 days, 100 at 0), purchases (30, the same tiers), returns
  (30, tiers <= 0: 100, <= 2: 60, <= 5: 30, more: 0).
Bands: red to 50, yellow to 75, green above. Printed: the bands and the lowest-scored customers
on 2011-12-01, and the bands and mean score at the end of each month of 2011 (Dec: the 9th, the
last day of the data).

Independence
------------
Written from the rules above, without reading the cskpi code; Python standard library only.

    python3 online_retail_health.py SHARED_DATA_DIR
"""
import csv
import gzip
import json
import sys
from bisect import bisect_left
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
PURCHASE_TIERS = [(0, 0), (1, 40), (3, 70), (None, 100)]
RETURN_TIERS = [(0, 100), (2, 60), (5, 30), (None, 0)]
MODELS = {
    "default": [("days", 30, ("linear", 180, 0)), ("purchases", 25, ("tiers", PURCHASE_TIERS))],
    "custom": [("days", 40, ("linear", 120, 0)), ("purchases", 30, ("tiers", PURCHASE_TIERS)),
               ("returns", 30, ("tiers", RETURN_TIERS))],
}
MONTH_ENDS = [date(2011, m + 1, 1) - timedelta(days=1) for m in range(1, 12)] + [date(2011, 12, 9)]


def utc(local_text):
    return datetime.strptime(local_text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=LONDON).astimezone(timezone.utc)


def invoices(path):
    found = {}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            customer = row["CustomerID"].strip()
            if not customer:
                continue
            t = utc(row["InvoiceDate"])
            inv = found.setdefault(row["InvoiceNo"], {"customer": customer, "time": t, "amount": Decimal(0)})
            inv["time"] = min(inv["time"], t)
            inv["amount"] += Decimal(row["Quantity"].strip()) * Decimal(row["UnitPrice"].strip())
    return found


def points(rule, value):
    if rule[0] == "linear":
        _, zero, full = rule
        return 100 * max(0.0, min(1.0, (value - zero) / (full - zero)))
    for up_to, pts in rule[1]:
        if up_to is None or value <= up_to:
            return pts


def band(score):
    return "red" if score <= 50 else "yellow" if score <= 75 else "green"


def book(purchases, returns, as_of):
    end = datetime.combine(as_of + timedelta(days=1), time(), LONDON).astimezone(timezone.utc)
    start90 = end - timedelta(days=90)
    result = {}
    for customer, times in purchases.items():
        before = bisect_left(times, end)
        if before == 0:
            continue  # not acquired yet
        last = times[before - 1].astimezone(LONDON).date()
        result[customer] = {
            "days": (as_of - last).days,
            "purchases": before - bisect_left(times, start90),
            "returns": bisect_left(returns.get(customer, []), end),
        }
    return result


def scores(signals, model):
    scored = {}
    for customer, values in signals.items():
        weighted, present = 0.0, 0.0
        for signal, weight, rule in model:
            weighted += weight * points(rule, values[signal])
            present += weight
        scored[customer] = weighted / present
    return scored


def summary(scored):
    bands = {"red": 0, "yellow": 0, "green": 0}
    for s in scored.values():
        bands[band(s)] += 1
    return {"bands": bands, "scored": len(scored), "mean": sum(scored.values()) / len(scored)}


def main(argv):
    data = Path(argv[1])
    purchases, returns = defaultdict(list), defaultdict(list)
    for number, inv in invoices(data / "online-retail" / "online_retail.csv.gz").items():
        if not number.startswith("C") and inv["amount"] > 0:
            purchases[inv["customer"]].append(inv["time"])
    for number, inv in invoices(data / "online-retail" / "online_retail.csv.gz").items():
        if number.startswith("C") and inv["customer"] in purchases:
            returns[inv["customer"]].append(inv["time"])
    for times in list(purchases.values()) + list(returns.values()):
        times.sort()
    out = {"customers": len(purchases), "returns": sum(len(r) for r in returns.values())}
    december = book(purchases, returns, date(2011, 12, 1))
    for name, model in MODELS.items():
        scored = scores(december, model)
        lowest = sorted(scored, key=lambda c: (scored[c], c))[:10]
        out[name] = dict(summary(scored), lowest=[{"customer": c, "score": scored[c], **december[c]} for c in lowest])
        out[name]["monthly"] = []
        for as_of in MONTH_ENDS:
            out[name]["monthly"].append(dict(summary(scores(book(purchases, returns, as_of), model)),
                                             date=as_of.isoformat()))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv)
