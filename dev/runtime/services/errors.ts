// Errors as Apps Script reports them. In the V8 runtime a service failure reaches the script as
// an Error whose message is the service's text (the editor prints it as "Exception: <message>").

/** A service error; the execution sees an Error with this message. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Apps Script's message for a wrong argument ("Invalid argument: NAME"). */
export function invalidArgument(name: string): ScriptError {
  return new ScriptError(`Invalid argument: ${name}`);
}

/** Size in bytes of a string stored by a Google service (UTF-8, as the quotas are). */
export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Apps Script turns most arguments to strings with Java's String.valueOf. */
export function asString(v: unknown): string {
  if (v === null || v === undefined) return String(v);
  if (v instanceof Date) return v.toString();
  return String(v);
}
