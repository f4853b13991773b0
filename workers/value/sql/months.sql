-- The months of a panel, for the evaluation-month choice and the model windows.
SELECT DISTINCT strftime(month, '%Y-%m') AS month FROM ${table} ORDER BY month;
