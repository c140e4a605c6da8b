import type { TextAdapter } from '../adapter.js';
import { aptHistoryAdapter } from './aptHistory.js';
import { brewAdapter } from './brew.js';
import { dnfLogAdapter } from './dnf.js';
import { dpkgLogAdapter } from './dpkg.js';
import { yumLogAdapter } from './yum.js';

export { aptHistoryAdapter, brewAdapter, dnfLogAdapter, dpkgLogAdapter, yumLogAdapter };

/** Every package-log text adapter; their `detect`s do not overlap, so the order does not matter. */
export const packageLogAdapters: TextAdapter[] = [dpkgLogAdapter, aptHistoryAdapter, dnfLogAdapter, yumLogAdapter, brewAdapter];
