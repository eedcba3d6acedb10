// Session and User (https://developers.google.com/apps-script/reference/base/session,
// .../base/user). getActiveUser().getEmail() is '' where Apps Script hides it — simple triggers
// and other LIMITED/NONE executions (Session.getActiveUser docs; research note §3.10).
// getScriptTimeZone is the manifest's timeZone; getActiveUserLocale gives a language such as "en".
import { createHash } from 'node:crypto';
import type { ExecutionInfo } from '../contract';

export class User {
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
  toString(): string {
    return this._email;
  }
}

export class Session {
  constructor(
    private readonly _execution: ExecutionInfo,
    private readonly _scriptTimeZone: string,
    private readonly _locale: string,
    private readonly _scriptId: string,
  ) {}
  getActiveUser(): User {
    return new User(this._execution.activeUserEmail);
  }
  /** Blank outside FULL too: "the user's email address is not available in any context that
   *  allows a script to run without that user's authorization, like a simple onOpen(e) or
   *  onEdit(e) trigger" (reference/base/user#getEmail) — that holds for every User, the
   *  effective one included. */
  getEffectiveUser(): User {
    return new User(this._execution.authMode === 'FULL' ? this._execution.effectiveUserEmail : '');
  }
  getScriptTimeZone(): string {
    return this._scriptTimeZone;
  }
  /** "en" for en_US (the language part; the docs' example is "en"). */
  getActiveUserLocale(): string {
    return this._locale.split(/[_-]/)[0];
  }
  /** Unique to the user and the script, reveals nothing; stable here (Google rotates it monthly). */
  getTemporaryActiveUserKey(): string {
    const who = this._execution.effectiveUserEmail;
    return createHash('sha256').update(`${this._scriptId}:${who}`).digest('base64').slice(0, 43);
  }
}
