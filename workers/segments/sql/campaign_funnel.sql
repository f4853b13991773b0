-- How many customers of the population each step removed: the first usual filter failed, the control
-- draw (arm), the value step that removed them.
SELECT usual_out, value_out, arm, count(*) AS n
FROM ${candidates}
GROUP BY ALL
