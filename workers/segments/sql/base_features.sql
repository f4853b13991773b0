-- Which usage features the segmentation base has: customers with a value of each.
SELECT count(voice) AS voice, count(data) AS data, count(sms) AS sms, count(vas) AS vas
FROM ${base}
