// DriveApp, Folder, File, FileIterator, FolderIterator
// (https://developers.google.com/apps-script/reference/drive/drive-app, .../drive/folder,
// .../drive/file, .../drive/file-iterator). Research note §3.10.
//
// Scope: the add-on asks only for `drive.file` (appsscript.json; DESIGN §7), so it can open only
// files and folders it created (https://developers.google.com/workspace/drive/api/guides/api-specific-auth:
// "drive.file ... Create new Drive files, or modify existing files, that you open with an app or
// that the user shares with an app"). Anything else is invisible: get*ById fails with Drive's
// "No item with the given ID could be found ..." and listings skip it. `DriveStore.addForeignFile`
// puts such a file in Drive for tests.
//
// Limits (DriveApp.createFile docs): createFile(name, content) throws above 50 MB,
// createFile(name, content, mimeType) above 10 MB; createFile(blob) needs a named blob
// ("Blob object must have non-null name", gas-fakes knowledge/02-syntax.md).
//
// Storage: metadata and bytes in memory; Runtime.save writes bytes to `<workbook>.drive/<id>` and
// the index into the sidecar state; Runtime.open reads them back.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScriptError, invalidArgument } from './errors';
import { Blob, encodeString } from './blob';

export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const CREATE_FILE_MAX_BYTES = 50 * 1024 * 1024;
export const CREATE_FILE_TYPED_MAX_BYTES = 10 * 1024 * 1024;
const FOLDER_MIME = 'application/vnd.google-apps.folder';

interface Item {
  id: string;
  kind: 'file' | 'folder';
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  /** Created through this app (drive.file lets it open only those). */
  appCreated: boolean;
  createdAt: number;
  updatedAt: number;
  trashed: boolean;
  description: string;
  access: string;
  permission: string;
  viewers: string[];
  editors: string[];
}

interface PersistedDrive {
  rootId: string;
  items: Item[];
}

export interface SharingPolicy {
  /** Workspace policy forbids sharing with "anyone" (setSharing to ANYONE or ANYONE_WITH_LINK throws). */
  linkSharingDisabled: boolean;
  /** Only addresses in `domain` may be added as viewers/editors. */
  externalSharingDisabled: boolean;
  domain: string;
}

function newId(): string {
  return '1' + randomBytes(24).toString('base64url').slice(0, 32);
}

export class DriveStore {
  readonly items = new Map<string, Item>();
  private readonly bytes = new Map<string, Buffer>();
  /** Per target folder: the Buffer last written for each file id (persist skips unchanged ones). */
  private readonly written = new Map<string, Map<string, Buffer>>();
  readonly rootId: string;
  policy: SharingPolicy = { linkSharingDisabled: false, externalSharingDisabled: false, domain: 'example.com' };
  /** Injectable clock. */
  now: () => number = () => Date.now();

  constructor(
    private readonly dir: string | undefined,
    owner: string,
    state?: unknown,
  ) {
    const s = state as PersistedDrive | undefined;
    if (s && s.rootId && Array.isArray(s.items)) {
      this.rootId = s.rootId;
      for (const it of s.items) {
        this.items.set(it.id, { ...it });
        if (it.kind === 'file' && dir && existsSync(join(dir, it.id))) {
          const b = readFileSync(join(dir, it.id));
          this.bytes.set(it.id, b);
          let w = this.written.get(dir);
          if (!w) this.written.set(dir, (w = new Map()));
          w.set(it.id, b); // already on disk
        }
      }
    } else {
      this.rootId = '0A' + randomBytes(12).toString('base64url').slice(0, 16);
    }
    if (!this.items.has(this.rootId)) {
      const t = this.now();
      this.items.set(this.rootId, {
        id: this.rootId, kind: 'folder', name: 'My Drive', mimeType: FOLDER_MIME, parents: [], owner, appCreated: true,
        createdAt: t, updatedAt: t, trashed: false, description: '', access: 'PRIVATE', permission: 'NONE', viewers: [], editors: [],
      });
    }
  }

  /** Writes bytes under `dir` (default: the store's own) and returns the index for the sidecar. */
  persist(dir?: string): PersistedDrive {
    const target = dir ?? this.dir;
    if (target) {
      // Only files whose bytes changed since they were last written there (a save used to
      // rewrite every evidence file). setData/create always store a new Buffer.
      let written = this.written.get(target);
      if (!written) this.written.set(target, (written = new Map()));
      mkdirSync(target, { recursive: true });
      for (const [id, b] of this.bytes) {
        if (written.get(id) === b && existsSync(join(target, id))) continue;
        writeFileSync(join(target, id), b);
        written.set(id, b);
      }
    }
    return { rootId: this.rootId, items: [...this.items.values()].map((i) => ({ ...i })) };
  }

