// Worker threads that run executions (host/worker.cjs). The main thread answers a worker's
// service call on a dedicated MessagePort and wakes it through a shared Int32Array
// (Atomics.notify); the worker sleeps in Atomics.wait meanwhile, so a main-side answer may take
// as long as it needs (an alert, a lock wait) while other executions go on.
import { Worker, MessageChannel, type MessagePort } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CallMessage {
  type: 'call';
  execId: number;
  h: number;
  m: string;
  args: unknown[];
}
export interface CallReply {
  value?: unknown;
  error?: { message: string; name: string };
  classes?: Record<string, { m: string[]; e?: unknown }>;
}
export interface DoneMessage {
  type: 'done';
  execId: number;
  ok: boolean;
  value?: unknown;
  error?: { message: string; name: string; stack?: string };
  logs: string[];
  localCalls: Record<string, number>;
  /** V8 code cache of the bundle after its first run in a worker (handed to later workers). */
  codeCache?: Uint8Array;
}

function workerFile(): string {
  const here = typeof __dirname === 'string' ? __dirname : resolve('dev/runtime/host');
  const f = join(here, 'worker.cjs');
  return existsSync(f) ? f : resolve('dev/runtime/host/worker.cjs');
}

export class WorkerSlot {
  readonly worker: Worker;
  private readonly sig: Int32Array;
  private readonly port: MessagePort;
  /** Bundles (by key) and classes (by name) this worker already has. */
  readonly bundles = new Set<string>();
  readonly classes = new Set<string>();
  dead = false;
  private current?: {
    execId: number;
    onCall: (m: CallMessage) => Promise<CallReply>;
    resolve: (d: DoneMessage) => void;
    reject: (e: Error) => void;
  };

  constructor() {
    const sab = new SharedArrayBuffer(4);
    this.sig = new Int32Array(sab);
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(workerFile(), { workerData: { sab, port: port2 }, transferList: [port2] });
    this.worker.unref();
    this.worker.on('message', (msg: CallMessage | DoneMessage) => this.onMessage(msg));
    this.worker.on('error', (err) => this.fail(err instanceof Error ? err : new Error(String(err))));
    this.worker.on('exit', () => {
      this.dead = true;
      this.fail(new Error('worker exited'));
    });
  }

  private fail(err: Error): void {
    const c = this.current;
    this.current = undefined;
    c?.reject(err);
  }

  private onMessage(msg: CallMessage | DoneMessage): void {
    const c = this.current;
    if (!c || msg.execId !== c.execId) return;
    if (msg.type === 'done') {
      this.current = undefined;
      this.worker.unref();
      c.resolve(msg);
      return;
    }
    const answer = (reply: CallReply) => {
      if (this.dead || this.current !== c) return; // stopped meanwhile
      this.port.postMessage(reply);
      Atomics.store(this.sig, 0, 1);
      Atomics.notify(this.sig, 0);
    };
    let p: Promise<CallReply>;
    try {
      p = c.onCall(msg);
    } catch (err) {
      p = Promise.resolve({ error: { message: String((err as Error)?.message ?? err), name: 'Error' } });
    }
    p.then(answer, (err) => answer({ error: { message: String((err as Error)?.message ?? err), name: 'Error' } }));
  }

  run(job: Record<string, unknown> & { execId: number }, onCall: (m: CallMessage) => Promise<CallReply>): Promise<DoneMessage> {
    if (this.current) throw new Error('worker busy');
    return new Promise<DoneMessage>((resolve, reject) => {
      this.current = { execId: job.execId, onCall, resolve, reject };
      this.worker.ref(); // keeps the process alive while an execution runs
      this.worker.postMessage({ type: 'run', ...job });
    });
  }

  async terminate(): Promise<void> {
    this.dead = true;
    this.current = undefined;
    await this.worker.terminate();
  }
}

/** Idle workers are reused (each execution still gets a fresh vm context). */
export class WorkerPool {
  private idle: WorkerSlot[] = [];
  private all = new Set<WorkerSlot>();
  constructor(private readonly maxIdle = 6) {}

  acquire(): WorkerSlot {
    let s: WorkerSlot | undefined;
    while ((s = this.idle.pop())) if (!s.dead) return s;
    s = new WorkerSlot();
    this.all.add(s);
    return s;
  }
  release(s: WorkerSlot): void {
    if (s.dead) {
      this.all.delete(s);
      return;
    }
    if (this.idle.length < this.maxIdle) this.idle.push(s);
    else {
      this.all.delete(s);
      void s.terminate();
    }
  }
  async discard(s: WorkerSlot): Promise<void> {
    this.all.delete(s);
    await s.terminate();
  }
  get size(): number {
    return this.all.size;
  }
  async close(): Promise<void> {
    const list = [...this.all];
    this.all.clear();
    this.idle = [];
    await Promise.all(list.map((s) => s.terminate()));
  }
}
