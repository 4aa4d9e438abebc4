/**
 * Reading printed documents back as a user's tools would: the text of each page (pdfjs-dist, so
 * the suite needs nothing from apt), and Apache PDFBox Preflight's PDF/A-1b verdict. Where Java
 * or PDFBox is missing, `PREFLIGHT_MISSING` says what is missing, and the tests that need it are
 * skipped with that reason in their name (never passed silently).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const J = '/usr/share/java';
const JARS = ['preflight.jar', 'pdfbox2.jar', 'fontbox2.jar', 'xmpbox.jar', 'commons-logging.jar', 'javax.activation.jar', 'jaxb-api.jar'];

function preflightMissing(): string | null {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) return 'java non trovato (apt-get install default-jre-headless)';
  const absent = JARS.filter((j) => !existsSync(path.join(J, j)));
  if (absent.length) return `mancano ${absent.join(', ')} in ${J} (apt-get install libpdfbox2-java libactivation-java libjaxb-api-java)`;
  return null;
}

/** Why Preflight cannot run here, or null when it can. */
export const PREFLIGHT_MISSING = preflightMissing();

/** Preflight's verdict on a file: valid, and its report. */
export function preflight(file: string): { valid: boolean; report: string } {
  const r = spawnSync('java', ['-cp', JARS.map((j) => path.join(J, j)).join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
  const report = `${r.stdout}${r.stderr}`;
  return { valid: r.status === 0 && /is a valid PDF\/A-1b file/.test(report), report };
}

/** Each page's text, items joined by spaces, runs of white space made one. */
export async function pdfPages(file: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const c = await (await doc.getPage(i)).getTextContent();
    pages.push(c.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' ').trim());
  }
  await doc.destroy();
  return pages;
}

/** The document's Info dictionary and XMP packet. */
export async function pdfMeta(file: string): Promise<{ info: Record<string, unknown>; xmp: string | null }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
  const m = await doc.getMetadata();
  const xmp = (m.metadata as unknown as { getRaw(): string } | null)?.getRaw() ?? null;
  await doc.destroy();
  return { info: m.info as Record<string, unknown>, xmp };
}

/** The whole text, for checks that may cross a page break. */
export function allText(pages: readonly string[]): string {
  return pages.join(' ');
}
