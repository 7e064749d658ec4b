// The platform-format rule family: each its own rule id, sharing the platform facts (data/platforms.yaml)
// and the counting module (src/counting).
import type { Rule } from '../../src/types.js';
import maxLength from './max-length/index.js';
import hashtags from './hashtags/index.js';
import links from './links/index.js';
import fold from './fold/index.js';
import markdown from './markdown/index.js';
import media from './media/index.js';

export const platformRules: Rule[] = [maxLength, hashtags, links, fold, markdown, media];
