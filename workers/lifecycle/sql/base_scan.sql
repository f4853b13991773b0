-- The benchmark's physical reference: the least work that writes a table of the stage table's shape
-- from the panel, one plain scan (bench/lifecycle.mjs prints the stage rule against it).
CREATE OR REPLACE TEMP TABLE ${target} AS
SELECT customer_id, month, CASE WHEN revenue > 0 THEN 'C' ELSE 'E' END AS stage
FROM ${base}
