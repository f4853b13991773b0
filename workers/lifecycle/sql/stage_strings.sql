-- Each customer's stages as one string of month + stage ("202301A202302A…"), to compare with the
-- sample's planted stages with a small transfer. CLM stage codes are one letter.
SELECT customer_id, string_agg(strftime(month, '%Y%m') || stage, '' ORDER BY month) AS s
FROM ${stages}
GROUP BY customer_id
