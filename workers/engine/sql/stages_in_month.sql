-- Lifecycle stage of each customer in one month ($1, first of month), from the stage table
-- (lifecycle_<dataset>, see workers/engine/tables.ts). One row per customer and month in the
-- table; min() only makes the aggregate explicit.
SELECT customer_id, min(stage) AS stage
FROM ${stages}
WHERE month = CAST($1 AS DATE)
GROUP BY customer_id
