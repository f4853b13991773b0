/**
 * Form validation in the UI's language, for every control of the page at once (installed by App).
 * The browser's own messages follow the browser's language, not the page's, and an emptied number box
 * or a mistyped list used to be read as "the default" while the box showed nothing wrong. So:
 * - on `invalid`, the message is set in the UI language from the control's validity (range, step,
 *   not a number, required);
 * - on every edit, a control that cannot be read is marked `aria-invalid` (drawn red by styles.css)
 *   and its message is announced: a number box left empty (unless it has a placeholder saying what an
 *   empty box means, or `data-optional`), and a list box (`data-number-list`) holding anything but
 *   numbers (`parseNumberList` returns null).
 * The pure part, `validationMessage`, is unit-tested; the listeners are exercised end to end.
 */
import { parseNumberList } from '$common/lists';
import { dictionary, i18n } from '$lib/i18n/i18n.svelte';

export const m = dictionary(
  {
    empty: 'Enter a number. (Left empty, the default is used.)',
    required: 'Fill in this field.',
    notNumber: 'Enter a number.',
    below: 'Enter a number of at least {min}.',
    above: 'Enter a number of at most {max}.',
    step: 'Enter a multiple of {step}.',
    list: 'Enter numbers separated by commas, e.g. 50, 150.',
    invalid: 'This value is not valid.'
  },
  {
    empty: '请输入数值。（留空时使用默认值。）',
    required: '请填写此字段。',
    notNumber: '请输入数值。',
    below: '请输入不小于 {min} 的数值。',
    above: '请输入不大于 {max} 的数值。',
    step: '请输入 {step} 的整数倍。',
    list: '请输入以逗号分隔的数值，例如 50, 150。',
    invalid: '此取值无效。'
  }
);

type Key = keyof typeof m.en;

/** What is wrong with a control's value, as a message key with its values; null when it is fine. */
export function validationProblem(
  v: Pick<
    ValidityState,
    | 'valueMissing'
    | 'badInput'
    | 'rangeUnderflow'
    | 'rangeOverflow'
    | 'stepMismatch'
    | 'typeMismatch'
    | 'patternMismatch'
    | 'tooShort'
    | 'tooLong'
  >,
  control: { type: string; value: string; min: string; max: string; step: string; optional: boolean; numberList: boolean }
): { key: Key; vars: Record<string, string | number> } | null {
  if (v.badInput) return { key: 'notNumber', vars: {} };
  if (v.valueMissing) return { key: control.type === 'number' ? 'notNumber' : 'required', vars: {} };
  if (v.rangeUnderflow) return { key: 'below', vars: { min: Number(control.min) } };
  if (v.rangeOverflow) return { key: 'above', vars: { max: Number(control.max) } };
  if (v.stepMismatch) return { key: 'step', vars: { step: Number(control.step) } };
  if (v.typeMismatch || v.patternMismatch || v.tooShort || v.tooLong) return { key: 'invalid', vars: {} };
  if (control.type === 'number' && control.value === '' && !control.optional) return { key: 'empty', vars: {} };
  if (control.numberList && control.value.trim() !== '' && parseNumberList(control.value) === null) return { key: 'list', vars: {} };
  return null;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

const isControl = (t: EventTarget | null): t is Control =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

function problemOf(el: Control) {
  el.setCustomValidity('');
  const input = el instanceof HTMLInputElement ? el : null;
  return validationProblem(el.validity, {
    type: input?.type ?? el.tagName.toLowerCase(),
    value: el.value,
    min: input?.min ?? '',
    max: input?.max ?? '',
    step: input?.step ?? '',
    optional: el.hasAttribute('data-optional') || !!input?.placeholder || el.disabled,
    numberList: el.hasAttribute('data-number-list')
  });
}

/** Marks the control and sets its message (shown by the browser on submit, read by screen readers). */
function mark(el: Control): void {
  const p = problemOf(el);
  if (p) {
    const text = i18n.tx(m, p.key, p.vars);
    // Only the list and empty-box checks are ours; the rest keep the browser's blocking behaviour.
    if (p.key !== 'empty' && p.key !== 'list') el.setCustomValidity(text);
    el.setAttribute('aria-invalid', 'true');
    el.title = text;
  } else if (el.getAttribute('aria-invalid') === 'true') {
    el.removeAttribute('aria-invalid');
    el.removeAttribute('title');
  }
}

/** Installs the listeners on `root`; returns the function that removes them. */
export function installValidation(root: Document): () => void {
  const onEvent = (e: Event) => {
    if (isControl(e.target)) mark(e.target);
  };
  const events = ['input', 'change', 'invalid'] as const;
  for (const type of events) root.addEventListener(type, onEvent, true);
  return () => {
    for (const type of events) root.removeEventListener(type, onEvent, true);
  };
}
