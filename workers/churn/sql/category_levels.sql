-- Approximate distinct values of each category/text column (`${counts}`: approx_count_distinct(col)
-- AS n0, …), to offer those with 2–20 levels as splits and one-hot features.
SELECT ${counts}
FROM ${table}
