import type { z } from 'zod';
import { appChannels } from './app.ts';
import { appendicesChannels } from './appendices.ts';
import { calendarChannels } from './calendar.ts';
import { filesChannels } from './files.ts';
import { hintsChannels } from './hints.ts';
import { imagesChannels } from './images.ts';
import { incomingChannels } from './incoming.ts';
import { issuingChannels } from './issuing.ts';
import { organizationsChannels } from './organizations.ts';
import { outgoingChannels } from './outgoing.ts';
import { overviewChannels } from './overview.ts';
import { registersChannels } from './registers.ts';
import { reportsChannels } from './reports.ts';
import { layoutChannels } from './layout.ts';
import { lockChannels } from './lock.ts';
import { officeChannels } from './office.ts';
import { metadataChannels } from './metadata.ts';
import { ocrChannels } from './ocr.ts';
import { settingsChannels } from './settings.ts';
import { signingChannels } from './signing.ts';
import { syncChannels } from './sync.ts';
import { theThucChannels } from './the-thuc.ts';
import { tokensChannels } from './tokens.ts';
import { verifyChannels } from './verify.ts';

/**
 * Every request/response channel of the app. Features keep their definitions in their own
 * file in this folder and are merged here; main and the browser host register the same map.
 */
export const channels = {
  ...appChannels,
  ...appendicesChannels,
  ...calendarChannels,
  ...filesChannels,
  ...hintsChannels,
  ...imagesChannels,
  ...incomingChannels,
  ...issuingChannels,
  ...organizationsChannels,
  ...outgoingChannels,
  ...overviewChannels,
  ...registersChannels,
  ...reportsChannels,
  ...layoutChannels,
  ...lockChannels,
  ...officeChannels,
  ...metadataChannels,
  ...ocrChannels,
  ...settingsChannels,
  ...signingChannels,
  ...syncChannels,
  ...theThucChannels,
  ...tokensChannels,
  ...verifyChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}
