/** Writes alerts as CSV (the columns of `Alert`) and JSON, atomically so a killed job never leaves half a file. */
import { stringify } from 'csv-stringify/sync';
import { writeFile } from 'node:fs/promises';
import { writeAtomically } from '../data/atomic-output.ts';
import { Alert } from './alerts.ts';

const COLUMNS = Object.keys(Alert.shape) as (keyof Alert)[];

export function alertsCsv(alerts: readonly Alert[]): string {
  return stringify(
    alerts.map((a) => COLUMNS.map((c) => a[c])),
    { header: true, columns: COLUMNS },
  );
}

export async function writeAlertsCsv(path: string, alerts: readonly Alert[]): Promise<void> {
  await writeAtomically(path, (tmp) => writeFile(tmp, alertsCsv(alerts)));
}

export async function writeAlertsJson(path: string, alerts: readonly Alert[]): Promise<void> {
  await writeAtomically(path, (tmp) => writeFile(tmp, `${JSON.stringify(alerts, null, 2)}\n`));
}
