import { analyticsQuery, tunableFields, tuningMutation } from './analytics.js';
import { dashboardFields, dashboardQuery, findingChangeFields, findingsBucketFields, findingsSubscription } from './dashboards.js';
import { entityPivotQuery, pathPivotFields } from './entityPivots.js';
import { evidenceFields, findingConnectionFields, findingFields, findingsQuery } from './findings.js';
import { findingInvestigationFields, investigationQuery, investigationTypes } from './investigation.js';
import { binaryPivotFields, pivotQuery, processRunFields, timeField } from './pivots.js';
import { DateTime } from './scalars.js';
import { searchHitFields, searchQuery } from './search.js';
import { findingHistory, triageMutation, triageQuery } from './triage.js';

export const resolvers = {
  DateTime,
  Query: { ...analyticsQuery, ...findingsQuery, ...triageQuery, ...pivotQuery, ...entityPivotQuery, ...searchQuery, ...investigationQuery, ...dashboardQuery },
  Mutation: { ...triageMutation, ...tuningMutation },
  Subscription: findingsSubscription,
  Dashboard: dashboardFields,
  FindingsBucket: findingsBucketFields,
  FindingChange: findingChangeFields,
  Tunable: tunableFields,
  FindingConnection: findingConnectionFields,
  Finding: { ...findingFields, ...findingHistory, ...findingInvestigationFields },
  EvidenceStep: evidenceFields,
  BinaryPivot: binaryPivotFields,
  PathPivot: pathPivotFields,
  SearchHit: searchHitFields,
  ProcessRun: processRunFields,
  ChildProcess: timeField,
  Connection: timeField,
  ...investigationTypes,
};
