import { describe, expect, it } from 'vitest';
import { createSystemInput, createUserInput, passwordSchema, setFocalPointsInput, updateMeInput } from './schemas.js';

describe('passwordSchema', () => {
  it('accepts up to 72 bytes and refuses more, counting UTF-8 bytes not characters', () => {
    expect(passwordSchema.safeParse('a'.repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(73)).success).toBe(false);
    // "ệ" is 3 bytes: 25 of them are 75 bytes although only 25 characters.
    expect(passwordSchema.safeParse('ệ'.repeat(25)).success).toBe(false);
    expect(passwordSchema.safeParse('ệ'.repeat(24)).success).toBe(true);
  });
  it('refuses short passwords', () => {
    expect(passwordSchema.safeParse('short').success).toBe(false);
  });
});

describe('strict objects', () => {
  it('refuses a role smuggled into a profile edit', () => {
    const r = updateMeInput.safeParse({ displayName: 'Tôi', role: 'admin' });
    expect(r.success).toBe(false);
  });
});

describe('createUserInput', () => {
  const base = { username: 'nv.a', displayName: 'Nguyễn Văn A', password: 'Mat-khau-2026' };
  it('requires an agency for a focal point and none for others', () => {
    expect(createUserInput.safeParse({ ...base, role: 'focal_point' }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, role: 'focal_point', agencyId: 'ag-1' }).success).toBe(true);
    expect(createUserInput.safeParse({ ...base, role: 'leader', agencyId: 'ag-1' }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, role: 'leader', teamIds: ['t1'] }).success).toBe(false);
    expect(createUserInput.safeParse({ ...base, role: 'responder', teamIds: ['t1'] }).success).toBe(true);
  });
});

describe('createSystemInput', () => {
  const base = { agencyId: 'ag-1', name: 'Cổng thông tin', level: 3 };
  it('checks levels, domains and IP ranges', () => {
    expect(
      createSystemInput.safeParse({
        ...base,
        domains: ['congthongtin.hoalam.gov.vn'],
        ipRanges: ['203.0.113.0/24', '2001:db8::/32', '198.51.100.7'],
      }).success,
    ).toBe(true);
    expect(createSystemInput.safeParse({ ...base, level: 6 }).success).toBe(false);
    expect(createSystemInput.safeParse({ ...base, domains: ['http://x.vn/path'] }).success).toBe(false);
    expect(createSystemInput.safeParse({ ...base, ipRanges: ['300.1.1.1/24'] }).success).toBe(false);
  });
});

describe('setFocalPointsInput (R6)', () => {
  const fp = { name: 'Nguyễn Thị Hồng', phone: '0263 3821 001', email: 'cntt@stc.hoalam.gov.vn' };
  it('needs at least one focal point reachable 24/7', () => {
    expect(setFocalPointsInput.safeParse({ version: 1, focalPoints: [] }).success).toBe(false);
    expect(setFocalPointsInput.safeParse({ version: 1, focalPoints: [{ ...fp, available247: false }] }).success).toBe(false);
    expect(setFocalPointsInput.safeParse({ version: 1, focalPoints: [fp] }).success).toBe(true);
  });
});
