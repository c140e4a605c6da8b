import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analytics/findings.js';
import { suppressionMatches, type Suppression } from '../../src/services/suppressionsService.js';

/** A vendor's updater whose first run calls its own update host: judged benign once. */
const benign: Finding = {
  id: 'AN0862-1', analytic: 'AN0862', hostId: 'ws-1', hostName: 'ws-1', severity: 'medium', score: 50, reasons: [],
  signals: ['newDestination', 'unapprovedHost'], firstSeen: 0, lastSeen: 1, evidence: [],
  facts: { installer: 'vendorupdate.exe', signer: 'Vendor Inc.', destinations: ['dl.vendor.example'] },
};
const scoped: Pick<Suppression, 'analytic' | 'installer' | 'signer' | 'destination' | 'hostId' | 'signals'> = {
  analytic: 'AN0862', installer: 'vendorupdate.exe', signer: null, destination: 'dl.vendor.example', hostId: null, signals: ['newDestination', 'unapprovedHost'],
};
const lookAlike = (changes: Partial<Finding> & { destinations?: string[] }): Finding => {
  const { destinations, ...rest } = changes;
  return { ...benign, id: 'AN0862-2', hostId: 'ws-2', ...rest, facts: { ...benign.facts, destinations: destinations ?? benign.facts.destinations } };
};

describe('which findings a suppression holds back', () => {
  it('holds back the same chain on another host, with the same or fewer kinds of signal', () => {
    expect(suppressionMatches(scoped, lookAlike({}))).toBe(true);
    expect(suppressionMatches(scoped, lookAlike({ signals: ['unapprovedHost'] }))).toBe(true); // the host no longer first seen
  });

  it('raises a look-alike with a kind of signal the benign finding did not have (its first run spawned a shell)', () => {
    expect(suppressionMatches(scoped, lookAlike({ signals: ['shellChild', 'unapprovedHost'] }))).toBe(false);
    expect(suppressionMatches({ ...scoped, destination: null }, lookAlike({ signals: ['unapprovedHost', 'unsignedModule'] }))).toBe(false);
  });

  it('raises a look-alike that also calls a destination other than the suppressed one', () => {
    expect(suppressionMatches(scoped, lookAlike({ destinations: ['dl.vendor.example', 'c2.attacker.example'] }))).toBe(false);
    expect(suppressionMatches(scoped, lookAlike({ destinations: [] }))).toBe(false);
  });

  it('keeps a suppression made before signal kinds were kept matching any kinds (null)', () => {
    expect(suppressionMatches({ ...scoped, signals: null }, lookAlike({ signals: ['shellChild', 'unapprovedHost'] }))).toBe(true);
  });

  it('never crosses analytics, installers or hosts it is scoped by', () => {
    expect(suppressionMatches(scoped, lookAlike({ analytic: 'AN0940' }))).toBe(false);
    expect(suppressionMatches({ ...scoped, hostId: 'ws-1' }, lookAlike({}))).toBe(false);
    expect(suppressionMatches(scoped, { ...lookAlike({}), facts: { ...benign.facts, installer: 'setup.exe' } })).toBe(false);
  });
});
