/**
 * The documentation is self-contained (issue 13, item 11): the README and docs/ link only to files
 * of the repository, every relative link (and its #anchor) leads somewhere, and docs/comandi.md
 * has a section for every command of src/commands/index.ts and names each of its subcommands.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/index.js';
import { ROOT } from './helpers.js';

const DOCS = path.join(ROOT, 'docs');
const PAGES = [path.join(ROOT, 'README.md'), ...readdirSync(DOCS).filter((f) => f.endsWith('.md')).map((f) => path.join(DOCS, f))];
const rel = (file: string) => path.relative(ROOT, file);

/** Markdown links `[text](target)` outside code blocks and code spans, with their line. */
function links(file: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  let fenced = false;
  readFileSync(file, 'utf8').split('\n').forEach((text, i) => {
    if (/^\s*```/.test(text)) fenced = !fenced;
    if (fenced) return;
    for (const m of text.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) found.push({ target: m[1]!, line: i + 1 });
  });
  return found;
}

/** GitHub's anchors of a Markdown file's headings: lower case, punctuation out, spaces to `-`, repeats numbered. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let fenced = false;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*```/.test(text)) fenced = !fenced;
    const h = !fenced && /^#{1,6}\s+(.*)$/.exec(text);
    if (!h) continue;
    const slug = h[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

describe('the documentation is self-contained', () => {
  it('docs/ has the command reference and the CSV reference', () => {
    expect(existsSync(path.join(DOCS, 'comandi.md'))).toBe(true);
    expect(existsSync(path.join(DOCS, 'csv.md'))).toBe(true);
  });

  it.each(PAGES.map((p) => [rel(p), p]))('%s: every relative link is a file of the repository that exists, with its anchor', (_name, file) => {
    const problems: string[] = [];
    for (const { target, line } of links(file)) {
      if (/^(https?|mailto):/.test(target)) continue;
      const [p, anchor] = target.split('#') as [string, string | undefined];
      const dest = p ? path.resolve(path.dirname(file), decodeURI(p)) : file;
      const where = `${rel(file)}:${line}: ${target}`;
      if (path.relative(ROOT, dest).startsWith('..') || path.isAbsolute(p)) problems.push(`${where}: fuori dal repository`);
      else if (!existsSync(dest)) problems.push(`${where}: non esiste`);
      else if (anchor && statSync(dest).isFile() && dest.endsWith('.md') && !anchors(dest).has(decodeURI(anchor))) problems.push(`${where}: nessun titolo per #${anchor}`);
    }
    expect(problems).toEqual([]);
  });

  it.each(PAGES.map((p) => [rel(p), p]))('%s: names no document that lives outside the repository', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(text.match(/\b(cli|domain|toolchain|style)\.md\b|\.\.\/shared|\bshared\/(spec|seeds)/g)).toBeNull();
  });

  it('docs/comandi.md has a section for every command, naming each subcommand', async () => {
    const headings = readFileSync(path.join(DOCS, 'comandi.md'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('### '));
    const missing: string[] = [];
    for (const entry of COMMANDS) {
      const own = headings.filter((h) => new RegExp(`\`dote ${entry.name}[\` |]`).test(h));
      if (!own.length) {
        missing.push(entry.name);
        continue;
      }
      const cmd = (await entry.load())();
      for (const sub of cmd.commands) {
        if (!own.some((h) => new RegExp(`[\\s|\`]${sub.name()}[\\s|\`]`).test(h))) missing.push(`${entry.name} ${sub.name()}`);
      }
    }
    expect(missing).toEqual([]);
    // help is the program's own, not an entry of the table.
    expect(headings.some((h) => h.startsWith('### `dote help'))).toBe(true);
  });
});
