-- A dataset of the rows of `${parent}` whose customer is in `${members}` (a saved segment): same
-- columns, rows in file order. A table, not a view: analyses scan it several times.
CREATE TABLE ${dataset} AS
SELECT *
FROM ${parent}
WHERE customer_id IN (SELECT customer_id FROM ${members})
ORDER BY _row
