/**
 * The fonts every document is set in: DejaVu Sans from the `dejavu-fonts-ttf` package, embedded
 * (subset) in each PDF. It has the euro sign, every accented letter and a bold face; pdfkit's
 * built-in Helvetica is never used (PDF/A wants every font embedded).
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_REGOLARE = path.join(dir, 'DejaVuSans.ttf');
export const FONT_GRASSETTO = path.join(dir, 'DejaVuSans-Bold.ttf');
