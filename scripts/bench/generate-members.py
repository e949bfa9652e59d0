#!/usr/bin/env python3
"""Writes a byoin-kyosaikai member list of hospitals for the batch benchmark.

Rows mix general and other beds across all four modified-count tiers, with security
adjustments, and carry the exact expected premium (fractions, one half-up rounding to 10 yen)
in an `expected` column that batch passes through untouched.
"""
import random
import sys
from fractions import Fraction

# byoin-kyosaikai 〈6〉 per-bed rates (general, other), S1–S7.
RATES = {"S1": (660, 360), "S2": (1170, 630), "S3": (1630, 850), "S4": (2560, 1360),
         "S5": (3500, 1790), "S6": (3760, 1920), "S7": (4050, 2060)}

def modified(n):
    if n < 50: return Fraction(n)
    if n < 200: return 49 + Fraction(n - 49) * Fraction(40, 100)
    if n < 500: return 109 + Fraction(n - 199) * Fraction(20, 100)
    return 169 + Fraction(n - 499) * Fraction(10, 100)

def premium(plan, general, other, security):
    rg, ro = RATES[plan]
    total = general + other
    exact = Fraction(general * rg + other * ro, total) * modified(total) * Fraction(100 + security, 100)
    return (exact / 10 + Fraction(1, 2)).__floor__() * 10

def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    rng = random.Random(20261121)
    out = sys.stdout
    out.write("member_id,facility,plan,general_beds,other_beds,security,expected\n")
    tiers = [(1, 49), (50, 199), (200, 499), (500, 1500)]
    for i in range(rows):
        low, high = rng.choice(tiers)
        total = rng.randint(low, high)
        general = rng.randint(0, total)
        other = total - general
        plan = rng.choice(list(RATES))
        security = rng.randint(-30, 30)
        out.write(f"M{i:07d},hospital,{plan},{general},{other},{security},{premium(plan, general, other, security)}\n")

main()
