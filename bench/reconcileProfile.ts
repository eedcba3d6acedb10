// Profiling helper: one size, the engine run N times on the same generated month.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dev/cli/tsnode.cjs bench/reconcileProfile.ts 100000 3
import { generateMonth } from './reconcileData';
import { reconcile } from '../src/domain/reconcile';

const n = Number(process.argv[2] || 100000);
const runs = Number(process.argv[3] || 3);
const input = generateMonth(n);
reconcile(generateMonth(Math.min(n, 1000), 7));
for (let i = 0; i < runs; i++) {
  const c0 = process.cpuUsage();
  const t0 = Date.now();
  const r = reconcile(input);
  const cu = process.cpuUsage(c0);
  console.log(`run ${i}: ${Date.now() - t0} ms wall, ${Math.round((cu.user + cu.system) / 1000)} ms cpu, ${r.pairs.length} pairs`);
}
