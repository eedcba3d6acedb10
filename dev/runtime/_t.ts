import { Runtime } from './index';
import { writeBundle } from '../../test/runtime/helpers';
(async () => {
  const { bundlePath, dir } = writeBundle(`function w() { LockService.getScriptLock().waitLock(60000); } function s() { Utilities.sleep(60000); } function ok() { Utilities.sleep(200); return 'slept'; }`);
  const rt = await Runtime.open({ bundlePath, htmlDir: dir, executionLimitMs: 300 });
  const rel = await rt.holdLock('script');
  const t = Date.now();
  await rt.run('w').catch((e) => console.log('w:', e.message, Date.now() - t));
  await rt.run('s').catch((e) => console.log('s:', e.message, Date.now() - t));
  rel();
  console.log((await rt.run('ok')).value);
  await rt.close();
  console.log('closed', Date.now() - t);
})();
