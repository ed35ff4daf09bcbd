// SPDX-License-Identifier: UNLICENSED
// Failures of the device: keychain, printer, rasterizer, database schema, command line (texts and conventions: app/errors/catalog.ts).
import type { CatalogText } from '../catalogText';

export const DEVICE_CODES = {} as const satisfies Record<string, CatalogText>;
