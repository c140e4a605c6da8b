import { loadCatalog } from '../../analytics/catalog.js';

export const analyticsQuery = {
  analytics: () =>
    loadCatalog().map((a) => ({
      ...a,
      tunables: Object.entries(a.tunables).map(([name, t]) => ({ name, type: t.type, description: t.description, defaultJson: JSON.stringify(t.default) })),
    })),
};
