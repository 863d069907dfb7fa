/** SHA-256 (FIPS 180-4) of artifact files, as lowercase hex, through Node's crypto. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function sha256(content: Uint8Array | string): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Streams the file, so a large weights file is never held whole in memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
