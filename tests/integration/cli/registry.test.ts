import { describe, expect, it } from 'vitest';
import { commands } from '../../../main/cli/commands/index.ts';

describe('vanthu command registry', () => {
  it('names each entry as its command is named, so `vanthu <name>` loads the right module alone', async () => {
    const loaded = await Promise.all(commands.map(async (entry) => [entry.name, (await entry.load()).name]));
    expect(loaded.filter(([registered, actual]) => registered !== actual)).toEqual([]);
    expect(new Set(commands.map((entry) => entry.name)).size).toBe(commands.length);
  });
});
