-- Services each customer holds, from telco-style service columns (PhoneService, OnlineSecurity, …):
-- `${held}` is, per service column, whether any of the customer's rows has it (a value other than
-- No / No internet service / No phone service / empty), as i0, i1, ….
SELECT ${held}
FROM ${table}
GROUP BY customer_id
