import { describe, expect, it } from 'vitest';

import { CsvParseError, parseCsv } from '../../server/lib/csv.js';

describe('parseCsv', () => {
  it.each([
    { name: 'an empty text', text: '', rows: [] },
    { name: 'one field', text: 'a', rows: [['a']] },
    {
      name: 'LF records',
      text: 'a,b\nc,d',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    {
      name: 'CRLF records',
      text: 'a,b\r\nc,d\r\n',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    {
      name: 'CR records',
      text: 'a,b\rc,d\r',
      rows: [
        ['a', 'b'],
        ['c', 'd'],
      ],
    },
    { name: 'a trailing line break', text: 'a,b\n', rows: [['a', 'b']] },
    { name: 'empty fields', text: ',a,,\n', rows: [['', 'a', '', '']] },
    { name: 'a blank line inside', text: 'a\n\nb', rows: [['a'], [''], ['b']] },
    { name: 'a quoted field', text: '"a b",c', rows: [['a b', 'c']] },
    { name: 'a comma in quotes', text: '"Rivera, Sam",1', rows: [['Rivera, Sam', '1']] },
    { name: 'escaped quotes', text: '"say ""hi""",x', rows: [['say "hi"', 'x']] },
    { name: 'an escaped quote alone', text: '""""', rows: [['"']] },
    { name: 'a quoted empty field', text: '"",a\n""', rows: [['', 'a'], ['']] },
    { name: 'a LF inside quotes', text: '"line 1\nline 2",b', rows: [['line 1\nline 2', 'b']] },
    { name: 'a CRLF inside quotes', text: '"a\r\nb"\r\nc', rows: [['a\r\nb'], ['c']] },
    {
      name: 'a BOM',
      text: '\ufefffirst,last\nSam,Rivera',
      rows: [
        ['first', 'last'],
        ['Sam', 'Rivera'],
      ],
    },
    { name: 'a stray quote in an unquoted field', text: 'a"b,c', rows: [['a"b', 'c']] },
    { name: 'text after a closing quote', text: '"a"b,c', rows: [['ab', 'c']] },
    { name: 'spaces kept as written', text: ' a , b ', rows: [[' a ', ' b ']] },
    { name: 'unicode', text: 'Zoë,😀\n', rows: [['Zoë', '😀']] },
  ])('parses $name', ({ text, rows }) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it('parses a contact export with a header row', () => {
    const text = [
      'First Name,Last Name,Phone,Notes',
      'Sam,Rivera,(415) 555-0100,"Prefers texts, not calls"',
      'Zoë,"O""Brien",+1 202 555 0123,"Line one',
      'line two"',
      '',
    ].join('\r\n');

    expect(parseCsv(text)).toEqual([
      ['First Name', 'Last Name', 'Phone', 'Notes'],
      ['Sam', 'Rivera', '(415) 555-0100', 'Prefers texts, not calls'],
      ['Zoë', 'O"Brien', '+1 202 555 0123', 'Line one\r\nline two'],
    ]);
  });

  it('throws with the line of a quoted field that never closes', () => {
    const parse = () => parseCsv('a,b\nc,"open\nstill open');

    expect(parse).toThrow(CsvParseError);
    expect(parse).toThrow(expect.objectContaining({ line: 2 }));
  });
});
