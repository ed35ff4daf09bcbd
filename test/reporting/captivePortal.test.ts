// SPDX-License-Identifier: UNLICENSED
// A captive portal (hotel or mall Wi-Fi, a proxy's login page) sits between the till and Fatoora and answers every
// request itself: 200 with HTML, an empty 200, cut-off JSON, a 409 page. The queue must never be cleared by it: every
// document stays queued, is resent with the identical payload, and after N such attempts one alert says why. When
// the portal lets the traffic through, the same stored bytes reach the simulator and each document is reported once
// (docs/security.md "Fatoora answers"; reference §9, §11).
import { describe, expect, it } from 'vitest';
import type http from 'node:http';
import { createFatooraClient } from '../../main/fatoora/index';
import { useLocalServer } from '../support/localServer';
import { attemptsByDocument, issueMany, jobStates, reportedByHash, scene, settled, simulatorFixture, storedDocuments, waitFor } from './support';

const fx = simulatorFixture();

const PORTAL_ANSWERS: readonly { status: number; body: string }[] = [
  { status: 200, body: '<!DOCTYPE html><html><head><title>Guest Wi-Fi login</title></head><body>Accept the terms</body></html>' },
  { status: 200, body: '' },
  { status: 200, body: '{"validationResults": {"status": "PA' },
  { status: 200, body: '{"validationResults":{"status":"PASS"},"reportingStatus":"NOT_REPORTED"}' },
  { status: 409, body: '<html><body>Conflict</body></html>' },
];

/** The portal: answers everything itself until `open`, then forwards each request to the simulator unchanged. */
const portal = { open: false, next: 0, caught: new Map<string, string[]>() };

function portalAnswer(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (portal.open) return void forward(req, body, res);
    if (body !== '') {
      const uuid = (JSON.parse(body) as { uuid: string }).uuid;
      portal.caught.set(uuid, [...(portal.caught.get(uuid) ?? []), body]);
    }
    const answer = PORTAL_ANSWERS[portal.next++ % PORTAL_ANSWERS.length]!;
    res.writeHead(answer.status, { 'Content-Type': answer.body.startsWith('{') ? 'application/json' : 'text/html' });
    res.end(answer.body);
  });
}

function forward(req: http.IncomingMessage, body: string, res: http.ServerResponse): void {
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<
    string,
    string
  >;
  fetch(`${fx.sim.url}${req.url}`, { method: req.method!, headers, ...(req.method === 'HEAD' ? {} : { body }) }).then(
    async (answer) => {
      res.writeHead(answer.status, { 'Content-Type': answer.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    },
    () => res.destroy(),
  );
}

const portalServer = useLocalServer(portalAnswer);

describe('a captive portal never clears the reporting queue', () => {
  it('documents stay queued, are resent unchanged, one alert after N unconfirmed attempts; reported once the way is open', async () => {
    const device = {
      ...fx.device,
      client: createFatooraClient({ environment: 'local-simulator', baseUrl: `${portalServer.url}/e-invoicing/simulation`, timeoutMs: 5000 }),
    };
    const options = { unconfirmedToAlert: 3, retry: { initialMs: 50, maxMs: 300 }, probe: { initialMs: 50, maxMs: 300 } };
    const { sim, terminal, worker, alerts } = scene(fx, options, device);
    const docs = await issueMany(terminal, fx.device, 3);
    worker.start();
    // the portal's answers take the worker offline: it probes (the portal answers the probe too), sends one canary
    // (the first document), and so on — the first document collects the unconfirmed attempts
    await waitFor(() => (attemptsByDocument(terminal.db).get(docs[0]!.id)?.length ?? 0) >= 4, 20_000, 'four attempts of the first document');
    worker.pause();
    await new Promise((r) => setTimeout(r, 300)); // requests already on the wire finish

    // nothing was marked reported by the portal's answers
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['queued']));
    expect(worker.status().counts).toMatchObject({ reported: 0, reportedWithWarnings: 0, queued: 3 });
    const attempts = [...attemptsByDocument(terminal.db).values()].flat();
    for (const a of attempts) expect(a).toMatchObject({ outcome: 'unknown-outcome', reason: 'unconfirmed' });
    expect(new Set(attempts.map((a) => a.http_status))).toEqual(new Set([200, 409]));
    // every resend carried the identical stored payload
    const stored = new Map(storedDocuments(terminal.db).map((d) => [d.uuid, d]));
    expect(portal.caught.get(docs[0]!.uuid)!.length).toBeGreaterThanOrEqual(4);
    for (const d of docs.filter((doc) => portal.caught.has(doc.uuid))) {
      const bodies = portal.caught.get(d.uuid)!;
      expect(new Set(bodies).size).toBe(1);
      expect(JSON.parse(bodies[0]!)).toEqual({ invoiceHash: d.hash, uuid: d.uuid, invoice: stored.get(d.uuid)!.xml.toString('base64') });
    }
    // one alert for the streak, naming the document and how many attempts went unconfirmed
    const unconfirmed = alerts.filter((a) => a.kind === 'unconfirmed-answers');
    expect(unconfirmed).toHaveLength(1);
    expect(unconfirmed[0]).toMatchObject({ attempts: 3, message: expect.stringMatching(/captive portal/) });
    expect(unconfirmed[0]).toMatchObject({ documentId: docs[0]!.id, number: docs[0]!.number });
    expect(reportedByHash(sim).size).toBe(0);

    // the portal lets traffic through: the same bytes reach Fatoora, each document is reported exactly once
    portal.open = true;
    worker.resume();
    worker.nudge();
    await waitFor(() => settled(worker), 30_000, 'settled after the portal opened');
    await worker.stop();
    expect(new Set(jobStates(terminal.db).values())).toEqual(new Set(['reported']));
    for (const d of docs) expect(reportedByHash(sim).get(d.hash)).toBe(1);
  });
});
