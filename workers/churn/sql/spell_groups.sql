-- Survival records of the first spells with the split column's value in the spell's first month
-- (`${grp}` is a quoted column name, or NULL for no split).
SELECT s.duration, s.event, s.in_window, g.grp
FROM ${spells} s
LEFT JOIN (
  SELECT customer_id, datediff('month', (SELECT min(month) FROM ${table}), month) AS m, any_value(${grp}) AS grp
  FROM ${table}
  GROUP BY ALL
) g ON g.customer_id = s.customer_id AND g.m = s.m0
