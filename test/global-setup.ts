// CLI tests spawn bin/dote, which runs the compiled dist/: build once before the suite (as
// `npm run build` does) so the tests always exercise the current sources.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-p', `${root}/tsconfig.json`], { stdio: 'inherit' });
  // The last step of the build: the shipped catalogues validated ahead of time (src/bandi/compile.ts).
  execFileSync(process.execPath, [`${root}/dist/bandi/compile.js`], { stdio: 'ignore' });
}
