/** The edit queue: a burst of changes is one analysis of each document's latest text. */
import assert from 'node:assert/strict';
import { EditQueue } from '../../server/src/lsp/edit-queue.js';

describe('edit queue', () => {
  it('analyses each changed document once, however many changes came', () => {
    const analysed: string[][] = [];
    const queue = new EditQueue((uris) => analysed.push(uris));
    for (let i = 0; i < 1000; i++) queue.changed('file:///a.txt');
    queue.changed('file:///b.txt');
    assert.ok(queue.isPending('file:///a.txt'));
    queue.flush();
    assert.deepEqual(analysed, [['file:///a.txt', 'file:///b.txt']]);
    assert.ok(!queue.isPending('file:///a.txt'));
    queue.flush();
    assert.equal(analysed.length, 1, 'nothing pending: nothing analysed');
  });

  it('drops a document that was closed before its changes settled', () => {
    const analysed: string[][] = [];
    const queue = new EditQueue((uris) => analysed.push(uris));
    queue.changed('file:///a.txt');
    queue.changed('file:///b.txt');
    queue.forget('file:///a.txt');
    queue.flush();
    assert.deepEqual(analysed, [['file:///b.txt']]);
  });

  it('analyses on its own once the changes settle', async () => {
    const analysed = new Promise<string[]>((resolve) => new EditQueue(resolve).changed('file:///a.txt'));
    assert.deepEqual(await analysed, ['file:///a.txt']);
  });
});
