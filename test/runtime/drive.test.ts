// DriveApp with the drive.file scope (reference/drive/drive-app, .../folder, .../file; research note §3.10).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRuntime, tempDir } from './helpers';
import { Runtime } from '../../dev/runtime/index';

const BUNDLE = `
function make() {
  var root = DriveApp.getRootFolder();
  var f = root.createFolder('RC-000001 Alpha 4512');
  var file = f.createFile(Utilities.newBlob('proof', 'text/plain', 'proof.txt'));
  var csv = f.createFile('a.csv', 'x,y', MimeType.CSV);
  var plain = DriveApp.createFile('note.txt', 'hi');
  return { folderId: f.getId(), fileId: file.getId(), folderUrl: f.getUrl(), fileUrl: file.getUrl(),
           size: file.getSize(), mime: file.getMimeType(), csvMime: csv.getMimeType(), plainMime: plain.getMimeType(),
           text: DriveApp.getFileById(file.getId()).getBlob().getDataAsString(), name: file.getName(),
           created: file.getDateCreated() instanceof Date, parent: file.getParents().next().getName() };
}
function list(folderId) {
  var f = DriveApp.getFolderById(folderId);
  var names = [];
  var it = f.getFiles();
  while (it.hasNext()) names.push(it.next().getName());
  var end;
  try { it.next(); } catch (e) { end = e.message; }
  var byName = DriveApp.getFilesByName('proof.txt');
  var folders = DriveApp.getFoldersByName('RC-000001 Alpha 4512');
  return [names.sort(), end, byName.hasNext(), folders.hasNext() && folders.next().getId() === folderId];
}
function unnamed() { try { DriveApp.createFile(Utilities.newBlob('x')); } catch (e) { return e.message; } }
function open(id) { try { return DriveApp.getFileById(id).getName(); } catch (e) { return e.message; } }
function openFolder(id) { try { return DriveApp.getFolderById(id).getName(); } catch (e) { return e.message; } }
function countByName(n) { var it = DriveApp.getFilesByName(n), c = 0; while (it.hasNext()) { it.next(); c++; } return c; }
function share(id) {
  var f = DriveApp.getFileById(id);
  f.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
  f.addViewer('vendor@example.com').addEditor('boss@example.com');
  return [f.getSharingAccess(), f.getSharingPermission(), f.getViewers().map(function (u) { return u.getEmail(); }), f.getEditors()[0].getEmail()];
}
function trash(id) { DriveApp.getFileById(id).setTrashed(true); return countByName('note.txt'); }
function big(typed) {
  var s = new Array(10 * 1024 * 1024 + 2).join('x');
  try { return typed ? DriveApp.createFile('b.txt', s, 'text/plain').getSize() : DriveApp.createFile('b.txt', s).getSize(); } catch (e) { return e.message; }
}
`;

describe('DriveApp', () => {
  let rt: Runtime;
  let made: Record<string, unknown>;
  beforeAll(async () => {
    rt = (await openRuntime(BUNDLE)).rt;
    made = (await rt.run('make')).value as Record<string, unknown>;
  });
  afterAll(() => rt.close());

  test('folders and files: create, read, urls, types', () => {
    expect(made).toMatchObject({
      size: 5, mime: 'text/plain', csvMime: 'text/csv', plainMime: 'text/plain', text: 'proof', name: 'proof.txt', created: true,
      parent: 'RC-000001 Alpha 4512',
    });
    expect(made.folderUrl).toBe(`https://drive.google.com/drive/folders/${made.folderId}`);
    expect(made.fileUrl).toBe(`https://drive.google.com/file/d/${made.fileId}/view?usp=drivesdk`);
  });

  test('iterators and lookups by name', async () => {
    expect((await rt.run('list', [made.folderId])).value).toEqual([
      ['a.csv', 'proof.txt'], 'Cannot retrieve the next object: iterator has reached the end.', true, true,
    ]);
  });

  test('createFile(blob) needs a named blob', async () => {
    expect((await rt.run('unnamed')).value).toBe('Blob object must have non-null name for this operation.');
  });

  test('drive.file: a file the app did not create cannot be opened or listed', async () => {
    const foreign = rt.drive.addForeignFile('proof.txt', 'someone else');
    expect((await rt.run('open', [foreign])).value).toBe(
      'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.',
    );
    expect((await rt.run('openFolder', ['nope'])).value).toMatch(/^No item with the given ID/);
    expect((await rt.run('countByName', ['proof.txt'])).value).toBe(1);
    expect((await rt.run('open', [made.fileId])).value).toBe('proof.txt');
  });

  test('sharing and policy', async () => {
    expect((await rt.run('share', [made.fileId])).value).toEqual(['ANYONE_WITH_LINK', 'VIEW', ['vendor@example.com'], 'boss@example.com']);
    rt.drive.policy.linkSharingDisabled = true;
    await expect(rt.run('share', [made.fileId])).rejects.toThrow(/Sharing failed/);
    rt.drive.policy.linkSharingDisabled = false;
  });

  test('trashed files leave listings', async () => {
    const id = (await rt.run('make')).value as { fileId: string };
    expect(id).toBeTruthy();
    const before = (await rt.run('countByName', ['note.txt'])).value as number;
    const plainId = [...rt.drive.items.values()].find((i) => i.name === 'note.txt')!.id;
    expect((await rt.run('trash', [plainId])).value).toBe(before - 1);
  });

  test('createFile size limits: 10 MB with a MIME type, 50 MB without (DriveApp.createFile docs)', async () => {
    expect((await rt.run('big', [true])).value).toMatch(/File size exceeds the maximum of 10485760 bytes/);
    expect((await rt.run('big', [false])).value).toBe(10 * 1024 * 1024 + 1);
  });
});

describe('Drive persistence', () => {
  test('save writes bytes under <workbook>.drive/ and open restores them', async () => {
    const dir = tempDir();
    const wb = join(dir, 'book.xlsx');
    const { rt, model } = await openRuntime(BUNDLE, { workbookPath: wb });
    const made = (await rt.run('make')).value as { fileId: string; folderId: string };
    await rt.save();
    await rt.close();
    expect(model.saved).toEqual([wb]);
    expect(readFileSync(join(`${wb}.drive`, made.fileId), 'utf8')).toBe('proof');
    expect(existsSync(`${wb}.state.json`)).toBe(true);
    const again = await Runtime.open({ ...rt2opts(rt), workbookPath: wb });
    try {
      expect((await again.run('open', [made.fileId])).value).toBe('proof.txt');
      expect(((await again.run('list', [made.folderId])).value as unknown[])[0]).toEqual(['a.csv', 'proof.txt']);
    } finally {
      await again.close();
    }
  });
});

function rt2opts(rt: Runtime) {
  return { bundlePath: rt.bundlePath, htmlDir: rt.htmlDir, spreadsheet: { model: rt.model, createSpreadsheetApp: () => ({}) } };
}
