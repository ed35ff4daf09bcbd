// SPDX-License-Identifier: UNLICENSED
// Entry point of the renderer bundle (app.js).
import { connect, openedAsDisplay } from './api';
import { startApp } from './app';
import { startDisplay } from './display';

function fail(message: string): void {
  const p = document.createElement('p');
  p.className = 'error fatal';
  p.textContent = message;
  (document.getElementById('screen') ?? document.body).replaceChildren(p);
}

try {
  if (openedAsDisplay()) startDisplay(connect());
  else startApp(connect()).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
