-- The customers of a member table (a saved segment), for look-alikes.
SELECT customer_id FROM ${table}
