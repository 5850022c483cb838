import { describe, expect, it } from 'vitest';
import { assessSeriousness, defang, formatIncidentCode, isLateReport, vietnamYear, type Impact } from './incidents.js';

describe('assessSeriousness (R2)', () => {
  const cases: [string, number | null, boolean, Impact[], boolean][] = [
    ['level 4 + service interruption', 4, false, ['service_interruption'], true],
    ['level 5 + spreading', 5, false, ['spreading'], true],
    ['level 2 + service interruption', 2, false, ['service_interruption'], false],
    [
      'level 3 + every impact',
      3,
      false,
      ['service_interruption', 'state_secret_disclosure', 'integrity_loss', 'control_loss', 'spreading'],
      false,
    ],
    ['national critical level 3 + control loss', 3, true, ['control_loss'], true],
    ['national critical, no impact', 3, true, [], false],
    ['level 5, no impact', 5, false, [], false],
    ['unknown level + state secret', null, false, ['state_secret_disclosure'], false],
    ['unknown level but national critical + integrity loss', null, true, ['integrity_loss'], true],
  ];
  it.each(cases)('%s → serious=%s', (_name, systemLevel, nationalCritical, impacts, expected) => {
    expect(assessSeriousness({ systemLevel, nationalCritical, impacts }).serious).toBe(expected);
  });
  it('says why', () => {
    expect(assessSeriousness({ systemLevel: 4, nationalCritical: true, impacts: ['service_interruption'] }).reasons).toEqual([
      'system_level_4',
      'national_critical_system',
      'impact_service_interruption',
    ]);
  });
});

describe('isLateReport (R1)', () => {
  const detected = new Date('2026-11-14T08:30:00+07:00');
  it.each([
    ['same day', '2026-11-14T10:00:00+07:00', false],
    ['exactly 5 days', '2026-11-19T08:30:00+07:00', false],
    ['5 days and a minute', '2026-11-19T08:31:00+07:00', true],
    ['6 days', '2026-11-20T08:30:00+07:00', true],
  ])('%s → late=%s', (_n, reported, late) => {
    expect(isLateReport(detected, new Date(reported))).toBe(late);
  });
});

describe('incident codes', () => {
  it('read aloud with a per-year sequence', () => {
    expect(formatIncidentCode(2026, 123)).toBe('SC-2026-000123');
  });
  it('use the year in Viet Nam, not UTC', () => {
    expect(vietnamYear(new Date('2026-12-31T17:30:00Z'))).toBe(2027);
    expect(vietnamYear(new Date('2026-12-31T16:59:00Z'))).toBe(2026);
  });
});

describe('defang', () => {
  it.each([
    ['url', 'https://evil.example/a.php', 'hxxps://evil[.]example/a[.]php'],
    ['domain', 'evil.example', 'evil[.]example'],
    ['ip', '203.0.113.7', '203[.]0[.]113[.]7'],
    ['ip', '2001:db8::1', '2001[:]db8[:][:]1'],
    ['email', 'a@evil.example', 'a[@]evil[.]example'],
    ['sha256', 'abc', 'abc'],
  ])('%s %s → %s', (type, value, expected) => {
    expect(defang(type, value)).toBe(expected);
  });
});
