/**
 * Child process for the crash test in atomic-output.test.ts: writes `rows` CSV lines to
 * argv[2] through writeAtomically, slowly enough (a 20 ms pause every 10,000 lines: at least
 * 0.4 s for 200,000 lines) that the test can kill it half-way. Prints "started" once the temporary file has data.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeAtomically } from '../../src/data/atomic-output.ts';

const [target, rowsText, tag] = process.argv.slice(2);
const rows = Number(rowsText);

await writeAtomically(target, async (temporary) => {
  const out = createWriteStream(temporary);
  out.write('customer_id,health_score,run\n');
  for (let i = 0; i < rows; i++) {
    if (!out.write(`c${i},${i % 101},${tag}\n`)) await once(out, 'drain');
    if (i === 10_000) console.log('started');
    if (i % 10_000 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  out.end();
  await once(out, 'finish');
});
console.log('done');
