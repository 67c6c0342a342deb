import { useEffect } from 'react';
import type { TokenList } from '../../../preload/contract/tokens.ts';
import { call } from '../../app/ipc/call.ts';
import { useLoad, type Loader } from '../../app/ipc/use-load.ts';
import { vanthu } from '../../bridge/vanthu.ts';

/** The plugged tokens and their certificates, refreshed when a token is plugged in or pulled out. */
export function useTokens(): Loader<TokenList> {
  const loader = useLoad<TokenList>('tokens.list', () => call('tokens.list', {}), []);
  const { reload } = loader;
  useEffect(() => vanthu.on('tokens.changed', reload), [reload]);
  return loader;
}
