import { analyticsQuery } from './analytics.js';
import { evidenceFields, findingFields, findingsQuery } from './findings.js';
import { DateTime } from './scalars.js';

export const resolvers = {
  DateTime,
  Query: { ...analyticsQuery, ...findingsQuery },
  Finding: findingFields,
  EvidenceStep: evidenceFields,
};
