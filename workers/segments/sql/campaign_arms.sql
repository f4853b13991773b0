-- Moves the customers drawn as control ($1: their ids joined by chr(31)) of a campaign population
-- to the control arm.
UPDATE ${candidates} SET arm = 'control'
WHERE customer_id IN (SELECT unnest(string_split(CAST($1 AS VARCHAR), chr(31))))
