-- A campaign list's customers, target arm then control, each in its order, with the chosen columns
-- (the simulated outcomes).
SELECT ${columns}
FROM ${list}
ORDER BY arm DESC, rank
