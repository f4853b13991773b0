-- The 12-month window of seed 003's activity figures (base_activity.sql): its first and last month.
SELECT strftime(CAST(max(month) - INTERVAL 11 MONTH AS DATE), '%Y-%m') AS window_from,
       strftime(max(month), '%Y-%m') AS window_to
FROM ${table}
