// Reconciliation benchmarks (DESIGN §11), printed by `npm run bench` (bench/run.ts):
//   core: the pure engine on generated months of 1k, 10k, 100k cases × about as many lines:
//         median time of 3 runs, time(100k)/time(10k) (budget ≤ 12), peak memory;
//   service calls: runReconciliation through the local runtime at 1k and 10k rows — the
//         counts must be equal (one read and one write per tab, whatever the size).
// Each size runs in its own child process (a clean heap, so peak RSS means that size).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { generateMonth } from './reconcileData';
import { reconcile } from '../src/domain/reconcile';

const ROOT = join(__dirname, '..');

export interface CoreFigure {
  size: number;
  lines: number;
  medianMs: number;
  cpuMs: number;
  peakRssMb: number;
  pairs: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs in the child: one size, prints a JSON figure. */
function coreChild(size: number): void {
  const input = generateMonth(size);
  const gc = (globalThis as { gc?: () => void }).gc;
  const times: number[] = [];
  const cpus: number[] = [];
  let result = reconcile(generateMonth(Math.min(size, 1000), 7)); // warm the JIT
  for (let i = 0; i < 3; i++) {
    for (const c of input.cases) void c; // inputs are reused: the engine does not mutate them
    if (gc) gc();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    result = reconcile(input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const cu = process.cpuUsage(c0);
    cpus.push((cu.user + cu.system) / 1000);
  }
  const pairs: Record<string, number> = {};
  for (const p of result.pairs) pairs[p.state] = (pairs[p.state] || 0) + 1;
  const figure: CoreFigure = {
    size,
    lines: input.lines.length,
    medianMs: Math.round(median(times)),
    cpuMs: Math.round(median(cpus)),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    pairs,
  };
  process.stdout.write(JSON.stringify(figure) + '\n');
}

function runChild(args: string[]): string {
  const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', join(ROOT, 'dev/cli/tsnode.cjs'), join(ROOT, 'bench/reconcile.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout.trim().split('\n').pop()!;
}

export function benchReconcileCore(sizes = [1000, 10000, 100000]): CoreFigure[] {
  return sizes.map((n) => JSON.parse(runChild(['--core', String(n)])) as CoreFigure);
}

export interface CallsFigure {
  size: number;
  ms: number;
  calls: Record<string, number>;
  total: number;
}

export async function benchReconcileCalls(sizes = [1000, 10000]): Promise<CallsFigure[] | string> {
  try {
    // tsx runs the bench as CommonJS: require resolves the .ts file.
    const { measureRunReconciliation } = require('./reconcileRuntime') as typeof import('./reconcileRuntime');
    const out: CallsFigure[] = [];
    for (const n of sizes) out.push(await measureRunReconciliation(n));
    return out;
  } catch (e) {
    return `skipped: ${(e as Error).message.split('\n')[0]}`;
  }
}

export async function benchReconcile(): Promise<string[]> {
  const out: string[] = [];
  const core = benchReconcileCore();
  out.push('reconcile core (pure engine, generated month; median of 3):');
  for (const f of core) {
    out.push(`  ${String(f.size).padStart(6)} cases × ${String(f.lines).padStart(6)} lines: ${String(f.medianMs).padStart(6)} ms wall, ${String(f.cpuMs).padStart(6)} ms cpu, peak RSS ${f.peakRssMb} MB  ${JSON.stringify(f.pairs)}`);
  }
  const t10 = core.find((f) => f.size === 10000);
  const t100 = core.find((f) => f.size === 100000);
  if (t10 && t100) {
    out.push(`  time(100k)/time(10k) = ${(t100.medianMs / t10.medianMs).toFixed(1)} wall, ${(t100.cpuMs / t10.cpuMs).toFixed(1)} cpu (budget ≤ 12); 100k under 2 s: ${t100.medianMs < 2000 ? 'yes' : 'NO'} wall, ${t100.cpuMs < 2000 ? 'yes' : 'NO'} cpu`);
  }
  const calls = await benchReconcileCalls();
  out.push('runReconciliation service calls (local runtime):');
  if (typeof calls === 'string') out.push(`  ${calls}`);
  else {
    // Utilities.computeDigest is the Audit Log's hash chain (sheets/auditLog.ts: one digest per
    // audit row), and getMaxRows/insertRowsAfter happen once per tab that outgrows the grid;
    // they are shown apart so the per-run budget is visible.
    const APART = new Set(['Utilities.computeDigest', 'Sheet.getMaxRows', 'Sheet.insertRowsAfter']);
    const core = (c: CallsFigure) => Object.entries(c.calls).filter(([k]) => !APART.has(k)).reduce((t, [, v]) => t + v, 0);
    for (const c of calls) {
      out.push(`  ${String(c.size).padStart(6)} cases: ${c.total} calls in ${c.ms} ms; reads ${c.calls['Range.getValues'] ?? 0} getValues + ${c.calls['Range.getDisplayValues'] ?? 0} getDisplayValues, writes ${c.calls['Range.setValues'] ?? 0} setValues; without audit hashing and grid growth: ${core(c)}; audit digests ${c.calls['Utilities.computeDigest'] ?? 0}, grid growth ${(c.calls['Sheet.insertRowsAfter'] ?? 0)}`);
    }
    if (calls.length > 1) {
      out.push(`  equal at every size (without audit hashing and grid growth): ${calls.every((c) => core(c) === core(calls[0])) ? 'yes' : 'NO'}`);
      out.push(`  equal at every size (all calls): ${calls.every((c) => c.total === calls[0].total) ? 'yes' : 'no — audit rows are hashed one Utilities.computeDigest each'}`);
    }
  }
  return out;
}

// Run directly (tsnode puts this file at argv[1]); imported by bench/run.ts otherwise.
if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const i = process.argv.indexOf('--core');
  if (i > 0) coreChild(Number(process.argv[i + 1]));
  else benchReconcile().then((lines) => console.log(lines.join('\n')));
}
