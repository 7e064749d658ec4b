// A deterministic (seeded) corpus of realistic multilingual drafts for the benchmark: en/es/it, several platforms,
// dated over a year, with links, hashtags, emoji, lists, some identifiers, some advice, some promotion.
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded generator, so every run writes the same corpus. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLATFORMS = ['instagram', 'facebook', 'x', 'linkedin', 'tiktok', 'threads', 'bluesky', 'mastodon', 'youtube'];
const TYPES = ['info', 'info', 'info', 'education', 'news', 'event', 'promo', 'reply', 'neutral', 'testimonial'];

const SENTENCES = {
  en: [
    'Flossing once a day removes the plaque your toothbrush cannot reach.',
    'Adults need at least 150 minutes of moderate activity a week, according to the WHO.',
    'Seasonal flu vaccination is recommended for people over 65 and for pregnant women.',
    'Sunscreen with SPF 30 or more protects your skin even on cloudy days ☀️.',
    'Our new paediatric clinic opens on Monday in the city centre.',
    'Book now: teeth whitening for only €199 until the end of the month!',
    'Did you know that most cavities can be prevented with fluoride toothpaste?',
    'Talk to your doctor before starting any new supplement.',
    'Take 400 mg of ibuprofen every 6 hours if the pain continues.',
    'Our patient John Smith, 45, recovered from knee surgery last week.',
    'Call us at +44 20 7946 0958 to book your check-up.',
    'Guaranteed results in one session, totally painless!',
    'Sleep is medicine: adults need seven to nine hours a night 😴.',
    '9 out of 10 dentists recommend brushing twice a day.',
  ],
  es: [
    'El cepillado dos veces al día reduce el riesgo de caries.',
    'Según la OMS, la actividad física regular previene enfermedades crónicas.',
    'La vacuna de la gripe está recomendada para mayores de 65 años.',
    'Pide cita con tu médico si la tos dura más de tres semanas.',
    '¿Sabías que beber agua ayuda a prevenir los cálculos renales? 💧',
    'Nuestra clínica estrena sala de fisioterapia en Madrid.',
    'Reserva ya tu primera visita gratis, plazas limitadas.',
    'Toma un antibiótico cada 8 horas durante una semana.',
    'La señora García, operada ayer de cadera, ya camina.',
    'Llámanos al 912 345 678 para más información.',
    'Resultados garantizados y sin dolor con nuestro nuevo láser.',
    'El ibuprofeno es un antiinflamatorio que se usa para el dolor.',
  ],
  it: [
    'Lavarsi le mani riduce la diffusione delle infezioni respiratorie.',
    'Secondo l\'ISS, lo screening riduce la mortalità per tumore al seno.',
    'La vitamina D aiuta le ossa e si produce con l\'esposizione al sole.',
    'Consulta il tuo medico prima di iniziare una dieta.',
    'Lo sapevi che il fumo aumenta il rischio di malattie gengivali? 🚭',
    'Il nostro studio apre un nuovo ambulatorio a Milano.',
    'Prenota ora: sconto del 30% sulla pulizia dei denti!',
    'Prendi la tachipirina due volte al giorno per tre giorni.',
    'Il signor Rossi, ricoverato per polmonite, sta meglio.',
    'Chiamaci allo 02 1234 5678 per un appuntamento.',
    'Risultati garantiti, il miglior dentista di Milano.',
    'Camminare trenta minuti al giorno fa bene al cuore.',
  ],
};

const HASHTAGS = {
  en: ['#DentalHealth', '#Prevention', '#Wellness', '#FluSeason', '#HealthTips', '#OralHygiene'],
  es: ['#SaludBucodental', '#Prevención', '#Salud', '#Vacunación', '#ConsejosDeSalud'],
  it: ['#Salute', '#Prevenzione', '#Benessere', '#Vaccini', '#ConsigliDiSalute'],
};

const LINKS = ['https://www.who.int/news-room/fact-sheets', 'https://sonrisa.es/cita', 'https://bit.ly/3xAbc', 'https://www.salute.gov.it', 'https://sonrisa.es/blog?utm_source=ig', 'dentalrival.es/ofertas'];

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

export function generateDraft(index, seed = 20261123) {
  const next = random(seed + index * 7919);
  const lang = pick(next, ['en', 'es', 'it']);
  const platforms = next() < 0.2 ? [pick(next, PLATFORMS), pick(next, PLATFORMS)] : [pick(next, PLATFORMS)];
  const day = new Date(Date.UTC(2026, 0, 1) + Math.floor(next() * 365) * 86_400_000).toISOString().slice(0, 10);
  const type = pick(next, TYPES);
  const frontMatter = [
    '---',
    platforms.length > 1 ? `platforms: [${[...new Set(platforms)].join(', ')}]` : `platform: ${platforms[0]}`,
    `date: ${day}`,
    next() < 0.9 ? `lang: ${lang}` : null,
    `type: ${type}`,
    next() < 0.3 ? `media:\n  - src: images/post-${index}.jpg\n    alt: ${next() < 0.8 ? 'Illustration for the post' : ''}` : null,
    '---',
  ].filter((line) => line !== null);
  const paragraphs = [];
  const paragraphCount = 1 + Math.floor(next() * 4);
  for (let paragraph = 0; paragraph < paragraphCount; paragraph += 1) {
    const sentences = [];
    const sentenceCount = 1 + Math.floor(next() * 4);
    for (let sentence = 0; sentence < sentenceCount; sentence += 1) sentences.push(pick(next, SENTENCES[lang]));
    paragraphs.push(sentences.join(' '));
  }
  if (next() < 0.25) paragraphs.push(['1. ' + pick(next, SENTENCES[lang]), '2. ' + pick(next, SENTENCES[lang]), '3. ' + pick(next, SENTENCES[lang])].join('\n'));
  if (next() < 0.3) paragraphs.push(`**${pick(next, SENTENCES[lang])}**`);
  if (next() < 0.5) paragraphs.push(`${pick(next, ['More:', 'Más:', 'Info:'])} ${pick(next, LINKS)}`);
  const tagCount = Math.floor(next() * 6);
  if (tagCount > 0) paragraphs.push(Array.from({ length: tagCount }, () => pick(next, HASHTAGS[lang])).join(' '));
  return `${frontMatter.join('\n')}\n${paragraphs.join('\n\n')}\n`;
}

/** Writes `count` drafts under `directory` (reused when already complete), with a config like a clinic's. */
export function writeCorpus(directory, count) {
  const marker = join(directory, '.complete');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(count)) return directory;
  rmSync(directory, { recursive: true, force: true });
  for (let index = 0; index < count; index += 1) {
    const folder = join(directory, 'drafts', String(Math.floor(index / 1000)).padStart(3, '0'));
    if (index % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `draft-${String(index).padStart(6, '0')}.md`), generateDraft(index));
  }
  writeFileSync(join(directory, '.medpostrc.yaml'), [
    'files: ["drafts/**/*.md"]',
    'settings:',
    '  brandName: "Clínica Dental Sonrisa"',
    '  ownDomains: [sonrisa.es]',
    '  competitorDomains: [dentalrival.es]',
    '  languages: [en, es, it]',
    '  phoneRegions: [ES, IT, GB]',
    '',
  ].join('\n'));
  // markdownlint-cli2 reads this; an empty config means its default rules.
  writeFileSync(join(directory, '.markdownlint-cli2.jsonc'), '{}\n');
  writeFileSync(marker, String(count));
  return directory;
}
