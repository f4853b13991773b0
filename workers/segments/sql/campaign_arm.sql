-- One arm ($1: 'target' or 'control') of a campaign list in list order, with the chosen columns.
SELECT ${columns}
FROM ${list}
WHERE arm = CAST($1 AS VARCHAR)
ORDER BY rank
