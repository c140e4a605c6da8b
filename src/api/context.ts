import type { FindingsService } from '../services/findingsService.js';

export interface ApiContext {
  findings: FindingsService;
}
