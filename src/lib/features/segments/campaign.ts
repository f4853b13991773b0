/**
 * The campaign part's pure helpers (no DOM, no engine): the calculator's starting values (the
 * Shenzhen Mobile cases), the export's words for the worker, the list's definition as rows, the
 * funnel's rows. The arithmetic itself is retentionRoi & co. in the worker (campaignArithmetic).
 */
import type { CampaignArithmeticInput, CampaignCsvLabels, CampaignColumn, CampaignList, CampaignStep } from '$workers/segments/contract';
import type { ClmStage, StageSet } from '$workers/lifecycle/contract';
import type { Bilingual } from '$common/bilingual';
import { CAMPAIGN_COLUMNS, stageWords } from '$common/campaignExport';
import type { Lang } from '$lib/i18n/i18n.svelte';
import { cm, type CampaignKey } from './campaignMessages';

/**
 * The Shenzhen Mobile cases as the calculator opens: retention (80,000 names, 15%, 450 yuan per
 * retention, one-year bundle; the ARPU difference is not in the case: 15 yuan is what its benefit
 * of 2.16 million implies), channel rates (the case gives no channel cost: both start at the care
 * campaigns' 16 yuan of marketing cost a head), the care campaigns' saving and the top-up case.
 */
export const SEED_CASES: CampaignArithmeticInput = {
  retention: { listSize: 80_000, successRate: 0.15, costPerSuccess: 450, arpuDifference: 15, bundleMonths: 12, controlSuccessRate: null },
  channels: [
    { channel: 'outbound', successRate: 0.07, costPerContact: 16 },
    { channel: 'sms', successRate: 0.005, costPerContact: 16 }
  ],
  saving: { contacts: 3_890_000, dropShare: 0.05, costPerHead: 16 },
  topUp: { targets: 1_300_000, successRate: 0.15, arpuDifference: 7.0256, months: 12 }
};

/** The calculator's inputs, each a finite number (a blank optional control rate is null); null when any is not. */
export function arithmeticInput(x: CampaignArithmeticInput): CampaignArithmeticInput | null {
  const n = (v: unknown) => (v === '' || v == null ? NaN : Number(v));
  const r = x.retention;
  const control = r.controlSuccessRate === null || (r.controlSuccessRate as unknown) === '' ? null : n(r.controlSuccessRate);
  const out: CampaignArithmeticInput = {
    retention: {
      listSize: n(r.listSize),
      successRate: n(r.successRate),
      costPerSuccess: n(r.costPerSuccess),
      arpuDifference: n(r.arpuDifference),
      bundleMonths: n(r.bundleMonths),
      controlSuccessRate: control
    },
    channels: x.channels.map((c) => ({ channel: c.channel, successRate: n(c.successRate), costPerContact: n(c.costPerContact) })),
    saving: { contacts: n(x.saving.contacts), dropShare: n(x.saving.dropShare), costPerHead: n(x.saving.costPerHead) },
    topUp: {
      targets: n(x.topUp.targets),
      successRate: n(x.topUp.successRate),
      arpuDifference: n(x.topUp.arpuDifference),
      months: n(x.topUp.months)
    }
  };
  const numbers = [
    ...Object.values(out.retention),
    ...out.channels.flatMap((c) => [c.successRate, c.costPerContact]),
    ...Object.values(out.saving),
    ...Object.values(out.topUp)
  ];
  return numbers.every((v) => v === null || Number.isFinite(v)) ? out : null;
}

/**
 * The export's headers and codes in `lang`, and the recommended lever of each stage of the rule set
 * that ran (the lever text of the CLM stage it stands for).
 */
