import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
async function run(opts: object, label: string) {
  const c0 = process.cpuUsage();
  let n = 0;
  await new Promise<void>((res, rej) => {
    const p = createReadStream('/tmp/gen2/events.csv').pipe(parse(opts));
    p.on('data', () => { n++; }); p.on('end', () => res()); p.on('error', rej);
  });
  const c = process.cpuUsage(c0); console.log(label, n, (c.user + c.system) / 1e6);
}
await run({ info: true, relax_column_count: true, skip_empty_lines: true }, 'info');
await run({ relax_column_count: true, skip_empty_lines: true }, 'noinfo');
await run({}, 'plain');
{
  const c0 = process.cpuUsage(); let n = 0;
  const p = createReadStream('/tmp/gen2/events.csv').pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true }));
  for await (const r of p) n++;
  const c = process.cpuUsage(c0); console.log('forawait', n, (c.user + c.system) / 1e6);
}
