// SPDX-License-Identifier: UNLICENSED
// A tiny DOM builder. The UI is made of elements and text nodes only: no HTML strings anywhere (the CSP enforces it
// with Trusted Types and no policy), so nothing a product name or a ZATCA message contains can become markup.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly id?: string;
  /** Plain attributes: aria-*, data-*, role, type, dir, lang, placeholder, for, … (false/undefined = absent). */
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly on?: { readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  readonly value?: string;
  readonly checked?: boolean;
  readonly disabled?: boolean;
  readonly hidden?: boolean;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: (Child | readonly Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, listener] of Object.entries(props.on ?? {})) el.addEventListener(type, listener as EventListener);
  if (props.value !== undefined) (el as unknown as HTMLInputElement).value = props.value;
  if (props.checked !== undefined) (el as unknown as HTMLInputElement).checked = props.checked;
  if (props.disabled) (el as unknown as HTMLInputElement).disabled = true;
  if (props.hidden) el.hidden = true;
  append(el, children);
  return el;
}

function append(el: Node, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else if (c !== null && c !== undefined && c !== false) el.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces an element's content. */
export function mount(el: Element, ...children: (Child | readonly Child[])[]): void {
  el.replaceChildren();
  append(el, children);
}

/** A number or amount kept left-to-right inside Arabic text. */
export function num(text: string, cls = 'num'): HTMLSpanElement {
  return h('span', { class: cls, attrs: { dir: 'ltr' } }, text);
}

export function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el as T;
}
