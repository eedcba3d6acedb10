// Choosing several files, each with a type (e.g. evidence type), checked for size before
// anything is sent, and read to base64 (google.script.run carries strings, not Blobs).
import { h, replaceChildren, uid } from './dom';
import { select } from './field';

export interface ChosenFile {
  file: File;
  type: string;
}

/** A file as it travels to the server (the shape of docs/api.md's FileUpload). */
export interface FileUpload {
  name: string;
  mimeType: string;
  /** The type chosen for this file (e.g. "Proof of refund"). */
  type: string;
  /** The content, base64 (no data: prefix). */
  contentBase64: string;
}

export interface FileListOptions {
  /** Types offered per file; the first is the default. */
  types: string[];
  /** Largest accepted file in bytes. */
  maxBytes: number;
  /** Largest total of all files in bytes (a google.script.run call carries them all). */
  maxTotalBytes?: number;
  /** `accept` attribute of the file input. */
  accept?: string;
  /** Label of the "choose" button. */
  chooseLabel?: string;
}

export interface FileListControl {
  el: HTMLElement;
  /** The hidden <input type=file> (tests set files on it). */
  input: HTMLInputElement;
  readonly files: ChosenFile[];
  /** An error to show for the current choice (size), or '' when fine. */
  problem(): string;
  /** Reads every file; rejects with a clear message if one cannot be read. */
  read(): Promise<FileUpload[]>;
  clear(): void;
  /** Called after the list changes (e.g. to clear a field error). */
  onChange?: () => void;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function fileList(options: FileListOptions): FileListControl {
  let chosen: ChosenFile[] = [];
  // The visible button is the control (a field's label names it); the native input stays hidden.
  const input = h('input', { class: 'offscreen', attrs: { type: 'file', multiple: true, accept: options.accept, id: uid('file'), tabindex: -1, 'aria-hidden': 'true' } });
  const choose = h('button', { class: 'btn small', attrs: { type: 'button' } }, options.chooseLabel ?? 'Add files…');
  choose.addEventListener('click', () => input.click());
  const list = h('ul', { class: 'file-list', attrs: { 'aria-live': 'polite' } });
  const el = h('div', { class: 'files' }, choose, input, list);

  const tooBig = (f: File) => f.size > options.maxBytes;
  const render = () => {
    replaceChildren(
      list,
      ...chosen.map((c, i) => {
        const types = select(options.types, c.type);
        types.setAttribute('aria-label', `Type of ${c.file.name}`);
        types.addEventListener('change', () => (c.type = types.value));
        const remove = h('button', { class: 'link', attrs: { type: 'button', 'aria-label': `Remove ${c.file.name}` } }, 'Remove');
        remove.addEventListener('click', () => {
          chosen.splice(i, 1);
          render();
          control.onChange?.();
        });
        return h(
          'li',
          { class: tooBig(c.file) ? 'file too-big' : 'file' },
          h('div', { class: 'file-name' }, c.file.name, h('span', { class: 'file-size' }, ` ${formatBytes(c.file.size)}`)),
          h('div', { class: 'file-row' }, types, remove),
        );
      }),
    );
  };
  input.addEventListener('change', () => {
    for (const file of Array.from(input.files ?? [])) chosen.push({ file, type: options.types[0] });
    input.value = ''; // choosing the same file again fires change again
    render();
    control.onChange?.();
  });

  const control: FileListControl = {
    el,
    input,
    get files() {
      return chosen;
    },
    problem() {
      const big = chosen.filter((c) => tooBig(c.file));
      if (big.length) {
        return `${big.map((c) => `${c.file.name} (${formatBytes(c.file.size)})`).join(', ')} ${big.length === 1 ? 'is' : 'are'} larger than ${formatBytes(options.maxBytes)}, the largest file accepted. Remove it or upload a smaller copy.`;
      }
      const empty = chosen.filter((c) => c.file.size === 0);
      if (empty.length) return `${empty.map((c) => c.file.name).join(', ')} ${empty.length === 1 ? 'is' : 'are'} empty. Remove ${empty.length === 1 ? 'it' : 'them'} or choose the right file.`;
      const total = chosen.reduce((s, c) => s + c.file.size, 0);
      if (options.maxTotalBytes && total > options.maxTotalBytes) {
        return `The files add up to ${formatBytes(total)}; at most ${formatBytes(options.maxTotalBytes)} can be sent at once. Add the rest to the case afterwards.`;
      }
      return '';
    },
    read() {
      return Promise.all(chosen.map((c) => readFile(c.file).then((base64) => ({ name: c.file.name, mimeType: c.file.type || 'application/octet-stream', type: c.type, contentBase64: base64 }))));
    },
    clear() {
      chosen = [];
      render();
    },
  };
  return control;
}

/** Reads a file's content as base64 (without the data: URL prefix). */
export function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`Could not read ${file.name}: ${reader.error?.message ?? 'unknown error'}`));
    reader.readAsDataURL(file);
  });
}
