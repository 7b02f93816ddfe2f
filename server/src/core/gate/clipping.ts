import type { UserConfig } from '../config/types';
import type { TemplateModel } from '../model/types';
import { findPostalAddress } from '../rules/support/postal-address';
import { findUnsubscribeOffers } from '../rules/support/unsubscribe';

/**
 * Gmail shows the first ~102 KB of a message's HTML and hides the rest behind "[Message
 * clipped] View entire message". Google does not publish the exact figure; 102 × 1024 bytes
 * is the value senders measure and the one Presend uses. An opt-out behind the clip is one
 * most readers never see.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;

export interface ClipPlacement {
  /** UTF-8 bytes of the compiled HTML. */
  bytes: number;
  /** Byte offset where the earliest unsubscribe link or tag ends; absent when there is none. */
  unsubscribeEnd?: number;
  /** Byte offset where the text holding the postal address ends; absent when there is none. */
  addressEnd?: number;
}

/** Measures the compiled HTML and places its opt-out elements in bytes. */
export function placeOptOut(model: TemplateModel, html: string, user: UserConfig): ClipPlacement {
  const toBytes = (offset: number) => Buffer.byteLength(html.slice(0, offset), 'utf8');
  const placement: ClipPlacement = { bytes: Buffer.byteLength(html, 'utf8') };

  // The element must end before the clip to be usable, so the end offset counts.
  const offerEnds = findUnsubscribeOffers(model, user)
    .map((offer) => (offer.link ?? offer.tag ?? offer.run)?.span.end)
    .filter((end): end is number => end !== undefined);
  if (offerEnds.length > 0) {
    placement.unsubscribeEnd = toBytes(Math.min(...offerEnds));
  }

  const addressEnd = addressEndOffset(model);
  if (addressEnd !== undefined) {
    placement.addressEnd = toBytes(addressEnd);
  }
  return placement;
}

/**
 * Where the postal address ends, in UTF-16 offsets: the sender-address merge tag, or the
 * visible text run the address starts in. An address split over several runs is placed by
 * its first run, which can put its end a line early.
 */
function addressEndOffset(model: TemplateModel): number | undefined {
  const match = findPostalAddress(model);
  if (!match) {
    return undefined;
  }
  if (match.kind === 'merge-tag') {
    return model.mergeTags.find((tag) => tag.raw === match.text)?.span.end;
  }
  const head = match.text.slice(0, 12);
  return model.textRuns.find((run) => !run.hidden && run.text.includes(head))?.span.end;
}
