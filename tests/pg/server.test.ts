// Without PostgreSQL the warehouse tests fail with what to install (they never skip).
import { describe, expect, it } from 'vitest';
import { binFolder } from './server.ts';

describe('the test server', () => {
  it('names the package to install when no PostgreSQL is found', async () => {
    await expect(binFolder('/nonexistent/postgresql')).rejects.toThrow(
      'PostgreSQL is not installed (no /nonexistent/postgresql/<version>/bin): apt-get install -y postgresql'
    );
  });

  it('takes the newest installed version', async () => {
    expect(await binFolder()).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
  });
});
