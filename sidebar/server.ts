// The one way the page talks to the server: a promise over google.script.run.
// build.mjs checks every `callServer('name', ...)` against the exports of src/server/index.ts,
// so always call it with a string literal name.
declare const google: {
  script: {
    run: Record<string, (...args: unknown[]) => void> & {
      withSuccessHandler(f: (value: unknown) => void): typeof google.script.run;
      withFailureHandler(f: (error: Error) => void): typeof google.script.run;
    };
    host: { close(): void; editor: { focus(): void }; setHeight(h: number): void; setWidth(w: number): void };
  };
};

export function callServer<T = unknown>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as T))
      .withFailureHandler((error) => reject(error));
    runner[fn](...args);
  });
}

export function closePage(): void {
  google.script.host.close();
}
