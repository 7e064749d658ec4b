// no-competitor-links: links (Markdown, autolinks, bare URLs and domains, HTML) and @mentions that send the
// audience to a competitor, matched by registrable domain; shortened links flagged as unverifiable.
import { domainToASCII } from 'node:url';
import { parse as parseDomain } from 'tldts';
import type { PostRule } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';
import { trimTrailing } from '../../src/rule-helpers.js';

interface Options {
  flagShorteners: boolean;
  extraShorteners: string[];
}

interface LinkData {
  shorteners: string[];
  profileHosts: string[];
}

/** Hostnames already normalised: the same few domains (the config's lists, one's own site) recur in every draft. */
const normalizedHostnames = new Map<string, string | undefined>();
const MAX_REMEMBERED_HOSTNAMES = 10_000;

/** 'WWW.Rival.ES.', 'https://rival.es/x', 'xn--…', 'clínica.es' -> 'rival.es' style hostnames, comparable. */
export function normalizeHostname(value: string): string | undefined {
  if (normalizedHostnames.has(value)) return normalizedHostnames.get(value);
  const hostname = computeNormalizedHostname(value);
  if (normalizedHostnames.size >= MAX_REMEMBERED_HOSTNAMES) normalizedHostnames.clear();
  normalizedHostnames.set(value, hostname);
  return hostname;
}

function computeNormalizedHostname(value: string): string | undefined {
  let text = value.trim();
  if (/^mailto:/i.test(text)) text = text.replace(/^mailto:[^@]*@/i, '');
  const parsed = parseDomain(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  let hostname = parsed.hostname;
  if (!hostname) return undefined;
  hostname = trimTrailing(hostname, '.').toLowerCase();
  const ascii = domainToASCII(hostname);
  return ascii || hostname;
}

/** Whether `hostname` is `domain` or one of its subdomains. */
export function isWithinDomain(hostname: string, domain: string): boolean {
  return hostname === domain || hostname.endsWith(`.${domain}`);
}

function normalizeList(values: readonly string[]): string[] {
  return values.map((value) => normalizeHostname(value)).filter((value): value is string => Boolean(value));
}

const normalizedHandle = (value: string) => value.trim().replace(/^@/, '').toLowerCase();

const rule: PostRule<Options> = {
  meta: {
    id: 'no-competitor-links',
    description: "No links or @mentions that send your audience to a competitor's website or profile; shortened links are flagged as unverifiable.",
    defaultSeverity: 'error',
    tags: ['links', 'organisation'],
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        flagShorteners: { type: 'boolean', default: true, description: 'Warn about shortened links (their destination cannot be checked).' },
        extraShorteners: { type: 'array', items: { type: 'string' }, default: [], description: 'More shortener domains.' },
      },
    },
  },
  check({ post, options, settings, report }) {
    const data = ruleData<LinkData>(import.meta.url, 'shorteners.yaml') ?? { shorteners: [], profileHosts: [] };
    const competitors = normalizeList(settings.competitorDomains);
    const own = normalizeList([...settings.ownDomains, ...settings.allowedDomains]);
    const shorteners = normalizeList([...data.shorteners, ...options.extraShorteners]);
    const competitorHandles = new Set(settings.competitorHandles.map(normalizedHandle));

    for (const link of post.links) {
      const hostname = normalizeHostname(link.url);
      if (!hostname) continue;
      const competitor = competitors.find((domain) => isWithinDomain(hostname, domain));
      if (competitor && !own.some((domain) => isWithinDomain(hostname, domain) && domain.length > competitor.length)) {
        report({
          message: `link to a competitor (${competitor}): it sends your audience to another clinic`,
          kind: 'domain',
          start: link.start,
          end: link.end,
          suggestion: 'link to your own page, or to a neutral public-health source (WHO, your health ministry)',
        });
        continue;
      }
      const profileHost = data.profileHosts.find((host) => isWithinDomain(hostname, host));
      if (profileHost && competitorHandles.size > 0) {
        const firstSegment = /^[a-z]+:\/\/[^/]+\/(?:in\/|company\/|@)?([^/?#]+)/i.exec(/^[a-z]+:\/\//i.test(link.url) ? link.url : `https://${link.url}`)?.[1];
        if (firstSegment && competitorHandles.has(normalizedHandle(decodeURIComponent(firstSegment)))) {
          report({
            message: `link to a competitor's ${profileHost} profile (@${normalizedHandle(firstSegment)})`,
            kind: 'profile',
            start: link.start,
            end: link.end,
            suggestion: "remove the link; point to your own profile instead",
          });
          continue;
        }
      }
      if (options.flagShorteners && shorteners.some((domain) => hostname === domain) && !own.some((domain) => hostname === domain)) {
        report({
          message: `shortened link (${hostname}): its destination cannot be checked, and may be a competitor`,
          kind: 'shortener',
          severity: 'warn',
          start: link.start,
          end: link.end,
          suggestion: 'use the full URL so reviewers (and medpost) can see where it goes',
        });
      }
    }

    if (competitorHandles.size > 0) {
      for (const mention of post.mentions) {
        const handle = normalizedHandle(mention.value.split('@')[0]);
        if (competitorHandles.has(handle)) {
          report({
            message: `mention of a competitor (@${handle}): it sends your audience to another clinic`,
            kind: 'mention',
            start: mention.start,
            end: mention.end,
            suggestion: 'remove the mention, or name a neutral source instead',
          });
        }
      }
    }
  },
};

export default rule;
