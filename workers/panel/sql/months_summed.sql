-- A customer's months for customer_months.sql, in general: the rows of each (customer, month)
-- summed (a transaction log, or a panel whose pairs repeat); measures that are a level, not a flow
-- (services held, tenure), take the month's largest.
  SELECT
    customer_id,
    month,
    CAST(extract(year FROM month) * 12 + extract(month FROM month) - 1 AS INTEGER) AS month_index,
    CAST(sum(${revenue}) AS DOUBLE) AS revenue,
    CAST(sum(${usage}) AS DOUBLE) AS usage,
    CAST(sum(${voice}) AS DOUBLE) AS voice,
    CAST(sum(${data_mb}) AS DOUBLE) AS data_mb,
    CAST(sum(${sms}) AS DOUBLE) AS sms,
    CAST(max(${vas_count}) AS DOUBLE) AS vas_count,
    CAST(sum(${data_revenue}) AS DOUBLE) AS data_revenue,
    CAST(sum(${arrears}) AS DOUBLE) AS arrears,
    CAST(max(${tenure}) AS DOUBLE) AS tenure,
    coalesce(bool_or(${churn}), false) AS churn,
    CAST(any_value(${region}) AS VARCHAR) AS region
  FROM ${table}
  WHERE customer_id IS NOT NULL AND month IS NOT NULL
  GROUP BY customer_id, month
