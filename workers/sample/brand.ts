/**
 * The brand columns of the sample panel, for the credit rating's brand-switch rules (seed 004,
 * 转品牌用户: 智能网转全球通 / 全球通转智能网) and its info-phone exemption (信息机不调整): each month's
 * brand (全球通 GoTone, or the prepaid brands 神州行 Easyown and 动感地带 M-Zone) and an info-phone flag.
 *
 * Drawn from a stream of their own, `streamSeed(streamSeed(seed, customer), BRAND_STREAM)`, and written
 * after the social columns, so columns 1–25 stay byte-identical for a seed. A customer's profile is
 * drawn once; the rows draw nothing, so they depend only on (seed, customer, month).
 */
import type { CsvWriter } from './csvWriter.ts';
import { streamSeed, type Rng } from '../models/prng.ts';
import type { Bilingual } from '../../common/bilingual.ts';

/** Stream id of the brand columns within a customer's seed. */
export const BRAND_STREAM = 0xb4a2d;

/** 全球通 first; the two prepaid (智能网) brands after it. */
export const BRANDS: readonly Bilingual[] = [
  { zh: '全球通', en: 'GoTone' },
  { zh: '神州行', en: 'Easyown' },
  { zh: '动感地带', en: 'M-Zone' }
];

export interface BrandProfile {
  /** Index into BRANDS before the switch month, and from it on. */
  before: number;
  after: number;
  /** Panel month index (0-based) of the switch; months before it carry `before`. */
  switchMonth: number;
  infoPhone: 0 | 1;
}

export function emptyBrandProfile(): BrandProfile {
  return { before: 0, after: 0, switchMonth: 0, infoPhone: 0 };
}

/**
 * Reseeds `rng` for customer `c` and draws the brand profile: business lines and most customers on
 * plans of 99 yuan or more are on GoTone, the rest on a prepaid brand; about 3 % move from prepaid to
 * GoTone and 1.5 % the other way in a month of the panel; 1 % of lines are info-phones.
 */
export function planBrand(rng: Rng, seed: number, c: number, business: boolean, fee: number, months: number, out: BrandProfile): void {
  rng.reseed(streamSeed(streamSeed(seed, c), BRAND_STREAM));
  const goTone = rng.chance(business ? 0.9 : fee >= 99 ? 0.6 : 0.15);
  const prepaid = rng.chance(0.7) ? 1 : 2;
  out.before = goTone ? 0 : prepaid;
  const move = rng.uniform();
  out.after = !goTone && move < 0.03 ? 0 : goTone && move < 0.015 ? prepaid : out.before;
  out.switchMonth = rng.int(1, Math.max(1, months - 1));
  out.infoPhone = rng.chance(0.01) ? 1 : 0;
}

/** Writes the two brand fields of month `m`, each preceded by a comma. */
export function writeBrand(panel: CsvWriter, brands: readonly Uint8Array[], p: BrandProfile, m: number): void {
  panel.comma();
  panel.writeBytes(brands[m < p.switchMonth ? p.before : p.after]);
  panel.comma();
  panel.writeInt(p.infoPhone);
}
