// Mutates corpus files (cut, duplicated lines, swapped bytes, re-encoded, random bytes) with a
// seeded PRNG and checks the importer never crashes or hangs and always answers with lines or
// row-numbered errors.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parseStatement } from '../../src/domain/statements/parse';
import { decodeNode } from './decodeNode';
import { seededRandom } from '../../dev/seededRandom';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus/statements');
const present = existsSync(CORPUS);
if (!present) console.warn(`fuzz test skipped: ${CORPUS} is absent`);
const d = present ? describe : describe.skip;


type Mutation = (b: Buffer, r: () => number) => Buffer;
const int = (r: () => number, n: number) => Math.floor(r() * n);
const MUTATIONS: Record<string, Mutation> = {
  cut: (b, r) => b.subarray(0, int(r, b.length)),
  cutHead: (b, r) => b.subarray(int(r, b.length)),
  duplicateLines: (b, r) => {
    const lines = b.toString('latin1').split('\n');
    const i = int(r, lines.length);
    lines.splice(i, 0, ...lines.slice(i, i + 1 + int(r, 3)));
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  dropLine: (b, r) => { const lines = b.toString('latin1').split('\n'); lines.splice(int(r, lines.length), 1); return Buffer.from(lines.join('\n'), 'latin1'); },
  swapBytes: (b, r) => {
    const c = Buffer.from(b);
    for (let k = 0; k < 1 + int(r, 8); k++) { const i = int(r, c.length); const j = int(r, c.length); const t = c[i]; c[i] = c[j]; c[j] = t; }
    return c;
  },
  randomBytes: (b, r) => { const c = Buffer.from(b); for (let k = 0; k < 1 + int(r, 6); k++) c[int(r, c.length)] = int(r, 256); return c; },
  toLatin1: (b) => iconv.encode(b.toString('utf8'), 'latin1'),
  toGbk: (b) => iconv.encode(b.toString('utf8'), 'gbk'),
  toUtf8FromGbk: (b) => Buffer.from(iconv.decode(b, 'gbk'), 'utf8'),
  addBom: (b) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b]),
  crlf: (b) => Buffer.from(b.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1'),
  quotes: (b, r) => { const c = Buffer.from(b); for (let k = 0; k < 3; k++) c[int(r, c.length)] = 0x22; return c; },
};

d('import fuzz', () => {
  const files = readdirSync(CORPUS).filter((x) => !x.endsWith('.md')).flatMap((dir) => readdirSync(path.join(CORPUS, dir)).map((f) => `${dir}/${f}`));
  const names = Object.keys(MUTATIONS);
  it.each(files)('%s survives 24 seeded mutations', (rel) => {
    const original = readFileSync(path.join(CORPUS, rel));
    const r = seededRandom(rel.split('').reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261));
    for (let i = 0; i < 24; i++) {
      const m1 = names[int(r, names.length)];
      const m2 = names[int(r, names.length)];
      let bytes = MUTATIONS[m1](original, r);
      if (r() < 0.5 && bytes.length) bytes = MUTATIONS[m2](bytes, r);
      const started = Date.now();
      let result;
      try {
        result = parseStatement({ fileName: path.basename(rel), bytes }, decodeNode);
      } catch (e) {
        throw new Error(`${rel} with ${m1}/${m2} (iteration ${i}) threw: ${(e as Error).stack}`);
      }
      expect(Date.now() - started).toBeLessThan(3000);
      const answered = result.lines.length > 0 || result.errors.length > 0;
      if (!answered) throw new Error(`${rel} with ${m1}/${m2} (iteration ${i}) gave neither lines nor errors`);
      for (const e of result.errors) {
        expect(Number.isInteger(e.row) && e.row >= 0).toBe(true);
        expect(typeof e.message).toBe('string');
        expect(e.message.length).toBeGreaterThan(0);
      }
      for (const l of result.lines) {
        expect(l.lineId).toMatch(/^L[0-9a-f]{16}$/);
        expect(l.amount.isFinite()).toBe(true);
      }
    }
  });
});
