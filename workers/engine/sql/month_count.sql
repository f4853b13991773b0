-- How many distinct months a dataset covers.
SELECT count(DISTINCT month) AS n
FROM ${table}