  create(kind: 'file' | 'folder', name: string, parent: string, owner: string, mimeType: string, data?: Buffer, appCreated = true): Item {
    const t = this.now();
    const it: Item = {
      id: newId(), kind, name, mimeType, parents: [parent], owner, appCreated, createdAt: t, updatedAt: t, trashed: false,
      description: '', access: 'PRIVATE', permission: 'NONE', viewers: [], editors: [],
    };
    this.items.set(it.id, it);
    if (kind === 'file') this.bytes.set(it.id, Buffer.from(data ?? Buffer.alloc(0)));
    return it;
  }

  data(id: string): Buffer {
    return this.bytes.get(id) ?? Buffer.alloc(0);
  }
  setData(id: string, b: Buffer): void {
    this.bytes.set(id, Buffer.from(b));
  }

  /** Test hook: a file the user has in Drive that this app did not create (drive.file cannot see it). */
  addForeignFile(name: string, content: string | Uint8Array, mimeType = 'text/plain', owner = 'someone@example.com'): string {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return this.create('file', name, this.rootId, owner, mimeType, data, false).id;
  }

  /** Test helper: the file's bytes as a UTF-8 string. */
  readText(id: string): string {
    return this.data(id).toString('utf8');
  }

  visible(id: string): Item | undefined {
    const it = this.items.get(id);
    return it && (it.appCreated || id === this.rootId) ? it : undefined;
  }

  children(folderId: string, kind: 'file' | 'folder', name?: string): Item[] {
    return [...this.items.values()].filter(
      (it) => it.kind === kind && it.parents.includes(folderId) && !it.trashed && (it.appCreated) && (name === undefined || it.name === name),
    );
  }
  all(kind: 'file' | 'folder', name?: string): Item[] {
    return [...this.items.values()].filter((it) => it.kind === kind && it.id !== this.rootId && !it.trashed && it.appCreated && (name === undefined || it.name === name));
  }
}

class DriveUser {
  readonly __class = 'User';
  constructor(private readonly _email: string) {}
  getEmail(): string {
    return this._email;
  }
  getName(): string {
    return this._email.split('@')[0];
  }
  getDomain(): string {
    return this._email.split('@')[1] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
}

const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'];
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'];

abstract class DriveItem {
  constructor(
    protected readonly _store: DriveStore,
    protected readonly _item: Item,
    protected readonly _user: string,
  ) {}
  getId(): string {
    return this._item.id;
  }
  getName(): string {
    return this._item.name;
  }
  setName(name: unknown): this {
    if (name === null || name === undefined || String(name) === '') throw invalidArgument('name');
    this._item.name = String(name);
    this._touch();
    return this;
  }
  getDescription(): string | null {
    return this._item.description || null;
  }
  setDescription(d: unknown): this {
    this._item.description = String(d ?? '');
    this._touch();
    return this;
  }
  getDateCreated(): Date {
    return new Date(this._item.createdAt);
  }
  getLastUpdated(): Date {
    return new Date(this._item.updatedAt);
  }
  isTrashed(): boolean {
    return this._item.trashed;
  }
  setTrashed(trashed: unknown): this {
    this._item.trashed = trashed === true;
    this._touch();
    return this;
  }
  getOwner(): DriveUser {
    return new DriveUser(this._item.owner);
  }
  getParents(): FolderIterator {
    return new FolderIterator(
      this._item.parents.filter((p) => this._store.visible(p)).map((p) => new Folder(this._store, this._store.items.get(p)!, this._user)),
    );
  }
  getSharingAccess(): string {
    return this._item.access;
  }
  getSharingPermission(): string {
    return this._item.permission;
  }
  /** setSharing(accessType, permissionType) (File.setSharing docs); a domain policy may forbid it. */
  setSharing(accessType: unknown, permissionType: unknown): this {
    const a = String(accessType);
    const p = String(permissionType);
    if (!ACCESS.includes(a)) throw invalidArgument('accessType');
    if (!PERMISSION.includes(p)) throw invalidArgument('permissionType');
    if (this._store.policy.linkSharingDisabled && (a === 'ANYONE' || a === 'ANYONE_WITH_LINK'))
      throw new ScriptError('Sharing failed: your organization does not allow sharing with anyone who has the link.');
    this._item.access = a;
    this._item.permission = a === 'PRIVATE' ? 'NONE' : p;
    this._touch();
    return this;
  }
  private _email(e: unknown): string {
    const s = e && typeof (e as { getEmail?: unknown }).getEmail === 'function' ? String((e as DriveUser).getEmail()) : String(e ?? '');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)) throw new ScriptError(`Invalid email: ${s}`);
    if (this._store.policy.externalSharingDisabled && !s.endsWith('@' + this._store.policy.domain))
      throw new ScriptError(`Sharing with ${s} is not allowed by your organization.`);
    return s;
  }
  addViewer(emailAddress: unknown): this {
    const e = this._email(emailAddress);
    if (!this._item.viewers.includes(e) && !this._item.editors.includes(e)) this._item.viewers.push(e);
    return this;
  }
  addEditor(emailAddress: unknown): this {
    const e = this._email(emailAddress);
    this._item.viewers = this._item.viewers.filter((v) => v !== e);
    if (!this._item.editors.includes(e)) this._item.editors.push(e);
    return this;
  }
  addViewers(emails: unknown): this {
    if (!Array.isArray(emails)) throw invalidArgument('emailAddresses');
    for (const e of emails) this.addViewer(e);
    return this;
  }
  addEditors(emails: unknown): this {
    if (!Array.isArray(emails)) throw invalidArgument('emailAddresses');
    for (const e of emails) this.addEditor(e);
    return this;
  }
  removeViewer(emailAddress: unknown): this {
    const e = String((emailAddress as DriveUser)?.getEmail?.() ?? emailAddress);
    this._item.viewers = this._item.viewers.filter((v) => v !== e);
    return this;
  }
  removeEditor(emailAddress: unknown): this {
    const e = String((emailAddress as DriveUser)?.getEmail?.() ?? emailAddress);
    this._item.editors = this._item.editors.filter((v) => v !== e);
    return this;
  }
  getViewers(): DriveUser[] {
    return this._item.viewers.map((e) => new DriveUser(e));
  }
  getEditors(): DriveUser[] {
    return this._item.editors.map((e) => new DriveUser(e));
  }
  protected _touch(): void {
    this._item.updatedAt = this._store.now();
  }
}

