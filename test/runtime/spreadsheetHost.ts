// A ServiceHost stub for spreadsheet tests: records UI events, answers alerts from a queue.
import type { AlertRequest, AlertResponse, ServiceHost, UiEvent } from '../../dev/runtime/contract';

export interface TestHost extends ServiceHost {
  events: UiEvent[];
  asked: AlertRequest[];
  answers: AlertResponse[];
}

export function testHost(user = 'clerk@example.com'): TestHost {
  const events: UiEvent[] = [];
  const asked: AlertRequest[] = [];
  const answers: AlertResponse[] = [];
  return {
    events,
    asked,
    answers,
    scriptTimeZone: 'America/New_York',
    execution: { id: 1, kind: 'cli', authMode: 'FULL', activeUserEmail: user, effectiveUserEmail: user, startedAt: 0 },
    ui: {
      emit: (e) => events.push(e),
      ask: async (r) => {
        asked.push(r);
        return answers.shift() ?? { button: 'OK' };
      },
    },
  };
}
