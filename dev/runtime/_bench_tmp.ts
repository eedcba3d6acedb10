import { Runtime } from './index';
import { writeBundle } from '../../test/runtime/helpers';
(async () => {
  const { bundlePath, dir } = writeBundle(`
function fill(n) {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  var rows = [];
  for (var i = 0; i < n; i++) { var r = []; for (var j = 0; j < 23; j++) r.push(j === 1 ? new Date(2024, 0, 1 + (i % 28)) : j % 3 ? 'txt' + i : i * j); rows.push(r); }
  sh.insertRowsAfter(1, n);
  sh.getRange(1, 1, n, 23).setValues(rows);
  return sh.getLastRow();
}
function read() { var v = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues(); return [v.length, v[0][1] instanceof Date]; }
function noop() { return 1; }
function props(n) { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < n; i++) p.getProperty('x'); }
`);
  const rt = await Runtime.open({ bundlePath, htmlDir: dir });
  let t = Date.now();
  await rt.run('noop'); console.log('first exec (worker start)', Date.now() - t, 'ms');
  t = Date.now(); for (let i = 0; i < 20; i++) await rt.run('noop'); console.log('warm exec avg', (Date.now() - t) / 20, 'ms');
  t = Date.now(); await rt.run('props', [10000]); console.log('10k service calls', Date.now() - t, 'ms');
  const n = Number(process.argv[2] ?? 20000);
  t = Date.now(); console.log((await rt.run('fill', [n])).value); console.log(`fill ${n}x23`, Date.now() - t, 'ms');
  t = Date.now(); console.log((await rt.run('read')).value); console.log(`getValues ${n}x23`, Date.now() - t, 'ms');
  await rt.close();
})().catch((e) => { console.error('ERR', e); process.exit(1); });
