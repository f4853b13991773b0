-- The R × F grid: customers and mean monetary score in each cell.
SELECT r, f, count(*) AS customers, avg(m) AS m
FROM ${base}
GROUP BY r, f
ORDER BY r, f
