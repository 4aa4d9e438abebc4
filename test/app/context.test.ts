/** Who is operating, for the audit trail: --operatore, DOTE_OPERATORE, then the OS user (issue 3, item 7). */
import { describe, expect, it } from 'vitest';
import { userInfo } from 'node:os';
import { buildContext } from '../../src/context.js';

describe('buildContext: operatore', () => {
  const osUser = userInfo().username;

  it('takes --operatore first, then DOTE_OPERATORE, then USER', () => {
    expect(buildContext({ operatore: 'mrossi' }, { DOTE_OPERATORE: 'x', USER: 'y' }).operatore).toBe('mrossi');
    expect(buildContext({}, { DOTE_OPERATORE: 'lbianchi', USER: 'y' }).operatore).toBe('lbianchi');
    expect(buildContext({}, { USER: 'gverdi' }).operatore).toBe('gverdi');
    expect(buildContext({}, { LOGNAME: 'gverdi2' }).operatore).toBe('gverdi2');
  });

  it('falls back to the account running the process when the environment names nobody', () => {
    expect(buildContext({}, {}).operatore).toBe(osUser);
    // An empty or blank USER (cron, containers) is not a name.
    expect(buildContext({}, { USER: '', LOGNAME: '  ' }).operatore).toBe(osUser);
    expect(buildContext({ operatore: '' }, { DOTE_OPERATORE: '' }).operatore).toBe(osUser);
  });
});
