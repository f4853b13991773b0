-- Lifecycle stage of each customer in the evaluation month ($1), read from the stage table the
-- Lifecycle tab last wrote (lifecycle_<dataset>), to cross loyalty bands with stages.
SELECT customer_id, min(stage) AS stage
FROM ${stages}
WHERE month = $1::DATE
GROUP BY customer_id;
