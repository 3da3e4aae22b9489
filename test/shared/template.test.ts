import { describe, expect, it } from 'vitest';

import { TEMPLATE_FIELDS, fillTemplate, templateParts } from '../../shared/template.js';

const values = {
  'contact.firstName': 'Sam',
  'contact.lastName': 'Rivera',
  'contact.fullName': 'Sam Rivera',
  'user.firstName': 'Ana',
  'user.name': 'Ana Lopez',
  'office.name': 'Admissions',
  'office.number': '+14155550100',
};

describe('TEMPLATE_FIELDS', () => {
  it('lists every field once with a label', () => {
    const keys = TEMPLATE_FIELDS.map((field) => field.key);

    expect(keys).toEqual(Object.keys(values));
    for (const field of TEMPLATE_FIELDS) expect(field.label.length).toBeGreaterThan(0);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['Hi {{contact.firstName}}!', 'Hi Sam!'],
    ['{{contact.lastName}}, {{contact.firstName}}', 'Rivera, Sam'],
    ['Dear {{contact.fullName}}', 'Dear Sam Rivera'],
    ['This is {{user.firstName}} ({{user.name}})', 'This is Ana (Ana Lopez)'],
    ['{{office.name}}: {{office.number}}', 'Admissions: +14155550100'],
    ['Hi {{ contact.firstName }}', 'Hi Sam'],
    ['Hi {{contact.FirstName}}', 'Hi Sam'],
    ['Hi {{contact.firstName|there}}', 'Hi Sam'],
    ['No fields here', 'No fields here'],
    ['{{contact.firstName}}{{contact.firstName}}', 'SamSam'],
    ['Single {brace} stays', 'Single {brace} stays'],
  ])('fills %j', (template, text) => {
    expect(fillTemplate(template, values)).toEqual({ text, missing: [], unknown: [] });
  });

  it.each([
    ['Hi {{contact.firstName|there}}', {}, 'Hi there'],
    ['Hi {{ contact.firstName | there }}!', {}, 'Hi there!'],
    ['Hi {{contact.firstName|there}}', { 'contact.firstName': null }, 'Hi there'],
    ['Hi {{contact.firstName|there}}', { 'contact.firstName': '  ' }, 'Hi there'],
    ['Hi {{contact.firstName|my friend}}', {}, 'Hi my friend'],
    ['Hi{{contact.firstName|}}!', {}, 'Hi!'],
  ])('uses the fallback in %j', (template, given, text) => {
    expect(fillTemplate(template, given)).toEqual({ text, missing: [], unknown: [] });
  });

  it('leaves a field with no value and no fallback in place and reports it once', () => {
    const result = fillTemplate(
      'Hi {{contact.firstName}}, {{ contact.firstName }} from {{office.name}}',
      {
        'office.name': 'Admissions',
      },
    );

    expect(result).toEqual({
      text: 'Hi {{contact.firstName}}, {{ contact.firstName }} from Admissions',
      missing: ['contact.firstName'],
      unknown: [],
    });
  });

  it('reports unknown fields and leaves them in place', () => {
    const result = fillTemplate('Hi {{contact.nickname}} {{ foo | bar }}', values);

    expect(result).toEqual({
      text: 'Hi {{contact.nickname}} {{ foo | bar }}',
      missing: [],
      unknown: ['contact.nickname', 'foo'],
    });
  });

  it('trims values and does not expand fields inside values', () => {
    const result = fillTemplate('Hi {{contact.firstName}}', {
      'contact.firstName': ' {{user.name}} ',
      'user.name': 'Ana',
    });

    expect(result.text).toBe('Hi {{user.name}}');
  });
});

describe('templateParts', () => {
  it('splits text from known fields and keeps each fallback', () => {
    expect(templateParts('Hi {{ Contact.firstName | there }}, this is {{user.name}}.')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'field', key: 'contact.firstName', label: 'Contact first name', fallback: 'there' },
      { kind: 'text', text: ', this is ' },
      { kind: 'field', key: 'user.name', label: 'Your full name', fallback: null },
      { kind: 'text', text: '.' },
    ]);
  });

  it('leaves unknown placeholders inside the text as written', () => {
    expect(templateParts('A {{contact.phone}} and {{office.name}}')).toEqual([
      { kind: 'text', text: 'A {{contact.phone}} and ' },
      { kind: 'field', key: 'office.name', label: 'Office name', fallback: null },
    ]);
  });

  it('gives back a text without fields as one part, and nothing for an empty one', () => {
    expect(templateParts('Plain')).toEqual([{ kind: 'text', text: 'Plain' }]);
    expect(templateParts('')).toEqual([]);
  });
});
