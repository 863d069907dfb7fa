/**
 * Appends text lines to a file with bounded memory: lines are batched (fewer syscalls) and the writer
 * waits for the disk when the stream's buffer is full (backpressure).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const BATCH_CHARS = 1 << 16;

export class LineSink {
  private readonly stream: WriteStream;
  private batch: string[] = [];
  private batchChars = 0;

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async write(line: string): Promise<void> {
    this.batch.push(line);
    this.batchChars += line.length + 1;
    if (this.batchChars >= BATCH_CHARS) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const text = this.batch.join('\n') + '\n';
    this.batch = [];
    this.batchChars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
