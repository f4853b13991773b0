-- Date range of a transaction log, for the default calibration split and for checking the inputs.
SELECT CAST(min(date) AS VARCHAR) AS first_date, CAST(max(date) AS VARCHAR) AS last_date,
  count(DISTINCT customer_id) AS customers
FROM ${table}
WHERE customer_id IS NOT NULL AND date IS NOT NULL
