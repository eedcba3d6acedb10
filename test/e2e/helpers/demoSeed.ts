// A seed for startTestApp: the demo workbook the project generates (dev/demo), with `cases` cases.
import { Runtime } from '../../../dev/runtime';
import { seedInto } from '../../../dev/demo/seed';

export function seedDemo(cases: number): (workbookPath: string) => Promise<void> {
  return async (workbookPath) => {
    const rt = await Runtime.open({ workbookPath });
    try {
      await seedInto(rt, { cases });
      await rt.save();
    } finally {
      await rt.close();
    }
  };
}
