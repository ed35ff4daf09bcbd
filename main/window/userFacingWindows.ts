// SPDX-License-Identifier: UNLICENSED
// The windows a person looks at: the till's, and any later one such as a customer display. The app ends when the
// last of them closes. Electron's own `window-all-closed` cannot say this: it counts every window, and the receipt
// rasterizer's hidden offscreen window stays alive for the whole session, so the event never fired and closing the
// till left a windowless process holding the single-instance lock — the till could not be opened again.

export interface ClosableWindow {
  once(event: 'closed', listener: () => void): unknown;
}

export class UserFacingWindows {
  readonly #open = new Set<ClosableWindow>();

  constructor(private readonly onNoneLeft: () => void) {}

  add(win: ClosableWindow): void {
    this.#open.add(win);
    win.once('closed', () => {
      this.#open.delete(win);
      if (this.#open.size === 0) this.onNoneLeft();
    });
  }

  get count(): number {
    return this.#open.size;
  }
}
