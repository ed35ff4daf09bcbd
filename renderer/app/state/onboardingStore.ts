// SPDX-License-Identifier: UNLICENSED
// The onboarding wizard's state: shop details + environment + the OTP from the Fatoora portal, the steps of reference
// §10 with their progress, and the onboarding service's refusals by catalog code, field by field.
import { batch, signal, type Signal } from '@preact/signals';
import type { ApiError } from '../../../app/contract/errors';
import type { OnboardingEnvironment, OnboardingProgress } from '../../../app/contract/types';
import { FocusRequests } from './focus';
import type { AppServices } from './services';

export const ENVIRONMENTS = ['simulation', 'production', 'developer-portal', 'local-simulator'] as const satisfies readonly OnboardingEnvironment[];

export const SHOP_FIELDS = [
  'vatNumber',
  'crn',
  'nameAr',
  'nameEn',
  'branch',
  'industry',
  'street',
  'building',
  'district',
  'city',
  'postalCode',
  'otp',
] as const;

export type ShopField = (typeof SHOP_FIELDS)[number];
export type OnboardingInput = ShopField | 'environment';

/** The service's field paths (e.g. "address.building", "sellerName.ar") and the inputs they name. */
export const FIELD_OF: Readonly<Record<string, OnboardingInput>> = {
  vatNumber: 'vatNumber',
  crn: 'crn',
  'sellerName.ar': 'nameAr',
  'sellerName.en': 'nameEn',
  branch: 'branch',
  industry: 'industry',
  'address.street': 'street',
  'address.building': 'building',
  'address.district': 'district',
  'address.city': 'city',
  'address.postalCode': 'postalCode',
  otp: 'otp',
  environment: 'environment',
};

export type OnboardingMessage =
  | { readonly kind: 'none' }
  | { readonly kind: 'running' }
  | { readonly kind: 'done'; readonly environment: string }
  /** The last step failed: the service's refusal, shown in the screen's language with its problems. */
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'error'; readonly text: string };

export class OnboardingStore {
  readonly environments: readonly (typeof ENVIRONMENTS)[number][];
  readonly values = Object.fromEntries(SHOP_FIELDS.map((f) => [f, signal('')])) as Record<ShopField, Signal<string>>;
  readonly environment: Signal<string>;
  readonly standard = signal(false);
  readonly progress = signal<OnboardingProgress | null>(null);
  readonly message = signal<OnboardingMessage>({ kind: 'none' });
  /** The inputs the service found fault with. */
  readonly invalid = signal<ReadonlySet<OnboardingInput>>(new Set());
  readonly busy = signal(false);
  readonly focus = new FocusRequests<OnboardingInput>();

  constructor(private readonly app: AppServices) {
    const offered = app.session.peek().onboardingEnvironments;
    this.environments = ENVIRONMENTS.filter((e) => offered.includes(e));
    this.environment = signal(this.environments[0] ?? '');
  }

  /** Loads where onboarding stands (it may have run before, or be running). */
  async load(): Promise<void> {
    try {
      this.show(await this.app.api['onboarding.get']({}));
    } catch {
      // nothing to show yet: the form is there to start
    }
  }

  /** Progress from main, as answer or as event. */
  show(p: OnboardingProgress): void {
    batch(() => {
      this.progress.value = p;
      const invalid = new Set<OnboardingInput>();
      if (p.state === 'done') this.message.value = { kind: 'done', environment: p.environment ?? '' };
      else if (p.state === 'failed' && p.error) {
        const fields = p.error.fields ?? [];
        for (const f of fields) {
          const input = FIELD_OF[f.path];
          if (input) invalid.add(input);
        }
        this.message.value = { kind: 'failed', error: p.error };
        const first = fields.map((f) => FIELD_OF[f.path]).find((input) => input !== undefined);
        if (first) this.focus.focus(first);
      } else if (p.state === 'in-progress') this.message.value = { kind: 'running' };
      else this.message.value = { kind: 'none' };
      this.invalid.value = invalid;
      this.busy.value = p.state === 'in-progress';
    });
  }

  async start(): Promise<void> {
    batch(() => {
      this.busy.value = true;
      this.message.value = { kind: 'running' };
    });
    const v = (f: ShopField) => this.values[f].peek();
    try {
      const progress = await this.app.api['onboarding.start']({
        environment: this.environment.peek() as (typeof ENVIRONMENTS)[number],
        otp: v('otp').trim(),
        standardInvoices: this.standard.peek(),
        shop: {
          vatNumber: v('vatNumber'),
          crn: v('crn'),
          sellerName: { ar: v('nameAr'), en: v('nameEn') },
          branch: v('branch'),
          industry: v('industry'),
          address: { street: v('street'), building: v('building'), district: v('district'), city: v('city'), postalCode: v('postalCode') },
        },
      });
      this.values.otp.value = ''; // an OTP is single use
      this.show(progress);
      if (progress.state === 'done') {
        await this.app.refreshSession();
        // live now: a manager still on the factory PIN chooses their own before anything else (also on mode-changed)
        if (this.app.session.peek().pinChangeRequired) this.app.go('manager');
      }
    } catch (e) {
      batch(() => {
        this.message.value = { kind: 'error', text: this.app.errorText(e) };
        this.busy.value = false;
      });
    }
  }
}
