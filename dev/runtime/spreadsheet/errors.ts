// Apps Script error wording for argument checks (what the editor's execution log shows).

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) {
    const inner = v.length ? typeName(v[0]) : 'Object';
    return `${inner}[]`;
  }
  if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  const cls = (v as { __class?: string }).__class;
  if (cls) return `SpreadsheetApp.${cls}`;
  return 'Object';
}

/** `The parameters (String,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.` */
export function signatureError(method: string, args: unknown[]): Error {
  return new Error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
