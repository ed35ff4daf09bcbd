// SPDX-License-Identifier: UNLICENSED
// A Fatoora simulator in a process of its own, with a terminal already onboarded on it — for measurements where the
// simulator's own CPU (verifying every document) must not be counted as the reporting worker's. Reads
// {latencyMs, validator: 'stamp' | 'full' | 'accept'} as JSON on stdin ('accept': the throughput mode, which takes
// every document on its own word, acceptingValidator.ts), prints one JSON line {url, token, secret, privateKeyPem}
// (test material for the parent, never logged), and runs until stdin closes or it is killed.
import { verifyInvoice } from '../../app/verify/verifyInvoice';
import { encodeSec1PrivateKeyPem } from '../../app/keys/privateKey';
import { startFatooraSimulator } from '../../main/fatooraSimulator/index';
import { onboardSimulatorDevice } from '../support/simulatorDevice';
import { acceptingValidator } from './acceptingValidator';

interface Input {
  readonly latencyMs: number;
  readonly validator: 'stamp' | 'full' | 'accept';
}

async function main(): Promise<void> {
  const chunks: string[] = [];
  process.stdin.setEncoding('utf8');
  const first = await new Promise<string>((resolve) => {
    process.stdin.on('data', (c: string) => {
      chunks.push(c);
      if (chunks.join('').includes('\n')) resolve(chunks.join(''));
    });
  });
  const input = JSON.parse(first.split('\n')[0]!) as Input;
  const sim = await startFatooraSimulator(
    input.validator === 'stamp'
      ? { validateInvoice: (xml, { now }) => verifyInvoice(xml, { now, rules: () => [] }) }
      : input.validator === 'accept'
        ? { validateInvoice: acceptingValidator }
        : {},
  );
  const device = await onboardSimulatorDevice(sim);
  sim.faults.set({ latencyMs: input.latencyMs, endpoints: ['reporting'] });
  process.stdout.write(
    `${JSON.stringify({
      url: sim.urls.simulation,
      token: device.credentials.binarySecurityToken,
      secret: device.credentials.secret.reveal(),
      privateKeyPem: encodeSec1PrivateKeyPem(device.onboarded.egs.privateKey),
    })}\n`,
  );
  process.stdin.on('end', () => void sim.close().then(() => process.exit(0)));
}

void main();
