import type { View } from './index';

export const reconcileViews: Record<string, View> = {};
