import { analyticsQuery, tunableFields, tuningMutation } from './analytics.js';
import { evidenceFields, findingFields, findingsQuery } from './findings.js';
import { binaryPivotFields, pivotQuery, processRunFields, timeField } from './pivots.js';
import { DateTime } from './scalars.js';
import { findingHistory, triageMutation, triageQuery } from './triage.js';

export const resolvers = {
  DateTime,
  Query: { ...analyticsQuery, ...findingsQuery, ...triageQuery, ...pivotQuery },
  Mutation: { ...triageMutation, ...tuningMutation },
  Tunable: tunableFields,
  Finding: { ...findingFields, ...findingHistory },
  EvidenceStep: evidenceFields,
  BinaryPivot: binaryPivotFields,
  ProcessRun: processRunFields,
  ChildProcess: timeField,
  Connection: timeField,
};
