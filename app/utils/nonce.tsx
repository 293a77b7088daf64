import { createContext, useContext } from "react";

// The per-request CSP nonce (set by scripts/server.ts, handed down by entry.server.tsx). Empty in the browser.
const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
