import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// jsdom has no layout: charts measure their box with ResizeObserver, which it lacks.
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResize as unknown as typeof ResizeObserver;

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});
