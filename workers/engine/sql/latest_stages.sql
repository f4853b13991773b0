-- Each customer's latest lifecycle stage (the stage of their last month in the stage table): the
-- relation (customer_id, stage) a campaign joins to filter and label its list.
SELECT customer_id, stage
FROM (
  SELECT customer_id, stage, row_number() OVER (PARTITION BY customer_id ORDER BY month DESC) AS back
  FROM ${stages}
) latest
WHERE back = 1