export function exportLabels(lang: Lang, stageSet: StageSet | null, levers: Record<ClmStage, { levers: Bilingual }>): CampaignCsvLabels {
  const w = (k: CampaignKey) => cm[lang][k];
  const codes = (prefix: string, keys: string[]) => Object.fromEntries(keys.map((k) => [k, w(`${prefix}_${k}` as CampaignKey)]));
  const stages = stageWords(stageSet, lang, levers);
  return {
    headers: Object.fromEntries(CAMPAIGN_COLUMNS.map((c) => [c, w(`col_${c}` as CampaignKey)])) as Record<CampaignColumn, string>,
    codes: {
      tier: codes('tier', ['high', 'medium', 'low']),
      loyalty: codes('loyalty', ['high', 'fairlyHigh', 'average', 'low']),
      elasticity_layer: codes('layer', ['high', 'medium', 'low', 'undefined']),
      arm: { target: w('target'), control: w('control') },
      stage: stages.stage
    },
    levers: stages.levers
  };
}

/** Each step of the list's funnel with its words: the first row is where it starts. */
export function funnelRows(
  list: CampaignList,
  t: (k: CampaignKey, vars?: Record<string, string>) => string,
  month: string,
  pct: (v: number) => string
): { label: string; removed: number | null; remaining: number }[] {
  const label = (s: CampaignStep) => t(`step_${s}` as CampaignKey, { month, share: pct(list.params.dropBottom) });
  return [
    { label: t('funnelStart'), removed: null, remaining: list.funnel.customers },
    ...list.funnel.steps.map((s) => ({ label: label(s.step), removed: s.removed, remaining: s.remaining }))
  ];
}

/** Both arms' definitions in words. */
export function armDefinitions(
  list: CampaignList,
  t: (k: CampaignKey, vars?: Record<string, string>) => string,
  month: string,
  pct: (v: number) => string
): { target: string; control: string } {
  const p = list.params;
  const extra =
    (p.valueTier ? t('armDefTier', { tier: t(`tier_${p.valueTier}` as CampaignKey) }) : '') +
    (p.loyalty ? t('armDefLoyalty', { band: t(`loyalty_${p.loyalty}` as CampaignKey) }) : '');
  return {
    target: t('armDef_target', {
      month,
      share: pct(p.dropBottom),
      extra,
      order: t(p.order === 'elasticity' ? 'orderIn_elasticity' : 'orderIn_value')
    }),
    control: t(p.design === 'seed' ? 'armDef_control_seed' : 'armDef_control_holdout', { share: pct(p.controlShare) })
  };
}

/** A parameter's row label: the form's words and the link's key (which a colleague's browser reads). */
const PARAM_WORDS: Record<string, CampaignKey> = {
  segment: 'segment',
  arpuMin: 'arpuMin',
  arpuMax: 'arpuMax',
  stage: 'stage',
  minChurnRisk: 'minChurnRisk',
  valueTier: 'valueTier',
  loyalty: 'loyaltyBand',
  dropBottom: 'dropBottom',
  order: 'order',
  design: 'design',
  controlShare: 'controlShare',
  seed: 'seed'
};
const param = (k: string, t: (k: CampaignKey) => string) => (PARAM_WORDS[k] ? `${t(PARAM_WORDS[k])} (${k})` : k);

/**
 * The list's definition as rows of item, value and customers remaining (the export beside the two
 * arms): data, month, design, both arms in words, every step with its count, the parameters.
 */
export function definitionRows(
  list: CampaignList,
  t: (k: CampaignKey, vars?: Record<string, string>) => string,
  month: string,
  pct: (v: number) => string,
  dataset: string
): (string | number | null)[][] {
  const defs = armDefinitions(list, t, month, pct);
  const p = list.params;
  return [
    [t('def_dataset'), dataset, null],
    [t('def_month'), list.evaluationMonth, null],
    [t('def_design'), t(`design_${p.design}` as CampaignKey), null],
    [t('target'), defs.target, list.target],
    [t('control'), defs.control, list.control],
    ...funnelRows(list, t, month, pct).map((r) => [r.label, r.removed, r.remaining]),
    ...Object.entries(p).map(([k, v]) => [param(k, t), v == null ? '' : typeof v === 'number' ? v : String(v), null])
  ];
}
