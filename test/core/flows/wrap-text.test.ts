import { describe, expect, test } from 'vitest';
import { wrapText } from '../../../cli/core/flows/describe-block.js';

describe('wrapText', () => {
  test('breaks between words and keeps the text whole', () => {
    expect(wrapText('Olá! Para trocar, tenha em mãos o número do pedido.', 20, 8)).toEqual(['Olá! Para trocar,', 'tenha em mãos o', 'número do pedido.']);
  });

  test('keeps the text\'s own line breaks and drops empty lines', () => {
    expect(wrapText('Como podemos ajudar?\n\nDigite o número.', 40, 8)).toEqual(['Como podemos ajudar?', 'Digite o número.']);
  });

  test('splits a word longer than a line, counting emoji as one character', () => {
    expect(wrapText('😀😀😀😀😀 ok', 3, 8)).toEqual(['😀😀😀', '😀😀', 'ok']);
  });

  test('ends the last line with … past the line limit', () => {
    expect(wrapText('um dois três quatro cinco seis', 9, 2)).toEqual(['um dois', 'três…']);
  });

  test('never makes a line longer than the width', () => {
    const text = 'Nosso horário é de segunda a sexta, das 8h às 18h. Deixe a sua mensagem que retornamos no próximo dia útil.';
    for (const width of [5, 12, 40]) for (const line of wrapText(text, width, 100)) expect(Array.from(line).length).toBeLessThanOrEqual(width);
  });
});
