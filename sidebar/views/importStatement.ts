import type { View } from './index';

export const importViews: Record<string, View> = {};
