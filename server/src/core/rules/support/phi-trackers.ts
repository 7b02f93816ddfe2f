import { isHostAt } from './phi-settings';
import type { UrlParts } from './phi-urls';

/**
 * Hosts of click tracking, open tracking and analytics. A link or pixel through one of them shows
 * the vendor who opened or clicked which message. Each entry is a domain (its subdomains
 * included), optionally with a path prefix when the vendor's other paths are ordinary content.
 */
export interface TrackerHost {
  domain: string;
  pathPrefix?: string;
  vendor: string;
}

export const TRACKER_HOSTS: readonly TrackerHost[] = [
  { domain: 'google-analytics.com', vendor: 'Google Analytics' },
  { domain: 'googletagmanager.com', vendor: 'Google Tag Manager' },
  { domain: 'doubleclick.net', vendor: 'Google DoubleClick' },
  { domain: 'googleadservices.com', vendor: 'Google Ads' },
  { domain: 'facebook.com', pathPrefix: '/tr', vendor: 'Meta Pixel' },
  { domain: 'facebook.net', vendor: 'Meta Pixel' },
  { domain: 'list-manage.com', pathPrefix: '/track', vendor: 'Mailchimp click tracking' },
  { domain: 'mcusercontent.com', pathPrefix: '/track', vendor: 'Mailchimp tracking' },
  { domain: 'sendgrid.net', pathPrefix: '/wf/', vendor: 'SendGrid click tracking' },
  { domain: 'sendgrid.net', pathPrefix: '/ls/click', vendor: 'SendGrid click tracking' },
  { domain: 'mandrillapp.com', pathPrefix: '/track', vendor: 'Mandrill tracking' },
  { domain: 'hubspot.com', pathPrefix: '/e', vendor: 'HubSpot tracking' },
  { domain: 'hubspotlinks.com', vendor: 'HubSpot click tracking' },
  { domain: 'hs-analytics.net', vendor: 'HubSpot analytics' },
  { domain: 'hsforms.com', vendor: 'HubSpot tracking' },
  { domain: 'klaviyo.com', pathPrefix: '/ls/click', vendor: 'Klaviyo click tracking' },
  { domain: 'klclick.com', vendor: 'Klaviyo click tracking' },
  { domain: 'klclick1.com', vendor: 'Klaviyo click tracking' },
  { domain: 'exacttarget.com', vendor: 'Salesforce Marketing Cloud tracking' },
  { domain: 'exct.net', vendor: 'Salesforce Marketing Cloud tracking' },
  { domain: 'mktoresp.com', vendor: 'Marketo tracking' },
  { domain: 'mkto-', vendor: 'Marketo tracking' },
  { domain: 'links.iterable.com', vendor: 'Iterable click tracking' },
  { domain: 'customeriomail.com', vendor: 'Customer.io tracking' },
  { domain: 'rs6.net', vendor: 'Constant Contact click tracking' },
  { domain: 'sparkpostmail.com', vendor: 'SparkPost click tracking' },
  { domain: 'pstmrk.it', vendor: 'Postmark click tracking' },
  { domain: 'mjt.lu', vendor: 'Mailjet click tracking' },
  { domain: 'sendibt2.com', vendor: 'Brevo click tracking' },
  { domain: 'sendibt3.com', vendor: 'Brevo click tracking' },
  { domain: 'bat.bing.com', vendor: 'Microsoft Advertising' },
  { domain: 'analytics.tiktok.com', vendor: 'TikTok Pixel' },
  { domain: 'px.ads.linkedin.com', vendor: 'LinkedIn Insight' },
  { domain: 'ct.pinterest.com', vendor: 'Pinterest Tag' },
  { domain: 'hotjar.com', vendor: 'Hotjar' },
  { domain: 'segment.io', vendor: 'Segment' },
  { domain: 'segment.com', pathPrefix: '/v1/', vendor: 'Segment' },
  { domain: 'mixpanel.com', vendor: 'Mixpanel' },
];

/**
 * Query parameters that hand the click to an analytics or marketing system: campaign tags read
 * by the landing page's analytics, and click ids that link the visit to the recipient.
 */
export const ANALYTICS_PARAMS: ReadonlySet<string> = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'ttclid', 'li_fat_id', 'twclid',
  'mc_eid', 'mc_cid', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'mkt_tok',
  '_ke', '_kx', 'vero_id', 'vero_conv', 'ss_email_id', 'trk', 'oly_enc_id', 'oly_anon_id', 'wickedid', 'yclid', '_branch_match_id',
]);

/** `utm_source`, `utm_campaign` and the rest of Google's campaign tags. */
export function isAnalyticsParam(name: string): boolean {
  return name.startsWith('utm_') || ANALYTICS_PARAMS.has(name);
}

/** Returns the tracking vendor behind a URL's host and path, or undefined. */
export function trackerOf(url: UrlParts): TrackerHost | undefined {
  const host = url.host;
  if (host === undefined) {
    return undefined;
  }
  const path = url.path.toLowerCase();
  for (const tracker of TRACKER_HOSTS) {
    if (tracker.domain.endsWith('-')) {
      // A vendor prefix such as `mkto-`: Marketo's per-customer hosts `mkto-ab123.com`.
      if (host.startsWith(tracker.domain) || host.includes(`.${tracker.domain}`)) {
        return tracker;
      }
      continue;
    }
    if (!isHostAt(host, tracker.domain)) {
      continue;
    }
    if (tracker.pathPrefix === undefined || path.startsWith(tracker.pathPrefix)) {
      return tracker;
    }
  }
  return trackingSubdomainOf(host, path);
}

/**
 * ESP click tracking on the sender's own branded subdomain: Mailgun's `email.` (paths `/c/`, `/o/`), SendGrid's
 * `url1234.`, Salesforce's `click.`, `links.` and `trk.` hosts. They still route every click
 * through the vendor.
 */
function trackingSubdomainOf(host: string, path: string): TrackerHost | undefined {
  const first = host.split('.')[0];
  if (host.split('.').length < 3) {
    return undefined;
  }
  if (first === 'email' && /^\/[co]\//.test(path)) {
    return { domain: host, vendor: 'Mailgun click and open tracking' };
  }
  if (/^url\d{3,}$/.test(first)) {
    return { domain: host, vendor: 'SendGrid branded click tracking' };
  }
  if (first === 'click' || first === 'clicks' || first === 'trk' || first === 'track' || first === 'tracking') {
    return { domain: host, vendor: 'a click-tracking subdomain' };
  }
  return undefined;
}
