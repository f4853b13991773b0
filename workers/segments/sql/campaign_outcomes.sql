-- Outcome rows of the customers on a campaign list, in list order, each with its arm (the outcome
-- file's arm where it names one, else the list's), value tier and elasticity layer.
SELECT coalesce(o.arm, l.arm) AS arm, o.responded, o.arpu_before, o.arpu_after, o.subsidy, l.tier, l.elasticity_layer
FROM ${outcomes} o
JOIN ${list} l USING (customer_id)
ORDER BY l.arm DESC, l.rank
