-- The customers a control arm is drawn from, in customer order (the draw is seeded, so the order
-- must depend on nothing else): those on the conventional list not removed by the value screening,
-- which is the whole conventional list before the screening runs (seed design) and the
-- value-screened list after it (holdout design).
SELECT customer_id
FROM ${candidates}
WHERE usual_out IS NULL AND arm IS NULL AND value_out IS NULL
ORDER BY customer_id
