/**
 * `npm run create-admin -- <username> "<full name>"`: creates an administrator with a
 * random password printed once (for first start without the setup screen, or recovery).
 */
import crypto from 'node:crypto';
import { ZodError } from 'zod';
import { createUserInput } from '@cert-hub/shared';
import { composeFromEnv } from '../server/src/compose.js';
import { DomainError } from '../server/src/platform/errors.js';

const [username, displayName] = process.argv.slice(2);
if (!username || !displayName) {
  process.stderr.write('Usage: npm run create-admin -- <username> "<full name>"\n');
  process.exit(2);
}
const password = `${crypto.randomBytes(12).toString('base64url')}#9a`;
const { deps, services } = await composeFromEnv();
try {
  const input = createUserInput.parse({ username, displayName, password, role: 'admin', teamIds: [] });
  await services.users.create(null, input);
  process.stdout.write(
    `Administrator "${input.username}" created. Password (shown once, change it after signing in):\n\n  ${password}\n\n`,
  );
} catch (error) {
  const message =
    error instanceof DomainError
      ? error.message
      : error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : String(error);
  process.stderr.write(`Could not create the administrator: ${message}\n`);
  process.exitCode = 1;
} finally {
  await deps.store.close();
}
