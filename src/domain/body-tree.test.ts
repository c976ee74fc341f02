import { describe, expect, it } from 'vitest';
import { bodiesInTreeOrder, bodyAndDescendants } from './body-tree';
import type { BodyKind } from './schemas';

const body = (id: string, name: string, kind: BodyKind, parentId: string | null = null) => ({ id, name, kind, parentId });

describe('bodiesInTreeOrder', () => {
  it('puts the council first and its fora under it in Danish alphabetical order', () => {
    const bodies = [
      body('j', 'Jobtaskforce', 'forum', 'c'),
      body('u', 'Horsens Uddannelsesråd', 'forum', 'c'),
      body('c', 'Horsens Alliancen', 'council'),
      body('e', 'Erhvervstaskforce', 'forum', 'c'),
      body('ø', 'Østjysk forum', 'forum', 'c'),
      body('a', 'Aarhus forum', 'forum', 'c'),
    ];
    expect(bodiesInTreeOrder(bodies).map(({ body: b, depth }) => `${depth}:${b.name}`)).toEqual([
      '0:Horsens Alliancen',
      '1:Erhvervstaskforce',
      '1:Horsens Uddannelsesråd',
      '1:Jobtaskforce',
      '1:Østjysk forum',
      // Danish order puts "aa" (å) last.
      '1:Aarhus forum',
    ]);
  });

  it('nests deeper levels and keeps orphans and cycles visible at the top level', () => {
    const bodies = [
      body('sub', 'Underudvalg', 'forum', 'f'),
      body('f', 'Forum', 'forum', 'c'),
      body('c', 'Rådet', 'council'),
      body('orphan', 'Forældreløs', 'forum', 'gone'),
      body('x', 'X', 'forum', 'y'),
      body('y', 'Y', 'forum', 'x'),
    ];
    const order = bodiesInTreeOrder(bodies).map(({ body: b, depth }) => `${depth}:${b.id}`);
    expect(order.slice(0, 4)).toEqual(['0:c', '1:f', '2:sub', '0:orphan']);
    expect(order.slice(4).sort()).toEqual(['0:x', '0:y']);
  });
});

describe('bodyAndDescendants', () => {
  it('collects a body and everything under it', () => {
    const bodies = [body('c', 'Rådet', 'council'), body('f', 'F', 'forum', 'c'), body('s', 'S', 'forum', 'f'), body('g', 'G', 'forum', 'c')];
    expect([...bodyAndDescendants(bodies, 'f')].sort()).toEqual(['f', 's']);
    expect(bodyAndDescendants(bodies, 'c').size).toBe(4);
  });
});
