# The byoin-kyosaikai hospital formula in awk, as a spreadsheet or script would write it:
# floating point throughout, rounded half up to 10 yen at the end. The benchmark's reference.
BEGIN {
  FS = ","; OFS = ","
  split("660 1170 1630 2560 3500 3760 4050", g, " ")
  split("360 630 850 1360 1790 1920 2060", o, " ")
  for (i = 1; i <= 7; i++) { rg["S" i] = g[i]; ro["S" i] = o[i] }
}
NR == 1 { print $0, "premium"; next }
{
  n = $4 + $5
  if (n < 50) m = n
  else if (n < 200) m = 49 + (n - 49) * 0.4
  else if (n < 500) m = 109 + (n - 199) * 0.2
  else m = 169 + (n - 499) * 0.1
  avg = ($4 * rg[$3] + $5 * ro[$3]) / n
  p = avg * m * (1 + $6 / 100)
  print $0, int(p / 10 + 0.5) * 10
}
