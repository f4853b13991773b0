-- A campaign list's customers in list order with their ARPU and arm (the control draw and the
-- simulated outcomes).
SELECT ${columns}
FROM ${list}
ORDER BY rank
