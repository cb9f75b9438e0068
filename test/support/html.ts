import { parse, type HTMLElement } from 'node-html-parser';

export function parseHtml(html: string): HTMLElement {
  return parse(html);
}

/** The text of the first element matching `selector`, trimmed; '' if there is none. */
export function textOf(root: HTMLElement, selector: string): string {
  return root.querySelector(selector)?.text.replace(/\s+/g, ' ').trim() ?? '';
}
