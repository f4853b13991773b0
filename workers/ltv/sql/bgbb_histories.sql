-- Aggregated discrete-time histories for BG/BB (frequency x, recency t_x, opportunities n, and how
-- many customers share them), from the columns the user's table names so.
SELECT ${frequency} AS frequency, ${recency} AS recency, ${periods} AS n, ${weights} AS count
FROM ${table}
WHERE ${frequency} IS NOT NULL AND ${recency} IS NOT NULL AND ${periods} IS NOT NULL AND ${weights} IS NOT NULL
