-- A customer's months for customer_months.sql where the load proved one row per (customer, month)
-- (DatasetHandle.oneRowPerCustomerMonth): months_summed.sql's groups are single rows, so each
-- aggregate is its one value and the GROUP BY, the costliest step at tens of millions of rows, is
-- skipped. The values are exactly the aggregates': sum starts from +0, so a -0 cell sums to 0
-- (`+ 0` does the same) and NULL stays NULL; max is the value; bool_or of a NULL flag is NULL
-- (then false); any_value is the value. workers/panel/panel.test.ts compares the two, every column.
  SELECT
    customer_id,
    month,
    CAST(extract(year FROM month) * 12 + extract(month FROM month) - 1 AS INTEGER) AS month_index,
    CAST(${revenue} AS DOUBLE) + CAST(0 AS DOUBLE) AS revenue,
    CAST(${usage} AS DOUBLE) + CAST(0 AS DOUBLE) AS usage,
    CAST(${voice} AS DOUBLE) + CAST(0 AS DOUBLE) AS voice,
    CAST(${data_mb} AS DOUBLE) + CAST(0 AS DOUBLE) AS data_mb,
    CAST(${sms} AS DOUBLE) + CAST(0 AS DOUBLE) AS sms,
    CAST(${vas_count} AS DOUBLE) AS vas_count,
    CAST(${data_revenue} AS DOUBLE) + CAST(0 AS DOUBLE) AS data_revenue,
    CAST(${arrears} AS DOUBLE) + CAST(0 AS DOUBLE) AS arrears,
    CAST(${tenure} AS DOUBLE) AS tenure,
    coalesce(${churn}, false) AS churn,
    CAST(${region} AS VARCHAR) AS region
  FROM ${table}
  WHERE customer_id IS NOT NULL AND month IS NOT NULL
