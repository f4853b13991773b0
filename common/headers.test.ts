import { describe, expect, test } from 'vitest';
import { headerSignature } from './headers';

describe('headerSignature', () => {
  test('stable across spacing, case and full-width variants; sensitive to order and names', () => {
    const a = headerSignature(['用户ID', '账期', 'ARPU']);
    expect(a).toMatch(/^h3-[0-9a-f]{16}$/);
    expect(headerSignature([' 用户id ', '账期', 'ＡＲＰＵ'])).toBe(a);
    expect(headerSignature(['用户ID', '账\u3000期', 'arpu'])).toBe(headerSignature(['用户ID', '账 期', 'ARPU']));
    expect(headerSignature(['账期', '用户ID', 'ARPU'])).not.toBe(a);
    expect(headerSignature(['用户ID', '账期'])).not.toBe(a);
    expect(headerSignature(['a,b'])).not.toBe(headerSignature(['a', 'b']));
  });
});
