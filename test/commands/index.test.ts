/**
 * src/commands/index.ts stands for the commands in `dote --help` without loading them: every
 * entry must say exactly what its real command says (term and description), and every command
 * file must have its entry, once, in the order of the help.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Help } from 'commander';
import { COMMANDS } from '../../src/commands/index.js';
import { ROOT } from '../helpers.js';

describe('the table of commands', () => {
  it('has one entry per command file, each name once', () => {
    const files = readdirSync(path.join(ROOT, 'src', 'commands'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(files.sort());
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: term and description are those of the real command', async (_name, entry) => {
    const real = (await entry.load())();
    expect(real.name()).toBe(entry.name);
    expect(real.description()).toBe(entry.description);
    expect(new Help().subcommandTerm(real).replace('[options]', '[opzioni]')).toBe(entry.term);
  });
});
