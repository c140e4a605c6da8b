// Generated from schema/*.graphql by scripts/codegen.ts (npm run codegen). Do not edit.
/* eslint-disable */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ApiContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in UTC, serialized as an ISO 8601 string (2023-03-29T10:15:00.000Z). */
  DateTime: { input: number; output: number; }
};

export type Query = {
  __typename?: 'Query';
  /** The detection analytics provhunt runs, with their tunables' defaults. */
  analytics: Array<Analytic>;
  /** Dashboard aggregates over a time range; `until` defaults to now. */
  dashboard: Dashboard;
  /** Events written per minute over the last `minutes` (1 to 120), oldest first, the current minute last. */
  ingestRate: Array<IngestRatePoint>;
  /** The ingest and dead-letter queues. */
  queueDepths: Array<QueueDepth>;
  /**
   * Findings matching the filter, newest activity first unless `orderBy` says otherwise; ties by id.
   * `first` is at most 500; a cursor continues only the order it was made in.
   */
  findings: FindingConnection;
  finding?: Maybe<Finding>;
  /** Runs an analytic (or 'all') over history with overridden tunables, e.g. TimeWindow "14d" for a delayed beacon. */
  hunt: HuntResult;
  suppressions: Array<Suppression>;
  /** A process with its family, writes, loads, connections and DNS. Null when unknown. */
  process?: Maybe<ProcessView>;
  /** A host by id or by name (exactly one). Null when unknown. */
  host?: Maybe<HostView>;
  /**
   * Processes started on the same host within `withinMinutes` (1 to 1440) after a write to a path
   * containing `pathFragment` (case-insensitive, 3 to 260 characters) by a process whose image is
   * `image` (a file name like msiexec.exe, or a full path; any case). The writes are those in
   * [since, until] (default: the 7 days up to `until`, default now; at most 90 days).
   * `writerChildrenOnly` keeps only processes the writer spawned. Write newest first, then start
   * time. `first` 1 to 500.
   */
  spawnedAfterWrite: Array<SpawnAfterWrite>;
  /** Pivot on a full path on any host (Windows paths in any case and slash form). Null when never seen. */
  pathPivot?: Maybe<PathPivot>;
  /** Pivot on a file name (no folder, any case). Null when never seen. */
  fileName?: Maybe<FileNamePivot>;
  /** Pivot on a signer: its exact name as reported, or an Apple Team ID. Null when never seen. */
  signer?: Maybe<SignerPivot>;
  /** Pivot on a domain name (any case). Null when never seen. */
  domain?: Maybe<DomainPivot>;
  /** Pivot on an IPv4 or IPv6 address. Null when never seen. */
  ip?: Maybe<IpPivot>;
  /** Pivot on a SHA-256 (any case). Null when the content was never seen. */
  binary?: Maybe<BinaryPivot>;
  /**
   * Case-insensitive search: text of at least 3 characters (a SHA-256 also finds its content);
   * kinds default to all; first between 1 and 100.
   */
  search: SearchResult;
};


