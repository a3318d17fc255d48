import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './environment';

/**
 * Validated when the application is created, not when a module file is imported, so that what the
 * process (or a test) put in the environment before creating the app is what it runs with.
 */
export const environment = registerAs('environment', () => validateEnvironment(process.env));
