-- The usable outcome rows as `campout_<id>` (customer_id, responded, arpu_before, arpu_after,
-- subsidy, arm). `${subsidy}` is the discount column or a NULL; `${arm}` the file's arm column as
-- text or a NULL, read through the labels a file may use (English and Chinese).
CREATE OR REPLACE TABLE ${outcomes} AS
SELECT customer_id, churn AS responded, revenue AS arpu_before, amount AS arpu_after, ${subsidy} AS subsidy,
       CASE WHEN lower(trim(${arm})) IN ('target', 'treatment', 'campaign', 'test', 't', '目标', '目标组', '活动组', '营销组', '实验组', '试验组') THEN 'target'
            WHEN lower(trim(${arm})) IN ('control', 'holdout', 'c', '对照', '对照组', '控制组', '空白组') THEN 'control' END AS arm
FROM ${verdicts}
WHERE verdict IS NULL
