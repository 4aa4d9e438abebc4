import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The package root (where package.json is). Data files that ship with the tool (catalogues,
 * migrations, templates, fixtures) are read from the source tree at run time: dist/ only holds
 * compiled code, and both `bin/dote` from the checkout and `npm link` point at this folder.
 */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
