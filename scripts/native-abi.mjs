// Which runtime a native Node addon (.node) was compiled for, read from the file itself: every
// addon built with NODE_MODULE / NODE_MODULE_INIT exports `node_register_module_v<ABI>`, where ABI
// is the NODE_MODULE_VERSION of the headers it was compiled against (115 = Node 20, 150 =
// Electron 45). No loading, no dlopen: it works for a binary the running process could not load.
import { readFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';

const MARKER = Buffer.from('node_register_module_v', 'latin1');

/** Known Node.js module ABIs, to make messages readable. */
export const NODE_ABIS = { 108: 'Node 18', 115: 'Node 20', 120: 'Node 21', 127: 'Node 22', 131: 'Node 23', 137: 'Node 24', 141: 'Node 25' };

/** Every ABI named by a `node_register_module_v<N>` string in the bytes (usually exactly one). */
export function moduleAbisIn(bytes) {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = new Set();
  for (let at = buffer.indexOf(MARKER); at !== -1; at = buffer.indexOf(MARKER, at + 1)) {
    let end = at + MARKER.length;
    while (end < buffer.length && buffer[end] >= 0x30 && buffer[end] <= 0x39) end++;
    if (end > at + MARKER.length) found.add(Number(buffer.toString('latin1', at + MARKER.length, end)));
  }
  return [...found];
}

/** The ABI of the addon at `file`, or null when it names none (or several). Throws if unreadable. */
export function readModuleAbi(file) {
  const abis = moduleAbisIn(readFileSync(file));
  return abis.length === 1 ? abis[0] : null;
}

export function describeAbi(abi) {
  if (abi === null || abi === undefined) return 'an unknown runtime';
  return NODE_ABIS[abi] ? `ABI ${abi} (${NODE_ABIS[abi]})` : `ABI ${abi}`;
}

/**
 * Checks that `file` was built for Electron's ABI. Returns { ok, found, message }: `found` is the ABI
 * read from the file (null if none), `message` one plain sentence when it does not fit.
 */
export function checkElectronAbi(file, electronAbi) {
  const expected = Number(electronAbi);
  let found;
  try {
    found = readModuleAbi(file);
  } catch (error) {
    return { ok: false, found: null, message: `${file} cannot be read (${error.code ?? error.message}).` };
  }
  if (found === expected) return { ok: true, found, message: '' };
  const why = NODE_ABIS[found] ? ": it was built against Node's headers, not Electron's" : '';
  return {
    ok: false,
    found,
    message: `${file} is built for ${describeAbi(found)}, not Electron ${expected}${why}.`,
  };
}
