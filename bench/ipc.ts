/**
 * Benchmark pieces that run in processes of their own (a target app, the load generator, the fake
 * Slack API), so each has its own event loop and its own memory figure, as they would in production.
 * The parent speaks to a child one request at a time: each message is answered by exactly one message.
 */
import { fork, type ChildProcess } from 'node:child_process';

export class TsProcess {
  private pending: { resolve: (reply: any) => void; reject: (error: Error) => void } | undefined;

  private constructor(readonly child: ChildProcess) {
    child.on('message', (message: unknown) => this.settle((p) => p.resolve(message)));
    child.on('error', (error) => this.settle((p) => p.reject(error)));
    child.on('exit', (code, signal) => this.settle((p) => p.reject(new Error(`process exited (${signal ?? code})`))));
  }

  /**
   * Starts `file` (a TypeScript module) with `env` added, and resolves with it and its ready message.
   * `nodeFlags` go to node before the loader (the embedded benchmark runs its floor with `npm start`'s flags).
   */
  static async start<Ready>(file: URL, env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<{ process: TsProcess; ready: Ready }> {
    const child = fork(new URL(file).pathname, [], {
      execArgv: [...nodeFlags, '--import', 'tsx'],
      env: { ...process.env, ...env },
      // Typed arrays (latencies) cross as they are.
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const started = new TsProcess(child);
    const ready = await new Promise<Ready>((resolve, reject) => (started.pending = { resolve, reject }));
    return { process: started, ready };
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  request<Reply>(message: unknown): Promise<Reply> {
    if (this.pending) return Promise.reject(new Error('process is still answering an earlier request'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(message as object);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  private settle(how: (pending: NonNullable<TsProcess['pending']>) => void) {
    const pending = this.pending;
    this.pending = undefined;
    if (pending) how(pending);
  }
}

/** In a child: answer each message from the parent with `handle`'s reply, after posting `ready`. */
export function serveParent(ready: unknown, handle: (message: any) => Promise<unknown>): void {
  if (!process.send) throw new Error('serveParent: not started by TsProcess');
  process.on('message', (message) => {
    handle(message).then(
      (reply) => process.send?.(reply as object),
      (error: unknown) => process.send?.({ error: String(error) }),
    );
  });
  process.send(ready as object);
}
