-- Outcome rows the evaluation cannot use, by reason, with the first three rows and customers.
SELECT verdict, count(*) AS n,
       array_to_string(list(_row ORDER BY _row)[1:3], ',') AS rows_,
       array_to_string(list(customer_id ORDER BY _row)[1:3], chr(31)) AS ids
FROM ${verdicts}
WHERE verdict IS NOT NULL
GROUP BY verdict
ORDER BY verdict
