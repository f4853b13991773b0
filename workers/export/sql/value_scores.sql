-- Seed 004's four values per customer on the network in the evaluation month, their composite on
-- the chosen basis and the value tier, as the Customer value tab computes them
-- (workers/value/assess.ts, composite.ts, history.ts, influence.ts), from the customer windows
-- ${windows} and histories ${history}. Fragments in ${…} are built from the parameters
-- (workers/export/value.ts). The sums run in the tab's order (0 + first + second …), so the
-- composite is the tab's to the last bit wherever its inputs are.
CREATE OR REPLACE TABLE ${scores} AS
WITH facts AS (
  SELECT w.*, h.hist_months, h.obs_value, h.obs_weight,
         CAST(floor(CAST(h.hist_months AS DOUBLE) / 12) AS INTEGER) AS hist_years,
         coalesce(w.profit_mean6, 0) AS a,
         coalesce(w.rev3, 0) AS spend3
  FROM ${windows} w
  JOIN ${history} h ON h.customer_id = w.customer_id
), decayed AS (
  -- Σ_{k<t} Q^⌊k/12⌋ = 12 (1 − Q^n) / (1 − Q) + m Q^n for t = 12 n + m months (models decayedMonths)
  SELECT *,
         CASE WHEN hist_months > 0
              THEN ${wholeYears} + (hist_months - 12 * hist_years) * pow(${q}, hist_years)
              ELSE 0 END AS decayed_months
  FROM facts
), yuan AS (
  SELECT d.customer_id, d.hist_months, d.decayed_months,
         ${historical} AS historical,
         d.spend3 - coalesce(d.cost3, 0) - coalesce(d.disc3, 0) AS current_value,
         ${future} AS future,
         ${influence} AS influence
  FROM decayed d ${futureJoin}
), based AS (
  SELECT customer_id, hist_months, historical, current_value, future, influence,
         ${onBasis} AS b_historical,
         ${onBasisCurrent} AS b_current,
         ${onBasisFuture} AS b_future,
         influence AS b_influence
  FROM yuan
), counted AS (
  SELECT *, count(*) OVER () AS n,
         rank() OVER (ORDER BY b_historical) AS r_historical, count(*) OVER (PARTITION BY b_historical) AS t_historical,
         rank() OVER (ORDER BY b_current) AS r_current, count(*) OVER (PARTITION BY b_current) AS t_current,
         rank() OVER (ORDER BY b_future) AS r_future, count(*) OVER (PARTITION BY b_future) AS t_future,
         rank() OVER (ORDER BY b_influence) AS r_influence, count(*) OVER (PARTITION BY b_influence) AS t_influence
  FROM based
), composed AS (
  SELECT customer_id, hist_months, historical, current_value, future, influence, n,
         0 + ${weightHistorical} * ${pointsHistorical} + ${weightCurrent} * ${pointsCurrent}
           + ${weightFuture} * ${pointsFuture} + ${weightInfluence} * ${pointsInfluence} AS composite
  FROM counted
), placed AS (
  -- value tiers by composite rank, highest first; equal composites in customer order, as the tab's stable sort
  SELECT *, row_number() OVER (ORDER BY composite DESC, customer_id /*COLLATE "C"*/) - 1 AS place
  FROM composed
)
SELECT customer_id, historical, hist_months AS history_months, current_value, future, influence, composite,
       CASE WHEN place < ${highShare} * n THEN 'high' WHEN place < ${mediumShare} * n THEN 'medium' ELSE 'low' END AS value_tier
FROM placed
