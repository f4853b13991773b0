-- Activity states of product-analytics tools (the "lifecycle" or "growth accounting" chart):
-- new / returning / resurrecting / dormant per customer and month. A month is active when revenue
-- exceeds `min_revenue` or any usage is above 0.
--   new: active, within the first `new_months` months since the customer's first active month
--     (customers active in the first data month whose tenure is unknown or longer are not new);
--   returning: active, and active in at least one of the previous `gap` months;
--   resurrecting: active after more than `gap` months without activity (missing rows count as inactive);
--   dormant: not active.
-- Parameters: $1 new_months, $2 gap, $3 min_revenue. Streaming windows on the panel's (customer_id,
-- month) order, as in rule_spells.sql: keys row_index · 65536 + month_index found by running maxima;
-- a key before the customer's first row belongs to the previous customer.
CREATE OR REPLACE TABLE ${target} AS
WITH bounds AS (SELECT min(month_index) AS first_index FROM ${base}),
ordered AS (
  SELECT b.customer_id, b.month, b.month_index, b.row_index AS rn, b.gap_before IS NULL AS first_row,
    coalesce(b.revenue, 0) > CAST($3 AS DOUBLE) OR coalesce(b.usage, 0) > 0 AS active,
    b.month_index = bounds.first_index AND coalesce(b.tenure, CAST($1 AS INTEGER) + 1) > CAST($1 AS INTEGER) AS known_before
  FROM ${base} b, bounds
),
keyed AS (
  SELECT o.*,
    max(CASE WHEN o.first_row THEN o.rn * 65536 + o.month_index END) OVER w AS customer_key,
    -- the customer's first row: was the customer already there, with a long or unknown tenure?
    max(CASE WHEN o.first_row THEN o.rn * 2 + CAST(o.known_before AS INTEGER) END) OVER w AS known_key,
    max(CASE WHEN o.active THEN o.rn * 65536 + o.month_index END) OVER w AS active_key
  FROM ordered o
  WINDOW w AS (/*ORDER BY o.rn*/ ROWS UNBOUNDED PRECEDING)
),
previous AS (
  SELECT k.*,
    CASE WHEN lag(k.active_key) OVER w >= k.customer_key THEN lag(k.active_key) OVER w END AS before_key
  FROM keyed k
  WINDOW w AS (/*ORDER BY k.rn*/)
),
firsts AS (
  SELECT p.*,
    max(CASE WHEN p.active AND p.before_key IS NULL THEN p.rn * 65536 + p.month_index END) OVER (/*ORDER BY p.rn*/ ROWS UNBOUNDED PRECEDING) AS first_active_key
  FROM previous p
)
SELECT f.customer_id, f.month,
  CASE
    WHEN NOT f.active THEN 'dormant'
    WHEN f.month_index - f.first_active_key % 65536 < CAST($1 AS INTEGER) AND f.known_key % 2 = 0 THEN 'new'
    WHEN f.before_key IS NULL THEN 'returning'
    WHEN f.month_index - f.before_key % 65536 <= CAST($2 AS INTEGER) THEN 'returning'
    ELSE 'resurrecting'
  END AS stage
FROM firsts f
