// scripts/serve.mjs as a user runs it: a busy port is named, with no stack trace and a non-zero exit;
// --port and PORT choose the port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'serve.mjs');
// A stand-in built site, so these tests do not depend on `npm run build` having run first.
const site = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-serve-'));
fs.writeFileSync(path.join(site, 'index.html'), '<!doctype html><title>t</title>');
afterAll(() => fs.rmSync(site, { recursive: true, force: true }));

/** Runs serve.mjs until it exits or prints its address; the server is stopped in both cases. */
function serve(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args, '--root', site], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('http://')) child.kill();
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port some other program holds for the duration of `use`. */
async function withBusyPort<T>(use: (port: number) => Promise<T>): Promise<T> {
  const blocker = net.createServer();
  await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
  try {
    return await use((blocker.address() as net.AddressInfo).port);
  } finally {
    blocker.close();
  }
}

async function freePort(): Promise<number> {
  return withBusyPort(async (port) => port);
}

describe('scripts/serve.mjs', () => {
  it('says which port is busy and exits non-zero without a stack trace', async () => {
    await withBusyPort(async (port) => {
      const run = await serve(['--port', String(port)]);
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      expect(run.stderr).toContain(`port ${port} is already in use`);
      expect(run.stderr).toMatch(/--port|PORT=/);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    });
  });

  it('takes the port from PORT, and --port over PORT', async () => {
    const port = await freePort();
    expect((await serve([], { PORT: String(port) })).stdout).toContain(`http://127.0.0.1:${port}/`);
    const other = await freePort();
    expect((await serve(['--port', String(other)], { PORT: String(port) })).stdout).toContain(`http://127.0.0.1:${other}/`);
  });

  it('says the site is not built instead of a stack trace', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-serve-empty-'));
    const run = await serve(['--root', empty, '--port', String(await freePort())]);
    fs.rmSync(empty, { recursive: true, force: true });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('npm run build');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses a port that is not a number', async () => {
    const run = await serve(['--port', 'abc']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('abc');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
