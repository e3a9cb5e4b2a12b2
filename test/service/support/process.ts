/**
 * The service as a child process, as `npm run service` runs it, so that a test can SIGKILL it. The
 * child is node itself (with tsx's loader), not a wrapper, so the signal reaches the service.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Backend } from './backend';
import { ROOT, SERVICE_MAIN } from './paths';

export interface ServiceProcess {
  readonly url: string;
  /** Everything the service printed on stdout so far. */
  stdout(): string;
  readonly child: ChildProcess;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, and wait for a clean exit; answers the exit code. */
  stop(): Promise<number | null>;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

let started = 0;

/** Starts the service on `backend` with PORT=0 and waits for its `listening on` line. */
export async function spawnService(
  backend: Backend,
  env: Readonly<Record<string, string>> = {},
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', SERVICE_MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...backend.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // stderr goes to a file in the test's folder: read it when a test fails.
  child.stderr?.pipe(createWriteStream(join(backend.dir, `service-${++started}.log`)));
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /^listening on (http:\/\/\S+)$/m.exec(out);
      if (match?.[1]) {
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(
        new Error(`the service exited (${code ?? signal}) before listening; see ${backend.dir}`),
      ),
    );
  });
  return {
    url,
    child,
    stdout: () => out,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
}
