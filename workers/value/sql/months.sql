-- The months of a panel, for the evaluation-month choice and the model windows: the distinct dates
-- first, then formatted (formatting every row's date cost 0.26 s on a 5M-row panel, this 0.02 s).
SELECT strftime(month, '%Y-%m') AS month FROM (SELECT DISTINCT month FROM ${table}) m ORDER BY month;
