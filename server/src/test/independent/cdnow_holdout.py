#!/usr/bin/env python3
"""Independent reference of the BG/NBD holdout comparison on CDNOW.

What it computes
----------------
From a CDNOW file (CDNOW_master.txt, or CDNOW_sample.txt with its extra sample-id column), with
calibration 1997-01-01..1997-09-30 and holdout 1997-10-01..1998-06-30 (39 weeks), at the BG/NBD
parameters given on the command line:
- per calibration frequency x = 0..6 and 7 or more: the customers, their actual purchase days in
  the holdout, and the sum of their conditional expectations E[Y(39) | x, t_x, T] (Fader, Hardie
  and Lee 2005, eq. 10);
- week by week from 1997-01-01 (week k ends on day 7k - 1), the cumulative repeat purchase days
  (days after each customer's first) and their expectation, the sum over customers of
  E[X(t)] (eq. 7) with t the weeks from the customer's first purchase day to the week's last day.
Several purchases on one day are one purchase day.

Checked against published values
--------------------------------
At the unrounded maximum (r = 0.242594, alpha = 4.413581, a = 0.792919, b = 2.425917; the published
0.243, 4.414, 0.793, 2.426 are these rounded) the functions give E[X(t)] for t = 1, 32, 78 of
0.0532, 1.0437, 1.8576 and E[Y(39) | 2, 30.43, 38.86] = 1.226, as in Hardie's spreadsheet
(shared/data/cdnow/SOURCE.md): asserted.

Independence
------------
Written from the paper's formulas, without reading the cskpi code; Python standard library only.
The Gaussian hypergeometric function is summed as its plain power series.

    python3 cdnow_holdout.py FILE r alpha a b
"""
import json
import math
import sys
from collections import defaultdict
from datetime import date, timedelta

START = date(1997, 1, 1)
CAL_END = date(1997, 9, 30)
HOLDOUT_END = date(1998, 6, 30)
CAP = 7


def hyp2f1(a, b, c, z):
    term, total, k = 1.0, 1.0, 0
    while abs(term) > 1e-15 * abs(total):
        term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
        total += term
        k += 1
        if k > 100000:
            raise RuntimeError("2F1 did not converge")
    return total


def expected_x(p, t):
    r, alpha, a, b = p
    if t <= 0:
        return 0.0
    z = t / (alpha + t)
    return (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z))


def expected_y(p, t, x, tx, T):
    r, alpha, a, b = p
    z = t / (alpha + T + t)
    alive_part = (a + b + x - 1) / (a - 1) * (
        1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
    if x == 0:
        return alive_part
    return alive_part / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def purchase_days(path):
    days = defaultdict(set)
    with open(path) as f:
        for line in f:
            fields = line.split()
            if not fields or not fields[-3].isdigit():
                continue  # the master file's header
            d = fields[-3]
            days[fields[0]].add(date(int(d[0:4]), int(d[4:6]), int(d[6:8])))
    return days


def main(argv):
    path, params = argv[1], tuple(float(v) for v in argv[2:6])
    published = (0.242594, 4.413581, 0.792919, 2.425917)
    for t, value, tolerance in [(1, 0.0532, 5e-5), (32, 1.0437, 5e-5), (78, 1.8576, 5e-4)]:
        assert abs(expected_x(published, t) - value) < tolerance, (t, expected_x(published, t))
    assert abs(expected_y(published, 39, 2, 30.43, 38.86) - 1.226) < 5e-4

    holdout_weeks = (HOLDOUT_END - CAL_END).days / 7
    groups = defaultdict(lambda: {"customers": 0, "actual": 0, "expected": 0.0})
    firsts = defaultdict(int)
    repeat_days = defaultdict(int)
    for customer_days in purchase_days(path).values():
        ordered = sorted(d for d in customer_days if d <= HOLDOUT_END)
        cal = [d for d in ordered if d <= CAL_END]
        if not cal:
            continue
        first = cal[0]
        x = len(cal) - 1
        group = groups[min(x, CAP)]
        group["customers"] += 1
        group["actual"] += sum(1 for d in ordered if d > CAL_END)
        group["expected"] += expected_y(params, holdout_weeks, x, (cal[-1] - first).days / 7, (CAL_END - first).days / 7)
        firsts[first] += 1
        for d in ordered[1:]:
            repeat_days[d] += 1

    weeks = []
    actual = 0
    week_count = math.ceil(((HOLDOUT_END - START).days + 1) / 7)
    for k in range(1, week_count + 1):
        last = START + timedelta(days=7 * k - 1)
        actual += sum(n for d, n in repeat_days.items() if last - timedelta(days=6) <= d <= last)
        expected = sum(n * expected_x(params, (last - first).days / 7) for first, n in firsts.items() if first <= last)
        weeks.append({"week": k, "last_date": last.isoformat(), "actual": actual, "expected": expected})
    print(json.dumps({
        "holdout_weeks": holdout_weeks,
        "groups": [{"frequency": x, **groups[x]} for x in sorted(groups)],
        "weeks": weeks,
    }, indent=1))


if __name__ == "__main__":
    main(sys.argv)
