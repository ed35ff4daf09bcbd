// SPDX-License-Identifier: UNLICENSED
// fetch() for the tests that act as the shop manager's browser or script on the store server's pages (docs/
// store-server.md, "Manager page"): over the server's HTTPS, trusting its self-signed certificate as a manager's
// browser does once the manager compared its fingerprint. The tills' own requests never do this: they pin the
// certificate (main/storeSync/pinnedTransport.ts, tested in storeTls.test.ts). Redirects are not followed.
import { request } from 'node:https';
import { request as plainRequest } from 'node:http';

export interface ManagerFetchInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

export function managerFetch(input: string | URL, init: ManagerFetchInit = {}): Promise<Response> {
  const url = new URL(input);
  const send = url.protocol === 'https:' ? request : plainRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.once('error', reject);
      res.once('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
        }
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers }));
      });
    });
    req.once('error', reject);
    req.end(init.body);
  });
}
