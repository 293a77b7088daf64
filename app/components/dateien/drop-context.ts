import { createContext } from "react";

/** Set by a form that accepts dropped files (useFileDrop); its FileField registers where the files go. */
export const DropContext = createContext<{ register: (fn: ((files: File[]) => void) | null) => void } | null>(null);
