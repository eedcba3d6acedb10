// A small formula evaluator: getValues of a formula cell gives its computed value
// (reference/spreadsheet/range#getValues). Supported: number/string/boolean literals, cell and
// range references (optionally `Sheet!`), + - * / ^ & = <> < > <= >=, unary -, %, and the
// functions below. Anything else evaluates to the error value `#NAME?` (what Sheets shows for an
// unknown function), so unsupported formulas are visible rather than silently wrong.
import { lettersToColumn } from './a1';
import { dateToSerial } from './tz';

export type FVal = string | number | boolean | null | { error: string };
export interface FormulaContext {
  value(sheet: string | undefined, row: number, col: number): FVal;
  bounds(sheet: string | undefined): { maxRows: number; maxCols: number } | undefined;
  now(): number;
  timeZone: string;
}

interface RangeVal {
  range: FVal[][];
}
type V = FVal | RangeVal;

class FErr extends Error {
  constructor(public code: string) {
    super(code);
  }
}

export function evaluateFormula(formula: string, ctx: FormulaContext): string | number | boolean | null {
  try {
    const p = new Parser(formula.replace(/^=/, ''), ctx);
    const v = p.parseExpr();
    p.skipWs();
    if (p.i < p.s.length) throw new FErr('#ERROR!');
    const s = scalar(v);
    if (s && typeof s === 'object') return s.error;
    return s;
  } catch (e) {
    if (e instanceof FErr) return e.code;
    return '#ERROR!';
  }
}

function scalar(v: V): FVal {
  if (v && typeof v === 'object' && 'range' in v) return v.range[0]?.[0] ?? null;
  return v;
}
function isErr(v: unknown): v is { error: string } {
  return !!v && typeof v === 'object' && 'error' in (v as object);
}
function num(v: V): number {
  const s = scalar(v);
  if (isErr(s)) throw new FErr(s.error);
  if (s === null || s === '') return 0;
  if (typeof s === 'number') return s;
  if (typeof s === 'boolean') return s ? 1 : 0;
  const n = Number(s.replace(/,/g, ''));
  if (s.trim() === '' || isNaN(n)) throw new FErr('#VALUE!');
  return n;
}
function str(v: V): string {
  const s = scalar(v);
  if (isErr(s)) throw new FErr(s.error);
  if (s === null) return '';
  if (typeof s === 'boolean') return s ? 'TRUE' : 'FALSE';
  if (typeof s === 'number') return String(parseFloat(s.toPrecision(15)));
  return s;
}
function bool(v: V): boolean {
  const s = scalar(v);
  if (isErr(s)) throw new FErr(s.error);
  if (typeof s === 'boolean') return s;
  if (typeof s === 'number') return s !== 0;
  if (s === null || s === '') return false;
  if (/^true$/i.test(s)) return true;
  if (/^false$/i.test(s)) return false;
  throw new FErr('#VALUE!');
}
function flat(args: V[]): FVal[] {
  const out: FVal[] = [];
  for (const a of args) {
    // Item by item: no spread into push()/Math.min() anywhere here, whose arguments go on the
    // stack and overflow it for a range of a few hundred thousand cells (=MAX(A:A)).
    if (a && typeof a === 'object' && 'range' in a) for (const row of a.range) for (const v of row) out.push(v);
    else out.push(a);
  }
  return out;
}

const FUNCS: Record<string, (args: V[], ctx: FormulaContext) => V> = {
  HYPERLINK: (a) => (a.length > 1 ? str(a[1]) : str(a[0])),
  SUM: (a) => flat(a).reduce<number>((s, v) => s + (typeof v === 'number' ? v : isErr(v) ? num(v) : 0), 0),
  MIN: (a) => {
    const ns = flat(a).filter((v): v is number => typeof v === 'number');
    return ns.length ? ns.reduce((m, v) => (v < m ? v : m)) : 0;
  },
  MAX: (a) => {
    const ns = flat(a).filter((v): v is number => typeof v === 'number');
    return ns.length ? ns.reduce((m, v) => (v > m ? v : m)) : 0;
  },
  COUNT: (a) => flat(a).filter((v) => typeof v === 'number').length,
  COUNTA: (a) => flat(a).filter((v) => v !== null && v !== '').length,
  AVERAGE: (a) => {
    const ns = flat(a).filter((v): v is number => typeof v === 'number');
    if (!ns.length) throw new FErr('#DIV/0!');
    return ns.reduce((s, v) => s + v, 0) / ns.length;
  },
  ROUND: (a) => {
    const d = a.length > 1 ? num(a[1]) : 0;
    const f = Math.pow(10, d);
    const x = num(a[0]);
    return (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + 1e-15))) / f;
  },
  ABS: (a) => Math.abs(num(a[0])),
  IF: (a) => (bool(a[0]) ? (a.length > 1 ? a[1] : true) : a.length > 2 ? a[2] : false),
  AND: (a) => flat(a).every((v) => bool(v)),
  OR: (a) => flat(a).some((v) => bool(v)),
  NOT: (a) => !bool(a[0]),
  ISBLANK: (a) => {
    const s = scalar(a[0]);
    return s === null;
  },
  LEN: (a) => str(a[0]).length,
  UPPER: (a) => str(a[0]).toUpperCase(),
  LOWER: (a) => str(a[0]).toLowerCase(),
  TRIM: (a) => str(a[0]).trim().replace(/\s+/g, ' '),
  CONCATENATE: (a) => flat(a).map((v) => str(v)).join(''),
  CONCAT: (a) => str(a[0]) + str(a[1]),
  TODAY: (_a, ctx) => Math.floor(dateToSerial(new Date(ctx.now()), ctx.timeZone)),
  NOW: (_a, ctx) => dateToSerial(new Date(ctx.now()), ctx.timeZone),
  ISNUMBER: (a) => typeof scalar(a[0]) === 'number',
  ISTEXT: (a) => typeof scalar(a[0]) === 'string',
  ISERROR: (a) => isErr(scalar(a[0])),
  IFERROR: (a) => (isErr(scalar(a[0])) ? (a[1] ?? '') : a[0]),
  REGEXMATCH: (a) => new RegExp(str(a[1])).test(str(a[0])),
  ISEMAIL: (a) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(str(a[0])),
  COUNTIF: (a) => {
    const crit = scalar(a[1]);
    return flat([a[0]]).filter((v) => (typeof crit === 'string' ? String(v ?? '').toLowerCase() === crit.toLowerCase() : v === crit)).length;
  },
};

