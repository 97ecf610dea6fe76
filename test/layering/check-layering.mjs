// `npm run layering`: fails when an import crosses the architecture's layers (see layering.mjs).
import { fileURLToPath } from 'node:url';
import { findViolations } from './layering.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const violations = findViolations(root);
for (const violation of violations) process.stderr.write(`Layering: ${violation}\n`);
if (violations.length > 0) {
  process.stderr.write(`Layering check failed: ${violations.length} import(s) cross a layer.\n`);
  process.exit(1);
}
process.stdout.write('Layering check passed: shared/, renderer/ and main/ import only what they may.\n');
