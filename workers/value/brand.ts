/**
 * Brand switches for the credit rating (转品牌用户): the seed's two moves are between the prepaid
 * intelligent-network brands (智能网: 神州行, 动感地带, or any "prepaid") and GoTone (全球通, or any
 * "postpaid"). A brand column may hold the brand names or just the payment type.
 *
 * The seed does not say how recent a switch must be. Here a customer has switched when the
 * previous-brand column (in the evaluation month) names the other side, or, without one, when the
 * brand in the oldest of the 6 months before the evaluation month was on the other side.
 */
import type { BrandSwitch } from './credit.ts';

export type BrandSide = 'goTone' | 'prepaid';

const GOTONE = /全球通|gotone|go.?tone|postpaid|post-paid|后付费|后付/i;
const PREPAID = /智能网|神州行|动感地带|easy.?own|m-?zone|prepaid|pre-paid|预付费|预付/i;

/** Which side of the seed's switch a brand value is on, or null for a brand it does not name. */
export function brandSide(brand: string | null): BrandSide | null {
  if (brand == null) return null;
  if (PREPAID.test(brand)) return 'prepaid';
  if (GOTONE.test(brand)) return 'goTone';
  return null;
}

/** The switch between the brand before (the previous-brand column, else the brand 6 months back) and now. */
export function brandSwitch(now: string | null, previous: string | null, before: string | null): BrandSwitch | null {
  const to = brandSide(now);
  const from = brandSide(previous ?? before);
  if (!to || !from || to === from) return null;
  return to === 'goTone' ? 'toGoTone' : 'toPrepaid';
}
