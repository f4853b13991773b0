/**
 * The registry of the models the Lifetime value tab fits on a transaction log: one entry per model,
 * with what the tab shows of it (label, parameter symbols, the published reference) and what the
 * worker does with it (its fit; for a purchase model P(alive) and the expected purchases of an
 * alive customer, for a spend model the expected spend). The fits, the AIC choice, the validation
 * tables, the scoring of every customer and the tab's panels iterate over it: adding a model is a
 * model file in workers/models and one entry here (docs/ARCHITECTURE.md, "How to add a model").
 *
 * Entries keep their order everywhere (tables, legends). The first purchase model that fits is the
 * anchor: the P(alive) heatmap and the fallback when the chosen model did not fit.
 */
import type { Bilingual } from '../../common/bilingual.ts';
import {
  bgNbdProbAlive,
  bgNbdPurchasesIfAlive,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  gammaGammaExpectedSpend,
  mbgNbdProbAlive,
  mbgNbdPurchasesIfAlive,
  paretoNbdProbAliveFor,
  paretoNbdPurchasesIfAlive,
  type BgNbdParams,
  type GammaGammaParams,
  type MbgNbdParams,
  type ParetoNbdParams,
  type RfmRow,
  type SpendRow
} from '../models/index.ts';

/** What a fit returns that the tab uses (every fit in workers/models returns at least this). */
export interface ModelFit<P> {
  params: P;
  logLikelihood: number;
  converged: boolean;
  unidentified: readonly string[];
}

interface Described<P> {
  /** The model's name in both languages (legends, tables, notes). */
  label: Bilingual;
  /** The paper the tab cites for the model. */
  reference: string;
  /** Every parameter in the model's order, with the symbol the tab shows (α for alpha). */
  symbols: { [K in keyof P]: string };
}

/** A model of how many purchases a customer makes and whether they are still a customer. */
export interface PurchaseModel<P = never> extends Described<P> {
  kind: 'purchase';
  /** Fits merged histories (x, tₓ, T with a count). */
  fit(histories: readonly RfmRow[]): ModelFit<P>;
  /** P(alive | x, tₓ, T) under one fit; a factory so a model may share work across customers. */
  alive(params: P): (history: RfmRow) => number;
  /** Expected purchases in the next t of a customer alive at age T with x repeat purchases. */
  ifAlive(params: P, t: number, x: number, T: number): number;
}

/** A model of how much a customer spends per purchase. */
export interface SpendModel<P = never> extends Described<P> {
  kind: 'spend';
  /** Fits every customer's (frequency, mean repeat spend); rows without repeats carry no information. */
  fit(rows: readonly SpendRow[]): ModelFit<P>;
  expectedSpend(params: P, row: SpendRow): number;
}

const purchase = <P>(m: Omit<PurchaseModel<P>, 'kind'>): PurchaseModel<P> => ({ kind: 'purchase', ...m });
const spend = <P>(m: Omit<SpendModel<P>, 'kind'>): SpendModel<P> => ({ kind: 'spend', ...m });

export const LTV_MODELS = {
  bgNbd: purchase<BgNbdParams>({
    label: { en: 'BG/NBD', zh: 'BG/NBD' },
    reference: 'Fader, Hardie & Lee (2005), Marketing Science 24(2)',
    symbols: { r: 'r', alpha: 'α', a: 'a', b: 'b' },
    fit: fitBgNbd,
    alive: (p) => (h) => bgNbdProbAlive(p, h),
    ifAlive: bgNbdPurchasesIfAlive
  }),
  paretoNbd: purchase<ParetoNbdParams>({
    label: { en: 'Pareto/NBD', zh: 'Pareto/NBD' },
    reference: 'Schmittlein, Morrison & Colombo (1987), Management Science 33(1)',
    symbols: { r: 'r', alpha: 'α', s: 's', beta: 'β' },
    fit: fitParetoNbd,
    alive: paretoNbdProbAliveFor,
    ifAlive: paretoNbdPurchasesIfAlive
  }),
  mbgNbd: purchase<MbgNbdParams>({
    label: { en: 'MBG/NBD', zh: 'MBG/NBD' },
    reference: 'Batislam, Denizel & Filiztekin (2007), International Journal of Research in Marketing 24(3)',
    symbols: { r: 'r', alpha: 'α', a: 'a', b: 'b' },
    fit: fitMbgNbd,
    alive: (p) => (h) => mbgNbdProbAlive(p, h),
    ifAlive: mbgNbdPurchasesIfAlive
  }),
  gammaGamma: spend<GammaGammaParams>({
    label: { en: 'Gamma–Gamma', zh: 'Gamma–Gamma' },
    reference: 'Fader & Hardie (2013), “The Gamma-Gamma Model of Monetary Value”',
    symbols: { p: 'p', q: 'q', v: 'γ' },
    fit: fitGammaGamma,
    expectedSpend: gammaGammaExpectedSpend
  })
};

export type LtvModelId = keyof typeof LTV_MODELS;
type Registry = typeof LTV_MODELS;
export type PurchaseModelId = { [K in LtvModelId]: Registry[K] extends { kind: 'purchase' } ? K : never }[LtvModelId];
export type SpendModelId = Exclude<LtvModelId, PurchaseModelId>;

/** The registry's entries in order, with their ids. */
export const MODEL_ENTRIES = Object.entries(LTV_MODELS) as [LtvModelId, PurchaseModel<object> | SpendModel<object>][];
