// SPDX-License-Identifier: UNLICENSED
// Entry point of the renderer bundle (app.js).
import { connect } from './api';
import { startApp } from './app';

function fail(message: string): void {
  const el = document.getElementById('screen');
  if (el) el.replaceChildren(Object.assign(document.createElement('p'), { className: 'error fatal', textContent: message }));
}

try {
  startApp(connect()).catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
