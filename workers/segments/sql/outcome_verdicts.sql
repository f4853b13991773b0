-- The outcome file's typed rows (roles: churn = responded, revenue = ARPU before, amount = ARPU
-- after, discount = subsidy), each with why the evaluation cannot use it, or NULL: a blank required
-- cell, or a customer seen in an earlier usable row. Counted as rejects, so loaded + rejected =
-- rows in the file still holds.
CREATE OR REPLACE TEMP TABLE ${verdicts} AS
SELECT *,
       CASE WHEN churn IS NULL THEN 'missing-value:responded'
            WHEN revenue IS NULL THEN 'missing-value:arpu_before'
            WHEN amount IS NULL THEN 'missing-value:arpu_after'
            WHEN row_number() OVER (PARTITION BY customer_id ORDER BY (churn IS NULL OR revenue IS NULL OR amount IS NULL), _row) > 1
              THEN 'duplicate-customer' END AS verdict
FROM ${table}
