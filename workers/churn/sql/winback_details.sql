-- What seed 000 (initiative 1•4) asks the leavers' database to keep beside each leaver: the churn
-- reason and an effective contact (有效联系方式和离网原因), each customer's latest non-empty value
-- (`${order}`: the month, or the row number of a snapshot). Columns the file lacks arrive as NULL.
SELECT customer_id,
  arg_max(${reason}, ${order}) FILTER (WHERE ${reason} IS NOT NULL) AS churn_reason,
  arg_max(${contact}, ${order}) FILTER (WHERE ${contact} IS NOT NULL) AS contact
FROM ${table}
GROUP BY customer_id
