import { boardPermissions, mayOnBoard } from './board-policy';

describe('board policy', () => {
  it('lets trainees ask, staff announce and moderate, teachers and admins lead', () => {
    expect(boardPermissions('trainee')).toEqual({ announce: false, ask: true, lead: false, moderate: false });
    expect(boardPermissions('coordinator')).toEqual({
      announce: true,
      ask: false,
      lead: false,
      moderate: true,
    });
    expect(boardPermissions('teacher')).toEqual({ announce: true, ask: false, lead: true, moderate: true });
    expect(boardPermissions('admin')).toEqual({ announce: true, ask: false, lead: true, moderate: true });
  });

  it('gives nothing, not even reading, to someone with no relation to the cohort', () => {
    expect(mayOnBoard(null, 'read')).toBe(false);
    expect(boardPermissions(null)).toEqual({ announce: false, ask: false, lead: false, moderate: false });
  });
});
