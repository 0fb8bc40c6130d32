import { describe, expect, test } from 'vitest';
import {
  MAX_TEMPLATE_BODY_LENGTH,
  checkTemplateBody,
  nextVariable,
  renderTemplate,
  templateBodyLength,
  templateVariables,
  variableCount,
} from './template-variables';

const errorOf = (body: string) => {
  const result = checkTemplateBody(body);
  return result.ok ? 'ok' : result.error;
};

describe('templateVariables', () => {
  test.each([
    ['no variables', 'Thanks for writing to us.', []],
    ['one', 'Hi {{1}}!', [1]],
    ['several in order of appearance', 'Order {{2}} for {{1}} arrives {{3}}', [2, 1, 3]],
    ['a repeated variable each time it appears', 'Hi {{1}}, yes {{1}}, order {{2}}', [1, 1, 2]],
    ['multi-digit numbers', 'A {{10}} b {{12}}', [10, 12]],
    ['at the very start and end', '{{1}} and {{2}}', [1, 2]],
  ])('%s', (_label, body, expected) => {
    expect(templateVariables(body)).toEqual(expected);
  });

  test.each([
    ['named placeholders', 'Hi {{name}}'],
    ['spaces inside the braces', 'Hi {{ 1 }}'],
    ['zero', 'Hi {{0}}'],
    ['a leading zero', 'Hi {{01}}'],
    ['single braces', 'Hi {1}'],
    ['empty braces', 'Hi {{}}'],
    ['a negative number', 'Hi {{-1}}'],
    ['half a variable', 'Hi {{1 and 2}}'],
  ])('ignores what is not a variable: %s', (_label, body) => {
    expect(templateVariables(body)).toEqual([]);
  });
});

describe('variableCount', () => {
  test.each([
    ['', 0],
    ['No variables at all', 0],
    ['Hi {{1}}', 1],
    ['Hi {{1}}, order {{2}} on {{3}}', 3],
    ['Hi {{1}} and again {{1}}', 1],
    ['{{2}} before {{1}}', 2],
    ['Gap: {{1}} then {{3}}', 2],
    ['Not a variable {{x}} but {{1}} is', 1],
  ])('%j needs %i examples', (body, count) => {
    expect(variableCount(body)).toBe(count);
  });
});

describe('nextVariable', () => {
  test.each([
    ['', 1],
    ['Hello', 1],
    ['Hi {{1}}', 2],
    ['{{1}} x {{2}} y {{3}}', 4],
    ['{{2}} before {{1}}', 3],
    ['Only {{name}}', 1],
  ])('after %j comes {{%i}}', (body, next) => {
    expect(nextVariable(body)).toBe(next);
  });
});

describe('templateBodyLength', () => {
  test('counts characters as people see them', () => {
    expect(templateBodyLength('')).toBe(0);
    expect(templateBodyLength('Hei ääkköset')).toBe(12);
    expect(templateBodyLength('👍')).toBe(1);
    expect(templateBodyLength('Hi {{1}} 🎉')).toBe(10);
  });
});

