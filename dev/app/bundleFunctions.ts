// The names google.script.run can call: top-level function declarations of dist/Code.js that do
// not end in "_". Apps Script only exposes top-level functions to google.script.run, menus and
// triggers, and treats a trailing underscore as private ("private functions", guides/html/
// communication#private_functions). The bundle's generated stubs start at column 0; everything
// inside esbuild's IIFE is indented, so a line-anchored scan finds exactly the entry points.
import { readFileSync } from 'node:fs';

export function topLevelFunctions(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  return [...names].sort();
}

export function callableFunctions(bundlePath: string): string[] {
  return topLevelFunctions(readFileSync(bundlePath, 'utf8')).filter((n) => !n.endsWith('_'));
}
