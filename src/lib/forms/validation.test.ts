import { describe, expect, it } from 'vitest';
import { validationProblem } from './validation';

const fine = {
  valueMissing: false,
  badInput: false,
  rangeUnderflow: false,
  rangeOverflow: false,
  stepMismatch: false,
  typeMismatch: false,
  patternMismatch: false,
  tooShort: false,
  tooLong: false
};
const box = { type: 'number', value: '3', min: '1', max: '24', step: '1', optional: false, numberList: false };

describe('validationProblem', () => {
  it('names the bound a number crosses, and the step', () => {
    expect(validationProblem({ ...fine, rangeUnderflow: true }, { ...box, value: '0' })).toEqual({ key: 'below', vars: { min: 1 } });
    expect(validationProblem({ ...fine, rangeOverflow: true }, { ...box, value: '99' })).toEqual({ key: 'above', vars: { max: 24 } });
    expect(validationProblem({ ...fine, stepMismatch: true }, { ...box, value: '1.5' })).toEqual({ key: 'step', vars: { step: 1 } });
    expect(validationProblem({ ...fine, badInput: true }, { ...box, value: '' })?.key).toBe('notNumber');
  });

  it('an emptied number box is marked unless it is optional', () => {
    expect(validationProblem(fine, { ...box, value: '' })?.key).toBe('empty');
    expect(validationProblem(fine, { ...box, value: '', optional: true })).toBeNull();
    expect(validationProblem(fine, box)).toBeNull();
  });

  it('a list box with anything but numbers is marked; a good list is not', () => {
    const list = { ...box, type: 'text', numberList: true };
    expect(validationProblem(fine, { ...list, value: 'abc, 100' })?.key).toBe('list');
    expect(validationProblem(fine, { ...list, value: '50，150' })).toBeNull();
    expect(validationProblem(fine, { ...list, value: 'abc', numberList: false })).toBeNull();
  });
});