class Parser {
  i = 0;
  constructor(public s: string, private ctx: FormulaContext) {}
  skipWs() {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }
  peek(t: string) {
    this.skipWs();
    return this.s.startsWith(t, this.i);
  }
  eat(t: string) {
    if (this.peek(t)) {
      this.i += t.length;
      return true;
    }
    return false;
  }
  parseExpr(): V {
    return this.parseCmp();
  }
  parseCmp(): V {
    let l = this.parseConcat();
    for (;;) {
      const op = ['<=', '>=', '<>', '=', '<', '>'].find((o) => this.peek(o));
      if (!op) return l;
      this.i += op.length;
      const r = this.parseConcat();
      l = compare(scalar(l), scalar(r), op);
    }
  }
  parseConcat(): V {
    let l = this.parseAdd();
    while (this.eat('&')) l = str(l) + str(this.parseAdd());
    return l;
  }
  parseAdd(): V {
    let l = this.parseMul();
    for (;;) {
      if (this.eat('+')) l = num(l) + num(this.parseMul());
      else if (this.eat('-')) l = num(l) - num(this.parseMul());
      else return l;
    }
  }
  parseMul(): V {
    let l = this.parsePow();
    for (;;) {
      if (this.eat('*')) l = num(l) * num(this.parsePow());
      else if (this.eat('/')) {
        const d = num(this.parsePow());
        if (d === 0) throw new FErr('#DIV/0!');
        l = num(l) / d;
      } else return l;
    }
  }
  parsePow(): V {
    let l = this.parseUnary();
    while (this.eat('^')) l = Math.pow(num(l), num(this.parseUnary()));
    return l;
  }
  parseUnary(): V {
    if (this.eat('-')) return -num(this.parseUnary());
    if (this.eat('+')) return this.parseUnary();
    let v = this.parsePrimary();
    while (this.eat('%')) v = num(v) / 100;
    return v;
  }
  parsePrimary(): V {
    this.skipWs();
    const rest = this.s.slice(this.i);
    let m: RegExpExecArray | null;
    if ((m = /^\d+(\.\d*)?([eE][+-]?\d+)?|^\.\d+/.exec(rest))) {
      this.i += m[0].length;
      return Number(m[0]);
    }
    if (rest.startsWith('"')) {
      let j = this.i + 1;
      let out = '';
      for (;;) {
        if (j >= this.s.length) throw new FErr('#ERROR!');
        if (this.s[j] === '"') {
          if (this.s[j + 1] === '"') {
            out += '"';
            j += 2;
            continue;
          }
          break;
        }
        out += this.s[j++];
      }
      this.i = j + 1;
      return out;
    }
    if (this.eat('(')) {
      const v = this.parseExpr();
      if (!this.eat(')')) throw new FErr('#ERROR!');
      return v;
    }
    // reference: optional sheet prefix
    m = /^(?:('(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d+))?(?![\w(])/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const sheet = m[1] ? (m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1]) : undefined;
      const a = cellRef(m[2]);
      if (!this.ctx.bounds(sheet)) throw new FErr('#REF!');
      if (!m[3]) return this.ctx.value(sheet, a.row, a.col);
      const b = cellRef(m[3]);
      const range: FVal[][] = [];
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
        const row: FVal[] = [];
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) row.push(this.ctx.value(sheet, r, c));
        range.push(row);
      }
      return { range };
    }
    m = /^([A-Za-z][\w.]*)\s*\(/.exec(rest);
    if (m) {
      this.i += m[0].length;
      const args: V[] = [];
      if (!this.eat(')')) {
        for (;;) {
          args.push(this.parseExpr());
          if (this.eat(')')) break;
          if (!this.eat(',')) throw new FErr('#ERROR!');
        }
      }
      const fn = FUNCS[m[1].toUpperCase()];
      if (!fn) throw new FErr('#NAME?');
      return fn(args, this.ctx);
    }
    if ((m = /^(TRUE|FALSE)(?![\w(])/i.exec(rest))) {
      this.i += m[0].length;
      return m[1].toUpperCase() === 'TRUE';
    }
    if ((m = /^[A-Za-z_][\w.]*/.exec(rest))) throw new FErr('#NAME?'); // unknown named range
    throw new FErr('#ERROR!');
  }
}

function cellRef(t: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(t)!;
  return { col: lettersToColumn(m[1]), row: Number(m[2]) };
}

function compare(a: FVal, b: FVal, op: string): boolean {
  if (isErr(a)) throw new FErr(a.error);
  if (isErr(b)) throw new FErr(b.error);
  const norm = (v: FVal) => (v === null ? '' : typeof v === 'string' ? v.toLowerCase() : v);
  let x = norm(a);
  let y = norm(b);
  if (a === null && typeof b === 'number') x = 0;
  if (b === null && typeof a === 'number') y = 0;
  let c: number;
  if (typeof x === typeof y) c = x < y ? -1 : x > y ? 1 : 0;
  else c = rank(x) - rank(y);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}
function rank(v: unknown): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}
