// Statement import benchmark (DESIGN §11): parse + normalise a generated 100k-line bank CSV
// against bare papaparse of the same string in the same process (budget: within 3×), the peak
// memory of one import in a fresh process, and the service calls to write the tab through the
// local runtime at 1k and 100k lines (must be equal).
//
// Run alone: node dev/cli/tsnode.cjs bench/import.ts   (BENCH_IMPORT_SKIP_RUNTIME=1 skips the
// service-call part; BENCH_IMPORT_ROUNDS=N changes the number of measured rounds, default 7).
//
// Fairness: both sides get the identical string; the baseline is a plain papaparse call with
// its default options ({ header: false, skipEmptyLines: false }: arrays of strings, delimiter
// detected), no work of ours. Both are warmed up once on the full file, then measured in
// interleaved rounds (papaparse, ours, papaparse, ours, ...) so a busy machine slows both
// alike; the ratio is best-of-N over best-of-N, for CPU time (user + system of the process,
// garbage-collector threads included) and wall time. The medians are printed too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import Papa from 'papaparse/papaparse.min.js';
import { parseStatementText } from '../src/domain/statements/parse';

const BUDGET = 3;

/** A bank CSV like the corpus's: quoted thousands-separated amounts, two dates, references. */
export function generateBankCsv(lines: number, seed = 42): string {
  let s = seed >>> 0;
  const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 4294967296; };
  const out = ['Transaction Date,Value Date,Description,Debit Amount,Credit Amount,Currency,Reference'];
  const day0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < lines; i++) {
    const d = new Date(day0 + Math.floor(i / 500) * 86400000).toISOString().slice(0, 10).split('-').reverse().join('/');
    const cents = 1 + Math.floor(rnd() * 500000);
    const amount = `${Math.floor(cents / 100).toLocaleString('en-US')}.${String(cents % 100).padStart(2, '0')}`;
    const debit = rnd() < 0.7;
    out.push(`${d},${d},"PAYMENT ${i % 977} VENDOR ${(i * 7) % 131}",${debit ? `"${amount}"` : ''},${debit ? '' : `"${amount}"`},EUR,REF${i}`);
  }
  return `${out.join('\n')}\n`;
}

/** The bare baseline: what a plain papaparse call does with the same string. */
function bareParse(text: string): unknown {
  return Papa.parse(text, { header: false, skipEmptyLines: false });
}

/** Ours: decode-free parse + normalise of the same string (the import's pure core). */
function ourParse(text: string): ReturnType<typeof parseStatementText> {
  return parseStatementText(text, 'bank.csv', { dateOrder: 'DMY' });
}

interface Timing { wallMs: number; cpuMs: number }

