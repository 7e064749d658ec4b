// link-tracking: tracking parameters in links (click ids copied from a browser; campaign tags), with a safe fix
// that removes them from the URL in the draft.
import type { PostRule } from '../../src/types.js';
import { ruleData } from '../../src/data-files.js';

interface Options {
  /** Parameter names (or prefixes ending in '*') to keep, e.g. ['utm_*']. */
  allowParameters: string[];
}

interface ParameterData {
  clickIds: string[];
  campaignTags: string[];
}

const matchesName = (name: string, pattern: string) =>
  pattern.endsWith('*') ? name.toLowerCase().startsWith(pattern.slice(0, -1).toLowerCase()) : name.toLowerCase() === pattern.toLowerCase();

/** The URL without the tracking parameters, and which were removed. */
export function removeTrackingParameters(url: string, tracked: (name: string) => boolean): { url: string; removed: string[] } {
  const queryStart = url.indexOf('?');
  if (queryStart === -1) return { url, removed: [] };
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
  const fragment = hashStart === -1 ? '' : url.slice(hashStart);
  const removed: string[] = [];
  const kept = query.split('&').filter((pair) => {
    if (pair === '') return false;
    const name = decodeURIComponentSafe(pair.split('=')[0]);
    if (tracked(name)) {
      removed.push(name);
      return false;
    }
    return true;
  });
  if (removed.length === 0) return { url, removed };
  return { url: `${url.slice(0, queryStart)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${fragment}`, removed };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const rule: PostRule<Options> = {
  meta: {
    id: 'link-tracking',
    description: 'Links carry no tracking parameters: click ids (fbclid, gclid, si …) identify who shared them; campaign tags leak internal naming.',
    defaultSeverity: 'warn',
    tags: ['links', 'privacy'],
    fixable: true,
    scope: 'post',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowParameters: { type: 'array', items: { type: 'string' }, default: [], description: "Parameters to keep, e.g. ['utm_*'] when you tag links on purpose." },
      },
    },
  },
  check({ post, options, report }) {
    if (post.links.length === 0) return;
    const data = ruleData<ParameterData>(import.meta.url, 'parameters.yaml') ?? { clickIds: [], campaignTags: [] };
    const patterns = [...data.clickIds, ...data.campaignTags];
    const tracked = (name: string) => patterns.some((pattern) => matchesName(name, pattern)) && !options.allowParameters.some((pattern) => matchesName(name, pattern));
    const isClickId = (name: string) => data.clickIds.some((pattern) => matchesName(name, pattern));
    for (const link of post.links) {
      const { url: cleaned, removed } = removeTrackingParameters(link.url, tracked);
      if (removed.length === 0) continue;
      // The fix replaces the URL where it is written literally inside the link's source.
      const written = post.source.indexOf(link.url, link.start);
      const fix = written !== -1 && written + link.url.length <= link.end ? { range: [written, written + link.url.length] as [number, number], text: cleaned } : undefined;
      const clickIds = removed.filter(isClickId);
      report({
        message: clickIds.length > 0
          ? `link carries a click id (${clickIds.join(', ')}) that identifies whoever shared it`
          : `link carries campaign tracking parameters (${removed.join(', ')})`,
        kind: clickIds.length > 0 ? 'click-id' : 'campaign',
        start: link.start,
        end: link.end,
        suggestion: `use ${cleaned}`,
        fix,
      });
    }
  },
};

export default rule;
