/** Where things are, for the service's tests. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SERVICE_MAIN = fileURLToPath(
  new URL('../../../examples/service/main.ts', import.meta.url),
);
