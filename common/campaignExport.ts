/**
 * The columns of a campaign list's export and the words of its stage columns, shared by the worker
 * (which writes the CSV), the page (which gives the words in the UI language) and the command line
 * (English names, engine codes).
 */
import type { Bilingual } from './bilingual.ts';

/** Columns of a list export, in order (churn risk and stage/lever only when their tab has run). */
export const CAMPAIGN_COLUMNS = [
  'rank',
  'customer_id',
  'tier',
  'value',
  'arpu',
  'credit',
  'loyalty',
  'elasticity_layer',
  'churn_probability',
  'stage',
  'lever',
  'arm'
] as const;
export type CampaignColumn = (typeof CAMPAIGN_COLUMNS)[number];

/** What the stage words need of the stages that ran (workers/lifecycle/contract.ts StageSet). */
interface StagesLike {
  stages: string[];
  labels: Record<string, Bilingual>;
  analogOf: Record<string, string | null>;
}

/**
 * Each stage's name in `lang`, and the recommended lever of each stage: the lever text of the CLM
 * stage (A–E) it stands for, from `levers`.
 */
export function stageWords(
  stageSet: StagesLike | null,
  lang: keyof Bilingual,
  levers: Record<string, { levers: Bilingual }>
): { stage: Record<string, string>; levers: Record<string, string> } {
  const stages = stageSet?.stages ?? [];
  return {
    stage: Object.fromEntries(stages.map((s) => [s, stageSet!.labels[s]?.[lang] ?? s])),
    levers: Object.fromEntries(
      stages.flatMap((s) => {
        const analog = stageSet!.analogOf[s];
        return analog ? [[s, levers[analog].levers[lang]]] : [];
      })
    )
  };
}
