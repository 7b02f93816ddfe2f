import type { PhraseConfig } from './types';

/**
 * The default phrase lists. Weights: 3 a strong signal that alone labels a block, 2 a medium
 * one that labels a block alone, 1 a weak one that needs company. Matching ignores case,
 * whole words only; a number in a phrase matches any number or value-printing merge tag, so
 * `9% off` matches `20% off` and `{{pct}}% off`. See `docs/classifier.md` for the intent.
 */

const promotional: Record<string, number> = {
  // Offers, discounts and prices. A bare price is weak because receipts are full of them.
  '9% off': 3,
  'save 9%': 3,
  'save $9': 3,
  '9% discount': 3,
  'only $': 2,
  'from $9': 2,
  'starting at $9': 2,
  '$9': 1,
  discount: 1,
  'special offer': 3,
  'exclusive offer': 3,
  'exclusive offers': 3,
  exclusive: 2,
  'special pricing': 3,
  'introductory price': 3,
  'buy one get one': 3,
  'free gift': 3,
  'free shipping': 3,
  'free consultation': 3,
  'free trial': 2,
  deals: 2,
  'newest offers': 3,
  'our offers': 2,
  'best deals': 3,
  'gift card': 2,

  // Promo codes.
  'promo code': 3,
  'coupon code': 3,
  'discount code': 3,
  'use this discount': 3,
  'use your discount': 3,
  // Medium, because login and verification mails also contain `use code`.
  'use code': 2,
  'at checkout': 2,
  coupon: 2,

  // Urgency.
  'limited time': 3,
  'limited spots': 3,
  'spots are limited': 3,
  'while supplies last': 3,
  'act now': 3,
  'book now and save': 3,
  'book now': 2,
  "don't miss out": 3,
  "don't miss": 2,
  'sale ends': 3,
  'ends soon': 2,

  // New or paid services.
  'new service': 2,
  'new services': 2,
  'now offering': 2,
  'now accepting new patients': 3,
  'accepting new patients': 3,
  introducing: 2,
  'new patient special': 3,
  'membership plan': 3,
  'membership plans': 3,
  upgrade: 2,
  'upgrade now': 3,
  'premium plan': 2,

  // Referral rewards.
  'refer a friend': 3,
  'referral bonus': 3,
  'referral reward': 3,

  // Product sales.
  shop: 2,
  'shop now': 3,
  'buy now': 3,
  'order today': 3,
  'order now': 3,
  'purchase now': 3,
  sale: 2,
  'flash sale': 3,
  'new arrivals': 3,
  'newest collection': 2,
  'new products': 1,
  'your next purchase': 2,

  // Events and newsletters.
  'join us': 2,
  'register now': 3,
  'reserve your spot': 3,
  'save your spot': 3,
  'save the date': 2,
  webinar: 2,
  'wellness fair': 3,
  'health fair': 3,
  "this month's tips": 3,
  'upcoming events': 2,
  newsletter: 2,
  'forward to a friend': 2,
  'you subscribed': 2,
  subscribed: 1,
  subscriber: 1,
  'read more': 1,
  'keep reading': 1,
  'learn more': 1,
  'view in browser': 1,
  'in your browser': 1,
  'view online': 1,
  'web version': 1,
  unsubscribe: 1,
  'update your preferences': 1,
  'subscription preferences': 1,
  'manage subscription': 1,
  'how you receive these emails': 1,
  'opted in': 1,
  'follow us': 1,

  // Re-engagement.
  'we miss you': 3,
  'come back': 2,
  'come on back': 2,
  'token of our appreciation': 2,

  // Cosmetic and elective offers from a practice.
  'teeth whitening': 3,
  whitening: 2,
  cosmetic: 2,
  botox: 3,
  'laser hair removal': 3,
  spa: 2,
  'med spa': 3,
  facial: 2,
};

const transactional: Record<string, number> = {
  // Appointments.
  'your appointment': 2,
  appointment: 1,
  // Spelled out with `your` too, because the longer phrase starting at `your` would win.
  'appointment is scheduled': 3,
  'your appointment is scheduled': 3,
  'your appointment is confirmed': 3,
  'appointment is confirmed': 3,
  'appointment confirmation': 3,
  'appointment reminder': 3,
  'upcoming appointment': 3,
  'confirm your appointment': 3,
  'appointment has been cancelled': 3,
  'appointment has been canceled': 3,
  reminder: 2,
  // Marketing nudges use it as much as notices ("a friendly reminder that the sale ends
  // Friday"), so it is weak; a real reminder names the appointment or the refill as well.
  'friendly reminder': 1,
  reschedule: 2,
  'check-in': 2,
  'your visit': 2,
  'video visit': 2,

  // Results.
  'your results are ready': 3,
  'results are available': 3,
  'your results': 2,
  'lab results': 3,
  'test results': 3,
  'visit summary': 3,

  // Statements, receipts and payments.
  statement: 1,
  'your statement': 3,
  'billing statement': 3,
  receipt: 2,
  invoice: 2,
  'amount due': 3,
  'balance due': 3,
  'your balance': 2,
  balance: 1,
  'payment received': 3,
  'payment failed': 3,
  'last payment': 2,
  'has been refunded': 3,
  refund: 2,
  'billing info': 2,
  copay: 2,
  // The tokenizer splits on hyphens, so this also matches 'co-pay'.
  'co pay': 2,
  paid: 1,

  // Accounts and security.
  'reset your password': 3,
  'password reset': 3,
  'reset the password': 3,
  'your password': 2,
  password: 2,
  'verify your email': 3,
  'confirm your email': 3,
  'confirm email': 3,
  'verify your account': 3,
  'confirm your account': 3,
  'unlock your account': 3,
  'recover access': 3,
  'sign-in code': 3,
  'login code': 3,
  'verification code': 3,
  'following code': 2,
  'to log in': 2,
  'to sign in': 2,
  'sign-in method': 3,
  verification: 2,
  credentials: 2,
  'login information': 2,
  'account settings': 2,
  'account registration': 2,
  'security alert': 3,
  'has been changed': 2,
  'did not request': 2,
  "didn't request": 2,
  'ignore this email': 2,
  'confirm your subscription': 3,
  account: 1,
  'your trial': 2,
  'trial ends': 2,
  'trial expired': 2,

  // Pharmacy and care.
  'prescription is ready': 3,
  'your prescription': 2,
  'ready for pickup': 3,
  'refill reminder': 3,
  refill: 2,
  'before your visit': 3,
  'after your procedure': 3,
  'your care instructions': 3,
  'discharge instructions': 3,
  fasting: 2,
  'patient portal': 2,
  'secure message': 3,
  'care team': 1,

  // Benefits and plan changes.
  'changes to your plan': 3,
  'explanation of benefits': 3,
  coverage: 2,
  benefits: 1,

  // Orders and shipping.
  'your order': 2,
  'order number': 2,
  'order #9': 2,
  'order confirmation': 3,
  'has shipped': 3,
  'have shipped': 3,
  'shipping confirmation': 3,
  'tracking number': 2,
  'track your order': 3,
  'date shipped': 2,
  'shipping address': 2,
  'expected delivery': 2,

  // User invitations.
  'invitation to join': 3,
  'has invited you': 3,
  'invited you to': 3,

  // Support channels. "Join us on live chat" offers help, not an event; the longer phrase
  // takes the place of the promotional `join us` that would otherwise match at `join`.
  'join us on live chat': 1,
};

export const DEFAULT_PHRASES: PhraseConfig = Object.freeze({
  promotional: Object.freeze(promotional),
  transactional: Object.freeze(transactional),
});
