import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

let decoy: Promise<string> | undefined;

/**
 * A real hash of a random string: verifying an unknown e-mail's attempt against it costs what a
 * real check costs, so the answer time does not tell which e-mails exist.
 */
function decoyHash(): Promise<string> {
  return (decoy ??= hashPassword(randomBytes(16).toString('hex')));
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    const matches = await argon2.verify(hash ?? (await decoyHash()), password);
    return matches && hash !== null;
  } catch {
    return false;
  }
}
