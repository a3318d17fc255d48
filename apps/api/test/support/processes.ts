import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A Redis server of the test's own, so that stopping it disturbs nobody else. */
export class DedicatedRedis {
  private process?: ChildProcess;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor('redis to listen', () => canConnect(this.port));
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** An embedded PostgreSQL in a child process of the test's own, to stop and start at will. */
export class DedicatedPostgres {
  private process?: ChildProcess;

  constructor(
    private readonly dir: string,
    readonly port: number,
    private readonly database: string,
  ) {}

  get url(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.port}/${this.database}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'embedded-pg-server.mjs'), this.dir, String(this.port), this.database],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** A built entry point (dist) of the platform run as its own process, with its output kept for failures. */
export class PlatformProcess {
  readonly output: string[] = [];
  private readonly child: ChildProcess;

  constructor(entry: 'main' | 'worker', env: Record<string, string | undefined>) {
    const script = join(__dirname, '../../../../dist/apps/api/apps/api/src', `${entry}.js`);
    this.child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  waitForLog(text: string, timeoutMs = 30_000): Promise<true> {
    return waitFor(
      `"${text}" in the output`,
      async () =>
        this.output.join('').includes(text) ||
        (!this.running && Promise.reject(new Error(this.output.join('')))),
      timeoutMs,
    );
  }

  /**
   * Sends the signal and answers how the process ended. After a graceful shutdown Nest re-raises
   * SIGTERM on itself, so "ended by SIGTERM" after closing cleanly is the normal way out.
   */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.running) return Promise.resolve({ code: this.child.exitCode, signal: this.child.signalCode });
    return new Promise((resolve) => {
      this.child.once('exit', (code, exitSignal) => resolve({ code, signal: exitSignal }));
      this.child.kill(signal);
    });
  }
}
