// What the console's thread and its read worker (main/workers/read-worker.ts) say to each other.
/** The worker's file comes as its workerData ({ file }). */
export type ReadRequest = { id: number; name: string; input: unknown };

/** An error as it crosses threads: SwitchboardErrors keep their code and stage, SQLite's its code (storage-faults.ts reads it). */
export interface ThrownError {
  name: string;
  message: string;
  code?: string;
  stage?: string;
}

export type ReadReply = { id: number; result: unknown } | { id: number; error: ThrownError };
