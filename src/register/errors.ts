/**
 * Why the register refused or failed: a usage or I/O problem (exit 2 at the CLI), never a
 * defect of the case. Carries both languages like the CLI's own errors.
 */
export class RegisterError extends Error {
  constructor(message: string, readonly messageEn = message) {
    super(message);
  }
}
