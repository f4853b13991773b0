-- Seed 002's monitoring figures in one month ($1, a DATE), from the panel's data-service columns:
-- customers on the network (revenue, usage or a data service), users of any data service (data MB,
-- SMS or value-added services held), users of 1–2 services, and users spending under 10 yuan on
-- data services (NULL without a data-service revenue column).
WITH m AS (
  SELECT
    CAST(coalesce(data_mb, 0) > 0 AS INTEGER) + CAST(coalesce(sms, 0) > 0 AS INTEGER)
      + CAST(round(coalesce(vas_count, 0)) AS INTEGER) AS services,
    coalesce(revenue, 0) > 0 OR coalesce(usage, 0) > 0 OR coalesce(vas_count, 0) > 0 AS on_network,
    data_revenue
  FROM ${base}
  WHERE month = CAST($1 AS DATE)
)
SELECT
  CAST(count(*) FILTER (WHERE on_network) AS INTEGER) AS customers,
  CAST(count(*) FILTER (WHERE services > 0) AS INTEGER) AS users,
  CAST(count(*) FILTER (WHERE services BETWEEN 1 AND 2) AS INTEGER) AS one_or_two,
  CAST(count(*) FILTER (WHERE services > 0 AND data_revenue < 10) AS INTEGER) AS under10,
  CAST(count(data_revenue) FILTER (WHERE services > 0) AS INTEGER) AS with_revenue
FROM m
