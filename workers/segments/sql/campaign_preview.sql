-- The first rows of a campaign list, in list order, for the screen.
SELECT *
FROM ${list}
ORDER BY rank
LIMIT 20
