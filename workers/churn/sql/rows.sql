-- Per customer and month, the columns the churn analyses need, read from the shared monthly panel
-- (workers/panel/sql/customer_months.sql). m = months since the first data month (0-based).
-- A month with billed revenue ≤ 0 is *dormant* (a silent number, DATA_DICTIONARY §4): it counts
-- as not active, and the first dormant month of a spell is its exit (panel/sql/first_spells.sql).
CREATE OR REPLACE TEMP VIEW ${rows} AS
SELECT
  customer_id,
  month_index - (SELECT min(month_index) FROM ${panel}) AS m,
  month,
  churn AS churned,
  coalesce(revenue <= 0, false) AS dormant,
  revenue,
  tenure,
  voice,
  data_mb AS data,
  sms,
  vas_count AS vas,
  arrears
FROM ${panel}
