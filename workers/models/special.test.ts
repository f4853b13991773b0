// Reference values: Abramowitz & Stegun (1964) closed forms and tables; digamma values from
// ψ(1) = −γ (Euler–Mascheroni), ψ(1/2) = −γ − 2 ln 2, and R 4.2.2 `digamma(3.7)`.
import { describe, expect, it } from 'vitest';
import { digamma, gaussLegendre, hyp2f1, hyp2f1PlusOne, lbeta, lgamma, logAddExp, logSumExp } from './special.ts';
import { ModelError } from './errors.ts';

const EULER_GAMMA = 0.5772156649015329;

describe('lgamma', () => {
  it('matches log factorials', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 60; n++) {
      expect(lgamma(n)).toBeCloseTo(logFactorial, 11);
      logFactorial += Math.log(n);
    }
  });
  it('matches Γ(1/2) = √π and Γ(3/2) = √π/2', () => {
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(lgamma(1.5)).toBeCloseTo(0.5 * Math.log(Math.PI) - Math.log(2), 14);
  });
  it('handles small and negative arguments by reflection', () => {
    // Γ(−1/2) = −2√π, so ln|Γ(−1/2)| = ln(2√π)
    expect(lgamma(-0.5)).toBeCloseTo(Math.log(2 * Math.sqrt(Math.PI)), 13);
    // Γ(x) ≈ 1/x − γ for small x
    expect(lgamma(1e-8)).toBeCloseTo(-Math.log(1e-8) - EULER_GAMMA * 1e-8, 10);
  });
  it('is continuous across the Lanczos/Stirling switch at 15', () => {
    // R 4.2.2 (options(digits = 17)): lgamma(15), lgamma(14.999999), lgamma(100.5)
    expect(lgamma(15)).toBeCloseTo(25.19122118273868, 12);
    expect(lgamma(14.999999)).toBeCloseTo(25.191218508392055, 12); // R 4.2.2
    expect(lgamma(100.5)).toBeCloseTo(361.43554046777757, 10);
  });
  it('throws at poles', () => {
    expect(() => lgamma(0)).toThrow(ModelError);
    expect(() => lgamma(-3)).toThrow(ModelError);
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
    expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 13);
    expect(digamma(10)).toBeCloseTo(-EULER_GAMMA + [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((s, k) => s + 1 / k, 0), 13);
    // R 4.2.2: digamma(3.7) = 1.1671535393615113
    expect(digamma(3.7)).toBeCloseTo(1.1671535393615113, 12);
  });
  it('is the derivative of lgamma', () => {
    for (const x of [0.3, 1.7, 12, 40]) {
      const h = 1e-5;
      expect(digamma(x)).toBeCloseTo((lgamma(x + h) - lgamma(x - h)) / (2 * h), 7);
    }
  });
});

describe('lbeta and log-sum-exp', () => {
  it('lbeta matches B(2,3) = 1/12 and B(1/2,1/2) = π', () => {
    expect(lbeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(lbeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });
  it('logSumExp avoids overflow', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logSumExp([-Infinity, 0])).toBe(0);
    expect(logSumExp([])).toBe(-Infinity);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms on [0, 1)', () => {
    for (const z of [0, 0.1, 0.5, 0.9, 0.99]) {
      const expected = z === 0 ? 1 : -Math.log(1 - z) / z; // A&S 15.1.3
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(expected, 11);
      expect(hyp2f1(2.5, 1.3, 1.3, z) / Math.pow(1 - z, -2.5)).toBeCloseTo(1, 12); // A&S 15.1.8
    }
    const x = 0.7; // A&S 15.1.6: F(1/2, 1/2; 3/2; x²) = arcsin(x)/x
    expect(hyp2f1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 13);
  });
  it('matches closed forms for negative z (Pfaff branch)', () => {
    for (const z of [0.2, 1, 5, 40]) {
      expect(hyp2f1(1, 1, 2, -z)).toBeCloseTo(Math.log(1 + z) / z, 12); // A&S 15.1.3
    }
    // A&S 15.1.5: F(1/2, 1; 3/2; −x²) = arctan(x)/x
    expect(hyp2f1(0.5, 1, 1.5, -4)).toBeCloseTo(Math.atan(2) / 2, 12);
  });
  it('matches the Euler integral (A&S 15.3.1) at BG/NBD-like arguments near z = 1', () => {
    const a = 0.243,
      b = 2.426,
      c = 2.219,
      z = 0.9;
    // Euler integral F = Γ(c)/(Γ(b)Γ(c−b)) ∫ t^(b−1)(1−t)^(c−b−1)(1−zt)^(−a) dt needs c > b; use
    // the symmetric form with a and b swapped (c > a): integrate by Simpson after t = u^(1/a).
    const n = 200_000;
    let integral = 0;
    for (let i = 0; i <= n; i++) {
      const u = i / n;
      const t = Math.pow(u, 1 / a);
      const f = (Math.pow(1 - t, c - a - 1) * Math.pow(1 - z * t, -b)) / a;
      const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
      integral += w * f;
    }
    integral /= 3 * n;
    const expected = Math.exp(lgamma(c) - lgamma(a) - lgamma(c - a)) * integral;
    expect(hyp2f1(a, b, c, z)).toBeCloseTo(expected, 6);
  });
  it('matches mpmath 1.3.0 (mp.dps = 30) at model-like arguments', () => {
    // python3 -c "import mpmath; mpmath.mp.dps=30; print(mpmath.hyp2f1(0.243, 2.426, 2.219, 0.9))"
    expect(hyp2f1(0.243, 2.426, 2.219, 0.9)).toBeCloseTo(1.94763116981860185710050613143, 12);
    expect(hyp2f1(30.8, 1.606, 31.8, 0.7)).toBeCloseTo(6.22148302947300746744555711874, 11);
    expect(hyp2f1(10.2, 3.5, 2.1, -3) / 0.000011216284485673845592902565758).toBeCloseTo(1, 11);
  });
  it('rejects z ≥ 1', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(ModelError);
  });
});

