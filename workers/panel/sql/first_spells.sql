-- Each customer's first spell on the network (the first run of consecutive months), as a
-- survival record: join month, last active month, and whether it ended in an exit (event).
-- Exit = the churn-flag month, or the first dormant month (the spell's last active month is the
-- one before), or rows stop before the last data month (disappeared). Otherwise censored at the
-- last data month. Duration = months on the network = last active − join + 1 (tenure convention:
-- 1 in the join month, as the telco file and the sample panel count it).
-- Join month = first month seen; with a tenure column, m0 − (tenure − 1), so customers already on
-- the network when the data starts are known (`in_window` false: left-truncated).
-- Not the spell of rule_spells.sql (the lifecycle rules), on purpose: Kaplan–Meier and the cohort
-- table need one first spell per customer with an exact event month, free of rule parameters, so it
-- ends at the first dormant or missing month (a K-month grace would move every event K months later
-- and censor the last K months), and a return after an exit is not a second spell of the customer.
-- The join month from tenure is the one value/sql/historical_value.sql uses too.
CREATE OR REPLACE TEMP TABLE ${spells} AS
WITH r AS (
  SELECT *,
    m - row_number() OVER w AS run,
    first_value(m) OVER w AS m0,
    first_value(tenure) OVER w AS tenure0,
    first_value(dormant) OVER w AS dormant0
  FROM ${rows}
  WINDOW w AS (PARTITION BY customer_id ORDER BY m)
), ends AS (
  SELECT customer_id,
    any_value(m0) AS m0,
    any_value(tenure0) AS tenure0,
    bool_or(dormant0) AS dormant0,
    min(m) FILTER (WHERE churned) AS churn_m,
    min(m) FILTER (WHERE dormant) AS dormant_m,
    max(m) AS run_end
  FROM r
  WHERE run = m0 - 1
  GROUP BY customer_id
), last AS (SELECT max(m) AS l FROM ${rows}), s AS (
  SELECT e.*,
    CASE
      WHEN churn_m IS NOT NULL AND (dormant_m IS NULL OR churn_m < dormant_m) THEN churn_m
      WHEN dormant_m IS NOT NULL THEN dormant_m - 1
      ELSE run_end
    END AS last_active,
    churn_m IS NOT NULL OR dormant_m IS NOT NULL OR run_end < (SELECT l FROM last) AS event,
    m0 - greatest(coalesce(round(tenure0), 1), 1)::INTEGER + 1 AS join_m
  FROM ends e
)
SELECT customer_id, m0, join_m, last_active, event, dormant0,
  last_active - join_m + 1 AS duration,
  join_m = m0 AND NOT dormant0 AS in_window
FROM s
