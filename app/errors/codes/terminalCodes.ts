// SPDX-License-Identifier: UNLICENSED
// Failures of the terminal services: ledger, onboarding, Fatoora, reporting, catalog, users, sessions, mode, API (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const TERMINAL_CODES = {} as const satisfies Record<string, CatalogText>;
