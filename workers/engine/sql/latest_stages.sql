-- Each customer's latest lifecycle stage (the stage of their last month in the stage table): the
-- relation (customer_id, stage) a campaign joins to filter and label its list.
SELECT customer_id, arg_max(stage, month) AS stage
FROM ${stages}
GROUP BY customer_id
