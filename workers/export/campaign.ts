/**
 * The campaign list as warehouse statements: the tab's population SQL
 * (workers/segments/sql/campaign_population.sql: on the network in the evaluation month, no X
 * line, the usual ARPU and stage filters) over the value scores and the stages of the same script,
 * then the value screening (sql/campaign_members.sql). What the script leaves to the tab: the
 * control arm (a seeded shuffle in the workbench's generator), and the filters and orders that read
 * a model's output (saved segments, churn risk, loyalty band, elasticity order); it refuses those.
 */
import { DEFAULT_CAMPAIGN, type CampaignParams } from '../../common/segmentParams.ts';
import { template } from '../db/sql.ts';
import type { DatasetHandle } from '../engine/engine.ts';
import { engineError } from '../engine/errors.ts';
import { stagesMatching } from '../engine/tables.ts';
import type { StageSet } from '../lifecycle/contract.ts';
import { valueInputs } from '../value/inputs.ts';
import populationSql from '../segments/sql/campaign_population.sql?raw';
import stagesInMonthSql from '../engine/sql/stages_in_month.sql?raw';
import membersSql from './sql/campaign_members.sql?raw';

export interface CampaignNames {
  windows: string;
  scores: string;
  stages: string;
  base: string;
  candidates: string;
}

/** Refuses what only the tab can do, naming it. */
function refuse(p: CampaignParams): void {
  const model = [
    p.segment != null && 'a saved segment',
    p.minChurnRisk != null && 'a churn-risk floor',
    p.loyalty != null && 'a loyalty band',
    p.order === 'elasticity' && 'the elasticity order'
  ].filter((x): x is string => !!x);
  if (model.length)
    throw engineError(
      'segments-bad-input',
      `The campaign script cannot use ${model.join(', ')}: they read the model code's results. Build that list in the tab or with clm campaign.`
    );
}

export function campaignStatements(
  ds: DatasetHandle,
  input: string,
  given: Partial<CampaignParams> | undefined,
  evaluationMonth: string,
  set: StageSet,
  names: CampaignNames
) {
  const p: CampaignParams = { ...DEFAULT_CAMPAIGN, ...given };
  refuse(p);
  if (!(p.dropBottom >= 0 && p.dropBottom < 1)) throw engineError('segments-bad-input', 'Shares must be in [0, 1).');
  const stages = p.stage ? stagesMatching(set, p.stage) : null;
  if (p.stage && !stages) throw engineError('segments-bad-input', `No stage ${p.stage} in the lifecycle rule set ${set.ruleSet}.`);
  const inputs = valueInputs(ds);
  // Credit grade X (workers/value/credit.ts): special lines and secondary numbers, whatever the score.
  const x = [inputs.markers.special, inputs.markers.secondary].flatMap((c) => (c ? [`w.${c.alias}`] : []));
  const special = x.length ? x.join(' OR ') : 'false';
  const values = `(SELECT s.customer_id, s.composite, s.current_value, s.value_tier,
       CASE WHEN ${special} THEN 'X' END AS credit, CAST(NULL AS VARCHAR) AS loyalty,
       CAST(NULL AS DOUBLE) AS elasticity, CAST(NULL AS VARCHAR) AS elasticity_layer
     FROM ${names.scores} s JOIN ${names.windows} w ON w.customer_id = s.customer_id)`;
  const col = (role: 'customerType' | 'region' | 'plan', name: string) =>
    ds.has(role) ? `arg_max(${name}, month)` : 'CAST(NULL AS VARCHAR)';
  const inMonth = template(stagesInMonthSql, { stages: names.stages })
    .replace(/^--.*\n/gm, '')
    .trim();
  const month = `${evaluationMonth}-01`;
  const statements = [
    {
      sql: `-- The customers of the input with their latest type, region and plan (the segmentation base's columns).
CREATE OR REPLACE TABLE ${names.base} AS
SELECT customer_id, ${col('customerType', 'customer_type')} AS customer_type, ${col('region', 'region')} AS region, ${col('plan', 'plan')} AS plan
FROM ${input}
WHERE customer_id IS NOT NULL
GROUP BY customer_id`
    },
    {
      sql: template(populationSql, {
        candidates: names.candidates,
        base: names.base,
        table: input,
        values,
        money: ds.has('revenue') ? 'revenue' : 'amount',
        churnFlag: ds.has('churn') ? 'churn' : 'CAST(NULL AS BOOLEAN)',
        members: names.base,
        joins: `LEFT JOIN (${inMonth}) s USING (customer_id)`,
        churn: 'CAST(NULL AS DOUBLE)',
        stage: 's.stage'
      }),
      params: [month, p.arpuMin, p.arpuMax, stages?.join('\u001f') ?? null, null]
    },
    { sql: template(membersSql, { candidates: names.candidates }), params: [p.dropBottom, p.valueTier] }
  ];
  const lines = [
    `campaign list: evaluation month ${evaluationMonth} (the value scores'); on the network that month, no special line (credit grade X)`,
    `ARPU from ${p.arpuMin ?? '–'} to ${p.arpuMax ?? '–'}; stage ${p.stage ?? 'any'}${stages ? ` (${stages.join(', ')})` : ''}`,
    `value screening: negative current value out, bottom ${p.dropBottom} of the assessed by composite out, value tier ${p.valueTier ?? 'any'}`,
    `returned: the screened target population, highest value first. The tab then draws its control arm with its seeded generator`,
    `  (${p.design} design, share ${p.controlShare}, seed ${p.seed}), which this script does not: with the holdout design the tab's`,
    `  target and control arms together are these customers; with the seed design the tab draws the control before the screening,`,
    `  so its bottom share is counted on fewer customers; with no control share the lists are equal.`
  ];
  return { statements, lines };
}
