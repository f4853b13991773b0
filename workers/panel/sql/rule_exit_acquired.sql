-- The first branches of a spell-based rule's CASE (rule_spells.sql's trend rows `t`, its bounds),
-- shared by the CLM and the data-service rules, which name the two stages in their own words
-- (${exit}, ${acquired}). Parameters: $1 = N (months of tenure that are acquisition), $2 = K.
--   exit: the churn flag; the last row before more than K months without rows, or the last row of
--     a customer who never comes back before the data ends; or K months in a row inactive;
--   acquired: the first N months of tenure (the tenure column, else months since the spell
--     started; customers present in the first data month have no known start).
    WHEN t.churn THEN ${exit}
    WHEN t.gap_after IS NULL AND t.month_index < bounds.last_index THEN ${exit}
    WHEN t.gap_after > CAST($2 AS INTEGER) THEN ${exit}
    WHEN NOT t.active AND t.month_index - coalesce(t.last_active_index, t.spell_start - 1) >= CAST($2 AS INTEGER) THEN ${exit}
    WHEN t.tenure IS NOT NULL AND t.tenure <= CAST($1 AS INTEGER) THEN ${acquired}
    WHEN t.tenure IS NULL AND t.spell_start <> bounds.first_index
      AND t.month_index - t.spell_start < CAST($1 AS INTEGER) THEN ${acquired}
