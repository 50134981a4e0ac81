#!/usr/bin/env python3
"""Independent reference of the per-customer histories the predictive CLV is fitted on (CDNOW).

What it computes
----------------
From CDNOW_master.txt (see shared/data/cdnow/SOURCE.md), with calibration 1997-01-01 to
1997-09-30 and holdout 1997-10-01 to 1998-06-30, for every customer: x = repeat purchase days
in the calibration (several purchases on one day are one), t_x = days from the first purchase day
to the last one / 7, T = days from the first purchase day to 1997-09-30 / 7, the mean value of the
repeat days (each day's sum), and the purchase days in the holdout. It prints totals and a few
customers as JSON.

Checked against published data
------------------------------
The same rules applied to the master file give, for the 2,357 customers of the 1/10 sample
(CDNOW_sample.txt names each one's master id), exactly the x, t_x, T (rounded to 2 decimals) and
zbar of Hardie's cdnow_customers_summary_with_transactions.csv: the script asserts it.

Independence
------------
Written from the rules above, without reading the cskpi code; Python standard library only.

    python3 server/src/test/independent/cdnow_rfm.py [SHARED_DIR]
"""
import csv
import json
import os
import sys
from collections import defaultdict
from datetime import date
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

CAL_END = date(1997, 9, 30)
HOLDOUT_END = date(1998, 6, 30)


def shared_dir(argv):
    if len(argv) > 1:
        return Path(argv[1])
    if os.environ.get("CSKPI_SHARED_DIR"):
        return Path(os.environ["CSKPI_SHARED_DIR"])
    return Path(__file__).resolve().parents[5] / "shared"


def day(text):
    return date(int(text[0:4]), int(text[4:6]), int(text[6:8]))


def histories(path):
    days = defaultdict(lambda: defaultdict(Decimal))
    with open(path) as f:
        next(f)
        for line in f:
            cid, d, _, value = line.split()
            days[cid][day(d)] += Decimal(value)
    result = {}
    for cid, per_day in days.items():
        cal = sorted(d for d in per_day if d <= CAL_END)
        holdout = sum(1 for d in per_day if CAL_END < d <= HOLDOUT_END)
        if not cal:
            continue
        first, last = cal[0], cal[-1]
        x = len(cal) - 1
        repeat_sum = sum(per_day[d] for d in cal[1:])
        result[cid] = {
            "x": x,
            "t_x": (last - first).days / 7,
            "T": (CAL_END - first).days / 7,
            "mean_repeat_value": str(repeat_sum / x) if x else None,
            "holdout_days": holdout,
        }
    return result


def check_sample(shared, rfm):
    sample_ids = {}
    with open(shared / "data/cdnow/CDNOW_sample.txt") as f:
        for line in f:
            master, sample = line.split()[0:2]
            sample_ids[str(int(sample))] = master
    checked = 0
    with open(shared / "data/cdnow/cdnow_customers_summary_with_transactions.csv") as f:
        for row in csv.DictReader(f):
            mine = rfm[sample_ids[row["ID"]]]
            assert mine["x"] == int(row["x"]), row
            assert abs(mine["t_x"] - float(row["t_x"])) < 0.006, row
            assert abs(mine["T"] - float(row["T"])) < 0.006, row
            zbar = Decimal(mine["mean_repeat_value"]) if mine["x"] else Decimal(0)
            assert zbar.quantize(Decimal("0.01"), ROUND_HALF_UP) == Decimal(row["zbar"]).quantize(Decimal("0.01")), row
            checked += 1
    return checked


def main(argv):
    shared = shared_dir(argv)
    rfm = histories(shared / "data/cdnow/CDNOW_master.txt")
    checked = check_sample(shared, rfm)
    repeat = [r for r in rfm.values() if r["x"] > 0]
    print(json.dumps({
        "customers": len(rfm),
        "repeat_buyers": len(repeat),
        "sum_x": sum(r["x"] for r in rfm.values()),
        "holdout_purchase_days": sum(r["holdout_days"] for r in rfm.values()),
        "sample_customers_matching_the_published_summary": checked,
        "customers_shown": {cid: rfm[cid] for cid in ["00001", "00004", "00018", "23570"] if cid in rfm},
    }, indent=2))


if __name__ == "__main__":
    main(sys.argv)
