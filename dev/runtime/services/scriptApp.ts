// ScriptApp and installable triggers (https://developers.google.com/apps-script/reference/script/script-app,
// .../script/trigger-builder, .../script/spreadsheet-trigger-builder, .../script/clock-trigger-builder,
// .../script/trigger; guides/triggers/installable). Triggers belong to the user who created them
// and run as that user; getProjectTriggers lists the current user's triggers of this project;
// "20 triggers per user per script" (quotas page). Research note §3.11, §4.
import { randomBytes } from 'node:crypto';
import type { ExecutionInfo } from '../contract';
import { ScriptError, invalidArgument } from './errors';

export const MAX_TRIGGERS_PER_USER = 20;
/** The service's error when a user already has 20 triggers in the script. */
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export type TriggerEventType = 'ON_EDIT' | 'ON_OPEN' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | 'CLOCK';

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: TriggerEventType;
  source: 'SPREADSHEETS' | 'CLOCK';
  sourceId?: string;
  user: string;
  /** Time-based: when it is next due (ms since epoch), and the period of a recurring one. */
  dueAt?: number;
  everyMs?: number;
}

export class TriggerStore {
  private readonly records: TriggerRecord[];
  constructor(records: TriggerRecord[]) {
    this.records = records.map((r) => ({ ...r }));
  }
  list(): TriggerRecord[] {
    return this.records.map((r) => ({ ...r }));
  }
  forUser(user: string): TriggerRecord[] {
    return this.records.filter((r) => r.user === user);
  }
  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }
  add(r: TriggerRecord): void {
    if (this.forUser(r.user).length >= MAX_TRIGGERS_PER_USER) throw new ScriptError(TOO_MANY_TRIGGERS);
    this.records.push(r);
  }
  remove(uid: string): boolean {
    const i = this.records.findIndex((r) => r.uid === uid);
    if (i < 0) return false;
    this.records.splice(i, 1);
    return true;
  }
  /** Time-based triggers due at `now`, earliest first. */
  due(now: number): TriggerRecord[] {
    return this.records.filter((r) => r.eventType === 'CLOCK' && r.dueAt !== undefined && r.dueAt <= now).sort((a, b) => a.dueAt! - b.dueAt!);
  }
  /** A one-off (`after`) trigger is gone once it ran; a recurring one is due again a period later. */
  fired(t: TriggerRecord, now: number): void {
    const r = this.get(t.uid);
    if (!r) return;
    if (r.everyMs) r.dueAt = now + r.everyMs;
    else this.remove(r.uid);
  }
}

function newUid(): string {
  // Trigger ids are decimal strings (e.g. "6083296483862528346").
  return BigInt('0x' + randomBytes(8).toString('hex')).toString().slice(0, 19);
}

export class Trigger {
  readonly __class = 'Trigger';
  constructor(readonly _record: TriggerRecord) {}
  getUniqueId(): string {
    return this._record.uid;
  }
  getHandlerFunction(): string {
    return this._record.handler;
  }
  getEventType(): string {
    return this._record.eventType;
  }
  getTriggerSource(): string {
    return this._record.source;
  }
  getTriggerSourceId(): string | null {
    return this._record.sourceId ?? null;
  }
}

interface Ctx {
  store: TriggerStore;
  user: string;
  now: () => number;
}

export class SpreadsheetTriggerBuilder {
  readonly __class = 'SpreadsheetTriggerBuilder';
  private _type?: TriggerEventType;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _handler: string,
    private readonly _sourceId: string,
  ) {}
  onEdit(): SpreadsheetTriggerBuilder {
    this._type = 'ON_EDIT';
    return this;
  }
  onOpen(): SpreadsheetTriggerBuilder {
    this._type = 'ON_OPEN';
    return this;
  }
  onChange(): SpreadsheetTriggerBuilder {
    this._type = 'ON_CHANGE';
    return this;
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    this._type = 'ON_FORM_SUBMIT';
    return this;
  }
  create(): Trigger {
    if (!this._type) throw new ScriptError('Trigger event type not set: call onEdit(), onOpen(), onChange() or onFormSubmit() before create().');
    const r: TriggerRecord = { uid: newUid(), handler: this._handler, eventType: this._type, source: 'SPREADSHEETS', sourceId: this._sourceId, user: this._ctx.user };
    this._ctx.store.add(r);
    return new Trigger(r);
  }
}

/** everyMinutes accepts 1, 5, 10, 15 or 30 (ClockTriggerBuilder.everyMinutes docs). */
const MINUTES = [1, 5, 10, 15, 30];

