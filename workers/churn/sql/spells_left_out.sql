-- First spells left out of cohort retention: joined before the data window (known from tenure) or
-- dormant from their first month.
SELECT count(*) FILTER (WHERE NOT in_window) AS n
FROM ${spells}
