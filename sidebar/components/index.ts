// Small UI components shared by every view (case log, statement import, reconciliation
// review). Plain DOM, no framework; data is always rendered as text.
//
//   h(tag, props, ...children)  build elements (strings become text nodes; never innerHTML)
//   field({label, control})     labelled control with its error under it: .setError(msg)
//   select(options, value)      a <select>
//   loadingButton({label, onClick, primary})  disabled + spinner while its promise runs
//   banner()                    result/error banner: .show({kind, title, details, copy}) / .clear()
//   table({columns, rows})      compact list, optional clickable rows
//   picker({items, key, label}) searchable combobox with an optional footer action
//   fileList({types, maxBytes}) several files, a type per file, read to base64
export * from './dom';
export * from './field';
export * from './button';
export * from './banner';
export * from './table';
export * from './picker';
export * from './files';
