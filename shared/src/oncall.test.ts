import { describe, expect, it } from 'vitest';
import { onCallAt, type RosterLike } from './oncall.js';

// Week 1 starts Monday 5 January 2026, 08:00 in Hà Nội (01:00Z).
const roster: RosterLike = {
  rotationStart: '2026-01-05T01:00:00.000Z',
  weeks: [
    { primaryUserId: 'an', backupUserId: 'binh' },
    { primaryUserId: 'binh', backupUserId: 'chi' },
    { primaryUserId: 'chi', backupUserId: null },
  ],
  overrides: [
    { from: '2026-02-16T01:00:00.000Z', to: '2026-02-20T01:00:00.000Z', primaryUserId: 'dung', backupUserId: 'an', reason: 'Tết' },
    { from: '2026-02-17T01:00:00.000Z', to: '2026-02-18T01:00:00.000Z', primaryUserId: 'em', backupUserId: null, reason: 'đổi ca' },
  ],
};
const at = (iso: string) => onCallAt(roster, new Date(iso));

describe('onCallAt: weekly rotation with overrides', () => {
  it.each([
    ['before the rotation starts: nobody', '2026-01-05T00:59:59.999Z', null, null],
    ['the first instant of week 1', '2026-01-05T01:00:00.000Z', 'an', 'binh'],
    ['the last instant of week 1', '2026-01-12T00:59:59.999Z', 'an', 'binh'],
    ['handover to week 2', '2026-01-12T01:00:00.000Z', 'binh', 'chi'],
    ['week 3', '2026-01-20T12:00:00.000Z', 'chi', null],
    ['week 4 wraps to the first slot', '2026-01-26T01:00:00.000Z', 'an', 'binh'],
    ['51 weeks later the cycle still holds (51 mod 3 = slot 0)', '2026-12-28T02:00:00.000Z', 'an', 'binh'],
    ['inside the holiday override', '2026-02-16T05:00:00.000Z', 'dung', 'an'],
    ['the later-listed override wins where they overlap', '2026-02-17T05:00:00.000Z', 'em', null],
    ['the override ends exactly at its end', '2026-02-20T01:00:00.000Z', 'an', 'binh'],
  ])('%s', (_label, when, primary, backup) => {
    const now = at(when);
    expect([now.primaryUserId, now.backupUserId]).toEqual([primary, backup]);
  });

  it('says where the answer comes from and until when it holds', () => {
    expect(at('2026-01-06T00:00:00.000Z')).toEqual({
      primaryUserId: 'an',
      backupUserId: 'binh',
      source: 'rotation',
      week: 0,
      until: '2026-01-12T01:00:00.000Z',
    });
    expect(at('2026-02-16T05:00:00.000Z')).toMatchObject({ source: 'override', until: '2026-02-20T01:00:00.000Z' });
    // An override starting before the next handover ends the rotation answer early.
    expect(at('2026-02-10T00:00:00.000Z').until).toBe('2026-02-16T01:00:00.000Z');
  });

  it('nobody without a roster or with no weeks', () => {
    expect(onCallAt(null, new Date()).source).toBe('none');
    expect(onCallAt({ ...roster, weeks: [], overrides: [] }, new Date('2026-03-01T00:00:00Z')).primaryUserId).toBeNull();
  });
});
