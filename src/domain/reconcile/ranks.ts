// Case ID and Line ID ranks: ties are broken by these IDs (never the sheet order), and ranks
// turn those string comparisons into integer ones for the assignment and the pairs' order.
//
// Why not one comparator sort: Line IDs (`L1` … `L104089`) are rarely in code-unit order,
// and a comparator sort of 10^5 strings makes ~17 JS calls per key. Instead the first few
// code units of each key are packed into an exact integer that orders like the strings do
// (shorter first), the packed keys are sorted natively, and only runs sharing the whole
// packed prefix are sorted by the string comparator — short runs, a few calls per key.

/** Rank of each of n string keys in code-unit order (what Array.prototype.sort() does);
 *  equal keys share the rank of their first sorted position. */
export function rankBy(n: number, key: (i: number) => string): Int32Array {
  const keys = new Array<string>(n);
  for (let i = 0; i < n; i++) keys[i] = key(i);
  const rank = new Int32Array(n);
  // Already in order (a log numbered in sequence): the ranks without sorting.
  let inOrder = true;
  for (let i = 1; i < n && inOrder; i++) if (keys[i - 1] > keys[i]) inOrder = false;
  if (inOrder) {
    for (let i = 1; i < n; i++) rank[i] = keys[i - 1] === keys[i] ? rank[i - 1] : i;
    return rank;
  }
  const order = sortedOrder(keys);
  let r = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (k > 0 && keys[order[k - 1]] !== keys[i]) r = k;
    rank[i] = r;
  }
  return rank;
}

/** Positions of `keys` in (code-unit order, position) order. */
function sortedOrder(keys: string[]): Int32Array {
  const n = keys.length;
  const order = new Int32Array(n);
  const byString = (x: number, y: number) => {
    const p = keys[x];
    const q = keys[y];
    return p < q ? -1 : p > q ? 1 : x - y;
  };
  // Units below 128 are packed as unit + 1 in base 129 (0 = the key has ended, so a prefix
  // sorts before its extensions); `width` units fit when 129^width × n stays below 2^53.
  let width = 0;
  let scale = 1;
  while (width < 6 && scale * 129 * n < Number.MAX_SAFE_INTEGER) {
    scale *= 129;
    width++;
  }
  if (width < 2) return indexSort(order, byString);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = keys[i];
    let p = 0;
    for (let j = 0; j < width; j++) {
      const u = j < s.length ? s.charCodeAt(j) : -1;
      if (u >= 128) return indexSort(order, byString); // not ASCII: the plain comparator sort
      p = p * 129 + (u + 1);
    }
    packed[i] = p * n + i; // exact: below 2^53 by the choice of width
  }
  packed.sort();
  for (let k = 0; k < n; k++) order[k] = packed[k] % n;
  // Runs with the same packed prefix: sorted by the whole string (then position). A run whose
  // keys all end within the prefix holds equal keys, already in position order.
  // packed − position is the prefix × n, exactly (no division to round).
  for (let start = 0; start < n; ) {
    const prefix = packed[start] - order[start];
    let end = start + 1;
    let longer = keys[order[start]].length > width;
    while (end < n && packed[end] - order[end] === prefix) {
      if (keys[order[end]].length > width) longer = true;
      end++;
    }
    if (end - start > 1 && longer) order.subarray(start, end).sort(byString);
    start = end;
  }
  return order;
}

function indexSort(order: Int32Array, cmp: (x: number, y: number) => number): Int32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(cmp);
}