export class ClockTriggerBuilder {
  readonly __class = 'ClockTriggerBuilder';
  private _after?: number;
  private _every?: number;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _handler: string,
  ) {}
  after(durationMilliseconds: unknown): ClockTriggerBuilder {
    const n = Number(durationMilliseconds);
    if (!Number.isFinite(n) || n < 0) throw invalidArgument('durationMilliseconds');
    this._after = n;
    return this;
  }
  everyMinutes(n: unknown): ClockTriggerBuilder {
    const v = Number(n);
    if (!MINUTES.includes(v)) throw new ScriptError('The number of minutes must be 1, 5, 10, 15 or 30.');
    this._every = v * 60_000;
    return this;
  }
  everyHours(n: unknown): ClockTriggerBuilder {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 1) throw invalidArgument('n');
    this._every = v * 3_600_000;
    return this;
  }
  everyDays(n: unknown): ClockTriggerBuilder {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 1) throw invalidArgument('n');
    this._every = v * 86_400_000;
    return this;
  }
  create(): Trigger {
    if (this._after === undefined && this._every === undefined) throw new ScriptError('Time-based trigger needs after(), everyMinutes(), everyHours() or everyDays() before create().');
    const now = this._ctx.now();
    const r: TriggerRecord = {
      uid: newUid(),
      handler: this._handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      user: this._ctx.user,
      dueAt: now + (this._after ?? this._every ?? 0),
      everyMs: this._after === undefined ? this._every : undefined,
    };
    this._ctx.store.add(r);
    return new Trigger(r);
  }
}

export class TriggerBuilder {
  readonly __class = 'TriggerBuilder';
  constructor(
    private readonly _ctx: Ctx,
    private readonly _handler: string,
  ) {}
  forSpreadsheet(sheet: unknown): SpreadsheetTriggerBuilder {
    let id: string;
    if (typeof sheet === 'string') id = sheet;
    else if (sheet && typeof (sheet as { getId?: unknown }).getId === 'function') id = String((sheet as { getId(): unknown }).getId());
    else throw invalidArgument('sheet');
    return new SpreadsheetTriggerBuilder(this._ctx, this._handler, id);
  }
  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this._ctx, this._handler);
  }
}

export class AuthorizationInfo {
  readonly __class = 'AuthorizationInfo';
  getAuthorizationStatus(): string {
    return 'NOT_REQUIRED';
  }
  getAuthorizationUrl(): string | null {
    return null;
  }
  getAuthorizedScopes(): string[] {
    return [];
  }
}

export class ScriptApp {
  readonly ENUMS = {
    AuthMode: { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' },
    AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
    EventType: { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' },
    InstallationSource: { APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON', NONE: 'NONE', WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON' },
    TriggerSource: { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' },
    WeekDay: { MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY', SUNDAY: 'SUNDAY' },
  };
  private readonly _ctx: Ctx;
  constructor(
    store: TriggerStore,
    private readonly _info: ExecutionInfo,
    private readonly _scriptId: string,
    private readonly _spreadsheetApp: () => object | undefined,
    now: () => number = () => Date.now(),
  ) {
    this._ctx = { store, user: _info.effectiveUserEmail, now };
  }
  newTrigger(functionName: unknown): TriggerBuilder {
    if (typeof functionName !== 'string' || !functionName) throw invalidArgument('functionName');
    return new TriggerBuilder(this._ctx, functionName);
  }
  /** The current user's installable triggers of this project. */
  getProjectTriggers(): Trigger[] {
    return this._ctx.store.forUser(this._ctx.user).map((r) => new Trigger(r));
  }
  getUserTriggers(document: unknown): Trigger[] {
    const id = document && typeof (document as { getId?: unknown }).getId === 'function' ? String((document as { getId(): unknown }).getId()) : undefined;
    return this._ctx.store
      .forUser(this._ctx.user)
      .filter((r) => r.source === 'SPREADSHEETS' && (id === undefined || r.sourceId === id))
      .map((r) => new Trigger(r));
  }
  deleteTrigger(trigger: unknown): void {
    if (!(trigger instanceof Trigger)) throw invalidArgument('trigger');
    const r = this._ctx.store.get(trigger._record.uid);
    // Only the trigger's owner can delete it (installable triggers belong to their creator).
    if (r && r.user !== this._ctx.user) throw new ScriptError('You do not have permission to delete a trigger created by another user.');
    this._ctx.store.remove(trigger._record.uid);
  }
  getScriptId(): string {
    return this._scriptId;
  }
  getAuthorizationInfo(_authMode?: unknown): AuthorizationInfo {
    return new AuthorizationInfo();
  }
  getInstallationSource(): string {
    return 'NONE';
  }
  getOAuthToken(): string {
    return 'ya29.local-runtime-token';
  }
  _spreadsheet(): object | undefined {
    return this._spreadsheetApp();
  }
  _authMode(): string {
    return this._info.authMode;
  }
}
