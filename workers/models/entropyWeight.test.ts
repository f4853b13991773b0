// Reference values: R 4.2.2, the entropy-weight method written out in base R:
//   X <- cbind(1:10, c(2,1,4,3,6,5,8,9,7,10), c(5,3,4,1,2,6,8,7,9,4), c(0,0,0,1,0,0,5,0,0,2))
//   N <- apply(X,2,function(v)(v-min(v))/(max(v)-min(v))); P <- sweep(N,2,colSums(N),"/")
//   e <- -colSums(ifelse(P>0,P*log(P),0))/log(nrow(X)); print((1-e)/sum(1-e), digits=15)
import { describe, expect, it } from 'vitest';
import { entropyWeights } from './entropyWeight.ts';
import { ModelError } from './errors.ts';

const X = [
  [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  [2, 1, 4, 3, 6, 5, 8, 9, 7, 10],
  [5, 3, 4, 1, 2, 6, 8, 7, 9, 4],
  [0, 0, 0, 1, 0, 0, 5, 0, 0, 2]
];
const R_WEIGHTS = [0.117479019396597, 0.117479019396597, 0.113220363765702, 0.651821597441104];

describe('entropyWeights', () => {
  it('matches the base-R computation to 12 digits and sums to 1', () => {
    const w = entropyWeights(X);
    w.forEach((v, j) => expect(v).toBeCloseTo(R_WEIGHTS[j], 12));
    expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
  });
  it('hand-checked: two customers give every varying column entropy 0, so equal weights', () => {
    // n = 2: normalised values {0, 1}, p = {0, 1}, e = 0, d = 1 for each column.
    expect(
      entropyWeights([
        [1, 5],
        [3, 2]
      ])
    ).toEqual([0.5, 0.5]);
  });
  it('gives a constant column weight 0 and refuses all-constant input with a code', () => {
    expect(entropyWeights([X[0], X[0].map(() => 4)])).toEqual([1, 0]);
    try {
      entropyWeights([[3, 3, 3]]);
      expect.unreachable();
    } catch (e) {
      expect((e as ModelError).code).toBe('constant-feature');
    }
  });
});
