/**
 * Access tokens: short-lived JWTs, HS256 pinned, issuer and audience checked, time from
 * the injected clock. Refresh tokens: random, stored only as a SHA-256 hash.
 */
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { Clock } from '../platform/clock.js';

const ISSUER = 'cert-hub';
const AUDIENCE = 'cert-hub-api';
const ALGORITHM = 'HS256';

export interface AccessClaims {
  sub: string;
  sid: string;
}

export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly clock: Clock,
  ) {}

  get accessTtlSeconds() {
    return this.ttlSeconds;
  }

  signAccess(claims: AccessClaims): string {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return jwt.sign({ sid: claims.sid, iat }, this.secret, {
      algorithm: ALGORITHM,
      subject: claims.sub,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.ttlSeconds,
    });
  }

  /** Returns the claims, or null for any token that is not ours, not valid or expired. */
  verifyAccess(token: string): (AccessClaims & { exp: number }) | null {
    try {
      const payload = jwt.verify(token, this.secret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      return { sub: payload.sub, sid: payload.sid, exp: Number(payload.exp) };
    } catch {
      return null;
    }
  }
}

export const newRefreshToken = () => crypto.randomBytes(32).toString('base64url');
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
