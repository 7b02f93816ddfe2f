import { pick, seededRandom } from './random';

/**
 * MJML templates of a given size for the made-up Riverbend Family Clinic, built from the blocks
 * real newsletters and reminders are made of: appointment reminders, promotions, health tips,
 * and one footer with the unsubscribe link and the postal address. Blocks vary in their words
 * and merge tags so that no step can profit from a block repeated verbatim.
 */

const OFFICES = ['Millbrook', 'Cedar Hollow', 'Riverside', 'North Ridge', 'Willow Park'];
const SERVICES = ['flu shots', 'annual wellness visits', 'sports physicals', 'travel vaccines', 'diabetes education classes', 'blood pressure checks'];
const TIPS = [
  'A 20-minute walk after dinner helps keep blood sugar steady.',
  'Keep a list of your medicines and bring it to every visit.',
  'Seven to nine hours of sleep a night helps your immune system.',
  'Wash your hands for twenty seconds, especially before meals.',
  'Sunscreen with SPF 30 or more protects even on cloudy days.',
  'Drink water before you feel thirsty, more when it is hot.',
];

const HEAD = `<!-- presend
category: marketing
subject: News and reminders from Riverbend Family Clinic
from: news@news.riverbend-clinic.example
-->
<mjml>
  <mj-head>
    <mj-title>News and reminders from Riverbend Family Clinic</mj-title>
    <mj-preview>Your visit, this month's tips and what is new at the clinic.</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="24px" color="#1f2933" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f4f6f8">
`;

const FOOTER = `    <mj-section background-color="#ffffff">
      <mj-column>
        <mj-text font-size="13px" color="#52606d">
          Riverbend Family Clinic, 1200 Riverbend Road, Suite 300, Millbrook, OR 97999. Call us at (503) 555-0142.
          You receive this email because you are a patient of Riverbend Family Clinic.
          <a href="{{ unsubscribe_url }}" style="color:#0b6e4f">Unsubscribe</a> or
          <a href="{{ preferences_url }}" style="color:#0b6e4f">update your preferences</a>.
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`;

function appointmentBlock(index: number, random: () => number): string {
  return `    <mj-section background-color="#ffffff" padding="16px 0">
      <mj-column>
        <mj-text font-size="20px" font-weight="bold">Hello {{ patient.first_name }},</mj-text>
        <mj-text>
          This is a reminder of your visit on {{ appt.date }} at {{ appt.time }} with {{ provider.name }}
          at our ${pick(random, OFFICES)} office. Please arrive 15 minutes early and bring your insurance card
          and a list of the medicines you take. Visit ${index + 1} of this series.
        </mj-text>
        <mj-button href="{{ portal_link }}" background-color="#0b6e4f" color="#ffffff">Confirm or reschedule</mj-button>
      </mj-column>
    </mj-section>
`;
}

function promoBlock(index: number, random: () => number): string {
  const service = pick(random, SERVICES);
  return `    <mj-section background-color="#e8f3ee" padding="16px 0">
      <mj-column width="40%">
        <mj-image src="https://www.riverbend-clinic.example/images/promo-${index}.png" alt="${service} at Riverbend" width="200px" />
      </mj-column>
      <mj-column width="60%">
        <mj-text font-size="18px" color="#0b6e4f">Now offering ${service} at ${pick(random, OFFICES)}</mj-text>
        <mj-text>Book this week and save 15% on your visit. Limited spots, so reserve yours today!</mj-text>
        <mj-button href="https://www.riverbend-clinic.example/book?utm_source=email&amp;utm_campaign=spring-${index}" background-color="#f59e0b">Book now</mj-button>
      </mj-column>
    </mj-section>
`;
}

function tipsBlock(random: () => number): string {
  return `    <mj-section background-color="#ffffff" padding="8px 0">
      <mj-column>
        <mj-text font-weight="bold">Tip of the month</mj-text>
        <mj-text>${pick(random, TIPS)}</mj-text>
      </mj-column>
      <mj-column>
        <mj-text font-weight="bold">From our care team</mj-text>
        <mj-text>${pick(random, TIPS)} Ask {{ provider.name }} at your next visit.</mj-text>
      </mj-column>
    </mj-section>
`;
}

/**
 * Returns a template of at most `bytes` bytes (UTF-8), and at least a head, one block and the
 * footer. Blocks are added in a fixed rotation until the next one would not fit.
 */
export function generateTemplate(bytes: number, seed = 1): string {
  const random = seededRandom(seed);
  const parts = [HEAD];
  let size = Buffer.byteLength(HEAD) + Buffer.byteLength(FOOTER);
  for (let index = 0; ; index++) {
    const kind = index % 3;
    const block = kind === 0 ? appointmentBlock(index, random) : kind === 1 ? promoBlock(index, random) : tipsBlock(random);
    const blockSize = Buffer.byteLength(block);
    if (index > 0 && size + blockSize > bytes) break;
    parts.push(block);
    size += blockSize;
  }
  parts.push(FOOTER);
  return parts.join('');
}
