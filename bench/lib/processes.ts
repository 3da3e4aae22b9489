import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { sleep } from './stats.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX_LOADER = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const PROBE = pathToFileURL(join(ROOT, 'bench/lib/probe.ts')).href;

/** What a probed server process reports about itself since the last mark. */
export interface ServerStats {
  cpuUs: number;
  rss: number;
  heapUsed: number;
  eventLoop: { p50: number; p99: number; max: number };
}

export interface BenchProcess {
  child: ChildProcess;
  port: number;
  /** Starts a measurement window: CPU time and event-loop delay count from here. */
  mark(): Promise<void>;
  read(): Promise<ServerStats>;
  /** Sends a message to a floor server and waits for its answer. */
  ask<T>(message: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

let pinning: boolean | null = null;

/** Server on core 0, this harness on core 1, when `taskset` exists and there are two cores. */
export function pinned(): boolean {
  if (pinning !== null) return pinning;
  try {
    execFileSync('taskset', ['-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
    pinning = true;
  } catch {
    pinning = false;
  }
  return pinning;
}

/**
 * Starts a TypeScript entry point as its own node process (no tsx wrapper, so the PID is the
 * server's), on core 0, with an IPC channel to the probe. `portFile` is read for the real app,
 * which says its port through PORT_FILE; floor servers send `{ type: 'ready', port }`.
 */
export async function startProcess(
  script: string,
  options: {
    args?: string[];
    env?: Record<string, string>;
    portFile?: string;
    probe?: boolean;
  } = {},
): Promise<BenchProcess> {
  const node = [
    '--import',
    TSX_LOADER,
    ...(options.probe ? ['--import', PROBE] : []),
    join(ROOT, script),
    ...(options.args ?? []),
  ];
  const pin = pinned();
  const child = spawn(
    pin ? 'taskset' : process.execPath,
    pin ? ['-c', '0', process.execPath, ...node] : node,
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  running.add(child);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });

  const waiting = new Map<string, (message: Record<string, unknown>) => void>();
  child.on('message', (message: Record<string, unknown>) => {
    const reply = waiting.get(String(message.type));
    if (!reply) return;
    waiting.delete(String(message.type));
    reply(message);
  });
  const expect = <T>(type: string, timeoutMs = 30_000) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${script}: no ${type} in time\n${errors}`)),
        timeoutMs,
      );
      waiting.set(type, (message) => {
        clearTimeout(timer);
        resolve(message as T);
      });
    });

  const port = options.portFile
    ? await waitForPortFile(options.portFile, child, () => errors)
    : (await expect<{ port: number }>('ready')).port;

  return {
    child,
    port,
    async mark() {
      const marked = expect('marked');
      child.send({ type: 'mark' });
      await marked;
    },
    async read() {
      const stats = expect<ServerStats>('stats');
      child.send({ type: 'read' });
      return stats;
    },
    async ask<T>(message: Record<string, unknown>) {
      const answer = expect<T>(`${String(message.type)}:done`, 120_000);
      child.send(message);
      return answer;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitForPortFile(
  path: string,
  child: ChildProcess,
  errors: () => string,
): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const text = existsSync(path) ? readFileSync(path, 'utf8').trim() : '';
    if (/^\d+$/.test(text)) {
      rmSync(path, { force: true });
      return Number(text);
    }
    if (child.exitCode !== null || Date.now() > until) {
      throw new Error(`the server did not start:\n${errors()}`);
    }
    await sleep(25);
  }
}
