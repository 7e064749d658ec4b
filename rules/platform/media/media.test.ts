import { RuleTester } from '../../../src/rule-tester.js';
import rule from './index.js';

new RuleTester().run(rule, {
  valid: [
    {
      name: 'Instagram with an image and its alt text in front matter',
      code: '---\nplatform: instagram\nmedia:\n  - src: sonrisa.jpg\n    alt: Una paciente sonríe en el sillón dental tras su limpieza\n---\nTu sonrisa, nuestra prioridad 🦷\n',
    },
    {
      name: 'YouTube with a video',
      code: '---\nplatform: youtube\nmedia: [intervista-cardiologo.mp4]\n---\nIntervista al nostro cardiologo sulla prevenzione.\n',
    },
    {
      name: 'Instagram with a body image that has alt text',
      code: '---\nplatform: instagram\n---\n![Cartel con los horarios de verano de la clínica](horario.png)\n\nNuevo horario de verano.\n',
    },
    { name: 'X without media is fine', code: '---\nplatform: x\n---\nFlu shots available from Monday.\n' },
    { name: 'no platform: nothing to check', code: '![](foto.jpg)\n' },
    {
      name: 'alt text missing but not required by options',
      code: '---\nplatform: x\nmedia: [foto.jpg]\n---\nHola\n',
      options: { requireAltText: false },
    },
  ],
  invalid: [
    {
      name: 'Instagram without an image or video',
      code: '---\nplatform: instagram\nlang: it\n---\nCinque consigli per dormire meglio.\n',
      errors: [{ message: /Instagram is a visual network: this post has no image or video/, kind: 'missing', platform: 'instagram', line: 2, severity: 'warn', suggestion: /^add an image or video under 'media'/ }],
    },
    {
      name: 'TikTok without media: the suggestion reads "a video or image"',
      code: '---\nplatform: tiktok\n---\nTres ejercicios para la espalda.\n',
      errors: [{ message: /TikTok is a visual network: this post has no video or image/, suggestion: /^add a video or image under 'media'/ }],
    },
    {
      name: 'YouTube with only an image',
      code: '---\nplatform: youtube\nmedia: [{src: copertina.jpg, alt: Copertina del video}]\n---\nIl video della settimana.\n',
      errors: [{ message: /YouTube is a visual network: this post has no video \(only image\)/, platform: 'youtube', suggestion: /^add a video under 'media'/ }],
    },
    {
      name: 'an image without alt text, for two platforms',
      code: '---\nplatforms: [x, linkedin]\nmedia: [equipo.jpg]\n---\nOur team at the Valencia congress.\n',
      errors: [{ message: /'equipo\.jpg' has no alt text: people using screen readers on X \(Twitter\) and LinkedIn/, kind: 'alt-missing', platform: 'x,linkedin', line: 3 }],
    },
    {
      name: 'a body image with empty alt',
      code: '---\nplatform: instagram\n---\n![](sorriso.jpg)\n\nIl sorriso è salute.\n',
      errors: [{ kind: 'alt-missing', line: 4, column: 1 }],
    },
    {
      name: 'alt text over the Mastodon limit (1,500)',
      code: `---\nplatform: mastodon\nmedia:\n  - src: grafico.png\n    alt: "${'Grafico della pressione arteriosa per fasce di età. '.repeat(30)}"\n---\nI dati del 2025.\n`,
      errors: [{ message: /alt text of 'grafico\.png' is 1,5\d\d characters; Mastodon accepts at most 1,500/, kind: 'alt-too-long', severity: 'error', platform: 'mastodon' }],
    },
    {
      name: 'five images on X, which takes four',
      code: '---\nplatform: x\nmedia:\n  - {src: 1.jpg, alt: uno}\n  - {src: 2.jpg, alt: dos}\n  - {src: 3.jpg, alt: tres}\n  - {src: 4.jpg, alt: cuatro}\n  - {src: 5.jpg, alt: cinco}\n---\nNuestras instalaciones.\n',
      errors: [{ kind: 'too-many', severity: 'error', platform: 'x', message: /5 media items for X \(Twitter\), which takes at most 4/ }],
    },
    {
      name: 'a network added in config that requires media',
      code: '---\nplatform: pixelfed\n---\nHello\n',
      settings: { platforms: { pixelfed: { name: 'Pixelfed', media: { required: true, types: ['image'] } } } },
      errors: [{ kind: 'missing', platform: 'pixelfed', message: /Pixelfed is a visual network: this post has no image/ }],
    },
  ],
});
