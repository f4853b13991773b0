-- Each cluster's size and the mean of every clustering feature (`${means}`: avg(feature) AS feature).
SELECT cluster, count(*) AS n, ${means}
FROM ${base}
GROUP BY cluster
ORDER BY cluster
