/**
 * A throwaway PostgreSQL server for the warehouse tests: Debian's `postgresql` package (installed
 * by .ci/run), a data directory in a temporary folder, listening only on a Unix socket in that folder
 * under a free port number, stopped and deleted by `stop()`. PostgreSQL refuses to run as root, so
 * as root (CI containers) the server runs as the `postgres` user (else `nobody`), which owns the folder.
 */
import { execFile } from 'node:child_process';
import { chown, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgServer {
  /** Runs a SQL file with psql (stops at the first error); returns what psql printed (CSV for a query). */
  runFile(file: string): Promise<string>;
  /** Runs SQL text given on psql's standard input. */
  runSql(sql: string): Promise<string>;
  stop(): Promise<void>;
  /** The user the server runs as (the current one, or the one taken over from root). */
  user: string;
  version: string;
  /** The server's temporary folder (the tests' files may go there; root reads it as client). */
  dir: string;
}

/** The newest installed server's bin folder (Debian's layout). */
export async function binFolder(root = '/usr/lib/postgresql'): Promise<string> {
  const versions = (await readdir(root).catch(() => [] as string[])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`PostgreSQL is not installed (no ${root}/<version>/bin): apt-get install -y postgresql`);
  return path.join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function idOf(user: string): Promise<{ uid: number; gid: number } | null> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', user]), run('id', ['-g', user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return null;
  }
}

export async function startPostgres(): Promise<PgServer> {
  const bin = await binFolder();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clm-pg-'));
  const asRoot = process.getuid?.() === 0;
  let user = os.userInfo().username;
  if (asRoot) {
    user = (await idOf('postgres')) ? 'postgres' : 'nobody';
    const id = (await idOf(user))!;
    await chown(dir, id.uid, id.gid);
  }
  // As root, the server's programs run as `user` (runuser); psql, a client, may run as root.
  const server = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', user, '--', path.join(bin, cmd), ...args], { cwd: dir }) : run(path.join(bin, cmd), args, { cwd: dir });
  const data = path.join(dir, 'data');
  const port = await freePort();
  const stop = async () => {
    await server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await server('initdb', ['-D', data, '-A', 'trust', '-U', 'clm', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await server('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off`,
      'start'
    ]);
  } catch (e) {
    await stop();
    throw new Error(`PostgreSQL did not start: ${(e as { stderr?: string }).stderr ?? e}`);
  }
  const psql = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(
        path.join(bin, 'psql'),
        ['-h', dir, '-p', String(port), '-U', 'clm', '-d', 'postgres', '-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', ...args],
        { maxBuffer: 1 << 28 },
        (err, stdout, stderr) => (err ? reject(new Error(`psql failed: ${stderr || err.message}`)) : resolve(stdout))
      );
      if (input !== undefined) child.stdin!.end(input);
    });
  const version = (await psql(['-t', '-c', 'SHOW server_version'])).trim();
  let n = 0;
  return {
    user,
    version,
    dir,
    runFile: (file) => psql(['-f', file]),
    runSql: async (sql) => {
      const file = path.join(dir, `stdin-${n++}.sql`);
      await writeFile(file, sql);
      return psql(['-f', file]);
    },
    stop
  };
}
