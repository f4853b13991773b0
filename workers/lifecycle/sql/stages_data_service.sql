-- Data-service lifecycle of seed 002 (Zhongshan Mobile): acquired → interested → habitual →
-- losing interest → cancelled, per customer and month. In that seed (2009) "data services" are SMS,
-- GPRS/data and value-added services such as ring-back tones, so the rule reads every one the file
-- has: data MB (流量), SMS (短信) and value-added services held (增值业务). Without any of them it falls
-- back to revenue. The same skeleton as the default rule:
--   use: data MB + SMS × (typical monthly MB ÷ typical monthly SMS, means over months with use):
--     SMS counted in MB at the ratio of a typical user's months, so data use alone is compared as
--     it is; without a data column, SMS alone;
--   services used in a month: data (MB > 0) + SMS (> 0) + value-added services held;
--   cancelled: the churn flag; the last row before more than K months without rows, or before the
--     data ends; or K months in a row without any data service;
--   acquired: the first N months of tenure (tenure column, else months since the spell started;
--     customers present in the first data month have no known start);
--   losing interest: use of the last W months ≤ (1−down) × the W before, or the services used fell
--     by at least `services_drop` against the most used in the previous W months (0 turns that off);
--   interested: use rising, ratio ≥ 1+up (still discovering the services);
--   habitual: otherwise (stable use).
-- Parameters: $1 N, $2 K, $3 W, $4 up, $5 down, $6 services dropped. Use is compared in exact
-- integers (1/10000 MB, or of a yuan). Spells and windows: rule_spells.sql.
CREATE OR REPLACE TABLE ${target} AS
WITH ${spells}
SELECT t.customer_id, t.month,
  CASE
    ${exit_acquired}
    WHEN CAST($6 AS INTEGER) > 0 AND t.services_before - t.services >= CAST($6 AS INTEGER) THEN 'losing'
    WHEN t.h = 0 THEN 'habitual'
    WHEN t.previous_sum <= 0 THEN CASE WHEN t.recent_sum > 0 THEN 'interested' ELSE 'losing' END
    WHEN t.recent_sum * 10000 >= (10000 + CAST(round($4 * 10000) AS BIGINT)) * t.previous_sum THEN 'interested'
    WHEN t.recent_sum * 10000 <= (10000 - CAST(round($5 * 10000) AS BIGINT)) * t.previous_sum THEN 'losing'
    ELSE 'habitual'
  END AS stage
FROM trend t, bounds
