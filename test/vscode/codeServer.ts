import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/paths';
import { writeFiles } from '../helpers/tempWorkspace';

/** code-server's launcher in the cache folder (scripts/install-code-server.mjs puts it there). */
export const CODE_SERVER = join(repoRoot, '.cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** A running code-server with its own home, settings and extensions, serving one workspace folder. */
export interface CodeServer {
  port: number;
  /** The workspace folder this instance has open: a fresh copy of samples/with-problems/, or the files it was given. */
  workspace: string;
  /** The URL of the workbench with the workspace open. */
  url: string;
  /** Ends code-server's process group and removes its folders. */
  stop(): Promise<void>;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
};

/** A workspace folder of its own: its name and the files in it (name → text). */
export interface WorkspaceFiles {
  folder: string;
  files: Record<string, string>;
}

/** Private folders for one run: nothing lands in the user's own editor state. The workspace is a copy of samples/with-problems/ unless `own` is given. */
function freshDirs(name: string, own?: WorkspaceFiles) {
  const base = mkdtempSync(join(tmpdir(), `clausewise-${name}-`));
  const dirs = { base, home: join(base, 'home'), xdg: join(base, 'xdg'), userData: join(base, 'user-data'), extensions: join(base, 'extensions'), workspace: join(base, own?.folder ?? 'with-problems') };
  for (const dir of [dirs.home, dirs.xdg, join(dirs.userData, 'User'), dirs.extensions]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  if (!own) cpSync(join(repoRoot, 'samples', 'with-problems'), dirs.workspace, { recursive: true });
  else {
    mkdirSync(dirs.workspace);
    writeFiles(dirs.workspace, own.files);
  }
  return dirs;
}

function environment(dirs: ReturnType<typeof freshDirs>): NodeJS.ProcessEnv {
  return { ...process.env, HOME: dirs.home, XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, XDG_CACHE_HOME: join(dirs.xdg, 'cache') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts code-server on a free port (optionally after installing a .vsix, on a workspace of its own) and resolves once it listens. */
export async function startCodeServer(name: string, vsix?: string, workspace?: WorkspaceFiles): Promise<CodeServer> {
  const dirs = freshDirs(name, workspace);
  const env = environment(dirs);
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (vsix) {
    const installed = spawnSync(process.execPath, [CODE_SERVER, ...common, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 60_000 });
    if (installed.status !== 0) throw new Error(`code-server could not install ${vsix}: ${installed.stdout}${installed.stderr}`);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened', dirs.workspace],
    // Its own process group, so stop() ends the file watchers and extension hosts it starts as well.
    { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${log.join('')}`)), 60_000);
    const listen = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/HTTP server listening on/.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${log.join('')}`)));
  });
  return {
    port,
    workspace: dirs.workspace,
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    stop: async () => {
      const exited = child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : Promise.resolve();
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      rmSync(dirs.base, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