export class File extends DriveItem {
  readonly __class = 'File';
  getSize(): number {
    return this._store.data(this._item.id).length;
  }
  getMimeType(): string {
    return this._item.mimeType;
  }
  getBlob(): Blob {
    return new Blob(this._store.data(this._item.id), this._item.mimeType, this._item.name);
  }
  getAs(contentType: unknown): Blob {
    return this.getBlob().getAs(contentType);
  }
  getUrl(): string {
    return `https://drive.google.com/file/d/${this._item.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this._item.id}&export=download`;
  }
  setContent(content: unknown): File {
    this._store.setData(this._item.id, encodeString(String(content), 'utf-8'));
    this._touch();
    return this;
  }
  moveTo(destination: unknown): File {
    if (!(destination instanceof Folder)) throw invalidArgument('destination');
    this._item.parents = [destination.getId()];
    this._touch();
    return this;
  }
  makeCopy(name?: unknown, destination?: unknown): File {
    const parent = destination instanceof Folder ? destination.getId() : this._item.parents[0];
    const it = this._store.create('file', name === undefined ? `Copy of ${this._item.name}` : String(name), parent, this._user, this._item.mimeType, this._store.data(this._item.id));
    return new File(this._store, it, this._user);
  }
}

export class Folder extends DriveItem {
  readonly __class = 'Folder';
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._item.id}`;
  }
  getSize(): number {
    return 0;
  }
  createFolder(name: unknown): Folder {
    if (name === null || name === undefined || String(name) === '') throw invalidArgument('name');
    return new Folder(this._store, this._store.create('folder', String(name), this._item.id, this._user, FOLDER_MIME), this._user);
  }
  createFile(blobOrName: unknown, content?: unknown, mimeType?: unknown): File {
    return createFileIn(this._store, this._item.id, this._user, blobOrName, content, mimeType, arguments.length);
  }
  getFiles(): FileIterator {
    return new FileIterator(this._store.children(this._item.id, 'file').map((i) => new File(this._store, i, this._user)));
  }
  getFolders(): FolderIterator {
    return new FolderIterator(this._store.children(this._item.id, 'folder').map((i) => new Folder(this._store, i, this._user)));
  }
  getFilesByName(name: unknown): FileIterator {
    return new FileIterator(this._store.children(this._item.id, 'file', String(name)).map((i) => new File(this._store, i, this._user)));
  }
  getFoldersByName(name: unknown): FolderIterator {
    return new FolderIterator(this._store.children(this._item.id, 'folder', String(name)).map((i) => new Folder(this._store, i, this._user)));
  }
  getFilesByType(mimeType: unknown): FileIterator {
    return new FileIterator(this._store.children(this._item.id, 'file').filter((i) => i.mimeType === String(mimeType)).map((i) => new File(this._store, i, this._user)));
  }
}

function createFileIn(store: DriveStore, parent: string, user: string, blobOrName: unknown, content: unknown, mimeType: unknown, argc: number): File {
  let it: Item;
  if (argc === 1 && blobOrName && typeof blobOrName === 'object' && typeof (blobOrName as Blob)._buffer === 'function') {
    const blob = blobOrName as Blob;
    const name = blob.getName();
    if (name === null || name === '') throw new ScriptError('Blob object must have non-null name for this operation.');
    const data = blob._buffer();
    if (data.length > CREATE_FILE_MAX_BYTES) throw new ScriptError(`File size exceeds the maximum of ${CREATE_FILE_MAX_BYTES} bytes.`);
    it = store.create('file', name, parent, user, blob.getContentType() ?? 'application/octet-stream', data);
  } else {
    if (typeof blobOrName !== 'string' || blobOrName === '') throw invalidArgument('name');
    if (argc < 2) throw invalidArgument('content');
    const data = encodeString(String(content), 'utf-8');
    const typed = argc >= 3;
    const max = typed ? CREATE_FILE_TYPED_MAX_BYTES : CREATE_FILE_MAX_BYTES;
    if (data.length > max) throw new ScriptError(`File size exceeds the maximum of ${max} bytes for createFile(name, content${typed ? ', mimeType' : ''}).`);
    if (typed && (typeof mimeType !== 'string' || !mimeType || mimeType === FOLDER_MIME)) throw invalidArgument('mimeType');
    it = store.create('file', blobOrName, parent, user, typed ? String(mimeType) : 'text/plain', data);
  }
  return new File(store, it, user);
}

abstract class Iterator<T> {
  private _i = 0;
  constructor(private readonly _items: T[]) {}
  hasNext(): boolean {
    return this._i < this._items.length;
  }
  next(): T {
    if (this._i >= this._items.length) throw new ScriptError('Cannot retrieve the next object: iterator has reached the end.');
    return this._items[this._i++];
  }
  getContinuationToken(): string {
    return String(this._i);
  }
}
export class FileIterator extends Iterator<File> {
  readonly __class = 'FileIterator';
}
export class FolderIterator extends Iterator<Folder> {
  readonly __class = 'FolderIterator';
}

export class DriveApp {
  readonly __class = 'DriveApp';
  readonly ENUMS = {
    Access: { ANYONE: 'ANYONE', ANYONE_WITH_LINK: 'ANYONE_WITH_LINK', DOMAIN: 'DOMAIN', DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK', PRIVATE: 'PRIVATE' },
    Permission: { VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT', OWNER: 'OWNER', ORGANIZER: 'ORGANIZER', FILE_ORGANIZER: 'FILE_ORGANIZER', NONE: 'NONE' },
  };
  constructor(
    private readonly _store: DriveStore,
    private readonly _user: string,
  ) {}
  getRootFolder(): Folder {
    return new Folder(this._store, this._store.items.get(this._store.rootId)!, this._user);
  }
  createFolder(name: unknown): Folder {
    return this.getRootFolder().createFolder(name);
  }
  createFile(blobOrName: unknown, content?: unknown, mimeType?: unknown): File {
    return createFileIn(this._store, this._store.rootId, this._user, blobOrName, content, mimeType, arguments.length);
  }
  getFileById(id: unknown): File {
    const it = this._store.visible(String(id));
    if (!it || it.kind !== 'file') throw new ScriptError(NOT_FOUND);
    return new File(this._store, it, this._user);
  }
  getFolderById(id: unknown): Folder {
    const it = this._store.visible(String(id));
    if (!it || it.kind !== 'folder') throw new ScriptError(NOT_FOUND);
    return new Folder(this._store, it, this._user);
  }
  getFiles(): FileIterator {
    return new FileIterator(this._store.all('file').map((i) => new File(this._store, i, this._user)));
  }
  getFolders(): FolderIterator {
    return new FolderIterator(this._store.all('folder').map((i) => new Folder(this._store, i, this._user)));
  }
  getFilesByName(name: unknown): FileIterator {
    return new FileIterator(this._store.all('file', String(name)).map((i) => new File(this._store, i, this._user)));
  }
  getFoldersByName(name: unknown): FolderIterator {
    return new FolderIterator(this._store.all('folder', String(name)).map((i) => new Folder(this._store, i, this._user)));
  }
  getFilesByType(mimeType: unknown): FileIterator {
    return new FileIterator(this._store.all('file').filter((i) => i.mimeType === String(mimeType)).map((i) => new File(this._store, i, this._user)));
  }
  getStorageUsed(): number {
    let n = 0;
    for (const it of this._store.items.values()) if (it.kind === 'file' && it.appCreated) n += this._store.data(it.id).length;
    return n;
  }
}
