import { SearchService, type SearchHit, type SearchKind } from '../../services/searchService.js';
import type { ApiContext } from '../context.js';
import { showingInputErrors } from '../inputErrors.js';

export const searchQuery = {
  search(_: unknown, args: { text: string; kinds?: SearchKind[] | null; first: number }, ctx: ApiContext) {
    return showingInputErrors(() => new SearchService(ctx.driver, ctx.database).search(args.text, args.kinds, args.first));
  },
};

export const searchHitFields = { time: (h: SearchHit) => h.ts };
