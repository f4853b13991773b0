-- The campaign list `campaign_<id>`: the candidates at or above the dropped bottom share ($1, by
-- value percent rank), numbered in the chosen order. Every customer starts in the target arm; the
-- seeded control draw (TypeScript) moves some to control (campaign_arms.sql).
CREATE OR REPLACE TABLE ${out} AS
SELECT row_number() OVER (ORDER BY ${order}) AS rank, * EXCLUDE (pr), 'target' AS arm
FROM ${candidates}
WHERE pr >= CAST($1 AS DOUBLE)
ORDER BY rank
