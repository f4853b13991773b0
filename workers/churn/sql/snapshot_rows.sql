-- Snapshot rows for survival and the churn model, in file order: id, churn flag, tenure and
-- revenue (NULL::DOUBLE when not mapped) and the chosen `${columns}` (quoted identifiers).
SELECT customer_id, churn, ${tenure}::DOUBLE AS tenure, ${revenue}::DOUBLE AS revenue ${columns}
FROM ${table}
WHERE churn IS NOT NULL
ORDER BY _row
