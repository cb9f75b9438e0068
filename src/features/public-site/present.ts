/** Shapes channels for the pages: the summary-list rows the channel card shows. */
import type { Channel } from './content/types.js';
import type { Translator } from './messages/index.js';
import { longDate } from './render.js';

interface Row {
  key: { text: string };
  value: { text?: string; html?: string };
}

export interface ChannelView {
  code: string;
  name: string;
  summary: string;
  localOnly: boolean;
  rows: Row[];
  howTo: string | null;
  checked: string | null;
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

function link(href: string, text: string): string {
  return `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

/** A phone number as a link a mobile can call: only digits and a leading + survive. */
function telLink(number: string): string {
  return link(`tel:${number.replace(/[^\d+]/g, '')}`, number);
}

export function presentChannel(channel: Channel, tr: Translator): ChannelView {
  const rows: Row[] = [];
  const row = (key: string, value: Row['value']) => rows.push({ key: { text: tr.t(key) }, value });
  if (channel.phone) row('common.phone', { html: telLink(channel.phone) });
  if (channel.outOfHoursPhone) row('common.outOfHours', { html: telLink(channel.outOfHoursPhone) });
  if (channel.textNumber) row('common.text', { text: channel.textNumber });
  if (channel.email) row('common.email', { html: link(`mailto:${channel.email}`, channel.email) });
  if (channel.webUrl) {
    const ours = channel.webUrl.startsWith('/');
    row('common.website', {
      html: link(
        channel.webUrl,
        ours ? tr.t('common.useTheForm') : channel.webUrl.replace(/^https:\/\/(www\.)?/, ''),
      ),
    });
  }
  row('common.opening', { text: channel.openingHours ?? tr.t('common.openingUnknown') });
  row('common.whoReceives', { text: channel.whoReceives });
  row('common.anonymity', { text: channel.anonymityNote });
  const checked = longDate(channel.verifiedOn, tr.locale);
  return {
    code: channel.code,
    name: channel.name,
    summary: channel.summary,
    localOnly: channel.isLocal,
    rows,
    howTo: channel.howTo,
    checked: checked ? tr.t('common.checked', { date: checked }) : null,
  };
}
