-- The byoin-kyosaikai hospital formula in DuckDB with exact integer arithmetic: the per-bed sum,
-- the modified count in tenths, the security factor in percent, and one half-up rounding to
-- 10 yen done by integer division. Reads ${LIST}, writes ${OUT}; every input column is kept.
COPY (
  SELECT member_id, facility, plan, general_beds, other_beds, security, expected,
         ((2 * num + 10 * den) // (20 * den)) * 10 AS premium
  FROM (
    SELECT *,
           (general_beds * rg + other_beds * ro) * m10 * (100 + security) AS num,
           n * 1000 AS den
    FROM (
      SELECT *,
             CASE WHEN n < 50 THEN n * 10
                  WHEN n < 200 THEN 490 + (n - 49) * 4
                  WHEN n < 500 THEN 1090 + (n - 199) * 2
                  ELSE 1690 + (n - 499) END AS m10,
             CASE plan WHEN 'S1' THEN 660 WHEN 'S2' THEN 1170 WHEN 'S3' THEN 1630 WHEN 'S4' THEN 2560
                       WHEN 'S5' THEN 3500 WHEN 'S6' THEN 3760 ELSE 4050 END AS rg,
             CASE plan WHEN 'S1' THEN 360 WHEN 'S2' THEN 630 WHEN 'S3' THEN 850 WHEN 'S4' THEN 1360
                       WHEN 'S5' THEN 1790 WHEN 'S6' THEN 1920 ELSE 2060 END AS ro
      FROM (
        SELECT *, CAST(general_beds + other_beds AS BIGINT) AS n
        FROM read_csv('${LIST}', header = true, columns = {
          'member_id': 'VARCHAR', 'facility': 'VARCHAR', 'plan': 'VARCHAR', 'general_beds': 'BIGINT',
          'other_beds': 'BIGINT', 'security': 'BIGINT', 'expected': 'BIGINT'})
      )
    )
  )
) TO '${OUT}' (HEADER, DELIMITER ',');
