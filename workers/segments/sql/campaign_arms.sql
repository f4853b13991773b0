-- Moves the drawn control customers ($1: their ids joined by chr(31)) of a campaign list to the
-- control arm.
UPDATE ${list} SET arm = 'control'
WHERE customer_id IN (SELECT unnest(string_split(CAST($1 AS VARCHAR), chr(31))))
