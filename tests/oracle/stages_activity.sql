-- Activity states of product-analytics tools (the "lifecycle" or "growth accounting" chart):
-- new / returning / resurrecting / dormant per customer and month. A month is active when revenue
-- exceeds `min_revenue` or any usage is above 0.
--   new: active, within the first `new_months` months since the customer's first active month
--     (customers active in the first data month whose tenure is unknown or longer are not new);
--   returning: active, and active in at least one of the previous `gap` months;
--   resurrecting: active after more than `gap` months without activity (missing rows count as inactive);
--   dormant: not active.
CREATE OR REPLACE TABLE ${target} AS
WITH p AS (
  SELECT ?::INTEGER AS new_months, ?::INTEGER AS gap, ?::DOUBLE AS min_revenue
),
bounds AS (SELECT min(month_index) AS first_index FROM ${base}),
flagged AS (
  SELECT b.*, coalesce(b.revenue, 0) > p.min_revenue OR coalesce(b.usage, 0) > 0 AS active
  FROM ${base} b, p
),
history AS (
  SELECT f.*,
    max(CASE WHEN f.active THEN f.month_index END) OVER (PARTITION BY f.customer_id ORDER BY f.month_index
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_active_index,
    min(CASE WHEN f.active THEN f.month_index END) OVER (PARTITION BY f.customer_id) AS first_active_index,
    min(f.month_index) OVER (PARTITION BY f.customer_id) AS first_index_of_customer,
    first(f.tenure) OVER (PARTITION BY f.customer_id ORDER BY f.month_index) AS first_tenure
  FROM flagged f
)
SELECT h.customer_id, h.month,
  CASE
    WHEN NOT h.active THEN 'dormant'
    WHEN h.month_index - h.first_active_index < p.new_months
      AND NOT (h.first_index_of_customer = bounds.first_index
               AND coalesce(h.first_tenure, p.new_months + 1) > p.new_months) THEN 'new'
    WHEN h.prev_active_index IS NULL THEN 'returning'
    WHEN h.month_index - h.prev_active_index <= p.gap THEN 'returning'
    ELSE 'resurrecting'
  END AS stage
FROM history h, p, bounds
