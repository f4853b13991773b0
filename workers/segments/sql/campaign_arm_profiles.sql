-- What each arm of a campaign list holds before any outcome: size, share in the Customer value tab's
-- high value tier (customers not assessed count as not high), mean value and ARPU, and how many were
-- not assessed.
SELECT arm, count(*) AS customers,
       avg(CASE WHEN tier = 'high' THEN 1.0 ELSE 0.0 END) AS high_value_share,
       avg(value) AS mean_value, avg(arpu) AS mean_arpu,
       count(*) FILTER (WHERE value IS NULL) AS not_assessed
FROM ${list}
GROUP BY arm
