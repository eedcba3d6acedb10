import { allowedTransitions, checkTransition, missingForNext, TRANSITIONS } from '../../src/domain/workflow';
import { CASE_STATUSES } from '../../src/domain/caseRecord';

const none = { evidenceTypes: [], hasStatementMatch: false };

describe('workflow', () => {
  test('the table covers every status', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...CASE_STATUSES].sort());
  });
  test('the happy path and the dispute path', () => {
    expect(allowedTransitions('Logged')).toEqual(['Requested', 'Rejected', 'Cancelled', 'Written off']);
    expect(allowedTransitions('Requested')).toContain('Disputed');
    expect(allowedTransitions('Disputed')).toContain('Agreed');
    expect(allowedTransitions('Received')).toContain('Reconciled');
    expect(allowedTransitions('Reconciled')).toEqual([]);
  });
  test('an illegal move lists the allowed ones', () => {
    const r = checkTransition('RC-000001', 'Logged', 'Received', '', none);
    expect(r).toEqual({ ok: false, message: 'Cannot move RC-000001 from Logged to Received. Allowed: Requested, Rejected, Cancelled, Written off.' });
    expect(checkTransition('RC-000001', 'Cancelled', 'Logged', '', none)).toMatchObject({ ok: false, message: expect.stringContaining('closed') });
    expect(checkTransition('RC-000001', 'Logged', 'Done', '', none)).toMatchObject({ ok: false, message: 'Unknown status "Done".' });
  });
  test('gates say what is missing', () => {
    expect(checkTransition('X', 'Requested', 'Agreed', '', none)).toMatchObject({ ok: false, message: expect.stringContaining('Vendor correspondence or Mediation record') });
    expect(checkTransition('X', 'Requested', 'Agreed', '', { evidenceTypes: ['Mediation record'], hasStatementMatch: false }).ok).toBe(true);
    expect(checkTransition('X', 'Agreed', 'Received', '', none)).toMatchObject({ ok: false, message: expect.stringContaining('Proof of refund or Statement, or a statement match') });
    expect(checkTransition('X', 'Agreed', 'Received', '', { evidenceTypes: [], hasStatementMatch: true })).toEqual({ ok: true, setActualCompletion: true });
    expect(checkTransition('X', 'Received', 'Reconciled', '', { evidenceTypes: ['Statement'], hasStatementMatch: false }).ok).toBe(false);
    expect(missingForNext('Requested', none)).toEqual({ Agreed: expect.any(String) });
  });
  test('closing needs a reason and sets the completion date', () => {
    expect(checkTransition('X', 'Agreed', 'Written off', '  ', none)).toEqual({ ok: false, message: 'Closing as Written off needs a reason (note).' });
    expect(checkTransition('X', 'Agreed', 'Written off', 'bankrupt', none)).toEqual({ ok: true, setActualCompletion: true });
    expect(checkTransition('X', 'Logged', 'Requested', '', none)).toEqual({ ok: true, setActualCompletion: false });
  });
});
