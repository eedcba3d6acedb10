// `npm run bench`: every benchmark of the project, printed as plain figures (DESIGN §11).
// Reconciliation (bench/reconcile.ts) always; statement import (bench/import.ts, benchImport())
// when present. Figures, not pass/fail: budgets are printed next to them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchReconcile } from './reconcile';

async function main(): Promise<void> {
  const load = (await import('node:os')).loadavg()[0];
  console.log(`node ${process.version}, ${(await import('node:os')).cpus().length} cores, load average ${load.toFixed(1)} (other processes slow wall times)`);
  console.log('');
  for (const line of await benchReconcile()) console.log(line);
  const importBench = join(__dirname, 'import.ts');
  if (existsSync(importBench)) {
    console.log('');
    // tsx runs the bench as CommonJS: require resolves the .ts file.
    const mod = require('./import') as { benchImport?: () => Promise<unknown> | unknown };
    if (typeof mod.benchImport === 'function') {
      const out = await mod.benchImport();
      if (Array.isArray(out)) for (const l of out) console.log(String(l));
      else if (typeof out === 'string') console.log(out);
      else if (out !== undefined) console.log(JSON.stringify(out, null, 2));
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