/** Wall time and CPU time (user + system, GC threads included): CPU time is what a busy machine distorts least. */
function time(fn: () => unknown): Timing {
  const t = process.hrtime.bigint();
  const c = process.cpuUsage();
  let value: unknown = fn();
  const d = process.cpuUsage(c);
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  value = null; // the result is dropped before the next round
  void value;
  return { wallMs, cpuMs: (d.user + d.system) / 1000 };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const MB = (bytes: number) => Math.round(bytes / 1048576);

/**
 * Peak memory of one parse in a fresh process (this file with --peak-child): RSS and heap
 * before, the process's peak RSS after (getrusage maxRSS), the heap committed after the parse
 * (V8 does not shrink it until later collections, so it is the parse's peak heap) and the heap
 * still used once the parse's garbage is collected while its result is held (what it retains).
 */
export interface PeakMemory { rssBeforeMB: number; peakRssMB: number; heapBeforeMB: number; peakHeapMB: number; retainedHeapMB: number }

function peakMemoryChild(which: 'papaparse' | 'ours', lines: number): PeakMemory | string {
  const launcher = path.resolve(__dirname, '../dev/cli/tsnode.cjs');
  const r = spawnSync(process.execPath, ['--expose-gc', launcher, path.resolve(__dirname, 'import.ts'), '--peak-child', which, String(lines)], { encoding: 'utf8', env: { ...process.env } });
  if (r.status !== 0) return `child failed: ${(r.stderr || '').split('\n').slice(0, 3).join(' ')}`;
  try { return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as PeakMemory; } catch { return `child output unreadable: ${r.stdout.slice(0, 200)}`; }
}

function runPeakChild(which: string, lines: number): void {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const text = generateBankCsv(lines);
  gc(); gc();
  const before = process.memoryUsage();
  const result = which === 'ours' ? ourParse(text) : bareParse(text);
  const heapAfter = v8.getHeapStatistics();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc(); gc();
  const held = process.memoryUsage();
  const out: PeakMemory = {
    rssBeforeMB: MB(before.rss),
    peakRssMB: MB(peakRss),
    heapBeforeMB: MB(before.heapUsed),
    peakHeapMB: MB(heapAfter.total_heap_size),
    retainedHeapMB: MB(held.heapUsed - before.heapUsed),
  };
  if (!result) throw new Error('no result');
  console.log(JSON.stringify(out));
}

async function serviceCalls(lines: number): Promise<Record<string, number> | string> {
  const bundle = path.resolve(__dirname, '../dist/Code.js');
  if (!existsSync(bundle)) return 'dist/Code.js missing (npm run build)';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Runtime } = require('../dev/runtime') as typeof import('../dev/runtime');
  const rt = await Runtime.open({ executionLimitMs: 360000 });
  try {
    const text = generateBankCsv(lines, 7);
    const r = await rt.run('importStatement', [{ fileName: 'bench.csv', contentBase64: Buffer.from(text).toString('base64'), dateOrder: 'DMY' }], { kind: 'script-run' });
    const v = r.value as { ok: boolean; newCount: number; message: string };
    if (!v.ok) return `import failed: ${v.message}`;
    return r.calls;
  } finally {
    await rt.close();
  }
}

export interface ImportFigures {
  lines: number;
  bytes: number;
  rounds: number;
  papaparse: { bestCpuMs: number; bestWallMs: number; medianCpuMs: number; medianWallMs: number };
  ours: { bestCpuMs: number; bestWallMs: number; medianCpuMs: number; medianWallMs: number };
  cpuRatio: number;
  wallRatio: number;
  medianCpuRatio: number;
  budgetRatio: number;
  withinBudget: boolean;
  memory: { papaparse: PeakMemory | string; ours: PeakMemory | string };
  serviceCalls1k: Record<string, number> | string;
  serviceCalls100k: Record<string, number> | string;
  serviceCallsEqual: boolean | 'skipped';
}

/** The figures (for programmatic use); benchImport() prints them as a table. */
export async function measureImport(N = 100_000, rounds = Number(process.env.BENCH_IMPORT_ROUNDS) || 7): Promise<ImportFigures> {
  const text = generateBankCsv(N);
  // Check the file reads completely (a benchmark of a failing import would mean nothing).
  const check = ourParse(text);
  if (check.errors.length || check.lines.length !== N) throw new Error(`bench file did not parse: ${check.errors.slice(0, 3).map((e) => e.message).join('; ')} (${check.lines.length} lines)`);
  // Warm-up: one full-size run of each (JIT), then interleaved measured rounds.
  bareParse(text);
  ourParse(text);
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const papa: Timing[] = [];
  const ours: Timing[] = [];
  for (let k = 0; k < rounds; k++) {
    gc(); // each round starts from the same heap: no side pays for the other's garbage
    papa.push(time(() => bareParse(text)));
    gc();
    ours.push(time(() => ourParse(text)));
  }
  const summary = (ts: Timing[]) => ({
    bestCpuMs: Math.round(Math.min(...ts.map((t) => t.cpuMs))),
    bestWallMs: Math.round(Math.min(...ts.map((t) => t.wallMs))),
    medianCpuMs: Math.round(median(ts.map((t) => t.cpuMs))),
    medianWallMs: Math.round(median(ts.map((t) => t.wallMs))),
  });
  const p = summary(papa);
  const o = summary(ours);
  const ratio = (a: number, b: number) => Number((a / b).toFixed(2));
  const memory = { papaparse: peakMemoryChild('papaparse', N), ours: peakMemoryChild('ours', N) };
  const skip = process.env.BENCH_IMPORT_SKIP_RUNTIME === '1';
  const calls1k = skip ? 'skipped' : await serviceCalls(1000);
  const calls100k = skip ? 'skipped' : await serviceCalls(N);
  return {
    lines: N,
    bytes: text.length,
    rounds,
    papaparse: p,
    ours: o,
    cpuRatio: ratio(o.bestCpuMs, p.bestCpuMs),
    wallRatio: ratio(o.bestWallMs, p.bestWallMs),
    medianCpuRatio: ratio(o.medianCpuMs, p.medianCpuMs),
    budgetRatio: BUDGET,
    withinBudget: o.bestCpuMs / p.bestCpuMs <= BUDGET && o.bestWallMs / p.bestWallMs <= BUDGET,
    memory,
    serviceCalls1k: calls1k,
    serviceCalls100k: calls100k,
    serviceCallsEqual: skip ? 'skipped' : typeof calls1k === 'object' && typeof calls100k === 'object' && JSON.stringify(calls1k) === JSON.stringify(calls100k),
  };
}

