-- Items each customer "holds" when the file has no service columns, from the segmentation base:
-- any and several value-added services, heavy data, voice and SMS use (at or above the median of
-- users) and a high plan spend (ARPU at or above the 75th percentile).
SELECT coalesce(vas >= 1, FALSE) AS i0,
       coalesce(vas >= 3, FALSE) AS i1,
       coalesce(data >= (SELECT median(data) FROM ${base} WHERE data > 0), FALSE) AS i2,
       coalesce(voice >= (SELECT median(voice) FROM ${base} WHERE voice > 0), FALSE) AS i3,
       coalesce(sms >= (SELECT median(sms) FROM ${base} WHERE sms > 0), FALSE) AS i4,
       coalesce(arpu >= (SELECT quantile_cont(arpu, 0.75) FROM ${base}), FALSE) AS i5
FROM ${base}
