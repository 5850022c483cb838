import { useState } from 'react';

export type BoardDensity = 'comfortable' | 'compact';

const keyOf = (userId: string) => `certhub.board.density.${userId}`;

/** The board's density, remembered per user in this browser. */
export function useBoardDensity(userId: string): [BoardDensity, (density: BoardDensity) => void] {
  const [density, setDensity] = useState<BoardDensity>(() =>
    localStorage.getItem(keyOf(userId)) === 'compact' ? 'compact' : 'comfortable',
  );
  const choose = (next: BoardDensity) => {
    localStorage.setItem(keyOf(userId), next);
    setDensity(next);
  };
  return [density, choose];
}
