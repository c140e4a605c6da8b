import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
// The bundled GraphiQL: the page loads no script from a CDN, so it works on an air-gapped network.
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { schemaDir } from '../config/paths.js';

/** The example operations, one GraphiQL tab per kind of user (schema/examples/*.graphql). */
export const examplesDir = path.join(schemaDir, 'examples');

export function exampleOperations(): Array<{ name: string; query: string }> {
  return fs
    .readdirSync(examplesDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: path.basename(f, '.graphql'), query: fs.readFileSync(path.join(examplesDir, f), 'utf8') }));
}

/**
 * The GraphiQL page, served without a key: it is static and reveals nothing (introspection and
 * every operation still need one). The key goes into the headers editor and is not persisted in
 * the browser's storage.
 */
let page: { html: Buffer; gzipped: Buffer } | undefined;

/** The page, rendered once (it inlines GraphiQL's scripts: ~9 MB, ~2 MB gzipped). */
export function graphiqlPage(): { html: Buffer; gzipped: Buffer } {
  if (!page) {
    const html = Buffer.from(renderPage(), 'utf8');
    page = { html, gzipped: gzipSync(html) };
  }
  return page;
}

function renderPage(): string {
  const headers = JSON.stringify({ Authorization: 'Bearer <paste an API key: npx provhunt keys create --name me --role viewer>' }, null, 2);
  return renderGraphiQL({
    title: 'provhunt',
    endpoint: '/graphql',
    defaultTabs: exampleOperations().map((e) => ({ query: e.query, headers })),
    headers,
    shouldPersistHeaders: false,
    subscriptionsProtocol: 'SSE',
  });
}

/** A browser asking for the page: GET with text/html accepted. */
export function wantsGraphiQL(method: string | undefined, accept: string | undefined): boolean {
  return method === 'GET' && (accept ?? '').includes('text/html');
}
