/**
 * The outgoing channels: e-mail through SMTP (nodemailer) and webhooks signed with
 * HMAC-SHA256. A receiver checks `X-CertHub-Signature: sha256=<hex>` over
 * `<X-CertHub-Timestamp>.<raw body>` with the shared secret and refuses old timestamps.
 */
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string | undefined;
  pass?: string | undefined;
  from: string;
}

export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
  close(): void;
}

export function smtpMailer(smtp: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from: smtp.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

export const SIGNATURE_HEADER = 'X-CertHub-Signature';
export const TIMESTAMP_HEADER = 'X-CertHub-Timestamp';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">` */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function verifyWebhookSignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given);
}

/** Posts a signed JSON body; throws on a network error or a non-2xx answer. */
export async function postWebhook(url: string, secret: string, body: string, now: Date): Promise<void> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'CERT-Hub-Webhook/1',
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, body),
    },
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  await res.body?.cancel();
  if (res.status < 200 || res.status > 299) throw new Error(`HTTP ${res.status}`);
}
