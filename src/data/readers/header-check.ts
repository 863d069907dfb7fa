/** Column names must be non-blank and unique in every format: a duplicate would vanish from the clean table. */
import { UserError } from '../../diagnostics/user-error.ts';

export function checkHeader(path: string, columns: string[]): string[] {
  const seen = new Set<string>();
  columns.forEach((name, i) => {
    if (name === '') throw new UserError(`${path}: column ${i + 1} of the header has no name`);
    if (seen.has(name)) throw new UserError(`${path}: column "${name}" appears twice in the header`);
    seen.add(name);
  });
  return columns;
}
