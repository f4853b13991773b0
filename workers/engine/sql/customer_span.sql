-- Each customer's first and last month, rows, and distinct months of a panel, in one pass. The
-- distinct months are counted as a 64-bit set of (months since 1900 mod 64): exact when the panel
-- spans fewer than 64 months (the caller checks), and the per-month KPIs need no DISTINCT when they
-- add up to the rows. The ingest builds it while checking the customer ids (textColumns.ts) and the
-- overview reuses it when the read removed nothing afterwards. (Not the customer × month panel of
-- workers/panel/sql/customer_months.sql: one row per customer here.)
CREATE OR REPLACE TEMP TABLE ${target} AS
SELECT customer_id, min(month) AS first_month, max(month) AS last_month, count(*) AS n,
       bit_count(bit_or(1::UBIGINT << (datediff('month', DATE '1900-01-01', month) % 64)::UBIGINT)) AS months
FROM ${ds} GROUP BY customer_id;
