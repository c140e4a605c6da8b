import { analyticsQuery, tunableFields, tuningMutation } from './analytics.js';
import { evidenceFields, findingFields, findingsQuery } from './findings.js';
import { DateTime } from './scalars.js';
import { findingHistory, triageMutation, triageQuery } from './triage.js';

export const resolvers = {
  DateTime,
  Query: { ...analyticsQuery, ...findingsQuery, ...triageQuery },
  Mutation: { ...triageMutation, ...tuningMutation },
  Tunable: tunableFields,
  Finding: { ...findingFields, ...findingHistory },
  EvidenceStep: evidenceFields,
};
