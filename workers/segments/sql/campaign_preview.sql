-- The first rows of a campaign list's target arm, in list order, for the screen.
SELECT *
FROM ${list}
WHERE arm = 'target'
ORDER BY rank
LIMIT 20
