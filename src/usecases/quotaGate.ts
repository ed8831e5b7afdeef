import { AppError } from '../errors/catalogue';
import type { QuotaConfig, QuotaLimits } from '../config/config';
import { QuotaCaller, quotaWindows, QuotaWindow, rateLimitHeaders, resetTime } from '../auth/quotaWindows';
import { domainQuota } from '../execute/domainQuotaStore';
import type { QuotaCounters } from '../execute/quotaCounters';
import type { Queryable } from '../execute/queryable';

/** A domain's quotas for both kinds of caller. */
interface DomainLimits { anonymous: QuotaLimits; key: QuotaLimits }

/** What counting one call gave: the `X-RateLimit-*` headers, and the 429 to answer when a window is spent. */
export interface QuotaVerdict { headers: Record<string, string>; refusal?: AppError }

/** How long a domain's quota settings are kept in memory (a change is seen within this time). */
const SETTINGS_TTL_MS = 30_000;
/** Counters outlive their window a little, so that clocks a second apart never reopen one. */
const COUNTER_GRACE_SECONDS = 10;

const MESSAGES = {
  key: 'Too many requests on the domain. Please contact the domain administrator.',
  anonymous: 'You have exceeded the requests limit for anonymous users.',
} as const;

/**
 * Counts calls per domain and caller (an API key, or an anonymous address) against the domain's
 * quotas (its `domain_quotas` row, or the configured defaults): first the second's burst, then the
 * UTC day. A call refused by the burst is not counted in the day.
 */
export class QuotaGate {
  private readonly settings = new Map<string, { limits: DomainLimits; until: number }>();

  constructor(private readonly counters: QuotaCounters, private readonly store: Queryable, private readonly defaults: QuotaConfig) {}

  async charge(domain: string, caller: QuotaCaller, now: number): Promise<QuotaVerdict> {
    const limits = (await this.limitsOf(domain, now))[caller.kind === 'key' ? 'key' : 'anonymous'];
    const { day, second } = quotaWindows(domain, caller, limits, now);
    const ttl = (w: QuotaWindow): number => (w.endsAt - now) / 1000 + COUNTER_GRACE_SECONDS;
    if ((await this.counters.add(second.counter, ttl(second))) > second.limit) {
      return { headers: rateLimitHeaders(day, await this.counters.get(day.counter)), refusal: refusal(caller, second, now) };
    }
    const used = await this.counters.add(day.counter, ttl(day));
    return { headers: rateLimitHeaders(day, used), ...(used > day.limit ? { refusal: refusal(caller, day, now) } : {}) };
  }

  /** A domain's quotas, kept for a while; the defaults when the domain sets none or the store cannot say. */
  private async limitsOf(domain: string, now: number): Promise<DomainLimits> {
    const cached = this.settings.get(domain);
    if (cached !== undefined && cached.until > now) return cached.limits;
    const row = await domainQuota(this.store, domain).catch(() => undefined);
    const { anonymous, key } = this.defaults;
    const limits = {
      anonymous: { perDay: row?.anonymousPerDay ?? anonymous.perDay, perSecond: row?.anonymousPerSecond ?? anonymous.perSecond },
      key: { perDay: row?.keyPerDay ?? key.perDay, perSecond: row?.keyPerSecond ?? key.perSecond },
    };
    this.settings.set(domain, { limits, until: now + SETTINGS_TTL_MS });
    return limits;
  }
}

function refusal(caller: QuotaCaller, w: QuotaWindow, now: number): AppError {
  const quota = { resetTime: resetTime(w), limitTimeUnit: w.unit, callLimit: w.limit };
  const retryAfterSeconds = Math.max(1, Math.ceil((w.endsAt - now) / 1000));
  return caller.kind === 'key'
    ? new AppError('too_many_requests', MESSAGES.key, { retryAfterSeconds, quota })
    : new AppError('too_many_anonymous_requests', MESSAGES.anonymous, { retryAfterSeconds, quota });
}
