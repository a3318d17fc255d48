import { mayEnroll } from './enrollment-eligibility';

describe('mayEnroll', () => {
  const centre = 'centre-a';
  const admin = { role: 'admin' as const };
  const coordinator = { role: 'coordinator' as const };

  it("lets an admin enroll any trainee, whatever their centre, and a coordinator only their centre's", () => {
    const elsewhere = { role: 'trainee' as const, centreId: 'centre-b' };
    const here = { role: 'trainee' as const, centreId: centre };
    const nowhere = { role: 'trainee' as const, centreId: null };
    expect([elsewhere, here, nowhere].map((p) => mayEnroll(p, centre, admin))).toEqual([true, true, true]);
    expect([elsewhere, here, nowhere].map((p) => mayEnroll(p, centre, coordinator))).toEqual([
      false,
      true,
      false,
    ]);
  });

  it('enrolls nobody but trainees, even of the same centre', () => {
    for (const role of ['expert', 'coordinator', 'admin'] as const) {
      expect(mayEnroll({ role, centreId: centre }, centre, admin)).toBe(false);
      expect(mayEnroll({ role, centreId: centre }, centre, coordinator)).toBe(false);
    }
  });
});
