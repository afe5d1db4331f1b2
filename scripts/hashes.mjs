// The release's content hashes, one definition for scripts/postbuild.mjs and
// scripts/split.mjs: the `-<hash>` in a file name, and a Subresource Integrity value.
import { createHash } from 'node:crypto';

/** The first 16 hex digits of the SHA-256 of `parts`, in order (a file name's hash). */
export function hash16(...parts) {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
}

/** The `integrity="…"` value of a script or stylesheet with these bytes. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
