-- Rows and customers of a monthly panel (the lifecycle benchmark reports them).
SELECT count(*) AS rows, count(DISTINCT customer_id) AS customers
FROM ${panel}