describe('hyp2f1PlusOne: ₂F₁(a, b; a+1; z) and its derivatives (the Pareto/NBD form)', () => {
  it('matches mpmath 1.3.0 (mp.dps = 30) for the value and ∂/∂a, ∂/∂b, ∂/∂z', () => {
    // python3 -c "import mpmath as mp; mp.mp.dps=30; F=lambda a,b,z: mp.hyp2f1(a,b,a+1,z);
    //   print(F(a,b,z), mp.diff(lambda t: F(t,b,z), a), mp.diff(lambda t: F(a,t,z), b), mp.diff(lambda t: F(a,b,t), z))"
    const cases: [number, number, number, number[]][] = [
      [1.5, 2.2, 0.3, [1.5967433588822282198, 0.18726713799265922043, 0.35484177712022091331, 2.9748640605457915244]],
      [30.8, 1.606, 0.7, [6.2214830294730074674, 0.018736092700097906862, 7.0993976520111298045, 30.480476370338898771]],
      [3.1, 7.5, 0.95, [140837323.97642877885, 44107206.979138010768, 400753667.21387778495, 18219831331.69611951]]
    ];
    for (const [a, b, z, [value, dA, dB, dZ]] of cases) {
      const f = hyp2f1PlusOne(a, b, z, 100_000)!;
      expect(f.value / value).toBeCloseTo(1, 13);
      expect(f.dA / dA).toBeCloseTo(1, 12);
      expect(f.dB / dB).toBeCloseTo(1, 12);
      expect(f.dZ / dZ).toBeCloseTo(1, 12);
    }
  });
  it('matches the closed form ₂F₁(1, 1; 2; z) = −ln(1−z)/z and its z-derivative (A&S 15.1.3)', () => {
    for (const z of [0.05, 0.5, 0.9]) {
      const f = hyp2f1PlusOne(1, 1, z)!;
      expect(f.value).toBeCloseTo(-Math.log(1 - z) / z, 13);
      expect(f.dZ).toBeCloseTo(1 / (z * (1 - z)) + Math.log(1 - z) / (z * z), 12);
    }
    expect(hyp2f1PlusOne(5, 0.5, 0)).toEqual({ value: 1, dA: 0, dB: 0, dZ: (5 * 0.5) / 6 });
  });
  it('gives up (null) where the series would need more terms than allowed', () => {
    expect(hyp2f1PlusOne(2, 3, 0.9999, 1000)).toBeNull();
  });
});

describe('gaussLegendre', () => {
  it('has the textbook 2- and 3-point rules (A&S 25.4.29)', () => {
    const two = gaussLegendre(2);
    expect(two.nodes[1]).toBeCloseTo(1 / Math.sqrt(3), 15);
    expect(two.weights[0]).toBeCloseTo(1, 15);
    const three = gaussLegendre(3);
    expect(three.nodes[2]).toBeCloseTo(Math.sqrt(0.6), 15);
    expect([...three.weights].map((w) => w * 9)).toEqual([expect.closeTo(5, 13), expect.closeTo(8, 13), expect.closeTo(5, 13)]);
  });
  it('integrates polynomials up to degree 2n − 1 exactly and eˣ to rounding with 64 points', () => {
    const { nodes, weights } = gaussLegendre(64);
    for (const k of [0, 2, 10, 64, 126]) {
      const sum = nodes.reduce((s, x, i) => s + weights[i] * x ** k, 0);
      expect(sum).toBeCloseTo(2 / (k + 1), 14);
    }
    expect(nodes.reduce((s, x, i) => s + weights[i] * Math.exp(x), 0)).toBeCloseTo(Math.E - 1 / Math.E, 14);
  });
});
