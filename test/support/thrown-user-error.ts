/** The `UserError` that `f` throws; fails the test when it throws nothing or something else. */
import { UserError } from '../../src/diagnostics/user-error.ts';

export function thrownUserError(f: () => unknown): UserError {
  try {
    f();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
}