/** The benchmark as printed lines (bench/run.ts prints each). */
export async function benchImport(): Promise<string[]> {
  const f = await measureImport();
  const row = (cells: (string | number)[], widths: number[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  const w = [22, 10, 10, 12, 12];
  const mem = (m: PeakMemory | string, k: keyof PeakMemory) => (typeof m === 'string' ? '?' : m[k]);
  const calls = (c: Record<string, number> | string) => (typeof c === 'string' ? c : Object.entries(c).map(([k, v]) => `${k}×${v}`).join(', '));
  const out = [
    `Statement import: ${f.lines} lines, ${(f.bytes / 1048576).toFixed(1)} MB of CSV; best of ${f.rounds} interleaved rounds after a warm-up`,
    row(['', 'CPU ms', 'wall ms', 'median CPU', 'median wall'], w),
    row(['papaparse (bare)', f.papaparse.bestCpuMs, f.papaparse.bestWallMs, f.papaparse.medianCpuMs, f.papaparse.medianWallMs], w),
    row(['parse + normalise', f.ours.bestCpuMs, f.ours.bestWallMs, f.ours.medianCpuMs, f.ours.medianWallMs], w),
    row(['ratio', `${f.cpuRatio}×`, `${f.wallRatio}×`, `${f.medianCpuRatio}×`, ''], w),
    `budget: within ${f.budgetRatio}× of bare parsing (best CPU and best wall) → ${f.withinBudget ? 'WITHIN' : 'OVER'}`,
    '',
    'memory, one parse in a fresh process (MB)',
    row(['', 'peak RSS', 'peak heap', 'retained', 'RSS before'], w),
    row(['papaparse (bare)', mem(f.memory.papaparse, 'peakRssMB'), mem(f.memory.papaparse, 'peakHeapMB'), mem(f.memory.papaparse, 'retainedHeapMB'), mem(f.memory.papaparse, 'rssBeforeMB')], w),
    row(['parse + normalise', mem(f.memory.ours, 'peakRssMB'), mem(f.memory.ours, 'peakHeapMB'), mem(f.memory.ours, 'retainedHeapMB'), mem(f.memory.ours, 'rssBeforeMB')], w),
    '  (retained: heap still used by the result after collection; peak heap: heap committed right after the parse)',
    '',
    `service calls to write the tab, 1k lines:   ${calls(f.serviceCalls1k)}`,
    `service calls to write the tab, 100k lines: ${calls(f.serviceCalls100k)}`,
    `calls do not grow with rows: ${f.serviceCallsEqual}`,
  ];
  return out;
}

if (/bench[/\\]import\.ts$/.test(process.argv[1] ?? '')) {
  const at = process.argv.indexOf('--peak-child');
  if (at >= 0) runPeakChild(process.argv[at + 1], Number(process.argv[at + 2]));
  else benchImport().then((lines) => { for (const l of lines) console.log(l); }).catch((e) => { console.error(e); process.exit(1); });
}
