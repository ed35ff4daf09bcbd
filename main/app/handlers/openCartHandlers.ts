// SPDX-License-Identifier: UNLICENSED
// The cart a cashier is ringing up, kept in main (docs/catalog.md, "The open cart"): the till saves it at every
// change and asks for it when it opens, so a reload or a crash loses nothing. A line whose product was deactivated
// or removed meanwhile is left out of what is given back.
import type { CatalogStore } from '../../catalog/catalogStore';
import type { ApiHandlers } from '../../ipc/dispatcher';
import type { OpenCartStore } from '../../sale/openCartStore';

export const OPEN_CART_METHODS = ['cart.get', 'cart.save'] as const;

export interface OpenCartServices {
  readonly carts: Pick<OpenCartStore, 'get' | 'save'>;
  readonly catalog: Pick<CatalogStore, 'get'>;
}

export function openCartHandlers(app: OpenCartServices): Pick<ApiHandlers, (typeof OPEN_CART_METHODS)[number]> {
  return {
    'cart.get': (_input, { session }) => {
      const cart = session.user ? app.carts.get(session.user.id) : null;
      if (!cart) return null;
      const lines = cart.lines.filter((l) => app.catalog.get(l.productId)?.active);
      return lines.length > 0 ? { ...cart, lines } : null;
    },
    'cart.save': ({ lines }, { session }) => {
      if (session.user) app.carts.save(session.user.id, lines);
      return null;
    },
  };
}