export type QueryDashboardArgs = {
  since: Scalars['DateTime']['input'];
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryIngestRateArgs = {
  minutes?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFindingsArgs = {
  filter?: InputMaybe<FindingFilter>;
  orderBy?: InputMaybe<FindingOrder>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFindingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHuntArgs = {
  analytic: Scalars['String']['input'];
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  hosts?: InputMaybe<Array<Scalars['String']['input']>>;
  set?: InputMaybe<Array<TunableSetting>>;
  store?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryProcessArgs = {
  uid: Scalars['ID']['input'];
};


export type QueryHostArgs = {
  id?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySpawnedAfterWriteArgs = {
  pathFragment: Scalars['String']['input'];
  image: Scalars['String']['input'];
  withinMinutes?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  hostId?: InputMaybe<Scalars['String']['input']>;
  writerChildrenOnly?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPathPivotArgs = {
  path: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFileNameArgs = {
  name: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySignerArgs = {
  name: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDomainArgs = {
  name: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryIpArgs = {
  address: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryBinaryArgs = {
  sha256: Scalars['String']['input'];
};


export type QuerySearchArgs = {
  text: Scalars['String']['input'];
  kinds?: InputMaybe<Array<SearchKind>>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Analytic = {
  __typename?: 'Analytic';
  /** MITRE ATT&CK analytic id, e.g. AN0862. */
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Detection strategy, e.g. DET0309. */
  strategy?: Maybe<Scalars['String']['output']>;
  /** ATT&CK technique, e.g. T1195.002. */
  technique?: Maybe<Scalars['String']['output']>;
  platforms: Array<Scalars['String']['output']>;
  description: Scalars['String']['output'];
  falsePositives: Array<Scalars['String']['output']>;
  tunables: Array<Tunable>;
};

/** A setting users tune (the ATT&CK analytic's mutable elements). */
export type Tunable = {
  __typename?: 'Tunable';
  name: Scalars['String']['output'];
  type: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** The default value, as JSON (without the vendor catalog's additions). */
  defaultJson: Scalars['String']['output'];
  /** The value in force, as JSON. */
  valueJson: Scalars['String']['output'];
  /** Where the value in force comes from: default, catalog (default plus the vendor updater catalog), file (PROVHUNT_CONFIG) or api. */
  source: Scalars['String']['output'];
  /** Changes made through the API, oldest first. */
  history: Array<AuditEntry>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Sets a tunable for every process (workers pick it up within seconds); audited. The value as JSON. */
  setTunable: Tunable;
  /** Drops the API-set value, back to the tuning file's or the default; audited. */
  resetTunable: Tunable;
  /** Sets a finding's status with a note; audited. SUPPRESSED is set only by suppressions. */
  setFindingStatus: Finding;
  /** Suppresses findings like this one, scoped by the analytic and the chosen facts of the finding (at least one); audited. */
  suppressFromFinding: Suppression;
  /** Removes a suppression; the findings it held back become NEW again. Returns how many. */
  removeSuppression: Scalars['Int']['output'];
};


export type MutationSetTunableArgs = {
  analytic: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  valueJson: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResetTunableArgs = {
  analytic: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSetFindingStatusArgs = {
  id: Scalars['ID']['input'];
  status: FindingStatus;
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSuppressFromFindingArgs = {
  id: Scalars['ID']['input'];
  installer?: InputMaybe<Scalars['Boolean']['input']>;
  signer?: InputMaybe<Scalars['Boolean']['input']>;
  destination?: InputMaybe<Scalars['String']['input']>;
  host?: InputMaybe<Scalars['Boolean']['input']>;
  note?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRemoveSuppressionArgs = {
  id: Scalars['ID']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  hasNextPage: Scalars['Boolean']['output'];
  endCursor?: Maybe<Scalars['String']['output']>;
};

export type TimeBucket =
  | 'HOUR'
  | 'DAY';

export type BinaryOrder =
  /** How many findings name the binary. */
  | 'FINDINGS'
  /** How many hosts have it (written or run): the blast radius. */
  | 'PREVALENCE';

/**
 * Aggregates over the findings whose activity began (firstSeen) in [since, until). Suppressed
 * findings are never counted. Each list's `first` is 1 to 100.
 */
export type Dashboard = {
  __typename?: 'Dashboard';
  since: Scalars['DateTime']['output'];
  until: Scalars['DateTime']['output'];
  /** Non-empty buckets only (UTC-aligned), oldest first; at most 1,000 buckets in the range. */
  findingsOverTime: Array<FindingsBucket>;
  topHosts: Array<HostFindings>;
  /** Binaries implicated in findings: the images of evidence processes and the content of evidence files. */
  topBinaries: Array<BinaryFindings>;
  /** Destinations the findings name as unapproved (or, for AN0445, unseen in the fleet). */
  topDestinations: Array<DestinationFindings>;
};


/**
 * Aggregates over the findings whose activity began (firstSeen) in [since, until). Suppressed
 * findings are never counted. Each list's `first` is 1 to 100.
 */
export type DashboardFindingsOverTimeArgs = {
  bucket?: InputMaybe<TimeBucket>;
};


/**
 * Aggregates over the findings whose activity began (firstSeen) in [since, until). Suppressed
 * findings are never counted. Each list's `first` is 1 to 100.
 */
export type DashboardTopHostsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Aggregates over the findings whose activity began (firstSeen) in [since, until). Suppressed
 * findings are never counted. Each list's `first` is 1 to 100.
 */
export type DashboardTopBinariesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<BinaryOrder>;
};


/**
 * Aggregates over the findings whose activity began (firstSeen) in [since, until). Suppressed
 * findings are never counted. Each list's `first` is 1 to 100.
 */
export type DashboardTopDestinationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type FindingsBucket = {
  __typename?: 'FindingsBucket';
  start: Scalars['DateTime']['output'];
  analytic: Scalars['String']['output'];
  severity: Severity;
  count: Scalars['Int']['output'];
};

export type HostFindings = {
  __typename?: 'HostFindings';
  hostId: Scalars['String']['output'];
  host: Scalars['String']['output'];
  findings: Scalars['Int']['output'];
  critical: Scalars['Int']['output'];
  maxScore: Scalars['Int']['output'];
  lastSeen: Scalars['DateTime']['output'];
};

export type BinaryFindings = {
  __typename?: 'BinaryFindings';
  sha256: Scalars['ID']['output'];
  /** Names it had as a file or process image (at most 5). */
  names: Array<Scalars['String']['output']>;
  findings: Scalars['Int']['output'];
  /** Distinct hosts where it was written or run, across all history (as in `binary`). */
  prevalence: Scalars['Int']['output'];
  runCount: Scalars['Int']['output'];
};

export type DestinationFindings = {
  __typename?: 'DestinationFindings';
  /** Host name, or the IP address when the connection named no host. */
  destination: Scalars['String']['output'];
  findings: Scalars['Int']['output'];
  hosts: Scalars['Int']['output'];
  analytics: Array<Scalars['String']['output']>;
  lastSeen: Scalars['DateTime']['output'];
};

/** Events the workers wrote in one minute. */
export type IngestRatePoint = {
  __typename?: 'IngestRatePoint';
  minute: Scalars['DateTime']['output'];
  events: Scalars['Int']['output'];
};

/** A BullMQ queue's jobs by state. The dead-letter queue's `waiting` are batches awaiting `provhunt dlq replay`. */
export type QueueDepth = {
  __typename?: 'QueueDepth';
  queue: Scalars['String']['output'];
  waiting: Scalars['Int']['output'];
  active: Scalars['Int']['output'];
  delayed: Scalars['Int']['output'];
  prioritized: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  completed: Scalars['Int']['output'];
};

export type FindingChangeKind =
  /** A new finding, or a held-back one reopened because it grew past its suppression (never announced before). */
  | 'CREATED'
  /** Score, severity, times, evidence or text changed. */
  | 'UPDATED';

/** A finding a worker created or changed. Suppressed findings are not announced. */
export type FindingChange = {
  __typename?: 'FindingChange';
  kind: FindingChangeKind;
  id: Scalars['ID']['output'];
  analytic: Scalars['String']['output'];
  severity: Severity;
  /** When the change was stored. */
  at: Scalars['DateTime']['output'];
  /** The finding as stored now. */
  finding?: Maybe<Finding>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** New and updated findings as they are stored, from any worker; optionally of one analytic, at or above a severity. */
  findingChanged: FindingChange;
};


export type SubscriptionFindingChangedArgs = {
  analytic?: InputMaybe<Scalars['String']['input']>;
  minSeverity?: InputMaybe<Severity>;
};

export type Severity =
  | 'LOW'
  | 'MEDIUM'
  | 'HIGH'
  | 'CRITICAL';

export type FindingStatus =
  | 'NEW'
  | 'ACKNOWLEDGED'
  | 'FALSE_POSITIVE'
  | 'RESOLVED'
  /** Matched a suppression when it was found: kept and countable, not alerted on. */
  | 'SUPPRESSED';

/** A chain an analytic matched, with the evidence an analyst needs to decide. */
export type Finding = {
  __typename?: 'Finding';
  id: Scalars['ID']['output'];
  /** The analytic that matched, e.g. AN0862. */
  analytic: Scalars['String']['output'];
  /** Host name. */
  host: Scalars['String']['output'];
  hostId: Scalars['String']['output'];
  severity: Severity;
  /** 0-100: the chain's base plus the weight of each distinct independent signal. */
  score: Scalars['Int']['output'];
  status: FindingStatus;
  /** One sentence per signal, e.g. 'first run spawned C:\Windows\System32\cmd.exe'. */
  reasons: Array<Scalars['String']['output']>;
  signals: Array<Scalars['String']['output']>;
  firstSeen: Scalars['DateTime']['output'];
  lastSeen: Scalars['DateTime']['output'];
  /** Ordered by stage, then time. */
  evidence: Array<EvidenceStep>;
  /** Status changes and other analyst actions, oldest first. */
  history: Array<AuditEntry>;
  /** The evidence entities and the relationships among them, ready to draw (at most 1,000 relationships). */
  evidenceGraph: EvidenceGraph;
  /** The installer's parent chain, the first run's children, other connections in the window. */
  context: FindingContext;
};

export type EvidenceStep = {
  __typename?: 'EvidenceStep';
  /** 1 installer, 2 written binary, 3 first run and its anomalies, 4 egress. */
  stage: Scalars['Int']['output'];
  role: Scalars['String']['output'];
  /** Graph label of the entity: Process, File or IP. */
  kind: Scalars['String']['output'];
  /** The entity's key in the graph. */
  key: Scalars['String']['output'];
  label: Scalars['String']['output'];
  time?: Maybe<Scalars['DateTime']['output']>;
  /** The source record: format:recordId. */
  source?: Maybe<Scalars['String']['output']>;
};

export type FindingFilter = {
  analytic?: InputMaybe<Scalars['String']['input']>;
  /** A host name in any case, or its first label (ws-fin-042 for WS-FIN-042.corp.example). */
  host?: InputMaybe<Scalars['String']['input']>;
  severity?: InputMaybe<Severity>;
  /** Default: every status but SUPPRESSED. */
  status?: InputMaybe<FindingStatus>;
  /** Active at or after this time: last seen at or after it. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Active at or before this time: first seen at or before it. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Case-insensitive substring (1-200 characters) of the finding's id, analytic, host, reasons,
   * signals, installer, signer or destinations, or of its evidence's images, command lines, paths
   * and addresses, e.g. "3cxdesktopapp" or "\appdata\local\temp".
   */
  text?: InputMaybe<Scalars['String']['input']>;
};

export type FindingOrderField =
  /** When the chain's activity was last seen (the default). */
  | 'LAST_SEEN'
  /** When the chain's activity began. */
  | 'FIRST_SEEN'
  /** The finding's score (severity follows it); ties by id. */
  | 'SCORE';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type FindingOrder = {
  field?: FindingOrderField;
  direction?: OrderDirection;
};

export type FindingEdge = {
  __typename?: 'FindingEdge';
  cursor: Scalars['String']['output'];
  node: Finding;
};

export type FindingConnection = {
  __typename?: 'FindingConnection';
  edges: Array<FindingEdge>;
  pageInfo: PageInfo;
  /** Every finding the filter matches, on any page; counted (from an index or the count store) only when selected. */
  totalCount: Scalars['Int']['output'];
};

/** One audited action on a finding: who, when, what changed and why. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  at: Scalars['DateTime']['output'];
  /** Who: cli:<user> or api:<key name>. */
  actor: Scalars['String']['output'];
  action: Scalars['String']['output'];
  from?: Maybe<Scalars['String']['output']>;
  to?: Maybe<Scalars['String']['output']>;
  note?: Maybe<Scalars['String']['output']>;
};

/** A tunable value for a hunt, by the seeds' name; the value as JSON ("14d", ["a.com"]). */
export type TunableSetting = {
  name: Scalars['String']['input'];
  valueJson: Scalars['String']['input'];
};

/** A retro-hunt's results. Not stored as live findings unless `store` was set. */
export type HuntResult = {
  __typename?: 'HuntResult';
  analytics: Array<Scalars['String']['output']>;
  stored: Scalars['Boolean']['output'];
  findings: Array<Finding>;
};

/** Holds back findings of one analytic that share the chosen facts of a finding judged benign and have no other kind of signal. */
export type Suppression = {
  __typename?: 'Suppression';
  id: Scalars['ID']['output'];
  analytic: Scalars['String']['output'];
  /** Installer image name, when scoped by it. */
  installer?: Maybe<Scalars['String']['output']>;
  signer?: Maybe<Scalars['String']['output']>;
  destination?: Maybe<Scalars['String']['output']>;
  hostId?: Maybe<Scalars['String']['output']>;
  /** The signal kinds of the finding judged benign: a finding with another kind (or another destination) is not held back. Null for a suppression made before they were kept: any. */
  signals?: Maybe<Array<Scalars['String']['output']>>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  note?: Maybe<Scalars['String']['output']>;
  /** Findings it has held back. */
  hits: Scalars['Int']['output'];
};

/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessView = {
  __typename?: 'ProcessView';
  uid: Scalars['ID']['output'];
  hostId: Scalars['String']['output'];
  pid?: Maybe<Scalars['Int']['output']>;
  image?: Maybe<Scalars['String']['output']>;
  imageName?: Maybe<Scalars['String']['output']>;
  commandLine?: Maybe<Scalars['String']['output']>;
  user?: Maybe<Scalars['String']['output']>;
  started?: Maybe<Scalars['DateTime']['output']>;
  ended?: Maybe<Scalars['DateTime']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  signer?: Maybe<Scalars['String']['output']>;
  signed?: Maybe<Scalars['Boolean']['output']>;
  signatureStatus?: Maybe<Scalars['String']['output']>;
  /** Parent first, then its parent: `depth` is 1 to 10. */
  ancestors: Array<RelatedProcess>;
  /** Breadth first (children, then grandchildren), each level by start time. `depth` 1 to 10, `first` 1 to 500. */
  descendants: Array<RelatedProcess>;
  /** Files it wrote, newest first. `first` 1 to 500. */
  writes: Array<FileWrite>;
  /** Modules it loaded, newest first. `first` 1 to 500. */
  loads: Array<ModuleLoad>;
  /** Network connections it made, newest first. `first` 1 to 500. */
  connections: Array<NetworkConnection>;
  /** DNS queries it made, newest first. `first` 1 to 500. */
  dnsQueries: Array<DnsQuery>;
  /** Findings whose evidence includes this process (at most 100). */
  findings: Array<Finding>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewAncestorsArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewDescendantsArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewWritesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewLoadsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewConnectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A process as the graph knows it. Lists below are fetched only when selected, each bounded by `first`. */
export type ProcessViewDnsQueriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A process related to another by SPAWNED: `depth` 1 is the parent (or a child). */
export type RelatedProcess = {
  __typename?: 'RelatedProcess';
  uid: Scalars['ID']['output'];
  depth: Scalars['Int']['output'];
  /** The process it was spawned by (for descendants: where to hang it in a tree). */
  parentUid?: Maybe<Scalars['String']['output']>;
  image?: Maybe<Scalars['String']['output']>;
  commandLine?: Maybe<Scalars['String']['output']>;
  user?: Maybe<Scalars['String']['output']>;
  started?: Maybe<Scalars['DateTime']['output']>;
};

/** A process in a list that is not a family walk. */
export type ProcessSummary = {
  __typename?: 'ProcessSummary';
  uid: Scalars['ID']['output'];
  parentUid?: Maybe<Scalars['String']['output']>;
  image?: Maybe<Scalars['String']['output']>;
  commandLine?: Maybe<Scalars['String']['output']>;
  user?: Maybe<Scalars['String']['output']>;
  started?: Maybe<Scalars['DateTime']['output']>;
};

export type FileWrite = {
  __typename?: 'FileWrite';
  path: Scalars['String']['output'];
  fileUid: Scalars['String']['output'];
  /** create, modify, overwrite, rename or metadata. */
  op?: Maybe<Scalars['String']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  previousPath?: Maybe<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

export type ModuleLoad = {
  __typename?: 'ModuleLoad';
  path: Scalars['String']['output'];
  fileUid: Scalars['String']['output'];
  sha256?: Maybe<Scalars['String']['output']>;
  signed?: Maybe<Scalars['Boolean']['output']>;
  signer?: Maybe<Scalars['String']['output']>;
  /** The loader's verdict on the signature, e.g. valid, unavailable. */
  status?: Maybe<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

export type NetworkConnection = {
  __typename?: 'NetworkConnection';
  ip: Scalars['String']['output'];
  port?: Maybe<Scalars['Int']['output']>;
  hostname?: Maybe<Scalars['String']['output']>;
  protocol?: Maybe<Scalars['String']['output']>;
  direction?: Maybe<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
  /** The process that connected; null for process-less telemetry (Zeek) attributed to the host. */
  processUid?: Maybe<Scalars['String']['output']>;
  image?: Maybe<Scalars['String']['output']>;
};

export type DnsQuery = {
  __typename?: 'DnsQuery';
  domain: Scalars['String']['output'];
  answers: Array<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

/** Telemetry kinds of a host's timeline. */
export type HostEventKind =
  | 'processStart'
  | 'fileWrite'
  | 'moduleLoad'
  | 'network'
  | 'dns'
  | 'packageInstall';

/** A host, its addresses, and what happened on it. */
export type HostView = {
  __typename?: 'HostView';
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  os?: Maybe<Scalars['String']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  /** True when the host is known only from process-less telemetry (an address seen by Zeek). */
  placeholder: Scalars['Boolean']['output'];
  /** Addresses it had, most recently seen first (at most 100). */
  ips: Array<HostAddress>;
  /** Events newest first within [since, until] (default: everything up to now), of the chosen kinds (default all). `first` 1 to 500; pass `after` (pageInfo.endCursor) for the next page. */
  timeline: HostTimeline;
  /** Package installs, upgrades and removals, newest first. `first` 1 to 500. */
  installs: Array<PackageChange>;
  /** Findings on this host, newest activity first (every status but SUPPRESSED unless asked). `first` 1 to 500. */
  findings: Array<Finding>;
};


/** A host, its addresses, and what happened on it. */
export type HostViewTimelineArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  kinds?: InputMaybe<Array<HostEventKind>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** A host, its addresses, and what happened on it. */
export type HostViewInstallsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A host, its addresses, and what happened on it. */
export type HostViewFindingsArgs = {
  status?: InputMaybe<FindingStatus>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type HostAddress = {
  __typename?: 'HostAddress';
  address: Scalars['String']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type HostTimeline = {
  __typename?: 'HostTimeline';
  events: Array<HostEvent>;
  pageInfo: PageInfo;
};

/** One event of a host's timeline; the fields that apply to its kind are set. */
export type HostEvent = {
  __typename?: 'HostEvent';
  /** The event id (the process uid for processStart). */
  id: Scalars['ID']['output'];
  kind: HostEventKind;
  time: Scalars['DateTime']['output'];
  /** One line for a timeline, e.g. 'msiexec.exe wrote C:\Program Files\App\app.exe'. */
  summary: Scalars['String']['output'];
  /** The acting process (the started one for processStart); null for process-less telemetry. */
  processUid?: Maybe<Scalars['String']['output']>;
  image?: Maybe<Scalars['String']['output']>;
  /** What it acted on: a path, an address, a domain or a package name. */
  target?: Maybe<Scalars['String']['output']>;
  commandLine?: Maybe<Scalars['String']['output']>;
  parentUid?: Maybe<Scalars['String']['output']>;
  op?: Maybe<Scalars['String']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  signed?: Maybe<Scalars['Boolean']['output']>;
  signer?: Maybe<Scalars['String']['output']>;
  port?: Maybe<Scalars['Int']['output']>;
  hostname?: Maybe<Scalars['String']['output']>;
  answers?: Maybe<Array<Scalars['String']['output']>>;
  version?: Maybe<Scalars['String']['output']>;
  previousVersion?: Maybe<Scalars['String']['output']>;
  repository?: Maybe<Scalars['String']['output']>;
};

export type PackageChange = {
  __typename?: 'PackageChange';
  name: Scalars['String']['output'];
  manager?: Maybe<Scalars['String']['output']>;
  /** install, upgrade or remove. */
  op?: Maybe<Scalars['String']['output']>;
  version?: Maybe<Scalars['String']['output']>;
  previousVersion?: Maybe<Scalars['String']['output']>;
  repository?: Maybe<Scalars['String']['output']>;
  commandLine?: Maybe<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

/** A finding's evidence as a graph to draw: its entities and the relationships among them. */
export type EvidenceGraph = {
  __typename?: 'EvidenceGraph';
  nodes: Array<EvidenceNode>;
  edges: Array<EvidenceEdge>;
};

export type EvidenceNode = {
  __typename?: 'EvidenceNode';
  /** Unique in the graph: <kind>:<key>. */
  id: Scalars['ID']['output'];
  /** Process, File, IP, Package, or Host (the host of a package change). */
  kind: Scalars['String']['output'];
  /** The entity's key in the graph. */
  key: Scalars['String']['output'];
  /** Short name to print on the node: image or file name, address, package name. */
  name: Scalars['String']['output'];
  /** The evidence step's label (command line, write, destination); null for nodes that only link evidence. */
  label?: Maybe<Scalars['String']['output']>;
  /** Evidence roles it plays, e.g. installer, first-run; 'link' for a process between two evidence processes. */
  roles: Array<Scalars['String']['output']>;
  /** Lowest evidence stage it appears in (1 installer ... 4 egress). */
  stage?: Maybe<Scalars['Int']['output']>;
  /** When it entered the chain: its earliest evidence time, else its start. */
  time?: Maybe<Scalars['DateTime']['output']>;
  /** False when the entity is no longer in the graph (retention): only the evidence is left. */
  inGraph: Scalars['Boolean']['output'];
  /** Facts worth a tooltip (path, command line, user, signer, sha256, ...); only those known. */
  properties: Array<GraphProperty>;
};

export type GraphProperty = {
  __typename?: 'GraphProperty';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** Relationships of one type between two nodes, merged: first and last time, how many. */
export type EvidenceEdge = {
  __typename?: 'EvidenceEdge';
  from: Scalars['ID']['output'];
  to: Scalars['ID']['output'];
  /** SPAWNED, WROTE, EXECUTED, LOADED, DELETED, CONNECTED or INSTALLED. */
  type: Scalars['String']['output'];
  time?: Maybe<Scalars['DateTime']['output']>;
  lastTime?: Maybe<Scalars['DateTime']['output']>;
  count: Scalars['Int']['output'];
  /** e.g. the write's op or the connection's port. */
  label?: Maybe<Scalars['String']['output']>;
};

/** What surrounds a finding, each part fetched only when selected. */
export type FindingContext = {
  __typename?: 'FindingContext';
  /** The installer process (evidence role installer), when the finding has one. */
  installer?: Maybe<ProcessSummary>;
  /** The installer's parent, grandparent, ... `depth` 1 to 10. */
  installerAncestors: Array<RelatedProcess>;
  /** The first run of the written binary (evidence role first-run or first-loader), when the finding has one. */
  firstRun?: Maybe<ProcessSummary>;
  /** Every process the first run spawned, by start time. `first` 1 to 500. */
  firstRunChildren: Array<RelatedProcess>;
  /** Connections on the host between the finding's first and last evidence (widened by `marginMinutes`, 0 to 1440) that are not evidence, newest first. `first` 1 to 500. */
  otherConnections: Array<NetworkConnection>;
};


/** What surrounds a finding, each part fetched only when selected. */
export type FindingContextInstallerAncestorsArgs = {
  depth?: InputMaybe<Scalars['Int']['input']>;
};


/** What surrounds a finding, each part fetched only when selected. */
export type FindingContextFirstRunChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What surrounds a finding, each part fetched only when selected. */
export type FindingContextOtherConnectionsArgs = {
  marginMinutes?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A process spawned soon after a write: the write, and what started. */
export type SpawnAfterWrite = {
  __typename?: 'SpawnAfterWrite';
  hostId: Scalars['String']['output'];
  write: WriteEvent;
  spawned: ProcessSummary;
  /** Milliseconds from the write to the start. */
  delayMs: Scalars['Int']['output'];
  /** The writing process spawned it. */
  byWriter: Scalars['Boolean']['output'];
  /** It runs the file that was written. */
  runsWrittenFile: Scalars['Boolean']['output'];
};

export type WriteEvent = {
  __typename?: 'WriteEvent';
  processUid: Scalars['String']['output'];
  image?: Maybe<Scalars['String']['output']>;
  path: Scalars['String']['output'];
  op?: Maybe<Scalars['String']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  time: Scalars['DateTime']['output'];
};

/** A full path across the fleet: where it exists, what content it held, who wrote it, what ran it. */
export type PathPivot = {
  __typename?: 'PathPivot';
  /** The path as asked. */
  path: Scalars['String']['output'];
  /** Distinct hosts where a file exists at this path. */
  prevalence: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** One entry per host, most recently active first. */
  hosts: Array<PathHost>;
  /** Contents (SHA-256) seen at the path, with when (writes, runs, loads, verdicts), newest first. */
  contents: Array<PathContent>;
  /** Who wrote it: grouped by host and the writing image, newest first; changes seen without their process (file integrity monitoring) group with no image. */
  writers: Array<PathWriter>;
  /** The processes that ran it, newest first, with their children and destinations. */
  processes: Array<ProcessRun>;
};


/** A full path across the fleet: where it exists, what content it held, who wrote it, what ran it. */
export type PathPivotProcessesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PathHost = {
  __typename?: 'PathHost';
  hostId: Scalars['String']['output'];
  /** The path as that host first reported it. */
  path: Scalars['String']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  writes: Scalars['Int']['output'];
  runs: Scalars['Int']['output'];
  loads: Scalars['Int']['output'];
  deletes: Scalars['Int']['output'];
};

export type PathContent = {
  __typename?: 'PathContent';
  sha256: Scalars['String']['output'];
  hosts: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type PathWriter = {
  __typename?: 'PathWriter';
  hostId: Scalars['String']['output'];
  /** Null for changes the host reported without the process that made them. */
  image?: Maybe<Scalars['String']['output']>;
  /** The writing process's own SHA-256, when known. */
  sha256?: Maybe<Scalars['String']['output']>;
  /** create, modify, overwrite, rename, metadata. */
  ops: Array<Scalars['String']['output']>;
  processes: Scalars['Int']['output'];
  writes: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

/** Files with one name across the fleet, stacked by path and content. */
export type FileNamePivot = {
  __typename?: 'FileNamePivot';
  /** The name, lower-cased. */
  name: Scalars['String']['output'];
  prevalence: Scalars['Int']['output'];
  /** Distinct paths (case-insensitive) and contents with this name. */
  paths: Scalars['Int']['output'];
  contents: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** One entry per path and content, rarest (fewest hosts) first. */
  groups: Array<FileNameGroup>;
};

export type FileNameGroup = {
  __typename?: 'FileNameGroup';
  path: Scalars['String']['output'];
  /** Null when no event reported the content's hash. */
  sha256?: Maybe<Scalars['String']['output']>;
  hosts: Scalars['Int']['output'];
  /** Up to 20 of the hosts. */
  hostIds: Array<Scalars['String']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

/** What was reported as signed by one signer: runs, module loads and verifier verdicts. */
export type SignerPivot = {
  __typename?: 'SignerPivot';
  /** The signer name (or Team ID) as asked. */
  name: Scalars['String']['output'];
  prevalence: Scalars['Int']['output'];
  /** Runs, loads and verdicts that named the signer. */
  sightings: Scalars['Int']['output'];
  teamIds: Array<Scalars['String']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** Signature states reported with the signer, most common first. */
  signatures: Array<SignatureState>;
  /** Contents reported as signed by it, newest first. */
  binaries: Array<SignedContent>;
  hosts: Array<SignerHost>;
};

export type SignedContent = {
  __typename?: 'SignedContent';
  /** Null for sightings that carried no hash. */
  sha256?: Maybe<Scalars['String']['output']>;
  /** Up to 10 paths it was seen at. */
  paths: Array<Scalars['String']['output']>;
  hosts: Scalars['Int']['output'];
  statuses: Array<Scalars['String']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type SignerHost = {
  __typename?: 'SignerHost';
  hostId: Scalars['String']['output'];
  binaries: Scalars['Int']['output'];
  sightings: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

/** Which hosts talked to a domain, from which binaries, first seen when. */
export type DomainPivot = {
  __typename?: 'DomainPivot';
  name: Scalars['String']['output'];
  prevalence: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** How many host-and-binary groups there are in all (contacts holds up to first). */
  contactCount: Scalars['Int']['output'];
  contacts: Array<NetworkContact>;
  /** Addresses it resolved to (DNS answers, connections naming it), first resolved first. */
  resolutions: Array<Resolution>;
};

/** Which hosts talked to an address, from which binaries, first seen when. */
export type IpPivot = {
  __typename?: 'IpPivot';
  address: Scalars['String']['output'];
  prevalence: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  contactCount: Scalars['Int']['output'];
  contacts: Array<NetworkContact>;
  /** Names that resolved to it. */
  resolutions: Array<Resolution>;
  /** Hosts that had the address themselves, and when. */
  holders: Array<AddressHolder>;
};

/** One host and binary's traffic to a domain or address; image is null for process-less telemetry (Zeek). */
export type NetworkContact = {
  __typename?: 'NetworkContact';
  hostId: Scalars['String']['output'];
  image?: Maybe<Scalars['String']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  /**
   * QUERIED (asked DNS; for an address: an answer carried it), CONNECTED (a connection naming the
   * domain, or to the address), CONNECTED_TO_ADDRESS (to an address the domain resolved to, no name
   * recorded).
   */
  via: Array<Scalars['String']['output']>;
  processes: Scalars['Int']['output'];
  events: Scalars['Int']['output'];
  /** Destination ports, up to 20. */
  ports: Array<Scalars['Int']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type Resolution = {
  __typename?: 'Resolution';
  name: Scalars['String']['output'];
  address: Scalars['String']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type AddressHolder = {
  __typename?: 'AddressHolder';
  hostId: Scalars['String']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

/** Everything known about one piece of content (a SHA-256), across the fleet: the hunter's pivot. */
export type BinaryPivot = {
  __typename?: 'BinaryPivot';
  sha256: Scalars['ID']['output'];
  /** Distinct hosts where a file held the content (written, loaded, or the image of a run). */
  prevalence: Scalars['Int']['output'];
  runCount: Scalars['Int']['output'];
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
  /** Those hosts, in host id order, a page at a time: `first` is at most 500; totalCount is prevalence. */
  hosts: BinarySightingConnection;
  /** Signature states reported for it (by its loads, or else by its first sighting), on the most files first. */
  signatures: Array<BinarySignatureState>;
  /** The processes that ran it, newest first, with their children and destinations. */
  processes: Array<ProcessRun>;
  /** Findings whose evidence includes it, newest activity first, a page at a time: `first` is at most 500. */
  findings: FindingConnection;
};


/** Everything known about one piece of content (a SHA-256), across the fleet: the hunter's pivot. */
export type BinaryPivotHostsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};


/** Everything known about one piece of content (a SHA-256), across the fleet: the hunter's pivot. */
export type BinaryPivotProcessesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything known about one piece of content (a SHA-256), across the fleet: the hunter's pivot. */
export type BinaryPivotFindingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
};

export type BinarySightingConnection = {
  __typename?: 'BinarySightingConnection';
  edges: Array<BinarySightingEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type BinarySightingEdge = {
  __typename?: 'BinarySightingEdge';
  cursor: Scalars['String']['output'];
  node: BinarySighting;
};

/** One host holding the content: the paths of its files and of its runs' images, first and last write or run. */
export type BinarySighting = {
  __typename?: 'BinarySighting';
  hostId: Scalars['String']['output'];
  paths: Array<Scalars['String']['output']>;
  firstSeen?: Maybe<Scalars['DateTime']['output']>;
  lastSeen?: Maybe<Scalars['DateTime']['output']>;
};

export type SignatureState = {
  __typename?: 'SignatureState';
  signer?: Maybe<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  signed?: Maybe<Scalars['Boolean']['output']>;
  count: Scalars['Int']['output'];
};

/** A signature state reported for one content, and on how many files. */
export type BinarySignatureState = {
  __typename?: 'BinarySignatureState';
  signer?: Maybe<Scalars['String']['output']>;
  status?: Maybe<Scalars['String']['output']>;
  signed?: Maybe<Scalars['Boolean']['output']>;
  /** Files (one per host and path) whose loads reported this state; for content never loaded, the files holding it. */
  files: Scalars['Int']['output'];
};

export type ProcessRun = {
  __typename?: 'ProcessRun';
  uid: Scalars['ID']['output'];
  hostId: Scalars['String']['output'];
  image: Scalars['String']['output'];
  commandLine?: Maybe<Scalars['String']['output']>;
  user?: Maybe<Scalars['String']['output']>;
  started?: Maybe<Scalars['DateTime']['output']>;
  signer?: Maybe<Scalars['String']['output']>;
  children: Array<ChildProcess>;
  connections: Array<Connection>;
};

export type ChildProcess = {
  __typename?: 'ChildProcess';
  uid: Scalars['ID']['output'];
  image: Scalars['String']['output'];
  commandLine?: Maybe<Scalars['String']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

export type Connection = {
  __typename?: 'Connection';
  ip: Scalars['String']['output'];
  hostname?: Maybe<Scalars['String']['output']>;
  port?: Maybe<Scalars['Int']['output']>;
  time?: Maybe<Scalars['DateTime']['output']>;
};

/** Where search looks. */
export type SearchKind =
  /** Binary content by SHA-256 (the whole digest; MD5 and SHA-1 are not stored). */
  | 'HASH'
  /** Domain names containing the text. */
  | 'DOMAIN'
  /** File paths containing the text (any host). */
  | 'PATH'
  /** Process command lines containing the text. */
  | 'COMMAND_LINE';

/** One match. key is what to pivot on: a SHA-256 (binary), a domain name, a file uid or a process uid. */
export type SearchHit = {
  __typename?: 'SearchHit';
  kind: SearchKind;
  key: Scalars['ID']['output'];
  /** The matched text: a path, a command line, a domain; for a hash, a path that held the content. */
  label: Scalars['String']['output'];
  /** Null for fleet-wide entities (contents, domains). */
  hostId?: Maybe<Scalars['String']['output']>;
  /** Process start; first resolution for a domain; null for files and contents. */
  time?: Maybe<Scalars['DateTime']['output']>;
};

export type SearchResult = {
  __typename?: 'SearchResult';
  /** Grouped by kind in the order HASH, DOMAIN, PATH, COMMAND_LINE; by label (code point order) within a kind. */
  hits: Array<SearchHit>;
  /** More matched than first: narrow the text or the kinds. Which ones come back is not ranked. */
  truncated: Scalars['Boolean']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Analytic: ResolverTypeWrapper<Analytic>;
  Tunable: ResolverTypeWrapper<Tunable>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  TimeBucket: TimeBucket;
  BinaryOrder: BinaryOrder;
  Dashboard: ResolverTypeWrapper<Dashboard>;
  FindingsBucket: ResolverTypeWrapper<FindingsBucket>;
  HostFindings: ResolverTypeWrapper<HostFindings>;
  BinaryFindings: ResolverTypeWrapper<BinaryFindings>;
  DestinationFindings: ResolverTypeWrapper<DestinationFindings>;
  IngestRatePoint: ResolverTypeWrapper<IngestRatePoint>;
  QueueDepth: ResolverTypeWrapper<QueueDepth>;
  FindingChangeKind: FindingChangeKind;
  FindingChange: ResolverTypeWrapper<FindingChange>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Severity: Severity;
  FindingStatus: FindingStatus;
  Finding: ResolverTypeWrapper<Finding>;
  EvidenceStep: ResolverTypeWrapper<EvidenceStep>;
  FindingFilter: FindingFilter;
  FindingOrderField: FindingOrderField;
  OrderDirection: OrderDirection;
  FindingOrder: FindingOrder;
  FindingEdge: ResolverTypeWrapper<FindingEdge>;
  FindingConnection: ResolverTypeWrapper<FindingConnection>;
  AuditEntry: ResolverTypeWrapper<AuditEntry>;
  TunableSetting: TunableSetting;
  HuntResult: ResolverTypeWrapper<HuntResult>;
  Suppression: ResolverTypeWrapper<Suppression>;
  ProcessView: ResolverTypeWrapper<ProcessView>;
  RelatedProcess: ResolverTypeWrapper<RelatedProcess>;
  ProcessSummary: ResolverTypeWrapper<ProcessSummary>;
  FileWrite: ResolverTypeWrapper<FileWrite>;
  ModuleLoad: ResolverTypeWrapper<ModuleLoad>;
  NetworkConnection: ResolverTypeWrapper<NetworkConnection>;
  DnsQuery: ResolverTypeWrapper<DnsQuery>;
  HostEventKind: HostEventKind;
  HostView: ResolverTypeWrapper<HostView>;
  HostAddress: ResolverTypeWrapper<HostAddress>;
  HostTimeline: ResolverTypeWrapper<HostTimeline>;
  HostEvent: ResolverTypeWrapper<HostEvent>;
  PackageChange: ResolverTypeWrapper<PackageChange>;
  EvidenceGraph: ResolverTypeWrapper<EvidenceGraph>;
  EvidenceNode: ResolverTypeWrapper<EvidenceNode>;
  GraphProperty: ResolverTypeWrapper<GraphProperty>;
  EvidenceEdge: ResolverTypeWrapper<EvidenceEdge>;
  FindingContext: ResolverTypeWrapper<FindingContext>;
  SpawnAfterWrite: ResolverTypeWrapper<SpawnAfterWrite>;
  WriteEvent: ResolverTypeWrapper<WriteEvent>;
  PathPivot: ResolverTypeWrapper<PathPivot>;
  PathHost: ResolverTypeWrapper<PathHost>;
  PathContent: ResolverTypeWrapper<PathContent>;
  PathWriter: ResolverTypeWrapper<PathWriter>;
  FileNamePivot: ResolverTypeWrapper<FileNamePivot>;
  FileNameGroup: ResolverTypeWrapper<FileNameGroup>;
  SignerPivot: ResolverTypeWrapper<SignerPivot>;
  SignedContent: ResolverTypeWrapper<SignedContent>;
  SignerHost: ResolverTypeWrapper<SignerHost>;
  DomainPivot: ResolverTypeWrapper<DomainPivot>;
  IpPivot: ResolverTypeWrapper<IpPivot>;
  NetworkContact: ResolverTypeWrapper<NetworkContact>;
  Resolution: ResolverTypeWrapper<Resolution>;
  AddressHolder: ResolverTypeWrapper<AddressHolder>;
  BinaryPivot: ResolverTypeWrapper<BinaryPivot>;
  BinarySightingConnection: ResolverTypeWrapper<BinarySightingConnection>;
  BinarySightingEdge: ResolverTypeWrapper<BinarySightingEdge>;
  BinarySighting: ResolverTypeWrapper<BinarySighting>;
  SignatureState: ResolverTypeWrapper<SignatureState>;
  BinarySignatureState: ResolverTypeWrapper<BinarySignatureState>;
  ProcessRun: ResolverTypeWrapper<ProcessRun>;
  ChildProcess: ResolverTypeWrapper<ChildProcess>;
  Connection: ResolverTypeWrapper<Connection>;
  SearchKind: SearchKind;
  SearchHit: ResolverTypeWrapper<SearchHit>;
  SearchResult: ResolverTypeWrapper<SearchResult>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Analytic: Analytic;
  Tunable: Tunable;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Dashboard: Dashboard;
  FindingsBucket: FindingsBucket;
  HostFindings: HostFindings;
  BinaryFindings: BinaryFindings;
  DestinationFindings: DestinationFindings;
  IngestRatePoint: IngestRatePoint;
  QueueDepth: QueueDepth;
  FindingChange: FindingChange;
  Subscription: Record<PropertyKey, never>;
  Finding: Finding;
  EvidenceStep: EvidenceStep;
  FindingFilter: FindingFilter;
  FindingOrder: FindingOrder;
  FindingEdge: FindingEdge;
  FindingConnection: FindingConnection;
  AuditEntry: AuditEntry;
  TunableSetting: TunableSetting;
  HuntResult: HuntResult;
  Suppression: Suppression;
  ProcessView: ProcessView;
  RelatedProcess: RelatedProcess;
  ProcessSummary: ProcessSummary;
  FileWrite: FileWrite;
  ModuleLoad: ModuleLoad;
  NetworkConnection: NetworkConnection;
  DnsQuery: DnsQuery;
  HostView: HostView;
  HostAddress: HostAddress;
  HostTimeline: HostTimeline;
  HostEvent: HostEvent;
  PackageChange: PackageChange;
  EvidenceGraph: EvidenceGraph;
  EvidenceNode: EvidenceNode;
  GraphProperty: GraphProperty;
  EvidenceEdge: EvidenceEdge;
  FindingContext: FindingContext;
  SpawnAfterWrite: SpawnAfterWrite;
  WriteEvent: WriteEvent;
  PathPivot: PathPivot;
  PathHost: PathHost;
  PathContent: PathContent;
  PathWriter: PathWriter;
  FileNamePivot: FileNamePivot;
  FileNameGroup: FileNameGroup;
  SignerPivot: SignerPivot;
  SignedContent: SignedContent;
  SignerHost: SignerHost;
  DomainPivot: DomainPivot;
  IpPivot: IpPivot;
  NetworkContact: NetworkContact;
  Resolution: Resolution;
  AddressHolder: AddressHolder;
  BinaryPivot: BinaryPivot;
  BinarySightingConnection: BinarySightingConnection;
  BinarySightingEdge: BinarySightingEdge;
  BinarySighting: BinarySighting;
  SignatureState: SignatureState;
  BinarySignatureState: BinarySignatureState;
  ProcessRun: ProcessRun;
  ChildProcess: ChildProcess;
  Connection: Connection;
  SearchHit: SearchHit;
  SearchResult: SearchResult;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type QueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  analytics?: Resolver<Array<ResolversTypes['Analytic']>, ParentType, ContextType>;
  dashboard?: Resolver<ResolversTypes['Dashboard'], ParentType, ContextType, RequireFields<QueryDashboardArgs, 'since'>>;
  ingestRate?: Resolver<Array<ResolversTypes['IngestRatePoint']>, ParentType, ContextType, RequireFields<QueryIngestRateArgs, 'minutes'>>;
  queueDepths?: Resolver<Array<ResolversTypes['QueueDepth']>, ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['FindingConnection'], ParentType, ContextType, RequireFields<QueryFindingsArgs, 'orderBy' | 'first'>>;
  finding?: Resolver<Maybe<ResolversTypes['Finding']>, ParentType, ContextType, RequireFields<QueryFindingArgs, 'id'>>;
  hunt?: Resolver<ResolversTypes['HuntResult'], ParentType, ContextType, RequireFields<QueryHuntArgs, 'analytic' | 'store'>>;
  suppressions?: Resolver<Array<ResolversTypes['Suppression']>, ParentType, ContextType>;
  process?: Resolver<Maybe<ResolversTypes['ProcessView']>, ParentType, ContextType, RequireFields<QueryProcessArgs, 'uid'>>;
  host?: Resolver<Maybe<ResolversTypes['HostView']>, ParentType, ContextType, Partial<QueryHostArgs>>;
  spawnedAfterWrite?: Resolver<Array<ResolversTypes['SpawnAfterWrite']>, ParentType, ContextType, RequireFields<QuerySpawnedAfterWriteArgs, 'pathFragment' | 'image' | 'withinMinutes' | 'writerChildrenOnly' | 'first'>>;
  pathPivot?: Resolver<Maybe<ResolversTypes['PathPivot']>, ParentType, ContextType, RequireFields<QueryPathPivotArgs, 'path' | 'first'>>;
  fileName?: Resolver<Maybe<ResolversTypes['FileNamePivot']>, ParentType, ContextType, RequireFields<QueryFileNameArgs, 'name' | 'first'>>;
  signer?: Resolver<Maybe<ResolversTypes['SignerPivot']>, ParentType, ContextType, RequireFields<QuerySignerArgs, 'name' | 'first'>>;
  domain?: Resolver<Maybe<ResolversTypes['DomainPivot']>, ParentType, ContextType, RequireFields<QueryDomainArgs, 'name' | 'first'>>;
  ip?: Resolver<Maybe<ResolversTypes['IpPivot']>, ParentType, ContextType, RequireFields<QueryIpArgs, 'address' | 'first'>>;
  binary?: Resolver<Maybe<ResolversTypes['BinaryPivot']>, ParentType, ContextType, RequireFields<QueryBinaryArgs, 'sha256'>>;
  search?: Resolver<ResolversTypes['SearchResult'], ParentType, ContextType, RequireFields<QuerySearchArgs, 'text' | 'first'>>;
};

export type AnalyticResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Analytic'] = ResolversParentTypes['Analytic']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  strategy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  technique?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platforms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  falsePositives?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  tunables?: Resolver<Array<ResolversTypes['Tunable']>, ParentType, ContextType>;
};

export type TunableResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Tunable'] = ResolversParentTypes['Tunable']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  defaultJson?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  valueJson?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  setTunable?: Resolver<ResolversTypes['Tunable'], ParentType, ContextType, RequireFields<MutationSetTunableArgs, 'analytic' | 'name' | 'valueJson'>>;
  resetTunable?: Resolver<ResolversTypes['Tunable'], ParentType, ContextType, RequireFields<MutationResetTunableArgs, 'analytic' | 'name'>>;
  setFindingStatus?: Resolver<ResolversTypes['Finding'], ParentType, ContextType, RequireFields<MutationSetFindingStatusArgs, 'id' | 'status'>>;
  suppressFromFinding?: Resolver<ResolversTypes['Suppression'], ParentType, ContextType, RequireFields<MutationSuppressFromFindingArgs, 'id' | 'installer' | 'signer' | 'host'>>;
  removeSuppression?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRemoveSuppressionArgs, 'id'>>;
};

export type PageInfoResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DashboardResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Dashboard'] = ResolversParentTypes['Dashboard']> = {
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  until?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  findingsOverTime?: Resolver<Array<ResolversTypes['FindingsBucket']>, ParentType, ContextType, RequireFields<DashboardFindingsOverTimeArgs, 'bucket'>>;
  topHosts?: Resolver<Array<ResolversTypes['HostFindings']>, ParentType, ContextType, RequireFields<DashboardTopHostsArgs, 'first'>>;
  topBinaries?: Resolver<Array<ResolversTypes['BinaryFindings']>, ParentType, ContextType, RequireFields<DashboardTopBinariesArgs, 'first' | 'orderBy'>>;
  topDestinations?: Resolver<Array<ResolversTypes['DestinationFindings']>, ParentType, ContextType, RequireFields<DashboardTopDestinationsArgs, 'first'>>;
};

export type FindingsBucketResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingsBucket'] = ResolversParentTypes['FindingsBucket']> = {
  start?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  analytic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HostFindingsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HostFindings'] = ResolversParentTypes['HostFindings']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  host?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  critical?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxScore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastSeen?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type BinaryFindingsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinaryFindings'] = ResolversParentTypes['BinaryFindings']> = {
  sha256?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  names?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DestinationFindingsResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['DestinationFindings'] = ResolversParentTypes['DestinationFindings']> = {
  destination?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hosts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  analytics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeen?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type IngestRatePointResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['IngestRatePoint'] = ResolversParentTypes['IngestRatePoint']> = {
  minute?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueueDepthResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['QueueDepth'] = ResolversParentTypes['QueueDepth']> = {
  queue?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waiting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  active?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delayed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  prioritized?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FindingChangeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingChange'] = ResolversParentTypes['FindingChange']> = {
  kind?: Resolver<ResolversTypes['FindingChangeKind'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  analytic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  finding?: Resolver<Maybe<ResolversTypes['Finding']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  findingChanged?: SubscriptionResolver<ResolversTypes['FindingChange'], "findingChanged", ParentType, ContextType, Partial<SubscriptionFindingChangedArgs>>;
};

export type FindingResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Finding'] = ResolversParentTypes['Finding']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  analytic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  host?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['Severity'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FindingStatus'], ParentType, ContextType>;
  reasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  signals?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeen?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['EvidenceStep']>, ParentType, ContextType>;
  history?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  evidenceGraph?: Resolver<ResolversTypes['EvidenceGraph'], ParentType, ContextType>;
  context?: Resolver<ResolversTypes['FindingContext'], ParentType, ContextType>;
};

export type EvidenceStepResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EvidenceStep'] = ResolversParentTypes['EvidenceStep']> = {
  stage?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FindingEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingEdge'] = ResolversParentTypes['FindingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Finding'], ParentType, ContextType>;
};

export type FindingConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingConnection'] = ResolversParentTypes['FindingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['FindingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditEntryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type HuntResultResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HuntResult'] = ResolversParentTypes['HuntResult']> = {
  analytics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  stored?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
};

export type SuppressionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Suppression'] = ResolversParentTypes['Suppression']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  analytic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  installer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  destination?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hostId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signals?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProcessViewResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ProcessView'] = ResolversParentTypes['ProcessView']> = {
  uid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pid?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  imageName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  started?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  ended?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  signatureStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ancestors?: Resolver<Array<ResolversTypes['RelatedProcess']>, ParentType, ContextType, RequireFields<ProcessViewAncestorsArgs, 'depth'>>;
  descendants?: Resolver<Array<ResolversTypes['RelatedProcess']>, ParentType, ContextType, RequireFields<ProcessViewDescendantsArgs, 'depth' | 'first'>>;
  writes?: Resolver<Array<ResolversTypes['FileWrite']>, ParentType, ContextType, RequireFields<ProcessViewWritesArgs, 'first'>>;
  loads?: Resolver<Array<ResolversTypes['ModuleLoad']>, ParentType, ContextType, RequireFields<ProcessViewLoadsArgs, 'first'>>;
  connections?: Resolver<Array<ResolversTypes['NetworkConnection']>, ParentType, ContextType, RequireFields<ProcessViewConnectionsArgs, 'first'>>;
  dnsQueries?: Resolver<Array<ResolversTypes['DnsQuery']>, ParentType, ContextType, RequireFields<ProcessViewDnsQueriesArgs, 'first'>>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType>;
};

export type RelatedProcessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['RelatedProcess'] = ResolversParentTypes['RelatedProcess']> = {
  uid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  parentUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  started?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ProcessSummaryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ProcessSummary'] = ResolversParentTypes['ProcessSummary']> = {
  uid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  started?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type FileWriteResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FileWrite'] = ResolversParentTypes['FileWrite']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ModuleLoadResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ModuleLoad'] = ResolversParentTypes['ModuleLoad']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fileUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type NetworkConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['NetworkConnection'] = ResolversParentTypes['NetworkConnection']> = {
  ip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hostname?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  protocol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  direction?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  processUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DnsQueryResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['DnsQuery'] = ResolversParentTypes['DnsQuery']> = {
  domain?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  answers?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type HostViewResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HostView'] = ResolversParentTypes['HostView']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  os?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  placeholder?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ips?: Resolver<Array<ResolversTypes['HostAddress']>, ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['HostTimeline'], ParentType, ContextType, RequireFields<HostViewTimelineArgs, 'first'>>;
  installs?: Resolver<Array<ResolversTypes['PackageChange']>, ParentType, ContextType, RequireFields<HostViewInstallsArgs, 'first'>>;
  findings?: Resolver<Array<ResolversTypes['Finding']>, ParentType, ContextType, RequireFields<HostViewFindingsArgs, 'first'>>;
};

export type HostAddressResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HostAddress'] = ResolversParentTypes['HostAddress']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type HostTimelineResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HostTimeline'] = ResolversParentTypes['HostTimeline']> = {
  events?: Resolver<Array<ResolversTypes['HostEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type HostEventResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['HostEvent'] = ResolversParentTypes['HostEvent']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['HostEventKind'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  processUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  parentUid?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hostname?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  answers?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repository?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PackageChangeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PackageChange'] = ResolversParentTypes['PackageChange']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  manager?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  repository?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type EvidenceGraphResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EvidenceGraph'] = ResolversParentTypes['EvidenceGraph']> = {
  nodes?: Resolver<Array<ResolversTypes['EvidenceNode']>, ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['EvidenceEdge']>, ParentType, ContextType>;
};

export type EvidenceNodeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EvidenceNode'] = ResolversParentTypes['EvidenceNode']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  inGraph?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  properties?: Resolver<Array<ResolversTypes['GraphProperty']>, ParentType, ContextType>;
};

export type GraphPropertyResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['GraphProperty'] = ResolversParentTypes['GraphProperty']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EvidenceEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['EvidenceEdge'] = ResolversParentTypes['EvidenceEdge']> = {
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FindingContextResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FindingContext'] = ResolversParentTypes['FindingContext']> = {
  installer?: Resolver<Maybe<ResolversTypes['ProcessSummary']>, ParentType, ContextType>;
  installerAncestors?: Resolver<Array<ResolversTypes['RelatedProcess']>, ParentType, ContextType, RequireFields<FindingContextInstallerAncestorsArgs, 'depth'>>;
  firstRun?: Resolver<Maybe<ResolversTypes['ProcessSummary']>, ParentType, ContextType>;
  firstRunChildren?: Resolver<Array<ResolversTypes['RelatedProcess']>, ParentType, ContextType, RequireFields<FindingContextFirstRunChildrenArgs, 'first'>>;
  otherConnections?: Resolver<Array<ResolversTypes['NetworkConnection']>, ParentType, ContextType, RequireFields<FindingContextOtherConnectionsArgs, 'marginMinutes' | 'first'>>;
};

export type SpawnAfterWriteResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SpawnAfterWrite'] = ResolversParentTypes['SpawnAfterWrite']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  write?: Resolver<ResolversTypes['WriteEvent'], ParentType, ContextType>;
  spawned?: Resolver<ResolversTypes['ProcessSummary'], ParentType, ContextType>;
  delayMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  byWriter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  runsWrittenFile?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WriteEventResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['WriteEvent'] = ResolversParentTypes['WriteEvent']> = {
  processUid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PathPivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PathPivot'] = ResolversParentTypes['PathPivot']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  hosts?: Resolver<Array<ResolversTypes['PathHost']>, ParentType, ContextType>;
  contents?: Resolver<Array<ResolversTypes['PathContent']>, ParentType, ContextType>;
  writers?: Resolver<Array<ResolversTypes['PathWriter']>, ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['ProcessRun']>, ParentType, ContextType, RequireFields<PathPivotProcessesArgs, 'first'>>;
};

export type PathHostResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PathHost'] = ResolversParentTypes['PathHost']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  loads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deletes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PathContentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PathContent'] = ResolversParentTypes['PathContent']> = {
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hosts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type PathWriterResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['PathWriter'] = ResolversParentTypes['PathWriter']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ops?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  processes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  writes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type FileNamePivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FileNamePivot'] = ResolversParentTypes['FileNamePivot']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contents?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['FileNameGroup']>, ParentType, ContextType>;
};

export type FileNameGroupResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['FileNameGroup'] = ResolversParentTypes['FileNameGroup']> = {
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hosts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hostIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SignerPivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignerPivot'] = ResolversParentTypes['SignerPivot']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sightings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  teamIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  signatures?: Resolver<Array<ResolversTypes['SignatureState']>, ParentType, ContextType>;
  binaries?: Resolver<Array<ResolversTypes['SignedContent']>, ParentType, ContextType>;
  hosts?: Resolver<Array<ResolversTypes['SignerHost']>, ParentType, ContextType>;
};

export type SignedContentResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignedContent'] = ResolversParentTypes['SignedContent']> = {
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paths?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  hosts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statuses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SignerHostResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignerHost'] = ResolversParentTypes['SignerHost']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  binaries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sightings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type DomainPivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['DomainPivot'] = ResolversParentTypes['DomainPivot']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contactCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['NetworkContact']>, ParentType, ContextType>;
  resolutions?: Resolver<Array<ResolversTypes['Resolution']>, ParentType, ContextType>;
};

export type IpPivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['IpPivot'] = ResolversParentTypes['IpPivot']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contactCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['NetworkContact']>, ParentType, ContextType>;
  resolutions?: Resolver<Array<ResolversTypes['Resolution']>, ParentType, ContextType>;
  holders?: Resolver<Array<ResolversTypes['AddressHolder']>, ParentType, ContextType>;
};

export type NetworkContactResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['NetworkContact'] = ResolversParentTypes['NetworkContact']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  via?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  processes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ports?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ResolutionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Resolution'] = ResolversParentTypes['Resolution']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type AddressHolderResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['AddressHolder'] = ResolversParentTypes['AddressHolder']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type BinaryPivotResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinaryPivot'] = ResolversParentTypes['BinaryPivot']> = {
  sha256?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prevalence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  runCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  hosts?: Resolver<ResolversTypes['BinarySightingConnection'], ParentType, ContextType, RequireFields<BinaryPivotHostsArgs, 'first'>>;
  signatures?: Resolver<Array<ResolversTypes['BinarySignatureState']>, ParentType, ContextType>;
  processes?: Resolver<Array<ResolversTypes['ProcessRun']>, ParentType, ContextType, RequireFields<BinaryPivotProcessesArgs, 'first'>>;
  findings?: Resolver<ResolversTypes['FindingConnection'], ParentType, ContextType, RequireFields<BinaryPivotFindingsArgs, 'first'>>;
};

export type BinarySightingConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinarySightingConnection'] = ResolversParentTypes['BinarySightingConnection']> = {
  edges?: Resolver<Array<ResolversTypes['BinarySightingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BinarySightingEdgeResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinarySightingEdge'] = ResolversParentTypes['BinarySightingEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BinarySighting'], ParentType, ContextType>;
};

export type BinarySightingResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinarySighting'] = ResolversParentTypes['BinarySighting']> = {
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paths?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastSeen?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SignatureStateResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SignatureState'] = ResolversParentTypes['SignatureState']> = {
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BinarySignatureStateResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['BinarySignatureState'] = ResolversParentTypes['BinarySignatureState']> = {
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  signed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  files?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ProcessRunResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ProcessRun'] = ResolversParentTypes['ProcessRun']> = {
  uid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  hostId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  image?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  started?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  signer?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['ChildProcess']>, ParentType, ContextType>;
  connections?: Resolver<Array<ResolversTypes['Connection']>, ParentType, ContextType>;
};

export type ChildProcessResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['ChildProcess'] = ResolversParentTypes['ChildProcess']> = {
  uid?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commandLine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ConnectionResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['Connection'] = ResolversParentTypes['Connection']> = {
  ip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostname?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SearchHitResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SearchHit'] = ResolversParentTypes['SearchHit']> = {
  kind?: Resolver<ResolversTypes['SearchKind'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type SearchResultResolvers<ContextType = ApiContext, ParentType extends ResolversParentTypes['SearchResult'] = ResolversParentTypes['SearchResult']> = {
  hits?: Resolver<Array<ResolversTypes['SearchHit']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ApiContext> = {
  DateTime?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  Analytic?: AnalyticResolvers<ContextType>;
  Tunable?: TunableResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Dashboard?: DashboardResolvers<ContextType>;
  FindingsBucket?: FindingsBucketResolvers<ContextType>;
  HostFindings?: HostFindingsResolvers<ContextType>;
  BinaryFindings?: BinaryFindingsResolvers<ContextType>;
  DestinationFindings?: DestinationFindingsResolvers<ContextType>;
  IngestRatePoint?: IngestRatePointResolvers<ContextType>;
  QueueDepth?: QueueDepthResolvers<ContextType>;
  FindingChange?: FindingChangeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Finding?: FindingResolvers<ContextType>;
  EvidenceStep?: EvidenceStepResolvers<ContextType>;
  FindingEdge?: FindingEdgeResolvers<ContextType>;
  FindingConnection?: FindingConnectionResolvers<ContextType>;
  AuditEntry?: AuditEntryResolvers<ContextType>;
  HuntResult?: HuntResultResolvers<ContextType>;
  Suppression?: SuppressionResolvers<ContextType>;
  ProcessView?: ProcessViewResolvers<ContextType>;
  RelatedProcess?: RelatedProcessResolvers<ContextType>;
  ProcessSummary?: ProcessSummaryResolvers<ContextType>;
  FileWrite?: FileWriteResolvers<ContextType>;
  ModuleLoad?: ModuleLoadResolvers<ContextType>;
  NetworkConnection?: NetworkConnectionResolvers<ContextType>;
  DnsQuery?: DnsQueryResolvers<ContextType>;
  HostView?: HostViewResolvers<ContextType>;
  HostAddress?: HostAddressResolvers<ContextType>;
  HostTimeline?: HostTimelineResolvers<ContextType>;
  HostEvent?: HostEventResolvers<ContextType>;
  PackageChange?: PackageChangeResolvers<ContextType>;
  EvidenceGraph?: EvidenceGraphResolvers<ContextType>;
  EvidenceNode?: EvidenceNodeResolvers<ContextType>;
  GraphProperty?: GraphPropertyResolvers<ContextType>;
  EvidenceEdge?: EvidenceEdgeResolvers<ContextType>;
  FindingContext?: FindingContextResolvers<ContextType>;
  SpawnAfterWrite?: SpawnAfterWriteResolvers<ContextType>;
  WriteEvent?: WriteEventResolvers<ContextType>;
  PathPivot?: PathPivotResolvers<ContextType>;
  PathHost?: PathHostResolvers<ContextType>;
  PathContent?: PathContentResolvers<ContextType>;
  PathWriter?: PathWriterResolvers<ContextType>;
  FileNamePivot?: FileNamePivotResolvers<ContextType>;
  FileNameGroup?: FileNameGroupResolvers<ContextType>;
  SignerPivot?: SignerPivotResolvers<ContextType>;
  SignedContent?: SignedContentResolvers<ContextType>;
  SignerHost?: SignerHostResolvers<ContextType>;
  DomainPivot?: DomainPivotResolvers<ContextType>;
  IpPivot?: IpPivotResolvers<ContextType>;
  NetworkContact?: NetworkContactResolvers<ContextType>;
  Resolution?: ResolutionResolvers<ContextType>;
  AddressHolder?: AddressHolderResolvers<ContextType>;
  BinaryPivot?: BinaryPivotResolvers<ContextType>;
  BinarySightingConnection?: BinarySightingConnectionResolvers<ContextType>;
  BinarySightingEdge?: BinarySightingEdgeResolvers<ContextType>;
  BinarySighting?: BinarySightingResolvers<ContextType>;
  SignatureState?: SignatureStateResolvers<ContextType>;
  BinarySignatureState?: BinarySignatureStateResolvers<ContextType>;
  ProcessRun?: ProcessRunResolvers<ContextType>;
  ChildProcess?: ChildProcessResolvers<ContextType>;
  Connection?: ConnectionResolvers<ContextType>;
  SearchHit?: SearchHitResolvers<ContextType>;
  SearchResult?: SearchResultResolvers<ContextType>;
};

