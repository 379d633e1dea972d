// The app's commands and events, typed: generated into bindings.ts from their one declaration
// on the Rust side (`./dev bindings`), re-exported here with what is not generated.
import { attractView } from "./bindings";
import type { AttractView } from "./bindings";

export * from "./bindings";
export { IpcFailure } from "./call";

/** The first screen's data, requested as the script loads, before anything renders: start-up
 * waits for this one round trip, not for a render and then a request. */
export const firstAttract: Promise<AttractView> = attractView(0, null);
firstAttract.catch(() => {});
