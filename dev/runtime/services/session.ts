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
  getEffectiveUser(): User {
    return new User(this._execution.effectiveUserEmail);
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