describe('checkTemplateBody', () => {
  describe('accepts bodies WhatsApp approves', () => {
    test.each([
      ['plain text', 'Thanks for contacting Contoso support.'],
      ['one variable', 'Hi {{1}}, your order has shipped.'],
      ['the demo shipping text', 'Hi {{1}}, your order {{2}} has shipped and should arrive on {{3}}.'],
      ['variables out of order', 'Your order {{2}} is ready, {{1}}.'],
      ['a variable used twice', 'Hi {{1}}! Yes, {{1}}, we heard you.'],
      ['a variable at the start', '{{1}}, your code is ready.'],
      ['a variable at the end', 'Your code is {{1}}'],
      ['ten variables', Array.from({ length: 10 }, (_, i) => `v{{${i + 1}}}`).join(' ')],
      ['single braces as text', 'Use {braces} like {this}, and {{1}}.'],
      ['line breaks and emoji', 'Hei {{1}} 👋\n\nTilauksesi on matkalla.'],
      ['exactly the limit', 'x'.repeat(MAX_TEMPLATE_BODY_LENGTH)],
      ['the limit in emoji', '😀'.repeat(MAX_TEMPLATE_BODY_LENGTH)],
      ['variables separated by punctuation and text', 'From {{1}} to {{2}}, via {{3}}.'],
    ])('%s', (_label, body) => {
      expect(checkTemplateBody(body)).toEqual({ ok: true, value: body });
    });
  });

  describe('body.required', () => {
    test.each([[''], [' '], ['\n\t  \n']])('for %j', (body) => {
      expect(errorOf(body)).toBe('body.required');
    });
  });

  describe('body.tooLong', () => {
    test('one character over the limit', () => {
      expect(errorOf('x'.repeat(MAX_TEMPLATE_BODY_LENGTH + 1))).toBe('body.tooLong');
    });

    test('comes before any variable problem', () => {
      expect(errorOf(`{{2}}${'x'.repeat(MAX_TEMPLATE_BODY_LENGTH)}`)).toBe('body.tooLong');
    });
  });

  describe('body.malformedVariable', () => {
    test.each([
      ['a named variable', 'Hi {{name}}'],
      ['spaces inside the braces', 'Hi {{ 1 }}'],
      ['empty braces', 'Hi {{}}'],
      ['zero', 'Hi {{0}}'],
      ['a leading zero', 'Hi {{01}}'],
      ['a negative number', 'Hi {{-1}}'],
      ['a decimal', 'Hi {{1.5}}'],
      ['an unclosed variable', 'Hi {{1, welcome'],
      ['an unopened variable', 'Hi 1}}, welcome'],
      ['one closing brace', 'Hi {{1}, welcome'],
      ['one opening brace', 'Hi {1}}, welcome'],
      ['triple braces', 'Hi {{{1}}}'],
      ['a stray opening brace before a variable', 'Hi {{{1}}, welcome'],
      ['a stray closing brace after a variable', 'Hi {{1}}}, welcome'],
      ['nested braces', 'Hi {{{{1}}}}'],
      ['a good variable with a bad one', 'Hi {{1}}, order {{order}}'],
    ])('%s', (_label, body) => {
      expect(errorOf(body)).toBe('body.malformedVariable');
    });
  });

  describe('body.variablesNotSequential', () => {
    test.each([
      ['starting at 2', 'Hi {{2}}'],
      ['a gap', 'Hi {{1}}, order {{3}}'],
      ['a gap, out of order', 'Order {{3}} for {{1}}'],
      ['starting at 10', 'Code {{10}}'],
      ['one to ten without nine', Array.from({ length: 10 }, (_, i) => `v{{${i === 8 ? 10 : i + 1}}}`).join(' ')],
    ])('%s', (_label, body) => {
      expect(errorOf(body)).toBe('body.variablesNotSequential');
    });
  });

  describe('body.adjacentVariables', () => {
    test.each([
      ['touching', 'Hi {{1}}{{2}}'],
      ['separated by a space', 'Hi {{1}} {{2}}!'],
      ['separated by a line break', 'Hi {{1}}\n{{2}}'],
      ['separated by tabs and spaces', 'Hi {{1}} \t {{2}}'],
      ['the same variable twice in a row', 'Hi {{1}} {{1}}'],
    ])('%s', (_label, body) => {
      expect(errorOf(body)).toBe('body.adjacentVariables');
    });
  });

  test('reports the numbering before adjacency', () => {
    expect(errorOf('Hi {{2}}{{3}}')).toBe('body.variablesNotSequential');
  });
});

describe('renderTemplate', () => {
  test('replaces each variable by its example', () => {
    expect(renderTemplate('Hi {{1}}, your order {{2}} has shipped.', ['Maria', '#4821'])).toBe('Hi Maria, your order #4821 has shipped.');
  });

  test('uses the example of the number, whatever the order of appearance', () => {
    expect(renderTemplate('Order {{2}} for {{1}}', ['Maria', '#4821'])).toBe('Order #4821 for Maria');
  });

  test('a repeated variable gets the same example each time', () => {
    expect(renderTemplate('{{1}}? Yes, {{1}}.', ['Maria'])).toBe('Maria? Yes, Maria.');
  });

  test('a variable without an example stays as written, so the gap shows', () => {
    expect(renderTemplate('Hi {{1}}, order {{2}}', ['Maria'])).toBe('Hi Maria, order {{2}}');
    expect(renderTemplate('Hi {{1}}, order {{2}}', ['', '  '])).toBe('Hi {{1}}, order {{2}}');
  });

  test('trims the examples', () => {
    expect(renderTemplate('Hi {{1}}!', ['  Maria '])).toBe('Hi Maria!');
  });

  test('leaves what is not a variable alone', () => {
    expect(renderTemplate('Hi {{name}} {1} {{0}} {{1}}', ['Maria'])).toBe('Hi {{name}} {1} {{0}} Maria');
  });

  test('examples are inserted literally, even with $ patterns or braces', () => {
    expect(renderTemplate('Total {{1}}', ['$& $1 {{2}}'])).toBe('Total $& $1 {{2}}');
  });

  test('a body without variables is returned as is', () => {
    expect(renderTemplate('Thanks!\nContoso', ['unused'])).toBe('Thanks!\nContoso');
  });
});
