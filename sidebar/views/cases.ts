import type { View } from './index';

export const caseViews: Record<string, View> = {};
