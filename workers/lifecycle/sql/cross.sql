-- Stage × value tier × region in one month (seed 000: stage is a segmentation on top of value and
-- region). ARPU = mean monthly revenue of the customer's rows in the 3 months up to that month;
-- the tier is the number of cut points at or below it. Parameters: $1 the month, $2 the cut points
-- as comma-separated text.
WITH p AS (
  SELECT CAST($1 AS DATE) AS at_month,
    list_sort(list_transform(list_filter(string_split(CAST($2 AS VARCHAR), ','), x -> trim(x) <> ''), x -> CAST(trim(x) AS DOUBLE))) AS cuts
),
recent AS (
  SELECT b.customer_id, avg(coalesce(b.revenue, 0)) AS arpu, arg_max(b.region, b.month) AS region
  FROM ${base} b, p
  WHERE b.month BETWEEN p.at_month - INTERVAL 2 MONTH AND p.at_month
  GROUP BY b.customer_id
),
tiered AS (
  SELECT s.stage, CAST(len(list_filter(p.cuts, c -> r.arpu >= c)) AS INTEGER) AS tier, coalesce(r.region, '') AS region, r.arpu
  FROM ${target} s JOIN recent r USING (customer_id), p
  WHERE s.month = p.at_month
)
SELECT stage, tier, region, CAST(count(*) AS INTEGER) AS customers, avg(arpu) AS arpu
FROM tiered
GROUP BY stage, tier, region
ORDER BY 1, 2, 3
