// runReconciliation through the local runtime on a demo workbook of n cases (dev/demo), for
// the service-call budget: the counts must not depend on n.
import { Runtime } from '../dev/runtime';
import { seedInto } from '../dev/demo/seed';
import type { CallsFigure } from './reconcile';

export async function measureRunReconciliation(n: number): Promise<CallsFigure> {
  const rt = await Runtime.open({ executionLimitMs: 30 * 60 * 1000 });
  try {
    const seeded = await seedInto(rt, { cases: n, today: '2026-12-03', reconcile: false });
    const month = seeded.data.months[1];
    const t0 = Date.now();
    const r = await rt.run('runReconciliation', [{ month }], { kind: 'script-run' });
    const ms = Date.now() - t0;
    const total = Object.values(r.calls).reduce((a, b) => a + b, 0);
    return { size: n, ms, calls: r.calls, total };
  } finally {
    await rt.close();
  }
}
