// SPDX-License-Identifier: UNLICENSED
// Going live with or without the training catalog (main/catalog/trainingCatalog.ts, docs/catalog.md "Going live"):
// the manager's choice is kept as a terminal setting, so the screen asks once; "remove" takes the training goods
// still as seeded off sale. Offered on a live terminal only: in training the catalog is the training one.
import { GO_LIVE_METHOD_NAMES } from '../../../app/contract/goLiveMethodNames';
import type { TrainingCatalogView } from '../../../app/contract/goLiveApi';
import type { AppMode } from '../../../app/contract/types';
import { DukkanError } from '../../../app/errors/index';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { CatalogStore } from '../../catalog/catalogStore';
import { removeTrainingGoods, seededTrainingGoods } from '../../catalog/trainingCatalog';
import type { TerminalSettings } from '../terminalSettings';

export const GO_LIVE_METHODS = GO_LIVE_METHOD_NAMES;

export interface GoLiveServices {
  readonly mode: () => AppMode;
  readonly catalog: Pick<CatalogStore, 'lookup' | 'save' | 'transaction'>;
  readonly settings: Pick<TerminalSettings, 'get' | 'set'>;
}

export function goLiveHandlers(app: GoLiveServices): Pick<ApiHandlers, (typeof GO_LIVE_METHODS)[number]> {
  const view = (): TrainingCatalogView => ({
    live: app.mode() === 'live',
    choice: app.settings.get('trainingCatalog'),
    trainingGoods: seededTrainingGoods(app.catalog).length,
  });
  return {
    'goLive.catalog': () => view(),
    'goLive.chooseCatalog': ({ keep }) => {
      if (app.mode() !== 'live') throw new DukkanError('golive.still-training');
      if (!keep) removeTrainingGoods(app.catalog);
      app.settings.set('trainingCatalog', keep ? 'keep' : 'remove');
      return view();
    },
  };
}
