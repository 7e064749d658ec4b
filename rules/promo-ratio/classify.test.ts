import { describe, it, expect } from 'vitest';
import { parsePost } from '../../src/post.js';
import { defaultSettings } from '../../src/settings.js';
import { platformRegistry } from '../../src/platforms.js';
import { explainClassification, formatClassification } from './classify.js';

const settings = defaultSettings();
async function classify(code: string) {
  const { post } = await parsePost(code, { path: '/tmp/draft.md', displayPath: 'draft.md', settings, platformAliases: platformRegistry(settings).aliases });
  return explainClassification(post);
}

describe('explainClassification', () => {
  it('lets front matter type win over the cues', async () => {
    const result = await classify('---\nplatform: instagram\nlang: es\ntype: info\n---\n¡Blanqueamiento con un 30% de descuento! Pide tu cita.\n');
    expect(result.category).toBe('informational');
    expect(result.decidedBy).toBe('type');
    expect(result.promotionalScore).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['en', 'Whitening special: 20% off until Friday, only 5 spots left! Book now at the link in bio.'],
    ['es', 'Este mes, primera visita gratuita y un 15% de descuento en ortodoncia invisible. ¡Pide tu cita ya!'],
    ['es', 'Implantes desde 590 € con financiación sin intereses. Llámanos y te informamos.'],
    ['it', 'Sbiancamento professionale a soli 199 €: offerta valida fino al 31 marzo. Prenota ora!'],
    ['it', 'Il nostro studio offre ora la nuova TAC cone beam: prenota la tua visita, posti limitati.'],
    ['en', 'We are excited to announce our new clinic in Leeds is now open! Book your appointment online today.'],
  ])('reads a %s promotional draft as promotional', async (lang, body) => {
    const result = await classify(`---\nplatform: instagram\nlang: ${lang}\n---\n${body}\n`);
    expect(result.category, formatClassification('draft.md', result)).toBe('promotional');
    expect(result.decidedBy).toBe('cues');
  });

  it.each([
    ['en', 'Did you know? Flossing once a day reduces gum disease. Here are 5 tips to make it a habit. If you have questions, book an appointment.'],
    ['es', '¿Sabías que el 80% de los adultos tiene algún grado de enfermedad periodontal? Te explicamos 5 señales de alarma y cómo prevenirla.'],
    ['es', 'Día Mundial de la Salud Bucodental: según la OMS, la caries es la enfermedad no transmisible más frecuente. La prevención empieza en casa.'],
    ['it', 'Lo sapevi che lo spazzolino va cambiato ogni tre mesi? Ecco i nostri consigli per una corretta igiene orale.'],
    ['it', 'Giornata mondiale del diabete: i fattori di rischio e i sintomi da non sottovalutare. Lo screening è semplice.'],
    ['en', 'Sun safety: wear SPF 30 or higher, reapply every two hours and check your moles once a month.'],
  ])('reads a %s informational draft as informational', async (lang, body) => {
    const result = await classify(`---\nplatform: instagram\nlang: ${lang}\n---\n${body}\n`);
    expect(result.category, formatClassification('draft.md', result)).toBe('informational');
  });

  it('reads opening-hours notices as neutral', async () => {
    const result = await classify('---\nplatform: facebook\nlang: es\n---\nHorario de verano: del 1 de julio al 31 de agosto permaneceremos cerrados por las tardes.\n');
    expect(result.category).toBe('neutral');
  });

  it('treats replies as neither', async () => {
    const result = await classify('---\nplatform: facebook\nreply_to: review-123\n---\nThank you for your kind words, we hope to see you again.\n');
    expect(result.category).toBe('reply');
  });

  it('counts a link to a booking page and a sponsored flag', async () => {
    const result = await classify('---\nplatform: facebook\nsponsored: true\n---\nNew evening appointments: https://clinic.example/book\n');
    expect(result.cues.map((cue) => cue.id).sort()).toEqual(['booking-link', 'sponsored']);
    expect(result.category).toBe('promotional');
  });

  it('explains which cues fired, where and with what weight', async () => {
    const result = await classify('---\nplatform: x\nlang: en\n---\nTeeth whitening for just $99.\nBook now!\n');
    const text = formatClassification('draft.md', result);
    expect(text).toMatch(/promotional/);
    expect(result.cues.find((cue) => cue.id === 'price')).toMatchObject({ weight: 2, line: 5, text: '$99' });
    expect(result.cues.find((cue) => cue.id === 'booking-call')).toMatchObject({ weight: 1, line: 6, column: 1 });
  });
});
