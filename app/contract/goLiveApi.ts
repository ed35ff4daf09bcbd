// SPDX-License-Identifier: UNLICENSED
// Going live, the catalog part (spread into API in api.ts; docs/catalog.md, "Going live"): once the terminal is live,
// the manager chooses to keep the training goods or to take them off sale. Manager only; strict schemas as
// everywhere in api.ts.
import { z } from 'zod';
import type { MethodDefinition } from './api';
import { rule } from './schemas';

const def =
  <O>() =>
  <I extends z.ZodType>(access: MethodDefinition<I, O>['access'], input: I): MethodDefinition<I, O> => ({ access, input });

/** What became of the training catalog, and what is left of it on sale. */
export interface TrainingCatalogView {
  /** The terminal is live (the choice is only offered then). */
  readonly live: boolean;
  /** The manager's choice; null until made. */
  readonly choice: 'keep' | 'remove' | null;
  /** Training goods still on sale as they were seeded (a product the manager edited is the shop's own). */
  readonly trainingGoods: number;
}

export const GO_LIVE_API = {
  'goLive.catalog': def<TrainingCatalogView>()('manager', z.object({}).strict()),
  /** Keep the training goods, or take them off sale (made inactive, never deleted: documents name them). */
  'goLive.chooseCatalog': def<TrainingCatalogView>()('manager', z.object({ keep: z.boolean(rule('input.boolean')) }).strict()),
} as const;
